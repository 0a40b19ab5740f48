#ifndef PAGINATION_DETAIL_FETCH_RESULT_HPP
#define PAGINATION_DETAIL_FETCH_RESULT_HPP

// What a fetcher may return: the page itself, an expected-like value (has_value/value/error),
// or an AWS SDK for C++ Outcome (IsSuccess/GetResult/GetError).

#include <pagination/error.hpp>

#include <type_traits>
#include <utility>

namespace pagination {
namespace detail {

template <class R, class = void>
struct is_expected_like : std::false_type {};
template <class R>
struct is_expected_like<R, std::void_t<decltype(static_cast<bool>(std::declval<const R&>().has_value())),
                                       decltype(std::declval<R&&>().value()), decltype(std::declval<const R&>().error())>>
    : std::true_type {};

template <class R, class = void>
struct is_aws_outcome : std::false_type {};
template <class R>
struct is_aws_outcome<R, std::void_t<decltype(static_cast<bool>(std::declval<const R&>().IsSuccess())),
                                     decltype(std::declval<R&>().GetResult()), decltype(std::declval<const R&>().GetError())>>
    : std::true_type {};

template <class R, class = void>
struct has_result_with_ownership : std::false_type {};
template <class R>
struct has_result_with_ownership<R, std::void_t<decltype(std::declval<R&>().GetResultWithOwnership())>>
    : std::true_type {};

/// Which of the three forms a fetcher's return type R is, for pages of type Page. Without a
/// Page (a wrapper that does not know it, such as with_retry), R is a page when it is neither
/// of the other two forms.
template <class R, class Page = void>
struct fetch_result_traits {
    static constexpr bool is_page = std::is_void_v<Page>
                                        ? !is_expected_like<R>::value && !is_aws_outcome<R>::value
                                        : std::is_same_v<std::decay_t<R>, Page>;
    static constexpr bool is_expected = !is_page && is_expected_like<R>::value;
    static constexpr bool is_outcome = !is_page && !is_expected && is_aws_outcome<R>::value;
    static_assert(is_page || is_expected || is_outcome,
                  "the fetcher must return the TokenPolicy's page_type, an expected-like value "
                  "(has_value()/value()/error()) of it, or an AWS SDK for C++ Outcome (IsSuccess()/GetResult()/GetError())");

    static bool ok(const R& r) {
        if constexpr (is_page) {
            return true;
        } else if constexpr (is_expected) {
            return static_cast<bool>(r.has_value());
        } else {
            return static_cast<bool>(r.IsSuccess());
        }
    }

    /// The page of a successful result, to move from (an rvalue reference into `r` where the
    /// result holds it, so that the page is moved once, into its final place).
    static decltype(auto) take(R& r) {
        if constexpr (is_page) {
            return std::move(r);
        } else if constexpr (is_expected) {
            return std::move(r).value();
        } else if constexpr (has_result_with_ownership<R>::value) {
            return r.GetResultWithOwnership();
        } else {
            return std::move(r.GetResult());
        }
    }

    /// The error of a failed result, with the fetcher's error value inside.
    static pagination::error failure(const R& r) {
        if constexpr (is_expected) {
            return pagination::error::from_fetcher_error(r.error());
        } else if constexpr (is_outcome) {
            return pagination::error::from_fetcher_error(r.GetError());
        } else {
            return pagination::error(errc::fetch_failed, "fetch failed");
        }
    }
};

} // namespace detail
} // namespace pagination

#endif // PAGINATION_DETAIL_FETCH_RESULT_HPP
