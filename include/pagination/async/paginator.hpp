#ifndef PAGINATION_ASYNC_PAGINATOR_HPP
#define PAGINATION_ASYNC_PAGINATOR_HPP

// async_paginator: one run without blocking a thread, consumed by callbacks (async_next_page), by
// the step API (start / poll / take / cancel, for game loops) or, under C++20, by co_await.

#include <pagination/async/coroutine.hpp>
#include <pagination/async/options.hpp>
#include <pagination/async/run.hpp>
#include <pagination/config.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace pagination {

/// Walks a paginated API without blocking. `AsyncFetcher` is either
/// * a callback fetcher: `fetcher(const request_type&, done)`, calling `done(result)` once, on any
///   thread, inside the call or later, with the page, an expected-like value of it, or an AWS SDK
///   Outcome; or
/// * a future fetcher: `fetcher(const request_type&)` returning `std::future<result>`, whose
///   completion poll() notices without blocking. It is called without the run's lock held.
///
/// Three ways to consume it, one per run: async_next_page(handler) (callbacks), the step API
/// (start / poll / take, for game loops), and under C++20 `co_await next_page()` / `next_item()`.
/// A handler never runs inside the call that started it: a completion that arrives inside the
/// fetch call, or an async_next_page made from a handler, is recorded, and the outermost call of
/// this thread delivers it (docs/async.md, "Synchronous completions"). The object may be destroyed
/// with a fetch in flight, or from its own handler: the late result is dropped.
template <class AsyncFetcher, class TokenPolicy, class LimitPolicy>
PAGINATION_REQUIRES_POLICIES(TokenPolicy, LimitPolicy)
class async_paginator {
    using run_type = detail::async_run<AsyncFetcher, TokenPolicy, LimitPolicy>;

public:
    using request_type = typename run_type::request_type;
    using page_type = typename run_type::page_type;
    using list_type = typename run_type::list_type;
    using item_reference = typename run_type::item_reference;
    using item_type = std::remove_cv_t<std::remove_reference_t<item_reference>>;
    using clock = std::chrono::steady_clock;

    static constexpr bool uses_futures = run_type::uses_futures;

    async_paginator(AsyncFetcher fetcher, request_type request, const pagination_config& config = {},
                    async_options options = {})
        : run_(std::make_shared<run_type>(std::move(fetcher), std::move(request), config, std::move(options))) {}

    async_paginator(async_paginator&&) noexcept = default;
    async_paginator& operator=(async_paginator&&) noexcept = default;
    async_paginator(const async_paginator&) = delete;
    async_paginator& operator=(const async_paginator&) = delete;

    /// Never waits for a fetch in flight (a std::async future does, in its own destructor, when
    /// the run drops it: docs/async.md).
    ~async_paginator() {
        if (!run_) {
            return;
        }
        std::function<void(page_type*)> handler;
        std::function<void()> waker;
        {
            std::lock_guard<std::mutex> lock(run_->mutex);
            run_->cancelled = true;
            handler = std::move(run_->handler);
            run_->handler = nullptr;
            waker = std::move(run_->waker);
            run_->waker = nullptr;
            if constexpr (uses_futures) {
                if (run_->in_flight && run_->options.gate) {
                    run_->options.gate->release();  // the future is dropped with the run
                    run_->in_flight = false;
                }
            }
        }
        // The user's callables are destroyed unlocked.
    }

    // ---- callbacks ----

    /// Fetches the next page (or takes the prefetched one) and calls `handler(page_type*)` once:
    /// with the page, which stays valid until the next call, or with null when the run is over
    /// (finished, failed or cancelled: see status(), error(), resume_token()). The handler runs on
    /// the thread that completed the fetch, or on this one, never inside the fetch call, and never
    /// inside an async_next_page made from a handler (that call returns at once; the outer one
    /// delivers), so chaining pages from the handler takes constant stack.
    template <class Handler>
    void async_next_page(Handler handler) {
        std::shared_ptr<run_type> self = run_;  // the handler may destroy *this
        std::unique_lock<std::mutex> lock(self->mutex);
        self->release_page();
        self->handler = std::function<void(page_type*)>(std::move(handler));
        run_type::drive(self, lock);
    }

    // ---- step API ----

    /// Starts fetching, if nothing is ready or under way. Never blocks.
    void start() {
        std::shared_ptr<run_type> self = run_;
        std::unique_lock<std::mutex> lock(self->mutex);
        run_type::drive(self, lock);
    }

    /// Makes progress without blocking: notices a completed future and the end of a wait done by
    /// `now`, starts the next fetch, and says where the run stands.
    async_status poll() {
        std::shared_ptr<run_type> self = run_;
        run_type& s = *self;
        std::unique_lock<std::mutex> lock(s.mutex);
        if constexpr (uses_futures) {
            if (s.future && s.future->wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                auto result = s.future->get();
                s.future.reset();
                s.keep_result(s.future_for, std::move(result));
            }
        }
        if (s.due && !s.options.schedule && s.clock_now() >= *s.due) {
            s.due.reset();
            s.waiting = false;
        }
        run_type::drive(self, lock);
        return s.status_locked();
    }

    /// Where the run stands, without making progress.
    async_status status() const {
        std::lock_guard<std::mutex> lock(run_->mutex);
        return run_->status_locked();
    }

    /// Hands at most `max_items` items of the ready page to `sink(item)`, in order, and returns how
    /// many. When the page is used up, the next fetch starts at once. Never blocks. The sink must
    /// not call this paginator. Items stay valid until the next take() or next_item().
    template <class Sink>
    std::size_t take(std::size_t max_items, Sink&& sink) {
        std::shared_ptr<run_type> self = run_;
        run_type& s = *self;
        std::unique_lock<std::mutex> lock(s.mutex);
        s.release_retired();
        run_type::drive(self, lock);
        std::size_t handed = 0;
        while (handed < max_items && s.has_item()) {
            sink(s.item_at());
            ++s.item_index;
            s.state.on_handed(s.item_index);
            ++handed;
        }
        if (s.state.status() == run_status::page_ready && s.item_index == s.state.page_item_count()) {
            s.retire_page();
            run_type::drive(self, lock);
        }
        return handed;
    }

    /// Stops the run: nothing more is fetched or handed out, a late result is dropped, and
    /// resume_token() points at the first item not handed out. Never waits for a fetch.
    void cancel() {
        std::shared_ptr<run_type> self = run_;
        std::unique_lock<std::mutex> lock(self->mutex);
        self->cancelled = true;
        run_type::drive(self, lock);
    }

    // ---- results ----

    /// As paginator::resume_token(): boto3's token after MaxItems, empty after the listing ended,
    /// otherwise the first item not yet handed out.
    std::optional<std::string> resume_token() const {
        std::lock_guard<std::mutex> lock(run_->mutex);
        return run_->state.resume_token();
    }

    /// The failure that ended the run, if any.
    std::optional<pagination::error> error() const {
        std::lock_guard<std::mutex> lock(run_->mutex);
        if (const pagination::error* e = run_->state.error()) {
            return *e;
        }
        return std::nullopt;
    }

    /// Fetches started so far (retries and prefetches included).
    std::size_t fetches_started() const {
        std::lock_guard<std::mutex> lock(run_->mutex);
        return run_->fetches;
    }

#if PAGINATION_HAS_COROUTINES
    /// `co_await next_page()`: the next page, or null when the run is over. Allocates nothing.
    detail::async_page_awaitable<async_paginator> next_page() noexcept {
        return detail::async_page_awaitable<async_paginator>(this);
    }
    /// `co_await next_item()`: a pointer to the next item (valid until the next call), or null
    /// when the run is over. Allocates nothing.
    detail::async_item_awaitable<async_paginator> next_item() noexcept {
        return detail::async_item_awaitable<async_paginator>(this);
    }

private:
    template <class>
    friend class detail::async_item_awaitable;

    std::remove_reference_t<item_reference>* take_one() {
        std::remove_reference_t<item_reference>* out = nullptr;
        take(1, [&out](item_reference item) { out = &item; });
        return out;
    }

    bool over() const {
        std::lock_guard<std::mutex> lock(run_->mutex);
        return run_->is_over();
    }

    // Keeps `f` to call once items are ready or the run is over, and returns true; returns false
    // (keeping nothing) when that is already so.
    template <class F>
    bool arm_waker(F f) {
        std::shared_ptr<run_type> self = run_;
        std::unique_lock<std::mutex> lock(self->mutex);
        if (self->status_locked() != async_status::pending) {
            return false;
        }
        self->waker = std::move(f);
        run_type::drive(self, lock);
        return true;
    }
#endif

private:
    std::shared_ptr<run_type> run_;
};

/// Makes an async paginator, deducing the fetcher's type.
template <class TokenPolicy, class LimitPolicy, class AsyncFetcher>
async_paginator<AsyncFetcher, TokenPolicy, LimitPolicy> paginate_async(AsyncFetcher fetcher,
                                                                       typename TokenPolicy::request_type request,
                                                                       const pagination_config& config = {},
                                                                       async_options options = {}) {
    return async_paginator<AsyncFetcher, TokenPolicy, LimitPolicy>(std::move(fetcher), std::move(request), config,
                                                                   std::move(options));
}

} // namespace pagination

#endif // PAGINATION_ASYNC_PAGINATOR_HPP
