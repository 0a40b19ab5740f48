// The CloudWatch Logs adapter (pagination/aws/cloudwatch_logs.hpp). GetLogEvents over an
// in-memory log stream that answers as the service does: from the head, a page of events and a
// nextForwardToken after them; at the end of the stream, no events and the token it was sent.
// The run stops there quietly, and its resume token reads what is written later (tailing).
// FilterLogEvents over a service with a secondary result list, searchedLogStreams.

#include <pagination/aws/cloudwatch_logs.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace logs = pagination::aws::cloudwatch_logs;

namespace {

std::string forward(std::size_t position) {
    char text[64];
    std::snprintf(text, sizeof text, "f/%056zu", position);
    return text;
}

struct stream {
    std::vector<logs::output_log_event> events;
    std::vector<logs::get_log_events_request> requests;

    void write(std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) {
            const auto t = static_cast<std::int64_t>(1700000000000 + events.size());
            events.push_back({t, "event " + std::to_string(events.size()), t + 5});
        }
    }

    logs::get_log_events_result get(const logs::get_log_events_request& r) {
        requests.push_back(r);
        REQUIRE(r.start_from_head == true);
        std::size_t position = 0;
        if (r.next_token) {
            REQUIRE(r.next_token->size() == 58);
            position = static_cast<std::size_t>(std::stoull(r.next_token->substr(2)));
        }
        const std::size_t limit = static_cast<std::size_t>(r.limit.value_or(5));
        logs::get_log_events_result out;
        for (std::size_t i = position; i < events.size() && i < position + limit; ++i) {
            out.events.push_back(events[i]);
        }
        out.next_forward_token = forward(position + out.events.size());
        out.next_backward_token = "b/" + forward(position).substr(2);
        return out;
    }
};

logs::get_log_events_request request() {
    logs::get_log_events_request r;
    r.log_group_name = "/aws/lambda/checkout";
    r.log_stream_name = "2024/05/01/[$LATEST]0123456789abcdef";
    r.start_from_head = true;
    return r;
}

std::vector<std::string> messages(const std::vector<logs::output_log_event>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) {
        out.push_back(e.message.value_or(""));
    }
    return out;
}

} // namespace

TEST_CASE("GetLogEvents: the run reads to the end of the stream and stops there without an error") {
    stream s;
    s.write(12);
    const auto fetch = [&s](const logs::get_log_events_request& r) { return s.get(r); };
    auto run = logs::get_log_events(fetch, request());
    std::vector<std::string> seen;
    for (const auto& e : run.items()) {
        seen.push_back(*e.message);
    }
    CHECK(seen == messages(s.events));
    CHECK(run.error() == nullptr);
    // Pages of 5, 5, 2, then the empty page at the end that repeats its token.
    CHECK(s.requests.size() == 4);
    CHECK(s.requests[3].next_token == forward(12));
    REQUIRE(run.resume_token());

    // Tailing: what is written later is read by a run from the resume token, and nothing else.
    s.write(3);
    auto tail = logs::get_log_events(fetch, request(), {std::nullopt, std::nullopt, run.resume_token()});
    CHECK(messages(tail.build_full_result().events) == std::vector<std::string>{"event 12", "event 13", "event 14"});
    auto quiet = logs::get_log_events(fetch, request(), {std::nullopt, std::nullopt, tail.resume_token()});
    CHECK(quiet.build_full_result().events.empty());
    CHECK(quiet.resume_token() == tail.resume_token());
}

TEST_CASE("GetLogEvents: the end-of-stream token is boto3's") {
    stream s;
    s.write(5);
    const auto fetch = [&s](const logs::get_log_events_request& r) { return s.get(r); };
    auto run = logs::get_log_events(fetch, request());
    CHECK(run.build_full_result().events.size() == 5);
    // Made by botocore's TokenEncoder: {"nextToken": "f/000...005"}.
    CHECK(run.resume_token() ==
          "eyJuZXh0VG9rZW4iOiAiZi8wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNSJ9");
}

TEST_CASE("GetLogEvents: MaxItems chains read the stream once; the error policy restores boto3's error") {
    stream s;
    s.write(23);
    const auto fetch = [&s](const logs::get_log_events_request& r) { return s.get(r); };
    for (std::size_t page_size : {1u, 4u, 5u, 50u}) {
        for (std::size_t max_items : {1u, 3u, 5u, 30u}) {
            std::vector<std::string> seen;
            std::optional<std::string> token;
            for (int runs = 0; runs < 100; ++runs) {
                auto run = logs::get_log_events(fetch, request(), {max_items, page_size, token});
                for (const auto& e : run.items()) {
                    seen.push_back(*e.message);
                }
                if (!run.resume_token() || run.resume_token() == token) {
                    break;  // the end of the stream: the same token again
                }
                token = run.resume_token();
            }
            INFO("page size " << page_size << ", max items " << max_items);
            CHECK(seen == messages(s.events));
        }
    }

    pagination::paginator_options strict;
    strict.on_repeated_token = pagination::repeated_token_action::error;
    auto run = logs::get_log_events(fetch, request(), {}, strict);
    std::size_t count = 0;
    CHECK_THROWS_AS(
        [&] {
            for (const auto& e : run.items()) {
                (void)e;
                ++count;
            }
        }(),
        pagination::repeated_token_error);
    CHECK(count == 23);
}

TEST_CASE("GetLogEvents: the service's rules are checked before anything is sent") {
    stream s;
    const auto fetch = [&s](const logs::get_log_events_request& r) { return s.get(r); };
    auto no_stream = request();
    no_stream.log_stream_name.clear();
    CHECK_THROWS_AS(logs::get_log_events(fetch, no_stream).pages().begin(), pagination::invalid_request_error);
    auto both = request();
    both.log_group_identifier = "arn:aws:logs:us-east-1:123456789012:log-group:checkout";
    CHECK_THROWS_AS(logs::get_log_events(fetch, both).pages().begin(), pagination::invalid_request_error);
    CHECK_THROWS_AS(logs::get_log_events(fetch, request(), {std::nullopt, 10001, std::nullopt}).pages().begin(),
                    pagination::invalid_request_error);
    CHECK(s.requests.empty());
}

TEST_CASE("FilterLogEvents: searchedLogStreams is dropped on a resumed run's first page") {
    std::vector<logs::filter_log_events_request> requests;
    // Three pages of three events; each page names the streams it searched.
    const auto fetch = [&requests](const logs::filter_log_events_request& r) {
        requests.push_back(r);
        const int page = r.next_token ? std::stoi(r.next_token->substr(5)) : 0;
        logs::filter_log_events_result out;
        for (int i = 0; i < 3; ++i) {
            out.events.push_back({"web-" + std::to_string(i % 2), 1700000000000 + 3 * page + i,
                                  "event " + std::to_string(3 * page + i), {}, "id-" + std::to_string(3 * page + i)});
        }
        out.searched_log_streams.push_back({"web-" + std::to_string(page), true});
        if (page < 2) {
            out.next_token = "page-" + std::to_string(page + 1);
        }
        return out;
    };
    logs::filter_log_events_request r;
    r.log_group_name = "app-logs";
    r.filter_pattern = "ERROR";
    auto first = logs::filter_log_events(fetch, r, {4, std::nullopt, std::nullopt}).build_full_result();
    CHECK(first.events.size() == 4);
    CHECK(first.searched_log_streams.size() == 2);
    REQUIRE(first.next_token);
    auto rest = logs::filter_log_events(fetch, r, {std::nullopt, std::nullopt, first.next_token});
    std::vector<std::size_t> streams_per_page;
    std::vector<std::string> seen;
    for (const auto& page : rest.pages()) {
        streams_per_page.push_back(page.searched_log_streams.size());
        for (const auto& e : page.events) {
            seen.push_back(*e.message);
        }
    }
    CHECK(streams_per_page == std::vector<std::size_t>{0, 1});
    CHECK(seen == std::vector<std::string>{"event 4", "event 5", "event 6", "event 7", "event 8"});
    for (const auto& sent : requests) {
        CHECK(sent.filter_pattern == "ERROR");
    }

    logs::filter_log_events_request both = r;
    both.log_stream_names = {"web-0"};
    both.log_stream_name_prefix = "web";
    CHECK_THROWS_AS(logs::filter_log_events(fetch, both).pages().begin(), pagination::invalid_request_error);
    CHECK_THROWS_AS(logs::filter_log_events(fetch, logs::filter_log_events_request{}).pages().begin(),
                    pagination::invalid_request_error);
}
