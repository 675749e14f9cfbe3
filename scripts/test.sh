#!/usr/bin/env bash
# Builds (if needed) and runs every test: engine unit tests, generated-docs check, and the integration tests in a
# real headless LibreOffice. Run scripts/install-deps.sh once before on a new machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j2 --timeout 900
