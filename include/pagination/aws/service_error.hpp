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
