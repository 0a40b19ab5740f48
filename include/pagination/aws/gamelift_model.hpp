#ifndef PAGINATION_AWS_GAMELIFT_MODEL_HPP
#define PAGINATION_AWS_GAMELIFT_MODEL_HPP

// GameLift DescribeGameSessions: the request, the result, the GameSession shape and client-side
// validation by the service model's rules. (The AWS CLI's rendering of a result lives with the
// program that prints it, programs/describe_game_sessions/output.hpp.)
// Nothing here depends on the pagination core, so the model can be used (and tested) alone.

#include <pagination/aws/service_error.hpp>
#include <pagination/expected.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pagination {
namespace aws {
namespace gamelift {

/// A point in time as the service reports it: UTC with millisecond precision.
using timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

/// GameSessionStatus; `unknown` stands for any wire value this library does not know.
enum class game_session_status { active, activating, terminated, terminating, error, unknown };

/// GameSessionStatusReason; `unknown` stands for any wire value this library does not know.
enum class game_session_status_reason { interrupted, triggered_on_process_terminate, force_terminated, unknown };

/// PlayerSessionCreationPolicy; `unknown` stands for any wire value this library does not know.
enum class player_session_creation_policy { accept_all, deny_all, unknown };

namespace detail {

// Wire names indexed by enumerator value; `unknown` is the enumerator just past the list.
template <typename Enum>
struct enum_wire_names;

template <>
struct enum_wire_names<game_session_status> {
    static constexpr std::array<std::string_view, 5> names{
        {"ACTIVE", "ACTIVATING", "TERMINATED", "TERMINATING", "ERROR"}};
};

template <>
struct enum_wire_names<game_session_status_reason> {
    static constexpr std::array<std::string_view, 3> names{
        {"INTERRUPTED", "TRIGGERED_ON_PROCESS_TERMINATE", "FORCE_TERMINATED"}};
};

template <>
struct enum_wire_names<player_session_creation_policy> {
    static constexpr std::array<std::string_view, 2> names{{"ACCEPT_ALL", "DENY_ALL"}};
};

template <typename Enum>
constexpr std::string_view enum_to_wire(Enum value) noexcept {
    const auto index = static_cast<std::size_t>(value);
    const auto& names = enum_wire_names<Enum>::names;
    return index < names.size() ? names[index] : std::string_view{};
}

template <typename Enum>
constexpr Enum enum_from_wire(std::string_view wire) noexcept {
    const auto& names = enum_wire_names<Enum>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == wire) {
            return static_cast<Enum>(i);
        }
    }
    return Enum::unknown;
}

}  // namespace detail

/// The wire string of a status ("ACTIVE", ...); empty for `unknown`, which has no wire form.
constexpr std::string_view to_string(game_session_status value) noexcept {
    return detail::enum_to_wire(value);
}

/// The wire string of a status reason ("INTERRUPTED", ...); empty for `unknown`.
constexpr std::string_view to_string(game_session_status_reason value) noexcept {
    return detail::enum_to_wire(value);
}

/// The wire string of a creation policy ("ACCEPT_ALL", ...); empty for `unknown`.
constexpr std::string_view to_string(player_session_creation_policy value) noexcept {
    return detail::enum_to_wire(value);
}

/// An enumeration value that keeps wire strings this library does not know, so that a value
/// added to the service later survives a read and a write unchanged.
template <typename Enum>
class open_enum {
public:
    /// The `unknown` value with an empty wire string.
    open_enum() = default;

    /// A known value; implicit so that a field can be set to `game_session_status::active`.
    open_enum(Enum value) : value_(value) {}  // NOLINT(google-explicit-constructor)

    /// Reads a wire string; one this library does not know becomes `unknown` and is kept.
    static open_enum from_wire(std::string_view wire) {
        open_enum result(detail::enum_from_wire<Enum>(wire));
        if (result.value_ == Enum::unknown) {
            result.raw_ = std::string(wire);
        }
        return result;
    }

    /// The enumerator; `Enum::unknown` for a wire string this library does not know.
    Enum value() const noexcept { return value_; }

    /// Whether the value is one this library knows.
    bool is_known() const noexcept { return value_ != Enum::unknown; }

    /// The wire string: the known name, or the original string of an unknown value.
    std::string_view wire() const noexcept {
        return is_known() ? detail::enum_to_wire(value_) : std::string_view(raw_);
    }

    /// Equal when the wire strings are equal.
    friend bool operator==(const open_enum& a, const open_enum& b) {
        return a.value_ == b.value_ && a.raw_ == b.raw_;
    }
    /// Unequal when the wire strings differ.
    friend bool operator!=(const open_enum& a, const open_enum& b) { return !(a == b); }
    /// Compares the enumerator only: every unknown wire string equals `Enum::unknown`.
    friend bool operator==(const open_enum& a, Enum b) noexcept { return a.value_ == b; }
    /// Compares the enumerator only: every unknown wire string equals `Enum::unknown`.
    friend bool operator==(Enum a, const open_enum& b) noexcept { return a == b.value_; }
    /// Negation of the enumerator comparison.
    friend bool operator!=(const open_enum& a, Enum b) noexcept { return a.value_ != b; }
    /// Negation of the enumerator comparison.
    friend bool operator!=(Enum a, const open_enum& b) noexcept { return a != b.value_; }

private:
    Enum value_ = Enum::unknown;
    std::string raw_;  // only for unknown values
};

/// The wire string of an open value (see open_enum::wire).
template <typename Enum>
std::string_view to_string(const open_enum<Enum>& value) noexcept {
    return value.wire();
}

/// Reads a wire string into an open value of `Enum`: `from_string<game_session_status>("ACTIVE")`.
template <typename Enum>
open_enum<Enum> from_string(std::string_view wire) {
    return open_enum<Enum>::from_wire(wire);
}

/// Reads a GameSessionStatus wire string; unknown strings are kept.
inline open_enum<game_session_status> parse_game_session_status(std::string_view wire) {
    return open_enum<game_session_status>::from_wire(wire);
}

/// Reads a GameSessionStatusReason wire string; unknown strings are kept.
inline open_enum<game_session_status_reason> parse_game_session_status_reason(std::string_view wire) {
    return open_enum<game_session_status_reason>::from_wire(wire);
}

/// Reads a PlayerSessionCreationPolicy wire string; unknown strings are kept.
inline open_enum<player_session_creation_policy> parse_player_session_creation_policy(std::string_view wire) {
    return open_enum<player_session_creation_policy>::from_wire(wire);
}

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

/// GameProperty: one custom key-value pair of a game session.
struct game_property {
    std::string key;    ///< Key
    std::string value;  ///< Value
};

/// Member-wise equality.
inline bool operator==(const game_property& a, const game_property& b) {
    return a.key == b.key && a.value == b.value;
}
/// Member-wise inequality.
inline bool operator!=(const game_property& a, const game_property& b) { return !(a == b); }

/// GameSession. Every member the service may leave out is optional; an absent GameProperties
/// list and an empty one are the same here.
struct game_session {
    std::optional<std::string> game_session_id;  ///< GameSessionId (an ARN)
    std::optional<std::string> name;             ///< Name
    std::optional<std::string> fleet_id;         ///< FleetId
    std::optional<std::string> fleet_arn;        ///< FleetArn
    std::optional<timestamp> creation_time;      ///< CreationTime
    std::optional<timestamp> termination_time;   ///< TerminationTime
    std::optional<int> current_player_session_count;  ///< CurrentPlayerSessionCount
    std::optional<int> maximum_player_session_count;  ///< MaximumPlayerSessionCount
    std::optional<open_enum<game_session_status>> status;                ///< Status
    std::optional<open_enum<game_session_status_reason>> status_reason;  ///< StatusReason
    std::vector<game_property> game_properties;  ///< GameProperties
    std::optional<std::string> ip_address;       ///< IpAddress
    std::optional<std::string> dns_name;         ///< DnsName
    std::optional<int> port;                     ///< Port
    /// PlayerSessionCreationPolicy
    std::optional<open_enum<gamelift::player_session_creation_policy>> player_session_creation_policy;
    std::optional<std::string> creator_id;         ///< CreatorId
    std::optional<std::string> game_session_data;  ///< GameSessionData
    std::optional<std::string> matchmaker_data;    ///< MatchmakerData
    std::optional<std::string> location;           ///< Location
    std::optional<std::string> compute_name;       ///< ComputeName (newer service models)
};

/// Member-wise equality.
inline bool operator==(const game_session& a, const game_session& b) {
    return a.game_session_id == b.game_session_id && a.name == b.name && a.fleet_id == b.fleet_id &&
           a.fleet_arn == b.fleet_arn && a.creation_time == b.creation_time &&
           a.termination_time == b.termination_time &&
           a.current_player_session_count == b.current_player_session_count &&
           a.maximum_player_session_count == b.maximum_player_session_count && a.status == b.status &&
           a.status_reason == b.status_reason && a.game_properties == b.game_properties &&
           a.ip_address == b.ip_address && a.dns_name == b.dns_name && a.port == b.port &&
           a.player_session_creation_policy == b.player_session_creation_policy && a.creator_id == b.creator_id &&
           a.game_session_data == b.game_session_data && a.matchmaker_data == b.matchmaker_data &&
           a.location == b.location && a.compute_name == b.compute_name;
}
/// Member-wise inequality.
inline bool operator!=(const game_session& a, const game_session& b) { return !(a == b); }

/// DescribeGameSessionsInput.
struct describe_game_sessions_request {
    std::optional<std::string> fleet_id;                ///< FleetId: a fleet ID or fleet ARN
    std::optional<std::string> game_session_id;         ///< GameSessionId
    std::optional<std::string> alias_id;                ///< AliasId: an alias ID or alias ARN
    std::optional<std::string> location;                ///< Location: home Region or remote location
    std::optional<game_session_status> status_filter;   ///< StatusFilter
    std::optional<int> limit;                           ///< Limit: the page size
    std::optional<std::string> next_token;              ///< NextToken
};

/// Member-wise equality.
inline bool operator==(const describe_game_sessions_request& a, const describe_game_sessions_request& b) {
    return a.fleet_id == b.fleet_id && a.game_session_id == b.game_session_id && a.alias_id == b.alias_id &&
           a.location == b.location && a.status_filter == b.status_filter && a.limit == b.limit &&
           a.next_token == b.next_token;
}
/// Member-wise inequality.
inline bool operator!=(const describe_game_sessions_request& a, const describe_game_sessions_request& b) {
    return !(a == b);
}

/// DescribeGameSessionsOutput.
struct describe_game_sessions_result {
    std::vector<game_session> game_sessions;  ///< GameSessions
    std::optional<std::string> next_token;    ///< NextToken; absent on the last page
};

/// Member-wise equality.
inline bool operator==(const describe_game_sessions_result& a, const describe_game_sessions_result& b) {
    return a.game_sessions == b.game_sessions && a.next_token == b.next_token;
}
/// Member-wise inequality.
inline bool operator!=(const describe_game_sessions_result& a, const describe_game_sessions_result& b) {
    return !(a == b);
}

// ---------------------------------------------------------------------------------------------
// Errors and outcomes
// ---------------------------------------------------------------------------------------------

/// The error codes (exception names) DescribeGameSessions can answer with.
namespace error_codes {
/// A request parameter is missing, malformed or inconsistent (also: a bad NextToken).
inline constexpr std::string_view invalid_request = "InvalidRequestException";
/// The fleet, alias, location or game session does not exist.
inline constexpr std::string_view not_found = "NotFoundException";
/// The caller may not perform the request.
inline constexpr std::string_view unauthorized = "UnauthorizedException";
/// The alias has a TERMINAL routing strategy, so it leads to no fleet.
inline constexpr std::string_view terminal_routing_strategy = "TerminalRoutingStrategyException";
/// The operation is not supported in the Region of the endpoint.
inline constexpr std::string_view unsupported_region = "UnsupportedRegionException";
/// The service failed; the request may be retried.
inline constexpr std::string_view internal_service = "InternalServiceException";
/// The request rate was exceeded; the request may be retried after backing off.
inline constexpr std::string_view throttling = "ThrottlingException";
}  // namespace error_codes

/// An error answer of the service (aws/service_error.hpp): code, message, request id, status.
using service_error = aws::service_error;

/// Either a value or a service_error.
template <typename T>
using service_outcome = pagination::expected<T, service_error>;

/// What a DescribeGameSessions call gives: a page of results or a service error.
using describe_game_sessions_outcome = service_outcome<describe_game_sessions_result>;

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/// Lengths of the service model (FleetIdOrArn, ArnStringModel, LocationStringModel,
/// NonZeroAndMaxString); see docs/gamelift.md for where each comes from.
namespace limits {
/// FleetId (fleet ID or ARN): at most 512 characters.
inline constexpr std::size_t fleet_id_max_length = 512;
/// GameSessionId: at most 256 characters (the DescribeGameSessions reference; newer models say 512).
inline constexpr std::size_t game_session_id_max_length = 256;
/// Location: at most 64 characters.
inline constexpr std::size_t location_max_length = 64;
/// NextToken: at most 1024 characters.
inline constexpr std::size_t next_token_max_length = 1024;
}  // namespace limits

/// Why a request was refused before it was sent: the parameter (by its wire name) and the rule.
struct validation_error {
    std::string field;    ///< Wire name of the parameter, such as "FleetId"
    std::string message;  ///< Names the parameter and the rule it breaks
};

/// Member-wise equality.
inline bool operator==(const validation_error& a, const validation_error& b) {
    return a.field == b.field && a.message == b.message;
}
/// Member-wise inequality.
inline bool operator!=(const validation_error& a, const validation_error& b) { return !(a == b); }

namespace detail {

constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_alnum(char c) noexcept {
    return is_lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
constexpr bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline bool all_of(std::string_view s, bool (*pred)(char) noexcept) noexcept {
    for (const char c : s) {
        if (!pred(c)) {
            return false;
        }
    }
    return true;
}

constexpr bool is_id_char(char c) noexcept { return is_alnum(c) || c == '-'; }
constexpr bool is_arn_string_char(char c) noexcept { return is_alnum(c) || c == ':' || c == '/' || c == '-'; }
constexpr bool is_not_space(char c) noexcept { return !is_space(c); }

inline bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
inline bool ends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `[a-z]*fleet-[a-zA-Z0-9-]+`, the whole string (FleetId).
inline bool is_fleet_id(std::string_view s) noexcept {
    std::size_t run = 0;
    while (run < s.size() && is_lower(s[run])) {
        ++run;
    }
    if (run >= s.size() || s[run] != '-' || !ends_with(s.substr(0, run), "fleet")) {
        return false;
    }
    const std::string_view rest = s.substr(run + 1);
    return !rest.empty() && all_of(rest, is_id_char);
}

// `arn:.*:[a-z]*fleet/` followed by a fleet ID, the whole string (the ARN half of FleetIdOrArn).
inline bool is_fleet_arn(std::string_view s) noexcept {
    if (!starts_with(s, "arn:")) {
        return false;
    }
    const std::size_t slash = s.rfind('/');
    if (slash == std::string_view::npos || !is_fleet_id(s.substr(slash + 1))) {
        return false;
    }
    const std::string_view head = s.substr(0, slash);
    const std::size_t colon = head.rfind(':');
    if (colon == std::string_view::npos || colon < 4) {
        return false;
    }
    const std::string_view type = head.substr(colon + 1);
    return ends_with(type, "fleet") && all_of(type, is_lower);
}

// `alias-\S+` or `arn:.*:alias/alias-\S+` (AliasIdOrArn), with no whitespace anywhere.
inline bool is_alias_id_or_arn(std::string_view s) noexcept {
    if (s.empty() || !all_of(s, is_not_space)) {
        return false;
    }
    if (starts_with(s, "alias-")) {
        return s.size() > 6;
    }
    if (!starts_with(s, "arn:")) {
        return false;
    }
    constexpr std::string_view marker = ":alias/alias-";
    const std::size_t at = s.rfind(marker);
    return at != std::string_view::npos && at >= 4 && at + marker.size() < s.size();
}

inline std::string quoted_excerpt(std::string_view s) {
    constexpr std::size_t max_shown = 64;
    std::string out = "'";
    out.append(s.substr(0, max_shown));
    if (s.size() > max_shown) {
        out += "...";
    }
    out += "'";
    return out;
}

inline validation_error length_error(std::string_view field, std::size_t max, std::size_t got) {
    return {std::string(field), std::string(field) + " must be 1 to " + std::to_string(max) +
                                    " characters long (got " + std::to_string(got) + ")"};
}

// `field` breaks `rule` ("must be ...", "may contain only ...") with the text `got`.
inline validation_error malformed(std::string_view field, std::string_view rule, std::string_view got) {
    return {std::string(field), std::string(field) + ' ' + std::string(rule) + "; got " + quoted_excerpt(got)};
}

// A text field, when present, of 1 to `max` characters that `well_formed` accepts.
template <class Predicate>
std::optional<validation_error> check_text(std::string_view field, const std::optional<std::string>& value,
                                           std::size_t max, Predicate well_formed, std::string_view rule) {
    if (!value) {
        return std::nullopt;
    }
    if (value->empty() || value->size() > max) {
        return length_error(field, max, value->size());
    }
    if (!well_formed(std::string_view(*value))) {
        return malformed(field, rule, *value);
    }
    return std::nullopt;
}

}  // namespace detail

/// Checks a request against the service model's rules, so that a bad request fails before it
/// is sent. Returns the first broken rule, or nothing when the request is valid.
inline std::optional<validation_error> validate(const describe_game_sessions_request& request) {
    if (!request.fleet_id && !request.alias_id && !request.game_session_id) {
        return validation_error{"FleetId|AliasId|GameSessionId",
                                "one of FleetId, AliasId or GameSessionId is required"};
    }
    if (auto broken = detail::check_text(
            "FleetId", request.fleet_id, limits::fleet_id_max_length,
            [](std::string_view v) { return detail::is_fleet_id(v) || detail::is_fleet_arn(v); },
            "must be a fleet ID (fleet-<id>) or a fleet ARN (arn:aws:gamelift:<region>:<account>:fleet/fleet-<id>)")) {
        return broken;
    }
    if (auto broken = detail::check_text(
            "GameSessionId", request.game_session_id, limits::game_session_id_max_length,
            [](std::string_view v) { return detail::all_of(v, detail::is_arn_string_char); },
            "may contain only letters, digits, ':', '/' and '-'")) {
        return broken;
    }
    if (request.alias_id && !detail::is_alias_id_or_arn(*request.alias_id)) {
        return detail::malformed("AliasId",
                                 "must be an alias ID (alias-<id>) or an alias ARN "
                                 "(arn:aws:gamelift:<region>:<account>:alias/alias-<id>) without whitespace",
                                 *request.alias_id);
    }
    if (auto broken = detail::check_text(
            "Location", request.location, limits::location_max_length,
            [](std::string_view v) { return detail::all_of(v, detail::is_id_char); },
            "may contain only letters, digits and '-' (a Region code such as us-west-2)")) {
        return broken;
    }
    if (request.status_filter) {
        const game_session_status s = *request.status_filter;
        if (s == game_session_status::error || s == game_session_status::unknown) {
            const std::string_view got = to_string(s);
            return validation_error{"StatusFilter",
                                    "StatusFilter must be one of ACTIVE, TERMINATED, ACTIVATING, TERMINATING; got " +
                                        (got.empty() ? std::string("an unknown status")
                                                     : detail::quoted_excerpt(got))};
        }
    }
    if (request.limit && *request.limit < 1) {
        return validation_error{"Limit", "Limit must be at least 1; got " + std::to_string(*request.limit)};
    }
    return detail::check_text("NextToken", request.next_token, limits::next_token_max_length,
                              [](std::string_view) { return true; }, "");
}

/// The InvalidRequestException the service answers a request with when it breaks `error`'s rule.
inline service_error to_service_error(const validation_error& error) {
    return {std::string(error_codes::invalid_request), error.message};
}

}  // namespace gamelift
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_GAMELIFT_MODEL_HPP
