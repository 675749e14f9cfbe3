"""Hostile data files for the templates (issue 12 §4): what a user, a paste or another tool can put in the named input
ranges that `cpom-run --data` / `--template` fill. The inputs are found in the built template itself, not listed by
hand: every named range whose cells are all unlocked (the yellow input cells) and hold no formula. Each case changes
one cell of one input and keeps the template's example values everywhere else, so that whatever breaks is that input's
doing. Variants:

  texte            a text in a number cell ("2,4 pc", "environ 95 000")
  vide             the cell left empty
  zero, negatif    0, the opposite of the example value (-1 for 0)
  pourcent_entier  a rate typed as a whole number: 2 for 2 % (0,02), on cells formatted as percentages
  enorme           1e15 (a thousand billion euros)
  nombre           a number in a text cell (a label, an account, a code)
  hors_liste       a value outside the cell's list (financer code "CD9")

Cases are written as JSON data files (exact numbers, null = empty, texts stay texts: docs/cli.md)."""
from __future__ import annotations

import dataclasses
import json
import pathlib

from com.sun.star.sheet.ValidationType import DECIMAL, LIST, WHOLE
from com.sun.star.table.CellContentType import FORMULA
from com.sun.star.util.NumberFormat import PERCENT

NUMBER_VARIANTS = ("texte", "vide", "zero", "negatif", "pourcent_entier", "enorme")
TEXT_VARIANTS = ("vide", "nombre", "hors_liste")


@dataclasses.dataclass
class Input:
    name: str
    values: list  # rows of the example values (float, str, None for empty)
    target: tuple[int, int]  # (row, column) in the range of the cell the cases change
    numeric: bool
    percent: bool
    listed: bool  # the cell's validation is a list of allowed values


@dataclasses.dataclass
class Case:
    template: str
    input: str
    variant: str
    values: list  # the whole range, one cell changed

    @property
    def stem(self) -> str:
        return f"{self.input}--{self.variant}"

    def data(self) -> dict:
        rows = self.values
        if len(rows) == 1 and len(rows[0]) == 1:
            return {self.input: rows[0][0]}
        return {self.input: rows[0] if len(rows) == 1 else rows}


def _value(v):
    """getDataArray gives "" for an empty cell; data files give null."""
    return None if v == "" else v


def template_inputs(doc) -> list[Input]:
    """The named input ranges of a template, in name order."""
    formats = doc.NumberFormats
    inputs = []
    for name in sorted(doc.NamedRanges.ElementNames):
        named = doc.NamedRanges.getByName(name)
        try:
            cells = named.getReferredCells()
        except Exception:
            cells = None
        if cells is None:
            continue
        address = cells.getRangeAddress()
        rows = address.EndRow - address.StartRow + 1
        columns = address.EndColumn - address.StartColumn + 1
        grid = [[cells.getCellByPosition(c, r) for c in range(columns)] for r in range(rows)]
        if any(cell.CellProtection.IsLocked or cell.getType() == FORMULA for row in grid for cell in row):
            continue  # a computed range, or a mix: not an input
        values = [[_value(v) for v in row] for row in cells.getDataArray()]
        target, numeric = _target(grid, values)
        cell = grid[target[0]][target[1]]
        validation = cell.Validation.Type
        inputs.append(Input(name, values, target, numeric,
                            bool(formats.getByKey(cell.NumberFormat).Type & PERCENT), validation == LIST))
    return inputs


def _target(grid, values) -> tuple[tuple[int, int], bool]:
    """The first cell holding a number (else the first that should: decimal or whole validation), else the first."""
    cells = [(r, c) for r in range(len(values)) for c in range(len(values[0]))]
    for r, c in cells:
        if isinstance(values[r][c], float):
            return (r, c), True
    for r, c in cells:
        if grid[r][c].Validation.Type in (DECIMAL, WHOLE):
            return (r, c), True
    return cells[0], False


def _variant_value(item: Input, variant: str):
    example = item.values[item.target[0]][item.target[1]]
    number = example if isinstance(example, float) else 0.0
    return {
        "texte": "2,4 pc" if item.percent else "environ 95 000",
        "vide": None,
        "zero": 0.0,
        "negatif": -number if number else -1.0,
        "pourcent_entier": round(number * 100, 10) if number else 2.0,
        "enorme": 1e15,
        "nombre": 12345.0,
        "hors_liste": "CD9",
    }[variant]


def variants_of(item: Input) -> list[str]:
    if item.numeric:
        return [v for v in NUMBER_VARIANTS if v != "pourcent_entier" or item.percent]
    return [v for v in TEXT_VARIANTS if v != "hors_liste" or item.listed]


def cases_of(template: str, inputs: list[Input]) -> list[Case]:
    """Every input in turn, with every variant that applies to it."""
    cases = []
    for item in inputs:
        for variant in variants_of(item):
            values = [list(row) for row in item.values]
            values[item.target[0]][item.target[1]] = _variant_value(item, variant)
            if values != item.values:  # "vide" on an empty cell changes nothing
                cases.append(Case(template, item.name, variant, values))
    return cases


def short_selection(cases: list[Case]) -> list[Case]:
    """A few cases per template for the default test run: the first case of each variant, taking the inputs in
    turn so that the selection spreads over them; the text case comes with the zero and huge cases of its input
    (they tell whether the workbook uses that input: test_hostile)."""
    chosen, seen_inputs = [], set()
    for variant in NUMBER_VARIANTS + TEXT_VARIANTS:
        of_variant = [c for c in cases if c.variant == variant]
        fresh = [c for c in of_variant if c.input not in seen_inputs]
        for case in (fresh or of_variant)[:1]:
            chosen.append(case)
            seen_inputs.add(case.input)
            if variant == "texte":
                chosen += [c for c in cases if c.input == case.input and c.variant in ("zero", "enorme")]
    return list({c.stem: c for c in chosen}.values())


def write_case(case: Case, folder: pathlib.Path) -> pathlib.Path:
    path = folder / f"{case.stem}.json"
    path.write_text(json.dumps(case.data(), ensure_ascii=False), encoding="utf-8")
    return path


def write_example(folder: pathlib.Path) -> pathlib.Path:
    """A data file that changes nothing: the template with its own example data."""
    path = folder / "exemple.json"
    path.write_text("{}", encoding="utf-8")
    return path
