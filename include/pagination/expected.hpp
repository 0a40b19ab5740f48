#ifndef PAGINATION_EXPECTED_HPP
#define PAGINATION_EXPECTED_HPP

// expected<T, E>: a value or the error that stands in its place. The library's results (a decoded
// StartingToken, an HTTP exchange, a configuration value, a GameLift call) are all this one type,
// and a fetcher may return it: the paginator reads it through has_value(), value() and error().
// It never throws; using the side it does not hold violates PAGINATION_ASSERT.

#include <pagination/config.hpp>

#include <type_traits>
#include <utility>
#include <variant>

namespace pagination {

/// Selects the error side when constructing an expected (needed when T and E are the same type).
struct unexpect_t {
    explicit unexpect_t() = default;
};
/// Selects the error side when constructing an expected.
inline constexpr unexpect_t unexpect{};

namespace detail {
template <class X>
struct non_deduced {
    using type = X;
};
} // namespace detail

/// A value of type T, or an error of type E.
template <class T, class E>
class expected {
    // The implicit error constructors exist only when E is not T (the tag says which side then).
    template <class G>
    using if_distinct = std::enable_if_t<!std::is_same_v<G, T>, int>;

public:
    using value_type = T;
    using error_type = E;

    /// Holds a value.
    expected(const T& value) : state_(std::in_place_index<0>, value) {}  // NOLINT(google-explicit-constructor)
    /// Holds a value.
    expected(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
    /// Holds an error.
    template <class G = E, if_distinct<G> = 0>
    expected(const typename detail::non_deduced<G>::type& error)  // NOLINT(google-explicit-constructor)
        : state_(std::in_place_index<1>, error) {}
    /// Holds an error.
    template <class G = E, if_distinct<G> = 0>
    expected(typename detail::non_deduced<G>::type&& error)  // NOLINT(google-explicit-constructor)
        : state_(std::in_place_index<1>, std::move(error)) {}
    /// Holds a value made from `args`.
    template <class... Args>
    explicit expected(std::in_place_t, Args&&... args) : state_(std::in_place_index<0>, std::forward<Args>(args)...) {}
    /// Holds an error made from `args`.
    template <class... Args>
    explicit expected(unexpect_t, Args&&... args) : state_(std::in_place_index<1>, std::forward<Args>(args)...) {}

    /// Whether a value is held.
    bool has_value() const noexcept { return state_.index() == 0; }
    /// Whether a value is held.
    explicit operator bool() const noexcept { return has_value(); }

    /// The value; only when has_value().
    T& value() & {
        PAGINATION_ASSERT(has_value());
        return *std::get_if<0>(&state_);
    }
    /// The value; only when has_value().
    const T& value() const& {
        PAGINATION_ASSERT(has_value());
        return *std::get_if<0>(&state_);
    }
    /// The value, to move from; only when has_value().
    T&& value() && {
        PAGINATION_ASSERT(has_value());
        return std::move(*std::get_if<0>(&state_));
    }

    /// The error; only when !has_value().
    E& error() & {
        PAGINATION_ASSERT(!has_value());
        return *std::get_if<1>(&state_);
    }
    /// The error; only when !has_value().
    const E& error() const& {
        PAGINATION_ASSERT(!has_value());
        return *std::get_if<1>(&state_);
    }
    /// The error, to move from; only when !has_value().
    E&& error() && {
        PAGINATION_ASSERT(!has_value());
        return std::move(*std::get_if<1>(&state_));
    }

    /// The value; only when has_value().
    T& operator*() & { return value(); }
    /// The value; only when has_value().
    const T& operator*() const& { return value(); }
    /// The value, to move from; only when has_value().
    T&& operator*() && { return std::move(*this).value(); }
    /// The value's members; only when has_value().
    T* operator->() {
        PAGINATION_ASSERT(has_value());
        return std::get_if<0>(&state_);
    }
    /// The value's members; only when has_value().
    const T* operator->() const {
        PAGINATION_ASSERT(has_value());
        return std::get_if<0>(&state_);
    }

private:
    std::variant<T, E> state_;
};

} // namespace pagination

#endif // PAGINATION_EXPECTED_HPP
