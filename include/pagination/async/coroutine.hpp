#ifndef PAGINATION_ASYNC_COROUTINE_HPP
#define PAGINATION_ASYNC_COROUTINE_HPP

// C++20: what `co_await run.next_page()` and `co_await run.next_item()` return. An awaitable lives
// in the awaiting coroutine's frame and allocates nothing: the completion resumes the coroutine
// through a pointer to it. Empty without coroutines.

#include <pagination/config.hpp>

#if PAGINATION_HAS_COROUTINES
// <coroutine> is not included: the awaiting coroutine's code has it, and the awaitables take its
// handle type as a template parameter (a C++17 translation unit that scans this file's includes
// must not meet <coroutine>, which g++ refuses without -fcoroutines).
#include <atomic>
#include <type_traits>

namespace pagination {
namespace detail {

// Who resumes: the awaiting thread, if the result came before it suspended (phase 0 -> 1, then
// await_suspend sees 1 and does not suspend), or the completion, if it came after (0 -> 2, then
// the completion sees 2 and resumes). After its compare-exchange, await_suspend touches nothing
// of the awaitable, which the resumed coroutine may already have destroyed.
class async_resume_point {
public:
    /// In await_suspend, after arming: true to suspend.
    bool suspend() noexcept {
        int expected = 0;
        return phase_.compare_exchange_strong(expected, 2, std::memory_order_acq_rel);
    }
    /// In the completion: resumes the coroutine if it has suspended.
    void complete() {
        if (phase_.exchange(1, std::memory_order_acq_rel) == 2) {
            resume_(frame_);
        }
    }
    /// Keeps the awaiting coroutine's handle (a std::coroutine_handle<P>).
    template <class Handle>
    void set(Handle handle) noexcept {
        frame_ = handle.address();
        resume_ = [](void* frame) { Handle::from_address(frame).resume(); };
    }

private:
    void* frame_ = nullptr;
    void (*resume_)(void*) = nullptr;
    std::atomic<int> phase_{0};
};

/// `co_await next_page()`: the next page, or null when the run is over.
template <class Paginator>
class async_page_awaitable {
public:
    using page_type = typename Paginator::page_type;

    explicit async_page_awaitable(Paginator* owner) noexcept : owner_(owner) {}

    bool await_ready() const noexcept { return false; }
    template <class Handle>
    bool await_suspend(Handle handle) {
        resume_.set(handle);
        // Captures one pointer: std::function keeps it without allocating.
        owner_->async_next_page([this](page_type* page) {
            result_ = page;
            resume_.complete();
        });
        return resume_.suspend();
    }
    page_type* await_resume() const noexcept { return result_; }

private:
    Paginator* owner_;
    page_type* result_ = nullptr;
    async_resume_point resume_;
};

/// `co_await next_item()`: a pointer to the next item, or null when the run is over.
template <class Paginator>
class async_item_awaitable {
public:
    using pointer = std::remove_reference_t<typename Paginator::item_reference>*;

    explicit async_item_awaitable(Paginator* owner) noexcept : owner_(owner) {}

    bool await_ready() { return try_take(); }
    template <class Handle>
    bool await_suspend(Handle handle) {
        resume_.set(handle);
        while (!owner_->arm_waker([this] { on_ready(); })) {
            if (try_take()) {
                return false;  // items came (or the run ended) without waiting
            }
        }
        return resume_.suspend();
    }
    pointer await_resume() const noexcept { return result_; }

private:
    bool try_take() {
        result_ = owner_->take_one();
        return result_ != nullptr || owner_->over();
    }

    // Items are ready or the run is over; an empty page needs another wait. Loops rather than
    // recursing, so that a run of empty pages takes no stack.
    void on_ready() {
        while (!try_take()) {
            if (owner_->arm_waker([this] { on_ready(); })) {
                return;
            }
        }
        resume_.complete();
    }

    Paginator* owner_;
    pointer result_ = nullptr;
    async_resume_point resume_;
};

} // namespace detail
} // namespace pagination
#endif

#endif // PAGINATION_ASYNC_COROUTINE_HPP
