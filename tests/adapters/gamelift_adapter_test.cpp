// The GameLift adapter end to end: the library's types over a local fleet, validation before any
// request, faults, sessions changing during a listing, and an AWS SDK-shaped client.

#include "support/fake_gamelift_sdk.hpp"

#include <pagination/aws/gamelift.hpp>
#include <pagination/aws/gamelift_async.hpp>
#include <pagination/local/demo_fleet.hpp>
#include <pagination/local/fault.hpp>
#include <pagination/local/fleet_service.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <thread>
#include <string>
#include <vector>

namespace gl = pagination::aws::gamelift;

namespace {

struct fixture {
    gl::local_fleet_service fleet;
    gl::demo_fleet demo;
    fixture() : demo(gl::seed_demo_fleet(fleet).value()) {}

    auto fetcher() {
        return [this](const gl::describe_game_sessions_request& r) { return fleet.describe_game_sessions(r); };
    }
    gl::describe_game_sessions_request request() const {
        gl::describe_game_sessions_request r;
        r.fleet_id = demo.fleet_id;
        return r;
    }
};

/// An SDK string (Aws::String, whatever its allocator) as a std::string.
template <class S>
std::string str(const S& s) {
    return std::string(s.c_str(), s.size());
}

std::vector<std::string> ids_of(const std::vector<gl::game_session>& sessions) {
    std::vector<std::string> out;
    for (const auto& s : sessions) {
        out.push_back(s.game_session_id.value_or(""));
    }
    return out;
}

/// Every session of the request, by following NextToken by hand with the largest page.
std::vector<std::string> listing_by_hand(gl::local_fleet_service& fleet, gl::describe_game_sessions_request r) {
    std::vector<std::string> out;
    r.limit = 100;
    while (true) {
        auto outcome = fleet.describe_game_sessions(r);
        REQUIRE(outcome.has_value());
        for (const auto& s : outcome.value().game_sessions) {
            out.push_back(*s.game_session_id);
        }
        if (!outcome.value().next_token) {
            return out;
        }
        r.next_token = outcome.value().next_token;
    }
}

} // namespace

TEST_CASE("describe_game_sessions lists every session of the demo fleet across pages") {
    fixture f;
    auto sessions = gl::describe_game_sessions(f.fetcher(), f.request(), {std::nullopt, 25, std::nullopt});
    std::vector<std::string> ids;
    for (const gl::game_session& s : sessions.items()) {
        ids.push_back(*s.game_session_id);
    }
    CHECK(ids.size() == f.demo.session_count);
    CHECK(ids == listing_by_hand(f.fleet, f.request()));
    CHECK_FALSE(sessions.resume_token().has_value());
    CHECK(f.fleet.requests_served() > 1);
}

TEST_CASE("MaxItems and resume tokens walk the fleet in chained runs with nothing lost or twice") {
    fixture f;
    const auto everything = listing_by_hand(f.fleet, f.request());
    for (std::size_t max_items : {1u, 7u, 40u, 99u, 250u}) {
        for (std::size_t page_size : {3u, 25u, 100u}) {
            std::vector<std::string> ids;
            std::optional<std::string> token;
            int runs = 0;
            do {
                auto run = gl::describe_game_sessions(f.fetcher(), f.request(), {max_items, page_size, token});
                auto page = run.build_full_result();
                CHECK(page.game_sessions.size() <= max_items);
                auto got = ids_of(page.game_sessions);
                ids.insert(ids.end(), got.begin(), got.end());
                token = page.next_token;
                CHECK(token == run.resume_token());
                ++runs;
            } while (token && runs < 1000);
            INFO("max_items " << max_items << " page_size " << page_size);
            CHECK(ids == everything);
        }
    }
}

TEST_CASE("filters by status and location reach the service on every page") {
    fixture f;
    auto r = f.request();
    r.status_filter = gl::game_session_status::active;
    r.location = "eu-west-1";
    auto sessions = gl::describe_game_sessions(f.fetcher(), r, {std::nullopt, 10, std::nullopt});
    std::size_t count = 0;
    for (const auto& s : sessions.items()) {
        CHECK(s.status == gl::game_session_status::active);
        CHECK(s.location == "eu-west-1");
        ++count;
    }
    CHECK(count > 0);
    CHECK(count == listing_by_hand(f.fleet, r).size());
}

TEST_CASE("a request that breaks a service rule is rejected before anything is sent") {
    fixture f;
    struct rule {
        const char* what;
        gl::describe_game_sessions_request request;
        pagination::pagination_config config;
    };
    auto with = [&](auto change) {
        auto r = f.request();
        change(r);
        return r;
    };
    std::vector<rule> rules{
        {"FleetId|AliasId|GameSessionId", gl::describe_game_sessions_request{}, {}},
        {"FleetId", with([](auto& r) { r.fleet_id = "my-fleet"; }), {}},
        {"AliasId", with([](auto& r) { r.fleet_id.reset(); r.alias_id = "alias with space"; }), {}},
        {"GameSessionId", with([](auto& r) { r.game_session_id = std::string(257, 'a'); }), {}},
        {"GameSessionId", with([](auto& r) { r.game_session_id = "bad id!"; }), {}},
        {"Location", with([](auto& r) { r.location = "us_west_2"; }), {}},
        {"Location", with([](auto& r) { r.location = std::string(65, 'a'); }), {}},
        {"StatusFilter", with([](auto& r) { r.status_filter = gl::game_session_status::error; }), {}},
        {"Limit", f.request(), {std::nullopt, 0, std::nullopt}},
        {"NextToken", f.request(), {std::nullopt, std::nullopt, std::string(1025, 'a')}},
    };
    for (const auto& rule : rules) {
        INFO(rule.what);
        auto sessions = gl::describe_game_sessions(f.fetcher(), rule.request, rule.config);
        try {
            (void)sessions.items().begin();
            FAIL("expected an invalid_request_error");
        } catch (const pagination::invalid_request_error& e) {
            CHECK(e.code() == pagination::errc::invalid_request);
            CHECK_THAT(e.what(), Catch::Contains(std::string(rule.what).substr(0, 5)));
        }
        CHECK(f.fleet.requests_served() == 0);
    }
}

TEST_CASE("a service error ends the run with the service's error and the position kept") {
    fixture f;
    auto sessions = gl::describe_game_sessions(f.fetcher(), f.request(), {std::nullopt, 50, std::nullopt});
    std::vector<std::string> ids;
    auto it = sessions.items().begin();
    for (int i = 0; i < 50; ++i, ++it) {
        ids.push_back(*it->game_session_id);
    }
    f.fleet.inject_fault(gl::fault::throttling());
    try {
        for (; it != pagination::end_sentinel{}; ++it) {
            ids.push_back(*it->game_session_id);
        }
        FAIL("expected a fetch_error");
    } catch (const pagination::fetch_error& e) {
        const gl::service_error* original = e.error().fetcher_error<gl::service_error>();
        REQUIRE(original != nullptr);
        CHECK(original->code == "ThrottlingException");
        CHECK(original->retryable());
    }
    auto rest = gl::describe_game_sessions(f.fetcher(), f.request(), {std::nullopt, 50, sessions.resume_token()});
    for (const auto& s : rest.items()) {
        ids.push_back(*s.game_session_id);
    }
    CHECK(ids == listing_by_hand(f.fleet, f.request()));
}

TEST_CASE("a repeated token from the service is the repeated-token error; empty pages are followed") {
    fixture f;
    auto sessions = gl::describe_game_sessions(f.fetcher(), f.request(), {std::nullopt, 100, std::nullopt});
    auto it = sessions.pages().begin();
    f.fleet.inject_fault(gl::fault::repeated_token());
    ++it;
    CHECK_THROWS_AS(++it, pagination::repeated_token_error);

    fixture g;
    g.fleet.inject_fault(gl::fault::empty_page());
    g.fleet.inject_fault(gl::fault::empty_page());
    auto all = gl::describe_game_sessions(g.fetcher(), g.request(), {std::nullopt, 100, std::nullopt});
    CHECK(ids_of(all.build_full_result().game_sessions) == listing_by_hand(g.fleet, g.request()));
}

TEST_CASE("sessions created and terminated during a listing are never listed twice, and none that lived throughout is missed") {
    fixture f;
    const auto before = listing_by_hand(f.fleet, f.request());
    auto sessions = gl::describe_game_sessions(f.fetcher(), f.request(), {std::nullopt, 20, std::nullopt});
    std::vector<std::string> ids;
    std::set<std::string> terminated;
    int n = 0;
    for (const auto& s : sessions.items()) {
        ids.push_back(*s.game_session_id);
        if (++n % 20 == 0) {
            gl::game_session_spec spec;
            spec.fleet_id = f.demo.fleet_id;
            REQUIRE(f.fleet.create_game_session(spec).has_value());
            const std::string& victim = before.at(static_cast<std::size_t>(n * 7) % before.size());
            if (f.fleet.terminate_game_session(victim).has_value()) {
                terminated.insert(victim);
            }
        }
    }
    std::set<std::string> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
    for (const auto& id : before) {
        CHECK(unique.count(id) == 1);
    }
}

TEST_CASE("an AWS SDK-shaped GameLiftClient gets MaxItems and resume tokens over its own types") {
    fixture f;
    Aws::GameLift::GameLiftClient client(f.fleet);
    const auto everything = listing_by_hand(f.fleet, f.request());

    Aws::GameLift::Model::DescribeGameSessionsRequest request;
    request.SetFleetId(f.demo.fleet_id.c_str());
    std::vector<std::string> ids;
    std::optional<std::string> token;
    do {
        auto run = gl::describe_game_sessions(client, request, {45, 20, token});
        for (const Aws::GameLift::Model::GameSession& s : run.items()) {
            ids.push_back(str(s.GetGameSessionId()));
        }
        token = run.resume_token();
    } while (token);
    CHECK(ids == everything);

    auto full = gl::describe_game_sessions(client, request, {30, 25, std::nullopt}).build_full_result();
    CHECK(full.GetGameSessions().size() == 30);
    CHECK_FALSE(full.GetNextToken().empty());
    auto after = gl::describe_game_sessions(client, request, {std::nullopt, 25, str(full.GetNextToken())});
    std::vector<std::string> rest;
    for (const auto& s : after.items()) {
        rest.push_back(str(s.GetGameSessionId()));
    }
    CHECK(rest == std::vector<std::string>(everything.begin() + 30, everything.end()));
}

TEST_CASE("an SDK request that carries a NextToken starts from it, and the SDK's error reaches the caller") {
    fixture f;
    Aws::GameLift::GameLiftClient client(f.fleet);
    gl::describe_game_sessions_request first = f.request();
    first.limit = 10;
    auto page = f.fleet.describe_game_sessions(first).value();
    REQUIRE(page.next_token.has_value());

    Aws::GameLift::Model::DescribeGameSessionsRequest request;
    request.SetFleetId(f.demo.fleet_id.c_str());
    request.SetLimit(10);
    request.SetNextToken(page.next_token->c_str());
    auto run = gl::describe_game_sessions(client, request, {5, std::nullopt, std::nullopt});
    std::vector<std::string> ids;
    for (const auto& s : run.items()) {
        ids.push_back(str(s.GetGameSessionId()));
    }
    const auto everything = listing_by_hand(f.fleet, f.request());
    CHECK(ids == std::vector<std::string>(everything.begin() + 10, everything.begin() + 15));

    f.fleet.inject_fault(gl::fault::internal_error());
    auto failing = gl::describe_game_sessions(client, request);
    try {
        (void)failing.items().begin();
        FAIL("expected a fetch_error");
    } catch (const pagination::fetch_error& e) {
        const auto* original = e.error().fetcher_error<Aws::GameLift::GameLiftError>();
        REQUIRE(original != nullptr);
        CHECK(original->GetExceptionName() == "InternalServiceException");
        CHECK(original->ShouldRetry());
        CHECK_THAT(e.what(), Catch::Contains("InternalServiceException"));
    }
}

TEST_CASE("an SDK client's DescribeGameSessionsAsync is paginated without blocking, with MaxItems and resume tokens") {
    fixture f;
    Aws::GameLift::GameLiftClient client(f.fleet);
    const auto everything = listing_by_hand(f.fleet, f.request());
    Aws::GameLift::Model::DescribeGameSessionsRequest request;
    request.SetFleetId(f.demo.fleet_id.c_str());
    std::vector<std::string> ids;
    std::optional<std::string> token;
    do {
        pagination::async_options options;
        options.prefetch = true;
        auto run = gl::describe_game_sessions_async(client, request, {70, 30, token}, options);
        for (int frame = 0; frame < 1000000 && run.poll() != pagination::async_status::finished; ++frame) {
            run.take(16, [&](const Aws::GameLift::Model::GameSession& s) { ids.push_back(str(s.GetGameSessionId())); });
            std::this_thread::yield();
        }
        REQUIRE_FALSE(run.error().has_value());
        token = run.resume_token();
    } while (token);
    CHECK(ids == everything);
}

TEST_CASE("fan_out lists every location of a fleet at once and each stream resumes on its own") {
    fixture f;
    auto fetch = [&f](const gl::describe_game_sessions_request& r, auto done) { done(f.fleet.describe_game_sessions(r)); };
    std::vector<gl::describe_game_sessions_request> requests;
    for (const std::string& location : f.demo.locations) {
        auto r = f.request();
        r.location = location;
        requests.push_back(r);
    }
    pagination::fan_out<decltype(fetch), gl::describe_game_sessions_tokens, gl::describe_game_sessions_limit> all(
        fetch, requests, {pagination::pagination_config{30, 10, std::nullopt}}, 2);
    std::vector<std::vector<std::string>> got(requests.size());
    for (int step = 0; step < 10000; ++step) {
        const auto st = all.poll();
        if (st == pagination::async_status::finished || st == pagination::async_status::failed) {
            break;
        }
        all.take(7, [&](std::size_t stream, const gl::game_session& s) { got[stream].push_back(*s.game_session_id); });
    }
    const auto tokens = all.resume_tokens();
    CHECK(all.gate().peak() <= 2);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        CHECK(got[i].size() == 30);
        auto rest = gl::describe_game_sessions(f.fetcher(), requests[i], {std::nullopt, 10, tokens[i]});
        for (const auto& s : rest.items()) {
            got[i].push_back(*s.game_session_id);
        }
        CHECK(got[i] == listing_by_hand(f.fleet, requests[i]));
    }
}
