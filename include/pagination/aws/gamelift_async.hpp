#ifndef PAGINATION_AWS_GAMELIFT_ASYNC_HPP
#define PAGINATION_AWS_GAMELIFT_ASYNC_HPP

// DescribeGameSessions without blocking: an AWS SDK for C++ GameLiftClient's
// DescribeGameSessionsAsync(request, handler, context) driven by the async paginator.

#include <pagination/async.hpp>
#include <pagination/aws/gamelift.hpp>

#include <utility>

namespace pagination {
namespace aws {
namespace gamelift {

/// Calls `client.DescribeGameSessionsAsync(request, handler)`; the SDK calls the handler on its
/// executor's thread with (client, request, outcome, context), and the outcome goes to the run.
template <class Client, class SdkRequest>
struct sdk_describe_game_sessions_async_fetcher {
    const Client* client;

    template <class Done>
    void operator()(const SdkRequest& request, Done done) const {
        client->DescribeGameSessionsAsync(
            request, [done](const auto*, const auto&, const auto& outcome, const auto&) { done(outcome); });
    }
};

/// The async paginator of DescribeGameSessions over an SDK client.
template <class Client, class SdkRequest>
using sdk_describe_game_sessions_async_paginator =
    async_paginator<sdk_describe_game_sessions_async_fetcher<Client, SdkRequest>,
                    sdk_describe_game_sessions_tokens<SdkRequest, sdk_result_t<Client, SdkRequest>>,
                    sdk_describe_game_sessions_limit<SdkRequest, sdk_result_t<Client, SdkRequest>>>;

/// Paginates an SDK client's DescribeGameSessionsAsync with MaxItems and resume tokens, without
/// blocking a thread. The client must outlive the paginator. A NextToken already set on the
/// request is the starting token when the config has none.
template <class Client, class SdkRequest>
sdk_describe_game_sessions_async_paginator<Client, SdkRequest>
describe_game_sessions_async(const Client& client, SdkRequest request, pagination_config config = {},
                             async_options options = {}) {
    if (request.NextTokenHasBeenSet()) {
        if (!config.starting_token) {
            config.starting_token = detail::to_std_string(request.GetNextToken());
        }
        request = detail::without_next_token(request);
    }
    return sdk_describe_game_sessions_async_paginator<Client, SdkRequest>({&client}, std::move(request), config,
                                                                          std::move(options));
}

/// The async paginator of DescribeGameSessions over an async fetcher of this library's types.
template <class AsyncFetcher>
using describe_game_sessions_async_paginator =
    async_paginator<AsyncFetcher, describe_game_sessions_tokens, describe_game_sessions_limit>;

/// Paginates DescribeGameSessions through an async fetcher (callback or future) of this
/// library's request and result types. The request is validated before anything is sent.
template <class AsyncFetcher>
describe_game_sessions_async_paginator<AsyncFetcher>
describe_game_sessions_async(AsyncFetcher fetcher, describe_game_sessions_request request,
                             const pagination_config& config = {}, async_options options = {}) {
    return describe_game_sessions_async_paginator<AsyncFetcher>(std::move(fetcher), std::move(request), config,
                                                                std::move(options));
}

} // namespace gamelift
} // namespace aws
} // namespace pagination

#endif // PAGINATION_AWS_GAMELIFT_ASYNC_HPP
