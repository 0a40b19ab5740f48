// Prints a describe-game-sessions listing with programs/describe_game_sessions/output.hpp, from
// the DescribeGameSessions exchanges the AWS CLI had with the fake endpoint, so that
// tests/cli/test_aws_cli_output.py can compare the two outputs byte for byte.
//
//   aws_cli_output_driver --exchanges FILE --output json|text|table [--max-items N]
//                         [--page-size N] [--starting-token T] [--width W]
//                         [--ignore-member NAME]...
//
// FILE holds one JSON object per line, {"request": {...}, "response": {...}}, in the order the
// CLI sent them (fake_gamelift_endpoint.py's log). The driver walks the same listing with this
// library's DescribeGameSessions paginator: the fetcher answers call k with response k after
// checking that request k is the one the CLI sent, so the pages, the trims and the resume token
// are the library's own. --ignore-member drops a wire member the reference CLI's model does not
// know (it ignores unknown members). Exit status: 0 printed, 2 usage, 3 bad input or a request
// that differs from the CLI's.

#include "../../programs/describe_game_sessions/output.hpp"

#include <pagination/aws/gamelift.hpp>
#include <pagination/aws/gamelift_model.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/token_value.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace gl = pagination::aws::gamelift;
using pagination::token_value;

/// Input the driver cannot use, or a request that is not the CLI's (exit 3).
class bad_input : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct exchange {
    token_value request;
    token_value response;
};

token_value parse_json(std::string_view text) {
    token_value value;
    pagination::detail::json_reader reader(text, 64);
    if (!reader.parse(value)) {
        throw bad_input("bad JSON: " + reader.error());
    }
    return value;
}

std::vector<exchange> read_exchanges(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw bad_input("cannot read " + path);
    }
    std::vector<exchange> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        token_value record = parse_json(line);
        const token_value* request = record.find("request");
        const token_value* response = record.find("response");
        if (request == nullptr || response == nullptr || !response->is_object()) {
            throw bad_input("an exchange without a request or a response object");
        }
        out.push_back({*request, *response});
    }
    return out;
}

// --- wire form to the model: just what this test needs (the library's wire codec is elsewhere) ---

std::optional<std::string> text_member(const token_value& object, std::string_view name) {
    const token_value* v = object.find(name);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    if (!v->is_string()) {
        throw bad_input(std::string(name) + " is not a string");
    }
    return v->as_string();
}

std::optional<int> int_member(const token_value& object, std::string_view name) {
    const token_value* v = object.find(name);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    if (!v->is_integer()) {
        throw bad_input(std::string(name) + " is not an integer");
    }
    return static_cast<int>(v->as_integer());
}

std::optional<gl::timestamp> time_member(const token_value& object, std::string_view name) {
    const token_value* v = object.find(name);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    // Epoch seconds, maybe with a fraction; the model keeps milliseconds.
    const double seconds = v->is_integer() ? static_cast<double>(v->as_integer()) : v->as_double();
    return gl::timestamp(std::chrono::milliseconds(std::llround(seconds * 1000.0)));
}

gl::game_session read_session(const token_value& wire, const std::vector<std::string>& ignored) {
    token_value object = wire;
    if (!object.is_object()) {
        throw bad_input("a GameSession is not an object");
    }
    auto& members = object.as_object();
    for (const std::string& name : ignored) {
        for (auto it = members.begin(); it != members.end(); ++it) {
            if (it->first == name) {
                members.erase(it);
                break;
            }
        }
    }
    gl::game_session s;
    s.game_session_id = text_member(object, "GameSessionId");
    s.name = text_member(object, "Name");
    s.fleet_id = text_member(object, "FleetId");
    s.fleet_arn = text_member(object, "FleetArn");
    s.creation_time = time_member(object, "CreationTime");
    s.termination_time = time_member(object, "TerminationTime");
    s.current_player_session_count = int_member(object, "CurrentPlayerSessionCount");
    s.maximum_player_session_count = int_member(object, "MaximumPlayerSessionCount");
    if (const auto v = text_member(object, "Status")) {
        s.status = gl::parse_game_session_status(*v);
    }
    if (const auto v = text_member(object, "StatusReason")) {
        s.status_reason = gl::parse_game_session_status_reason(*v);
    }
    if (const token_value* list = object.find("GameProperties"); list != nullptr && list->is_array()) {
        for (const token_value& p : list->as_array()) {
            s.game_properties.push_back({text_member(p, "Key").value_or(""), text_member(p, "Value").value_or("")});
        }
    }
    s.ip_address = text_member(object, "IpAddress");
    s.dns_name = text_member(object, "DnsName");
    s.port = int_member(object, "Port");
    if (const auto v = text_member(object, "PlayerSessionCreationPolicy")) {
        s.player_session_creation_policy = gl::parse_player_session_creation_policy(*v);
    }
    s.creator_id = text_member(object, "CreatorId");
    s.game_session_data = text_member(object, "GameSessionData");
    s.matchmaker_data = text_member(object, "MatchmakerData");
    s.location = text_member(object, "Location");
    s.compute_name = text_member(object, "ComputeName");
    return s;
}

gl::describe_game_sessions_result read_result(const token_value& wire, const std::vector<std::string>& ignored) {
    gl::describe_game_sessions_result result;
    if (const token_value* list = wire.find("GameSessions"); list != nullptr && list->is_array()) {
        for (const token_value& s : list->as_array()) {
            result.game_sessions.push_back(read_session(s, ignored));
        }
    }
    result.next_token = text_member(wire, "NextToken");
    return result;
}

// The request as the CLI sent it, in the wire form's terms.
token_value to_wire(const gl::describe_game_sessions_request& r) {
    token_value::object_type members;
    const auto put = [&](const char* name, const std::optional<std::string>& v) {
        if (v) members.emplace_back(name, token_value(*v));
    };
    put("FleetId", r.fleet_id);
    put("GameSessionId", r.game_session_id);
    put("AliasId", r.alias_id);
    put("Location", r.location);
    if (r.status_filter) {
        members.emplace_back("StatusFilter", token_value(std::string(gl::to_string(*r.status_filter))));
    }
    if (r.limit) {
        members.emplace_back("Limit", token_value(static_cast<std::int64_t>(*r.limit)));
    }
    put("NextToken", r.next_token);
    return token_value(std::move(members));
}

struct options {
    std::string exchanges;
    pagination_cli::output_format format = pagination_cli::output_format::json;
    pagination::pagination_config config;
    int width = pagination_cli::default_terminal_width;
    std::vector<std::string> ignored;
};

std::size_t to_count(const std::string& text) {
    std::size_t used = 0;
    const unsigned long long value = std::stoull(text, &used);
    if (used != text.size()) {
        throw std::invalid_argument(text);
    }
    return static_cast<std::size_t>(value);
}

options parse_options(int argc, char** argv) {
    options opts;
    for (int i = 1; i < argc; ++i) {
        const std::string_view name = argv[i];
        if (i + 1 >= argc) {
            throw std::invalid_argument(std::string(name) + " needs a value");
        }
        const std::string value = argv[++i];
        if (name == "--exchanges") {
            opts.exchanges = value;
        } else if (name == "--output") {
            if (value == "json") opts.format = pagination_cli::output_format::json;
            else if (value == "text") opts.format = pagination_cli::output_format::text;
            else if (value == "table") opts.format = pagination_cli::output_format::table;
            else throw std::invalid_argument("bad --output " + value);
        } else if (name == "--max-items") {
            opts.config.max_items = to_count(value);
        } else if (name == "--page-size") {
            opts.config.page_size = to_count(value);
        } else if (name == "--starting-token") {
            opts.config.starting_token = value;
        } else if (name == "--width") {
            opts.width = std::stoi(value);
        } else if (name == "--ignore-member") {
            opts.ignored.push_back(value);
        } else {
            throw std::invalid_argument("unknown option " + std::string(name));
        }
    }
    if (opts.exchanges.empty()) {
        throw std::invalid_argument("--exchanges is required");
    }
    return opts;
}

int run(const options& opts) {
    const std::vector<exchange> exchanges = read_exchanges(opts.exchanges);
    if (exchanges.empty()) {
        throw bad_input("no exchanges");
    }
    // The filters of the listing, from the CLI's first request; the tokens and the Limit come
    // from the paginator.
    gl::describe_game_sessions_request request;
    const token_value& first = exchanges.front().request;
    request.fleet_id = text_member(first, "FleetId");
    request.game_session_id = text_member(first, "GameSessionId");
    request.alias_id = text_member(first, "AliasId");
    request.location = text_member(first, "Location");
    if (const auto status = text_member(first, "StatusFilter")) {
        request.status_filter = gl::parse_game_session_status(*status).value();
    }

    std::size_t call = 0;
    const auto fetch = [&](const gl::describe_game_sessions_request& sent) {
        if (call >= exchanges.size()) {
            throw bad_input("the paginator asked for more pages than the CLI (" + std::to_string(call + 1) + ")");
        }
        const exchange& e = exchanges[call++];
        if (!(to_wire(sent) == e.request)) {
            std::string ours;
            pagination::detail::dump(to_wire(sent), ours);
            throw bad_input("request " + std::to_string(call) + " differs from the CLI's: " + ours);
        }
        return read_result(e.response, opts.ignored);
    };

    auto listing = gl::describe_game_sessions(fetch, request, opts.config);
    std::string out;
    pagination_cli::output_writer writer(opts.format, out, opts.width);
    for (gl::describe_game_sessions_result& page : listing.pages()) {
        writer.page(std::move(page));
    }
    writer.finish(listing.resume_token());
    if (call != exchanges.size()) {
        throw bad_input("the CLI made " + std::to_string(exchanges.size()) + " calls, the paginator " +
                        std::to_string(call));
    }
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
        throw std::runtime_error("cannot write the output");
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    options opts;
    try {
        opts = parse_options(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aws_cli_output_driver: %s\n", e.what());
        return 2;
    }
    try {
        return run(opts);
    } catch (const bad_input& e) {
        std::fprintf(stderr, "aws_cli_output_driver: %s\n", e.what());
        return 3;
    } catch (const pagination::fetch_error& e) {
        std::fprintf(stderr, "aws_cli_output_driver: %s\n", e.what());
        return 3;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aws_cli_output_driver: %s\n", e.what());
        return 3;
    }
}
