// Prefetch and fan-out against the serial bound, with a simulated network: every fetch answers
// after L on a thread of its own, and the consumer spends P on every page. Serial walking costs
// about N x (L + P); prefetch approaches N x max(L, P); fan-out over S streams with S fetches in
// flight approaches (N / S) x L when processing is cheap.

#include <pagination/async.hpp>
#include <pagination/paginator.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;

struct latency_request {
    std::optional<std::string> next_token;
    std::optional<int> limit;
    int stream = 0;
};
struct latency_page {
    std::vector<int> items;
    std::optional<std::string> next_token;
};
inline constexpr pagination::token_field latency_token{"NextToken"};
using latency_tokens = pagination::member_token_policy<&latency_request::next_token, &latency_page::next_token, latency_token>;
using latency_limit = pagination::member_limit_policy<&latency_page::items, &latency_request::limit>;

constexpr int page_size = 10;

latency_page serve(const latency_request& r, int pages) {
    const int at = r.next_token ? std::stoi(*r.next_token) : 0;
    latency_page p;
    for (int i = 0; i < page_size; ++i) {
        p.items.push_back(at * page_size + i);
    }
    if (at + 1 < pages) {
        p.next_token = std::to_string(at + 1);
    }
    return p;
}

struct slow_future_fetcher {
    std::chrono::microseconds latency;
    int pages;
    std::future<latency_page> operator()(const latency_request& r) const {
        return std::async(std::launch::async, [r, l = latency, n = pages] {
            std::this_thread::sleep_for(l);
            return serve(r, n);
        });
    }
};

void report(benchmark::State& state, int pages, std::chrono::microseconds l, std::chrono::microseconds p) {
    const double serial = static_cast<double>(pages) * static_cast<double>((l + p).count()) / 1000.0;
    const double overlapped = static_cast<double>(pages) * static_cast<double>(std::max(l, p).count()) / 1000.0;
    state.counters["serial_bound_ms"] = serial;
    state.counters["overlap_bound_ms"] = overlapped;
    state.counters["pages"] = pages;
}

// N pages, each fetched (L) then processed (P), one after the other.
void BM_latency_serial_blocking(benchmark::State& state) {
    const int pages = static_cast<int>(state.range(0));
    const std::chrono::microseconds l(state.range(1)), p(state.range(2));
    for (auto _ : state) {
        auto fetch = [&](const latency_request& r) {
            std::this_thread::sleep_for(l);
            return serve(r, pages);
        };
        pagination::paginator<decltype(fetch), latency_tokens, latency_limit> run(fetch, latency_request{});
        for (auto& page : run.pages()) {
            benchmark::DoNotOptimize(page.items.data());
            std::this_thread::sleep_for(p);
        }
    }
    report(state, pages, l, p);
}

// The same through the async step API, item by item, with or without prefetch.
void run_async(benchmark::State& state, bool prefetch) {
    const int pages = static_cast<int>(state.range(0));
    const std::chrono::microseconds l(state.range(1)), p(state.range(2));
    for (auto _ : state) {
        pagination::async_options options;
        options.prefetch = prefetch;
        pagination::async_paginator<slow_future_fetcher, latency_tokens, latency_limit> run(
            slow_future_fetcher{l, pages}, latency_request{}, {}, options);
        while (true) {
            const pagination::async_status st = run.poll();
            if (st == pagination::async_status::finished || st == pagination::async_status::failed) {
                break;
            }
            // One item per step, P / page_size each: the page is worked on over many frames, and
            // without prefetch the next fetch starts only once its last item is taken.
            if (run.take(1, [](int item) { benchmark::DoNotOptimize(item); }) > 0) {
                std::this_thread::sleep_for(p / page_size);
            } else {
                std::this_thread::sleep_for(20us);  // nothing yet: the frame goes on
            }
        }
    }
    report(state, pages, l, p);
}
void BM_latency_async_serial(benchmark::State& state) { run_async(state, false); }
void BM_latency_async_prefetch(benchmark::State& state) { run_async(state, true); }

// S streams of N / S pages each, at most S fetches in flight, cheap processing.
void BM_latency_fan_out(benchmark::State& state) {
    const int pages = static_cast<int>(state.range(0));
    const std::chrono::microseconds l(state.range(1));
    const auto streams = static_cast<std::size_t>(state.range(2));
    for (auto _ : state) {
        std::vector<latency_request> requests(streams);
        pagination::fan_out<slow_future_fetcher, latency_tokens, latency_limit> all(
            slow_future_fetcher{l, pages / static_cast<int>(streams)}, requests, {pagination::pagination_config{}},
            streams);
        while (all.poll() != pagination::async_status::finished) {
            if (all.take(1000, [](std::size_t, int item) { benchmark::DoNotOptimize(item); }) == 0) {
                std::this_thread::sleep_for(20us);
            }
        }
    }
    report(state, pages / static_cast<int>(streams), l, std::chrono::microseconds(0));
    state.counters["streams"] = static_cast<double>(streams);
}

// pages, latency (us), processing (us)
BENCHMARK(BM_latency_serial_blocking)->Args({40, 2000, 2000})->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_latency_async_serial)->Args({40, 2000, 2000})->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_latency_async_prefetch)->Args({40, 2000, 2000})->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_latency_async_prefetch)->Args({40, 3000, 1000})->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
// pages in all, latency (us), streams
BENCHMARK(BM_latency_fan_out)->Args({40, 2000, 1})->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_latency_fan_out)->Args({40, 2000, 4})->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace
