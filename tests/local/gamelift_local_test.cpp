// The in-memory GameLift endpoint: DescribeGameSessions by the service's rules, keyset paging
// that survives changes between pages, its errors, and every scripted fault.

#include <pagination/local/demo_fleet.hpp>
#include <pagination/local/fault.hpp>
#include <pagination/local/fleet_service.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace pagination::aws::gamelift;

namespace {

struct two_fleets {
    local_fleet_service service;
    fleet_info fleet;  // home us-west-2, remote us-east-1 and eu-west-1
    fleet_info other;  // home only
    std::vector<std::string> ids;  // the fleet's sessions in creation order

    explicit two_fleets(std::size_t sessions = 12) {
        fleet_spec spec;
        spec.remote_locations = {"us-east-1", "eu-west-1"};
        fleet = service.create_fleet(spec).value();
        other = service.create_fleet().value();
        for (std::size_t i = 0; i < sessions; ++i) {
            ids.push_back(add(fleet.locations[i % 3]));
            if (i % 4 == 0) {
                add_to_other();
            }
        }
    }

    std::string add(const std::string& location, game_session_status status = game_session_status::active) {
        game_session_spec s;
        s.fleet_id = fleet.fleet_id;
        s.location = location;
        s.status = status;
        return *service.create_game_session(s).value().game_session_id;
    }
    void add_to_other() {
        game_session_spec s;
        s.fleet_id = other.fleet_id;
        REQUIRE(service.create_game_session(s).has_value());
    }
};

describe_game_sessions_request for_fleet(const std::string& fleet_id, std::optional<int> limit = std::nullopt) {
    describe_game_sessions_request r;
    r.fleet_id = fleet_id;
    r.limit = limit;
    return r;
}

std::vector<std::string> ids_of(const describe_game_sessions_result& page) {
    std::vector<std::string> out;
    for (const auto& s : page.game_sessions) {
        out.push_back(*s.game_session_id);
    }
    return out;
}

// Every session of a listing, following NextToken; stops at 10000 pages to catch loops.
std::vector<game_session> list_all(local_fleet_service& service, describe_game_sessions_request request) {
    std::vector<game_session> all;
    for (int pages = 0; pages < 10000; ++pages) {
        auto outcome = service.describe_game_sessions(request);
        REQUIRE(outcome.has_value());
        for (auto& s : outcome.value().game_sessions) {
            all.push_back(s);
        }
        if (!outcome.value().next_token) {
            break;
        }
        request.next_token = outcome.value().next_token;
    }
    return all;
}

std::vector<std::string> ids_of(const std::vector<game_session>& sessions) {
    std::vector<std::string> out;
    for (const auto& s : sessions) {
        out.push_back(*s.game_session_id);
    }
    return out;
}

bool is_uuid(std::string_view s) {
    if (s.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const char c = s[i];
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return s[14] == '4';
}

std::string error_code_of(const describe_game_sessions_outcome& o) { return o.has_value() ? "" : o.error().code; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

TEST_CASE("fleets and aliases get IDs and ARNs of the service's form") {
    local_fleet_service service;
    const fleet_info fleet = service.create_fleet().value();
    CHECK(fleet.fleet_id.rfind("fleet-", 0) == 0);
    CHECK(is_uuid(std::string_view(fleet.fleet_id).substr(6)));
    CHECK(fleet.fleet_arn == "arn:aws:gamelift:us-west-2:123456789012:fleet/" + fleet.fleet_id);
    CHECK(fleet.locations == std::vector<std::string>{"us-west-2"});
    const alias_info alias = service.create_alias(fleet.fleet_id).value();
    CHECK(alias.alias_id.rfind("alias-", 0) == 0);
    CHECK(is_uuid(std::string_view(alias.alias_id).substr(6)));
    CHECK(alias.alias_arn == "arn:aws:gamelift:us-west-2:123456789012:alias/" + alias.alias_id);
    CHECK(alias.fleet_id == fleet.fleet_id);
}

TEST_CASE("generated IDs depend only on the seed") {
    local_fleet_options a;
    a.seed = 7;
    local_fleet_service s1(a), s2(a);
    CHECK(s1.create_fleet().value().fleet_id == s2.create_fleet().value().fleet_id);
    local_fleet_options b;
    b.seed = 8;
    local_fleet_service s3(b);
    CHECK(s3.create_fleet().value().fleet_id != s1.create_fleet().value().fleet_id);
}

TEST_CASE("game session IDs are home-Region ARNs that include the location for remote locations") {
    two_fleets f(0);
    const std::string home = f.add("us-west-2");
    const std::string remote = f.add("eu-west-1");
    const std::string prefix = "arn:aws:gamelift:us-west-2::gamesession/" + f.fleet.fleet_id + "/";
    CHECK(home.rfind(prefix + "gsess-", 0) == 0);
    CHECK(remote.rfind(prefix + "eu-west-1/gsess-", 0) == 0);
    const game_session s = *f.service.find_game_session(remote);
    CHECK(s.location == std::string("eu-west-1"));
    CHECK(s.fleet_arn == f.fleet.fleet_arn);
    CHECK(s.dns_name == "ec2-" + [&] {
        std::string ip = *s.ip_address;
        std::replace(ip.begin(), ip.end(), '.', '-');
        return ip;
    }() + ".eu-west-1.compute.amazonaws.com");
}

TEST_CASE("creating resources fails like the service for unknown or malformed input") {
    two_fleets f(0);
    fleet_spec dup;
    dup.fleet_id = f.fleet.fleet_id;
    CHECK(f.service.create_fleet(dup).error().code == "InvalidRequestException");
    fleet_spec bad;
    bad.fleet_id = "fleet_1";
    CHECK(f.service.create_fleet(bad).error().code == "InvalidRequestException");
    CHECK(f.service.add_fleet_location(f.fleet.fleet_id, "us-east-1").error().code == "InvalidRequestException");
    CHECK(f.service.add_fleet_location("fleet-nope", "ap-south-1").error().code == "NotFoundException");
    CHECK(f.service.add_fleet_location(f.fleet.fleet_id, "ap-south-1").value().locations.size() == 4u);

    game_session_spec s;
    s.fleet_id = "fleet-nope";
    CHECK(f.service.create_game_session(s).error().code == "NotFoundException");
    s.fleet_id = f.fleet.fleet_id;
    s.location = "sa-east-1";
    CHECK(f.service.create_game_session(s).error().code == "NotFoundException");
    s.location.reset();
    s.id = "my-game";
    CHECK(f.service.create_game_session(s).has_value());
    CHECK(f.service.create_game_session(s).error().code == "InvalidRequestException");
    s.id = "bad id";
    CHECK(f.service.create_game_session(s).error().code == "InvalidRequestException");
}

TEST_CASE("changing a session's status keeps it listed; ending it sets the termination time and empties it") {
    two_fleets f(0);
    game_session_spec spec;
    spec.fleet_id = f.fleet.fleet_id;
    spec.current_player_session_count = 5;
    const std::string id = *f.service.create_game_session(spec).value().game_session_id;
    f.service.advance_time(std::chrono::minutes(10));
    CHECK(f.service.update_game_session_status(id, game_session_status::terminating).value().status ==
          game_session_status::terminating);
    const game_session ended = f.service.terminate_game_session(id).value();
    CHECK(ended.status == game_session_status::terminated);
    CHECK(ended.status_reason == game_session_status_reason::force_terminated);
    CHECK(ended.termination_time == f.service.now());
    CHECK(ended.current_player_session_count == 0);
    CHECK(f.service.terminate_game_session("arn:nope").error().code == "NotFoundException");
    CHECK(ids_of(list_all(f.service, for_fleet(f.fleet.fleet_id))) == std::vector<std::string>{id});
}

TEST_CASE("creation times come from the service clock, which moves by a fixed step") {
    local_fleet_options o;
    o.creation_step = std::chrono::milliseconds(1500);
    local_fleet_service service(o);
    const fleet_info fleet = service.create_fleet().value();
    game_session_spec s;
    s.fleet_id = fleet.fleet_id;
    const timestamp first = *service.create_game_session(s).value().creation_time;
    const timestamp second = *service.create_game_session(s).value().creation_time;
    CHECK(first == o.start_time);
    CHECK(second - first == std::chrono::milliseconds(1500));
}

// ---------------------------------------------------------------------------------------------
// Listing and filters
// ---------------------------------------------------------------------------------------------

TEST_CASE("a fleet's sessions are listed in creation order across all its locations, and only its own") {
    two_fleets f;
    const auto all = list_all(f.service, for_fleet(f.fleet.fleet_id));
    CHECK(ids_of(all) == f.ids);
    for (const auto& s : all) {
        CHECK(s.fleet_id == f.fleet.fleet_id);
    }
    CHECK(list_all(f.service, for_fleet(f.other.fleet_id)).size() == 3u);
}

TEST_CASE("a fleet can be named by its ARN, with or without the account") {
    two_fleets f;
    CHECK(ids_of(list_all(f.service, for_fleet(f.fleet.fleet_arn))) == f.ids);
    const std::string accountless = "arn:aws:gamelift:us-west-2::fleet/" + f.fleet.fleet_id;
    CHECK(ids_of(list_all(f.service, for_fleet(accountless))) == f.ids);
    const std::string other_region = "arn:aws:gamelift:eu-central-1::fleet/" + f.fleet.fleet_id;
    CHECK(error_code_of(f.service.describe_game_sessions(for_fleet(other_region))) == "NotFoundException");
}

TEST_CASE("an alias lists the sessions of the fleet it routes to") {
    two_fleets f;
    const alias_info alias = f.service.create_alias(f.fleet.fleet_id).value();
    describe_game_sessions_request r;
    r.alias_id = alias.alias_id;
    CHECK(ids_of(list_all(f.service, r)) == f.ids);
    r.alias_id = alias.alias_arn;
    CHECK(ids_of(list_all(f.service, r)) == f.ids);
    f.service.update_alias(alias.alias_id, f.other.fleet_id);
    r.alias_id = alias.alias_id;
    CHECK(list_all(f.service, r).size() == 3u);
}

TEST_CASE("an alias and a fleet of the same request must agree") {
    two_fleets f;
    describe_game_sessions_request r = for_fleet(f.fleet.fleet_id);
    r.alias_id = f.service.create_alias(f.fleet.fleet_id).value().alias_id;
    CHECK(list_all(f.service, r).size() == f.ids.size());
    r.fleet_id = f.other.fleet_id;
    CHECK(error_code_of(f.service.describe_game_sessions(r)) == "InvalidRequestException");
}

TEST_CASE("a terminal alias answers TerminalRoutingStrategyException with its message") {
    two_fleets f;
    describe_game_sessions_request r;
    r.alias_id = f.service.create_terminal_alias("This game has moved to a new server").value().alias_id;
    const auto o = f.service.describe_game_sessions(r);
    REQUIRE_FALSE(o.has_value());
    CHECK(o.error().code == "TerminalRoutingStrategyException");
    CHECK(o.error().message == "This game has moved to a new server");
}

TEST_CASE("a location filter lists that location only, and the home Region counts as a location") {
    two_fleets f;
    for (const std::string& location : f.fleet.locations) {
        describe_game_sessions_request r = for_fleet(f.fleet.fleet_id);
        r.location = location;
        const auto got = list_all(f.service, r);
        CHECK(got.size() == 4u);
        for (const auto& s : got) {
            CHECK(s.location == location);
        }
    }
}

TEST_CASE("a location that is not one of the fleet's is NotFoundException") {
    two_fleets f;
    describe_game_sessions_request r = for_fleet(f.fleet.fleet_id);
    r.location = "ap-south-1";
    CHECK(error_code_of(f.service.describe_game_sessions(r)) == "NotFoundException");
}

TEST_CASE("a status filter lists the sessions in that status now") {
    two_fleets f(0);
    const std::string a = f.add("us-west-2", game_session_status::activating);
    const std::string b = f.add("us-east-1", game_session_status::active);
    const std::string c = f.add("us-west-2", game_session_status::terminating);
    const std::string d = f.add("us-west-2", game_session_status::terminated);
    const std::string e = f.add("us-west-2", game_session_status::active);
    f.add("us-west-2", game_session_status::error);
    const auto with = [&](game_session_status s) {
        describe_game_sessions_request r = for_fleet(f.fleet.fleet_id);
        r.status_filter = s;
        return ids_of(list_all(f.service, r));
    };
    CHECK(with(game_session_status::activating) == std::vector<std::string>{a});
    CHECK(with(game_session_status::active) == std::vector<std::string>{b, e});
    CHECK(with(game_session_status::terminating) == std::vector<std::string>{c});
    CHECK(with(game_session_status::terminated) == std::vector<std::string>{d});
    CHECK(list_all(f.service, for_fleet(f.fleet.fleet_id)).size() == 6u);

    describe_game_sessions_request both = for_fleet(f.fleet.fleet_id);
    both.status_filter = game_session_status::active;
    both.location = "us-west-2";
    CHECK(ids_of(list_all(f.service, both)) == std::vector<std::string>{e});
}

TEST_CASE("a game session ID lists that one session, wherever it is") {
    two_fleets f;
    describe_game_sessions_request r;
    r.game_session_id = f.ids[4];
    CHECK(ids_of(list_all(f.service, r)) == std::vector<std::string>{f.ids[4]});
    r.fleet_id = f.fleet.fleet_id;
    CHECK(ids_of(list_all(f.service, r)) == std::vector<std::string>{f.ids[4]});
    r.status_filter = game_session_status::terminated;
    CHECK(list_all(f.service, r).empty());
}

TEST_CASE("an unknown game session, or one of another fleet, is NotFoundException") {
    two_fleets f;
    describe_game_sessions_request r;
    r.game_session_id = "arn:aws:gamelift:us-west-2::gamesession/" + f.fleet.fleet_id + "/gsess-none";
    CHECK(error_code_of(f.service.describe_game_sessions(r)) == "NotFoundException");
    r.game_session_id = f.ids[0];
    r.fleet_id = f.other.fleet_id;
    CHECK(error_code_of(f.service.describe_game_sessions(r)) == "NotFoundException");
}

TEST_CASE("an unknown fleet or alias is NotFoundException") {
    two_fleets f;
    CHECK(error_code_of(f.service.describe_game_sessions(for_fleet("fleet-00000000-0000-4000-8000-000000000000"))) ==
          "NotFoundException");
    describe_game_sessions_request r;
    r.alias_id = "alias-00000000-0000-4000-8000-000000000000";
    CHECK(error_code_of(f.service.describe_game_sessions(r)) == "NotFoundException");
}

TEST_CASE("a request that breaks a validation rule is InvalidRequestException naming the rule") {
    two_fleets f;
    const auto none = f.service.describe_game_sessions(describe_game_sessions_request{});
    CHECK(error_code_of(none) == "InvalidRequestException");
    CHECK(none.error().message.find("FleetId, AliasId or GameSessionId") != std::string::npos);
    describe_game_sessions_request r = for_fleet(f.fleet.fleet_id);
    r.status_filter = game_session_status::error;
    CHECK(error_code_of(f.service.describe_game_sessions(r)) == "InvalidRequestException");
    CHECK(error_code_of(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id, 0))) == "InvalidRequestException");
}

// ---------------------------------------------------------------------------------------------
// Page sizes
// ---------------------------------------------------------------------------------------------

TEST_CASE("without a Limit a page holds 100 sessions") {
    two_fleets f(250);
    const auto page = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id)).value();
    CHECK(page.game_sessions.size() == 100u);
    CHECK(page.next_token);
}

TEST_CASE("a Limit above 100 is lowered to 100") {
    two_fleets f(250);
    const auto page = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id, 1000)).value();
    CHECK(page.game_sessions.size() == 100u);
}

TEST_CASE("a Limit up to 100 is the page size, and the last page has no NextToken") {
    two_fleets f(10);
    auto first = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id, 7)).value();
    CHECK(first.game_sessions.size() == 7u);
    REQUIRE(first.next_token);
    auto r = for_fleet(f.fleet.fleet_id, 7);
    r.next_token = first.next_token;
    const auto last = f.service.describe_game_sessions(r).value();
    CHECK(last.game_sessions.size() == 3u);
    CHECK_FALSE(last.next_token);
    const auto exact = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id, 10)).value();
    CHECK(exact.game_sessions.size() == 10u);
    CHECK_FALSE(exact.next_token);
}

TEST_CASE("the default and largest page sizes are options") {
    local_fleet_options o;
    o.default_limit = 5;
    o.max_limit = 8;
    local_fleet_service service(o);
    const fleet_info fleet = service.create_fleet().value();
    game_session_spec s;
    s.fleet_id = fleet.fleet_id;
    for (int i = 0; i < 20; ++i) {
        service.create_game_session(s);
    }
    CHECK(service.describe_game_sessions(for_fleet(fleet.fleet_id)).value().game_sessions.size() == 5u);
    CHECK(service.describe_game_sessions(for_fleet(fleet.fleet_id, 50)).value().game_sessions.size() == 8u);
}

TEST_CASE("the page size may change from page to page under the same NextToken") {
    two_fleets f(30);
    auto first = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id, 4)).value();
    auto r = for_fleet(f.fleet.fleet_id, 9);
    r.next_token = first.next_token;
    const auto second = f.service.describe_game_sessions(r).value();
    CHECK(ids_of(second) == std::vector<std::string>(f.ids.begin() + 4, f.ids.begin() + 13));
}

// ---------------------------------------------------------------------------------------------
// NextToken
// ---------------------------------------------------------------------------------------------

TEST_CASE("pages of any size list each session exactly once, in creation order") {
    local_fleet_service service;
    const demo_fleet demo = seed_demo_fleet(service).value();
    const auto reference = ids_of(list_all(service, for_fleet(demo.fleet_id, 100)));
    REQUIRE(reference.size() == 600u);
    CHECK(std::set<std::string>(reference.begin(), reference.end()).size() == 600u);
    for (const int size : {1, 7, 33, 99}) {
        INFO(size);
        CHECK(ids_of(list_all(service, for_fleet(demo.fleet_id, size))) == reference);
    }
}

TEST_CASE("sessions created and ended between pages: none listed twice, none that existed throughout missed") {
    two_fleets f(60);
    const std::set<std::string> original(f.ids.begin(), f.ids.end());
    describe_game_sessions_request r = for_fleet(f.fleet.fleet_id, 10);
    std::vector<std::string> seen;
    std::vector<std::string> created;
    std::size_t next_to_end = 59;  // ends sessions from the back: some before and some after they are listed
    for (int page = 0; page < 100; ++page) {
        const auto o = f.service.describe_game_sessions(r).value();
        for (const auto& id : ids_of(o)) {
            seen.push_back(id);
        }
        if (!o.next_token) {
            break;
        }
        r.next_token = o.next_token;
        created.push_back(f.add("eu-west-1"));
        created.push_back(f.add("us-west-2"));
        f.service.terminate_game_session(f.ids[next_to_end--]);
        f.service.terminate_game_session(f.ids[static_cast<std::size_t>(page)]);  // already listed
    }
    CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == seen.size());
    for (const auto& id : original) {
        CHECK(std::count(seen.begin(), seen.end(), id) == 1);
    }
    for (const auto& id : created) {
        CHECK(std::count(seen.begin(), seen.end(), id) == 1);
    }
    CHECK(seen.size() == original.size() + created.size());
}

TEST_CASE("with a status filter, sessions that keep the status throughout are each listed exactly once") {
    two_fleets f(60);
    describe_game_sessions_request r = for_fleet(f.fleet.fleet_id, 8);
    r.status_filter = game_session_status::active;
    std::vector<std::string> seen;
    std::set<std::string> ended_unseen;  // ended before the listing reached them
    for (int page = 0; page < 100; ++page) {
        const auto o = f.service.describe_game_sessions(r).value();
        for (const auto& s : o.game_sessions) {
            CHECK(s.status == game_session_status::active);
            seen.push_back(*s.game_session_id);
        }
        if (!o.next_token) {
            break;
        }
        r.next_token = o.next_token;
        const std::string victim = f.ids[59 - static_cast<std::size_t>(page)];
        f.service.terminate_game_session(victim);
        if (std::count(seen.begin(), seen.end(), victim) == 0) {
            ended_unseen.insert(victim);
        }
        f.add("us-east-1");
    }
    CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == seen.size());
    CHECK_FALSE(ended_unseen.empty());
    for (const auto& id : f.ids) {
        CHECK(std::count(seen.begin(), seen.end(), id) == (ended_unseen.count(id) == 0 ? 1 : 0));
    }
}

TEST_CASE("sessions dropped after retention between pages do not disturb the listing") {
    two_fleets f(20);
    for (std::size_t i = 0; i < 20; i += 2) {
        f.service.terminate_game_session(f.ids[i]);
    }
    auto r = for_fleet(f.fleet.fleet_id, 5);
    auto first = f.service.describe_game_sessions(r).value();
    CHECK(f.service.remove_terminated_before(f.service.now() + std::chrono::milliseconds(1)) == 10u);
    r.next_token = first.next_token;
    std::vector<std::string> seen = ids_of(first);
    for (const auto& s : list_all(f.service, r)) {
        seen.push_back(*s.game_session_id);
    }
    std::vector<std::string> expected(f.ids.begin(), f.ids.begin() + 5);
    for (std::size_t i = 5; i < 20; ++i) {
        if (i % 2 == 1) {
            expected.push_back(f.ids[i]);
        }
    }
    CHECK(seen == expected);
    CHECK(f.service.game_session_count() == 15u);  // 10 of the fleet, 5 of the other
}

TEST_CASE("a NextToken that is not base64 of a token of this service is InvalidRequestException") {
    two_fleets f(30);
    auto r = for_fleet(f.fleet.fleet_id, 5);
    for (const std::string& bad : std::vector<std::string>{"garbage", "R0wB", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                                           "====", std::string(1024, 'A')}) {
        INFO(bad);
        r.next_token = bad;
        CHECK(error_code_of(f.service.describe_game_sessions(r)) == "InvalidRequestException");
    }
}

TEST_CASE("an edited NextToken is InvalidRequestException") {
    two_fleets f(30);
    auto r = for_fleet(f.fleet.fleet_id, 5);
    std::string token = *f.service.describe_game_sessions(r).value().next_token;
    token[6] = token[6] == 'A' ? 'B' : 'A';
    r.next_token = token;
    CHECK(error_code_of(f.service.describe_game_sessions(r)) == "InvalidRequestException");
}

TEST_CASE("a NextToken issued for another query or another service is InvalidRequestException") {
    two_fleets f(30);
    const auto token = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id, 5)).value().next_token;
    REQUIRE(token);

    auto other_fleet = for_fleet(f.other.fleet_id, 1);
    other_fleet.next_token = token;
    CHECK(error_code_of(f.service.describe_game_sessions(other_fleet)) == "InvalidRequestException");

    auto filtered = for_fleet(f.fleet.fleet_id, 5);
    filtered.status_filter = game_session_status::active;
    filtered.next_token = token;
    CHECK(error_code_of(f.service.describe_game_sessions(filtered)) == "InvalidRequestException");

    auto located = for_fleet(f.fleet.fleet_id, 5);
    located.location = "us-west-2";
    located.next_token = token;
    CHECK(error_code_of(f.service.describe_game_sessions(located)) == "InvalidRequestException");

    local_fleet_options o;
    o.seed = 99;
    local_fleet_service foreign(o);
    fleet_spec same_id;
    same_id.fleet_id = f.fleet.fleet_id;
    foreign.create_fleet(same_id);
    auto there = for_fleet(f.fleet.fleet_id, 5);
    there.next_token = token;
    CHECK(error_code_of(foreign.describe_game_sessions(there)) == "InvalidRequestException");
}

TEST_CASE("the same listing by fleet ID and by fleet ARN shares its NextTokens") {
    two_fleets f(30);
    const auto token = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id, 5)).value().next_token;
    auto by_arn = for_fleet(f.fleet.fleet_arn, 5);
    by_arn.next_token = token;
    CHECK(ids_of(f.service.describe_game_sessions(by_arn).value()) ==
          std::vector<std::string>(f.ids.begin() + 5, f.ids.begin() + 10));
}

// ---------------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------------

TEST_CASE("a throttling fault answers ThrottlingException once, then the service answers normally") {
    two_fleets f;
    f.service.inject_fault(fault::throttling());
    const auto failed = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id));
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().code == "ThrottlingException");
    CHECK(failed.error().retryable());
    CHECK(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id)).value().game_sessions.size() == f.ids.size());
}

TEST_CASE("an internal error fault answers InternalServiceException, which is retryable") {
    two_fleets f;
    f.service.inject_fault(fault::internal_error());
    const auto failed = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id));
    CHECK(error_code_of(failed) == "InternalServiceException");
    CHECK(failed.error().retryable());
}

TEST_CASE("any error answer can be scripted, such as UnauthorizedException") {
    two_fleets f;
    f.service.inject_fault(fault::failure("UnauthorizedException", "not allowed"));
    const auto failed = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id));
    CHECK(error_code_of(failed) == "UnauthorizedException");
    CHECK(failed.error().message == "not allowed");
    CHECK_FALSE(failed.error().retryable());
}

TEST_CASE("a latency fault waits through the sleep function, then answers normally") {
    two_fleets f;
    std::vector<std::chrono::milliseconds> waits;
    f.service.set_sleep_function([&](std::chrono::milliseconds d) { waits.push_back(d); });
    f.service.inject_fault(fault::latency(std::chrono::milliseconds(2500)));
    const auto o = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id));
    CHECK(o.value().game_sessions.size() == f.ids.size());
    CHECK(waits == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(2500)});
    f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id));
    CHECK(waits.size() == 1u);
}

TEST_CASE("a latency fault really waits with the default sleep function") {
    two_fleets f;
    f.service.inject_fault(fault::latency(std::chrono::milliseconds(20)));
    const auto start = std::chrono::steady_clock::now();
    CHECK(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id)).has_value());
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(20));
}

TEST_CASE("a repeated-token fault answers the next page with the NextToken that was sent") {
    two_fleets f(30);
    auto r = for_fleet(f.fleet.fleet_id, 5);
    const auto first = f.service.describe_game_sessions(r).value();
    r.next_token = first.next_token;
    f.service.inject_fault(fault::repeated_token());
    const auto second = f.service.describe_game_sessions(r).value();
    CHECK(ids_of(second) == std::vector<std::string>(f.ids.begin() + 5, f.ids.begin() + 10));
    CHECK(second.next_token == first.next_token);
}

TEST_CASE("a repeated-token fault on a first page, sent without a token, serves the page normally") {
    two_fleets f(30);
    f.service.inject_fault(fault::repeated_token());
    const auto first = f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id, 5)).value();
    CHECK(first.game_sessions.size() == 5u);
    CHECK(first.next_token);
}

TEST_CASE("an empty-page fault answers no sessions and a new NextToken that resumes at the same place") {
    two_fleets f(30);
    auto r = for_fleet(f.fleet.fleet_id, 5);
    const auto first = f.service.describe_game_sessions(r).value();
    r.next_token = first.next_token;
    f.service.inject_fault(fault::empty_page());
    const auto empty = f.service.describe_game_sessions(r).value();
    CHECK(empty.game_sessions.empty());
    REQUIRE(empty.next_token);
    CHECK(empty.next_token != first.next_token);
    r.next_token = empty.next_token;
    CHECK(ids_of(f.service.describe_game_sessions(r).value()) ==
          std::vector<std::string>(f.ids.begin() + 5, f.ids.begin() + 10));
}

TEST_CASE("an empty-page fault on a first page carries a token to the start") {
    two_fleets f(30);
    f.service.inject_fault(fault::empty_page());
    auto r = for_fleet(f.fleet.fleet_id, 5);
    const auto empty = f.service.describe_game_sessions(r).value();
    CHECK(empty.game_sessions.empty());
    r.next_token = empty.next_token;
    CHECK(ids_of(f.service.describe_game_sessions(r).value()) == std::vector<std::string>(f.ids.begin(), f.ids.begin() + 5));
}

TEST_CASE("queued faults are used up in order, one per call") {
    two_fleets f;
    f.service.inject_fault(fault::throttling());
    f.service.inject_fault(fault::internal_error());
    CHECK(f.service.pending_faults() == 2u);
    CHECK(error_code_of(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id))) == "ThrottlingException");
    CHECK(error_code_of(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id))) == "InternalServiceException");
    CHECK(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id)).has_value());
    f.service.inject_fault(fault::throttling());
    f.service.clear_faults();
    CHECK(f.service.pending_faults() == 0u);
    CHECK(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id)).has_value());
}

TEST_CASE("a fault hook decides per call, and queued faults go first") {
    two_fleets f;
    std::vector<std::uint64_t> calls;
    f.service.set_fault_hook([&](const describe_game_sessions_request& r, std::uint64_t call) -> std::optional<fault> {
        calls.push_back(call);
        CHECK(r.fleet_id == f.fleet.fleet_id);
        if (call % 2 == 0) {
            return fault::throttling();
        }
        return std::nullopt;
    });
    f.service.inject_fault(fault::internal_error());
    CHECK(error_code_of(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id))) == "InternalServiceException");
    CHECK(error_code_of(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id))) == "ThrottlingException");
    CHECK(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id)).has_value());
    CHECK(calls == std::vector<std::uint64_t>{2, 3});
    f.service.set_fault_hook(nullptr);
    CHECK(f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id)).has_value());
}

TEST_CASE("every call counts as a request served, faulty and invalid ones too") {
    two_fleets f;
    CHECK(f.service.requests_served() == 0u);
    f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id));
    f.service.inject_fault(fault::throttling());
    f.service.describe_game_sessions(for_fleet(f.fleet.fleet_id));
    f.service.describe_game_sessions(describe_game_sessions_request{});
    f.service.describe_game_sessions(for_fleet("fleet-nope"));
    CHECK(f.service.requests_served() == 4u);
}

// ---------------------------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------------------------

TEST_CASE("listings from several threads stay exact while another thread adds and ends sessions") {
    two_fleets f(200);
    const std::set<std::string> original(f.ids.begin(), f.ids.end());
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        for (int i = 0; i < 300 && !stop.load(); ++i) {
            game_session_spec s;
            s.fleet_id = f.fleet.fleet_id;
            f.service.create_game_session(s);
            f.service.terminate_game_session(f.ids[static_cast<std::size_t>(i) % f.ids.size()]);
        }
    });
    std::vector<std::vector<std::string>> listings(3);
    std::vector<std::thread> readers;
    for (std::size_t t = 0; t < listings.size(); ++t) {
        readers.emplace_back([&, t] {
            describe_game_sessions_request r = for_fleet(f.fleet.fleet_id, 3 + static_cast<int>(t));
            for (int page = 0; page < 10000; ++page) {
                auto o = f.service.describe_game_sessions(r);
                if (!o.has_value()) {
                    break;
                }
                for (auto& s : o.value().game_sessions) {
                    listings[t].push_back(*s.game_session_id);
                }
                if (!o.value().next_token) {
                    break;
                }
                r.next_token = o.value().next_token;
            }
        });
    }
    for (auto& t : readers) {
        t.join();
    }
    stop = true;
    writer.join();
    for (const auto& seen : listings) {
        CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == seen.size());
        for (const auto& id : original) {
            CHECK(std::count(seen.begin(), seen.end(), id) == 1);
        }
    }
    CHECK(f.service.requests_served() >= 3u);
}

// ---------------------------------------------------------------------------------------------
// The sample fleet
// ---------------------------------------------------------------------------------------------

TEST_CASE("the sample fleet has 600 sessions across four locations and every status, with a known fleet ID") {
    local_fleet_service service;
    const demo_fleet demo = seed_demo_fleet(service).value();
    CHECK(demo.fleet_id == demo_fleet_id);
    CHECK(demo.fleet_arn == "arn:aws:gamelift:us-west-2:123456789012:fleet/" + std::string(demo_fleet_id));
    CHECK(demo.locations == std::vector<std::string>{"us-west-2", "us-east-1", "eu-west-1", "ap-northeast-1"});
    CHECK(demo.session_count == 600u);
    CHECK(service.game_session_count() == 600u);

    const auto all = list_all(service, for_fleet(demo.fleet_id));
    REQUIRE(all.size() == 600u);
    std::map<std::string, int> by_status;
    std::map<std::string, int> by_location;
    bool some_milliseconds = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const game_session& s = all[i];
        by_status[std::string(s.status->wire())]++;
        by_location[*s.location]++;
        CHECK(s.name);
        CHECK(s.game_properties.size() == 3u);
        CHECK(s.ip_address);
        CHECK(s.dns_name);
        CHECK(s.port);
        CHECK((s.creator_id.has_value() != s.matchmaker_data.has_value()));
        CHECK(*s.current_player_session_count <= *s.maximum_player_session_count);
        CHECK(s.termination_time.has_value() == (s.status == game_session_status::terminated));
        if (i > 0) {
            CHECK(*all[i - 1].creation_time < *s.creation_time);
        }
        some_milliseconds = some_milliseconds || s.creation_time->time_since_epoch().count() % 1000 != 0;
    }
    CHECK(some_milliseconds);
    for (const char* status : {"ACTIVE", "ACTIVATING", "TERMINATED", "TERMINATING", "ERROR"}) {
        CHECK(by_status[status] > 0);
    }
    CHECK(by_location.size() == 4u);

    describe_game_sessions_request by_alias;
    by_alias.alias_id = demo.alias_id;
    CHECK(list_all(service, by_alias).size() == 600u);
}

TEST_CASE("the sample fleet is the same every time") {
    local_fleet_service a;
    local_fleet_service b;
    const demo_fleet da = seed_demo_fleet(a).value();
    const demo_fleet db = seed_demo_fleet(b).value();
    CHECK(da.alias_id == db.alias_id);
    CHECK(list_all(a, for_fleet(da.fleet_id)) == list_all(b, for_fleet(db.fleet_id)));
    CHECK(a.now() == b.now());
}

TEST_CASE("the sample fleet's size and seed are options") {
    local_fleet_service service;
    demo_fleet_options o;
    o.seed = 1;
    o.session_count = 25;
    const demo_fleet demo = seed_demo_fleet(service, o).value();
    CHECK(demo.fleet_id != demo_fleet_id);
    CHECK(list_all(service, for_fleet(demo.fleet_id)).size() == 25u);
    CHECK(seed_demo_fleet(service, o).error().code == "InvalidRequestException");  // the same fleet ID again
}
