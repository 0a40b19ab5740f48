// Counts the instructions of one walk, and nothing else, under callgrind: the listing is built and
// the store refilled with collection off, and CALLGRIND_TOGGLE_COLLECT brackets each walk.
//
//   cd build/bench-release/benchmarks   # after python3 tools/bench.py (or any build with benchmarks)
//   valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file=pages.out ./pagination_callgrind_walk game_session pages
//   callgrind_annotate pages.out
//
// Arguments: the workload (int, game_session) and the walk (hand, items, pages); 3 walks of
// 100,000 items in pages of 100. Compare the totals of two walks for the cost of the difference.

#include "workload.hpp"

#include <valgrind/callgrind.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace {

template <class W>
std::uint64_t walk_three_times(bench::walk w) {
    const bench::listing<W>& source = bench::shared_listing<W>(100000);
    bench::page_store<W> store(source);
    std::uint64_t total = 0;
    for (int i = 0; i < 3; ++i) {
        store.refill();
        CALLGRIND_TOGGLE_COLLECT;
        const std::uint64_t sum = bench::run_walk<W>(w, bench::store_fetcher<W>{&store}, source.page_size());
        CALLGRIND_TOGGLE_COLLECT;
        if (sum != source.checksum()) {
            bench::fail("a walk computed the wrong checksum");
        }
        total += sum;
    }
    return total;
}

} // namespace

int main(int argc, char** argv) {
    const std::string workload = argc > 1 ? argv[1] : "";
    const std::string walk = argc > 2 ? argv[2] : "";
    bench::walk w = bench::walk::hand;
    if (walk == "items") {
        w = bench::walk::items;
    } else if (walk == "pages") {
        w = bench::walk::pages;
    } else if (walk != "hand") {
        std::fprintf(stderr, "usage: pagination_callgrind_walk int|game_session hand|items|pages\n");
        return 2;
    }
    std::uint64_t total = 0;
    if (workload == "int") {
        total = walk_three_times<bench::int_workload>(w);
    } else if (workload == "game_session") {
        total = walk_three_times<bench::game_session_workload>(w);
    } else {
        std::fprintf(stderr, "usage: pagination_callgrind_walk int|game_session hand|items|pages\n");
        return 2;
    }
    std::printf("%s %s: checksum %llu\n", workload.c_str(), walk.c_str(), static_cast<unsigned long long>(total));
    return 0;
}
