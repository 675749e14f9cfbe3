#!/usr/bin/env python3
"""Benchmark in a real headless LibreOffice: each case of cases.py written with the add-in and with built-in
formulas only, loaded side by side in one office, checked to give the same numbers, then recalculated
(calculateAll) RUNS times each, in turn; the median is reported with the speed-up. The built-in book is
measured with Calc's default settings (multi-threaded calculation of formula groups) and again on one thread; a
case may add a "floor" book, an array formula that only copies as many numbers as the add-in's result.
calculateAll is timed inside the office process by a Python macro (in_office_timer.py), so the UNO round trip
is not counted.

The per-call case is also measured with a minimal add-in (benchmarks/office/minimal_addin: one method, three
scalar doubles) installed in the same office when --minimal-oxt is given: the reference cost of an add-in call.

Usage: bench_office.py --oxt build/cpom-calc-0.1.0.oxt [--minimal-oxt build/benchmarks/office/minimal-addin.oxt]
                       [--runs 5] [--case projection ...]
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

    def set_threading(self, on: bool) -> None:
        """Tools ▸ Options ▸ Calc ▸ Calculate ▸ multi-threaded calculation (on by default): Calc may then compute
        groups of like built-in formulas on several threads. Read by Calc at each calculation."""
        from com.sun.star.beans import PropertyValue
        node = PropertyValue()
        node.Name, node.Value = "nodepath", "/org.openoffice.Office.Calc/Formula/Calculation"
        provider = self.office.service("com.sun.star.configuration.ConfigurationProvider")
        access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", (node,))
        access.setPropertyValue("UseThreadedCalculationForFormulaGroups", on)
        access.commitChanges()

    def available(self, name: str) -> bool:
        return name in self.functions

    def load(self, book, name: str):
        path = self.workdir / f"{name}.fods"
        book.write(path)
        doc = self.office.load(path)
        doc.calculateAll()  # first computation (and warm-up) outside the timing
        return doc

    def medians_ms(self, *docs) -> list[float]:
        """Recalculates the documents in turn (A, B, A, B...) so that a burst of load on this shared machine hits
        all of them alike; returns the median of each, in milliseconds."""
        times = [[] for _ in docs]
        for _ in range(self.runs):
            for doc, own in zip(docs, times):
                own.extend(self.timer.invoke((doc.getURL(), 1), (), ())[0])
        return [statistics.median(own) * 1000 for own in times]


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


def minimal_check(case, doc) -> str:
    """The minimal add-in's cells hold a + b + c of their inputs."""
    inputs = values(doc, case.output.replace("Out.", "In.").replace(":A", ":C"))
    worst = 0.0
    for (x,), row in zip(values(doc, case.output), inputs):
        if not isinstance(x, float):
            return f"minimal add-in DIFFER: {x!r}"
        worst = max(worst, abs(x - sum(row)) / max(1.0, abs(sum(row))))
    return "minimal add-in: a + b + c in every cell" if worst <= 1e-12 else f"minimal add-in DIFFER by {worst:.2e}"


def per_call_table(rows: list[tuple]) -> None:
    print()
    print("| per call | `=FV(rate; nper; pmt)` (built-in) | minimal add-in (named in the first column) "
          "| `=CPOM_TURNOVER(entries; exits; headcount)` (ours) | ours / minimal | minimal / FV | check |")
    print("|---|---|---|---|---|---|---|")
    for work, fv, minimal, ours, check in rows:
        def us(v):
            return "not measured (no --minimal-oxt)" if v is None else f"{v:.2f} µs"
        ratios = ("—", "—") if minimal is None else (f"{ours / minimal:.2f}×", f"{minimal / fv:.2f}×")
        print(f"| {work} | {us(fv)} | {us(minimal)} | {us(ours)} | {ratios[0]} | {ratios[1]} | {check} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--minimal-oxt", help="the minimal add-in (target minimal_oxt), installed in the same office")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--case", action="append", help="run only these cases (by name)")
    opts = parser.parse_args()
    failures = 0
    per_call_rows = []
    oxts = [opts.oxt] + ([opts.minimal_oxt] if opts.minimal_oxt else [])
    with tempfile.TemporaryDirectory() as tmp, Office(oxts) as office:
        bench = Bench(office, opts.runs, pathlib.Path(tmp))
        print("| work | built-in, issue's bar | built-in here (Calc's default: multi-threaded) | built-in here, one thread "
              "| add-in | floor (array copy) | speed-up on built-in here (default; one thread) | speed-up on the bar "
              "| target | check |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for make in cases.ALL:
            case = make()
            if opts.case and case.name not in opts.case:
                continue
            missing = [f for f in case.needs if not bench.available(f)]
            if missing:
                print(f"| {case.work} | {case.bar_ms} ms | skipped: {', '.join(missing)} is not in this build "
                      "(FunctionDescriptions) | | | | | | | |")
                continue
            addin_doc, builtin_doc = bench.load(case.addin, "addin"), bench.load(case.builtin, "builtin")
            minimal_doc = floor_doc = None
            if case.minimal is not None and opts.minimal_oxt:
                if not bench.available(case.minimal_function):
                    raise SystemExit(f"{case.minimal_function} is not in FunctionDescriptions: {opts.minimal_oxt}?")
                minimal_doc = bench.load(case.minimal, "minimal")
            if case.floor is not None:
                floor_doc = bench.load(case.floor, "floor")
            docs = {"builtin": builtin_doc, "addin": addin_doc, "minimal": minimal_doc, "floor": floor_doc}
            try:
                check = agreement(case, addin_doc, builtin_doc)
                if minimal_doc is not None:
                    check += "; " + minimal_check(case, minimal_doc)
                loaded = {name: doc for name, doc in docs.items() if doc is not None}
                ms = dict(zip(loaded, bench.medians_ms(*loaded.values())))
                builtin_ms, addin_ms, minimal_ms, floor_ms = (ms.get(name) for name in docs)
                bench.set_threading(False)
                try:
                    one_thread_ms, = bench.medians_ms(builtin_doc)
                finally:
                    bench.set_threading(True)
            finally:
                for doc in docs.values():
                    if doc is not None:
                        doc.close(True)
            speedup = builtin_ms / addin_ms
            bar = f"{case.bar_ms:g} ms" if case.bar_ms else "—"
            target = f"≥ {case.target:g}×" if case.target else "—"
            met = "" if not case.target else (" ✓" if speedup >= case.target else " ✗")
            floor = "—" if floor_ms is None else f"{floor_ms:.2f} ms"
            if case.calls:  # different functions: the per-call table below compares them
                ratios = "see the per-call table"
            else:
                ratios = f"{speedup:.2f}×{met}; {one_thread_ms / addin_ms:.2f}×"
            on_bar = f"{case.bar_ms / addin_ms:.2f}×" if case.bar_ms else "—"
            print(f"| {case.work} | {bar} | {builtin_ms:.2f} ms | {one_thread_ms:.2f} ms | {addin_ms:.2f} ms "
                  f"| {floor} | {ratios} | {on_bar} | {target} | {check} |")
            if case.calls:
                per_us = [None if ms is None else ms * 1000 / case.calls for ms in (builtin_ms, minimal_ms, addin_ms)]
                per_call_rows.append((f"{case.calls:,} cells".replace(",", " ") + f" against {case.minimal_function}",
                                      *per_us, check))
            failures += "DIFFER" in check or "NOT" in check
    if per_call_rows:
        per_call_table(per_call_rows)
        print("\nIssue's bar: 1.0 µs per cell for =FV(), 3.0 µs for a minimal C++ add-in; ours should cost no more "
              "than a minimal add-in measured the same way.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
