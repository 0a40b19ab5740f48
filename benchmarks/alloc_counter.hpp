#ifndef PAGINATION_BENCHMARKS_ALLOC_COUNTER_HPP
#define PAGINATION_BENCHMARKS_ALLOC_COUNTER_HPP

// The benchmark executable replaces the global operator new and delete (alloc_counter.cpp) with
// versions that, while a counting_scope is open, count every allocation and follow the live and
// peak heap bytes. Outside a scope they only call malloc and free.

#include <cstddef>
#include <cstdint>

namespace bench {

/// What the replaced operator new saw while counting.
struct alloc_stats {
    std::uint64_t allocations = 0;  ///< calls of operator new (all forms but the aligned ones)
    std::uint64_t deallocations = 0;
    std::int64_t live_bytes = 0;  ///< usable bytes allocated minus usable bytes freed
    std::int64_t peak_bytes = 0;  ///< the highest live_bytes reached
};

namespace alloc_detail {
extern bool counting;
extern alloc_stats stats;
} // namespace alloc_detail

/// Counts allocations from construction to destruction (scopes do not nest). Blocks freed inside
/// the scope that were allocated before it lower live_bytes below zero: open the scope before
/// the objects whose memory is measured are made.
class counting_scope {
public:
    counting_scope() noexcept {
        alloc_detail::stats = alloc_stats{};
        alloc_detail::counting = true;
    }
    ~counting_scope() { alloc_detail::counting = false; }
    counting_scope(const counting_scope&) = delete;
    counting_scope& operator=(const counting_scope&) = delete;

    /// The figures so far.
    alloc_stats stats() const noexcept { return alloc_detail::stats; }
};

} // namespace bench

#endif // PAGINATION_BENCHMARKS_ALLOC_COUNTER_HPP
