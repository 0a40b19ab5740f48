// The awsJson layer (aws/json_protocol.hpp): the request every operation sends and the error
// every operation may answer with, as botocore builds and reads them
// (wire_aws_json_vs_botocore checks the same against botocore itself).

#include <pagination/aws/json_protocol.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace aws = pagination::aws;
namespace http = pagination::http;

namespace {

http::response answer(int status, std::string body, std::vector<http::header> headers = {}) {
    http::response r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

constexpr aws::json_protocol dynamodb{"1.0", "DynamoDB_20120810"};
constexpr aws::json_protocol logs{"1.1", "Logs_20140328"};

}  // namespace

TEST_CASE("A JSON request is a POST to the endpoint's path with the protocol's two headers", "[aws_json]") {
    const http::request r = aws::make_json_request(dynamodb, "Scan", "https://dynamodb.us-east-1.amazonaws.com", "{}");
    CHECK(r.method == "POST");
    CHECK(r.url == "https://dynamodb.us-east-1.amazonaws.com/");
    REQUIRE(r.find_header("Content-Type"));
    CHECK(*r.find_header("Content-Type") == "application/x-amz-json-1.0");
    REQUIRE(r.find_header("x-amz-target"));
    CHECK(*r.find_header("X-Amz-Target") == "DynamoDB_20120810.Scan");
    CHECK(r.body == "{}");
    CHECK(r.headers.size() == 2);

    const http::request l = aws::make_json_request(logs, "DescribeLogGroups", "http://localhost:4566", "{}");
    CHECK(*l.find_header("Content-Type") == "application/x-amz-json-1.1");
    CHECK(*l.find_header("X-Amz-Target") == "Logs_20140328.DescribeLogGroups");
}

TEST_CASE("An endpoint's own path and query are kept; one without a path gets '/'", "[aws_json]") {
    CHECK(aws::make_json_request(logs, "X", "http://127.0.0.1:8080", "").url == "http://127.0.0.1:8080/");
    CHECK(aws::make_json_request(logs, "X", "http://h/", "").url == "http://h/");
    CHECK(aws::make_json_request(logs, "X", "http://h/base", "").url == "http://h/base");
    CHECK(aws::make_json_request(logs, "X", "http://h/a/b/", "").url == "http://h/a/b/");
    CHECK(aws::make_json_request(logs, "X", "http://h?x=1", "").url == "http://h/?x=1");
    CHECK(aws::make_json_request(logs, "X", "http://[::1]:8080", "").url == "http://[::1]:8080/");
}

TEST_CASE("The error code is __type cut at the first ':' and then after the last '#'", "[aws_json]") {
    const auto code = [](const std::string& type) {
        return aws::decode_json_error(answer(400, R"({"__type":")" + type + R"(","message":"m"})")).code;
    };
    CHECK(code("NotFoundException") == "NotFoundException");
    CHECK(code("com.amazonaws.gamelift#NotFoundException") == "NotFoundException");
    CHECK(code("InvalidRequestException:http://internal.amazon.com/coral/com.amazonaws.gamelift/") ==
          "InvalidRequestException");
    CHECK(code("aws.protocoltests#Foo:http://x#y") == "Foo");
    CHECK(code("a#b#c") == "c");
}

TEST_CASE("The message is 'message', else 'Message', else empty", "[aws_json]") {
    CHECK(aws::decode_json_error(answer(400, R"({"__type":"A","message":"lower"})")).message == "lower");
    CHECK(aws::decode_json_error(answer(400, R"({"__type":"A","Message":"upper"})")).message == "upper");
    CHECK(aws::decode_json_error(answer(400, R"({"Message":"upper","message":"lower"})")).message == "lower");
    CHECK(aws::decode_json_error(answer(400, R"({"__type":"A"})")).message.empty());
    // Escapes are decoded; later duplicates win as in Python's json.
    CHECK(aws::decode_json_error(answer(400, R"({"message":"a","message":"\u00e9\ud83d\ude00\n"})")).message ==
          "\xc3\xa9\xf0\x9f\x98\x80\n");
}

TEST_CASE("Without __type the code is the X-Amzn-ErrorType header, else the status", "[aws_json]") {
    const auto e = aws::decode_json_error(
        answer(400, R"({"message":"slow down"})", {{"X-Amzn-ErrorType", "ThrottlingException:http://x"}}));
    CHECK(e.code == "ThrottlingException");
    CHECK(e.message == "slow down");
    CHECK(e.throttling());
    CHECK(e.retryable());

    // The body's __type wins over the header.
    CHECK(aws::decode_json_error(answer(400, R"({"__type":"A"})", {{"x-amzn-errortype", "B"}})).code == "A");
    CHECK(aws::decode_json_error(answer(404, "{}")).code == "404");
    CHECK(aws::decode_json_error(answer(404, "")).code == "404");
    CHECK(aws::decode_json_error(answer(404, R"({"__type":""})")).code == "404");
    // A __type that trims to nothing names no code (found by fuzzing).
    CHECK(aws::decode_json_error(answer(404, R"({"__type":":http://x"})")).code == "404");
    CHECK(aws::decode_json_error(answer(404, R"({"__type":"ns#"})", {{"X-Amzn-ErrorType", "H"}})).code == "H");
}

TEST_CASE("A body that is not a JSON object becomes the message, as botocore reads it", "[aws_json]") {
    auto e = aws::decode_json_error(answer(400, "Bad Gateway"));
    CHECK(e.code == "400");
    CHECK(e.message == "Bad Gateway");
    e = aws::decode_json_error(answer(403, R"({"__type":"A", "message":)"));
    CHECK(e.code == "403");
    CHECK(e.message == R"({"__type":"A", "message":)");
    e = aws::decode_json_error(answer(400, "[1, 2]"));
    CHECK(e.code == "400");
    CHECK(e.message == "[1, 2]");
}

TEST_CASE("A 5xx without a body, or with an HTML one, is the status and its phrase, retryable", "[aws_json]") {
    auto e = aws::decode_json_error(answer(503, "", {{"x-amzn-RequestId", "req-1"}}));
    CHECK(e.code == "503");
    CHECK(e.message == "Service Unavailable");
    CHECK(e.request_id == "req-1");
    CHECK(e.http_status == 503);
    CHECK(e.source == aws::error_source::service);
    CHECK(e.retryable());
    e = aws::decode_json_error(answer(500, "  <html><body>oops</body></html>"));
    CHECK(e.code == "500");
    CHECK(e.message == "Internal Server Error");
    CHECK(e.retryable());
    e = aws::decode_json_error(answer(502, "\r\n"));
    CHECK(e.message == "Bad Gateway");
    CHECK(aws::decode_json_error(answer(599, "")).message.empty());
    // A JSON 5xx body is read like any other.
    e = aws::decode_json_error(answer(500, R"({"__type":"InternalServiceException","message":"m"})"));
    CHECK(e.code == "InternalServiceException");
    CHECK(e.message == "m");
    CHECK(e.retryable());
}

TEST_CASE("The request id comes from x-amzn-RequestId in any case", "[aws_json]") {
    const auto e = aws::decode_json_error(answer(400, R"({"__type":"A"})", {{"X-AMZN-REQUESTID", "abc"}}));
    CHECK(e.request_id == "abc");
    CHECK(e.http_status == 400);
    CHECK_FALSE(e.retryable());
}

TEST_CASE("Non-string __type or message values count as absent", "[aws_json]") {
    const auto e = aws::decode_json_error(answer(400, R"({"__type":5,"message":null,"Message":"M"})"));
    CHECK(e.code == "400");
    CHECK(e.message == "M");
}

TEST_CASE("An error body beyond the limits is kept as text, cut to the string bound", "[aws_json]") {
    aws::json_limits limits;
    limits.max_depth = 2;
    limits.max_string_bytes = 8;
    const auto e = aws::decode_json_error(answer(400, R"({"__type":"A","x":[[[1]]]})"), limits);
    CHECK(e.code == "400");
    CHECK(e.message == R"({"__type)");
}

TEST_CASE("json_limits has the documented defaults", "[aws_json]") {
    const aws::json_limits l;
    CHECK(l.max_body_bytes == 64u * 1024u * 1024u);
    CHECK(l.max_depth == 64u);
    CHECK(l.max_string_bytes == 1024u * 1024u);
    CHECK(l.max_items == 100000u);
}

TEST_CASE("A malformed-response error is retryable and says where", "[aws_json]") {
    const auto e = aws::malformed_response_error("Op", "invalid JSON", 12, 40, 200);
    CHECK(e.code == "MalformedResponse");
    CHECK(e.message == "Op response: invalid JSON at byte 12 of 40");
    CHECK(e.source == aws::error_source::malformed_response);
    CHECK(e.http_status == 200);
    CHECK(e.retryable());
}
