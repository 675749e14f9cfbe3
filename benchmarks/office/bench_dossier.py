#!/usr/bin/env python3
"""Benchmark of a whole template in a real headless LibreOffice (issue 16): the projection-cpom dossier with its 6
example blocks, then 30 and 40 blocks (copies of the example's, scaled so that no two are equal) and a full
investment plan, recalculated (calculateAll of the whole workbook: every CPOM_DOSSIER table, the per-block and
per-financer Monte Carlo at 10 000 scenarios, the consolidation, the sensitivity, the synthesis) RUNS times; the
median of the elapsed time and of the office's processor time (all its threads: the work done, which other
processes of a loaded machine lengthen less) is reported. calculateAll is timed inside the office
(in_office_timer.py), as for bench_office.py and bench_templates.py.

Usage: bench_dossier.py --oxt build/cpom-calc-0.1.0.oxt [--template build/templates/CPOM/projection-cpom.ots]
                        [--runs 9] [--blocks 6 30 40]
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

from bench_office import TIMER, Bench  # noqa: E402  (installs the in-office timer)

CPU_TIMER = TIMER.replace("$recalc_times", "$recalc_cpu_times")

CHARGES, ABSENTEEISM, RESOURCES, PLAN = 41, 85, 129, 6  # first rows of the block tables and of the PPI


def write(sheet, address: str, value) -> None:
    cell = sheet.getCellRangeByName(address)
    if value is None or value == "":
        cell.setString("")
    elif isinstance(value, str):
        cell.setString(value)
    else:
        cell.setValue(value)


def fill(doc, blocks: int) -> None:
    """Blocks 6.. copied from the example's six, charges, resources and reserves × (1 + k/100); 20 PPI lines."""
    sheet = doc.Sheets.getByName("Hypothèses")
    sheet.unprotect("")
    charges = sheet.getCellRangeByName(f"B{CHARGES}:J{CHARGES + 5}").getDataArray()
    absences = sheet.getCellRangeByName(f"E{ABSENTEEISM}:J{ABSENTEEISM + 5}").getDataArray()
    resources = sheet.getCellRangeByName(f"E{RESOURCES}:N{RESOURCES + 5}").getDataArray()
    for k in range(6, blocks):
        scale = 1 + k / 100
        row = list(charges[k % 6])
        row[3:6] = [x * scale for x in row[3:6]]
        for c, value in enumerate(row):
            write(sheet, f"{chr(ord('B') + c)}{CHARGES + k}", value)
        for c, value in enumerate(absences[k % 6]):
            write(sheet, f"{chr(ord('E') + c)}{ABSENTEEISM + k}", value)
        row = list(resources[k % 6])
        row[0] *= scale
        row[9] *= scale
        for c, value in enumerate(row):
            write(sheet, f"{chr(ord('E') + c)}{RESOURCES + k}", value)
    sheet.protect("")
    if blocks > 6:
        plan = doc.Sheets.getByName("PPI")
        plan.unprotect("")
        for line in range(3, 20):  # the example's 3 lines, then one per block up to 20
            values = [f"Opération {line + 1}", line % blocks + 1, line % 5 + 1, 50_000 + 1_000 * line, 10, 5_000,
                      20_000, 0.03, 10]
            for c, value in enumerate(values):
                write(plan, f"{chr(ord('B') + c)}{PLAN + line}", value)
        plan.protect("")


def error_cells(doc) -> int:
    """Formula cells in error in the whole workbook (there should be none with these inputs)."""
    from com.sun.star.sheet.FormulaResult import ERROR
    return sum((a.EndRow - a.StartRow + 1) * (a.EndColumn - a.StartColumn + 1)
               for sheet in doc.Sheets for a in sheet.queryFormulaCells(ERROR).getRangeAddresses())


def medians_ms(timers, doc, runs: int) -> list[float]:
    """Median elapsed and processor time of one calculateAll, timed inside the office, in milliseconds."""
    url = doc.getURL()
    times = [[timer.invoke((url, 1), (), ())[0][0] for _ in range(runs)] for timer in timers]
    return [statistics.median(own) * 1000 for own in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--template", default=None)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--blocks", type=int, nargs="+", default=[6, 30, 40])
    opts = parser.parse_args()
    template = pathlib.Path(opts.template or pathlib.Path(opts.oxt).parent / "templates" / "CPOM" / "projection-cpom.ots")
    print("| workbook | blocks | PPI lines | error cells | elapsed (median of %d) | processor time (median) |" % opts.runs)
    print("|---|---|---|---|---|---|")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp, Office(opts.oxt, locale="fr-FR") as office:
        timer = Bench(office, opts.runs, pathlib.Path(tmp)).timer  # installs in_office_timer.py in the profile
        factory = office.service("com.sun.star.script.provider.MasterScriptProviderFactory")
        timers = (timer, factory.createScriptProvider("").getScript(CPU_TIMER))
        for blocks in opts.blocks:
            doc = office.desktop.loadComponentFromURL(template.resolve().as_uri(), "_blank", 0,
                                                      props(Hidden=True, AsTemplate=True))
            fill(doc, blocks)
            path = pathlib.Path(tmp) / f"dossier-{blocks}.ods"
            office.store(doc, path, "calc8")
            doc.close(True)
            doc = office.load(path)
            doc.calculateAll()  # first computation (and warm-up) outside the timing
            errors = error_cells(doc)
            state = doc.Sheets.getByName("Synthèse").getCellRangeByName("A4").getString()
            try:
                elapsed, cpu = medians_ms(timers, doc, opts.runs)
            finally:
                doc.close(True)
            failures += errors > 0
            print(f"| projection-cpom | {blocks} | {3 if blocks <= 6 else 20} | {errors} ({state}) | {elapsed:.0f} ms "
                  f"| {cpu:.0f} ms |")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
