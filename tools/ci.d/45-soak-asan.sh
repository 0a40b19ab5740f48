#!/usr/bin/env bash
# The async soak test (tests/async/soak_test.cpp) under AddressSanitizer and
# UndefinedBehaviorSanitizer, optimized (-O1) so that 10,000 random runs and 1,000,000 synchronous
# one-item pages take seconds: use after free of a run destroyed mid-flight, leaks of dropped
# completions, and undefined behaviour fail the step. ThreadSanitizer runs it in 40-tsan.sh.
set -euo pipefail
build=build/ci-soak-asan
mkdir -p "$build"
start=$(date +%s)
clang++ -std=c++20 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
  -Iinclude -Itests tests/async/soak_test.cpp -o "$build/async_soak_asan" -pthread
status=0
ASAN_OPTIONS="detect_leaks=1 halt_on_error=1" UBSAN_OPTIONS="print_stacktrace=1 halt_on_error=1" \
  "$build/async_soak_asan" --runs "${PAGINATION_SOAK_RUNS:-10000}" --pages "${PAGINATION_SOAK_PAGES:-1000000}" \
  >"$build/async_soak_asan.log" 2>&1 || status=$?
if [[ $status != 0 ]] || grep -qE "AddressSanitizer|LeakSanitizer|runtime error" "$build/async_soak_asan.log"; then
  tail -n 60 "$build/async_soak_asan.log"
  echo "asan: soak failed or reported (exit $status)"
  status=1
fi
grep -E "^soak|^synchronous" "$build/async_soak_asan.log" | sed 's/^/asan+ubsan: /' || true
last=$(tail -n 1 "$build/async_soak_asan.log")
echo "asan+ubsan: soak: ${last} ($(( $(date +%s) - start )) s)"
if [[ $status != 0 ]] || ! [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  echo "${BASH_REMATCH[1]:-0} passed, $(( ${BASH_REMATCH[2]:-0} + 1 )) failed"
  exit 1
fi
echo "$last"
