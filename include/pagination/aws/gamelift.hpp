#ifndef PAGINATION_AWS_GAMELIFT_HPP
#define PAGINATION_AWS_GAMELIFT_HPP

// Amazon GameLift DescribeGameSessions: the policies that teach the core this API, for this
// library's own request and result types and for an AWS SDK for C++ GameLiftClient.

#include <pagination/aws/gamelift_model.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/paginator.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/token_value.hpp>

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
