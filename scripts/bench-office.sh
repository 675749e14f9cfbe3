#!/usr/bin/env bash
# Benchmark in a real headless LibreOffice: the add-in against the same work in built-in formulas, one run,
# median of 5 full recalculations timed inside the office (docs/performance.md). The per-call case also measures
# a minimal add-in (benchmarks/office/minimal_addin, target minimal_oxt, not part of `all`) in the same office; then
# the whole projection-cpom template with 6, 30 and 40 blocks (benchmarks/office/bench_dossier.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cmake --build build --target minimal_oxt -j"$(nproc)"
/usr/bin/python3 benchmarks/office/bench_office.py --oxt "$(ls build/cpom-calc-*.oxt)" \
  --minimal-oxt build/benchmarks/office/minimal-addin.oxt "$@"
# The whole projection-cpom dossier (issue 16): 6, 30 and 40 blocks, median of 9 recalculations of the workbook.
/usr/bin/python3 benchmarks/office/bench_dossier.py --oxt "$(ls build/cpom-calc-*.oxt)"
