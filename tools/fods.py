"""Writes flat ODS (.fods) spreadsheets: loading a generated file is far faster than typing formulas over UNO.

    book = Book()
    sheet = book.sheet("Data")
    sheet.set(0, 0, 1000000)                                   # number
    sheet.set(0, 1, "texte")                                   # text
    sheet.formula(0, 2, "of:=[.A1]*2")                         # ODF formula syntax, as LibreOffice writes it
    sheet.formula(1, 0, addin_call("CPOM_PROJECT", "[.A1]", "0.02", "3"), rows=1, cols=3)   # array formula
    book.write("out.fods")

Add-in formulas are stored by their programmatic name (ORG.CPOM.CALC.FUNCTIONS.CPOMPROJECT), exactly as
LibreOffice saves them; a display name such as CPOM_PROJECT in a file would be #NAME?.
"""
from __future__ import annotations

import pathlib
import sys
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from generate import SERVICE, method_name  # noqa: E402  (the names the IDL and the documents use)


def addin_name(function: str) -> str:
    return f"{SERVICE}.{method_name(function)}".upper()


def addin_call(function: str, *args: str) -> str:
    """An ODF formula calling one add-in function; each argument already in ODF syntax ('' leaves it empty)."""
    return f"of:={addin_name(function)}({';'.join(args)})"


def column_name(col: int) -> str:
    name = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def ref(row: int, col: int, rows: int = 1, cols: int = 1, sheet: str | None = None) -> str:
    """An ODF reference: [.B3] or [$Data.B3:.D10]."""
    prefix = f"${sheet}" if sheet else ""
    start = f"{prefix}.{column_name(col)}{row + 1}"
    if rows == 1 and cols == 1:
        return f"[{start}]"
    return f"[{start}:.{column_name(col + cols - 1)}{row + rows}]"


class Sheet:
    def __init__(self, name: str):
        self.name = name
        self.cells: dict[int, dict[int, str]] = {}

    def _put(self, row: int, col: int, xml: str) -> None:
        self.cells.setdefault(row, {})[col] = xml

    def set(self, row: int, col: int, value: float | str) -> None:
        if isinstance(value, str):
            self._put(row, col, f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
                                '</table:table-cell>')
        else:
            self._put(row, col, f'<table:table-cell office:value-type="float" office:value="{float(value)!r}"/>')

    def formula(self, row: int, col: int, formula: str, rows: int = 1, cols: int = 1) -> None:
        span = (f' table:number-matrix-rows-spanned="{rows}" table:number-matrix-columns-spanned="{cols}"'
                if (rows, cols) != (1, 1) else "")
        self._put(row, col, f"<table:table-cell table:formula={quoteattr(formula)}{span}/>")

    def xml(self) -> str:
        out = [f"<table:table table:name={quoteattr(self.name)}>"]
        last_row = -1
        for row in sorted(self.cells):
            if row > last_row + 1:
                out.append(f'<table:table-row table:number-rows-repeated="{row - last_row - 1}">'
                           "<table:table-cell/></table:table-row>")
            out.append("<table:table-row>")
            last_col = -1
            for col in sorted(self.cells[row]):
                if col > last_col + 1:
                    out.append(f'<table:table-cell table:number-columns-repeated="{col - last_col - 1}"/>')
                out.append(self.cells[row][col])
                last_col = col
            out.append("</table:table-row>")
            last_row = row
        out.append("</table:table>")
        return "".join(out)


class Book:
    def __init__(self):
        self.sheets: list[Sheet] = []

    def sheet(self, name: str) -> Sheet:
        self.sheets.append(Sheet(name))
        return self.sheets[-1]

    def write(self, path: str | pathlib.Path) -> None:
        # "60*" in SUMIF/COUNTIF/MATCH is a wildcard, as in a workbook made with Calc's default options; a file that
        # does not say so gets ODF's default, regular expressions.
        settings = '<table:calculation-settings table:use-wildcards="true" table:use-regular-expressions="false"/>'
        body = settings + "".join(s.xml() for s in self.sheets)
        pathlib.Path(path).write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
            'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document>\n",
            encoding="utf-8")
