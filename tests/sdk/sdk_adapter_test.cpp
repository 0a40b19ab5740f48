// The GameLift adapters over an AWS SDK for C++ client, blocking and async, compiled against the
// fake SDK in each configuration (tests/sdk/CMakeLists.txt): both generations of the generated
// code (PAGINATION_FAKE_SDK_GENERATION), both allocators (PAGINATION_FAKE_SDK_CUSTOM_ALLOCATOR),
// C++17 and C++20.

#include "support/fake_gamelift_sdk.hpp"

#include <pagination/aws/gamelift.hpp>
#include <pagination/aws/gamelift_async.hpp>
#include <pagination/local/demo_fleet.hpp>
#include <pagination/local/fault.hpp>
#include <pagination/local/fleet_service.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace gl = pagination::aws::gamelift;
namespace model = Aws::GameLift::Model;

#if PAGINATION_FAKE_SDK_CUSTOM_ALLOCATOR
static_assert(!std::is_same_v<Aws::String, std::string>, "Aws::String has the SDK's allocator");
static_assert(!std::is_same_v<Aws::Vector<model::GameSession>, std::vector<model::GameSession>>,
              "Aws::Vector has the SDK's allocator");
#else
static_assert(std::is_same_v<Aws::String, std::string>, "Aws::String is std::string");
#endif

namespace {

std::string str(const Aws::String& s) { return std::string(s.c_str(), s.size()); }
Aws::String sdk(const std::string& s) { return Aws::String(s.c_str(), s.size()); }

struct fixture {
    gl::local_fleet_service fleet;
    gl::demo_fleet demo;
    Aws::GameLift::GameLiftClient client;
    fixture() : demo(gl::seed_demo_fleet(fleet).value()), client(fleet) {}

    /// The same request in this library's types (for the own-types path).
    gl::describe_game_sessions_request own(const model::DescribeGameSessionsRequest& r) const {
        gl::describe_game_sessions_request o;
        if (r.FleetIdHasBeenSet()) o.fleet_id = str(r.GetFleetId());
        if (r.GameSessionIdHasBeenSet()) o.game_session_id = str(r.GetGameSessionId());
        if (r.AliasIdHasBeenSet()) o.alias_id = str(r.GetAliasId());
        if (r.LocationHasBeenSet()) o.location = str(r.GetLocation());
        if (r.StatusFilterHasBeenSet()) o.status_filter = gl::parse_game_session_status(str(r.GetStatusFilter())).value();
        return o;
    }
    auto fetcher() {
        return [this](const gl::describe_game_sessions_request& r) { return fleet.describe_game_sessions(r); };
    }
};

/// A request with a custom header and request handlers on the SDK's base class.
model::DescribeGameSessionsRequest decorated() {
    model::DescribeGameSessionsRequest r;
    r.SetAdditionalCustomHeaderValue(sdk("x-game-trace"), sdk("trace-42"));
    r.SetRequestRetryHandler([](const Aws::AmazonWebServiceRequest&) {});
    r.SetContinueRequestHandler([](const Aws::Http::HttpRequest*) { return true; });
    return r;
}

/// Every request the client was sent is the caller's request whole: the same modelled fields
/// (NextToken and Limit aside, which the paginator owns), headers and handlers.
void check_sent_whole(const Aws::GameLift::GameLiftClient& client, const model::DescribeGameSessionsRequest& original,
                      std::optional<int> limit) {
    const auto sent = client.sent();
    REQUIRE_FALSE(sent.empty());
    for (std::size_t i = 0; i < sent.size(); ++i) {
        INFO("request " << i);
        const auto& r = sent[i];
        CHECK(r.FleetIdHasBeenSet() == original.FleetIdHasBeenSet());
        CHECK(r.GetFleetId() == original.GetFleetId());
        CHECK(r.GameSessionIdHasBeenSet() == original.GameSessionIdHasBeenSet());
        CHECK(r.GetGameSessionId() == original.GetGameSessionId());
        CHECK(r.AliasIdHasBeenSet() == original.AliasIdHasBeenSet());
        CHECK(r.GetAliasId() == original.GetAliasId());
        CHECK(r.LocationHasBeenSet() == original.LocationHasBeenSet());
        CHECK(r.GetLocation() == original.GetLocation());
        CHECK(r.StatusFilterHasBeenSet() == original.StatusFilterHasBeenSet());
        CHECK(r.GetStatusFilter() == original.GetStatusFilter());
        if (limit) {
            CHECK(r.LimitHasBeenSet());
            CHECK(r.GetLimit() == *limit);
        }
        CHECK(r.GetAdditionalCustomHeaders() == original.GetAdditionalCustomHeaders());
        CHECK(r.GetAdditionalCustomHeaders().count(sdk("x-game-trace")) == 1);
        CHECK(static_cast<bool>(r.GetRequestRetryHandler()));
        CHECK(static_cast<bool>(r.GetContinueRequestHandler()));
        CHECK(std::string(r.GetServiceRequestName()) == "DescribeGameSessions");
        // NextToken: none on the first page of a fresh listing, the service's on every later one.
        CHECK(r.NextTokenHasBeenSet() == (i > 0));
        if (i > 0) {
            CHECK_FALSE(r.GetNextToken().empty());
        }
    }
}

std::vector<std::string> ids_of(const model::DescribeGameSessionsResult& page) {
    std::vector<std::string> out;
    for (const auto& s : page.GetGameSessions()) {
        out.push_back(str(s.GetGameSessionId()));
    }
    return out;
}

/// Lists a run of the async adapter to its end through the step API.
template <class Run>
std::vector<std::string> drain(Run& run) {
    std::vector<std::string> ids;
    for (int frame = 0; frame < 1000000; ++frame) {
        const auto st = run.poll();
        if (st == pagination::async_status::finished || st == pagination::async_status::failed) {
            break;
        }
        run.take(16, [&](const model::GameSession& s) { ids.push_back(str(s.GetGameSessionId())); });
        std::this_thread::yield();
    }
    return ids;
}

} // namespace

TEST_CASE("SDK: a custom header, the request's handlers and every modelled field survive every page") {
    fixture f;
    SECTION("FleetId, Location and StatusFilter") {
        auto request = decorated();
        request.SetFleetId(sdk(f.demo.fleet_id));
        request.SetLocation(sdk(f.demo.locations.at(1)));
        request.SetStatusFilter("ACTIVE");
        const auto original = request;
        auto run = gl::describe_game_sessions(f.client, request, {std::nullopt, 5, std::nullopt});
        std::size_t n = 0;
        for (const model::GameSession& s : run.items()) {
            CHECK(s.GetStatus() == model::GameSessionStatus::ACTIVE);
            CHECK(str(s.GetLocation()) == f.demo.locations.at(1));
            ++n;
        }
        CHECK(n > 5);
        CHECK(f.client.sent().size() > 2);
        check_sent_whole(f.client, original, 5);
        CHECK_FALSE(request.NextTokenHasBeenSet());  // the caller's own object is untouched
    }
    SECTION("AliasId") {
        auto request = decorated();
        request.SetAliasId(sdk(f.demo.alias_id));
        const auto original = request;
        auto run = gl::describe_game_sessions(f.client, request, {40, 15, std::nullopt});
        CHECK(run.build_full_result().GetGameSessions().size() == 40);
        CHECK(f.client.sent().size() == 3);
        check_sent_whole(f.client, original, 15);
    }
    SECTION("GameSessionId") {
        auto listing = gl::describe_game_sessions(f.fetcher(), f.own(decorated().WithFleetId(sdk(f.demo.fleet_id))),
                                                  {1, std::nullopt, std::nullopt});
        const std::string id = *listing.build_full_result().game_sessions.at(0).game_session_id;
        auto request = decorated();
        request.SetGameSessionId(sdk(id));
        const auto original = request;
        auto run = gl::describe_game_sessions(f.client, request);
        CHECK(ids_of(run.build_full_result()) == std::vector<std::string>{id});
        check_sent_whole(f.client, original, std::nullopt);
        CHECK_FALSE(f.client.sent().at(0).LimitHasBeenSet());
    }
}

TEST_CASE("SDK: GameSession carries the current members and types") {
    static_assert(std::is_same_v<decltype(std::declval<const model::GameSession&>().GetCurrentPlayerSessionCount()), int64_t>);
    static_assert(std::is_same_v<decltype(std::declval<const model::GameSession&>().GetPort()), int64_t>);
    fixture f;
    auto request = decorated();
    request.SetFleetId(sdk(f.demo.fleet_id));
    auto page = gl::describe_game_sessions(f.client, request, {50, 50, std::nullopt}).build_full_result();
    auto own = gl::describe_game_sessions(f.fetcher(), f.own(request), {50, 50, std::nullopt}).build_full_result();
    REQUIRE(page.GetGameSessions().size() == own.game_sessions.size());
    for (std::size_t i = 0; i < own.game_sessions.size(); ++i) {
        const auto& s = page.GetGameSessions()[i];
        const auto& o = own.game_sessions[i];
        CHECK(str(s.GetGameSessionId()) == o.game_session_id.value_or(""));
        CHECK(str(s.GetComputeName()) == o.compute_name.value_or(""));
        CHECK(s.ComputeNameHasBeenSet() == o.compute_name.has_value());
        CHECK(s.GetMaximumPlayerSessionCount() == o.maximum_player_session_count.value_or(0));
        CHECK(s.GetGameProperties().size() == o.game_properties.size());
    }
}

TEST_CASE("SDK: MaxItems, PageSize and resume tokens are the own-types path's, blocking and async") {
    fixture f;
    auto request = decorated();
    request.SetFleetId(sdk(f.demo.fleet_id));
    const auto own_request = f.own(request);
    for (std::size_t max_items : {7u, 40u, 250u}) {
        for (std::size_t page_size : {3u, 25u, 100u}) {
            INFO("max_items " << max_items << " page_size " << page_size);
            std::optional<std::string> own_token, sdk_token, async_token;
            int runs = 0;
            do {
                auto own_run = gl::describe_game_sessions(f.fetcher(), own_request, {max_items, page_size, own_token});
                auto own_page = own_run.build_full_result();
                auto sdk_run = gl::describe_game_sessions(f.client, request, {max_items, page_size, sdk_token});
                auto sdk_page = sdk_run.build_full_result();
                pagination::async_options options;
                options.prefetch = (runs % 2) == 1;
                auto async_run = gl::describe_game_sessions_async(f.client, request, {max_items, page_size, async_token},
                                                                  options);
                const auto async_ids = drain(async_run);
                REQUIRE_FALSE(async_run.error().has_value());

                std::vector<std::string> own_ids;
                for (const auto& s : own_page.game_sessions) {
                    own_ids.push_back(*s.game_session_id);
                }
                CHECK(ids_of(sdk_page) == own_ids);
                CHECK(async_ids == own_ids);
                own_token = own_run.resume_token();
                sdk_token = sdk_run.resume_token();
                async_token = async_run.resume_token();
                CHECK(sdk_token == own_token);
                CHECK(async_token == own_token);
                CHECK(str(sdk_page.GetNextToken()) == own_page.next_token.value_or(""));
                ++runs;
            } while (own_token && runs < 700);
            CHECK_FALSE(sdk_token.has_value());
        }
    }
}

TEST_CASE("SDK: a resume token inside the first page sends the caller's request without a NextToken") {
    fixture f;
    auto request = decorated();
    request.SetFleetId(sdk(f.demo.fleet_id));
    const auto original = request;
    auto first = gl::describe_game_sessions(f.client, request, {3, 10, std::nullopt});
    const auto first_ids = ids_of(first.build_full_result());
    const auto token = first.resume_token();
    REQUIRE(token.has_value());

    Aws::GameLift::GameLiftClient client(f.fleet);
    auto rest = gl::describe_game_sessions(client, request, {4, 10, token});
    const auto rest_ids = ids_of(rest.build_full_result());
    const auto sent = client.sent();
    REQUIRE(sent.size() == 1);
    CHECK_FALSE(sent[0].NextTokenHasBeenSet());  // cleared: the caller's request as it was given
    CHECK(sent[0].GetAdditionalCustomHeaders() == original.GetAdditionalCustomHeaders());

    auto all = gl::describe_game_sessions(f.fetcher(), f.own(request), {7, 10, std::nullopt});
    std::vector<std::string> expected;
    for (const auto& s : all.build_full_result().game_sessions) {
        expected.push_back(*s.game_session_id);
    }
    std::vector<std::string> got = first_ids;
    got.insert(got.end(), rest_ids.begin(), rest_ids.end());
    CHECK(got == expected);
}

TEST_CASE("SDK: a NextToken on the request is the starting token and is replaced on each page") {
    fixture f;
    gl::describe_game_sessions_request first;
    first.fleet_id = f.demo.fleet_id;
    first.limit = 10;
    const auto page = f.fleet.describe_game_sessions(first).value();
    REQUIRE(page.next_token.has_value());

    auto request = decorated();
    request.SetFleetId(sdk(f.demo.fleet_id));
    request.SetNextToken(sdk(*page.next_token));
    auto run = gl::describe_game_sessions(f.client, request, {25, 10, std::nullopt});
    auto ids = ids_of(run.build_full_result());
    CHECK(ids.size() == 25);
    const auto sent = f.client.sent();
    REQUIRE(sent.size() == 3);
    CHECK(str(sent[0].GetNextToken()) == *page.next_token);
    CHECK(sent[1].GetNextToken() != sent[0].GetNextToken());
    CHECK(sent[2].GetNextToken() != sent[1].GetNextToken());
    for (const auto& r : sent) {
        CHECK(r.GetAdditionalCustomHeaders().count(sdk("x-game-trace")) == 1);
    }

    // A starting token that starts without a NextToken cannot unset the request's: refused.
    auto cut = gl::describe_game_sessions(f.fetcher(), f.own(request), {2, 10, std::nullopt});
    (void)cut.build_full_result();
    REQUIRE(cut.resume_token().has_value());
    Aws::GameLift::GameLiftClient client(f.fleet);
    auto conflicting = gl::describe_game_sessions(client, request, {std::nullopt, 10, cut.resume_token()});
    CHECK_THROWS_AS(conflicting.items().begin(), pagination::invalid_request_error);
    CHECK(client.calls == 0);
}

TEST_CASE("SDK: GameLift's request rules are checked through the SDK getters before anything is sent") {
    fixture f;
    struct rule {
        const char* what;
        model::DescribeGameSessionsRequest request;
    };
    std::vector<rule> rules{
        {"FleetId|AliasId|GameSessionId", model::DescribeGameSessionsRequest{}},
        {"FleetId", decorated().WithFleetId("my-fleet")},
        {"AliasId", decorated().WithAliasId("alias with space")},
        {"Location", decorated().WithFleetId(sdk(f.demo.fleet_id)).WithLocation("us_west_2")},
        {"StatusFilter", decorated().WithFleetId(sdk(f.demo.fleet_id)).WithStatusFilter("ERROR")},
        {"StatusFilter", decorated().WithFleetId(sdk(f.demo.fleet_id)).WithStatusFilter("SLEEPING")},
        {"Limit", decorated().WithFleetId(sdk(f.demo.fleet_id)).WithLimit(0)},
        {"NextToken", decorated().WithFleetId(sdk(f.demo.fleet_id)).WithNextToken(sdk(std::string(1025, 'a')))},
    };
    for (const auto& rule : rules) {
        INFO(rule.what);
        auto blocking = gl::describe_game_sessions(f.client, rule.request);
        try {
            (void)blocking.items().begin();
            FAIL("expected an invalid_request_error");
        } catch (const pagination::invalid_request_error& e) {
            CHECK(e.code() == pagination::errc::invalid_request);
            CHECK_THAT(e.what(), Catch::Contains(std::string(rule.what).substr(0, 5)));
        }
        auto async = gl::describe_game_sessions_async(f.client, rule.request);
        CHECK(async.poll() == pagination::async_status::failed);
        REQUIRE(async.error().has_value());
        CHECK(async.error()->code() == pagination::errc::invalid_request);
        CHECK(f.client.calls == 0);
        CHECK(f.fleet.requests_served() == 0);
    }
}

TEST_CASE("SDK: the SDK's error reaches the caller as GameLiftError, a class derived from AWSError") {
    static_assert(std::is_base_of_v<Aws::Client::AWSError<Aws::GameLift::GameLiftErrors>, Aws::GameLift::GameLiftError>);
    fixture f;
    f.fleet.inject_fault(gl::fault::internal_error());
    auto request = decorated();
    request.SetFleetId(sdk(f.demo.fleet_id));
    auto failing = gl::describe_game_sessions(f.client, request);
    try {
        (void)failing.items().begin();
        FAIL("expected a fetch_error");
    } catch (const pagination::fetch_error& e) {
        const auto* original = e.error().fetcher_error<Aws::GameLift::GameLiftError>();
        REQUIRE(original != nullptr);
        CHECK(original->GetErrorType() == Aws::GameLift::GameLiftErrors::INTERNAL_SERVICE);
        CHECK(str(original->GetExceptionName()) == "InternalServiceException");
        CHECK(original->ShouldRetry());
    }
}

#if PAGINATION_FAKE_SDK_CUSTOM_ALLOCATOR
TEST_CASE("SDK: the SDK's strings and lists were allocated through Aws::Allocator") {
    fixture f;
    const std::size_t before = Aws::fake_sdk::allocations();
    auto request = decorated();
    request.SetFleetId(sdk(f.demo.fleet_id));
    auto run = gl::describe_game_sessions(f.client, request, {30, 10, std::nullopt});
    CHECK(run.build_full_result().GetGameSessions().size() == 30);
    CHECK(Aws::fake_sdk::allocations() > before);
}
#endif
