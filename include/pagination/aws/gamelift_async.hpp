#ifndef PAGINATION_AWS_GAMELIFT_ASYNC_HPP
#define PAGINATION_AWS_GAMELIFT_ASYNC_HPP

// DescribeGameSessions without blocking: an AWS SDK for C++ GameLiftClient's
// DescribeGameSessionsAsync driven by the async paginator. Both generations of the SDK's
// signature are recognised at compile time (docs/aws-sdk-names.md):
//   current: DescribeGameSessionsAsync(handler, context = nullptr, request = {})   (handler first)
//   older:   DescribeGameSessionsAsync(request, handler, context = nullptr)        (request first)

#include <pagination/async.hpp>
#include <pagination/aws/gamelift.hpp>

#include <type_traits>
#include <utility>

namespace pagination {
namespace aws {
namespace gamelift {

namespace detail {

/// The SDK's DescribeGameSessionsResponseReceivedHandler is a std::function of
/// (const GameLiftClient*, const Request&, const Outcome&, const std::shared_ptr<const
/// AsyncCallerContext>&): this hands the outcome to the run.
template <class Done>
struct sdk_async_handler {
    Done done;
    template <class C, class R, class O, class X>
    void operator()(const C*, const R&, const O& outcome, const X&) const {
        done(outcome);
    }
};

/// A handler type for detecting the signature; never called.
struct sdk_async_probe {
    template <class C, class R, class O, class X>
    void operator()(const C*, const R&, const O&, const X&) const {}
};

template <class Client, class SdkRequest, class = void>
struct sdk_async_handler_first : std::false_type {};
template <class Client, class SdkRequest>
struct sdk_async_handler_first<Client, SdkRequest,
                               std::void_t<decltype(std::declval<const Client&>().DescribeGameSessionsAsync(
                                   std::declval<const sdk_async_probe&>(), nullptr, std::declval<const SdkRequest&>()))>>
    : std::true_type {};

template <class Client, class SdkRequest, class = void>
struct sdk_async_request_first : std::false_type {};
template <class Client, class SdkRequest>
struct sdk_async_request_first<Client, SdkRequest,
                               std::void_t<decltype(std::declval<const Client&>().DescribeGameSessionsAsync(
                                   std::declval<const SdkRequest&>(), std::declval<const sdk_async_probe&>(), nullptr))>>
    : std::true_type {};

} // namespace detail

/// Calls the client's DescribeGameSessionsAsync in whichever form it declares; the SDK calls the
/// handler on its executor's thread, and the outcome goes to the run.
template <class Client, class SdkRequest>
struct sdk_describe_game_sessions_async_fetcher {
    static constexpr bool handler_first = detail::sdk_async_handler_first<Client, SdkRequest>::value;
    static constexpr bool request_first = detail::sdk_async_request_first<Client, SdkRequest>::value;
    static_assert(handler_first || request_first,
                  "the client must declare DescribeGameSessionsAsync(handler, context, request) (current SDKs) "
                  "or DescribeGameSessionsAsync(request, handler, context) (older SDKs)");

    const Client* client;

    template <class Done>
    void operator()(const sdk_describe_game_sessions_request<SdkRequest>& request, Done done) const {
        detail::sdk_async_handler<Done> handler{std::move(done)};
        request.send_with([this, &handler](const SdkRequest& sent) {
            if constexpr (handler_first) {
                client->DescribeGameSessionsAsync(std::move(handler), nullptr, sent);
            } else {
                client->DescribeGameSessionsAsync(sent, std::move(handler), nullptr);
            }
            return 0;
        });
    }
};

/// The async paginator of DescribeGameSessions over an SDK client.
template <class Client, class SdkRequest>
using sdk_describe_game_sessions_async_paginator =
    async_paginator<sdk_describe_game_sessions_async_fetcher<Client, SdkRequest>,
                    sdk_describe_game_sessions_tokens<SdkRequest, sdk_result_t<Client, SdkRequest>>,
                    sdk_describe_game_sessions_limit<SdkRequest, sdk_result_t<Client, SdkRequest>>>;

/// Paginates an SDK client's DescribeGameSessionsAsync with MaxItems and resume tokens, without
/// blocking a thread. The client must outlive the paginator. The request is sent whole with each
/// page's NextToken and validated before anything is sent; a NextToken already set on it is the
/// starting token when the config has none.
template <class Client, class SdkRequest,
          class = decltype(std::declval<const Client&>().DescribeGameSessions(std::declval<const SdkRequest&>()))>
sdk_describe_game_sessions_async_paginator<Client, SdkRequest>
describe_game_sessions_async(const Client& client, SdkRequest request, pagination_config config = {},
                             async_options options = {}) {
    auto first = detail::sdk_first_request(std::move(request), config);
    return sdk_describe_game_sessions_async_paginator<Client, SdkRequest>({&client}, std::move(first), config,
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
