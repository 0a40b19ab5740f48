// The Route 53 adapter (pagination/aws/route53.hpp) over an in-memory hosted zone that answers
// ListResourceRecordSets as the service does: record sets in order of name, type and set
// identifier; a page starts at StartRecordName / StartRecordType / StartRecordIdentifier; MaxItems
// is a string; NextRecordName / NextRecordType / NextRecordIdentifier name the next record set,
// the last only when that record set has a SetIdentifier (weighted, latency, ... records).

#include <pagination/aws/route53.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace r53 = pagination::aws::route53;

namespace {

struct zone {
    std::vector<r53::resource_record_set> records;
    std::vector<r53::list_resource_record_sets_request> requests;

    zone() {
        const auto add = [this](const char* name, const char* type, std::optional<std::string> id = std::nullopt) {
            r53::resource_record_set s;
            s.name = name;
            s.type = type;
            s.set_identifier = std::move(id);
            if (s.set_identifier) {
                s.weight = 50;
            }
            s.ttl = 300;
            s.resource_records = {"192.0.2." + std::to_string(records.size() + 1)};
            records.push_back(std::move(s));
        };
        // In the zone's order: name, type, set identifier.
        add("a.example.com.", "TXT");
        add("api.example.com.", "A", "blue");
        add("api.example.com.", "A", "green");
        add("api.example.com.", "AAAA");
        add("example.com.", "MX");
        add("example.com.", "NS");
        add("example.com.", "SOA");
        add("www.example.com.", "A");
        add("www.example.com.", "TXT", "eu");
        add("www.example.com.", "TXT", "us");
        add("zz.example.com.", "CNAME");
    }

    static auto position(const r53::resource_record_set& s) {
        return std::make_tuple(s.name, s.type, s.set_identifier.value_or(""));
    }

    r53::list_resource_record_sets_result list(const r53::list_resource_record_sets_request& r) {
        requests.push_back(r);
        REQUIRE(r.hosted_zone_id == "Z0123456789");
        const std::size_t max = r.max_items ? static_cast<std::size_t>(std::stoul(*r.max_items)) : 100;
        std::size_t first = 0;
        if (r.start_record_name) {
            const auto start = std::make_tuple(*r.start_record_name, r.start_record_type.value_or(""),
                                               r.start_record_identifier.value_or(""));
            while (first < records.size() && position(records[first]) < start) {
                ++first;
            }
        }
        r53::list_resource_record_sets_result out;
        out.max_items = r.max_items.value_or("100");
        for (std::size_t i = first; i < records.size(); ++i) {
            if (out.resource_record_sets.size() == max) {
                out.is_truncated = true;
                out.next_record_name = records[i].name;
                out.next_record_type = records[i].type;
                out.next_record_identifier = records[i].set_identifier;
                break;
            }
            out.resource_record_sets.push_back(records[i]);
        }
        return out;
    }
};

r53::list_resource_record_sets_request request() {
    r53::list_resource_record_sets_request r;
    r.hosted_zone_id = "Z0123456789";
    return r;
}

std::vector<std::string> names(const std::vector<r53::resource_record_set>& sets) {
    std::vector<std::string> out;
    for (const auto& s : sets) {
        out.push_back(s.name + " " + s.type + (s.set_identifier ? " " + *s.set_identifier : ""));
    }
    return out;
}

} // namespace

TEST_CASE("ListResourceRecordSets: chained runs list every record set once, weighted ones too") {
    zone z;
    const auto fetch = [&z](const r53::list_resource_record_sets_request& r) { return z.list(r); };
    for (std::size_t page_size : {1u, 2u, 3u, 100u}) {
        for (std::size_t max_items : {1u, 2u, 4u, 50u}) {
            std::vector<std::string> seen;
            std::optional<std::string> token;
            int runs = 0;
            do {
                auto run = r53::list_resource_record_sets(fetch, request(), {max_items, page_size, token});
                for (const auto& s : run.items()) {
                    seen.push_back(names({s}).front());
                }
                token = run.resume_token();
                ++runs;
            } while (token && runs < 100);
            INFO("page size " << page_size << ", max items " << max_items);
            CHECK(seen == names(z.records));
        }
    }
}

TEST_CASE("ListResourceRecordSets: MaxItems is sent as text, and the three tokens travel together") {
    zone z;
    const auto fetch = [&z](const r53::list_resource_record_sets_request& r) { return z.list(r); };
    auto run = r53::list_resource_record_sets(fetch, request(), {std::nullopt, 2, std::nullopt});
    CHECK(names(run.build_full_result().resource_record_sets) == names(z.records));
    REQUIRE(z.requests.size() == 6);
    for (const auto& r : z.requests) {
        CHECK(r.max_items == "2");
    }
    CHECK_FALSE(z.requests[0].start_record_name);
    CHECK(z.requests[1].start_record_name == "api.example.com.");
    CHECK(z.requests[1].start_record_type == "A");
    CHECK(z.requests[1].start_record_identifier == "green");
    // The next page starts at a record set without an identifier: the field is left out again.
    CHECK(z.requests[2].start_record_name == "example.com.");
    CHECK(z.requests[2].start_record_type == "MX");
    CHECK_FALSE(z.requests[2].start_record_identifier);
    CHECK(z.requests[4].start_record_identifier == "eu");
}

TEST_CASE("ListResourceRecordSets: resume tokens are boto3's, and boto3's and legacy tokens resume here") {
    zone z;
    const auto fetch = [&z](const r53::list_resource_record_sets_request& r) { return z.list(r); };
    auto first = r53::list_resource_record_sets(fetch, request(), {1, 1, std::nullopt});
    CHECK(names(first.build_full_result().resource_record_sets) == std::vector<std::string>{"a.example.com. TXT"});
    // Made by botocore's TokenEncoder: {"StartRecordName": "api.example.com.", "StartRecordType":
    // "A", "StartRecordIdentifier": "blue"}.
    const std::string page_boundary =
        "eyJTdGFydFJlY29yZE5hbWUiOiAiYXBpLmV4YW1wbGUuY29tLiIsICJTdGFydFJlY29yZFR5cGUiOiAiQSIsICJTdGFydFJlY29yZElkZW50aW"
        "ZpZXIiOiAiYmx1ZSJ9";
    CHECK(first.resume_token() == page_boundary);
    auto second = r53::list_resource_record_sets(fetch, request(), {2, 1, page_boundary});
    CHECK(names(second.build_full_result().resource_record_sets) ==
          std::vector<std::string>{"api.example.com. A blue", "api.example.com. A green"});

    // A legacy token with two of the three parts: the identifier is null.
    auto legacy = r53::list_resource_record_sets(fetch, request(), {1, 3, std::string("www.example.com.___A")});
    CHECK(names(legacy.build_full_result().resource_record_sets) == std::vector<std::string>{"www.example.com. A"});
    // Made by botocore's TokenEncoder: {"StartRecordName": "www.example.com.", "StartRecordType": "A",
    // "StartRecordIdentifier": null, "boto_truncate_amount": 1}.
    CHECK(legacy.resume_token() ==
          "eyJTdGFydFJlY29yZE5hbWUiOiAid3d3LmV4YW1wbGUuY29tLiIsICJTdGFydFJlY29yZFR5cGUiOiAiQSIsICJTdGFydFJlY29yZElkZW50"
          "aWZpZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==");
    auto after = r53::list_resource_record_sets(fetch, request(), {2, 3, legacy.resume_token()});
    CHECK(names(after.build_full_result().resource_record_sets) ==
          std::vector<std::string>{"www.example.com. TXT eu", "www.example.com. TXT us"});
}

TEST_CASE("ListResourceRecordSets: a type without a name, or no zone, is refused before anything is sent") {
    zone z;
    const auto fetch = [&z](const r53::list_resource_record_sets_request& r) { return z.list(r); };
    auto typed = r53::list_resource_record_sets(fetch, request(), {std::nullopt, std::nullopt, std::string("None___A")});
    CHECK_THROWS_AS(typed.pages().begin(), pagination::invalid_request_error);
    auto no_zone = r53::list_resource_record_sets(fetch, r53::list_resource_record_sets_request{});
    CHECK_THROWS_AS(no_zone.pages().begin(), pagination::invalid_request_error);
    CHECK(z.requests.empty());
}
