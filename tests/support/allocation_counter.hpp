#ifndef PAGINATION_TESTS_SUPPORT_ALLOCATION_COUNTER_HPP
#define PAGINATION_TESTS_SUPPORT_ALLOCATION_COUNTER_HPP

// Counts the allocations a piece of code makes: every form of the global operator new and delete
// is replaced, so that each allocation made between start() and stop() is counted and every pair
// matches malloc and free.
//
// A replaced operator new is defined once per program and may not be inline, so exactly one
// translation unit of a test executable includes this header, and that executable is one of its
// own (tests/allocation/, tests/async/await_allocation_test.cpp): the main suites keep the
// sanitizers' own new and delete.

#include <cstddef>
#include <cstdlib>
#include <new>

namespace pagination_tests::allocation_counter {

inline bool counting = false;
inline std::size_t allocations = 0;

/// Counts from zero from now on.
inline void start() noexcept {
    allocations = 0;
    counting = true;
}

/// Stops counting; returns the allocations made since start().
inline std::size_t stop() noexcept {
    counting = false;
    return allocations;
}

inline void* counted_malloc(std::size_t size) noexcept {
    if (counting) {
        ++allocations;
    }
    return std::malloc(size == 0 ? 1 : size);
}

} // namespace pagination_tests::allocation_counter

void* operator new(std::size_t size) {
    if (void* p = pagination_tests::allocation_counter::counted_malloc(size)) {
        return p;
    }
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return pagination_tests::allocation_counter::counted_malloc(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return pagination_tests::allocation_counter::counted_malloc(size);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

#endif // PAGINATION_TESTS_SUPPORT_ALLOCATION_COUNTER_HPP
