#ifndef PAGINATION_ERROR_HPP
#define PAGINATION_ERROR_HPP

#include <pagination/config.hpp>
#include <pagination/detail/shared_value.hpp>

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
