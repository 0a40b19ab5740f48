#ifndef PAGINATION_LOCAL_FAULT_HPP
#define PAGINATION_LOCAL_FAULT_HPP

// The faults a test scripts into local_fleet_service (local/fleet_service.hpp): error answers,
// slow answers, tokens that do not advance and empty pages, each used up by one call.

#include <pagination/aws/gamelift_model.hpp>

#include <chrono>
#include <string>
#include <utility>

namespace pagination {
namespace aws {
namespace gamelift {

/// One scripted misbehaviour of local_fleet_service, used up by one describe_game_sessions call.
struct fault {
    /// What the call does instead of (or besides) answering normally.
    enum class kind {
        error,           ///< answers with `error` and serves nothing
        latency,         ///< waits `delay` (through the sleep function), then answers normally
        repeated_token,  ///< answers normally but with the NextToken the caller sent again
        empty_page       ///< answers with no sessions and a NextToken for the same position
    };

    kind type = kind::error;                ///< What happens.
    service_error error;                    ///< The answer of kind::error.
    std::chrono::milliseconds delay{0};     ///< The wait of kind::latency.

    /// ThrottlingException ("Rate exceeded"), which callers should retry after backing off.
    static fault throttling() { return failure(std::string(error_codes::throttling), "Rate exceeded"); }
    /// InternalServiceException, which callers may retry.
    static fault internal_error() {
        return failure(std::string(error_codes::internal_service), "The service encountered an internal error");
    }
    /// Any error answer, such as UnauthorizedException.
    static fault failure(std::string code, std::string message) {
        fault f;
        f.type = kind::error;
        f.error = service_error{std::move(code), std::move(message)};
        return f;
    }
    /// A slow answer.
    static fault latency(std::chrono::milliseconds wait) {
        fault f;
        f.type = kind::latency;
        f.delay = wait;
        return f;
    }
    /// A NextToken that does not advance (a first page, sent without a token, is served normally).
    static fault repeated_token() {
        fault f;
        f.type = kind::repeated_token;
        return f;
    }
    /// An empty page that still carries a (new, valid) NextToken.
    static fault empty_page() {
        fault f;
        f.type = kind::empty_page;
        return f;
    }
};

}  // namespace gamelift
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_LOCAL_FAULT_HPP
