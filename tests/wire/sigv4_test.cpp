// SHA-256, HMAC-SHA256 and the SigV4 signer (aws/sigv4.hpp). The randomized comparison with
// botocore itself is tests/wire/sigv4_oracle.py (ctest: wire_sigv4_vs_botocore).

#include <pagination/aws/sigv4.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace {

using pagination::aws::credentials;
using pagination::aws::sigv4_signer;
using pagination::http::header;
using pagination::http::request;
namespace sd = pagination::aws::detail;
using clock_type = std::chrono::system_clock;

std::string hex_sha(std::string_view text) { return sd::to_hex(sd::sha256(text)); }

clock_type::time_point at(std::int64_t epoch_seconds) {
    return clock_type::time_point(std::chrono::duration_cast<clock_type::duration>(std::chrono::seconds(epoch_seconds)));
}

// 2015-08-30T12:36:00Z, the time of the AWS SigV4 test suite.
const clock_type::time_point suite_time = at(1440938160);

credentials suite_credentials(std::string token = {}) {
    return {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", std::move(token), std::nullopt};
}

const char* const suite_token =
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwt"
    "hAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IFQGzkdIzL0nMsy6ktn2jrAa7pHhn9XeLsHT6G1kDNVCM+nzqCFG0mhvOTTw6q1SSN3XAWbp4mrEH5kO"
    "LMlbgaMjZb4TXbnxJ3LSqajXUx2NzsUz8zTh3vcTxjJiX84fh4ilCFsTNPqeXvqpNbWzIVgDjN+nIgMAaGWiBhzKT0ctdSOKK3gdPqpgYKRktaRD"
    "b02WbFZ9Sm6/ZN7iwtuaGFqpnh0plhJ1qWn+Ukik+Uj9uHAqvD0XEHOaM8Wco6iNzF/J6ozbBUAvV54LD64QOhBhgLHzT+Et3Zab2RVLlfsY8iGo"
    "UOoqgVpnnyjXkIlj+Uc6NBX";

request make_request(std::string method, std::string url, std::vector<header> headers, std::string body = {}) {
    request r;
    r.method = std::move(method);
    r.url = std::move(url);
    r.headers = std::move(headers);
    r.body = std::move(body);
    return r;
}

std::string authorization_of(const request& r, const credentials& creds = suite_credentials(),
                             clock_type::time_point now = suite_time) {
    const sigv4_signer signer("us-east-1", "service");
    const auto added = signer.signature_headers(r, creds, now);
    REQUIRE(added);
    REQUIRE(!added->empty());
    REQUIRE(added->back().name == "Authorization");
    return added->back().value;
}

std::size_t count_headers(const request& r, std::string_view name) {
    std::size_t n = 0;
    for (const header& h : r.headers) {
        n += pagination::http::detail::iequals(h.name, name) ? 1u : 0u;
    }
    return n;
}

}  // namespace

TEST_CASE("SHA-256 matches the FIPS 180-4 example vectors", "[sigv4][sha256]") {
    CHECK(hex_sha("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex_sha("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex_sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(hex_sha("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopq"
                  "rstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(hex_sha(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 gives one digest however the input is split across update calls", "[sigv4][sha256]") {
    std::string data;
    for (int i = 0; i < 300; ++i) {
        data += static_cast<char>((i * 37 + 11) & 0xff);
    }
    const sd::sha256_digest whole = sd::sha256(data);
    for (std::size_t step : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u, 200u}) {
        sd::sha256_hasher hasher;
        for (std::size_t at = 0; at < data.size(); at += step) {
            hasher.update(std::string_view(data).substr(at, step));
        }
        CHECK(hasher.finish() == whole);
        hasher.reset();
        hasher.update(data.data(), data.size());
        CHECK(hasher.finish() == whole);
    }
}

TEST_CASE("HMAC-SHA256 matches the RFC 4231 test cases", "[sigv4][hmac]") {
    auto hmac = [](std::string key, std::string data) { return sd::to_hex(sd::hmac_sha256(key, data)); };
    CHECK(hmac(std::string(20, '\x0b'), "Hi There") ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK(hmac("Jefe", "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(hmac(std::string(20, '\xaa'), std::string(50, '\xdd')) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    std::string key4;
    for (char c = 1; c <= 25; ++c) {
        key4 += c;
    }
    CHECK(hmac(key4, std::string(50, '\xcd')) == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    CHECK(hmac(std::string(20, '\x0c'), "Test With Truncation").substr(0, 32) == "a3b6167473100ee06e0c796c2955552b");
    CHECK(hmac(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First") ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    CHECK(hmac(std::string(131, '\xaa'),
               "This is a test using a larger than block-size key and a larger than block-size data. The key needs to "
               "be hashed before being used by the HMAC algorithm.") ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("X-Amz-Date is the UTC time rounded down to the second", "[sigv4]") {
    CHECK(sd::amz_date(suite_time) == std::optional<std::string>("20150830T123600Z"));
    CHECK(sd::amz_date(at(0)) == std::optional<std::string>("19700101T000000Z"));
    CHECK(sd::amz_date(at(951782400)) == std::optional<std::string>("20000229T000000Z"));
    CHECK(sd::amz_date(at(4107542399)) == std::optional<std::string>("21000228T235959Z"));
    CHECK(sd::amz_date(at(-1)) == std::optional<std::string>("19691231T235959Z"));
    CHECK(sd::amz_date(at(0) - std::chrono::milliseconds(500)) == std::optional<std::string>("19691231T235959Z"));
    CHECK(sd::amz_date(suite_time + std::chrono::milliseconds(999)) == std::optional<std::string>("20150830T123600Z"));
}

TEST_CASE("civil_from_days and days_from_civil are inverses, across eras, leap days and 1970", "[sigv4]") {
    long long expected_days = sd::days_from_civil(-401, 1, 1);
    for (long long year = -401; year <= 2401; ++year) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        const unsigned lengths[12] = {31, leap ? 29u : 28u, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        for (unsigned month = 1; month <= 12; ++month) {
            for (unsigned day = 1; day <= lengths[month - 1]; ++day) {
                const long long days = sd::days_from_civil(year, month, day);
                const sd::civil_date date = sd::civil_from_days(days);
                if (days != expected_days || date.year != year || date.month != month || date.day != day) {
                    FAIL("civil date " << year << '-' << month << '-' << day << " <-> day " << days);
                }
                ++expected_days;
            }
        }
    }
    CHECK(expected_days == sd::days_from_civil(2402, 1, 1));
    CHECK(sd::days_from_civil(1970, 1, 1) == 0);
    CHECK(sd::civil_from_days(-1).year == 1969);
    CHECK(sd::civil_from_days(11016).month == 2);  // 2000-02-29
    CHECK(sd::civil_from_days(11016).day == 29);
}

TEST_CASE("Canonical URI and query: the path is encoded once more, the query is decoded and re-encoded",
          "[sigv4]") {
    CHECK(sd::canonical_uri("") == "/");
    CHECK(sd::canonical_uri("/") == "/");
    CHECK(sd::canonical_uri("//example//") == "/example/");
    CHECK(sd::canonical_uri("/example1/example2/../..") == "/");
    CHECK(sd::canonical_uri("/a/./b/../c/") == "/a/c/");
    CHECK(sd::canonical_uri("/example space/") == "/example%20space/");
    CHECK(sd::canonical_uri("/a%20b") == "/a%2520b");
    CHECK(sd::canonical_uri("/\xe1\x88\xb4") == "/%E1%88%B4");
    CHECK(sd::canonical_query("") == "");
    CHECK(sd::canonical_query("Param2=value2&Param1=value1") == "Param1=value1&Param2=value2");
    CHECK(sd::canonical_query("b=2&a=2&a=1") == "a=1&a=2&b=2");
    CHECK(sd::canonical_query("a=b c&x=%2a&y=/") == "a=b%20c&x=%2A&y=%2F");
    CHECK(sd::canonical_query("flag") == "flag=");
    CHECK(sd::canonical_query("p=1+2&q=%zz") == "p=1%2B2&q=%25zz");
}

// The expected Authorization values below were made once with the oracle, botocore 1.43's
// botocore.auth.SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token),
// "service", "us-east-1") on a botocore.awsrequest.AWSRequest with the same method, URL, headers and
// body, at 2015-08-30T12:36:00Z (botocore.auth.get_current_datetime patched); botocore 1.29 gives
// the same. They equal the AWS SigV4 test suite's published signatures (get-vanilla 5fa00fa3...).
TEST_CASE("The AWS SigV4 test-suite requests sign as botocore signs them", "[sigv4]") {
    const std::string url = "https://example.amazonaws.com";
    const std::vector<header> host{{"Host", "example.amazonaws.com"}};
    const std::string prefix = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";
    const std::string plain = prefix + "SignedHeaders=host;x-amz-date, Signature=";
    const std::string with_header1 = prefix + "SignedHeaders=host;my-header1;x-amz-date, Signature=";
    auto with = [&](std::vector<header> extra) {
        std::vector<header> all = host;
        all.insert(all.end(), extra.begin(), extra.end());
        return all;
    };

    SECTION("get-vanilla") {
        CHECK(authorization_of(make_request("GET", url + "/", host)) ==
              plain + "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }
    SECTION("post-vanilla, and post-header-key-case (method case does not matter)") {
        CHECK(authorization_of(make_request("POST", url + "/", host)) ==
              plain + "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
        CHECK(authorization_of(make_request("post", url + "/", {{"HOST", "example.amazonaws.com"}})) ==
              plain + "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }
    SECTION("get-vanilla-query-order-key-case") {
        CHECK(authorization_of(make_request("GET", url + "/?Param2=value2&Param1=value1", host)) ==
              plain + "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    }
    SECTION("get-vanilla-query-order-value") {
        CHECK(authorization_of(make_request("GET", url + "/?Param1=value2&Param1=Value1", host)) ==
              plain + "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1");
    }
    SECTION("get-vanilla-query-unreserved and get-unreserved") {
        const std::string unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        CHECK(authorization_of(make_request("GET", url + "/?" + unreserved + "=" + unreserved, host)) ==
              plain + "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197");
        CHECK(authorization_of(make_request("GET", url + "/" + unreserved, host)) ==
              plain + "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f");
    }
    SECTION("get-vanilla-utf8-query (botocore signed it from request.params; its URL path signs the raw query)") {
        CHECK(authorization_of(make_request("GET", url + "/?\xe1\x88\xb4=bar", host)) ==
              plain + "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04");
        CHECK(authorization_of(make_request("GET", url + "/?%E1%88%B4=bar", host)) ==
              plain + "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04");
    }
    SECTION("get-header-value-trim") {
        CHECK(authorization_of(make_request("GET", url + "/",
                                            with({{"My-Header1", " value1"}, {"My-Header2", " \"a   b   c\""}}))) ==
              prefix + "SignedHeaders=host;my-header1;my-header2;x-amz-date, "
                       "Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
    }
    SECTION("get-header-key-duplicate") {
        CHECK(authorization_of(make_request(
                  "GET", url + "/",
                  with({{"My-Header1", "value2"}, {"My-Header1", "value2"}, {"My-Header1", "value1"}}))) ==
              with_header1 + "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea");
    }
    SECTION("post-header-key-sort and post-header-value-case") {
        CHECK(authorization_of(make_request("POST", url + "/", with({{"My-Header1", "value1"}}))) ==
              with_header1 + "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c");
        CHECK(authorization_of(make_request("POST", url + "/", with({{"My-Header1", "VALUE1"}}))) ==
              with_header1 + "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d");
    }
    SECTION("post-x-www-form-urlencoded and post-x-www-form-urlencoded-parameters") {
        const std::string form = prefix + "SignedHeaders=content-type;host;x-amz-date, Signature=";
        CHECK(authorization_of(make_request("POST", url + "/",
                                            {{"Content-Type", "application/x-www-form-urlencoded"}, host[0]},
                                            "Param1=value1")) ==
              form + "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
        CHECK(authorization_of(make_request("POST", url + "/",
                                            {{"Content-Type", "application/x-www-form-urlencoded; charset=utf8"},
                                             host[0]},
                                            "Param1=value1")) ==
              form + "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe");
    }
    SECTION("normalized paths: get-slashes, get-relative-relative, get-slash-dot-slash, get-space, get-utf8") {
        CHECK(authorization_of(make_request("GET", url + "//example//", host)) ==
              plain + "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84");
        CHECK(authorization_of(make_request("GET", url + "/example1/example2/../..", host)) ==
              plain + "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        CHECK(authorization_of(make_request("GET", url + "/./", host)) ==
              plain + "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        CHECK(authorization_of(make_request("GET", url + "/example space/", host)) ==
              plain + "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741");
        CHECK(authorization_of(make_request("GET", url + "/\xe1\x88\xb4", host)) ==
              plain + "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
    }
    SECTION("post-sts-token: the session token is added and signed") {
        const sigv4_signer signer("us-east-1", "service");
        const auto added =
            signer.signature_headers(make_request("POST", url + "/", host), suite_credentials(suite_token), suite_time);
        REQUIRE(added);
        REQUIRE(added->size() == 3);
        CHECK((*added)[0].name == "X-Amz-Date");
        CHECK((*added)[0].value == "20150830T123600Z");
        CHECK((*added)[1].name == "X-Amz-Security-Token");
        CHECK((*added)[1].value == suite_token);
        CHECK((*added)[2].value ==
              prefix + "SignedHeaders=host;x-amz-date;x-amz-security-token, "
                       "Signature=dd26d50fa4fcfc8c72ad8d01a1b230f71a3c027f2b865035487d9df1a9727b8d");
    }
}

// Made with the same oracle: the request without a Host header, botocore signing the host of
// the URL.
TEST_CASE("A GameLift request without a Host header gets one, signed", "[sigv4]") {
    request r = make_request("POST", "https://gamelift.us-west-2.amazonaws.com/",
                             {{"Content-Type", "application/x-amz-json-1.1"},
                              {"X-Amz-Target", "GameLift.DescribeGameSessions"}},
                             R"({"FleetId":"fleet-123"})");
    const sigv4_signer signer("us-east-1", "service");
    const auto added = signer.signature_headers(r, suite_credentials(), suite_time);
    REQUIRE(added);
    REQUIRE(added->size() == 3);
    CHECK((*added)[0].name == "Host");
    CHECK((*added)[0].value == "gamelift.us-west-2.amazonaws.com");
    CHECK((*added)[1].name == "X-Amz-Date");
    CHECK((*added)[2].value ==
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
          "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
          "Signature=4ecac5266ee07a8f366fb152f011f3c9aaf69fea7683bd9907a2fc2a7e208a75");

    SECTION("the Host header is the URL's host in lower case, with a port only when not the default") {
        const auto host_of = [&](std::string u) {
            r.url = std::move(u);
            const auto h = signer.signature_headers(r, suite_credentials(), suite_time);
            REQUIRE(h);
            return h->front().value;
        };
        CHECK(host_of("http://LocalHost:8080/") == "localhost:8080");
        CHECK(host_of("https://example.com:443/") == "example.com");
        CHECK(host_of("http://example.com:443/") == "example.com:443");
        CHECK(host_of("http://[::1]:8080/") == "[::1]:8080");
    }
}

TEST_CASE("Headers botocore leaves unsigned are not signed", "[sigv4]") {
    std::vector<header> headers{{"Host", "example.amazonaws.com"}};
    for (const std::string_view name : pagination::aws::sigv4_unsigned_headers) {
        headers.push_back({std::string(name), "x"});
    }
    headers.push_back({"User-Agent", "aws-cli/2"});
    headers.push_back({"X-Amzn-Trace-Id", "Root=1"});
    CHECK(authorization_of(make_request("GET", "https://example.amazonaws.com/", headers)) ==
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
          "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST_CASE("Signing twice replaces the signature headers instead of adding more", "[sigv4]") {
    const sigv4_signer signer("us-east-1", "service");
    request r = make_request("POST", "https://example.amazonaws.com/", {{"My-Header1", "value1"}}, "{}");
    REQUIRE(signer.sign(r, suite_credentials(suite_token), suite_time - std::chrono::hours(30)));
    const request first = r;
    REQUIRE(signer.sign(r, suite_credentials(suite_token), suite_time));
    CHECK(r.headers.size() == first.headers.size());
    CHECK(count_headers(r, "host") == 1);
    CHECK(count_headers(r, "x-amz-date") == 1);
    CHECK(count_headers(r, "x-amz-security-token") == 1);
    CHECK(count_headers(r, "authorization") == 1);
    CHECK(*r.find_header("x-amz-date") == "20150830T123600Z");
    CHECK(*first.find_header("x-amz-date") == "20150829T063600Z");

    // The second signature is the one a fresh request gets at that time.
    request fresh = make_request("POST", "https://example.amazonaws.com/", {{"My-Header1", "value1"}}, "{}");
    REQUIRE(signer.sign(fresh, suite_credentials(suite_token), suite_time));
    CHECK(*r.find_header("authorization") == *fresh.find_header("authorization"));

    SECTION("credentials without a token keep and sign a token already there, as botocore does") {
        REQUIRE(signer.sign(r, suite_credentials(), suite_time));
        CHECK(count_headers(r, "x-amz-security-token") == 1);
        CHECK(*r.find_header("authorization") == *fresh.find_header("authorization"));
    }
}

TEST_CASE("The signing key is derived once per day and secret key", "[sigv4]") {
    const sigv4_signer signer("us-east-1", "service");
    const request r = make_request("POST", "https://example.amazonaws.com/", {});
    const credentials creds = suite_credentials();
    CHECK(signer.signing_keys_derived() == 0);
    const auto first = signer.signature_headers(r, creds, suite_time);
    CHECK(signer.signing_keys_derived() == 1);
    const auto same_day = signer.signature_headers(r, creds, suite_time + std::chrono::hours(11));
    CHECK(signer.signing_keys_derived() == 1);
    const auto next_day = signer.signature_headers(r, creds, suite_time + std::chrono::hours(12));
    CHECK(signer.signing_keys_derived() == 2);
    credentials rotated = creds;
    rotated.secret_access_key = "another-secret";
    const auto other_secret = signer.signature_headers(r, rotated, suite_time + std::chrono::hours(12));
    CHECK(signer.signing_keys_derived() == 3);
    REQUIRE((first && same_day && next_day && other_secret));
    CHECK(first->back().value.find("/20150830/") != std::string::npos);
    CHECK(next_day->back().value.find("/20150831/") != std::string::npos);
    CHECK(next_day->back().value != other_secret->back().value);

    // A cached key signs exactly as a freshly derived one: a new signer agrees on the next day.
    const sigv4_signer fresh("us-east-1", "service");
    CHECK(fresh.signature_headers(r, creds, suite_time + std::chrono::hours(12))->back().value ==
          next_day->back().value);
    // Going back to the first day derives again and still agrees with the first signature.
    CHECK(signer.signature_headers(r, creds, suite_time)->back().value == first->back().value);
}

TEST_CASE("A URL that cannot be parsed or incomplete credentials give no headers and leave the request alone",
          "[sigv4]") {
    const sigv4_signer signer("us-east-1", "service");
    for (const char* url : {"", "example.com/", "ftp://example.com/", "https:///x", "https://user@host/"}) {
        request r = make_request("GET", url, {{"A", "b"}});
        CHECK_FALSE(signer.signature_headers(r, suite_credentials(), suite_time));
        CHECK_FALSE(signer.sign(r, suite_credentials(), suite_time));
        CHECK(r.headers.size() == 1);
    }
    request r = make_request("GET", "https://example.com/", {});
    credentials no_secret = suite_credentials();
    no_secret.secret_access_key.clear();
    CHECK_FALSE(signer.signature_headers(r, no_secret, suite_time));
    CHECK_FALSE(signer.sign(r, no_secret, suite_time));
    CHECK(r.headers.empty());
}

TEST_CASE("redacted() hides the signature and the session token, never shows the secret", "[sigv4]") {
    const sigv4_signer signer("us-east-1", "gamelift");
    const credentials creds = suite_credentials(suite_token);
    request r = make_request("POST", "https://gamelift.us-east-1.amazonaws.com/",
                             {{"X-Amz-Target", "GameLift.DescribeGameSessions"}}, R"({"FleetId":"fleet-1"})");
    REQUIRE(signer.sign(r, creds, suite_time));
    const std::string signature = r.find_header("authorization")->substr(r.find_header("authorization")->size() - 64);
    const std::string log = pagination::aws::redacted(r);
    CHECK(log.find(creds.secret_access_key) == std::string::npos);
    CHECK(log.find(suite_token) == std::string::npos);
    CHECK(log.find(signature) == std::string::npos);
    CHECK(log.find("X-Amz-Security-Token: <redacted>\n") != std::string::npos);
    CHECK(log.find("Credential=AKIDEXAMPLE/20150830/us-east-1/gamelift/aws4_request, SignedHeaders=host;x-amz-date;"
                   "x-amz-security-token;x-amz-target, Signature=<redacted>\n") != std::string::npos);
    CHECK(log.rfind("POST https://gamelift.us-east-1.amazonaws.com/\n", 0) == 0);
    CHECK(log.find("\n\n{\"FleetId\":\"fleet-1\"}") != std::string::npos);

    request presigned = make_request("GET", "https://h/?X-Amz-Signature=abc&x=1&X-Amz-Security-Token=tok#f",
                                     {{"Authorization", "Basic dXNlcjpwYXNz"}, {"Cookie", "a=b"}}, "line\nend");
    const std::string other = pagination::aws::redacted(presigned);
    CHECK(other.find("abc") == std::string::npos);
    CHECK(other.find("tok") == std::string::npos);
    CHECK(other.find("dXNlcjpwYXNz") == std::string::npos);
    CHECK(other.find("a=b") == std::string::npos);
    CHECK(other.find("X-Amz-Signature=<redacted>&x=1&X-Amz-Security-Token=<redacted>#f") != std::string::npos);
    CHECK(other.find("line\\x0aend") != std::string::npos);
}

TEST_CASE("One signer shared by threads signs as it does alone", "[sigv4]") {
    const sigv4_signer signer("us-west-2", "gamelift");
    const request r = make_request("POST", "https://gamelift.us-west-2.amazonaws.com/", {}, "{}");
    credentials a = suite_credentials();
    credentials b = suite_credentials();
    b.secret_access_key = "a-second-secret";
    const std::string expect_a = sigv4_signer("us-west-2", "gamelift").signature_headers(r, a, suite_time)->back().value;
    const std::string expect_b = sigv4_signer("us-west-2", "gamelift").signature_headers(r, b, suite_time)->back().value;
    int mismatches[2] = {0, 0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 300; ++i) {
                const credentials& creds = (i + t) % 2 == 0 ? a : b;
                const std::string& expect = (i + t) % 2 == 0 ? expect_a : expect_b;
                const auto h = signer.signature_headers(r, creds, suite_time);
                mismatches[t] += (h && h->back().value == expect) ? 0 : 1;
            }
        });
    }
    for (std::thread& th : threads) {
        th.join();
    }
    CHECK(mismatches[0] == 0);
    CHECK(mismatches[1] == 0);
}
