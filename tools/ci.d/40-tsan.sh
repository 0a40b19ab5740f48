#!/usr/bin/env bash
# The async driver under ThreadSanitizer: completions on other threads (also an SDK-shaped client's
# executor) while the owner polls.
set -euo pipefail
build=build/ci-tsan
mkdir -p "$build"
start=$(date +%s)
clang++ -std=c++20 -g -O1 -fsanitize=thread -Iinclude tests/main.cpp tests/async_test.cpp tests/gamelift_adapter_test.cpp -o "$build/async_tsan" -pthread
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" "$build/async_tsan" >"$build/async_tsan.log" 2>&1 || {
  cat "$build/async_tsan.log"
  echo "tsan: async tests failed or raced"
  exit 1
}
summary=$(grep -E "All tests passed|test cases" "$build/async_tsan.log" | tail -1)
echo "tsan: async suite under ThreadSanitizer: ${summary} ($(( $(date +%s) - start )) s)"
