#!/usr/bin/env bash
# Style and lint of our C++ (issue 17 §3): clang-format on every source (.clang-format), then clang-tidy
# (.clang-tidy) on cpom-run's office-free core, against build/compile_commands.json (run scripts/build.sh first).
#   bash scripts/check-style.sh           format check, then clang-tidy on cli/core (what CI runs: about 2 min)
#   bash scripts/check-style.sh --all     clang-tidy on every translation unit of ours (10 min and more)
#   bash scripts/check-style.sh --fix     rewrite the sources in the project's format
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' '*.h' '*.c' | grep -v '^fuzz/corpus/')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${sources[@]}"
  exit 0
fi
clang-format --dry-run --Werror "${sources[@]}"
echo "clang-format : ${#sources[@]} fichiers conformes"
if [[ ! -f build/compile_commands.json ]]; then
  echo "clang-tidy : build/compile_commands.json manquant (lancer scripts/build.sh)" >&2
  exit 1
fi
if [[ "${1:-}" == "--all" ]]; then
  files='(engine|addin|cli|uno)/.*\.cpp$'
else
  files='cli/core/src/.*\.cpp$'
fi
# GCC-only warning flags of the build (cmake/Warnings.cmake) are unknown to clang: not a finding.
run-clang-tidy -quiet -p build -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option "$files" > build/clang-tidy.log 2>&1 || {
  grep -E "warning:|error:" build/clang-tidy.log | sort -u >&2
  exit 1
}
echo "clang-tidy : aucune remarque ($files)"
