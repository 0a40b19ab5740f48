// Soak test of the async driver (tools/ci.d/40-tsan.sh runs it under ThreadSanitizer,
// tools/ci.d/45-soak-asan.sh under ASan and UBSan): thousands of random runs through callbacks,
// the step API, fan_out over 8 streams and (C++20) coroutines, with prefetch, completions on
// random threads or inside the fetch call, retried failures, and cancellation and destruction
// mid-flight. Every listing, resumed from its resume token by the blocking paginator, must be
// exact: every item once, in order. Then 1,000,000 synchronous one-item pages in constant stack.
//
//   async_soak [--runs N] [--seed S] [--pages P]      (defaults: 10000 runs, 1000000 pages)
//
// The last line is `N passed, M failed`.

#include "../support/async_service.hpp"

#include <pagination/async.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#if PAGINATION_HAS_COROUTINES
#include <coroutine>
#endif

using namespace test_service;
using pagination::async_status;

namespace {

// ---- the service: stream "k:n" lists n items "k-0".."k-(n-1)", 3 a page unless Limit says ----

page serve(const request& r) {
    const std::string& fleet = *r.fleet_id;
    const std::size_t colon = fleet.find(':');
    const int size = std::stoi(fleet.substr(colon + 1));
    const std::string prefix = fleet.substr(0, colon) + "-";
    const int start = r.next_token ? std::stoi(r.next_token->substr(4)) : 0;
    const int end = std::min(size, start + r.limit.value_or(3));
    page p;
    for (int i = start; i < end; ++i) {
        p.items.push_back(prefix + std::to_string(i));
    }
    if (end < size) {
        p.next_token = "tok-" + std::to_string(end);
    }
    return p;
}

std::vector<std::string> expected(const request& r) {
    request all = r;
    all.limit = 1000000;
    all.next_token.reset();
    return serve(all).items;
}

// ---- threads: workers with a queue each, and the owner's queue that the owner drains ----

class task_queue {
public:
    void post(std::function<void()> f) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            tasks_.push_back(std::move(f));
        }
        changed_.notify_one();
    }
    // Runs one task if there is one; false otherwise.
    bool run_one() {
        std::function<void()> f;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (tasks_.empty()) {
                return false;
            }
            f = std::move(tasks_.front());
            tasks_.pop_front();
        }
        f();
        return true;
    }
    // Waits for tasks until stop() and the queue is empty.
    void serve() {
        for (;;) {
            std::function<void()> f;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                changed_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
                if (tasks_.empty()) {
                    return;
                }
                f = std::move(tasks_.front());
                tasks_.pop_front();
            }
            f();
        }
    }
    void stop() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
};

std::uint64_t base_seed = 20240611;
std::atomic<std::uint64_t> seed_counter{0};

std::mt19937_64& rng() {
    thread_local std::mt19937_64 generator(base_seed + 7919 * seed_counter.fetch_add(1));
    return generator;
}

int random_int(int low, int high) {  // inclusive
    return std::uniform_int_distribution<int>(low, high)(rng());
}

bool chance(int percent) { return random_int(0, 99) < percent; }

struct environment {
    std::vector<std::unique_ptr<task_queue>> workers;
    std::vector<std::thread> threads;
    task_queue owner;  // drained by the owner thread while it waits
    std::atomic<std::uint64_t> fetches{0}, failures{0}, inline_completions{0}, timer_calls{0};

    explicit environment(int count) {
        for (int i = 0; i < count; ++i) {
            workers.push_back(std::make_unique<task_queue>());
        }
        for (auto& w : workers) {
            task_queue* q = w.get();
            threads.emplace_back([q] { q->serve(); });
        }
    }
    ~environment() {
        for (auto& w : workers) {
            w->stop();
        }
        for (auto& t : threads) {
            t.join();
        }
    }
    // Runs `f` inline, on a random worker, or on the owner thread.
    void dispatch(std::function<void()> f, bool may_run_inline) {
        const int where = random_int(0, 9);
        if (may_run_inline && where < 3) {
            inline_completions.fetch_add(1);
            f();
        } else if (where < 8) {
            workers[static_cast<std::size_t>(random_int(0, static_cast<int>(workers.size()) - 1))]->post(std::move(f));
        } else {
            owner.post(std::move(f));
        }
    }
};

environment* env = nullptr;

/// A callback fetcher: 10% of fetches fail with a retryable ThrottlingException; the completion
/// comes inside the call, on a worker or on the owner thread.
struct soak_fetcher {
    template <class Done>
    void operator()(const request& r, Done done) const {
        env->fetches.fetch_add(1);
        const bool fail = chance(10);
        if (fail) {
            env->failures.fetch_add(1);
        }
        env->dispatch(
            [r, done, fail]() mutable {
                if (fail) {
                    done(page_or_failure(service_failure{"ThrottlingException"}));
                } else {
                    done(page_or_failure(serve(r)));
                }
            },
            true);
    }
};

using pager_type = pagination::async_paginator<soak_fetcher, tokens, limit>;

pagination::async_options random_options() {
    pagination::async_options options;
    options.prefetch = chance(50);
    options.retry.max_attempts = 100;
    options.retry.initial_delay = std::chrono::milliseconds(1);
    options.schedule = [](std::chrono::milliseconds, std::function<void()> resume) {
        env->timer_calls.fetch_add(1);
        env->dispatch(std::move(resume), true);
    };
    return options;
}

/// Waits (running the owner's tasks) until `done` holds; false after 60 s.
template <class Done>
bool pump_until(Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!done()) {
        if (!env->owner.run_one()) {
            std::this_thread::yield();
        }
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
    }
    return true;
}

struct run_result {
    std::vector<std::string> got;
    std::optional<std::string> token;
    bool ok = true;
    std::string why;
};

/// The run's items, then the rest of the listing from its token (the blocking paginator, same
/// PageSize), must be the whole listing.
bool exact(const request& r, const pagination::pagination_config& config, run_result& result) {
    if (!result.ok) {
        return false;
    }
    std::vector<std::string> all = result.got;
    if (result.token) {
        pagination::paginator<page (*)(const request&), tokens, limit> rest(
            &serve, r, {std::nullopt, config.page_size, result.token});
        for (auto& item : rest.items()) {
            all.push_back(item);
        }
    }
    std::vector<std::string> want = expected(r);
    if (config.max_items && !result.token) {
        want.resize(std::min(want.size(), *config.max_items));
    }
    if (all != want) {
        result.why = "got " + std::to_string(result.got.size()) + " + resumed " +
                     std::to_string(all.size() - result.got.size()) + " items, want " + std::to_string(want.size());
        return false;
    }
    return true;
}

std::atomic<std::uint64_t> cancelled_runs{0}, destroyed_runs{0};

request random_request(int stream) {
    request r;
    r.fleet_id = std::to_string(stream) + ":" + std::to_string(random_int(0, 40));
    return r;
}

pagination::pagination_config random_config() {
    pagination::pagination_config config;
    if (chance(30)) {
        config.max_items = static_cast<std::size_t>(random_int(0, 30));
    }
    if (chance(80)) {
        config.page_size = random_int(1, 7);
    }
    return config;
}

// ---- callbacks: async_next_page chained from the handler ----

bool callback_run() {
    const request r = random_request(0);
    const pagination::pagination_config config = random_config();
    struct context {
        std::unique_ptr<pager_type> pager;
        std::mutex mutex;
        run_result result;
        std::function<void(page*)> on_page;
        std::atomic<bool> over{false};
        std::atomic<bool> owner_cancel{false};
        int stop_after = -1;
        int stop_kind = 0;  // 0: cancel in the handler, 1: destroy in the handler
        int pages = 0;
    };
    auto ctx = std::make_shared<context>();
    ctx->pager = std::make_unique<pager_type>(soak_fetcher{}, r, config, random_options());
    if (chance(40)) {
        ctx->stop_after = random_int(0, 6);
        ctx->stop_kind = random_int(0, 1);
    }
    const bool owner_cancels = ctx->stop_after < 0 && chance(25);
    context* c = ctx.get();
    c->on_page = [c](page* p) {
        if (p == nullptr) {
            std::lock_guard<std::mutex> lock(c->mutex);
            c->result.token = c->pager->resume_token();
            c->over.store(true);
            return;
        }
        std::unique_lock<std::mutex> lock(c->mutex);
        c->result.got.insert(c->result.got.end(), p->items.begin(), p->items.end());
        if (++c->pages == c->stop_after) {
            c->result.token = c->pager->resume_token();
            if (c->stop_kind == 0) {
                c->pager->cancel();
                cancelled_runs.fetch_add(1);
            } else {
                c->pager.reset();  // with a prefetch perhaps in flight
                destroyed_runs.fetch_add(1);
            }
            c->over.store(true);
            return;
        }
        lock.unlock();
        c->pager->async_next_page(c->on_page);
    };
    c->pager->async_next_page(c->on_page);
    if (owner_cancels) {
        for (int i = random_int(0, 5); i > 0; --i) {
            env->owner.run_one();
        }
        c->pager->cancel();  // the handler then gets null (or one page already on its way)
        cancelled_runs.fetch_add(1);
    }
    if (!pump_until([c] { return c->over.load(); })) {
        std::fprintf(stderr, "callback run: timed out\n");
        return false;
    }
    std::lock_guard<std::mutex> lock(c->mutex);
    if (c->pager && chance(50)) {
        c->pager.reset();  // the run may still have a fetch in flight
        destroyed_runs.fetch_add(1);
    }
    if (c->pager && c->pager->status() == async_status::failed) {
        c->result.ok = false;
        c->result.why = "failed: " + c->pager->error()->message();
    }
    if (!exact(r, config, c->result)) {
        std::fprintf(stderr, "callback run %s: %s\n", r.fleet_id->c_str(), c->result.why.c_str());
        return false;
    }
    return true;
}

// ---- the step API on the owner thread ----

bool step_run() {
    const request r = random_request(0);
    const pagination::pagination_config config = random_config();
    auto pager = std::make_unique<pager_type>(soak_fetcher{}, r, config, random_options());
    run_result result;
    const int stop_after = chance(40) ? random_int(0, 20) : -1;
    const bool destroy = chance(50);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
        const async_status st = pager->poll();
        if (st == async_status::finished || st == async_status::failed) {
            result.token = pager->resume_token();
            if (st == async_status::failed) {
                result.ok = false;
                result.why = "failed: " + pager->error()->message();
            }
            break;
        }
        pager->take(static_cast<std::size_t>(random_int(1, 5)), [&](const std::string& item) { result.got.push_back(item); });
        if (stop_after >= 0 && static_cast<int>(result.got.size()) >= stop_after) {
            if (destroy) {
                result.token = pager->resume_token();
                pager.reset();
                destroyed_runs.fetch_add(1);
            } else {
                pager->cancel();
                result.token = pager->resume_token();
                cancelled_runs.fetch_add(1);
            }
            break;
        }
        for (int i = random_int(0, 2); i > 0; --i) {
            env->owner.run_one();
        }
        if (std::chrono::steady_clock::now() > deadline) {
            std::fprintf(stderr, "step run: timed out\n");
            return false;
        }
    }
    if (!exact(r, config, result)) {
        std::fprintf(stderr, "step run %s: %s\n", r.fleet_id->c_str(), result.why.c_str());
        return false;
    }
    return true;
}

// ---- fan_out over 8 streams ----

bool fan_out_run() {
    std::vector<request> requests;
    for (int k = 0; k < 8; ++k) {
        requests.push_back(random_request(k));
    }
    pagination::pagination_config config;
    if (chance(80)) {
        config.page_size = random_int(1, 7);
    }
    auto all = std::make_unique<pagination::fan_out<soak_fetcher, tokens, limit>>(
        soak_fetcher{}, requests, std::vector<pagination::pagination_config>{config},
        static_cast<std::size_t>(random_int(1, 8)), random_options());
    std::vector<run_result> results(8);
    const int stop_after = chance(40) ? random_int(0, 80) : -1;
    int taken = 0;
    std::vector<std::optional<std::string>> tokens_now;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
        const async_status st = all->poll();
        if (st == async_status::finished || st == async_status::failed) {
            tokens_now = all->resume_tokens();
            break;
        }
        taken += static_cast<int>(all->take(static_cast<std::size_t>(random_int(1, 10)),
                                            [&](std::size_t stream, const std::string& item) {
                                                results[stream].got.push_back(item);
                                            }));
        if (stop_after >= 0 && taken >= stop_after) {
            if (chance(50)) {
                all->cancel();
                cancelled_runs.fetch_add(1);
            }
            tokens_now = all->resume_tokens();
            all.reset();  // fetches may be in flight
            destroyed_runs.fetch_add(1);
            break;
        }
        for (int i = random_int(0, 2); i > 0; --i) {
            env->owner.run_one();
        }
        if (std::chrono::steady_clock::now() > deadline) {
            std::fprintf(stderr, "fan-out run: timed out\n");
            return false;
        }
    }
    bool ok = true;
    for (std::size_t k = 0; k < 8; ++k) {
        results[k].token = tokens_now[k];
        if (!exact(requests[k], config, results[k])) {
            std::fprintf(stderr, "fan-out stream %s: %s\n", requests[k].fleet_id->c_str(), results[k].why.c_str());
            ok = false;
        }
    }
    return ok;
}

// ---- coroutines ----

#if PAGINATION_HAS_COROUTINES
struct detached_task {
    struct promise_type {
        detached_task get_return_object() noexcept { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() { std::terminate(); }
    };
};

struct coroutine_context {
    std::unique_ptr<pager_type> pager;
    run_result result;
    int stop_after = -1;
    std::atomic<bool> over{false};
};

detached_task consume_items(coroutine_context& c) {
    while (std::string* item = co_await c.pager->next_item()) {
        c.result.got.push_back(*item);
        if (static_cast<int>(c.result.got.size()) == c.stop_after) {
            break;
        }
    }
    c.result.token = c.pager->resume_token();
    c.over.store(true);
}

detached_task consume_pages(coroutine_context& c) {
    int pages = 0;
    while (page* p = co_await c.pager->next_page()) {
        c.result.got.insert(c.result.got.end(), p->items.begin(), p->items.end());
        if (++pages == c.stop_after) {
            break;
        }
    }
    c.result.token = c.pager->resume_token();
    c.over.store(true);
}

bool coroutine_run() {
    const request r = random_request(0);
    const pagination::pagination_config config = random_config();
    auto c = std::make_unique<coroutine_context>();
    c->pager = std::make_unique<pager_type>(soak_fetcher{}, r, config, random_options());
    const bool items = chance(50);
    if (chance(40)) {
        c->stop_after = random_int(1, items ? 20 : 6);
    }
    if (items) {
        consume_items(*c);
    } else {
        consume_pages(*c);
    }
    if (!pump_until([&c] { return c->over.load(); })) {
        std::fprintf(stderr, "coroutine run: timed out\n");
        return false;
    }
    if (c->pager->status() == async_status::failed) {
        c->result.ok = false;
        c->result.why = "failed";
    }
    if (c->stop_after > 0) {
        destroyed_runs.fetch_add(1);
    }
    c->pager.reset();  // a prefetch may be in flight
    if (!exact(r, config, c->result)) {
        std::fprintf(stderr, "coroutine run %s: %s\n", r.fleet_id->c_str(), c->result.why.c_str());
        return false;
    }
    return true;
}
#endif

// ---- 1,000,000 synchronous one-item pages ----

struct inline_fetcher {
    template <class Done>
    void operator()(const request& r, Done done) const {
        done(serve(r));
    }
};

struct stack_span {
    std::uintptr_t low = UINTPTR_MAX;
    std::uintptr_t high = 0;
    void mark() {
        char here = 0;
        const auto at = reinterpret_cast<std::uintptr_t>(&here);
        low = std::min(low, at);
        high = std::max(high, at);
    }
};

bool million_callbacks(int pages) {
    request r;
    r.fleet_id = "m:" + std::to_string(pages);
    pagination::async_paginator<inline_fetcher, tokens, limit> pager(inline_fetcher{}, r, {std::nullopt, 1, std::nullopt});
    stack_span stack;
    int received = 0;
    bool in_order = true;
    bool over = false;
    std::function<void(page*)> on_page = [&](page* p) {
        stack.mark();
        if (p == nullptr) {
            over = true;
            return;
        }
        in_order = in_order && p->items.size() == 1 && p->items[0] == "m-" + std::to_string(received);
        ++received;
        pager.async_next_page(on_page);
    };
    const auto start = std::chrono::steady_clock::now();
    pager.async_next_page(on_page);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const bool ok = over && in_order && received == pages && stack.high - stack.low < 16384;
    std::printf("synchronous pages through callbacks: %d of %d, in order: %s, stack spread %zu bytes, %.2f s: %s\n",
                received, pages, in_order ? "yes" : "no", static_cast<std::size_t>(stack.high - stack.low), seconds,
                ok ? "ok" : "FAILED");
    return ok;
}

#if PAGINATION_HAS_COROUTINES
bool million_coroutine(int pages) {
    request r;
    r.fleet_id = "m:" + std::to_string(pages);
    pagination::async_paginator<inline_fetcher, tokens, limit> pager(inline_fetcher{}, r, {std::nullopt, 1, std::nullopt});
    stack_span stack;
    int received = 0;
    bool over = false;
    const auto start = std::chrono::steady_clock::now();
    [](auto& p, stack_span& span, int& count, bool& finished) -> detached_task {
        while (page* pg = co_await p.next_page()) {
            span.mark();
            count += static_cast<int>(pg->items.size());
        }
        finished = true;
    }(pager, stack, received, over);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const bool ok = over && received == pages && stack.high - stack.low < 16384;
    std::printf("synchronous pages through co_await next_page(): %d of %d, stack spread %zu bytes, %.2f s: %s\n",
                received, pages, static_cast<std::size_t>(stack.high - stack.low), seconds, ok ? "ok" : "FAILED");
    return ok;
}
#endif

} // namespace

int main(int argc, char** argv) {
    int runs = 10000;
    int pages = 1000000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--runs") {
            runs = std::atoi(argv[i + 1]);
        } else if (option == "--seed") {
            base_seed = std::strtoull(argv[i + 1], nullptr, 10);
        } else if (option == "--pages") {
            pages = std::atoi(argv[i + 1]);
        } else {
            std::fprintf(stderr, "async_soak: unknown option %s\n", option.c_str());
            return 2;
        }
    }
    int passed = 0;
    int failed = 0;
    int kinds[4] = {0, 0, 0, 0};
    const auto start = std::chrono::steady_clock::now();
    {
        environment threads(3);
        env = &threads;
        for (int run = 0; run < runs; ++run) {
#if PAGINATION_HAS_COROUTINES
            const int kind = run % 4;
#else
            const int kind = run % 3;
#endif
            ++kinds[kind];
            bool ok = false;
            switch (kind) {
            case 0: ok = callback_run(); break;
            case 1: ok = step_run(); break;
            case 2: ok = fan_out_run(); break;
#if PAGINATION_HAS_COROUTINES
            default: ok = coroutine_run(); break;
#endif
            }
            (ok ? passed : failed) += 1;
        }
        // Late completions of destroyed runs still queued for the owner are dropped safely.
        while (threads.owner.run_one()) {
        }
        std::printf("soak (seed %llu): %d runs (%d callbacks, %d step API, %d fan-out over 8 streams, %d coroutines); "
                    "%llu fetches, %llu failed and retried, %llu completed inside the fetch call, %llu timer calls; "
                    "%llu cancelled, %llu destroyed mid-run; %.1f s\n",
                    static_cast<unsigned long long>(base_seed), runs, kinds[0], kinds[1], kinds[2], kinds[3],
                    static_cast<unsigned long long>(threads.fetches.load()),
                    static_cast<unsigned long long>(threads.failures.load()),
                    static_cast<unsigned long long>(threads.inline_completions.load()),
                    static_cast<unsigned long long>(threads.timer_calls.load()),
                    static_cast<unsigned long long>(cancelled_runs.load()),
                    static_cast<unsigned long long>(destroyed_runs.load()),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        env = nullptr;
    }
    if (pages > 0) {
        (million_callbacks(pages) ? passed : failed) += 1;
#if PAGINATION_HAS_COROUTINES
        (million_coroutine(pages) ? passed : failed) += 1;
#endif
    }
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
