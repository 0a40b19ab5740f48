// describe-game-sessions: `aws gamelift describe-game-sessions`, paginated by this library.
//
// By default it lists the game sessions of a real fleet: the request goes to GameLift (or to the
// endpoint that --endpoint-url, AWS_ENDPOINT_URL_GAMELIFT, AWS_ENDPOINT_URL or the config file
// names), signed with the credentials the AWS CLI would use, with the AWS CLI's retry modes. With
// --builtin-fleet it lists the library's in-process sample fleet instead: no network, no
// credentials. docs/cli.md describes every option; `describe-game-sessions help` prints them.
//
// Output is the AWS CLI v2's, byte for byte (output.hpp). Errors are one line on stderr with the
// AWS CLI's words and exit codes: 252 usage or parameter, 253 configuration, 254 the service
// answered with an error, 255 anything else, 130 interrupted. A listing that fails or is
// interrupted after it has listed something prints what it listed, with the NextToken to resume
// from, and says on stderr how to resume.

#include "output.hpp"

#include <pagination/aws/config.hpp>
#include <pagination/aws/gamelift.hpp>
#include <pagination/aws/gamelift_client.hpp>
#include <pagination/aws/gamelift_model.hpp>
#include <pagination/aws/gamelift_wire.hpp>
#include <pagination/aws/sigv4.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/error.hpp>
#include <pagination/http/curl_client.hpp>
#include <pagination/local/demo_fleet.hpp>
#include <pagination/local/fleet_service.hpp>
#include <pagination/pagination_config.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef PAGINATION_PROGRAM_VERSION
#define PAGINATION_PROGRAM_VERSION "0.1.0"
#endif

namespace {

namespace gl = pagination::aws::gamelift;
namespace aws = pagination::aws;
namespace cli = pagination_cli;

constexpr std::string_view program_name = "describe-game-sessions";

constexpr int exit_interrupted = 130;
constexpr int exit_usage = 252;
constexpr int exit_configuration = 253;
constexpr int exit_service = 254;
constexpr int exit_other = 255;

constexpr std::string_view usage_text =
    "usage: describe-game-sessions [options]\n"
    "\n"
    "Lists game sessions with GameLift's DescribeGameSessions, paginated as the AWS CLI paginates\n"
    "(the equal of `aws gamelift describe-game-sessions`).\n"
    "\n"
    "Request (at least one of --fleet-id, --alias-id, --game-session-id):\n"
    "  --fleet-id ID                  a fleet ID or fleet ARN\n"
    "  --alias-id ID                  an alias ID or alias ARN\n"
    "  --game-session-id ID           one game session (its ARN)\n"
    "  --location REGION              only sessions in this location (home Region or remote)\n"
    "  --status-filter STATUS         ACTIVE, ACTIVATING, TERMINATED or TERMINATING\n"
    "  --cli-input-json JSON          the request as JSON, inline or file://PATH (options win)\n"
    "  --generate-cli-skeleton [input|output]\n"
    "                                 print a JSON skeleton of the request (or the result) and exit\n"
    "\n"
    "Pagination:\n"
    "  --max-items N                  print at most N sessions, then a NextToken to resume from\n"
    "  --page-size N                  sessions per service call (the request's Limit)\n"
    "  --starting-token TOKEN         resume where an earlier NextToken said\n"
    "  --no-paginate                  make one call and print its page as the service sent it\n"
    "\n"
    "Where and how (as the AWS CLI; see docs/cli.md):\n"
    "  --builtin-fleet                list the built-in sample fleet in-process: no network, no credentials\n"
    "  --list-fleets                  with --builtin-fleet: print the sample fleet's IDs, and exit\n"
    "  --region REGION                the Region (else AWS_REGION, AWS_DEFAULT_REGION, the profile's region)\n"
    "  --profile NAME                 a profile of ~/.aws/config and ~/.aws/credentials\n"
    "  --endpoint-url URL             send requests here (GameLift Local, gamelift-local, a proxy)\n"
    "  --no-sign-request              send requests unsigned (no credentials needed)\n"
    "  --no-verify-ssl                do not verify TLS certificates\n"
    "  --ca-bundle PATH               verify TLS certificates with this CA bundle\n"
    "  --cli-connect-timeout SECONDS  connect timeout (default 60; 0: none)\n"
    "  --cli-read-timeout SECONDS     read timeout (default 60; 0: none)\n"
    "  --debug                        log each request and response to stderr (secrets redacted)\n"
    "\n"
    "Output:\n"
    "  --output FORMAT                json (default), text or table\n"
    "  --version                      print the version, and exit\n"
    "  help, --help                   print this help, and exit\n"
    "\n"
    "Values are given as --opt VALUE or --opt=VALUE.\n"
    "Exit codes: 0 success, 130 interrupted, 252 bad option or parameter, 253 configuration,\n"
    "254 service error, 255 other failure.\n";

/// A mistake on the command line or in a parameter value (exit 252).
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class skeleton_kind { none, input, output };

struct options {
    gl::describe_game_sessions_request request;  // from the options and --cli-input-json
    std::optional<std::size_t> max_items;
    std::optional<std::size_t> page_size;
    std::optional<std::string> starting_token;
    std::optional<std::string> region;
    std::optional<std::string> profile;
    std::optional<std::string> endpoint_url;
    std::optional<std::string> ca_bundle;
    std::optional<long> connect_timeout_s;
    std::optional<long> read_timeout_s;
    std::optional<std::string> cli_input_json;
    cli::output_format output = cli::output_format::json;
    skeleton_kind skeleton = skeleton_kind::none;
    bool no_paginate = false;
    bool builtin_fleet = false;
    bool list_fleets = false;
    bool no_sign_request = false;
    bool no_verify_ssl = false;
    bool debug = false;
    bool help = false;
    bool version = false;
    std::vector<std::string> pagination_options_given;  // for the --no-paginate conflict
};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// A non-negative decimal integer that fits std::size_t; anything else is a usage error that
// names the option.
std::size_t parse_count(std::string_view option, std::string_view text) {
    if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        throw usage_error("argument " + std::string(option) + ": invalid int value: " + quoted(text));
    }
    constexpr std::size_t max = std::numeric_limits<std::size_t>::max();
    std::size_t value = 0;
    for (const char c : text) {
        const auto digit = static_cast<std::size_t>(c - '0');
        if (value > (max - digit) / 10) {
            throw usage_error("argument " + std::string(option) + ": value too large: " + quoted(text));
        }
        value = value * 10 + digit;
    }
    return value;
}

long parse_seconds(std::string_view option, std::string_view text) {
    const std::size_t value = parse_count(option, text);
    if (value > 86'400U * 365U) {
        throw usage_error("argument " + std::string(option) + ": at most one year of seconds; got " + quoted(text));
    }
    return static_cast<long>(value);
}

gl::game_session_status parse_status_filter(std::string_view text) {
    const auto status = gl::parse_game_session_status(text);
    if (!status.is_known()) {
        throw usage_error("argument --status-filter: Invalid choice, valid choices are: ACTIVE | ACTIVATING | "
                          "TERMINATED | TERMINATING; got " +
                          quoted(text));
    }
    return status.value();
}

cli::output_format parse_output(std::string_view text) {
    if (text == "json") return cli::output_format::json;
    if (text == "text") return cli::output_format::text;
    if (text == "table") return cli::output_format::table;
    throw usage_error("argument --output: Invalid choice, valid choices are: json | text | table; got " +
                      quoted(text));
}

template <class T>
void set_once(std::optional<T>& slot, std::string_view option, T value) {
    if (slot) {
        throw usage_error("argument " + std::string(option) + ": given more than once");
    }
    slot = std::move(value);
}

options parse_arguments(int argc, char** argv) {
    options opts;
    bool output_given = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "help") {
            opts.help = true;
            continue;
        }
        if (arg.size() < 3 || arg.substr(0, 2) != "--") {
            throw usage_error("unexpected argument " + quoted(arg) + " (options start with --; see help)");
        }
        std::string_view name = arg;
        std::optional<std::string_view> inline_value;
        if (const std::size_t eq = arg.find('='); eq != std::string_view::npos) {
            name = arg.substr(0, eq);
            inline_value = arg.substr(eq + 1);
        }

        static constexpr std::string_view flags[] = {"--help",          "--list-fleets",   "--builtin-fleet",
                                                     "--no-paginate",   "--no-sign-request", "--no-verify-ssl",
                                                     "--debug",         "--version"};
        if (std::find(std::begin(flags), std::end(flags), name) != std::end(flags)) {
            if (inline_value) {
                throw usage_error("argument " + std::string(name) + ": does not take a value");
            }
            if (name == "--help") opts.help = true;
            if (name == "--list-fleets") opts.list_fleets = true;
            if (name == "--builtin-fleet") opts.builtin_fleet = true;
            if (name == "--no-paginate") opts.no_paginate = true;
            if (name == "--no-sign-request") opts.no_sign_request = true;
            if (name == "--no-verify-ssl") opts.no_verify_ssl = true;
            if (name == "--debug") opts.debug = true;
            if (name == "--version") opts.version = true;
            continue;
        }
        if (name == "--generate-cli-skeleton") {
            // The value is optional: input (default) or output.
            std::string_view value = "input";
            if (inline_value) {
                value = *inline_value;
            } else if (i + 1 < argc && (std::string_view(argv[i + 1]) == "input" ||
                                        std::string_view(argv[i + 1]) == "output")) {
                value = argv[++i];
            }
            if (value != "input" && value != "output") {
                throw usage_error("argument --generate-cli-skeleton: Invalid choice, valid choices are: input | "
                                  "output; got " +
                                  quoted(value));
            }
            opts.skeleton = value == "input" ? skeleton_kind::input : skeleton_kind::output;
            continue;
        }

        static constexpr std::string_view valued[] = {
            "--fleet-id",       "--alias-id",     "--game-session-id", "--location",
            "--status-filter",  "--max-items",    "--page-size",       "--starting-token",
            "--output",         "--region",       "--profile",         "--endpoint-url",
            "--ca-bundle",      "--cli-connect-timeout", "--cli-read-timeout", "--cli-input-json"};
        if (std::find(std::begin(valued), std::end(valued), name) == std::end(valued)) {
            throw usage_error("Unknown options: " + std::string(arg));
        }
        std::string_view value;
        if (inline_value) {
            value = *inline_value;
        } else if (i + 1 < argc && std::string_view(argv[i + 1]).substr(0, 2) != "--") {
            value = argv[++i];
        } else {
            throw usage_error("argument " + std::string(name) + ": expected one argument");
        }

        gl::describe_game_sessions_request& r = opts.request;
        if (name == "--fleet-id") {
            set_once(r.fleet_id, name, std::string(value));
        } else if (name == "--alias-id") {
            set_once(r.alias_id, name, std::string(value));
        } else if (name == "--game-session-id") {
            set_once(r.game_session_id, name, std::string(value));
        } else if (name == "--location") {
            set_once(r.location, name, std::string(value));
        } else if (name == "--status-filter") {
            set_once(r.status_filter, name, parse_status_filter(value));
        } else if (name == "--max-items") {
            set_once(opts.max_items, name, parse_count(name, value));
            opts.pagination_options_given.emplace_back(name);
        } else if (name == "--page-size") {
            set_once(opts.page_size, name, parse_count(name, value));
            opts.pagination_options_given.emplace_back(name);
        } else if (name == "--starting-token") {
            set_once(opts.starting_token, name, std::string(value));
            opts.pagination_options_given.emplace_back(name);
        } else if (name == "--region") {
            set_once(opts.region, name, std::string(value));
        } else if (name == "--profile") {
            set_once(opts.profile, name, std::string(value));
        } else if (name == "--endpoint-url") {
            set_once(opts.endpoint_url, name, std::string(value));
        } else if (name == "--ca-bundle") {
            set_once(opts.ca_bundle, name, std::string(value));
        } else if (name == "--cli-connect-timeout") {
            set_once(opts.connect_timeout_s, name, parse_seconds(name, value));
        } else if (name == "--cli-read-timeout") {
            set_once(opts.read_timeout_s, name, parse_seconds(name, value));
        } else if (name == "--cli-input-json") {
            set_once(opts.cli_input_json, name, std::string(value));
        } else {  // --output
            if (output_given) {
                throw usage_error("argument --output: given more than once");
            }
            output_given = true;
            opts.output = parse_output(value);
        }
    }
    return opts;
}

// ---------------------------------------------------------------------------------------------
// --cli-input-json
// ---------------------------------------------------------------------------------------------

std::string read_input_json(const std::string& value) {
    constexpr std::string_view file_prefix = "file://";
    if (value.compare(0, file_prefix.size(), file_prefix) != 0) {
        return value;
    }
    const std::string path = value.substr(file_prefix.size());
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw usage_error("Error parsing parameter 'cli-input-json': Unable to load paramfile " + value +
                          ": cannot open " + path);
    }
    constexpr std::size_t max_bytes = 1U << 20;
    std::string text(max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
        throw usage_error("Error parsing parameter 'cli-input-json': " + path + " is larger than 1 MiB");
    }
    return text;
}

// Fills the request members that the command line did not set (options win, as in the AWS CLI).
void apply_input_json(options& opts) {
    const std::string text = read_input_json(*opts.cli_input_json);
    pagination::token_value doc;
    pagination::detail::json_reader reader(text, 16);
    if (!reader.parse(doc) || !doc.is_object()) {
        throw usage_error("Error parsing parameter 'cli-input-json': Invalid JSON received.");
    }
    gl::describe_game_sessions_request& r = opts.request;
    const auto type_error = [](std::string_view member, std::string_view expected) {
        return usage_error("Parameter validation failed: Invalid type for parameter " + std::string(member) +
                           ", valid types: " + std::string(expected));
    };
    const auto text_member = [&](std::optional<std::string>& slot, std::string_view member,
                                 const pagination::token_value& v) {
        if (!v.is_string()) throw type_error(member, "<class 'str'>");
        if (!slot) slot = v.as_string();
    };
    for (const auto& [key, value] : doc.as_object()) {
        if (key == "FleetId") {
            text_member(r.fleet_id, key, value);
        } else if (key == "GameSessionId") {
            text_member(r.game_session_id, key, value);
        } else if (key == "AliasId") {
            text_member(r.alias_id, key, value);
        } else if (key == "Location") {
            text_member(r.location, key, value);
        } else if (key == "StatusFilter") {
            if (!value.is_string()) throw type_error(key, "<class 'str'>");
            if (!r.status_filter) r.status_filter = parse_status_filter(value.as_string());
        } else if (key == "Limit") {
            if (!value.is_integer()) throw type_error(key, "<class 'int'>");
            if (!opts.page_size) {
                const long long limit = value.as_integer();
                if (limit < 1 || limit > std::numeric_limits<int>::max()) {
                    throw usage_error("Parameter validation failed: Invalid value for parameter Limit, value: " +
                                      std::to_string(limit) + ", valid min value: 1");
                }
                r.limit = static_cast<int>(limit);
            }
        } else if (key == "NextToken") {
            text_member(r.next_token, key, value);
        } else {
            throw usage_error("Parameter validation failed: Unknown parameter in input: \"" + key +
                              "\", must be one of: FleetId, GameSessionId, AliasId, Location, StatusFilter, Limit, "
                              "NextToken");
        }
    }
}

constexpr std::string_view input_skeleton =
    "{\n"
    "    \"FleetId\": \"\",\n"
    "    \"GameSessionId\": \"\",\n"
    "    \"AliasId\": \"\",\n"
    "    \"Location\": \"\",\n"
    "    \"StatusFilter\": \"\",\n"
    "    \"Limit\": 0,\n"
    "    \"NextToken\": \"\"\n"
    "}\n";

std::string output_skeleton() {
    gl::game_session s;
    s.game_session_id = s.name = s.fleet_id = s.fleet_arn = "";
    s.creation_time = s.termination_time = gl::timestamp{};
    s.current_player_session_count = s.maximum_player_session_count = s.port = 0;
    s.status = gl::parse_game_session_status("ACTIVE");
    s.status_reason = gl::parse_game_session_status_reason("INTERRUPTED");
    s.game_properties.push_back({"", ""});
    s.ip_address = s.dns_name = "";
    s.player_session_creation_policy = gl::parse_player_session_creation_policy("ACCEPT_ALL");
    s.creator_id = s.game_session_data = s.matchmaker_data = s.location = s.compute_name = "";
    gl::describe_game_sessions_result result;
    result.game_sessions.push_back(std::move(s));
    result.next_token = "";
    std::string out;
    cli::write_json(out, result, 0);
    out += '\n';
    return out;
}

// ---------------------------------------------------------------------------------------------
// Errors, Ctrl-C, progress
// ---------------------------------------------------------------------------------------------

// The option a request member comes from, for messages about a rejected request.
std::string_view option_of(std::string_view field) {
    if (field == "FleetId") return "--fleet-id";
    if (field == "AliasId") return "--alias-id";
    if (field == "GameSessionId") return "--game-session-id";
    if (field == "Location") return "--location";
    if (field == "StatusFilter") return "--status-filter";
    if (field == "Limit") return "--page-size";
    if (field == "NextToken") return "--starting-token";
    return "--fleet-id, --alias-id or --game-session-id";
}

// Messages are printed on one line.
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    return text;
}

void print_err(const std::string& message) {
    const std::string line = one_line(message) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

int fail(int code, const std::string& message) {
    print_err(message);
    return code;
}

bool print(const std::string& text) {
    return std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0;
}

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted.store(true); }

// The AWS CLI's line for an error the service answered with, or for a failure to reach it.
std::pair<int, std::string> describe_service_error(const aws::service_error& e, std::string_view endpoint) {
    if (e.source == aws::error_source::transport) {
        const std::string url = "\"" + std::string(endpoint) + "\"";
        if (e.timed_out) {
            return {exit_other, "Read timeout on endpoint URL: " + url};
        }
        if (e.code == "connect_failed") {
            return {exit_other, "Could not connect to the endpoint URL: " + url};
        }
        if (e.code == "connection_reset") {
            return {exit_other, "Connection was closed before we received a valid response from endpoint URL: " + url};
        }
        if (e.code == "tls_failed") {
            return {exit_other, "SSL validation failed for " + url + " " + e.message};
        }
        return {exit_other, "Connection failed on endpoint URL: " + url + ": " + e.message};
    }
    std::string line = "An error occurred (" + e.code + ") when calling the DescribeGameSessions operation";
    if (e.retries_exhausted && e.attempts > 0) {
        line += " (reached max retries: " + std::to_string(e.attempts - 1) + ")";
    }
    line += ": " + e.message;
    return {exit_service, line};
}

/// A line on stderr, rewritten in place, when stderr is a terminal and the listing is long.
class progress_line {
public:
    progress_line() : enabled_(isatty(STDERR_FILENO) == 1) {}
    ~progress_line() { clear(); }
    progress_line(const progress_line&) = delete;
    progress_line& operator=(const progress_line&) = delete;

    void update(std::size_t pages, std::size_t sessions, std::size_t throttles, std::chrono::milliseconds waited) {
        if (!enabled_ || pages < 3) {
            return;
        }
        std::string line = "\r" + std::to_string(pages) + " pages, " + std::to_string(sessions) + " sessions";
        if (throttles > 0) {
            line += ", throttled " + std::to_string(throttles) + "x (waited " +
                    std::to_string(static_cast<double>(waited.count()) / 1000.0).substr(0, 5) + " s)";
        }
        line += "\x1b[K";
        std::fwrite(line.data(), 1, line.size(), stderr);
        std::fflush(stderr);
        shown_ = true;
    }
    void clear() {
        if (shown_) {
            std::fputs("\r\x1b[K", stderr);
            std::fflush(stderr);
            shown_ = false;
        }
    }

private:
    bool enabled_;
    bool shown_ = false;
};

// ---------------------------------------------------------------------------------------------
// The listing
// ---------------------------------------------------------------------------------------------

struct listing_status {
    int exit_code = 0;
    std::string message;  // stderr line when exit_code != 0
};

// Walks `sessions`, feeding the output as the AWS CLI would print it. On a failure or Ctrl-C it
// prints what was listed with the resume token, and says on stderr how to resume.
template <class Paginator, class Stats>
int list(Paginator& sessions, const options& opts, std::string_view endpoint, Stats&& stats) {
    std::string buffer;
    cli::output_writer out(opts.output, buffer, cli::terminal_width(STDOUT_FILENO));
    progress_line progress;
    std::size_t pages = 0;
    std::size_t listed = 0;
    std::optional<aws::service_error> failure;
    std::optional<pagination::error> other_failure;
    bool stopped_by_interrupt = false;

    try {
        for (auto& page : sessions.pages()) {
            ++pages;
            listed += page.game_sessions.size();
            out.page(std::move(page));
            if (!buffer.empty()) {  // text is printed page by page, as the AWS CLI prints it
                progress.clear();
                if (!print(buffer)) {
                    return fail(exit_other, "could not write the output");
                }
                buffer.clear();
            }
            const auto s = stats();
            progress.update(pages, listed, s.throttles, s.waited);
            if (interrupted.load()) {
                stopped_by_interrupt = true;
                break;
            }
        }
    } catch (const pagination::fetch_error& e) {
        if (const aws::service_error* answer = e.error().fetcher_error<aws::service_error>()) {
            failure = *answer;
        } else {
            other_failure = e.error();
        }
    } catch (const pagination::pagination_error& e) {
        other_failure = e.error();
    }
    progress.clear();

    const std::optional<std::string> token = sessions.resume_token();
    const bool failed = failure || other_failure || stopped_by_interrupt;
    // On a failure, what was listed is printed too, with its NextToken, so that nothing is lost.
    if (!failed || listed > 0) {
        out.finish(token);
        if (!print(buffer)) {
            return fail(exit_other, "could not write the output");
        }
    }
    if (!failed) {
        return 0;
    }
    int code = exit_other;
    std::string line;
    if (stopped_by_interrupt) {
        code = exit_interrupted;
        line = "Interrupted after " + std::to_string(listed) + " game sessions.";
    } else if (failure) {
        std::tie(code, line) = describe_service_error(*failure, endpoint);
    } else {
        // Refused before anything was sent (a token or a page size the library rejects), or a
        // service that broke the contract (a repeated token).
        line = other_failure->message();
        switch (other_failure->code()) {
            case pagination::errc::invalid_starting_token:
                return fail(exit_usage, "argument --starting-token: " + line);
            case pagination::errc::invalid_page_size:
                return fail(exit_usage, "argument --page-size: " + line);
            case pagination::errc::invalid_request:
                return fail(exit_usage, "Parameter validation failed: " + line);
            default:
                break;
        }
    }
    print_err(line);
    if (token && listed > 0) {  // with nothing listed, a new run starts where this one did
        print_err("To resume, run again with the same options and --starting-token " + *token);
    }
    return code;
}

pagination::pagination_config pagination_of(const options& opts) {
    pagination::pagination_config config;
    config.max_items = opts.max_items;
    config.page_size = opts.page_size;
    config.starting_token = opts.starting_token;
    return config;
}

// A request the library refuses before anything is sent: name the option behind the rule.
int rejected_request(const options& opts) {
    gl::describe_game_sessions_request sent = opts.request;
    if (opts.page_size) {
        sent.limit = *opts.page_size <= static_cast<std::size_t>(std::numeric_limits<int>::max())
                         ? static_cast<int>(*opts.page_size)
                         : std::numeric_limits<int>::max();
    }
    if (const std::optional<gl::validation_error> rule = gl::validate(sent)) {
        return fail(exit_usage, "Parameter validation failed: " + std::string(option_of(rule->field)) + ": " +
                                    rule->message);
    }
    return 0;
}

// --no-paginate: one call, printed as the AWS CLI prints a response it does not paginate. json
// and table show the page with its NextToken as the writer shows a full result; text writes the
// response's scalar member first, on a line of its own without a row name, so a NextToken comes
// before the sessions (docs/cli-output.md).
int print_one_page(const options& opts, const gl::describe_game_sessions_outcome& page, std::string_view endpoint) {
    if (!page) {
        const auto [code, line] = describe_service_error(page.error(), endpoint);
        return fail(code, line);
    }
    const std::optional<std::string>& token = page.value().next_token;
    const bool text = opts.output == cli::output_format::text;
    std::string buffer = text && token ? *token + "\n" : std::string();
    cli::output_writer out(opts.output, buffer, cli::terminal_width(STDOUT_FILENO));
    out.page(page.value());
    out.finish(text ? std::nullopt : token);
    return print(buffer) ? 0 : fail(exit_other, "could not write the output");
}

// The listing through `fetch`, or its one call under --no-paginate.
template <class Fetcher, class Stats>
int describe(Fetcher& fetch, const options& opts, std::string_view endpoint, Stats&& stats) {
    if (opts.no_paginate) {
        return print_one_page(opts, fetch(opts.request), endpoint);
    }
    auto sessions = gl::describe_game_sessions(fetch, opts.request, pagination_of(opts));
    return list(sessions, opts, endpoint, std::forward<Stats>(stats));
}

int run_builtin(const options& opts) {
    gl::local_fleet_service service;
    gl::service_outcome<gl::demo_fleet> demo = gl::seed_demo_fleet(service);
    if (!demo) {
        return fail(exit_other, "could not seed the sample fleet: " + demo.error().code + ": " + demo.error().message);
    }
    if (opts.list_fleets) {
        const gl::demo_fleet& d = demo.value();
        std::string locations;
        for (const std::string& l : d.locations) {
            locations += (locations.empty() ? "" : " ") + l;
        }
        return print("FleetId       " + d.fleet_id + "\n" + "FleetArn      " + d.fleet_arn + "\n" +
                     "AliasId       " + d.alias_id + "\n" + "AliasArn      " + d.alias_arn + "\n" +
                     "Locations     " + locations + "  (the first is the home Region)\n" + "GameSessions  " +
                     std::to_string(d.session_count) + "\n")
                   ? 0
                   : exit_other;
    }
    const auto fetch = [&service](const gl::describe_game_sessions_request& r) {
        return service.describe_game_sessions(r);
    };
    return describe(fetch, opts, "builtin", [] { return gl::wire_client_stats{}; });
}

int run_wire(const options& opts) {
    aws::client_options wanted;
    wanted.profile = opts.profile;
    wanted.region = opts.region;
    wanted.endpoint_url = opts.endpoint_url;
    wanted.no_sign_request = opts.no_sign_request;
    const auto resolved = aws::resolve_client_config("gamelift", "gamelift", wanted, aws::environment::from_process());
    if (!resolved) {
        const aws::config_error& e = resolved.error();
        if (e.code == aws::config_errc::invalid_endpoint && opts.endpoint_url) {
            return fail(exit_usage, e.message);
        }
        return fail(exit_configuration, e.message);
    }
    aws::client_config config = resolved.value();

    pagination::http::curl_options transport;
    if (opts.connect_timeout_s) {
        transport.connect_timeout = std::chrono::seconds(*opts.connect_timeout_s);
    }
    if (opts.read_timeout_s) {
        transport.read_timeout = std::chrono::seconds(*opts.read_timeout_s);
    }
    transport.verify_tls = !opts.no_verify_ssl;
    if (opts.ca_bundle) {
        transport.ca_bundle = *opts.ca_bundle;
    } else if (config.ca_bundle) {
        transport.ca_bundle = *config.ca_bundle;
    }
    transport.user_agent = std::string(program_name) + "/" PAGINATION_PROGRAM_VERSION;
    pagination::http::curl_client http(transport);

    gl::wire_client_hooks hooks;
    if (opts.debug) {
        hooks.debug_log = [](std::string_view text) {
            std::string line(text);
            line += '\n';
            std::fwrite(line.data(), 1, line.size(), stderr);
        };
    }
    gl::wire_client<pagination::http::curl_client> client(http, config, std::move(hooks));
    const std::string endpoint = config.endpoint_url;

    return describe(client, opts, endpoint, [&client] { return client.stats(); });
}

int run(int argc, char** argv) {
    options opts;
    try {
        opts = parse_arguments(argc, argv);
        if (opts.cli_input_json) {
            apply_input_json(opts);
        }
    } catch (const usage_error& e) {
        return fail(exit_usage, e.what());
    }
    if (opts.help) {
        return print(std::string(usage_text)) ? 0 : exit_other;
    }
    if (opts.version) {
        return print(std::string(program_name) + "/" PAGINATION_PROGRAM_VERSION " pagination/" PAGINATION_PROGRAM_VERSION
                                                 " (AWS CLI v2 compatible output)\n")
                   ? 0
                   : exit_other;
    }
    if (opts.skeleton != skeleton_kind::none) {
        return print(opts.skeleton == skeleton_kind::input ? std::string(input_skeleton) : output_skeleton()) ? 0
                                                                                                              : exit_other;
    }
    if (opts.no_paginate && !opts.pagination_options_given.empty()) {
        std::string names;
        for (const std::string& n : opts.pagination_options_given) {
            names += (names.empty() ? "" : ", ") + n;
        }
        return fail(exit_usage, "Cannot specify --no-paginate along with pagination arguments: " + names);
    }
    if (opts.list_fleets && !opts.builtin_fleet) {
        return fail(exit_usage, "--list-fleets lists the built-in fleet: add --builtin-fleet");
    }
    if (opts.list_fleets) {
        return run_builtin(opts);
    }
    if (const int rejected = rejected_request(opts)) {
        return rejected;
    }

    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    return opts.builtin_fleet ? run_builtin(opts) : run_wire(opts);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        return fail(exit_other, e.what());
    } catch (...) {
        return fail(exit_other, "unexpected failure");
    }
}
