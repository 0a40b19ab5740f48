#ifndef PAGINATION_AWS_DYNAMODB_HPP
#define PAGINATION_AWS_DYNAMODB_HPP

// Amazon DynamoDB Scan and Query: attribute values, request and result types, and the policies
// that teach the core these two APIs. Not part of <pagination/pagination.hpp>: include this
// header where you read tables.
//
// The position is a structured token: ExclusiveStartKey in, LastEvaluatedKey out, a map of
// attribute values ({"pk": {"S": "user#1"}, "sk": {"B": <bytes>}}, the shape of the service's
// JSON and of boto3's low-level client). In a resume token it is kept as that JSON; binary
// attributes are written as base64 and listed in `boto_encoded_keys`, so the token is the one
// boto3 and the AWS CLI make. The primary result list is Items; Count and ScannedCount are
// result counts that boto3 sets to 0 on the first page of a resumed run and sums in a full
// result, and so does this adapter. docs/adapters.md has the details.

#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/operation.hpp>
#include <pagination/paginator.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/token_value.hpp>

#include <array>
#include <climits>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pagination {
namespace aws {
namespace dynamodb {

class attribute_value;

/// A map of attribute values, in the order the service sent them (an item, or a key). The order
/// is part of a resume token's bytes, so it is kept.
using attribute_map = std::vector<std::pair<std::string, attribute_value>>;

/// AttributeValue: exactly one of S, N, B, SS, NS, BS, M, L, NULL, BOOL. Numbers are kept as the
/// decimal text the service sends.
class attribute_value {
public:
    /// Which member of AttributeValue is set.
    enum class type : unsigned char { s, n, b, ss, ns, bs, m, l, null, boolean };
    using bytes_type = std::vector<unsigned char>;

    /// NULL.
    attribute_value() = default;

    static attribute_value string(std::string value) { return attribute_value(type::s, std::move(value)); }
    static attribute_value number(std::string decimal) { return attribute_value(type::n, std::move(decimal)); }
    static attribute_value binary(bytes_type value) {
        attribute_value v;
        v.type_ = type::b;
        v.bytes_ = std::move(value);
        return v;
    }
    static attribute_value binary(std::string_view value) { return binary(bytes_type(value.begin(), value.end())); }
    static attribute_value string_set(std::vector<std::string> values) { return make_texts(type::ss, std::move(values)); }
    static attribute_value number_set(std::vector<std::string> values) { return make_texts(type::ns, std::move(values)); }
    static attribute_value binary_set(std::vector<bytes_type> values) {
        attribute_value v;
        v.type_ = type::bs;
        v.byte_sets_ = std::move(values);
        return v;
    }
    static attribute_value map(attribute_map members) {
        attribute_value v;
        v.type_ = type::m;
        v.map_ = std::move(members);
        return v;
    }
    static attribute_value list(std::vector<attribute_value> elements) {
        attribute_value v;
        v.type_ = type::l;
        v.list_ = std::move(elements);
        return v;
    }
    static attribute_value null() { return attribute_value(); }
    static attribute_value boolean(bool value) {
        attribute_value v;
        v.type_ = type::boolean;
        v.flag_ = value;
        return v;
    }

    type kind() const noexcept { return type_; }
    /// S or N.
    const std::string& text() const noexcept { return text_; }
    /// B.
    const bytes_type& bytes() const noexcept { return bytes_; }
    /// SS or NS.
    const std::vector<std::string>& texts() const noexcept { return texts_; }
    /// BS.
    const std::vector<bytes_type>& byte_sets() const noexcept { return byte_sets_; }
    /// M.
    const attribute_map& members() const noexcept { return map_; }
    /// L.
    const std::vector<attribute_value>& elements() const noexcept { return list_; }
    /// BOOL (true for NULL, whose wire value is always true).
    bool flag() const noexcept { return flag_; }

    friend bool operator==(const attribute_value& a, const attribute_value& b) {
        return a.type_ == b.type_ && a.text_ == b.text_ && a.bytes_ == b.bytes_ && a.texts_ == b.texts_ &&
               a.byte_sets_ == b.byte_sets_ && a.map_ == b.map_ && a.list_ == b.list_ && a.flag_ == b.flag_;
    }
    friend bool operator!=(const attribute_value& a, const attribute_value& b) { return !(a == b); }

private:
    attribute_value(type t, std::string text) : type_(t), text_(std::move(text)) {}
    static attribute_value make_texts(type t, std::vector<std::string> values) {
        attribute_value v;
        v.type_ = t;
        v.texts_ = std::move(values);
        return v;
    }

    type type_ = type::null;
    std::string text_;
    bytes_type bytes_;
    std::vector<std::string> texts_;
    std::vector<bytes_type> byte_sets_;
    attribute_map map_;
    std::vector<attribute_value> list_;
    bool flag_ = true;
};

/// The wire name of an attribute value's type: "S", "N", "B", ...
constexpr const char* type_name(attribute_value::type t) noexcept {
    switch (t) {
    case attribute_value::type::s: return "S";
    case attribute_value::type::n: return "N";
    case attribute_value::type::b: return "B";
    case attribute_value::type::ss: return "SS";
    case attribute_value::type::ns: return "NS";
    case attribute_value::type::bs: return "BS";
    case attribute_value::type::m: return "M";
    case attribute_value::type::l: return "L";
    case attribute_value::type::null: return "NULL";
    case attribute_value::type::boolean: return "BOOL";
    }
    return "NULL";
}

inline token_value to_wire(const attribute_map& members);

/// An attribute value in the service's JSON shape, {"S": "..."}, with binary values as bytes.
inline token_value to_wire(const attribute_value& v) {
    token_value inner;
    switch (v.kind()) {
    case attribute_value::type::s:
    case attribute_value::type::n: inner = token_value(v.text()); break;
    case attribute_value::type::b: inner = token_value(v.bytes()); break;
    case attribute_value::type::ss:
    case attribute_value::type::ns: {
        token_value::array_type out;
        for (const auto& t : v.texts()) {
            out.emplace_back(t);
        }
        inner = token_value(std::move(out));
        break;
    }
    case attribute_value::type::bs: {
        token_value::array_type out;
        for (const auto& b : v.byte_sets()) {
            out.emplace_back(b);
        }
        inner = token_value(std::move(out));
        break;
    }
    case attribute_value::type::m: inner = to_wire(v.members()); break;
    case attribute_value::type::l: {
        token_value::array_type out;
        for (const auto& e : v.elements()) {
            out.push_back(to_wire(e));
        }
        inner = token_value(std::move(out));
        break;
    }
    case attribute_value::type::null:
    case attribute_value::type::boolean: inner = token_value(v.flag()); break;
    }
    return token_value(token_value::object_type{{type_name(v.kind()), std::move(inner)}});
}

/// A map of attribute values in the service's JSON shape, in its order.
inline token_value to_wire(const attribute_map& members) {
    token_value::object_type out;
    for (const auto& m : members) {
        out.emplace_back(m.first, to_wire(m.second));
    }
    return token_value(std::move(out));
}

inline std::optional<attribute_map> attribute_map_from_wire(const token_value& v);

/// Reads an attribute value from the service's JSON shape; empty when it is not one.
inline std::optional<attribute_value> attribute_value_from_wire(const token_value& v) {
    if (!v.is_object() || v.as_object().size() != 1) {
        return std::nullopt;
    }
    const std::string& name = v.as_object().front().first;
    const token_value& inner = v.as_object().front().second;
    // A set: an array whose every element is of one kind.
    const auto read_set = [&inner](auto is_kind, auto value_of) {
        using element = std::decay_t<decltype(value_of(inner))>;
        std::optional<std::vector<element>> out;
        if (!inner.is_array()) {
            return out;
        }
        out.emplace();
        for (const auto& e : inner.as_array()) {
            if (!is_kind(e)) {
                out.reset();
                return out;
            }
            out->push_back(value_of(e));
        }
        return out;
    };
    if (name == "S" || name == "N") {
        if (!inner.is_string()) {
            return std::nullopt;
        }
        return name == "S" ? attribute_value::string(inner.as_string()) : attribute_value::number(inner.as_string());
    }
    if (name == "B") {
        if (!inner.is_bytes()) {
            return std::nullopt;
        }
        return attribute_value::binary(inner.as_bytes());
    }
    if (name == "SS" || name == "NS") {
        auto values = read_set([](const token_value& e) { return e.is_string(); },
                               [](const token_value& e) { return e.as_string(); });
        if (!values) {
            return std::nullopt;
        }
        return name == "SS" ? attribute_value::string_set(std::move(*values))
                            : attribute_value::number_set(std::move(*values));
    }
    if (name == "BS") {
        auto values = read_set([](const token_value& e) { return e.is_bytes(); },
                               [](const token_value& e) { return attribute_value::bytes_type(e.as_bytes()); });
        if (!values) {
            return std::nullopt;
        }
        return attribute_value::binary_set(std::move(*values));
    }
    if (name == "M") {
        auto members = attribute_map_from_wire(inner);
        if (!members) {
            return std::nullopt;
        }
        return attribute_value::map(std::move(*members));
    }
    if (name == "L") {
        if (!inner.is_array()) {
            return std::nullopt;
        }
        std::vector<attribute_value> out;
        for (const auto& e : inner.as_array()) {
            auto element = attribute_value_from_wire(e);
            if (!element) {
                return std::nullopt;
            }
            out.push_back(std::move(*element));
        }
        return attribute_value::list(std::move(out));
    }
    if (name == "NULL" || name == "BOOL") {
        if (inner.type() != token_value::kind::boolean) {
            return std::nullopt;
        }
        return name == "NULL" ? attribute_value::null() : attribute_value::boolean(inner.as_bool());
    }
    return std::nullopt;
}

/// Reads a map of attribute values from the service's JSON shape; empty when it is not one.
inline std::optional<attribute_map> attribute_map_from_wire(const token_value& v) {
    if (!v.is_object()) {
        return std::nullopt;
    }
    attribute_map out;
    for (const auto& m : v.as_object()) {
        auto value = attribute_value_from_wire(m.second);
        if (!value) {
            return std::nullopt;
        }
        out.emplace_back(m.first, std::move(*value));
    }
    return out;
}

/// ConsumedCapacity (the members this adapter keeps).
struct consumed_capacity {
    std::optional<std::string> table_name;  ///< TableName
    std::optional<double> capacity_units;   ///< CapacityUnits
};

/// Member-wise equality.
inline bool operator==(const consumed_capacity& a, const consumed_capacity& b) {
    return a.table_name == b.table_name && a.capacity_units == b.capacity_units;
}
/// Member-wise inequality.
inline bool operator!=(const consumed_capacity& a, const consumed_capacity& b) { return !(a == b); }

/// ScanInput.
struct scan_request {
    std::string table_name;                                                  ///< TableName (required)
    std::optional<std::string> index_name;                                   ///< IndexName
    std::optional<std::string> projection_expression;                        ///< ProjectionExpression
    std::optional<std::string> filter_expression;                            ///< FilterExpression
    std::vector<std::pair<std::string, std::string>> expression_attribute_names;  ///< ExpressionAttributeNames
    attribute_map expression_attribute_values;                               ///< ExpressionAttributeValues
    std::optional<std::string> select;                                       ///< Select
    std::optional<bool> consistent_read;                                     ///< ConsistentRead
    std::optional<int> segment;                                              ///< Segment (parallel scan)
    std::optional<int> total_segments;                                       ///< TotalSegments (parallel scan)
    std::optional<std::string> return_consumed_capacity;                     ///< ReturnConsumedCapacity
    std::optional<int> limit;                                                ///< Limit: items evaluated per page
    std::optional<attribute_map> exclusive_start_key;                        ///< ExclusiveStartKey
};

/// QueryInput.
struct query_request {
    std::string table_name;                                                  ///< TableName (required)
    std::optional<std::string> index_name;                                   ///< IndexName
    std::optional<std::string> key_condition_expression;                     ///< KeyConditionExpression (required)
    std::optional<std::string> projection_expression;                        ///< ProjectionExpression
    std::optional<std::string> filter_expression;                            ///< FilterExpression
    std::vector<std::pair<std::string, std::string>> expression_attribute_names;  ///< ExpressionAttributeNames
    attribute_map expression_attribute_values;                               ///< ExpressionAttributeValues
    std::optional<std::string> select;                                       ///< Select
    std::optional<bool> consistent_read;                                     ///< ConsistentRead
    std::optional<bool> scan_index_forward;                                  ///< ScanIndexForward
    std::optional<std::string> return_consumed_capacity;                     ///< ReturnConsumedCapacity
    std::optional<int> limit;                                                ///< Limit: items evaluated per page
    std::optional<attribute_map> exclusive_start_key;                        ///< ExclusiveStartKey
};

/// ScanOutput.
struct scan_result {
    std::vector<attribute_map> items;                      ///< Items
    std::optional<int> count;                              ///< Count
    std::optional<int> scanned_count;                      ///< ScannedCount
    std::optional<attribute_map> last_evaluated_key;       ///< LastEvaluatedKey; absent on the last page
    std::optional<dynamodb::consumed_capacity> consumed_capacity;  ///< ConsumedCapacity
    /// Not a service field: build_full_result() writes the resume token here (the AWS CLI's NextToken).
    std::optional<std::string> next_token;
};

/// QueryOutput.
struct query_result {
    std::vector<attribute_map> items;                      ///< Items
    std::optional<int> count;                              ///< Count
    std::optional<int> scanned_count;                      ///< ScannedCount
    std::optional<attribute_map> last_evaluated_key;       ///< LastEvaluatedKey; absent on the last page
    std::optional<dynamodb::consumed_capacity> consumed_capacity;  ///< ConsumedCapacity
    /// Not a service field: build_full_result() writes the resume token here (the AWS CLI's NextToken).
    std::optional<std::string> next_token;
};

/// The input token of Scan and Query: ExclusiveStartKey, a structured value.
inline constexpr token_field exclusive_start_key_field{"ExclusiveStartKey", token_kind::structured};

namespace detail {

inline std::optional<error> check_common(const std::string& operation, const std::string& table_name,
                                         const std::optional<int>& limit,
                                         const std::optional<attribute_map>& exclusive_start_key) {
    if (table_name.empty()) {
        return error(errc::invalid_request, "invalid " + operation + " request: TableName is required");
    }
    if (limit && *limit < 1) {
        return error(errc::invalid_request,
                     "invalid " + operation + " request: Limit must be at least 1, not " + std::to_string(*limit));
    }
    if (exclusive_start_key && exclusive_start_key->empty()) {
        // write_token leaves an empty key for a token value that is not a map of attribute values.
        return error(errc::invalid_starting_token,
                     "invalid StartingToken: its ExclusiveStartKey is not a map of DynamoDB attribute values "
                     "(or the request's ExclusiveStartKey is empty)");
    }
    return std::nullopt;
}

/// The rule of Scan alone: Segment and TotalSegments go together.
inline std::optional<error> operation_rule(const scan_request& request) {
    if (request.segment.has_value() != request.total_segments.has_value()) {
        return error(errc::invalid_request, "invalid Scan request: Segment and TotalSegments go together");
    }
    return std::nullopt;
}

/// The rule of Query alone: it needs a KeyConditionExpression.
inline std::optional<error> operation_rule(const query_request& request) {
    if (!request.key_condition_expression || request.key_condition_expression->empty()) {
        return error(errc::invalid_request, "invalid Query request: KeyConditionExpression is required");
    }
    return std::nullopt;
}

inline constexpr char scan_name[] = "Scan";
inline constexpr char query_name[] = "Query";

/// ExclusiveStartKey / LastEvaluatedKey, shared by Scan and Query (`Operation`), and their
/// request rules: the common ones, then the operation's own.
template <class Request, class Result, const char* Operation>
struct key_tokens : token_policy_base<key_tokens<Request, Result, Operation>> {
    using request_type = Request;
    using page_type = Result;
    static constexpr std::array<token_field, 1> input_tokens{{exclusive_start_key_field}};

    static token_value read_token(const Result& page, std::size_t) {
        return page.last_evaluated_key ? to_wire(*page.last_evaluated_key) : token_value();
    }
    static void write_token(Request& request, std::size_t, const token_value& value) {
        if (value.is_null()) {
            request.exclusive_start_key.reset();
        } else if (std::optional<attribute_map> key = attribute_map_from_wire(value)) {
            request.exclusive_start_key = std::move(*key);
        } else {
            // Not a key (a starting token can hold any JSON): left empty, for validate_request to refuse.
            request.exclusive_start_key.emplace();
        }
    }
    static std::optional<error> validate_request(const Request& request) {
        if (auto rejected = check_common(Operation, request.table_name, request.limit, request.exclusive_start_key)) {
            return rejected;
        }
        return operation_rule(request);
    }
    /// build_full_result() writes the resume token into next_token and drops the first page's
    /// LastEvaluatedKey, which is not where the full result ends.
    static void set_resume_token(Result& page, const std::optional<std::string>& token) {
        page.next_token = token;
        page.last_evaluated_key.reset();
    }
};

inline void add_count(std::optional<int>& into, const std::optional<int>& from) {
    if (from) {
        into = into.value_or(0) + *from;
    }
}

/// Items, Count, ScannedCount and Limit, shared by Scan and Query.
template <class Request, class Result>
struct items_limit : member_limit_policy<&Result::items, &Request::limit> {
    /// The counts describe the whole page the service returned, of which a resumed run hands out
    /// only the rest: as boto3 does, they are 0 on that page.
    static void clear_secondary_results(Result& page) {
        if (page.count) {
            page.count = 0;
        }
        if (page.scanned_count) {
            page.scanned_count = 0;
        }
    }
    static void append_page(Result& into, Result&& from) {
        pagination::detail::append_moved(into.items, from.items);
        add_count(into.count, from.count);
        add_count(into.scanned_count, from.scanned_count);
    }
};

} // namespace detail

// ---------------------------------------------------------------------------------------------
// Scan
// ---------------------------------------------------------------------------------------------

/// Tokens of Scan: ExclusiveStartKey / LastEvaluatedKey.
struct scan_tokens : detail::key_tokens<scan_request, scan_result, detail::scan_name> {};

/// Limit and result lists of Scan.
using scan_limit = detail::items_limit<scan_request, scan_result>;

/// The paginator of Scan over a fetcher.
template <class Fetcher>
using scan_paginator = paginator<Fetcher, scan_tokens, scan_limit>;

/// Paginates Scan: `fetcher` takes a `const scan_request&` and returns a scan_result, an
/// expected-like value of it, or an AWS SDK Outcome, or throws.
inline constexpr operation<scan_tokens, scan_limit> scan{};

// ---------------------------------------------------------------------------------------------
// Query
// ---------------------------------------------------------------------------------------------

/// Tokens of Query: ExclusiveStartKey / LastEvaluatedKey.
struct query_tokens : detail::key_tokens<query_request, query_result, detail::query_name> {};

/// Limit and result lists of Query.
using query_limit = detail::items_limit<query_request, query_result>;

/// The paginator of Query over a fetcher.
template <class Fetcher>
using query_paginator = paginator<Fetcher, query_tokens, query_limit>;

/// Paginates Query; `fetcher` as for scan().
inline constexpr operation<query_tokens, query_limit> query{};

} // namespace dynamodb
} // namespace aws
} // namespace pagination

#endif // PAGINATION_AWS_DYNAMODB_HPP
