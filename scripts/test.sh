#!/usr/bin/env bash
# Builds (if needed) and runs every test: engine unit tests, generated-docs check, and the integration tests in a
# real headless LibreOffice. Run scripts/install-deps.sh once before on a new machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# The full hostile-data harness (label hostile, about 8 minutes) runs apart: ctest --test-dir build -L hostile
ctest --test-dir build --output-on-failure -j2 --timeout 900 -LE hostile
