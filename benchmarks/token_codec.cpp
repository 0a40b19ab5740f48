// Resume tokens made and read per second: a GameLift token (one string NextToken and a truncate
// amount, what a run cut inside a page returns) and a DynamoDB-like structured token (a key with a
// string and a binary attribute, which adds boto_encoded_keys).
//
//   token/encode/<kind>   encode_resume_token
//   token/decode/<kind>   decode_starting_token, as a paginator does with a StartingToken

#include "workload.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace {

using pagination::token_field;
using pagination::token_kind;
using pagination::token_map;
using pagination::token_value;

constexpr std::array<token_field, 1> gamelift_fields{{{"NextToken", token_kind::string}}};
constexpr std::array<token_field, 1> dynamodb_fields{{{"ExclusiveStartKey", token_kind::structured}}};

struct token_case {
    token_map tokens;
    std::optional<std::size_t> truncate_amount;
    const std::array<token_field, 1>* fields;
};

token_case gamelift_case() {
    token_map tokens;
    tokens.emplace_back("NextToken", token_value(bench::service_token(41)));
    return {std::move(tokens), std::size_t{37}, &gamelift_fields};
}

token_case dynamodb_case() {
    bench::splitmix64 rng{7};
    token_value::bytes_type sort_key;
    for (int i = 0; i < 16; ++i) {
        sort_key.push_back(static_cast<unsigned char>(rng.next() & 0xFF));
    }
    token_value::object_type pk;
    pk.emplace_back("S", token_value("tenant#0042#user#000123"));
    token_value::object_type sk;
    sk.emplace_back("B", token_value(std::move(sort_key)));
    token_value::object_type key;
    key.emplace_back("pk", token_value(std::move(pk)));
    key.emplace_back("sk", token_value(std::move(sk)));
    token_map tokens;
    tokens.emplace_back("ExclusiveStartKey", token_value(std::move(key)));
    return {std::move(tokens), std::nullopt, &dynamodb_fields};
}

void encode(benchmark::State& state, token_case (*make)()) {
    const token_case c = make();
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string token = pagination::encode_resume_token(c.tokens, c.truncate_amount);
        bytes = token.size();
        benchmark::DoNotOptimize(token);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["token_bytes"] = static_cast<double>(bytes);
}

void decode(benchmark::State& state, token_case (*make)()) {
    const token_case c = make();
    const std::string token = pagination::encode_resume_token(c.tokens, c.truncate_amount);
    for (auto _ : state) {
        pagination::decode_result decoded = pagination::decode_starting_token(token, *c.fields);
        if (!decoded) {
            bench::fail("a token made by encode_resume_token was rejected");
        }
        benchmark::DoNotOptimize(decoded);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["token_bytes"] = static_cast<double>(token.size());
}

const bool registered = [] {
    benchmark::RegisterBenchmark("token/encode/gamelift", encode, &gamelift_case);
    benchmark::RegisterBenchmark("token/decode/gamelift", decode, &gamelift_case);
    benchmark::RegisterBenchmark("token/encode/dynamodb", encode, &dynamodb_case);
    benchmark::RegisterBenchmark("token/decode/dynamodb", decode, &dynamodb_case);
    return true;
}();

} // namespace
