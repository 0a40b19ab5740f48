#ifndef PAGINATION_AWS_S3_HPP
#define PAGINATION_AWS_S3_HPP

// Amazon S3 ListObjectsV2 and ListObjects (version 1): request and result types, and the
// policies that teach the core these two APIs. Not part of <pagination/pagination.hpp>: include
// this header where you list buckets.
//
//   ListObjectsV2: ContinuationToken in, NextContinuationToken out; MaxKeys; IsTruncated.
//   ListObjects:   Marker in; out, NextMarker, or when the service leaves it out (it sends it only
//                  with a Delimiter) the Key of the page's last object; MaxKeys; IsTruncated.
//
// The primary result list is Contents (what MaxItems counts); CommonPrefixes is a secondary list,
// emptied on the first page of a run resumed from a token, as boto3 does. docs/adapters.md has
// the details.

#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/operation.hpp>
#include <pagination/paginator.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/token_value.hpp>

#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pagination {
namespace aws {
namespace s3 {

/// Object: one entry of Contents.
struct object {
    std::string key;                           ///< Key
    std::optional<std::string> last_modified;  ///< LastModified, as the service writes it (ISO 8601)
    std::optional<std::string> etag;           ///< ETag (with its quotes)
    std::optional<std::int64_t> size;          ///< Size, in bytes
    std::optional<std::string> storage_class;  ///< StorageClass
};

/// Member-wise equality.
inline bool operator==(const object& a, const object& b) {
    return a.key == b.key && a.last_modified == b.last_modified && a.etag == b.etag && a.size == b.size &&
           a.storage_class == b.storage_class;
}
/// Member-wise inequality.
inline bool operator!=(const object& a, const object& b) { return !(a == b); }

/// CommonPrefix: one entry of CommonPrefixes (keys rolled up by the Delimiter).
struct common_prefix {
    std::string prefix;  ///< Prefix
};

/// Member-wise equality.
inline bool operator==(const common_prefix& a, const common_prefix& b) { return a.prefix == b.prefix; }
/// Member-wise inequality.
inline bool operator!=(const common_prefix& a, const common_prefix& b) { return !(a == b); }

/// ListObjectsV2Request.
struct list_objects_v2_request {
    std::string bucket;                                ///< Bucket (required)
    std::optional<std::string> prefix;                 ///< Prefix
    std::optional<std::string> delimiter;              ///< Delimiter
    std::optional<std::string> encoding_type;          ///< EncodingType ("url")
    std::optional<int> max_keys;                       ///< MaxKeys: the page size (the service caps it at 1000)
    std::optional<std::string> start_after;            ///< StartAfter
    std::optional<bool> fetch_owner;                   ///< FetchOwner
    std::optional<std::string> request_payer;          ///< RequestPayer
    std::optional<std::string> expected_bucket_owner;  ///< ExpectedBucketOwner
    std::optional<std::string> continuation_token;     ///< ContinuationToken
};

/// ListObjectsV2Output.
struct list_objects_v2_result {
    std::vector<object> contents;                        ///< Contents
    std::vector<common_prefix> common_prefixes;          ///< CommonPrefixes
    std::optional<bool> is_truncated;                    ///< IsTruncated: more keys follow
    std::optional<std::string> name;                     ///< Name (the bucket)
    std::optional<std::string> prefix;                   ///< Prefix
    std::optional<std::string> delimiter;                ///< Delimiter
    std::optional<int> max_keys;                         ///< MaxKeys
    std::optional<int> key_count;                        ///< KeyCount
    std::optional<std::string> encoding_type;            ///< EncodingType
    std::optional<std::string> continuation_token;       ///< ContinuationToken (as sent)
    std::optional<std::string> next_continuation_token;  ///< NextContinuationToken
    std::optional<std::string> start_after;              ///< StartAfter (as sent)
    /// Not a service field: build_full_result() writes the resume token here (the AWS CLI's NextToken).
    std::optional<std::string> next_token;
};

/// ListObjectsRequest (version 1).
struct list_objects_request {
    std::string bucket;                                ///< Bucket (required)
    std::optional<std::string> prefix;                 ///< Prefix
    std::optional<std::string> delimiter;              ///< Delimiter
    std::optional<std::string> encoding_type;          ///< EncodingType ("url")
    std::optional<int> max_keys;                       ///< MaxKeys: the page size
    std::optional<std::string> request_payer;          ///< RequestPayer
    std::optional<std::string> expected_bucket_owner;  ///< ExpectedBucketOwner
    std::optional<std::string> marker;                 ///< Marker: list the keys after this one
};

/// ListObjectsOutput (version 1).
struct list_objects_result {
    std::vector<object> contents;                ///< Contents
    std::vector<common_prefix> common_prefixes;  ///< CommonPrefixes
    std::optional<bool> is_truncated;            ///< IsTruncated: more keys follow
    std::optional<std::string> name;             ///< Name (the bucket)
    std::optional<std::string> prefix;           ///< Prefix
    std::optional<std::string> delimiter;        ///< Delimiter
    std::optional<int> max_keys;                 ///< MaxKeys
    std::optional<std::string> encoding_type;    ///< EncodingType
    std::optional<std::string> marker;           ///< Marker (as sent)
    std::optional<std::string> next_marker;      ///< NextMarker (sent only with a Delimiter)
    /// Not a service field: build_full_result() writes the resume token here (the AWS CLI's NextToken).
    std::optional<std::string> next_token;
};

namespace detail {

inline std::optional<error> check_bucket(const std::string& bucket, const char* operation) {
    if (bucket.empty()) {
        return error(errc::invalid_request, std::string("invalid ") + operation + " request: Bucket is required");
    }
    return std::nullopt;
}

/// The hooks both versions share, added to a TokenPolicy `Base` that reads and writes the token:
/// IsTruncated says whether more keys follow; build_full_result() writes the resume token into
/// next_token and drops the first page's own output token `OutputToken`, which is not where the
/// full result ends; the request needs a bucket.
template <class Base, auto OutputToken, const char* Operation>
struct listing_tokens : Base {
    using page_type = typename Base::page_type;
    using request_type = typename Base::request_type;

    static bool more_results(const page_type& page) { return page.is_truncated.value_or(false); }
    static void set_resume_token(page_type& page, const std::optional<std::string>& token) {
        page.next_token = token;
        (page.*OutputToken).reset();
        page.is_truncated = token.has_value();
    }
    static std::optional<error> validate_request(const request_type& request) {
        return check_bucket(request.bucket, Operation);
    }
};

inline constexpr char list_objects_v2_name[] = "ListObjectsV2";
inline constexpr char list_objects_name[] = "ListObjects";

/// MaxKeys, and Contents and CommonPrefixes, the two result lists of both versions.
template <class Request, class Result>
using listing_limit = member_limit_policy<&Result::contents, &Request::max_keys, &Result::common_prefixes>;

} // namespace detail

// ---------------------------------------------------------------------------------------------
// ListObjectsV2
// ---------------------------------------------------------------------------------------------

/// ListObjectsV2's input token, ContinuationToken.
inline constexpr token_field continuation_token_field{"ContinuationToken"};

/// Tokens of ListObjectsV2: ContinuationToken / NextContinuationToken, while IsTruncated.
struct list_objects_v2_tokens
    : detail::listing_tokens<member_token_policy<&list_objects_v2_request::continuation_token,
                                                 &list_objects_v2_result::next_continuation_token,
                                                 continuation_token_field>,
                             &list_objects_v2_result::next_continuation_token, detail::list_objects_v2_name> {};

/// MaxKeys and the result lists of ListObjectsV2.
using list_objects_v2_limit = detail::listing_limit<list_objects_v2_request, list_objects_v2_result>;

/// The paginator of ListObjectsV2 over a fetcher.
template <class Fetcher>
using list_objects_v2_paginator = paginator<Fetcher, list_objects_v2_tokens, list_objects_v2_limit>;

/// Paginates ListObjectsV2: `fetcher` takes a `const list_objects_v2_request&` and returns a
/// list_objects_v2_result, an expected-like value of it, or an AWS SDK Outcome, or throws.
inline constexpr operation<list_objects_v2_tokens, list_objects_v2_limit> list_objects_v2{};

// ---------------------------------------------------------------------------------------------
// ListObjects (version 1)
// ---------------------------------------------------------------------------------------------

/// ListObjects' input token, Marker.
inline constexpr token_field marker_field{"Marker"};

namespace detail {

/// Marker in; NextMarker, or else the last Key of the page, out.
struct marker_tokens : token_policy_base<marker_tokens> {
    using request_type = list_objects_request;
    using page_type = list_objects_result;
    static constexpr std::array<token_field, 1> input_tokens{{marker_field}};

    static token_value read_token(const page_type& page, std::size_t) {
        if (page.next_marker && !page.next_marker->empty()) {
            return token_value(*page.next_marker);
        }
        if (!page.contents.empty()) {
            return token_value(page.contents.back().key);
        }
        return token_value();
    }
    static void write_token(request_type& request, std::size_t, const token_value& value) {
        assign_token(request.marker, value);
    }
};

} // namespace detail

/// Tokens of ListObjects: Marker in; NextMarker, or else the last Key of the page, out; while
/// IsTruncated. The page is the one the run hands out: on the first page of a resumed run, after
/// the starting token's truncate amount is dropped (as boto3 reads it too).
struct list_objects_tokens
    : detail::listing_tokens<detail::marker_tokens, &list_objects_result::next_marker, detail::list_objects_name> {};

/// MaxKeys and the result lists of ListObjects.
using list_objects_limit = detail::listing_limit<list_objects_request, list_objects_result>;

/// The paginator of ListObjects over a fetcher.
template <class Fetcher>
using list_objects_paginator = paginator<Fetcher, list_objects_tokens, list_objects_limit>;

/// Paginates ListObjects (version 1); `fetcher` as for list_objects_v2().
inline constexpr operation<list_objects_tokens, list_objects_limit> list_objects{};

} // namespace s3
} // namespace aws
} // namespace pagination

#endif // PAGINATION_AWS_S3_HPP
