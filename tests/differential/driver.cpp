// The C++ side of the differential test against botocore (run_differential.py drives both sides;
// oracle.py describes the scenarios and the result shape). It reads one scenario per line on
// stdin and prints one result per line.
//
// Every API goes through the same scripted service, which speaks the wire shape (JSON, as boto3's
// client takes and returns it), and the same run and chain. What is particular to an API is its
// entry in the table at the end of this file: the paginator it is run through (the core
// paginator with scripted policies, an adapter of aws/ over its own types, or the generic SDK
// adapter over the SDK-shaped clients of fake_aws_sdk.hpp), and the wire names of its types'
// members (the fields_of tables). Requests are written to the wire and pages read from it
// through those tables, so the adapters' types are checked too, and pages and items are printed
// back from the typed results.
//
// The driver is built without exceptions and RTTI: the fetchers return an expected-like value or
// an SDK Outcome, and a run's failure is read from error().

#include "../support/fake_aws_sdk.hpp"

#include <pagination/aws/cloudwatch_logs.hpp>
#include <pagination/aws/dynamodb.hpp>
#include <pagination/aws/route53.hpp>
#include <pagination/aws/s3.hpp>
#include <pagination/aws/sdk_operation.hpp>
#include <pagination/detail/base64.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/paginator.hpp>
#include <pagination/token_value.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using pagination::token_value;
using object = token_value::object_type;
using array = token_value::array_type;

constexpr std::string_view bytes_mark = "$bytes";
// A run that sends more requests than this is looping; the service then fails.
constexpr std::size_t max_requests_per_run = 500;

[[noreturn]] void bad_scenario(const std::string& what) {
    std::cerr << "pagination_differential_driver: bad scenario: " << what << '\n';
    std::exit(2);
}

const token_value& member(const token_value& o, std::string_view key) {
    static const token_value null_value;
    const token_value* found = o.find(key);
    return found != nullptr ? *found : null_value;
}

const array& list_of(const token_value& o, std::string_view key) {
    static const array empty;
    const token_value& v = member(o, key);
    if (v.is_null()) {
        return empty;
    }
    if (!v.is_array()) {
        bad_scenario("expected a list at " + std::string(key));
    }
    return v.as_array();
}

std::optional<std::size_t> to_optional_size(const token_value& v) {
    if (v.is_null()) {
        return std::nullopt;
    }
    if (!v.is_integer() || v.as_integer() < 0) {
        bad_scenario("expected a non-negative integer");
    }
    return static_cast<std::size_t>(v.as_integer());
}

std::optional<std::string> opt_string(const token_value& o, std::string_view key) {
    const token_value& v = member(o, key);
    if (!v.is_null() && !v.is_string()) {
        bad_scenario("expected a string at " + std::string(key));
    }
    return v.to_optional_string();
}

bool flag(const token_value& o, std::string_view key) {
    const token_value& v = member(o, key);
    return v.type() == token_value::kind::boolean && v.as_bool();
}

/// `v` with each value that `leaf` replaces (returns a value for) replaced, objects and lists
/// walked through.
template <class Leaf>
token_value rewrite(const token_value& v, const Leaf& leaf) {
    if (std::optional<token_value> replaced = leaf(v)) {
        return std::move(*replaced);
    }
    if (v.is_object()) {
        object out;
        for (const auto& m : v.as_object()) {
            out.emplace_back(m.first, rewrite(m.second, leaf));
        }
        return token_value(std::move(out));
    }
    if (v.is_array()) {
        array out;
        for (const auto& e : v.as_array()) {
            out.push_back(rewrite(e, leaf));
        }
        return token_value(std::move(out));
    }
    return v;
}

// {"$bytes": "<base64>"} is a binary value; everything else is JSON as it is.
token_value from_scenario(const token_value& v) {
    return rewrite(v, [](const token_value& e) -> std::optional<token_value> {
        if (!e.is_object() || e.as_object().size() != 1 || e.as_object().front().first != bytes_mark ||
            !e.as_object().front().second.is_string()) {
            return std::nullopt;
        }
        std::string raw;
        if (!pagination::detail::base64_decode(e.as_object().front().second.as_string(), raw)) {
            bad_scenario("bad base64 in a $bytes value");
        }
        return token_value(token_value::bytes_type(raw.begin(), raw.end()));
    });
}

token_value to_scenario(const token_value& v) {
    return rewrite(v, [](const token_value& e) -> std::optional<token_value> {
        if (!e.is_bytes()) {
            return std::nullopt;
        }
        return token_value(object{{std::string(bytes_mark), token_value(pagination::detail::base64_encode(e.as_bytes()))}});
    });
}

// ---------------------------------------------------------------------------------------------
// Wire names: a type's members as its JSON object's members
// ---------------------------------------------------------------------------------------------

/// A data member `T::*member` named `name` on the wire.
template <class T, class M>
struct member_field {
    std::string_view name;
    M T::*member;
};

/// A list of strings written as a list of objects {"<inner>": value} (Route 53's ResourceRecords).
template <class T>
struct boxed_strings_field {
    std::string_view name;
    std::vector<std::string> T::*member;
    std::string_view inner;
};

/// A member of an SDK model class, through its Get/Set/HasBeenSet functions.
template <class Get, class Set, class Has>
struct accessor_field {
    std::string_view name;
    Get get;
    Set set;
    Has has;
};

template <class T, class M>
constexpr member_field<T, M> field(std::string_view name, M T::*member) {
    return {name, member};
}

template <class Get, class Set, class Has>
constexpr accessor_field<Get, Set, Has> accessor(std::string_view name, Get get, Set set, Has has) {
    return {name, get, set, has};
}

// An SDK member with a HasBeenSet flag, and an SDK result list (written when it is not empty).
#define SDK_FIELD(Class, Name)                                                                    \
    accessor(                                                                                     \
        #Name, [](const Class& c) -> decltype(auto) { return c.Get##Name(); },                  \
        [](Class& c, auto&& v) { c.Set##Name(std::forward<decltype(v)>(v)); },                    \
        [](const Class& c) { return c.Name##HasBeenSet(); })
#define SDK_LIST(Class, Name)                                                                     \
    accessor(                                                                                     \
        #Name, [](const Class& c) -> decltype(auto) { return c.Get##Name(); },                  \
        [](Class& c, auto&& v) { c.Set##Name(std::forward<decltype(v)>(v)); }, [](const Class&) { return true; })

namespace s3 = pagination::aws::s3;
namespace ddb = pagination::aws::dynamodb;
namespace r53 = pagination::aws::route53;
namespace logs = pagination::aws::cloudwatch_logs;
namespace s3m = fake_aws::S3::Model;
namespace ddbm = fake_aws::DynamoDB::Model;
namespace r53m = fake_aws::Route53::Model;

auto fields_of(const s3::object&) {
    using T = s3::object;
    return std::make_tuple(field("Key", &T::key), field("LastModified", &T::last_modified), field("ETag", &T::etag),
                           field("Size", &T::size), field("StorageClass", &T::storage_class));
}

auto fields_of(const s3::common_prefix&) { return std::make_tuple(field("Prefix", &s3::common_prefix::prefix)); }

template <class T>
auto s3_request_fields() {
    return std::make_tuple(field("Bucket", &T::bucket), field("Prefix", &T::prefix), field("Delimiter", &T::delimiter),
                           field("EncodingType", &T::encoding_type), field("MaxKeys", &T::max_keys),
                           field("RequestPayer", &T::request_payer),
                           field("ExpectedBucketOwner", &T::expected_bucket_owner));
}

template <class T>
auto s3_result_fields() {
    return std::make_tuple(field("Contents", &T::contents), field("CommonPrefixes", &T::common_prefixes),
                           field("IsTruncated", &T::is_truncated), field("Name", &T::name), field("Prefix", &T::prefix),
                           field("Delimiter", &T::delimiter), field("MaxKeys", &T::max_keys),
                           field("EncodingType", &T::encoding_type));
}

auto fields_of(const s3::list_objects_v2_request&) {
    using T = s3::list_objects_v2_request;
    return std::tuple_cat(s3_request_fields<T>(),
                          std::make_tuple(field("StartAfter", &T::start_after), field("FetchOwner", &T::fetch_owner),
                                          field("ContinuationToken", &T::continuation_token)));
}

auto fields_of(const s3::list_objects_v2_result&) {
    using T = s3::list_objects_v2_result;
    return std::tuple_cat(s3_result_fields<T>(),
                          std::make_tuple(field("KeyCount", &T::key_count),
                                          field("ContinuationToken", &T::continuation_token),
                                          field("NextContinuationToken", &T::next_continuation_token),
                                          field("StartAfter", &T::start_after)));
}

auto fields_of(const s3::list_objects_request&) {
    using T = s3::list_objects_request;
    return std::tuple_cat(s3_request_fields<T>(), std::make_tuple(field("Marker", &T::marker)));
}

auto fields_of(const s3::list_objects_result&) {
    using T = s3::list_objects_result;
    return std::tuple_cat(s3_result_fields<T>(),
                          std::make_tuple(field("Marker", &T::marker), field("NextMarker", &T::next_marker)));
}

template <class T>
auto ddb_request_fields() {
    return std::make_tuple(
        field("TableName", &T::table_name), field("IndexName", &T::index_name),
        field("ProjectionExpression", &T::projection_expression), field("FilterExpression", &T::filter_expression),
        field("ExpressionAttributeNames", &T::expression_attribute_names),
        field("ExpressionAttributeValues", &T::expression_attribute_values), field("Select", &T::select),
        field("ConsistentRead", &T::consistent_read), field("ReturnConsumedCapacity", &T::return_consumed_capacity),
        field("Limit", &T::limit), field("ExclusiveStartKey", &T::exclusive_start_key));
}

auto fields_of(const ddb::scan_request&) {
    using T = ddb::scan_request;
    return std::tuple_cat(ddb_request_fields<T>(),
                          std::make_tuple(field("Segment", &T::segment), field("TotalSegments", &T::total_segments)));
}

auto fields_of(const ddb::query_request&) {
    using T = ddb::query_request;
    return std::tuple_cat(ddb_request_fields<T>(),
                          std::make_tuple(field("KeyConditionExpression", &T::key_condition_expression),
                                          field("ScanIndexForward", &T::scan_index_forward)));
}

auto fields_of(const ddb::consumed_capacity&) {
    using T = ddb::consumed_capacity;
    return std::make_tuple(field("TableName", &T::table_name), field("CapacityUnits", &T::capacity_units));
}

template <class T>
auto ddb_result_fields() {
    return std::make_tuple(field("Items", &T::items), field("Count", &T::count),
                           field("ScannedCount", &T::scanned_count), field("LastEvaluatedKey", &T::last_evaluated_key),
                           field("ConsumedCapacity", &T::consumed_capacity));
}

auto fields_of(const ddb::scan_result&) { return ddb_result_fields<ddb::scan_result>(); }
auto fields_of(const ddb::query_result&) { return ddb_result_fields<ddb::query_result>(); }

auto fields_of(const r53::resource_record_set&) {
    using T = r53::resource_record_set;
    return std::make_tuple(field("Name", &T::name), field("Type", &T::type),
                           field("SetIdentifier", &T::set_identifier), field("Weight", &T::weight),
                           field("Region", &T::region), field("Failover", &T::failover), field("TTL", &T::ttl),
                           boxed_strings_field<T>{"ResourceRecords", &T::resource_records, "Value"},
                           field("HealthCheckId", &T::health_check_id));
}

auto fields_of(const r53::list_resource_record_sets_request&) {
    using T = r53::list_resource_record_sets_request;
    return std::make_tuple(field("HostedZoneId", &T::hosted_zone_id),
                           field("StartRecordName", &T::start_record_name),
                           field("StartRecordType", &T::start_record_type),
                           field("StartRecordIdentifier", &T::start_record_identifier),
                           field("MaxItems", &T::max_items));
}

auto fields_of(const r53::list_resource_record_sets_result&) {
    using T = r53::list_resource_record_sets_result;
    return std::make_tuple(field("ResourceRecordSets", &T::resource_record_sets),
                           field("IsTruncated", &T::is_truncated), field("NextRecordName", &T::next_record_name),
                           field("NextRecordType", &T::next_record_type),
                           field("NextRecordIdentifier", &T::next_record_identifier),
                           field("MaxItems", &T::max_items));
}

template <class T>
auto logs_request_fields() {
    return std::make_tuple(field("logGroupName", &T::log_group_name),
                           field("logGroupIdentifier", &T::log_group_identifier), field("startTime", &T::start_time),
                           field("endTime", &T::end_time), field("unmask", &T::unmask), field("limit", &T::limit),
                           field("nextToken", &T::next_token));
}

auto fields_of(const logs::get_log_events_request&) {
    using T = logs::get_log_events_request;
    return std::tuple_cat(logs_request_fields<T>(), std::make_tuple(field("logStreamName", &T::log_stream_name),
                                                                   field("startFromHead", &T::start_from_head)));
}

auto fields_of(const logs::output_log_event&) {
    using T = logs::output_log_event;
    return std::make_tuple(field("timestamp", &T::timestamp), field("message", &T::message),
                           field("ingestionTime", &T::ingestion_time));
}

auto fields_of(const logs::get_log_events_result&) {
    using T = logs::get_log_events_result;
    return std::make_tuple(field("events", &T::events), field("nextForwardToken", &T::next_forward_token),
                           field("nextBackwardToken", &T::next_backward_token));
}

auto fields_of(const logs::filter_log_events_request&) {
    using T = logs::filter_log_events_request;
    return std::tuple_cat(logs_request_fields<T>(),
                          std::make_tuple(field("logStreamNames", &T::log_stream_names),
                                          field("logStreamNamePrefix", &T::log_stream_name_prefix),
                                          field("filterPattern", &T::filter_pattern),
                                          field("interleaved", &T::interleaved)));
}

auto fields_of(const logs::filtered_log_event&) {
    using T = logs::filtered_log_event;
    return std::make_tuple(field("logStreamName", &T::log_stream_name), field("timestamp", &T::timestamp),
                           field("message", &T::message), field("ingestionTime", &T::ingestion_time),
                           field("eventId", &T::event_id));
}

auto fields_of(const logs::searched_log_stream&) {
    using T = logs::searched_log_stream;
    return std::make_tuple(field("logStreamName", &T::log_stream_name),
                           field("searchedCompletely", &T::searched_completely));
}

auto fields_of(const logs::filter_log_events_result&) {
    using T = logs::filter_log_events_result;
    return std::make_tuple(field("events", &T::events), field("searchedLogStreams", &T::searched_log_streams),
                           field("nextToken", &T::next_token));
}

auto fields_of(const s3m::Object&) {
    return std::make_tuple(SDK_FIELD(s3m::Object, Key), SDK_FIELD(s3m::Object, LastModified),
                           SDK_FIELD(s3m::Object, ETag), SDK_FIELD(s3m::Object, Size),
                           SDK_FIELD(s3m::Object, StorageClass));
}

auto fields_of(const s3m::CommonPrefix&) { return std::make_tuple(SDK_FIELD(s3m::CommonPrefix, Prefix)); }

auto fields_of(const s3m::ListObjectsV2Request&) {
    using T = s3m::ListObjectsV2Request;
    return std::make_tuple(SDK_FIELD(T, Bucket), SDK_FIELD(T, Prefix), SDK_FIELD(T, Delimiter),
                           SDK_FIELD(T, EncodingType), SDK_FIELD(T, MaxKeys), SDK_FIELD(T, StartAfter),
                           SDK_FIELD(T, FetchOwner), SDK_FIELD(T, ContinuationToken));
}

auto fields_of(const s3m::ListObjectsV2Result&) {
    using T = s3m::ListObjectsV2Result;
    return std::make_tuple(SDK_LIST(T, Contents), SDK_LIST(T, CommonPrefixes), SDK_FIELD(T, IsTruncated),
                           SDK_FIELD(T, Name), SDK_FIELD(T, Prefix), SDK_FIELD(T, Delimiter), SDK_FIELD(T, MaxKeys),
                           SDK_FIELD(T, KeyCount), SDK_FIELD(T, EncodingType), SDK_FIELD(T, ContinuationToken),
                           SDK_FIELD(T, NextContinuationToken), SDK_FIELD(T, StartAfter));
}

auto fields_of(const ddbm::ListTablesRequest&) {
    using T = ddbm::ListTablesRequest;
    return std::make_tuple(SDK_FIELD(T, ExclusiveStartTableName), SDK_FIELD(T, Limit));
}

auto fields_of(const ddbm::ListTablesResult&) {
    using T = ddbm::ListTablesResult;
    return std::make_tuple(SDK_LIST(T, TableNames), SDK_FIELD(T, LastEvaluatedTableName));
}

auto fields_of(const r53m::HostedZone&) {
    using T = r53m::HostedZone;
    return std::make_tuple(SDK_FIELD(T, Id), SDK_FIELD(T, Name), SDK_FIELD(T, CallerReference),
                           SDK_FIELD(T, ResourceRecordSetCount));
}

auto fields_of(const r53m::ListHostedZonesRequest&) {
    using T = r53m::ListHostedZonesRequest;
    return std::make_tuple(SDK_FIELD(T, Marker), SDK_FIELD(T, MaxItems), SDK_FIELD(T, DelegationSetId));
}

auto fields_of(const r53m::ListHostedZonesResult&) {
    using T = r53m::ListHostedZonesResult;
    return std::make_tuple(SDK_LIST(T, HostedZones), SDK_FIELD(T, Marker), SDK_FIELD(T, IsTruncated),
                           SDK_FIELD(T, NextMarker), SDK_FIELD(T, MaxItems));
}

#undef SDK_FIELD
#undef SDK_LIST

// The core paginator's request and page for the generic API of the core scenarios: 1-3 tokens
// (string or structured), a limit that is an integer or a string, an optional more-results flag
// and a secondary result list.
struct core_request {
    token_value next_token;
    token_value marker;
    token_value continuation_token;
    token_value limit;
    bool limit_is_string = false;  // not on the wire: how set_page_size writes the limit
};

struct core_page {
    std::vector<token_value> items;
    std::vector<token_value> extra;
    token_value next;
    token_value next_marker;
    token_value next_continuation_token;
    std::optional<bool> more;
};

auto fields_of(const core_request&) {
    using T = core_request;
    return std::make_tuple(field("NextToken", &T::next_token), field("Marker", &T::marker),
                           field("ContinuationToken", &T::continuation_token), field("MaxResults", &T::limit));
}

auto fields_of(const core_page&) {
    using T = core_page;
    return std::make_tuple(field("Items", &T::items), field("Extra", &T::extra), field("Next", &T::next),
                           field("NextMarker", &T::next_marker),
                           field("NextContinuationToken", &T::next_continuation_token),
                           field("IsTruncated", &T::more));
}

/// Reads and writes C++ values from and to their wire form. Members of one struct, so that each
/// overload sees all the others.
struct wire {
    template <class T>
    struct is_optional : std::false_type {};
    template <class T>
    struct is_optional<std::optional<T>> : std::true_type {};
    template <class T>
    struct is_list : std::false_type {};
    template <class T, class A>
    struct is_list<std::vector<T, A>> : std::true_type {};

    static void expect(bool ok, const char* what) {
        if (!ok) {
            bad_scenario(std::string("expected ") + what + " on the wire");
        }
    }

    static void read(const token_value& w, token_value& out) { out = w; }
    static void read(const token_value& w, std::string& out) {
        expect(w.is_string(), "a string");
        out = w.as_string();
    }
    static void read(const token_value& w, fake_aws::String& out) {
        expect(w.is_string(), "a string");
        out.assign(w.as_string().data(), w.as_string().size());
    }
    static void read(const token_value& w, bool& out) {
        expect(w.type() == token_value::kind::boolean, "a boolean");
        out = w.as_bool();
    }
    static void read(const token_value& w, double& out) {
        expect(w.is_integer() || w.type() == token_value::kind::floating, "a number");
        out = w.is_integer() ? static_cast<double>(w.as_integer()) : w.as_double();
    }
    template <class I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
    static void read(const token_value& w, I& out) {
        expect(w.is_integer(), "an integer");
        out = static_cast<I>(w.as_integer());
    }
    static void read(const token_value& w, ddb::attribute_map& out) {
        auto map = ddb::attribute_map_from_wire(w);
        expect(map.has_value(), "a map of attribute values");
        out = std::move(*map);
    }
    static void read(const token_value& w, std::vector<std::pair<std::string, std::string>>& out) {
        expect(w.is_object(), "an object");
        for (const auto& m : w.as_object()) {
            read(m.second, out.emplace_back(m.first, std::string()).second);
        }
    }
    template <class T>
    static void read(const token_value& w, std::optional<T>& out) {
        read(w, out.emplace());
    }
    template <class T, class A>
    static void read(const token_value& w, std::vector<T, A>& out) {
        expect(w.is_array(), "a list");
        for (const auto& e : w.as_array()) {
            read(e, out.emplace_back());
        }
    }
    template <class T, class = decltype(fields_of(std::declval<const T&>()))>
    static void read(const token_value& w, T& out) {
        expect(w.is_object(), "an object");
        std::apply([&](const auto&... f) { (load(f, w, out), ...); }, fields_of(out));
    }

    static token_value write(const token_value& v) { return v; }
    static token_value write(const std::string& s) { return token_value(s); }
    static token_value write(const fake_aws::String& s) { return token_value(std::string(s.data(), s.size())); }
    template <class V, std::enable_if_t<std::is_arithmetic_v<V>, int> = 0>
    static token_value write(V v) {
        return token_value(v);
    }
    static token_value write(const ddb::attribute_map& map) { return ddb::to_wire(map); }
    static token_value write(const std::vector<std::pair<std::string, std::string>>& names) {
        object out;
        for (const auto& n : names) {
            out.emplace_back(n.first, token_value(n.second));
        }
        return token_value(std::move(out));
    }
    template <class T, class A>
    static token_value write(const std::vector<T, A>& list) {
        array out;
        for (const auto& e : list) {
            out.push_back(write(e));
        }
        return token_value(std::move(out));
    }
    template <class T, class = decltype(fields_of(std::declval<const T&>()))>
    static token_value write(const T& value) {
        object out;
        std::apply([&](const auto&... f) { (store(f, value, out), ...); }, fields_of(value));
        return token_value(std::move(out));
    }

    /// A member as written: an absent optional and an empty list are left out.
    template <class M>
    static token_value member_value(const M& m) {
        if constexpr (is_optional<M>::value) {
            return m ? write(*m) : token_value();
        } else if constexpr (is_list<M>::value) {
            return m.empty() ? token_value() : write(m);
        } else {
            return write(m);
        }
    }

    static void put(object& out, std::string_view name, token_value value) {
        if (!value.is_null()) {
            out.emplace_back(std::string(name), std::move(value));
        }
    }

    template <class T, class M>
    static void load(const member_field<T, M>& f, const token_value& w, T& out) {
        if (const token_value& v = member(w, f.name); !v.is_null()) {
            read(v, out.*f.member);
        }
    }
    template <class T, class M>
    static void store(const member_field<T, M>& f, const T& value, object& out) {
        put(out, f.name, member_value(value.*f.member));
    }

    template <class T>
    static void load(const boxed_strings_field<T>& f, const token_value& w, T& out) {
        for (const auto& e : list_of(w, f.name)) {
            read(member(e, f.inner), (out.*f.member).emplace_back());
        }
    }
    template <class T>
    static void store(const boxed_strings_field<T>& f, const T& value, object& out) {
        array boxes;
        for (const auto& s : value.*f.member) {
            boxes.emplace_back(object{{std::string(f.inner), token_value(s)}});
        }
        put(out, f.name, boxes.empty() ? token_value() : token_value(std::move(boxes)));
    }

    template <class Get, class Set, class Has, class T>
    static void load(const accessor_field<Get, Set, Has>& f, const token_value& w, T& out) {
        if (const token_value& v = member(w, f.name); !v.is_null()) {
            std::decay_t<decltype(f.get(out))> value{};
            read(v, value);
            f.set(out, std::move(value));
        }
    }
    template <class Get, class Set, class Has, class T>
    static void store(const accessor_field<Get, Set, Has>& f, const T& value, object& out) {
        if (f.has(value)) {
            put(out, f.name, member_value(f.get(value)));
        }
    }
};

// ---------------------------------------------------------------------------------------------
// The scenario and its scripted service
// ---------------------------------------------------------------------------------------------

struct script_page {
    token_value response;
    std::optional<array> next;
    bool fail = false;
};

struct scenario {
    token_value id;
    std::string api;
    token_value params;
    std::vector<std::string> input_tokens;
    std::string limit_key;
    bool limit_is_string = false;
    bool structured_tokens = false;  // the core API's tokens are token_kind::structured
    bool more_results = false;       // the core API has a more-results flag
    std::string primary;             // the primary result list's member
    std::optional<std::size_t> page_size;
    std::vector<std::optional<std::size_t>> max_items;
    std::optional<std::string> start_token;
    std::optional<pagination::repeated_token_action> on_repeated;
    std::size_t max_runs = 1;
    bool items_mode = false;
    std::vector<script_page> script;
};

scenario read_scenario(const std::string& line) {
    token_value doc;
    pagination::detail::json_reader reader(line, 256);
    if (!reader.parse(doc) || !doc.is_object()) {
        bad_scenario("not a JSON object: " + reader.error());
    }
    scenario s;
    s.id = member(doc, "id");
    s.api = opt_string(doc, "api").value_or("");
    s.params = from_scenario(member(doc, "params"));
    if (s.params.is_null()) {
        s.params = token_value(object{});
    }
    for (const auto& t : list_of(doc, "input_tokens")) {
        s.input_tokens.push_back(t.as_string());
    }
    s.limit_key = opt_string(doc, "limit_key").value_or("");
    s.limit_is_string = flag(doc, "limit_is_string");
    s.structured_tokens = opt_string(doc, "token_kind") == std::optional<std::string>("structured");
    s.more_results = !member(doc, "more_results").is_null();
    s.primary = opt_string(doc, "primary").value_or("");
    s.page_size = to_optional_size(member(doc, "page_size"));
    for (const auto& m : list_of(doc, "max_items")) {
        s.max_items.push_back(to_optional_size(m));
    }
    if (s.max_items.empty()) {
        s.max_items.emplace_back();
    }
    s.start_token = opt_string(doc, "start_token");
    if (const auto repeated = opt_string(doc, "on_repeated")) {
        s.on_repeated = *repeated == "stop" ? pagination::repeated_token_action::stop
                                            : pagination::repeated_token_action::error;
    }
    s.max_runs = to_optional_size(member(doc, "max_runs")).value_or(1);
    s.items_mode = opt_string(doc, "iterate") == std::optional<std::string>("items");
    for (const auto& p : list_of(doc, "script")) {
        script_page sp;
        sp.response = from_scenario(member(p, "response"));
        if (!member(p, "next").is_null()) {
            sp.next = from_scenario(member(p, "next")).as_array();
        }
        sp.fail = flag(p, "fail");
        s.script.push_back(std::move(sp));
    }
    if (s.script.empty()) {
        bad_scenario("the script has no page");
    }
    return s;
}

token_value normalise(const token_value& v) { return v.is_empty_token() ? token_value() : v; }

/// The service of a scenario, on the wire shape: answers a request (a JSON object) with the
/// response of the scripted page it asks for, or says why it refuses.
class scripted_service {
public:
    explicit scripted_service(const scenario& s) : s_(s) {}

    std::optional<token_value> answer(const token_value& request, std::string& why) {
        requests_.push_back(to_scenario(request));
        if (requests_.size() > max_requests_per_run) {
            why = "more than 500 requests in one run";
            return std::nullopt;
        }
        for (const auto& m : request.as_object()) {
            if (is_token(m.first) || m.first == s_.limit_key) {
                continue;
            }
            const token_value* expected = s_.params.find(m.first);
            if (expected == nullptr || !(*expected == m.second)) {
                why = "request member " + m.first + " is not the scenario's";
                return std::nullopt;
            }
        }
        for (const auto& m : s_.params.as_object()) {
            if (request.find(m.first) == nullptr) {
                why = "request member " + m.first + " is missing";
                return std::nullopt;
            }
        }
        if (!limit_ok(request, why)) {
            return std::nullopt;
        }
        const std::optional<std::size_t> index = find_page(request);
        if (!index) {
            why = "unknown token";
            return std::nullopt;
        }
        const script_page& page = s_.script[*index];
        if (page.fail) {
            why = "page " + std::to_string(*index) + " fails";
            return std::nullopt;
        }
        return page.response;
    }

    array take_requests() { return std::move(requests_); }

private:
    bool is_token(const std::string& name) const {
        for (const auto& t : s_.input_tokens) {
            if (t == name) {
                return true;
            }
        }
        return false;
    }

    bool limit_ok(const token_value& request, std::string& why) const {
        const token_value& got = member(request, s_.limit_key);
        if (!s_.page_size) {
            if (!got.is_null()) {
                why = "a limit was sent without a PageSize";
                return false;
            }
            return true;
        }
        const token_value expected =
            s_.limit_is_string ? token_value(std::to_string(*s_.page_size)) : token_value(*s_.page_size);
        if (!(got == expected)) {
            why = "the limit is not the PageSize";
            return false;
        }
        return true;
    }

    std::optional<std::size_t> find_page(const token_value& request) const {
        std::vector<token_value> key;
        bool all_null = true;
        for (const auto& name : s_.input_tokens) {
            key.push_back(normalise(member(request, name)));
            all_null = all_null && key.back().is_null();
        }
        if (all_null) {
            return 0;
        }
        for (std::size_t k = 0; k + 1 < s_.script.size(); ++k) {
            const auto& next = s_.script[k].next;
            if (!next) {
                continue;
            }
            bool same = next->size() == key.size();
            for (std::size_t i = 0; same && i < key.size(); ++i) {
                same = normalise((*next)[i]) == key[i];
            }
            if (same) {
                return k + 1;
            }
        }
        return std::nullopt;
    }

    const scenario& s_;
    array requests_;
};

/// What the fetchers over the scripted service return for the library's own types: an
/// expected-like page, or the service's reason.
template <class Page>
struct fetch_outcome {
    std::optional<Page> page;
    std::string failure;
    bool has_value() const { return page.has_value(); }
    Page value() && { return std::move(*page); }
    const std::string& error() const { return failure; }
};

/// A fetcher over the scripted service: the request to the wire, the response from it.
template <class Request, class Page>
struct wire_fetcher {
    scripted_service* service;
    fetch_outcome<Page> operator()(const Request& request) const {
        fetch_outcome<Page> out;
        if (std::optional<token_value> response = service->answer(wire::write(request), out.failure)) {
            wire::read(*response, out.page.emplace());
        }
        return out;
    }
};

// ---------------------------------------------------------------------------------------------
// The kinds of table entry: how a run of an API is made
// ---------------------------------------------------------------------------------------------

/// An adapter of aws/ over its own request and result types: `Start` is its paginate function
/// for the wire fetcher.
template <const auto& Operation>
struct adapter_api {
    using Request = typename std::decay_t<decltype(Operation)>::request_type;
    using Page = typename std::decay_t<decltype(Operation)>::page_type;

    template <class Consume>
    static void run(scripted_service& service, const scenario& s, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        Request request;
        wire::read(s.params, request);
        auto run = Operation(wire_fetcher<Request, Page>{&service}, std::move(request), config, options);
        consume(run);
    }
};

/// An operation `Spec` of the generic SDK adapter, on an SDK-shaped client whose `Handler`
/// member answers it.
template <const auto& Spec, auto Handler>
struct sdk_api {
    using spec_type = std::decay_t<decltype(Spec)>;

    template <class Consume>
    static void run(scripted_service& service, const scenario& s, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        typename spec_type::client_type client;
        client.*Handler = [&service](const typename spec_type::request_type& request) ->
            typename spec_type::outcome_type {
            std::string why;
            if (std::optional<token_value> response = service.answer(wire::write(request), why)) {
                typename spec_type::result_type result;
                wire::read(*response, result);
                return result;
            }
            return fake_aws::Client::AWSError(fake_aws::String("ServiceError"),
                                              fake_aws::String(why.data(), why.size()), false);
        };
        typename spec_type::request_type request;
        wire::read(s.params, request);
        auto run = pagination::aws::paginate<Spec>(client, request, config, options);
        consume(run);
    }
};

/// The core paginator with scripted policies, for an API of N tokens of `Kind`, with or without
/// a more-results flag (the input tokens of a TokenPolicy are fixed at compile time).
template <std::size_t N, pagination::token_kind Kind>
struct core_tokens : pagination::token_policy_base<core_tokens<N, Kind>> {
    using request_type = core_request;
    using page_type = core_page;
    static constexpr std::array<token_value core_request::*, 3> inputs{
        {&core_request::next_token, &core_request::marker, &core_request::continuation_token}};
    static constexpr std::array<token_value core_page::*, 3> outputs{
        {&core_page::next, &core_page::next_marker, &core_page::next_continuation_token}};
    static constexpr std::array<std::string_view, 3> names{{"NextToken", "Marker", "ContinuationToken"}};
    static constexpr std::array<pagination::token_field, N> input_tokens = [] {
        std::array<pagination::token_field, N> fields{};
        for (std::size_t i = 0; i < N; ++i) {
            fields[i] = pagination::token_field{names[i], Kind};
        }
        return fields;
    }();

    static token_value read_token(const core_page& p, std::size_t i) { return p.*outputs[i]; }
    static void write_token(core_request& r, std::size_t i, const token_value& value) { r.*inputs[i] = value; }
};

template <std::size_t N, pagination::token_kind Kind>
struct core_tokens_with_flag : core_tokens<N, Kind> {
    static bool more_results(const core_page& p) { return p.more.value_or(false); }
};

struct core_limit : pagination::limit_policy_base<core_limit> {
    static std::vector<token_value>& items(core_page& p) { return p.items; }
    static void set_page_size(core_request& r, std::size_t size) {
        r.limit = r.limit_is_string ? token_value(std::to_string(size)) : token_value(size);
    }
    static void clear_secondary_results(core_page& p) { p.extra.clear(); }
};

struct core_api {
    template <class Tokens, class Consume>
    static void run_with(scripted_service& service, const scenario& s, const pagination::pagination_config& config,
                         const pagination::paginator_options& options, Consume&& consume) {
        core_request request;
        request.limit_is_string = s.limit_is_string;
        pagination::paginator<wire_fetcher<core_request, core_page>, Tokens, core_limit> run(
            wire_fetcher<core_request, core_page>{&service}, std::move(request), config, options);
        consume(run);
    }

    template <std::size_t N, pagination::token_kind Kind, class Consume>
    static void run_for(scripted_service& service, const scenario& s, const pagination::pagination_config& config,
                        const pagination::paginator_options& options, Consume&& consume) {
        if (s.more_results) {
            run_with<core_tokens_with_flag<N, Kind>>(service, s, config, options, consume);
        } else {
            run_with<core_tokens<N, Kind>>(service, s, config, options, consume);
        }
    }

    template <pagination::token_kind Kind, class Consume>
    static void run_of_kind(scripted_service& service, const scenario& s, const pagination::pagination_config& config,
                            const pagination::paginator_options& options, Consume&& consume) {
        switch (s.input_tokens.size()) {
        case 1: return run_for<1, Kind>(service, s, config, options, consume);
        case 2: return run_for<2, Kind>(service, s, config, options, consume);
        case 3: return run_for<3, Kind>(service, s, config, options, consume);
        default: bad_scenario("the core API has 1-3 tokens");
        }
    }

    template <class Consume>
    static void run(scripted_service& service, const scenario& s, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        if (s.structured_tokens) {
            run_of_kind<pagination::token_kind::structured>(service, s, config, options, consume);
        } else {
            run_of_kind<pagination::token_kind::string>(service, s, config, options, consume);
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Runs and chains, the same for every API
// ---------------------------------------------------------------------------------------------

token_value optional_text(const std::optional<std::string>& s) { return s ? token_value(*s) : token_value(); }

template <class Api>
object run_once(const scenario& s, std::optional<std::size_t> max_items,
                const std::optional<std::string>& starting_token) {
    scripted_service service(s);
    pagination::paginator_options options;
    options.on_repeated_token = s.on_repeated;
    array pages;
    array items;
    token_value error;
    std::optional<std::string> resume;
    Api::run(service, s, pagination::pagination_config{max_items, s.page_size, starting_token}, options,
             [&](auto& run) {
                 if (s.items_mode) {
                     for (const auto& item : run.items()) {
                         items.push_back(wire::write(item));
                     }
                 } else {
                     for (const auto& page : run.pages()) {
                         pages.push_back(wire::write(page));
                         for (const auto& item : list_of(pages.back(), s.primary)) {
                             items.push_back(item);
                         }
                     }
                 }
                 if (const pagination::error* e = run.error()) {
                     error = token_value(pagination::to_string(e->code()));
                 }
                 resume = run.resume_token();
             });
    return object{
        {"starting_token", optional_text(starting_token)},
        {"max_items", max_items ? token_value(*max_items) : token_value()},
        {"pages", s.items_mode ? token_value() : token_value(std::move(pages))},
        {"items", token_value(std::move(items))},
        {"requests", token_value(service.take_requests())},
        {"resume_token", optional_text(resume)},
        {"error", std::move(error)},
    };
}

template <class Api>
token_value run_chain(const scenario& s) {
    array runs;
    std::optional<std::string> token = s.start_token;
    for (std::size_t r = 0; r < s.max_runs; ++r) {
        const token_value result(run_once<Api>(s, s.max_items[r % s.max_items.size()], token));
        const std::optional<std::string> resume = member(result, "resume_token").to_optional_string();
        const bool failed = !member(result, "error").is_null();
        runs.push_back(result);
        if (failed || !resume || resume == token) {
            break;
        }
        token = resume;
    }
    return token_value(object{{"id", s.id}, {"runs", token_value(std::move(runs))}});
}

// ---------------------------------------------------------------------------------------------
// The table: one entry per API
// ---------------------------------------------------------------------------------------------

inline constexpr auto sdk_list_objects_v2 =
    pagination::aws::sdk_operation(&fake_aws::S3::S3Client::ListObjectsV2, "ContinuationToken",
                                   &s3m::ListObjectsV2Request::SetContinuationToken,
                                   &s3m::ListObjectsV2Result::GetNextContinuationToken,
                                   &s3m::ListObjectsV2Result::GetContents)
        .limit(&s3m::ListObjectsV2Request::SetMaxKeys)
        .more_results(&s3m::ListObjectsV2Result::GetIsTruncated)
        .secondary_results(&s3m::ListObjectsV2Result::GetCommonPrefixes);

inline constexpr auto sdk_list_tables =
    pagination::aws::sdk_operation(&fake_aws::DynamoDB::DynamoDBClient::ListTables, "ExclusiveStartTableName",
                                   &ddbm::ListTablesRequest::SetExclusiveStartTableName,
                                   &ddbm::ListTablesResult::GetLastEvaluatedTableName,
                                   &ddbm::ListTablesResult::GetTableNames)
        .limit(&ddbm::ListTablesRequest::SetLimit);

inline constexpr auto sdk_list_hosted_zones =
    pagination::aws::sdk_operation(&fake_aws::Route53::Route53Client::ListHostedZones, "Marker",
                                   &r53m::ListHostedZonesRequest::SetMarker,
                                   &r53m::ListHostedZonesResult::GetNextMarker,
                                   &r53m::ListHostedZonesResult::GetHostedZones)
        .limit(&r53m::ListHostedZonesRequest::SetMaxItems)
        .more_results(&r53m::ListHostedZonesResult::GetIsTruncated);

struct api_entry {
    std::string_view name;
    token_value (*run_chain)(const scenario&);
};

const api_entry apis[] = {
    {"core", &run_chain<core_api>},
    {"s3.ListObjectsV2", &run_chain<adapter_api<s3::list_objects_v2>>},
    {"s3.ListObjects", &run_chain<adapter_api<s3::list_objects>>},
    {"dynamodb.Scan", &run_chain<adapter_api<ddb::scan>>},
    {"dynamodb.Query", &run_chain<adapter_api<ddb::query>>},
    {"route53.ListResourceRecordSets", &run_chain<adapter_api<r53::list_resource_record_sets>>},
    {"logs.GetLogEvents", &run_chain<adapter_api<logs::get_log_events>>},
    {"logs.FilterLogEvents", &run_chain<adapter_api<logs::filter_log_events>>},
    {"sdk.s3.ListObjectsV2",
     &run_chain<sdk_api<sdk_list_objects_v2, &fake_aws::S3::S3Client::list_objects_v2_handler>>},
    {"sdk.dynamodb.ListTables",
     &run_chain<sdk_api<sdk_list_tables, &fake_aws::DynamoDB::DynamoDBClient::list_tables_handler>>},
    {"sdk.route53.ListHostedZones",
     &run_chain<sdk_api<sdk_list_hosted_zones, &fake_aws::Route53::Route53Client::list_hosted_zones_handler>>},
};

token_value run_scenario(const scenario& s) {
    for (const api_entry& api : apis) {
        if (api.name == s.api) {
            return api.run_chain(s);
        }
    }
    bad_scenario("unknown api " + s.api);
}

} // namespace

int main() {
    std::ios::sync_with_stdio(false);
    std::string line;
    std::string out;
    while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        out.clear();
        pagination::detail::dump(to_scenario(run_scenario(read_scenario(line))), out);
        std::cout << out << '\n';
    }
    std::cout.flush();
    return 0;
}
