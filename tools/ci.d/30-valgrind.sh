#!/usr/bin/env bash
# CI step: the test suite under valgrind's memcheck, on an optimised build without sanitizers
# (ASan and UBSan already run in the g++ configuration of tools/test.sh; memcheck also sees
# uninitialised reads, which they do not). Any memcheck report (an invalid read or write, a use
# of an uninitialised value, a definite or indirect leak) fails the step.
#
# Environment:
#   PAGINATION_VALGRIND_TESTS="pagination_tests pagination_no_exceptions_tests"   the binaries
#   PAGINATION_JOBS=2            parallel build jobs
#   PAGINATION_SKIP_DEPS=1       never apt-get install valgrind
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

jobs="${PAGINATION_JOBS:-2}"
build="build/ci-valgrind"
read -r -a binaries <<<"${PAGINATION_VALGRIND_TESTS:-pagination_tests pagination_no_exceptions_tests}"

if ! command -v valgrind >/dev/null 2>&1; then
  if [[ "${PAGINATION_SKIP_DEPS:-0}" != 1 && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "==> apt-get install valgrind"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends valgrind
  else
    echo "valgrind: FAILED: valgrind is not installed (apt-get install valgrind)" >&2
    exit 1
  fi
fi

python_args=()
if [[ -x /usr/bin/python3 ]]; then
  python_args=(-DPython3_EXECUTABLE=/usr/bin/python3)
fi

echo "==> [valgrind] configure ($build)"
# -O1 -g without NDEBUG: fast enough under memcheck, with the library's assertions on.
cmake -S . -B "$build" \
  -DCMAKE_BUILD_TYPE= \
  -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_CXX_FLAGS="-O1 -g" \
  "${python_args[@]}" \
  -DPAGINATION_BUILD_TESTS=ON \
  -DPAGINATION_BUILD_EXAMPLES=OFF \
  -DPAGINATION_BUILD_BENCHMARKS=OFF >/dev/null
echo "==> [valgrind] build"
cmake --build "$build" -j"$jobs" --target "${binaries[@]}"

mkdir -p "$build/logs"
failed=0
summary=()
start=$SECONDS
for binary in "${binaries[@]}"; do
  log="$build/logs/$binary.valgrind.log"
  echo "==> [valgrind] $binary"
  # Catch2 runs every test case in one process; --error-exitcode turns any report into a failure.
  # Tests that time real sleeps or thread interleavings are slower but not wrong under memcheck.
  if valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
      --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
      --track-origins=yes --num-callers=30 --log-file="$log" \
      "$build/tests/$binary" --reporter compact --order decl >"$build/logs/$binary.out" 2>&1; then
    errors="$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -n 1)"
    summary+=("$binary ${errors:-?} errors")
  else
    status=$?
    failed=1
    echo "---- $binary: FAILED (exit $status); memcheck's report:" >&2
    grep -v '^==[0-9]*== *$' "$log" | tail -n 60 >&2 || true
    echo "---- the end of its output:" >&2
    tail -n 20 "$build/logs/$binary.out" >&2
    summary+=("$binary FAILED")
  fi
done

joined="$(printf '%s, ' "${summary[@]}")"
if (( failed )); then
  echo "valgrind: FAILED: ${joined%, } ($((SECONDS - start))s; logs in $build/logs/)"
  exit 1
fi
echo "valgrind: ${joined%, } ($((SECONDS - start))s under memcheck)"
