// Items per second: a hand-written token loop, items() and pages() over the same in-memory
// service, for int items and for GameLift game sessions. One iteration is one complete walk of the
// listing, timed in thread CPU time; the store is refilled before each walk, outside the measured
// time.
//
//   throughput/<workload>/<walk>/<items>    walk: hand, items, pages
//
// tools/bench.py runs these with repetitions interleaved at random and compares the medians.

#include "workload.hpp"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

template <class W>
void throughput(benchmark::State& state, bench::walk w) {
    const auto count = static_cast<std::size_t>(state.range(0));
    const bench::listing<W>& source = bench::shared_listing<W>(count);
    bench::page_store<W> store(source);
    for (auto _ : state) {
        store.refill();
        const double start = bench::thread_cpu_seconds();
        const std::uint64_t sum = bench::run_walk<W>(w, bench::store_fetcher<W>{&store}, source.page_size());
        state.SetIterationTime(bench::thread_cpu_seconds() - start);
        if (sum != source.checksum()) {
            bench::fail("a walk computed the wrong checksum");
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(count));
    state.counters["pages"] = static_cast<double>(source.page_count());
}

template <class W>
void register_throughput(double min_time) {
    for (const bench::walk w : {bench::walk::hand, bench::walk::items, bench::walk::pages}) {
        const std::string name = std::string("throughput/") + W::name + "/" + bench::to_string(w);
        benchmark::RegisterBenchmark(name.c_str(), throughput<W>, w)
            ->Arg(1'000'000)
            ->UseManualTime()
            ->MinTime(min_time)
            ->Unit(benchmark::kMillisecond);
    }
}

const bool registered = [] {
    register_throughput<bench::int_workload>(0.2);
    register_throughput<bench::game_session_workload>(0.1);
    return true;
}();

} // namespace
