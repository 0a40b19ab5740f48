#ifndef PAGINATION_ASYNC_HPP
#define PAGINATION_ASYNC_HPP

// The same run, without blocking a thread: an async driver over run_state. The library owns no
// thread, executor or clock: fetches complete through the user's callbacks or futures, and waits
// (retry backoff, pacing) go through the user's timer or the user's clock in poll().
// docs/async.md explains the choices.

#include <pagination/config.hpp>
#include <pagination/detail/fetch_result.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/policies.hpp>
#include <pagination/run_state.hpp>

#include <algorithm>
#include <atomic>
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
#include <vector>

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
};

/// A bound on fetches in flight, shared by several runs (fan_out uses one). Thread-safe.
class request_gate {
public:
    explicit request_gate(std::size_t limit) : limit_(limit == 0 ? 1 : limit) {}

    /// Takes a place if one is free.
    bool try_acquire() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (in_flight_ >= limit_) {
            return false;
        }
        ++in_flight_;
        peak_ = std::max(peak_, in_flight_);
        return true;
    }
    /// Gives a place back.
    void release() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (in_flight_ > 0) {
            --in_flight_;
        }
    }
    std::size_t in_flight() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return in_flight_;
    }
    /// The most places ever taken at once.
    std::size_t peak() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return peak_;
    }
    std::size_t limit() const noexcept { return limit_; }

private:
    mutable std::mutex mutex_;
    std::size_t limit_;
    std::size_t in_flight_ = 0;
    std::size_t peak_ = 0;
};

/// How an async run fetches and waits.
struct async_options {
    /// Repeated tokens, cycle detection, token bounds.
    paginator_options paginator;
    /// Keep the next page in flight while the consumer works on the current one.
    bool prefetch = false;
    /// Retry of failed fetches.
    retry_options retry;
    /// A wait before each request after the first (rate limiting), given the pages fetched so far.
    std::function<std::chrono::milliseconds(std::size_t)> pace;
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

namespace detail {

template <class T>
struct is_std_future : std::false_type {};
template <class T>
struct is_std_future<std::future<T>> : std::true_type {};

template <class F, class Request, class = void>
struct returns_future : std::false_type {};
template <class F, class Request>
struct returns_future<F, Request, std::void_t<decltype(std::declval<F&>()(std::declval<const Request&>()))>>
    : is_std_future<std::decay_t<decltype(std::declval<F&>()(std::declval<const Request&>()))>> {};

// Where a future fetcher's future waits; nothing for a callback fetcher.
template <class F, class Request, bool Futures>
struct future_slot {
    using type = std::optional<int>;
};
template <class F, class Request>
struct future_slot<F, Request, true> {
    using type = std::optional<std::decay_t<decltype(std::declval<F&>()(std::declval<const Request&>()))>>;
};

} // namespace detail

/// Walks a paginated API without blocking. `AsyncFetcher` is either
/// * a callback fetcher: `fetcher(const request_type&, done)`, calling `done(result)` once, on any
///   thread, with the page, an expected-like value of it, or an AWS SDK Outcome (the shape of the
///   SDK's `...Async(request, handler, context)`); or
/// * a future fetcher: `fetcher(const request_type&)` returning `std::future<result>`, whose
///   completion poll() notices without blocking.
///
/// Three ways to consume it, one per run: async_next_page(handler) (callbacks), the step API
/// (start / poll / take, for game loops), and under C++20 `co_await next_page()` / `next_item()`.
/// The object may be destroyed with a fetch in flight: the late result is dropped.
template <class AsyncFetcher, class TokenPolicy, class LimitPolicy>
class async_paginator {
    using traits = detail::policy_traits<TokenPolicy, LimitPolicy>;
    using state_type = run_state<TokenPolicy, LimitPolicy>;

public:
    using request_type = typename traits::request_type;
    using page_type = typename traits::page_type;
    using list_type = typename traits::list_type;
    using item_reference = decltype(*std::begin(std::declval<list_type&>()));
    using item_type = std::remove_cv_t<std::remove_reference_t<item_reference>>;
    using clock = std::chrono::steady_clock;

    static constexpr bool uses_futures = detail::returns_future<AsyncFetcher, request_type>::value;

    async_paginator(AsyncFetcher fetcher, request_type request, const pagination_config& config = {},
                    async_options options = {})
        : shared_(std::make_shared<shared>(std::move(fetcher), std::move(request), config, std::move(options))) {}

    async_paginator(async_paginator&&) noexcept = default;
    async_paginator& operator=(async_paginator&&) noexcept = default;
    async_paginator(const async_paginator&) = delete;
    async_paginator& operator=(const async_paginator&) = delete;

    ~async_paginator() {
        if (shared_) {
            std::lock_guard<std::mutex> lock(shared_->mutex);
            shared_->cancelled = true;
            shared_->handler = nullptr;
            shared_->waker = nullptr;
            if constexpr (uses_futures) {
                if (shared_->in_flight && shared_->options.gate) {
                    shared_->options.gate->release();  // the future is dropped with the run
                    shared_->in_flight = false;
                }
            }
        }
    }

    // ---- callbacks ----

    /// Fetches the next page (or takes the prefetched one) and calls `handler(page_type*)` once:
    /// with the page, which stays valid until the next call, or with null when the run is over
    /// (finished, failed or cancelled: see status(), error(), resume_token()). The handler runs on
    /// the thread that completed the fetch, or on this one.
    template <class Handler>
    void async_next_page(Handler handler) {
        shared& s = *shared_;
        std::unique_lock<std::mutex> lock(s.mutex);
        release_page(s);
        s.handler = std::function<void(page_type*)>(std::move(handler));
        run(shared_, lock);
    }

    // ---- step API ----

    /// Starts fetching, if nothing is ready or under way. Never blocks.
    void start() {
        std::unique_lock<std::mutex> lock(shared_->mutex);
        run(shared_, lock);
    }

    /// Makes progress without blocking: notices a completed future and the end of a wait done by
    /// `now`, starts the next fetch, and says where the run stands.
    async_status poll() {
        shared& s = *shared_;
        std::unique_lock<std::mutex> lock(s.mutex);
        if constexpr (uses_futures) {
            if (s.future && s.future->wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
                auto result = s.future->get();
                s.future.reset();
                land(s, s.future_for, std::move(result));
            }
        }
        if (s.due && !s.options.schedule && s.clock_now() >= *s.due) {
            s.due.reset();
            s.waiting = false;
        }
        run(shared_, lock);
        return status_locked(s);
    }

    /// Where the run stands, without making progress.
    async_status status() const {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        return status_locked(*shared_);
    }

    /// Hands at most `max_items` items of the ready page to `sink(item)`, in order, and returns how
    /// many. When the page is used up, the next fetch starts at once. Never blocks. The sink must
    /// not call this paginator. Items stay valid until the next take() or next_item().
    template <class Sink>
    std::size_t take(std::size_t max_items, Sink&& sink) {
        shared& s = *shared_;
        std::unique_lock<std::mutex> lock(s.mutex);
        release_retired(s);
        run(shared_, lock);
        std::size_t handed = 0;
        while (handed < max_items && has_item(s)) {
            sink(item_at(s));
            ++s.item_index;
            s.state.on_handed(s.item_index);
            ++handed;
        }
        if (s.state.status() == run_status::page_ready && s.item_index == s.state.page_item_count()) {
            retire_page(s);
            run(shared_, lock);
        }
        return handed;
    }

    /// Stops the run: nothing more is fetched or handed out, a late result is dropped, and
    /// resume_token() points at the first item not handed out.
    void cancel() {
        shared& s = *shared_;
        std::unique_lock<std::mutex> lock(s.mutex);
        s.cancelled = true;
        run(shared_, lock);
    }

    // ---- results ----

    /// As paginator::resume_token(): boto3's token after MaxItems, empty after the listing ended,
    /// otherwise the first item not yet handed out.
    std::optional<std::string> resume_token() const {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        return shared_->state.resume_token();
    }

    /// The failure that ended the run, if any.
    std::optional<pagination::error> error() const {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        if (const pagination::error* e = shared_->state.error()) {
            return *e;
        }
        return std::nullopt;
    }

    /// Fetches started so far (retries and prefetches included).
    std::size_t fetches_started() const {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        return shared_->fetches;
    }

#if PAGINATION_HAS_COROUTINES
    /// `co_await next_page()`: the next page, or null when the run is over.
    auto next_page() { return page_awaitable{this}; }
    /// `co_await next_item()`: a pointer to the next item (valid until the next call), or null
    /// when the run is over.
    auto next_item() { return item_awaitable{this}; }
#endif

private:
    struct arrival {
        std::unique_ptr<page_type> page;
        std::optional<pagination::error> failure;
    };

    struct shared {
        shared(AsyncFetcher f, request_type request, const pagination_config& config, async_options o)
            : fetcher(std::move(f)), state(std::move(request), config, o.paginator), options(std::move(o)) {}

        clock::time_point clock_now() const { return options.now ? options.now() : clock::now(); }

        std::mutex mutex;
        AsyncFetcher fetcher;
        state_type state;
        async_options options;
        std::unique_ptr<page_type> page;     // the page the state holds ready
        std::unique_ptr<page_type> retired;  // the last page, kept until the next take
        bool page_delivered = false;         // handed whole to a page handler
        std::size_t item_index = 0;          // items of the ready page handed by take()
        bool in_flight = false;
        std::size_t in_flight_for = 0;       // the page number the fetch under way will be
        std::optional<arrival> landed;       // a result not yet given to the state
        std::size_t landed_for = 0;
        std::size_t attempts = 0;            // failed attempts of the current request
        bool waiting = false;                // a retry or pacing wait is under way
        bool paced = false;                  // the pacing wait of the current request is done
        std::optional<clock::time_point> due;
        std::size_t fetches = 0;
        bool cancelled = false;
        std::function<void(page_type*)> handler;
        std::function<void()> waker;  // called once items are ready or the run is over
        typename detail::future_slot<AsyncFetcher, request_type, uses_futures>::type future;
        std::size_t future_for = 0;
    };

    // A completion handed to a callback fetcher; holds the shared state weakly, so a late result
    // after the paginator is gone is dropped.
    struct completion {
        std::weak_ptr<shared> target;
        std::size_t page_number;
        std::shared_ptr<request_gate> gate;

        template <class Result>
        void operator()(Result&& result) const {
            std::shared_ptr<shared> s = target.lock();
            if (!s) {
                if (gate) {
                    gate->release();  // the run is gone; its place is not
                }
                return;
            }
            std::unique_lock<std::mutex> lock(s->mutex);
            land(*s, page_number, std::forward<Result>(result));
            run(s, lock);
        }
    };

    // Turns a fetch result into an arrival and keeps it for the state.
    template <class Result>
    static void land(shared& s, std::size_t page_number, Result&& result) {
        using result_type = std::decay_t<Result>;
        using result_traits = detail::fetch_result_traits<result_type, page_type>;
        if (s.in_flight && s.options.gate) {
            s.options.gate->release();
        }
        s.in_flight = false;
        if (s.cancelled) {
            return;
        }
        result_type r(std::forward<Result>(result));
        arrival a;
        if (result_traits::ok(r)) {
            a.page = std::make_unique<page_type>(result_traits::take(r));
        } else {
            a.failure = result_traits::failure(r);
        }
        s.landed = std::move(a);
        s.landed_for = page_number;
    }

    static bool has_item(shared& s) {
        return !s.cancelled && s.state.status() == run_status::page_ready && !s.page_delivered &&
               s.item_index < s.state.page_item_count();
    }

    static item_reference item_at(shared& s) {
        auto& list = LimitPolicy::items(*s.page);
        return *std::next(std::begin(list),
                          static_cast<typename std::iterator_traits<decltype(std::begin(list))>::difference_type>(s.item_index));
    }

    // The consumer is done with the ready page: move on, keeping the object alive for pointers
    // handed out from it.
    static void retire_page(shared& s) {
        s.state.on_page_done();
        s.retired = std::move(s.page);
        s.page_delivered = false;
        s.item_index = 0;
    }

    static void release_retired(shared& s) { s.retired.reset(); }

    static void release_page(shared& s) {
        release_retired(s);
        if (s.state.status() == run_status::page_ready && s.page_delivered) {
            retire_page(s);
            release_retired(s);
        }
    }

    static async_status status_locked(const shared& s) {
        if (s.cancelled) {
            return async_status::cancelled;
        }
        switch (s.state.status()) {
        case run_status::page_ready: return async_status::ready;
        case run_status::finished: return async_status::finished;
        case run_status::failed: return async_status::failed;
        case run_status::send_request: break;
        }
        return async_status::pending;
    }

    static bool is_retryable(const shared& s, const pagination::error& e) {
        return s.options.retry.retryable ? s.options.retry.retryable(e) : e.retryable();
    }

    // Starts a wait; `schedule` calls back, otherwise poll() ends it by the clock.
    static std::function<void()> begin_wait(const std::shared_ptr<shared>& self, std::chrono::milliseconds delay) {
        shared& s = *self;
        s.waiting = true;
        if (!s.options.schedule) {
            s.due = s.clock_now() + delay;
            return nullptr;
        }
        std::weak_ptr<shared> weak = self;
        auto schedule = s.options.schedule;
        return [schedule, delay, weak] {
            schedule(delay, [weak] {
                if (std::shared_ptr<shared> target = weak.lock()) {
                    std::unique_lock<std::mutex> lock(target->mutex);
                    target->waiting = false;
                    target->due.reset();
                    run(target, lock);
                }
            });
        };
    }

    // Starts a fetch of `request` for page `page_number`; the call itself happens unlocked.
    static std::function<void()> begin_fetch(const std::shared_ptr<shared>& self, request_type request,
                                             std::size_t page_number) {
        shared& s = *self;
        s.in_flight = true;
        s.in_flight_for = page_number;
        ++s.fetches;
        if constexpr (uses_futures) {
            auto future = s.fetcher(request);
            s.future.emplace(std::move(future));
            s.future_for = page_number;
            return nullptr;
        } else {
            std::weak_ptr<shared> weak = self;
            return [weak, request = std::move(request), page_number] {
                if (std::shared_ptr<shared> target = weak.lock()) {
                    target->fetcher(request, completion{weak, page_number, target->options.gate});
                }
            };
        }
    }

    // The heart of the driver: feeds landed results to the state, decides what to start, and
    // delivers to a waiting handler. Runs locked; user code (fetcher, timer, handler) runs after
    // the lock is released.
    static void run(const std::shared_ptr<shared>& self, std::unique_lock<std::mutex>& lock) {
        shared& s = *self;
        std::function<void()> start;
        while (!s.cancelled) {
            const run_status status = s.state.status();
            if (status == run_status::send_request) {
                const std::size_t number = s.state.pages_received();
                if (s.landed && s.landed_for == number) {
                    arrival a = std::move(*s.landed);
                    s.landed.reset();
                    if (a.page) {
                        s.page = std::move(a.page);
                        s.state.on_page(*s.page);
                        s.attempts = 0;
                        s.paced = false;
                        s.page_delivered = false;
                        s.item_index = 0;
                    } else if (++s.attempts < s.options.retry.max_attempts && is_retryable(s, *a.failure)) {
                        start = begin_wait(self, s.options.retry.delay_before(s.attempts));
                        break;
                    } else {
                        s.state.on_fetch_failed(std::move(*a.failure));
                    }
                    continue;
                }
                s.landed.reset();
                if (s.in_flight || s.waiting) {
                    break;
                }
                if (s.options.pace && number > 0 && !s.paced) {
                    s.paced = true;
                    const std::chrono::milliseconds delay = s.options.pace(number);
                    if (delay.count() > 0) {
                        start = begin_wait(self, delay);
                        break;
                    }
                }
                if (s.options.gate && !s.options.gate->try_acquire()) {
                    break;
                }
                start = begin_fetch(self, s.state.request(), number);
                break;
            }
            if (status == run_status::page_ready && s.options.prefetch && !s.in_flight && !s.waiting && !s.landed &&
                !s.options.pace) {
                std::optional<request_type> next = s.state.upcoming_request();
                if (next && (!s.options.gate || s.options.gate->try_acquire())) {
                    start = begin_fetch(self, std::move(*next), s.state.pages_received());
                }
            }
            break;
        }
        std::function<void(page_type*)> deliver;
        page_type* delivered = nullptr;
        if (s.handler) {
            if (s.cancelled || s.state.status() == run_status::finished || s.state.status() == run_status::failed) {
                deliver = std::move(s.handler);
                s.handler = nullptr;
            } else if (s.state.status() == run_status::page_ready && !s.page_delivered) {
                s.page_delivered = true;
                s.state.on_handed(s.state.page_item_count());
                delivered = s.page.get();
                deliver = std::move(s.handler);
                s.handler = nullptr;
            }
        }
        std::function<void()> wake;
        if (s.waker && status_locked(s) != async_status::pending) {
            wake = std::move(s.waker);
            s.waker = nullptr;
        }
        if (start || deliver || wake) {
            lock.unlock();
            if (start) {
                start();
            }
            if (deliver) {
                deliver(delivered);
            }
            if (wake) {
                wake();
            }
            lock.lock();
        }
    }

    static bool is_over(const shared& s) {
        const async_status st = status_locked(s);
        return st == async_status::finished || st == async_status::failed || st == async_status::cancelled;
    }

#if PAGINATION_HAS_COROUTINES
    struct page_awaitable {
        async_paginator* owner;
        page_type* result = nullptr;
        std::shared_ptr<std::atomic<int>> phase = std::make_shared<std::atomic<int>>(0);

        bool await_ready() const noexcept { return false; }
        template <class Handle>
        bool await_suspend(Handle handle) {
            auto flag = phase;
            owner->async_next_page([this, handle, flag](page_type* page) mutable {
                result = page;
                if (flag->exchange(1) == 2) {
                    handle.resume();
                }
            });
            // 0 -> 2: suspended before the page came; 1: it came inline, do not suspend.
            int expected = 0;
            return flag->compare_exchange_strong(expected, 2);
        }
        page_type* await_resume() const noexcept { return result; }
    };

    struct item_awaitable {
        using pointer = std::remove_reference_t<item_reference>*;
        async_paginator* owner;
        pointer result = nullptr;
        std::shared_ptr<std::atomic<int>> phase = std::make_shared<std::atomic<int>>(0);

        bool await_ready() {
            result = owner->take_one();
            return result != nullptr || owner->over();
        }
        template <class Handle>
        bool await_suspend(Handle handle) {
            arm(handle, phase);
            // 0 -> 2: suspended before an item came; 1: it came inline, do not suspend.
            int expected = 0;
            return phase->compare_exchange_strong(expected, 2);
        }
        template <class Handle>
        void arm(Handle handle, std::shared_ptr<std::atomic<int>> flag) {
            owner->when_ready([this, handle, flag] {
                result = owner->take_one();
                if (result == nullptr && !owner->over()) {
                    arm(handle, flag);  // an empty page: wait for the next one
                    return;
                }
                if (flag->exchange(1) == 2) {
                    handle.resume();
                }
            });
        }
        pointer await_resume() const noexcept { return result; }
    };

    std::remove_reference_t<item_reference>* take_one() {
        std::remove_reference_t<item_reference>* out = nullptr;
        take(1, [&out](item_reference item) { out = &item; });
        return out;
    }

    bool over() const {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        return is_over(*shared_);
    }

    // Calls `f()` once, when items are ready or the run is over.
    template <class F>
    void when_ready(F f) {
        shared& s = *shared_;
        std::unique_lock<std::mutex> lock(s.mutex);
        if (status_locked(s) != async_status::pending) {
            lock.unlock();
            f();
            return;
        }
        s.waker = std::move(f);
        run(shared_, lock);
    }
#endif

    std::shared_ptr<shared> shared_;
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

/// Lists several requests at once (fleets, locations, shards) and merges their items, with a bound
/// on fetches in flight across all of them and a resume token per stream. Driven like the step
/// API: poll() and take() from one thread, never blocking.
template <class AsyncFetcher, class TokenPolicy, class LimitPolicy>
class fan_out {
public:
    using stream_type = async_paginator<AsyncFetcher, TokenPolicy, LimitPolicy>;
    using request_type = typename stream_type::request_type;
    using item_reference = typename stream_type::item_reference;

    /// One stream per request; `configs` gives each stream its MaxItems, PageSize and starting
    /// token (a single config applies to all). At most `max_in_flight` fetches run at once.
    fan_out(const AsyncFetcher& fetcher, std::vector<request_type> requests, std::vector<pagination_config> configs,
            std::size_t max_in_flight, async_options options = {})
        : gate_(std::make_shared<request_gate>(max_in_flight)) {
        PAGINATION_ASSERT(configs.size() == 1 || configs.size() == requests.size());
        options.gate = gate_;
        streams_.reserve(requests.size());
        for (std::size_t i = 0; i < requests.size(); ++i) {
            const pagination_config& config = configs.size() == 1 ? configs[0] : configs[i];
            streams_.emplace_back(fetcher, std::move(requests[i]), config, options);
        }
    }

    /// Makes progress on every stream; ready when any stream has items, finished when every
    /// stream is over and none failed, failed when every stream is over and one failed.
    async_status poll() {
        bool any_ready = false;
        bool all_over = true;
        bool any_failed = false;
        for (std::size_t k = 0; k < streams_.size(); ++k) {
            // Start from a different stream each time, so that free places go round.
            stream_type& stream = streams_[(next_poll_ + k) % streams_.size()];
            const async_status st = stream.poll();
            any_ready = any_ready || st == async_status::ready;
            all_over = all_over && st != async_status::pending && st != async_status::ready;
            any_failed = any_failed || st == async_status::failed;
        }
        next_poll_ = streams_.empty() ? 0 : (next_poll_ + 1) % streams_.size();
        if (any_ready) {
            return async_status::ready;
        }
        if (!all_over) {
            return async_status::pending;
        }
        return any_failed ? async_status::failed : async_status::finished;
    }

    /// Hands at most `max_items` ready items, taking turns between streams, to
    /// `sink(stream_index, item)`; returns how many.
    template <class Sink>
    std::size_t take(std::size_t max_items, Sink&& sink) {
        std::size_t handed = 0;
        bool progress = true;
        while (handed < max_items && progress) {
            progress = false;
            for (std::size_t k = 0; k < streams_.size() && handed < max_items; ++k) {
                const std::size_t index = (next_take_ + k) % streams_.size();
                const std::size_t got =
                    streams_[index].take(1, [&](item_reference item) { sink(index, item); });
                handed += got;
                progress = progress || got > 0;
            }
            next_take_ = streams_.empty() ? 0 : (next_take_ + 1) % streams_.size();
        }
        return handed;
    }

    /// Stops every stream; each resume token points at its first item not handed out.
    void cancel() {
        for (stream_type& stream : streams_) {
            stream.cancel();
        }
    }

    /// Where each stream goes on (empty: that stream's listing is complete).
    std::vector<std::optional<std::string>> resume_tokens() const {
        std::vector<std::optional<std::string>> out;
        for (const stream_type& stream : streams_) {
            out.push_back(stream.resume_token());
        }
        return out;
    }

    /// Each stream's failure, if any.
    std::vector<std::optional<error>> errors() const {
        std::vector<std::optional<error>> out;
        for (const stream_type& stream : streams_) {
            out.push_back(stream.error());
        }
        return out;
    }

    std::size_t stream_count() const noexcept { return streams_.size(); }
    const stream_type& stream(std::size_t index) const { return streams_.at(index); }
    /// The shared bound on fetches in flight (its peak() tells the most seen at once).
    const request_gate& gate() const noexcept { return *gate_; }

private:
    std::shared_ptr<request_gate> gate_;
    std::vector<stream_type> streams_;
    std::size_t next_poll_ = 0;
    std::size_t next_take_ = 0;
};

} // namespace pagination

#endif // PAGINATION_ASYNC_HPP
