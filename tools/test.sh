#!/usr/bin/env bash
# Build pagination and run its whole test suite (what CI runs: .ci/run calls this).
#
#   sudo bash tools/test.sh      # from anywhere; installs the Debian packages it needs first
#
# Environment:
#   PAGINATION_SKIP_DEPS=1           do not apt-get install (also skipped when not root)
#   PAGINATION_COMPILERS="g++ clang++"  compilers to build and test with, each in build/ci-<name>
#   PAGINATION_JOBS=2                parallel build/test jobs
#   PAGINATION_SANITIZE=1            build the g++ configuration with ASan+UBSan (0 to disable)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

jobs="${PAGINATION_JOBS:-2}"
compilers="${PAGINATION_COMPILERS:-g++ clang++}"

deps=(cmake make g++ clang catch2 librange-v3-dev python3 python3-botocore libbenchmark-dev pkg-config)

if [[ "${PAGINATION_SKIP_DEPS:-0}" != 1 ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    echo "==> apt-get install ${deps[*]}"
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${deps[@]}"
  else
    echo "==> not root (or no apt-get): skipping dependency install; need: ${deps[*]}"
  fi
fi

# Debian's python3 (the one python3-botocore is installed for), when there is one.
python_args=()
if [[ -x /usr/bin/python3 ]]; then
  python_args=(-DPython3_EXECUTABLE=/usr/bin/python3)
fi

for cxx in $compilers; do
  name="$(basename "$cxx")"
  build="build/ci-${name}"
  flags=""
  if [[ "${PAGINATION_SANITIZE:-1}" == 1 && "$name" == g++* ]]; then
    flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
  fi
  echo "==> [$name] configure ($build)"
  cmake -S . -B "$build" \
    -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_FLAGS="$flags" \
    "${python_args[@]}" \
    -DPAGINATION_BUILD_TESTS=ON \
    -DPAGINATION_BUILD_EXAMPLES=ON \
    -DPAGINATION_BUILD_BENCHMARKS=ON
  echo "==> [$name] build"
  cmake --build "$build" -j"$jobs"
  echo "==> [$name] test"
  ctest --test-dir "$build" --output-on-failure -j"$jobs"
done

# Further CI steps (fuzzing, consumer projects, ...): every tools/ci.d/*.sh, in name order, run with
# the repository as working directory; each prints its own summary line and fails the run on error.
shopt -s nullglob
for step in tools/ci.d/*.sh; do
  echo "==> $(basename "$step")"
  PAGINATION_JOBS="$jobs" bash "$step"
done

