#ifndef PAGINATION_RETRY_HPP
#define PAGINATION_RETRY_HPP

// Retry and pacing for the blocking paginator, as a fetcher that wraps the user's: the same
// request is sent again after a backoff, so no item is lost or repeated. The sleep is the user's.

#include <pagination/async/retry.hpp>
#include <pagination/detail/fetch_result.hpp>
#include <pagination/error.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <utility>

namespace pagination {

/// A fetcher that retries its inner fetcher's retryable failures (returned error values) with
/// exponential backoff, and waits `pace(pages_fetched)` before each request after the first.
/// `sleep` does the waiting: a real sleep, a frame scheduler, or a test's fake clock.
template <class Fetcher>
class retrying_fetcher {
public:
    using sleep_function = std::function<void(std::chrono::milliseconds)>;

    retrying_fetcher(Fetcher inner, retry_options retry, sleep_function sleep,
                     pace_function pace = nullptr)
        : inner_(std::move(inner)), retry_(std::move(retry)), sleep_(std::move(sleep)), pace_(std::move(pace)) {}

    template <class Request>
    auto operator()(const Request& request) {
        if (pace_ && requests_ > 0) {
            const std::chrono::milliseconds delay = pace_(requests_);
            if (delay.count() > 0) {
                sleep_(delay);
            }
        }
        ++requests_;
        for (std::size_t attempt = 1;; ++attempt) {
            auto result = inner_(request);
            if (attempt >= retry_.max_attempts || !should_retry(result)) {
                return result;
            }
            ++retries_;
            sleep_(retry_.delay_before(attempt));
        }
    }

    /// Retries made so far.
    std::size_t retries() const noexcept { return retries_; }

private:
    template <class Result>
    bool should_retry(const Result& result) const {
        // No page type here: whatever is neither expected-like nor an Outcome is a page, which
        // cannot fail (a thrown exception is not retried).
        using traits = detail::fetch_result_traits<Result>;
        if constexpr (traits::is_page) {
            return false;
        } else {
            return !traits::ok(result) && retry_.should_retry(traits::failure(result));
        }
    }

    Fetcher inner_;
    retry_options retry_;
    sleep_function sleep_;
    pace_function pace_;
    std::size_t requests_ = 0;
    std::size_t retries_ = 0;
};

/// Wraps `fetcher` with retry (and optional pacing) for the blocking paginator.
template <class Fetcher>
retrying_fetcher<Fetcher> with_retry(Fetcher fetcher, retry_options retry,
                                     typename retrying_fetcher<Fetcher>::sleep_function sleep,
                                     pace_function pace = nullptr) {
    return retrying_fetcher<Fetcher>(std::move(fetcher), std::move(retry), std::move(sleep), std::move(pace));
}

} // namespace pagination

#endif // PAGINATION_RETRY_HPP
