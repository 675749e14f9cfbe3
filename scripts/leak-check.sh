#!/usr/bin/env bash
# Leak check of the add-in inside a live LibreOffice (docs/reliability.md, "Leak check"): builds the engine and the
# add-in with AddressSanitizer in build-asan/ (CPOM_SANITIZE_ADDIN), runs the soak (tests/integration/test_soak.py)
# in a stock soffice that preloads the ASan runtime, and reads the reports LeakSanitizer writes when soffice exits.
# Fails if any report (leak or ASan error) has a frame of libcpomcalc.so or of cpom:: code, and prints it.
# Manual check, not in CI (about 15 min at the default size):
#     bash scripts/leak-check.sh [calls per function and path, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-2000}
build=build-asan
logs=$PWD/$build/asan-logs
asan=$(gcc -print-file-name=libasan.so)
[[ -f $asan ]] || { echo "leak-check: no ASan runtime ($asan)" >&2; exit 2; }

rm -rf "$logs"
mkdir -p "$logs/build" "$logs/soak"
# Every soffice started by tools/office.py (also those that build the templates of the .oxt) gets the ASan runtime.
# halt_on_error=0: an error is reported and the run goes on (the add-in is built with -fsanitize-recover=address);
# exitcode=0: leaks found at exit leave soffice's exit status alone; the verdict is given below, from the logs.
# The fast unwinder stops at LibreOffice's frames (no frame pointers): fast_unwind_on_malloc=0 would show whole
# stacks but makes every allocation of the office so slow that the soak does not fit in an hour.
export CPOM_OFFICE_PRELOAD=$asan
asan_options=detect_leaks=1:halt_on_error=0:exitcode=0:log_exe_name=1:malloc_context_size=30:detect_odr_violation=0

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCPOM_SANITIZE_ADDIN=ON >/dev/null
ASAN_OPTIONS=$asan_options:log_path=$logs/build/asan \
  cmake --build "$build" -j"$(nproc)" --target oxt cpom-run >/dev/null

started=$(date +%s)
status=0
# No bound on soffice's memory growth under ASan (freed memory waits in quarantine); every other check stands.
ASAN_OPTIONS=$asan_options:log_path=$logs/soak/asan CPOM_SOAK_CALLS=$calls CPOM_SOAK_MAX_GROWTH=inf \
  ctest --test-dir "$build" -L soak -V >"$logs/soak.out" 2>&1 || status=$?
grep -E '^[0-9]+: (soak:|FAIL|ERROR|OK|Ran )' "$logs/soak.out" || true
echo "leak-check: soak finished with status $status in $(( $(date +%s) - started )) s (log: $logs/soak.out)"

/usr/bin/python3 - "$logs" "$status" <<'EOF'
"""Splits the ASan logs into reports: a leak (LeakSanitizer, at exit) runs to the next blank line, an ASan error
to its SUMMARY line. A report is ours if one of its frames is in libcpomcalc.so or in cpom:: code.
One exception: the type singleton that the SDK's generated headers create once per process and never free
(cppu_detail_getUnoType, e.g. the type of RuntimeException when the add-in first throws IllegalArgumentException)
is shown but not counted, as long as it is one object: a leak that grows with the calls is never one object."""
import pathlib
import re
import sys

logs, soak_status = pathlib.Path(sys.argv[1]), int(sys.argv[2])
leak_start = re.compile(r"^(Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object")
error_start = re.compile(r"^==\d+==ERROR: AddressSanitizer")
ours = re.compile(r"libcpomcalc\.so|cpom::")
counts = {"leak": 0, "error": 0}
lsan_in_soffice = False
mine, singletons, per_log = [], [], []
for path in sorted(logs.rglob("asan.*")):
    lines = path.read_text(errors="replace").splitlines()
    lsan_in_soffice |= "soffice.bin" in path.name and any("LeakSanitizer" in line for line in lines)
    leaks = leaked = 0
    i = 0
    while i < len(lines):
        leak = leak_start.match(lines[i])
        kind = "leak" if leak else "error" if error_start.match(lines[i]) else None
        if kind is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (lines[j].strip() if kind == "leak" else not lines[j - 1].startswith("SUMMARY:")):
            j += 1
        report = "\n".join(lines[i:j])
        counts[kind] += 1
        if leak:
            leaks += 1
            leaked += int(leak[2])
        if ours.search(report):
            singleton = leak and leak[3] == "1" and "cppu_detail_getUnoType" in report
            (singletons if singleton else mine).append(f"--- {path.relative_to(logs)}\n{report}")
        i = j
    if leaks:
        per_log.append(f"{path.relative_to(logs)}: {leaks} leak report(s), {leaked} byte(s)")

print("leak-check: " + ("; ".join(per_log) or "no leak report"))
print(f"leak-check: {counts['leak']} leak report(s) and {counts['error']} ASan error(s) in total "
      f"(logs in {logs}); {len(mine)} involving libcpomcalc.so / cpom::"
      + (f" (+ {len(singletons)} one-time type singleton(s) of the SDK headers, not counted)" if singletons else ""))
if mine:
    print("\n\n".join(mine))
    sys.exit(1)
if not lsan_in_soffice:
    print("leak-check: LeakSanitizer wrote nothing for soffice.bin: did soffice exit normally?")
    sys.exit(1)
if soak_status:
    print("leak-check: the soak itself failed")
    sys.exit(soak_status)
EOF
