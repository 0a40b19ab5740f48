// The DynamoDB adapter (pagination/aws/dynamodb.hpp) over an in-memory table that answers Scan
// and Query as the service does: items in key order (a string partition key and a binary sort
// key), Limit counting the items evaluated (before a FilterExpression drops some), and a
// LastEvaluatedKey whenever the page stopped at Limit, so pages may be empty and the last page
// may be an empty one. The position is a structured token with binary values.

#include <pagination/aws/dynamodb.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ddb = pagination::aws::dynamodb;
using av = ddb::attribute_value;

namespace {

av bytes(std::vector<unsigned char> b) { return av::binary(std::move(b)); }

struct table {
    // user#1 .. user#N (N < 10, so that they are in key order), one item each, with a binary sort key; "n" is the item's number.
    explicit table(int count) {
        for (int i = 1; i <= count; ++i) {
            std::vector<unsigned char> sk{0};
            if (i == 2) {
                sk = {0, 1, 255};
            } else {
                sk.push_back(static_cast<unsigned char>(i));
            }
            items.push_back({{"pk", av::string("user#" + std::to_string(i))},
                             {"sk", bytes(sk)},
                             {"n", av::number(std::to_string(i))},
                             {"data", av::string("item " + std::to_string(i))}});
        }
    }

    static ddb::attribute_map key_of(const ddb::attribute_map& item) { return {item[0], item[1]}; }

    static bool key_less(const ddb::attribute_map& a, const ddb::attribute_map& b) {
        if (a[0].second.text() != b[0].second.text()) {
            return a[0].second.text() < b[0].second.text();
        }
        return a[1].second.bytes() < b[1].second.bytes();
    }

    std::vector<ddb::attribute_map> items;
    int calls = 0;
    std::vector<std::optional<ddb::attribute_map>> start_keys;
};

// The FilterExpression of these tests: odd item numbers only.
bool odd(const ddb::attribute_map& item) { return std::stoi(item[2].second.text()) % 2 == 1; }

std::vector<std::string> names(const std::vector<ddb::attribute_map>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) {
        out.push_back(item[0].second.text());
    }
    return out;
}

} // namespace

namespace {

// Whether a request reads backwards (Query's ScanIndexForward = false).
bool backwards(const ddb::scan_request&) { return false; }
bool backwards(const ddb::query_request& r) { return r.scan_index_forward == false; }

struct service {
    table t{9};
    bool filter = false;

    ddb::scan_result scan(const ddb::scan_request& r) {
        REQUIRE(r.table_name == "Users");
        return run<ddb::scan_result>(r, t.items);
    }
    ddb::query_result query(const ddb::query_request& r) {
        REQUIRE(r.key_condition_expression == "begins_with(pk, :p)");
        std::vector<ddb::attribute_map> candidates = t.items;
        if (r.scan_index_forward == false) {
            std::reverse(candidates.begin(), candidates.end());
        }
        return run<ddb::query_result>(r, candidates);
    }

    template <class Result, class Request>
    Result run(const Request& r, const std::vector<ddb::attribute_map>& candidates) {
        ++t.calls;
        t.start_keys.push_back(r.exclusive_start_key);
        const bool reversed = backwards(r);
        Result out;
        const std::size_t limit = static_cast<std::size_t>(r.limit.value_or(4));
        std::size_t evaluated = 0;
        for (const auto& item : candidates) {
            if (r.exclusive_start_key) {
                const auto key = table::key_of(item);
                const bool after = reversed ? table::key_less(key, *r.exclusive_start_key)
                                             : table::key_less(*r.exclusive_start_key, key);
                if (!after) {
                    continue;
                }
            }
            ++evaluated;
            if (!filter || odd(item)) {
                out.items.push_back(item);
            }
            if (evaluated == limit) {
                out.last_evaluated_key = table::key_of(item);
                break;
            }
        }
        out.count = static_cast<int>(out.items.size());
        out.scanned_count = static_cast<int>(evaluated);
        return out;
    }
};

ddb::scan_request users_scan() {
    ddb::scan_request r;
    r.table_name = "Users";
    return r;
}

} // namespace

TEST_CASE("DynamoDB attribute values read and write the service's JSON shape") {
    const ddb::attribute_map item{
        {"s", av::string("text")},
        {"n", av::number("-12.5e3")},
        {"b", bytes({0, 1, 2, 255})},
        {"ss", av::string_set({"a", "b"})},
        {"ns", av::number_set({"1", "2"})},
        {"bs", av::binary_set({{1}, {2, 3}})},
        {"m", av::map({{"inner", av::boolean(false)}, {"nothing", av::null()}})},
        {"l", av::list({av::string("x"), bytes({9}), av::list({})})},
    };
    const pagination::token_value wire = ddb::to_wire(item);
    REQUIRE(wire.is_object());
    CHECK(wire.as_object()[0].first == "s");
    CHECK(*wire.find("b")->find("B") == pagination::token_value(pagination::token_value::bytes_type{0, 1, 2, 255}));
    CHECK(*wire.find("m")->find("M")->find("nothing")->find("NULL") == pagination::token_value(true));
    const auto back = ddb::attribute_map_from_wire(wire);
    REQUIRE(back);
    CHECK(*back == item);

    using tv = pagination::token_value;
    CHECK_FALSE(ddb::attribute_value_from_wire(tv("abc")));
    CHECK_FALSE(ddb::attribute_value_from_wire(tv(tv::object_type{{"X", tv("1")}})));
    CHECK_FALSE(ddb::attribute_value_from_wire(tv(tv::object_type{{"N", tv(5)}})));
    CHECK_FALSE(ddb::attribute_value_from_wire(tv(tv::object_type{{"B", tv("not bytes")}})));
    CHECK_FALSE(ddb::attribute_value_from_wire(tv(tv::object_type{{"S", tv("a")}, {"N", tv("1")}})));
    CHECK_FALSE(ddb::attribute_map_from_wire(tv(tv::array_type{})));
}

TEST_CASE("Scan: chained runs read every item once, also when a filter leaves pages empty") {
    for (bool filter : {false, true}) {
        service s;
        s.filter = filter;
        const auto fetch = [&s](const ddb::scan_request& r) { return s.scan(r); };
        std::vector<std::string> expected;
        for (const auto& item : s.t.items) {
            if (!filter || odd(item)) {
                expected.push_back(item[0].second.text());
            }
        }
        for (std::optional<std::size_t> page_size : {std::optional<std::size_t>(), std::optional<std::size_t>(1),
                                                     std::optional<std::size_t>(3), std::optional<std::size_t>(11)}) {
            for (std::size_t max_items : {1u, 2u, 5u, 100u}) {
                std::vector<std::string> seen;
                std::optional<std::string> token;
                int runs = 0;
                do {
                    auto run = ddb::scan(fetch, users_scan(), {max_items, page_size, token});
                    for (const auto& item : run.items()) {
                        seen.push_back(item[0].second.text());
                    }
                    token = run.resume_token();
                    ++runs;
                } while (token && runs < 100);
                INFO("filter " << filter << ", page size " << page_size.value_or(0) << ", max items " << max_items);
                CHECK(seen == expected);
            }
        }
    }
}

TEST_CASE("Scan: a key with a binary attribute makes boto3's token, boto_encoded_keys and all") {
    service s;
    const auto fetch = [&s](const ddb::scan_request& r) { return s.scan(r); };
    auto run = ddb::scan(fetch, users_scan(), {3, 2, std::nullopt});
    CHECK(names(run.build_full_result().items) == std::vector<std::string>{"user#1", "user#2", "user#3"});
    // Made by botocore's TokenEncoder: {"ExclusiveStartKey": {"pk": {"S": "user#2"}, "sk": {"B":
    // b"\x00\x01\xff"}}, "boto_truncate_amount": 1}.
    const std::string expected =
        "eyJFeGNsdXNpdmVTdGFydEtleSI6IHsicGsiOiB7IlMiOiAidXNlciMyIn0sICJzayI6IHsiQiI6ICJBQUgvIn19LCAiYm90b190cnVuY2F0ZV9h"
        "bW91bnQiOiAxLCAiYm90b19lbmNvZGVkX2tleXMiOiBbWyJFeGNsdXNpdmVTdGFydEtleSIsICJzayIsICJCIl1dfQ==";
    CHECK(run.resume_token() == expected);
    REQUIRE(s.t.start_keys.size() == 2);
    REQUIRE(s.t.start_keys[1]);
    CHECK(*s.t.start_keys[1] == table::key_of(s.t.items[1]));  // sent back with its bytes intact

    // The same token, made by boto3 or the AWS CLI, resumes here after the item handed out.
    auto rest = ddb::scan(fetch, users_scan(), {2, 2, expected});
    CHECK(names(rest.build_full_result().items) == std::vector<std::string>{"user#4", "user#5"});
}

TEST_CASE("Scan: Count and ScannedCount are 0 on a resumed run's first page and summed in a full result") {
    service s;
    const auto fetch = [&s](const ddb::scan_request& r) { return s.scan(r); };
    auto first = ddb::scan(fetch, users_scan(), {3, 2, std::nullopt});
    (void)first.build_full_result();
    auto rest = ddb::scan(fetch, users_scan(), {std::nullopt, 2, first.resume_token()});
    std::vector<std::optional<int>> counts;
    for (const auto& page : rest.pages()) {
        counts.push_back(page.count);
    }
    REQUIRE(counts.size() >= 2);
    CHECK(counts[0] == 0);
    CHECK(counts[1] == 2);

    auto whole = ddb::scan(fetch, users_scan(), {std::nullopt, 3, std::nullopt}).build_full_result();
    CHECK(whole.items.size() == 9);
    CHECK(whole.count == 9);
    CHECK(whole.scanned_count == 9);
    CHECK_FALSE(whole.last_evaluated_key);
    CHECK_FALSE(whole.next_token);

    auto cut = ddb::scan(fetch, users_scan(), {5, 3, std::nullopt}).build_full_result();
    CHECK(cut.items.size() == 5);
    REQUIRE(cut.next_token);
    CHECK_FALSE(cut.last_evaluated_key);
}

TEST_CASE("Query: reads backwards with ScanIndexForward false and resumes in that order") {
    service s;
    const auto fetch = [&s](const ddb::query_request& r) { return s.query(r); };
    ddb::query_request request;
    request.table_name = "Users";
    request.key_condition_expression = "begins_with(pk, :p)";
    request.expression_attribute_values = {{":p", av::string("user#")}};
    request.scan_index_forward = false;
    std::vector<std::string> seen;
    std::optional<std::string> token;
    do {
        auto run = ddb::query(fetch, request, {4, 3, token});
        for (const auto& item : run.items()) {
            seen.push_back(item[0].second.text());
        }
        token = run.resume_token();
    } while (token);
    std::vector<std::string> expected = names(s.t.items);
    std::reverse(expected.begin(), expected.end());
    CHECK(seen == expected);
}

TEST_CASE("DynamoDB: a starting token whose ExclusiveStartKey is not a key is refused before anything is sent") {
    service s;
    const auto fetch = [&s](const ddb::scan_request& r) { return s.scan(r); };
    for (const char* token : {
             "eyJFeGNsdXNpdmVTdGFydEtleSI6ICJhYmMifQ==",                      // {"ExclusiveStartKey": "abc"}
             "eyJFeGNsdXNpdmVTdGFydEtleSI6IHsicGsiOiB7IlgiOiAiMSJ9fX0=",      // {"pk": {"X": "1"}}
             "eyJFeGNsdXNpdmVTdGFydEtleSI6IHsicGsiOiB7Ik4iOiA1fX19",          // {"pk": {"N": 5}}
             "eyJFeGNsdXNpdmVTdGFydEtleSI6IHt9fQ==",                          // {}
             "abc",                                                           // a raw token: a string
             // {"TableName": "other", "ExclusiveStartKey": {"pk": {"S": "user#1"}}}
             "eyJUYWJsZU5hbWUiOiAib3RoZXIiLCAiRXhjbHVzaXZlU3RhcnRLZXkiOiB7InBrIjogeyJTIjogInVzZXIjMSJ9fX0=",
         }) {
        INFO(token);
        auto run = ddb::scan(fetch, users_scan(), {std::nullopt, std::nullopt, std::string(token)});
        CHECK_THROWS_AS(run.pages().begin(), pagination::starting_token_error);
        CHECK(run.resume_token() == token);
    }
    CHECK(s.t.calls == 0);
}

TEST_CASE("DynamoDB: the service's rules are checked before anything is sent") {
    service s;
    const auto scan = [&s](const ddb::scan_request& r) { return s.scan(r); };
    const auto query = [&s](const ddb::query_request& r) { return s.query(r); };
    CHECK_THROWS_AS(ddb::scan(scan, ddb::scan_request{}).pages().begin(), pagination::invalid_request_error);
    CHECK_THROWS_AS(ddb::scan(scan, users_scan(), {std::nullopt, 0, std::nullopt}).pages().begin(),
                    pagination::invalid_request_error);
    auto segmented = users_scan();
    segmented.segment = 1;
    CHECK_THROWS_AS(ddb::scan(scan, segmented).pages().begin(), pagination::invalid_request_error);
    ddb::query_request no_condition;
    no_condition.table_name = "Users";
    CHECK_THROWS_AS(ddb::query(query, no_condition).pages().begin(), pagination::invalid_request_error);
    CHECK(s.t.calls == 0);
}
