// GameLift DescribeGameSessions model: enumerations, shapes, validation and CLI JSON output.

#include <pagination/aws/gamelift_model.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

using namespace pagination::aws::gamelift;

namespace {

timestamp at_ms(std::int64_t ms) { return timestamp(std::chrono::milliseconds(ms)); }

describe_game_sessions_request by_fleet() {
    describe_game_sessions_request r;
    r.fleet_id = "fleet-2ec33b5a-1d4c-4d0b-9c3e-5a7f0b7a1c11";
    return r;
}

// The validation error of a request, or an empty field and message when it is valid.
validation_error problem(const describe_game_sessions_request& r) {
    const auto e = validate(r);
    return e ? *e : validation_error{};
}

bool valid(const describe_game_sessions_request& r) { return !validate(r).has_value(); }

template <typename F>
describe_game_sessions_request changed(F&& change) {
    describe_game_sessions_request r = by_fleet();
    change(r);
    return r;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

TEST_CASE("each game session status converts to its wire string and back") {
    const std::pair<game_session_status, std::string_view> all[] = {
        {game_session_status::active, "ACTIVE"},           {game_session_status::activating, "ACTIVATING"},
        {game_session_status::terminated, "TERMINATED"},   {game_session_status::terminating, "TERMINATING"},
        {game_session_status::error, "ERROR"}};
    for (const auto& [value, wire] : all) {
        CHECK(to_string(value) == wire);
        const auto parsed = parse_game_session_status(wire);
        CHECK(parsed.is_known());
        CHECK(parsed.value() == value);
        CHECK(parsed == value);
        CHECK(to_string(parsed) == wire);
        CHECK(from_string<game_session_status>(wire) == value);
    }
}

TEST_CASE("an unknown game session status wire value is kept and written back unchanged") {
    const auto parsed = parse_game_session_status("HIBERNATING");
    CHECK_FALSE(parsed.is_known());
    CHECK(parsed.value() == game_session_status::unknown);
    CHECK(parsed == game_session_status::unknown);
    CHECK(parsed.wire() == "HIBERNATING");
    CHECK(to_string(parsed) == "HIBERNATING");
    CHECK(parse_game_session_status(parsed.wire()) == parsed);
    CHECK(parsed != parse_game_session_status("PAUSED"));
}

TEST_CASE("wire strings are case-sensitive, so a lower-case status is an unknown value") {
    const auto parsed = parse_game_session_status("active");
    CHECK(parsed == game_session_status::unknown);
    CHECK(parsed.wire() == "active");
}

TEST_CASE("each game session status reason converts to its wire string and back, unknown ones kept") {
    const std::pair<game_session_status_reason, std::string_view> all[] = {
        {game_session_status_reason::interrupted, "INTERRUPTED"},
        {game_session_status_reason::triggered_on_process_terminate, "TRIGGERED_ON_PROCESS_TERMINATE"},
        {game_session_status_reason::force_terminated, "FORCE_TERMINATED"}};
    for (const auto& [value, wire] : all) {
        CHECK(to_string(value) == wire);
        CHECK(parse_game_session_status_reason(wire) == value);
    }
    const auto unknown = parse_game_session_status_reason("MOVED_TO_ANOTHER_HOST");
    CHECK(unknown == game_session_status_reason::unknown);
    CHECK(unknown.wire() == "MOVED_TO_ANOTHER_HOST");
}

TEST_CASE("each player session creation policy converts to its wire string and back, unknown ones kept") {
    CHECK(to_string(player_session_creation_policy::accept_all) == "ACCEPT_ALL");
    CHECK(to_string(player_session_creation_policy::deny_all) == "DENY_ALL");
    CHECK(parse_player_session_creation_policy("ACCEPT_ALL") == player_session_creation_policy::accept_all);
    CHECK(parse_player_session_creation_policy("DENY_ALL") == player_session_creation_policy::deny_all);
    const auto unknown = parse_player_session_creation_policy("FRIENDS_ONLY");
    CHECK(unknown == player_session_creation_policy::unknown);
    CHECK(unknown.wire() == "FRIENDS_ONLY");
}

TEST_CASE("the unknown enumerator has no wire string of its own") {
    CHECK(to_string(game_session_status::unknown).empty());
    CHECK(to_string(game_session_status_reason::unknown).empty());
    CHECK(to_string(player_session_creation_policy::unknown).empty());
    const open_enum<game_session_status> defaulted;
    CHECK(defaulted == game_session_status::unknown);
    CHECK(defaulted.wire().empty());
}

TEST_CASE("enumerators assign to and compare with optional fields and the request filter directly") {
    game_session s;
    s.status = game_session_status::terminated;
    s.player_session_creation_policy = player_session_creation_policy::deny_all;
    CHECK(s.status == game_session_status::terminated);
    CHECK(game_session_status::terminated == *s.status);
    CHECK(s.status != game_session_status::active);
    CHECK(s.player_session_creation_policy == player_session_creation_policy::deny_all);

    describe_game_sessions_request r;
    r.status_filter = game_session_status::active;
    CHECK(r.status_filter == game_session_status::active);
}

// ---------------------------------------------------------------------------------------------
// Shapes, errors, outcomes
// ---------------------------------------------------------------------------------------------

TEST_CASE("game sessions are equal only when every member is equal") {
    game_session a;
    a.game_session_id = "arn:aws:gamelift:us-west-2::gamesession/fleet-1/gsess-1";
    a.game_properties = {{"mode", "ctf"}};
    a.status = game_session_status::active;
    game_session b = a;
    CHECK(a == b);
    b.game_properties[0].value = "duel";
    CHECK(a != b);
    b = a;
    b.status = parse_game_session_status("NEW_STATE");
    CHECK(a != b);
    b = a;
    b.creation_time = at_ms(1);
    CHECK(a != b);
}

TEST_CASE("throttling and internal service errors are retryable, the others are not") {
    CHECK(service_error{"ThrottlingException", "Rate exceeded"}.retryable());
    CHECK(service_error{"ThrottlingException", ""}.throttling());
    CHECK(service_error{"InternalServiceException", ""}.retryable());
    CHECK_FALSE(service_error{"InternalServiceException", ""}.throttling());
    for (const auto code : {error_codes::invalid_request, error_codes::not_found, error_codes::unauthorized,
                            error_codes::terminal_routing_strategy, error_codes::unsupported_region}) {
        CHECK_FALSE(service_error{std::string(code), ""}.retryable());
    }
}

TEST_CASE("an outcome holds either a result or a service error") {
    describe_game_sessions_result page;
    page.game_sessions.resize(2);
    page.next_token = "T";
    describe_game_sessions_outcome ok(page);
    CHECK(ok.has_value());
    CHECK(static_cast<bool>(ok));
    CHECK(ok.value().game_sessions.size() == 2u);
    const describe_game_sessions_outcome& const_ok = ok;
    CHECK(const_ok.value().next_token == std::string("T"));
    describe_game_sessions_result moved = std::move(ok).value();
    CHECK(moved.game_sessions.size() == 2u);

    describe_game_sessions_outcome failed(service_error{"NotFoundException", "no such fleet"});
    CHECK_FALSE(failed.has_value());
    CHECK_FALSE(static_cast<bool>(failed));
    CHECK(failed.error().code == "NotFoundException");
    CHECK(std::move(failed).error().message == "no such fleet");
}

// ---------------------------------------------------------------------------------------------
// Validation, one rule at a time
// ---------------------------------------------------------------------------------------------

TEST_CASE("a request must name a fleet, an alias or a game session") {
    const describe_game_sessions_request none;
    CHECK(problem(none).field == "FleetId|AliasId|GameSessionId");
    CHECK(problem(none).message.find("FleetId, AliasId or GameSessionId") != std::string::npos);
    describe_game_sessions_request r;
    r.alias_id = "alias-1";
    CHECK(valid(r));
    r = {};
    r.game_session_id = "arn:aws:gamelift:us-west-2::gamesession/fleet-1/gsess-1";
    CHECK(valid(r));
    CHECK(valid(by_fleet()));
}

TEST_CASE("FleetId is a fleet ID or a fleet ARN of 1 to 512 characters") {
    const auto with_fleet = [](std::string v) {
        return changed([&](describe_game_sessions_request& r) { r.fleet_id = v; });
    };
    SECTION("valid forms") {
        CHECK(valid(with_fleet("fleet-2ec33b5a-1d4c-4d0b-9c3e-5a7f0b7a1c11")));
        CHECK(valid(with_fleet("containerfleet-a1b2")));
        CHECK(valid(with_fleet("arn:aws:gamelift:us-west-2:123456789012:fleet/fleet-2ec33b5a")));
        CHECK(valid(with_fleet("arn:aws:gamelift:us-west-2::fleet/fleet-2ec33b5a")));
        CHECK(valid(with_fleet("fleet-" + std::string(506, 'a'))));  // 512 characters
    }
    SECTION("invalid forms name FleetId and the rule") {
        for (const std::string bad :
             {"fleet-", "fleet_1", "Fleet-1", "fleet-1 2", "alias-1", "1-fleet-1", "arn:aws:gamelift:us-west-2::alias/fleet-1",
              "arn:fleet/fleet-1", "arn:aws:gamelift:us-west-2::fleet/fleet-", "xarn:aws:gamelift:us-west-2::fleet/fleet-1"}) {
            const auto e = problem(with_fleet(bad));
            INFO(bad);
            CHECK(e.field == "FleetId");
            CHECK(e.message.find("FleetId must be a fleet ID") != std::string::npos);
        }
    }
    SECTION("length") {
        CHECK(problem(with_fleet("")).field == "FleetId");
        const auto e = problem(with_fleet("fleet-" + std::string(507, 'a')));  // 513 characters
        CHECK(e.field == "FleetId");
        CHECK(e.message == "FleetId must be 1 to 512 characters long (got 513)");
    }
}

TEST_CASE("AliasId is an alias ID or an alias ARN without whitespace") {
    const auto with_alias = [](std::string v) {
        describe_game_sessions_request r;
        r.alias_id = std::move(v);
        return r;
    };
    CHECK(valid(with_alias("alias-a1234567-b8c9-0d1e-2fa3-b45c6d7e8912")));
    CHECK(valid(with_alias("arn:aws:gamelift:us-west-2:123456789012:alias/alias-a1234567")));
    CHECK(valid(with_alias("arn:aws:gamelift:us-west-2::alias/alias-a1234567")));
    for (const std::string bad : {"", "alias-", "alias-a b", "alias_1", "fleet-1", " alias-1",
                                  "arn:aws:gamelift:us-west-2::fleet/alias-1", "arn:alias/alias-1",
                                  "arn:aws:gamelift:us-west-2::alias/alias-"}) {
        INFO(bad);
        const auto e = problem(with_alias(bad));
        CHECK(e.field == "AliasId");
        CHECK(e.message.find("AliasId must be an alias ID") != std::string::npos);
    }
}

TEST_CASE("GameSessionId is 1 to 256 letters, digits, colons, slashes and dashes") {
    const auto with_id = [](std::string v) {
        describe_game_sessions_request r;
        r.game_session_id = std::move(v);
        return r;
    };
    CHECK(valid(with_id("arn:aws:gamelift:us-west-2::gamesession/fleet-1/us-east-1/gsess-1")));
    CHECK(valid(with_id(std::string(256, 'a'))));
    CHECK(problem(with_id(std::string(257, 'a'))).message == "GameSessionId must be 1 to 256 characters long (got 257)");
    CHECK(problem(with_id("")).field == "GameSessionId");
    for (const std::string bad : {"gsess_1", "gsess 1", "gsess.1", "gsess#1"}) {
        INFO(bad);
        const auto e = problem(with_id(bad));
        CHECK(e.field == "GameSessionId");
        CHECK(e.message.find("GameSessionId may contain only") != std::string::npos);
    }
}

TEST_CASE("Location is 1 to 64 letters, digits and dashes") {
    const auto with_location = [](std::string v) {
        return changed([&](describe_game_sessions_request& r) { r.location = v; });
    };
    CHECK(valid(with_location("us-west-2")));
    CHECK(valid(with_location("custom-home-lab-1")));
    CHECK(valid(with_location(std::string(64, 'a'))));
    CHECK(problem(with_location(std::string(65, 'a'))).message == "Location must be 1 to 64 characters long (got 65)");
    CHECK(problem(with_location("")).field == "Location");
    for (const std::string bad : {"us_west_2", "us west 2", "us-west-2/"}) {
        INFO(bad);
        const auto e = problem(with_location(bad));
        CHECK(e.field == "Location");
        CHECK(e.message.find("Location may contain only") != std::string::npos);
    }
}

TEST_CASE("StatusFilter is ACTIVE, TERMINATED, ACTIVATING or TERMINATING") {
    for (const auto s : {game_session_status::active, game_session_status::terminated, game_session_status::activating,
                         game_session_status::terminating}) {
        CHECK(valid(changed([&](describe_game_sessions_request& r) { r.status_filter = s; })));
    }
    const auto error = problem(changed([](describe_game_sessions_request& r) { r.status_filter = game_session_status::error; }));
    CHECK(error.field == "StatusFilter");
    CHECK(error.message == "StatusFilter must be one of ACTIVE, TERMINATED, ACTIVATING, TERMINATING; got 'ERROR'");
    const auto unknown =
        problem(changed([](describe_game_sessions_request& r) { r.status_filter = game_session_status::unknown; }));
    CHECK(unknown.field == "StatusFilter");
    CHECK(unknown.message.find("an unknown status") != std::string::npos);
}

TEST_CASE("Limit is at least 1") {
    CHECK(valid(changed([](describe_game_sessions_request& r) { r.limit = 1; })));
    CHECK(valid(changed([](describe_game_sessions_request& r) { r.limit = 100000; })));
    CHECK(problem(changed([](describe_game_sessions_request& r) { r.limit = 0; })).message == "Limit must be at least 1; got 0");
    CHECK(problem(changed([](describe_game_sessions_request& r) { r.limit = -5; })).field == "Limit");
}

TEST_CASE("NextToken is 1 to 1024 characters") {
    CHECK(valid(changed([](describe_game_sessions_request& r) { r.next_token = "x"; })));
    CHECK(valid(changed([](describe_game_sessions_request& r) { r.next_token = std::string(1024, 'x'); })));
    CHECK(problem(changed([](describe_game_sessions_request& r) { r.next_token = std::string(1025, 'x'); })).message ==
          "NextToken must be 1 to 1024 characters long (got 1025)");
    CHECK(problem(changed([](describe_game_sessions_request& r) { r.next_token = ""; })).field == "NextToken");
}

TEST_CASE("a request that breaks a rule becomes an InvalidRequestException with the rule's message") {
    const auto e = validate(changed([](describe_game_sessions_request& r) { r.limit = 0; }));
    REQUIRE(e);
    const service_error se = to_service_error(*e);
    CHECK(se.code == "InvalidRequestException");
    CHECK(se.message == e->message);
    CHECK_FALSE(se.retryable());
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------
