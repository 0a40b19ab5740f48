#ifndef PAGINATION_ASYNC_RETRY_HPP
#define PAGINATION_ASYNC_RETRY_HPP

// Retry and pacing settings: what the async driver (async_options::retry, ::pace) and the blocking
// paginator's with_retry (pagination/retry.hpp) share. Nothing here waits; the user's timer or
// sleep does.

#include <pagination/error.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>

namespace pagination {

/// Retry of failed fetches with exponential backoff. A retry sends the same request again, so it
/// never loses or repeats an item.
struct retry_options {
    /// Attempts per request, the first included; 1 means no retry.
    std::size_t max_attempts = 1;
    /// Wait before the first retry; doubled for each further one, up to max_delay.
    std::chrono::milliseconds initial_delay{100};
    std::chrono::milliseconds max_delay{10000};
    /// Which failures to retry; unset: those whose `error::retryable()` is true (the fetcher's
    /// error says so: `retryable()`, or the AWS SDK's `ShouldRetry()`, e.g. ThrottlingException).
    std::function<bool(const error&)> retryable;

    /// The wait before retry number `retry` (1 for the first retry).
    std::chrono::milliseconds delay_before(std::size_t retry) const {
        std::chrono::milliseconds d = initial_delay;
        for (std::size_t i = 1; i < retry && d < max_delay; ++i) {
            d *= 2;
        }
        return std::min(d, max_delay);
    }

    /// Whether `e` is to be retried (`retryable`, or else `e.retryable()`).
    bool should_retry(const error& e) const { return retryable ? retryable(e) : e.retryable(); }
};

/// Pacing (rate limiting): the wait before each request after the first, given the pages fetched
/// so far.
using pace_function = std::function<std::chrono::milliseconds(std::size_t)>;

} // namespace pagination

#endif // PAGINATION_ASYNC_RETRY_HPP
