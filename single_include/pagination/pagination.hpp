// pagination: single-header version of include/pagination/pagination.hpp.
//
// GENERATED FILE: DO NOT EDIT. It is written by tools/amalgamate.py from the headers in
// include/pagination/; edit those and run `python3 tools/amalgamate.py` to regenerate.

#ifndef PAGINATION_PAGINATION_HPP
#define PAGINATION_PAGINATION_HPP

// The library's umbrella, and what the single header (single_include/) holds: the core
// (pagination/core.hpp: the state machine, the blocking paginator, policies, the token codec,
// errors) and the GameLift DescribeGameSessions adapter (aws/gamelift.hpp with its model,
// aws/gamelift_model.hpp). A program that pages only its own APIs includes pagination/core.hpp.
//
// Not included here, each used on its own: the async driver (async.hpp), retry for the blocking
// paginator (retry.hpp), the other AWS adapters (aws/s3.hpp, dynamodb.hpp, route53.hpp,
// cloudwatch_logs.hpp, sdk_operation.hpp), the async SDK adapter (aws/gamelift_async.hpp), the
// wire layer (http/message.hpp, aws/json_protocol.hpp, gamelift_wire.hpp, sigv4.hpp, config.hpp,
// retry_strategy.hpp, gamelift_client.hpp; docs/wire.md), the libcurl client
// (http/curl_client.hpp) and the in-process local fleet (local/fleet_service.hpp, fault.hpp,
// demo_fleet.hpp).

// #include <pagination/core.hpp>
#ifndef PAGINATION_CORE_HPP
#define PAGINATION_CORE_HPP

// The core alone, for your own APIs: no AWS adapter, nothing beyond the standard library.
//
//   config.hpp             configuration macros (PAGINATION_EXCEPTIONS, PAGINATION_ASSERT, ...)
//   error.hpp              errc, error, and the exceptions thrown when exceptions are on
//   expected.hpp           expected<T, E>: a value or an error (decode_result is one)
//   token_value.hpp        a token's value: null, string, number, bytes, list or object
//   token_codec.hpp        resume tokens written and read as boto3 does (docs/semantics.md 3, 4)
//   policies.hpp           the policy requirements and the ready-made policies
//   pagination_config.hpp  MaxItems, PageSize, StartingToken; paginator_options
//   run_state.hpp          the state machine of one run (docs/semantics.md 2)
//   paginator.hpp          the blocking paginator: pages(), items(), build_full_result()
//   operation.hpp          operation<TokenPolicy, LimitPolicy>: an API's paginator as one named object
//
// The async driver (async.hpp), retry for the blocking paginator (retry.hpp) and the adapters
// (aws/...) are included on their own.

// #include <pagination/config.hpp>
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
// #include <pagination/error.hpp>
#ifndef PAGINATION_ERROR_HPP
#define PAGINATION_ERROR_HPP

// #include <pagination/config.hpp>
// #include <pagination/detail/shared_value.hpp>
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

#include <exception>
#include <string>
#include <type_traits>
#include <utility>

namespace pagination {

/// What went wrong in a run.
enum class errc {
    /// The fetcher failed: it threw, or returned an error value.
    fetch_failed = 1,
    /// The StartingToken could not be decoded, or names a field that is not an input token.
    invalid_starting_token,
    /// The service returned the same token on two consecutive pages.
    repeated_token,
    /// The service returned a token it had returned before, further back (opt-in check).
    token_cycle,
    /// PageSize was given for an API without a limit field, or does not fit it.
    invalid_page_size,
    /// An adapter rejected the request before anything was sent.
    invalid_request,
};

/// The name of an error code, e.g. "repeated_token".
constexpr const char* to_string(errc code) noexcept {
    switch (code) {
    case errc::fetch_failed: return "fetch_failed";
    case errc::invalid_starting_token: return "invalid_starting_token";
    case errc::repeated_token: return "repeated_token";
    case errc::token_cycle: return "token_cycle";
    case errc::invalid_page_size: return "invalid_page_size";
    case errc::invalid_request: return "invalid_request";
    }
    return "unknown";
}

namespace detail {
// A per-type address, so that a stored error can be recovered by type without RTTI.
template <class T>
struct type_key {
    static constexpr char id = 0;
};

template <class T, class = void>
struct has_get_message : std::false_type {};
template <class T>
struct has_get_message<T, std::void_t<decltype(std::string(std::declval<const T&>().GetMessage()))>>
    : std::true_type {};
template <class T, class = void>
struct has_get_exception_name : std::false_type {};
template <class T>
struct has_get_exception_name<
    T, std::void_t<decltype(std::string(std::declval<const T&>().GetExceptionName()))>> : std::true_type {};
template <class T, class = void>
struct has_what : std::false_type {};
template <class T>
struct has_what<T, std::void_t<decltype(std::string(std::declval<const T&>().what()))>> : std::true_type {};
template <class T, class = void>
struct has_message_fn : std::false_type {};
template <class T>
struct has_message_fn<T, std::void_t<decltype(std::string(std::declval<const T&>().message()))>>
    : std::true_type {};
template <class T, class = void>
struct has_message_member : std::false_type {};
template <class T>
struct has_message_member<T, std::void_t<decltype(std::string(std::declval<const T&>().message))>>
    : std::true_type {};
template <class T, class = void>
struct has_code_member : std::false_type {};
template <class T>
struct has_code_member<T, std::void_t<decltype(std::string(std::declval<const T&>().code))>>
    : std::true_type {};

template <class T, class = void>
struct has_retryable_fn : std::false_type {};
template <class T>
struct has_retryable_fn<T, std::void_t<decltype(static_cast<bool>(std::declval<const T&>().retryable()))>>
    : std::true_type {};
template <class T, class = void>
struct has_should_retry : std::false_type {};
template <class T>
struct has_should_retry<T, std::void_t<decltype(static_cast<bool>(std::declval<const T&>().ShouldRetry()))>>
    : std::true_type {};

// Whether the fetcher's error says that sending the same request again may succeed.
template <class E>
bool error_is_retryable(const E& e) {
    if constexpr (has_retryable_fn<E>::value) {
        return static_cast<bool>(e.retryable());
    } else if constexpr (has_should_retry<E>::value) {
        return static_cast<bool>(e.ShouldRetry());
    } else {
        return false;
    }
}

// Says what a fetcher's error value is, with whatever the type offers: the AWS SDK's
// GetExceptionName()/GetMessage(), what(), message(), or code/message members.
template <class E>
std::string describe_error(const E& e) {
    std::string text;
    if constexpr (has_get_exception_name<E>::value) {
        text = std::string(e.GetExceptionName());
    } else if constexpr (has_code_member<E>::value) {
        text = std::string(e.code);
    }
    std::string detail;
    if constexpr (has_get_message<E>::value) {
        detail = std::string(e.GetMessage());
    } else if constexpr (has_what<E>::value) {
        detail = std::string(e.what());
    } else if constexpr (has_message_fn<E>::value) {
        detail = std::string(e.message());
    } else if constexpr (has_message_member<E>::value) {
        detail = std::string(e.message);
    }
    if (!text.empty() && !detail.empty()) {
        text += ": ";
    }
    text += detail;
    return text.empty() ? std::string("the fetcher returned an error") : text;
}
} // namespace detail

/// One failure of a run: a code, a message, and the fetcher's own error where there is one.
/// A plain value, usable without exceptions or RTTI.
class error {
public:
    error(errc code, std::string message) : code_(code), message_(std::move(message)) {}

    /// An error that carries the fetcher's own error value.
    template <class E>
    static error from_fetcher_error(E value) {
        error result(errc::fetch_failed, "fetch failed: " + detail::describe_error(value));
        result.retryable_ = detail::error_is_retryable(value);
        result.payload_ = detail::shared_value::make<E>(std::move(value));
        result.payload_key_ = &detail::type_key<E>::id;
        return result;
    }

#if PAGINATION_EXCEPTIONS
    /// An error that carries the exception the fetcher threw.
    static error from_fetcher_exception(std::exception_ptr thrown) {
        std::string text = "fetch failed: ";
        try {
            std::rethrow_exception(thrown);
        } catch (const std::exception& e) {
            text += e.what();
        } catch (...) {
            text += "the fetcher threw an exception that is not a std::exception";
        }
        error result(errc::fetch_failed, std::move(text));
        result.exception_ = std::move(thrown);
        return result;
    }

    /// The exception the fetcher threw, or null.
    std::exception_ptr fetcher_exception() const noexcept { return exception_; }
#endif

    errc code() const noexcept { return code_; }
    const std::string& message() const noexcept { return message_; }

    /// True when the fetcher's error value says the same request may succeed if sent again (its
    /// `retryable()`, or the AWS SDK's `ShouldRetry()`).
    bool retryable() const noexcept { return retryable_; }

    /// The fetcher's error value when it is an `E`, otherwise null.
    template <class E>
    const E* fetcher_error() const noexcept {
        return payload_key_ == &detail::type_key<E>::id ? static_cast<const E*>(payload_.get()) : nullptr;
    }

private:
    errc code_;
    std::string message_;
    detail::shared_value payload_;
    const void* payload_key_ = nullptr;
    bool retryable_ = false;
#if PAGINATION_EXCEPTIONS
    std::exception_ptr exception_;
#endif
};

/// The base of every exception the library throws.
class pagination_error : public std::exception {
public:
    explicit pagination_error(pagination::error e)
        : error_(detail::shared_value::make<pagination::error>(std::move(e))) {}
    const char* what() const noexcept override { return error().message().c_str(); }
    errc code() const noexcept { return error().code(); }
    /// The error, with the fetcher's own error where there is one.
    const pagination::error& error() const noexcept {
        return *static_cast<const pagination::error*>(error_.get());
    }

private:
    detail::shared_value error_;  // a pagination::error
};

/// The fetcher failed; `error().fetcher_error<E>()` or `error().fetcher_exception()` has its error.
class fetch_error : public pagination_error {
    using pagination_error::pagination_error;
};

/// The StartingToken was rejected before anything was sent.
class starting_token_error : public pagination_error {
    using pagination_error::pagination_error;
};

/// The service repeated a token: on consecutive pages, or (opt-in) anywhere in the run.
class repeated_token_error : public pagination_error {
    using pagination_error::pagination_error;
};

/// The request or the pagination config was rejected before anything was sent.
class invalid_request_error : public pagination_error {
    using pagination_error::pagination_error;
};

#if PAGINATION_EXCEPTIONS
/// Throws the exception type that matches the error's code.
[[noreturn]] inline void throw_error(const error& e) {
    switch (e.code()) {
    case errc::fetch_failed: PAGINATION_THROW(fetch_error(e));
    case errc::invalid_starting_token: PAGINATION_THROW(starting_token_error(e));
    case errc::repeated_token:
    case errc::token_cycle: PAGINATION_THROW(repeated_token_error(e));
    case errc::invalid_page_size:
    case errc::invalid_request: PAGINATION_THROW(invalid_request_error(e));
    }
    PAGINATION_THROW(pagination_error(e));
}
#endif

} // namespace pagination

#endif // PAGINATION_ERROR_HPP
// #include <pagination/expected.hpp>
#ifndef PAGINATION_EXPECTED_HPP
#define PAGINATION_EXPECTED_HPP

// expected<T, E>: a value or the error that stands in its place. The library's results (a decoded
// StartingToken, an HTTP exchange, a configuration value, a GameLift call) are all this one type,
// and a fetcher may return it: the paginator reads it through has_value(), value() and error().
// It never throws; using the side it does not hold violates PAGINATION_ASSERT.

// #include <pagination/config.hpp>

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
// #include <pagination/token_value.hpp>
#ifndef PAGINATION_TOKEN_VALUE_HPP
#define PAGINATION_TOKEN_VALUE_HPP

// #include <pagination/config.hpp>

#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace pagination {

namespace detail {

/// Copies `from` into `to`, reusing its buffer. A run copies each page's token into a buffer that
/// held the token of two pages ago, which most services make the same length: then this is one
/// memmove (which also allows `from` to point into `to`).
inline void copy_token_text(std::string& to, std::string_view from) {
    if (from.size() == to.size()) {
        std::char_traits<char>::move(to.data(), from.data(), from.size());
    } else {
        to.assign(from.data(), from.size());
    }
}

} // namespace detail

/// One value of a token map: null, a string (most APIs), or a JSON structure such as a
/// DynamoDB key, whose leaves may be bytes (a DynamoDB `B` attribute).
class token_value {
public:
    /// The alternatives a token value can hold.
    enum class kind : unsigned char { null, boolean, integer, floating, string, bytes, array, object };

    using array_type = std::vector<token_value>;
    /// Members in insertion order: the order is part of a resume token's bytes.
    using object_type = std::vector<std::pair<std::string, token_value>>;
    using bytes_type = std::vector<unsigned char>;

    token_value() noexcept {}
    token_value(std::nullptr_t) noexcept {}
    token_value(bool b) noexcept : kind_(kind::boolean) { u_.bool_ = b; }
    template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool> &&
                                            !std::is_same_v<I, char>,
                                        int> = 0>
    token_value(I i) noexcept : kind_(kind::integer) {
        u_.integer_ = static_cast<std::int64_t>(i);
    }
    token_value(double d) noexcept : kind_(kind::floating) { u_.floating_ = d; }
    token_value(std::string s) { emplace(u_.string_, std::move(s)); }
    token_value(std::string_view s) { emplace(u_.string_, s); }
    token_value(const char* s) { emplace(u_.string_, s); }
    token_value(bytes_type b) { emplace(u_.bytes_, std::move(b)); }
    token_value(array_type a) { emplace(u_.array_, std::move(a)); }
    token_value(object_type o) { emplace(u_.object_, std::move(o)); }
    /// An absent optional string is null.
    token_value(const std::optional<std::string>& s) {
        if (s) {
            emplace(u_.string_, *s);
        }
    }

    token_value(const token_value& other) { construct_from(other); }
    token_value(token_value&& other) noexcept { construct_from(std::move(other)); }
    token_value& operator=(const token_value& other) {
        if (this != &other) {
            token_value copy(other);
            *this = std::move(copy);
        }
        return *this;
    }
    token_value& operator=(token_value&& other) noexcept {
        if (this != &other) {
            set_null();
            construct_from(std::move(other));
        }
        return *this;
    }
    ~token_value() { set_null(); }

    /// Makes this the string `s`, reusing this value's string buffer when it holds a string: a
    /// token read into the same value page after page allocates only when it outgrows the buffer.
    void assign_string(std::string_view s) {
        if (kind_ == kind::string) {
            detail::copy_token_text(u_.string_, s);
        } else {
            std::string text(s);  // before set_null(): `s` may point into this value
            set_null();
            emplace(u_.string_, std::move(text));
        }
    }
    /// Makes this `s` (an absent optional is null), reusing the string buffer.
    void assign(const std::optional<std::string>& s) {
        if (s) {
            assign_string(*s);
        } else {
            set_null();
        }
    }
    /// Makes this null.
    void set_null() noexcept {
        switch (kind_) {
        case kind::string: destroy(u_.string_); break;
        case kind::bytes: destroy(u_.bytes_); break;
        case kind::array: destroy(u_.array_); break;
        case kind::object: destroy(u_.object_); break;
        default: break;
        }
        kind_ = kind::null;
    }

    kind type() const noexcept { return kind_; }
    bool is_null() const noexcept { return kind_ == kind::null; }
    bool is_string() const noexcept { return kind_ == kind::string; }
    bool is_integer() const noexcept { return kind_ == kind::integer; }
    bool is_object() const noexcept { return kind_ == kind::object; }
    bool is_array() const noexcept { return kind_ == kind::array; }
    bool is_bytes() const noexcept { return kind_ == kind::bytes; }

    bool as_bool() const {
        check(kind::boolean);
        return u_.bool_;
    }
    std::int64_t as_integer() const {
        check(kind::integer);
        return u_.integer_;
    }
    double as_double() const {
        check(kind::floating);
        return u_.floating_;
    }
    const std::string& as_string() const {
        check(kind::string);
        return u_.string_;
    }
    const bytes_type& as_bytes() const {
        check(kind::bytes);
        return u_.bytes_;
    }
    const array_type& as_array() const {
        check(kind::array);
        return u_.array_;
    }
    array_type& as_array() {
        check(kind::array);
        return u_.array_;
    }
    const object_type& as_object() const {
        check(kind::object);
        return u_.object_;
    }
    object_type& as_object() {
        check(kind::object);
        return u_.object_;
    }

    /// The member named `key` of an object, or null when absent or not an object.
    const token_value* find(std::string_view key) const noexcept {
        if (kind_ == kind::object) {
            for (const auto& member : u_.object_) {
                if (member.first == key) {
                    return &member.second;
                }
            }
        }
        return nullptr;
    }

    /// The string as an optional: null gives an empty optional.
    std::optional<std::string> to_optional_string() const {
        if (kind_ == kind::string) {
            return u_.string_;
        }
        return std::nullopt;
    }

    /// True for what a service means by "no token": null, "", false, 0, and empty containers.
    bool is_empty_token() const noexcept {
        switch (kind_) {
        case kind::null: return true;
        case kind::boolean: return !u_.bool_;
        case kind::integer: return u_.integer_ == 0;
        case kind::floating: return !(u_.floating_ < 0.0 || u_.floating_ > 0.0);
        case kind::string: return u_.string_.empty();
        case kind::bytes: return u_.bytes_.empty();
        case kind::array: return u_.array_.empty();
        case kind::object: return u_.object_.empty();
        }
        return true;
    }

    /// Equality as a JSON document: object members compare regardless of order.
    friend bool operator==(const token_value& a, const token_value& b) {
        if (a.kind_ != b.kind_) {
            return false;
        }
        if (a.kind_ == kind::string) {  // the common case, kept inline
            return a.u_.string_ == b.u_.string_;
        }
        return a.equal_structure(b);
    }
    friend bool operator!=(const token_value& a, const token_value& b) { return !(a == b); }

private:
    // operator== for the kinds other than string (same kind on both sides).
    bool equal_structure(const token_value& b) const {
        const token_value& a = *this;
        switch (a.kind_) {
        case kind::null: return true;
        case kind::boolean: return a.u_.bool_ == b.u_.bool_;
        case kind::integer: return a.u_.integer_ == b.u_.integer_;
        case kind::floating: return a.u_.floating_ == b.u_.floating_;
        case kind::string: return a.u_.string_ == b.u_.string_;
        case kind::bytes: return a.u_.bytes_ == b.u_.bytes_;
        case kind::array: return a.u_.array_ == b.u_.array_;
        case kind::object: {
            if (a.u_.object_.size() != b.u_.object_.size()) {
                return false;
            }
            for (const auto& member : a.u_.object_) {
                const token_value* other = b.find(member.first);
                if (other == nullptr || !(member.second == *other)) {
                    return false;
                }
            }
            return true;
        }
        }
        return false;
    }

    void check(kind k) const {
        PAGINATION_ASSERT(kind_ == k);
        (void)k;
    }

    template <class T, class... Args>
    void emplace(T& member, Args&&... args) {
        ::new (static_cast<void*>(&member)) T(std::forward<Args>(args)...);
        kind_ = kind_of(member);
    }
    static constexpr kind kind_of(const std::string&) noexcept { return kind::string; }
    static constexpr kind kind_of(const bytes_type&) noexcept { return kind::bytes; }
    static constexpr kind kind_of(const array_type&) noexcept { return kind::array; }
    static constexpr kind kind_of(const object_type&) noexcept { return kind::object; }
    template <class T>
    static void destroy(T& member) noexcept {
        member.~T();
    }

    // Makes this (null) a copy of `other`, or takes its contents (`other` keeps its kind, moved from).
    template <class Other>
    void construct_from(Other&& other) {
        switch (other.kind_) {
        case kind::string: emplace(u_.string_, std::forward<Other>(other).u_.string_); break;
        case kind::bytes: emplace(u_.bytes_, std::forward<Other>(other).u_.bytes_); break;
        case kind::array: emplace(u_.array_, std::forward<Other>(other).u_.array_); break;
        case kind::object: emplace(u_.object_, std::forward<Other>(other).u_.object_); break;
        case kind::boolean: u_.bool_ = other.u_.bool_; kind_ = kind::boolean; break;
        case kind::integer: u_.integer_ = other.u_.integer_; kind_ = kind::integer; break;
        case kind::floating: u_.floating_ = other.u_.floating_; kind_ = kind::floating; break;
        case kind::null: break;
        }
    }

    // A tagged union: `kind_` names the member in use (none for null). Simpler to compile than a
    // std::variant.
    union storage {
        storage() noexcept : integer_(0) {}
        ~storage() {}
        bool bool_;
        std::int64_t integer_;
        double floating_;
        std::string string_;
        bytes_type bytes_;
        array_type array_;
        object_type object_;
    };
    kind kind_ = kind::null;
    storage u_;
};

/// Writes a string token into an optional request field: null clears it.
inline void assign_token(std::optional<std::string>& field, const token_value& value) {
    if (value.is_string()) {
        if (field) {
            detail::copy_token_text(*field, value.as_string());
        } else {
            field.emplace(value.as_string());
        }
    } else {
        field.reset();
    }
}

} // namespace pagination

#endif // PAGINATION_TOKEN_VALUE_HPP
// #include <pagination/token_codec.hpp>
#ifndef PAGINATION_TOKEN_CODEC_HPP
#define PAGINATION_TOKEN_CODEC_HPP

// Resume tokens: a JSON object of the input tokens (and `boto_truncate_amount`), serialised as
// Python's json.dumps does and base64-encoded, so that a token made here and one made by boto3
// or the AWS CLI are the same string. See docs/semantics.md sections 3 and 4.

// #include <pagination/detail/base64.hpp>
#ifndef PAGINATION_DETAIL_BASE64_HPP
#define PAGINATION_DETAIL_BASE64_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace pagination {
namespace detail {

inline constexpr char base64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648, `+` `/`, `=` padding) of the bytes.
template <class Bytes>
std::string base64_encode(const Bytes& bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    auto byte_at = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
    for (; i + 3 <= n; i += 3) {
        const unsigned v = (byte_at(i) << 16) | (byte_at(i + 1) << 8) | byte_at(i + 2);
        out += base64_alphabet[(v >> 18) & 63];
        out += base64_alphabet[(v >> 12) & 63];
        out += base64_alphabet[(v >> 6) & 63];
        out += base64_alphabet[v & 63];
    }
    if (n - i == 1) {
        const unsigned v = byte_at(i) << 16;
        out += base64_alphabet[(v >> 18) & 63];
        out += base64_alphabet[(v >> 12) & 63];
        out += "==";
    } else if (n - i == 2) {
        const unsigned v = (byte_at(i) << 16) | (byte_at(i + 1) << 8);
        out += base64_alphabet[(v >> 18) & 63];
        out += base64_alphabet[(v >> 12) & 63];
        out += base64_alphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

inline constexpr int base64_digit(unsigned char c) noexcept {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/// Lenient base64 decoding, as tokens have always been decoded: characters outside the alphabet
/// are skipped, decoding stops at the padding that completes a quantum, and a final partial
/// quantum is a failure (false).
inline bool base64_decode(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size() / 4 * 3);
    int quad_pos = 0;
    int pads = 0;
    unsigned left = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '=') {
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                return true;
            }
            continue;
        }
        const int d = base64_digit(c);
        if (d < 0) {
            continue;
        }
        const auto digit = static_cast<unsigned>(d);
        pads = 0;
        switch (quad_pos) {
        case 0:
            left = digit;
            quad_pos = 1;
            break;
        case 1:
            out += static_cast<char>(((left << 2) | (digit >> 4)) & 0xFFu);
            left = digit & 0x0Fu;
            quad_pos = 2;
            break;
        case 2:
            out += static_cast<char>(((left << 4) | (digit >> 2)) & 0xFFu);
            left = digit & 0x03u;
            quad_pos = 3;
            break;
        default:
            out += static_cast<char>(((left << 6) | digit) & 0xFFu);
            left = 0;
            quad_pos = 0;
            break;
        }
    }
    return quad_pos == 0;
}

} // namespace detail
} // namespace pagination

#endif // PAGINATION_DETAIL_BASE64_HPP
// #include <pagination/detail/json.hpp>
#ifndef PAGINATION_DETAIL_JSON_HPP
#define PAGINATION_DETAIL_JSON_HPP

// The JSON of resume tokens: written byte for byte as Python's json.dumps writes it with default
// arguments (", " and ": " separators, ASCII only), and read strictly.

// #include <pagination/token_value.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>

namespace pagination {
namespace detail {

/// Reads one UTF-8 code point at `i` (strict: no overlong forms, no surrogates, at most
/// U+10FFFF). On failure returns false and leaves `i` unchanged.
inline bool next_code_point(std::string_view s, std::size_t& i, std::uint32_t& cp) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[k])); };
    const std::uint32_t b0 = byte(i);
    std::size_t len = 0;
    std::uint32_t min = 0;
    if (b0 < 0x80) {
        cp = b0;
        ++i;
        return true;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        return false;
    }
    if (i + len > s.size()) {
        return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const std::uint32_t b = byte(i + k);
        if ((b & 0xC0) != 0x80) {
            return false;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
    }
    i += len;
    return true;
}

inline bool is_valid_utf8(std::string_view s) noexcept {
    std::size_t i = 0;
    std::uint32_t cp = 0;
    while (i < s.size()) {
        if (!next_code_point(s, i, cp)) {
            return false;
        }
    }
    return true;
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

inline void append_u_escape(std::string& out, std::uint32_t unit) {
    static constexpr char hex[] = "0123456789abcdef";
    out += "\\u";
    out += hex[(unit >> 12) & 0xF];
    out += hex[(unit >> 8) & 0xF];
    out += hex[(unit >> 4) & 0xF];
    out += hex[unit & 0xF];
}

/// How dump_string writes what is not printable ASCII.
enum class json_escaping {
    /// Python's json.dumps default (ensure_ascii): every character outside 0x20-0x7E as \uXXXX. A
    /// byte that is not valid UTF-8 is written as the lone surrogate U+DC00 + byte, the
    /// conventional lossless escape, and read back as that byte.
    ascii,
    /// json.dumps with ensure_ascii=False (the AWS CLI's output): control characters escaped, DEL
    /// and everything from 0x80 on written as they are.
    utf8,
};

/// A JSON string literal, escaped as `escaping` says.
inline void dump_string(std::string_view s, std::string& out, json_escaping escaping = json_escaping::ascii) {
    out += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c >= 0x20 && c < 0x7F) || (c >= 0x7F && escaping == json_escaping::utf8)) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        switch (c) {
        case '\n': out += "\\n"; ++i; continue;
        case '\r': out += "\\r"; ++i; continue;
        case '\t': out += "\\t"; ++i; continue;
        case '\b': out += "\\b"; ++i; continue;
        case '\f': out += "\\f"; ++i; continue;
        default: break;
        }
        std::uint32_t cp = 0;
        if (!next_code_point(s, i, cp)) {
            append_u_escape(out, 0xDC00u + c);
            ++i;
        } else if (cp >= 0x10000) {
            cp -= 0x10000;
            append_u_escape(out, 0xD800u + (cp >> 10));
            append_u_escape(out, 0xDC00u + (cp & 0x3FF));
        } else {
            append_u_escape(out, cp);
        }
    }
    out += '"';
}

/// A double as Python's repr writes it: the shortest digits that read back the same, in fixed
/// notation when the decimal exponent is in [-4, 16), otherwise as d.ddde+XX.
inline void dump_double(double d, std::string& out) {
    if (d != d) {
        out += "NaN";
        return;
    }
    if (d == std::numeric_limits<double>::infinity()) {
        out += "Infinity";
        return;
    }
    if (d == -std::numeric_limits<double>::infinity()) {
        out += "-Infinity";
        return;
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    bool negative = false;
    if (!sci.empty() && sci.front() == '-') {
        negative = true;
        sci.remove_prefix(1);
    }
    const std::size_t e_pos = sci.find('e');
    std::string digits;
    for (std::size_t k = 0; k < e_pos; ++k) {
        if (sci[k] != '.') {
            digits += sci[k];
        }
    }
    int exponent = 0;
    std::string_view exp_text = sci.substr(e_pos + 1);
    if (!exp_text.empty() && exp_text.front() == '+') {
        exp_text.remove_prefix(1);
    }
    std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
    if (negative) {
        out += '-';
    }
    const int point = exponent + 1; // digits are 0.d1d2... x 10^point
    const int ndigits = static_cast<int>(digits.size());
    if (point > -4 && point <= 16) {
        if (point <= 0) {
            out += "0.";
            out.append(static_cast<std::size_t>(-point), '0');
            out += digits;
        } else if (point >= ndigits) {
            out += digits;
            out.append(static_cast<std::size_t>(point - ndigits), '0');
            out += ".0";
        } else {
            out.append(digits, 0, static_cast<std::size_t>(point));
            out += '.';
            out.append(digits, static_cast<std::size_t>(point), std::string::npos);
        }
    } else {
        out += digits[0];
        if (ndigits > 1) {
            out += '.';
            out.append(digits, 1, std::string::npos);
        }
        out += 'e';
        out += exponent < 0 ? '-' : '+';
        const int magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude < 10) {
            out += '0';
        }
        out += std::to_string(magnitude);
    }
}

/// Writes `open`, the entries of `list` with json.dumps' ", " between them, and `close`.
template <class List, class WriteEntry>
void dump_list(const List& list, char open, char close, std::string& out, WriteEntry write_entry) {
    out += open;
    bool first = true;
    for (const auto& entry : list) {
        if (!first) {
            out += ", ";
        }
        first = false;
        write_entry(entry);
    }
    out += close;
}

/// Writes the value as Python's json.dumps does. Bytes must have been replaced by their base64
/// text before (the token encoder does that); here they are written as that text.
inline void dump(const token_value& value, std::string& out);

inline void dump(const token_value& value, std::string& out) {
    switch (value.type()) {
    case token_value::kind::null: out += "null"; return;
    case token_value::kind::boolean: out += value.as_bool() ? "true" : "false"; return;
    case token_value::kind::integer: out += std::to_string(value.as_integer()); return;
    case token_value::kind::floating: dump_double(value.as_double(), out); return;
    case token_value::kind::string: dump_string(value.as_string(), out); return;
    case token_value::kind::bytes: {
        const auto& b = value.as_bytes();
        dump_string(std::string(b.begin(), b.end()), out);
        return;
    }
    case token_value::kind::array:
        dump_list(value.as_array(), '[', ']', out, [&out](const token_value& element) { dump(element, out); });
        return;
    case token_value::kind::object:
        dump_list(value.as_object(), '{', '}', out, [&out](const auto& member) {
            dump_string(member.first, out);
            out += ": ";
            dump(member.second, out);
        });
        return;
    }
}

/// A strict JSON reader (RFC 8259) with a nesting bound. Rejects what a token never needs:
/// duplicate keys, NaN/Infinity, integers outside 64 bits, and lone surrogates other than the
/// U+DC80-U+DCFF byte escapes written by dump_string.
class json_reader {
public:
    json_reader(std::string_view text, std::size_t max_depth) : text_(text), max_depth_(max_depth) {}

    /// Parses the whole text; on failure returns false and error() says why.
    bool parse(token_value& out) {
        skip_ws();
        if (!value(out, 0)) {
            return false;
        }
        skip_ws();
        if (pos_ != text_.size()) {
            return fail("unexpected data after the JSON value");
        }
        return true;
    }

    const std::string& error() const noexcept { return error_; }

    /// True when the text is JSON but breaks one of the reader's bounds or strict rules (as
    /// opposed to not being JSON at all).
    bool rejected() const noexcept { return rejected_; }

private:
    bool fail(const char* what) {
        error_ = std::string(what) + " at offset " + std::to_string(pos_);
        return false;
    }
    bool reject(const char* what) {
        rejected_ = true;
        return fail(what);
    }
    void skip_ws() noexcept {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
            ++pos_;
        }
    }
    bool literal(std::string_view word) noexcept {
        if (text_.substr(pos_, word.size()) == word) {
            pos_ += word.size();
            return true;
        }
        return false;
    }

    bool value(token_value& out, std::size_t depth) {
        if (pos_ >= text_.size()) {
            return fail("unexpected end of JSON");
        }
        const char c = text_[pos_];
        if (c == '{' || c == '[') {
            if (depth >= max_depth_) {
                return reject("JSON nested deeper than the bound");
            }
            return c == '{' ? object(out, depth + 1) : array(out, depth + 1);
        }
        if (c == '"') {
            std::string s;
            if (!string(s)) {
                return false;
            }
            out = token_value(std::move(s));
            return true;
        }
        if (literal("null")) {
            out = token_value();
            return true;
        }
        if (literal("true")) {
            out = token_value(true);
            return true;
        }
        if (literal("false")) {
            out = token_value(false);
            return true;
        }
        if (literal("NaN") || literal("Infinity") || literal("-Infinity")) {
            return reject("NaN and Infinity are not accepted");
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(out);
        }
        return fail("unexpected character in JSON");
    }

    bool consume(char c) noexcept {
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    // The comma-separated entries of an object or an array, after its opening bracket and up to
    // `close`, each read by `entry`.
    template <class Entry>
    bool entries(char close, const char* bad_separator, Entry&& entry) {
        ++pos_;
        skip_ws();
        if (consume(close)) {
            return true;
        }
        while (true) {
            skip_ws();
            if (!entry()) {
                return false;
            }
            skip_ws();
            if (consume(',')) {
                continue;
            }
            if (consume(close)) {
                return true;
            }
            return fail(bad_separator);
        }
    }

    bool object(token_value& out, std::size_t depth) {
        token_value::object_type members;
        const bool ok = entries('}', "expected ',' or '}' in JSON object", [&] {
            if (pos_ >= text_.size() || text_[pos_] != '"') {
                return fail("expected a string key in JSON object");
            }
            std::string key;
            if (!string(key)) {
                return false;
            }
            for (const auto& member : members) {
                if (member.first == key) {
                    return reject("duplicate key in JSON object");
                }
            }
            skip_ws();
            if (!consume(':')) {
                return fail("expected ':' in JSON object");
            }
            skip_ws();
            token_value v;
            if (!value(v, depth)) {
                return false;
            }
            members.emplace_back(std::move(key), std::move(v));
            return true;
        });
        if (ok) {
            out = token_value(std::move(members));
        }
        return ok;
    }

    bool array(token_value& out, std::size_t depth) {
        token_value::array_type elements;
        const bool ok = entries(']', "expected ',' or ']' in JSON array", [&] {
            token_value v;
            if (!value(v, depth)) {
                return false;
            }
            elements.push_back(std::move(v));
            return true;
        });
        if (ok) {
            out = token_value(std::move(elements));
        }
        return ok;
    }

    bool hex4(std::uint32_t& unit) {
        if (pos_ + 4 > text_.size()) {
            return fail("truncated \\u escape in JSON string");
        }
        unit = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char h = text_[pos_ + k];
            unit <<= 4;
            if (h >= '0' && h <= '9') {
                unit |= static_cast<std::uint32_t>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                unit |= static_cast<std::uint32_t>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                unit |= static_cast<std::uint32_t>(h - 'A' + 10);
            } else {
                return fail("bad \\u escape in JSON string");
            }
        }
        pos_ += 4;
        return true;
    }

    bool string(std::string& out) {
        ++pos_;
        while (true) {
            if (pos_ >= text_.size()) {
                return fail("unterminated JSON string");
            }
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) {
                return fail("control character in JSON string");
            }
            if (c != '\\') {
                std::size_t next = pos_;
                std::uint32_t cp = 0;
                if (!next_code_point(text_, next, cp)) {
                    return fail("invalid UTF-8 in JSON string");
                }
                out.append(text_.substr(pos_, next - pos_));
                pos_ = next;
                continue;
            }
            ++pos_;
            if (pos_ >= text_.size()) {
                return fail("unterminated escape in JSON string");
            }
            const char e = text_[pos_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t unit = 0;
                if (!hex4(unit)) {
                    return false;
                }
                if (unit >= 0xD800 && unit <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
                    const std::size_t save = pos_;
                    pos_ += 2;
                    std::uint32_t low = 0;
                    if (!hex4(low)) {
                        return false;
                    }
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                        break;
                    }
                    pos_ = save;
                }
                if (unit >= 0xDC80 && unit <= 0xDCFF) {
                    out += static_cast<char>(unit - 0xDC00);
                } else if (unit >= 0xD800 && unit <= 0xDFFF) {
                    return reject("lone surrogate in JSON string");
                } else {
                    append_utf8(out, unit);
                }
                break;
            }
            default: return fail("bad escape in JSON string");
            }
        }
    }

    bool number(token_value& out) {
        const std::size_t start = pos_;
        if (text_[pos_] == '-') {
            ++pos_;
        }
        const auto digits = [&] {
            const std::size_t from = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
                ++pos_;
            }
            return pos_ - from;
        };
        if (pos_ < text_.size() && text_[pos_] == '0') {
            ++pos_;
        } else if (digits() == 0) {
            return fail("bad number in JSON");
        }
        bool integral = true;
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            integral = false;
            if (digits() == 0) {
                return fail("bad number in JSON");
            }
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            integral = false;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
                ++pos_;
            }
            if (digits() == 0) {
                return fail("bad number in JSON");
            }
        }
        const char* first = text_.data() + start;
        const char* last = text_.data() + pos_;
        if (integral) {
            std::int64_t i = 0;
            const auto res = std::from_chars(first, last, i);
            if (res.ec != std::errc() || res.ptr != last) {
                return reject("integer out of range in JSON");
            }
            out = token_value(i);
            return true;
        }
        double d = 0;
        const auto res = std::from_chars(first, last, d);
        if (res.ec != std::errc() || res.ptr != last) {
            return reject("number out of range in JSON");
        }
        out = token_value(d);
        return true;
    }

    std::string_view text_;
    std::size_t max_depth_;
    std::size_t pos_ = 0;
    std::string error_;
    bool rejected_ = false;
};

} // namespace detail
} // namespace pagination

#endif // PAGINATION_DETAIL_JSON_HPP
// #include <pagination/error.hpp>
// #include <pagination/expected.hpp>
// #include <pagination/token_value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pagination {

/// What an input token field accepts.
enum class token_kind : unsigned char {
    /// A string field (most APIs): a starting token may give it only a string or null.
    string,
    /// A structured field such as a DynamoDB key: any JSON value.
    structured,
};

/// One input token of an API: the request field's service name and what it accepts.
struct token_field {
    std::string_view name;
    token_kind kind = token_kind::string;
};

/// Input-token name -> value, in order (the order is part of a resume token's bytes).
using token_map = token_value::object_type;

/// Bounds on what a StartingToken may be; anything beyond them is rejected before any request.
struct token_limits {
    /// Length of the StartingToken text, in bytes.
    std::size_t max_token_size = 64 * 1024;
    /// Nesting depth of the JSON inside a token (objects and arrays).
    std::size_t max_depth = 32;
    /// Largest `boto_truncate_amount` accepted: it indexes into one page, so it is never larger
    /// than the largest page a service returns.
    std::size_t max_truncate_amount = 1000000;
};

/// A decoded StartingToken: the token map and the number of items to skip on the first page.
struct decoded_token {
    token_map tokens;
    std::size_t skip = 0;
};

/// The outcome of decoding a StartingToken: a decoded token, or the reason it was rejected.
using decode_result = expected<decoded_token, error>;

namespace detail {

inline bool has_bytes(const token_value& v) {
    switch (v.type()) {
    case token_value::kind::bytes: return true;
    case token_value::kind::array:
        for (const auto& e : v.as_array()) {
            if (has_bytes(e)) {
                return true;
            }
        }
        return false;
    case token_value::kind::object:
        for (const auto& m : v.as_object()) {
            if (has_bytes(m.second)) {
                return true;
            }
        }
        return false;
    default: return false;
    }
}

// Replaces every bytes value by its base64 text and records its path (keys and indices).
inline void encode_bytes(token_value& v, token_value::array_type& path, token_value::array_type& paths) {
    switch (v.type()) {
    case token_value::kind::bytes:
        paths.emplace_back(path);
        v = token_value(base64_encode(v.as_bytes()));
        return;
    case token_value::kind::array: {
        std::int64_t index = 0;
        for (auto& e : v.as_array()) {
            path.emplace_back(index++);
            encode_bytes(e, path, paths);
            path.pop_back();
        }
        return;
    }
    case token_value::kind::object:
        for (auto& m : v.as_object()) {
            path.emplace_back(m.first);
            encode_bytes(m.second, path, paths);
            path.pop_back();
        }
        return;
    default: return;
    }
}

inline error token_error(std::string message) {
    return error(errc::invalid_starting_token, "invalid StartingToken: " + std::move(message));
}

// Follows a `boto_encoded_keys` path and turns the string there back into bytes.
inline bool decode_bytes_at(token_value& root, const token_value& path, std::string& why) {
    if (!path.is_array() || path.as_array().empty()) {
        why = "boto_encoded_keys must list non-empty paths";
        return false;
    }
    token_value* node = &root;
    for (const auto& step : path.as_array()) {
        if (step.type() == token_value::kind::string && node->is_object()) {
            token_value* next = nullptr;
            for (auto& m : node->as_object()) {
                if (m.first == step.as_string()) {
                    next = &m.second;
                }
            }
            node = next;
        } else if (step.is_integer() && node->is_array() && step.as_integer() >= 0 &&
                   static_cast<std::uint64_t>(step.as_integer()) < node->as_array().size()) {
            node = &node->as_array()[static_cast<std::size_t>(step.as_integer())];
        } else {
            node = nullptr;
        }
        if (node == nullptr) {
            why = "a boto_encoded_keys path does not lead to a value";
            return false;
        }
    }
    std::string raw;
    if (!node->is_string() || !base64_decode(node->as_string(), raw)) {
        why = "a boto_encoded_keys path does not lead to base64 text";
        return false;
    }
    *node = token_value(token_value::bytes_type(raw.begin(), raw.end()));
    return true;
}

// The first code point of every run of ten Unicode decimal digits (category Nd, Unicode 14).
inline constexpr std::uint32_t decimal_digit_zeros[] = {
    0x30,    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,   0xB66,   0xBE6,   0xC66,
    0xCE6,   0xD66,   0xDE6,   0xE50,   0xED0,   0xF20,   0x1040,  0x1090,  0x17E0,  0x1810,  0x1946,
    0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,  0xA900,  0xA9D0,
    0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0,
    0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0};

// The white space that Python's int() skips around a number.
inline constexpr std::uint32_t int_white_space[] = {
    0x9,    0xA,    0xB,    0xC,    0xD,    0x20,   0x85,   0xA0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
    0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};

inline int decimal_digit_value(std::uint32_t cp) noexcept {
    for (const std::uint32_t zero : decimal_digit_zeros) {
        if (cp >= zero && cp < zero + 10) {
            return static_cast<int>(cp - zero);
        }
    }
    return -1;
}

inline bool is_int_white_space(std::uint32_t cp) noexcept {
    for (const std::uint32_t w : int_white_space) {
        if (cp == w) {
            return true;
        }
    }
    return false;
}

// Python's int() on a string, as legacy tokens have always been read: white space around it, an
// optional sign, decimal digits of any script with single underscores between them.
inline bool parse_python_int(std::string_view s, bool& negative, std::uint64_t& magnitude, bool& overflow) {
    std::vector<std::uint32_t> cps;
    std::size_t i = 0;
    std::uint32_t cp = 0;
    while (i < s.size()) {
        if (!next_code_point(s, i, cp)) {
            return false;
        }
        cps.push_back(cp);
    }
    std::size_t first = 0;
    std::size_t last = cps.size();
    while (first < last && is_int_white_space(cps[first])) {
        ++first;
    }
    while (last > first && is_int_white_space(cps[last - 1])) {
        --last;
    }
    negative = false;
    if (first < last && (cps[first] == '+' || cps[first] == '-')) {
        negative = cps[first] == '-';
        ++first;
    }
    if (first == last || cps[first] == '_' || cps[last - 1] == '_') {
        return false;
    }
    magnitude = 0;
    overflow = false;
    bool previous_underscore = false;
    for (std::size_t k = first; k < last; ++k) {
        if (cps[k] == '_') {
            if (previous_underscore) {
                return false;
            }
            previous_underscore = true;
            continue;
        }
        previous_underscore = false;
        const int d = decimal_digit_value(cps[k]);
        if (d < 0) {
            return false;
        }
        const auto digit = static_cast<std::uint64_t>(d);
        if (magnitude > (UINT64_MAX - digit) / 10) {
            overflow = true;
        } else {
            magnitude = magnitude * 10 + digit;
        }
    }
    return true;
}

inline const token_field* find_field(const token_field* fields, std::size_t count, std::string_view name) {
    for (std::size_t i = 0; i < count; ++i) {
        if (fields[i].name == name) {
            return &fields[i];
        }
    }
    return nullptr;
}

inline decode_result decode_legacy(std::string_view text, const token_field* fields, std::size_t count,
                                   const token_limits& limits) {
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    while (true) {
        const std::size_t at = text.find("___", from);
        if (at == std::string_view::npos) {
            parts.push_back(text.substr(from));
            break;
        }
        parts.push_back(text.substr(from, at - from));
        from = at + 3;
    }
    decoded_token out;
    if (parts.size() == count + 1) {
        bool negative = false;
        bool overflow = false;
        std::uint64_t amount = 0;
        if (parse_python_int(parts.back(), negative, amount, overflow)) {
            if (negative && amount != 0) {
                return token_error("the truncate amount of a legacy token is negative");
            }
            if (overflow || amount > limits.max_truncate_amount) {
                return token_error("the truncate amount of a legacy token is larger than the bound of " +
                                   std::to_string(limits.max_truncate_amount) +
                                   " (token_limits::max_truncate_amount)");
            }
            out.skip = static_cast<std::size_t>(amount);
            parts.pop_back();
        } else {
            parts.assign(1, text);
        }
    }
    if (parts.size() > count) {
        return token_error("it has " + std::to_string(parts.size()) + " '___'-separated parts, but this API has " +
                           std::to_string(count) + " input token(s)");
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (i < parts.size() && parts[i] != "None") {
            out.tokens.emplace_back(std::string(fields[i].name), token_value(parts[i]));
        } else {
            out.tokens.emplace_back(std::string(fields[i].name), token_value());
        }
    }
    return out;
}

} // namespace detail

/// Encodes a resume token: the token map, then `boto_truncate_amount` when given, then
/// `boto_encoded_keys` when any value is bytes; JSON as Python writes it; base64.
inline std::string encode_resume_token(const token_map& tokens, std::optional<std::size_t> truncate_amount) {
    token_map members = tokens;
    if (truncate_amount) {
        members.emplace_back("boto_truncate_amount", token_value(static_cast<std::int64_t>(*truncate_amount)));
    }
    token_value object(std::move(members));
    if (detail::has_bytes(object)) {
        token_value::array_type path;
        token_value::array_type paths;
        detail::encode_bytes(object, path, paths);
        object.as_object().emplace_back("boto_encoded_keys", token_value(std::move(paths)));
    }
    std::string json;
    detail::dump(object, json);
    return detail::base64_encode(json);
}

/// Decodes a StartingToken for an API with the given input tokens: a resume token (base64 JSON),
/// the legacy `a___b___N` form, or a raw service token. Stricter than the reference decoder: a
/// token may name only input tokens, and its shape, size, depth and truncate amount are checked.
/// Input tokens the token does not name are null, after those it names.
inline decode_result decode_starting_token(std::string_view token, const token_field* fields, std::size_t count,
                                           const token_limits& limits = {}) {
    if (token.empty()) {
        return detail::token_error("it is empty");
    }
    if (token.size() > limits.max_token_size) {
        return detail::token_error("it is " + std::to_string(token.size()) + " bytes long, more than the bound of " +
                                   std::to_string(limits.max_token_size) + " (token_limits::max_token_size)");
    }
    if (!detail::is_valid_utf8(token)) {
        return detail::token_error("it is not valid UTF-8");
    }
    std::string json;
    token_value parsed;
    bool is_json = false;
    if (detail::base64_decode(token, json) && detail::is_valid_utf8(json)) {
        detail::json_reader reader(json, limits.max_depth);
        if (reader.parse(parsed)) {
            is_json = true;
        } else if (reader.rejected()) {
            return detail::token_error("its JSON is rejected: " + reader.error());
        }
    }
    if (!is_json) {
        return detail::decode_legacy(token, fields, count, limits);
    }
    if (!parsed.is_object()) {
        return detail::token_error("its JSON is not an object");
    }
    decoded_token out;
    const token_value* encoded_keys = nullptr;
    for (const auto& member : parsed.as_object()) {
        if (member.first == "boto_truncate_amount") {
            const token_value& amount = member.second;
            if (!amount.is_integer()) {
                return detail::token_error("boto_truncate_amount is not an integer");
            }
            if (amount.as_integer() < 0) {
                return detail::token_error("boto_truncate_amount is negative");
            }
            if (static_cast<std::uint64_t>(amount.as_integer()) > limits.max_truncate_amount) {
                return detail::token_error("boto_truncate_amount is larger than the bound of " +
                                           std::to_string(limits.max_truncate_amount) +
                                           " (token_limits::max_truncate_amount)");
            }
            out.skip = static_cast<std::size_t>(amount.as_integer());
        } else if (member.first == "boto_encoded_keys") {
            encoded_keys = &member.second;
        } else {
            const token_field* field = detail::find_field(fields, count, member.first);
            if (field == nullptr) {
                return detail::token_error("it names '" + member.first +
                                           "', which is not an input token of this API; nothing was sent");
            }
            if (field->kind == token_kind::string && !member.second.is_string() && !member.second.is_null()) {
                return detail::token_error("the value of '" + member.first + "' is not a string");
            }
            out.tokens.push_back(member);
        }
    }
    if (encoded_keys != nullptr) {
        if (!encoded_keys->is_array()) {
            return detail::token_error("boto_encoded_keys is not a list");
        }
        token_value root(std::move(out.tokens));
        for (const auto& path : encoded_keys->as_array()) {
            std::string why;
            if (!detail::decode_bytes_at(root, path, why)) {
                return detail::token_error(why);
            }
        }
        out.tokens = std::move(root.as_object());
        for (const auto& member : out.tokens) {
            const token_field* field = detail::find_field(fields, count, member.first);
            if (field->kind == token_kind::string && !member.second.is_string() && !member.second.is_null()) {
                return detail::token_error("the value of '" + member.first + "' is not a string");
            }
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        bool named = false;
        for (const auto& member : out.tokens) {
            named = named || member.first == fields[i].name;
        }
        if (!named) {
            out.tokens.emplace_back(std::string(fields[i].name), token_value());
        }
    }
    return out;
}

/// The same, for a policy's `input_tokens` array.
template <class Fields>
decode_result decode_starting_token(std::string_view token, const Fields& fields, const token_limits& limits = {}) {
    return decode_starting_token(token, fields.data(), fields.size(), limits);
}

} // namespace pagination

#endif // PAGINATION_TOKEN_CODEC_HPP
// #include <pagination/policies.hpp>
#ifndef PAGINATION_POLICIES_HPP
#define PAGINATION_POLICIES_HPP

// The two policies that teach the core an API. token_policy_base and limit_policy_base give every
// optional hook its default, so the core calls each hook unconditionally; the required pieces are
// checked once, with a message that names what is missing (under C++20 also as the concepts
// token_policy and limit_policy, which constrain the drivers). member_token_policy and
// member_limit_policy are the ready-made policies for the common shape (one string token, lists
// that are members of the page, an integer or string limit field). docs/design.md explains each
// hook.

// #include <pagination/config.hpp>
// #include <pagination/error.hpp>
// #include <pagination/token_codec.hpp>
// #include <pagination/token_value.hpp>

#include <array>
#include <cstddef>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#if PAGINATION_HAS_CONCEPTS
#include <concepts>
#endif

namespace pagination {

/// What a run does when the service returns the same token on two consecutive pages.
enum class repeated_token_action {
    /// End the run with `errc::repeated_token` (the default, as boto3 does).
    error,
    /// End the run quietly; the resume token points after the last page (a log's end).
    stop,
    /// Send the same token again (tailing a log); bound the run with MaxItems.
    proceed,
};

namespace detail {

template <class...>
using void_t = void;

template <class P, class = void>
struct has_request_type : std::false_type {};
template <class P>
struct has_request_type<P, void_t<typename P::request_type>> : std::true_type {};

template <class P, class = void>
struct has_page_type : std::false_type {};
template <class P>
struct has_page_type<P, void_t<typename P::page_type>> : std::true_type {};

template <class P, class = void>
struct has_input_tokens : std::false_type {};
template <class P>
struct has_input_tokens<
    P, std::enable_if_t<std::is_convertible_v<decltype(P::input_tokens[std::size_t{0}]), const token_field&> &&
                        std::is_convertible_v<decltype(P::input_tokens.size()), std::size_t>>> : std::true_type {};

template <class P, class Page, class = void>
struct has_read_token : std::false_type {};
template <class P, class Page>
struct has_read_token<P, Page,
                      std::enable_if_t<std::is_convertible_v<
                          decltype(P::read_token(std::declval<const Page&>(), std::size_t{0})), token_value>>>
    : std::true_type {};

template <class P, class Request, class = void>
struct has_write_token : std::false_type {};
template <class P, class Request>
struct has_write_token<P, Request,
                       void_t<decltype(P::write_token(std::declval<Request&>(), std::size_t{0},
                                                      std::declval<const token_value&>()))>> : std::true_type {};

template <class P, class Page, class = void>
struct has_set_resume_token : std::false_type {};
template <class P, class Page>
struct has_set_resume_token<P, Page,
                            void_t<decltype(P::set_resume_token(std::declval<Page&>(),
                                                                std::declval<const std::optional<std::string>&>()))>>
    : std::true_type {};

template <class L, class Page, class = void>
struct has_items : std::false_type {};
template <class L, class Page>
struct has_items<L, Page,
                 void_t<decltype(std::size(L::items(std::declval<Page&>()))),
                        decltype(std::begin(L::items(std::declval<Page&>()))),
                        decltype(std::end(L::items(std::declval<Page&>())))>> : std::true_type {};

template <class C, class = void>
struct is_erasable_list : std::false_type {};
template <class C>
struct is_erasable_list<C, void_t<decltype(std::declval<C&>().erase(std::declval<C&>().begin(),
                                                                    std::declval<C&>().end()))>>
    : std::negation<std::is_const<C>> {};

/// What every TokenPolicy and LimitPolicy derives from, through token_policy_base and
/// limit_policy_base, so that a policy without the defaults is named as such.
struct token_policy_tag {};
struct limit_policy_tag {};

/// Moves the elements of `from` to the end of `into`: how result lists are joined.
template <class List>
void append_moved(List& into, List& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

/// Checks the two policies once, with a message per missing required piece. The optional hooks
/// need no check: the base types supply them.
template <class TokenPolicy, class LimitPolicy>
struct policy_traits {
    static_assert(std::is_base_of_v<token_policy_tag, TokenPolicy>,
                  "TokenPolicy must derive from pagination::token_policy_base<TokenPolicy> (or a ready-made policy "
                  "such as member_token_policy), which supplies the defaults of the optional hooks");
    static_assert(std::is_base_of_v<limit_policy_tag, LimitPolicy>,
                  "LimitPolicy must derive from pagination::limit_policy_base<LimitPolicy> (or a ready-made policy "
                  "such as member_limit_policy), which supplies the defaults of the optional hooks");
    static_assert(has_request_type<TokenPolicy>::value,
                  "TokenPolicy must declare `using request_type = ...;` (the request the fetcher takes)");
    static_assert(has_page_type<TokenPolicy>::value,
                  "TokenPolicy must declare `using page_type = ...;` (the result of one request)");
    static_assert(has_input_tokens<TokenPolicy>::value,
                  "TokenPolicy must declare `static constexpr std::array<pagination::token_field, N> input_tokens` "
                  "naming the request's token fields");

    using request_type = typename TokenPolicy::request_type;
    using page_type = typename TokenPolicy::page_type;

    static_assert(has_read_token<TokenPolicy, page_type>::value,
                  "TokenPolicy must provide `static pagination::token_value read_token(const page_type&, std::size_t "
                  "index)` returning the output token paired with input_tokens[index]");
    static_assert(has_write_token<TokenPolicy, request_type>::value,
                  "TokenPolicy must provide `static void write_token(request_type&, std::size_t index, const "
                  "pagination::token_value&)` writing input_tokens[index] (null clears the field)");
    static_assert(has_items<LimitPolicy, page_type>::value,
                  "LimitPolicy must provide `static auto& items(page_type&)` returning the page's primary result "
                  "list (a sized range)");
    static_assert(std::is_move_constructible_v<page_type>, "page_type must be move constructible");
    static_assert(std::is_copy_constructible_v<request_type>, "request_type must be copy constructible");

    using list_type = std::remove_reference_t<decltype(LimitPolicy::items(std::declval<page_type&>()))>;

    /// build_full_result() is the one user of set_resume_token, and asks for it.
    static constexpr bool can_set_resume_token = has_set_resume_token<TokenPolicy, page_type>::value;
    static constexpr std::size_t token_count = TokenPolicy::input_tokens.size();

    static std::size_t item_count(page_type& page) { return static_cast<std::size_t>(std::size(LimitPolicy::items(page))); }
};

template <class T>
struct member_pointer_parts;
template <class Field, class Class>
struct member_pointer_parts<Field Class::*> {
    using field_type = Field;
    using class_type = Class;
};

template <class T>
struct optional_value {
    using type = T;
};
template <class T>
struct optional_value<std::optional<T>> {
    using type = T;
};

// What a limit member accepts: its value type and the largest page size that fits it.
template <class M>
struct limit_member_traits {
    using value_type = typename optional_value<typename member_pointer_parts<M>::field_type>::type;
    static constexpr std::size_t max_page_size = [] {
        if constexpr (std::is_same_v<value_type, std::string>) {
            return std::numeric_limits<std::size_t>::max();
        } else {
            static_assert(std::is_integral_v<value_type>, "a limit member must be an integer or a string");
            return static_cast<std::size_t>(std::numeric_limits<value_type>::max());
        }
    }();
};
template <>
struct limit_member_traits<std::nullptr_t> {
    static constexpr std::size_t max_page_size = std::numeric_limits<std::size_t>::max();
};

} // namespace detail

/// The defaults of a TokenPolicy's optional hooks. A TokenPolicy derives from it, naming itself:
/// `struct my_tokens : pagination::token_policy_base<my_tokens> { ... };`, and declares what it
/// needs: `request_type`, `page_type`, `input_tokens`, `read_token` and `write_token` always;
/// `set_resume_token` for build_full_result(); any hook below whose default does not fit.
template <class Derived>
struct token_policy_base : detail::token_policy_tag {
    /// What a run does when the service returns the same token twice in a row (boto3 fails).
    static constexpr repeated_token_action on_repeated_token = repeated_token_action::error;

    /// Whether the page says more results follow; false ends the listing whatever its tokens
    /// say (S3's IsTruncated). By default the tokens alone decide.
    template <class Page>
    static constexpr bool more_results(const Page&) noexcept {
        return true;
    }

    /// read_token into a value the run reuses, so that a policy can keep the buffer of two
    /// pages ago (member_token_policy does). By default it assigns read_token's value.
    template <class Page>
    static void read_token_into(const Page& page, std::size_t index, token_value& into) {
        into = Derived::read_token(page, index);
    }

    /// The service's request rules, checked on the first request before it is sent; an error
    /// (errc::invalid_request) ends the run without a request. By default every request is valid.
    template <class Request>
    static std::optional<error> validate_request(const Request&) {
        return std::nullopt;
    }
};

/// The defaults of a LimitPolicy's optional hooks. A LimitPolicy derives from it, naming itself,
/// and declares `items(page_type&)`, the page's primary result list, and any hook below whose
/// default does not fit.
template <class Derived>
struct limit_policy_base : detail::limit_policy_tag {
    /// The largest PageSize the limit field takes.
    static constexpr std::size_t max_page_size = std::numeric_limits<std::size_t>::max();

    /// Writes PageSize into the request's limit field. An override returns void, or a bool that
    /// is false when the request has no limit field. By default there is none, and a run given
    /// PageSize fails with errc::invalid_page_size before it sends anything.
    template <class Request>
    static constexpr bool set_page_size(Request&, std::size_t) noexcept {
        return false;
    }

    /// Keeps items [first, first + count) of the primary list. By default the list is erased
    /// from both ends, which needs a list with erase(); override for one without (an SDK
    /// result's const list, replaced through its setter).
    template <class Page>
    static void keep_items(Page& page, std::size_t first, std::size_t count) {
        auto& list = Derived::items(page);
        static_assert(detail::is_erasable_list<std::remove_reference_t<decltype(list)>>::value,
                      "LimitPolicy::items(page_type&) returns a list the core cannot trim (const, or without erase): "
                      "provide `static void keep_items(page_type&, std::size_t first, std::size_t count)`");
        using diff = typename std::iterator_traits<decltype(list.begin())>::difference_type;
        list.erase(std::next(list.begin(), static_cast<diff>(first + count)), list.end());
        list.erase(list.begin(), std::next(list.begin(), static_cast<diff>(first)));
    }

    /// Empties the page's other result lists on the first page of a resumed run, whose items
    /// were handed out before (boto3 drops them too). By default there are none.
    template <class Page>
    static constexpr void clear_secondary_results(Page&) noexcept {}

    /// Joins a page onto build_full_result()'s result. By default the primary lists are joined.
    template <class Page>
    static void append_page(Page& full, Page&& page) {
        detail::append_moved(Derived::items(full), Derived::items(page));
    }
};

#if PAGINATION_HAS_CONCEPTS
/// A TokenPolicy: derived from token_policy_base, with the request and page types, the input
/// tokens, and every hook callable as the core calls it.
template <class P>
concept token_policy =
    std::derived_from<P, detail::token_policy_tag> && requires {
        typename P::request_type;
        typename P::page_type;
        { P::input_tokens.size() } -> std::convertible_to<std::size_t>;
        { P::on_repeated_token } -> std::convertible_to<repeated_token_action>;
    } && requires(const typename P::page_type& page, typename P::request_type& request,
                  const typename P::request_type& sent, const token_value& value, token_value& into,
                  std::size_t index) {
        { P::input_tokens[index] } -> std::convertible_to<const token_field&>;
        { P::read_token(page, index) } -> std::convertible_to<token_value>;
        P::read_token_into(page, index, into);
        P::write_token(request, index, value);
        { P::more_results(page) } -> std::convertible_to<bool>;
        { P::validate_request(sent) } -> std::convertible_to<std::optional<error>>;
    };

/// A LimitPolicy for the pages of TokenPolicy: derived from limit_policy_base, with the primary
/// result list and every hook callable as the core calls it.
template <class L, class TokenPolicy>
concept limit_policy =
    token_policy<TokenPolicy> && std::derived_from<L, detail::limit_policy_tag> &&
    requires(typename TokenPolicy::page_type& page, typename TokenPolicy::request_type& request, std::size_t n) {
        std::size(L::items(page));
        std::begin(L::items(page));
        std::end(L::items(page));
        { L::max_page_size } -> std::convertible_to<std::size_t>;
        L::set_page_size(request, n);
        L::keep_items(page, n, n);
        L::clear_secondary_results(page);
        L::append_page(page, std::move(page));
    };

/// The constraint a driver puts on its two policies.
#define PAGINATION_REQUIRES_POLICIES(TokenPolicy, LimitPolicy) \
    requires ::pagination::token_policy<TokenPolicy> && ::pagination::limit_policy<LimitPolicy, TokenPolicy>
#else
#define PAGINATION_REQUIRES_POLICIES(TokenPolicy, LimitPolicy)
#endif

/// A TokenPolicy for the common shape: one string token, an optional<string> member of the
/// request and one of the page. `Field` names it, e.g.
/// `inline constexpr pagination::token_field next_token{"NextToken"};`. Derive from it to add
/// hooks (validate_request, more_results, on_repeated_token).
template <auto InputMember, auto OutputMember, const token_field& Field>
struct member_token_policy : token_policy_base<member_token_policy<InputMember, OutputMember, Field>> {
    using request_type = typename detail::member_pointer_parts<decltype(InputMember)>::class_type;
    using page_type = typename detail::member_pointer_parts<decltype(OutputMember)>::class_type;
    static constexpr std::array<token_field, 1> input_tokens{{Field}};

    static token_value read_token(const page_type& page, std::size_t) { return token_value(page.*OutputMember); }
    static void read_token_into(const page_type& page, std::size_t, token_value& into) {
        using field_type = std::decay_t<decltype(page.*OutputMember)>;
        if constexpr (std::is_same_v<field_type, std::optional<std::string>>) {
            into.assign(page.*OutputMember);
        } else if constexpr (std::is_same_v<field_type, std::string>) {
            into.assign_string(page.*OutputMember);
        } else {
            into = token_value(page.*OutputMember);
        }
    }
    static void write_token(request_type& request, std::size_t, const token_value& value) {
        assign_token(request.*InputMember, value);
    }
    static void set_resume_token(page_type& page, const std::optional<std::string>& token) {
        page.*OutputMember = token;
    }
};

/// A LimitPolicy for the common shape: the items are a member of the page; the limit is an
/// integer or string member of the request (optional or not), or absent (nullptr); the page's
/// other result lists, if any, follow (emptied on a resumed first page, joined by
/// build_full_result()). Derive from it to lower max_page_size to the service's bound.
template <auto ItemsMember, auto LimitMember = nullptr, auto... SecondaryMembers>
struct member_limit_policy : limit_policy_base<member_limit_policy<ItemsMember, LimitMember, SecondaryMembers...>> {
    using page_type = typename detail::member_pointer_parts<decltype(ItemsMember)>::class_type;
    static constexpr std::size_t max_page_size = detail::limit_member_traits<decltype(LimitMember)>::max_page_size;

    static auto& items(page_type& page) { return page.*ItemsMember; }

    template <class Request>
    static bool set_page_size(Request& request, std::size_t size) {
        if constexpr (std::is_null_pointer_v<decltype(LimitMember)>) {
            (void)request;
            (void)size;
            return false;
        } else {
            using value = typename detail::limit_member_traits<decltype(LimitMember)>::value_type;
            if constexpr (std::is_same_v<value, std::string>) {
                request.*LimitMember = std::to_string(size);
            } else {
                request.*LimitMember = static_cast<value>(size);
            }
            return true;
        }
    }

    static void clear_secondary_results(page_type& page) {
        (void)page;
        ((page.*SecondaryMembers).clear(), ...);
    }

    static void append_page(page_type& full, page_type&& page) {
        detail::append_moved(full.*ItemsMember, page.*ItemsMember);
        (detail::append_moved(full.*SecondaryMembers, page.*SecondaryMembers), ...);
    }
};

} // namespace pagination

#endif // PAGINATION_POLICIES_HPP
// #include <pagination/pagination_config.hpp>
#ifndef PAGINATION_PAGINATION_CONFIG_HPP
#define PAGINATION_PAGINATION_CONFIG_HPP

// #include <pagination/policies.hpp>
// #include <pagination/token_codec.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace pagination {

/// What boto3 calls PaginationConfig: the caller's bounds on one run.
struct pagination_config {
    /// Cap on the items yielded by the run; when it cuts the listing, resume_token() says where
    /// the next run begins.
    std::optional<std::size_t> max_items;
    /// Value for the API's limit field (the service may return fewer items per page).
    std::optional<std::size_t> page_size;
    /// Where the run begins: a resume token, a legacy `a___b___N` token, or a raw service token.
    /// A truncate amount inside it is only meaningful with the same page_size and filters.
    std::optional<std::string> starting_token;
};

/// How strict a run is with the service and with starting tokens.
struct paginator_options {
    /// The same token on two consecutive pages: error (default), stop, or proceed. Unset: the
    /// TokenPolicy's `on_repeated_token`, else error.
    std::optional<repeated_token_action> on_repeated_token;
    /// Also fail with `errc::token_cycle` when a token comes back after others (A, B, A). Keeps
    /// every token of the run in memory.
    bool detect_token_cycles = false;
    /// Bounds on a starting token.
    token_limits limits;
};

} // namespace pagination

#endif // PAGINATION_PAGINATION_CONFIG_HPP
// #include <pagination/run_state.hpp>
#ifndef PAGINATION_RUN_STATE_HPP
#define PAGINATION_RUN_STATE_HPP

// The rules of one run, as a state machine that never calls the network: it says which request
// to send, takes the page that came back, trims it, and says whether the run goes on. Every
// driver (the blocking ranges, callbacks, coroutines) feeds this one machine.

// #include <pagination/config.hpp>
// #include <pagination/error.hpp>
// #include <pagination/pagination_config.hpp>
// #include <pagination/policies.hpp>
// #include <pagination/token_codec.hpp>
// #include <pagination/token_value.hpp>
// #include <pagination/detail/string_set.hpp>
// pagination/detail/string_set.hpp - a small set of strings (the tokens a run has seen).
//
// Open addressing with linear probing over std::hash<std::string>, which <string> already
// declares: the token-cycle check needs insert and lookup only, and this costs a fraction of
// <unordered_set> to compile in every translation unit that includes the library.
#ifndef PAGINATION_DETAIL_STRING_SET_HPP
#define PAGINATION_DETAIL_STRING_SET_HPP

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace pagination {
namespace detail {

class string_set {
public:
    /// True when `key` is in the set.
    bool contains(const std::string& key) const {
        if (slots_.empty()) {
            return false;
        }
        const std::size_t hash = std::hash<std::string>{}(key);
        for (std::size_t at = hash & mask();; at = (at + 1) & mask()) {
            const slot& s = slots_[at];
            if (!s.used) {
                return false;
            }
            if (s.hash == hash && s.key == key) {
                return true;
            }
        }
    }

    /// Adds `key`; false when it was already there.
    bool insert(std::string key) {
        if ((size_ + 1) * 4 > slots_.size() * 3) {  // keep the load at most 3/4
            grow();
        }
        const std::size_t hash = std::hash<std::string>{}(key);
        std::size_t at = hash & mask();
        for (; slots_[at].used; at = (at + 1) & mask()) {
            if (slots_[at].hash == hash && slots_[at].key == key) {
                return false;
            }
        }
        slots_[at].used = true;
        slots_[at].hash = hash;
        slots_[at].key = std::move(key);
        ++size_;
        return true;
    }

private:
    struct slot {
        bool used = false;
        std::size_t hash = 0;
        std::string key;
    };

    std::size_t mask() const noexcept { return slots_.size() - 1; }

    void grow() {
        std::vector<slot> old;
        old.swap(slots_);
        slots_.resize(old.empty() ? 16 : old.size() * 2);  // a power of two
        for (slot& s : old) {
            if (s.used) {
                std::size_t at = s.hash & mask();
                while (slots_[at].used) {
                    at = (at + 1) & mask();
                }
                slots_[at] = std::move(s);
            }
        }
    }

    std::vector<slot> slots_;
    std::size_t size_ = 0;
};

} // namespace detail
} // namespace pagination

#endif // PAGINATION_DETAIL_STRING_SET_HPP

#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pagination {

/// Where a run stands.
enum class run_status {
    /// Send `request()` and report the outcome with on_page() or on_fetch_failed().
    send_request,
    /// A page is ready for the consumer; call on_page_done() when it wants more.
    page_ready,
    /// The run is over; resume_token() says whether and where the listing goes on.
    finished,
    /// The run failed; error() says why and resume_token() where to resume.
    failed,
};

namespace detail {

/// What a token value sends: null, and the string "None" (botocore's spelling of no token), clear
/// the request's field.
inline bool sends_no_token(const token_value& value) noexcept {
    return value.is_null() || (value.is_string() && value.as_string() == std::string_view("None"));
}

/// The two token maps of a run: the one request() carries (current) and the one the ready page
/// returned (next). This general form keeps name/value pairs, for APIs with several input tokens.
template <class TokenPolicy, class Traits, bool OneToken = (Traits::token_count == 1)>
class run_tokens {
public:
    using request_type = typename Traits::request_type;
    using page_type = typename Traits::page_type;

    run_tokens() {
        for (const token_field& field : TokenPolicy::input_tokens) {
            current_.emplace_back(std::string(field.name), token_value());
        }
    }

    /// Starts from a decoded starting token.
    void start_from(token_map tokens) { current_ = std::move(tokens); }

    const token_map& current() const noexcept { return current_; }
    const token_map& next() const noexcept { return next_; }

    /// The ready page said there is no next page.
    void clear_next() noexcept { next_.clear(); }

    /// Reads the ready page's tokens, in field order, into the map of two pages ago.
    void read_next(const page_type& page) {
        bool in_field_order = next_.size() == Traits::token_count;
        for (std::size_t i = 0; in_field_order && i < Traits::token_count; ++i) {
            in_field_order = next_[i].first == TokenPolicy::input_tokens[i].name;
        }
        if (!in_field_order) {
            next_.clear();
            for (std::size_t i = 0; i < Traits::token_count; ++i) {
                next_.emplace_back(std::string(TokenPolicy::input_tokens[i].name), token_value());
            }
        }
        for (std::size_t i = 0; i < Traits::token_count; ++i) {
            read_one(page, i, next_[i].second);
        }
    }

    bool next_is_empty() const noexcept {
        for (const auto& entry : next_) {
            if (!entry.second.is_null()) {
                return false;
            }
        }
        return true;
    }

    bool next_repeats_current() const { return next_ == current_; }

    void write_current(request_type& request) const { write(request, current_); }
    void write_next(request_type& request) const { write(request, next_); }

    /// The ready page's tokens become the current ones; the old map keeps its keys and buffers
    /// for the page after.
    void advance() noexcept { current_.swap(next_); }

    static void read_one(const page_type& page, std::size_t i, token_value& value) {
        TokenPolicy::read_token_into(page, i, value);  // may reuse the buffer of two pages ago
        if (value.is_empty_token()) {
            value.set_null();
        }
    }

    static void write_one(request_type& request, std::size_t i, const token_value* value) {
        if (value == nullptr || sends_no_token(*value)) {
            TokenPolicy::write_token(request, i, token_value());
        } else {
            TokenPolicy::write_token(request, i, *value);
        }
    }

private:
    static void write(request_type& request, const token_map& tokens) {
        for (std::size_t i = 0; i < Traits::token_count; ++i) {
            const token_value* value = nullptr;
            for (const auto& entry : tokens) {
                if (entry.first == TokenPolicy::input_tokens[i].name) {
                    value = &entry.second;
                }
            }
            write_one(request, i, value);
        }
    }

    token_map current_;
    token_map next_;
};

/// The same for an API with one input token, which is most of them: the two values alone, without
/// names (a map is made only to encode a resume token), and no swap (an index says which is current).
template <class TokenPolicy, class Traits>
class run_tokens<TokenPolicy, Traits, true> {
    using general = run_tokens<TokenPolicy, Traits, false>;

public:
    using request_type = typename Traits::request_type;
    using page_type = typename Traits::page_type;

    /// A decoded starting token names exactly the one input token (the decoder adds it when
    /// absent and rejects other names and duplicates).
    void start_from(token_map tokens) {
        PAGINATION_ASSERT(tokens.size() == 1 && tokens.front().first == TokenPolicy::input_tokens[0].name);
        values_[current_] = std::move(tokens.back().second);
        next_cleared_ = false;
    }

    token_map current() const { return as_map(values_[current_]); }
    token_map next() const { return next_cleared_ ? token_map() : as_map(values_[current_ ^ 1U]); }

    void clear_next() noexcept {
        values_[current_ ^ 1U].set_null();
        next_cleared_ = true;
    }

    void read_next(const page_type& page) {
        general::read_one(page, 0, values_[current_ ^ 1U]);
        next_cleared_ = false;
    }

    bool next_is_empty() const noexcept { return values_[current_ ^ 1U].is_null(); }
    bool next_repeats_current() const {
        const token_value& next = values_[current_ ^ 1U];
        const token_value& current = values_[current_];
        if (next.is_string() && current.is_string()) {  // the common case, kept inline
            const std::string& a = next.as_string();
            const std::string& b = current.as_string();
            // Tokens of one listing share their length and often a prefix: the last character
            // tells most of them apart without a call to compare.
            return a.size() == b.size() && (a.empty() || (a.back() == b.back() &&
                                                          std::char_traits<char>::compare(a.data(), b.data(), a.size()) == 0));
        }
        return next == current;
    }

    void write_current(request_type& request) const { general::write_one(request, 0, &values_[current_]); }
    void write_next(request_type& request) const { general::write_one(request, 0, &values_[current_ ^ 1U]); }

    void advance() noexcept { current_ ^= 1U; }

private:
    static token_map as_map(const token_value& value) {
        token_map map;
        map.emplace_back(std::string(TokenPolicy::input_tokens[0].name), value);
        return map;
    }

    token_value values_[2];
    unsigned current_ = 0;       // index of the value request() carries
    bool next_cleared_ = false;  // the ready page said there is no next page: next() is empty
};

} // namespace detail

/// One run of the pagination contract (docs/design.md), independent of how pages are fetched.
template <class TokenPolicy, class LimitPolicy>
PAGINATION_REQUIRES_POLICIES(TokenPolicy, LimitPolicy)
class run_state {
    using traits = detail::policy_traits<TokenPolicy, LimitPolicy>;
    using tokens_type = detail::run_tokens<TokenPolicy, traits>;

public:
    using request_type = typename traits::request_type;
    using page_type = typename traits::page_type;
    /// The page's primary result list, and what iterating it yields.
    using list_type = typename traits::list_type;
    using item_reference = decltype(*std::begin(std::declval<list_type&>()));

    /// Applies the config to the request: the starting token's values and the page size. A
    /// rejected starting token or page size fails the run before any request.
    run_state(request_type request, const pagination_config& config, const paginator_options& options = {})
        : request_(std::move(request)),
          max_items_(config.max_items),
          on_repeated_(options.on_repeated_token.value_or(TokenPolicy::on_repeated_token)),
          detect_cycles_(options.detect_token_cycles) {
        if (config.starting_token) {
            decode_result decoded = decode_starting_token(*config.starting_token, TokenPolicy::input_tokens,
                                                          options.limits);
            if (!decoded) {
                fail_before_start(decoded.error(), config.starting_token);
                return;
            }
            decoded_token start = std::move(decoded).value();
            tokens_.start_from(std::move(start.tokens));
            skip_ = start.skip;
            has_starting_token_ = true;
            tokens_.write_current(request_);
            remember_current();
        }
        if (config.page_size) {
            if (*config.page_size > LimitPolicy::max_page_size) {
                fail_before_start(pagination::error(errc::invalid_page_size,
                                        "PageSize " + std::to_string(*config.page_size) +
                                            " does not fit the API's limit field (at most " +
                                            std::to_string(LimitPolicy::max_page_size) + ")"),
                                  config.starting_token);
                return;
            }
            if (!write_page_size(*config.page_size)) {
                fail_before_start(pagination::error(errc::invalid_page_size,
                                        "PageSize is not supported for this API: it has no limit field"),
                                  config.starting_token);
                return;
            }
        }
        if (std::optional<pagination::error> rejected = TokenPolicy::validate_request(request_)) {
            fail_before_start(std::move(*rejected), config.starting_token);
            return;
        }
    }

    run_status status() const noexcept { return status_; }

    /// The request to send next (status send_request).
    const request_type& request() const noexcept { return request_; }

    /// The fetch of request() returned `page`: drops the starting token's skipped items, trims it
    /// to MaxItems, reads its tokens. Afterwards the page is the consumer's (status page_ready).
    void on_page(page_type& page) {
        PAGINATION_ASSERT(status_ == run_status::send_request);
        page_skip_ = skip_;
        skip_ = 0;
        if (first_request_ && has_starting_token_) {
            const std::size_t size = traits::item_count(page);
            const std::size_t drop = page_skip_ < size ? page_skip_ : size;
            if (drop > 0) {
                LimitPolicy::keep_items(page, drop, size - drop);
            }
            LimitPolicy::clear_secondary_results(page);
        }
        first_request_ = false;
        std::size_t n = traits::item_count(page);
        trimmed_ = false;
        handed_ = 0;
        if (max_items_ && total_ + n > *max_items_) {
            n = *max_items_ - total_;
            LimitPolicy::keep_items(page, 0, n);
            trimmed_ = true;
            outcome_ = page_outcome::truncated;
        } else {
            read_tokens(page);
            if (tokens_.next_is_empty()) {
                outcome_ = page_outcome::complete;
            } else if (max_items_ && total_ + n == *max_items_) {
                outcome_ = page_outcome::max_items_reached;
            } else if (has_previous_ && tokens_.next_repeats_current()) {
                outcome_ = page_outcome::repeated;
            } else if (detect_cycles_ && seen_.contains(canonical(tokens_.next()))) {
                outcome_ = page_outcome::cycle;
            } else {
                outcome_ = page_outcome::more;
            }
        }
        total_ += n;
        page_items_ = n;
        ++pages_received_;
        status_ = run_status::page_ready;
    }

    /// The fetch of request() failed: the run fails, and resume_token() points at this request.
    void on_fetch_failed(error e) {
        PAGINATION_ASSERT(status_ == run_status::send_request);
        fail(std::move(e));
    }

    /// The consumer has been handed the first `count` items of the ready page.
    void on_handed(std::size_t count) noexcept { handed_ = handed_at_least(count); }

    /// The consumer is done with the ready page and wants more: the run goes on (send_request),
    /// ends (finished), or fails (a repeated token).
    void on_page_done() {
        PAGINATION_ASSERT(status_ == run_status::page_ready);
        handed_ = page_items_;
        switch (outcome_) {
        case page_outcome::more: advance(); return;
        case page_outcome::complete:
        case page_outcome::max_items_reached:
        case page_outcome::truncated: finish(); return;
        case page_outcome::repeated:
            if (on_repeated_ == repeated_token_action::proceed) {
                advance();
            } else if (on_repeated_ == repeated_token_action::stop) {
                finish();
            } else {
                fail(pagination::error(errc::repeated_token,
                           "the service returned the same token twice: " + canonical(tokens_.next()) +
                               " (set paginator_options::on_repeated_token to stop or proceed if the API "
                               "does this on purpose)"));
            }
            return;
        case page_outcome::cycle:
            fail(pagination::error(errc::token_cycle, "the service returned a token it had returned before: " + canonical(tokens_.next())));
            return;
        }
    }

    /// While a page is ready: the request on_page_done() will ask for next, if the run goes on
    /// (so that a driver can fetch it ahead); otherwise empty. The machine learns of that page
    /// only after on_page_done(), so prefetching changes no rule.
    std::optional<request_type> upcoming_request() const {
        if (status_ != run_status::page_ready) {
            return std::nullopt;
        }
        if (outcome_ == page_outcome::more ||
            (outcome_ == page_outcome::repeated && on_repeated_ == repeated_token_action::proceed)) {
            request_type next = request_;
            tokens_.write_next(next);
            return next;
        }
        return std::nullopt;
    }

    /// Pages received so far (a page is counted by on_page()).
    std::size_t pages_received() const noexcept { return pages_received_; }

    /// Items of the ready page handed to the consumer so far.
    std::size_t page_handed_count() const noexcept { return handed_; }

    /// Items of the ready page (after skip and trim).
    std::size_t page_item_count() const noexcept { return page_items_; }

    /// Items yielded by the run so far, counting the ready page whole.
    std::size_t items_yielded() const noexcept { return total_; }

    /// The failure, or null.
    const pagination::error* error() const noexcept { return error_ ? &*error_ : nullptr; }

    /// Where the next run should begin: boto3's token after a run MaxItems ended; empty after the
    /// listing ended; otherwise the first item not yet handed to the consumer.
    std::optional<std::string> resume_token() const { return resume_token_if_handed(0); }

    /// resume_token() if the consumer has also been handed the first `count` items of the ready
    /// page (a driver that counts what it hands out itself reports it here, or with on_handed()).
    std::optional<std::string> resume_token_if_handed(std::size_t count) const {
        if (status_ == run_status::finished || status_ == run_status::failed) {
            return final_token_;
        }
        return position(handed_at_least(count));
    }

private:
    enum class page_outcome { more, complete, max_items_reached, truncated, repeated, cycle };

    /// Writes PageSize through the LimitPolicy; false when the request has no limit field (a
    /// set_page_size that returns void always has one).
    bool write_page_size(std::size_t size) {
        if constexpr (std::is_void_v<decltype(LimitPolicy::set_page_size(request_, size))>) {
            LimitPolicy::set_page_size(request_, size);
            return true;
        } else {
            return static_cast<bool>(LimitPolicy::set_page_size(request_, size));
        }
    }

    static std::string canonical(const token_map& tokens) {
        std::string text;
        detail::dump(token_value(tokens), text);
        return text;
    }

    // The items of the ready page handed out if the consumer has been handed `count` (capped at
    // the page) and at least those reported so far.
    std::size_t handed_at_least(std::size_t count) const noexcept {
        const std::size_t capped = count < page_items_ ? count : page_items_;
        return capped > handed_ ? capped : handed_;
    }

    // A token that resumes `skip` items into the page `tokens` ask for: with the amount only when
    // there is one to skip (boto3 writes none for 0).
    static std::string encode_skipping(const token_map& tokens, std::size_t skip) {
        return skip == 0 ? encode_resume_token(tokens, std::nullopt) : encode_resume_token(tokens, skip);
    }

    // Where the next run should begin, with `handed` items of the ready page handed out.
    std::optional<std::string> position(std::size_t handed) const {
        if (status_ == run_status::send_request) {
            return encode_skipping(tokens_.current(), skip_);
        }
        if (trimmed_) {
            // MaxItems cut the page: boto3 writes the amount even when it is 0.
            return encode_resume_token(tokens_.current(), page_skip_ + handed);
        }
        if (handed == page_items_) {
            switch (outcome_) {
            case page_outcome::complete: return std::nullopt;
            case page_outcome::more:
            case page_outcome::max_items_reached: return encode_resume_token(tokens_.next(), std::nullopt);
            default: break;
            }
        }
        return encode_skipping(tokens_.current(), page_skip_ + handed);
    }

    void read_tokens(const page_type& page) {
        if (!static_cast<bool>(TokenPolicy::more_results(page))) {
            tokens_.clear_next();
            return;
        }
        tokens_.read_next(page);
    }

    void remember_current() {
        if (detect_cycles_) {
            seen_.insert(canonical(tokens_.current()));
        }
    }

    void advance() {
        tokens_.write_next(request_);
        has_previous_ = true;
        tokens_.advance();
        remember_current();
        status_ = run_status::send_request;
    }

    void finish() {
        final_token_ = position(handed_);
        status_ = run_status::finished;
    }

    void fail(pagination::error e) {
        final_token_ = position(handed_);
        error_ = std::move(e);
        status_ = run_status::failed;
    }

    void fail_before_start(pagination::error e, const std::optional<std::string>& starting_token) {
        final_token_ = starting_token ? starting_token : position(handed_);
        error_ = std::move(e);
        status_ = run_status::failed;
    }

    request_type request_;
    std::optional<std::size_t> max_items_;
    repeated_token_action on_repeated_;
    bool detect_cycles_;
    run_status status_ = run_status::send_request;
    bool has_starting_token_ = false;
    bool first_request_ = true;
    tokens_type tokens_;  // the tokens request() carries, and those the ready page returned
    bool has_previous_ = false;
    std::size_t skip_ = 0;       // items to drop from the next page
    std::size_t page_skip_ = 0;  // items dropped from the ready page
    std::size_t page_items_ = 0;
    std::size_t handed_ = 0;     // items of the ready page the consumer has been handed
    std::size_t total_ = 0;
    std::size_t pages_received_ = 0;
    bool trimmed_ = false;
    page_outcome outcome_ = page_outcome::more;
    std::optional<std::string> final_token_;
    std::optional<pagination::error> error_;
    detail::string_set seen_;
};

} // namespace pagination

#endif // PAGINATION_RUN_STATE_HPP
// #include <pagination/paginator.hpp>
#ifndef PAGINATION_PAGINATOR_HPP
#define PAGINATION_PAGINATOR_HPP

// The blocking driver: a paginator owns the fetcher and one run_state, and offers the run as two
// lazy, single-pass input ranges (pages and items) that fetch a page only when iteration reaches it.

// #include <pagination/config.hpp>
// #include <pagination/detail/fetch_result.hpp>
#ifndef PAGINATION_DETAIL_FETCH_RESULT_HPP
#define PAGINATION_DETAIL_FETCH_RESULT_HPP

// What a fetcher may return: the page itself, an expected-like value (has_value/value/error),
// or an AWS SDK for C++ Outcome (IsSuccess/GetResult/GetError).

// #include <pagination/error.hpp>

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
// #include <pagination/error.hpp>
// #include <pagination/pagination_config.hpp>
// #include <pagination/policies.hpp>
// #include <pagination/run_state.hpp>

#include <cstddef>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace pagination {

namespace detail {

/// Where a paginator keeps the ready page: an optional that can also construct the page from what
/// a fetcher returns, so that a page returned by value is made in place (never moved).
template <class T>
class page_slot {
public:
    page_slot() noexcept {}
    page_slot(page_slot&& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
        if (other.engaged_) {
            ::new (static_cast<void*>(&value_)) T(std::move(other.value_));
            engaged_ = true;
        }
    }
    page_slot(const page_slot&) = delete;
    page_slot& operator=(const page_slot&) = delete;
    page_slot& operator=(page_slot&&) = delete;
    ~page_slot() { reset(); }

    explicit operator bool() const noexcept { return engaged_; }
    T& operator*() noexcept { return value_; }
    const T& operator*() const noexcept { return value_; }

    /// Makes the page `make()` returns (empty: reset() first).
    template <class Make>
    void emplace_from(Make&& make) {
        ::new (static_cast<void*>(&value_)) T(std::forward<Make>(make)());
        engaged_ = true;
    }

    void reset() noexcept {
        if (engaged_) {
            engaged_ = false;
            value_.~T();
        }
    }

private:
    union {
        T value_;
    };
    bool engaged_ = false;
};

} // namespace detail

/// The end of a page or item range.
struct end_sentinel {};

namespace detail {

/// What the page and item iterators of a paginator have in common: the paginator they ask, the
/// input-iterator tags, the postfix increment and the comparisons with the end. `Iterator` says
/// where the end is (at_end(); it befriends this base).
template <class Iterator, class Owner>
class run_iterator {
public:
    using iterator_category = std::input_iterator_tag;
    using iterator_concept = std::input_iterator_tag;
    using difference_type = std::ptrdiff_t;

    void operator++(int) { ++static_cast<Iterator&>(*this); }
    friend bool operator==(const Iterator& it, end_sentinel) noexcept { return ended(it); }
    friend bool operator==(end_sentinel, const Iterator& it) noexcept { return ended(it); }
    friend bool operator!=(const Iterator& it, end_sentinel) noexcept { return !ended(it); }
    friend bool operator!=(end_sentinel, const Iterator& it) noexcept { return !ended(it); }

protected:
    run_iterator() = default;
    explicit run_iterator(Owner* owner) noexcept : owner_(owner) {}

    Owner* owner_ = nullptr;

private:
    static bool ended(const Iterator& it) noexcept { return it.at_end(); }
};

} // namespace detail

/// Walks a paginated API: one run of the pagination contract (docs/design.md) over `Fetcher`,
/// a callable taking `const request_type&` and returning the page, an expected-like value of it,
/// or an AWS SDK for C++ Outcome (or throwing).
///
/// A paginator is one run, and its ranges refer to it: keep it alive and in place while iterating.
template <class Fetcher, class TokenPolicy, class LimitPolicy>
PAGINATION_REQUIRES_POLICIES(TokenPolicy, LimitPolicy)
class paginator {
    using traits = detail::policy_traits<TokenPolicy, LimitPolicy>;
    using state_type = run_state<TokenPolicy, LimitPolicy>;

public:
    using request_type = typename state_type::request_type;
    using page_type = typename state_type::page_type;
    using list_type = typename state_type::list_type;
    using item_reference = typename state_type::item_reference;
    using item_type = std::remove_cv_t<std::remove_reference_t<item_reference>>;

private:
    using list_iterator = decltype(std::begin(std::declval<list_type&>()));
    using list_difference = typename std::iterator_traits<list_iterator>::difference_type;
    // Where an item iterator goes on: the rest of a page (never empty), or first == last at the end.
    // Returned by value, so that the iterator never escapes into the slow path and stays in registers.
    struct item_span {
        list_iterator first;
        list_iterator last;
    };
    // How the item iterator marks the last item it handed out: by its address (a pointer store
    // costs a compiler no second induction variable, as storing an iterator can), or by position
    // for a list whose items are not objects (a proxy reference).
    static constexpr bool marks_by_address = std::is_lvalue_reference_v<item_reference>;
    using handed_mark =
        std::conditional_t<marks_by_address, std::add_pointer_t<std::remove_reference_t<item_reference>>, list_iterator>;

public:
    class page_range;
    class item_range;

    /// Iterates the pages of the run; a page is yours to move from.
    class page_iterator : public detail::run_iterator<page_iterator, paginator> {
        using base = detail::run_iterator<page_iterator, paginator>;

    public:
        using value_type = page_type;
        using pointer = page_type*;
        using reference = page_type&;

        page_iterator() = default;
        reference operator*() const { return this->owner_->page_handed_whole(); }
        pointer operator->() const { return &this->owner_->page_handed_whole(); }
        page_iterator& operator++() {
            this->owner_->next_page();
            return *this;
        }
        using base::operator++;

    private:
        friend base;
        friend class page_range;
        explicit page_iterator(paginator* owner) noexcept : base(owner) {}
        bool at_end() const noexcept { return this->owner_ == nullptr || this->owner_->at_end(); }
    };

    /// Iterates the items of the primary result list across pages. It keeps its position in the
    /// ready page itself (in registers, within a page), and tells the paginator only which item it
    /// last handed out: an item counts as handed once dereferenced or passed.
    class item_iterator : public detail::run_iterator<item_iterator, paginator> {
        using base = detail::run_iterator<item_iterator, paginator>;

    public:
        using value_type = item_type;
        using pointer = std::remove_reference_t<item_reference>*;
        using reference = item_reference;

        item_iterator() = default;
        reference operator*() const {
            record_handed();
            return *cursor_;
        }
        pointer operator->() const {
            record_handed();
            return &*cursor_;
        }
        item_iterator& operator++() {
            if (!recorded_) {
                this->owner_->last_handed_ = mark_of(cursor_);  // passing an item hands it out too
            }
            recorded_ = false;
            ++cursor_;
            if (cursor_ == page_end_) {
                seat(this->owner_->next_items());
            }
            return *this;
        }
        using base::operator++;

    private:
        friend base;
        friend class paginator;
        explicit item_iterator(paginator* owner) noexcept : base(owner) {}

        // Tells the paginator that the current item is handed out. The flag lets operator++ skip
        // the second record in the usual loop (dereference, then pass), which a compiler cannot
        // merge when the loop body may read memory.
        void record_handed() const noexcept {
            this->owner_->last_handed_ = mark_of(cursor_);
            recorded_ = true;
        }
        // Goes on at `span`; an empty one is the end of the run, where the iterator lets go of the
        // paginator. (Testing the owner rather than the cursor at the end lets a compiler keep
        // the loop over one page free of a second test of the page end.)
        void seat(item_span span) noexcept {
            cursor_ = span.first;
            page_end_ = span.last;
            if (span.first == span.last) {
                this->owner_ = nullptr;
            }
        }
        bool at_end() const noexcept { return this->owner_ == nullptr; }

        list_iterator cursor_{};
        list_iterator page_end_{};
        mutable bool recorded_ = false;  // operator* has told the paginator of the current item
    };

    /// The pages of the run, as a single-pass input range. begin() fetches the first page (or
    /// continues where an earlier iteration stopped).
    class page_range {
    public:
        page_iterator begin() const {
            owner_->begin_pages();
            return page_iterator(owner_);
        }
        end_sentinel end() const noexcept { return {}; }

    private:
        friend class paginator;
        explicit page_range(paginator* owner) : owner_(owner) {}
        paginator* owner_;
    };

    /// The items of the run, as a single-pass input range.
    class item_range {
    public:
        item_iterator begin() const {
            item_iterator it(owner_);
            it.seat(owner_->begin_items());
            return it;
        }
        end_sentinel end() const noexcept { return {}; }

    private:
        friend class paginator;
        explicit item_range(paginator* owner) : owner_(owner) {}
        paginator* owner_;
    };

    /// Prepares a run; nothing is fetched until iteration begins. A rejected starting token or
    /// page size is reported when iteration begins (thrown, or by error()).
    paginator(Fetcher fetcher, request_type request, const pagination_config& config = {},
              const paginator_options& options = {})
        : fetcher_(std::move(fetcher)), state_(std::move(request), config, options) {}

    paginator(paginator&& other) noexcept(std::is_nothrow_move_constructible_v<Fetcher> &&
                                          std::is_nothrow_move_constructible_v<state_type> &&
                                          std::is_nothrow_move_constructible_v<page_type>)
        : fetcher_(std::move(other.fetcher_)),
          state_(std::move(other.state_)),
          page_(std::move(other.page_)),
          page_handed_(other.page_handed_),
          failed_full_result_(std::move(other.failed_full_result_)) {
        // The page's list may have moved (an array inside the page): find the positions again.
        const std::size_t handed = other.items_handed();
        if (page_) {
            mark_page_items();
            if (handed > 0) {
                last_handed_ = mark_of(std::next(items_begin_, static_cast<list_difference>(handed - 1)));
            }
        }
    }
    paginator& operator=(paginator&&) = delete;
    paginator(const paginator&) = delete;
    paginator& operator=(const paginator&) = delete;
    ~paginator() = default;

    /// The pages of the run: a lazy, single-pass input range (an lvalue, so it pipes into views).
    page_range& pages() noexcept { return pages_; }

    /// The items of the primary result list, across pages: a lazy, single-pass input range.
    item_range& items() noexcept { return items_; }

    /// Where the next run should begin (a StartingToken): boto3's token after a run that MaxItems
    /// ended; empty after the listing ended; after an early stop or a failure, the first item not
    /// yet handed to the consumer.
    std::optional<std::string> resume_token() const {
        if (failed_full_result_.failed) {
            return failed_full_result_.started_at;
        }
        return state_.resume_token_if_handed(state_.status() == run_status::page_ready ? items_handed() : 0);
    }

    /// The failure that ended the run, or null. Without exceptions, check it after iterating.
    const pagination::error* error() const noexcept { return state_.error(); }

    /// Items handed out so far (pages count whole).
    std::size_t items_yielded() const noexcept { return state_.items_yielded(); }

    /// The whole run as one page: every item, the other fields of the first page, and the token
    /// field set to resume_token() (what the AWS CLI prints). A run that yields no page (one that
    /// is already over, or whose first fetch failed without exceptions) gives a default-constructed
    /// page with that token; so page_type must be default constructible. If a fetch fails, it
    /// throws and resume_token() is where this run began; without exceptions it returns what it
    /// has, and error() and resume_token() say what is missing.
    page_type build_full_result() {
        static_assert(traits::can_set_resume_token,
                      "build_full_result() needs TokenPolicy::set_resume_token(page_type&, const "
                      "std::optional<std::string>&) to write the resume token into the result");
        static_assert(std::is_default_constructible_v<page_type>,
                      "build_full_result() needs a default-constructible page_type: a run that yields no "
                      "page returns a default page carrying the resume token");
        record_items_handed();
        std::optional<std::string> start = state_.resume_token();
        std::optional<page_type> full;
#if PAGINATION_EXCEPTIONS
        try {
#endif
            for (auto it = pages_.begin(); it != end_sentinel{}; ++it) {
                if (!full) {
                    full.emplace(std::move(*it));
                } else {
                    LimitPolicy::append_page(*full, std::move(*it));
                }
            }
#if PAGINATION_EXCEPTIONS
        } catch (...) {
            failed_full_result_.failed = true;
            failed_full_result_.started_at = std::move(start);
            throw;
        }
#endif
        if constexpr (std::is_default_constructible_v<page_type>) {  // otherwise the assertion above fails
            if (!full) {
                full.emplace();  // no page: the default one, with the resume token
            }
        }
        TokenPolicy::set_resume_token(*full, resume_token());
        return std::move(*full);
    }

    /// The run's state machine, for inspection. It first records in the state how far items()
    /// has handed out the ready page (which the item iterator tells the paginator alone).
    const state_type& state() {
        record_items_handed();
        return state_;
    }

private:
    // What resume_token() reports after build_full_result() failed: where that call began, not
    // where the state machine stopped.
    struct failed_full_result {
        bool failed = false;
        std::optional<std::string> started_at;
    };

    bool at_end() const noexcept { return state_.status() != run_status::page_ready; }

    void begin_pages() {
        record_items_handed();
        if (state_.status() == run_status::page_ready && page_handed_) {
            next_page();
            return;
        }
        fetch_while_needed();
        raise_if_failed();
    }

    // The ready page, handed whole to the consumer (who may move from it).
    page_type& page_handed_whole() {
        page_handed_ = true;
        state_.on_handed(state_.page_item_count());
        last_handed_ = no_mark();  // no position in a page that may be moved from is kept
        return *page_;
    }

    void next_page() {
        if (state_.status() == run_status::page_ready) {
            state_.on_page_done();
        }
        fetch_while_needed();
        raise_if_failed();
    }

    // The first item not yet handed out, past handed, empty and finished pages.
    item_span begin_items() {
        record_items_handed();
        return first_item_from(state_.status() == run_status::page_ready ? state_.page_handed_count() : 0);
    }

    // An item iterator handed out the ready page's last item.
#if defined(__GNUC__)
    __attribute__((noinline))
#endif
    item_span next_items() {
        if (state_.status() == run_status::page_ready) {
            state_.on_page_done();
        }
        return first_item_from(0);
    }

    // The item `skip` items into the ready page, or into the next page that has items.
    item_span first_item_from(std::size_t skip) {
        while (true) {
            fetch_while_needed();
            if (state_.status() != run_status::page_ready) {
                raise_if_failed();
                return item_span{list_iterator{}, list_iterator{}};
            }
            if (skip < state_.page_item_count()) {
                return item_span{std::next(items_begin_, static_cast<list_difference>(skip)), items_end_};
            }
            state_.on_page_done();
            skip = 0;
        }
    }

    // Items of the ready page handed out by items(): up to the last one dereferenced or passed.
    // Found by walking the page, when asked (at most once per loop or query, never per item).
    std::size_t items_handed() const noexcept {
        if (last_handed_ == no_mark()) {
            return 0;
        }
        std::size_t count = 0;
        for (list_iterator it = items_begin_; it != items_end_; ++it) {
            ++count;
            if (mark_of(it) == last_handed_) {
                return count;
            }
        }
        return 0;
    }

    static handed_mark mark_of(const list_iterator& item) noexcept {
        if constexpr (marks_by_address) {
            return std::addressof(*item);
        } else {
            return item;
        }
    }

    handed_mark no_mark() const noexcept {
        if constexpr (marks_by_address) {
            return nullptr;
        } else {
            return items_end_;
        }
    }

    // Tells the machine how far items() has handed the ready page out.
    void record_items_handed() noexcept {
        if (state_.status() == run_status::page_ready) {
            state_.on_handed(items_handed());
        }
    }

    // The ready page's list: where it begins and ends, and nothing of it handed out by items().
    void mark_page_items() {
        auto& list = LimitPolicy::items(*page_);
        items_begin_ = std::begin(list);
        items_end_ = std::end(list);
        last_handed_ = no_mark();
    }

    void fetch_while_needed() {
        while (state_.status() == run_status::send_request) {
            fetch_one();
        }
    }

    void fetch_one() {
        using result_type = std::decay_t<decltype(fetcher_(state_.request()))>;
        using result_traits = detail::fetch_result_traits<result_type, page_type>;
#if PAGINATION_EXCEPTIONS
        try {
#endif
            release_page();  // the consumer is done with it: free it before the next one is made
            if constexpr (result_traits::is_page) {
                page_.emplace_from([this]() -> page_type { return fetcher_(state_.request()); });
            } else {
                result_type result = fetcher_(state_.request());
                if (!result_traits::ok(result)) {
                    state_.on_fetch_failed(result_traits::failure(result));
                    return;
                }
                page_.emplace_from([&result]() -> page_type { return result_traits::take(result); });
            }
#if PAGINATION_EXCEPTIONS
        } catch (...) {
            state_.on_fetch_failed(pagination::error::from_fetcher_exception(std::current_exception()));
            return;
        }
#endif
        state_.on_page(*page_);
        page_handed_ = false;
        mark_page_items();
    }

    // Destroys the consumed page. Kept small and flattened so that the item type's destructor
    // is inlined into its loop (GCC leaves it out of line inside the larger fetch_one()).
#if defined(__GNUC__)
    __attribute__((noinline, flatten))
#endif
    void release_page() noexcept { page_.reset(); }

    void raise_if_failed() const {
#if PAGINATION_EXCEPTIONS
        if (const pagination::error* e = state_.error()) {
            throw_error(*e);
        }
#endif
    }

    Fetcher fetcher_;
    state_type state_;  // learns how far items() has handed out at page ends and record_items_handed()
    detail::page_slot<page_type> page_;
    list_iterator items_begin_{};  // the ready page's list
    list_iterator items_end_{};
    handed_mark last_handed_{};    // the last item items() handed out; no_mark() for none
    bool page_handed_ = false;     // pages() handed the ready page out whole
    failed_full_result failed_full_result_;
    page_range pages_{this};
    item_range items_{this};
};

/// Makes a paginator, deducing the fetcher's type.
template <class TokenPolicy, class LimitPolicy, class Fetcher>
paginator<Fetcher, TokenPolicy, LimitPolicy> paginate(Fetcher fetcher, typename TokenPolicy::request_type request,
                                                      const pagination_config& config = {},
                                                      const paginator_options& options = {}) {
    return paginator<Fetcher, TokenPolicy, LimitPolicy>(std::move(fetcher), std::move(request), config, options);
}

} // namespace pagination

#endif // PAGINATION_PAGINATOR_HPP
// #include <pagination/operation.hpp>
#ifndef PAGINATION_OPERATION_HPP
#define PAGINATION_OPERATION_HPP

// An API's paginator under one name. An adapter declares its two policies and then
//
//   inline constexpr pagination::operation<list_widgets_tokens, list_widgets_limit> list_widgets{};
//
// so that `list_widgets(fetcher, request, config, options)` is the paginator of that API over any
// fetcher, with no factory function written per API.

// #include <pagination/pagination_config.hpp>
// #include <pagination/paginator.hpp>

#include <utility>

namespace pagination {

/// The paginator of one API (a TokenPolicy and a LimitPolicy), as a function object.
template <class TokenPolicy, class LimitPolicy>
struct operation {
    using request_type = typename TokenPolicy::request_type;
    using page_type = typename TokenPolicy::page_type;

    /// The paginator of this API over `Fetcher`.
    template <class Fetcher>
    using paginator_type = paginator<Fetcher, TokenPolicy, LimitPolicy>;

    /// Paginates the API: `fetcher` takes a `const request_type&` and returns the page, an
    /// expected-like value of it, or an AWS SDK Outcome, or throws.
    template <class Fetcher>
    paginator_type<Fetcher> operator()(Fetcher fetcher, request_type request, const pagination_config& config = {},
                                       const paginator_options& options = {}) const {
        return paginator_type<Fetcher>(std::move(fetcher), std::move(request), config, options);
    }
};

} // namespace pagination

#endif // PAGINATION_OPERATION_HPP

#endif // PAGINATION_CORE_HPP

// #include <pagination/aws/gamelift.hpp>
#ifndef PAGINATION_AWS_GAMELIFT_HPP
#define PAGINATION_AWS_GAMELIFT_HPP

// Amazon GameLift DescribeGameSessions: the policies that teach the core this API, for this
// library's own request and result types and for an AWS SDK for C++ GameLiftClient.

// #include <pagination/aws/gamelift_model.hpp>
#ifndef PAGINATION_AWS_GAMELIFT_MODEL_HPP
#define PAGINATION_AWS_GAMELIFT_MODEL_HPP

// GameLift DescribeGameSessions: the request, the result, the GameSession shape and client-side
// validation by the service model's rules. (The AWS CLI's rendering of a result lives with the
// program that prints it, programs/describe_game_sessions/output.hpp.)
// Nothing here depends on the pagination core, so the model can be used (and tested) alone.

// #include <pagination/aws/service_error.hpp>
#ifndef PAGINATION_AWS_SERVICE_ERROR_HPP
#define PAGINATION_AWS_SERVICE_ERROR_HPP

// The error of one AWS call, and the one classification of errors that every retry path of the
// library shares (the wire client's retry strategy, with_retry, and the async driver through
// `service_error::retryable()`): which codes are throttling, which are transient, which HTTP
// statuses are retried. The lists are those of the AWS SDKs' standard retry mode (docs/wire.md).

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace pagination {
namespace aws {

/// Where an error came from.
enum class error_source {
    /// The service answered with an error status (300 or above), or the caller's fetcher said so.
    service = 0,
    /// No response arrived: connection refused or reset, or a timeout.
    transport,
    /// A 200 answer whose body is not a complete, well-formed result (truncated, not JSON,
    /// beyond the parser's limits). The same request may succeed when sent again.
    malformed_response,
};

/// Error codes that mean "slow down" (the AWS SDKs' standard retry mode).
inline constexpr std::array<std::string_view, 13> throttling_error_codes{{
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
    "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
    "EC2ThrottledException"}};

/// Error codes that mean "try again" (the AWS SDKs' standard retry mode).
inline constexpr std::array<std::string_view, 3> transient_error_codes{
    {"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"}};

/// Error codes of service faults that may pass (GameLift's modeled fault, and the generic ones
/// the AWS protocols answer with); retried like an HTTP 500.
inline constexpr std::array<std::string_view, 3> fault_error_codes{
    {"InternalServiceException", "InternalFailure", "ServiceUnavailable"}};

namespace detail {
template <std::size_t N>
constexpr bool contains(const std::array<std::string_view, N>& list, std::string_view code) noexcept {
    for (const std::string_view c : list) {
        if (c == code) {
            return true;
        }
    }
    return false;
}
}  // namespace detail

/// Whether `code` is a throttling error code.
constexpr bool is_throttling_code(std::string_view code) noexcept {
    return detail::contains(throttling_error_codes, code);
}
/// Whether `code` is a transient error code.
constexpr bool is_transient_code(std::string_view code) noexcept {
    return detail::contains(transient_error_codes, code);
}
/// Whether `code` names a service fault that may pass.
constexpr bool is_fault_code(std::string_view code) noexcept { return detail::contains(fault_error_codes, code); }
/// Whether an HTTP status is retried in the standard mode (500, 502, 503, 504).
constexpr bool is_retryable_status(int status) noexcept {
    return status == 500 || status == 502 || status == 503 || status == 504;
}

/// An error answer of an AWS service, or a failure to get one, as one value: what the AWS CLI
/// prints, what a retry decides on, what a log may show. It never holds a credential.
struct service_error {
    service_error() = default;
    /// An error with a code and a message; the rest is set member by member.
    service_error(std::string error_code, std::string error_message = {})  // NOLINT(google-explicit-constructor)
        : code(std::move(error_code)), message(std::move(error_message)) {}

    std::string code;        ///< Error code (exception name), e.g. "ThrottlingException"
    std::string message;     ///< Human-readable message; may be empty
    std::string request_id;  ///< The x-amzn-RequestId of the answer, when there was one
    int http_status = 0;     ///< The HTTP status, or 0 when no response arrived
    error_source source = error_source::service;  ///< Where the error came from
    int attempts = 0;        ///< Attempts made for this request (0: not counted by a retrying client)
    bool retries_exhausted = false;  ///< The retry strategy gave up on a retryable error
    bool timed_out = false;  ///< No response arrived in time (a transport error; its retry costs more quota)

    /// Whether the error asks the caller to slow down.
    bool throttling() const noexcept { return is_throttling_code(code) || http_status == 429; }

    /// Whether sending the same request again may succeed: throttling, transient and fault
    /// codes, HTTP 500/502/503/504, transport failures and malformed answers.
    bool retryable() const noexcept {
        return source != error_source::service || throttling() || is_transient_code(code) || is_fault_code(code) ||
               is_retryable_status(http_status);
    }
};

/// Member-wise equality of code and message (what the service said).
inline bool operator==(const service_error& a, const service_error& b) {
    return a.code == b.code && a.message == b.message;
}
/// Member-wise inequality of code and message.
inline bool operator!=(const service_error& a, const service_error& b) { return !(a == b); }

}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_SERVICE_ERROR_HPP
// #include <pagination/expected.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pagination {
namespace aws {
namespace gamelift {

/// A point in time as the service reports it: UTC with millisecond precision.
using timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

/// GameSessionStatus; `unknown` stands for any wire value this library does not know.
enum class game_session_status { active, activating, terminated, terminating, error, unknown };

/// GameSessionStatusReason; `unknown` stands for any wire value this library does not know.
enum class game_session_status_reason { interrupted, triggered_on_process_terminate, force_terminated, unknown };

/// PlayerSessionCreationPolicy; `unknown` stands for any wire value this library does not know.
enum class player_session_creation_policy { accept_all, deny_all, unknown };

namespace detail {

// Wire names indexed by enumerator value; `unknown` is the enumerator just past the list.
template <typename Enum>
struct enum_wire_names;

template <>
struct enum_wire_names<game_session_status> {
    static constexpr std::array<std::string_view, 5> names{
        {"ACTIVE", "ACTIVATING", "TERMINATED", "TERMINATING", "ERROR"}};
};

template <>
struct enum_wire_names<game_session_status_reason> {
    static constexpr std::array<std::string_view, 3> names{
        {"INTERRUPTED", "TRIGGERED_ON_PROCESS_TERMINATE", "FORCE_TERMINATED"}};
};

template <>
struct enum_wire_names<player_session_creation_policy> {
    static constexpr std::array<std::string_view, 2> names{{"ACCEPT_ALL", "DENY_ALL"}};
};

template <typename Enum>
constexpr std::string_view enum_to_wire(Enum value) noexcept {
    const auto index = static_cast<std::size_t>(value);
    const auto& names = enum_wire_names<Enum>::names;
    return index < names.size() ? names[index] : std::string_view{};
}

template <typename Enum>
constexpr Enum enum_from_wire(std::string_view wire) noexcept {
    const auto& names = enum_wire_names<Enum>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == wire) {
            return static_cast<Enum>(i);
        }
    }
    return Enum::unknown;
}

}  // namespace detail

/// The wire string of a status ("ACTIVE", ...); empty for `unknown`, which has no wire form.
constexpr std::string_view to_string(game_session_status value) noexcept {
    return detail::enum_to_wire(value);
}

/// The wire string of a status reason ("INTERRUPTED", ...); empty for `unknown`.
constexpr std::string_view to_string(game_session_status_reason value) noexcept {
    return detail::enum_to_wire(value);
}

/// The wire string of a creation policy ("ACCEPT_ALL", ...); empty for `unknown`.
constexpr std::string_view to_string(player_session_creation_policy value) noexcept {
    return detail::enum_to_wire(value);
}

/// An enumeration value that keeps wire strings this library does not know, so that a value
/// added to the service later survives a read and a write unchanged.
template <typename Enum>
class open_enum {
public:
    /// The `unknown` value with an empty wire string.
    open_enum() = default;

    /// A known value; implicit so that a field can be set to `game_session_status::active`.
    open_enum(Enum value) : value_(value) {}  // NOLINT(google-explicit-constructor)

    /// Reads a wire string; one this library does not know becomes `unknown` and is kept.
    static open_enum from_wire(std::string_view wire) {
        open_enum result(detail::enum_from_wire<Enum>(wire));
        if (result.value_ == Enum::unknown) {
            result.raw_ = std::string(wire);
        }
        return result;
    }

    /// The enumerator; `Enum::unknown` for a wire string this library does not know.
    Enum value() const noexcept { return value_; }

    /// Whether the value is one this library knows.
    bool is_known() const noexcept { return value_ != Enum::unknown; }

    /// The wire string: the known name, or the original string of an unknown value.
    std::string_view wire() const noexcept {
        return is_known() ? detail::enum_to_wire(value_) : std::string_view(raw_);
    }

    /// Equal when the wire strings are equal.
    friend bool operator==(const open_enum& a, const open_enum& b) {
        return a.value_ == b.value_ && a.raw_ == b.raw_;
    }
    /// Unequal when the wire strings differ.
    friend bool operator!=(const open_enum& a, const open_enum& b) { return !(a == b); }
    /// Compares the enumerator only: every unknown wire string equals `Enum::unknown`.
    friend bool operator==(const open_enum& a, Enum b) noexcept { return a.value_ == b; }
    /// Compares the enumerator only: every unknown wire string equals `Enum::unknown`.
    friend bool operator==(Enum a, const open_enum& b) noexcept { return a == b.value_; }
    /// Negation of the enumerator comparison.
    friend bool operator!=(const open_enum& a, Enum b) noexcept { return a.value_ != b; }
    /// Negation of the enumerator comparison.
    friend bool operator!=(Enum a, const open_enum& b) noexcept { return a != b.value_; }

private:
    Enum value_ = Enum::unknown;
    std::string raw_;  // only for unknown values
};

/// The wire string of an open value (see open_enum::wire).
template <typename Enum>
std::string_view to_string(const open_enum<Enum>& value) noexcept {
    return value.wire();
}

/// Reads a wire string into an open value of `Enum`: `from_string<game_session_status>("ACTIVE")`.
template <typename Enum>
open_enum<Enum> from_string(std::string_view wire) {
    return open_enum<Enum>::from_wire(wire);
}

/// Reads a GameSessionStatus wire string; unknown strings are kept.
inline open_enum<game_session_status> parse_game_session_status(std::string_view wire) {
    return open_enum<game_session_status>::from_wire(wire);
}

/// Reads a GameSessionStatusReason wire string; unknown strings are kept.
inline open_enum<game_session_status_reason> parse_game_session_status_reason(std::string_view wire) {
    return open_enum<game_session_status_reason>::from_wire(wire);
}

/// Reads a PlayerSessionCreationPolicy wire string; unknown strings are kept.
inline open_enum<player_session_creation_policy> parse_player_session_creation_policy(std::string_view wire) {
    return open_enum<player_session_creation_policy>::from_wire(wire);
}

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

/// GameProperty: one custom key-value pair of a game session.
struct game_property {
    std::string key;    ///< Key
    std::string value;  ///< Value
};

/// Member-wise equality.
inline bool operator==(const game_property& a, const game_property& b) {
    return a.key == b.key && a.value == b.value;
}
/// Member-wise inequality.
inline bool operator!=(const game_property& a, const game_property& b) { return !(a == b); }

/// GameSession. Every member the service may leave out is optional; an absent GameProperties
/// list and an empty one are the same here.
struct game_session {
    std::optional<std::string> game_session_id;  ///< GameSessionId (an ARN)
    std::optional<std::string> name;             ///< Name
    std::optional<std::string> fleet_id;         ///< FleetId
    std::optional<std::string> fleet_arn;        ///< FleetArn
    std::optional<timestamp> creation_time;      ///< CreationTime
    std::optional<timestamp> termination_time;   ///< TerminationTime
    std::optional<int> current_player_session_count;  ///< CurrentPlayerSessionCount
    std::optional<int> maximum_player_session_count;  ///< MaximumPlayerSessionCount
    std::optional<open_enum<game_session_status>> status;                ///< Status
    std::optional<open_enum<game_session_status_reason>> status_reason;  ///< StatusReason
    std::vector<game_property> game_properties;  ///< GameProperties
    std::optional<std::string> ip_address;       ///< IpAddress
    std::optional<std::string> dns_name;         ///< DnsName
    std::optional<int> port;                     ///< Port
    /// PlayerSessionCreationPolicy
    std::optional<open_enum<gamelift::player_session_creation_policy>> player_session_creation_policy;
    std::optional<std::string> creator_id;         ///< CreatorId
    std::optional<std::string> game_session_data;  ///< GameSessionData
    std::optional<std::string> matchmaker_data;    ///< MatchmakerData
    std::optional<std::string> location;           ///< Location
    std::optional<std::string> compute_name;       ///< ComputeName (newer service models)
};

/// Member-wise equality.
inline bool operator==(const game_session& a, const game_session& b) {
    return a.game_session_id == b.game_session_id && a.name == b.name && a.fleet_id == b.fleet_id &&
           a.fleet_arn == b.fleet_arn && a.creation_time == b.creation_time &&
           a.termination_time == b.termination_time &&
           a.current_player_session_count == b.current_player_session_count &&
           a.maximum_player_session_count == b.maximum_player_session_count && a.status == b.status &&
           a.status_reason == b.status_reason && a.game_properties == b.game_properties &&
           a.ip_address == b.ip_address && a.dns_name == b.dns_name && a.port == b.port &&
           a.player_session_creation_policy == b.player_session_creation_policy && a.creator_id == b.creator_id &&
           a.game_session_data == b.game_session_data && a.matchmaker_data == b.matchmaker_data &&
           a.location == b.location && a.compute_name == b.compute_name;
}
/// Member-wise inequality.
inline bool operator!=(const game_session& a, const game_session& b) { return !(a == b); }

/// DescribeGameSessionsInput.
struct describe_game_sessions_request {
    std::optional<std::string> fleet_id;                ///< FleetId: a fleet ID or fleet ARN
    std::optional<std::string> game_session_id;         ///< GameSessionId
    std::optional<std::string> alias_id;                ///< AliasId: an alias ID or alias ARN
    std::optional<std::string> location;                ///< Location: home Region or remote location
    std::optional<game_session_status> status_filter;   ///< StatusFilter
    std::optional<int> limit;                           ///< Limit: the page size
    std::optional<std::string> next_token;              ///< NextToken
};

/// Member-wise equality.
inline bool operator==(const describe_game_sessions_request& a, const describe_game_sessions_request& b) {
    return a.fleet_id == b.fleet_id && a.game_session_id == b.game_session_id && a.alias_id == b.alias_id &&
           a.location == b.location && a.status_filter == b.status_filter && a.limit == b.limit &&
           a.next_token == b.next_token;
}
/// Member-wise inequality.
inline bool operator!=(const describe_game_sessions_request& a, const describe_game_sessions_request& b) {
    return !(a == b);
}

/// DescribeGameSessionsOutput.
struct describe_game_sessions_result {
    std::vector<game_session> game_sessions;  ///< GameSessions
    std::optional<std::string> next_token;    ///< NextToken; absent on the last page
};

/// Member-wise equality.
inline bool operator==(const describe_game_sessions_result& a, const describe_game_sessions_result& b) {
    return a.game_sessions == b.game_sessions && a.next_token == b.next_token;
}
/// Member-wise inequality.
inline bool operator!=(const describe_game_sessions_result& a, const describe_game_sessions_result& b) {
    return !(a == b);
}

// ---------------------------------------------------------------------------------------------
// Errors and outcomes
// ---------------------------------------------------------------------------------------------

/// The error codes (exception names) DescribeGameSessions can answer with.
namespace error_codes {
/// A request parameter is missing, malformed or inconsistent (also: a bad NextToken).
inline constexpr std::string_view invalid_request = "InvalidRequestException";
/// The fleet, alias, location or game session does not exist.
inline constexpr std::string_view not_found = "NotFoundException";
/// The caller may not perform the request.
inline constexpr std::string_view unauthorized = "UnauthorizedException";
/// The alias has a TERMINAL routing strategy, so it leads to no fleet.
inline constexpr std::string_view terminal_routing_strategy = "TerminalRoutingStrategyException";
/// The operation is not supported in the Region of the endpoint.
inline constexpr std::string_view unsupported_region = "UnsupportedRegionException";
/// The service failed; the request may be retried.
inline constexpr std::string_view internal_service = "InternalServiceException";
/// The request rate was exceeded; the request may be retried after backing off.
inline constexpr std::string_view throttling = "ThrottlingException";
}  // namespace error_codes

/// An error answer of the service (aws/service_error.hpp): code, message, request id, status.
using service_error = aws::service_error;

/// Either a value or a service_error.
template <typename T>
using service_outcome = pagination::expected<T, service_error>;

/// What a DescribeGameSessions call gives: a page of results or a service error.
using describe_game_sessions_outcome = service_outcome<describe_game_sessions_result>;

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/// Lengths of the service model (FleetIdOrArn, ArnStringModel, LocationStringModel,
/// NonZeroAndMaxString); see docs/gamelift.md for where each comes from.
namespace limits {
/// FleetId (fleet ID or ARN): at most 512 characters.
inline constexpr std::size_t fleet_id_max_length = 512;
/// GameSessionId: at most 256 characters (the DescribeGameSessions reference; newer models say 512).
inline constexpr std::size_t game_session_id_max_length = 256;
/// Location: at most 64 characters.
inline constexpr std::size_t location_max_length = 64;
/// NextToken: at most 1024 characters.
inline constexpr std::size_t next_token_max_length = 1024;
}  // namespace limits

/// Why a request was refused before it was sent: the parameter (by its wire name) and the rule.
struct validation_error {
    std::string field;    ///< Wire name of the parameter, such as "FleetId"
    std::string message;  ///< Names the parameter and the rule it breaks
};

/// Member-wise equality.
inline bool operator==(const validation_error& a, const validation_error& b) {
    return a.field == b.field && a.message == b.message;
}
/// Member-wise inequality.
inline bool operator!=(const validation_error& a, const validation_error& b) { return !(a == b); }

namespace detail {

constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_alnum(char c) noexcept {
    return is_lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
constexpr bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline bool all_of(std::string_view s, bool (*pred)(char) noexcept) noexcept {
    for (const char c : s) {
        if (!pred(c)) {
            return false;
        }
    }
    return true;
}

constexpr bool is_id_char(char c) noexcept { return is_alnum(c) || c == '-'; }
constexpr bool is_arn_string_char(char c) noexcept { return is_alnum(c) || c == ':' || c == '/' || c == '-'; }
constexpr bool is_not_space(char c) noexcept { return !is_space(c); }

inline bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
inline bool ends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `[a-z]*fleet-[a-zA-Z0-9-]+`, the whole string (FleetId).
inline bool is_fleet_id(std::string_view s) noexcept {
    std::size_t run = 0;
    while (run < s.size() && is_lower(s[run])) {
        ++run;
    }
    if (run >= s.size() || s[run] != '-' || !ends_with(s.substr(0, run), "fleet")) {
        return false;
    }
    const std::string_view rest = s.substr(run + 1);
    return !rest.empty() && all_of(rest, is_id_char);
}

// `arn:.*:[a-z]*fleet/` followed by a fleet ID, the whole string (the ARN half of FleetIdOrArn).
inline bool is_fleet_arn(std::string_view s) noexcept {
    if (!starts_with(s, "arn:")) {
        return false;
    }
    const std::size_t slash = s.rfind('/');
    if (slash == std::string_view::npos || !is_fleet_id(s.substr(slash + 1))) {
        return false;
    }
    const std::string_view head = s.substr(0, slash);
    const std::size_t colon = head.rfind(':');
    if (colon == std::string_view::npos || colon < 4) {
        return false;
    }
    const std::string_view type = head.substr(colon + 1);
    return ends_with(type, "fleet") && all_of(type, is_lower);
}

// `alias-\S+` or `arn:.*:alias/alias-\S+` (AliasIdOrArn), with no whitespace anywhere.
inline bool is_alias_id_or_arn(std::string_view s) noexcept {
    if (s.empty() || !all_of(s, is_not_space)) {
        return false;
    }
    if (starts_with(s, "alias-")) {
        return s.size() > 6;
    }
    if (!starts_with(s, "arn:")) {
        return false;
    }
    constexpr std::string_view marker = ":alias/alias-";
    const std::size_t at = s.rfind(marker);
    return at != std::string_view::npos && at >= 4 && at + marker.size() < s.size();
}

inline std::string quoted_excerpt(std::string_view s) {
    constexpr std::size_t max_shown = 64;
    std::string out = "'";
    out.append(s.substr(0, max_shown));
    if (s.size() > max_shown) {
        out += "...";
    }
    out += "'";
    return out;
}

inline validation_error length_error(std::string_view field, std::size_t max, std::size_t got) {
    return {std::string(field), std::string(field) + " must be 1 to " + std::to_string(max) +
                                    " characters long (got " + std::to_string(got) + ")"};
}

// `field` breaks `rule` ("must be ...", "may contain only ...") with the text `got`.
inline validation_error malformed(std::string_view field, std::string_view rule, std::string_view got) {
    return {std::string(field), std::string(field) + ' ' + std::string(rule) + "; got " + quoted_excerpt(got)};
}

// A text field, when present, of 1 to `max` characters that `well_formed` accepts.
template <class Predicate>
std::optional<validation_error> check_text(std::string_view field, const std::optional<std::string>& value,
                                           std::size_t max, Predicate well_formed, std::string_view rule) {
    if (!value) {
        return std::nullopt;
    }
    if (value->empty() || value->size() > max) {
        return length_error(field, max, value->size());
    }
    if (!well_formed(std::string_view(*value))) {
        return malformed(field, rule, *value);
    }
    return std::nullopt;
}

}  // namespace detail

/// Checks a request against the service model's rules, so that a bad request fails before it
/// is sent. Returns the first broken rule, or nothing when the request is valid.
inline std::optional<validation_error> validate(const describe_game_sessions_request& request) {
    if (!request.fleet_id && !request.alias_id && !request.game_session_id) {
        return validation_error{"FleetId|AliasId|GameSessionId",
                                "one of FleetId, AliasId or GameSessionId is required"};
    }
    if (auto broken = detail::check_text(
            "FleetId", request.fleet_id, limits::fleet_id_max_length,
            [](std::string_view v) { return detail::is_fleet_id(v) || detail::is_fleet_arn(v); },
            "must be a fleet ID (fleet-<id>) or a fleet ARN (arn:aws:gamelift:<region>:<account>:fleet/fleet-<id>)")) {
        return broken;
    }
    if (auto broken = detail::check_text(
            "GameSessionId", request.game_session_id, limits::game_session_id_max_length,
            [](std::string_view v) { return detail::all_of(v, detail::is_arn_string_char); },
            "may contain only letters, digits, ':', '/' and '-'")) {
        return broken;
    }
    if (request.alias_id && !detail::is_alias_id_or_arn(*request.alias_id)) {
        return detail::malformed("AliasId",
                                 "must be an alias ID (alias-<id>) or an alias ARN "
                                 "(arn:aws:gamelift:<region>:<account>:alias/alias-<id>) without whitespace",
                                 *request.alias_id);
    }
    if (auto broken = detail::check_text(
            "Location", request.location, limits::location_max_length,
            [](std::string_view v) { return detail::all_of(v, detail::is_id_char); },
            "may contain only letters, digits and '-' (a Region code such as us-west-2)")) {
        return broken;
    }
    if (request.status_filter) {
        const game_session_status s = *request.status_filter;
        if (s == game_session_status::error || s == game_session_status::unknown) {
            const std::string_view got = to_string(s);
            return validation_error{"StatusFilter",
                                    "StatusFilter must be one of ACTIVE, TERMINATED, ACTIVATING, TERMINATING; got " +
                                        (got.empty() ? std::string("an unknown status")
                                                     : detail::quoted_excerpt(got))};
        }
    }
    if (request.limit && *request.limit < 1) {
        return validation_error{"Limit", "Limit must be at least 1; got " + std::to_string(*request.limit)};
    }
    return detail::check_text("NextToken", request.next_token, limits::next_token_max_length,
                              [](std::string_view) { return true; }, "");
}

/// The InvalidRequestException the service answers a request with when it breaks `error`'s rule.
inline service_error to_service_error(const validation_error& error) {
    return {std::string(error_codes::invalid_request), error.message};
}

}  // namespace gamelift
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_GAMELIFT_MODEL_HPP
// #include <pagination/error.hpp>
// #include <pagination/pagination_config.hpp>
// #include <pagination/paginator.hpp>
// #include <pagination/token_codec.hpp>
// #include <pagination/token_value.hpp>

#include <array>
#include <climits>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace pagination {
namespace aws {
namespace gamelift {

/// DescribeGameSessions' one input token, NextToken (the output token has the same name).
inline constexpr token_field next_token_field{"NextToken"};

/// Tokens of DescribeGameSessions, for describe_game_sessions_request / _result: NextToken in and
/// out, and the service's request rules.
struct describe_game_sessions_tokens
    : member_token_policy<&describe_game_sessions_request::next_token, &describe_game_sessions_result::next_token,
                          next_token_field> {
    /// The service's rules, checked on the first request before it is sent.
    static std::optional<error> validate_request(const request_type& request) {
        if (std::optional<validation_error> rejected = validate(request)) {
            return error(errc::invalid_request, "invalid DescribeGameSessions request: " + rejected->message);
        }
        return std::nullopt;
    }
};

/// Limit and result list of DescribeGameSessions: `Limit` (an integer), `GameSessions`.
struct describe_game_sessions_limit
    : member_limit_policy<&describe_game_sessions_result::game_sessions, &describe_game_sessions_request::limit> {};

/// The paginator of DescribeGameSessions over a fetcher.
template <class Fetcher>
using describe_game_sessions_paginator = paginator<Fetcher, describe_game_sessions_tokens, describe_game_sessions_limit>;

/// Paginates DescribeGameSessions: `fetcher` takes a `const describe_game_sessions_request&` and
/// returns a describe_game_sessions_result, an expected-like value of it (such as
/// describe_game_sessions_outcome), or throws. The request is validated before anything is sent.
template <class Fetcher>
describe_game_sessions_paginator<Fetcher> describe_game_sessions(Fetcher fetcher, describe_game_sessions_request request,
                                                                 const pagination_config& config = {},
                                                                 const paginator_options& options = {}) {
    return describe_game_sessions_paginator<Fetcher>(std::move(fetcher), std::move(request), config, options);
}

// ---------------------------------------------------------------------------------------------
// The AWS SDK for C++: a GameLiftClient and its Model types, used through their public names
// only, so that this header neither includes nor requires the SDK.
// ---------------------------------------------------------------------------------------------

namespace detail {

template <class S>
std::string to_std_string(const S& s) {
    return std::string(s.c_str(), s.size());
}

/// The SDK's string type (Aws::String: std::string, or a basic_string with the SDK's allocator).
template <class SdkRequest>
using sdk_string_t = std::decay_t<decltype(std::declval<const SdkRequest&>().GetNextToken())>;

} // namespace detail

/// What the SDK paginators send: the caller's request, kept whole (its base class's custom
/// headers and handlers, and every modelled field, including fields this library does not
/// know), and the NextToken of the page. An SDK request cannot unset a member, so the token is
/// set on a copy of the caller's request; a page without a token sends the caller's request as
/// it was given.
template <class SdkRequest>
struct sdk_describe_game_sessions_request {
    SdkRequest request;                     ///< the caller's request
    std::optional<std::string> next_token;  ///< the NextToken of this page, or none

    /// Calls `send` with the request of this page: the caller's request, or a copy of it with
    /// the NextToken set.
    template <class Send>
    auto send_with(Send&& send) const {
        if (!next_token) {
            return std::forward<Send>(send)(request);
        }
        SdkRequest sent = request;
        sent.SetNextToken(detail::sdk_string_t<SdkRequest>(next_token->data(), next_token->size()));
        return std::forward<Send>(send)(static_cast<const SdkRequest&>(sent));
    }
};

/// Tokens of DescribeGameSessions for the SDK's Model::DescribeGameSessionsRequest / Result, and
/// the service's request rules, read through the SDK's getters.
template <class SdkRequest, class SdkResult>
struct sdk_describe_game_sessions_tokens
    : token_policy_base<sdk_describe_game_sessions_tokens<SdkRequest, SdkResult>> {
    using request_type = sdk_describe_game_sessions_request<SdkRequest>;
    using page_type = SdkResult;
    static constexpr std::array<token_field, 1> input_tokens{{next_token_field}};

    static token_value read_token(const SdkResult& page, std::size_t) {
        return token_value(detail::to_std_string(page.GetNextToken()));
    }
    static void write_token(request_type& request, std::size_t, const token_value& value) {
        assign_token(request.next_token, value);
    }
    static void set_resume_token(SdkResult& page, const std::optional<std::string>& token) {
        page.SetNextToken(token ? token->c_str() : "");
    }

    /// The rules of describe_game_sessions_tokens::validate_request on the first request, as it
    /// will be sent.
    static std::optional<error> validate_request(const request_type& r) {
        const SdkRequest& sdk = r.request;
        if (!r.next_token && sdk.NextTokenHasBeenSet()) {
            return error(errc::invalid_request,
                         "invalid DescribeGameSessions request: the request's NextToken cannot be unset, and the "
                         "starting token starts without one; give the position either as the request's NextToken "
                         "or as the starting token");
        }
        describe_game_sessions_request own;
        if (sdk.FleetIdHasBeenSet()) own.fleet_id = detail::to_std_string(sdk.GetFleetId());
        if (sdk.GameSessionIdHasBeenSet()) own.game_session_id = detail::to_std_string(sdk.GetGameSessionId());
        if (sdk.AliasIdHasBeenSet()) own.alias_id = detail::to_std_string(sdk.GetAliasId());
        if (sdk.LocationHasBeenSet()) own.location = detail::to_std_string(sdk.GetLocation());
        if (sdk.StatusFilterHasBeenSet()) {
            own.status_filter = parse_game_session_status(detail::to_std_string(sdk.GetStatusFilter())).value();
        }
        if (sdk.LimitHasBeenSet()) own.limit = static_cast<int>(sdk.GetLimit());
        own.next_token = r.next_token;
        return describe_game_sessions_tokens::validate_request(own);
    }
};

/// Limit and result list of DescribeGameSessions for the SDK's Model types.
template <class SdkRequest, class SdkResult>
struct sdk_describe_game_sessions_limit
    : limit_policy_base<sdk_describe_game_sessions_limit<SdkRequest, SdkResult>> {
    static constexpr std::size_t max_page_size = static_cast<std::size_t>(INT_MAX);
    static const auto& items(SdkResult& page) { return page.GetGameSessions(); }
    static void set_page_size(sdk_describe_game_sessions_request<SdkRequest>& request, std::size_t size) {
        request.request.SetLimit(static_cast<int>(size));
    }
    static void keep_items(SdkResult& page, std::size_t first, std::size_t count) {
        auto sessions = page.GetGameSessions();
        using diff = typename std::iterator_traits<decltype(sessions.begin())>::difference_type;
        sessions.erase(sessions.begin() + static_cast<diff>(first + count), sessions.end());
        sessions.erase(sessions.begin(), sessions.begin() + static_cast<diff>(first));
        page.SetGameSessions(std::move(sessions));
    }
    static void append_page(SdkResult& into, SdkResult&& from) {
        for (const auto& session : from.GetGameSessions()) {
            into.AddGameSessions(session);
        }
    }
};

/// Calls `client.DescribeGameSessions(request)` with the request of each page; the client is
/// held by reference.
template <class Client, class SdkRequest>
struct sdk_describe_game_sessions_fetcher {
    const Client* client;
    auto operator()(const sdk_describe_game_sessions_request<SdkRequest>& request) const {
        return request.send_with([this](const SdkRequest& sent) { return client->DescribeGameSessions(sent); });
    }
};

template <class Client, class SdkRequest>
using sdk_result_t = std::decay_t<decltype(std::declval<const Client&>().DescribeGameSessions(std::declval<const SdkRequest&>()).GetResult())>;

/// The paginator of DescribeGameSessions over an SDK client.
template <class Client, class SdkRequest>
using sdk_describe_game_sessions_paginator =
    paginator<sdk_describe_game_sessions_fetcher<Client, SdkRequest>,
              sdk_describe_game_sessions_tokens<SdkRequest, sdk_result_t<Client, SdkRequest>>,
              sdk_describe_game_sessions_limit<SdkRequest, sdk_result_t<Client, SdkRequest>>>;

namespace detail {

/// The caller's SDK request as the paginators keep it, and the config: a NextToken set on the
/// request is the starting token when the config has none.
template <class SdkRequest>
sdk_describe_game_sessions_request<SdkRequest> sdk_first_request(SdkRequest&& request, pagination_config& config) {
    if (request.NextTokenHasBeenSet() && !config.starting_token) {
        config.starting_token = to_std_string(request.GetNextToken());
    }
    return {std::move(request), std::nullopt};
}

} // namespace detail

/// Paginates an AWS SDK for C++ GameLiftClient's DescribeGameSessions over the SDK's own types,
/// adding MaxItems and resume tokens. The client must outlive the paginator. The request is sent
/// whole (custom headers, handlers, every field) with each page's NextToken, and is validated
/// before anything is sent. A NextToken already set on the request is the starting token when
/// the config has none.
template <class Client, class SdkRequest,
          class = decltype(std::declval<const Client&>().DescribeGameSessions(std::declval<const SdkRequest&>()))>
sdk_describe_game_sessions_paginator<Client, SdkRequest> describe_game_sessions(const Client& client, SdkRequest request,
                                                                                pagination_config config = {},
                                                                                const paginator_options& options = {}) {
    auto first = detail::sdk_first_request(std::move(request), config);
    return sdk_describe_game_sessions_paginator<Client, SdkRequest>({&client}, std::move(first), config, options);
}

} // namespace gamelift
} // namespace aws
} // namespace pagination

#endif // PAGINATION_AWS_GAMELIFT_HPP

#endif // PAGINATION_PAGINATION_HPP
