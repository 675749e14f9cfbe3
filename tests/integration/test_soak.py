"""Soak test in a real headless LibreOffice: CPOM_SOAK_CALLS calls (default 1000) of every function of the
metadata with random, mostly hostile arguments, through com.sun.star.sheet.FunctionAccess and through formulas of
generated flat ODS sheets. The office must never crash or hang, every call must give a value or an error value
(only the errors our inputs explain), and soffice's resident memory must not grow by more than 10 % between the
first and the last quarter of the run.

    ctest --test-dir build -L soak --output-on-failure                   # the CI size
    CPOM_SOAK_CALLS=20000 ctest --test-dir build -L soak --output-on-failure   # the full soak (docs/reliability.md)
"""
from __future__ import annotations

import os
import pathlib
import random
import shutil
import statistics
import tempfile
import threading
import time
import unittest

import support
from fods import Book, addin_call, ref
from generate import all_functions, load
from soak_inputs import OdfArguments, UnoArguments, argument_count, data_sheet, largest_call

CALLS = int(os.environ.get("CPOM_SOAK_CALLS", "1000"))  # per function and per path
BATCHES = 8  # per path; memory is sampled after each batch
BATCH_TIMEOUT = 600  # seconds: a batch that takes longer is a hang, soffice is killed
SEED = int(os.environ.get("CPOM_SOAK_SEED", "20240611"))
# Under AddressSanitizer (scripts/leak-check.sh) the allocator keeps freed memory in quarantine: no bound there.
MAX_GROWTH = float(os.environ.get("CPOM_SOAK_MAX_GROWTH", "0.10"))
# Diagnosis (docs/reliability.md): after each RSS sample, make glibc give back the memory it keeps freed and sample
# again: what remains is memory still allocated. Needs soffice started with malloc_trimmer.c preloaded
# (CPOM_OFFICE_PRELOAD), which calls malloc_trim(0) on request.
TRIM = os.environ.get("CPOM_SOAK_TRIM") == "1"

# Error values a call may give. Err:502 / Err:523: the add-in refusing the input. Err:504: Calc's own "error in
# the parameter list" (too many arguments, or a range holding an error cell). #DIV/0! (532): the 1/0 we pass in,
# propagated. #VALUE! (519) is what an exception escaping the add-in would show: it is not in the list.
CELL_ERRORS = {502, 504, 523, 532}

from com.sun.star.lang import IllegalArgumentException  # noqa: E402
from com.sun.star.sheet import NoConvergenceException  # noqa: E402
from com.sun.star.sheet.FormulaResult import ERROR, STRING, VALUE  # noqa: E402


def soffice_pid(launcher_pid: int) -> int:
    """soffice.bin's pid, found as the process of the session that the launcher leads."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        if comm == "soffice.bin" and int(fields[3]) == launcher_pid:  # fields[3]: session id
            return int(entry)
    raise RuntimeError("soffice.bin not found")


def soffice_rss_kib(launcher_pid: int) -> int:
    """VmRSS of soffice.bin."""
    with open(f"/proc/{soffice_pid(launcher_pid)}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS for soffice.bin")


def quarter_means(samples: list[int]) -> tuple[float, float]:
    """Means of the first and of the last quarter of the samples."""
    quarter = max(1, len(samples) // 4)
    return statistics.mean(samples[:quarter]), statistics.mean(samples[-quarter:])


def count_cells(ranges) -> int:
    return sum((a.EndColumn - a.StartColumn + 1) * (a.EndRow - a.StartRow + 1) for a in ranges.getRangeAddresses())


class Soak(unittest.TestCase):
    def setUp(self):
        self.office = support.start_office()
        self.functions = all_functions(load(support.SOURCE_DIR / "metadata"))  # with the defaults filled in
        self.names = [fn["name"] for fn in self.functions]
        self.rng = random.Random(SEED)
        self.samples: list[int] = []
        self.trimmed: list[int] = []  # the same samples after malloc_trim (CPOM_SOAK_TRIM=1)
        self.errors: dict[int, int] = {}
        self.calls = 0

    def tearDown(self):
        self.office.close()

    def test_soak(self):
        started = time.monotonic()
        per_batch = max(1, CALLS // BATCHES)
        # Warm-up, not measured: the largest calls (whole columns everywhere) take the heap to its high-water mark,
        # which the allocator keeps for a while; then one ordinary batch per path fills the caches.
        self.batch(lambda: self.cells(0, warm_up=True))
        self.batch(lambda: self.function_access(per_batch))
        self.batch(lambda: self.cells(per_batch))
        self.samples.clear()
        self.trimmed.clear()
        for _ in range(BATCHES):
            self.batch(lambda: self.function_access(per_batch))
            self.batch(lambda: self.cells(per_batch))
        first, last = quarter_means(self.samples)
        growth = last / first - 1
        print(f"\nsoak: {self.calls} calls ({len(self.functions)} functions, {CALLS} per function and path, "
              f"seed {SEED}) in {time.monotonic() - started:.0f} s; soffice RSS first quarter {first / 1024:.0f} MiB, "
              f"last quarter {last / 1024:.0f} MiB ({growth:+.1%}); cell errors {dict(sorted(self.errors.items()))}; "
              f"RSS after each batch (MiB): {' '.join(str(k // 1024) for k in self.samples)}")
        if self.trimmed:
            trimmed_first, trimmed_last = quarter_means(self.trimmed)
            print(f"soak: RSS after malloc_trim (MiB): {' '.join(str(k // 1024) for k in self.trimmed)}; first quarter "
                  f"{trimmed_first / 1024:.0f} MiB, last quarter {trimmed_last / 1024:.0f} MiB")
        self.assertLessEqual(growth, MAX_GROWTH, f"soffice memory grew by {growth:.1%}")

    def batch(self, work) -> None:
        """Runs one batch under a watchdog: a hung office is killed, which fails the batch instead of blocking."""
        watchdog = threading.Timer(BATCH_TIMEOUT, self.office.process.kill)
        watchdog.start()
        try:
            work()
        finally:
            watchdog.cancel()
        self.assertTrue(self.office.alive(), "the office died or hung")
        self.samples.append(soffice_rss_kib(self.office.process.pid))
        if TRIM:
            self.trimmed.append(self.rss_after_trim())

    def rss_after_trim(self) -> int:
        pid = soffice_pid(self.office.process.pid)
        done = pathlib.Path(f"/tmp/cpom-trim-{pid}")  # the paths of malloc_trimmer.c
        before = done.read_text() if done.exists() else ""
        done.with_suffix(".request").touch()
        deadline = time.monotonic() + 120
        while (done.read_text() if done.exists() else "") == before:
            if time.monotonic() > deadline:
                raise RuntimeError("soffice did not trim: is malloc_trimmer.so preloaded (CPOM_OFFICE_PRELOAD)?")
            time.sleep(0.1)
        return soffice_rss_kib(self.office.process.pid)

    # ---------------------------------------------------------------- FunctionAccess
    def function_access(self, per_function: int) -> None:
        access = self.office.service("com.sun.star.sheet.FunctionAccess")
        values = UnoArguments(self.names, self.rng)
        for fn in self.functions:
            for _ in range(per_function):
                args = tuple(values.value() for _ in range(argument_count(fn, self.rng)))
                try:
                    result = access.callFunction(fn["name"], args)
                except (IllegalArgumentException, NoConvergenceException):
                    pass  # an error value
                else:
                    self.assertIsInstance(result, (float, str, tuple), f"{fn['name']}{args!r:.200}")
                self.calls += 1

    # ---------------------------------------------------------------- cells
    def cells(self, per_function: int, warm_up: bool = False) -> None:
        book = Book()
        data_sheet(book, self.rng)
        soak, codes = book.sheet("Soak"), book.sheet("Codes")
        values = OdfArguments(self.names, self.rng)
        row = expected_cells = 0
        for fn in self.functions:
            calls = [[values.value() for _ in range(argument_count(fn, self.rng))] for _ in range(per_function)]
            for args in ([largest_call(fn)] if warm_up else []) + calls:
                formula = addin_call(fn["name"], *args)
                # Some calls as array formulas over 1×N cells, the others in one cell (its first value).
                cols = self.rng.randint(2, 30) if fn["returns"] in ("matrix", "table") and self.rng.random() < 0.2 else 1
                col = 0 if cols == 1 else 2
                soak.formula(row, col, formula, rows=1, cols=cols)
                codes.formula(row, 0, f"of:=ORG.OPENOFFICE.ERRORTYPE({ref(row, col, sheet='Soak')})")
                expected_cells += cols
                row += 1
        path = self.office.root / "soak.fods"
        book.write(path)
        try:
            self.check_cells(path, row, expected_cells)
        except BaseException:
            kept = pathlib.Path(tempfile.gettempdir()) / "cpom-soak-failure.fods"
            shutil.copy(path, kept)
            print(f"\nthe failing sheet is kept in {kept}")
            raise
        self.calls += row

    def check_cells(self, path: pathlib.Path, formulas: int, expected_cells: int) -> None:
        doc = self.office.load(path)
        try:
            doc.calculateAll()
            sheet = doc.Sheets.getByName("Soak")
            computed = count_cells(sheet.queryFormulaCells(VALUE | STRING | ERROR))
            self.assertEqual(computed, expected_cells, "some formula cells have no result")
            found = doc.Sheets.getByName("Codes").getCellRangeByPosition(0, 0, 0, formulas - 1).getDataArray()
            for (code,) in found:
                if isinstance(code, float):
                    self.errors[int(code)] = self.errors.get(int(code), 0) + 1
            unexplained = set(self.errors) - CELL_ERRORS
            self.assertFalse(unexplained, f"unexpected error values: {unexplained}")
        finally:
            if self.office.alive():
                doc.close(True)


if __name__ == "__main__":
    unittest.main()
