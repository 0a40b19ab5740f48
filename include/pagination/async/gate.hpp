#ifndef PAGINATION_ASYNC_GATE_HPP
#define PAGINATION_ASYNC_GATE_HPP

// A bound on fetches in flight shared by several async runs (fan_out's streams use one).

#include <algorithm>
#include <cstddef>
#include <mutex>

namespace pagination {

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

} // namespace pagination

#endif // PAGINATION_ASYNC_GATE_HPP
