// docs/semantics.md section 3: a resume token is Python's json.dumps of the token map, base64-encoded.

#include <pagination/detail/base64.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/token_codec.hpp>

#include <catch2/catch.hpp>

using pagination::encode_resume_token;
using pagination::token_map;
using pagination::token_value;

namespace {
std::string json_of(const std::string& token) {
    std::string out;
    REQUIRE(pagination::detail::base64_decode(token, out));
    return out;
}
} // namespace

TEST_CASE("the example token of the contract encodes byte for byte") {
    token_map map{{"NextToken", token_value("tok-3")}};
    CHECK(encode_resume_token(map, 2) == "eyJOZXh0VG9rZW4iOiAidG9rLTMiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==");
}

TEST_CASE("resume token JSON uses Python's separators and writes null for null") {
    token_map map{{"A", token_value()}, {"B", token_value("x")}};
    CHECK(json_of(encode_resume_token(map, std::nullopt)) == R"({"A": null, "B": "x"})");
    CHECK(json_of(encode_resume_token(map, 0)) == R"({"A": null, "B": "x", "boto_truncate_amount": 0})");
}

TEST_CASE("strings escape quotes, backslashes and control characters, and nothing else in ASCII") {
    token_map map{{"T", token_value(std::string("a\"b\\c/d\n\r\t\b\f\x01\x7f"))}};
    CHECK(json_of(encode_resume_token(map, std::nullopt)) == R"({"T": "a\"b\\c/d\n\r\t\b\f\u0001\u007f"})");
}

TEST_CASE("non-ASCII is written as lowercase \\u escapes, with surrogate pairs above U+FFFF") {
    token_map map{{"T", token_value(std::string("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"))}};
    CHECK(json_of(encode_resume_token(map, std::nullopt)) == R"({"T": "\u00e9\u20ac\ud83d\ude00"})");
}

TEST_CASE("structured values keep their member order and use Python's number forms") {
    token_value::object_type key{{"pk", token_value(token_value::object_type{{"S", token_value("u#1")}})},
                                 {"n", token_value(std::int64_t{-42})},
                                 {"f", token_value(0.5)},
                                 {"l", token_value(token_value::array_type{token_value(true), token_value()})}};
    token_map map{{"ExclusiveStartKey", token_value(key)}};
    CHECK(json_of(encode_resume_token(map, std::nullopt)) ==
          R"({"ExclusiveStartKey": {"pk": {"S": "u#1"}, "n": -42, "f": 0.5, "l": [true, null]}})");
}

TEST_CASE("binary values are written as base64 text and listed in boto_encoded_keys after the amount") {
    token_value::array_type list{token_value("x"), token_value(token_value::bytes_type{'h', 'i'})};
    token_value::object_type key{{"B", token_value(token_value::bytes_type{0xff})}, {"L", token_value(list)}};
    token_map map{{"Key", token_value(key)}};
    CHECK(json_of(encode_resume_token(map, 3)) ==
          R"({"Key": {"B": "/w==", "L": ["x", "aGk="]}, "boto_truncate_amount": 3, "boto_encoded_keys": [["Key", "B"], ["Key", "L", 1]]})");
}

TEST_CASE("a string that is not valid UTF-8 survives a round trip through a token") {
    const std::string raw("ok\xff\xc3", 4);
    token_map map{{"NextToken", token_value(raw)}};
    const std::string token = encode_resume_token(map, std::nullopt);
    CHECK(json_of(token) == R"({"NextToken": "ok\udcff\udcc3"})");
    const std::array<pagination::token_field, 1> fields{{{"NextToken"}}};
    auto d = pagination::decode_starting_token(token, fields);
    REQUIRE(d.has_value());
    CHECK(d.value().tokens[0].second == token_value(raw));
}

TEST_CASE("base64 decoding follows the lenient reference rules for padding") {
    std::string out;
    CHECK(pagination::detail::base64_decode("aGk=", out));
    CHECK(out == "hi");
    CHECK(pagination::detail::base64_decode("aGk=trailing", out));
    CHECK(out == "hi");
    CHECK_FALSE(pagination::detail::base64_decode("aGk", out));
    CHECK_FALSE(pagination::detail::base64_decode("a", out));
    CHECK(pagination::detail::base64_decode("a G\tk =", out));
    CHECK(out == "hi");
}

TEST_CASE("token_value assigns strings and null in place, from any kind") {
    token_value v;
    v.assign(std::optional<std::string>("a-next-token-longer-than-the-small-buffer"));
    REQUIRE(v.is_string());
    CHECK(v.as_string() == "a-next-token-longer-than-the-small-buffer");
    CHECK(v == token_value("a-next-token-longer-than-the-small-buffer"));

    v.assign(std::nullopt);
    CHECK(v.is_null());
    CHECK(v == token_value());

    v.assign_string("short");
    CHECK(v == token_value("short"));

    // From an object or bytes: the old contents go, whatever they were.
    token_value object(token_value::object_type{{"k", token_value(1)}});
    object.assign_string("s");
    CHECK(object == token_value("s"));
    CHECK(encode_resume_token(token_map{{"NextToken", object}}, std::nullopt) ==
          encode_resume_token(token_map{{"NextToken", token_value("s")}}, std::nullopt));
    // From a string inside the value itself.
    token_value nested(token_value::object_type{{"k", token_value("inner-string-longer-than-fifteen")}});
    nested.assign_string(nested.as_object()[0].second.as_string());
    CHECK(nested == token_value("inner-string-longer-than-fifteen"));
    token_value bytes(token_value::bytes_type{1, 2});
    bytes.set_null();
    CHECK(bytes.is_null());
    bytes.assign(std::optional<std::string>("t"));
    CHECK(bytes == token_value("t"));
}
