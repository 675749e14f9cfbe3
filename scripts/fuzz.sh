#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs each for N seconds (default 60).
# Corpus: fuzz/corpus/<target>/ (kept in the repository; new interesting inputs are added there), plus seeds
# written from the documented examples of metadata/*.toml. A crash leaves its input in build-fuzz/artifacts/.
# Usage: scripts/fuzz.sh [seconds] [target...]     e.g. scripts/fuzz.sh 600 call
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build=build-fuzz
CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCPOM_BUILD_FUZZERS=ON \
  -DCPOM_BUILD_ADDIN=OFF -DCPOM_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
/usr/bin/python3 tools/fuzz_seeds.py metadata "$build/seeds"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for binary in "$build"/fuzz/*_fuzzer; do targets+=("$(basename "${binary%_fuzzer}")"); done
fi
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "$build/seeds/$target" "$build/artifacts/$target"
  echo "== fuzzing $target for ${seconds} s"
  # -timeout: a call slower than 10 s is a hang; -rss_limit_mb: the 1 M-cell ceiling stays far below it.
  "$build/fuzz/${target}_fuzzer" "fuzz/corpus/$target" "$build/seeds/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target/" 2>"$build/$target.log" || {
      tail -n 60 "$build/$target.log"; echo "fuzz target $target FAILED (input in $build/artifacts/$target/)"; exit 1; }
  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$build/$target.log" || true
done
echo "fuzzing: ${#targets[@]} target(s), no failure"
