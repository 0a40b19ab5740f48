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
#include <vector>

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

// ---------------------------------------------------------------------------------------------
// The response: the client's reader
// ---------------------------------------------------------------------------------------------

namespace detail {

// Reads a DescribeGameSessions body into a result, reusing the result's storage: its sessions,
// their strings and their GameProperties are assigned in place, and what the body leaves out is
// reset. `member` names the member being read when an error occurs.
class result_reader {
public:
    result_reader(std::string_view body, const json_limits& limits) noexcept
        : c_(body, limits.max_depth, limits.max_string_bytes, limits.max_items) {}

    bool read(describe_game_sessions_result& result) {
        if (!c_.begin_object()) {
            return false;
        }
        std::size_t used = 0;
        bool token_seen = false;
        std::string_view key;
        while (c_.next_member(key)) {
            if (key == "GameSessions") {
                // A repeated member replaces the earlier one, as in Python's json.
                used = 0;
                if (c_.consume_null()) {
                    continue;
                }
                member_ = "GameSessions";
                if (!c_.begin_array()) {
                    return false;
                }
                std::size_t count = 0;
                while (c_.next_element(count)) {
                    if (used == result.game_sessions.size()) {
                        result.game_sessions.emplace_back();
                    }
                    if (!read_session(result.game_sessions[used])) {
                        return false;
                    }
                    ++used;
                }
                if (!c_.ok()) {
                    return false;
                }
            } else if (key == "NextToken") {
                member_ = "NextToken";
                token_seen = !c_.consume_null();
                if (token_seen && !read_text(result.next_token)) {
                    return false;
                }
            } else if (!c_.skip_value()) {
                return false;
            }
        }
        if (!c_.finish()) {
            return false;
        }
        result.game_sessions.resize(used);
        if (!token_seen) {
            result.next_token.reset();
        }
        return true;
    }

    const aws::detail::json_cursor& cursor() const noexcept { return c_; }
    std::string_view member() const noexcept { return member_; }

private:
    bool read_text(std::optional<std::string>& v) {
        if (!v) {
            v.emplace();
        }
        return c_.read_string(*v);
    }

    bool read_int(std::optional<int>& v) {
        std::int64_t n = 0;
        if (!c_.read_integer(n, std::numeric_limits<int>::min(), std::numeric_limits<int>::max())) {
            return false;
        }
        v = static_cast<int>(n);
        return true;
    }

    bool read_time(std::optional<timestamp>& v) {
        const std::size_t at = (c_.peek(), c_.offset());
        aws::detail::json_number n;
        if (!c_.read_number(n)) {
            return false;
        }
        std::int64_t micros = 0;
        if (!aws::detail::decimal_seconds_to_micros(n, timestamp_bounds::min_seconds, timestamp_bounds::max_seconds,
                                                    micros)) {
            return c_.fail_at_offset(aws::detail::json_errc::out_of_range, at);
        }
        // datetime keeps microseconds; the model keeps milliseconds, truncated as botocore's
        // datetime.microsecond // 1000 is (toward the past for times before 1970).
        const std::int64_t ms = micros / 1000 - ((micros % 1000 < 0) ? 1 : 0);
        v = timestamp(std::chrono::milliseconds(ms));
        return true;
    }

    template <typename Enum>
    bool read_enum(std::optional<open_enum<Enum>>& v) {
        std::string_view wire;
        if (!c_.read_string_view(wire, scratch_)) {
            return false;
        }
        const Enum known = detail::enum_from_wire<Enum>(wire);
        if (known != Enum::unknown) {
            v = known;  // no allocation for the values this library knows
        } else {
            v = open_enum<Enum>::from_wire(wire);
        }
        return true;
    }

    bool read_properties(std::vector<game_property>& properties) {
        std::size_t used = 0;
        if (!c_.begin_array()) {
            return false;
        }
        std::size_t count = 0;
        while (c_.next_element(count)) {
            if (used == properties.size()) {
                properties.emplace_back();
            }
            game_property& p = properties[used];
            // Key and Value are required by the model; a missing one reads as empty.
            bool key_seen = false;
            bool value_seen = false;
            if (!c_.begin_object()) {
                return false;
            }
            std::string_view key;
            while (c_.next_member(key)) {
                if (key == "Key" || key == "Value") {
                    const bool is_key = key.size() == 3;
                    std::string& target = is_key ? p.key : p.value;
                    member_ = is_key ? "GameProperties.Key" : "GameProperties.Value";
                    if (c_.consume_null()) {
                        target.clear();
                        continue;
                    }
                    if (!c_.read_string(target)) {
                        return false;
                    }
                    (is_key ? key_seen : value_seen) = true;
                } else if (!c_.skip_value()) {
                    return false;
                }
            }
            if (!c_.ok()) {
                return false;
            }
            if (!key_seen) {
                p.key.clear();
            }
            if (!value_seen) {
                p.value.clear();
            }
            ++used;
        }
        if (!c_.ok()) {
            return false;
        }
        properties.resize(used);
        return true;
    }

    // One bit per GameSession member, in the model's order.
    enum bit : std::uint32_t {
        b_game_session_id = 1u << 0, b_name = 1u << 1, b_fleet_id = 1u << 2, b_fleet_arn = 1u << 3,
        b_creation_time = 1u << 4, b_termination_time = 1u << 5, b_current = 1u << 6, b_maximum = 1u << 7,
        b_status = 1u << 8, b_status_reason = 1u << 9, b_properties = 1u << 10, b_ip_address = 1u << 11,
        b_dns_name = 1u << 12, b_port = 1u << 13, b_policy = 1u << 14, b_creator_id = 1u << 15,
        b_game_session_data = 1u << 16, b_matchmaker_data = 1u << 17, b_location = 1u << 18,
        b_compute_name = 1u << 19,
    };

    // The member pointer is a template argument so that the read inlines.
    template <auto reader_fn, typename T>
    bool member(std::uint32_t& seen, std::uint32_t b, std::optional<T>& v, std::string_view name) {
        member_ = name;
        if (c_.consume_null()) {
            seen &= ~b;
            return true;
        }
        seen |= b;
        return (this->*reader_fn)(v);
    }

    bool read_session(game_session& s) {
        member_ = "GameSessions";
        if (!c_.begin_object()) {
            return false;
        }
        std::uint32_t seen = 0;
        std::string_view key;
        bool ok = true;
        while (ok && c_.next_member(key)) {
            switch (key.size()) {
                case 4:
                    if (key == "Name") {
                        ok = member<&result_reader::read_text>(seen, b_name, s.name, "Name");
                        continue;
                    }
                    if (key == "Port") {
                        ok = member<&result_reader::read_int>(seen, b_port, s.port, "Port");
                        continue;
                    }
                    break;
                case 6:
                    if (key == "Status") {
                        ok = member<&result_reader::read_enum<game_session_status>>(seen, b_status, s.status, "Status");
                        continue;
                    }
                    break;
                case 7:
                    if (key == "FleetId") {
                        ok = member<&result_reader::read_text>(seen, b_fleet_id, s.fleet_id, "FleetId");
                        continue;
                    }
                    if (key == "DnsName") {
                        ok = member<&result_reader::read_text>(seen, b_dns_name, s.dns_name, "DnsName");
                        continue;
                    }
                    break;
                case 8:
                    if (key == "FleetArn") {
                        ok = member<&result_reader::read_text>(seen, b_fleet_arn, s.fleet_arn, "FleetArn");
                        continue;
                    }
                    if (key == "Location") {
                        ok = member<&result_reader::read_text>(seen, b_location, s.location, "Location");
                        continue;
                    }
                    break;
                case 9:
                    if (key == "IpAddress") {
                        ok = member<&result_reader::read_text>(seen, b_ip_address, s.ip_address, "IpAddress");
                        continue;
                    }
                    if (key == "CreatorId") {
                        ok = member<&result_reader::read_text>(seen, b_creator_id, s.creator_id, "CreatorId");
                        continue;
                    }
                    break;
                case 11:
                    if (key == "ComputeName") {
                        ok = member<&result_reader::read_text>(seen, b_compute_name, s.compute_name, "ComputeName");
                        continue;
                    }
                    break;
                case 12:
                    if (key == "CreationTime") {
                        ok = member<&result_reader::read_time>(seen, b_creation_time, s.creation_time, "CreationTime");
                        continue;
                    }
                    if (key == "StatusReason") {
                        ok = member<&result_reader::read_enum<game_session_status_reason>>(seen, b_status_reason, s.status_reason, "StatusReason");
                        continue;
                    }
                    break;
                case 13:
                    if (key == "GameSessionId") {
                        ok = member<&result_reader::read_text>(seen, b_game_session_id, s.game_session_id, "GameSessionId");
                        continue;
                    }
                    break;
                case 14:
                    if (key == "GameProperties") {
                        member_ = "GameProperties";
                        if (c_.consume_null()) {
                            seen &= ~static_cast<std::uint32_t>(b_properties);
                        } else {
                            seen |= b_properties;
                            ok = read_properties(s.game_properties);
                        }
                        continue;
                    }
                    if (key == "MatchmakerData") {
                        ok = member<&result_reader::read_text>(seen, b_matchmaker_data, s.matchmaker_data, "MatchmakerData");
                        continue;
                    }
                    break;
                case 15:
                    if (key == "TerminationTime") {
                        ok = member<&result_reader::read_time>(seen, b_termination_time, s.termination_time, "TerminationTime");
                        continue;
                    }
                    if (key == "GameSessionData") {
                        ok = member<&result_reader::read_text>(seen, b_game_session_data, s.game_session_data, "GameSessionData");
                        continue;
                    }
                    break;
                case 25:
                    if (key == "CurrentPlayerSessionCount") {
                        ok = member<&result_reader::read_int>(seen, b_current, s.current_player_session_count, "CurrentPlayerSessionCount");
                        continue;
                    }
                    if (key == "MaximumPlayerSessionCount") {
                        ok = member<&result_reader::read_int>(seen, b_maximum, s.maximum_player_session_count, "MaximumPlayerSessionCount");
                        continue;
                    }
                    break;
                case 27:
                    if (key == "PlayerSessionCreationPolicy") {
                        ok = member<&result_reader::read_enum<player_session_creation_policy>>(seen, b_policy, s.player_session_creation_policy, "PlayerSessionCreationPolicy");
                        continue;
                    }
                    break;
                default: break;
            }
            member_ = "GameSessions";
            ok = c_.skip_value();
        }
        if (!ok || !c_.ok()) {
            return false;
        }
        constexpr std::uint32_t all = (1u << 20) - 1u;
        if (seen != all) {
            reset_unseen(s, seen);
        }
        return true;
    }

    static void reset_unseen(game_session& s, std::uint32_t seen) {
        const auto reset = [seen](std::uint32_t b, auto& member) {
            if ((seen & b) == 0) {
                member.reset();
            }
        };
        reset(b_game_session_id, s.game_session_id);
        reset(b_name, s.name);
        reset(b_fleet_id, s.fleet_id);
        reset(b_fleet_arn, s.fleet_arn);
        reset(b_creation_time, s.creation_time);
        reset(b_termination_time, s.termination_time);
        reset(b_current, s.current_player_session_count);
        reset(b_maximum, s.maximum_player_session_count);
        reset(b_status, s.status);
        reset(b_status_reason, s.status_reason);
        if ((seen & b_properties) == 0) {
            s.game_properties.clear();
        }
        reset(b_ip_address, s.ip_address);
        reset(b_dns_name, s.dns_name);
        reset(b_port, s.port);
        reset(b_policy, s.player_session_creation_policy);
        reset(b_creator_id, s.creator_id);
        reset(b_game_session_data, s.game_session_data);
        reset(b_matchmaker_data, s.matchmaker_data);
        reset(b_location, s.location);
        reset(b_compute_name, s.compute_name);
    }

    aws::detail::json_cursor c_;
    std::string scratch_;
    std::string_view member_;
};

}  // namespace detail

/// Reads a DescribeGameSessions body (a 2xx answer) into `result`, reusing its storage. The body
/// must be one complete JSON object within `limits`; otherwise the result is emptied and the
/// error (code MalformedResponse, source malformed_response) says what was wrong and at which
/// byte. `status` goes into the error's http_status.
inline std::optional<service_error> parse_describe_game_sessions_body(std::string_view body,
                                                                      describe_game_sessions_result& result,
                                                                      const json_limits& limits = {},
                                                                      int status = 200) {
    if (body.size() > limits.max_body_bytes) {
        result.game_sessions.clear();
        result.next_token.reset();
        return malformed_response_error(describe_game_sessions_operation,
                                        "the body is larger than the limit of " +
                                            std::to_string(limits.max_body_bytes) + " bytes",
                                        limits.max_body_bytes, body.size(), status);
    }
    detail::result_reader reader(body, limits);
    if (reader.read(result)) {
        return std::nullopt;
    }
    result.game_sessions.clear();
    result.next_token.reset();
    const aws::detail::json_cursor& c = reader.cursor();
    std::string what = aws::detail::describe(c.error());
    if (!reader.member().empty() && c.error() != aws::detail::json_errc::trailing_characters) {
        what += " (in ";
        what.append(reader.member());
        what += ')';
    }
    if (c.error() == aws::detail::json_errc::wrong_type && c.error_offset() == 0) {
        what = "the body is not a JSON object";
    }
    return malformed_response_error(describe_game_sessions_operation, what, c.error_offset(), body.size(), status);
}

/// Reads a DescribeGameSessions answer into `result`, reusing its storage: a 2xx body as above;
/// any other status is the service error it carries (decode_json_error), and `result` is left
/// as it was. Nothing on success.
inline std::optional<service_error> parse_describe_game_sessions_response(const http::response& response,
                                                                          describe_game_sessions_result& result,
                                                                          const json_limits& limits = {}) {
    if (response.status < 200 || response.status >= 300) {
        return decode_json_error(response, limits);
    }
    std::optional<service_error> error =
        parse_describe_game_sessions_body(response.body, result, limits, response.status);
    if (error) {
        if (const std::string* id = response.find_header("x-amzn-RequestId")) {
            error->request_id = *id;
        }
    }
    return error;
}

/// Reads a DescribeGameSessions answer: the page of a 2xx answer, or the error of any other
/// (decode_json_error) or of a body that is not a complete result (MalformedResponse).
inline describe_game_sessions_outcome parse_describe_game_sessions_response(const http::response& response,
                                                                            const json_limits& limits = {}) {
    describe_game_sessions_result result;
    if (std::optional<service_error> error = parse_describe_game_sessions_response(response, result, limits)) {
        return std::move(*error);
    }
    return result;
}

}  // namespace gamelift
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_GAMELIFT_WIRE_HPP
