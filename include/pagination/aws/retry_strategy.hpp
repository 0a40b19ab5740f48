#ifndef PAGINATION_AWS_RETRY_STRATEGY_HPP
#define PAGINATION_AWS_RETRY_STRATEGY_HPP

// The AWS SDKs' retry modes (standard, legacy) for the wire client (docs/wire/retries.md). The
// strategy decides and never waits: a decision carries the delay, so the blocking driver below
// sleeps it and a callback client schedules it. Which errors are retryable is the one
// classification of aws/service_error.hpp; the rest (attempts, backoff, quota) is botocore's.

#include <pagination/aws/service_error.hpp>
#include <pagination/http/message.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <utility>

namespace pagination {
namespace aws {

/// AWS_RETRY_MODE / the profile's retry_mode. (`adaptive` is read as `standard`.)
enum class retry_mode { standard, legacy };

/// How many attempts and which mode; max_attempts 0 means the mode's default (3 / 5).
struct retry_settings {
    retry_mode mode = retry_mode::standard;
    int max_attempts = 0;
};

/// The service_error of a transport failure: source `transport`, the code the name of the
/// transport_errc ("timed_out", ...), the client's message, and `timed_out` for a timeout.
inline service_error transport_failure(const http::transport_error& e) {
    service_error out{http::to_string(e.code), e.message};
    out.source = error_source::transport;
    out.timed_out = e.code == http::transport_errc::timed_out;
    return out;
}

/// The retry quota of one client, shared by all its requests and threads: retries draw on it,
/// successes refill it, and when it is empty retries stop until successes refill it.
class retry_quota {
public:
    /// The capacity a quota starts with, and its cap.
    static constexpr int initial_capacity = 500;
    /// What a retry costs.
    static constexpr int retry_cost = 5;
    /// What a retry after a timeout costs.
    static constexpr int timeout_retry_cost = 10;
    /// What a success that needed no retry gives back.
    static constexpr int no_retry_refund = 1;

    /// A full quota of `capacity` (also its cap).
    explicit retry_quota(int capacity = initial_capacity) noexcept
        : max_(capacity < 0 ? 0 : capacity), available_(max_) {}

    /// Takes `amount` if that much is left; false (and nothing taken) otherwise.
    bool acquire(int amount) {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (amount > available_) {
            return false;
        }
        available_ -= amount;
        return true;
    }
    /// Gives `amount` back, never beyond the cap.
    void release(int amount) {
        const std::lock_guard<std::mutex> lock(mutex_);
        const int room = max_ - available_;
        available_ += amount < room ? amount : room;
    }
    /// What is left now.
    int available() const {
        const std::lock_guard<std::mutex> lock(mutex_);
        return available_;
    }
    /// The cap.
    int capacity() const noexcept { return max_; }

private:
    mutable std::mutex mutex_;
    int max_;
    int available_;
};

/// What to do after a failed attempt.
struct retry_decision {
    bool retry = false;                      ///< Send the same request again
    std::chrono::milliseconds delay{0};      ///< after waiting this long.
    bool retries_exhausted = false;          ///< A retryable error that gets no retry (attempts or quota ran out)
};

/// One request's bookkeeping across its attempts; the caller keeps one per request.
struct retry_state {
    int attempts = 0;     ///< Attempts made so far (the caller counts each one it sends)
    int quota_held = 0;   ///< Quota taken by the request's last retry, given back on success
};

namespace detail {
/// A uniform [0, 1) value from a generator of this thread, seeded once per thread.
inline double default_random() {
    thread_local std::mt19937_64 engine{[] {
        std::random_device device;
        const std::uint64_t high = device();
        return (high << 32) ^ device() ^
               static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    }()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}
}  // namespace detail

/// The retry rules of one mode for one client: which failures are retried, how many attempts,
/// how long to wait, and (standard mode) the quota. Thread-safe when its random source is.
class retry_strategy {
public:
    /// A uniform random value in [0, 1) (jitter); the default is thread-safe.
    using random_source = std::function<double()>;

    /// The standard mode's cap on a delay, in seconds.
    static constexpr double standard_max_backoff_seconds = 20.0;

    /// A strategy for `settings`; `quota` is the client's (a new full one when null).
    explicit retry_strategy(retry_settings settings = {}, std::shared_ptr<retry_quota> quota = nullptr,
                            random_source random = nullptr)
        : settings_(settings),
          quota_(quota ? std::move(quota) : std::make_shared<retry_quota>()),
          random_(std::move(random)) {}

    /// The mode.
    retry_mode mode() const noexcept { return settings_.mode; }
    /// Attempts per request, the first included (the mode's default when the settings say 0).
    int max_attempts() const noexcept {
        if (settings_.max_attempts > 0) {
            return settings_.max_attempts;
        }
        return settings_.mode == retry_mode::legacy ? 5 : 3;
    }
    /// The client's quota (used in standard mode only).
    const std::shared_ptr<retry_quota>& quota() const noexcept { return quota_; }

    /// Whether the mode retries `e` at all (attempts and quota aside).
    bool retryable(const service_error& e) const noexcept {
        // A cancellation is the caller's decision, not a failure to try again.
        if (e.source == error_source::transport && e.code == http::to_string(http::transport_errc::cancelled)) {
            return false;
        }
        if (settings_.mode == retry_mode::standard) {
            return e.retryable();
        }
        // botocore's _retry.json (legacy): connection errors and timeouts, these statuses, and
        // the throttling codes that its policies name (with HTTP 400 when a status is known).
        if (e.source == error_source::transport) {
            return true;
        }
        if (e.source == error_source::malformed_response) {
            return false;
        }
        const int s = e.http_status;
        if (s == 429 || s == 509 || is_retryable_status(s)) {
            return true;
        }
        const bool legacy_code = e.code == "Throttling" || e.code == "ThrottlingException" ||
                                 e.code == "ThrottledException" || e.code == "RequestThrottledException" ||
                                 e.code == "ProvisionedThroughputExceededException";
        return legacy_code && (s == 400 || s == 0);
    }

    /// The delay before retry `n` (1 for the first retry) for a random value `r` in [0, 1):
    /// standard r * min(2^(n-1), 20) s, legacy r * 2^(n-1) s.
    std::chrono::milliseconds delay_before_retry(int n, double r) const noexcept {
        if (!(r >= 0.0)) {
            r = 0.0;  // also NaN
        }
        if (r > 1.0) {
            r = 1.0;
        }
        const int exponent = n < 1 ? 0 : (n - 1 > 40 ? 40 : n - 1);  // 2^40 s: beyond any useful wait
        double seconds = static_cast<double>(std::uint64_t{1} << exponent);
        if (settings_.mode == retry_mode::standard && seconds > standard_max_backoff_seconds) {
            seconds = standard_max_backoff_seconds;
        }
        return std::chrono::milliseconds(static_cast<std::int64_t>(r * seconds * 1000.0));
    }

    /// Decides on the failed attempt `state.attempts` (counted by the caller) that ended in `e`;
    /// a retry in standard mode takes its quota here.
    retry_decision after_failure(const service_error& e, retry_state& state) {
        retry_decision decision;
        if (!retryable(e)) {
            return decision;
        }
        if (state.attempts >= max_attempts()) {
            decision.retries_exhausted = true;
            return decision;
        }
        if (settings_.mode == retry_mode::standard) {
            const int cost = e.timed_out ? retry_quota::timeout_retry_cost : retry_quota::retry_cost;
            if (!quota_->acquire(cost)) {
                decision.retries_exhausted = true;
                return decision;
            }
            state.quota_held = cost;
        }
        decision.retry = true;
        decision.delay = delay_before_retry(state.attempts, random_ ? random_() : detail::default_random());
        return decision;
    }

    /// Records a successful attempt: standard mode gives back the quota of the request's last
    /// retry (botocore's rule), or 1 when it needed none.
    void after_success(const retry_state& state) {
        if (settings_.mode == retry_mode::standard) {
            quota_->release(state.quota_held > 0 ? state.quota_held : retry_quota::no_retry_refund);
        }
    }

private:
    retry_settings settings_;
    std::shared_ptr<retry_quota> quota_;
    random_source random_;
};

/// Marks the final error of a request: the attempts it took, and whether retries ran out.
inline void finish_error(service_error& e, const retry_state& state, const retry_decision& decision) noexcept {
    e.attempts = state.attempts;
    e.retries_exhausted = decision.retries_exhausted;
}

/// Sends one request until it succeeds or the strategy stops, sleeping between attempts.
/// `attempt()` sends the same request once and returns an outcome with `has_value()` and a
/// mutable `error()` (a service_error, e.g. gamelift::service_outcome); `sleep(milliseconds)`
/// waits. The final error carries `attempts` and `retries_exhausted`.
template <class Attempt, class Sleep>
auto send_with_retries(retry_strategy& strategy, Attempt&& attempt, Sleep&& sleep) -> decltype(attempt()) {
    retry_state state;
    for (;;) {
        ++state.attempts;
        auto outcome = attempt();
        if (outcome.has_value()) {
            strategy.after_success(state);
            return outcome;
        }
        service_error& error = outcome.error();
        const retry_decision decision = strategy.after_failure(error, state);
        if (!decision.retry) {
            finish_error(error, state, decision);
            return outcome;
        }
        sleep(decision.delay);
    }
}

}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_RETRY_STRATEGY_HPP
