#ifndef PAGINATION_TESTS_ADAPTERS_FAKE_AWS_SDK_HPP
#define PAGINATION_TESTS_ADAPTERS_FAKE_AWS_SDK_HPP

// A stand-in for three operations of the AWS SDK for C++, with the SDK's public shapes and nothing
// else: S3 ListObjectsV2, DynamoDB ListTables and Route 53 ListHostedZones. The generic adapter
// (pagination/aws/sdk_operation.hpp) must work with it as it would with the SDK:
//
//  * the string type is a std::basic_string with its own allocator, as Aws::String is when the
//    SDK is built with custom memory management, so the adapter cannot assume std::string;
//  * S3's setters are the newest generation's templates (`template <class T = String> void
//    SetX(T&&)`); DynamoDB's and Route 53's are the older overloads (const String&, String&&,
//    const char*); requests remember which members have been set, and cannot unset one;
//  * results hand out their lists by const reference only;
//  * operations are const virtual members returning an Outcome.
//
// Each client answers through a handler that the test or the differential driver installs. The
// namespace is fake_aws (not Aws) so that it never meets another stand-in in one program.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace fake_aws {

template <class T>
struct Allocator {
    using value_type = T;
    Allocator() = default;
    template <class U>
    Allocator(const Allocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
    T* allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
    void deallocate(T* p, std::size_t n) noexcept { std::allocator<T>{}.deallocate(p, n); }
    friend bool operator==(const Allocator&, const Allocator&) noexcept { return true; }
    friend bool operator!=(const Allocator&, const Allocator&) noexcept { return false; }
};

using String = std::basic_string<char, std::char_traits<char>, Allocator<char>>;
template <class T>
using Vector = std::vector<T, Allocator<T>>;

namespace Utils {
template <class R, class E>
class Outcome {
public:
    Outcome(const R& r) : result_(r), success_(true) {}  // NOLINT(google-explicit-constructor)
    Outcome(R&& r) : result_(std::move(r)), success_(true) {}  // NOLINT(google-explicit-constructor)
    Outcome(const E& e) : error_(e), success_(false) {}  // NOLINT(google-explicit-constructor)
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
class AWSError {
public:
    AWSError() = default;
    AWSError(String name, String message, bool retryable)
        : name_(std::move(name)), message_(std::move(message)), retryable_(retryable) {}
    const String& GetExceptionName() const { return name_; }
    const String& GetMessage() const { return message_; }
    bool ShouldRetry() const { return retryable_; }

private:
    String name_;
    String message_;
    bool retryable_ = false;
};
} // namespace Client

// A string member with the newest generation's template setter.
#define FAKE_AWS_TEMPLATE_STRING(Name)                                             \
public:                                                                            \
    const String& Get##Name() const { return m_##Name; }                           \
    bool Name##HasBeenSet() const { return m_##Name##HasBeenSet; }                 \
    template <class Name##T = String>                                              \
    void Set##Name(Name##T&& value) {                                              \
        m_##Name##HasBeenSet = true;                                               \
        m_##Name = std::forward<Name##T>(value);                                   \
    }                                                                              \
                                                                                   \
private:                                                                           \
    String m_##Name;                                                               \
    bool m_##Name##HasBeenSet = false;

// A string member with the older generation's three overloads.
#define FAKE_AWS_OVERLOADED_STRING(Name)                                           \
public:                                                                            \
    const String& Get##Name() const { return m_##Name; }                           \
    bool Name##HasBeenSet() const { return m_##Name##HasBeenSet; }                 \
    void Set##Name(const String& value) {                                          \
        m_##Name##HasBeenSet = true;                                               \
        m_##Name = value;                                                          \
    }                                                                              \
    void Set##Name(String&& value) {                                               \
        m_##Name##HasBeenSet = true;                                               \
        m_##Name = std::move(value);                                               \
    }                                                                              \
    void Set##Name(const char* value) {                                            \
        m_##Name##HasBeenSet = true;                                               \
        m_##Name.assign(value);                                                    \
    }                                                                              \
                                                                                   \
private:                                                                           \
    String m_##Name;                                                               \
    bool m_##Name##HasBeenSet = false;

// A number or boolean member.
#define FAKE_AWS_VALUE(Type, Name)                                                 \
public:                                                                            \
    Type Get##Name() const { return m_##Name; }                                    \
    bool Name##HasBeenSet() const { return m_##Name##HasBeenSet; }                 \
    void Set##Name(Type value) {                                                   \
        m_##Name##HasBeenSet = true;                                               \
        m_##Name = value;                                                          \
    }                                                                              \
                                                                                   \
private:                                                                           \
    Type m_##Name{};                                                               \
    bool m_##Name##HasBeenSet = false;

// A list member of a result: a const reference getter, template Set and Add.
#define FAKE_AWS_LIST(Type, Name)                                                  \
public:                                                                            \
    const Vector<Type>& Get##Name() const { return m_##Name; }                     \
    template <class Name##T = Vector<Type>>                                        \
    void Set##Name(Name##T&& value) {                                              \
        m_##Name = std::forward<Name##T>(value);                                   \
    }                                                                              \
    template <class Name##T = Type>                                                \
    void Add##Name(Name##T&& value) {                                              \
        m_##Name.emplace_back(std::forward<Name##T>(value));                       \
    }                                                                              \
                                                                                   \
private:                                                                           \
    Vector<Type> m_##Name;

// ---------------------------------------------------------------------------------------------
// S3 ListObjectsV2
// ---------------------------------------------------------------------------------------------
namespace S3 {
namespace Model {

class Object {
    FAKE_AWS_TEMPLATE_STRING(Key)
    FAKE_AWS_TEMPLATE_STRING(ETag)
    FAKE_AWS_TEMPLATE_STRING(LastModified)
    FAKE_AWS_TEMPLATE_STRING(StorageClass)
    FAKE_AWS_VALUE(long long, Size)
};

class CommonPrefix {
    FAKE_AWS_TEMPLATE_STRING(Prefix)
};

class ListObjectsV2Request {
    FAKE_AWS_TEMPLATE_STRING(Bucket)
    FAKE_AWS_TEMPLATE_STRING(Prefix)
    FAKE_AWS_TEMPLATE_STRING(Delimiter)
    FAKE_AWS_TEMPLATE_STRING(EncodingType)
    FAKE_AWS_TEMPLATE_STRING(StartAfter)
    FAKE_AWS_TEMPLATE_STRING(ContinuationToken)
    FAKE_AWS_VALUE(int, MaxKeys)
    FAKE_AWS_VALUE(bool, FetchOwner)
};

class ListObjectsV2Result {
    FAKE_AWS_LIST(Object, Contents)
    FAKE_AWS_LIST(CommonPrefix, CommonPrefixes)
    FAKE_AWS_VALUE(bool, IsTruncated)
    FAKE_AWS_TEMPLATE_STRING(Name)
    FAKE_AWS_TEMPLATE_STRING(Prefix)
    FAKE_AWS_TEMPLATE_STRING(Delimiter)
    FAKE_AWS_TEMPLATE_STRING(EncodingType)
    FAKE_AWS_TEMPLATE_STRING(ContinuationToken)
    FAKE_AWS_TEMPLATE_STRING(NextContinuationToken)
    FAKE_AWS_TEMPLATE_STRING(StartAfter)
    FAKE_AWS_VALUE(int, MaxKeys)
    FAKE_AWS_VALUE(int, KeyCount)
};

using ListObjectsV2Outcome = Utils::Outcome<ListObjectsV2Result, Client::AWSError>;

} // namespace Model

class S3Client {
public:
    std::function<Model::ListObjectsV2Outcome(const Model::ListObjectsV2Request&)> list_objects_v2_handler;
    mutable int calls = 0;

    virtual ~S3Client() = default;
    virtual Model::ListObjectsV2Outcome ListObjectsV2(const Model::ListObjectsV2Request& request) const {
        ++calls;
        return list_objects_v2_handler(request);
    }
};

} // namespace S3

// ---------------------------------------------------------------------------------------------
// DynamoDB ListTables
// ---------------------------------------------------------------------------------------------
namespace DynamoDB {
namespace Model {

class ListTablesRequest {
    FAKE_AWS_OVERLOADED_STRING(ExclusiveStartTableName)
    FAKE_AWS_VALUE(int, Limit)
};

class ListTablesResult {
    FAKE_AWS_LIST(String, TableNames)
    FAKE_AWS_OVERLOADED_STRING(LastEvaluatedTableName)
};

using ListTablesOutcome = Utils::Outcome<ListTablesResult, Client::AWSError>;

} // namespace Model

class DynamoDBClient {
public:
    std::function<Model::ListTablesOutcome(const Model::ListTablesRequest&)> list_tables_handler;
    mutable int calls = 0;

    virtual ~DynamoDBClient() = default;
    virtual Model::ListTablesOutcome ListTables(const Model::ListTablesRequest& request = {}) const {
        ++calls;
        return list_tables_handler(request);
    }
};

} // namespace DynamoDB

// ---------------------------------------------------------------------------------------------
// Route 53 ListHostedZones
// ---------------------------------------------------------------------------------------------
namespace Route53 {
namespace Model {

class HostedZone {
    FAKE_AWS_OVERLOADED_STRING(Id)
    FAKE_AWS_OVERLOADED_STRING(Name)
    FAKE_AWS_OVERLOADED_STRING(CallerReference)
    FAKE_AWS_VALUE(long long, ResourceRecordSetCount)
};

class ListHostedZonesRequest {
    FAKE_AWS_OVERLOADED_STRING(Marker)
    FAKE_AWS_OVERLOADED_STRING(MaxItems)
    FAKE_AWS_OVERLOADED_STRING(DelegationSetId)
};

class ListHostedZonesResult {
    FAKE_AWS_LIST(HostedZone, HostedZones)
    FAKE_AWS_OVERLOADED_STRING(Marker)
    FAKE_AWS_VALUE(bool, IsTruncated)
    FAKE_AWS_OVERLOADED_STRING(NextMarker)
    FAKE_AWS_OVERLOADED_STRING(MaxItems)
};

using ListHostedZonesOutcome = Utils::Outcome<ListHostedZonesResult, Client::AWSError>;

} // namespace Model

class Route53Client {
public:
    std::function<Model::ListHostedZonesOutcome(const Model::ListHostedZonesRequest&)> list_hosted_zones_handler;
    mutable int calls = 0;

    virtual ~Route53Client() = default;
    virtual Model::ListHostedZonesOutcome ListHostedZones(const Model::ListHostedZonesRequest& request = {}) const {
        ++calls;
        return list_hosted_zones_handler(request);
    }
};

} // namespace Route53

#undef FAKE_AWS_TEMPLATE_STRING
#undef FAKE_AWS_OVERLOADED_STRING
#undef FAKE_AWS_VALUE
#undef FAKE_AWS_LIST

} // namespace fake_aws

#endif
