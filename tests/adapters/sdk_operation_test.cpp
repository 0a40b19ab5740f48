// The generic adapter for AWS SDK for C++ operations (pagination/aws/sdk_operation.hpp), over the
// SDK-shaped clients of support/fake_aws_sdk.hpp: S3 ListObjectsV2 (the newest
// SDK's template setters, a more-results flag, a secondary result list), DynamoDB ListTables (the
// older overloaded setters) and Route 53 ListHostedZones (a string limit). The clients answer from
// small in-memory listings.

#include "support/fake_aws_sdk.hpp"

#include <pagination/aws/s3.hpp>
#include <pagination/aws/sdk_operation.hpp>

#include <catch2/catch.hpp>

#include <climits>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace s3m = fake_aws::S3::Model;
namespace ddbm = fake_aws::DynamoDB::Model;
namespace r53m = fake_aws::Route53::Model;
namespace s3 = pagination::aws::s3;

namespace {

// The descriptions: what a user writes once per operation.
constexpr auto list_objects_v2 =
    pagination::aws::sdk_operation(&fake_aws::S3::S3Client::ListObjectsV2, "ContinuationToken",
                                   &s3m::ListObjectsV2Request::SetContinuationToken,
                                   &s3m::ListObjectsV2Result::GetNextContinuationToken,
                                   &s3m::ListObjectsV2Result::GetContents)
        .limit(&s3m::ListObjectsV2Request::SetMaxKeys)
        .more_results(&s3m::ListObjectsV2Result::GetIsTruncated)
        .secondary_results(&s3m::ListObjectsV2Result::GetCommonPrefixes)
        .resume_token_into(&s3m::ListObjectsV2Result::SetNextContinuationToken);

constexpr auto list_tables =
    pagination::aws::sdk_operation(&fake_aws::DynamoDB::DynamoDBClient::ListTables, "ExclusiveStartTableName",
                                   &ddbm::ListTablesRequest::SetExclusiveStartTableName,
                                   &ddbm::ListTablesResult::GetLastEvaluatedTableName,
                                   &ddbm::ListTablesResult::GetTableNames)
        .limit(&ddbm::ListTablesRequest::SetLimit);

constexpr auto list_hosted_zones =
    pagination::aws::sdk_operation(&fake_aws::Route53::Route53Client::ListHostedZones, "Marker",
                                   &r53m::ListHostedZonesRequest::SetMarker,
                                   &r53m::ListHostedZonesResult::GetNextMarker,
                                   &r53m::ListHostedZonesResult::GetHostedZones)
        .limit(&r53m::ListHostedZonesRequest::SetMaxItems)
        .more_results(&r53m::ListHostedZonesResult::GetIsTruncated);

static_assert(list_objects_v2.token_name == "ContinuationToken");
static_assert(pagination::aws::sdk_limit<list_objects_v2>::max_page_size == static_cast<std::size_t>(INT_MAX));
static_assert(pagination::aws::sdk_limit<list_hosted_zones>::max_page_size == std::numeric_limits<std::size_t>::max());
static_assert(pagination::aws::sdk_tokens<list_tables>::input_tokens[0].name == "ExclusiveStartTableName");

std::string text(const fake_aws::String& s) { return std::string(s.data(), s.size()); }

// One listing of keys, paged by "after this key": the service behind both S3 adapters here.
struct key_listing {
    std::vector<std::string> keys;
    struct page {
        std::vector<std::string> keys;
        bool truncated = false;
    };
    page after(const std::string& start, std::size_t max) const {
        page out;
        for (const auto& k : keys) {
            if (k <= start) {
                continue;
            }
            if (out.keys.size() == max) {
                out.truncated = true;
                break;
            }
            out.keys.push_back(k);
        }
        return out;
    }
};

key_listing sample() {
    key_listing l;
    for (int i = 10; i < 33; ++i) {
        l.keys.push_back("photos/2024/" + std::to_string(i) + ".jpg");
    }
    return l;
}

struct s3_fixture {
    key_listing listing = sample();
    fake_aws::S3::S3Client client;
    std::vector<s3m::ListObjectsV2Request> sent;
    int fail_on_call = 0;  // 1-based; 0: never

    s3_fixture() {
        client.list_objects_v2_handler = [this](const s3m::ListObjectsV2Request& r) -> s3m::ListObjectsV2Outcome {
            sent.push_back(r);
            if (static_cast<int>(sent.size()) == fail_on_call) {
                return fake_aws::Client::AWSError(fake_aws::String("SlowDown"), fake_aws::String("Please reduce your request rate."), true);
            }
            REQUIRE(text(r.GetBucket()) == "examplebucket");
            const std::string start = r.ContinuationTokenHasBeenSet() ? text(r.GetContinuationToken()).substr(3) : "";
            const auto page = listing.after(start, r.MaxKeysHasBeenSet() ? static_cast<std::size_t>(r.GetMaxKeys()) : 1000);
            s3m::ListObjectsV2Result result;
            for (const auto& k : page.keys) {
                s3m::Object o;
                o.SetKey(k.c_str());
                o.SetSize(static_cast<long long>(k.size()));
                result.AddContents(std::move(o));
            }
            s3m::CommonPrefix prefix;
            prefix.SetPrefix("photos/2024/raw/");
            result.AddCommonPrefixes(std::move(prefix));
            result.SetIsTruncated(page.truncated);
            if (page.truncated) {
                result.SetNextContinuationToken(("ct:" + page.keys.back()).c_str());
            }
            return result;
        };
    }

    // The same service for the S3 adapter's own types.
    s3::list_objects_v2_result own(const s3::list_objects_v2_request& r) const {
        const std::string start = r.continuation_token ? r.continuation_token->substr(3) : "";
        const auto page = listing.after(start, static_cast<std::size_t>(r.max_keys.value_or(1000)));
        s3::list_objects_v2_result result;
        for (const auto& k : page.keys) {
            result.contents.push_back({k, {}, {}, static_cast<std::int64_t>(k.size()), {}});
        }
        result.is_truncated = page.truncated;
        if (page.truncated) {
            result.next_continuation_token = "ct:" + page.keys.back();
        }
        return result;
    }
};

s3m::ListObjectsV2Request bucket_request() {
    s3m::ListObjectsV2Request r;
    r.SetBucket("examplebucket");
    r.SetPrefix("photos/");
    return r;
}

} // namespace

TEST_CASE("sdk_operation: ListObjectsV2 over an SDK client makes the S3 adapter's pages and resume tokens") {
    s3_fixture f;
    const auto own_fetch = [&f](const s3::list_objects_v2_request& r) { return f.own(r); };
    s3::list_objects_v2_request own_request;
    own_request.bucket = "examplebucket";
    own_request.prefix = "photos/";
    for (std::size_t page_size : {1u, 4u, 10u, 1000u}) {
        for (std::size_t max_items : {1u, 3u, 10u, 50u}) {
            std::vector<std::string> keys;
            std::optional<std::string> token;
            int runs = 0;
            do {
                auto sdk_run = pagination::aws::paginate<list_objects_v2>(f.client, bucket_request(), {max_items, page_size, token});
                auto own_run = s3::list_objects_v2(own_fetch, own_request, {max_items, page_size, token});
                std::vector<std::string> sdk_keys;
                for (const s3m::Object& o : sdk_run.items()) {
                    sdk_keys.push_back(text(o.GetKey()));
                }
                std::vector<std::string> own_keys;
                for (const s3::object& o : own_run.items()) {
                    own_keys.push_back(o.key);
                }
                INFO("page size " << page_size << ", max items " << max_items << ", run " << runs);
                CHECK(sdk_keys == own_keys);
                CHECK(sdk_run.resume_token() == own_run.resume_token());
                keys.insert(keys.end(), sdk_keys.begin(), sdk_keys.end());
                token = sdk_run.resume_token();
                ++runs;
            } while (token && runs < 100);
            CHECK(keys == f.listing.keys);
        }
    }
}

TEST_CASE("sdk_operation: the caller's request is sent as given, the token set on a copy") {
    s3_fixture f;
    const s3m::ListObjectsV2Request request = bucket_request();
    auto run = pagination::aws::paginate<list_objects_v2>(f.client, request, {std::nullopt, 10, std::nullopt});
    auto full = run.build_full_result();
    CHECK(full.GetContents().size() == 23);
    REQUIRE(f.sent.size() == 3);
    CHECK_FALSE(f.sent[0].ContinuationTokenHasBeenSet());
    CHECK(text(f.sent[1].GetContinuationToken()) == "ct:photos/2024/19.jpg");
    for (const auto& sent : f.sent) {
        CHECK(text(sent.GetPrefix()) == "photos/");
        CHECK(sent.GetMaxKeys() == 10);
    }
    CHECK_FALSE(request.ContinuationTokenHasBeenSet());
    CHECK_FALSE(request.MaxKeysHasBeenSet());
    // build_full_result(): every page's lists, and the resume token (none: the listing ended).
    CHECK(full.GetCommonPrefixes().size() == 3);
    CHECK(full.GetNextContinuationToken().empty());

    auto cut = pagination::aws::paginate<list_objects_v2>(f.client, request, {12, 10, std::nullopt}).build_full_result();
    CHECK(cut.GetContents().size() == 12);
    // Made by botocore's TokenEncoder: {"ContinuationToken": "ct:photos/2024/19.jpg", "boto_truncate_amount": 2}.
    CHECK(text(cut.GetNextContinuationToken()) ==
          "eyJDb250aW51YXRpb25Ub2tlbiI6ICJjdDpwaG90b3MvMjAyNC8xOS5qcGciLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==");
    auto rest = pagination::aws::paginate<list_objects_v2>(f.client, request, {std::nullopt, 10, text(cut.GetNextContinuationToken())});
    auto rest_page = rest.build_full_result();
    CHECK(rest_page.GetContents().size() == 11);
    CHECK(rest_page.GetCommonPrefixes().size() == 1);  // the resumed first page's is dropped, as boto3 does
}

TEST_CASE("sdk_operation: an Outcome's error fails the run with the SDK's error, and the position is kept") {
    s3_fixture f;
    f.fail_on_call = 2;
    auto run = pagination::aws::paginate<list_objects_v2>(f.client, bucket_request(), {std::nullopt, 5, std::nullopt});
    std::vector<std::string> keys;
    try {
        for (const s3m::Object& o : run.items()) {
            keys.push_back(text(o.GetKey()));
        }
        FAIL("the run did not fail");
    } catch (const pagination::fetch_error& e) {
        const auto* sdk_error = e.error().fetcher_error<fake_aws::Client::AWSError>();
        REQUIRE(sdk_error != nullptr);
        CHECK(text(sdk_error->GetExceptionName()) == "SlowDown");
        CHECK(e.error().retryable());
    }
    CHECK(keys.size() == 5);
    f.fail_on_call = 0;
    auto rest = pagination::aws::paginate<list_objects_v2>(f.client, bucket_request(), {std::nullopt, 5, run.resume_token()});
    for (const s3m::Object& o : rest.items()) {
        keys.push_back(text(o.GetKey()));
    }
    CHECK(keys == f.listing.keys);
}

TEST_CASE("sdk_operation: paginate_with takes any callable, such as a client wrapped with a retry") {
    s3_fixture f;
    f.fail_on_call = 2;
    int attempts = 0;
    const auto with_retry = [&f, &attempts](const s3m::ListObjectsV2Request& r) {
        auto outcome = f.client.ListObjectsV2(r);
        for (int retry = 0; !outcome.IsSuccess() && outcome.GetError().ShouldRetry() && retry < 3; ++retry) {
            ++attempts;
            outcome = f.client.ListObjectsV2(r);
        }
        return outcome;
    };
    auto run = pagination::aws::paginate_with<list_objects_v2>(with_retry, bucket_request(), {std::nullopt, 5, std::nullopt});
    std::vector<std::string> keys;
    for (const s3m::Object& o : run.items()) {
        keys.push_back(text(o.GetKey()));
    }
    CHECK(keys == f.listing.keys);
    CHECK(attempts == 1);
}

TEST_CASE("sdk_operation: ListTables, with the older SDK's overloaded setters") {
    fake_aws::DynamoDB::DynamoDBClient client;
    std::vector<std::string> tables;
    for (int i = 0; i < 17; ++i) {
        tables.push_back("table-" + std::to_string(100 + i));
    }
    std::vector<ddbm::ListTablesRequest> sent;
    client.list_tables_handler = [&](const ddbm::ListTablesRequest& r) -> ddbm::ListTablesOutcome {
        sent.push_back(r);
        const std::string start = r.ExclusiveStartTableNameHasBeenSet() ? text(r.GetExclusiveStartTableName()) : "";
        const std::size_t limit = r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : 100;
        ddbm::ListTablesResult result;
        for (const auto& t : tables) {
            if (t > start && result.GetTableNames().size() < limit) {
                result.AddTableNames(fake_aws::String(t.c_str()));
            }
        }
        if (result.GetTableNames().size() == limit && text(result.GetTableNames().back()) != tables.back()) {
            result.SetLastEvaluatedTableName(result.GetTableNames().back());
        }
        return result;
    };
    std::vector<std::string> seen;
    std::optional<std::string> token;
    do {
        auto run = pagination::aws::paginate<list_tables>(client, ddbm::ListTablesRequest(), {7, 3, token});
        for (const fake_aws::String& name : run.items()) {
            seen.push_back(text(name));
        }
        token = run.resume_token();
    } while (token);
    CHECK(seen == tables);
    CHECK(sent[0].GetLimit() == 3);
    CHECK_FALSE(sent[0].ExclusiveStartTableNameHasBeenSet());
    CHECK(text(sent[1].GetExclusiveStartTableName()) == "table-102");
}

TEST_CASE("sdk_operation: ListHostedZones, with a string limit and a more-results flag") {
    fake_aws::Route53::Route53Client client;
    std::vector<r53m::ListHostedZonesRequest> sent;
    client.list_hosted_zones_handler = [&](const r53m::ListHostedZonesRequest& r) -> r53m::ListHostedZonesOutcome {
        sent.push_back(r);
        const std::size_t start = r.MarkerHasBeenSet() ? static_cast<std::size_t>(std::stoul(text(r.GetMarker()).substr(1))) : 0;
        const std::size_t max = r.MaxItemsHasBeenSet() ? static_cast<std::size_t>(std::stoul(text(r.GetMaxItems()))) : 100;
        r53m::ListHostedZonesResult result;
        std::size_t i = start;
        for (; i < 9 && i < start + max; ++i) {
            r53m::HostedZone zone;
            zone.SetId(("/hostedzone/Z" + std::to_string(i)).c_str());
            zone.SetName(("zone" + std::to_string(i) + ".example.com.").c_str());
            result.AddHostedZones(std::move(zone));
        }
        result.SetIsTruncated(i < 9);
        // The marker of the next zone, even on the last page: IsTruncated is what ends the listing.
        result.SetNextMarker(("Z" + std::to_string(i)).c_str());
        result.SetMaxItems(r.GetMaxItems());
        return result;
    };
    auto run = pagination::aws::paginate<list_hosted_zones>(client, r53m::ListHostedZonesRequest(), {std::nullopt, 2, std::nullopt});
    std::vector<std::string> names;
    for (const r53m::HostedZone& zone : run.items()) {
        names.push_back(text(zone.GetName()));
    }
    CHECK(names.size() == 9);
    CHECK_FALSE(run.resume_token());
    REQUIRE(sent.size() == 5);
    for (const auto& r : sent) {
        CHECK(text(r.GetMaxItems()) == "2");
    }
    CHECK(text(sent[4].GetMarker()) == "Z8");
}
