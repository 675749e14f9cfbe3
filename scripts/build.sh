#!/usr/bin/env bash
# Configures and builds everything (engine, add-in .oxt, tests) in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
# CPOM_WARNINGS_AS_ERRORS=ON (CI): a warning of our own code fails the build (cmake/Warnings.cmake).
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCPOM_WARNINGS_AS_ERRORS="${CPOM_WARNINGS_AS_ERRORS:-OFF}" >/dev/null
cmake --build build -j"$(nproc)"
