#ifndef PAGINATION_AWS_SIGV4_HPP
#define PAGINATION_AWS_SIGV4_HPP

// AWS Signature Version 4 (AWS4-HMAC-SHA256 in the Authorization header), as botocore's SigV4Auth
// signs for the non-S3 services such as GameLift. The signer computes the headers to add to an
// http::request (X-Amz-Date, X-Amz-Security-Token, Authorization, and Host when the request has
// none); any HTTP client can then send it. docs/wire/sigv4.md has the details and the few places
// where this signer chooses differently from botocore.
//
// Nothing here throws. Nothing here writes a secret anywhere: the secret key only feeds the
// HMAC chain, and redacted() replaces the signature and the session token for debug logs.

#include <pagination/aws/credentials.hpp>
#include <pagination/aws/detail/civil_date.hpp>
#include <pagination/aws/detail/sha256.hpp>
#include <pagination/http/message.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pagination {
namespace aws {

/// Header names (lower case) that SigV4 leaves out of the signature, as botocore 1.43 does:
/// hop-by-hop headers a proxy may change, and headers that HTTP clients add or rewrite.
inline constexpr std::array<std::string_view, 11> sigv4_unsigned_headers{
    {"connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
     "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id"}};

namespace detail {

inline constexpr std::string_view sigv4_algorithm = "AWS4-HMAC-SHA256";

// Headers the signer itself sets: a request's own are replaced, never signed (re-signing a
// retried request must not sign the previous attempt's date or signature). A request's own
// X-Amz-Security-Token is replaced only by credentials that carry a token; otherwise it is kept
// and signed as botocore does (a verifier re-signs a received request that way).
inline bool sigv4_replaced_header(std::string_view lower_name, bool replacing_token) noexcept {
    return lower_name == "authorization" || lower_name == "x-amz-date" ||
           (replacing_token && lower_name == "x-amz-security-token");
}

inline bool sigv4_unsigned_header(std::string_view lower_name) noexcept {
    for (const std::string_view name : sigv4_unsigned_headers) {
        if (name == lower_name) {
            return true;
        }
    }
    return false;
}

inline std::string ascii_lower_copy(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = http::detail::ascii_lower(c);
    }
    return out;
}

// The ASCII characters Python's str.split() takes for white space, which is what botocore trims
// and collapses header values with (SigV4's "Trimall").
constexpr bool sigv4_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
           (c >= '\x1c' && c <= '\x1f');
}

/// Appends `value` with outer white space removed and inner runs of it replaced by one space.
inline void append_trimmed(std::string& out, std::string_view value) {
    bool pending_space = false;
    bool any = false;
    for (const char c : value) {
        if (sigv4_space(c)) {
            pending_space = any;
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        out += c;
        any = true;
    }
}

constexpr bool uri_unreserved(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

/// Appends `text` URI-encoded as SigV4 wants: unreserved bytes as they are (and '/' when
/// `keep_slash`), every other byte as %XX with upper-case hex.
inline void append_uri_encoded(std::string& out, std::string_view text, bool keep_slash) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (uri_unreserved(c) || (keep_slash && c == '/')) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0fu];
        }
    }
}

constexpr int hex_value(char c) noexcept {
    return (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
}

/// `text` with %XX escapes decoded; a '%' not followed by two hex digits stays as it is, and
/// '+' stays '+' (RFC 3986, not form encoding).
inline std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>((high << 4) | low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// Calls fn(piece, whether it is the last) for each `separator`-separated piece of `text`, empty
// pieces included: the segments of a path, the pairs of a query string.
template <class Fn>
void for_each_piece(std::string_view text, char separator, Fn&& fn) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        fn(text.substr(start, end - start), end >= text.size());
        start = end + 1;
    }
}

/// The canonical URI of a raw URL path: dot segments and empty segments removed (botocore's
/// normalize_url_path), then every segment URI-encoded once more, as SigV4 requires for every
/// service but S3 (so "%20" in the URL signs as "%2520").
inline std::string canonical_uri(std::string_view path) {
    if (path.empty()) {
        return "/";
    }
    std::vector<std::string_view> segments;
    for_each_piece(path, '/', [&segments](std::string_view segment, bool) {
        if (segment == "..") {
            if (!segments.empty()) {
                segments.pop_back();
            }
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
    });
    std::string normalized;
    normalized.reserve(path.size());
    if (path.front() == '/') {
        normalized += '/';
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (i > 0) {
            normalized += '/';
        }
        normalized += segments[i];
    }
    if (path.back() == '/' && !segments.empty()) {
        normalized += '/';
    }
    std::string out;
    out.reserve(normalized.size() + 8);
    append_uri_encoded(out, normalized, true);
    return out;
}

/// The canonical query string of a raw query (after '?'): every `name=value` pair decoded and
/// encoded again the SigV4 way, sorted by name and then value, joined by '&'. A pair without
/// '=' has an empty value; empty pairs are kept, as botocore keeps them.
inline std::string canonical_query(std::string_view query) {
    if (query.empty()) {
        return {};
    }
    std::vector<std::pair<std::string, std::string>> pairs;
    for_each_piece(query, '&', [&](std::string_view pair, bool) {
        const std::size_t eq = pair.find('=');
        std::pair<std::string, std::string> encoded;
        append_uri_encoded(encoded.first, percent_decode(pair.substr(0, eq)), false);
        if (eq != std::string_view::npos) {
            append_uri_encoded(encoded.second, percent_decode(pair.substr(eq + 1)), false);
        }
        pairs.push_back(std::move(encoded));
    });
    std::sort(pairs.begin(), pairs.end());
    std::string out;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (i > 0) {
            out += '&';
        }
        out += pairs[i].first;
        out += '=';
        out += pairs[i].second;
    }
    return out;
}

/// `YYYYMMDDTHHMMSSZ` for `now` (UTC, seconds rounded down); nothing for a year outside 0..9999.
inline std::optional<std::string> amz_date(std::chrono::system_clock::time_point now) {
    const std::int64_t seconds = static_cast<std::int64_t>(
        std::chrono::floor<std::chrono::seconds>(now.time_since_epoch()).count());
    std::int64_t days = seconds / 86400;
    std::int64_t second_of_day = seconds % 86400;
    if (second_of_day < 0) {
        second_of_day += 86400;
        --days;
    }
    const detail::civil_date date = detail::civil_from_days(days);
    if (date.year < 0 || date.year > 9999) {
        return std::nullopt;
    }
    std::string out(16, '0');
    auto put = [&out](std::size_t at, std::int64_t value, std::size_t width) {
        for (std::size_t i = 0; i < width; ++i) {
            out[at + width - 1 - i] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    put(0, date.year, 4);
    put(4, date.month, 2);
    put(6, date.day, 2);
    out[8] = 'T';
    put(9, second_of_day / 3600, 2);
    put(11, second_of_day / 60 % 60, 2);
    put(13, second_of_day % 60, 2);
    out[15] = 'Z';
    return out;
}

/// The canonical request and the SignedHeaders list of one signature.
struct sigv4_canonical {
    std::string request;
    std::string signed_headers;
};

/// Builds the canonical request of `req` (whose URL is `url`) as it will be sent with the
/// signer's headers: `host` (the Host header to add, or empty when the request has one),
/// `date` (X-Amz-Date) and `session_token` (X-Amz-Security-Token, when not empty).
inline sigv4_canonical canonical_request(const http::request& req, const http::url_parts& url, std::string_view host,
                                         std::string_view date, std::string_view session_token) {
    struct entry {
        std::string name;
        std::string_view value;
    };
    std::vector<entry> headers;
    headers.reserve(req.headers.size() + 3);
    for (const http::header& h : req.headers) {
        std::string name = ascii_lower_copy(h.name);
        if (sigv4_unsigned_header(name) || sigv4_replaced_header(name, !session_token.empty())) {
            continue;
        }
        headers.push_back({std::move(name), h.value});
    }
    if (!host.empty()) {
        headers.push_back({"host", host});
    }
    headers.push_back({"x-amz-date", date});
    if (!session_token.empty()) {
        headers.push_back({"x-amz-security-token", session_token});
    }
    // Stable: repeated headers are joined in the order they appear in the request.
    std::stable_sort(headers.begin(), headers.end(),
                     [](const entry& a, const entry& b) { return a.name < b.name; });

    sigv4_canonical out;
    std::string& cr = out.request;
    cr.reserve(256 + url.path.size() + url.query.size() + 64 * headers.size());
    for (const char c : req.method) {
        cr += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    cr += '\n';
    cr += canonical_uri(url.path);
    cr += '\n';
    cr += canonical_query(url.query);
    cr += '\n';
    for (std::size_t i = 0; i < headers.size(); ++i) {
        const bool same_as_previous = i > 0 && headers[i].name == headers[i - 1].name;
        if (same_as_previous) {
            cr += ',';
        } else {
            if (i > 0) {
                cr += '\n';
                out.signed_headers += ';';
            }
            cr += headers[i].name;
            cr += ':';
            out.signed_headers += headers[i].name;
        }
        append_trimmed(cr, headers[i].value);
    }
    cr += "\n\n";
    cr += out.signed_headers;
    cr += '\n';
    // A caller that hashed the payload itself (or chose UNSIGNED-PAYLOAD) says so in this
    // header; botocore signs its value instead of hashing the body.
    if (const std::string* content_sha = req.find_header("x-amz-content-sha256")) {
        cr += *content_sha;
    } else {
        const sha256_digest body_hash = sha256(req.body);
        append_hex(cr, body_hash.data(), body_hash.size());
    }
    return out;
}

}  // namespace detail

/// Signs requests for one region and service with SigV4. Safe to share between threads: the
/// signing key cache is guarded by a mutex.
class sigv4_signer {
public:
    /// A signer for `region` (e.g. "us-west-2") and signing name `service` (e.g. "gamelift").
    sigv4_signer(std::string region, std::string service) : region_(std::move(region)), service_(std::move(service)) {}

    sigv4_signer(const sigv4_signer& other) : region_(other.region_), service_(other.service_) {}
    sigv4_signer& operator=(const sigv4_signer& other) {
        if (this != &other) {
            std::scoped_lock lock(mutex_, other.mutex_);
            region_ = other.region_;
            service_ = other.service_;
            cache_.reset();
        }
        return *this;
    }
    ~sigv4_signer() = default;

    /// The region the signatures are scoped to.
    const std::string& region() const noexcept { return region_; }
    /// The service signing name the signatures are scoped to.
    const std::string& service() const noexcept { return service_; }

    /// The headers to add to `req` so that it carries a valid signature at time `now`: `Host`
    /// (only when `req` has none), `X-Amz-Date`, `X-Amz-Security-Token` (only with a session
    /// token) and `Authorization`, in that order. The request's own Authorization and X-Amz-Date
    /// (and X-Amz-Security-Token, when `creds` has a token) are not signed: the caller replaces
    /// them (sign() does). Without a token in `creds`, a request's X-Amz-Security-Token is signed
    /// like any header, as botocore does.
    /// Nothing when the URL is not an absolute http(s) URL, the credentials are incomplete, or
    /// `now` is outside the years 0..9999.
    std::optional<std::vector<http::header>> signature_headers(const http::request& req, const credentials& creds,
                                                               std::chrono::system_clock::time_point now) const {
        if (!creds.complete()) {
            return std::nullopt;
        }
        const std::optional<http::url_parts> url = http::parse_url(req.url);
        if (!url) {
            return std::nullopt;
        }
        std::optional<std::string> date = detail::amz_date(now);
        if (!date) {
            return std::nullopt;
        }
        // DNS names are case-insensitive and botocore signs the host in lower case.
        std::string host = req.find_header("host") ? std::string() : detail::ascii_lower_copy(url->host_header());
        const detail::sigv4_canonical canonical =
            detail::canonical_request(req, *url, host, *date, creds.session_token);

        const std::string_view day = std::string_view(*date).substr(0, 8);
        std::string scope;
        scope.reserve(8 + region_.size() + service_.size() + 16);
        scope.append(day).append(1, '/').append(region_).append(1, '/').append(service_).append("/aws4_request");

        std::string string_to_sign;
        string_to_sign.reserve(detail::sigv4_algorithm.size() + date->size() + scope.size() + 67);
        string_to_sign.append(detail::sigv4_algorithm).append(1, '\n').append(*date).append(1, '\n');
        string_to_sign.append(scope).append(1, '\n');
        const detail::sha256_digest canonical_hash = detail::sha256(canonical.request);
        detail::append_hex(string_to_sign, canonical_hash.data(), canonical_hash.size());

        const detail::sha256_digest signature = signing_key(day, creds.secret_access_key).sign(string_to_sign);

        std::string authorization;
        authorization.reserve(detail::sigv4_algorithm.size() + creds.access_key_id.size() + scope.size() +
                              canonical.signed_headers.size() + 128);
        authorization.append(detail::sigv4_algorithm).append(" Credential=").append(creds.access_key_id);
        authorization.append(1, '/').append(scope).append(", SignedHeaders=").append(canonical.signed_headers);
        authorization.append(", Signature=");
        detail::append_hex(authorization, signature.data(), signature.size());

        std::vector<http::header> out;
        out.reserve(4);
        if (!host.empty()) {
            out.push_back({"Host", std::move(host)});
        }
        out.push_back({"X-Amz-Date", std::move(*date)});
        if (!creds.session_token.empty()) {
            out.push_back({"X-Amz-Security-Token", creds.session_token});
        }
        out.push_back({"Authorization", std::move(authorization)});
        return out;
    }

    /// Signs `req` in place: removes its Authorization and X-Amz-Date headers (and its
    /// X-Amz-Security-Token when `creds` has a token), so a retried request signs again
    /// correctly, and appends signature_headers().
    /// False, and `req` unchanged, when signature_headers() gives nothing.
    bool sign(http::request& req, const credentials& creds, std::chrono::system_clock::time_point now) const {
        std::optional<std::vector<http::header>> added = signature_headers(req, creds, now);
        if (!added) {
            return false;
        }
        const bool replacing_token = !creds.session_token.empty();
        req.headers.erase(std::remove_if(req.headers.begin(), req.headers.end(),
                                         [replacing_token](const http::header& h) {
                                             return detail::sigv4_replaced_header(detail::ascii_lower_copy(h.name),
                                                                                  replacing_token);
                                         }),
                          req.headers.end());
        for (http::header& h : *added) {
            req.headers.push_back(std::move(h));
        }
        return true;
    }

    /// How many signing keys this signer has derived: one per day and secret key in steady use.
    std::uint64_t signing_keys_derived() const noexcept {
        std::lock_guard<std::mutex> lock(mutex_);
        return derived_;
    }

private:
    struct cached_key {
        std::string day;
        std::string secret;  // compared, never printed
        detail::hmac_sha256_key key;
    };

    // The key is a function of the day, region, service and secret alone: derive it (four HMACs)
    // when one of them changes, not per request.
    detail::hmac_sha256_key signing_key(std::string_view day, const std::string& secret) const {
        std::lock_guard<std::mutex> lock(mutex_);
        if (cache_ && cache_->day == day && cache_->secret == secret) {
            return cache_->key;
        }
        std::string seed = "AWS4" + secret;
        const detail::sha256_digest k_date = detail::hmac_sha256(seed, day);
        const detail::sha256_digest k_region = detail::hmac_sha256(k_date, region_);
        const detail::sha256_digest k_service = detail::hmac_sha256(k_region, service_);
        const detail::sha256_digest k_signing = detail::hmac_sha256(k_service, "aws4_request");
        std::fill(seed.begin(), seed.end(), '\0');
        cache_.reset();
        cache_.emplace(cached_key{std::string(day), secret, detail::hmac_sha256_key(detail::as_bytes(k_signing))});
        ++derived_;
        return cache_->key;
    }

    std::string region_;
    std::string service_;
    mutable std::mutex mutex_;
    mutable std::optional<cached_key> cache_;
    mutable std::uint64_t derived_ = 0;
};

namespace detail {

inline void append_log_safe(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0x0fu];
        } else {
            out += ch;
        }
    }
}

// Query parameters of a presigned URL that authenticate it.
inline bool secret_query_parameter(std::string_view name) noexcept {
    return http::detail::iequals(name, "X-Amz-Signature") || http::detail::iequals(name, "X-Amz-Security-Token");
}

inline void append_redacted_url(std::string& out, std::string_view url) {
    const std::size_t question = url.find('?');
    if (question == std::string_view::npos) {
        append_log_safe(out, url);
        return;
    }
    append_log_safe(out, url.substr(0, question + 1));
    std::string_view query = url.substr(question + 1);
    std::string_view fragment;
    if (const std::size_t hash = query.find('#'); hash != std::string_view::npos) {
        fragment = query.substr(hash);
        query = query.substr(0, hash);
    }
    for_each_piece(query, '&', [&](std::string_view pair, bool last) {
        const std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos && secret_query_parameter(pair.substr(0, eq))) {
            append_log_safe(out, pair.substr(0, eq + 1));
            out += "<redacted>";
        } else {
            append_log_safe(out, pair);
        }
        if (!last) {
            out += '&';
        }
    });
    append_log_safe(out, fragment);
}

inline void append_redacted_header(std::string& out, const http::header& h) {
    append_log_safe(out, h.name);
    out += ": ";
    const std::string_view value = h.value;
    if (http::detail::iequals(h.name, "authorization")) {
        // The credential scope and the signed header names help debugging; the signature is
        // what a reader of the log could replay within the request's time window.
        const std::size_t at = value.find("Signature=");
        if (value.substr(0, sigv4_algorithm.size()) == sigv4_algorithm && at != std::string_view::npos) {
            append_log_safe(out, value.substr(0, at + 10));
            out += "<redacted>";
            const std::size_t after = value.find(',', at);
            if (after != std::string_view::npos) {
                append_log_safe(out, value.substr(after));
            }
        } else {
            out += "<redacted>";
        }
    } else if (http::detail::iequals(h.name, "x-amz-security-token") ||
               http::detail::iequals(h.name, "proxy-authorization") || http::detail::iequals(h.name, "cookie")) {
        out += "<redacted>";
    } else {
        append_log_safe(out, value);
    }
    out += '\n';
}

}  // namespace detail

/// The request as text for a --debug log: method and URL, one `Name: value` line per header, an
/// empty line, the body. The Authorization signature, the session token (header or presigned
/// query parameter), Proxy-Authorization and Cookie values read `<redacted>`; the access key id
/// stays (as in the AWS CLI's debug log). Control characters are escaped as \xHH.
inline std::string redacted(const http::request& req) {
    std::string out;
    out.reserve(req.url.size() + req.body.size() + 64 * req.headers.size() + 16);
    detail::append_log_safe(out, req.method);
    out += ' ';
    detail::append_redacted_url(out, req.url);
    out += '\n';
    for (const http::header& h : req.headers) {
        detail::append_redacted_header(out, h);
    }
    out += '\n';
    detail::append_log_safe(out, req.body);
    return out;
}

}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_SIGV4_HPP
