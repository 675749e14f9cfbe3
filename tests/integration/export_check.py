"""What cpom-run wrote against what LibreOffice shows: every cell of every sheet of the XLSX and CSV outputs compared
with the recalculated ODS of the same run (value, text or error kind, and the number format's signature for the
XLSX). Shared by test_exports (section 1 of issue 12) and test_hostile (the harness of section 4)."""
from __future__ import annotations

import csv
import math
import pathlib

from com.sun.star.sheet.FormulaResult import ERROR, STRING, VALUE
from com.sun.star.table.CellContentType import EMPTY, FORMULA, TEXT

# Calc error code → the Excel error an XLSX cell must hold (docs/cli.md, « Cellules en erreur dans les exports »):
# written here again, independently of cli/core/src/cell_errors.cpp, as the test's own reading of the table.
EXCEL_ERROR = {502: "#VALUE!", 503: "#NUM!", 504: "#VALUE!", 508: "#VALUE!", 509: "#VALUE!", 510: "#VALUE!",
               511: "#VALUE!", 519: "#VALUE!", 521: "#NULL!", 522: "#VALUE!", 523: "#NUM!", 524: "#REF!",
               525: "#NAME?", 530: "#NAME?", 531: "#NAME?", 532: "#DIV/0!", 0x7FFF: "#N/A"}
# The Calc error code of each Excel error literal, as Calc reads the XLSX back (=#VALUE! → 519...).
LITERAL_CODE = {"#VALUE!": 519, "#NUM!": 503, "#NULL!": 521, "#REF!": 524, "#NAME?": 525, "#DIV/0!": 532,
                "#N/A": 0x7FFF}


def excel_error(code: int) -> str:
    return EXCEL_ERROR.get(code, "#N/A")


class Formats:
    """What a number format shows, whatever its notation: kind (number, currency, percent, date…), decimals,
    grouping, red negatives, currency symbol. LibreOffice reads some XLSX formats back in en-US notation (1,234.50)
    where the ODS has fr-FR (1 234,50), and Excel shows them in its user's notation: the texts cannot be compared,
    what they show can."""

    def __init__(self, doc):
        self.formats = doc.NumberFormats
        self.known = {}

    def signature(self, key: int) -> tuple:
        if key not in self.known:
            f = self.formats.getByKey(key)
            self.known[key] = (f.Type & ~1, f.Decimals, f.ThousandsSeparator, f.NegativeRed, f.CurrencySymbol)
        return self.known[key]


class Cell:
    """One cell as the reader sees it: kind ("empty", "value", "text", "error"), value or text, error code and
    shown text of an error, whether it holds a formula, and for a number its format's signature (see Formats)."""
    __slots__ = ("kind", "value", "error", "shown", "formula", "formula_text", "format")

    def __init__(self, data, formula: str):
        self.formula = formula.startswith(("=", "{="))
        self.formula_text = formula
        self.error = 0
        self.format = None
        self.value = data
        if isinstance(data, str):
            self.kind = "text" if data else "empty"  # a formula giving "" shows nothing: the exports write nothing
            self.shown = data
        else:
            self.kind = "value"
            self.shown = repr(data)


def used_size(sheet) -> tuple[int, int]:
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    address = cursor.getRangeAddress()
    return address.EndColumn + 1, address.EndRow + 1


def cells_of(doc, sheet, columns: int, rows: int) -> list[list[Cell]]:
    """The cells of A1:<columns×rows>, read in bulk (a call through the bridge per cell would take minutes)."""
    grid = sheet.getCellRangeByPosition(0, 0, columns - 1, rows - 1)
    cells = [[Cell(d, f) for d, f in zip(data_row, formula_row)]
             for data_row, formula_row in zip(grid.getDataArray(), grid.getFormulaArray())]
    for block in grid.queryFormulaCells(ERROR).getRangeAddresses():
        for r in range(block.StartRow, block.EndRow + 1):
            for c in range(block.StartColumn, block.EndColumn + 1):
                source = sheet.getCellByPosition(c, r)
                cell = cells[r][c]
                cell.kind, cell.error, cell.shown = "error", source.getError(), source.getString()
    formats = Formats(doc)
    groups = grid.getUniqueCellFormatRanges()
    for i in range(groups.getCount()):
        group = groups.getByIndex(i)
        signature = formats.signature(group.NumberFormat)
        for block in group.getRangeAddresses():
            for r in range(block.StartRow, min(block.EndRow, rows - 1) + 1):
                for c in range(block.StartColumn, min(block.EndColumn, columns - 1) + 1):
                    cells[r][c].format = signature
    return cells


def close(a: float, b: float) -> bool:
    """Equal to 15 significant digits: LibreOffice writes XLSX numbers with 15 (1322479.4999999998 → 1322479.5)."""
    return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= 1e-14 * max(1.0, abs(a), abs(b))


def address(sheet: str, column: int, row: int) -> str:
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return f"{sheet}.{name}{row + 1}"


def is_boolean_constant(cell: Cell) -> bool:
    """A boolean value cell of the XLSX (t="b"): LibreOffice reads it back as the formula =TRUE() or =FALSE()."""
    return cell.formula_text.upper() in ("=TRUE()", "=FALSE()")


def compare_xlsx(ods, xlsx) -> list[str]:
    """Differences between the recalculated ODS and the XLSX reloaded in LibreOffice, cell by cell."""
    ods_names = list(ods.Sheets.ElementNames)
    if list(xlsx.Sheets.ElementNames) != ods_names:
        return [f"sheets differ: {ods_names} / {list(xlsx.Sheets.ElementNames)}"]
    problems = []
    for name in ods_names:
        a_sheet, b_sheet = ods.Sheets.getByName(name), xlsx.Sheets.getByName(name)
        columns, rows = (max(x, y) for x, y in zip(used_size(a_sheet), used_size(b_sheet)))
        a_cells, b_cells = cells_of(ods, a_sheet, columns, rows), cells_of(xlsx, b_sheet, columns, rows)
        for r in range(rows):
            for c in range(columns):
                a, b = a_cells[r][c], b_cells[r][c]
                where = address(name, c, r)
                if a.kind == "error":
                    want = excel_error(a.error)
                    if not (b.formula and b.error == LITERAL_CODE[want]):
                        problems.append(f"{where}: ODS error {a.error} ({a.shown}), XLSX {b.kind} {b.shown!r} "
                                        f"(want {want})")
                elif b.formula and not is_boolean_constant(b):
                    problems.append(f"{where}: the XLSX keeps a formula ({b.kind} {b.shown!r})")
                elif a.kind != b.kind:
                    problems.append(f"{where}: ODS {a.kind} {a.shown!r}, XLSX {b.kind} {b.shown!r}")
                elif a.kind == "value" and not close(a.value, b.value):
                    problems.append(f"{where}: ODS {a.value!r}, XLSX {b.value!r}")
                elif a.kind == "value" and a.format != b.format:
                    problems.append(f"{where}: format {a.format} in the ODS, {b.format} in the XLSX ({a.shown})")
                elif a.kind == "text" and a.shown != b.shown:
                    problems.append(f"{where}: ODS {a.shown!r}, XLSX {b.shown!r}")
    return problems


def parse_french_number(field: str) -> float | None:
    text = field.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value / 100 if percent else value


def compare_csv(ods, sheet_name: str, path: pathlib.Path) -> list[str]:
    """Differences between one sheet of the recalculated ODS and its CSV (« ; », French decimal comma, full
    precision, texts and errors as the office shows them)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";", quotechar='"'))
    sheet = ods.Sheets.getByName(sheet_name)
    columns, used_rows = used_size(sheet)
    columns = max([columns] + [len(r) for r in rows])
    cells = cells_of(ods, sheet, columns, max(used_rows, len(rows)))
    problems = []
    for r, line in enumerate(cells):
        fields = rows[r] if r < len(rows) else []
        for c, cell in enumerate(line):
            field = fields[c] if c < len(fields) else ""
            if cell.kind == "empty":
                ok = field == ""
            elif cell.kind in ("text", "error"):
                ok = field == cell.shown
            else:
                number = parse_french_number(field)
                ok = (number is not None and close(number, cell.value)) or \
                    field == sheet.getCellByPosition(c, r).getString()  # a date, a boolean: as shown
            if not ok:
                problems.append(f"{address(sheet_name, c, r)}: ODS {cell.kind} {cell.shown!r} ({cell.value!r}), "
                                f"CSV {field!r}")
    return problems


def csv_files(out: pathlib.Path, stem: str, sheet_names: list[str]) -> dict[str, pathlib.Path]:
    """Sheet → its CSV, as cpom-run names them (docs/cli.md): <stem>.csv for one sheet, <stem>-<sheet>.csv else."""
    if len(sheet_names) == 1:
        return {sheet_names[0]: out / f"{stem}.csv"}
    return {name: out / f"{stem}-{name}.csv" for name in sheet_names}


def compare_outputs(office, out: pathlib.Path, stem: str) -> list[str]:
    """Every difference between <stem>.xlsx, <stem>[-sheet].csv and <stem>.ods recalculated; each must exist."""
    ods = office.load(out / f"{stem}.ods")
    try:
        ods.calculateAll()
        xlsx = office.load(out / f"{stem}.xlsx")
        try:
            problems = [f"xlsx {p}" for p in compare_xlsx(ods, xlsx)]
        finally:
            xlsx.close(True)
        for name, path in csv_files(out, stem, list(ods.Sheets.ElementNames)).items():
            problems += [f"csv {p}" for p in compare_csv(ods, name, path)]
        return problems
    finally:
        ods.close(True)
