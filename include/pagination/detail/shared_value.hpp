// pagination/detail/shared_value.hpp - an immutable value of any type, shared by reference count.
//
// What an error carries (the fetcher's error value, and the error inside an exception) must be
// copyable without throwing: an exception object is copied as it propagates. A shared, immutable
// block does that. This one is a fraction of <memory> to compile, and the library needs nothing
// else of it.
#ifndef PAGINATION_DETAIL_SHARED_VALUE_HPP
#define PAGINATION_DETAIL_SHARED_VALUE_HPP

#include <atomic>
#include <cstddef>
#include <utility>

namespace pagination {
namespace detail {

class shared_value {
public:
    shared_value() noexcept = default;

    /// A block that holds `value`.
    template <class T>
    static shared_value make(T value) {
        shared_value result;
        result.block_ = new holder<T>(std::move(value));
        return result;
    }

    shared_value(const shared_value& other) noexcept : block_(other.block_) {
        if (block_ != nullptr) {
            block_->references.fetch_add(1, std::memory_order_relaxed);
        }
    }
    shared_value(shared_value&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
    shared_value& operator=(const shared_value& other) noexcept {
        shared_value copy(other);
        std::swap(block_, copy.block_);
        return *this;
    }
    shared_value& operator=(shared_value&& other) noexcept {
        std::swap(block_, other.block_);
        return *this;
    }
    ~shared_value() {
        if (block_ != nullptr && block_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            block_->destroy(block_);
        }
    }

    /// The held value, or null when empty. The caller knows its type.
    const void* get() const noexcept { return block_ != nullptr ? block_->value : nullptr; }

private:
    struct block {
        std::atomic<std::size_t> references{1};
        const void* value = nullptr;
        void (*destroy)(block*) noexcept = nullptr;
    };
    template <class T>
    struct holder : block {
        explicit holder(T v) : held(std::move(v)) {
            value = &held;
            destroy = [](block* b) noexcept { delete static_cast<holder*>(b); };
        }
        const T held;
    };

    block* block_ = nullptr;
};

} // namespace detail
} // namespace pagination

#endif // PAGINATION_DETAIL_SHARED_VALUE_HPP
