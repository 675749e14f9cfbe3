"""The projection-cpom template as a French user gets it, with its layout written down once (templates/
projection-cpom.toml says the same in its comments), for test_templates_projection.py and test_templates_dossier.py.

Blocks k = 0..39: « Hypothèses » rows 41 + k (charges: D financer, E groupe I, F payroll, G groupe III, H legal risks,
I uncovered cost, J from year), 85 + k (absenteeism: E year 0, F..J years 1..5) and 129 + k (resources: E year 0,
F cap, G..K expected rates, L new measures, M their year, N reserves), their control in column O. « Projection »:
state row 12 + k (D state, E reason) and one table of 40 rows per output (first rows in PROJECTION). « Consolidation »:
financer f (0 ARS, 1 CD1, 2 CD2, 3 périmètre) in row first + f of each table (CONSOLIDATION)."""
import pathlib
import unittest

import support

TEMPLATE = pathlib.Path(support.OXT).parent / "templates" / "CPOM" / "projection-cpom.ots"
CAPACITY = 40
EXAMPLE_BLOCKS = range(6)
FINANCER_OF_BLOCK = [0, 1, 1, 0, 0, 2]  # ARS, CD1, CD1, ARS, ARS, CD2 in the example
CENT = 0.005

CHARGES, ABSENTEEISM, RESOURCES = 41, 85, 129  # first block row of each table of « Hypothèses »
# First block row of each table of « Projection », and its reason column for a row in error.
PROJECTION = {"state": 12, "charges": 55, "resources": 98, "gap": 141, "cumulative": 184, "rates": 227,
              "measures": 269, "indicators": 312, "drivers": 355, "scenarios": 399, "fungibility": 442,
              "clause": 485, "risk": 528}
REASON_COLUMN = {"charges": "J", "resources": "J", "gap": "J", "cumulative": "J", "rates": "J", "measures": "K",
                 "indicators": "N", "drivers": "N", "scenarios": "J", "fungibility": "K", "clause": "K", "risk": "K"}
# First financer row of each table of « Consolidation ».
CONSOLIDATION = {"state": 6, "charges": 12, "resources": 18, "gap": 30, "cumulative": 36, "indicators": 54,
                 "risk": 61, "rebasage": 73, "offer": 96, "ask": 102, "fallback": 108, "offer_need": 115,
                 "fungibility": 121, "left": 129, "sensitivity": 134}
DRIVERS_FIRST, DRIVERS_TOTAL = 79, 89  # « Consolidation »: one row per driver, financers in columns B..E
YEAR_COLUMNS = "EFGHI"  # years 1..5 in the tables of « Projection » and the rates of « Hypothèses » (G..K: + 2)


def column(letter: str, offset: int) -> str:
    return chr(ord(letter) + offset)


class Workbook(support.TemplateDocument):
    """projection-cpom as File ▸ New ▸ Templates gives it, its sheets left protected: an input is typed into its
    unlocked cell (set, set_rows)."""

    def __init__(self, office):
        super().__init__(office, TEMPLATE, unprotect=False)

    def set(self, ref: str, value) -> None:
        """Types into an input cell: a number, a text, or None for a blank (as a data file or a paste may)."""
        sheet = self.doc.Sheets.getByName(ref.rsplit(".", 1)[0])
        sheet.unprotect("")
        support.write_cell(self.cell(ref), value)
        sheet.protect("")

    def set_rows(self, sheet: str, first_row: int, first_column: str, rows: list[list]) -> None:
        """Fills a block of input cells at once (one call per row)."""
        target = self.doc.Sheets.getByName(sheet)
        target.unprotect("")
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                support.write_cell(target.getCellRangeByName(f"{column(first_column, c)}{first_row + r}"), value)
        target.protect("")

    def recalculate(self):
        self.doc.calculateAll()

    def block_figure(self, table: str, k: int, letter: str) -> float:
        return self.value(f"Projection.{letter}{PROJECTION[table] + k}")

    def financer_figure(self, table: str, f: int, letter: str) -> float:
        return self.value(f"Consolidation.{letter}{CONSOLIDATION[table] + f}")


class BookCase(unittest.TestCase):
    """A fresh document from the template for each test; the office is the module's (its setUpModule sets
    BookCase.office)."""
    office = None

    def setUp(self):
        self.book = Workbook(self.office)

    def tearDown(self):
        self.book.close()

    def assertCent(self, actual, expected, what):
        self.assertLessEqual(abs(actual - expected), CENT, f"{what}: {actual!r} instead of {expected!r}")

    def cumulative_gap(self, k: int) -> float:
        return self.book.value(f"Projection.I{PROJECTION['cumulative'] + k}")

    def financer_gap(self, f: int) -> float:
        return self.book.value(f"Consolidation.G{CONSOLIDATION['cumulative'] + f}")
