#ifndef PAGINATION_AWS_GAMELIFT_WIRE_HPP
#define PAGINATION_AWS_GAMELIFT_WIRE_HPP

// GameLift DescribeGameSessions on the wire (awsJson1_1): the request a client sends and the
// server reads, the result a server writes and the client reads, and the error body. Both
// halves are here so that a test server and the client share one definition of the format.
// docs/wire/aws_json.md describes the rules and where they differ from botocore's.

#include <pagination/aws/detail/json_cursor.hpp>
#include <pagination/aws/gamelift_model.hpp>
#include <pagination/aws/json_protocol.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/http/message.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace pagination {
namespace aws {
namespace gamelift {

/// GameLift's awsJson dialect (jsonVersion 1.1, targetPrefix GameLift).
inline constexpr json_protocol protocol{"1.1", "GameLift"};

/// The operation name, the second half of X-Amz-Target.
inline constexpr std::string_view describe_game_sessions_operation = "DescribeGameSessions";

/// The error code of a request body the service cannot read (HTTP 400).
inline constexpr std::string_view serialization_exception = "SerializationException";

/// The earliest and latest timestamps a response may carry: those Python's datetime can hold
/// (years 1 to 9999), so that botocore and this library accept the same values.
namespace timestamp_bounds {
/// 0001-01-01T00:00:00Z in seconds since the epoch.
inline constexpr std::int64_t min_seconds = -62'135'596'800;
/// 9999-12-31T23:59:59Z in seconds since the epoch.
inline constexpr std::int64_t max_seconds = 253'402'300'799;
}  // namespace timestamp_bounds

namespace detail {

inline void put_key(std::string& out, bool& first, std::string_view name) {
    if (!first) {
        out += ',';
    }
    first = false;
    out += '"';
    out.append(name);  // member names are plain ASCII
    out += "\":";
}

inline void put_string(std::string& out, bool& first, std::string_view name, const std::optional<std::string>& v) {
    if (v) {
        put_key(out, first, name);
        pagination::detail::dump_string(*v, out);
    }
}

inline void put_int(std::string& out, bool& first, std::string_view name, const std::optional<int>& v) {
    if (v) {
        put_key(out, first, name);
        out += std::to_string(*v);
    }
}

// Epoch seconds with the milliseconds as a fraction without trailing zeros: 1469498468.057,
// 1469498468.5, 1469498468 (what Python's float repr writes for such values).
inline void put_epoch_seconds(std::string& out, timestamp t) {
    const std::int64_t ms = t.time_since_epoch().count();
    const std::uint64_t magnitude = ms < 0 ? 0u - static_cast<std::uint64_t>(ms) : static_cast<std::uint64_t>(ms);
    if (ms < 0) {
        out += '-';
    }
    out += std::to_string(magnitude / 1000u);
    std::uint64_t frac = magnitude % 1000u;
    if (frac != 0) {
        char digits[4] = {'.', static_cast<char>('0' + frac / 100u), static_cast<char>('0' + frac / 10u % 10u),
                          static_cast<char>('0' + frac % 10u)};
        std::size_t n = 4;
        while (digits[n - 1] == '0') {
            --n;
        }
        out.append(digits, n);
    }
}

inline void put_time(std::string& out, bool& first, std::string_view name, const std::optional<timestamp>& v) {
    if (v) {
        put_key(out, first, name);
        put_epoch_seconds(out, *v);
    }
}

template <typename Enum>
void put_enum(std::string& out, bool& first, std::string_view name, const std::optional<open_enum<Enum>>& v) {
    if (v) {
        put_key(out, first, name);
        pagination::detail::dump_string(v->wire(), out);
    }
}

inline void write_session(std::string& out, const game_session& s) {
    bool first = true;
    out += '{';
    put_string(out, first, "GameSessionId", s.game_session_id);
    put_string(out, first, "Name", s.name);
    put_string(out, first, "FleetId", s.fleet_id);
    put_string(out, first, "FleetArn", s.fleet_arn);
    put_time(out, first, "CreationTime", s.creation_time);
    put_time(out, first, "TerminationTime", s.termination_time);
    put_int(out, first, "CurrentPlayerSessionCount", s.current_player_session_count);
    put_int(out, first, "MaximumPlayerSessionCount", s.maximum_player_session_count);
    put_enum(out, first, "Status", s.status);
    put_enum(out, first, "StatusReason", s.status_reason);
    if (!s.game_properties.empty()) {
        put_key(out, first, "GameProperties");
        out += '[';
        for (std::size_t i = 0; i < s.game_properties.size(); ++i) {
            out += i == 0 ? "{\"Key\":" : ",{\"Key\":";
            pagination::detail::dump_string(s.game_properties[i].key, out);
            out += ",\"Value\":";
            pagination::detail::dump_string(s.game_properties[i].value, out);
            out += '}';
        }
        out += ']';
    }
    put_string(out, first, "IpAddress", s.ip_address);
    put_string(out, first, "DnsName", s.dns_name);
    put_int(out, first, "Port", s.port);
    put_enum(out, first, "PlayerSessionCreationPolicy", s.player_session_creation_policy);
    put_string(out, first, "CreatorId", s.creator_id);
    put_string(out, first, "GameSessionData", s.game_session_data);
    put_string(out, first, "MatchmakerData", s.matchmaker_data);
    put_string(out, first, "Location", s.location);
    put_string(out, first, "ComputeName", s.compute_name);
    out += '}';
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// The request
// ---------------------------------------------------------------------------------------------

/// The request body: the members that are set, in the model's order, written as botocore's
/// serializer writes them (json.dumps: ", " and ": " separators, ASCII only); `{}` when none.
inline std::string to_json(const describe_game_sessions_request& request) {
    std::string out;
    out.reserve(64);
    out += '{';
    bool first = true;
    const auto key = [&](std::string_view name) {
        out += first ? "\"" : ", \"";
        first = false;
        out.append(name);
        out += "\": ";
    };
    const auto text = [&](std::string_view name, const std::optional<std::string>& v) {
        if (v) {
            key(name);
            pagination::detail::dump_string(*v, out);
        }
    };
    text("FleetId", request.fleet_id);
    text("GameSessionId", request.game_session_id);
    text("AliasId", request.alias_id);
    text("Location", request.location);
    if (request.status_filter) {
        key("StatusFilter");
        pagination::detail::dump_string(to_string(*request.status_filter), out);
    }
    if (request.limit) {
        key("Limit");
        out += std::to_string(*request.limit);
    }
    text("NextToken", request.next_token);
    out += '}';
    return out;
}

/// The HTTP request of `request` to `endpoint_url` (unsigned: the signer adds its headers).
inline http::request to_http_request(const describe_game_sessions_request& request, std::string_view endpoint_url) {
    return make_json_request(protocol, describe_game_sessions_operation, endpoint_url, to_json(request));
}

namespace detail {

inline service_error serialization_error(std::string message) {
    service_error error{std::string(serialization_exception), std::move(message)};
    error.http_status = 400;
    return error;
}

inline service_error request_error(const aws::detail::json_cursor& c, std::string_view member) {
    std::string message = "Cannot read the request body: ";
    message += aws::detail::describe(c.error());
    if (!member.empty()) {
        message += " in member ";
        message.append(member);
    }
    message += " at byte ";
    message += std::to_string(c.error_offset());
    return serialization_error(std::move(message));
}

}  // namespace detail

/// The server's reading of a request body: the members it knows (unknown ones ignored, null as
/// absent, an empty body as `{}`), or a SerializationException (HTTP 400) saying what is wrong
/// and where. An unknown StatusFilter becomes game_session_status::unknown, which validate()
/// refuses as the service does.
inline service_outcome<describe_game_sessions_request> parse_describe_game_sessions_request(
    std::string_view body, const json_limits& limits = {}) {
    describe_game_sessions_request request;
    if (body.size() > limits.max_body_bytes) {
        return detail::serialization_error("The request body of " + std::to_string(body.size()) +
                                           " bytes is larger than the limit of " +
                                           std::to_string(limits.max_body_bytes));
    }
    if (aws::detail::py_strip(body).empty()) {
        return request;
    }
    aws::detail::json_cursor c(body, limits.max_depth, limits.max_string_bytes, limits.max_items);
    if (!c.begin_object()) {
        return detail::request_error(c, {});
    }
    std::string_view key;
    std::string scratch;
    while (c.next_member(key)) {
        std::optional<std::string>* text = nullptr;
        if (key == "FleetId") {
            text = &request.fleet_id;
        } else if (key == "GameSessionId") {
            text = &request.game_session_id;
        } else if (key == "AliasId") {
            text = &request.alias_id;
        } else if (key == "Location") {
            text = &request.location;
        } else if (key == "NextToken") {
            text = &request.next_token;
        }
        if (text != nullptr) {
            if (c.consume_null()) {
                text->reset();
                continue;
            }
            if (!text->has_value()) {
                text->emplace();
            }
            if (!c.read_string(**text)) {
                return detail::request_error(c, key);
            }
        } else if (key == "StatusFilter") {
            if (c.consume_null()) {
                request.status_filter.reset();
                continue;
            }
            std::string_view wire;
            if (!c.read_string_view(wire, scratch)) {
                return detail::request_error(c, "StatusFilter");
            }
            request.status_filter = detail::enum_from_wire<game_session_status>(wire);
        } else if (key == "Limit") {
            if (c.consume_null()) {
                request.limit.reset();
                continue;
            }
            std::int64_t v = 0;
            if (!c.read_integer(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max())) {
                return detail::request_error(c, "Limit");
            }
            request.limit = static_cast<int>(v);
        } else if (!c.skip_value()) {
            return detail::request_error(c, {});
        }
    }
    if (!c.finish()) {
        return detail::request_error(c, {});
    }
    return request;
}

// ---------------------------------------------------------------------------------------------
// The response: the server's writer
// ---------------------------------------------------------------------------------------------

/// The wire form of a result as the service writes it: compact JSON, members in the model's
/// order, absent members (and empty GameProperties) left out, timestamps as epoch seconds with
/// the milliseconds as a fraction (1469498468.057; integral when they are zero), ASCII only.
inline std::string to_json(const describe_game_sessions_result& result) {
    std::string out;
    out.reserve(32 + result.game_sessions.size() * 640);
    out += "{\"GameSessions\":[";
    for (std::size_t i = 0; i < result.game_sessions.size(); ++i) {
        if (i != 0) {
            out += ',';
        }
        detail::write_session(out, result.game_sessions[i]);
    }
    out += ']';
    if (result.next_token) {
        out += ",\"NextToken\":";
        pagination::detail::dump_string(*result.next_token, out);
    }
    out += '}';
    return out;
}

/// The body of an error answer: {"__type":"<code>","message":"<message>"}.
inline std::string error_body(const service_error& error) {
    std::string out = "{\"__type\":";
    pagination::detail::dump_string(error.code, out);
    out += ",\"message\":";
    pagination::detail::dump_string(error.message, out);
    out += '}';
    return out;
}

}  // namespace gamelift
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_GAMELIFT_WIRE_HPP
