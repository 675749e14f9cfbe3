#!/usr/bin/env bash
# Recalculates the example CPOM projection and writes it as ODS and PDF in out/. The build turns its text source
# (examples/cpom_projection.toml) into build/examples/projection-cpom.ots; cpom-run, the command line (docs/cli.md),
# opens it in a headless LibreOffice with the add-in installed, recalculates it and exports out/projection-cpom.{ods,pdf}.
set -euo pipefail
cd "$(dirname "$0")/.."
build/cpom-run build/examples/projection-cpom.ots --out out --format ods,pdf
