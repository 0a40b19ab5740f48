// Heap allocations and peak heap, counted by the executable's replaced operator new
// (alloc_counter.cpp). These are counts, not timings: each runs once.
//
//   allocations/<workload>/<walk>/<items>/<page size>
//                                           operator new calls during one complete walk over
//                                           pre-built pages that the fetcher moves out (the
//                                           fetcher allocates nothing), so the hand loop's count
//                                           is the baseline and the rest is the paginator's; the
//                                           two page sizes separate what is per page from what
//                                           is per item
//   peak/<workload>/<mode>/<items>          the highest live heap during one walk over a service
//                                           that builds (copies) every page, with the bytes of
//                                           one page beside it; mode: hand, items, full_result
//                                           (build_full_result(), which keeps every item)

#include "alloc_counter.hpp"
#include "workload.hpp"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

template <class W>
void allocations(benchmark::State& state, bench::walk w) {
    const auto count = static_cast<std::size_t>(state.range(0));
    const auto size = static_cast<std::size_t>(state.range(1));
    const bench::listing<W> source(count, size);
    bench::page_store<W> store(source);
    bench::alloc_stats stats;
    for (auto _ : state) {
        store.refill();
        std::uint64_t sum = 0;
        {
            bench::counting_scope scope;
            sum = bench::run_walk<W>(w, bench::store_fetcher<W>{&store}, size);
            stats = scope.stats();
        }
        if (sum != source.checksum()) {
            bench::fail("a walk computed the wrong checksum");
        }
    }
    state.counters["allocations"] = static_cast<double>(stats.allocations);
    state.counters["pages"] = static_cast<double>(source.page_count());
    state.counters["items"] = static_cast<double>(source.item_count());
    state.counters["page_size"] = static_cast<double>(size);
}

enum class peak_mode { hand, items, full_result };

const char* to_string(peak_mode m) {
    switch (m) {
    case peak_mode::hand: return "hand";
    case peak_mode::items: return "items";
    case peak_mode::full_result: return "full_result";
    }
    return "?";
}

template <class W>
std::uint64_t full_result_walk(bench::copying_fetcher<W> fetch) {
    const std::size_t page_size = fetch.source->page_size();
    bench::paginator_for<W, bench::copying_fetcher<W>> run(std::move(fetch), W::first_request(),
                                                           bench::walk_config(page_size));
    typename W::page_type all = run.build_full_result();
    std::uint64_t sum = 0;
    for (const auto& item : W::items(all)) {
        sum += W::weigh(item);
    }
    bench::check_complete<W>(run);
    return sum;
}

template <class W>
void peak(benchmark::State& state, peak_mode m) {
    const auto count = static_cast<std::size_t>(state.range(0));
    // Only the templates and tokens are kept: every page is copied when it is fetched.
    const bench::listing<W> source(count);
    std::int64_t page_bytes = 0;
    {
        bench::counting_scope scope;
        const typename W::page_type one = source.page(1);
        page_bytes = scope.stats().live_bytes;
    }
    bench::alloc_stats stats;
    for (auto _ : state) {
        std::uint64_t sum = 0;
        {
            bench::counting_scope scope;
            const bench::copying_fetcher<W> fetch{&source};
            switch (m) {
            case peak_mode::hand: sum = bench::hand_walk<W>(fetch, source.page_size()); break;
            case peak_mode::items: sum = bench::items_walk<W>(fetch, source.page_size()); break;
            case peak_mode::full_result: sum = full_result_walk<W>(fetch); break;
            }
            stats = scope.stats();
        }
        if (sum != source.checksum()) {
            bench::fail("a walk computed the wrong checksum");
        }
    }
    state.counters["peak_bytes"] = static_cast<double>(stats.peak_bytes);
    state.counters["page_bytes"] = static_cast<double>(page_bytes);
    state.counters["allocations"] = static_cast<double>(stats.allocations);
    state.counters["items"] = static_cast<double>(source.item_count());
}

template <class W>
void register_memory() {
    for (const bench::walk w : {bench::walk::hand, bench::walk::items, bench::walk::pages}) {
        const std::string name = std::string("allocations/") + W::name + "/" + bench::to_string(w);
        benchmark::RegisterBenchmark(name.c_str(), allocations<W>, w)
            ->Args({1'000'000, 100})
            ->Args({1'000'000, 1000})
            ->Iterations(1)
            ->Repetitions(1)
            ->Unit(benchmark::kMillisecond);
    }
    for (const peak_mode m : {peak_mode::hand, peak_mode::items}) {
        const std::string name = std::string("peak/") + W::name + "/" + to_string(m);
        benchmark::RegisterBenchmark(name.c_str(), peak<W>, m)
            ->Arg(1'000'000)
            ->Arg(10'000'000)
            ->Iterations(1)
            ->Repetitions(1)
            ->Unit(benchmark::kMillisecond);
    }
    const std::string name = std::string("peak/") + W::name + "/" + to_string(peak_mode::full_result);
    benchmark::RegisterBenchmark(name.c_str(), peak<W>, peak_mode::full_result)
        ->Arg(100'000)
        ->Arg(1'000'000)
        ->Iterations(1)
        ->Repetitions(1)
        ->Unit(benchmark::kMillisecond);
}

const bool registered = [] {
    register_memory<bench::int_workload>();
    register_memory<bench::game_session_workload>();
    return true;
}();

} // namespace
