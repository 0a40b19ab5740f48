#ifndef PAGINATION_AWS_RETRY_STRATEGY_HPP
#define PAGINATION_AWS_RETRY_STRATEGY_HPP

// The AWS SDKs' retry modes (standard, legacy) for the wire client. Work in progress: the
// strategy itself is being written; the mode and settings are final.

namespace pagination {
namespace aws {

/// AWS_RETRY_MODE / the profile's retry_mode. (`adaptive` is read as `standard`.)
enum class retry_mode { standard, legacy };

/// How many attempts and which mode; max_attempts 0 means the mode's default (3 / 5).
struct retry_settings {
    retry_mode mode = retry_mode::standard;
    int max_attempts = 0;
};

}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_RETRY_STRATEGY_HPP
