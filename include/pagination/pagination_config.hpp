#ifndef PAGINATION_PAGINATION_CONFIG_HPP
#define PAGINATION_PAGINATION_CONFIG_HPP

#include <pagination/policies.hpp>
#include <pagination/token_codec.hpp>

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
