// The S3 adapter (pagination/aws/s3.hpp) over an in-memory bucket that answers ListObjectsV2 and
// ListObjects as the service documents them: keys in order, a Prefix, a Delimiter that rolls keys
// up into CommonPrefixes, MaxKeys counting both, IsTruncated, an opaque NextContinuationToken,
// and a NextMarker only when a Delimiter is given.

#include <pagination/aws/s3.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace s3 = pagination::aws::s3;

namespace {

class bucket {
public:
    explicit bucket(std::vector<std::string> keys) : keys_(std::move(keys)) { std::sort(keys_.begin(), keys_.end()); }

    s3::list_objects_v2_result list_objects_v2(const s3::list_objects_v2_request& r) {
        v2_requests.push_back(r);
        std::string after = r.start_after.value_or("");
        if (r.continuation_token) {
            REQUIRE(r.continuation_token->rfind("ct:", 0) == 0);
            after = r.continuation_token->substr(3);
        }
        s3::list_objects_v2_result out;
        const listing l = list(r.prefix.value_or(""), r.delimiter, after, r.max_keys.value_or(1000));
        out.contents = l.contents;
        out.common_prefixes = l.prefixes;
        out.is_truncated = l.truncated;
        out.name = "examplebucket";
        out.prefix = r.prefix.value_or("");
        out.max_keys = r.max_keys.value_or(1000);
        out.key_count = static_cast<int>(l.contents.size() + l.prefixes.size());
        out.continuation_token = r.continuation_token;
        if (l.truncated) {
            out.next_continuation_token = "ct:" + l.last;
        }
        return out;
    }

    s3::list_objects_result list_objects(const s3::list_objects_request& r) {
        v1_requests.push_back(r);
        s3::list_objects_result out;
        const listing l = list(r.prefix.value_or(""), r.delimiter, r.marker.value_or(""), r.max_keys.value_or(1000));
        out.contents = l.contents;
        out.common_prefixes = l.prefixes;
        out.is_truncated = l.truncated;
        out.marker = r.marker.value_or("");
        if (l.truncated && r.delimiter) {
            out.next_marker = l.last;
        }
        return out;
    }

    std::vector<std::string> keys_under(const std::string& prefix) const {
        std::vector<std::string> out;
        for (const auto& k : keys_) {
            if (k.rfind(prefix, 0) == 0) {
                out.push_back(k);
            }
        }
        return out;
    }

    std::vector<s3::list_objects_v2_request> v2_requests;
    std::vector<s3::list_objects_request> v1_requests;

private:
    struct listing {
        std::vector<s3::object> contents;
        std::vector<s3::common_prefix> prefixes;
        bool truncated = false;
        std::string last;  // the last key or prefix listed
    };

    // Keys (and rolled-up prefixes) after `after`, at most `max` entries.
    listing list(const std::string& prefix, const std::optional<std::string>& delimiter, const std::string& after,
                 int max) const {
        listing out;
        std::size_t entries = 0;
        // A marker that is a rolled-up prefix skips every key under it, as the service does.
        const bool after_prefix = delimiter && !after.empty() && after.size() >= delimiter->size() &&
                                  after.compare(after.size() - delimiter->size(), delimiter->size(), *delimiter) == 0;
        for (const auto& key : keys_) {
            if (key.rfind(prefix, 0) != 0 || key <= after || (after_prefix && key.rfind(after, 0) == 0)) {
                continue;
            }
            std::string entry = key;
            bool rolled_up = false;
            if (delimiter) {
                const std::size_t at = key.find(*delimiter, prefix.size());
                if (at != std::string::npos) {
                    entry = key.substr(0, at + delimiter->size());
                    rolled_up = true;
                    if (entry <= after || (!out.prefixes.empty() && out.prefixes.back().prefix == entry)) {
                        continue;
                    }
                }
            }
            if (entries == static_cast<std::size_t>(max)) {
                out.truncated = true;
                return out;
            }
            ++entries;
            out.last = entry;
            if (rolled_up) {
                out.prefixes.push_back({entry});
            } else {
                out.contents.push_back({key, "2024-05-01T12:00:00.000Z", "\"etag\"", static_cast<std::int64_t>(key.size()),
                                        "STANDARD"});
            }
        }
        return out;
    }

    std::vector<std::string> keys_;
};

std::vector<std::string> sample_keys() {
    std::vector<std::string> keys;
    for (int i = 0; i < 10; ++i) {
        keys.push_back("logs/000" + std::to_string(i));
    }
    for (const char* k : {"img/a.png", "img/b.png", "img/raw/c.dng", "readme.txt", "zz/1", "zz/2"}) {
        keys.emplace_back(k);
    }
    return keys;
}

std::vector<std::string> keys_of(const std::vector<s3::object>& objects) {
    std::vector<std::string> out;
    for (const auto& o : objects) {
        out.push_back(o.key);
    }
    return out;
}

} // namespace

TEST_CASE("ListObjectsV2: chained runs list every key once, for every PageSize and MaxItems") {
    bucket b(sample_keys());
    const auto fetch = [&b](const s3::list_objects_v2_request& r) { return b.list_objects_v2(r); };
    s3::list_objects_v2_request request;
    request.bucket = "examplebucket";
    for (std::size_t page_size : {1u, 3u, 7u, 1000u}) {
        for (std::size_t max_items : {1u, 2u, 5u, 16u, 100u}) {
            std::vector<std::string> keys;
            std::optional<std::string> token;
            int runs = 0;
            do {
                auto run = s3::list_objects_v2(fetch, request, {max_items, page_size, token});
                for (const s3::object& o : run.items()) {
                    keys.push_back(o.key);
                }
                token = run.resume_token();
                ++runs;
            } while (token && runs < 100);
            INFO("page size " << page_size << ", max items " << max_items);
            CHECK(keys == b.keys_under(""));
        }
    }
}

TEST_CASE("ListObjectsV2: the resume token is boto3's, and continues after the last key handed out") {
    bucket b(sample_keys());
    const auto fetch = [&b](const s3::list_objects_v2_request& r) { return b.list_objects_v2(r); };
    s3::list_objects_v2_request request;
    request.bucket = "examplebucket";
    request.prefix = "logs/";
    auto first = s3::list_objects_v2(fetch, request, {5, 3, std::nullopt});
    std::vector<std::string> keys;
    for (const auto& o : first.items()) {
        keys.push_back(o.key);
    }
    CHECK(keys == std::vector<std::string>{"logs/0000", "logs/0001", "logs/0002", "logs/0003", "logs/0004"});
    // Made by botocore's TokenEncoder: {"ContinuationToken": "ct:logs/0002", "boto_truncate_amount": 2}.
    CHECK(first.resume_token() == "eyJDb250aW51YXRpb25Ub2tlbiI6ICJjdDpsb2dzLzAwMDIiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==");
    CHECK(b.v2_requests.size() == 2);
    CHECK(b.v2_requests[0].max_keys == 3);
    CHECK_FALSE(b.v2_requests[0].continuation_token);
    CHECK(b.v2_requests[1].continuation_token == "ct:logs/0002");
    CHECK(b.v2_requests[1].prefix == "logs/");

    auto rest = s3::list_objects_v2(fetch, request, {std::nullopt, 3, first.resume_token()});
    auto full = rest.build_full_result();
    CHECK(keys_of(full.contents) == std::vector<std::string>{"logs/0005", "logs/0006", "logs/0007", "logs/0008", "logs/0009"});
    CHECK_FALSE(full.next_token);
    CHECK_FALSE(full.next_continuation_token);
}

TEST_CASE("ListObjectsV2: CommonPrefixes are a secondary list, dropped on a resumed run's first page") {
    bucket b(sample_keys());
    const auto fetch = [&b](const s3::list_objects_v2_request& r) { return b.list_objects_v2(r); };
    s3::list_objects_v2_request request;
    request.bucket = "examplebucket";
    request.delimiter = "/";
    // Top level: img/, logs/, readme.txt, zz/ -- one object and three prefixes.
    auto whole = s3::list_objects_v2(fetch, request, {});
    auto all = whole.build_full_result();
    CHECK(keys_of(all.contents) == std::vector<std::string>{"readme.txt"});
    CHECK(all.common_prefixes.size() == 3);

    request.prefix = "img/";
    request.delimiter = "/";
    auto page = s3::list_objects_v2(fetch, request, {1, std::nullopt, std::nullopt}).build_full_result();
    CHECK(keys_of(page.contents) == std::vector<std::string>{"img/a.png"});
    CHECK(page.common_prefixes.size() == 1);  // img/raw/, on the same page
    REQUIRE(page.next_token);
    auto resumed = s3::list_objects_v2(fetch, request, {std::nullopt, std::nullopt, page.next_token}).build_full_result();
    CHECK(keys_of(resumed.contents) == std::vector<std::string>{"img/b.png"});
    CHECK(resumed.common_prefixes.empty());  // boto3 drops them too: they were on the first run's page
}

TEST_CASE("ListObjectsV2: IsTruncated false ends the listing whatever the token says") {
    int calls = 0;
    const auto fetch = [&calls](const s3::list_objects_v2_request&) {
        ++calls;
        s3::list_objects_v2_result page;
        page.contents.push_back({"a", {}, {}, {}, {}});
        page.next_continuation_token = "stale-token";
        page.is_truncated = false;
        return page;
    };
    s3::list_objects_v2_request request;
    request.bucket = "b";
    auto run = s3::list_objects_v2(fetch, request);
    CHECK(run.build_full_result().contents.size() == 1);
    CHECK(calls == 1);
    CHECK_FALSE(run.resume_token());
}

TEST_CASE("ListObjects without a Delimiter continues from the last key of each page") {
    bucket b(sample_keys());
    const auto fetch = [&b](const s3::list_objects_request& r) { return b.list_objects(r); };
    s3::list_objects_request request;
    request.bucket = "examplebucket";
    auto run = s3::list_objects(fetch, request, {std::nullopt, 4, std::nullopt});
    CHECK(keys_of(run.build_full_result().contents) == b.keys_under(""));
    REQUIRE(b.v1_requests.size() == 4);
    CHECK_FALSE(b.v1_requests[0].marker);
    CHECK(b.v1_requests[1].marker == "logs/0000");
    CHECK(b.v1_requests[2].marker == "logs/0004");
    CHECK(b.v1_requests[3].marker == "logs/0008");

    auto cut = s3::list_objects(fetch, request, {6, 4, std::nullopt});
    for (const auto& o : cut.items()) {
        (void)o;
    }
    // Made by botocore's TokenEncoder: {"Marker": "logs/0000", "boto_truncate_amount": 2}.
    CHECK(cut.resume_token() == "eyJNYXJrZXIiOiAibG9ncy8wMDAwIiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMn0=");
}

TEST_CASE("ListObjects with a Delimiter continues from NextMarker, which may be a rolled-up prefix") {
    bucket b(sample_keys());
    const auto fetch = [&b](const s3::list_objects_request& r) { return b.list_objects(r); };
    s3::list_objects_request request;
    request.bucket = "examplebucket";
    request.delimiter = "/";
    auto run = s3::list_objects(fetch, request, {std::nullopt, 1, std::nullopt});
    std::vector<std::string> prefixes;
    std::vector<std::string> keys;
    for (const auto& page : run.pages()) {
        for (const auto& p : page.common_prefixes) {
            prefixes.push_back(p.prefix);
        }
        for (const auto& o : page.contents) {
            keys.push_back(o.key);
        }
    }
    // Every page holds one prefix and no object but readme.txt's: without NextMarker the run
    // would stop at the first page (no last key), or list img/ again.
    CHECK(prefixes == std::vector<std::string>{"img/", "logs/", "zz/"});
    CHECK(keys == std::vector<std::string>{"readme.txt"});
    REQUIRE(b.v1_requests.size() == 4);
    CHECK(b.v1_requests[1].marker == "img/");
    CHECK(b.v1_requests[2].marker == "logs/");
}

TEST_CASE("S3: a request without a Bucket is refused before anything is sent") {
    int calls = 0;
    const auto fetch_v2 = [&calls](const s3::list_objects_v2_request&) {
        ++calls;
        return s3::list_objects_v2_result{};
    };
    auto run = s3::list_objects_v2(fetch_v2, s3::list_objects_v2_request{});
    CHECK_THROWS_AS(run.pages().begin(), pagination::invalid_request_error);
    const auto fetch_v1 = [&calls](const s3::list_objects_request&) {
        ++calls;
        return s3::list_objects_result{};
    };
    auto run_v1 = s3::list_objects(fetch_v1, s3::list_objects_request{});
    CHECK_THROWS_AS(run_v1.pages().begin(), pagination::invalid_request_error);
    CHECK(calls == 0);
}
