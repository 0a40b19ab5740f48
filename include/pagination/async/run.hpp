#ifndef PAGINATION_ASYNC_RUN_HPP
#define PAGINATION_ASYNC_RUN_HPP

// The run behind an async paginator: the state a completion shares with the consumer, one mutex
// over it, and the loop that feeds results to run_state and starts fetches, waits and handlers.
//
// The loop is a trampoline. A thread that is already driving a run (inside a fetch it started,
// a handler it delivered, a timer it armed) and re-enters it (a synchronous completion, the next
// async_next_page from the handler) only records what happened; the outermost call on that
// thread loops and acts on it once the inner call has returned. So synchronous completions run
// in constant stack, and a handler never runs inside the call that started it.

#include <pagination/async/options.hpp>
#include <pagination/detail/fetch_result.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/policies.hpp>
#include <pagination/run_state.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

namespace pagination {
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

// The runs this thread is driving, innermost first: a frame lives on the stack of the outermost
// driving call of its run.
struct async_drive_frame {
    const void* run;
    async_drive_frame* outer;
};

inline async_drive_frame*& async_drive_top() noexcept {
    static thread_local async_drive_frame* top = nullptr;
    return top;
}

// Marks `run` as driven by this thread for the lifetime of the scope.
class async_drive_scope {
public:
    explicit async_drive_scope(const void* run) noexcept : frame_{run, async_drive_top()} { async_drive_top() = &frame_; }
    ~async_drive_scope() { async_drive_top() = frame_.outer; }
    async_drive_scope(const async_drive_scope&) = delete;
    async_drive_scope& operator=(const async_drive_scope&) = delete;

    /// Whether this thread is already driving `run`, further out on its stack.
    static bool driving(const void* run) noexcept {
        for (const async_drive_frame* f = async_drive_top(); f != nullptr; f = f->outer) {
            if (f->run == run) {
                return true;
            }
        }
        return false;
    }

private:
    async_drive_frame frame_;
};

/// The shared state of one async run. Every member is guarded by `mutex`, except the fetcher and
/// the options, which do not change after construction.
template <class AsyncFetcher, class TokenPolicy, class LimitPolicy>
class async_run {
public:
    using state_type = run_state<TokenPolicy, LimitPolicy>;
    using request_type = typename state_type::request_type;
    using page_type = typename state_type::page_type;
    using list_type = typename state_type::list_type;
    using item_reference = typename state_type::item_reference;
    using clock = std::chrono::steady_clock;
    using page_handler = std::function<void(page_type*)>;

    static constexpr bool uses_futures = returns_future<AsyncFetcher, request_type>::value;

    async_run(AsyncFetcher f, request_type request, const pagination_config& config, async_options o)
        : fetcher(std::move(f)), options(std::move(o)), state(std::move(request), config, options.paginator) {}

    // A completion handed to a callback fetcher; holds the run weakly, so that a result arriving
    // after the paginator is gone is dropped.
    struct completion {
        std::weak_ptr<async_run> target;
        std::size_t page_number;
        std::shared_ptr<request_gate> gate;

        template <class Result>
        void operator()(Result&& result) const {
            std::shared_ptr<async_run> s = target.lock();
            if (!s) {
                if (gate) {
                    gate->release();  // the run is gone; its place is not
                }
                return;
            }
            std::unique_lock<std::mutex> lock(s->mutex);
            s->keep_result(page_number, std::forward<Result>(result));
            drive(s, lock);
        }
    };

    /// Acts on everything that is due (results to feed, fetches, waits, a handler or a waker to
    /// call) until nothing is; user code runs with the lock released. Called locked, returns
    /// locked. A thread that is already driving this run returns at once: its outer call loops.
    static void drive(const std::shared_ptr<async_run>& self, std::unique_lock<std::mutex>& lock) {
        if (async_drive_scope::driving(self.get())) {
            return;
        }
        async_drive_scope scope(self.get());
        for (;;) {
            actions due = self->step();
            if (!due.any()) {
                return;
            }
            lock.unlock();
            self->perform(self, std::move(due), lock);
            lock.lock();
        }
    }

    /// Keeps the result of the fetch of page `page_number` (the page, or why there is none) until
    /// step() gives it to the state.
    template <class Result>
    void keep_result(std::size_t page_number, Result&& result) {
        using result_type = std::decay_t<Result>;
        using result_traits = fetch_result_traits<result_type, page_type>;
        if (in_flight && options.gate) {
            options.gate->release();
        }
        in_flight = false;
        if (cancelled) {
            return;
        }
        result_type r(std::forward<Result>(result));
        fetched_page f;
        if (result_traits::ok(r)) {
            f.page = std::make_unique<page_type>(result_traits::take(r));
        } else {
            f.failure = result_traits::failure(r);
        }
        kept_result = std::move(f);
        kept_result_for = page_number;
    }

    bool has_item() const {
        return !cancelled && state.status() == run_status::page_ready && !page_delivered &&
               item_index < state.page_item_count();
    }

    item_reference item_at() {
        auto& list = LimitPolicy::items(*page);
        using difference = typename std::iterator_traits<decltype(std::begin(list))>::difference_type;
        return *std::next(std::begin(list), static_cast<difference>(item_index));
    }

    // The consumer is done with the ready page: move on, keeping the object alive for pointers
    // handed out from it.
    void retire_page() {
        state.on_page_done();
        retired = std::move(page);
        page_delivered = false;
        item_index = 0;
    }

    void release_retired() { retired.reset(); }

    void release_page() {
        release_retired();
        if (state.status() == run_status::page_ready && page_delivered) {
            retire_page();
            release_retired();
        }
    }

    async_status status_locked() const {
        if (cancelled) {
            return async_status::cancelled;
        }
        switch (state.status()) {
        case run_status::page_ready: return async_status::ready;
        case run_status::finished: return async_status::finished;
        case run_status::failed: return async_status::failed;
        case run_status::send_request: break;
        }
        return async_status::pending;
    }

    bool is_over() const {
        const async_status st = status_locked();
        return st == async_status::finished || st == async_status::failed || st == async_status::cancelled;
    }

    clock::time_point clock_now() const { return options.now ? options.now() : clock::now(); }

    // Not guarded (set once):
    AsyncFetcher fetcher;
    const async_options options;

    std::mutex mutex;
    state_type state;
    std::unique_ptr<page_type> page;     // the page the state holds ready
    std::unique_ptr<page_type> retired;  // the last page, kept until the next take
    bool page_delivered = false;         // handed whole to a page handler
    std::size_t item_index = 0;          // items of the ready page handed by take()
    bool in_flight = false;
    std::size_t fetches = 0;
    bool cancelled = false;
    bool waiting = false;                // a retry or pacing wait is under way
    std::optional<clock::time_point> due;
    page_handler handler;
    std::function<void()> waker;  // called once items are ready or the run is over
    typename future_slot<AsyncFetcher, request_type, uses_futures>::type future;
    std::size_t future_for = 0;

private:
    // The outcome of one fetch: the page, or the failure.
    struct fetched_page {
        std::unique_ptr<page_type> page;
        std::optional<pagination::error> failure;
    };

    // What the loop does with the lock released.
    struct actions {
        std::optional<request_type> fetch;  // a request to send, for page number fetch_for
        std::size_t fetch_for = 0;
        std::optional<std::chrono::milliseconds> wait;  // a wait to arm on the user's timer
        page_handler deliver;
        page_type* delivered = nullptr;
        std::function<void()> wake;

        bool any() const { return fetch.has_value() || wait.has_value() || deliver || wake; }
    };

    std::optional<fetched_page> kept_result;  // a result not yet given to the state
    std::size_t kept_result_for = 0;          // the page number it was fetched for
    std::size_t attempts = 0;  // failed attempts of the current request
    bool paced = false;        // the pacing wait of the current request is done

    void begin_wait(actions& due_now, std::chrono::milliseconds delay) {
        waiting = true;
        if (options.schedule) {
            due_now.wait = delay;
        } else {
            due = clock_now() + delay;  // poll() ends it
        }
    }

    void begin_fetch(actions& due_now, request_type request, std::size_t page_number) {
        in_flight = true;
        ++fetches;
        due_now.fetch.emplace(std::move(request));
        due_now.fetch_for = page_number;
    }

    // Feeds kept results to the state and decides what to do next. Locked.
    actions step() {
        actions due_now;
        while (!cancelled) {
            const run_status status = state.status();
            if (status == run_status::send_request) {
                const std::size_t number = state.pages_received();
                if (kept_result && kept_result_for == number) {
                    fetched_page f = std::move(*kept_result);
                    kept_result.reset();
                    if (f.page) {
                        page = std::move(f.page);
                        state.on_page(*page);
                        attempts = 0;
                        paced = false;
                        page_delivered = false;
                        item_index = 0;
                    } else if (++attempts < options.retry.max_attempts && options.retry.should_retry(*f.failure)) {
                        begin_wait(due_now, options.retry.delay_before(attempts));
                        break;
                    } else {
                        state.on_fetch_failed(std::move(*f.failure));
                    }
                    continue;
                }
                kept_result.reset();
                if (in_flight || waiting) {
                    break;
                }
                if (options.pace && number > 0 && !paced) {
                    paced = true;
                    const std::chrono::milliseconds delay = options.pace(number);
                    if (delay.count() > 0) {
                        begin_wait(due_now, delay);
                        break;
                    }
                }
                if (options.gate && !options.gate->try_acquire()) {
                    break;
                }
                begin_fetch(due_now, state.request(), number);
                break;
            }
            if (status == run_status::page_ready && options.prefetch && !in_flight && !waiting && !kept_result &&
                !options.pace) {
                std::optional<request_type> next = state.upcoming_request();
                if (next && (!options.gate || options.gate->try_acquire())) {
                    begin_fetch(due_now, std::move(*next), state.pages_received());
                }
            }
            break;
        }
        if (handler) {
            if (cancelled || state.status() == run_status::finished || state.status() == run_status::failed) {
                due_now.deliver = std::move(handler);
                handler = nullptr;
            } else if (state.status() == run_status::page_ready && !page_delivered) {
                page_delivered = true;
                state.on_handed(state.page_item_count());
                due_now.delivered = page.get();
                due_now.deliver = std::move(handler);
                handler = nullptr;
            }
        }
        if (waker && status_locked() != async_status::pending) {
            due_now.wake = std::move(waker);
            waker = nullptr;
        }
        return due_now;
    }

    // Runs the user's code that step() decided on, unlocked. Everything of the user's it holds is
    // destroyed before the loop locks again.
    void perform(const std::shared_ptr<async_run>& self, actions due_now, std::unique_lock<std::mutex>& lock) {
        if (due_now.fetch) {
            if constexpr (uses_futures) {
                auto started = fetcher(std::as_const(*due_now.fetch));
                lock.lock();
                future.emplace(std::move(started));
                future_for = due_now.fetch_for;
                lock.unlock();
            } else {
                fetcher(std::as_const(*due_now.fetch), completion{self, due_now.fetch_for, options.gate});
            }
        }
        if (due_now.wait) {
            std::weak_ptr<async_run> weak = self;
            options.schedule(*due_now.wait, [weak] {
                if (std::shared_ptr<async_run> target = weak.lock()) {
                    std::unique_lock<std::mutex> relock(target->mutex);
                    target->waiting = false;
                    target->due.reset();
                    drive(target, relock);
                }
            });
        }
        if (due_now.deliver) {
            page_handler deliver = std::move(due_now.deliver);
            deliver(due_now.delivered);
        }
        if (due_now.wake) {
            std::function<void()> wake = std::move(due_now.wake);
            wake();
        }
    }
};

} // namespace detail
} // namespace pagination

#endif // PAGINATION_ASYNC_RUN_HPP
