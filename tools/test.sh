#!/usr/bin/env bash
# Build pagination and run its whole test suite (what CI runs: .ci/run calls this).
#
#   sudo bash tools/test.sh      # from anywhere; installs the Debian packages it needs first
#
# It builds and tests each configuration of the matrix with its CMake preset (CMakePresets.json;
# build/<preset>/), then runs every further CI step of tools/ci.d/, and prints one summary line per
# configuration and step. Its last line is the sum over everything: `N passed, N failed`.
#
# Environment:
#   PAGINATION_SKIP_DEPS=1     do not apt-get install (also skipped when not root)
#   PAGINATION_CONFIGS="..."   presets to build and test (default: the CI matrix below)
#   PAGINATION_STEPS="..."     tools/ci.d steps to run, by name without .sh (default: all; "none")
#   PAGINATION_JOBS=2          parallel build/test jobs
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

jobs="${PAGINATION_JOBS:-2}"
# The matrix {g++ 12, clang++ 14} x {C++17, C++20}: asan is the clang++ C++17 cell (under ASan and
# UBSan; it also runs the tests that do not depend on the configuration), single-include the
# clang++ C++20 cell (the whole suite against the single header); then -fno-exceptions -fno-rtti.
configs="${PAGINATION_CONFIGS:-asan gcc-cxx17 gcc-cxx20 single-include no-exceptions}"

deps=(cmake make g++ clang catch2 librange-v3-dev python3 python3-botocore python3-boto3 awscli libbenchmark-dev pkg-config valgrind libcurl4-openssl-dev libcpp-httplib-dev libsimdjson-dev jp)

if [[ "${PAGINATION_SKIP_DEPS:-0}" != 1 ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    echo "==> apt-get install ${deps[*]}"
    apt_start=$SECONDS
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${deps[@]}" >/dev/null || {
      echo "apt-get install failed"
      exit 1
    }
    echo "==> packages installed ($((SECONDS - apt_start)) s)"
  else
    echo "==> not root (or no apt-get): skipping dependency install; need: ${deps[*]}"
  fi
fi

# Debian's python3 (the one python3-botocore is installed for), when there is one.
python_args=()
if [[ -x /usr/bin/python3 ]]; then
  python_args=(-DPython3_EXECUTABLE=/usr/bin/python3)
fi

total_passed=0
total_failed=0
summaries=()

tick="$(getconf CLK_TCK 2>/dev/null || echo 100)"
cpu_seconds() {  # user+system CPU seconds of this script's finished child processes so far
  local stat
  read -r -a stat </proc/$$/stat 2>/dev/null || { echo 0; return; }
  echo $(( (stat[15] + stat[16]) / tick ))
}

summary() {  # LINE: print a summary line now, and again at the end
  echo "$1"
  summaries+=("$1")
}

# run_config PRESET: configure, build and test one configuration; its logs go to build/<preset>.*.log
run_config() {
  local preset="$1" start=$SECONDS log="build/$preset" cpu_start
  cpu_start="$(cpu_seconds)"
  mkdir -p build
  echo "==> [$preset] configure, build, test"
  if ! cmake --preset "$preset" "${python_args[@]}" >"$log.configure.log" 2>&1; then
    tail -n 40 "$log.configure.log"
    summary "config $preset: 0 passed, 1 failed (configure failed; $log.configure.log)"
    total_failed=$((total_failed + 1))
    return
  fi
  if ! cmake --build --preset "$preset" -j"$jobs" >"$log.build.log" 2>&1; then
    grep -E -A5 "error|Error" "$log.build.log" | head -n 80
    summary "config $preset: 0 passed, 1 failed (build failed; $log.build.log)"
    total_failed=$((total_failed + 1))
    return
  fi
  ctest --preset "$preset" -j"$jobs" >"$log.test.log" 2>&1
  local line passed=0 failed=0 total=0 skipped
  line="$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log.test.log" | tail -n 1)"
  if [[ "$line" =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
    failed="${BASH_REMATCH[1]}"
    total="${BASH_REMATCH[2]}"
  else
    failed=1
  fi
  # Tests that did not run (skipped: a missing optional dependency) count neither way.
  skipped="$(sed -n '/The following tests did not run:/,/^$/p' "$log.test.log" | grep -cE '^[[:space:]]+[0-9]+ - ')"
  passed=$((total - failed - skipped))
  if (( failed )); then
    sed -n '/The following tests FAILED:/,$p' "$log.test.log"
    grep -E -B2 -A30 "\*\*\*Failed|\(Failed\)|Exception:" "$log.test.log" | head -n 150
  fi
  local extra=""
  (( skipped )) && extra=", $skipped skipped"
  summary "config $preset: $passed passed, $failed failed$extra ($((SECONDS - start)) s, $(( $(cpu_seconds) - cpu_start )) s CPU)"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

for preset in $configs; do
  run_config "$preset"
done

# Further CI steps (fuzzing, consumer projects, ...): every tools/ci.d/*.sh, in name order, run with
# the repository as working directory; each prints its own summary line and fails the run on error.
# A step whose output ends with `N passed, M failed` is counted by those numbers, any other as one
# check that passed or failed by its exit status.
shopt -s nullglob
for step in tools/ci.d/*.sh; do
  name="$(basename "$step" .sh)"
  if [[ -n "${PAGINATION_STEPS+x}" && " ${PAGINATION_STEPS} " != *" $name "* ]]; then
    continue
  fi
  echo "==> $name"
  start=$SECONDS
  log="$(mktemp)"
  PAGINATION_JOBS="$jobs" bash "$step" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  counts="$(grep -oE '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)"
  rm -f "$log"
  if [[ "$counts" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed="${BASH_REMATCH[1]}"
    failed="${BASH_REMATCH[2]}"
    if (( status != 0 && failed == 0 )); then
      failed=1
    fi
  elif (( status == 0 )); then
    passed=1 failed=0
  else
    passed=0 failed=1
  fi
  summary "step $name: $passed passed, $failed failed ($((SECONDS - start)) s)"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
done

echo "==> summary"
printf '%s\n' "${summaries[@]}"
echo "$total_passed passed, $total_failed failed"
(( total_failed == 0 ))
