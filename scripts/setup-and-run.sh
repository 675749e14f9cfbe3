#!/usr/bin/env bash
# The main job for a new user: installs the packages, builds the add-in, then recalculates the example CPOM
# projection in a headless LibreOffice with the add-in installed, and writes out/projection-cpom.{ods,pdf}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
bash scripts/run-example.sh
