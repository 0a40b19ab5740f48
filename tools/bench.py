#!/usr/bin/env python3
"""Build pagination's benchmarks in Release, run them all, and print one comparison table.

    python3 tools/bench.py             # the full run (about 10 minutes on 2 cores)
    python3 tools/bench.py --quick     # fewer repetitions, no 10M-item runs (a smoke test)
    python3 tools/bench.py --markdown  # the table as Markdown (what docs/performance.md shows)

What is measured, each in this one run (docs/performance.md explains every row):

  1. items() and pages() against a hand-written token loop over the same in-memory service,
     1M items in pages of 100, for int items and for GameLift game sessions: items per second,
     median over the repetitions (interleaved at random), and the ratio to the hand loop.
  2. Heap allocations made by the paginator itself: operator new calls during a walk, minus the
     hand loop's over the same service, per page and per item.
  3. Peak live heap while streaming 1M and 10M items through items(), in pages, beside the hand
     loop's and beside build_full_result()'s.
  4. The same workload through botocore's paginator (Debian's /usr/bin/python3 with
     python3-botocore), as a ratio of items per second.
  5. Compile cost: -fsyntax-only of a file that includes single_include/pagination/pagination.hpp
     against one that includes <string>, <vector> and <optional>, with g++ and clang++, C++17 and
     C++20, median CPU time of several runs.
  6. Resume tokens encoded and decoded per second (a GameLift token, a DynamoDB-like one).

Benchmarks in benchmarks/*.cpp that are none of these are run too and listed after the table.
The build directory is build/bench-release (Release), used by nothing else.
"""

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOTOCORE_PYTHON = "/usr/bin/python3"
KNOWN_PREFIXES = ("throughput/", "allocations/", "peak/", "token/")


def log(message):
    print("bench.py: " + message, file=sys.stderr, flush=True)


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, **kwargs)


def first_line(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
        return out.splitlines()[0].strip() if out else "?"
    except OSError:
        return "not found"


# ---------------------------------------------------------------------------------------------
# Machine
# ---------------------------------------------------------------------------------------------

def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        cpu = platform.processor() or "?"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "kernel": platform.system() + " " + platform.release(),
        "g++": first_line(["g++", "--version"]),
        "clang++": first_line(["clang++", "--version"]),
        "python": first_line([BOTOCORE_PYTHON, "--version"]),
        "load_before": os.getloadavg(),
    }


# ---------------------------------------------------------------------------------------------
# The benchmark executable
# ---------------------------------------------------------------------------------------------

def cached(build_dir, variable):
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8") as f:
            for line in f:
                if line.startswith(variable + ":"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def build(build_dir, cxx, jobs):
    compiler = shutil.which(cxx) or cxx
    previous = cached(build_dir, "CMAKE_CXX_COMPILER")
    if previous is not None and previous != compiler:
        # CMake would drop the cache itself, and with it the other -D settings of this command.
        log("%s was configured with %s: starting it afresh" % (build_dir, previous))
        os.unlink(os.path.join(build_dir, "CMakeCache.txt"))
        shutil.rmtree(os.path.join(build_dir, "CMakeFiles"), ignore_errors=True)
    log("configuring %s (Release, %s)" % (build_dir, compiler))
    run(["cmake", "-S", REPO, "-B", build_dir,
         "-DCMAKE_BUILD_TYPE=Release",
         "-DCMAKE_CXX_COMPILER=" + compiler,
         "-DPAGINATION_BUILD_BENCHMARKS=ON",
         "-DPAGINATION_BUILD_TESTS=OFF",
         "-DPAGINATION_BUILD_EXAMPLES=OFF",
         "-DPAGINATION_INSTALL=OFF"], stdout=subprocess.DEVNULL)
    log("building pagination_benchmarks")
    run(["cmake", "--build", build_dir, "--target", "pagination_benchmarks", "-j", str(jobs)],
        stdout=subprocess.DEVNULL)
    exe = os.path.join(build_dir, "benchmarks", "pagination_benchmarks")
    if not os.path.exists(exe):
        sys.exit("bench.py: %s was not built (is libbenchmark-dev installed?)" % exe)
    check_release(build_dir)
    return exe


def check_release(build_dir):
    """Stops if the build directory is not (or no longer) a Release build: a number measured in
    an unoptimised build would be meaningless."""
    build_type = cached(build_dir, "CMAKE_BUILD_TYPE")
    if build_type != "Release":
        sys.exit("bench.py: %s is configured as CMAKE_BUILD_TYPE=%r, not Release (reconfigured meanwhile?); "
                 "run again, or pass --build-dir" % (build_dir, build_type))


def run_benchmarks(exe, bench_filter, extra=()):
    """Runs the benchmarks matching the filter; returns the JSON entries (empty if none match)."""
    listed = subprocess.run([exe, "--benchmark_filter=" + bench_filter, "--benchmark_list_tests"],
                            capture_output=True, text=True, check=True).stdout.split()
    if not listed:
        return []
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    try:
        proc = subprocess.run([exe, "--benchmark_filter=" + bench_filter, "--benchmark_out=" + path,
                               "--benchmark_out_format=json", *extra],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
        if proc.returncode != 0:
            sys.exit("bench.py: %s failed:\n%s" % (exe, proc.stderr))
        with open(path, encoding="utf-8") as f:
            return json.load(f)["benchmarks"]
    finally:
        os.unlink(path)


def iterations_by_name(entries):
    """run_name -> the entries of each repetition (aggregates left out)."""
    out = {}
    for e in entries:
        if e.get("run_type", "iteration") == "iteration":
            out.setdefault(e["run_name"], []).append(e)
    return out


def find(by_name, prefix):
    for name, runs in by_name.items():
        if name.startswith(prefix):
            return runs
    return None


def quartiles(values):
    values = sorted(values)
    if len(values) < 4:
        return values[0], statistics.median(values), values[-1]
    q = statistics.quantiles(values, n=4)
    return q[0], q[1], q[2]


def rate_stats(runs):
    """Items per second from the measured (manual, thread CPU) time: median and relative IQR."""
    rates = [r["items_per_second"] for r in runs]
    lo, med, hi = quartiles(rates)
    return {"median": med, "iqr_rel": (hi - lo) / med if med else 0.0, "n": len(rates),
            "min": min(rates), "max": max(rates)}


# ---------------------------------------------------------------------------------------------
# botocore
# ---------------------------------------------------------------------------------------------

def run_botocore(items, repetitions):
    script = os.path.join(REPO, "benchmarks", "botocore_workload.py")
    if not os.path.exists(BOTOCORE_PYTHON):
        return {"error": "%s not found" % BOTOCORE_PYTHON}
    proc = subprocess.run([BOTOCORE_PYTHON, script, "--items", str(items), "--repetitions", str(repetitions)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout)


# ---------------------------------------------------------------------------------------------
# Compile cost
# ---------------------------------------------------------------------------------------------

def std_headers_of(header):
    """The standard headers the single header includes (for the 'standard headers alone' row)."""
    names = []
    with open(header, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if s.startswith("#include <") and not s.startswith("#include <pagination/"):
                name = s[len("#include <"):s.index(">")]
                if name not in names:
                    names.append(name)
    return names


def child_cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def compile_costs(compilers, standards, runs):
    single = os.path.join(REPO, "single_include")
    header = os.path.join(single, "pagination", "pagination.hpp")
    if not os.path.exists(header):
        return {"error": "single_include/pagination/pagination.hpp missing (python3 tools/amalgamate.py)"}
    tmp = tempfile.mkdtemp(prefix="pagination-bench-")
    sources = {
        "baseline": "#include <string>\n#include <vector>\n#include <optional>\n",
        "std_headers": "".join("#include <%s>\n" % h for h in std_headers_of(header) if h != "concepts")
                       + "#if __cplusplus >= 202002L\n#include <concepts>\n#endif\n",
        "single_header": "#include <pagination/pagination.hpp>\n",
    }
    paths = {}
    for name, text in sources.items():
        paths[name] = os.path.join(tmp, name + ".cpp")
        with open(paths[name], "w", encoding="utf-8") as f:
            f.write(text)
    results = {}
    try:
        for cxx in compilers:
            if shutil.which(cxx) is None:
                continue
            for std in standards:
                times = {name: [] for name in sources}
                for _ in range(runs):
                    for name, path in paths.items():  # interleaved, so drift hits all alike
                        before = child_cpu_seconds()
                        proc = subprocess.run([cxx, "-std=" + std, "-fsyntax-only", "-I", single, path],
                                              capture_output=True, text=True, check=False)
                        if proc.returncode != 0:
                            return {"error": "%s -std=%s failed on %s: %s" % (cxx, std, name, proc.stderr[:300])}
                        times[name].append(child_cpu_seconds() - before)
                results["%s %s" % (cxx, std)] = {name: statistics.median(t) for name, t in times.items()}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------

def fmt_rate(x):
    if x >= 1e9:
        return "%.2f G/s" % (x / 1e9)
    if x >= 1e6:
        return "%.1f M/s" % (x / 1e6)
    if x >= 1e3:
        return "%.0f k/s" % (x / 1e3)
    return "%.0f /s" % x


def fmt_bytes(x):
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if x >= size:
            return "%.1f %s" % (x / size, unit)
    return "%.0f B" % x


def verdict(ok, close=False):
    if ok:
        return "met"
    return "missed (noise)" if close else "MISSED"


def build_rows(results):
    rows = []  # (section, measurement, result, goal, verdict)

    # 1. Throughput
    tp = iterations_by_name(results.get("throughput", []))
    for workload in ("int", "game_session"):
        stats = {}
        for walk in ("hand", "items", "pages"):
            runs = find(tp, "throughput/%s/%s/" % (workload, walk))
            if runs:
                stats[walk] = rate_stats(runs)
        if "hand" not in stats:
            continue
        h = stats["hand"]
        rows.append(("1", "%s, hand-written loop" % workload,
                     "%s items (±%.1f%%, n=%d)" % (fmt_rate(h["median"]), 50 * h["iqr_rel"], h["n"]), "", ""))
        for walk in ("items", "pages"):
            if walk not in stats:
                continue
            s = stats[walk]
            ratio = s["median"] / h["median"]
            noise = 50 * (s["iqr_rel"] + h["iqr_rel"])
            rows.append(("1", "%s, %s() / hand loop" % (workload, walk),
                         "%.3f  (%s items, ±%.1f%%)" % (ratio, fmt_rate(s["median"]), noise),
                         ">= 0.98", verdict(ratio >= 0.98, ratio >= 0.98 - noise / 100)))
        # The same figures as costs: what pages() adds per page, what items() adds per item.
        if "pages" in stats:
            first = find(tp, "throughput/%s/hand/" % workload)[0]
            items_per_page = int(first["run_name"].split("/")[3]) / first["pages"]
            per_item = 1e9 / stats["pages"]["median"] - 1e9 / h["median"]
            per_page = per_item * items_per_page
            rows.append(("1", "%s, time pages() adds to the hand loop" % workload,
                         "%.0f ns per page (%.2f ns per item)" % (per_page, per_item), "", ""))
            if "items" in stats:
                extra = 1e9 / stats["items"]["median"] - 1e9 / stats["pages"]["median"]
                rows.append(("1", "%s, time items() adds to pages()" % workload,
                             "%.2f ns per item" % extra, "", ""))

    # 2. Allocations: walks of the same items in pages of two sizes separate the allocations made
    # per page from those made per item (extra = per_page * pages + rest; rest is per item or per run).
    al = iterations_by_name(results.get("memory", []))
    for workload in ("int", "game_session"):
        for walk in ("items", "pages"):
            points = []
            for name, runs in al.items():
                parts = name.split("/")
                if parts[0] == "allocations" and parts[1] == workload and parts[2] == walk:
                    hand = find(al, "allocations/%s/hand/%s/%s/" % (workload, parts[3], parts[4]))
                    if hand:
                        r = runs[0]
                        points.append((r["pages"], r["items"], r["allocations"] - hand[0]["allocations"],
                                       r["allocations"], hand[0]["allocations"]))
            if len(points) < 2:
                continue
            points.sort(reverse=True)
            (p1, n1, e1, a1, h1), (p2, _, e2, _, _) = points[0], points[-1]
            per_page = (e1 - e2) / (p1 - p2)
            rest = e1 - per_page * p1
            rows.append(("2", "%s, %s(): allocations beyond the hand loop" % (workload, walk),
                         "%.2f per page; %.0f more in %s items (%.1e per item)  [%d vs %d in %d pages]"
                         % (per_page, rest, "{:,}".format(int(n1)), rest / n1, a1, h1, p1),
                         "<= 1/page, 0/item", verdict(per_page <= 1.0 + 1e-9 and rest <= 10)))

    # 3. Peak memory
    for workload in ("int", "game_session"):
        page_bytes = None
        peaks = {}
        for name, runs in al.items():
            parts = name.split("/")
            if parts[0] == "peak" and parts[1] == workload:
                peaks[(parts[2], int(parts[3]))] = runs[0]["peak_bytes"]
                page_bytes = runs[0]["page_bytes"]
        if not peaks:
            continue
        counts = sorted({n for (_, n) in peaks})
        for mode in ("items", "hand", "full_result"):
            cells = ["%s items: %s = %.2f pages" % ("{:,}".format(n), fmt_bytes(peaks[(mode, n)]),
                                                     peaks[(mode, n)] / page_bytes)
                     for n in counts if (mode, n) in peaks]
            if not cells:
                continue
            label = {"items": "items()", "hand": "hand loop", "full_result": "build_full_result()"}[mode]
            goal, ok = "", ""
            if mode == "items":
                values = [peaks[(mode, n)] for n in counts if (mode, n) in peaks]
                flat = max(values) <= 1.05 * min(values)
                # One page, give or take the run's own few hundred bytes (tokens, request).
                one_page = max(values) - page_bytes <= max(0.25 * page_bytes, 4096)
                goal = "flat, ~1 page"
                ok = "met" if flat and one_page else ("flat; MISSED ~1 page" if flat else "MISSED")
            rows.append(("3", "%s, peak heap, %s (page = %s)" % (workload, label, fmt_bytes(page_bytes)),
                         "; ".join(cells), goal, ok))

    # 4. botocore
    boto = results.get("botocore")
    if boto and "error" not in boto:
        for workload in ("int", "game_session"):
            pairs = (("items", "items"), ("pages", "pages"))
            for cxx_walk, py_walk in pairs:
                key = "%s/%s" % (workload, py_walk)
                runs = find(tp, "throughput/%s/%s/" % (workload, cxx_walk))
                if key not in boto or not runs:
                    continue
                cxx_rate = rate_stats(runs)["median"]
                py_rate = boto[key]["items_per_second"]
                label = "search()" if py_walk == "items" else "pages loop"
                rows.append(("4", "%s, C++ %s() / botocore %s" % (workload, cxx_walk, label),
                             "%.1fx  (%s vs %s items)" % (cxx_rate / py_rate, fmt_rate(cxx_rate), fmt_rate(py_rate)),
                             "", ""))
            if "%s/hand" % workload in boto and "%s/pages" % workload in boto:
                hand = boto["%s/hand" % workload]["median_seconds"]
                pages = boto["%s/pages" % workload]["median_seconds"]
                page_count = boto["items"] / 100
                rows.append(("4", "%s, botocore pages loop / Python hand loop" % workload,
                             "%.3f  (botocore adds %.1f us per page)"
                             % (hand / pages, (pages - hand) / page_count * 1e6), "", ""))
    elif boto:
        rows.append(("4", "botocore", "not run: " + boto["error"], "", ""))

    # 5. Compile cost
    cc = results.get("compile")
    if cc and "error" not in cc:
        for key, t in cc.items():
            ratio = t["single_header"] / t["baseline"]
            rows.append(("5", "compile %s -fsyntax-only" % key,
                         "%.2fx  (%.2f s vs %.2f s; its std headers alone %.2f s)"
                         % (ratio, t["single_header"], t["baseline"], t["std_headers"]),
                         "<= 1.5x", verdict(ratio <= 1.5)))
    elif cc:
        rows.append(("5", "compile cost", "not run: " + cc["error"], "", ""))

    # 6. Tokens
    tk = iterations_by_name(results.get("token", []))
    for kind in ("gamelift", "dynamodb"):
        for op in ("encode", "decode"):
            runs = find(tk, "token/%s/%s" % (op, kind))
            if not runs:
                continue
            rate = statistics.median(r["items_per_second"] for r in runs)
            rows.append(("6", "%s a %s resume token (%d bytes)" % (op, kind, runs[0]["token_bytes"]),
                         "%s tokens (%.2f us each)" % (fmt_rate(rate), 1e6 / rate), "", ""))
    return rows


def print_table(rows, info, markdown):
    header = ("#", "measurement", "result", "goal", "verdict")
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for r in rows:
            print("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
    else:
        widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
        line = "  ".join("-" * w for w in widths)
        print(line)
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        print(line)
        last = None
        for r in rows:
            if last is not None and r[0] != last:
                print()
            last = r[0]
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
        print(line)
    print()
    print("machine: %s, %d cores; %s; %s; %s; %s; load average %.2f before, %.2f after"
          % (info["cpu"], info["cores"], info["kernel"], info["g++"], info["clang++"], info["python"],
             info["load_before"][0], info.get("load_after", [float("nan")])[0]))
    print("build: %s, CMAKE_BUILD_TYPE=Release; throughput timed in thread CPU time, median of %s repetitions "
          "interleaved at random (± is half the interquartile range)" % (info["cxx"], info["repetitions"]))


def print_others(entries):
    by_name = iterations_by_name(entries)
    if not by_name:
        return
    print()
    print("other benchmarks (median over repetitions):")
    for name, runs in by_name.items():
        real = statistics.median(r["real_time"] for r in runs)
        unit = runs[0].get("time_unit", "ns")
        extra = ""
        if "items_per_second" in runs[0]:
            extra = "  " + fmt_rate(statistics.median(r["items_per_second"] for r in runs)) + " items"
        print("  %-70s %12.3f %s%s" % (name, real, unit, extra))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no 10M-item runs")
    parser.add_argument("--repetitions", type=int, help="throughput repetitions (default 15, quick 3)")
    parser.add_argument("--cxx", default=os.environ.get("CXX", "g++"), help="compiler of the benchmarks (g++)")
    parser.add_argument("--build-dir", default=os.path.join(REPO, "build", "bench-release"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--skip-botocore", action="store_true")
    parser.add_argument("--skip-compile", action="store_true")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--json", metavar="FILE", help="also write every raw result to FILE")
    parser.add_argument("--from-json", metavar="FILE", help="print the table of an earlier --json run; run nothing")
    args = parser.parse_args(argv[1:])

    if args.from_json:
        with open(args.from_json, encoding="utf-8") as f:
            results = json.load(f)
        print_table(build_rows(results), results["machine"], args.markdown)
        print_others(results.get("others", []))
        return 0

    repetitions = args.repetitions or (3 if args.quick else 15)
    info = machine()
    info["cxx"] = first_line([args.cxx, "--version"])
    info["repetitions"] = repetitions
    exe = build(args.build_dir, args.cxx, args.jobs)
    started = time.time()
    results = {"machine": info}

    log("throughput (%d repetitions, interleaved)" % repetitions)
    results["throughput"] = run_benchmarks(exe, "^throughput/", [
        "--benchmark_repetitions=%d" % repetitions, "--benchmark_enable_random_interleaving=true"])
    log("allocations and peak heap")
    memory_filter = "^(allocations|peak)/.*/(100000|1000000)/" if args.quick else "^(allocations|peak)/"
    results["memory"] = run_benchmarks(exe, memory_filter)
    log("resume tokens")
    results["token"] = run_benchmarks(exe, "^token/", ["--benchmark_repetitions=%d" % (3 if args.quick else 5)])
    log("other benchmarks")
    results["others"] = run_benchmarks(exe, "-^(%s)" % "|".join(p.rstrip("/") + "/" for p in KNOWN_PREFIXES),
                                       ["--benchmark_repetitions=%d" % (3 if args.quick else 5)])
    if not args.skip_botocore:
        log("botocore")
        results["botocore"] = run_botocore(50000 if args.quick else 100000, 3 if args.quick else 7)
    if not args.skip_compile:
        log("compile cost")
        results["compile"] = compile_costs(["g++", "clang++"], ["c++17", "c++20"], 3 if args.quick else 7)
    log("done in %.0f s" % (time.time() - started))
    check_release(args.build_dir)
    info["load_after"] = os.getloadavg()

    rows = build_rows(results)
    print_table(rows, info, args.markdown)
    print_others(results["others"])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
