// The AWS CLI's JSON rendering of DescribeGameSessions (programs/describe_game_sessions/output.hpp):
// timestamps, string escaping, members in the service's order. The text and table renderers are
// compared with the AWS CLI itself by test_aws_cli_output.py.

#include "../../programs/describe_game_sessions/output.hpp"

#include <pagination/aws/gamelift_model.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

using namespace pagination::aws::gamelift;
using pagination_cli::format_iso8601;
using pagination_cli::write_json;
using pagination_cli::write_json_string;

namespace {

timestamp at_ms(std::int64_t ms) { return timestamp(std::chrono::milliseconds(ms)); }

}  // namespace

TEST_CASE("timestamps print as the AWS CLI prints them: ISO 8601 with microseconds and a UTC offset") {
    CHECK(format_iso8601(at_ms(1'795'502'386'123)) == "2026-11-24T06:39:46.123000+00:00");
    CHECK(format_iso8601(at_ms(1'704'164'645'678)) == "2024-01-02T03:04:05.678000+00:00");
    CHECK(format_iso8601(at_ms(1'469'498'468'057)) == "2016-07-26T02:01:08.057000+00:00");
}

TEST_CASE("timestamps on a whole second print without a fraction, as Python's isoformat does") {
    CHECK(format_iso8601(at_ms(0)) == "1970-01-01T00:00:00+00:00");
    CHECK(format_iso8601(at_ms(1'768'464'000'000)) == "2026-01-15T08:00:00+00:00");
}

TEST_CASE("timestamps handle leap days, year ends and times before 1970") {
    CHECK(format_iso8601(at_ms(1'709'208'000'001)) == "2024-02-29T12:00:00.001000+00:00");
    CHECK(format_iso8601(at_ms(978'307'199'999)) == "2000-12-31T23:59:59.999000+00:00");
    CHECK(format_iso8601(at_ms(951'782'400'000)) == "2000-02-29T00:00:00+00:00");
    CHECK(format_iso8601(at_ms(-1)) == "1969-12-31T23:59:59.999000+00:00");
    CHECK(format_iso8601(at_ms(-86'400'000LL * 365)) == "1969-01-01T00:00:00+00:00");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters and keep the rest") {
    std::string out;
    write_json_string(out, std::string("a\"b\\c\nd\re\tf\bg\fh\x01i\x1fj\x7f") + "k\xc3\xa9");
    CHECK(out == "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj\x7fk\xc3\xa9\"");
}

TEST_CASE("a game session prints with every member in the service's order, as the CLI prints it") {
    game_session s;
    s.game_session_id = "arn:aws:gamelift:us-west-2::gamesession/fleet-1/gsess-1";
    s.name = "ctf \"night\"";
    s.fleet_id = "fleet-1";
    s.fleet_arn = "arn:aws:gamelift:us-west-2:123456789012:fleet/fleet-1";
    s.creation_time = at_ms(1'795'502'386'123);
    s.termination_time = at_ms(1'795'502'400'000);
    s.current_player_session_count = 0;
    s.maximum_player_session_count = 16;
    s.status = game_session_status::terminated;
    s.status_reason = game_session_status_reason::interrupted;
    s.game_properties = {{"mode", "ctf"}, {"map", "harbor"}};
    s.ip_address = "192.0.2.10";
    s.dns_name = "ec2-192-0-2-10.us-west-2.compute.amazonaws.com";
    s.port = 33430;
    s.player_session_creation_policy = player_session_creation_policy::deny_all;
    s.creator_id = "player-1";
    s.game_session_data = "{\"rounds\":3}";
    s.matchmaker_data = "{\"matchId\":\"m\"}";
    s.location = "us-west-2";
    s.compute_name = "i-0123456789abcdef0";
    std::string out;
    write_json(out, s, 0);
    CHECK(out == R"({
    "GameSessionId": "arn:aws:gamelift:us-west-2::gamesession/fleet-1/gsess-1",
    "Name": "ctf \"night\"",
    "FleetId": "fleet-1",
    "FleetArn": "arn:aws:gamelift:us-west-2:123456789012:fleet/fleet-1",
    "CreationTime": "2026-11-24T06:39:46.123000+00:00",
    "TerminationTime": "2026-11-24T06:40:00+00:00",
    "CurrentPlayerSessionCount": 0,
    "MaximumPlayerSessionCount": 16,
    "Status": "TERMINATED",
    "StatusReason": "INTERRUPTED",
    "GameProperties": [
        {
            "Key": "mode",
            "Value": "ctf"
        },
        {
            "Key": "map",
            "Value": "harbor"
        }
    ],
    "IpAddress": "192.0.2.10",
    "DnsName": "ec2-192-0-2-10.us-west-2.compute.amazonaws.com",
    "Port": 33430,
    "PlayerSessionCreationPolicy": "DENY_ALL",
    "CreatorId": "player-1",
    "GameSessionData": "{\"rounds\":3}",
    "MatchmakerData": "{\"matchId\":\"m\"}",
    "Location": "us-west-2",
    "ComputeName": "i-0123456789abcdef0"
})");
}

TEST_CASE("a game session prints absent members left out, no properties as [] and unknown statuses unchanged") {
    game_session s;
    s.game_session_id = "gs";
    s.status = parse_game_session_status("HIBERNATING");
    std::string out = "    ";
    write_json(out, s, 1);
    CHECK(out == R"(    {
        "GameSessionId": "gs",
        "Status": "HIBERNATING",
        "GameProperties": []
    })");
}

TEST_CASE("a result prints as one page of CLI output, with NextToken only when there is one") {
    describe_game_sessions_result page;
    std::string empty;
    write_json(empty, page, 0);
    CHECK(empty == "{\n    \"GameSessions\": []\n}");

    page.game_sessions.resize(1);
    page.game_sessions[0].name = "a";
    page.next_token = "tok";
    std::string out;
    write_json(out, page, 0);
    CHECK(out == R"({
    "GameSessions": [
        {
            "Name": "a",
            "GameProperties": []
        }
    ],
    "NextToken": "tok"
})");
}
