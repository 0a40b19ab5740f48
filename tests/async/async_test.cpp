// The async driver: callbacks, futures, the step API for game loops, prefetch, retry, pacing and
// cancellation, all over the same state machine as the blocking ranges.

#include "support/async_service.hpp"

#include <pagination/retry.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <future>
#include <map>
#include <mutex>
#include <thread>

using namespace test_service;
using pagination::async_status;

namespace {

template <class Fetcher>
using async_pager = pagination::async_paginator<Fetcher, tokens, limit>;

/// Completes every fetch on a thread of its own.
struct threaded_listing {
    listing inner;
    template <class Done>
    void operator()(const request& r, Done done) const {
        std::thread([in = inner, r, done]() mutable { done(in(r)); }).detach();
    }
};

/// A scripted service whose completions wait until the test runs them.
struct deferred_script {
    scripted inner;
    std::shared_ptr<std::deque<std::function<void()>>> pending = std::make_shared<std::deque<std::function<void()>>>();
    template <class Done>
    void operator()(const request& r, Done done) const {
        auto in = inner;
        pending->push_back([in, r, done] { done(in(r)); });
    }
};

/// Collects every page through async_next_page, completing deferred fetches as they are asked for.
template <class Pager>
std::vector<std::string> all_pages(Pager& pager, const deferred_listing& svc) {
    std::vector<std::string> got;
    bool over = false;
    std::function<void(page*)> on_page = [&](page* p) {
        if (p == nullptr) {
            over = true;
            return;
        }
        got.insert(got.end(), p->items.begin(), p->items.end());
        pager.async_next_page(on_page);
    };
    pager.async_next_page(on_page);
    for (int guard = 0; !over && guard < 1000; ++guard) {
        if (!svc.complete_one()) {
            break;
        }
    }
    return got;
}

/// The spread of a stack across calls: the lowest and highest address seen of a local.
struct stack_span {
    std::uintptr_t low = UINTPTR_MAX;
    std::uintptr_t high = 0;
    void mark() {
        char here = 0;
        const auto at = reinterpret_cast<std::uintptr_t>(&here);
        low = std::min(low, at);
        high = std::max(high, at);
    }
    std::uintptr_t bytes() const { return high - low; }
};

/// A gate a test opens: a fetch "takes two seconds" unless the test lets it finish sooner.
struct slow_network {
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    void wait() {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait_for(lock, std::chrono::seconds(2), [this] { return open; });
    }
    void release() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            open = true;
        }
        changed.notify_all();
    }
};

template <class F>
std::chrono::milliseconds time_of(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

} // namespace

TEST_CASE("async_next_page walks the listing with completions that arrive later") {
    deferred_listing svc(10);
    async_pager<deferred_listing> pager(svc, request{});
    CHECK(all_pages(pager, svc) == numbered(10));
    CHECK(pager.status() == async_status::finished);
    CHECK_FALSE(pager.resume_token().has_value());
    CHECK_FALSE(pager.error().has_value());
}

TEST_CASE("async runs give the same resume tokens as blocking runs") {
    for (std::size_t max_items : {1u, 3u, 4u, 7u, 10u}) {
        deferred_listing svc(10);
        async_pager<deferred_listing> pager(svc, request{}, {max_items, std::nullopt, std::nullopt});
        auto got = all_pages(pager, svc);
        auto blocking = make(listing(10), {max_items, std::nullopt, std::nullopt});
        CHECK(got == all_items(blocking));
        CHECK(pager.resume_token() == blocking.resume_token());
    }
}

TEST_CASE("a completion that runs inline, on the fetching thread, works too") {
    async_pager<inline_listing> pager(inline_listing{listing(7)}, request{}, {5, 2, std::nullopt});
    std::vector<std::string> got;
    std::function<void(page*)> on_page = [&](page* p) {
        if (p != nullptr) {
            got.insert(got.end(), p->items.begin(), p->items.end());
            pager.async_next_page(on_page);
        }
    };
    pager.async_next_page(on_page);
    CHECK(got == numbered(5));
    CHECK(pager.resume_token() == token_for("tok-4", 1));
}

TEST_CASE("20,000 synchronous completions chained from the handler run in constant stack, one handler at a time") {
    constexpr int pages = 20000;
    async_pager<inline_listing> pager(inline_listing{listing(pages)}, request{}, {std::nullopt, 1, std::nullopt});
    stack_span stack;
    int depth = 0;
    int deepest = 0;
    int received = 0;
    bool in_order = true;
    bool over = false;
    std::function<void(page*)> on_page = [&](page* p) {
        ++depth;
        deepest = std::max(deepest, depth);
        stack.mark();
        if (p == nullptr) {
            over = true;
        } else {
            in_order = in_order && p->items.size() == 1 && p->items[0] == "item-" + std::to_string(received);
            ++received;
            pager.async_next_page(on_page);  // returns at once: the outer call delivers the next page
        }
        --depth;
    };
    pager.async_next_page(on_page);
    CHECK(over);
    CHECK(received == pages);
    CHECK(in_order);
    CHECK(deepest == 1);            // a handler never runs inside another handler's call
    CHECK(stack.bytes() < 16384);  // every page at the same depth
    CHECK(pager.status() == async_status::finished);
}

TEST_CASE("a synchronous completion is never delivered inside the fetch call that made it") {
    bool in_fetch = false;
    bool handler_inside_fetch = false;
    listing svc(6);
    auto fetch = [&](const request& r, auto done) {
        in_fetch = true;
        done(svc(r));
        in_fetch = false;
    };
    pagination::async_paginator<decltype(fetch), tokens, limit> pager(fetch, request{});
    int pages = 0;
    std::function<void(page*)> on_page = [&](page* p) {
        handler_inside_fetch = handler_inside_fetch || in_fetch;
        if (p != nullptr) {
            ++pages;
            pager.async_next_page(on_page);
        }
    };
    pager.async_next_page(on_page);
    CHECK(pages == 2);
    CHECK_FALSE(handler_inside_fetch);
}

TEST_CASE("the step API over 20,000 synchronous one-item pages runs in constant stack") {
    constexpr int pages = 20000;
    pagination::async_options options;
    options.prefetch = true;
    async_pager<inline_listing> pager(inline_listing{listing(pages)}, request{}, {std::nullopt, 1, std::nullopt},
                                      options);
    stack_span stack;
    int received = 0;
    bool in_order = true;
    for (int frame = 0; frame < 3 * pages && pager.poll() != async_status::finished; ++frame) {
        pager.take(1, [&](const std::string& item) {
            stack.mark();
            in_order = in_order && item == "item-" + std::to_string(received);
            ++received;
        });
    }
    CHECK(received == pages);
    CHECK(in_order);
    CHECK(stack.bytes() < 16384);
}

TEST_CASE("a handler may destroy its own paginator, with a prefetch in flight") {
    deferred_listing svc(9);
    pagination::async_options options;
    options.prefetch = true;
    auto pager = std::make_unique<async_pager<deferred_listing>>(svc, request{}, pagination::pagination_config{},
                                                                 options);
    std::optional<std::string> token;
    pager->async_next_page([&](page* p) {
        REQUIRE(p != nullptr);
        token = pager->resume_token();
        pager.reset();
    });
    svc.complete_one();
    CHECK(pager == nullptr);
    while (svc.complete_one()) {
    }
    CHECK(token == token_for("tok-3"));
}

TEST_CASE("the future fetcher is called without the run's lock held") {
    std::optional<async_pager<std::function<std::future<page>(const request&)>>> pager;
    std::promise<page> answer;
    bool status_while_fetching = false;
    listing svc(5);
    std::function<std::future<page>(const request&)> fetch = [&](const request&) {
        // Another thread asks for the status while the fetcher runs: it gets it only if the
        // lock is free.
        auto asked = std::async(std::launch::async, [&] { return pager->status(); });
        status_while_fetching = asked.wait_for(std::chrono::seconds(2)) == std::future_status::ready;
        asked.wait();
        return answer.get_future();
    };
    pager.emplace(fetch, request{});
    CHECK(pager->poll() == async_status::pending);
    CHECK(status_while_fetching);
    answer.set_value(svc(request{}));
    CHECK(pager->poll() == async_status::ready);
}

TEST_CASE("destroying or cancelling a run with a two-second fetch in flight returns at once") {
    listing svc(10);
    SECTION("a promise-fulfilled future, destroyed") {
        slow_network net;
        std::vector<std::thread> workers;
        auto fetch = [&](const request& r) {
            auto promise = std::make_shared<std::promise<page>>();
            workers.emplace_back([&net, &svc, promise, r] {
                net.wait();
                promise->set_value(svc(r));
            });
            return promise->get_future();
        };
        auto pager = std::make_unique<async_pager<decltype(fetch)>>(fetch, request{});
        CHECK(pager->poll() == async_status::pending);
        CHECK(time_of([&] { pager.reset(); }) < std::chrono::milliseconds(50));
        net.release();
        for (auto& w : workers) {
            w.join();
        }
    }
    SECTION("a promise-fulfilled future, cancelled") {
        slow_network net;
        std::vector<std::thread> workers;
        auto fetch = [&](const request& r) {
            auto promise = std::make_shared<std::promise<page>>();
            workers.emplace_back([&net, &svc, promise, r] {
                net.wait();
                promise->set_value(svc(r));
            });
            return promise->get_future();
        };
        async_pager<decltype(fetch)> pager(fetch, request{});
        CHECK(pager.poll() == async_status::pending);
        CHECK(time_of([&] { pager.cancel(); }) < std::chrono::milliseconds(50));
        CHECK(pager.poll() == async_status::cancelled);
        CHECK(pager.resume_token() == token_for(std::nullopt));
        net.release();
        for (auto& w : workers) {
            w.join();
        }
    }
    SECTION("a callback completed by a worker thread, cancelled and then destroyed") {
        auto net = std::make_shared<slow_network>();
        std::vector<std::thread> workers;
        auto fetch = [&](const request& r, auto done) {
            workers.emplace_back([net, &svc, r, done] {
                net->wait();
                done(svc(r));
            });
        };
        auto pager = std::make_unique<async_pager<decltype(fetch)>>(fetch, request{});
        pager->start();
        CHECK(time_of([&] { pager->cancel(); }) < std::chrono::milliseconds(50));
        CHECK(time_of([&] { pager.reset(); }) < std::chrono::milliseconds(50));
        net->release();
        for (auto& w : workers) {
            w.join();
        }
    }
    SECTION("cancel from another thread while the poll thread is inside a slow future fetcher") {
        slow_network net;
        std::promise<page> answer;
        std::atomic<bool> fetching{false};
        auto fetch = [&](const request&) {
            fetching = true;
            net.wait();  // a fetcher that blocks before it returns its future
            return answer.get_future();
        };
        async_pager<decltype(fetch)> pager(fetch, request{});
        std::thread owner([&] { pager.poll(); });
        while (!fetching) {
            std::this_thread::yield();
        }
        CHECK(time_of([&] { pager.cancel(); }) < std::chrono::milliseconds(50));
        CHECK(time_of([&] { (void)pager.resume_token(); }) < std::chrono::milliseconds(50));
        net.release();
        owner.join();
        answer.set_value(svc(request{}));
        CHECK(pager.poll() == async_status::cancelled);
    }
}

TEST_CASE("the step API hands items to a frame in bounded batches and never blocks") {
    deferred_listing svc(10);
    async_pager<deferred_listing> pager(svc, request{});
    std::vector<std::string> got;
    int frames = 0;
    while (frames < 100) {
        ++frames;
        const async_status st = pager.poll();
        if (st == async_status::finished) {
            break;
        }
        const std::size_t taken = pager.take(2, [&](const std::string& item) { got.push_back(item); });
        CHECK(taken <= 2);
        if (st == async_status::pending) {
            CHECK(taken == 0);
            svc.complete_one();  // the network answers between frames
        }
    }
    CHECK(got == numbered(10));
    CHECK(frames < 100);
}

TEST_CASE("cancelling a game-loop run leaves a resume token at the first item not handed out") {
    deferred_listing svc(10);
    async_pager<deferred_listing> pager(svc, request{});
    pager.start();
    svc.complete_one();
    std::vector<std::string> got;
    pager.take(2, [&](const std::string& item) { got.push_back(item); });
    pager.cancel();
    CHECK(pager.status() == async_status::cancelled);
    CHECK(pager.take(5, [&](const std::string& item) { got.push_back(item); }) == 0);
    auto rest = make(listing(10), {std::nullopt, std::nullopt, pager.resume_token()});
    auto second = all_items(rest);
    got.insert(got.end(), second.begin(), second.end());
    CHECK(got == numbered(10));
}

TEST_CASE("cancelling with a fetch in flight drops the late result and keeps the position") {
    deferred_listing svc(10);
    async_pager<deferred_listing> pager(svc, request{});
    pager.start();
    svc.complete_one();
    std::vector<std::string> got;
    pager.take(3, [&](const std::string& item) { got.push_back(item); });  // page used up: next fetch starts
    CHECK(svc.in_flight() == 1);
    pager.cancel();
    svc.complete_one();
    CHECK(pager.status() == async_status::cancelled);
    CHECK(pager.resume_token() == token_for("tok-3"));
}

TEST_CASE("a paginator destroyed with a fetch in flight drops the late result safely") {
    deferred_listing svc(10);
    {
        async_pager<deferred_listing> pager(svc, request{});
        pager.start();
    }
    CHECK(svc.complete_one());
}

TEST_CASE("prefetch keeps the next page in flight while the consumer works on the current one") {
    deferred_listing svc(9);
    pagination::async_options options;
    options.prefetch = true;
    async_pager<deferred_listing> pager(svc, request{}, {}, options);
    pager.start();
    svc.complete_one();
    CHECK(pager.poll() == async_status::ready);
    CHECK(svc.in_flight() == 1);  // page 2 requested before page 1 is consumed
    CHECK(pager.fetches_started() == 2);
    svc.complete_one();
    std::vector<std::string> got;
    pager.take(3, [&](const std::string& item) { got.push_back(item); });
    CHECK(pager.poll() == async_status::ready);  // page 2 was already there
    while (pager.poll() != async_status::finished) {
        pager.take(10, [&](const std::string& item) { got.push_back(item); });
        svc.complete_one();
    }
    CHECK(got == numbered(9));
}

TEST_CASE("prefetch does not change where a cancelled run resumes") {
    deferred_listing svc(9);
    pagination::async_options options;
    options.prefetch = true;
    async_pager<deferred_listing> pager(svc, request{}, {}, options);
    pager.start();
    svc.complete_one();
    svc.complete_one();  // the prefetched page has landed
    std::vector<std::string> got;
    pager.take(1, [&](const std::string& item) { got.push_back(item); });
    pager.cancel();
    CHECK(pager.resume_token() == token_for(std::nullopt, 1));
}

TEST_CASE("retryable failures are retried after a backoff on the user's timer, losing and repeating nothing") {
    deferred_listing svc(10);
    svc.state->failures = {1, 2};  // the second page fails twice
    fake_timer timer;
    pagination::async_options options;
    options.retry.max_attempts = 3;
    options.retry.initial_delay = std::chrono::milliseconds(100);
    options.schedule = timer.schedule();
    async_pager<deferred_listing> pager(svc, request{}, {}, options);
    std::vector<std::string> got;
    for (int step = 0; step < 100 && pager.poll() != async_status::finished; ++step) {
        pager.take(100, [&](const std::string& item) { got.push_back(item); });
        if (!svc.complete_one()) {
            timer.advance(std::chrono::milliseconds(1000));
        }
    }
    CHECK(got == numbered(10));
    CHECK(timer.state->delays == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(100),
                                                                        std::chrono::milliseconds(200)});
}

TEST_CASE("when retries run out the run fails with the last error and the position kept") {
    deferred_listing svc(10);
    svc.state->failures = {1, 2, 3};
    fake_timer timer;
    pagination::async_options options;
    options.retry.max_attempts = 3;
    options.schedule = timer.schedule();
    async_pager<deferred_listing> pager(svc, request{}, {}, options);
    std::vector<std::string> got;
    for (int step = 0; step < 100; ++step) {
        const async_status st = pager.poll();
        if (st == async_status::finished || st == async_status::failed) {
            break;
        }
        pager.take(100, [&](const std::string& item) { got.push_back(item); });
        if (!svc.complete_one()) {
            timer.advance(std::chrono::milliseconds(10000));
        }
    }
    CHECK(pager.status() == async_status::failed);
    REQUIRE(pager.error().has_value());
    CHECK(pager.error()->code() == pagination::errc::fetch_failed);
    CHECK(pager.error()->retryable());
    CHECK(got == numbered(3));
    CHECK(pager.resume_token() == token_for("tok-3"));
}

TEST_CASE("a failure that is not retryable is not retried") {
    deferred_listing svc(10);
    svc.state->failures = {0};
    pagination::async_options options;
    options.retry.max_attempts = 5;
    options.retry.retryable = [](const pagination::error&) { return false; };
    async_pager<deferred_listing> pager(svc, request{}, {}, options);
    pager.start();
    svc.complete_one();
    CHECK(pager.poll() == async_status::failed);
    CHECK(pager.fetches_started() == 1);
}

TEST_CASE("waits end in poll() by the user's clock when there is no timer") {
    deferred_listing svc(6);
    svc.state->failures = {0};
    auto now = std::make_shared<std::chrono::steady_clock::time_point>();
    pagination::async_options options;
    options.retry.max_attempts = 2;
    options.retry.initial_delay = std::chrono::milliseconds(50);
    options.now = [now] { return *now; };
    async_pager<deferred_listing> pager(svc, request{}, {}, options);
    pager.start();
    svc.complete_one();
    CHECK(pager.poll() == async_status::pending);
    CHECK(svc.in_flight() == 0);  // waiting, not fetching
    *now += std::chrono::milliseconds(49);
    CHECK(pager.poll() == async_status::pending);
    CHECK(svc.in_flight() == 0);
    *now += std::chrono::milliseconds(1);
    pager.poll();
    CHECK(svc.in_flight() == 1);
}

TEST_CASE("a pacing hook delays every request after the first") {
    deferred_listing svc(9);
    fake_timer timer;
    pagination::async_options options;
    options.pace = [](std::size_t) { return std::chrono::milliseconds(250); };
    options.schedule = timer.schedule();
    async_pager<deferred_listing> pager(svc, request{}, {}, options);
    std::vector<std::string> got;
    pager.start();
    CHECK(svc.in_flight() == 1);  // the first request goes at once
    svc.complete_one();
    pager.take(3, [&](const std::string& item) { got.push_back(item); });
    CHECK(svc.in_flight() == 0);  // the second waits for the pacing delay
    timer.advance(std::chrono::milliseconds(250));
    CHECK(svc.in_flight() == 1);
    CHECK(timer.state->delays.front() == std::chrono::milliseconds(250));
}

TEST_CASE("a future fetcher is polled without blocking") {
    std::vector<std::promise<page>> promises;
    std::vector<request> requests;
    promises.reserve(16);
    auto fetch = [&](const request& r) {
        requests.push_back(r);
        promises.emplace_back();
        return promises.back().get_future();
    };
    pagination::async_paginator<decltype(fetch), tokens, limit> pager(fetch, request{});
    CHECK(pager.uses_futures);
    CHECK(pager.poll() == async_status::pending);
    CHECK(pager.poll() == async_status::pending);
    REQUIRE(promises.size() == 1);
    listing svc(5);
    promises[0].set_value(svc(requests[0]));
    CHECK(pager.poll() == async_status::ready);
    std::vector<std::string> got;
    pager.take(10, [&](const std::string& item) { got.push_back(item); });
    REQUIRE(promises.size() == 2);
    promises[1].set_value(svc(requests[1]));
    CHECK(pager.poll() == async_status::ready);
    pager.take(10, [&](const std::string& item) { got.push_back(item); });
    CHECK(pager.poll() == async_status::finished);
    CHECK(got == numbered(5));
}

TEST_CASE("completions on another thread are safe while the owner polls") {
    pagination::async_options options;
    options.prefetch = true;
    pagination::async_paginator<threaded_listing, tokens, limit> pager(threaded_listing{listing(50)}, request{},
                                                                        {std::nullopt, 4, std::nullopt}, options);
    std::vector<std::string> got;
    for (int frame = 0; frame < 1000000 && pager.poll() != async_status::finished; ++frame) {
        pager.take(3, [&](const std::string& item) { got.push_back(item); });
        std::this_thread::yield();
    }
    CHECK(got == numbered(50));
}

#if PAGINATION_HAS_COROUTINES
#include <coroutine>

namespace {
/// The smallest coroutine type that starts at once and never suspends at the end.
struct detached_task {
    struct promise_type {
        detached_task get_return_object() noexcept { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() { std::terminate(); }
    };
};

detached_task collect_pages(async_pager<deferred_listing>& pager, std::vector<std::string>& out, bool& done) {
    while (page* p = co_await pager.next_page()) {
        out.insert(out.end(), p->items.begin(), p->items.end());
    }
    done = true;
}

detached_task collect_items(async_pager<deferred_listing>& pager, std::vector<std::string>& out, bool& done) {
    while (std::string* item = co_await pager.next_item()) {
        out.push_back(*item);
    }
    done = true;
}
} // namespace

TEST_CASE("co_await next_page() walks the listing in a coroutine") {
    deferred_listing svc(8);
    async_pager<deferred_listing> pager(svc, request{}, {7, std::nullopt, std::nullopt});
    std::vector<std::string> got;
    bool done = false;
    collect_pages(pager, got, done);
    while (!done && svc.complete_one()) {
    }
    CHECK(done);
    CHECK(got == numbered(7));
    CHECK(pager.resume_token() == token_for("tok-6", 1));
}

TEST_CASE("co_await next_item() yields items across pages, empty pages included") {
    scripted script;
    script.on("", {"a"}, std::string("t1")).on("t1", {}, std::string("t2")).on("t2", {"b", "c"}, std::nullopt);
    deferred_script svc{script};
    pagination::async_paginator<deferred_script, tokens, limit> pager(svc, request{});
    std::vector<std::string> got;
    bool done = false;
    [](auto& p, std::vector<std::string>& out, bool& finished) -> detached_task {
        while (std::string* item = co_await p.next_item()) {
            out.push_back(*item);
        }
        finished = true;
    }(pager, got, done);
    while (!done && !svc.pending->empty()) {
        auto next = std::move(svc.pending->front());
        svc.pending->pop_front();
        next();
    }
    CHECK(done);
    CHECK(got == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("co_await next_item() over a deferred listing") {
    deferred_listing svc(5);
    async_pager<deferred_listing> pager(svc, request{});
    std::vector<std::string> got;
    bool done = false;
    collect_items(pager, got, done);
    while (!done && svc.complete_one()) {
    }
    CHECK(done);
    CHECK(got == numbered(5));
}
TEST_CASE("co_await over 20,000 synchronous completions runs in constant stack") {
    constexpr int pages = 20000;
    SECTION("next_page") {
        async_pager<inline_listing> pager(inline_listing{listing(pages)}, request{}, {std::nullopt, 1, std::nullopt});
        stack_span stack;
        int received = 0;
        bool done = false;
        [](auto& p, stack_span& span, int& count, bool& finished) -> detached_task {
            while (page* pg = co_await p.next_page()) {
                span.mark();
                count += static_cast<int>(pg->items.size());
            }
            finished = true;
        }(pager, stack, received, done);
        CHECK(done);
        CHECK(received == pages);
        CHECK(stack.bytes() < 16384);
    }
    SECTION("next_item, with prefetch") {
        pagination::async_options options;
        options.prefetch = true;
        async_pager<inline_listing> pager(inline_listing{listing(pages)}, request{}, {std::nullopt, 1, std::nullopt},
                                          options);
        stack_span stack;
        int received = 0;
        bool done = false;
        [](auto& p, stack_span& span, int& count, bool& finished) -> detached_task {
            while (std::string* item = co_await p.next_item()) {
                span.mark();
                count += item->empty() ? 0 : 1;
            }
            finished = true;
        }(pager, stack, received, done);
        CHECK(done);
        CHECK(received == pages);
        CHECK(stack.bytes() < 16384);
    }
    SECTION("next_page, resumed from the completions of a deferred listing") {
        // Each page resumes the coroutine from the completion, and the next co_await starts the
        // next fetch from inside that completion.
        deferred_listing svc(pages);
        async_pager<deferred_listing> pager(svc, request{}, {std::nullopt, 1, std::nullopt});
        std::vector<std::string> got;
        bool done = false;
        collect_pages(pager, got, done);
        stack_span stack;
        while (!done && svc.complete_one()) {
            stack.mark();
        }
        CHECK(done);
        CHECK(got.size() == static_cast<std::size_t>(pages));
    }
}

namespace {
/// A scripted service that completes at once, on the calling thread.
struct inline_script {
    scripted inner;
    template <class Done>
    void operator()(const request& r, Done done) const {
        done(inner(r));
    }
};
} // namespace

TEST_CASE("co_await next_item() over a run of empty pages and synchronous completions") {
    scripted script;
    constexpr int empties = 20000;
    script.on("", {"first"}, std::string("e0"));
    for (int i = 0; i < empties; ++i) {
        script.on("e" + std::to_string(i), {}, "e" + std::to_string(i + 1));
    }
    script.on("e" + std::to_string(empties), {"last"}, std::nullopt);
    pagination::async_paginator<inline_script, tokens, limit> pager(inline_script{script}, request{});
    std::vector<std::string> got;
    bool done = false;
    [](auto& p, std::vector<std::string>& out, bool& finished) -> detached_task {
        while (std::string* item = co_await p.next_item()) {
            out.push_back(*item);
        }
        finished = true;
    }(pager, got, done);
    CHECK(done);
    CHECK(got == std::vector<std::string>{"first", "last"});
}
#endif

namespace {
/// One listing per fleet id ("a": 7 items, "b": 4, others none), completed when the test says.
struct by_fleet {
    std::shared_ptr<std::deque<std::function<void()>>> pending = std::make_shared<std::deque<std::function<void()>>>();
    template <class Done>
    void operator()(const request& r, Done done) const {
        pending->push_back([r, done] {
            listing inner(r.fleet_id == std::string("a") ? 7 : r.fleet_id == std::string("b") ? 4 : 0);
            page p = inner(r);
            for (auto& item : p.items) {
                item = *r.fleet_id + ":" + item;
            }
            done(std::move(p));
        });
    }
};
} // namespace

TEST_CASE("fan_out lists several streams at once, merges them, and never exceeds the bound in flight") {
    by_fleet svc;
    std::vector<request> requests{request{"a", std::nullopt, std::nullopt}, request{"b", std::nullopt, std::nullopt},
                                  request{"c", std::nullopt, std::nullopt}};
    pagination::fan_out<by_fleet, tokens, limit> all(svc, requests, {pagination::pagination_config{}}, 2);
    std::map<std::size_t, std::vector<std::string>> got;
    std::size_t peak = 0;
    for (int step = 0; step < 200 && all.poll() != async_status::finished; ++step) {
        peak = std::max(peak, svc.pending->size());
        all.take(2, [&](std::size_t stream, const std::string& item) { got[stream].push_back(item); });
        if (!svc.pending->empty()) {
            auto next = std::move(svc.pending->front());
            svc.pending->pop_front();
            next();
        }
    }
    CHECK(all.poll() == async_status::finished);
    CHECK(peak <= 2);
    CHECK(all.gate().peak() == 2);
    CHECK(got[0].size() == 7);
    CHECK(got[1].size() == 4);
    CHECK(got[2].empty());
    CHECK(got[0].front() == "a:item-0");
    for (const auto& token : all.resume_tokens()) {
        CHECK_FALSE(token.has_value());
    }
}

TEST_CASE("a cancelled fan_out keeps a resume token per stream that resumes each exactly") {
    deferred_listing svc(9);
    std::vector<request> requests(3);
    pagination::fan_out<deferred_listing, tokens, limit> all(svc, requests, {pagination::pagination_config{}}, 3);
    std::map<std::size_t, std::vector<std::string>> got;
    for (int step = 0; step < 5; ++step) {
        all.poll();
        all.take(2, [&](std::size_t stream, const std::string& item) { got[stream].push_back(item); });
        svc.complete_one();
    }
    all.cancel();
    const auto tokens_now = all.resume_tokens();
    for (std::size_t i = 0; i < 3; ++i) {
        auto rest = make(listing(9), {std::nullopt, std::nullopt, tokens_now[i]});
        auto second = all_items(rest);
        got[i].insert(got[i].end(), second.begin(), second.end());
        CHECK(got[i] == numbered(9));
    }
}

TEST_CASE("with_retry retries a blocking fetcher's retryable failures on the user's sleep, losing and repeating nothing") {
    listing inner(10);
    auto calls = std::make_shared<int>(0);
    auto flaky = [inner, calls](const request& r) -> page_or_failure {
        const int call = (*calls)++;
        if (call == 1 || call == 2) {
            return service_failure{"ThrottlingException"};
        }
        return inner(r);
    };
    std::vector<std::chrono::milliseconds> slept;
    pagination::retry_options retry;
    retry.max_attempts = 4;
    retry.initial_delay = std::chrono::milliseconds(10);
    auto fetcher = pagination::with_retry(flaky, retry, [&](std::chrono::milliseconds d) { slept.push_back(d); },
                                          [](std::size_t) { return std::chrono::milliseconds(5); });
    auto p = make(fetcher);
    CHECK(all_items(p) == numbered(10));
    CHECK(slept == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(5), std::chrono::milliseconds(10),
                                                          std::chrono::milliseconds(20), std::chrono::milliseconds(5),
                                                          std::chrono::milliseconds(5)});
}

TEST_CASE("with_retry gives up after max_attempts and the paginator reports the failure") {
    auto always = [](const request&) -> page_or_failure { return service_failure{"ThrottlingException"}; };
    std::size_t sleeps = 0;
    pagination::retry_options retry;
    retry.max_attempts = 3;
    auto fetcher = pagination::with_retry(always, retry, [&](std::chrono::milliseconds) { ++sleeps; });
    auto p = make(fetcher);
    CHECK_THROWS_AS(all_items(p), pagination::fetch_error);
    CHECK(sleeps == 2);
    CHECK(p.resume_token() == token_for(std::nullopt));
}

TEST_CASE("retry delays double up to the maximum") {
    pagination::retry_options retry;
    retry.initial_delay = std::chrono::milliseconds(100);
    retry.max_delay = std::chrono::milliseconds(350);
    CHECK(retry.delay_before(1) == std::chrono::milliseconds(100));
    CHECK(retry.delay_before(2) == std::chrono::milliseconds(200));
    CHECK(retry.delay_before(3) == std::chrono::milliseconds(350));
    CHECK(retry.delay_before(10) == std::chrono::milliseconds(350));
}
