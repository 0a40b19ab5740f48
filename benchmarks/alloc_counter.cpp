// The replaced global operator new and delete of the benchmark executable (see alloc_counter.hpp).
// The aligned forms are not replaced: they keep the standard library's own pair.

#include "alloc_counter.hpp"

#include <cstdlib>
#include <new>

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#define PAGINATION_BENCH_USABLE_SIZE(p) malloc_usable_size(p)
#else
#define PAGINATION_BENCH_USABLE_SIZE(p) std::size_t{0}
#endif

namespace bench {
namespace alloc_detail {

bool counting = false;
alloc_stats stats;

namespace {

void* allocate(std::size_t size) noexcept {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p != nullptr && counting) {
        ++stats.allocations;
        stats.live_bytes += static_cast<std::int64_t>(PAGINATION_BENCH_USABLE_SIZE(p));
        if (stats.live_bytes > stats.peak_bytes) {
            stats.peak_bytes = stats.live_bytes;
        }
    }
    return p;
}

void deallocate(void* p) noexcept {
    if (p == nullptr) {
        return;
    }
    if (counting) {
        ++stats.deallocations;
        stats.live_bytes -= static_cast<std::int64_t>(PAGINATION_BENCH_USABLE_SIZE(p));
    }
    std::free(p);
}

void* allocate_or_throw(std::size_t size) {
    if (void* p = allocate(size)) {
        return p;
    }
    throw std::bad_alloc();
}

} // namespace
} // namespace alloc_detail
} // namespace bench

void* operator new(std::size_t size) { return bench::alloc_detail::allocate_or_throw(size); }
void* operator new[](std::size_t size) { return bench::alloc_detail::allocate_or_throw(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return bench::alloc_detail::allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return bench::alloc_detail::allocate(size); }

void operator delete(void* p) noexcept { bench::alloc_detail::deallocate(p); }
void operator delete[](void* p) noexcept { bench::alloc_detail::deallocate(p); }
void operator delete(void* p, std::size_t) noexcept { bench::alloc_detail::deallocate(p); }
void operator delete[](void* p, std::size_t) noexcept { bench::alloc_detail::deallocate(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { bench::alloc_detail::deallocate(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { bench::alloc_detail::deallocate(p); }
