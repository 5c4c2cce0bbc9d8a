#!/bin/sh
# BUILD_TESTING (CTest's standard option): configures the source tree with
# it off and checks that the build has the program and the man page but no
# test or benchmark program and no ctest tests; with it on (the build this
# test runs from) the tests are there.
# Usage (ctest): test_build_testing.sh SOURCE_DIR TMP_DIR ON_BUILD_DIR
set -eu
src=$1 tmp=$2 on=$3
fail() { echo "test_build_testing: FAILED: $*" >&2; exit 1; }

mkdir -p "$tmp"
off="$tmp/off"
rm -rf "$off"
cmake -S "$src" -B "$off" -DBUILD_TESTING=OFF >"$tmp/configure.log" 2>&1 ||
    { cat "$tmp/configure.log" >&2; fail "configuring with BUILD_TESTING=OFF"; }
targets=$(cmake --build "$off" --target help)
printf '%s\n' "$targets" | grep -qx '\.\.\. optiviz' || fail "no optiviz target with BUILD_TESTING=OFF"
printf '%s\n' "$targets" | grep -qx '\.\.\. manpage' || fail "no manpage target with BUILD_TESTING=OFF"
if printf '%s\n' "$targets" | grep -E '^\.\.\. (test|bench)_'; then
    fail "BUILD_TESTING=OFF still builds the programs above"
fi
[ ! -e "$off/CTestTestfile.cmake" ] || fail "BUILD_TESTING=OFF still declares ctest tests"

on_targets=$(cmake --build "$on" --target help)
printf '%s\n' "$on_targets" | grep -qx '\.\.\. test_harness' || fail "no test_harness with BUILD_TESTING=ON"
printf '%s\n' "$on_targets" | grep -qx '\.\.\. test_cli_args' || fail "no test_cli_args with BUILD_TESTING=ON"
rm -rf "$off"
echo "test_build_testing: 6 checks, 0 failed"
