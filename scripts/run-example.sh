#!/usr/bin/env bash
# Recalculates the example CPOM projection and writes it as ODS and PDF in out/. The workbook is built from its text
# source (examples/cpom_projection.toml) as a template, then cpom-run, the command line (docs/cli.md), opens it in a
# headless LibreOffice with the add-in installed, recalculates it and exports out/projection-cpom.{ods,pdf}.
set -euo pipefail
cd "$(dirname "$0")/.."
oxt=$(ls build/cpom-calc-*.oxt)
/usr/bin/python3 tools/workbook.py examples/cpom_projection.toml --oxt "$oxt" --ots build/examples/projection-cpom.ots
build/cpom-run build/examples/projection-cpom.ots --out out --format ods,pdf
