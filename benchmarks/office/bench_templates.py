#!/usr/bin/env python3
"""Full recalculation of each template shipped in the extension, in a real headless LibreOffice: the .ots is opened
as File ▸ New ▸ Templates does, computed once (warm-up), then calculateAll() is timed inside the office process
(in_office_timer.py, no UNO round trip) RUNS times: the median elapsed time (and the fastest run), and the median
processor time of the office's threads (the work done: on a loaded machine other processes lengthen the elapsed
time, not this), in milliseconds.

With --before OTHER.oxt (e.g. the extension built from main), both extensions run in two offices side by side and
their templates are recalculated in turn (A, B, A, B…), so that a burst of load on this shared machine hits both
alike: a change of the templates' formulas or of the engine is measured against what it replaces.

With --full-balances, every line of the trial balances is used (blank lines filled): the worst case of the checks
made row by row.

Usage: bench_templates.py --oxt build/cpom-calc-0.1.0.oxt [--before OTHER.oxt] [--runs 9] [--template eprd ...]
                          [--full-balances]
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tools"))
from office import Office, props  # noqa: E402
from oxt_templates import extract_templates  # noqa: E402

from bench_office import TIMER, Bench  # noqa: E402  (installs the in-office timer)

CPU_TIMER = TIMER.replace("$recalc_times", "$recalc_cpu_times")


class Side:
    """One extension in its own office, and the template being timed."""

    def __init__(self, office: Office, oxt: str, workdir: pathlib.Path, full_balances: bool):
        self.office = office
        self.workdir = workdir
        self.full_balances = full_balances
        timer = Bench(office, 1, workdir).timer  # installs in_office_timer.py in the office's profile
        factory = office.service("com.sun.star.script.provider.MasterScriptProviderFactory")
        self.timers = (timer, factory.createScriptProvider("").getScript(CPU_TIMER))
        self.paths = extract_templates(oxt, workdir / "templates")
        self.docs = {}

    def open(self, name: str) -> None:
        doc = self.office.desktop.loadComponentFromURL(self.paths[name].as_uri(), "_blank", 0,
                                                       props(Hidden=True, AsTemplate=True))
        if self.full_balances:
            fill_balances(doc)
        # Saved once: a document made from a template has no URL, and the timer finds its document by URL.
        doc.storeAsURL((self.workdir / f"{name}.ods").as_uri(), props(FilterName="calc8"))
        doc.calculateAll()  # first computation (and warm-up) outside the timing
        self.docs[name] = doc

    def time_ms(self, name: str) -> tuple[float, float]:
        """One calculateAll of the template, timed inside the office: elapsed, then processor time."""
        url = self.docs[name].getURL()
        return tuple(timer.invoke((url, 1), (), ())[0][0] * 1000 for timer in self.timers)

    def close(self, name: str) -> None:
        self.docs.pop(name).close(True)


def fill_balances(doc) -> None:
    """Every line of every trial balance used (the worst case of checks made row by row): the blank lines of a range
    named <x>_comptes get the account of its first line, those of the other <x>_… ranges an amount of 100."""
    names = doc.NamedRanges
    accounts = [n for n in names.getElementNames() if n.endswith("_comptes")]
    for name in accounts:
        prefix = name[: -len("comptes")]
        first = None
        for target in [name] + [n for n in names.getElementNames() if n.startswith(prefix) and n != name]:
            cells = names.getByName(target).getReferredCells()
            doc.Sheets.getByIndex(cells.getRangeAddress().Sheet).unprotect("")
            rows = cells.getDataArray()
            first = rows[0][0] if first is None else first
            fill = first if target == name else 100.0
            cells.setDataArray(tuple(tuple(fill if v == "" else v for v in row) for row in rows))


def summary(times: list[list[tuple[float, float]]]) -> list[str]:
    """The table's cells of one template: elapsed time, median (fastest run: other processes only ever add time),
    and median processor time, for each extension; then after / before."""
    elapsed = [statistics.median(t for t, _ in own) for own in times]
    cpu = [statistics.median(c for _, c in own) for own in times]
    cells = [f"{e:.1f} ({min(t for t, _ in own):.1f}) ms" for e, own in zip(elapsed, times)]
    cells += [f"{c:.1f} ms" for c in cpu]
    if len(times) == 2:
        cells.append(f"{elapsed[0] / elapsed[1]:.2f} elapsed, {cpu[0] / cpu[1]:.2f} processor")
    return cells


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True, help="the extension measured")
    parser.add_argument("--before", help="another extension, measured in turn with it (e.g. built from main)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--template", action="append", help="only these templates (by file stem)")
    parser.add_argument("--full-balances", action="store_true", help="every line of the trial balances used")
    opts = parser.parse_args()
    oxts = [opts.oxt] + ([opts.before] if opts.before else [])
    columns = (["elapsed after", "elapsed before", "processor after", "processor before", "after / before"]
               if opts.before else ["elapsed", "processor"])
    with tempfile.TemporaryDirectory() as tmp:
        offices = [Office(oxt, locale="fr-FR").__enter__() for oxt in oxts]
        try:
            sides = [Side(office, oxt, pathlib.Path(tmp) / str(i), opts.full_balances)
                     for i, (office, oxt) in enumerate(zip(offices, oxts))]
            print("| template | " + " | ".join(columns) + " |")
            print("|---" * (len(columns) + 1) + "|")
            for name in sorted(set.intersection(*(set(side.paths) for side in sides))):
                if opts.template and name not in opts.template:
                    continue
                for side in sides:
                    side.open(name)
                times = [[] for _ in sides]
                for _ in range(opts.runs):
                    for side, own in zip(sides, times):
                        own.append(side.time_ms(name))
                print(f"| {name} | " + " | ".join(summary(times)) + " |", flush=True)
                for side in sides:
                    side.close(name)
        finally:
            for office in offices:
                office.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
