#ifndef PAGINATION_AWS_ROUTE53_HPP
#define PAGINATION_AWS_ROUTE53_HPP

// Amazon Route 53 ListResourceRecordSets: request and result types, and the policies that teach
// the core this API. Not part of <pagination/pagination.hpp>: include this header where you list
// record sets.
//
// The position is three tokens, written in this order in a resume token:
//   StartRecordName       <- NextRecordName
//   StartRecordType       <- NextRecordType
//   StartRecordIdentifier <- NextRecordIdentifier (only for weighted, latency, geolocation, ...
//                            record sets; otherwise null, and the request leaves it out)
// The limit field, MaxItems, is a string: a page size of 50 is sent as "50". IsTruncated is the
// more-results flag. docs/adapters.md has the details.

#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/operation.hpp>
#include <pagination/paginator.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/token_value.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pagination {
namespace aws {
namespace route53 {

/// ResourceRecordSet (the members this adapter keeps). Values of ResourceRecords are the record
/// data as text ("192.0.2.1", "10 mail.example.com.").
struct resource_record_set {
    std::string name;                            ///< Name (required)
    std::string type;                            ///< Type: A, AAAA, CNAME, MX, ... (required)
    std::optional<std::string> set_identifier;   ///< SetIdentifier
    std::optional<std::int64_t> weight;          ///< Weight
    std::optional<std::string> region;           ///< Region
    std::optional<std::string> failover;         ///< Failover
    std::optional<std::int64_t> ttl;             ///< TTL
    std::vector<std::string> resource_records;   ///< ResourceRecords[].Value
    std::optional<std::string> health_check_id;  ///< HealthCheckId
};

/// Member-wise equality.
inline bool operator==(const resource_record_set& a, const resource_record_set& b) {
    return a.name == b.name && a.type == b.type && a.set_identifier == b.set_identifier && a.weight == b.weight &&
           a.region == b.region && a.failover == b.failover && a.ttl == b.ttl &&
           a.resource_records == b.resource_records && a.health_check_id == b.health_check_id;
}
/// Member-wise inequality.
inline bool operator!=(const resource_record_set& a, const resource_record_set& b) { return !(a == b); }

/// ListResourceRecordSetsRequest.
struct list_resource_record_sets_request {
    std::string hosted_zone_id;                        ///< HostedZoneId (required)
    std::optional<std::string> start_record_name;      ///< StartRecordName
    std::optional<std::string> start_record_type;      ///< StartRecordType (needs StartRecordName)
    std::optional<std::string> start_record_identifier;  ///< StartRecordIdentifier
    std::optional<std::string> max_items;              ///< MaxItems: the page size, as decimal text
};

/// ListResourceRecordSetsResponse.
struct list_resource_record_sets_result {
    std::vector<resource_record_set> resource_record_sets;  ///< ResourceRecordSets
    bool is_truncated = false;                              ///< IsTruncated
    std::optional<std::string> next_record_name;            ///< NextRecordName
    std::optional<std::string> next_record_type;            ///< NextRecordType
    std::optional<std::string> next_record_identifier;      ///< NextRecordIdentifier
    std::optional<std::string> max_items;                   ///< MaxItems (as the service applied it)
    /// Not a service field: build_full_result() writes the resume token here (the AWS CLI's NextToken).
    std::optional<std::string> next_token;
};

/// The input tokens of ListResourceRecordSets, in the API's order.
inline constexpr token_field start_record_name_field{"StartRecordName"};
inline constexpr token_field start_record_type_field{"StartRecordType"};
inline constexpr token_field start_record_identifier_field{"StartRecordIdentifier"};

/// Tokens of ListResourceRecordSets: three, paired in order, while IsTruncated.
struct list_resource_record_sets_tokens : token_policy_base<list_resource_record_sets_tokens> {
    using request_type = list_resource_record_sets_request;
    using page_type = list_resource_record_sets_result;
    static constexpr std::array<token_field, 3> input_tokens{
        {start_record_name_field, start_record_type_field, start_record_identifier_field}};

    static token_value read_token(const page_type& page, std::size_t i) {
        switch (i) {
        case 0: return token_value(page.next_record_name);
        case 1: return token_value(page.next_record_type);
        default: return token_value(page.next_record_identifier);
        }
    }
    static void write_token(request_type& request, std::size_t i, const token_value& value) {
        switch (i) {
        case 0: assign_token(request.start_record_name, value); return;
        case 1: assign_token(request.start_record_type, value); return;
        default: assign_token(request.start_record_identifier, value); return;
        }
    }
    static bool more_results(const page_type& page) { return page.is_truncated; }
    /// build_full_result() writes the resume token into next_token and drops the first page's
    /// Next* fields, which are not where the full result ends.
    static void set_resume_token(page_type& page, const std::optional<std::string>& token) {
        page.next_token = token;
        page.next_record_name.reset();
        page.next_record_type.reset();
        page.next_record_identifier.reset();
        page.is_truncated = token.has_value();
    }
    static std::optional<error> validate_request(const request_type& request) {
        if (request.hosted_zone_id.empty()) {
            return error(errc::invalid_request, "invalid ListResourceRecordSets request: HostedZoneId is required");
        }
        if (request.start_record_type && !request.start_record_name) {
            return error(errc::invalid_request,
                         "invalid ListResourceRecordSets request: StartRecordType needs StartRecordName");
        }
        return std::nullopt;
    }
};

/// MaxItems (a string) and the result list of ListResourceRecordSets.
struct list_resource_record_sets_limit
    : member_limit_policy<&list_resource_record_sets_result::resource_record_sets,
                          &list_resource_record_sets_request::max_items> {};

/// The paginator of ListResourceRecordSets over a fetcher.
template <class Fetcher>
using list_resource_record_sets_paginator =
    paginator<Fetcher, list_resource_record_sets_tokens, list_resource_record_sets_limit>;

/// Paginates ListResourceRecordSets: `fetcher` takes a `const list_resource_record_sets_request&`
/// and returns a list_resource_record_sets_result, an expected-like value of it, or an AWS SDK
/// Outcome, or throws.
inline constexpr operation<list_resource_record_sets_tokens, list_resource_record_sets_limit>
    list_resource_record_sets{};

} // namespace route53
} // namespace aws
} // namespace pagination

#endif // PAGINATION_AWS_ROUTE53_HPP
