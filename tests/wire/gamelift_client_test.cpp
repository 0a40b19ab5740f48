// The wire client (aws/gamelift_client.hpp) through the public API, over an HTTP client of the
// test's own: an in-memory endpoint that serves the sample fleet through the codec's server half,
// checks that every request is signed, and misbehaves on cue. Blocking and callback forms, the one
// call, retries, the final error and its resume token, and what the debug log may show.

#include <pagination/async.hpp>
#include <pagination/aws/gamelift_async.hpp>
#include <pagination/aws/gamelift_client.hpp>
#include <pagination/aws/gamelift_wire.hpp>
#include <pagination/local/demo_fleet.hpp>
#include <pagination/local/fleet_service.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

namespace aws = pagination::aws;
namespace gl = pagination::aws::gamelift;
namespace http = pagination::http;

constexpr const char* secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// What the endpoint does with the Nth request (1-based) instead of answering.
enum class misbehaviour { none, throttle, internal_error, truncated_body, transport_reset };

/// An HTTP client whose endpoint is in memory: the sample fleet behind the codec's server half.
class fake_http_client {
public:
    fake_http_client() { REQUIRE(gl::seed_demo_fleet(service_)); }

    http::result send(const http::request& request) {
        std::lock_guard<std::mutex> lock(mutex_);
        ++calls_;
        requests_.push_back(request);
        const auto fault = faults_.find(calls_);
        const misbehaviour what = fault == faults_.end() ? misbehaviour::none : fault->second;
        if (what == misbehaviour::transport_reset) {
            return http::transport_error{http::transport_errc::connection_reset, "connection reset by peer"};
        }
        http::response response;
        response.headers.push_back({"x-amzn-RequestId", "req-" + std::to_string(calls_)});
        const std::string* authorization = request.find_header("Authorization");
        if (authorization == nullptr || authorization->rfind("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", 0) != 0 ||
            request.find_header("X-Amz-Date") == nullptr) {
            response.status = 403;
            response.body = gl::error_body(aws::service_error("MissingAuthenticationTokenException", "unsigned"));
            return response;
        }
        if (what == misbehaviour::throttle) {
            response.status = 400;
            response.body = gl::error_body(aws::service_error("ThrottlingException", "Rate exceeded"));
            return response;
        }
        if (what == misbehaviour::internal_error) {
            response.status = 500;
            return response;
        }
        auto parsed = gl::parse_describe_game_sessions_request(request.body);
        REQUIRE(parsed);
        auto page = service_.describe_game_sessions(parsed.value());
        if (!page) {
            response.status = 400;
            response.body = gl::error_body(page.error());
            return response;
        }
        response.status = 200;
        response.body = gl::to_json(page.value());
        if (what == misbehaviour::truncated_body) {
            response.body.resize(response.body.size() / 2);
        }
        return response;
    }

    /// The callback form: answers on a new thread, or inside the call when `synchronous`.
    template <class Callback>
    void async_send(const http::request& request, Callback&& done) {
        if (synchronous) {
            done(send(request));
            return;
        }
        std::thread([this, request, done = std::forward<Callback>(done)]() mutable { done(send(request)); }).detach();
    }

    void fail_on(std::size_t call, misbehaviour what) {
        std::lock_guard<std::mutex> lock(mutex_);
        faults_[call] = what;
    }
    std::size_t calls() {
        std::lock_guard<std::mutex> lock(mutex_);
        return calls_;
    }
    std::vector<http::request> requests() {
        std::lock_guard<std::mutex> lock(mutex_);
        return requests_;
    }

    bool synchronous = false;

private:
    gl::local_fleet_service service_;
    std::mutex mutex_;
    std::size_t calls_ = 0;
    std::map<std::size_t, misbehaviour> faults_;
    std::vector<http::request> requests_;
};

aws::client_config test_config() {
    aws::client_config config;
    config.region = "us-west-2";
    config.endpoint_url = "https://gamelift.us-west-2.amazonaws.com";
    config.credentials.access_key_id = "AKIDEXAMPLE";
    config.credentials.secret_access_key = secret;
    config.credentials.session_token = "session-token-EXAMPLE";
    return config;
}

gl::describe_game_sessions_request fleet_request() {
    gl::describe_game_sessions_request request;
    request.fleet_id = std::string(gl::demo_fleet_id);
    return request;
}

std::vector<std::string> ids_of(const std::vector<gl::game_session>& sessions) {
    std::vector<std::string> ids;
    for (const gl::game_session& s : sessions) {
        ids.push_back(s.game_session_id.value_or(""));
    }
    return ids;
}

/// The listing as the in-process paginator gives it, for comparison.
std::vector<std::string> expected_ids() {
    gl::local_fleet_service service;
    REQUIRE(gl::seed_demo_fleet(service));
    auto all = gl::describe_game_sessions([&](const gl::describe_game_sessions_request& r) {
        return service.describe_game_sessions(r);
    }, fleet_request(), {std::nullopt, 50, std::nullopt});
    return ids_of(all.build_full_result().game_sessions);
}

gl::wire_client_hooks no_sleep(std::vector<std::chrono::milliseconds>* delays = nullptr) {
    gl::wire_client_hooks hooks;
    hooks.sleep = [delays](std::chrono::milliseconds d) {
        if (delays != nullptr) {
            delays->push_back(d);
        }
    };
    hooks.timer = [](std::chrono::milliseconds, std::function<void()> again) { std::thread(std::move(again)).detach(); };
    return hooks;
}

}  // namespace

TEST_CASE("the one call lists the fleet over the wire, exactly as the in-process paginator does", "[wire][client]") {
    fake_http_client http;
    auto sessions = gl::describe_game_sessions(http, test_config(), fleet_request(), {std::nullopt, 50, std::nullopt});
    CHECK(ids_of(sessions.build_full_result().game_sessions) == expected_ids());
    CHECK(http.calls() == 12);
    for (const http::request& r : http.requests()) {
        CHECK(r.method == "POST");
        CHECK(r.url == "https://gamelift.us-west-2.amazonaws.com/");
        REQUIRE(r.find_header("X-Amz-Target") != nullptr);
        CHECK(*r.find_header("X-Amz-Target") == "GameLift.DescribeGameSessions");
        REQUIRE(r.find_header("X-Amz-Security-Token") != nullptr);
        CHECK(*r.find_header("X-Amz-Security-Token") == "session-token-EXAMPLE");
    }
}

TEST_CASE("MaxItems cuts and the resume token continues exactly over the wire", "[wire][client]") {
    fake_http_client http;
    const std::vector<std::string> all = expected_ids();
    std::vector<std::string> listed;
    std::optional<std::string> token;
    int runs = 0;
    do {
        auto run = gl::describe_game_sessions(http, test_config(), fleet_request(), {std::size_t{77}, 40, token});
        const auto page = run.build_full_result();
        for (const std::string& id : ids_of(page.game_sessions)) {
            listed.push_back(id);
        }
        token = run.resume_token();
        ++runs;
    } while (token && runs < 20);
    CHECK(runs == 8);
    CHECK(listed == all);
}

TEST_CASE("throttling, 500s, truncated bodies and resets are retried with the same request", "[wire][client]") {
    fake_http_client http;
    http.fail_on(2, misbehaviour::throttle);
    http.fail_on(4, misbehaviour::internal_error);
    http.fail_on(6, misbehaviour::truncated_body);
    http.fail_on(8, misbehaviour::transport_reset);
    std::vector<std::chrono::milliseconds> delays;
    gl::wire_client<fake_http_client> client(http, test_config(), no_sleep(&delays));
    auto sessions = gl::describe_game_sessions(client, fleet_request(), {std::nullopt, 50, std::nullopt});
    CHECK(ids_of(sessions.build_full_result().game_sessions) == expected_ids());
    CHECK(http.calls() == 16);
    CHECK(delays.size() == 4);
    for (const auto d : delays) {
        CHECK(d <= std::chrono::milliseconds(2000));
    }
    const gl::wire_client_stats stats = client.stats();
    CHECK(stats.requests == 16);
    CHECK(stats.retries == 4);
    CHECK(stats.throttles == 1);
    // A retry sends the same body: the request after each failure repeats it.
    const std::vector<http::request> sent = http.requests();
    for (const std::size_t failed : {2U, 4U, 6U, 8U}) {
        CHECK(sent[failed].body == sent[failed - 1].body);
    }
}

TEST_CASE("past the attempts the run ends with a typed error and a resume token that gives the rest",
          "[wire][client]") {
    fake_http_client http;
    for (std::size_t call = 3; call <= 5; ++call) {
        http.fail_on(call, misbehaviour::throttle);
    }
    gl::wire_client<fake_http_client> client(http, test_config(), no_sleep());
    auto run = gl::describe_game_sessions(client, fleet_request(), {std::nullopt, 50, std::nullopt});
    std::vector<std::string> listed;
    bool failed = false;
    try {
        for (const gl::game_session& s : run.items()) {
            listed.push_back(s.game_session_id.value_or(""));
        }
    } catch (const pagination::fetch_error& e) {
        failed = true;
        const aws::service_error* cause = e.error().fetcher_error<aws::service_error>();
        REQUIRE(cause != nullptr);
        CHECK(cause->code == "ThrottlingException");
        CHECK(cause->attempts == 3);
        CHECK(cause->retries_exhausted);
        CHECK(cause->request_id == "req-5");
    }
    CHECK(failed);
    CHECK(listed.size() == 100);
    const std::optional<std::string> token = run.resume_token();
    REQUIRE(token);
    auto rest = gl::describe_game_sessions(http, test_config(), fleet_request(), {std::nullopt, 50, token});
    for (const std::string& id : ids_of(rest.build_full_result().game_sessions)) {
        listed.push_back(id);
    }
    CHECK(listed == expected_ids());
}

TEST_CASE("a request the service would refuse is not sent", "[wire][client]") {
    fake_http_client http;
    gl::describe_game_sessions_request nothing;
    auto run = gl::describe_game_sessions(http, test_config(), nothing);
    CHECK_THROWS_AS(run.build_full_result(), pagination::invalid_request_error);
    CHECK(http.calls() == 0);
}

TEST_CASE("the debug log shows requests and answers, never the secret, the signature or the token",
          "[wire][client]") {
    fake_http_client http;
    std::vector<std::string> log;
    gl::wire_client_hooks hooks;
    hooks.debug_log = [&](std::string_view line) { log.emplace_back(line); };
    gl::wire_client<fake_http_client> client(http, test_config(), std::move(hooks));
    auto run = gl::describe_game_sessions(client, fleet_request(), {std::size_t{3}, std::nullopt, std::nullopt});
    CHECK(run.build_full_result().game_sessions.size() == 3);
    REQUIRE(log.size() == 2);
    CHECK(log[0].find("GameLift.DescribeGameSessions") != std::string::npos);
    CHECK(log[1].find("HTTP 200") != std::string::npos);
    const std::string signature = *http.requests()[0].find_header("Authorization");
    const std::string signature_hex = signature.substr(signature.rfind('=') + 1);
    for (const std::string& line : log) {
        CHECK(line.find(secret) == std::string::npos);
        CHECK(line.find("session-token-EXAMPLE") == std::string::npos);
        CHECK(line.find(signature_hex) == std::string::npos);
    }
}

TEST_CASE("the callback form lists the fleet through the async paginator, with retries through the timer",
          "[wire][client][async]") {
    for (const bool synchronous : {false, true}) {
        CAPTURE(synchronous);
        fake_http_client http;
        http.synchronous = synchronous;
        http.fail_on(3, misbehaviour::throttle);
        http.fail_on(7, misbehaviour::truncated_body);
        std::atomic<int> timer_calls{0};
        gl::wire_client_hooks hooks;
        hooks.timer = [&](std::chrono::milliseconds, std::function<void()> again) {
            ++timer_calls;
            std::thread(std::move(again)).detach();
        };
        gl::wire_client<fake_http_client> client(http, test_config(), std::move(hooks));
        auto run = gl::describe_game_sessions_async(client, fleet_request(), {std::nullopt, 50, std::nullopt});
        std::vector<std::string> listed;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        pagination::async_status status = run.poll();
        while (status != pagination::async_status::finished && status != pagination::async_status::failed &&
               std::chrono::steady_clock::now() < deadline) {
            run.take(1000, [&](const gl::game_session& s) { listed.push_back(s.game_session_id.value_or("")); });
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            status = run.poll();
        }
        run.take(1000, [&](const gl::game_session& s) { listed.push_back(s.game_session_id.value_or("")); });
        CHECK(status == pagination::async_status::finished);
        CHECK(listed == expected_ids());
        CHECK(timer_calls.load() == 2);
        CHECK(client.stats().retries == 2);
    }
}
