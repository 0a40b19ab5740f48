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
struct describe_game_sessions_limit {
    static constexpr std::size_t max_page_size = static_cast<std::size_t>(INT_MAX);
    static std::vector<game_session>& items(describe_game_sessions_result& page) { return page.game_sessions; }
    static void set_page_size(describe_game_sessions_request& request, std::size_t size) {
        request.limit = static_cast<int>(size);
    }
};

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

// A copy of an SDK request without its NextToken (the SDK has no way to unset one field).
template <class SdkRequest>
SdkRequest without_next_token(const SdkRequest& r) {
    SdkRequest fresh;
    if (r.FleetIdHasBeenSet()) fresh.SetFleetId(r.GetFleetId());
    if (r.GameSessionIdHasBeenSet()) fresh.SetGameSessionId(r.GetGameSessionId());
    if (r.AliasIdHasBeenSet()) fresh.SetAliasId(r.GetAliasId());
    if (r.LocationHasBeenSet()) fresh.SetLocation(r.GetLocation());
    if (r.StatusFilterHasBeenSet()) fresh.SetStatusFilter(r.GetStatusFilter());
    if (r.LimitHasBeenSet()) fresh.SetLimit(r.GetLimit());
    return fresh;
}

} // namespace detail

/// Tokens of DescribeGameSessions for the SDK's Model::DescribeGameSessionsRequest / Result.
template <class SdkRequest, class SdkResult>
struct sdk_describe_game_sessions_tokens {
    using request_type = SdkRequest;
    using page_type = SdkResult;
    static constexpr std::array<token_field, 1> input_tokens{{next_token_field}};

    static token_value read_token(const SdkResult& page, std::size_t) {
        return token_value(detail::to_std_string(page.GetNextToken()));
    }
    static void write_token(SdkRequest& request, std::size_t, const token_value& value) {
        if (value.is_string()) {
            request.SetNextToken(value.as_string().c_str());
        } else if (request.NextTokenHasBeenSet()) {
            request = detail::without_next_token(request);
        }
    }
    static void set_resume_token(SdkResult& page, const std::optional<std::string>& token) {
        page.SetNextToken(token ? token->c_str() : "");
    }
};

/// Limit and result list of DescribeGameSessions for the SDK's Model types.
template <class SdkRequest, class SdkResult>
struct sdk_describe_game_sessions_limit {
    static constexpr std::size_t max_page_size = static_cast<std::size_t>(INT_MAX);
    static const auto& items(SdkResult& page) { return page.GetGameSessions(); }
    static void set_page_size(SdkRequest& request, std::size_t size) { request.SetLimit(static_cast<int>(size)); }
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

/// Calls `client.DescribeGameSessions(request)`; the client is held by reference.
template <class Client, class SdkRequest>
struct sdk_describe_game_sessions_fetcher {
    const Client* client;
    auto operator()(const SdkRequest& request) const { return client->DescribeGameSessions(request); }
};

template <class Client, class SdkRequest>
using sdk_result_t = std::decay_t<decltype(std::declval<const Client&>().DescribeGameSessions(std::declval<const SdkRequest&>()).GetResult())>;

/// The paginator of DescribeGameSessions over an SDK client.
template <class Client, class SdkRequest>
using sdk_describe_game_sessions_paginator =
    paginator<sdk_describe_game_sessions_fetcher<Client, SdkRequest>,
              sdk_describe_game_sessions_tokens<SdkRequest, sdk_result_t<Client, SdkRequest>>,
              sdk_describe_game_sessions_limit<SdkRequest, sdk_result_t<Client, SdkRequest>>>;

/// Paginates an AWS SDK for C++ GameLiftClient's DescribeGameSessions over the SDK's own types,
/// adding MaxItems and resume tokens. The client must outlive the paginator. A NextToken already
/// set on the request is the starting token when the config has none.
template <class Client, class SdkRequest,
          class = decltype(std::declval<const Client&>().DescribeGameSessions(std::declval<const SdkRequest&>()))>
sdk_describe_game_sessions_paginator<Client, SdkRequest> describe_game_sessions(const Client& client, SdkRequest request,
                                                                                pagination_config config = {},
                                                                                const paginator_options& options = {}) {
    if (request.NextTokenHasBeenSet()) {
        if (!config.starting_token) {
            config.starting_token = detail::to_std_string(request.GetNextToken());
        }
        request = detail::without_next_token(request);
    }
    return sdk_describe_game_sessions_paginator<Client, SdkRequest>({&client}, std::move(request), config, options);
}

} // namespace gamelift
} // namespace aws
} // namespace pagination

#endif // PAGINATION_AWS_GAMELIFT_HPP
