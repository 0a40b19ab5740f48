// Counts the instructions of one walk, and nothing else, under callgrind: the listing is built and
// the store refilled with collection off, and CALLGRIND_TOGGLE_COLLECT brackets each walk.
//
//   cd build/bench-release/benchmarks   # after python3 tools/bench.py (or any build with benchmarks)
//   valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file=pages.out ./pagination_callgrind_walk game_session pages
//   callgrind_annotate pages.out
//
// Arguments: the workload (int, game_session), the walk (hand, items, pages), and optionally the
// pages per walk (1,000 unless said), the length of the service's token (48 unless said) and the
// service (store: pages built ahead and moved out, unless said; copy: each page copied when
// fetched); 3 walks in pages of 100. Compare the totals of two walks for the cost of the difference;
// benchmarks/profile/per_page_cost.py does it for two page counts and prints the cost per page.

#include "workload.hpp"

#include <valgrind/callgrind.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

template <class W>
std::uint64_t walk_three_times(bench::walk w, std::size_t pages, std::size_t token_length, bool copying) {
    const bench::listing<W> source(pages * bench::default_page_size, bench::default_page_size, 64, token_length);
    bench::page_store<W> store(source);
    std::uint64_t total = 0;
    for (int i = 0; i < 3; ++i) {
        if (!copying) {
            store.refill();
        }
        CALLGRIND_TOGGLE_COLLECT;
        const std::uint64_t sum =
            copying ? bench::run_walk<W>(w, bench::copying_fetcher<W>{&source}, source.page_size())
                    : bench::run_walk<W>(w, bench::store_fetcher<W>{&store}, source.page_size());
        CALLGRIND_TOGGLE_COLLECT;
        if (sum != source.checksum()) {
            bench::fail("a walk computed the wrong checksum");
        }
        total += sum;
    }
    return total;
}

int usage() {
    std::fprintf(stderr, "usage: pagination_callgrind_walk int|game_session hand|items|pages [pages [token_length [store|copy]]]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    const std::string workload = argc > 1 ? argv[1] : "";
    const std::string walk = argc > 2 ? argv[2] : "";
    const long pages = argc > 3 ? std::strtol(argv[3], nullptr, 10) : 1000;
    const long token_length = argc > 4 ? std::strtol(argv[4], nullptr, 10) : 48;
    const std::string service = argc > 5 ? argv[5] : "store";
    if (pages < 1 || token_length < 5 || (service != "store" && service != "copy")) {
        return usage();
    }
    bench::walk w = bench::walk::hand;
    if (walk == "items") {
        w = bench::walk::items;
    } else if (walk == "pages") {
        w = bench::walk::pages;
    } else if (walk != "hand") {
        return usage();
    }
    const auto page_count = static_cast<std::size_t>(pages);
    const auto token_bytes = static_cast<std::size_t>(token_length);
    const bool copying = service == "copy";
    std::uint64_t total = 0;
    if (workload == "int") {
        total = walk_three_times<bench::int_workload>(w, page_count, token_bytes, copying);
    } else if (workload == "game_session") {
        total = walk_three_times<bench::game_session_workload>(w, page_count, token_bytes, copying);
    } else {
        return usage();
    }
    std::printf("%s %s: checksum %llu\n", workload.c_str(), walk.c_str(), static_cast<unsigned long long>(total));
    return 0;
}
