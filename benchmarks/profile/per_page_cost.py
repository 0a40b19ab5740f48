#!/usr/bin/env python3
"""The contract's own work per page, in instructions beyond a hand-written token loop.

Runs pagination_callgrind_walk (benchmarks/profile/callgrind_walk.cpp) under
`valgrind --tool=callgrind` for each walk (hand, pages, items) at two page counts, and prints
per page:

    cost(walk) = ((walk(N2) - walk(N1)) - (hand(N2) - hand(N1))) / (3 * (N2 - N1))

the instructions a walk executes per page beyond the hand loop (each run makes 3 walks; the
collection is on only during the walks). The difference of two page counts removes what a run
costs once (the paginator's construction, the first request, the end): what is left is paid on
every page. Pages of 100 items; the service token is 45 bytes unless --token-length says otherwise.

    python3 benchmarks/profile/per_page_cost.py                     # finds build/*/benchmarks/pagination_callgrind_walk
    python3 benchmarks/profile/per_page_cost.py --binary build/h-perf/benchmarks/pagination_callgrind_walk
    python3 benchmarks/profile/per_page_cost.py --workload game_session --pages 100 300
    python3 benchmarks/profile/per_page_cost.py --service copy      # each page copied when fetched

With --compilers it builds callgrind_walk.cpp itself, once per compiler (-O2 -DNDEBUG unless --flags
says otherwise), and prints pages() and items() for each compiler and both services (store, copy);
--baseline DIR adds the same figures for the library under DIR/include (a checkout of another
revision), measured in the same run:

    python3 benchmarks/profile/per_page_cost.py --compilers g++ clang++
    git worktree add /tmp/before <rev>
    python3 benchmarks/profile/per_page_cost.py --compilers g++ clang++ --baseline /tmp/before

It prints numbers; it asserts nothing.
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def find_binary():
    found = glob.glob(os.path.join(ROOT, "build", "*", "benchmarks", "pagination_callgrind_walk"))
    found.sort(key=os.path.getmtime, reverse=True)
    return found[0] if found else None


def instructions(binary, workload, walk, pages, token_length, service):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--callgrind-out-file=" + out,
               binary, workload, walk, str(pages), str(token_length), service]
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            sys.exit("per_page_cost: %s failed:\n%s" % (" ".join(cmd), run.stderr))
        with open(out) as f:
            for line in f:
                m = re.match(r"(?:summary|totals):\s+(\d+)", line)
                if m:
                    return int(m.group(1))
    sys.exit("per_page_cost: no instruction total in callgrind's output")


def build(compiler, flags, root, out):
    """Compiles callgrind_walk.cpp against root/include with `compiler`; returns the binary."""
    bench = os.path.join(ROOT, "benchmarks")
    cmd = [compiler, "-std=c++17"] + flags.split() + [
        "-I" + os.path.join(root, "include"), "-I" + bench,
        os.path.join(bench, "profile", "callgrind_walk.cpp"), os.path.join(bench, "alloc_counter.cpp"), "-o", out]
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        sys.exit("per_page_cost: %s failed:\n%s" % (" ".join(cmd), run.stderr))
    return out


def beyond_hand(binary, workload, walks, pages, token_length, service):
    """Instructions per page of each walk beyond the hand loop, and the hand loop's own."""
    n1, n2 = pages
    counts = {walk: [instructions(binary, workload, walk, n, token_length, service) for n in (n1, n2)]
              for walk in ["hand"] + walks}
    per_page = {walk: (c[1] - c[0]) / (3 * (n2 - n1)) for walk, c in counts.items()}
    return per_page["hand"], {walk: per_page[walk] - per_page["hand"] for walk in walks}


def compare_builds(args):
    trees = [("this tree", ROOT)]
    if args.baseline:
        if not os.path.isdir(os.path.join(args.baseline, "include", "pagination")):
            sys.exit("per_page_cost: %s has no include/pagination" % args.baseline)
        trees.insert(0, ("baseline", args.baseline))
    print("%s items, pages of 100, a %d-byte service token; callgrind, %s and %s pages per walk, 3 walks; %s"
          % (args.workload, args.token_length, args.pages[0], args.pages[1], args.flags))
    print("instructions per page beyond the hand loop (the hand loop's own in brackets)")
    print("  %-10s %-10s %-8s %18s %10s" % ("compiler", "library", "service", "pages()", "items()"))
    with tempfile.TemporaryDirectory() as tmp:
        for compiler in args.compilers:
            for label, root in trees:
                binary = build(compiler, args.flags, root,
                               os.path.join(tmp, "walk-%s-%d" % (os.path.basename(compiler), len(os.listdir(tmp)))))
                for service in ["store", "copy"]:
                    hand, cost = beyond_hand(binary, args.workload, ["pages", "items"], args.pages,
                                             args.token_length, service)
                    print("  %-10s %-10s %-8s %7.1f (%7.1f) %10.1f" % (compiler, label, service, cost["pages"], hand,
                                                                      cost["items"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="pagination_callgrind_walk (default: the newest under build/*/benchmarks/)")
    parser.add_argument("--workload", default="int", choices=["int", "game_session"])
    parser.add_argument("--pages", type=int, nargs=2, default=[500, 1500], metavar=("N1", "N2"),
                        help="the two page counts per walk (default 500 1500)")
    parser.add_argument("--token-length", type=int, default=45, help="bytes of the service token (default 45)")
    parser.add_argument("--service", default="store", choices=["store", "copy"],
                        help="store: pages built ahead and moved out (default); copy: each page copied when fetched")
    parser.add_argument("--walks", nargs="+", default=["pages", "items"], choices=["pages", "items"])
    parser.add_argument("--compilers", nargs="+", metavar="CXX",
                        help="build callgrind_walk.cpp with each compiler and print every walk and service")
    parser.add_argument("--flags", default="-O2 -DNDEBUG", help="compiler flags with --compilers (default -O2 -DNDEBUG)")
    parser.add_argument("--baseline", metavar="DIR", help="with --compilers: also the library under DIR/include")
    args = parser.parse_args()
    if not 0 < args.pages[0] < args.pages[1]:
        sys.exit("per_page_cost: --pages N1 N2 needs 0 < N1 < N2")
    if args.compilers:
        compare_builds(args)
        return

    binary = args.binary or find_binary()
    if not binary or not os.path.exists(binary):
        sys.exit("per_page_cost: no pagination_callgrind_walk; build the benchmarks (-DPAGINATION_BUILD_BENCHMARKS=ON "
                 "with valgrind's headers installed) or pass --binary")
    hand, cost = beyond_hand(binary, args.workload, args.walks, args.pages, args.token_length, args.service)
    print("%s items, pages of 100, a %d-byte service token, %s service; callgrind, %s and %s pages per walk, 3 walks"
          % (args.workload, args.token_length, args.service, args.pages[0], args.pages[1]))
    print("  %-6s %12.1f instructions per page" % ("hand", hand))
    for walk in args.walks:
        print("  %-6s %12.1f instructions per page, %7.1f beyond the hand loop" % (walk, hand + cost[walk], cost[walk]))


if __name__ == "__main__":
    main()
