#!/usr/bin/env bash
# Builds the engine and its unit tests with AddressSanitizer + UndefinedBehaviorSanitizer in build-sanitize/
# and runs them: any out-of-bounds read, leak, overflow or bad cast stops the run with a report.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-sanitize
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCPOM_SANITIZE=ON -DCPOM_BUILD_ADDIN=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
