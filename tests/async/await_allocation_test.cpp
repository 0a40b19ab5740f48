// Awaiting allocates nothing per page: counted with a replaced global operator new (an executable
// of its own, as tests/allocation/ does). The same synchronous listing is walked by callbacks, by
// the step API and by co_await next_page() / next_item(); the allocations per page (the
// difference between a walk of 2,000 pages and one of 1,000, divided by 1,000) of a coroutine walk
// must be those of the callback or step walk it is built on: the awaitable itself adds none.
// Prints the counts; the last line is `N passed, M failed`.

#include "../support/allocation_counter.hpp"

#include <pagination/async.hpp>

#include <cstddef>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#if PAGINATION_HAS_COROUTINES
#include <coroutine>
#endif

namespace allocation_counter = pagination_tests::allocation_counter;

namespace {

struct alloc_request {
    std::optional<std::string> next_token;
    std::optional<int> limit;
};
struct alloc_page {
    std::vector<int> items;
    std::optional<std::string> next_token;
};
inline constexpr pagination::token_field alloc_next{"NextToken"};
using alloc_tokens = pagination::member_token_policy<&alloc_request::next_token, &alloc_page::next_token, alloc_next>;
using alloc_limit = pagination::member_limit_policy<&alloc_page::items, &alloc_request::limit>;

/// Pages of one item, built up front, served synchronously; tokens fit a small-string buffer.
struct prebuilt {
    const std::vector<alloc_page>* pages;
    template <class Done>
    void operator()(const alloc_request& r, Done done) const {
        const std::size_t at = r.next_token ? std::stoul(r.next_token->substr(1)) : 0;
        done((*pages)[at]);
    }
};

using pager_type = pagination::async_paginator<prebuilt, alloc_tokens, alloc_limit>;

std::vector<alloc_page> build(std::size_t count) {
    std::vector<alloc_page> pages(count);
    for (std::size_t i = 0; i < count; ++i) {
        pages[i].items = {static_cast<int>(i)};
        if (i + 1 < count) {
            pages[i].next_token = "t" + std::to_string(i + 1);
        }
    }
    return pages;
}

struct callbacks_walk {
    std::size_t operator()(pager_type& pager) const {
        struct state {
            pager_type* pager;
            std::size_t items = 0;
            std::function<void(alloc_page*)> on_page;
        } s{&pager, 0, nullptr};
        s.on_page = [p = &s](alloc_page* page) {  // one pointer: kept without allocating
            if (page != nullptr) {
                p->items += page->items.size();
                p->pager->async_next_page(p->on_page);
            }
        };
        pager.async_next_page(s.on_page);
        return s.items;
    }
};

struct step_walk {
    std::size_t operator()(pager_type& pager) const {
        std::size_t items = 0;
        while (pager.poll() != pagination::async_status::finished) {
            pager.take(1, [&items](const int&) { ++items; });
        }
        return items;
    }
};

#if PAGINATION_HAS_COROUTINES
struct detached_task {
    struct promise_type {
        detached_task get_return_object() noexcept { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() noexcept {}
    };
};

detached_task await_pages(pager_type& pager, std::size_t& items) {
    while (alloc_page* page = co_await pager.next_page()) {
        items += page->items.size();
    }
}

detached_task await_items(pager_type& pager, std::size_t& items) {
    while (co_await pager.next_item()) {
        ++items;
    }
}

struct await_pages_walk {
    std::size_t operator()(pager_type& pager) const {
        std::size_t items = 0;
        await_pages(pager, items);
        return items;
    }
};

struct await_items_walk {
    std::size_t operator()(pager_type& pager) const {
        std::size_t items = 0;
        await_items(pager, items);
        return items;
    }
};
#endif

/// Allocations of one walk of `count` pages (the paginator's construction excluded).
template <class Walk>
std::size_t allocations_of(std::size_t count, bool& complete) {
    const std::vector<alloc_page> pages = build(count);
    pager_type pager(prebuilt{&pages}, alloc_request{});
    allocation_counter::start();
    const std::size_t items = Walk{}(pager);
    const std::size_t allocations = allocation_counter::stop();
    complete = complete && items == count;
    return allocations;
}

/// Allocations per page: (a walk of 2,000 pages - a walk of 1,000) / 1,000.
template <class Walk>
double per_page(const char* name, bool& complete) {
    const std::size_t small = allocations_of<Walk>(1000, complete);
    const std::size_t large = allocations_of<Walk>(2000, complete);
    const double each = static_cast<double>(large - small) / 1000.0;
    std::printf("%-26s %zu allocations for 1,000 pages, %zu for 2,000: %.3f per page\n", name, small, large, each);
    return each;
}

} // namespace

int main() {
    int passed = 0;
    int failed = 0;
    auto check = [&](bool ok, const char* what) {
        std::printf("%s: %s\n", ok ? "ok" : "FAILED", what);
        (ok ? passed : failed) += 1;
    };
    bool complete = true;
    const double callbacks = per_page<callbacks_walk>("callbacks", complete);
    const double steps = per_page<step_walk>("step API", complete);
    check(callbacks <= 2.0, "callbacks: at most 2 allocations per page (the list the fetcher copies, the page the run keeps)");
#if PAGINATION_HAS_COROUTINES
    const double pages = per_page<await_pages_walk>("co_await next_page()", complete);
    const double items = per_page<await_items_walk>("co_await next_item()", complete);
    check(pages == callbacks, "co_await next_page() allocates nothing per page beyond the callback walk");
    check(items == steps, "co_await next_item() allocates nothing per page beyond the step API walk");
#else
    (void)steps;
    std::printf("(no coroutines in this configuration: the awaitables are not counted)\n");
#endif
    check(complete, "every walk saw every item");
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
