"""Shared fixtures of the integration tests: paths from CTest's environment, one office per test module."""
from __future__ import annotations

import json
import math
import os
import pathlib
import sys
import tomllib

SOURCE_DIR = pathlib.Path(os.environ.get("CPOM_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(SOURCE_DIR / "tools"))
from office import Office  # noqa: E402  (tools/office.py, shared with the workbook builder)

OXT = os.environ.get("CPOM_OXT", "")
EXAMPLES = os.environ.get("CPOM_EXAMPLES", "")


def metadata() -> list[dict]:
    """Every function of metadata/*.toml, in file order."""
    functions = []
    for path in sorted((SOURCE_DIR / "metadata").glob("*.toml")):
        with path.open("rb") as f:
            functions += tomllib.load(f).get("function", [])
    return functions


def examples() -> list[dict]:
    return json.loads(pathlib.Path(EXAMPLES).read_text(encoding="utf-8"))


def close_enough(actual: float, expected: float) -> bool:
    """To the cent for amounts, and never looser than 1e-6 relative (rates, small values)."""
    tolerance = max(1e-9, min(0.005, 1e-6 * abs(expected)))
    return math.isfinite(actual) and abs(actual - expected) <= tolerance


def start_office(locale: str = "en-US") -> Office:
    if not OXT or not pathlib.Path(OXT).is_file():
        raise RuntimeError(f"CPOM_OXT must name the built extension (got {OXT!r})")
    return Office(OXT, locale=locale).__enter__()


class Formula(str):
    """An input written as a formula, as a paste of cells may bring one (=1/0), not as the text it spells."""


def write_cell(cell, value) -> None:
    """Puts a value into a cell as a user or a data file would: a number, a text, or None for a blank; or a
    Formula."""
    if isinstance(value, Formula):
        cell.setFormula(value)
    elif value is None:
        cell.setString("")
    elif isinstance(value, str):
        cell.setString(value)
    else:
        cell.setValue(value)


class TemplateDocument:
    """A document created from a template as File ▸ New ▸ Templates does (AsTemplate), its sheets unprotected so that
    inputs can be written as a paste or cpom-run --data writes them; cells named "Sheet.A1"."""

    def __init__(self, office, template, unprotect=True):
        from office import props
        self.doc = office.desktop.loadComponentFromURL(pathlib.Path(template).as_uri(), "_blank", 0,
                                                       props(Hidden=True, AsTemplate=True))
        if unprotect:
            for sheet in self.doc.Sheets:
                sheet.unprotect("")
        self.doc.calculateAll()

    def close(self):
        self.doc.close(True)

    def cell(self, ref: str):
        sheet, address = ref.rsplit(".", 1)
        return self.doc.Sheets.getByName(sheet).getCellRangeByName(address)

    def value(self, ref: str) -> float:
        """The number of a cell that must not be an error."""
        cell = self.cell(ref)
        assert cell.getError() == 0, f"{ref} is in error ({cell.getString()})"
        return cell.getValue()

    def text(self, ref: str) -> str:
        return self.cell(ref).getString()

    def error(self, ref: str) -> bool:
        return self.cell(ref).getError() != 0

    def set(self, values: dict) -> None:
        """Writes inputs ({"Sheet.A1": value}: a number, a text, None for a blank), then recalculates."""
        for ref, value in values.items():
            write_cell(self.cell(ref), value)
        self.doc.calculateAll()
