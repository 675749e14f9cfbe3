"""Random, mostly hostile arguments for every function of the metadata (wrong types, blanks, NaN/Inf, huge
values, negative sizes, huge ranges, too few or too many arguments), in the two forms the soak test sends:
Python values for FunctionAccess.callFunction, and ODF expressions for formulas of a generated sheet."""
from __future__ import annotations

import math
import random

from fods import Book, ref

NUMBERS = [0.0, -0.0, 1.0, -1.0, 3.0, 6.0, 30.0, 31.0, -3.0, 0.5, 0.02, -0.99, -1.5, 1e6, -1e6, 1e15, 1e308,
           -1e308, 1e-300, 2.0 ** 31, -(2.0 ** 63)]
SPECIALS = [math.nan, math.inf, -math.inf]
TEXTS = ["", "abc", "1e3", "0,02", "  ", "é€\u00a0", "CPOM_NOPE"]

# The data sheet of the cell path: columns of each kind, 100 rows; errors sit apart so that whole-column
# references to the other columns stay free of them.
DATA_ROWS = 100
AMOUNTS, RATES, SMALL, NEGATIVE, BLANK, TEXT, MIXED, HUGE = range(8)
BLOCK, BLOCK_COLS = 8, 30
ERRORS = 40
WHOLE_COLUMN = "[$Data.G:.G]"  # 1 048 576 cells: numbers, texts and blanks


def argument_count(fn: dict, rng: random.Random) -> int:
    """Usually the declared number, sometimes fewer (required ones missing) or more (Err:504 in a cell)."""
    declared = len(fn["arg"])
    roll = rng.random()
    if roll < 0.7:
        return declared
    if roll < 0.9:
        return rng.randint(0, declared)
    return declared + rng.randint(1, 3 if any(a["varargs"] for a in fn["arg"]) else 1)


class UnoArguments:
    """Python values for FunctionAccess: numbers, specials, texts, void, and arrays of every shape."""

    def __init__(self, names: list[str], rng: random.Random):
        self.names, self.rng = names, rng

    def cell(self):
        r = self.rng.random()
        if r < 0.5:
            return self.rng.choice(NUMBERS + [self.rng.gauss(0, 1e6)])
        if r < 0.6:
            return self.rng.choice(SPECIALS)
        return self.rng.choice(TEXTS + self.names)

    def value(self):
        r = self.rng.random()
        if r < 0.45:
            return self.cell()
        if r < 0.5:
            return None
        rows, cols = self.shape()
        return tuple(tuple(self.cell() if self.rng.random() < 0.3 else self.rng.uniform(-0.05, 1e6)
                           for _ in range(cols)) for _ in range(rows))

    def shape(self) -> tuple[int, int]:
        r = self.rng.random()
        if r < 0.01:
            return self.rng.choice([(5000, 1), (1, 1000), (200, 30)])  # large
        n = self.rng.randint(1, 31)
        return self.rng.choice([(1, n), (n, 1), (self.rng.randint(1, 40), n), (0, 0) if r < 0.02 else (1, 1)])


def largest_call(fn: dict) -> list[str]:
    """A call whose every argument is a whole column: the most memory one call can take. The soak runs it in
    its warm-up, so that the heap's high-water mark (which the allocator keeps) is reached before measuring."""
    return [WHOLE_COLUMN] * len(fn["arg"])


class OdfArguments:
    """ODF expressions for a cell formula: literals, inline arrays, references into the data sheet."""

    def __init__(self, names: list[str], rng: random.Random):
        self.names, self.rng = names, rng

    def literal(self) -> str:
        r = self.rng.random()
        if r < 0.6:
            return repr(self.rng.choice(NUMBERS)).replace("e+", "E")
        if r < 0.85:
            text = self.rng.choice(TEXTS + self.names)
            return '"' + text.replace('"', '""') + '"'
        return self.rng.choice(["1/0", "{1;2;3}", "{0.02;\"x\";0.02}", "{1;2|3;4}", "{\"\"}", "TRUE()"])

    def reference(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.005:  # a large range (whole columns are in the warm-up only, see largest_call)
            return ref(0, rng.choice([AMOUNTS, RATES, MIXED]), rng.choice([10_000, 100_000]), 1, sheet="Data")
        if r < 0.02:
            return ref(rng.randrange(DATA_ROWS), ERRORS, sheet="Data")  # an error cell (#DIV/0!)
        if r < 0.4:
            col = rng.randrange(ERRORS - 1) if rng.random() < 0.3 else rng.randrange(BLOCK)
            n = rng.randint(1, 31)
            rows, cols = rng.choice([(1, 1), (n, 1), (1, n if col >= BLOCK else 1)])
            return ref(rng.randrange(DATA_ROWS - rows + 1), col, rows, min(cols, ERRORS - col), sheet="Data")
        k, n = rng.randint(1, 40), rng.randint(1, BLOCK_COLS)
        return ref(rng.randrange(DATA_ROWS - k + 1), BLOCK, k, n, sheet="Data")

    def value(self) -> str:
        r = self.rng.random()
        if r < 0.05:
            return ""  # left empty
        return self.literal() if r < 0.45 else self.reference()


def data_sheet(book: Book, rng: random.Random) -> None:
    sheet = book.sheet("Data")
    for row in range(DATA_ROWS):
        sheet.set(row, AMOUNTS, rng.uniform(1e5, 1e7))
        sheet.set(row, RATES, rng.uniform(-0.01, 0.04))
        sheet.set(row, SMALL, rng.choice([0, 1, 3, 6, 30, 31, -1, 0.5]))
        sheet.set(row, NEGATIVE, -rng.uniform(1, 1e6))
        sheet.set(row, TEXT, rng.choice(TEXTS[1:]))
        if rng.random() < 0.6:
            sheet.set(row, MIXED, rng.choice([rng.uniform(0, 1e6), "x"]))
        sheet.set(row, HUGE, rng.choice([1e308, -1e308, 1e-300, 1.7976931348623157e308]))
        for col in range(BLOCK, BLOCK + BLOCK_COLS):
            sheet.set(row, col, rng.uniform(-0.02, 0.05) if col % 2 else rng.uniform(0, 1e6))
        sheet.formula(row, ERRORS, "of:=1/0")
