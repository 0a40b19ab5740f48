#ifndef PAGINATION_TESTS_SUPPORT_FAKE_GAMELIFT_SDK_HPP
#define PAGINATION_TESTS_SUPPORT_FAKE_GAMELIFT_SDK_HPP

// A stand-in for the AWS SDK for C++'s GameLift client, answering from a local_fleet_service.
// It declares the SDK's public names with the signatures of the real headers (the parts the
// adapters can meet: names, member types, overload sets, base classes), written for these tests.
// Each part names the real file of github.com/aws/aws-sdk-cpp and the commit it was read at.
//
// Configurations, chosen before including this header:
//   PAGINATION_FAKE_SDK_GENERATION      2 (default): the current generated code: template setters,
//       `Outcome DescribeGameSessions(const Request& = {})` and the handler-first
//       `DescribeGameSessionsAsync(handler, context = nullptr, request = {})`.
//       1: the older generated code: overloaded setters (const Aws::String&, Aws::String&&,
//       const char*) and the request-first `DescribeGameSessionsAsync(request, handler, context)`.
//   PAGINATION_FAKE_SDK_CUSTOM_ALLOCATOR 0 (default): Aws::Allocator is std::allocator, as in an
//       SDK built without USE_AWS_MEMORY_MANAGEMENT. 1: Aws::Allocator is a class of its own, so
//       Aws::String and Aws::Vector are types distinct from std::string and std::vector.

#include <pagination/local/fleet_service.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#ifndef PAGINATION_FAKE_SDK_GENERATION
#define PAGINATION_FAKE_SDK_GENERATION 2
#endif
#ifndef PAGINATION_FAKE_SDK_CUSTOM_ALLOCATOR
#define PAGINATION_FAKE_SDK_CUSTOM_ALLOCATOR 0
#endif

namespace Aws {

// ---------------------------------------------------------------------------------------------
// src/aws-cpp-sdk-core/include/aws/core/utils/memory/stl/AWSAllocator.h @ 2e73ead7ce693952e317599fdbec4a86cce18143:
// `Allocator<T>` is std::allocator<T> unless USE_AWS_MEMORY_MANAGEMENT, where it is a class of its
// own that allocates through the SDK's memory system.
// ---------------------------------------------------------------------------------------------
#if PAGINATION_FAKE_SDK_CUSTOM_ALLOCATOR
namespace fake_sdk {
/// Allocations made through Aws::Allocator (the SDK's memory system here).
inline std::atomic<std::size_t>& allocations() {
    static std::atomic<std::size_t> count{0};
    return count;
}
} // namespace fake_sdk

template <typename T>
class Allocator {
public:
    using value_type = T;
    Allocator() noexcept = default;
    template <class U>
    Allocator(const Allocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
    T* allocate(std::size_t n) {
        ++fake_sdk::allocations();
        return static_cast<T*>(::operator new(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t) noexcept { ::operator delete(p); }
    template <class U>
    friend bool operator==(const Allocator&, const Allocator<U>&) noexcept {
        return true;
    }
    template <class U>
    friend bool operator!=(const Allocator&, const Allocator<U>&) noexcept {
        return false;
    }
};
#else
template <typename T>
using Allocator = std::allocator<T>;
#endif

// aws-cpp-sdk-core/include/aws/core/utils/memory/stl/AWSString.h @ bb8cdd0318d939b2466911e8c75f4673e47938b1
using String = std::basic_string<char, std::char_traits<char>, Aws::Allocator<char>>;
// aws-cpp-sdk-core/include/aws/core/utils/memory/stl/AWSVector.h @ 12bf8269d5a8e380617ad905d06ae76a286bac6b
template <typename T>
using Vector = std::vector<T, Aws::Allocator<T>>;
// src/aws-cpp-sdk-core/include/aws/core/utils/memory/stl/AWSMap.h @ 196f4d25734b1b2fd36bfd9e599dd7d4ba7e2820
template <typename K, typename V>
using Map = std::map<K, V, std::less<K>, Aws::Allocator<std::pair<const K, V>>>;

// ---------------------------------------------------------------------------------------------
// src/aws-cpp-sdk-core/include/aws/core/http/HttpTypes.h @ 8aa531312ae30f05ee7fbf20a67aa2af075f088a
// ---------------------------------------------------------------------------------------------
namespace Http {
class HttpRequest;
using HeaderValuePair = std::pair<Aws::String, Aws::String>;
using HeaderValueCollection = Aws::Map<Aws::String, Aws::String>;
using ContinueRequestHandler = std::function<bool(const HttpRequest*)>;
enum class HttpResponseCode { REQUEST_NOT_MADE = -1, OK = 200, BAD_REQUEST = 400, INTERNAL_SERVER_ERROR = 500 };
} // namespace Http

// ---------------------------------------------------------------------------------------------
// src/aws-cpp-sdk-core/include/aws/core/AmazonWebServiceRequest.h @ 0eb8317b50f7f3b4bd664993c27f6d4abea0edff:
// the base of every modelled request: custom headers and per-request handlers, copied with it.
// ---------------------------------------------------------------------------------------------
class AmazonWebServiceRequest;
using RequestRetryHandler = std::function<void(const AmazonWebServiceRequest&)>;
using RequestSignedHandler = std::function<void(const Aws::Http::HttpRequest&)>;

class AmazonWebServiceRequest {
public:
    AmazonWebServiceRequest() = default;
    AmazonWebServiceRequest(const AmazonWebServiceRequest&) = default;
    AmazonWebServiceRequest& operator=(const AmazonWebServiceRequest&) = default;
    virtual ~AmazonWebServiceRequest() = default;

    virtual Aws::Http::HeaderValueCollection GetHeaders() const = 0;
    virtual const Aws::Http::HeaderValueCollection& GetAdditionalCustomHeaders() const {
        return m_additionalCustomHeaders;
    }
    virtual void SetAdditionalCustomHeaderValue(const Aws::String& headerName, const Aws::String& headerValue) {
        m_additionalCustomHeaders[headerName] = headerValue;
    }
    virtual void SetRequestSignedHandler(const RequestSignedHandler& handler) { m_onRequestSigned = handler; }
    virtual const RequestSignedHandler& GetRequestSignedHandler() const { return m_onRequestSigned; }
    virtual void SetContinueRequestHandler(const Aws::Http::ContinueRequestHandler& handler) {
        m_continueRequest = handler;
    }
    virtual const Aws::Http::ContinueRequestHandler& GetContinueRequestHandler() const { return m_continueRequest; }
    virtual void SetRequestRetryHandler(const RequestRetryHandler& handler) { m_requestRetryHandler = handler; }
    virtual const RequestRetryHandler& GetRequestRetryHandler() const { return m_requestRetryHandler; }
    virtual const char* GetServiceRequestName() const = 0;

protected:
    Aws::Http::HeaderValueCollection m_additionalCustomHeaders;

private:
    Aws::Http::ContinueRequestHandler m_continueRequest;
    RequestSignedHandler m_onRequestSigned;
    RequestRetryHandler m_requestRetryHandler;
};

// src/aws-cpp-sdk-core/include/aws/core/AmazonSerializableWebServiceRequest.h (the JSON body)
class AmazonSerializableWebServiceRequest : public AmazonWebServiceRequest {
public:
    virtual Aws::String SerializePayload() const = 0;
};

// ---------------------------------------------------------------------------------------------
// src/aws-cpp-sdk-core/include/aws/core/utils/Outcome.h @ 050e1c9aa4ac70b0e0b1b28b32e650665e37317c
// ---------------------------------------------------------------------------------------------
namespace Utils {
template <typename R, typename E>
class Outcome {
public:
    Outcome() : result(), error(), success(false) {}
    Outcome(const R& r) : result(r), error(), success(true) {}            // NOLINT
    Outcome(const E& e) : result(), error(e), success(false) {}           // NOLINT
    Outcome(R&& r) : result(std::forward<R>(r)), error(), success(true) {}  // NOLINT
    Outcome(E&& e) : result(), error(std::forward<E>(e)), success(false) {}  // NOLINT
    template <typename ET, std::enable_if_t<std::is_convertible<ET, E>::value, int> = 0>
    Outcome(ET&& e) : error(std::forward<ET>(e)), success(false) {}  // NOLINT
    Outcome(const Outcome&) = default;
    Outcome(Outcome&&) = default;
    Outcome& operator=(const Outcome&) = default;
    Outcome& operator=(Outcome&&) = default;

    const R& GetResult() const { return result; }
    R& GetResult() { return result; }
    R&& GetResultWithOwnership() { return std::move(result); }
    const E& GetError() const { return error; }
    template <typename T>
    T GetError() {
        return error.template GetModeledError<T>();
    }
    bool IsSuccess() const { return this->success; }
    unsigned int GetRetryCount() const { return retryCount; }
    void SetRetryCount(const unsigned int iRetryCount) { retryCount = iRetryCount; }

private:
    R result;
    E error;
    bool success = false;
    unsigned int retryCount = 0;
};

// src/aws-cpp-sdk-core/include/aws/core/utils/DateTime.h: the parts used here.
class DateTime {
public:
    DateTime() = default;
    explicit DateTime(int64_t millisSinceEpoch) : m_millis(millisSinceEpoch), m_valid(true) {}
    int64_t Millis() const { return m_millis; }
    bool WasParseSuccessful() const { return m_valid; }
    bool operator==(const DateTime& other) const { return m_millis == other.m_millis && m_valid == other.m_valid; }

private:
    int64_t m_millis = 0;
    bool m_valid = false;
};
} // namespace Utils

// ---------------------------------------------------------------------------------------------
// src/aws-cpp-sdk-core/include/aws/core/client/AWSError.h @ 0a84f74d4ddea8d9faafb7277c7db3a39a60c317
// ---------------------------------------------------------------------------------------------
namespace Client {
enum class CoreErrors {
    INCOMPLETE_SIGNATURE = 0,
    INTERNAL_FAILURE = 1,
    THROTTLING = 13,
    VALIDATION = 14,
    NETWORK_CONNECTION = 99,
    UNKNOWN = 100,
    SERVICE_EXTENSION_START_RANGE = 128
};
enum class RetryableType { NOT_RETRYABLE, RETRYABLE, RETRYABLE_THROTTLING };

template <typename ERROR_TYPE>
class AWSError {
    template <typename T>
    friend class AWSError;

public:
    AWSError() : AWSError({}, RetryableType::NOT_RETRYABLE) {}
    AWSError(ERROR_TYPE errorType, Aws::String exceptionName, Aws::String message, bool isRetryable)
        : AWSError(errorType, isRetryable ? RetryableType::RETRYABLE : RetryableType::NOT_RETRYABLE,
                   std::move(exceptionName), std::move(message)) {}
    AWSError(ERROR_TYPE errorType, bool isRetryable)
        : AWSError(errorType, isRetryable ? RetryableType::RETRYABLE : RetryableType::NOT_RETRYABLE) {}
    AWSError(ERROR_TYPE errorType, RetryableType retryableType, Aws::String exceptionName = "",
             Aws::String message = "")
        : m_errorType(errorType),
          m_exceptionName(std::move(exceptionName)),
          m_message(std::move(message)),
          m_retryableType(retryableType) {}
    AWSError(AWSError&&) = default;
    AWSError(const AWSError&) = default;
    template <typename OTHER_ERROR_TYPE>
    AWSError(const AWSError<OTHER_ERROR_TYPE>& rhs)  // NOLINT(google-explicit-constructor)
        : m_errorType(static_cast<ERROR_TYPE>(rhs.m_errorType)),
          m_exceptionName(rhs.m_exceptionName),
          m_message(rhs.m_message),
          m_requestId(rhs.m_requestId),
          m_responseCode(rhs.m_responseCode),
          m_retryableType(rhs.m_retryableType) {}
    AWSError& operator=(const AWSError<ERROR_TYPE>&) = default;
    AWSError& operator=(AWSError<ERROR_TYPE>&&) = default;

    const ERROR_TYPE GetErrorType() const { return m_errorType; }  // NOLINT(readability-const-return-type)
    const Aws::String& GetExceptionName() const { return m_exceptionName; }
    void SetExceptionName(const Aws::String& exceptionName) { m_exceptionName = exceptionName; }
    const Aws::String& GetMessage() const { return m_message; }
    void SetMessage(const Aws::String& message) { m_message = message; }
    const Aws::String& GetRequestId() const { return m_requestId; }
    void SetRequestId(const Aws::String& requestId) { m_requestId = requestId; }
    bool ShouldRetry() const {
        return m_retryableType == RetryableType::RETRYABLE || m_retryableType == RetryableType::RETRYABLE_THROTTLING;
    }
    bool ShouldThrottle() const { return m_retryableType == RetryableType::RETRYABLE_THROTTLING; }
    Aws::Http::HttpResponseCode GetResponseCode() const { return m_responseCode; }
    void SetResponseCode(Aws::Http::HttpResponseCode responseCode) { m_responseCode = responseCode; }

protected:
    ERROR_TYPE m_errorType;
    Aws::String m_exceptionName;
    Aws::String m_message;
    Aws::String m_requestId;
    Aws::Http::HttpResponseCode m_responseCode = Aws::Http::HttpResponseCode::REQUEST_NOT_MADE;
    RetryableType m_retryableType;
};

// src/aws-cpp-sdk-core/include/aws/core/client/AsyncCallerContext.h: the parts used here.
class AsyncCallerContext {
public:
    AsyncCallerContext() = default;
    explicit AsyncCallerContext(const Aws::String& uuid) : m_uuid(uuid) {}
    virtual ~AsyncCallerContext() = default;
    const Aws::String& GetUUID() const { return m_uuid; }
    void SetUUID(const Aws::String& value) { m_uuid = value; }

private:
    Aws::String m_uuid;
};
} // namespace Client

namespace GameLift {

// ---------------------------------------------------------------------------------------------
// generated/src/aws-cpp-sdk-gamelift/include/aws/gamelift/GameLiftErrors.h @ 1351715c172cd0c217c6da7fe487dc71ebe7b04a:
// GameLiftError is a class derived from AWSError<GameLiftErrors>, not an alias.
// ---------------------------------------------------------------------------------------------
enum class GameLiftErrors {
    INCOMPLETE_SIGNATURE = 0,
    INTERNAL_FAILURE = 1,
    INVALID_ACTION = 2,
    INVALID_CLIENT_TOKEN_ID = 3,
    INVALID_PARAMETER_COMBINATION = 4,
    INVALID_QUERY_PARAMETER = 5,
    INVALID_PARAMETER_VALUE = 6,
    MISSING_ACTION = 7,
    MISSING_AUTHENTICATION_TOKEN = 8,
    MISSING_PARAMETER = 9,
    OPT_IN_REQUIRED = 10,
    REQUEST_EXPIRED = 11,
    SERVICE_UNAVAILABLE = 12,
    THROTTLING = 13,
    VALIDATION = 14,
    ACCESS_DENIED = 15,
    RESOURCE_NOT_FOUND = 16,
    UNRECOGNIZED_CLIENT = 17,
    MALFORMED_QUERY_STRING = 18,
    SLOW_DOWN = 19,
    REQUEST_TIME_TOO_SKEWED = 20,
    INVALID_SIGNATURE = 21,
    SIGNATURE_DOES_NOT_MATCH = 22,
    INVALID_ACCESS_KEY_ID = 23,
    REQUEST_TIMEOUT = 24,
    NETWORK_CONNECTION = 99,
    UNKNOWN = 100,
    CONFLICT = static_cast<int>(Aws::Client::CoreErrors::SERVICE_EXTENSION_START_RANGE) + 1,
    FLEET_CAPACITY_EXCEEDED,
    GAME_SESSION_FULL,
    IDEMPOTENT_PARAMETER_MISMATCH,
    INTERNAL_SERVICE,
    INVALID_FLEET_STATUS,
    INVALID_GAME_SESSION_STATUS,
    INVALID_REQUEST,
    LIMIT_EXCEEDED,
    NOT_FOUND,
    NOT_READY,
    OUT_OF_CAPACITY,
    TAGGING_FAILED,
    TERMINAL_ROUTING_STRATEGY,
    UNAUTHORIZED,
    UNSUPPORTED_REGION
};

class GameLiftError : public Aws::Client::AWSError<GameLiftErrors> {
public:
    GameLiftError() {}
    GameLiftError(const Aws::Client::AWSError<Aws::Client::CoreErrors>& rhs)  // NOLINT
        : Aws::Client::AWSError<GameLiftErrors>(rhs) {}
    GameLiftError(const Aws::Client::AWSError<GameLiftErrors>& rhs)  // NOLINT
        : Aws::Client::AWSError<GameLiftErrors>(rhs) {}
    GameLiftError(Aws::Client::AWSError<GameLiftErrors>&& rhs)  // NOLINT
        : Aws::Client::AWSError<GameLiftErrors>(std::move(rhs)) {}
    template <typename T>
    T GetModeledError() {
        return T();
    }
};

// ---------------------------------------------------------------------------------------------
// generated/src/aws-cpp-sdk-gamelift/include/aws/gamelift/GameLiftRequest.h @ 6e9460f1b0a9af2aa7fd712fdefcc22e2aca6f66
// ---------------------------------------------------------------------------------------------
class GameLiftRequest : public Aws::AmazonSerializableWebServiceRequest {
public:
    ~GameLiftRequest() override {}
    Aws::Http::HeaderValueCollection GetHeaders() const override {
        auto headers = GetRequestSpecificHeaders();
        headers.emplace("content-type", "application/x-amz-json-1.1");
        return headers;
    }

protected:
    virtual Aws::Http::HeaderValueCollection GetRequestSpecificHeaders() const {
        return Aws::Http::HeaderValueCollection();
    }
};

namespace Model {

// A member of a model shape. The current generation (DescribeGameSessionsRequest.h and
// GameSession.h @ cce628c85f7b8ba91a2db86728d515b18e2da2cd) declares string, DateTime and list
// setters as `template <typename NameT = Type> void SetName(NameT&&)` and WithName alike; numbers
// and enumerations take the value. The older one (DescribeGameSessionsRequest.h @
// 5e661dcf07db060d66cf71b84e94300fff43890e) overloads `SetName(const Aws::String&)`,
// `SetName(Aws::String&&)` and `SetName(const char*)`.
#define PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(Shape, Name, Type)              \
public:                                                                    \
    const Type& Get##Name() const { return m_##Name; }                     \
    bool Name##HasBeenSet() const { return m_##Name##HasBeenSet; }         \
    template <typename Name##T = Type>                                     \
    void Set##Name(Name##T&& value) {                                      \
        m_##Name##HasBeenSet = true;                                       \
        m_##Name = std::forward<Name##T>(value);                           \
    }                                                                      \
    template <typename Name##T = Type>                                     \
    Shape& With##Name(Name##T&& value) {                                   \
        Set##Name(std::forward<Name##T>(value));                           \
        return *this;                                                      \
    }                                                                      \
                                                                           \
private:                                                                   \
    Type m_##Name{};                                                       \
    bool m_##Name##HasBeenSet = false;

#define PAGINATION_FAKE_SDK_OVERLOADED_STRING_MEMBER(Shape, Name)                            \
public:                                                                                     \
    const Aws::String& Get##Name() const { return m_##Name; }                               \
    bool Name##HasBeenSet() const { return m_##Name##HasBeenSet; }                          \
    void Set##Name(const Aws::String& value) {                                              \
        m_##Name##HasBeenSet = true;                                                        \
        m_##Name = value;                                                                   \
    }                                                                                       \
    void Set##Name(Aws::String&& value) {                                                   \
        m_##Name##HasBeenSet = true;                                                        \
        m_##Name = std::move(value);                                                        \
    }                                                                                       \
    void Set##Name(const char* value) {                                                     \
        m_##Name##HasBeenSet = true;                                                        \
        m_##Name.assign(value);                                                             \
    }                                                                                       \
    Shape& With##Name(const Aws::String& value) {                                           \
        Set##Name(value);                                                                   \
        return *this;                                                                       \
    }                                                                                       \
    Shape& With##Name(Aws::String&& value) {                                                \
        Set##Name(std::move(value));                                                        \
        return *this;                                                                       \
    }                                                                                       \
    Shape& With##Name(const char* value) {                                                  \
        Set##Name(value);                                                                   \
        return *this;                                                                       \
    }                                                                                       \
                                                                                            \
private:                                                                                    \
    Aws::String m_##Name;                                                                   \
    bool m_##Name##HasBeenSet = false;

#define PAGINATION_FAKE_SDK_VALUE_MEMBER(Shape, Name, Type)                \
public:                                                                   \
    Type Get##Name() const { return m_##Name; }                           \
    bool Name##HasBeenSet() const { return m_##Name##HasBeenSet; }        \
    void Set##Name(Type value) {                                          \
        m_##Name##HasBeenSet = true;                                      \
        m_##Name = value;                                                 \
    }                                                                     \
    Shape& With##Name(Type value) {                                       \
        Set##Name(value);                                                 \
        return *this;                                                     \
    }                                                                     \
                                                                          \
private:                                                                  \
    Type m_##Name{};                                                      \
    bool m_##Name##HasBeenSet = false;

#if PAGINATION_FAKE_SDK_GENERATION >= 2
#define PAGINATION_FAKE_SDK_REQUEST_STRING(Shape, Name) PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(Shape, Name, Aws::String)
#else
#define PAGINATION_FAKE_SDK_REQUEST_STRING(Shape, Name) PAGINATION_FAKE_SDK_OVERLOADED_STRING_MEMBER(Shape, Name)
#endif

// generated/.../model/GameSessionStatus.h, GameSessionStatusReason.h, PlayerSessionCreationPolicy.h,
// PlayerGatewayStatus.h (as GameSession.h @ cce628c8 includes them): NOT_SET first.
enum class GameSessionStatus { NOT_SET, ACTIVE, ACTIVATING, TERMINATED, TERMINATING, ERROR_ };
enum class GameSessionStatusReason { NOT_SET, INTERRUPTED, TRIGGERED_ON_PROCESS_TERMINATE, FORCE_TERMINATED };
enum class PlayerSessionCreationPolicy { NOT_SET, ACCEPT_ALL, DENY_ALL };
enum class PlayerGatewayStatus { NOT_SET, ENABLED, DISABLED };

// generated/.../model/GameProperty.h
class GameProperty {
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameProperty, Key, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameProperty, Value, Aws::String)
};

// generated/src/aws-cpp-sdk-gamelift/include/aws/gamelift/model/GameSession.h @ cce628c85f7b8ba91a2db86728d515b18e2da2cd:
// the counts and the port are int64_t, the enumerations are returned by value, ComputeName and
// PlayerGatewayStatus are members.
class GameSession {
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, GameSessionId, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, Name, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, FleetId, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, FleetArn, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, CreationTime, Aws::Utils::DateTime)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, TerminationTime, Aws::Utils::DateTime)
    PAGINATION_FAKE_SDK_VALUE_MEMBER(GameSession, CurrentPlayerSessionCount, int64_t)
    PAGINATION_FAKE_SDK_VALUE_MEMBER(GameSession, MaximumPlayerSessionCount, int64_t)
    PAGINATION_FAKE_SDK_VALUE_MEMBER(GameSession, Status, GameSessionStatus)
    PAGINATION_FAKE_SDK_VALUE_MEMBER(GameSession, StatusReason, GameSessionStatusReason)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, GameProperties, Aws::Vector<GameProperty>)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, IpAddress, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, DnsName, Aws::String)
    PAGINATION_FAKE_SDK_VALUE_MEMBER(GameSession, Port, int64_t)
    PAGINATION_FAKE_SDK_VALUE_MEMBER(GameSession, PlayerSessionCreationPolicy, PlayerSessionCreationPolicy)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, CreatorId, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, GameSessionData, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, MatchmakerData, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, Location, Aws::String)
    PAGINATION_FAKE_SDK_TEMPLATE_MEMBER(GameSession, ComputeName, Aws::String)
    PAGINATION_FAKE_SDK_VALUE_MEMBER(GameSession, PlayerGatewayStatus, PlayerGatewayStatus)
public:
    template <typename GamePropertiesT = GameProperty>
    GameSession& AddGameProperties(GamePropertiesT&& value) {
        m_GamePropertiesHasBeenSet = true;
        m_GameProperties.emplace_back(std::forward<GamePropertiesT>(value));
        return *this;
    }
};

// generated/src/aws-cpp-sdk-gamelift/include/aws/gamelift/model/DescribeGameSessionsRequest.h @
// cce628c85f7b8ba91a2db86728d515b18e2da2cd (generation 2) / 5e661dcf07db060d66cf71b84e94300fff43890e
// (generation 1): a GameLiftRequest; Limit is an int.
class DescribeGameSessionsRequest : public GameLiftRequest {
public:
    DescribeGameSessionsRequest() = default;
    const char* GetServiceRequestName() const override { return "DescribeGameSessions"; }
    /// The JSON body: only members whose ...HasBeenSet() is true, in model order.
    Aws::String SerializePayload() const override {
        Aws::String out = "{";
        auto add = [&out](const char* name, const Aws::String& value) {
            out += out.size() > 1 ? ",\"" : "\"";
            out += name;
            out += "\":\"";
            out += value;
            out += "\"";
        };
        if (m_FleetIdHasBeenSet) add("FleetId", m_FleetId);
        if (m_GameSessionIdHasBeenSet) add("GameSessionId", m_GameSessionId);
        if (m_AliasIdHasBeenSet) add("AliasId", m_AliasId);
        if (m_LocationHasBeenSet) add("Location", m_Location);
        if (m_StatusFilterHasBeenSet) add("StatusFilter", m_StatusFilter);
        if (m_LimitHasBeenSet) {
            const std::string n = std::to_string(m_Limit);
            add("Limit", Aws::String(n.c_str()));
        }
        if (m_NextTokenHasBeenSet) add("NextToken", m_NextToken);
        out += "}";
        return out;
    }

    PAGINATION_FAKE_SDK_REQUEST_STRING(DescribeGameSessionsRequest, FleetId)
    PAGINATION_FAKE_SDK_REQUEST_STRING(DescribeGameSessionsRequest, GameSessionId)
    PAGINATION_FAKE_SDK_REQUEST_STRING(DescribeGameSessionsRequest, AliasId)
    PAGINATION_FAKE_SDK_REQUEST_STRING(DescribeGameSessionsRequest, Location)
    PAGINATION_FAKE_SDK_REQUEST_STRING(DescribeGameSessionsRequest, StatusFilter)
    PAGINATION_FAKE_SDK_VALUE_MEMBER(DescribeGameSessionsRequest, Limit, int)
    PAGINATION_FAKE_SDK_REQUEST_STRING(DescribeGameSessionsRequest, NextToken)
};

#undef PAGINATION_FAKE_SDK_REQUEST_STRING
#undef PAGINATION_FAKE_SDK_VALUE_MEMBER
#undef PAGINATION_FAKE_SDK_OVERLOADED_STRING_MEMBER
#undef PAGINATION_FAKE_SDK_TEMPLATE_MEMBER

// generated/src/aws-cpp-sdk-gamelift/include/aws/gamelift/model/DescribeGameSessionsResult.h @
// 2a230b9fbaa9208c8446c86abf5efd81fb9af93e: template setters, no public ...HasBeenSet().
class DescribeGameSessionsResult {
public:
    DescribeGameSessionsResult() = default;

    const Aws::Vector<GameSession>& GetGameSessions() const { return m_gameSessions; }
    template <typename GameSessionsT = Aws::Vector<GameSession>>
    void SetGameSessions(GameSessionsT&& value) {
        m_gameSessionsHasBeenSet = true;
        m_gameSessions = std::forward<GameSessionsT>(value);
    }
    template <typename GameSessionsT = Aws::Vector<GameSession>>
    DescribeGameSessionsResult& WithGameSessions(GameSessionsT&& value) {
        SetGameSessions(std::forward<GameSessionsT>(value));
        return *this;
    }
    template <typename GameSessionsT = GameSession>
    DescribeGameSessionsResult& AddGameSessions(GameSessionsT&& value) {
        m_gameSessionsHasBeenSet = true;
        m_gameSessions.emplace_back(std::forward<GameSessionsT>(value));
        return *this;
    }

    const Aws::String& GetNextToken() const { return m_nextToken; }
    template <typename NextTokenT = Aws::String>
    void SetNextToken(NextTokenT&& value) {
        m_nextTokenHasBeenSet = true;
        m_nextToken = std::forward<NextTokenT>(value);
    }
    template <typename NextTokenT = Aws::String>
    DescribeGameSessionsResult& WithNextToken(NextTokenT&& value) {
        SetNextToken(std::forward<NextTokenT>(value));
        return *this;
    }

    const Aws::String& GetRequestId() const { return m_requestId; }
    template <typename RequestIdT = Aws::String>
    void SetRequestId(RequestIdT&& value) {
        m_requestIdHasBeenSet = true;
        m_requestId = std::forward<RequestIdT>(value);
    }

private:
    Aws::Vector<GameSession> m_gameSessions;
    bool m_gameSessionsHasBeenSet = false;
    Aws::String m_nextToken;
    bool m_nextTokenHasBeenSet = false;
    Aws::String m_requestId;
    bool m_requestIdHasBeenSet = false;
};

// generated/src/aws-cpp-sdk-gamelift/include/aws/gamelift/GameLiftServiceClientModel.h @
// 90c09c2b5267779f38ba7f5b6950fc3af058a966
using DescribeGameSessionsOutcome = Aws::Utils::Outcome<DescribeGameSessionsResult, GameLiftError>;
using DescribeGameSessionsOutcomeCallable = std::future<DescribeGameSessionsOutcome>;
} // namespace Model

class GameLiftClient;
using DescribeGameSessionsResponseReceivedHandler =
    std::function<void(const GameLiftClient*, const Model::DescribeGameSessionsRequest&,
                       const Model::DescribeGameSessionsOutcome&,
                       const std::shared_ptr<const Aws::Client::AsyncCallerContext>&)>;

// ---------------------------------------------------------------------------------------------
// generated/src/aws-cpp-sdk-gamelift/include/aws/gamelift/GameLiftClient.h: generation 2 @
// cce628c85f7b8ba91a2db86728d515b18e2da2cd (DescribeGameSessions has no required member, so its
// request defaults to {} and the Async takes the handler first); generation 1 @
// 10e5c39560ac72e535ff14cf6fdd9205e76d589b (the request first). The fake answers from a local
// fleet, on a thread of its own for Async as the SDK's executor does, and keeps a copy of every
// request it was sent.
// ---------------------------------------------------------------------------------------------
class GameLiftClient {
public:
    explicit GameLiftClient(pagination::aws::gamelift::local_fleet_service& fleet) : fleet_(&fleet) {}
    GameLiftClient(const GameLiftClient&) = delete;
    GameLiftClient& operator=(const GameLiftClient&) = delete;

    virtual ~GameLiftClient() {
        std::vector<std::thread> running;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            running.swap(threads_);
        }
        for (auto& t : running) {
            t.join();
        }
    }

#if PAGINATION_FAKE_SDK_GENERATION >= 2
    virtual Model::DescribeGameSessionsOutcome DescribeGameSessions(
        const Model::DescribeGameSessionsRequest& request = {}) const {
        return answer(request);
    }

    template <typename DescribeGameSessionsRequestT = Model::DescribeGameSessionsRequest>
    void DescribeGameSessionsAsync(const DescribeGameSessionsResponseReceivedHandler& handler,
                                   const std::shared_ptr<const Aws::Client::AsyncCallerContext>& context = nullptr,
                                   const DescribeGameSessionsRequestT& request = {}) const {
        submit(request, handler, context);
    }
#else
    virtual Model::DescribeGameSessionsOutcome DescribeGameSessions(const Model::DescribeGameSessionsRequest& request) const {
        return answer(request);
    }

    template <typename DescribeGameSessionsRequestT = Model::DescribeGameSessionsRequest>
    void DescribeGameSessionsAsync(const DescribeGameSessionsRequestT& request,
                                   const DescribeGameSessionsResponseReceivedHandler& handler,
                                   const std::shared_ptr<const Aws::Client::AsyncCallerContext>& context = nullptr) const {
        submit(request, handler, context);
    }
#endif

    /// Requests answered so far (sync and async).
    mutable std::atomic<int> calls{0};

    /// A copy of every request sent, in order.
    std::vector<Model::DescribeGameSessionsRequest> sent() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return sent_;
    }

private:
    static std::string str(const Aws::String& s) { return std::string(s.c_str(), s.size()); }
    static Aws::String sdk(const std::string& s) { return Aws::String(s.c_str(), s.size()); }
    static Aws::String sdk(const std::optional<std::string>& s) { return s ? sdk(*s) : Aws::String(); }

    void submit(const Model::DescribeGameSessionsRequest& request, const DescribeGameSessionsResponseReceivedHandler& handler,
                const std::shared_ptr<const Aws::Client::AsyncCallerContext>& context) const {
        std::lock_guard<std::mutex> lock(mutex_);
        threads_.emplace_back([this, request, handler, context] { handler(this, request, answer(request), context); });
    }

    Model::DescribeGameSessionsOutcome answer(const Model::DescribeGameSessionsRequest& request) const {
        namespace gl = pagination::aws::gamelift;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            sent_.push_back(request);
        }
        ++calls;
        gl::describe_game_sessions_request r;
        if (request.FleetIdHasBeenSet()) r.fleet_id = str(request.GetFleetId());
        if (request.GameSessionIdHasBeenSet()) r.game_session_id = str(request.GetGameSessionId());
        if (request.AliasIdHasBeenSet()) r.alias_id = str(request.GetAliasId());
        if (request.LocationHasBeenSet()) r.location = str(request.GetLocation());
        if (request.StatusFilterHasBeenSet()) {
            r.status_filter = gl::parse_game_session_status(str(request.GetStatusFilter())).value();
        }
        if (request.LimitHasBeenSet()) r.limit = request.GetLimit();
        if (request.NextTokenHasBeenSet()) r.next_token = str(request.GetNextToken());
        auto outcome = fleet_->describe_game_sessions(r);
        if (!outcome) {
            const auto& e = outcome.error();
            const GameLiftErrors type = e.code == "InternalServiceException" ? GameLiftErrors::INTERNAL_SERVICE
                                        : e.code == "ThrottlingException"    ? GameLiftErrors::THROTTLING
                                        : e.code == "NotFoundException"      ? GameLiftErrors::NOT_FOUND
                                                                             : GameLiftErrors::INVALID_REQUEST;
            return GameLiftError(Aws::Client::AWSError<GameLiftErrors>(type, sdk(e.code), sdk(e.message), e.retryable()));
        }
        Model::DescribeGameSessionsResult result;
        for (const auto& s : outcome.value().game_sessions) {
            result.AddGameSessions(to_sdk(s));
        }
        if (outcome.value().next_token) {
            result.SetNextToken(sdk(*outcome.value().next_token));
        }
        return result;
    }

    static Model::GameSession to_sdk(const pagination::aws::gamelift::game_session& s) {
        namespace gl = pagination::aws::gamelift;
        Model::GameSession g;
        if (s.game_session_id) g.SetGameSessionId(sdk(s.game_session_id));
        if (s.name) g.SetName(sdk(s.name));
        if (s.fleet_id) g.SetFleetId(sdk(s.fleet_id));
        if (s.fleet_arn) g.SetFleetArn(sdk(s.fleet_arn));
        if (s.creation_time) g.SetCreationTime(Aws::Utils::DateTime(s.creation_time->time_since_epoch().count()));
        if (s.termination_time) {
            g.SetTerminationTime(Aws::Utils::DateTime(s.termination_time->time_since_epoch().count()));
        }
        if (s.current_player_session_count) g.SetCurrentPlayerSessionCount(*s.current_player_session_count);
        if (s.maximum_player_session_count) g.SetMaximumPlayerSessionCount(*s.maximum_player_session_count);
        if (s.status) {
            switch (s.status->value()) {
                case gl::game_session_status::active: g.SetStatus(Model::GameSessionStatus::ACTIVE); break;
                case gl::game_session_status::activating: g.SetStatus(Model::GameSessionStatus::ACTIVATING); break;
                case gl::game_session_status::terminated: g.SetStatus(Model::GameSessionStatus::TERMINATED); break;
                case gl::game_session_status::terminating: g.SetStatus(Model::GameSessionStatus::TERMINATING); break;
                case gl::game_session_status::error: g.SetStatus(Model::GameSessionStatus::ERROR_); break;
                default: break;
            }
        }
        for (const auto& p : s.game_properties) {
            Model::GameProperty property;
            property.SetKey(sdk(p.key));
            property.SetValue(sdk(p.value));
            g.AddGameProperties(std::move(property));
        }
        if (s.ip_address) g.SetIpAddress(sdk(s.ip_address));
        if (s.dns_name) g.SetDnsName(sdk(s.dns_name));
        if (s.port) g.SetPort(*s.port);
        if (s.player_session_creation_policy) {
            g.SetPlayerSessionCreationPolicy(*s.player_session_creation_policy ==
                                                     gl::player_session_creation_policy::accept_all
                                                 ? Model::PlayerSessionCreationPolicy::ACCEPT_ALL
                                                 : Model::PlayerSessionCreationPolicy::DENY_ALL);
        }
        if (s.creator_id) g.SetCreatorId(sdk(s.creator_id));
        if (s.game_session_data) g.SetGameSessionData(sdk(s.game_session_data));
        if (s.matchmaker_data) g.SetMatchmakerData(sdk(s.matchmaker_data));
        if (s.location) g.SetLocation(sdk(s.location));
        if (s.compute_name) g.SetComputeName(sdk(s.compute_name));
        return g;
    }

    pagination::aws::gamelift::local_fleet_service* fleet_;
    mutable std::mutex mutex_;
    mutable std::vector<Model::DescribeGameSessionsRequest> sent_;
    mutable std::vector<std::thread> threads_;
};
} // namespace GameLift
} // namespace Aws

#endif
