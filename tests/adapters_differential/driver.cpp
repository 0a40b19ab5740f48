// Runs the adapters' differential scenarios through this library: the C++ side of the comparison
// with botocore (apis.py describes the scenarios and the result shape). It reads one scenario per
// line on stdin and prints one result per line.
//
// Each API runs through its adapter as a user would: the adapter's own request and result types
// (s3.hpp, dynamodb.hpp, route53.hpp, cloudwatch_logs.hpp), or, for "sdk.*", the generic adapter
// (sdk_operation.hpp) over the SDK-shaped clients of fake_aws_sdk.hpp. The scripted service speaks
// the wire shape (JSON, as boto3's client takes and returns it): the fetcher converts the typed
// request to it and the response back, so the conversions are checked too, and the pages are
// printed back from the typed results.
//
// The driver is built without exceptions and RTTI: the fetchers return an expected-like value or
// an SDK Outcome, and a run's failure is read from error().

#include "fake_aws_sdk.hpp"

#include <pagination/aws/cloudwatch_logs.hpp>
#include <pagination/aws/dynamodb.hpp>
#include <pagination/aws/route53.hpp>
#include <pagination/aws/s3.hpp>
#include <pagination/aws/sdk_operation.hpp>
#include <pagination/detail/base64.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/token_value.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using pagination::token_value;
using object = token_value::object_type;
using array = token_value::array_type;

constexpr std::string_view bytes_mark = "$bytes";
constexpr std::size_t max_requests_per_run = 500;

[[noreturn]] void bad_scenario(const std::string& what) {
    std::cerr << "adapters_differential_driver: bad scenario: " << what << '\n';
    std::exit(2);
}

// ---------------------------------------------------------------------------------------------
// JSON values
// ---------------------------------------------------------------------------------------------

const token_value& member(const token_value& o, std::string_view key) {
    static const token_value null_value;
    const token_value* found = o.find(key);
    return found != nullptr ? *found : null_value;
}

bool has(const token_value& o, std::string_view key) { return o.find(key) != nullptr && !member(o, key).is_null(); }

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

std::optional<std::string> opt_string(const token_value& o, std::string_view key) {
    const token_value& v = member(o, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (!v.is_string()) {
        bad_scenario("expected a string at " + std::string(key));
    }
    return v.as_string();
}

std::string req_string(const token_value& o, std::string_view key) { return opt_string(o, key).value_or(""); }

std::optional<std::int64_t> opt_int64(const token_value& o, std::string_view key) {
    const token_value& v = member(o, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (!v.is_integer()) {
        bad_scenario("expected an integer at " + std::string(key));
    }
    return v.as_integer();
}

std::optional<int> opt_int(const token_value& o, std::string_view key) {
    auto v = opt_int64(o, key);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

std::optional<bool> opt_bool(const token_value& o, std::string_view key) {
    const token_value& v = member(o, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (v.type() != token_value::kind::boolean) {
        bad_scenario("expected a boolean at " + std::string(key));
    }
    return v.as_bool();
}

std::optional<double> opt_double(const token_value& o, std::string_view key) {
    const token_value& v = member(o, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (v.is_integer()) {
        return static_cast<double>(v.as_integer());
    }
    if (v.type() != token_value::kind::floating) {
        bad_scenario("expected a number at " + std::string(key));
    }
    return v.as_double();
}

template <class T>
void put(object& out, std::string_view key, const std::optional<T>& value) {
    if (value) {
        out.emplace_back(std::string(key), token_value(*value));
    }
}

void put(object& out, std::string_view key, token_value value) { out.emplace_back(std::string(key), std::move(value)); }

void put_list(object& out, std::string_view key, array values) {
    if (!values.empty()) {
        out.emplace_back(std::string(key), token_value(std::move(values)));
    }
}

// {"$bytes": "<base64>"} is a binary value; everything else is JSON as it is.
token_value from_scenario(const token_value& v) {
    if (v.is_object()) {
        const auto& members = v.as_object();
        if (members.size() == 1 && members.front().first == bytes_mark && members.front().second.is_string()) {
            std::string raw;
            if (!pagination::detail::base64_decode(members.front().second.as_string(), raw)) {
                bad_scenario("bad base64 in a $bytes value");
            }
            return token_value(token_value::bytes_type(raw.begin(), raw.end()));
        }
        object out;
        for (const auto& m : members) {
            out.emplace_back(m.first, from_scenario(m.second));
        }
        return token_value(std::move(out));
    }
    if (v.is_array()) {
        array out;
        for (const auto& e : v.as_array()) {
            out.push_back(from_scenario(e));
        }
        return token_value(std::move(out));
    }
    return v;
}

token_value to_scenario(const token_value& v) {
    if (v.is_bytes()) {
        return token_value(object{{std::string(bytes_mark), token_value(pagination::detail::base64_encode(v.as_bytes()))}});
    }
    if (v.is_object()) {
        object out;
        for (const auto& m : v.as_object()) {
            out.emplace_back(m.first, to_scenario(m.second));
        }
        return token_value(std::move(out));
    }
    if (v.is_array()) {
        array out;
        for (const auto& e : v.as_array()) {
            out.push_back(to_scenario(e));
        }
        return token_value(std::move(out));
    }
    return v;
}

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
    std::string primary;  // the primary result list's member
    std::optional<std::size_t> page_size;
    std::vector<std::optional<std::size_t>> max_items;
    std::optional<std::string> start_token;
    std::optional<pagination::repeated_token_action> on_repeated;
    std::size_t max_runs = 1;
    bool items_mode = false;
    std::vector<script_page> script;
};

std::optional<std::size_t> to_optional_size(const token_value& v) {
    if (v.is_null()) {
        return std::nullopt;
    }
    if (!v.is_integer() || v.as_integer() < 0) {
        bad_scenario("expected a non-negative integer");
    }
    return static_cast<std::size_t>(v.as_integer());
}

scenario read_scenario(const std::string& line) {
    token_value doc;
    pagination::detail::json_reader reader(line, 256);
    if (!reader.parse(doc) || !doc.is_object()) {
        bad_scenario("not a JSON object: " + reader.error());
    }
    scenario s;
    s.id = member(doc, "id");
    s.api = req_string(doc, "api");
    s.params = from_scenario(member(doc, "params"));
    for (const auto& t : list_of(doc, "input_tokens")) {
        s.input_tokens.push_back(t.as_string());
    }
    s.limit_key = req_string(doc, "limit_key");
    s.limit_is_string = opt_bool(doc, "limit_is_string").value_or(false);
    s.primary = req_string(doc, "primary");
    s.page_size = to_optional_size(member(doc, "page_size"));
    for (const auto& m : list_of(doc, "max_items")) {
        s.max_items.push_back(to_optional_size(m));
    }
    if (s.max_items.empty()) {
        s.max_items.emplace_back();
    }
    s.start_token = opt_string(doc, "start_token");
    const auto repeated = opt_string(doc, "on_repeated");
    if (repeated) {
        s.on_repeated = *repeated == "stop" ? pagination::repeated_token_action::stop
                                            : pagination::repeated_token_action::error;
    }
    s.max_runs = to_optional_size(member(doc, "max_runs")).value_or(1);
    s.items_mode = opt_string(doc, "iterate").value_or("pages") == "items";
    for (const auto& p : list_of(doc, "script")) {
        script_page sp;
        sp.response = from_scenario(member(p, "response"));
        if (has(p, "next")) {
            sp.next = from_scenario(member(p, "next")).as_array();
        }
        sp.fail = opt_bool(p, "fail").value_or(false);
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

/// A fetcher's failure: the service's reason.
struct service_failure {
    std::string message;
};

/// What the fetchers of the adapters' own types return: an expected-like page.
template <class Page>
struct fetch_outcome {
    std::optional<Page> page;
    service_failure failure;
    bool has_value() const { return page.has_value(); }
    Page value() && { return std::move(*page); }
    const service_failure& error() const { return failure; }
};

/// A fetcher over the scripted service for an adapter's own types.
template <class Api>
auto wire_fetcher(scripted_service& service) {
    return [&service](const typename Api::request_type& request) {
        fetch_outcome<typename Api::page_type> out;
        std::optional<token_value> response = service.answer(Api::request_to_wire(request), out.failure.message);
        if (response) {
            out.page = Api::page_from_wire(*response);
        }
        return out;
    };
}

// ---------------------------------------------------------------------------------------------
// S3 (the adapter's own types)
// ---------------------------------------------------------------------------------------------

namespace s3 = pagination::aws::s3;

s3::object s3_object_from_wire(const token_value& w) {
    s3::object o;
    o.key = req_string(w, "Key");
    o.last_modified = opt_string(w, "LastModified");
    o.etag = opt_string(w, "ETag");
    o.size = opt_int64(w, "Size");
    o.storage_class = opt_string(w, "StorageClass");
    return o;
}

token_value s3_object_to_wire(const s3::object& o) {
    object out;
    put(out, "Key", token_value(o.key));
    put(out, "LastModified", o.last_modified);
    put(out, "ETag", o.etag);
    put(out, "Size", o.size);
    put(out, "StorageClass", o.storage_class);
    return token_value(std::move(out));
}

template <class Result>
void s3_lists_from_wire(const token_value& w, Result& r) {
    for (const auto& o : list_of(w, "Contents")) {
        r.contents.push_back(s3_object_from_wire(o));
    }
    for (const auto& p : list_of(w, "CommonPrefixes")) {
        r.common_prefixes.push_back(s3::common_prefix{req_string(p, "Prefix")});
    }
}

template <class Result>
void s3_lists_to_wire(const Result& r, object& out) {
    array contents;
    for (const auto& o : r.contents) {
        contents.push_back(s3_object_to_wire(o));
    }
    put_list(out, "Contents", std::move(contents));
    array prefixes;
    for (const auto& p : r.common_prefixes) {
        prefixes.emplace_back(object{{"Prefix", token_value(p.prefix)}});
    }
    put_list(out, "CommonPrefixes", std::move(prefixes));
}

struct s3_list_objects_v2_api {
    using request_type = s3::list_objects_v2_request;
    using page_type = s3::list_objects_v2_result;

    static token_value request_to_wire(const request_type& r) {
        object out;
        put(out, "Bucket", token_value(r.bucket));
        put(out, "Prefix", r.prefix);
        put(out, "Delimiter", r.delimiter);
        put(out, "EncodingType", r.encoding_type);
        put(out, "MaxKeys", r.max_keys);
        put(out, "StartAfter", r.start_after);
        put(out, "FetchOwner", r.fetch_owner);
        put(out, "RequestPayer", r.request_payer);
        put(out, "ExpectedBucketOwner", r.expected_bucket_owner);
        put(out, "ContinuationToken", r.continuation_token);
        return token_value(std::move(out));
    }
    static page_type page_from_wire(const token_value& w) {
        page_type r;
        s3_lists_from_wire(w, r);
        r.is_truncated = opt_bool(w, "IsTruncated");
        r.name = opt_string(w, "Name");
        r.prefix = opt_string(w, "Prefix");
        r.delimiter = opt_string(w, "Delimiter");
        r.max_keys = opt_int(w, "MaxKeys");
        r.key_count = opt_int(w, "KeyCount");
        r.encoding_type = opt_string(w, "EncodingType");
        r.continuation_token = opt_string(w, "ContinuationToken");
        r.next_continuation_token = opt_string(w, "NextContinuationToken");
        r.start_after = opt_string(w, "StartAfter");
        return r;
    }
    static token_value page_to_wire(const page_type& r) {
        object out;
        s3_lists_to_wire(r, out);
        put(out, "IsTruncated", r.is_truncated);
        put(out, "Name", r.name);
        put(out, "Prefix", r.prefix);
        put(out, "Delimiter", r.delimiter);
        put(out, "MaxKeys", r.max_keys);
        put(out, "KeyCount", r.key_count);
        put(out, "EncodingType", r.encoding_type);
        put(out, "ContinuationToken", r.continuation_token);
        put(out, "NextContinuationToken", r.next_continuation_token);
        put(out, "StartAfter", r.start_after);
        return token_value(std::move(out));
    }
    static token_value item_to_wire(const s3::object& o) { return s3_object_to_wire(o); }

    template <class Consume>
    static void run(scripted_service& service, const token_value& params, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        request_type r;
        r.bucket = req_string(params, "Bucket");
        r.prefix = opt_string(params, "Prefix");
        r.delimiter = opt_string(params, "Delimiter");
        r.encoding_type = opt_string(params, "EncodingType");
        r.start_after = opt_string(params, "StartAfter");
        r.fetch_owner = opt_bool(params, "FetchOwner");
        auto run = s3::list_objects_v2(wire_fetcher<s3_list_objects_v2_api>(service), r, config, options);
        consume(run);
    }
};

struct s3_list_objects_api {
    using request_type = s3::list_objects_request;
    using page_type = s3::list_objects_result;

    static token_value request_to_wire(const request_type& r) {
        object out;
        put(out, "Bucket", token_value(r.bucket));
        put(out, "Prefix", r.prefix);
        put(out, "Delimiter", r.delimiter);
        put(out, "EncodingType", r.encoding_type);
        put(out, "MaxKeys", r.max_keys);
        put(out, "RequestPayer", r.request_payer);
        put(out, "ExpectedBucketOwner", r.expected_bucket_owner);
        put(out, "Marker", r.marker);
        return token_value(std::move(out));
    }
    static page_type page_from_wire(const token_value& w) {
        page_type r;
        s3_lists_from_wire(w, r);
        r.is_truncated = opt_bool(w, "IsTruncated");
        r.name = opt_string(w, "Name");
        r.prefix = opt_string(w, "Prefix");
        r.delimiter = opt_string(w, "Delimiter");
        r.max_keys = opt_int(w, "MaxKeys");
        r.encoding_type = opt_string(w, "EncodingType");
        r.marker = opt_string(w, "Marker");
        r.next_marker = opt_string(w, "NextMarker");
        return r;
    }
    static token_value page_to_wire(const page_type& r) {
        object out;
        s3_lists_to_wire(r, out);
        put(out, "IsTruncated", r.is_truncated);
        put(out, "Name", r.name);
        put(out, "Prefix", r.prefix);
        put(out, "Delimiter", r.delimiter);
        put(out, "MaxKeys", r.max_keys);
        put(out, "EncodingType", r.encoding_type);
        put(out, "Marker", r.marker);
        put(out, "NextMarker", r.next_marker);
        return token_value(std::move(out));
    }
    static token_value item_to_wire(const s3::object& o) { return s3_object_to_wire(o); }

    template <class Consume>
    static void run(scripted_service& service, const token_value& params, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        request_type r;
        r.bucket = req_string(params, "Bucket");
        r.prefix = opt_string(params, "Prefix");
        r.delimiter = opt_string(params, "Delimiter");
        r.encoding_type = opt_string(params, "EncodingType");
        auto run = s3::list_objects(wire_fetcher<s3_list_objects_api>(service), r, config, options);
        consume(run);
    }
};

// ---------------------------------------------------------------------------------------------
// DynamoDB
// ---------------------------------------------------------------------------------------------

namespace ddb = pagination::aws::dynamodb;

ddb::attribute_map ddb_map(const token_value& w) {
    auto m = ddb::attribute_map_from_wire(w);
    if (!m) {
        bad_scenario("not a map of attribute values");
    }
    return std::move(*m);
}

template <class Request>
void ddb_common_from_params(const token_value& params, Request& r) {
    r.table_name = req_string(params, "TableName");
    r.index_name = opt_string(params, "IndexName");
    r.projection_expression = opt_string(params, "ProjectionExpression");
    r.filter_expression = opt_string(params, "FilterExpression");
    if (has(params, "ExpressionAttributeNames")) {
        for (const auto& m : member(params, "ExpressionAttributeNames").as_object()) {
            r.expression_attribute_names.emplace_back(m.first, m.second.as_string());
        }
    }
    if (has(params, "ExpressionAttributeValues")) {
        r.expression_attribute_values = ddb_map(member(params, "ExpressionAttributeValues"));
    }
    r.select = opt_string(params, "Select");
    r.consistent_read = opt_bool(params, "ConsistentRead");
    r.return_consumed_capacity = opt_string(params, "ReturnConsumedCapacity");
}

template <class Request>
void ddb_common_to_wire(const Request& r, object& out) {
    put(out, "TableName", token_value(r.table_name));
    put(out, "IndexName", r.index_name);
    put(out, "ProjectionExpression", r.projection_expression);
    put(out, "FilterExpression", r.filter_expression);
    if (!r.expression_attribute_names.empty()) {
        object names;
        for (const auto& n : r.expression_attribute_names) {
            names.emplace_back(n.first, token_value(n.second));
        }
        put(out, "ExpressionAttributeNames", token_value(std::move(names)));
    }
    if (!r.expression_attribute_values.empty()) {
        put(out, "ExpressionAttributeValues", ddb::to_wire(r.expression_attribute_values));
    }
    put(out, "Select", r.select);
    put(out, "ConsistentRead", r.consistent_read);
    put(out, "ReturnConsumedCapacity", r.return_consumed_capacity);
    put(out, "Limit", r.limit);
    if (r.exclusive_start_key) {
        put(out, "ExclusiveStartKey", ddb::to_wire(*r.exclusive_start_key));
    }
}

template <class Result>
Result ddb_page_from_wire(const token_value& w) {
    Result r;
    for (const auto& item : list_of(w, "Items")) {
        r.items.push_back(ddb_map(item));
    }
    r.count = opt_int(w, "Count");
    r.scanned_count = opt_int(w, "ScannedCount");
    if (has(w, "LastEvaluatedKey")) {
        r.last_evaluated_key = ddb_map(member(w, "LastEvaluatedKey"));
    }
    if (has(w, "ConsumedCapacity")) {
        const token_value& c = member(w, "ConsumedCapacity");
        r.consumed_capacity = ddb::consumed_capacity{opt_string(c, "TableName"), opt_double(c, "CapacityUnits")};
    }
    return r;
}

template <class Result>
token_value ddb_page_to_wire(const Result& r) {
    object out;
    array items;
    for (const auto& item : r.items) {
        items.push_back(ddb::to_wire(item));
    }
    put_list(out, "Items", std::move(items));
    put(out, "Count", r.count);
    put(out, "ScannedCount", r.scanned_count);
    if (r.last_evaluated_key) {
        put(out, "LastEvaluatedKey", ddb::to_wire(*r.last_evaluated_key));
    }
    if (r.consumed_capacity) {
        object c;
        put(c, "TableName", r.consumed_capacity->table_name);
        put(c, "CapacityUnits", r.consumed_capacity->capacity_units);
        put(out, "ConsumedCapacity", token_value(std::move(c)));
    }
    return token_value(std::move(out));
}

struct dynamodb_scan_api {
    using request_type = ddb::scan_request;
    using page_type = ddb::scan_result;

    static token_value request_to_wire(const request_type& r) {
        object out;
        ddb_common_to_wire(r, out);
        put(out, "Segment", r.segment);
        put(out, "TotalSegments", r.total_segments);
        return token_value(std::move(out));
    }
    static page_type page_from_wire(const token_value& w) { return ddb_page_from_wire<page_type>(w); }
    static token_value page_to_wire(const page_type& r) { return ddb_page_to_wire(r); }
    static token_value item_to_wire(const ddb::attribute_map& item) { return ddb::to_wire(item); }

    template <class Consume>
    static void run(scripted_service& service, const token_value& params, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        request_type r;
        ddb_common_from_params(params, r);
        r.segment = opt_int(params, "Segment");
        r.total_segments = opt_int(params, "TotalSegments");
        auto run = ddb::scan(wire_fetcher<dynamodb_scan_api>(service), r, config, options);
        consume(run);
    }
};

struct dynamodb_query_api {
    using request_type = ddb::query_request;
    using page_type = ddb::query_result;

    static token_value request_to_wire(const request_type& r) {
        object out;
        ddb_common_to_wire(r, out);
        put(out, "KeyConditionExpression", r.key_condition_expression);
        put(out, "ScanIndexForward", r.scan_index_forward);
        return token_value(std::move(out));
    }
    static page_type page_from_wire(const token_value& w) { return ddb_page_from_wire<page_type>(w); }
    static token_value page_to_wire(const page_type& r) { return ddb_page_to_wire(r); }
    static token_value item_to_wire(const ddb::attribute_map& item) { return ddb::to_wire(item); }

    template <class Consume>
    static void run(scripted_service& service, const token_value& params, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        request_type r;
        ddb_common_from_params(params, r);
        r.key_condition_expression = opt_string(params, "KeyConditionExpression");
        r.scan_index_forward = opt_bool(params, "ScanIndexForward");
        auto run = ddb::query(wire_fetcher<dynamodb_query_api>(service), r, config, options);
        consume(run);
    }
};

// ---------------------------------------------------------------------------------------------
// Route 53 ListResourceRecordSets
// ---------------------------------------------------------------------------------------------

namespace r53 = pagination::aws::route53;

struct route53_list_resource_record_sets_api {
    using request_type = r53::list_resource_record_sets_request;
    using page_type = r53::list_resource_record_sets_result;

    static token_value request_to_wire(const request_type& r) {
        object out;
        put(out, "HostedZoneId", token_value(r.hosted_zone_id));
        put(out, "StartRecordName", r.start_record_name);
        put(out, "StartRecordType", r.start_record_type);
        put(out, "StartRecordIdentifier", r.start_record_identifier);
        put(out, "MaxItems", r.max_items);
        return token_value(std::move(out));
    }
    static page_type page_from_wire(const token_value& w) {
        page_type r;
        for (const auto& s : list_of(w, "ResourceRecordSets")) {
            r53::resource_record_set set;
            set.name = req_string(s, "Name");
            set.type = req_string(s, "Type");
            set.set_identifier = opt_string(s, "SetIdentifier");
            set.weight = opt_int64(s, "Weight");
            set.region = opt_string(s, "Region");
            set.failover = opt_string(s, "Failover");
            set.ttl = opt_int64(s, "TTL");
            for (const auto& v : list_of(s, "ResourceRecords")) {
                set.resource_records.push_back(req_string(v, "Value"));
            }
            set.health_check_id = opt_string(s, "HealthCheckId");
            r.resource_record_sets.push_back(std::move(set));
        }
        r.is_truncated = opt_bool(w, "IsTruncated").value_or(false);
        r.next_record_name = opt_string(w, "NextRecordName");
        r.next_record_type = opt_string(w, "NextRecordType");
        r.next_record_identifier = opt_string(w, "NextRecordIdentifier");
        r.max_items = opt_string(w, "MaxItems");
        return r;
    }
    static token_value item_to_wire(const r53::resource_record_set& s) {
        object out;
        put(out, "Name", token_value(s.name));
        put(out, "Type", token_value(s.type));
        put(out, "SetIdentifier", s.set_identifier);
        put(out, "Weight", s.weight);
        put(out, "Region", s.region);
        put(out, "Failover", s.failover);
        put(out, "TTL", s.ttl);
        array values;
        for (const auto& v : s.resource_records) {
            values.emplace_back(object{{"Value", token_value(v)}});
        }
        put_list(out, "ResourceRecords", std::move(values));
        put(out, "HealthCheckId", s.health_check_id);
        return token_value(std::move(out));
    }
    static token_value page_to_wire(const page_type& r) {
        object out;
        array sets;
        for (const auto& s : r.resource_record_sets) {
            sets.push_back(item_to_wire(s));
        }
        put_list(out, "ResourceRecordSets", std::move(sets));
        put(out, "IsTruncated", token_value(r.is_truncated));
        put(out, "NextRecordName", r.next_record_name);
        put(out, "NextRecordType", r.next_record_type);
        put(out, "NextRecordIdentifier", r.next_record_identifier);
        put(out, "MaxItems", r.max_items);
        return token_value(std::move(out));
    }

    template <class Consume>
    static void run(scripted_service& service, const token_value& params, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        request_type r;
        r.hosted_zone_id = req_string(params, "HostedZoneId");
        auto run = r53::list_resource_record_sets(wire_fetcher<route53_list_resource_record_sets_api>(service), r,
                                                  config, options);
        consume(run);
    }
};

// ---------------------------------------------------------------------------------------------
// CloudWatch Logs
// ---------------------------------------------------------------------------------------------

namespace logs = pagination::aws::cloudwatch_logs;

struct logs_get_log_events_api {
    using request_type = logs::get_log_events_request;
    using page_type = logs::get_log_events_result;

    static token_value request_to_wire(const request_type& r) {
        object out;
        put(out, "logGroupName", r.log_group_name);
        put(out, "logGroupIdentifier", r.log_group_identifier);
        put(out, "logStreamName", token_value(r.log_stream_name));
        put(out, "startTime", r.start_time);
        put(out, "endTime", r.end_time);
        put(out, "startFromHead", r.start_from_head);
        put(out, "unmask", r.unmask);
        put(out, "limit", r.limit);
        put(out, "nextToken", r.next_token);
        return token_value(std::move(out));
    }
    static page_type page_from_wire(const token_value& w) {
        page_type r;
        for (const auto& e : list_of(w, "events")) {
            r.events.push_back({opt_int64(e, "timestamp"), opt_string(e, "message"), opt_int64(e, "ingestionTime")});
        }
        r.next_forward_token = opt_string(w, "nextForwardToken");
        r.next_backward_token = opt_string(w, "nextBackwardToken");
        return r;
    }
    static token_value item_to_wire(const logs::output_log_event& e) {
        object out;
        put(out, "timestamp", e.timestamp);
        put(out, "message", e.message);
        put(out, "ingestionTime", e.ingestion_time);
        return token_value(std::move(out));
    }
    static token_value page_to_wire(const page_type& r) {
        object out;
        array events;
        for (const auto& e : r.events) {
            events.push_back(item_to_wire(e));
        }
        put_list(out, "events", std::move(events));
        put(out, "nextForwardToken", r.next_forward_token);
        put(out, "nextBackwardToken", r.next_backward_token);
        return token_value(std::move(out));
    }

    template <class Consume>
    static void run(scripted_service& service, const token_value& params, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        request_type r;
        r.log_group_name = opt_string(params, "logGroupName");
        r.log_group_identifier = opt_string(params, "logGroupIdentifier");
        r.log_stream_name = req_string(params, "logStreamName");
        r.start_time = opt_int64(params, "startTime");
        r.end_time = opt_int64(params, "endTime");
        r.start_from_head = opt_bool(params, "startFromHead");
        r.unmask = opt_bool(params, "unmask");
        auto run = logs::get_log_events(wire_fetcher<logs_get_log_events_api>(service), r, config, options);
        consume(run);
    }
};

struct logs_filter_log_events_api {
    using request_type = logs::filter_log_events_request;
    using page_type = logs::filter_log_events_result;

    static token_value request_to_wire(const request_type& r) {
        object out;
        put(out, "logGroupName", r.log_group_name);
        put(out, "logGroupIdentifier", r.log_group_identifier);
        array streams;
        for (const auto& s : r.log_stream_names) {
            streams.emplace_back(s);
        }
        put_list(out, "logStreamNames", std::move(streams));
        put(out, "logStreamNamePrefix", r.log_stream_name_prefix);
        put(out, "startTime", r.start_time);
        put(out, "endTime", r.end_time);
        put(out, "filterPattern", r.filter_pattern);
        put(out, "interleaved", r.interleaved);
        put(out, "unmask", r.unmask);
        put(out, "limit", r.limit);
        put(out, "nextToken", r.next_token);
        return token_value(std::move(out));
    }
    static page_type page_from_wire(const token_value& w) {
        page_type r;
        for (const auto& e : list_of(w, "events")) {
            r.events.push_back({opt_string(e, "logStreamName"), opt_int64(e, "timestamp"), opt_string(e, "message"),
                                opt_int64(e, "ingestionTime"), opt_string(e, "eventId")});
        }
        for (const auto& s : list_of(w, "searchedLogStreams")) {
            r.searched_log_streams.push_back({opt_string(s, "logStreamName"), opt_bool(s, "searchedCompletely")});
        }
        r.next_token = opt_string(w, "nextToken");
        return r;
    }
    static token_value item_to_wire(const logs::filtered_log_event& e) {
        object out;
        put(out, "logStreamName", e.log_stream_name);
        put(out, "timestamp", e.timestamp);
        put(out, "message", e.message);
        put(out, "ingestionTime", e.ingestion_time);
        put(out, "eventId", e.event_id);
        return token_value(std::move(out));
    }
    static token_value page_to_wire(const page_type& r) {
        object out;
        array events;
        for (const auto& e : r.events) {
            events.push_back(item_to_wire(e));
        }
        put_list(out, "events", std::move(events));
        array streams;
        for (const auto& s : r.searched_log_streams) {
            object o;
            put(o, "logStreamName", s.log_stream_name);
            put(o, "searchedCompletely", s.searched_completely);
            streams.emplace_back(std::move(o));
        }
        put_list(out, "searchedLogStreams", std::move(streams));
        put(out, "nextToken", r.next_token);
        return token_value(std::move(out));
    }

    template <class Consume>
    static void run(scripted_service& service, const token_value& params, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        request_type r;
        r.log_group_name = opt_string(params, "logGroupName");
        r.log_group_identifier = opt_string(params, "logGroupIdentifier");
        for (const auto& s : list_of(params, "logStreamNames")) {
            r.log_stream_names.push_back(s.as_string());
        }
        r.log_stream_name_prefix = opt_string(params, "logStreamNamePrefix");
        r.start_time = opt_int64(params, "startTime");
        r.end_time = opt_int64(params, "endTime");
        r.filter_pattern = opt_string(params, "filterPattern");
        r.interleaved = opt_bool(params, "interleaved");
        r.unmask = opt_bool(params, "unmask");
        auto run = logs::filter_log_events(wire_fetcher<logs_filter_log_events_api>(service), r, config, options);
        consume(run);
    }
};

// ---------------------------------------------------------------------------------------------
// The generic SDK adapter over the SDK-shaped clients
// ---------------------------------------------------------------------------------------------

namespace s3m = fake_aws::S3::Model;
namespace ddbm = fake_aws::DynamoDB::Model;
namespace r53m = fake_aws::Route53::Model;

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

fake_aws::String sdk_string(const std::string& s) { return fake_aws::String(s.data(), s.size()); }
std::string std_string(const fake_aws::String& s) { return std::string(s.data(), s.size()); }

// Sets an SDK string member from the wire, if present.
#define SDK_FROM_WIRE(target, wire, Name)                            \
    if (auto value_##Name = opt_string(wire, #Name)) {               \
        (target).Set##Name(sdk_string(*value_##Name));               \
    }
// Writes an SDK string member to the wire, if set.
#define SDK_TO_WIRE(out, source, Name)                               \
    if ((source).Name##HasBeenSet()) {                               \
        put(out, #Name, token_value(std_string((source).Get##Name()))); \
    }
// The same, for numbers and booleans.
#define SDK_VALUE_TO_WIRE(out, source, Name)                         \
    if ((source).Name##HasBeenSet()) {                               \
        put(out, #Name, token_value((source).Get##Name()));          \
    }

fake_aws::Client::AWSError sdk_error(const std::string& why) {
    return fake_aws::Client::AWSError(sdk_string("ServiceError"), sdk_string(why), false);
}

struct sdk_s3_list_objects_v2_api {
    static token_value request_to_wire(const s3m::ListObjectsV2Request& r) {
        object out;
        SDK_TO_WIRE(out, r, Bucket)
        SDK_TO_WIRE(out, r, Prefix)
        SDK_TO_WIRE(out, r, Delimiter)
        SDK_TO_WIRE(out, r, EncodingType)
        SDK_VALUE_TO_WIRE(out, r, MaxKeys)
        SDK_TO_WIRE(out, r, StartAfter)
        SDK_VALUE_TO_WIRE(out, r, FetchOwner)
        SDK_TO_WIRE(out, r, ContinuationToken)
        return token_value(std::move(out));
    }
    static s3m::ListObjectsV2Result page_from_wire(const token_value& w) {
        s3m::ListObjectsV2Result r;
        for (const auto& o : list_of(w, "Contents")) {
            s3m::Object obj;
            SDK_FROM_WIRE(obj, o, Key)
            SDK_FROM_WIRE(obj, o, ETag)
            SDK_FROM_WIRE(obj, o, LastModified)
            SDK_FROM_WIRE(obj, o, StorageClass)
            if (auto size = opt_int64(o, "Size")) {
                obj.SetSize(*size);
            }
            r.AddContents(std::move(obj));
        }
        for (const auto& p : list_of(w, "CommonPrefixes")) {
            s3m::CommonPrefix prefix;
            SDK_FROM_WIRE(prefix, p, Prefix)
            r.AddCommonPrefixes(std::move(prefix));
        }
        if (auto truncated = opt_bool(w, "IsTruncated")) {
            r.SetIsTruncated(*truncated);
        }
        SDK_FROM_WIRE(r, w, Name)
        SDK_FROM_WIRE(r, w, Prefix)
        SDK_FROM_WIRE(r, w, Delimiter)
        SDK_FROM_WIRE(r, w, EncodingType)
        SDK_FROM_WIRE(r, w, ContinuationToken)
        SDK_FROM_WIRE(r, w, NextContinuationToken)
        SDK_FROM_WIRE(r, w, StartAfter)
        if (auto max_keys = opt_int(w, "MaxKeys")) {
            r.SetMaxKeys(*max_keys);
        }
        if (auto key_count = opt_int(w, "KeyCount")) {
            r.SetKeyCount(*key_count);
        }
        return r;
    }
    static token_value item_to_wire(const s3m::Object& o) {
        object out;
        SDK_TO_WIRE(out, o, Key)
        SDK_TO_WIRE(out, o, LastModified)
        SDK_TO_WIRE(out, o, ETag)
        SDK_VALUE_TO_WIRE(out, o, Size)
        SDK_TO_WIRE(out, o, StorageClass)
        return token_value(std::move(out));
    }
    static token_value page_to_wire(const s3m::ListObjectsV2Result& r) {
        object out;
        array contents;
        for (const auto& o : r.GetContents()) {
            contents.push_back(item_to_wire(o));
        }
        put_list(out, "Contents", std::move(contents));
        array prefixes;
        for (const auto& p : r.GetCommonPrefixes()) {
            object o;
            SDK_TO_WIRE(o, p, Prefix)
            prefixes.emplace_back(std::move(o));
        }
        put_list(out, "CommonPrefixes", std::move(prefixes));
        SDK_VALUE_TO_WIRE(out, r, IsTruncated)
        SDK_TO_WIRE(out, r, Name)
        SDK_TO_WIRE(out, r, Prefix)
        SDK_TO_WIRE(out, r, Delimiter)
        SDK_VALUE_TO_WIRE(out, r, MaxKeys)
        SDK_VALUE_TO_WIRE(out, r, KeyCount)
        SDK_TO_WIRE(out, r, EncodingType)
        SDK_TO_WIRE(out, r, ContinuationToken)
        SDK_TO_WIRE(out, r, NextContinuationToken)
        SDK_TO_WIRE(out, r, StartAfter)
        return token_value(std::move(out));
    }

    template <class Consume>
    static void run(scripted_service& service, const token_value& params, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        fake_aws::S3::S3Client client;
        client.list_objects_v2_handler = [&service](const s3m::ListObjectsV2Request& r) -> s3m::ListObjectsV2Outcome {
            std::string why;
            if (auto response = service.answer(request_to_wire(r), why)) {
                return page_from_wire(*response);
            }
            return sdk_error(why);
        };
        s3m::ListObjectsV2Request r;
        SDK_FROM_WIRE(r, params, Bucket)
        SDK_FROM_WIRE(r, params, Prefix)
        SDK_FROM_WIRE(r, params, Delimiter)
        SDK_FROM_WIRE(r, params, EncodingType)
        SDK_FROM_WIRE(r, params, StartAfter)
        if (auto fetch_owner = opt_bool(params, "FetchOwner")) {
            r.SetFetchOwner(*fetch_owner);
        }
        auto run = pagination::aws::paginate<sdk_list_objects_v2>(client, r, config, options);
        consume(run);
    }
};

struct sdk_dynamodb_list_tables_api {
    static token_value request_to_wire(const ddbm::ListTablesRequest& r) {
        object out;
        SDK_TO_WIRE(out, r, ExclusiveStartTableName)
        SDK_VALUE_TO_WIRE(out, r, Limit)
        return token_value(std::move(out));
    }
    static ddbm::ListTablesResult page_from_wire(const token_value& w) {
        ddbm::ListTablesResult r;
        for (const auto& name : list_of(w, "TableNames")) {
            r.AddTableNames(sdk_string(name.as_string()));
        }
        SDK_FROM_WIRE(r, w, LastEvaluatedTableName)
        return r;
    }
    static token_value item_to_wire(const fake_aws::String& name) { return token_value(std_string(name)); }
    static token_value page_to_wire(const ddbm::ListTablesResult& r) {
        object out;
        array names;
        for (const auto& name : r.GetTableNames()) {
            names.push_back(item_to_wire(name));
        }
        put_list(out, "TableNames", std::move(names));
        SDK_TO_WIRE(out, r, LastEvaluatedTableName)
        return token_value(std::move(out));
    }

    template <class Consume>
    static void run(scripted_service& service, const token_value&, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        fake_aws::DynamoDB::DynamoDBClient client;
        client.list_tables_handler = [&service](const ddbm::ListTablesRequest& r) -> ddbm::ListTablesOutcome {
            std::string why;
            if (auto response = service.answer(request_to_wire(r), why)) {
                return page_from_wire(*response);
            }
            return sdk_error(why);
        };
        auto run = pagination::aws::paginate<sdk_list_tables>(client, ddbm::ListTablesRequest(), config, options);
        consume(run);
    }
};

struct sdk_route53_list_hosted_zones_api {
    static token_value request_to_wire(const r53m::ListHostedZonesRequest& r) {
        object out;
        SDK_TO_WIRE(out, r, Marker)
        SDK_TO_WIRE(out, r, MaxItems)
        SDK_TO_WIRE(out, r, DelegationSetId)
        return token_value(std::move(out));
    }
    static r53m::ListHostedZonesResult page_from_wire(const token_value& w) {
        r53m::ListHostedZonesResult r;
        for (const auto& z : list_of(w, "HostedZones")) {
            r53m::HostedZone zone;
            SDK_FROM_WIRE(zone, z, Id)
            SDK_FROM_WIRE(zone, z, Name)
            SDK_FROM_WIRE(zone, z, CallerReference)
            if (auto count = opt_int64(z, "ResourceRecordSetCount")) {
                zone.SetResourceRecordSetCount(*count);
            }
            r.AddHostedZones(std::move(zone));
        }
        SDK_FROM_WIRE(r, w, Marker)
        if (auto truncated = opt_bool(w, "IsTruncated")) {
            r.SetIsTruncated(*truncated);
        }
        SDK_FROM_WIRE(r, w, NextMarker)
        SDK_FROM_WIRE(r, w, MaxItems)
        return r;
    }
    static token_value item_to_wire(const r53m::HostedZone& z) {
        object out;
        SDK_TO_WIRE(out, z, Id)
        SDK_TO_WIRE(out, z, Name)
        SDK_TO_WIRE(out, z, CallerReference)
        SDK_VALUE_TO_WIRE(out, z, ResourceRecordSetCount)
        return token_value(std::move(out));
    }
    static token_value page_to_wire(const r53m::ListHostedZonesResult& r) {
        object out;
        array zones;
        for (const auto& z : r.GetHostedZones()) {
            zones.push_back(item_to_wire(z));
        }
        put_list(out, "HostedZones", std::move(zones));
        SDK_TO_WIRE(out, r, Marker)
        SDK_VALUE_TO_WIRE(out, r, IsTruncated)
        SDK_TO_WIRE(out, r, NextMarker)
        SDK_TO_WIRE(out, r, MaxItems)
        return token_value(std::move(out));
    }

    template <class Consume>
    static void run(scripted_service& service, const token_value& params, const pagination::pagination_config& config,
                    const pagination::paginator_options& options, Consume&& consume) {
        fake_aws::Route53::Route53Client client;
        client.list_hosted_zones_handler = [&service](const r53m::ListHostedZonesRequest& r)
            -> r53m::ListHostedZonesOutcome {
            std::string why;
            if (auto response = service.answer(request_to_wire(r), why)) {
                return page_from_wire(*response);
            }
            return sdk_error(why);
        };
        r53m::ListHostedZonesRequest r;
        SDK_FROM_WIRE(r, params, DelegationSetId)
        auto run = pagination::aws::paginate<sdk_list_hosted_zones>(client, r, config, options);
        consume(run);
    }
};

#undef SDK_FROM_WIRE
#undef SDK_TO_WIRE
#undef SDK_VALUE_TO_WIRE

// ---------------------------------------------------------------------------------------------
// Runs and chains
// ---------------------------------------------------------------------------------------------

token_value optional_text(const std::optional<std::string>& s) { return s ? token_value(*s) : token_value(); }

template <class Api>
object run_once(const scenario& s, std::optional<std::size_t> max_items, const std::optional<std::string>& starting_token) {
    scripted_service service(s);
    pagination::paginator_options options;
    options.on_repeated_token = s.on_repeated;
    array pages;
    array items;
    token_value error;
    std::optional<std::string> resume;
    Api::run(service, s.params, pagination::pagination_config{max_items, s.page_size, starting_token}, options,
             [&](auto& run) {
                 if (s.items_mode) {
                     for (const auto& item : run.items()) {
                         items.push_back(Api::item_to_wire(item));
                     }
                 } else {
                     for (const auto& page : run.pages()) {
                         pages.push_back(Api::page_to_wire(page));
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

token_value run_scenario(const scenario& s) {
    if (s.api == "s3.ListObjectsV2") return run_chain<s3_list_objects_v2_api>(s);
    if (s.api == "s3.ListObjects") return run_chain<s3_list_objects_api>(s);
    if (s.api == "dynamodb.Scan") return run_chain<dynamodb_scan_api>(s);
    if (s.api == "dynamodb.Query") return run_chain<dynamodb_query_api>(s);
    if (s.api == "route53.ListResourceRecordSets") return run_chain<route53_list_resource_record_sets_api>(s);
    if (s.api == "logs.GetLogEvents") return run_chain<logs_get_log_events_api>(s);
    if (s.api == "logs.FilterLogEvents") return run_chain<logs_filter_log_events_api>(s);
    if (s.api == "sdk.s3.ListObjectsV2") return run_chain<sdk_s3_list_objects_v2_api>(s);
    if (s.api == "sdk.dynamodb.ListTables") return run_chain<sdk_dynamodb_list_tables_api>(s);
    if (s.api == "sdk.route53.ListHostedZones") return run_chain<sdk_route53_list_hosted_zones_api>(s);
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
