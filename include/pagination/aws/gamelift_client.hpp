#ifndef PAGINATION_AWS_GAMELIFT_CLIENT_HPP
#define PAGINATION_AWS_GAMELIFT_CLIENT_HPP

// DescribeGameSessions over the wire: one call gives a paginator over the real service (or any
// endpoint that speaks its protocol) from a resolved configuration and an HTTP client.
//
//   auto config = pagination::aws::resolve_client_config("gamelift", "gamelift", {}, environment::from_process());
//   pagination::http::curl_client http;
//   auto sessions = gl::describe_game_sessions(http, config.value(), request, {max_items, page_size, token});
//
// The client builds the awsJson 1.1 request (aws/gamelift_wire.hpp), signs it with SigV4
// (aws/sigv4.hpp), sends it, retries by the configured retry mode (aws/retry_strategy.hpp) and
// parses the answer. A retry sends the same request again, so no item is lost or repeated; when
// the attempts run out, the paginator's error carries the service_error (attempts,
// retries_exhausted) and resume_token() says where a later run goes on.

#include <pagination/aws/config.hpp>
#include <pagination/aws/gamelift.hpp>
#include <pagination/aws/gamelift_model.hpp>
#include <pagination/aws/gamelift_wire.hpp>
#include <pagination/aws/retry_strategy.hpp>
#include <pagination/aws/service_error.hpp>
#include <pagination/aws/sigv4.hpp>
#include <pagination/http/message.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace pagination {
namespace aws {
namespace gamelift {

/// What a wire client does besides sending: waiting, telling the time, logging.
struct wire_client_hooks {
    /// Blocks the calling thread for a retry delay (blocking calls). Default: sleep_for.
    std::function<void(std::chrono::milliseconds)> sleep;
    /// Calls the function once after the delay, from any thread (callback calls). Default: a
    /// short-lived thread per wait; a game engine passes its own scheduler.
    std::function<void(std::chrono::milliseconds, std::function<void()>)> timer;
    /// The time a request is signed with. Default: the system clock.
    std::function<std::chrono::system_clock::time_point()> now;
    /// Receives each request (signature and session token redacted) and each response, for
    /// --debug style logs. Default: none.
    std::function<void(std::string_view)> debug_log;
};

/// What one wire client has seen, for progress lines and tests.
struct wire_client_stats {
    std::size_t requests = 0;    ///< HTTP requests sent, retries included
    std::size_t retries = 0;     ///< of which retries
    std::size_t throttles = 0;   ///< answers that asked to slow down
    std::chrono::milliseconds waited{0};  ///< time spent in retry delays
};

namespace detail {

inline std::string describe_response(const http::response& r) {
    std::string out = "response: HTTP " + std::to_string(r.status) + "\n";
    for (const http::header& h : r.headers) {
        out += h.name + ": " + h.value + "\n";
    }
    out += "\n";
    out += r.body;
    return out;
}

}  // namespace detail

/// Sends DescribeGameSessions over an HTTP client (see http/message.hpp for the client forms).
/// A fetcher for the blocking paginator (`client(request)` returns an outcome) and, when the HTTP
/// client has async_send, for the async paginator (`client(request, done)`). Copies share one
/// state: the signer's key cache, the retry quota, the statistics. The HTTP client must outlive
/// every copy.
template <class HttpClient>
class wire_client {
public:
    wire_client(HttpClient& http, client_config config, wire_client_hooks hooks = {})
        : state_(std::make_shared<state>(http, std::move(config), std::move(hooks))) {}

    /// One DescribeGameSessions call, with retries: a page or the final error.
    describe_game_sessions_outcome operator()(const describe_game_sessions_request& request) const {
        state& s = *state_;
        const http::request message = s.build(request);
        return send_with_retries(
            s.retry,
            [&] {
                http::request signed_message = message;
                s.sign(signed_message);
                describe_game_sessions_outcome outcome = s.exchange(s.http->send(signed_message));
                s.count(outcome);
                return outcome;
            },
            [&](std::chrono::milliseconds delay) { s.wait(delay); });
    }

    /// The same call without blocking: `done(describe_game_sessions_outcome)` is called once, on
    /// the HTTP client's thread or the timer's. Retry delays go through the hooks' timer.
    template <class Done, class H = HttpClient,
              class = decltype(std::declval<H&>().async_send(std::declval<const http::request&>(),
                                                             std::declval<void (*)(http::result)>()))>
    void operator()(const describe_game_sessions_request& request, Done done) const {
        auto message = std::make_shared<const http::request>(state_->build(request));
        attempt_async(state_, std::move(message), retry_state{},
                      std::function<void(describe_game_sessions_outcome)>(std::move(done)));
    }

    /// What this client (and its copies) has sent and waited so far.
    wire_client_stats stats() const {
        const state& s = *state_;
        wire_client_stats out;
        out.requests = s.requests.load();
        out.retries = s.retries.load();
        out.throttles = s.throttles.load();
        out.waited = std::chrono::milliseconds(s.waited_ms.load());
        return out;
    }

    /// The resolved configuration in use.
    const client_config& config() const noexcept { return state_->config; }

private:
    struct state {
        state(HttpClient& client, client_config cfg, wire_client_hooks h)
            : http(&client),
              config(std::move(cfg)),
              hooks(std::move(h)),
              signer(config.region, "gamelift"),
              retry(config.retry) {}

        http::request build(const describe_game_sessions_request& request) const {
            return to_http_request(request, config.endpoint_url);
        }

        void sign(http::request& message) {
            if (config.sign_requests) {
                signer.sign(message, config.credentials,
                            hooks.now ? hooks.now() : std::chrono::system_clock::now());
            }
            if (hooks.debug_log) {
                hooks.debug_log("request: " + redacted(message));
            }
            ++requests;
        }

        describe_game_sessions_outcome exchange(const http::result& answer) {
            if (!answer) {
                if (hooks.debug_log) {
                    hooks.debug_log(std::string("transport error: ") + http::to_string(answer.error().code) + ": " +
                                    answer.error().message);
                }
                return transport_failure(answer.error());
            }
            if (hooks.debug_log) {
                hooks.debug_log(detail::describe_response(answer.value()));
            }
            return parse_describe_game_sessions_response(answer.value());
        }

        // Counts a failed answer for the statistics.
        void count(const describe_game_sessions_outcome& outcome) {
            if (!outcome && outcome.error().throttling()) {
                ++throttles;
            }
        }

        void wait(std::chrono::milliseconds delay) {
            ++retries;
            waited_ms += static_cast<long long>(delay.count());
            if (hooks.sleep) {
                hooks.sleep(delay);
            } else {
                std::this_thread::sleep_for(delay);
            }
        }

        HttpClient* http;
        client_config config;
        wire_client_hooks hooks;
        sigv4_signer signer;
        retry_strategy retry;
        std::atomic<std::size_t> requests{0};
        std::atomic<std::size_t> retries{0};
        std::atomic<std::size_t> throttles{0};
        std::atomic<long long> waited_ms{0};
    };

    static void attempt_async(std::shared_ptr<state> s, std::shared_ptr<const http::request> message,
                              retry_state progress, std::function<void(describe_game_sessions_outcome)> done) {
        http::request signed_message = *message;
        s->sign(signed_message);
        ++progress.attempts;
        HttpClient& http = *s->http;
        http.async_send(signed_message, [s, message, progress, done = std::move(done)](http::result answer) mutable {
            describe_game_sessions_outcome outcome = s->exchange(answer);
            s->count(outcome);
            if (outcome) {
                s->retry.after_success(progress);
                done(std::move(outcome));
                return;
            }
            const retry_decision decision = s->retry.after_failure(outcome.error(), progress);
            if (!decision.retry) {
                finish_error(outcome.error(), progress, decision);
                done(std::move(outcome));
                return;
            }
            ++s->retries;
            s->waited_ms += static_cast<long long>(decision.delay.count());
            auto again = [s, message, progress, done = std::move(done)]() mutable {
                attempt_async(s, message, progress, std::move(done));
            };
            if (s->hooks.timer) {
                s->hooks.timer(decision.delay, std::move(again));
            } else {
                std::thread([delay = decision.delay, again = std::move(again)]() mutable {
                    std::this_thread::sleep_for(delay);
                    again();
                }).detach();
            }
        });
    }

    std::shared_ptr<state> state_;
};

/// The paginator of DescribeGameSessions over the wire.
template <class HttpClient>
using wire_paginator = describe_game_sessions_paginator<wire_client<HttpClient>>;

/// Lists DescribeGameSessions from the service (or the endpoint) that `config` resolves to,
/// through `http`, with MaxItems, PageSize and StartingToken as boto3 and the AWS CLI take them.
/// The request is validated before anything is sent; `http` must outlive the paginator.
template <class HttpClient, class = decltype(std::declval<HttpClient&>().send(std::declval<const http::request&>()))>
wire_paginator<HttpClient> describe_game_sessions(HttpClient& http, const client_config& config,
                                                  describe_game_sessions_request request,
                                                  const pagination_config& pagination = {},
                                                  const paginator_options& options = {},
                                                  wire_client_hooks hooks = {}) {
    return describe_game_sessions(wire_client<HttpClient>(http, config, std::move(hooks)), std::move(request),
                                  pagination, options);
}

}  // namespace gamelift
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_GAMELIFT_CLIENT_HPP
