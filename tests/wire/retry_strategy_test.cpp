// The AWS SDKs' retry modes (aws/retry_strategy.hpp): attempts, what is retried, backoff bounds,
// the standard mode's quota, and the blocking driver's marks on the final error. Every random
// value comes from a fixed source, so each delay is exact.

#include <pagination/aws/retry_strategy.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace pagination;
using aws::retry_decision;
using aws::retry_mode;
using aws::retry_quota;
using aws::retry_settings;
using aws::retry_state;
using aws::retry_strategy;
using aws::service_error;
using std::chrono::milliseconds;

service_error with_status(std::string code, int status) {
    service_error e{std::move(code), "m"};
    e.http_status = status;
    return e;
}

service_error transport(http::transport_errc code) { return aws::transport_failure({code, "x"}); }

retry_strategy::random_source fixed(double r) {
    return [r] { return r; };
}

// How many attempts the strategy allows for `e` repeated, with no waiting.
int attempts_for(retry_strategy& s, const service_error& e) {
    retry_state state;
    for (;;) {
        ++state.attempts;
        if (!s.after_failure(e, state).retry) {
            return state.attempts;
        }
    }
}

// An outcome as the driver expects it (has_value / mutable error()).
struct outcome {
    std::optional<int> value;
    service_error err;
    bool has_value() const { return value.has_value(); }
    service_error& error() { return err; }
};

}  // namespace

TEST_CASE("Standard mode makes 3 attempts and legacy mode 5, unless the settings say otherwise") {
    retry_strategy standard{retry_settings{retry_mode::standard, 0}, nullptr, fixed(0.0)};
    retry_strategy legacy{retry_settings{retry_mode::legacy, 0}, nullptr, fixed(0.0)};
    CHECK(standard.max_attempts() == 3);
    CHECK(legacy.max_attempts() == 5);
    const service_error e = with_status("InternalServiceException", 500);
    CHECK(attempts_for(standard, e) == 3);
    CHECK(attempts_for(legacy, e) == 5);

    retry_strategy seven{retry_settings{retry_mode::standard, 7}, nullptr, fixed(0.0)};
    CHECK(attempts_for(seven, e) == 7);
    retry_strategy one{retry_settings{retry_mode::legacy, 1}, nullptr, fixed(0.0)};
    CHECK(attempts_for(one, e) == 1);
    retry_strategy negative{retry_settings{retry_mode::standard, -4}, nullptr, fixed(0.0)};
    CHECK(negative.max_attempts() == 3);
}

TEST_CASE("Standard mode retries throttling, transient and fault codes, 5xx statuses and transport failures") {
    retry_strategy s{retry_settings{}, nullptr, fixed(0.5)};
    for (const auto code : aws::throttling_error_codes) {
        CHECK(s.retryable(with_status(std::string(code), 400)));
    }
    for (const auto code : aws::transient_error_codes) {
        CHECK(s.retryable(with_status(std::string(code), 400)));
    }
    CHECK(s.retryable(with_status("InternalServiceException", 500)));
    for (const int status : {500, 502, 503, 504}) {
        CHECK(s.retryable(with_status("", status)));
    }
    CHECK(s.retryable(with_status("", 429)));  // throttling by status
    CHECK(s.retryable(transport(http::transport_errc::connect_failed)));
    CHECK(s.retryable(transport(http::transport_errc::timed_out)));
    CHECK(s.retryable(transport(http::transport_errc::connection_reset)));
    service_error malformed{"MalformedResponse", "truncated"};
    malformed.source = aws::error_source::malformed_response;
    malformed.http_status = 200;
    CHECK(s.retryable(malformed));

    SECTION("and nothing else") {
        CHECK_FALSE(s.retryable(with_status("NotFoundException", 400)));
        CHECK_FALSE(s.retryable(with_status("InvalidRequestException", 400)));
        CHECK_FALSE(s.retryable(with_status("UnauthorizedException", 400)));
        CHECK_FALSE(s.retryable(with_status("AccessDenied", 403)));
        CHECK_FALSE(s.retryable(with_status("", 501)));
        CHECK_FALSE(s.retryable(with_status("", 509)));
        CHECK_FALSE(s.retryable(transport(http::transport_errc::cancelled)));
        retry_state state{1, 0};
        const retry_decision d = s.after_failure(with_status("NotFoundException", 400), state);
        CHECK_FALSE(d.retry);
        CHECK_FALSE(d.retries_exhausted);
        CHECK(s.quota()->available() == retry_quota::initial_capacity);
    }
}

TEST_CASE("Legacy mode retries botocore's _retry.json set: 429/500/502/503/504/509, its throttling codes, "
          "connection errors") {
    retry_strategy s{retry_settings{retry_mode::legacy, 0}, nullptr, fixed(0.5)};
    for (const int status : {429, 500, 502, 503, 504, 509}) {
        CHECK(s.retryable(with_status("", status)));
    }
    for (const char* code : {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
                             "ProvisionedThroughputExceededException"}) {
        CHECK(s.retryable(with_status(code, 400)));
        CHECK_FALSE(s.retryable(with_status(code, 403)));  // the policy names status 400
    }
    CHECK(s.retryable(transport(http::transport_errc::connect_failed)));
    CHECK(s.retryable(transport(http::transport_errc::timed_out)));
    CHECK(s.retryable(transport(http::transport_errc::connection_reset)));

    CHECK_FALSE(s.retryable(with_status("TooManyRequestsException", 400)));  // standard mode's, not legacy's
    CHECK_FALSE(s.retryable(with_status("RequestTimeout", 400)));
    CHECK_FALSE(s.retryable(with_status("InternalServiceException", 400)));
    CHECK_FALSE(s.retryable(with_status("NotFoundException", 400)));
    CHECK_FALSE(s.retryable(with_status("", 501)));
    CHECK_FALSE(s.retryable(transport(http::transport_errc::cancelled)));
}

TEST_CASE("Standard delays are random(0,1) * min(2^(n-1), 20) seconds") {
    retry_strategy s{retry_settings{retry_mode::standard, 10}, nullptr, fixed(0.5)};
    CHECK(s.delay_before_retry(1, 0.5) == milliseconds(500));
    CHECK(s.delay_before_retry(2, 0.5) == milliseconds(1000));
    CHECK(s.delay_before_retry(3, 0.5) == milliseconds(2000));
    CHECK(s.delay_before_retry(5, 0.5) == milliseconds(8000));
    CHECK(s.delay_before_retry(6, 0.5) == milliseconds(10000));   // 2^5 = 32, capped at 20
    CHECK(s.delay_before_retry(60, 0.999) == milliseconds(19980));
    CHECK(s.delay_before_retry(3, 0.0) == milliseconds(0));

    SECTION("the decision carries the delay of its retry") {
        retry_state state;
        std::vector<milliseconds> delays;
        const service_error e = with_status("ThrottlingException", 400);
        for (;;) {
            ++state.attempts;
            const retry_decision d = s.after_failure(e, state);
            if (!d.retry) {
                break;
            }
            delays.push_back(d.delay);
        }
        CHECK(delays == std::vector<milliseconds>{milliseconds(500), milliseconds(1000), milliseconds(2000),
                                                  milliseconds(4000), milliseconds(8000), milliseconds(10000),
                                                  milliseconds(10000), milliseconds(10000), milliseconds(10000)});
    }
    SECTION("the default random source stays within the bounds") {
        retry_strategy d{retry_settings{retry_mode::standard, 10}};
        for (int n = 1; n <= 9; ++n) {
            retry_state state{n, 0};
            const retry_decision decision = d.after_failure(with_status("", 503), state);
            REQUIRE(decision.retry);
            const long long cap = n >= 6 ? 20000 : (1000LL << (n - 1));
            CHECK(decision.delay.count() >= 0);
            CHECK(decision.delay.count() < cap);
        }
    }
}

TEST_CASE("Legacy delays are random(0,1) * 2^(n-1) seconds, without the 20 s cap") {
    retry_strategy s{retry_settings{retry_mode::legacy, 0}, nullptr, fixed(0.25)};
    CHECK(s.delay_before_retry(1, 0.25) == milliseconds(250));
    CHECK(s.delay_before_retry(4, 0.25) == milliseconds(2000));
    CHECK(s.delay_before_retry(7, 0.5) == milliseconds(32000));
    CHECK(s.delay_before_retry(200, 0.5).count() > 0);  // huge, but no overflow
    retry_state state{2, 0};
    const retry_decision d = s.after_failure(with_status("", 509), state);
    CHECK(d.retry);
    CHECK(d.delay == milliseconds(500));
    CHECK(state.quota_held == 0);
    CHECK(s.quota()->available() == retry_quota::initial_capacity);  // legacy has no quota
}

TEST_CASE("The standard quota: a retry costs 5, after a timeout 10; a success refunds the last retry's cost, "
          "or 1, up to 500") {
    auto quota = std::make_shared<retry_quota>();
    retry_strategy s{retry_settings{}, quota, fixed(0.0)};
    REQUIRE(quota->available() == 500);

    retry_state a;
    a.attempts = 1;
    REQUIRE(s.after_failure(with_status("", 503), a).retry);
    CHECK(quota->available() == 495);
    CHECK(a.quota_held == 5);

    retry_state b;
    b.attempts = 1;
    REQUIRE(s.after_failure(transport(http::transport_errc::timed_out), b).retry);
    CHECK(quota->available() == 485);
    CHECK(b.quota_held == 10);

    b.attempts = 2;
    REQUIRE(s.after_failure(transport(http::transport_errc::connection_reset), b).retry);
    CHECK(quota->available() == 480);
    CHECK(b.quota_held == 5);

    s.after_success(b);  // the last retry took 5
    CHECK(quota->available() == 485);
    s.after_success(a);
    CHECK(quota->available() == 490);
    s.after_success(retry_state{1, 0});
    CHECK(quota->available() == 491);
    for (int i = 0; i < 20; ++i) {
        s.after_success(retry_state{1, 0});
    }
    CHECK(quota->available() == 500);  // capped
}

TEST_CASE("An empty quota stops retries, and the error is then final with retries exhausted") {
    auto quota = std::make_shared<retry_quota>(12);
    retry_strategy s{retry_settings{retry_mode::standard, 100}, quota, fixed(0.0)};
    // Two strategies of one client share the quota.
    retry_strategy other{retry_settings{retry_mode::standard, 100}, quota, fixed(0.0)};
    retry_state state;
    state.attempts = 1;
    CHECK(s.after_failure(with_status("", 500), state).retry);       // 12 -> 7
    state.attempts = 2;
    CHECK(other.after_failure(with_status("", 500), state).retry);   // 7 -> 2
    state.attempts = 3;
    const retry_decision d = s.after_failure(with_status("", 500), state);
    CHECK_FALSE(d.retry);
    CHECK(d.retries_exhausted);
    CHECK(quota->available() == 2);
    // A timeout needs 10: not there either, and nothing is taken.
    const retry_decision t = s.after_failure(transport(http::transport_errc::timed_out), state);
    CHECK_FALSE(t.retry);
    CHECK(quota->available() == 2);
    // Successes refill it until a retry fits again.
    for (int i = 0; i < 3; ++i) {
        s.after_success(retry_state{1, 0});
    }
    CHECK(quota->available() == 5);
    CHECK(s.after_failure(with_status("", 500), state).retry);
    CHECK(quota->available() == 0);
}

TEST_CASE("send_with_retries resends until success and refunds the quota") {
    auto quota = std::make_shared<retry_quota>();
    retry_strategy s{retry_settings{}, quota, fixed(0.5)};
    int calls = 0;
    std::vector<milliseconds> slept;
    outcome o = aws::send_with_retries(
        s,
        [&] {
            ++calls;
            if (calls < 3) {
                return outcome{std::nullopt, with_status("ThrottlingException", 400)};
            }
            return outcome{42, {}};
        },
        [&](milliseconds d) { slept.push_back(d); });
    REQUIRE(o.has_value());
    CHECK(*o.value == 42);
    CHECK(calls == 3);
    CHECK(slept == std::vector<milliseconds>{milliseconds(500), milliseconds(1000)});
    CHECK(quota->available() == 500 - 10 + 5);
}

TEST_CASE("send_with_retries marks the final error with its attempts and whether retries ran out") {
    retry_strategy s{retry_settings{}, nullptr, fixed(0.0)};
    int calls = 0;
    auto sleep = [](milliseconds) {};

    outcome exhausted = aws::send_with_retries(
        s, [&] { return ++calls, outcome{std::nullopt, with_status("InternalServiceException", 500)}; }, sleep);
    REQUIRE_FALSE(exhausted.has_value());
    CHECK(calls == 3);
    CHECK(exhausted.err.attempts == 3);
    CHECK(exhausted.err.retries_exhausted);
    CHECK(exhausted.err.code == "InternalServiceException");

    calls = 0;
    outcome not_retried = aws::send_with_retries(
        s, [&] { return ++calls, outcome{std::nullopt, with_status("NotFoundException", 400)}; }, sleep);
    CHECK(calls == 1);
    CHECK(not_retried.err.attempts == 1);
    CHECK_FALSE(not_retried.err.retries_exhausted);

    calls = 0;
    retry_strategy legacy{retry_settings{retry_mode::legacy, 0}, nullptr, fixed(0.0)};
    outcome legacy_out = aws::send_with_retries(
        legacy, [&] { return ++calls, outcome{std::nullopt, transport(http::transport_errc::connect_failed)}; },
        sleep);
    CHECK(calls == 5);
    CHECK(legacy_out.err.attempts == 5);
    CHECK(legacy_out.err.retries_exhausted);
    CHECK(legacy_out.err.source == aws::error_source::transport);
    CHECK(legacy_out.err.code == "connect_failed");
}

TEST_CASE("transport_failure makes the service_error of a transport error, a timeout marked as one") {
    const service_error t = transport(http::transport_errc::timed_out);
    CHECK(t.timed_out);
    CHECK(t.source == aws::error_source::transport);
    CHECK(t.code == "timed_out");
    CHECK(t.message == "x");
    CHECK(t.http_status == 0);
    CHECK_FALSE(transport(http::transport_errc::connect_failed).timed_out);
}

TEST_CASE("A retry after an error marked timed_out costs 10, whatever made it") {
    retry_strategy s{retry_settings{}, nullptr, fixed(0.0)};
    service_error e{"RequestTimeout", ""};
    e.source = aws::error_source::transport;
    e.timed_out = true;
    retry_state state{1, 0};
    REQUIRE(s.after_failure(e, state).retry);
    CHECK(state.quota_held == 10);
    CHECK(s.quota()->available() == 490);
    // A service's code of that name is not a timeout of ours.
    retry_state other{1, 0};
    REQUIRE(s.after_failure(with_status("RequestTimeout", 400), other).retry);
    CHECK(other.quota_held == 5);
}
