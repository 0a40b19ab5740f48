// describe-game-sessions: `aws gamelift describe-game-sessions` against an in-process GameLift.
//
// The program starts a local_fleet_service, seeds it with the sample fleet (seed_demo_fleet: the
// same 600 game sessions across four locations on every run), and lists game sessions through
// this library's DescribeGameSessions paginator with the AWS CLI's options:
//
//   --fleet-id, --alias-id, --game-session-id, --location, --status-filter   (the request)
//   --max-items, --page-size, --starting-token                              (pagination)
//   --output json|text|table                                                (default json)
//   --list-fleets   prints the sample fleet's IDs, so that there is something to ask for
//   --help
//
// Every option takes its value as `--opt value` or `--opt=value`.
//
// The listing is the paginator's build_full_result(), as the AWS CLI prints a paginated command:
// all sessions up to --max-items, and a NextToken when the listing was cut. Passing that token
// back with --starting-token (and the same --page-size and filters) continues exactly after the
// last session printed.
//
// Output formats:
//   json   {"GameSessions": [...], "NextToken": "..."} with the service's member names and
//          4-space indentation, NextToken only when there is more to list.
//   text   tab-separated, as the AWS CLI's text output: one GAMESESSIONS line per session with
//          its scalar members in alphabetical order of their names (the columns are the union
//          of the members present in any session printed, an absent member an empty field),
//          then a GAMEPROPERTIES line (Key, Value) per game property of that session; finally
//          NEXTTOKEN and the token when there is one. The AWS CLI picks the columns page by
//          page; this program picks them once for the whole listing, so columns line up.
//   table  a boxed table: the title DescribeGameSessions, a NextToken row when there is one
//          (where the AWS CLI puts the top-level scalars), then a GameSessions table of key
//          columns. Its GameSessionId column shows the last part of the game session ARN (the
//          custom or generated ID); json and text print the whole ARN.
//
// Errors go to stderr as one line, with nothing on stdout, and exit codes as the AWS CLI's:
//   252  bad usage or parameter: unknown option, missing or malformed value, a starting token
//        or request that the library rejects before anything is sent
//   254  the service answered with an error (e.g. NotFoundException for an unknown fleet)
//   255  any other failure

#include <pagination/aws/gamelift.hpp>
#include <pagination/aws/gamelift_local.hpp>
#include <pagination/aws/gamelift_model.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <limits>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace gl = pagination::aws::gamelift;

constexpr std::string_view program_name = "describe-game-sessions";

constexpr int exit_usage = 252;
constexpr int exit_service = 254;
constexpr int exit_other = 255;

constexpr std::string_view usage_text =
    "usage: describe-game-sessions [options]\n"
    "\n"
    "Lists the game sessions of an in-process GameLift fleet (the library's sample fleet) with\n"
    "DescribeGameSessions, paginated as the AWS CLI paginates.\n"
    "\n"
    "Request (at least one of --fleet-id, --alias-id, --game-session-id):\n"
    "  --fleet-id ID            a fleet ID or fleet ARN\n"
    "  --alias-id ID            an alias ID or alias ARN\n"
    "  --game-session-id ID     one game session (its ARN)\n"
    "  --location REGION        only sessions in this location (home Region or remote)\n"
    "  --status-filter STATUS   ACTIVE, ACTIVATING, TERMINATED or TERMINATING\n"
    "\n"
    "Pagination:\n"
    "  --max-items N            print at most N sessions, then a NextToken to resume from\n"
    "  --page-size N            sessions per service call (the request's Limit)\n"
    "  --starting-token TOKEN   resume where an earlier NextToken said; use the same\n"
    "                           --page-size and filters as the run that printed it\n"
    "\n"
    "Output:\n"
    "  --output FORMAT          json (default), text or table\n"
    "  --list-fleets            print the sample fleet's IDs and locations, and exit\n"
    "  --help                   print this help, and exit\n"
    "\n"
    "Values are given as --opt VALUE or --opt=VALUE.\n"
    "Exit codes: 0 success, 252 bad option or parameter, 254 service error, 255 other failure.\n";

/// A mistake on the command line or in a parameter value (exit 252).
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class output_format { json, text, table };

struct options {
    std::optional<std::string> fleet_id;
    std::optional<std::string> alias_id;
    std::optional<std::string> game_session_id;
    std::optional<std::string> location;
    std::optional<gl::game_session_status> status_filter;
    std::optional<std::size_t> max_items;
    std::optional<std::size_t> page_size;
    std::optional<std::string> starting_token;
    output_format output = output_format::json;
    bool help = false;
    bool list_fleets = false;
};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// A non-negative decimal integer that fits std::size_t; anything else is a usage error that
// names the option.
std::size_t parse_count(std::string_view option, std::string_view text) {
    if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        throw usage_error(std::string(option) + " must be a non-negative integer; got " + quoted(text));
    }
    constexpr std::size_t max = std::numeric_limits<std::size_t>::max();
    std::size_t value = 0;
    for (const char c : text) {
        const auto digit = static_cast<std::size_t>(c - '0');
        if (value > (max - digit) / 10) {
            throw usage_error(std::string(option) + " is too large; got " + quoted(text));
        }
        value = value * 10 + digit;
    }
    return value;
}

gl::game_session_status parse_status_filter(std::string_view text) {
    const auto status = gl::parse_game_session_status(text);
    if (!status.is_known()) {
        throw usage_error(
            "--status-filter must be one of ACTIVE, ACTIVATING, TERMINATED, TERMINATING; got " + quoted(text));
    }
    // ERROR is a status but not a filter; the request's validation says so, in the library's words.
    return status.value();
}

output_format parse_output(std::string_view text) {
    if (text == "json") return output_format::json;
    if (text == "text") return output_format::text;
    if (text == "table") return output_format::table;
    throw usage_error("--output must be one of json, text, table; got " + quoted(text));
}

template <class T>
void set_once(std::optional<T>& slot, std::string_view option, T value) {
    if (slot) {
        throw usage_error(std::string(option) + " was given more than once");
    }
    slot = std::move(value);
}

options parse_arguments(int argc, char** argv) {
    options opts;
    bool output_given = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h") {
            opts.help = true;
            continue;
        }
        if (arg.size() < 3 || arg.substr(0, 2) != "--") {
            throw usage_error("unexpected argument " + quoted(arg) + " (options start with --; see --help)");
        }
        std::string_view name = arg;
        std::optional<std::string_view> inline_value;
        if (const std::size_t eq = arg.find('='); eq != std::string_view::npos) {
            name = arg.substr(0, eq);
            inline_value = arg.substr(eq + 1);
        }

        if (name == "--help" || name == "--list-fleets") {
            if (inline_value) {
                throw usage_error(std::string(name) + " does not take a value");
            }
            (name == "--help" ? opts.help : opts.list_fleets) = true;
            continue;
        }

        static constexpr std::string_view valued[] = {
            "--fleet-id",  "--alias-id",  "--game-session-id", "--location", "--status-filter",
            "--max-items", "--page-size", "--starting-token",  "--output"};
        if (std::find(std::begin(valued), std::end(valued), name) == std::end(valued)) {
            throw usage_error("unknown option " + quoted(name) + " (see --help)");
        }
        std::string_view value;
        if (inline_value) {
            value = *inline_value;
        } else if (i + 1 < argc && std::string_view(argv[i + 1]).substr(0, 2) != "--") {
            value = argv[++i];
        } else {
            throw usage_error(std::string(name) + " needs a value");
        }

        if (name == "--fleet-id") {
            set_once(opts.fleet_id, name, std::string(value));
        } else if (name == "--alias-id") {
            set_once(opts.alias_id, name, std::string(value));
        } else if (name == "--game-session-id") {
            set_once(opts.game_session_id, name, std::string(value));
        } else if (name == "--location") {
            set_once(opts.location, name, std::string(value));
        } else if (name == "--status-filter") {
            set_once(opts.status_filter, name, parse_status_filter(value));
        } else if (name == "--max-items") {
            set_once(opts.max_items, name, parse_count(name, value));
        } else if (name == "--page-size") {
            set_once(opts.page_size, name, parse_count(name, value));
        } else if (name == "--starting-token") {
            set_once(opts.starting_token, name, std::string(value));
        } else {  // --output
            if (output_given) {
                throw usage_error("--output was given more than once");
            }
            output_given = true;
            opts.output = parse_output(value);
        }
    }
    return opts;
}

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

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

// The scalar members of a session that are present, by service name, with the values the JSON
// output shows for them.
std::vector<std::pair<std::string, std::string>> scalar_members(const gl::game_session& s) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto text = [&](const char* name, const std::optional<std::string>& v) {
        if (v) out.emplace_back(name, *v);
    };
    const auto number = [&](const char* name, const std::optional<int>& v) {
        if (v) out.emplace_back(name, std::to_string(*v));
    };
    const auto time = [&](const char* name, const std::optional<gl::timestamp>& v) {
        if (v) out.emplace_back(name, gl::format_iso8601(*v));
    };
    const auto enumeration = [&](const char* name, const auto& v) {
        if (v) out.emplace_back(name, std::string(v->wire()));
    };
    text("GameSessionId", s.game_session_id);
    text("Name", s.name);
    text("FleetId", s.fleet_id);
    text("FleetArn", s.fleet_arn);
    time("CreationTime", s.creation_time);
    time("TerminationTime", s.termination_time);
    number("CurrentPlayerSessionCount", s.current_player_session_count);
    number("MaximumPlayerSessionCount", s.maximum_player_session_count);
    enumeration("Status", s.status);
    enumeration("StatusReason", s.status_reason);
    text("IpAddress", s.ip_address);
    text("DnsName", s.dns_name);
    number("Port", s.port);
    enumeration("PlayerSessionCreationPolicy", s.player_session_creation_policy);
    text("CreatorId", s.creator_id);
    text("GameSessionData", s.game_session_data);
    text("MatchmakerData", s.matchmaker_data);
    text("Location", s.location);
    text("ComputeName", s.compute_name);
    return out;
}

std::string render_json(const gl::describe_game_sessions_result& result) {
    std::string out;
    gl::write_json(out, result, 0);
    out += '\n';
    return out;
}

std::string render_text(const gl::describe_game_sessions_result& result) {
    std::vector<std::vector<std::pair<std::string, std::string>>> rows;
    std::set<std::string> columns;  // sorted by name, as the columns of the AWS CLI's text output
    for (const gl::game_session& s : result.game_sessions) {
        rows.push_back(scalar_members(s));
        for (const auto& member : rows.back()) {
            columns.insert(member.first);
        }
    }
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out += "GAMESESSIONS";
        for (const std::string& column : columns) {
            out += '\t';
            const auto& row = rows[r];
            const auto found = std::find_if(row.begin(), row.end(), [&](const auto& m) { return m.first == column; });
            if (found != row.end()) {
                out += found->second;
            }
        }
        out += '\n';
        for (const gl::game_property& p : result.game_sessions[r].game_properties) {
            out += "GAMEPROPERTIES\t" + p.key + '\t' + p.value + '\n';
        }
    }
    if (result.next_token) {
        out += "NEXTTOKEN\t" + *result.next_token + '\n';
    }
    return out;
}

// Display width of UTF-8 text: its code points.
std::size_t width_of(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::string pad_left_aligned(std::string_view s, std::size_t width) {
    std::string out(s);
    out.append(width - std::min(width, width_of(s)), ' ');
    return out;
}

std::string pad_centered(std::string_view s, std::size_t width) {
    const std::size_t room = width - std::min(width, width_of(s));
    return std::string(room / 2, ' ') + std::string(s) + std::string(room - room / 2, ' ');
}

std::string render_table(const gl::describe_game_sessions_result& result) {
    static constexpr std::string_view headers[] = {"GameSessionId",
                                                   "Name",
                                                   "Status",
                                                   "Location",
                                                   "CurrentPlayerSessionCount",
                                                   "MaximumPlayerSessionCount",
                                                   "IpAddress",
                                                   "Port"};
    constexpr std::size_t column_count = std::size(headers);
    constexpr std::string_view title = "DescribeGameSessions";
    constexpr std::string_view sessions_title = "GameSessions";
    constexpr std::string_view token_label = "NextToken";

    const auto or_empty = [](const auto& v) { return v ? std::string(*v) : std::string(); };
    std::vector<std::vector<std::string>> rows;
    for (const gl::game_session& s : result.game_sessions) {
        std::string id = or_empty(s.game_session_id);
        if (const std::size_t slash = id.rfind('/'); slash != std::string::npos) {
            id.erase(0, slash + 1);
        }
        rows.push_back({std::move(id), or_empty(s.name),
                        s.status ? std::string(s.status->wire()) : std::string(), or_empty(s.location),
                        s.current_player_session_count ? std::to_string(*s.current_player_session_count) : "",
                        s.maximum_player_session_count ? std::to_string(*s.maximum_player_session_count) : "",
                        or_empty(s.ip_address), s.port ? std::to_string(*s.port) : ""});
    }

    // Each cell is the widest text of its column with two spaces either side.
    std::vector<std::size_t> widths(column_count);
    for (std::size_t c = 0; c < column_count; ++c) {
        widths[c] = width_of(headers[c]);
        for (const auto& row : rows) {
            widths[c] = std::max(widths[c], width_of(row[c]));
        }
        widths[c] += 4;
    }
    const auto inner_of_sessions = [&] {  // between the "||" borders of the GameSessions table
        std::size_t w = column_count - 1;  // the '|' between cells
        for (const std::size_t cw : widths) w += cw;
        return w;
    };

    // The outer box: the title and the NextToken row must fit, and the nested table fills it.
    std::size_t inner = width_of(title) + 4;  // between the '|' borders of the outer box
    const std::size_t label_cell = width_of(token_label) + 4;
    if (result.next_token) {
        inner = std::max(inner, label_cell + 1 + width_of(*result.next_token) + 4);
    }
    if (!rows.empty()) {
        inner = std::max(inner, inner_of_sessions() + 2);
        widths.back() += inner - 2 - inner_of_sessions();
    }

    std::string out;
    out += std::string(inner + 2, '-') + '\n';
    out += '|' + pad_centered(title, inner) + "|\n";
    if (result.next_token) {
        const std::string line = '+' + std::string(label_cell, '-') + '+' + std::string(inner - label_cell - 1, '-') + "+\n";
        out += line;
        out += "|  " + pad_left_aligned(token_label, label_cell - 2) + "|  " +
               pad_left_aligned(*result.next_token, inner - label_cell - 3) + "|\n";
        out += line;
    } else {
        out += '+' + std::string(inner, '-') + "+\n";
    }
    if (!rows.empty()) {
        std::string rule = "|+";
        for (std::size_t c = 0; c < column_count; ++c) {
            rule += std::string(widths[c], '-');
            rule += '+';
        }
        rule += "|\n";
        const auto row_line = [&](const auto& cells, bool center) {
            std::string line = "||";
            for (std::size_t c = 0; c < column_count; ++c) {
                line += center ? pad_centered(cells[c], widths[c]) : "  " + pad_left_aligned(cells[c], widths[c] - 2);
                line += c + 1 < column_count ? "|" : "||\n";
            }
            return line;
        };
        out += "||" + pad_centered(sessions_title, inner - 2) + "||\n";
        out += rule;
        out += row_line(headers, true);
        out += rule;
        for (const auto& row : rows) {
            out += row_line(row, false);
        }
        out += rule;
    }
    return out;
}

std::string render_fleets(const gl::demo_fleet& demo) {
    std::string locations;
    for (const std::string& l : demo.locations) {
        locations += (locations.empty() ? "" : " ") + l;
    }
    return "FleetId       " + demo.fleet_id + "\n" +   //
           "FleetArn      " + demo.fleet_arn + "\n" +  //
           "AliasId       " + demo.alias_id + "\n" +   //
           "AliasArn      " + demo.alias_arn + "\n" +  //
           "Locations     " + locations + "  (the first is the home Region)\n" +
           "GameSessions  " + std::to_string(demo.session_count) + "\n";
}

int fail(int code, const std::string& message) {
    const std::string line = std::string(program_name) + ": " + one_line(message) + "\n";
    std::fputs(line.c_str(), stderr);
    return code;
}

int print(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
        return fail(exit_other, "could not write the output");
    }
    return 0;
}

int run(int argc, char** argv) {
    options opts;
    try {
        opts = parse_arguments(argc, argv);
    } catch (const usage_error& e) {
        return fail(exit_usage, e.what());
    }
    if (opts.help) {
        return print(std::string(usage_text));
    }

    gl::local_fleet_service service;
    gl::service_outcome<gl::demo_fleet> demo = gl::seed_demo_fleet(service);
    if (!demo) {
        return fail(exit_other, "could not seed the sample fleet: " + demo.error().code + ": " + demo.error().message);
    }
    if (opts.list_fleets) {
        return print(render_fleets(demo.value()));
    }

    gl::describe_game_sessions_request request;
    request.fleet_id = opts.fleet_id;
    request.alias_id = opts.alias_id;
    request.game_session_id = opts.game_session_id;
    request.location = opts.location;
    request.status_filter = opts.status_filter;

    pagination::pagination_config config;
    config.max_items = opts.max_items;
    config.page_size = opts.page_size;
    config.starting_token = opts.starting_token;

    const auto fetch = [&service](const gl::describe_game_sessions_request& r) {
        return service.describe_game_sessions(r);
    };
    auto sessions = gl::describe_game_sessions(fetch, request, config);

    gl::describe_game_sessions_result result;
    try {
        result = sessions.build_full_result();
    } catch (const pagination::starting_token_error& e) {
        return fail(exit_usage, std::string("--starting-token: ") + e.what());
    } catch (const pagination::invalid_request_error& e) {
        // Name the option behind the broken rule (the request as it was sent, with its Limit).
        gl::describe_game_sessions_request sent = request;
        if (opts.page_size) {
            sent.limit = opts.page_size <= static_cast<std::size_t>(std::numeric_limits<int>::max())
                             ? static_cast<int>(*opts.page_size)
                             : std::numeric_limits<int>::max();
        }
        const std::optional<gl::validation_error> rule = gl::validate(sent);
        const std::string_view option =
            rule ? option_of(rule->field) : std::string_view(e.code() == pagination::errc::invalid_page_size ? "--page-size" : "");
        return fail(exit_usage, (option.empty() ? std::string() : std::string(option) + ": ") + e.what());
    } catch (const pagination::fetch_error& e) {
        if (const gl::service_error* answer = e.error().fetcher_error<gl::service_error>()) {
            return fail(exit_service, "An error occurred (" + answer->code +
                                          ") when calling the DescribeGameSessions operation: " + answer->message);
        }
        return fail(exit_other, e.what());
    } catch (const std::exception& e) {
        return fail(exit_other, e.what());
    }

    switch (opts.output) {
        case output_format::json: return print(render_json(result));
        case output_format::text: return print(render_text(result));
        case output_format::table: return print(render_table(result));
    }
    return exit_other;
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
