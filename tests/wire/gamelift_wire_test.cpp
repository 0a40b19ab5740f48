// DescribeGameSessions on the wire (aws/gamelift_wire.hpp): the request body and its server-side
// reading, the result's wire form and its client-side reading, through the public API.

#include <pagination/aws/gamelift_wire.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

namespace aws = pagination::aws;
namespace gl = pagination::aws::gamelift;
namespace http = pagination::http;

namespace {

gl::timestamp at_ms(std::int64_t ms) { return gl::timestamp(std::chrono::milliseconds(ms)); }

gl::describe_game_sessions_outcome parse_body(const std::string& body, const aws::json_limits& limits = {}) {
    http::response r;
    r.status = 200;
    r.body = body;
    return gl::parse_describe_game_sessions_response(r, limits);
}

std::string page_error(const std::string& body, const aws::json_limits& limits = {}) {
    const auto o = parse_body(body, limits);
    if (o.has_value()) {
        return "no error";
    }
    CHECK(o.error().code == "MalformedResponse");
    CHECK(o.error().source == aws::error_source::malformed_response);
    CHECK(o.error().retryable());
    return o.error().message;
}

gl::game_session one_session(const std::string& members) {
    const auto o = parse_body(R"({"GameSessions":[{)" + members + "}]}");
    REQUIRE(o.has_value());
    REQUIRE(o.value().game_sessions.size() == 1);
    return o.value().game_sessions[0];
}

gl::game_session full_session() {
    gl::game_session s;
    s.game_session_id = "arn:aws:gamelift:us-west-2::gamesession/fleet-1/gsess-1";
    s.name = "match \xc3\xa9\xf0\x9f\x98\x80";
    s.fleet_id = "fleet-1";
    s.fleet_arn = "arn:aws:gamelift:us-west-2:123456789012:fleet/fleet-1";
    s.creation_time = at_ms(1469498468057);
    s.termination_time = at_ms(1469498469000);
    s.current_player_session_count = 3;
    s.maximum_player_session_count = 10;
    s.status = gl::game_session_status::terminated;
    s.status_reason = gl::parse_game_session_status_reason("NEW_REASON");
    s.game_properties = {{"mode", "ctf"}, {"q\"\\", "\x01\n"}};
    s.ip_address = "192.0.2.1";
    s.dns_name = "ec2-192-0-2-1.us-west-2.compute.amazonaws.com";
    s.port = 7777;
    s.player_session_creation_policy = gl::player_session_creation_policy::deny_all;
    s.creator_id = "player-1";
    s.game_session_data = R"({"map":"dust"})";
    s.matchmaker_data = R"({"matchId":"m"})";
    s.location = "us-west-2";
    s.compute_name = "compute-1";
    return s;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The request
// ---------------------------------------------------------------------------------------------

TEST_CASE("The request body has only the set members, as json.dumps writes them", "[gamelift_wire]") {
    CHECK(gl::to_json(gl::describe_game_sessions_request{}) == "{}");
    gl::describe_game_sessions_request r;
    r.fleet_id = "fleet-1";
    CHECK(gl::to_json(r) == R"({"FleetId": "fleet-1"})");
    r.game_session_id = "g";
    r.alias_id = "alias-1";
    r.location = "us-west-2";
    r.status_filter = gl::game_session_status::active;
    r.limit = 50;
    r.next_token = "t\xc3\xa9\xf0\x9f\x98\x80\"\x7f";
    CHECK(gl::to_json(r) == R"({"FleetId": "fleet-1", "GameSessionId": "g", "AliasId": "alias-1", )"
                            R"("Location": "us-west-2", "StatusFilter": "ACTIVE", "Limit": 50, )"
                            R"("NextToken": "t\u00e9\ud83d\ude00\"\u007f"})");
}

TEST_CASE("The HTTP request is GameLift's awsJson 1.1 POST", "[gamelift_wire]") {
    gl::describe_game_sessions_request r;
    r.fleet_id = "fleet-1";
    const http::request h = gl::to_http_request(r, "https://gamelift.us-west-2.amazonaws.com");
    CHECK(h.method == "POST");
    CHECK(h.url == "https://gamelift.us-west-2.amazonaws.com/");
    CHECK(*h.find_header("Content-Type") == "application/x-amz-json-1.1");
    CHECK(*h.find_header("X-Amz-Target") == "GameLift.DescribeGameSessions");
    CHECK(h.body == gl::to_json(r));
}

TEST_CASE("The server reads back every request the client writes", "[gamelift_wire]") {
    gl::describe_game_sessions_request r;
    CHECK(gl::parse_describe_game_sessions_request(gl::to_json(r)).value() == r);
    r.fleet_id = "fleet-\xf0\x9f\x98\x80";
    r.game_session_id = "g";
    r.alias_id = "a";
    r.location = "l";
    r.status_filter = gl::game_session_status::terminating;
    r.limit = -2147483647 - 1;
    r.next_token = "\"\\/\b\f\n\r\t";
    const auto back = gl::parse_describe_game_sessions_request(gl::to_json(r));
    REQUIRE(back.has_value());
    CHECK(back.value() == r);
}

TEST_CASE("The server reads an empty body as {}, ignores unknown members, reads null as absent",
          "[gamelift_wire]") {
    CHECK(gl::parse_describe_game_sessions_request("").value() == gl::describe_game_sessions_request{});
    CHECK(gl::parse_describe_game_sessions_request(" \n").value() == gl::describe_game_sessions_request{});
    const auto r = gl::parse_describe_game_sessions_request(
        R"({"Other":{"x":[1,2]},"FleetId":null,"Limit":null,"StatusFilter":"HIBERNATING","NextToken":"t"})");
    REQUIRE(r.has_value());
    CHECK_FALSE(r.value().fleet_id);
    CHECK_FALSE(r.value().limit);
    CHECK(r.value().status_filter == gl::game_session_status::unknown);
    CHECK(r.value().next_token == std::string("t"));
    // validate() then refuses the unknown status, as the service does.
    gl::describe_game_sessions_request v = r.value();
    v.fleet_id = "fleet-1";
    REQUIRE(gl::validate(v));
    CHECK(gl::validate(v)->field == "StatusFilter");
}

TEST_CASE("A request body the server cannot read is a SerializationException (400)", "[gamelift_wire]") {
    for (const char* body : {"[]", "{", R"({"FleetId":1})", R"({"Limit":"5"})", R"({"Limit":1.5})",
                             R"({"Limit":2147483648})", R"({"Limit":1e3})", "{} x", "nope",
                             R"({"NextToken":"\ud800"})"}) {
        INFO(body);
        const auto r = gl::parse_describe_game_sessions_request(body);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == "SerializationException");
        CHECK(r.error().http_status == 400);
        CHECK_FALSE(r.error().message.empty());
    }
    const auto r = gl::parse_describe_game_sessions_request(R"({"Limit": "5"})");
    CHECK(r.error().message == "Cannot read the request body: a value of the wrong type in member Limit at byte 10");
}

// ---------------------------------------------------------------------------------------------
// The result's wire form
// ---------------------------------------------------------------------------------------------

TEST_CASE("Timestamps are written as epoch seconds with the milliseconds as a fraction", "[gamelift_wire]") {
    gl::describe_game_sessions_result r;
    r.game_sessions.resize(1);
    const auto written = [&](std::int64_t ms) {
        r.game_sessions[0].creation_time = at_ms(ms);
        return gl::to_json(r);
    };
    CHECK(written(1469498468057) == R"({"GameSessions":[{"CreationTime":1469498468.057}]})");
    CHECK(written(1469498468000) == R"({"GameSessions":[{"CreationTime":1469498468}]})");
    CHECK(written(1469498468500) == R"({"GameSessions":[{"CreationTime":1469498468.5}]})");
    CHECK(written(1469498468050) == R"({"GameSessions":[{"CreationTime":1469498468.05}]})");
    CHECK(written(-1500) == R"({"GameSessions":[{"CreationTime":-1.5}]})");
    CHECK(written(-1) == R"({"GameSessions":[{"CreationTime":-0.001}]})");
    CHECK(written(0) == R"({"GameSessions":[{"CreationTime":0}]})");
}

TEST_CASE("The result's wire form reads back equal, every member included", "[gamelift_wire]") {
    gl::describe_game_sessions_result r;
    r.game_sessions = {full_session(), gl::game_session{}, full_session()};
    r.game_sessions[2].status = gl::parse_game_session_status("HIBERNATING");
    r.game_sessions[2].creation_time = at_ms(-62135596800000);
    r.game_sessions[2].termination_time = at_ms(253402300799999);
    r.next_token = "next \xe2\x82\xac";
    const std::string body = gl::to_json(r);
    CHECK(body.find("\"NextToken\":\"next \\u20ac\"") != std::string::npos);
    const auto back = parse_body(body);
    REQUIRE(back.has_value());
    CHECK(back.value() == r);
    CHECK(gl::to_json(gl::describe_game_sessions_result{}) == R"({"GameSessions":[]})");
}

TEST_CASE("The error body is __type and message", "[gamelift_wire]") {
    gl::service_error e{"NotFoundException", "No fleet \"x\" \xe2\x82\xac"};
    CHECK(gl::error_body(e) == R"({"__type":"NotFoundException","message":"No fleet \"x\" \u20ac"})");
    http::response r;
    r.status = 400;
    r.body = gl::error_body(e);
    const auto o = gl::parse_describe_game_sessions_response(r);
    REQUIRE_FALSE(o.has_value());
    CHECK(o.error() == e);
}

// ---------------------------------------------------------------------------------------------
// Reading a page
// ---------------------------------------------------------------------------------------------

TEST_CASE("Every GameSession member is read", "[gamelift_wire]") {
    const gl::game_session s = one_session(
        R"("GameSessionId":"gs","Name":"n","FleetId":"f","FleetArn":"fa","CreationTime":1469498468.057,)"
        R"("TerminationTime":1469498469,"CurrentPlayerSessionCount":3,"MaximumPlayerSessionCount":10,)"
        R"("Status":"ACTIVATING","StatusReason":"FORCE_TERMINATED","GameProperties":[{"Key":"k","Value":"v"}],)"
        R"("IpAddress":"1.2.3.4","DnsName":"d","Port":7777,"PlayerSessionCreationPolicy":"ACCEPT_ALL",)"
        R"("CreatorId":"c","GameSessionData":"gd","MatchmakerData":"md","Location":"l","ComputeName":"cn")");
    CHECK(s.game_session_id == std::string("gs"));
    CHECK(s.name == std::string("n"));
    CHECK(s.fleet_id == std::string("f"));
    CHECK(s.fleet_arn == std::string("fa"));
    CHECK(s.creation_time == at_ms(1469498468057));
    CHECK(s.termination_time == at_ms(1469498469000));
    CHECK(s.current_player_session_count == 3);
    CHECK(s.maximum_player_session_count == 10);
    CHECK(*s.status == gl::game_session_status::activating);
    CHECK(*s.status_reason == gl::game_session_status_reason::force_terminated);
    REQUIRE(s.game_properties.size() == 1);
    CHECK(s.game_properties[0] == gl::game_property{"k", "v"});
    CHECK(s.ip_address == std::string("1.2.3.4"));
    CHECK(s.dns_name == std::string("d"));
    CHECK(s.port == 7777);
    CHECK(*s.player_session_creation_policy == gl::player_session_creation_policy::accept_all);
    CHECK(s.creator_id == std::string("c"));
    CHECK(s.game_session_data == std::string("gd"));
    CHECK(s.matchmaker_data == std::string("md"));
    CHECK(s.location == std::string("l"));
    CHECK(s.compute_name == std::string("cn"));
}

TEST_CASE("Unknown members are ignored at every level; null is absent", "[gamelift_wire]") {
    const auto o = parse_body(
        R"({"X":{"a":[1,{"b":null}],"c":NaN,"d":-Infinity},"GameSessions":[{"New":[true,false,"s",1e999],)"
        R"("Name":null,"Port":null,"GameProperties":[{"Key":"k","Extra":{},"Value":"v"}],"Status":null}],)"
        R"("NextToken":null,"Y":"z"})");
    REQUIRE(o.has_value());
    REQUIRE(o.value().game_sessions.size() == 1);
    const gl::game_session& s = o.value().game_sessions[0];
    CHECK_FALSE(s.name);
    CHECK_FALSE(s.port);
    CHECK_FALSE(s.status);
    CHECK(s.game_properties == std::vector<gl::game_property>{{"k", "v"}});
    CHECK_FALSE(o.value().next_token);
    CHECK(parse_body(R"({"GameSessions":null})").value().game_sessions.empty());
    CHECK(parse_body("{}").value().game_sessions.empty());
    CHECK(one_session(R"("GameProperties":null)").game_properties.empty());
    // Key and Value are required by the model: a missing one reads as empty.
    CHECK(one_session(R"("GameProperties":[{"Value":"v"},{}])").game_properties ==
          std::vector<gl::game_property>{{"", "v"}, {"", ""}});
}

TEST_CASE("Unknown enum values are kept", "[gamelift_wire]") {
    const gl::game_session s =
        one_session(R"("Status":"HIBERNATING","StatusReason":"","PlayerSessionCreationPolicy":"ALLOW_FRIENDS")");
    CHECK(*s.status == gl::game_session_status::unknown);
    CHECK(s.status->wire() == "HIBERNATING");
    CHECK(s.status_reason->wire().empty());
    CHECK(s.player_session_creation_policy->wire() == "ALLOW_FRIENDS");
}

TEST_CASE("Timestamps are read exactly to the millisecond in every number form", "[gamelift_wire]") {
    const auto t = [](const std::string& text) {
        return one_session(R"("CreationTime":)" + text).creation_time.value().time_since_epoch().count();
    };
    CHECK(t("1469498468") == 1469498468000);
    CHECK(t("1469498468.057") == 1469498468057);
    CHECK(t("1469498468.0579") == 1469498468057);      // truncated, as datetime.microsecond // 1000
    CHECK(t("1469498468.0579999999") == 1469498468058);  // rounded to microseconds first, as Python
    CHECK(t("1.469498468057e9") == 1469498468057);
    CHECK(t("1469498468057E-3") == 1469498468057);
    CHECK(t("1469498468057e-03") == 1469498468057);
    CHECK(t("14694984.68057e+2") == 1469498468057);
    CHECK(t("0") == 0);
    CHECK(t("-0") == 0);
    CHECK(t("0.0") == 0);
    CHECK(t("-1.5") == -1500);
    CHECK(t("-0.0005") == -1);      // 1969-12-31T23:59:59.9995: its millisecond is 999
    CHECK(t("-5e-7") == 0);         // half a microsecond rounds to even: 0
    CHECK(t("-1.5e-6") == -1);      // -2 microseconds
    CHECK(t("2.5e-6") == 0);        // 2 microseconds
    CHECK(t("0.0009995") == 1);     // 999.5 microseconds round to 1000
    CHECK(t("1e-400") == 0);
    CHECK(t("0e999999999") == 0);
    CHECK(t("-62135596800") == -62135596800000);   // 0001-01-01
    CHECK(t("253402300799.999999") == 253402300799999);  // 9999-12-31T23:59:59.999999
}

TEST_CASE("Timestamps beyond years 1..9999 or not numbers are malformed responses", "[gamelift_wire]") {
    for (const char* text : {"253402300800", "253402300799.9999996", "-62135596800.000001", "1e20", "-1e20",
                             "1e999999999999", "NaN", "Infinity", "-Infinity", R"("1469498468")", "true",
                             "[]"}) {
        INFO(text);
        CHECK(page_error(std::string(R"({"GameSessions":[{"CreationTime":)") + text + "}]}") != "no error");
    }
    CHECK(page_error(R"({"GameSessions":[{"CreationTime":1e20}]})") ==
          "DescribeGameSessions response: a number out of range (in CreationTime) at byte 33 of 40");
}

TEST_CASE("Integer members must be JSON integers in int range", "[gamelift_wire]") {
    CHECK(one_session(R"("Port":2147483647)").port == 2147483647);
    CHECK(one_session(R"("Port":-2147483648)").port == -2147483647 - 1);
    CHECK(one_session(R"("Port":-0)").port == 0);
    for (const char* text : {"2147483648", "-2147483649", "99999999999999999999999", "1.0", "1e2", "\"1\"",
                             "true", "01", "-", "NaN"}) {
        INFO(text);
        CHECK(page_error(std::string(R"({"GameSessions":[{"Port":)") + text + "}]}") != "no error");
    }
}

TEST_CASE("A member of the wrong type is a malformed response that names it", "[gamelift_wire]") {
    CHECK(page_error(R"({"GameSessions":[{"Name":1}]})") ==
          "DescribeGameSessions response: a value of the wrong type (in Name) at byte 25 of 29");
    CHECK(page_error(R"({"GameSessions":{}})") != "no error");
    CHECK(page_error(R"({"GameSessions":[1]})") != "no error");
    CHECK(page_error(R"({"GameSessions":[null]})") != "no error");
    CHECK(page_error(R"({"GameSessions":[{"GameProperties":{}}]})") != "no error");
    CHECK(page_error(R"({"GameSessions":[{"GameProperties":[null]}]})") != "no error");
    CHECK(page_error(R"({"GameSessions":[{"GameProperties":[{"Key":1}]}]})") != "no error");
    CHECK(page_error(R"({"GameSessions":[{"Status":1}]})") != "no error");
    CHECK(page_error(R"({"NextToken":5})") != "no error");
}

TEST_CASE("The body must be one complete JSON object", "[gamelift_wire]") {
    CHECK(page_error("") == "DescribeGameSessions response: the body ends inside a JSON value at byte 0 of 0");
    CHECK(page_error("[]") == "DescribeGameSessions response: the body is not a JSON object at byte 0 of 2");
    CHECK(page_error("null") != "no error");
    CHECK(page_error("\"x\"") != "no error");
    CHECK(page_error("{} {}") == "DescribeGameSessions response: characters after the JSON value at byte 3 of 5");
    CHECK(page_error("\xef\xbb\xbf{}") != "no error");  // a BOM: Python's json refuses it too
    CHECK(page_error("<html></html>") != "no error");
    CHECK(page_error(R"({"GameSessions":[],})") != "no error");
    CHECK(page_error(R"({"GameSessions":[1,]})") != "no error");
    CHECK(page_error(R"({"GameSessions" [] })") != "no error");
    CHECK(page_error(R"({'GameSessions':[]})") != "no error");
    CHECK(page_error(R"({"a":tru})") != "no error");
    CHECK(page_error(R"({"a":1.})") != "no error");
    CHECK(page_error(R"({"a":.5})") != "no error");
    CHECK(page_error(R"({"a":-NaN})") != "no error");
    CHECK(page_error(R"({"a":"\x"})") != "no error");
    CHECK(page_error(R"({"a":"\u12G4"})") != "no error");
    CHECK(parse_body(" \t\r\n{ \"GameSessions\" : [ ] }\n\t ").has_value());
}

TEST_CASE("Every strict prefix of a valid body is an error, never a shorter page", "[gamelift_wire]") {
    gl::describe_game_sessions_result r;
    r.game_sessions = {full_session(), full_session()};
    r.game_sessions[1].creation_time = at_ms(-1500);
    r.next_token = "token";
    const std::string body = gl::to_json(r);
    REQUIRE(parse_body(body).value() == r);
    std::size_t errors = 0;
    for (std::size_t n = 0; n < body.size(); ++n) {
        gl::describe_game_sessions_result into;
        errors += gl::parse_describe_game_sessions_body(std::string_view(body).substr(0, n), into) ? 1u : 0u;
        CHECK(into.game_sessions.empty());
    }
    CHECK(errors == body.size());
}

TEST_CASE("Odd Unicode is read: escapes, raw UTF-8, astral planes, surrogate pairs", "[gamelift_wire]") {
    CHECK(one_session(R"("Name":"\u00e9\u00E9\ud83d\ude00\uD83D\uDE00\u2028\/\"\\\b\f\n\r\t\u0000")").name ==
          std::string("\xc3\xa9\xc3\xa9\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xe2\x80\xa8/\"\\\b\f\n\r\t\0", 24));
    CHECK(one_session("\"Name\":\"\xc3\xa9\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xef\xbb\xbf\x7f\"").name ==
          std::string("\xc3\xa9\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xef\xbb\xbf\x7f"));
    CHECK(one_session(R"("N\u0061me":"x")").name == std::string("x"));  // escaped keys match too
    // What a UTF-8 std::string cannot hold is an error: lone surrogates, invalid UTF-8.
    for (const char* bad : {R"("\ud800")", R"("\udc00")", R"("\ud800x")", R"("\ud800\u0041")", "\"\xff\"",
                            "\"\xc3\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"a\x01\""}) {
        INFO(bad);
        CHECK(page_error(std::string(R"({"GameSessions":[{"Name":)") + bad + "}]}") != "no error");
    }
    // Invalid UTF-8 in a skipped member is an error too: botocore decodes the whole body first.
    CHECK(page_error("{\"Other\":\"\xff\"}") != "no error");
}

TEST_CASE("Duplicate keys: the last one wins, as in Python's json", "[gamelift_wire]") {
    const auto o = parse_body(R"({"GameSessions":[{"Name":"a","Port":1},{"Name":"b"}],"NextToken":"x",)"
                              R"("GameSessions":[{"Name":"c","Name":"d"}],"NextToken":"y"})");
    REQUIRE(o.has_value());
    REQUIRE(o.value().game_sessions.size() == 1);
    CHECK(o.value().game_sessions[0].name == std::string("d"));
    CHECK_FALSE(o.value().game_sessions[0].port);
    CHECK(o.value().next_token == std::string("y"));
    CHECK(parse_body(R"({"NextToken":"x","NextToken":null})").value().next_token == std::nullopt);
}

TEST_CASE("Reading into a used result gives what a fresh read gives", "[gamelift_wire]") {
    gl::describe_game_sessions_result into;
    into.game_sessions = {full_session(), full_session(), full_session()};
    into.next_token = "old";
    const std::string body = R"({"GameSessions":[{"Name":"a"},{"Port":1,"GameProperties":[{"Key":"k","Value":"v"}]}]})";
    REQUIRE_FALSE(gl::parse_describe_game_sessions_body(body, into));
    CHECK(into == parse_body(body).value());
    CHECK(into.game_sessions.size() == 2);
    CHECK_FALSE(into.next_token);
    CHECK_FALSE(into.game_sessions[0].port);
    CHECK(into.game_sessions[0].game_properties.empty());
    CHECK_FALSE(into.game_sessions[1].name);
    // An error leaves no page behind.
    REQUIRE(gl::parse_describe_game_sessions_body("{", into));
    CHECK(into.game_sessions.empty());
}

TEST_CASE("Crossing a bound is a malformed response, never a shorter page", "[gamelift_wire]") {
    aws::json_limits limits;
    limits.max_depth = 4;
    CHECK(parse_body(R"({"GameSessions":[{"X":[]}]})", limits).has_value());
    CHECK(page_error(R"({"GameSessions":[{"X":[[]]}]})", limits).find("nested deeper") != std::string::npos);
    limits = {};
    CHECK(page_error("{\"X\":" + std::string(1000, '[') + std::string(1000, ']') + "}").find("nested deeper") !=
          std::string::npos);

    // Keys count too: "GameSessions" is 12 bytes.
    limits.max_string_bytes = 12;
    CHECK(parse_body(R"({"GameSessions":[{"Name":"abcdefghijkl"}]})", limits).has_value());
    CHECK(page_error(R"({"GameSessions":[{"Name":"abcdefghijklm"}]})", limits).find("string longer") !=
          std::string::npos);
    CHECK(page_error(R"({"GameSessions":[{"Name":"abcdefghijk\u00e9"}]})", limits).find("string longer") !=
          std::string::npos);  // the decoded length counts
    CHECK(page_error(R"({"X":"abcdefghijklmnop"})", limits).find("string longer") != std::string::npos);
    CHECK(page_error(R"({"GameSessionsX":[]})", limits).find("string longer") != std::string::npos);

    limits = {};
    limits.max_items = 2;
    CHECK(parse_body(R"({"GameSessions":[{},{}]})", limits).has_value());
    CHECK(page_error(R"({"GameSessions":[{},{},{}]})", limits).find("list longer") != std::string::npos);
    CHECK(page_error(R"({"GameSessions":[{"GameProperties":[{},{},{}]}]})", limits).find("list longer") !=
          std::string::npos);

    limits = {};
    limits.max_body_bytes = 10;
    CHECK(page_error(R"({"GameSessions":[]})", limits) ==
          "DescribeGameSessions response: the body is larger than the limit of 10 bytes at byte 10 of 19");
}

TEST_CASE("A non-2xx answer is its service error; the request id comes along", "[gamelift_wire]") {
    http::response r;
    r.status = 400;
    r.headers = {{"x-amzn-RequestId", "rid"}};
    r.body = R"({"__type":"com.amazonaws.gamelift#ThrottlingException","message":"Rate exceeded"})";
    auto o = gl::parse_describe_game_sessions_response(r);
    REQUIRE_FALSE(o.has_value());
    CHECK(o.error().code == "ThrottlingException");
    CHECK(o.error().message == "Rate exceeded");
    CHECK(o.error().request_id == "rid");
    CHECK(o.error().http_status == 400);
    CHECK(o.error().throttling());
    r.status = 301;
    r.body.clear();
    o = gl::parse_describe_game_sessions_response(r);
    REQUIRE_FALSE(o.has_value());
    CHECK(o.error().code == "301");
    // A malformed 2xx carries the request id too.
    r.status = 200;
    r.body = "{";
    o = gl::parse_describe_game_sessions_response(r);
    REQUIRE_FALSE(o.has_value());
    CHECK(o.error().request_id == "rid");
    CHECK(o.error().http_status == 200);
    // The storage-reusing form leaves the result alone on an error status.
    gl::describe_game_sessions_result kept;
    kept.next_token = "k";
    r.status = 500;
    r.body.clear();
    const auto e = gl::parse_describe_game_sessions_response(r, kept);
    REQUIRE(e);
    CHECK(e->code == "500");
    CHECK(kept.next_token == std::string("k"));
}
