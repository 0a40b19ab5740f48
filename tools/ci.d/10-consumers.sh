#!/usr/bin/env bash
# CI step: every way a C++ project consumes pagination, each with the small consumer project of
# tests/consumers/ (a program that pages through an in-memory listing and checks what it saw):
#
#   find_package   cmake --install into a prefix, the prefix moved elsewhere, then
#                  find_package(pagination CONFIG REQUIRED) with CMAKE_PREFIX_PATH
#   pkg-config     `pkg-config --cflags pagination` from the same moved prefix
#   add_subdirectory   the source tree added to the consumer's build
#   FetchContent   a source archive fetched from a file:// URL with its SHA-256 (no network)
#   single header  g++ and clang++ with just -I single_include
#
# Environment: PAGINATION_JOBS (build jobs), CXX (the compiler of the CMake consumers; g++).
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

work="$repo/build/ci-consumers"
jobs="${PAGINATION_JOBS:-2}"
cxx="${CXX:-g++}"
warnings=(-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror)
version="$(sed -n 's/^ *VERSION \([0-9][0-9.]*\)$/\1/p' CMakeLists.txt | head -n 1)"

rm -rf "$work"
mkdir -p "$work"

passed=0
failed=0
names=()

# run NAME COMMAND...: runs one consumer with its output in $work/NAME.log.
run() {
  local name="$1"
  shift
  local start=$SECONDS
  if "$@" >"$work/$name.log" 2>&1; then
    passed=$((passed + 1))
    echo "consumer $name: ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    names+=("$name")
    echo "consumer $name: FAILED ($((SECONDS - start)) s); the end of $work/$name.log:"
    tail -n 30 "$work/$name.log" | sed 's/^/    /'
  fi
}

cmake_consumer() {  # DIR BUILD [cmake args...]: configure, build and run a consumer project
  local dir="$1" build="$2"
  shift 2
  cmake -S "tests/consumers/$dir" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" "$@" &&
    cmake --build "$build" -j"$jobs" &&
    "$build/consumer"
}

install_and_move() {  # install into a staging prefix, then move it: the package must be relocatable
  cmake -S . -B "$work/library" -DCMAKE_INSTALL_PREFIX=/nonexistent/prefix \
    -DPAGINATION_BUILD_TESTS=OFF -DPAGINATION_BUILD_EXAMPLES=OFF -DPAGINATION_BUILD_BENCHMARKS=OFF &&
    cmake --install "$work/library" --prefix "$work/staging" &&
    mv "$work/staging" "$work/prefix" &&
    check_layout "$work/prefix"
}

check_layout() {  # the installed files, and a version file that does not depend on the architecture
  local prefix="$1" missing=0 f
  for f in include/pagination/pagination.hpp include/pagination/core.hpp include/pagination/local/fleet_service.hpp \
           include/pagination/aws/gamelift_client.hpp include/pagination/http/curl_client.hpp \
           share/cmake/pagination/pagination-config.cmake \
           share/cmake/pagination/pagination-config-version.cmake \
           share/cmake/pagination/pagination-targets.cmake share/pkgconfig/pagination.pc; do
    if [[ ! -f "$prefix/$f" ]]; then
      echo "not installed: $f"
      missing=1
    fi
  done
  # ARCH_INDEPENDENT: a 32-bit project finds the package installed by a 64-bit one.
  cat >"$work/arch.cmake" <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
set(PACKAGE_FIND_VERSION 0.1)
set(PACKAGE_FIND_VERSION_MAJOR 0)
set(PACKAGE_FIND_VERSION_MINOR 1)
set(CMAKE_SIZEOF_VOID_P 4)
include("${version_file}")
if(NOT PACKAGE_VERSION_COMPATIBLE OR PACKAGE_VERSION_UNSUITABLE)
  message(FATAL_ERROR "a 32-bit project does not accept version ${PACKAGE_VERSION}")
endif()
CMAKE
  if ! cmake -Dversion_file="$prefix/share/cmake/pagination/pagination-config-version.cmake" \
       -P "$work/arch.cmake"; then
    echo "pagination-config-version.cmake checks the architecture (it should be ARCH_INDEPENDENT)"
    missing=1
  fi
  if grep -rq "$work/staging\|/nonexistent/prefix" "$prefix/share"; then
    echo "an installed file names the prefix it was installed into"
    missing=1
  fi
  [[ $missing == 0 ]]
}

pkg_config_consumer() {
  local pc_path="$work/prefix/share/pkgconfig"
  local modversion cflags
  modversion="$(PKG_CONFIG_PATH="$pc_path" pkg-config --modversion pagination)" || return 1
  if [[ "$modversion" != "$version" ]]; then
    echo "pkg-config --modversion says $modversion, expected $version"
    return 1
  fi
  cflags="$(PKG_CONFIG_PATH="$pc_path" pkg-config --cflags pagination)" || return 1
  echo "pkg-config --cflags pagination: $cflags"
  # shellcheck disable=SC2086  # the flags are words
  "$cxx" -std=c++17 "${warnings[@]}" $cflags tests/consumers/consumer.cpp -o "$work/pkg-config-consumer" &&
    "$work/pkg-config-consumer"
}

fetchcontent_consumer() {
  local archive="$work/pagination-$version.tar.gz" sha
  # What a release archive holds: the library and its CMake files (no tests, no examples).
  tar -czf "$archive" --transform "s,^,pagination-$version/," \
    CMakeLists.txt cmake include single_include &&
    sha="$(sha256sum "$archive" | cut -d' ' -f1)" &&
    cmake_consumer fetchcontent "$work/fetchcontent" \
      -DPAGINATION_ARCHIVE="file://$archive" -DPAGINATION_ARCHIVE_SHA256="$sha" \
      -DFETCHCONTENT_FULLY_DISCONNECTED=OFF -DFETCHCONTENT_UPDATES_DISCONNECTED=ON
}

single_header_consumer() {  # COMPILER
  "$1" -std=c++17 "${warnings[@]}" -I single_include tests/consumers/consumer.cpp \
    -o "$work/single-header-$1" && "$work/single-header-$1"
}

start=$SECONDS
run install install_and_move
if [[ -d "$work/prefix" ]]; then
  run find_package cmake_consumer find_package "$work/find_package" \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DPAGINATION_EXPECTED_VERSION="$version"
  run pkg-config pkg_config_consumer
else
  failed=$((failed + 2))
  names+=(find_package pkg-config)
  echo "consumer find_package, pkg-config: not run (nothing installed)"
fi
run add_subdirectory cmake_consumer add_subdirectory "$work/add_subdirectory" -DPAGINATION_SOURCE_DIR="$repo"
run FetchContent fetchcontent_consumer
run single-header-g++ single_header_consumer g++
run single-header-clang++ single_header_consumer clang++

if (( failed )); then
  echo "consumers: FAILED: ${names[*]}; $passed passed, $failed failed ($((SECONDS - start)) s)"
  exit 1
fi
echo "consumers: $passed passed, $failed failed ($((SECONDS - start)) s)"
