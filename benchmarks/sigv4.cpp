// SigV4 signing and SHA-256 throughput (include/pagination/aws/sigv4.hpp).
//
//   sigv4/sign/cached_key      a typical GameLift DescribeGameSessions request (POST /, four
//                              headers, a ~100-byte body) signed by a long-lived signer: the
//                              signing key is derived once and reused (the steady state)
//   sigv4/sign/derived_key     the same with a new signer per request: the four-HMAC key
//                              derivation every time (the first request of a day)
//   sigv4/sign/in_place        sign() on a retried request: replaces the previous signature
//   sha256/<bytes>             SHA-256 throughput (bytes_per_second)
//   hmac_sha256/<bytes>        HMAC-SHA256 with a fresh key (what key derivation does, four times)

#include "alloc_counter.hpp"

#include <pagination/aws/sigv4.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace {

namespace aws = pagination::aws;
namespace http = pagination::http;

http::request gamelift_request() {
    http::request r;
    r.method = "POST";
    r.url = "https://gamelift.us-west-2.amazonaws.com/";
    r.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                 {"X-Amz-Target", "GameLift.DescribeGameSessions"},
                 {"User-Agent", "pagination/1.0 md/gamelift"},
                 {"Content-Length", "98"}};
    r.body = R"({"FleetId":"fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa","Limit":50,"StatusFilter":"ACTIVE"})";
    return r;
}

aws::credentials sample_credentials() {
    return {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "", std::nullopt};
}

const std::chrono::system_clock::time_point sample_time{std::chrono::seconds(1767225600)};  // 2026-01-01

void sigv4_sign_cached_key(benchmark::State& state) {
    const aws::sigv4_signer signer("us-west-2", "gamelift");
    const http::request r = gamelift_request();
    const aws::credentials creds = sample_credentials();
    std::uint64_t allocations = 0;
    for (auto _ : state) {
        bench::counting_scope scope;
        auto headers = signer.signature_headers(r, creds, sample_time);
        benchmark::DoNotOptimize(headers);
        allocations += scope.stats().allocations;
    }
    state.counters["signatures/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["allocs/op"] = static_cast<double>(allocations) / static_cast<double>(state.iterations());
    state.counters["keys_derived"] = static_cast<double>(signer.signing_keys_derived());
}
BENCHMARK(sigv4_sign_cached_key)->Name("sigv4/sign/cached_key");

void sigv4_sign_derived_key(benchmark::State& state) {
    const http::request r = gamelift_request();
    const aws::credentials creds = sample_credentials();
    for (auto _ : state) {
        const aws::sigv4_signer signer("us-west-2", "gamelift");
        auto headers = signer.signature_headers(r, creds, sample_time);
        benchmark::DoNotOptimize(headers);
    }
    state.counters["signatures/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(sigv4_sign_derived_key)->Name("sigv4/sign/derived_key");

void sigv4_sign_in_place(benchmark::State& state) {
    const aws::sigv4_signer signer("us-west-2", "gamelift");
    http::request r = gamelift_request();
    const aws::credentials creds = sample_credentials();
    for (auto _ : state) {
        const bool ok = signer.sign(r, creds, sample_time);
        benchmark::DoNotOptimize(ok);
    }
    state.counters["signatures/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(sigv4_sign_in_place)->Name("sigv4/sign/in_place");

void sha256_throughput(benchmark::State& state) {
    const std::string data(static_cast<std::size_t>(state.range(0)), 'x');
    for (auto _ : state) {
        auto digest = aws::detail::sha256(data);
        benchmark::DoNotOptimize(digest);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(sha256_throughput)->Name("sha256")->Arg(100)->Arg(4096)->Arg(1 << 20);

void hmac_sha256_fresh_key(benchmark::State& state) {
    const std::string data(static_cast<std::size_t>(state.range(0)), 'x');
    const std::string key = "AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    for (auto _ : state) {
        auto digest = aws::detail::hmac_sha256(key, data);
        benchmark::DoNotOptimize(digest);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(hmac_sha256_fresh_key)->Name("hmac_sha256")->Arg(8)->Arg(150);

}  // namespace
