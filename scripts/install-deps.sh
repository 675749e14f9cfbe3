#!/usr/bin/env bash
# Installs the Debian 12 packages cpom-calc needs to build, run and test (root, or a user with sudo).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

packages=(
  cmake g++ make python3 python3-uno         # build tools; Debian's python3 carries the UNO bridge
  libreoffice-calc-nogui libreoffice-dev      # headless Calc and the SDK (headers, cppumaker, unoidl-write)
  libboost-dev libboost-math-dev libboost-random-dev libboost-program-options-dev
  libspdlog-dev libfmt-dev libgtest-dev libbenchmark-dev
  nlohmann-json3-dev                          # cpom-run reads JSON data files
  libzip-dev libxml2-dev                      # cpom-run inspects received workbooks before the office opens them
  poppler-utils                               # pdfinfo / pdftoppm: the tests look at the PDF pages
  clang libclang-rt-14-dev                    # libFuzzer and the sanitizer runtimes (scripts/fuzz.sh)
  clang-format clang-tidy                     # the style and lint checks (scripts/check-style.sh)
  libreoffice-script-provider-python          # times calculateAll inside the office (scripts/bench-office.sh)
  procps                                      # pgrep: the tests check that no office outlives cpom-run
  strace                                      # delays fsync in a cpom-run fault test (test_cli_faults.py)
)
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
# French user interface of the office: the Function Wizard then shows the French help (tests check both languages).
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-l10n-fr >/dev/null
echo "Paquets installés."
