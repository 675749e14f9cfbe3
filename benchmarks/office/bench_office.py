#!/usr/bin/env python3
"""Benchmark in a real headless LibreOffice: each case of cases.py written with the add-in and with built-in
formulas only, loaded side by side in one office, checked to give the same numbers, then recalculated
(calculateAll) RUNS times each; the median is reported with the speed-up. calculateAll is timed inside the
office process by a Python macro (in_office_timer.py), so the UNO round trip is not counted.

Usage: bench_office.py --oxt build/cpom-calc-0.1.0.oxt [--runs 5] [--case projection ...]
"""
from __future__ import annotations

import argparse
import pathlib
import shutil
import statistics
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tools"))
from office import Office  # noqa: E402

import cases  # noqa: E402

TIMER = "vnd.sun.star.script:in_office_timer.py$recalc_times?language=Python&location=user"


class Bench:
    def __init__(self, office: Office, runs: int, workdir: pathlib.Path):
        self.office, self.runs, self.workdir = office, runs, workdir
        scripts = office.profile / "user" / "Scripts" / "python"
        scripts.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "in_office_timer.py", scripts)
        factory = office.service("com.sun.star.script.provider.MasterScriptProviderFactory")
        self.timer = factory.createScriptProvider("").getScript(TIMER)
        descriptions = office.service("com.sun.star.sheet.FunctionDescriptions")
        self.functions = {dict((p.Name, p.Value) for p in descriptions.getByIndex(i)).get("Name")
                          for i in range(descriptions.getCount())}

    def available(self, name: str) -> bool:
        return name in self.functions

    def load(self, book, name: str):
        path = self.workdir / f"{name}.fods"
        book.write(path)
        doc = self.office.load(path)
        doc.calculateAll()  # first computation (and warm-up) outside the timing
        return doc

    def median_ms(self, doc) -> float:
        times = self.timer.invoke((doc.getURL(), self.runs), (), ())[0]
        return statistics.median(times) * 1000


def values(doc, address: str) -> list[list]:
    sheet, cells = address.split(".", 1)
    return [list(r) for r in doc.Sheets.getByName(sheet).getCellRangeByName(cells).getDataArray()]


def agreement(case, addin_doc, builtin_doc) -> str:
    a, b = values(addin_doc, case.output), values(builtin_doc, case.output)
    if case.statistical:
        addin_doc.calculateAll()
        again = values(addin_doc, case.output)
        (p, median, p90), (bp, bmedian, bp90) = a[0], b[0]
        ok = abs(p - bp) <= 0.02 and abs(median / bmedian - 1) <= 0.03 and abs(p90 / bp90 - 1) <= 0.03
        return (f"{'agree' if ok else 'DIFFER'} within sampling error (add-in {p:.3f}/{median:,.0f}/{p90:,.0f}, "
                f"built-in {bp:.3f}/{bmedian:,.0f}/{bp90:,.0f}); add-in "
                f"{'reproducible' if again == a else 'NOT REPRODUCIBLE'}")
    if case.tolerance is None:
        return "not compared (different functions)"
    worst = 0.0
    for row_a, row_b in zip(a, b):
        for x, y in zip(row_a, row_b):
            if not (isinstance(x, float) and isinstance(y, float)):
                return f"DIFFER: {x!r} against {y!r}"
            worst = max(worst, abs(x - y) / max(1.0, abs(y)))
    cells = sum(len(r) for r in a)
    return f"same {cells} numbers" if worst <= case.tolerance else f"DIFFER by {worst:.2e} (relative)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--case", action="append", help="run only these cases (by name)")
    opts = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp, Office(opts.oxt) as office:
        bench = Bench(office, opts.runs, pathlib.Path(tmp))
        print("| work | built-in only (bar) | built-in here | add-in | speed-up | target | check |")
        print("|---|---|---|---|---|---|---|")
        for make in cases.ALL:
            case = make()
            if opts.case and case.name not in opts.case:
                continue
            missing = [f for f in case.needs if not bench.available(f)]
            if missing:
                print(f"| {case.work} | {case.bar_ms} ms | skipped: {', '.join(missing)} is not in this build "
                      "(FunctionDescriptions) | | | | |")
                continue
            addin_doc, builtin_doc = bench.load(case.addin, "addin"), bench.load(case.builtin, "builtin")
            try:
                check = agreement(case, addin_doc, builtin_doc)
                builtin_ms, addin_ms = bench.median_ms(builtin_doc), bench.median_ms(addin_doc)
            finally:
                addin_doc.close(True)
                builtin_doc.close(True)
            speedup = builtin_ms / addin_ms
            bar = f"{case.bar_ms} ms" if case.bar_ms else "—"
            target = f"≥ {case.target:g}×" if case.target else "—"
            met = "" if not case.target else (" ✓" if speedup >= case.target else " ✗ below target")
            print(f"| {case.work} | {bar} | {builtin_ms:.2f} ms | {addin_ms:.2f} ms | {speedup:.2f}×{met} | {target} "
                  f"| {check} |")
            if case.calls:
                print(f"| per call | 1.0 µs (FV); 3.0 µs (a minimal C++ add-in) | {builtin_ms * 1000 / case.calls:.2f} µs "
                      f"| {addin_ms * 1000 / case.calls:.2f} µs | | ≤ 3.0 µs | |")
            failures += "DIFFER" in check or "NOT" in check
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
