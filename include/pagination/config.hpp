#ifndef PAGINATION_CONFIG_HPP
#define PAGINATION_CONFIG_HPP

// Every configuration macro of the library is here. A macro the user defines before including
// any header wins; otherwise it is detected from the compiler.

/// The language standard in effect, as a `__cplusplus` value (MSVC reports it in `_MSVC_LANG`).
#ifndef PAGINATION_CPLUSPLUS
#if defined(_MSVC_LANG) && _MSVC_LANG > __cplusplus
#define PAGINATION_CPLUSPLUS _MSVC_LANG
#else
#define PAGINATION_CPLUSPLUS __cplusplus
#endif
#endif

#if PAGINATION_CPLUSPLUS < 201703L
#error "pagination requires C++17 or later"
#endif

/// 1 when exceptions are enabled; then failures throw, otherwise they end the iteration and are
/// reported by `paginator::error()`.
#ifndef PAGINATION_EXCEPTIONS
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#define PAGINATION_EXCEPTIONS 1
#else
#define PAGINATION_EXCEPTIONS 0
#endif
#endif

/// 1 when C++20 concepts and `<ranges>` are available.
#ifndef PAGINATION_HAS_CONCEPTS
#if PAGINATION_CPLUSPLUS >= 202002L && defined(__cpp_concepts) && __cpp_concepts >= 201907L && \
    defined(__has_include)
#if __has_include(<ranges>) && __has_include(<concepts>)
#define PAGINATION_HAS_CONCEPTS 1
#else
#define PAGINATION_HAS_CONCEPTS 0
#endif
#else
#define PAGINATION_HAS_CONCEPTS 0
#endif
#endif

/// 1 when the standard library's <ranges> is usable (clang before 15 cannot compile libstdc++'s).
/// <cstddef> is included first so that the standard library's own macros (__GLIBCXX__) are seen.
#include <cstddef>
#ifndef PAGINATION_HAS_STD_RANGES
#if PAGINATION_HAS_CONCEPTS && !(defined(__clang__) && __clang_major__ < 15 && defined(__GLIBCXX__))
#define PAGINATION_HAS_STD_RANGES 1
#else
#define PAGINATION_HAS_STD_RANGES 0
#endif
#endif

/// 1 when C++20 coroutines are available.
#ifndef PAGINATION_HAS_COROUTINES
#if PAGINATION_CPLUSPLUS >= 202002L && defined(__cpp_impl_coroutine) && defined(__has_include)
#if __has_include(<coroutine>)
#define PAGINATION_HAS_COROUTINES 1
#else
#define PAGINATION_HAS_COROUTINES 0
#endif
#else
#define PAGINATION_HAS_COROUTINES 0
#endif
#endif

/// Every throw of the library goes through this macro. Without exceptions it is never reached:
/// the callers report the error instead.
#ifndef PAGINATION_THROW
#if PAGINATION_EXCEPTIONS
#define PAGINATION_THROW(exception) throw exception
#else
#include <cstdlib>
#define PAGINATION_THROW(exception) ::std::abort()
#endif
#endif

/// Checks a precondition of the library's API (a misuse, not a data error). Tests redefine it.
#ifndef PAGINATION_ASSERT
#include <cassert>
#define PAGINATION_ASSERT(condition) assert(condition)
#endif

#endif // PAGINATION_CONFIG_HPP
