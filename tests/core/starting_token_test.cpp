// docs/semantics.md sections 4 and 6: decoding a StartingToken, and what is rejected before anything
// is sent.

#include "support/test_service.hpp"

#include <pagination/detail/base64.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <string>

using namespace test_service;
using pagination::decode_starting_token;
using pagination::token_field;
using pagination::token_value;

namespace {
const std::array<token_field, 1> one{{{"NextToken"}}};
const std::array<token_field, 3> three{{{"StartRecordName"}, {"StartRecordType"}, {"StartRecordIdentifier"}}};

std::string b64(const std::string& json) { return pagination::detail::base64_encode(json); }

/// Expects the token to be rejected with a message containing `why`, and no request sent.
void expect_rejected(const std::string& token, const std::string& why, pagination::paginator_options options = {}) {
    INFO("token " << token);
    listing svc(5);
    auto p = make(svc, {std::nullopt, std::nullopt, token}, options);
    try {
        (void)p.items().begin();
        FAIL("expected a starting_token_error");
    } catch (const pagination::starting_token_error& e) {
        CHECK(e.code() == pagination::errc::invalid_starting_token);
        CHECK_THAT(e.what(), Catch::Contains(why));
    }
    CHECK(svc.calls() == 0);
    REQUIRE(p.error() != nullptr);
    CHECK(p.resume_token() == token);
}
} // namespace

TEST_CASE("a raw service token works as a starting token") {
    auto d = decode_starting_token("tok-3", one);
    REQUIRE(d.has_value());
    CHECK(d.value().tokens == pagination::token_map{{"NextToken", token_value("tok-3")}});
    CHECK(d.value().skip == 0);

    listing svc(6);
    auto p = make(svc, {std::nullopt, std::nullopt, std::string("tok-3")});
    CHECK(all_items(p) == numbered(3, 3));
}

TEST_CASE("a raw token that happens to be valid base64 but not JSON is still a raw token") {
    auto d = decode_starting_token("AAAA", one);
    REQUIRE(d.has_value());
    CHECK(d.value().tokens[0].second == token_value("AAAA"));
}

TEST_CASE("a legacy token a___b___c___N gives the tokens and the skip count") {
    auto d = decode_starting_token("name___A___None___7", three);
    REQUIRE(d.has_value());
    CHECK(d.value().skip == 7);
    CHECK(d.value().tokens == pagination::token_map{{"StartRecordName", token_value("name")},
                                                    {"StartRecordType", token_value("A")},
                                                    {"StartRecordIdentifier", token_value()}});
}

TEST_CASE("a legacy token with as many parts as input tokens has no skip count") {
    auto d = decode_starting_token("name___A___7", three);
    REQUIRE(d.has_value());
    CHECK(d.value().skip == 0);
    CHECK(d.value().tokens[2].second == token_value("7"));
}

TEST_CASE("a legacy token fills missing trailing tokens with null and reads None as null") {
    auto d = decode_starting_token("name___None", three);
    REQUIRE(d.has_value());
    CHECK(d.value().skip == 0);
    CHECK(d.value().tokens[0].second == token_value("name"));
    CHECK(d.value().tokens[1].second.is_null());
    CHECK(d.value().tokens[2].second.is_null());
}

TEST_CASE("a legacy token whose extra last part is not an integer is one raw token") {
    auto d = decode_starting_token("abc___def", one);
    REQUIRE(d.has_value());
    CHECK(d.value().tokens[0].second == token_value("abc___def"));
    auto n = decode_starting_token("tok-3___2", one);
    REQUIRE(n.has_value());
    CHECK(n.value().skip == 2);
    CHECK(n.value().tokens[0].second == token_value("tok-3"));
}

TEST_CASE("a legacy token with more parts than input tokens is rejected") {
    auto d = decode_starting_token("a___b___c___d___1", three);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().code() == pagination::errc::invalid_starting_token);
    expect_rejected("a___b___c", "'___'-separated parts");
}

TEST_CASE("a JSON token's members keep their order and its truncate amount is the skip") {
    auto d = decode_starting_token(b64(R"({"StartRecordType": "A", "StartRecordName": "n", "boto_truncate_amount": 3})"),
                                   three);
    REQUIRE(d.has_value());
    CHECK(d.value().skip == 3);
    REQUIRE(d.value().tokens.size() == 3);
    CHECK(d.value().tokens[0].first == "StartRecordType");
    CHECK(d.value().tokens[1].first == "StartRecordName");
    CHECK(d.value().tokens[2].first == "StartRecordIdentifier");
    CHECK(d.value().tokens[2].second.is_null());
}

TEST_CASE("a token that names a request field that is not an input token is rejected and nothing is sent") {
    expect_rejected(b64(R"({"FleetId": "fleet-other", "NextToken": "x"})"), "'FleetId', which is not an input token");
}

TEST_CASE("a token whose JSON is not an object is rejected") {
    expect_rejected(b64(R"(["NextToken", "x"])"), "not an object");
    expect_rejected(b64(R"("x")"), "not an object");
    expect_rejected(b64("123"), "not an object");
    expect_rejected(b64("null"), "not an object");
}

TEST_CASE("a truncate amount that is negative, fractional, a string, a boolean or too large is rejected") {
    expect_rejected(b64(R"({"NextToken": "x", "boto_truncate_amount": -1})"), "negative");
    expect_rejected(b64(R"({"NextToken": "x", "boto_truncate_amount": 1.5})"), "not an integer");
    expect_rejected(b64(R"({"NextToken": "x", "boto_truncate_amount": "2"})"), "not an integer");
    expect_rejected(b64(R"({"NextToken": "x", "boto_truncate_amount": true})"), "not an integer");
    expect_rejected(b64(R"({"NextToken": "x", "boto_truncate_amount": 1000001})"), "max_truncate_amount");
    expect_rejected(b64(R"({"NextToken": "x", "boto_truncate_amount": 99999999999999999999})"), "out of range");
    expect_rejected("tok___-1", "negative");
    expect_rejected("tok___99999999999999999999999", "max_truncate_amount");
}

TEST_CASE("the truncate amount bound is configurable") {
    pagination::paginator_options options;
    options.limits.max_truncate_amount = 2;
    expect_rejected(b64(R"({"NextToken": "tok-3", "boto_truncate_amount": 3})"), "max_truncate_amount", options);
    listing svc(10);
    auto p = make(svc, {std::nullopt, std::nullopt, token_for("tok-3", 2)}, options);
    CHECK(all_items(p) == numbered(5, 5));
}

TEST_CASE("a token over the size bound is rejected, and the bound is configurable") {
    expect_rejected(std::string(64 * 1024 + 1, 'a'), "max_token_size");
    pagination::paginator_options options;
    options.limits.max_token_size = 8;
    expect_rejected("tok-3-long", "max_token_size", options);
}

TEST_CASE("a token nested deeper than the bound is rejected, and the bound is configurable") {
    std::string deep = R"({"NextToken": )" + std::string(40, '[') + std::string(40, ']') + "}";
    auto d = decode_starting_token(b64(deep), std::array<token_field, 1>{{{"NextToken", pagination::token_kind::structured}}});
    REQUIRE_FALSE(d.has_value());
    CHECK_THAT(d.error().message(), Catch::Contains("nested deeper"));
    pagination::token_limits roomy;
    roomy.max_depth = 64;
    CHECK(decode_starting_token(b64(deep), std::array<token_field, 1>{{{"NextToken", pagination::token_kind::structured}}}, roomy)
              .has_value());
}

TEST_CASE("a token that is not valid UTF-8 is rejected") {
    expect_rejected(std::string("tok\xff\xfe"), "UTF-8");
}

TEST_CASE("an empty starting token is rejected") {
    expect_rejected("", "empty");
}

TEST_CASE("a structured value for a string input token is rejected") {
    expect_rejected(b64(R"({"NextToken": {"pk": {"S": "a"}}})"), "not a string");
}

TEST_CASE("a JSON token with duplicate keys is rejected") {
    expect_rejected(b64(R"({"NextToken": "a", "NextToken": "b"})"), "duplicate key");
}

TEST_CASE("base64 is read leniently: characters outside the alphabet are skipped") {
    std::string token = token_for("tok-3", 1);
    std::string noisy;
    for (char c : token) {
        noisy += c;
        noisy += '\n';
    }
    auto d = decode_starting_token(noisy, one);
    REQUIRE(d.has_value());
    CHECK(d.value().skip == 1);
    CHECK(d.value().tokens[0].second == token_value("tok-3"));
}

TEST_CASE("binary values listed in boto_encoded_keys come back as bytes") {
    const std::array<token_field, 1> key{{{"ExclusiveStartKey", pagination::token_kind::structured}}};
    pagination::token_value::object_type attr{{"B", token_value(token_value::bytes_type{0x00, 0xff, 0x10})}};
    pagination::token_value::object_type item{{"pk", token_value(attr)}};
    pagination::token_map map{{"ExclusiveStartKey", token_value(item)}};
    const std::string token = pagination::encode_resume_token(map, 4);
    auto d = decode_starting_token(token, key);
    REQUIRE(d.has_value());
    CHECK(d.value().skip == 4);
    CHECK(d.value().tokens == map);
    expect_rejected(b64(R"({"NextToken": "x", "boto_encoded_keys": [["Missing"]]})"), "boto_encoded_keys");
    expect_rejected(b64(R"({"NextToken": "x", "boto_encoded_keys": "NextToken"})"), "boto_encoded_keys");
}

TEST_CASE("a legacy truncate amount is read as Python's int() reads it: any decimal digits, white space around") {
    auto arabic = decode_starting_token("tok___\xd9\xa3", one);  // U+0663 ARABIC-INDIC DIGIT THREE
    REQUIRE(arabic.has_value());
    CHECK(arabic.value().skip == 3);
    CHECK(arabic.value().tokens[0].second == token_value("tok"));
    auto spaced = decode_starting_token("tok___\xc2\xa0+1_2\xe3\x80\x80", one);  // NBSP, ideographic space
    REQUIRE(spaced.has_value());
    CHECK(spaced.value().skip == 12);
    auto not_a_number = decode_starting_token("tok___1__2", one);
    REQUIRE(not_a_number.has_value());
    CHECK(not_a_number.value().skip == 0);
    CHECK(not_a_number.value().tokens[0].second == token_value("tok___1__2"));
}
