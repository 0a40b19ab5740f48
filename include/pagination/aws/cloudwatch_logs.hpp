#ifndef PAGINATION_AWS_CLOUDWATCH_LOGS_HPP
#define PAGINATION_AWS_CLOUDWATCH_LOGS_HPP

// Amazon CloudWatch Logs GetLogEvents and FilterLogEvents: request and result types, and the
// policies that teach the core these two APIs. Not part of <pagination/pagination.hpp>: include
// this header where you read logs.
//
//   GetLogEvents:    nextToken in, nextForwardToken out; limit. At the end of the stream the
//                    service answers with the token it was sent, so the same token twice is the
//                    end of the data, not an error: the run stops there (repeated_token_action::
//                    stop), and its resume token reads the events written after it, later.
//   FilterLogEvents: nextToken in and out; limit; searchedLogStreams is a secondary result list.
//
// docs/adapters.md has the details.

#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/operation.hpp>
#include <pagination/paginator.hpp>
#include <pagination/policies.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/token_value.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pagination {
namespace aws {
namespace cloudwatch_logs {

/// The largest `limit` the service accepts, for both operations.
inline constexpr std::size_t max_events_limit = 10000;

/// OutputLogEvent: one event of GetLogEvents.
struct output_log_event {
    std::optional<std::int64_t> timestamp;       ///< timestamp (milliseconds since the epoch)
    std::optional<std::string> message;          ///< message
    std::optional<std::int64_t> ingestion_time;  ///< ingestionTime
};

/// Member-wise equality.
inline bool operator==(const output_log_event& a, const output_log_event& b) {
    return a.timestamp == b.timestamp && a.message == b.message && a.ingestion_time == b.ingestion_time;
}
/// Member-wise inequality.
inline bool operator!=(const output_log_event& a, const output_log_event& b) { return !(a == b); }

/// FilteredLogEvent: one event of FilterLogEvents.
struct filtered_log_event {
    std::optional<std::string> log_stream_name;  ///< logStreamName
    std::optional<std::int64_t> timestamp;       ///< timestamp
    std::optional<std::string> message;          ///< message
    std::optional<std::int64_t> ingestion_time;  ///< ingestionTime
    std::optional<std::string> event_id;         ///< eventId
};

/// Member-wise equality.
inline bool operator==(const filtered_log_event& a, const filtered_log_event& b) {
    return a.log_stream_name == b.log_stream_name && a.timestamp == b.timestamp && a.message == b.message &&
           a.ingestion_time == b.ingestion_time && a.event_id == b.event_id;
}
/// Member-wise inequality.
inline bool operator!=(const filtered_log_event& a, const filtered_log_event& b) { return !(a == b); }

/// SearchedLogStream: a stream FilterLogEvents searched (a deprecated, secondary result list).
struct searched_log_stream {
    std::optional<std::string> log_stream_name;  ///< logStreamName
    std::optional<bool> searched_completely;     ///< searchedCompletely
};

/// Member-wise equality.
inline bool operator==(const searched_log_stream& a, const searched_log_stream& b) {
    return a.log_stream_name == b.log_stream_name && a.searched_completely == b.searched_completely;
}
/// Member-wise inequality.
inline bool operator!=(const searched_log_stream& a, const searched_log_stream& b) { return !(a == b); }

/// GetLogEventsRequest. To read a stream from its beginning, set start_from_head: without it the
/// first page holds the latest events.
struct get_log_events_request {
    std::optional<std::string> log_group_name;        ///< logGroupName
    std::optional<std::string> log_group_identifier;  ///< logGroupIdentifier (name or ARN; instead of logGroupName)
    std::string log_stream_name;                      ///< logStreamName (required)
    std::optional<std::int64_t> start_time;           ///< startTime
    std::optional<std::int64_t> end_time;             ///< endTime
    std::optional<bool> start_from_head;              ///< startFromHead
    std::optional<bool> unmask;                       ///< unmask
    std::optional<int> limit;                         ///< limit: the page size, 1 to 10,000
    std::optional<std::string> next_token;            ///< nextToken
};

/// GetLogEventsResponse.
struct get_log_events_result {
    std::vector<output_log_event> events;             ///< events
    std::optional<std::string> next_forward_token;    ///< nextForwardToken
    std::optional<std::string> next_backward_token;   ///< nextBackwardToken
    /// Not a service field: build_full_result() writes the resume token here (the AWS CLI's NextToken).
    std::optional<std::string> next_token;
};

/// FilterLogEventsRequest.
struct filter_log_events_request {
    std::optional<std::string> log_group_name;        ///< logGroupName
    std::optional<std::string> log_group_identifier;  ///< logGroupIdentifier (instead of logGroupName)
    std::vector<std::string> log_stream_names;        ///< logStreamNames
    std::optional<std::string> log_stream_name_prefix;  ///< logStreamNamePrefix
    std::optional<std::int64_t> start_time;           ///< startTime
    std::optional<std::int64_t> end_time;             ///< endTime
    std::optional<std::string> filter_pattern;        ///< filterPattern
    std::optional<bool> interleaved;                  ///< interleaved (deprecated)
    std::optional<bool> unmask;                       ///< unmask
    std::optional<int> limit;                         ///< limit: the page size, 1 to 10,000
    std::optional<std::string> next_token;            ///< nextToken
};

/// FilterLogEventsResponse.
struct filter_log_events_result {
    std::vector<filtered_log_event> events;                 ///< events
    std::vector<searched_log_stream> searched_log_streams;  ///< searchedLogStreams
    std::optional<std::string> next_token;                  ///< nextToken (also where build_full_result() writes the resume token)
};

/// The input token of both operations, nextToken.
inline constexpr token_field next_token_field{"nextToken"};

namespace detail {

inline std::optional<error> check_group_and_limit(const char* operation, const std::optional<std::string>& name,
                                                  const std::optional<std::string>& identifier,
                                                  const std::optional<int>& limit) {
    const bool has_name = name && !name->empty();
    const bool has_identifier = identifier && !identifier->empty();
    if (has_name == has_identifier) {
        return error(errc::invalid_request, std::string("invalid ") + operation +
                                                " request: give exactly one of logGroupName and logGroupIdentifier");
    }
    if (limit && (*limit < 1 || static_cast<std::size_t>(*limit) > max_events_limit)) {
        return error(errc::invalid_request, std::string("invalid ") + operation +
                                                " request: limit must be from 1 to 10000, not " +
                                                std::to_string(*limit));
    }
    return std::nullopt;
}

} // namespace detail

// ---------------------------------------------------------------------------------------------
// GetLogEvents
// ---------------------------------------------------------------------------------------------

/// Tokens of GetLogEvents: nextToken / nextForwardToken; the same token twice is the end of the
/// stream (a run stops there quietly; paginator_options::on_repeated_token overrides this).
struct get_log_events_tokens
    : member_token_policy<&get_log_events_request::next_token, &get_log_events_result::next_forward_token,
                          next_token_field> {
    static constexpr repeated_token_action on_repeated_token = repeated_token_action::stop;

    /// build_full_result() writes the resume token into next_token and drops the first page's
    /// nextForwardToken and nextBackwardToken, which are not where the full result ends.
    static void set_resume_token(page_type& page, const std::optional<std::string>& token) {
        page.next_token = token;
        page.next_forward_token.reset();
        page.next_backward_token.reset();
    }
    static std::optional<error> validate_request(const request_type& request) {
        if (auto rejected = detail::check_group_and_limit("GetLogEvents", request.log_group_name,
                                                          request.log_group_identifier, request.limit)) {
            return rejected;
        }
        if (request.log_stream_name.empty()) {
            return error(errc::invalid_request, "invalid GetLogEvents request: logStreamName is required");
        }
        return std::nullopt;
    }
};

/// limit and the result list of GetLogEvents.
struct get_log_events_limit : member_limit_policy<&get_log_events_result::events, &get_log_events_request::limit> {
    static constexpr std::size_t max_page_size = max_events_limit;
};

/// The paginator of GetLogEvents over a fetcher.
template <class Fetcher>
using get_log_events_paginator = paginator<Fetcher, get_log_events_tokens, get_log_events_limit>;

/// Paginates GetLogEvents: `fetcher` takes a `const get_log_events_request&` and returns a
/// get_log_events_result, an expected-like value of it, or an AWS SDK Outcome, or throws. The
/// run ends at the end of the stream; its resume_token() continues from there in a later run.
inline constexpr operation<get_log_events_tokens, get_log_events_limit> get_log_events{};

// ---------------------------------------------------------------------------------------------
// FilterLogEvents
// ---------------------------------------------------------------------------------------------

/// Tokens of FilterLogEvents: nextToken / nextToken.
struct filter_log_events_tokens
    : member_token_policy<&filter_log_events_request::next_token, &filter_log_events_result::next_token,
                          next_token_field> {
    static std::optional<error> validate_request(const request_type& request) {
        if (auto rejected = detail::check_group_and_limit("FilterLogEvents", request.log_group_name,
                                                          request.log_group_identifier, request.limit)) {
            return rejected;
        }
        if (!request.log_stream_names.empty() && request.log_stream_name_prefix) {
            return error(errc::invalid_request,
                         "invalid FilterLogEvents request: logStreamNames and logStreamNamePrefix exclude each other");
        }
        return std::nullopt;
    }
};

/// limit and the result lists of FilterLogEvents.
struct filter_log_events_limit
    : member_limit_policy<&filter_log_events_result::events, &filter_log_events_request::limit,
                          &filter_log_events_result::searched_log_streams> {
    static constexpr std::size_t max_page_size = max_events_limit;
};

/// The paginator of FilterLogEvents over a fetcher.
template <class Fetcher>
using filter_log_events_paginator = paginator<Fetcher, filter_log_events_tokens, filter_log_events_limit>;

/// Paginates FilterLogEvents; `fetcher` as for get_log_events().
inline constexpr operation<filter_log_events_tokens, filter_log_events_limit> filter_log_events{};

} // namespace cloudwatch_logs
} // namespace aws
} // namespace pagination

#endif // PAGINATION_AWS_CLOUDWATCH_LOGS_HPP
