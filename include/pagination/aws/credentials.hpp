#ifndef PAGINATION_AWS_CREDENTIALS_HPP
#define PAGINATION_AWS_CREDENTIALS_HPP

// AWS credentials: what SigV4 signs with (aws/sigv4.hpp) and what the configuration resolves
// (aws/config.hpp). A credentials value is never printed: nothing in the library writes its
// secret or session token to a log, an error message or a debug dump.

#include <chrono>
#include <optional>
#include <string>

namespace pagination {
namespace aws {

/// An access key pair, with a session token for temporary credentials.
struct credentials {
    std::string access_key_id;
    std::string secret_access_key;
    std::string session_token;  ///< empty for long-term keys
    /// When temporary credentials stop working (credential_process may say), if known.
    std::optional<std::chrono::system_clock::time_point> expiration;

    /// Whether both halves of the key pair are there.
    bool complete() const noexcept { return !access_key_id.empty() && !secret_access_key.empty(); }
};

}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_CREDENTIALS_HPP
