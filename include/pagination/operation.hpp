#ifndef PAGINATION_OPERATION_HPP
#define PAGINATION_OPERATION_HPP

// An API's paginator under one name. An adapter declares its two policies and then
//
//   inline constexpr pagination::operation<list_widgets_tokens, list_widgets_limit> list_widgets{};
//
// so that `list_widgets(fetcher, request, config, options)` is the paginator of that API over any
// fetcher, with no factory function written per API.

#include <pagination/pagination_config.hpp>
#include <pagination/paginator.hpp>

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
