#!/usr/bin/env bash
# The async driver under ThreadSanitizer: the async Catch2 suite (completions on other threads, an
# SDK-shaped client's executor, while the owner polls), then the soak test (tests/async/): 10,000
# random runs with completions on random threads, retries, cancellation and destruction mid-run,
# and 1,000,000 synchronous one-item pages. Any report fails the step (halt_on_error).
set -euo pipefail
build=build/ci-tsan
mkdir -p "$build"
start=$(date +%s)
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
# Catch2's main comes precompiled with Debian's catch2 package (it runs on the main thread only and
# needs no instrumentation); tests/support/catch_main.cpp where the package lacks it.
catch_main=tests/support/catch_main.cpp
for lib in /usr/lib/libCatch2WithMain.a /usr/lib/*/libCatch2WithMain.a; do
  if [[ -f "$lib" ]]; then
    catch_main="$lib"
    break
  fi
done
# The suite's two sources and the soak test compile side by side.
tsan=(clang++ -std=c++20 -g -O1 -fsanitize=thread -Iinclude -Itests)
"${tsan[@]}" -c tests/async/async_test.cpp -o "$build/async_test.o" &
suite_async=$!
"${tsan[@]}" -c tests/adapters/gamelift_adapter_test.cpp -o "$build/gamelift_adapter_test.o" &
suite_gamelift=$!
"${tsan[@]}" tests/async/soak_test.cpp -o "$build/async_soak_tsan" -pthread &
soak_build=$!
wait "$suite_async"
wait "$suite_gamelift"
"${tsan[@]}" "$build/async_test.o" "$build/gamelift_adapter_test.o" "$catch_main" -o "$build/async_tsan" -pthread
"$build/async_tsan" >"$build/async_tsan.log" 2>&1 || {
  cat "$build/async_tsan.log"
  echo "tsan: async tests failed or raced"
  echo "0 passed, 1 failed"
  exit 1
}
summary=$(grep -E "All tests passed|test cases" "$build/async_tsan.log" | tail -1)
echo "tsan: async suite under ThreadSanitizer: ${summary} ($(( $(date +%s) - start )) s)"

soak_start=$(date +%s)
wait "$soak_build"
status=0
"$build/async_soak_tsan" --runs "${PAGINATION_SOAK_RUNS:-10000}" --pages "${PAGINATION_SOAK_PAGES:-1000000}" \
  >"$build/async_soak_tsan.log" 2>&1 || status=$?
if [[ $status != 0 ]] || grep -q "ThreadSanitizer" "$build/async_soak_tsan.log"; then
  tail -n 60 "$build/async_soak_tsan.log"
  echo "tsan: soak failed or raced (exit $status)"
fi
grep -E "^soak|^synchronous" "$build/async_soak_tsan.log" | sed 's/^/tsan: /' || true
last=$(tail -n 1 "$build/async_soak_tsan.log")
echo "tsan: soak under ThreadSanitizer: ${last} ($(( $(date +%s) - soak_start )) s)"
if [[ $status != 0 ]] || ! [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  echo "$(( ${BASH_REMATCH[1]:-0} + 1 )) passed, $(( ${BASH_REMATCH[2]:-0} + 1 )) failed"
  exit 1
fi
echo "$(( BASH_REMATCH[1] + 1 )) passed, ${BASH_REMATCH[2]} failed"
