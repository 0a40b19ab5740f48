// Hostile StartingTokens (docs/semantics.md sections 4 and 6): every rejection rule, at and beyond its
// bound, through the decoder, the state machine, the paginator over an in-memory service, the
// GameLift adapter over the local fleet and over an SDK-shaped client. A refused token is an
// invalid_starting_token error, nothing is sent, and resume_token() is the token itself.
// (tests/core/starting_token_test.cpp has the first examples of each rule; these fill the gaps.)

#include "support/fake_gamelift_sdk.hpp"
#include "support/test_service.hpp"

#include <pagination/aws/gamelift.hpp>
#include <pagination/detail/base64.hpp>
#include <pagination/local/fleet_service.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gl = pagination::aws::gamelift;
using pagination::decode_starting_token;
using pagination::token_field;
using pagination::token_kind;
using pagination::token_value;

namespace {

const std::array<token_field, 1> next_string{{{"NextToken", token_kind::string}}};
const std::array<token_field, 1> next_structured{{{"NextToken", token_kind::structured}}};
const std::array<token_field, 3> record_names{{{"StartRecordName"}, {"StartRecordType"}, {"StartRecordIdentifier"}}};

std::string b64(const std::string& text) { return pagination::detail::base64_encode(text); }

/// A fleet with a few sessions, served by the local GameLift service.
struct small_fleet {
    gl::local_fleet_service service;
    std::string fleet_id;
    small_fleet() {
        fleet_id = service.create_fleet().value().fleet_id;
        for (int i = 0; i < 5; ++i) {
            gl::game_session_spec spec;
            spec.fleet_id = fleet_id;
            REQUIRE(service.create_game_session(spec).has_value());
        }
    }
    gl::describe_game_sessions_request request() const {
        gl::describe_game_sessions_request r;
        r.fleet_id = fleet_id;
        return r;
    }
};

/// The token is refused with a message containing `why`, by every way in for a one-token API,
/// and nothing is sent.
void refused(const std::string& token, const std::string& why, const pagination::paginator_options& options = {},
             bool string_token_only = false) {
    INFO("token: " << token);
    for (const auto* fields : {&next_string, &next_structured}) {
        if (string_token_only && fields == &next_structured) {
            continue;
        }
        const auto decoded = decode_starting_token(token, *fields, options.limits);
        REQUIRE_FALSE(decoded.has_value());
        CHECK(decoded.error().code() == pagination::errc::invalid_starting_token);
        CHECK_THAT(decoded.error().message(), Catch::Contains(why));
    }

    // The state machine fails before its first request, which is left as it was.
    const pagination::pagination_config config{std::nullopt, std::nullopt, token};
    pagination::run_state<test_service::tokens, test_service::limit> state(
        test_service::request{std::string("fleet-1"), std::nullopt, std::nullopt}, config, options);
    CHECK(state.status() == pagination::run_status::failed);
    REQUIRE(state.error() != nullptr);
    CHECK(state.error()->code() == pagination::errc::invalid_starting_token);
    CHECK_FALSE(state.request().next_token.has_value());
    CHECK(state.request().fleet_id == "fleet-1");
    CHECK(state.resume_token() == token);

    // The paginator over an in-memory service.
    test_service::listing svc(5);
    auto p = test_service::make(svc, config, options);
    CHECK_THROWS_AS(p.items().begin(), pagination::starting_token_error);
    CHECK_THROWS_AS(p.pages().begin(), pagination::starting_token_error);
    CHECK(svc.calls() == 0);
    CHECK(p.resume_token() == token);

    // The GameLift adapter over the local fleet: the fleet receives nothing.
    small_fleet fleet;
    auto sessions = gl::describe_game_sessions(
        [&](const gl::describe_game_sessions_request& r) { return fleet.service.describe_game_sessions(r); },
        fleet.request(), config, options);
    try {
        (void)sessions.items().begin();
        FAIL("expected a starting_token_error");
    } catch (const pagination::starting_token_error& e) {
        CHECK(e.code() == pagination::errc::invalid_starting_token);
        CHECK_THAT(e.what(), Catch::Contains(why));
    }
    CHECK(fleet.service.requests_served() == 0);
    CHECK(sessions.resume_token() == token);

    // An SDK-shaped client, the token given as the request's own NextToken.
    small_fleet sdk_fleet;
    Aws::GameLift::GameLiftClient client(sdk_fleet.service);
    Aws::GameLift::Model::DescribeGameSessionsRequest sdk_request;
    sdk_request.SetFleetId(sdk_fleet.fleet_id);
    sdk_request.SetNextToken(token);
    auto sdk_sessions = gl::describe_game_sessions(client, sdk_request, {}, options);
    CHECK_THROWS_AS(sdk_sessions.items().begin(), pagination::starting_token_error);
    CHECK(client.calls == 0);
    CHECK(sdk_fleet.service.requests_served() == 0);
}

/// The token is refused for an API with three input tokens.
void refused_by_three(const std::string& token, const std::string& why) {
    INFO("token: " << token);
    const auto decoded = decode_starting_token(token, record_names);
    REQUIRE_FALSE(decoded.has_value());
    CHECK(decoded.error().code() == pagination::errc::invalid_starting_token);
    CHECK_THAT(decoded.error().message(), Catch::Contains(why));
}

std::string nested(std::size_t depth, char open, const std::string& inside) {
    std::string out;
    for (std::size_t i = 0; i < depth; ++i) {
        out += open == '[' ? "[" : "{\"k\": ";
    }
    out += inside;
    for (std::size_t i = 0; i < depth; ++i) {
        out += open == '[' ? "]" : "}";
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// A token may name only the API's input tokens.
// ---------------------------------------------------------------------------------------------

TEST_CASE("a token naming any GameLift request field is refused and the fleet receives nothing") {
    for (const std::string& field : std::vector<std::string>{"FleetId", "AliasId", "GameSessionId", "Location", "StatusFilter", "Limit"}) {
        refused(b64("{\"" + field + "\": \"other\", \"NextToken\": \"x\"}"), "'" + field + "', which is not an input token");
        refused(b64("{\"NextToken\": \"x\", \"" + field + "\": null}"), "'" + field + "'");
        refused(b64("{\"" + field + "\": \"other\"}"), "'" + field + "'");
    }
}

TEST_CASE("input token names are matched exactly: case, spaces and look-alikes are foreign fields") {
    for (const std::string& name : std::vector<std::string>{"nexttoken", "NEXTTOKEN", "NextToken ", " NextToken", "Next_Token", "NextTok\\u0065n2",
                                    "N\\u0435xtToken"}) {
        refused(b64("{\"" + name + "\": \"x\"}"), "not an input token");
    }
    // An escaped but identical name is the input token itself.
    const auto escaped = decode_starting_token(b64(R"({"N\u0065xtToken": "x"})"), next_string);
    REQUIRE(escaped.has_value());
    CHECK(escaped.value().tokens[0].second == token_value("x"));
}

TEST_CASE("a token naming a foreign field is refused with a truncate amount or bytes beside it") {
    refused(b64(R"({"NextToken": "x", "boto_truncate_amount": 1, "FleetId": "f"})"), "'FleetId'");
    refused(b64(R"({"FleetId": "AAE=", "boto_encoded_keys": [["FleetId"]]})"), "'FleetId'");
    refused_by_three(b64(R"({"StartRecordName": "a", "HostedZoneId": "Z1"})"), "'HostedZoneId'");
}

TEST_CASE("a token that is not read as JSON is one opaque token: none of its members reach the request") {
    // Invalid UTF-8 inside the base64-decoded JSON: as the reference decoder does, the text is
    // not read as JSON but as a raw service token (docs/semantics.md 4.1), so its FleetId is never
    // applied; the service sees an opaque NextToken that it did not issue, and refuses it.
    const std::string token = b64("{\"FleetId\": \"fleet-other\xff\", \"NextToken\": \"x\"}");
    const auto decoded = decode_starting_token(token, next_string);
    REQUIRE(decoded.has_value());
    CHECK(decoded.value().tokens == pagination::token_map{{"NextToken", token_value(token)}});

    small_fleet fleet;
    std::vector<gl::describe_game_sessions_request> sent;
    auto sessions = gl::describe_game_sessions(
        [&](const gl::describe_game_sessions_request& r) {
            sent.push_back(r);
            return fleet.service.describe_game_sessions(r);
        },
        fleet.request(), {std::nullopt, std::nullopt, token});
    CHECK_THROWS_AS(sessions.items().begin(), pagination::fetch_error);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].fleet_id == fleet.fleet_id);
    CHECK(sent[0].next_token == token);
}

// ---------------------------------------------------------------------------------------------
// JSON that is not an object.
// ---------------------------------------------------------------------------------------------

TEST_CASE("a token whose JSON is a boolean, a float, an empty list, a list of objects or an empty string is refused") {
    for (const std::string& json : std::vector<std::string>{"true", "false", "1.5", "-7", "[]", R"([{"NextToken": "x"}])", R"("")", "[[[]]]",
                                   R"(  "NextToken"  )"}) {
        refused(b64(json), "not an object");
        refused_by_three(b64(json), "not an object");
    }
}

TEST_CASE("an empty JSON object is the start of the listing") {
    const auto decoded = decode_starting_token(b64("{}"), record_names);
    REQUIRE(decoded.has_value());
    CHECK(decoded.value().skip == 0);
    REQUIRE(decoded.value().tokens.size() == 3);
    for (const auto& member : decoded.value().tokens) {
        CHECK(member.second.is_null());
    }
}

// ---------------------------------------------------------------------------------------------
// Truncate amounts.
// ---------------------------------------------------------------------------------------------

TEST_CASE("a JSON truncate amount must be a non-negative integer within the bound") {
    const auto with_amount = [](const std::string& amount) {
        return b64("{\"NextToken\": \"tok-3\", \"boto_truncate_amount\": " + amount + "}");
    };
    refused(with_amount("-9223372036854775808"), "negative");
    refused(with_amount("-2"), "negative");
    for (const std::string& amount : std::vector<std::string>{"2.0", "-0.5", "0.5", "1e2", "1E0", "null", "[]", "[1]", "{}", R"({"n": 1})",
                                     R"(" 3")", R"("3")", "false"}) {
        refused(with_amount(amount), "not an integer");
    }
    refused(with_amount("1000001"), "max_truncate_amount");
    refused(with_amount("9223372036854775807"), "max_truncate_amount");
    refused(with_amount("18446744073709551616"), "out of range");

    // At the bound, and negative zero, are accepted.
    const auto at_bound = decode_starting_token(with_amount("1000000"), next_string);
    REQUIRE(at_bound.has_value());
    CHECK(at_bound.value().skip == 1000000);
    const auto minus_zero = decode_starting_token(with_amount("-0"), next_string);
    REQUIRE(minus_zero.has_value());
    CHECK(minus_zero.value().skip == 0);
}

TEST_CASE("a truncate amount given twice is refused") {
    refused(b64(R"({"NextToken": "x", "boto_truncate_amount": 1, "boto_truncate_amount": 2})"), "duplicate key");
}

TEST_CASE("a legacy truncate amount must not be negative or beyond the bound, with or without white space") {
    refused("tok-3___ -3 ", "negative");
    refused("tok-3___-1_000", "negative");
    refused("tok-3___1000001", "max_truncate_amount");
    refused("tok-3___1_000_001", "max_truncate_amount");
    refused("tok-3___18446744073709551616", "max_truncate_amount");
    refused_by_three("a___b___c___-4", "negative");
    pagination::paginator_options tight;
    tight.limits.max_truncate_amount = 5;
    refused("tok-3___6", "max_truncate_amount", tight);

    const auto zero = decode_starting_token("tok-3___-0", next_string);
    REQUIRE(zero.has_value());
    CHECK(zero.value().skip == 0);
    CHECK(zero.value().tokens[0].second == token_value("tok-3"));
}

TEST_CASE("a legacy last part that is not an integer is no truncate amount: the whole text is one token") {
    // docs/semantics.md 4.3: fractional or word-like last parts make the text an opaque service token.
    for (const std::string& token : std::vector<std::string>{"tok-3___1.5", "tok-3___2e3", "tok-3___0x10", "tok-3___ten", "tok-3___"}) {
        const auto decoded = decode_starting_token(token, next_string);
        REQUIRE(decoded.has_value());
        CHECK(decoded.value().skip == 0);
        CHECK(decoded.value().tokens[0].second == token_value(token));
    }
}

// ---------------------------------------------------------------------------------------------
// Nesting.
// ---------------------------------------------------------------------------------------------

TEST_CASE("nesting is bounded at token_limits::max_depth, counting the token's own object") {
    // Depth 32 in all: the token's object and 31 levels inside it.
    const std::string at_bound = "{\"NextToken\": " + nested(31, '[', "1") + "}";
    CHECK(decode_starting_token(b64(at_bound), next_structured).has_value());
    const std::string beyond = "{\"NextToken\": " + nested(32, '[', "1") + "}";
    refused(b64(beyond), "nested deeper");

    const std::string objects = "{\"NextToken\": " + nested(32, '{', "1") + "}";
    refused(b64(objects), "nested deeper");

    pagination::paginator_options flat;
    flat.limits.max_depth = 1;
    refused(b64(R"({"NextToken": ["x"]})"), "nested deeper", flat);
    CHECK(decode_starting_token(b64(R"({"NextToken": "x"})"), next_string, flat.limits).has_value());
}

TEST_CASE("deep nesting in a string token, in boto_encoded_keys or left unterminated is refused as too deep") {
    refused(b64("{\"NextToken\": " + nested(40, '[', "\"x\"") + "}"), "nested deeper");
    refused(b64("{\"NextToken\": \"AAE=\", \"boto_encoded_keys\": " + nested(40, '[', "") + "}"), "nested deeper");
    refused(b64("{\"NextToken\": " + std::string(40, '[')), "nested deeper");
    refused(b64(std::string(40, '[')), "nested deeper");
}

TEST_CASE("nesting far beyond the bound stops at the bound, whatever the size bound allows") {
    pagination::paginator_options roomy;
    roomy.limits.max_token_size = 1024 * 1024;
    refused(b64(std::string(256 * 1024, '[')), "nested deeper", roomy);
    refused(b64("{\"NextToken\": " + nested(40000, '{', "1") + "}"), "nested deeper", roomy);
}

// ---------------------------------------------------------------------------------------------
// Size.
// ---------------------------------------------------------------------------------------------

TEST_CASE("the size bound is in bytes, inclusive, and applies to raw, legacy and JSON tokens") {
    const std::size_t bound = 64 * 1024;
    const std::string exactly(bound, 'a');
    const auto raw = decode_starting_token(exactly, next_string);
    REQUIRE(raw.has_value());
    CHECK(raw.value().tokens[0].second == token_value(exactly));

    refused(std::string(bound - 3, 'a') + "___7", "max_token_size");   // a legacy token one byte over
    const std::string big_json = "{\"NextToken\": \"" + std::string(bound, 'x') + "\"}";
    refused(b64(big_json), "max_token_size");                            // a resume token
    refused(std::string(10 * bound, 'Q'), "max_token_size");

    pagination::paginator_options tight;
    tight.limits.max_token_size = 8;
    refused("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", "max_token_size", tight);  // 5 characters, 10 bytes
    CHECK(decode_starting_token("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", next_string, tight.limits).has_value());
}

// ---------------------------------------------------------------------------------------------
// UTF-8.
// ---------------------------------------------------------------------------------------------

TEST_CASE("token text that is not valid UTF-8 is refused, whatever the form") {
    for (const std::string& token : std::vector<std::string>{
             std::string("tok\xc0\xaf"),              // overlong '/'
             std::string("\xe0\x80\xaf"),             // overlong, three bytes
             std::string("tok\xed\xa0\x80"),          // a surrogate
             std::string("tok\xf4\x90\x80\x80"),      // above U+10FFFF
             std::string("tok\xe2\x82"),              // cut short at the end
             std::string("\x80tok"),                  // a lone continuation byte
             std::string("tok\xf8\x88\x80\x80\x80"),  // a five-byte form
             std::string("tok-3___\xff"),             // in a legacy truncate amount
             std::string("a\xfe___b"),                // in a legacy token
             b64("{\"NextToken\": \"x\"}") + "\xff",  // after a valid resume token
         }) {
        refused(token, "not valid UTF-8");
    }
}

TEST_CASE("lone surrogates escaped in a token's JSON are refused; the escaped bytes U+DC80-U+DCFF are bytes") {
    refused(b64(R"({"NextToken": "\ud800"})"), "lone surrogate");
    refused(b64(R"({"NextToken": "a\udbffb"})"), "lone surrogate");
    refused(b64(R"({"NextToken": "\udc7f"})"), "lone surrogate");
    refused(b64(R"({"NextToken": "\ud800\u0041"})"), "lone surrogate");
    const auto pair = decode_starting_token(b64(R"({"NextToken": "\ud83d\ude00"})"), next_string);
    REQUIRE(pair.has_value());
    CHECK(pair.value().tokens[0].second == token_value("\xf0\x9f\x98\x80"));
    const auto escaped_byte = decode_starting_token(b64(R"({"NextToken": "\udcff"})"), next_string);
    REQUIRE(escaped_byte.has_value());
    CHECK(escaped_byte.value().tokens[0].second == token_value("\xff"));
}

// ---------------------------------------------------------------------------------------------
// Text that is neither base64 JSON, nor a legacy token, nor a raw token.
// ---------------------------------------------------------------------------------------------

TEST_CASE("text that is not base64 JSON and has more '___' parts than the API has tokens is refused") {
    for (const std::string& token : std::vector<std::string>{"x___y___1", "!!!___@@@___###", "______", "%%%___%%%___%%%___%%%", "a___b___c___9"}) {
        refused(token, "'___'-separated parts");
    }
    refused_by_three("a___b___c___d___1", "'___'-separated parts");
    refused_by_three("!!___##___$$___%%___^^", "'___'-separated parts");
    refused_by_three("____________", "'___'-separated parts");
}

TEST_CASE("base64 with bad padding, or JSON that does not parse, is read as a raw token, as the reference does") {
    for (const std::string& token : std::vector<std::string>{"e30", "eyJOZXh0VG9rZW4iOiAieCJ9IHRyYWlsaW5n", b64(R"({"NextToken": "x",})"),
                                    b64("{\"NextToken\": 'x'}"), b64("{\"NextToken\": \"a\tb\"}")}) {
        const auto decoded = decode_starting_token(token, next_string);
        REQUIRE(decoded.has_value());
        CHECK(decoded.value().tokens == pagination::token_map{{"NextToken", token_value(token)}});
    }
}

// ---------------------------------------------------------------------------------------------
// boto_encoded_keys and JSON values a token never needs.
// ---------------------------------------------------------------------------------------------

TEST_CASE("boto_encoded_keys paths that lead nowhere, twice, or to a string token are refused") {
    const std::string base = R"("NextToken": {"pk": ["AAE=", "AgM="]}, "boto_encoded_keys": )";
    for (const std::string& paths : std::vector<std::string>{R"([[]])", R"([["NextToken", "pk", 2]])", R"([["NextToken", "pk", -1]])",
                                    R"([["NextToken", "missing"]])", R"([["NextToken", {"pk": 0}]])",
                                    R"([["NextToken", "pk", 0, 0]])", R"([["NextToken", "pk", "0"]])",
                                    R"([["NextToken", "pk", 0], ["NextToken", "pk", 0]])", R"([["boto_truncate_amount"]])",
                                    R"([null])", R"([["NextToken", "pk", 1.0]])", R"({"NextToken": 1})", "7"}) {
        INFO(paths);
        const auto decoded = decode_starting_token(b64("{" + base + paths + "}"), next_structured);
        REQUIRE_FALSE(decoded.has_value());
        CHECK_THAT(decoded.error().message(), Catch::Contains("boto_encoded_keys"));
    }
    // Bytes where the API takes a string.
    refused(b64(R"({"NextToken": "AAE=", "boto_encoded_keys": [["NextToken"]]})"), "not a string", {}, true);
    refused(b64(R"({"NextToken": {"B": "AAE="}})"), "not a string", {}, true);
    const auto ok = decode_starting_token(b64("{" + base + R"([["NextToken", "pk", 1]])" + "}"), next_structured);
    REQUIRE(ok.has_value());
}

TEST_CASE("duplicate keys inside a structured token and integers beyond 64 bits are refused") {
    refused(b64(R"({"NextToken": {"pk": {"S": "a"}, "pk": {"S": "b"}}})"), "duplicate key");
    refused(b64(R"({"NextToken": {"n": 9223372036854775808}})"), "out of range");
    refused(b64(R"({"NextToken": [-9223372036854775809]})"), "out of range");
    const auto edge = decode_starting_token(b64(R"({"NextToken": [-9223372036854775808, 9223372036854775807]})"),
                                            next_structured);
    REQUIRE(edge.has_value());
}

TEST_CASE("a refused token leaves the paginator refusing it again, and resuming from it is refused too") {
    const std::string token = b64(R"({"FleetId": "fleet-other", "NextToken": "x"})");
    test_service::listing svc(5);
    auto p = test_service::make(svc, {std::nullopt, std::nullopt, token});
    for (int i = 0; i < 3; ++i) {
        CHECK_THROWS_AS(p.items().begin(), pagination::starting_token_error);
    }
    CHECK_THROWS_AS(p.build_full_result(), pagination::starting_token_error);
    CHECK(svc.calls() == 0);
    auto again = test_service::make(svc, {std::nullopt, std::nullopt, p.resume_token()});
    CHECK_THROWS_AS(again.items().begin(), pagination::starting_token_error);
    CHECK(svc.calls() == 0);
}

TEST_CASE("a token whose JSON has NaN, Infinity or a number beyond double range is refused, and nothing is sent") {
    for (const std::string& json : std::vector<std::string>{
             R"({"NextToken": "tok-3", "boto_truncate_amount": NaN})",
             R"({"NextToken": "tok-3", "boto_truncate_amount": Infinity})",
             R"({"NextToken": "tok-3", "boto_truncate_amount": -Infinity})",
             R"({"NextToken": "tok-3", "boto_truncate_amount": 1e400})", R"({"NextToken": NaN})"}) {
        INFO(json);
        const std::string token = pagination::detail::base64_encode(json);
        test_service::listing svc(10);
        auto p = test_service::make(svc, {std::nullopt, std::nullopt, token});
        CHECK_THROWS_AS(p.items().begin(), pagination::starting_token_error);
        CHECK(svc.calls() == 0);
    }
}
