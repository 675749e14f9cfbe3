#!/usr/bin/env bash
# Benchmark in a real headless LibreOffice: the add-in against the same work in built-in formulas, one run,
# median of 5 full recalculations timed inside the office (docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
/usr/bin/python3 benchmarks/office/bench_office.py --oxt "$(ls build/cpom-calc-*.oxt)" "$@"
