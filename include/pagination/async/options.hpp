#ifndef PAGINATION_ASYNC_OPTIONS_HPP
#define PAGINATION_ASYNC_OPTIONS_HPP

// How an async run fetches and waits (async_options), and where it stands (async_status).

#include <pagination/async/gate.hpp>
#include <pagination/async/retry.hpp>
#include <pagination/pagination_config.hpp>

#include <chrono>
#include <functional>
#include <memory>

namespace pagination {

/// How an async run fetches and waits.
struct async_options {
    /// Repeated tokens, cycle detection, token bounds.
    paginator_options paginator;
    /// Keep the next page in flight while the consumer works on the current one.
    bool prefetch = false;
    /// Retry of failed fetches.
    retry_options retry;
    /// A wait before each request after the first (rate limiting), given the pages fetched so far.
    pace_function pace;
    /// The user's timer: calls the function once after the delay, from any thread. Without it,
    /// waits end in poll(), by `now`.
    std::function<void(std::chrono::milliseconds, std::function<void()>)> schedule;
    /// The user's clock, for waits that end in poll() (default: std::chrono::steady_clock).
    std::function<std::chrono::steady_clock::time_point()> now;
    /// A bound on fetches in flight shared with other runs: a fetch starts only when the gate has
    /// a free place (otherwise the run stays pending, and poll() or start() tries again).
    std::shared_ptr<request_gate> gate;
};

/// Where an async run stands, as poll() reports it.
enum class async_status {
    /// A fetch or a wait is under way: nothing to take yet.
    pending,
    /// Items (or a page) are ready.
    ready,
    /// The listing ended, or MaxItems was reached: resume_token() says where it goes on.
    finished,
    /// The run failed: error() says why, resume_token() where to resume.
    failed,
    /// cancel() was called: resume_token() points at the first item not handed out.
    cancelled,
};

} // namespace pagination

#endif // PAGINATION_ASYNC_OPTIONS_HPP
