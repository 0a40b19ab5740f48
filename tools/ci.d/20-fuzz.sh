#!/usr/bin/env bash
# CI step: build every fuzz target of tests/fuzz/ with clang++ and libFuzzer (under ASan and
# UBSan) and run each for a bounded time from its seed corpus. Any finding (a crash, a broken
# invariant, a leak, a timeout) fails the step; its input is left in build/ci-fuzz/artifacts/.
#
# Environment:
#   PAGINATION_FUZZ_SECONDS=60   how long each target runs
#   PAGINATION_FUZZ_CXX=clang++  the compiler (clang++-14 or later)
#   PAGINATION_JOBS=2            targets run side by side, this many at a time
#   PAGINATION_SKIP_DEPS=1       never apt-get install libFuzzer's runtime
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

seconds="${PAGINATION_FUZZ_SECONDS:-60}"
cxx="${PAGINATION_FUZZ_CXX:-clang++}"
jobs="${PAGINATION_JOBS:-2}"
build="build/ci-fuzz"
targets=()
for source in tests/fuzz/*_fuzz.cpp; do
  name="$(basename "$source" .cpp)"
  targets+=("${name%_fuzz}")
done

# libFuzzer's runtime comes with libclang-rt-<version>-dev on Debian; install it when missing.
probe_dir="$(mktemp -d)"
trap 'rm -rf "$probe_dir"' EXIT
printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n' \
  >"$probe_dir/probe.cpp"
if ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe_dir/probe.cpp" -o "$probe_dir/probe" 2>/dev/null; then
  version="$("$cxx" -dumpversion | cut -d. -f1)"
  if [[ "${PAGINATION_SKIP_DEPS:-0}" != 1 && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "==> apt-get install libclang-rt-${version}-dev (libFuzzer's runtime)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "libclang-rt-${version}-dev"
  fi
  if ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe_dir/probe.cpp" -o "$probe_dir/probe"; then
    echo "fuzz: FAILED: $cxx cannot link libFuzzer (install libclang-rt-${version}-dev)" >&2
    exit 1
  fi
fi

python_args=()
if [[ -x /usr/bin/python3 ]]; then
  python_args=(-DPython3_EXECUTABLE=/usr/bin/python3)
fi

echo "==> [fuzz] configure ($build)"
# No CMAKE_BUILD_TYPE: -O1 -g without NDEBUG, so that the library's assertions stay on.
cmake -S . -B "$build" \
  -DCMAKE_BUILD_TYPE= \
  -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_CXX_FLAGS="-O1 -g" \
  "${python_args[@]}" \
  -DPAGINATION_FUZZ=ON \
  -DPAGINATION_BUILD_TESTS=ON \
  -DPAGINATION_BUILD_EXAMPLES=OFF \
  -DPAGINATION_BUILD_BENCHMARKS=OFF >/dev/null
echo "==> [fuzz] build"
cmake --build "$build" -j"$jobs" --target "${targets[@]/#/fuzz_}"

rm -rf "$build/artifacts" "$build/logs"
mkdir -p "$build/artifacts" "$build/logs"

run_target() {
  local target="$1"
  local corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  # The fuzzer adds what it finds to the working corpus in build/, never to the seeds in tests/.
  "$build/tests/fuzz/fuzz_$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target-" \
    "$corpus" "tests/fuzz/corpus/$target" >"$build/logs/$target.log" 2>&1
}

declare -A status
pids=()
names=()
for target in "${targets[@]}"; do
  echo "==> [fuzz] run $target for ${seconds}s"
  run_target "$target" &
  pids+=($!)
  names+=("$target")
  if (( ${#pids[@]} >= jobs )); then
    wait "${pids[0]}" && status[${names[0]}]=0 || status[${names[0]}]=$?
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" && status[${names[$i]}]=0 || status[${names[$i]}]=$?
done

failed=0
summary=()
for target in "${targets[@]}"; do
  log="$build/logs/$target.log"
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  findings=("$build/artifacts/$target-"*)
  if [[ "${status[$target]}" != 0 || -e "${findings[0]}" ]]; then
    failed=1
    echo "---- $target: FAILED (exit ${status[$target]}); the end of its log:" >&2
    tail -n 40 "$log" >&2
    summary+=("$target FAILED")
  else
    summary+=("$target ${execs:-?} execs")
  fi
done

joined="$(printf '%s, ' "${summary[@]}")"
if (( failed )); then
  echo "fuzz: FAILED: ${joined%, } in ${seconds}s each (findings in $build/artifacts/)"
  exit 1
fi
echo "fuzz: ${joined%, } in ${seconds}s each, no findings"
