#!/usr/bin/env python3
"""Throughput of cpom-run (docs/performance.md): N copies of the example workbook recalculated and exported with
1 office, then with 2, several runs each; prints wall time, CPU time (cpom-run and its offices) and workbooks/minute.

    bash scripts/run-example.sh          # builds build/cpom-run and build/examples/projection-cpom.ots
    /usr/bin/python3 tools/bench_cli.py [--copies 20] [--runs 5] [--formats ods] [--jobs 1 2]

Wall times include starting the offices (about 3 s with a fresh profile). The machine's load average is printed
with each run: on a shared machine, compare medians, and CPU seconds per workbook.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def run_once(cli: pathlib.Path, inputs: pathlib.Path, jobs: int, formats: str, copies: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="cpom-bench-") as tmp:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        result = subprocess.run([str(cli), str(inputs), "-o", f"{tmp}/out", "-j", str(jobs), "-f", formats, "-q",
                                 "--work-dir", tmp], capture_output=True, text=True)
        wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            sys.exit(f"cpom-run failed ({result.returncode}):\n{result.stdout}{result.stderr}")
        written = len(list(pathlib.Path(tmp, "out").iterdir()))
        if written != copies * len(formats.split(",")):
            sys.exit(f"{written} files written, {copies} workbooks expected")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default="ods")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--cli", type=pathlib.Path, default=ROOT / "build" / "cpom-run")
    parser.add_argument("--workbook", type=pathlib.Path, default=ROOT / "build" / "examples" / "projection-cpom.ots")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cpom-bench-in-") as tmp:
        inputs = pathlib.Path(tmp)
        for i in range(opts.copies):
            shutil.copy(opts.workbook, inputs / f"etab-{i + 1:03}{opts.workbook.suffix}")
        print(f"{opts.copies} copies of {opts.workbook.name}, formats {opts.formats}, {os.cpu_count()} cores")
        results = {jobs: [] for jobs in opts.jobs}
        for run in range(opts.runs):
            for jobs in opts.jobs:  # alternate, so that a burst of load on the machine hits both settings
                wall, cpu = run_once(opts.cli, inputs, jobs, opts.formats, opts.copies)
                load = open("/proc/loadavg").read().split()[0]
                results[jobs].append((wall, cpu))
                print(f"  run {run + 1} --jobs {jobs}: {wall:5.1f} s wall, {cpu:5.1f} s CPU, "
                      f"{opts.copies / wall * 60:5.0f} classeurs/min (load {load})")
        for jobs, runs in results.items():
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            print(f"--jobs {jobs}: median {wall:.1f} s wall = {opts.copies / wall * 60:.0f} classeurs/min; "
                  f"best {min(w for w, _ in runs):.1f} s; {cpu / opts.copies:.2f} s CPU per workbook")
    return 0


if __name__ == "__main__":
    sys.exit(main())
