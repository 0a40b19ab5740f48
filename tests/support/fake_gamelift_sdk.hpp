#ifndef PAGINATION_TESTS_SUPPORT_FAKE_GAMELIFT_SDK_HPP
#define PAGINATION_TESTS_SUPPORT_FAKE_GAMELIFT_SDK_HPP

// A stand-in for the AWS SDK for C++'s GameLift client, with the SDK's public names and shapes
// (docs/aws-sdk-names.md) and nothing else, answering from a local_fleet_service. The adapter
// must work with it exactly as it would with the SDK.

#include <pagination/aws/gamelift_local.hpp>

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace Aws {
using String = std::string;
template <class T>
using Vector = std::vector<T>;

namespace Utils {
template <class R, class E>
class Outcome {
public:
    Outcome(const R& r) : result_(r), success_(true) {}
    Outcome(R&& r) : result_(std::move(r)), success_(true) {}
    Outcome(const E& e) : error_(e), success_(false) {}
    bool IsSuccess() const { return success_; }
    const R& GetResult() const { return result_; }
    R& GetResult() { return result_; }
    R&& GetResultWithOwnership() { return std::move(result_); }
    const E& GetError() const { return error_; }

private:
    R result_;
    E error_;
    bool success_;
};
} // namespace Utils

namespace Client {
template <class ErrorType>
class AWSError {
public:
    AWSError() = default;
    AWSError(ErrorType type, Aws::String name, Aws::String message, bool retryable)
        : type_(type), name_(std::move(name)), message_(std::move(message)), retryable_(retryable) {}
    ErrorType GetErrorType() const { return type_; }
    const Aws::String& GetExceptionName() const { return name_; }
    const Aws::String& GetMessage() const { return message_; }
    bool ShouldRetry() const { return retryable_; }

private:
    ErrorType type_{};
    Aws::String name_;
    Aws::String message_;
    bool retryable_ = false;
};
} // namespace Client

namespace GameLift {
enum class GameLiftErrors { INTERNAL_FAILURE, THROTTLING, INVALID_REQUEST, NOT_FOUND };
using GameLiftError = Aws::Client::AWSError<GameLiftErrors>;

namespace Model {
#define PAGINATION_FAKE_SDK_STRING_MEMBER(Name)                                 \
public:                                                                         \
    const Aws::String& Get##Name() const { return m_##Name; }                   \
    bool Name##HasBeenSet() const { return m_##Name##HasBeenSet; }              \
    void Set##Name(const Aws::String& value) {                                  \
        m_##Name = value;                                                       \
        m_##Name##HasBeenSet = true;                                            \
    }                                                                           \
    void Set##Name(Aws::String&& value) {                                       \
        m_##Name = std::move(value);                                            \
        m_##Name##HasBeenSet = true;                                            \
    }                                                                           \
    void Set##Name(const char* value) {                                         \
        m_##Name = value;                                                       \
        m_##Name##HasBeenSet = true;                                            \
    }                                                                           \
                                                                                \
private:                                                                        \
    Aws::String m_##Name;                                                       \
    bool m_##Name##HasBeenSet = false;

class DescribeGameSessionsRequest {
    PAGINATION_FAKE_SDK_STRING_MEMBER(FleetId)
    PAGINATION_FAKE_SDK_STRING_MEMBER(GameSessionId)
    PAGINATION_FAKE_SDK_STRING_MEMBER(AliasId)
    PAGINATION_FAKE_SDK_STRING_MEMBER(Location)
    PAGINATION_FAKE_SDK_STRING_MEMBER(StatusFilter)
    PAGINATION_FAKE_SDK_STRING_MEMBER(NextToken)
public:
    int GetLimit() const { return m_limit; }
    bool LimitHasBeenSet() const { return m_limitHasBeenSet; }
    void SetLimit(int value) {
        m_limit = value;
        m_limitHasBeenSet = true;
    }

private:
    int m_limit = 0;
    bool m_limitHasBeenSet = false;
};

class GameSession {
    PAGINATION_FAKE_SDK_STRING_MEMBER(GameSessionId)
    PAGINATION_FAKE_SDK_STRING_MEMBER(Location)
};
#undef PAGINATION_FAKE_SDK_STRING_MEMBER

class DescribeGameSessionsResult {
public:
    const Aws::Vector<GameSession>& GetGameSessions() const { return m_gameSessions; }
    template <class GameSessionsT = Aws::Vector<GameSession>>
    void SetGameSessions(GameSessionsT&& value) {
        m_gameSessions = std::forward<GameSessionsT>(value);
    }
    template <class GameSessionsT = GameSession>
    DescribeGameSessionsResult& AddGameSessions(GameSessionsT&& value) {
        m_gameSessions.emplace_back(std::forward<GameSessionsT>(value));
        return *this;
    }
    const Aws::String& GetNextToken() const { return m_nextToken; }
    template <class NextTokenT = Aws::String>
    void SetNextToken(NextTokenT&& value) {
        m_nextToken = std::forward<NextTokenT>(value);
    }

private:
    Aws::Vector<GameSession> m_gameSessions;
    Aws::String m_nextToken;
};

using DescribeGameSessionsOutcome = Aws::Utils::Outcome<DescribeGameSessionsResult, GameLiftError>;
} // namespace Model

class GameLiftClient;
} // namespace GameLift
namespace Client {
class AsyncCallerContext {};
} // namespace Client
namespace GameLift {
using DescribeGameSessionsResponseReceivedHandler =
    std::function<void(const GameLiftClient*, const Model::DescribeGameSessionsRequest&,
                       const Model::DescribeGameSessionsOutcome&,
                       const std::shared_ptr<const Aws::Client::AsyncCallerContext>&)>;

/// Answers from a local fleet, converting between the SDK's shapes and the library's.
class GameLiftClient {
public:
    explicit GameLiftClient(pagination::aws::gamelift::local_fleet_service& fleet) : fleet_(&fleet) {}

    virtual ~GameLiftClient() = default;

    virtual Model::DescribeGameSessionsOutcome DescribeGameSessions(const Model::DescribeGameSessionsRequest& request) const {
        namespace gl = pagination::aws::gamelift;
        gl::describe_game_sessions_request r;
        if (request.FleetIdHasBeenSet()) r.fleet_id = request.GetFleetId();
        if (request.GameSessionIdHasBeenSet()) r.game_session_id = request.GetGameSessionId();
        if (request.AliasIdHasBeenSet()) r.alias_id = request.GetAliasId();
        if (request.LocationHasBeenSet()) r.location = request.GetLocation();
        if (request.StatusFilterHasBeenSet()) r.status_filter = gl::parse_game_session_status(request.GetStatusFilter()).value();
        if (request.LimitHasBeenSet()) r.limit = request.GetLimit();
        if (request.NextTokenHasBeenSet()) r.next_token = request.GetNextToken();
        ++calls;
        auto outcome = fleet_->describe_game_sessions(r);
        if (!outcome) {
            const auto& e = outcome.error();
            return GameLiftError(GameLiftErrors::INTERNAL_FAILURE, e.code, e.message, e.retryable());
        }
        Model::DescribeGameSessionsResult result;
        for (const auto& s : outcome.value().game_sessions) {
            Model::GameSession g;
            g.SetGameSessionId(s.game_session_id.value_or(""));
            g.SetLocation(s.location.value_or(""));
            result.AddGameSessions(std::move(g));
        }
        if (outcome.value().next_token) {
            result.SetNextToken(*outcome.value().next_token);
        }
        return result;
    }

    /// Answers on a thread of its own, as the SDK's executor does.
    void DescribeGameSessionsAsync(const Model::DescribeGameSessionsRequest& request,
                                   const DescribeGameSessionsResponseReceivedHandler& handler,
                                   const std::shared_ptr<const Aws::Client::AsyncCallerContext>& context = nullptr) const {
        std::thread([this, request, handler, context] {
            handler(this, request, DescribeGameSessions(request), context);
        }).detach();
    }

    mutable int calls = 0;

private:
    pagination::aws::gamelift::local_fleet_service* fleet_;
};
} // namespace GameLift
} // namespace Aws

#endif
