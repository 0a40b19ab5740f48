#ifndef PAGINATION_AWS_CONFIG_HPP
#define PAGINATION_AWS_CONFIG_HPP

// Configuration resolved the way the AWS CLI and the SDKs resolve it: the profile, the region,
// the endpoint, the credentials and the retry settings, from explicit options, the environment
// and the shared config and credentials files. docs/wire/config.md has the rules and their order.
//
// Secrets (secret keys, session tokens, credential_process output) never appear in an error
// message; a broken line of a file is reported by file, profile and line number.

#include <pagination/aws/credentials.hpp>
#include <pagination/aws/detail/civil_date.hpp>
#include <pagination/aws/detail/ini.hpp>
#include <pagination/aws/detail/process.hpp>
#include <pagination/aws/retry_strategy.hpp>
#include <pagination/config.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/expected.hpp>
#include <pagination/http/message.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pagination {
namespace aws {

/// What went wrong while resolving the configuration.
enum class config_errc {
    no_region = 1,              ///< no region anywhere
    invalid_region,             ///< a region that is not a host label
    no_credentials,             ///< no provider had credentials
    partial_credentials,        ///< an access key id without its secret
    unsupported_credentials,    ///< assume-role, web identity or SSO: not supported here
    profile_not_found,          ///< a named profile is in neither file
    invalid_config_file,        ///< the config file cannot be read or parsed
    invalid_credentials_file,   ///< the credentials file cannot be read or parsed
    credential_process_failed,  ///< credential_process could not run, failed or timed out
    credential_process_output,  ///< credential_process printed something other than the JSON
    invalid_endpoint,           ///< an endpoint URL that is not an absolute http(s) URL
    fips_with_custom_endpoint,  ///< FIPS or dual-stack asked for together with a custom endpoint
    invalid_retry_mode,         ///< retry_mode other than standard, legacy, adaptive
    invalid_max_attempts,       ///< max_attempts not an integer >= 1
    invalid_setting,            ///< any other setting with a value that cannot be used
    unsupported_platform,       ///< credential_process on a platform without POSIX processes
};

/// The name of an error code, e.g. "no_region".
constexpr const char* to_string(config_errc code) noexcept {
    switch (code) {
        case config_errc::no_region: return "no_region";
        case config_errc::invalid_region: return "invalid_region";
        case config_errc::no_credentials: return "no_credentials";
        case config_errc::partial_credentials: return "partial_credentials";
        case config_errc::unsupported_credentials: return "unsupported_credentials";
        case config_errc::profile_not_found: return "profile_not_found";
        case config_errc::invalid_config_file: return "invalid_config_file";
        case config_errc::invalid_credentials_file: return "invalid_credentials_file";
        case config_errc::credential_process_failed: return "credential_process_failed";
        case config_errc::credential_process_output: return "credential_process_output";
        case config_errc::invalid_endpoint: return "invalid_endpoint";
        case config_errc::fips_with_custom_endpoint: return "fips_with_custom_endpoint";
        case config_errc::invalid_retry_mode: return "invalid_retry_mode";
        case config_errc::invalid_max_attempts: return "invalid_max_attempts";
        case config_errc::invalid_setting: return "invalid_setting";
        case config_errc::unsupported_platform: return "unsupported_platform";
    }
    return "unknown";
}

/// A configuration error: a code and a message that says what to fix (never a secret).
struct config_error {
    config_errc code = config_errc::invalid_setting;
    std::string message;
};

/// A value or a configuration error.
template <class T>
using config_result = pagination::expected<T, config_error>;

/// The environment variables configuration reads: the process's, or a map (tests, embedding).
class environment {
public:
    /// An empty environment.
    environment() = default;
    /// Exactly these variables.
    explicit environment(std::map<std::string, std::string, std::less<>> vars) : vars_(std::move(vars)) {}

    /// A snapshot of this process's environment.
    static environment from_process() {
        environment env;
#if defined(__unix__) || defined(__APPLE__)
        for (char** p = environ; p != nullptr && *p != nullptr; ++p) {
            const std::string_view entry(*p);
            const std::size_t eq = entry.find('=');
            if (eq != std::string_view::npos && eq > 0) {
                env.vars_.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
            }
        }
        env.inherit_ = true;
#else
        env.use_getenv_ = true;
#endif
        return env;
    }

    /// The variable's value when it is set (possibly empty).
    std::optional<std::string> get(std::string_view name) const {
        if (use_getenv_) {
            const char* v = std::getenv(std::string(name).c_str());
            return v != nullptr ? std::optional<std::string>(v) : std::nullopt;
        }
        const auto it = vars_.find(name);
        return it != vars_.end() ? std::optional<std::string>(it->second) : std::nullopt;
    }

    /// Sets a variable (tests build environments this way).
    void set(std::string name, std::string value) { vars_[std::move(name)] = std::move(value); }

    /// "NAME=value" for each variable: the environment a credential_process runs with.
    std::vector<std::string> entries() const {
        std::vector<std::string> out;
        out.reserve(vars_.size());
        for (const auto& kv : vars_) {
            out.push_back(kv.first + "=" + kv.second);
        }
        return out;
    }

    /// True when built by from_process(): child processes inherit this process's environment.
    bool inherits_process() const noexcept { return inherit_ || use_getenv_; }

private:
    std::map<std::string, std::string, std::less<>> vars_;
    bool inherit_ = false;
    bool use_getenv_ = false;
};

/// What a program passes explicitly (the AWS CLI's global options).
struct client_options {
    std::optional<std::string> profile;       ///< --profile: also skips the environment's keys
    std::optional<std::string> region;        ///< --region
    std::optional<std::string> endpoint_url;  ///< --endpoint-url
    bool no_sign_request = false;             ///< --no-sign-request: no credentials needed
    /// How long a credential_process may run.
    std::chrono::milliseconds credential_process_timeout{60000};
    /// How much a credential_process may print on stdout.
    std::size_t credential_process_max_output = std::size_t{64} << 10;
};

/// One setting of a profile: the value and where it was written.
struct profile_setting {
    std::string value;                                     ///< empty for a sub-section
    std::vector<std::pair<std::string, std::string>> sub;  ///< the pairs of a sub-section
    bool is_sub_section = false;
    std::string file;                                      ///< the file it came from
    std::size_t line = 0;
};

/// A profile: its settings from the config file, overridden by the credentials file's.
struct profile {
    std::string name;
    std::map<std::string, profile_setting, std::less<>> settings;

    /// The setting named `key` (lower case), or null.
    const profile_setting* find(std::string_view key) const {
        const auto it = settings.find(key);
        return it != settings.end() ? &it->second : nullptr;
    }
};

/// The shared config and credentials files, read and parsed.
struct profile_files {
    std::string config_path;       ///< after ~ and $VAR expansion; empty when none
    std::string credentials_path;  ///< after ~ and $VAR expansion; empty when none
    bool config_exists = false;
    bool credentials_exists = false;
    std::map<std::string, profile, std::less<>> config_profiles;       ///< [default], [profile X]
    std::map<std::string, profile, std::less<>> credentials_profiles;  ///< [X]
    std::map<std::string, profile, std::less<>> services;              ///< [services X]

    /// The profile as botocore sees it: config-file settings overridden by credentials-file ones.
    std::optional<profile> merged(std::string_view name) const {
        const auto c = config_profiles.find(name);
        const auto k = credentials_profiles.find(name);
        if (c == config_profiles.end() && k == credentials_profiles.end()) {
            return std::nullopt;
        }
        profile out;
        out.name = std::string(name);
        if (c != config_profiles.end()) {
            out.settings = c->second.settings;
        }
        if (k != credentials_profiles.end()) {
            for (const auto& kv : k->second.settings) {
                out.settings[kv.first] = kv.second;
            }
        }
        return out;
    }
};

/// Resolved credentials and the provider they came from.
struct resolved_credentials {
    aws::credentials credentials;
    /// botocore's provider name: "env", "shared-credentials-file", "custom-process", "config-file".
    std::string source;
};

/// Which profile applies and who named it.
struct profile_selection {
    std::string name = "default";
    /// Where the name came from: "client_options.profile", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", or
    /// empty when nobody named one ("default").
    std::string named_by;
};

/// Where to send requests.
struct resolved_endpoint {
    std::string url;          ///< e.g. https://gamelift.us-west-2.amazonaws.com
    bool is_custom = false;   ///< from an option, the environment or a file
    std::string source;       ///< e.g. "AWS_ENDPOINT_URL", or "default" when built from the region
};

/// Everything a client needs, resolved.
struct client_config {
    std::string profile;
    std::string region;              ///< also the SigV4 signing region
    std::string endpoint_url;        ///< validated with http::parse_url
    bool endpoint_is_custom = false;
    std::string endpoint_source;
    aws::credentials credentials;    ///< empty when sign_requests is false
    std::string credentials_source;  ///< "env", "shared-credentials-file", "custom-process", "config-file"
    aws::retry_settings retry;
    std::optional<std::string> ca_bundle;  ///< AWS_CA_BUNDLE / the profile's ca_bundle
    bool sign_requests = true;
};

namespace detail {

inline config_error make_error(config_errc code, std::string message) { return config_error{code, std::move(message)}; }

/// A value from outside, quoted for a message: bounded, with control bytes escaped.
inline std::string quote(std::string_view s, std::size_t max = 128) {
    std::string out = "'";
    for (std::size_t i = 0; i < s.size() && i < max; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else {
            out += static_cast<char>(c);
        }
    }
    if (s.size() > max) {
        out += "...";
    }
    out += "'";
    return out;
}

inline std::string where(const profile_setting& s) {
    return s.file + (s.line != 0 ? " line " + std::to_string(s.line) : std::string());
}

/// ${VAR} and $VAR from the environment (unset ones stay as written), then a leading ~ from
/// HOME: what botocore does to AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE.
inline std::string expand_path(std::string_view path, const environment& env) {
    std::string out;
    std::size_t i = 0;
    const auto name_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    while (i < path.size()) {
        if (path[i] == '$' && i + 1 < path.size()) {
            std::size_t start = i + 1;
            std::size_t end = start;
            bool braced = false;
            if (path[start] == '{') {
                braced = true;
                end = path.find('}', start + 1);
                if (end != std::string_view::npos) {
                    const std::string_view name = path.substr(start + 1, end - start - 1);
                    const auto v = name.empty() ? std::nullopt : env.get(name);
                    if (v) {
                        out += *v;
                        i = end + 1;
                        continue;
                    }
                }
            } else {
                while (end < path.size() && name_char(path[end])) {
                    ++end;
                }
                if (end > start) {
                    const auto v = env.get(path.substr(start, end - start));
                    if (v) {
                        out += *v;
                        i = end;
                        continue;
                    }
                }
            }
            (void)braced;
        }
        out += path[i];
        ++i;
    }
    if (!out.empty() && out[0] == '~' && (out.size() == 1 || out[1] == '/')) {
        const auto home = env.get("HOME");
        if (home) {
            std::string h = *home;
            while (h.size() > 1 && h.back() == '/') {
                h.pop_back();
            }
            out = h + out.substr(1);
        }
    }
    return out;
}

/// Python's shlex.split (POSIX mode, no comments); false on an unclosed quote.
inline bool shell_split(std::string_view s, std::vector<std::string>& words) {
    words.clear();
    std::string word;
    bool in_word = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (in_word) {
                words.push_back(word);
                word.clear();
                in_word = false;
            }
            ++i;
        } else if (c == '\\') {
            in_word = true;
            if (i + 1 >= s.size()) {
                return false;
            }
            word += s[i + 1];
            i += 2;
        } else if (c == '\'') {
            in_word = true;
            const std::size_t close = s.find('\'', i + 1);
            if (close == std::string_view::npos) {
                return false;
            }
            word.append(s.substr(i + 1, close - i - 1));
            i = close + 1;
        } else if (c == '"') {
            in_word = true;
            ++i;
            while (true) {
                if (i >= s.size()) {
                    return false;
                }
                if (s[i] == '"') {
                    ++i;
                    break;
                }
                if (s[i] == '\\' && i + 1 < s.size() &&
                    (s[i + 1] == '"' || s[i + 1] == '\\' || s[i + 1] == '$' || s[i + 1] == '`' || s[i + 1] == '\n')) {
                    word += s[i + 1];
                    i += 2;
                    continue;
                }
                word += s[i];
                ++i;
            }
        } else {
            in_word = true;
            word += c;
            ++i;
        }
    }
    if (in_word) {
        words.push_back(word);
    }
    return true;
}

inline profile to_profile(std::string name, const ini_section& section, const std::string& file) {
    profile p;
    p.name = std::move(name);
    for (const ini_entry& e : section.entries) {
        profile_setting s;
        s.value = e.value;
        s.sub = e.sub;
        s.is_sub_section = e.is_sub_section;
        s.file = file;
        s.line = e.line;
        p.settings.emplace(e.key, std::move(s));
    }
    return p;
}

/// "[profile X]" and "[services X]": the section's words, as botocore splits them.
inline std::optional<std::string> prefixed_name(const std::string& section, std::string_view prefix) {
    if (section.compare(0, prefix.size(), prefix) != 0) {
        return std::nullopt;
    }
    std::vector<std::string> words;
    if (!shell_split(section, words) || words.size() != 2) {
        return std::nullopt;
    }
    return words[1];
}

inline std::optional<config_error> load_one(const std::string& path, bool is_config, std::string_view text,
                                            profile_files& files) {
    std::vector<ini_section> sections;
    ini_error error;
    const config_errc code = is_config ? config_errc::invalid_config_file : config_errc::invalid_credentials_file;
    if (!parse_ini(text, sections, error)) {
        // Name the section a broken line sits in: it helps and it is never a secret.
        return make_error(code, std::string(is_config ? "The config file " : "The credentials file ") + path +
                                    (error.line != 0 ? " line " + std::to_string(error.line) : std::string()) +
                                    " cannot be used: " + error.reason + ". Fix or remove it.");
    }
    for (const ini_section& s : sections) {
        if (!is_config) {
            files.credentials_profiles[s.name] = to_profile(s.name, s, path);
        } else if (s.name == "default") {
            files.config_profiles[s.name] = to_profile(s.name, s, path);
        } else if (const auto name = prefixed_name(s.name, "profile")) {
            files.config_profiles[*name] = to_profile(*name, s, path);
        } else if (const auto service = prefixed_name(s.name, "services")) {
            files.services[*service] = to_profile(*service, s, path);
        }
    }
    return std::nullopt;
}

inline std::optional<config_error> read_one(const std::string& path, bool is_config, profile_files& files,
                                            bool& exists) {
    std::string text;
    const ini_limits limits;
    const config_errc code = is_config ? config_errc::invalid_config_file : config_errc::invalid_credentials_file;
    const char* what = is_config ? "The config file " : "The credentials file ";
    switch (read_file(path, limits.max_bytes, text)) {
        case file_read_status::missing: exists = false; return std::nullopt;
        case file_read_status::unreadable:
            return make_error(code, what + path + " cannot be read; check its permissions.");
        case file_read_status::too_large:
            return make_error(code, what + path + " is larger than " + std::to_string(limits.max_bytes) + " bytes.");
        case file_read_status::ok: break;
    }
    exists = true;
    return load_one(path, is_config, text, files);
}

inline bool env_true(const std::string& v) {
    return v.size() == 4 && http::detail::iequals(v, "true");
}

/// A boolean setting: the environment variable when set, else the profile's key ("true" in any
/// case is true, anything else false, as botocore reads them).
inline std::pair<bool, std::string> flag(const environment& env, const char* var, const profile* p,
                                         std::string_view key) {
    if (const auto v = env.get(var)) {
        return {env_true(*v), var};
    }
    if (p != nullptr) {
        if (const profile_setting* s = p->find(key)) {
            return {!s->is_sub_section && env_true(s->value), std::string(key) + " in " + where(*s)};
        }
    }
    return {false, std::string()};
}

/// botocore's region check: a host label of letters, digits and '-', not all digits.
inline bool valid_region(std::string_view r) noexcept {
    if (r.size() > 63 || (!r.empty() && (r.front() == '-' || r.back() == '-'))) {
        return false;
    }
    bool all_digits = true;
    for (const char c : r) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
            return false;
        }
        all_digits = all_digits && digit;
    }
    return r.empty() || !all_digits;
}

/// Whether `region` matches ^prefix\w+-\d+$ (the partitions' region patterns; `region` is
/// already a host label, so \w is a letter or digit).
inline bool matches_partition(std::string_view region, std::string_view prefix) {
    if (region.compare(0, prefix.size(), prefix) != 0) {
        return false;
    }
    const std::string_view rest = region.substr(prefix.size());
    const std::size_t dash = rest.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == rest.size()) {
        return false;
    }
    for (std::size_t i = 0; i < dash; ++i) {
        if (rest[i] == '-') {
            return false;
        }
    }
    for (std::size_t i = dash + 1; i < rest.size(); ++i) {
        if (rest[i] < '0' || rest[i] > '9') {
            return false;
        }
    }
    return true;
}

struct partition_suffix {
    const char* dns;
    const char* dual_stack;
};

/// The DNS suffixes of the partition a region belongs to (botocore's partitions.json).
inline partition_suffix partition_of(std::string_view region) {
    struct entry {
        const char* prefix;
        partition_suffix suffix;
    };
    static constexpr entry table[] = {
        {"cn-", {"amazonaws.com.cn", "api.amazonwebservices.com.cn"}},
        {"eusc-de-", {"amazonaws.eu", "api.amazonwebservices.eu"}},
        {"us-iso-", {"c2s.ic.gov", "api.aws.ic.gov"}},
        {"us-isob-", {"sc2s.sgov.gov", "api.aws.scloud"}},
        {"eu-isoe-", {"cloud.adc-e.uk", "api.cloud-aws.adc-e.uk"}},
        {"us-isof-", {"csp.hci.ic.gov", "api.aws.hci.ic.gov"}},
        {"us-gov-", {"amazonaws.com", "api.aws"}},
    };
    // The partitions' own pseudo-regions, listed by name rather than matched by pattern.
    static constexpr std::pair<const char*, std::size_t> named[] = {
        {"aws-cn-global", 0}, {"aws-iso-global", 2}, {"aws-iso-b-global", 3},
        {"aws-iso-e-global", 4}, {"aws-iso-f-global", 5}, {"aws-us-gov-global", 6},
    };
    for (const auto& n : named) {
        if (region == n.first) {
            return table[n.second].suffix;
        }
    }
    for (const entry& e : table) {
        if (matches_partition(region, e.prefix)) {
            return e.suffix;
        }
    }
    return {"amazonaws.com", "api.aws"};
}

inline void replace_all(std::string& s, std::string_view from) {
    std::size_t at = 0;
    while ((at = s.find(from, at)) != std::string::npos) {
        s.erase(at, from.size());
    }
}

/// An integer as Python's int() reads one: surrounding spaces, a sign, '_' between digits.
inline bool parse_int(std::string_view text, long long& out) {
    text = ini_trim(text);
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty() || text.front() == '_' || text.back() == '_') {
        return false;
    }
    long long value = 0;
    char previous = 0;
    for (const char c : text) {
        if (c == '_') {
            if (previous == '_') {
                return false;
            }
        } else if (c >= '0' && c <= '9') {
            if (value > (1LL << 40)) {
                value = 1LL << 41;  // saturate: far beyond any usable attempt count
            } else {
                value = value * 10 + (c - '0');
            }
        } else {
            return false;
        }
        previous = c;
    }
    out = negative ? -value : value;
    return true;
}

/// An RFC 3339 time (`2026-01-15T08:00:08Z`, fraction and offset allowed).
inline std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view s) {
    const auto num = [&](std::size_t at, std::size_t len, unsigned& out) {
        if (at + len > s.size()) {
            return false;
        }
        out = 0;
        for (std::size_t i = at; i < at + len; ++i) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
            out = out * 10 + static_cast<unsigned>(s[i] - '0');
        }
        return true;
    };
    unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!num(0, 4, year) || s.size() < 19 || s[4] != '-' || !num(5, 2, month) || s[7] != '-' || !num(8, 2, day) ||
        (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !num(11, 2, hour) || s[13] != ':' ||
        !num(14, 2, minute) || s[16] != ':' || !num(17, 2, second)) {
        return std::nullopt;
    }
    static constexpr unsigned month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    // system_clock may count nanoseconds, which span only 1678..2262: a year outside a safe
    // window is rejected rather than overflowed.
    if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1 || day > month_days[month - 1] || hour > 23 || minute > 59 ||
        second > 60) {
        return std::nullopt;
    }
    std::size_t i = 19;
    long long micros = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        std::size_t digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (digits < 6) {
                micros = micros * 10 + (s[i] - '0');
            }
            ++digits;
            ++i;
        }
        if (digits == 0 || digits > 12) {
            return std::nullopt;
        }
        for (std::size_t k = digits; k < 6; ++k) {
            micros *= 10;
        }
    }
    long long offset = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        unsigned oh = 0, om = 0;
        if (!num(i + 1, 2, oh) || i + 3 >= s.size() || s[i + 3] != ':' || !num(i + 4, 2, om) || oh > 23 || om > 59) {
            return std::nullopt;
        }
        offset = (s[i] == '-' ? -1 : 1) * static_cast<long long>(oh * 3600 + om * 60);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != s.size()) {
        return std::nullopt;
    }
    const long long secs = days_from_civil(year, month, day) * 86400 + hour * 3600LL + minute * 60LL + second - offset;
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::seconds(secs) +
                                                                        std::chrono::microseconds(micros)));
}

}  // namespace detail

/// Parses what a credential_process printed: {"Version": 1, "AccessKeyId", "SecretAccessKey",
/// "SessionToken", "Expiration"}. The error never quotes the output (it may hold secrets).
inline config_result<aws::credentials> parse_credential_process_output(std::string_view output,
                                                                       std::string_view who = "credential_process") {
    const auto bad = [&](const std::string& why) {
        return detail::make_error(config_errc::credential_process_output,
                                  std::string(who) + " printed output that cannot be used: " + why +
                                      ". It must print one JSON object {\"Version\": 1, \"AccessKeyId\": ..., "
                                      "\"SecretAccessKey\": ..., \"SessionToken\": ..., \"Expiration\": ...}.");
    };
    if (!pagination::detail::is_valid_utf8(output)) {
        return bad("it is not UTF-8 text");
    }
    token_value doc;
    pagination::detail::json_reader reader(output, 8);
    if (!reader.parse(doc)) {
        return bad("it is not JSON (" + reader.error() + ")");
    }
    if (!doc.is_object()) {
        return bad("it is not a JSON object");
    }
    const token_value* version = doc.find("Version");
    if (version == nullptr) {
        return bad("the Version key is missing");
    }
    if (!version->is_integer() || version->as_integer() != 1) {
        return bad("Version is not 1 (the only version there is)");
    }
    aws::credentials creds;
    const auto text = [&](const char* key, std::string& out, bool required) -> std::optional<config_error> {
        const token_value* v = doc.find(key);
        if (v == nullptr || v->is_null()) {
            if (required) {
                return bad(std::string("the ") + key + " key is missing");
            }
            return std::nullopt;
        }
        if (!v->is_string() || (required && v->as_string().empty())) {
            return bad(std::string(key) + " is not a non-empty string");
        }
        out = v->as_string();
        return std::nullopt;
    };
    if (auto e = text("AccessKeyId", creds.access_key_id, true)) {
        return *e;
    }
    if (auto e = text("SecretAccessKey", creds.secret_access_key, true)) {
        return *e;
    }
    if (auto e = text("SessionToken", creds.session_token, false)) {
        return *e;
    }
    std::string expiration;
    if (auto e = text("Expiration", expiration, false)) {
        return *e;
    }
    if (!expiration.empty()) {
        creds.expiration = detail::parse_rfc3339(expiration);
        if (!creds.expiration) {
            return bad("Expiration is not an RFC 3339 time such as 2026-01-15T08:00:00Z");
        }
    }
    return creds;
}

/// Reads AWS_CONFIG_FILE (default ~/.aws/config) and AWS_SHARED_CREDENTIALS_FILE (default
/// ~/.aws/credentials). A missing file is empty; an unreadable, oversized or malformed one is an error.
inline config_result<profile_files> load_profile_files(const environment& env) {
    profile_files files;
    const auto path_of = [&](const char* var, const char* fallback) {
        const auto v = env.get(var);
        return detail::expand_path(v ? std::string_view(*v) : std::string_view(fallback), env);
    };
    files.config_path = path_of("AWS_CONFIG_FILE", "~/.aws/config");
    files.credentials_path = path_of("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials");
    if (auto e = detail::read_one(files.config_path, true, files, files.config_exists)) {
        return *e;
    }
    if (auto e = detail::read_one(files.credentials_path, false, files, files.credentials_exists)) {
        return *e;
    }
    return files;
}

/// Parses the two files from text (tests, fuzzing, embedded configuration); paths name them in messages.
inline config_result<profile_files> parse_profile_files(std::string_view config_text, std::string_view credentials_text,
                                                        std::string config_path = "config",
                                                        std::string credentials_path = "credentials") {
    profile_files files;
    files.config_path = std::move(config_path);
    files.credentials_path = std::move(credentials_path);
    files.config_exists = files.credentials_exists = true;
    if (auto e = detail::load_one(files.config_path, true, config_text, files)) {
        return *e;
    }
    if (auto e = detail::load_one(files.credentials_path, false, credentials_text, files)) {
        return *e;
    }
    return files;
}

/// The profile: client_options.profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default".
inline profile_selection select_profile(const client_options& options, const environment& env) {
    profile_selection sel;
    if (options.profile) {
        sel.name = *options.profile;
        sel.named_by = "client_options.profile";
    } else if (const auto p = env.get("AWS_PROFILE")) {
        sel.name = *p;
        sel.named_by = "AWS_PROFILE";
    } else if (const auto d = env.get("AWS_DEFAULT_PROFILE")) {
        sel.name = *d;
        sel.named_by = "AWS_DEFAULT_PROFILE";
    }
    return sel;
}

/// The selected profile's settings (empty when "default" is absent and nobody named a
/// profile); profile_not_found when a named profile is in neither file.
inline config_result<profile> find_profile(const client_options& options, const environment& env,
                                           const profile_files& files) {
    const profile_selection sel = select_profile(options, env);
    if (auto p = files.merged(sel.name)) {
        return std::move(*p);
    }
    if (sel.named_by.empty()) {
        profile empty;
        empty.name = sel.name;
        return empty;
    }
    return detail::make_error(config_errc::profile_not_found,
                              "The config profile (" + sel.name + ") could not be found (named by " + sel.named_by +
                                  "; looked in " + (files.config_path.empty() ? "-" : files.config_path) + " and " +
                                  (files.credentials_path.empty() ? "-" : files.credentials_path) +
                                  "). Add [profile " + sel.name + "] to the config file or [" + sel.name +
                                  "] to the credentials file, or name another profile.");
}

/// The region: client_options.region, AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`.
/// The first that is set wins, even when empty (then: no_region). Validated as botocore does;
/// a FIPS pseudo-region (`fips-us-east-1`, `us-east-1-fips`) is left as written here.
inline config_result<std::string> resolve_region(const client_options& options, const environment& env,
                                                 const profile_files& files) {
    auto prof = find_profile(options, env, files);
    if (!prof) {
        return prof.error();
    }
    std::optional<std::string> value;
    std::string source;
    if (options.region) {
        value = options.region;
        source = "client_options.region";
    } else if ((value = env.get("AWS_REGION"))) {
        source = "AWS_REGION";
    } else if ((value = env.get("AWS_DEFAULT_REGION"))) {
        source = "AWS_DEFAULT_REGION";
    } else if (const profile_setting* s = prof.value().find("region")) {
        if (s->is_sub_section) {
            return detail::make_error(config_errc::invalid_setting,
                                      "region in profile '" + prof.value().name + "' (" + detail::where(*s) +
                                          ") is a sub-section; write region = us-west-2.");
        }
        value = s->value;
        source = "profile '" + prof.value().name + "' (" + detail::where(*s) + ")";
    }
    if (!value || value->empty()) {
        return detail::make_error(
            config_errc::no_region,
            std::string("You must specify a region") + (value ? " (" + source + " is set but empty)" : "") +
                ". Set AWS_REGION or AWS_DEFAULT_REGION, pass a region (--region), or add region = ... to profile '" +
                prof.value().name + "' in " + (files.config_path.empty() ? "the config file" : files.config_path) + ".");
    }
    if (!detail::valid_region(*value)) {
        return detail::make_error(config_errc::invalid_region,
                                  "Provided region_name " + detail::quote(*value) + " (from " + source +
                                      ") doesn't match a supported format: a region is a name such as us-west-2.");
    }
    return std::move(*value);
}

/// The endpoint: client_options.endpoint_url, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the
/// profile's services section, the profile's endpoint_url (all but the option ignored when
/// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls is true); else
/// https://<prefix>[-fips].<region>.<partition suffix>.
inline config_result<resolved_endpoint> resolve_endpoint(std::string_view service_id, std::string_view endpoint_prefix,
                                                         std::string_view region, const client_options& options,
                                                         const environment& env, const profile_files& files) {
    auto prof_result = find_profile(options, env, files);
    if (!prof_result) {
        return prof_result.error();
    }
    const profile& prof = prof_result.value();
    std::string env_suffix;
    std::string config_key;
    for (const char c : service_id) {
        const char u = (c == ' ' || c == '-') ? '_' : c;
        env_suffix += (u >= 'a' && u <= 'z') ? static_cast<char>(u - 'a' + 'A') : u;
        config_key += (u >= 'A' && u <= 'Z') ? static_cast<char>(u - 'A' + 'a') : u;
    }
    std::string fips_region(region);
    detail::replace_all(fips_region, "fips-");
    detail::replace_all(fips_region, "-fips");
    const bool pseudo_fips = fips_region != region;
    auto fips = detail::flag(env, "AWS_USE_FIPS_ENDPOINT", &prof, "use_fips_endpoint");
    if (pseudo_fips && !fips.first) {
        fips = {true, "the region " + detail::quote(region)};
    }
    const auto dual = detail::flag(env, "AWS_USE_DUALSTACK_ENDPOINT", &prof, "use_dualstack_endpoint");

    resolved_endpoint out;
    std::optional<std::string> url;
    if (options.endpoint_url && !options.endpoint_url->empty()) {
        url = options.endpoint_url;
        out.source = "client_options.endpoint_url";
    } else if (!detail::flag(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", &prof, "ignore_configured_endpoint_urls")
                    .first) {
        const std::string service_var = "AWS_ENDPOINT_URL_" + env_suffix;
        if (auto v = env.get(service_var); v && !v->empty()) {
            url = v;
            out.source = service_var;
        } else if (auto g = env.get("AWS_ENDPOINT_URL"); g && !g->empty()) {
            url = g;
            out.source = "AWS_ENDPOINT_URL";
        } else {
            if (const profile_setting* s = prof.find("services")) {
                const auto section = files.services.find(s->value);
                if (s->is_sub_section || section == files.services.end()) {
                    return detail::make_error(
                        config_errc::invalid_config_file,
                        "Profile '" + prof.name + "' (" + detail::where(*s) + ") uses services section " +
                            detail::quote(s->value) + ", which does not exist; add [services " + s->value +
                            "] to " + files.config_path + ".");
                }
                if (const profile_setting* svc = section->second.find(config_key)) {
                    if (!svc->is_sub_section) {
                        return detail::make_error(config_errc::invalid_config_file,
                                                  config_key + " in [services " + section->first + "] (" +
                                                      detail::where(*svc) + ") must be a sub-section: " + config_key +
                                                      " = followed by indented lines such as   endpoint_url = ...");
                    }
                    for (const auto& kv : svc->sub) {
                        if (kv.first == "endpoint_url" && !kv.second.empty()) {
                            url = kv.second;
                            out.source = "[services " + section->first + "] " + config_key + " (" + detail::where(*svc) + ")";
                        }
                    }
                }
            }
            if (!url) {
                if (const profile_setting* s = prof.find("endpoint_url"); s && !s->is_sub_section && !s->value.empty()) {
                    url = s->value;
                    out.source = "profile '" + prof.name + "' (" + detail::where(*s) + ")";
                }
            }
        }
    }
    if (url) {
        if (fips.first || dual.first) {
            return detail::make_error(
                config_errc::fips_with_custom_endpoint,
                std::string(fips.first ? "A FIPS" : "A dual-stack") + " endpoint was asked for (" +
                    (fips.first ? fips.second : dual.second) + ") together with a custom endpoint URL (from " +
                    out.source + "); FIPS and dual-stack apply to AWS endpoints only: unset one of them.");
        }
        const auto parts = http::parse_url(*url);
        if (!parts) {
            // A URL with user-info may carry a password: it is not quoted.
            const bool has_userinfo = url->find('@') != std::string::npos;
            return detail::make_error(config_errc::invalid_endpoint,
                                      "Invalid endpoint URL " + (has_userinfo ? std::string("(not shown)") : detail::quote(*url)) +
                                          " from " + out.source +
                                          ": use an absolute http:// or https:// URL such as http://localhost:8080.");
        }
        out.url = *url;
        out.is_custom = true;
        return out;
    }
    const detail::partition_suffix suffix = detail::partition_of(fips_region);
    out.url = "https://" + std::string(endpoint_prefix) + (fips.first ? "-fips." : ".") + fips_region + "." +
              (dual.first ? suffix.dual_stack : suffix.dns);
    out.source = "default";
    if (!http::parse_url(out.url)) {
        return detail::make_error(config_errc::invalid_endpoint,
                                  "The region " + detail::quote(region) + " does not make a valid endpoint URL.");
    }
    return out;
}

namespace detail {

inline std::optional<config_error> keys_from(const profile& p, const std::string& file, const char* source,
                                             config_errc file_code, std::optional<resolved_credentials>& out) {
    const profile_setting* id = p.find("aws_access_key_id");
    if (id == nullptr) {
        return std::nullopt;
    }
    const profile_setting* secret = p.find("aws_secret_access_key");
    const std::string at = "profile '" + p.name + "' in " + file;
    if (secret == nullptr) {
        return make_error(config_errc::partial_credentials,
                          std::string("Partial credentials found in ") + source + " (" + at + " line " +
                              std::to_string(id->line) + "), missing: aws_secret_access_key. Add it next to aws_access_key_id.");
    }
    for (const profile_setting* s : {id, secret}) {
        if (s->is_sub_section || s->value.empty()) {
            return make_error(file_code, "An access key setting in " + at + " line " + std::to_string(s->line) +
                                             " is empty or a sub-section; write key = value on one line.");
        }
    }
    resolved_credentials r;
    r.credentials.access_key_id = id->value;
    r.credentials.secret_access_key = secret->value;
    const profile_setting* token = p.find("aws_session_token");
    if (token == nullptr) {
        token = p.find("aws_security_token");
    }
    if (token != nullptr && !token->is_sub_section) {
        r.credentials.session_token = token->value;
    }
    r.source = source;
    out = std::move(r);
    return std::nullopt;
}

}  // namespace detail

/// Credentials, in the SDKs' order: the environment's keys (skipped when client_options.profile
/// is set), the credentials file, credential_process, the config file's keys. A profile that
/// uses assume-role, web identity or SSO is an unsupported_credentials error.
inline config_result<resolved_credentials> resolve_credentials(const client_options& options, const environment& env,
                                                               const profile_files& files) {
    auto prof_result = find_profile(options, env, files);
    if (!prof_result) {
        return prof_result.error();
    }
    const profile& prof = prof_result.value();
    if (!options.profile) {
        const auto id = env.get("AWS_ACCESS_KEY_ID");
        if (id && !id->empty()) {
            const auto secret = env.get("AWS_SECRET_ACCESS_KEY");
            if (!secret || secret->empty()) {
                return detail::make_error(config_errc::partial_credentials,
                                          "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY. Set it "
                                          "next to AWS_ACCESS_KEY_ID, or unset AWS_ACCESS_KEY_ID.");
            }
            resolved_credentials r;
            r.credentials.access_key_id = *id;
            r.credentials.secret_access_key = *secret;
            if (const auto token = env.get("AWS_SESSION_TOKEN")) {
                r.credentials.session_token = *token;
            }
            r.source = "env";
            return r;
        }
    }
    const auto unsupported = [&](const std::string& what) {
        return detail::make_error(config_errc::unsupported_credentials,
                                  what + " is not supported by this library (nothing was sent). Use access keys or "
                                         "credential_process, e.g. credential_process = aws configure "
                                         "export-credentials --profile " + prof.name + " --format process.");
    };
    for (const auto& kv : prof.settings) {
        if (kv.first == "role_arn" || kv.first == "web_identity_token_file") {
            return unsupported("Profile '" + prof.name + "' uses " + kv.first + " (" + detail::where(kv.second) +
                               "): assume-role / web identity");
        }
        if (kv.first.compare(0, 4, "sso_") == 0) {
            return unsupported("Profile '" + prof.name + "' uses " + kv.first + " (" + detail::where(kv.second) +
                               "): IAM Identity Center (SSO)");
        }
    }
    if (env.get("AWS_WEB_IDENTITY_TOKEN_FILE") && env.get("AWS_ROLE_ARN")) {
        return unsupported("AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN (web identity)");
    }
    std::optional<resolved_credentials> found;
    if (const auto k = files.credentials_profiles.find(prof.name); k != files.credentials_profiles.end()) {
        if (auto e = detail::keys_from(k->second, files.credentials_path, "shared-credentials-file",
                                       config_errc::invalid_credentials_file, found)) {
            return *e;
        }
        if (found) {
            return std::move(*found);
        }
    }
    if (const profile_setting* process = prof.find("credential_process")) {
        const std::string who = "credential_process of profile '" + prof.name + "' (" + detail::where(*process) + ")";
        if (process->is_sub_section || detail::ini_trim(process->value).empty()) {
            return detail::make_error(config_errc::invalid_setting, who + " is empty; give it a command to run.");
        }
        detail::process_limits limits;
        limits.timeout = options.credential_process_timeout;
        limits.max_stdout = options.credential_process_max_output;
        const std::vector<std::string> child_env = env.entries();
        const detail::process_output run =
            detail::run_shell_command(process->value, env.inherits_process() ? nullptr : &child_env, limits);
        switch (run.status) {
            case detail::process_status::exited:
                if (run.exit_code == 0) {
                    break;
                }
                return detail::make_error(config_errc::credential_process_failed,
                                          who + " exited with status " + std::to_string(run.exit_code) +
                                              (run.err.empty() ? std::string(" and wrote nothing to stderr")
                                                               : ": " + detail::quote(run.err, 1024)));
            case detail::process_status::killed_by_signal:
                return detail::make_error(config_errc::credential_process_failed,
                                          who + " was ended by signal " + std::to_string(run.exit_code) + ".");
            case detail::process_status::timed_out:
                return detail::make_error(
                    config_errc::credential_process_failed,
                    who + " did not finish within " + std::to_string(limits.timeout.count()) +
                        " ms and was stopped; make it finish sooner or raise credential_process_timeout.");
            case detail::process_status::output_too_large:
                return detail::make_error(config_errc::credential_process_output,
                                          who + " printed more than " + std::to_string(limits.max_stdout) +
                                              " bytes and was stopped.");
            case detail::process_status::spawn_failed:
                return detail::make_error(config_errc::credential_process_failed, who + " could not be started (/bin/sh).");
            case detail::process_status::unsupported:
                return detail::make_error(config_errc::unsupported_platform,
                                          who + " cannot run: running processes is supported on POSIX systems only.");
        }
        auto creds = parse_credential_process_output(run.out, who);
        if (!creds) {
            return creds.error();
        }
        resolved_credentials r;
        r.credentials = std::move(creds).value();
        r.source = "custom-process";
        return r;
    }
    if (const auto c = files.config_profiles.find(prof.name); c != files.config_profiles.end()) {
        if (auto e = detail::keys_from(c->second, files.config_path, "config-file", config_errc::invalid_config_file,
                                       found)) {
            return *e;
        }
        if (found) {
            return std::move(*found);
        }
    }
    return detail::make_error(
        config_errc::no_credentials,
        "Unable to locate credentials (profile '" + prof.name + "'). Set AWS_ACCESS_KEY_ID and "
        "AWS_SECRET_ACCESS_KEY, add aws_access_key_id and aws_secret_access_key to [" + prof.name + "] in " +
        (files.credentials_path.empty() ? "the credentials file" : files.credentials_path) +
        ", set credential_process in the config file, or send unsigned requests (no-sign-request). Container and "
        "instance metadata credentials are not supported.");
}

/// AWS_RETRY_MODE / retry_mode (standard, legacy; adaptive reads as standard; unset: standard,
/// the AWS CLI v2 default) and AWS_MAX_ATTEMPTS / max_attempts (an integer >= 1; unset: 0, the
/// mode's default).
inline config_result<retry_settings> resolve_retry_settings(const client_options& options, const environment& env,
                                                            const profile_files& files) {
    auto prof_result = find_profile(options, env, files);
    if (!prof_result) {
        return prof_result.error();
    }
    const profile& prof = prof_result.value();
    const auto lookup = [&](const char* var, std::string_view key, std::string& source) -> std::optional<std::string> {
        if (auto v = env.get(var)) {
            source = var;
            return v;
        }
        if (const profile_setting* s = prof.find(key)) {
            source = std::string(key) + " in profile '" + prof.name + "' (" + detail::where(*s) + ")";
            return s->is_sub_section ? std::string("(a sub-section)") : s->value;
        }
        return std::nullopt;
    };
    retry_settings out;
    std::string source;
    if (const auto mode = lookup("AWS_RETRY_MODE", "retry_mode", source)) {
        if (*mode == "standard" || *mode == "adaptive") {
            out.mode = retry_mode::standard;
        } else if (*mode == "legacy") {
            out.mode = retry_mode::legacy;
        } else {
            return detail::make_error(config_errc::invalid_retry_mode,
                                      "Invalid retry mode " + detail::quote(*mode) + " (from " + source +
                                          "): use standard, legacy or adaptive.");
        }
    }
    if (const auto attempts = lookup("AWS_MAX_ATTEMPTS", "max_attempts", source)) {
        long long n = 0;
        if (!detail::parse_int(*attempts, n) || n < 1 || n > 1000000) {
            return detail::make_error(config_errc::invalid_max_attempts,
                                      "Invalid max attempts " + detail::quote(*attempts) + " (from " + source +
                                          "): use an integer of at least 1 (it counts the first attempt).");
        }
        out.max_attempts = static_cast<int>(n);
    }
    return out;
}

/// Everything a client needs, in the AWS CLI's order of checks: files, profile, region,
/// endpoint, credentials (unless no_sign_request), retry settings, CA bundle.
inline config_result<client_config> resolve_client_config(std::string_view service_id, std::string_view endpoint_prefix,
                                                          const client_options& options, const environment& env) {
    auto files = load_profile_files(env);
    if (!files) {
        return files.error();
    }
    auto prof = find_profile(options, env, files.value());
    if (!prof) {
        return prof.error();
    }
    auto region = resolve_region(options, env, files.value());
    if (!region) {
        return region.error();
    }
    auto endpoint = resolve_endpoint(service_id, endpoint_prefix, region.value(), options, env, files.value());
    if (!endpoint) {
        return endpoint.error();
    }
    client_config out;
    out.profile = prof.value().name;
    // The signing region of a FIPS pseudo-region is the real one.
    out.region = region.value();
    detail::replace_all(out.region, "fips-");
    detail::replace_all(out.region, "-fips");
    out.endpoint_url = endpoint.value().url;
    out.endpoint_is_custom = endpoint.value().is_custom;
    out.endpoint_source = endpoint.value().source;
    out.sign_requests = !options.no_sign_request;
    if (out.sign_requests) {
        auto creds = resolve_credentials(options, env, files.value());
        if (!creds) {
            return creds.error();
        }
        out.credentials = std::move(creds.value().credentials);
        out.credentials_source = std::move(creds.value().source);
    }
    auto retry = resolve_retry_settings(options, env, files.value());
    if (!retry) {
        return retry.error();
    }
    out.retry = retry.value();
    if (const auto bundle = env.get("AWS_CA_BUNDLE"); bundle && !bundle->empty()) {
        out.ca_bundle = *bundle;
    } else if (const profile_setting* s = prof.value().find("ca_bundle"); s && !s->is_sub_section && !s->value.empty()) {
        out.ca_bundle = detail::expand_path(s->value, env);
    }
    return out;
}

}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_CONFIG_HPP
