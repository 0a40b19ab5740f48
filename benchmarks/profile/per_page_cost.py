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
    args = parser.parse_args()

    binary = args.binary or find_binary()
    if not binary or not os.path.exists(binary):
        sys.exit("per_page_cost: no pagination_callgrind_walk; build the benchmarks (-DPAGINATION_BUILD_BENCHMARKS=ON "
                 "with valgrind's headers installed) or pass --binary")
    n1, n2 = args.pages
    if not 0 < n1 < n2:
        sys.exit("per_page_cost: --pages N1 N2 needs 0 < N1 < N2")
    walks_per_run = 3

    counts = {}
    for walk in ["hand"] + args.walks:
        counts[walk] = [instructions(binary, args.workload, walk, n, args.token_length, args.service)
                        for n in (n1, n2)]

    pages = walks_per_run * (n2 - n1)
    hand = (counts["hand"][1] - counts["hand"][0]) / pages
    print("%s items, pages of 100, a %d-byte service token, %s service; callgrind, %s and %s pages per walk, 3 walks"
          % (args.workload, args.token_length, args.service, n1, n2))
    print("  %-6s %12.1f instructions per page" % ("hand", hand))
    for walk in args.walks:
        per_page = (counts[walk][1] - counts[walk][0]) / pages
        print("  %-6s %12.1f instructions per page, %7.1f beyond the hand loop" % (walk, per_page, per_page - hand))


if __name__ == "__main__":
    main()
