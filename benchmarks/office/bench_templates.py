#!/usr/bin/env python3
"""Full recalculation of each template shipped in the extension, in a real headless LibreOffice: the .ots is opened
as File ▸ New ▸ Templates does, computed once (warm-up), then calculateAll() is timed inside the office process
(in_office_timer.py, no UNO round trip) RUNS times; the median (and the fastest run) is reported in milliseconds.

With --before OTHER.oxt (e.g. the extension built from main), both extensions run in two offices side by side and
their templates are recalculated in turn (A, B, A, B…), so that a burst of load on this shared machine hits both
alike: a change of the templates' formulas or of the engine is measured against what it replaces.

Usage: bench_templates.py --oxt build/cpom-calc-0.1.0.oxt [--before OTHER.oxt] [--runs 9] [--template eprd ...]
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import tempfile
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tools"))
from office import Office, props  # noqa: E402

from bench_office import Bench  # noqa: E402  (installs the in-office timer)


def templates_of(oxt: str, folder: pathlib.Path) -> dict[str, pathlib.Path]:
    """The .ots files inside the extension, extracted into `folder`."""
    found = {}
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(oxt) as package:
        for name in package.namelist():
            if name.startswith("templates/") and name.endswith(".ots"):
                target = folder / pathlib.Path(name).name
                target.write_bytes(package.read(name))
                found[target.stem] = target
    return found


class Side:
    """One extension in its own office: its templates opened and ready to be timed."""

    def __init__(self, office: Office, oxt: str, runs: int, workdir: pathlib.Path):
        self.office = office
        self.workdir = workdir
        self.bench = Bench(office, runs, workdir)
        self.paths = templates_of(oxt, workdir / "templates")
        self.docs = {}

    def open(self, name: str):
        doc = self.office.desktop.loadComponentFromURL(self.paths[name].as_uri(), "_blank", 0,
                                                       props(Hidden=True, AsTemplate=True))
        # Saved once: a document made from a template has no URL, and the timer finds its document by URL.
        doc.storeAsURL((self.workdir / f"{name}.ods").as_uri(), props(FilterName="calc8"))
        doc.calculateAll()  # first computation (and warm-up) outside the timing
        self.docs[name] = doc
        return doc

    def time_ms(self, name: str) -> float:
        """One calculateAll of an opened template, timed inside the office."""
        return self.bench.timer.invoke((self.docs[name].getURL(), 1), (), ())[0][0] * 1000

    def close(self) -> None:
        for doc in self.docs.values():
            doc.close(True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True, help="the extension measured")
    parser.add_argument("--before", help="another extension, measured in turn with it (e.g. built from main)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--template", action="append", help="only these templates (by file stem)")
    opts = parser.parse_args()
    oxts = [opts.oxt] + ([opts.before] if opts.before else [])
    with tempfile.TemporaryDirectory() as tmp:
        offices = [Office(oxt, locale="fr-FR").__enter__() for oxt in oxts]
        try:
            sides = [Side(office, oxt, opts.runs, pathlib.Path(tmp) / str(i))
                     for i, (office, oxt) in enumerate(zip(offices, oxts))]
            names = sorted(set.intersection(*(set(side.paths) for side in sides)))
            columns = (["after: median (min), ms", "before: median (min), ms", "after / before (medians)"]
                       if len(sides) == 2 else ["median (min), ms"])
            header = "| template | " + " | ".join(columns)
            print(header + " |")
            print("|---" * (header.count("|")) + "|")
            for name in names:
                if opts.template and name not in opts.template:
                    continue
                for side in sides:
                    side.open(name)
                times = [[] for _ in sides]
                for _ in range(opts.runs):
                    for side, own in zip(sides, times):
                        own.append(side.time_ms(name))
                medians = [statistics.median(own) for own in times]
                # The fastest run too: on a loaded machine other processes only ever add time.
                cells = [f"{statistics.median(own):.1f} ({min(own):.1f})" for own in times]
                if len(medians) == 2:
                    cells.append(f"{medians[0] / medians[1]:.2f}")
                print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
                for side in sides:
                    side.docs.pop(name).close(True)
        finally:
            for office in offices:
                office.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
