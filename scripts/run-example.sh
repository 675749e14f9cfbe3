#!/usr/bin/env bash
# Recalculates the example CPOM projection (examples/cpom_projection.toml) and writes it as ODS and PDF in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
oxt=$(ls build/cpom-calc-*.oxt)
/usr/bin/python3 tools/workbook.py examples/cpom_projection.toml --oxt "$oxt" \
  --ods out/projection-cpom.ods --pdf out/projection-cpom.pdf
