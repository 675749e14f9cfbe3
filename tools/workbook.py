#!/usr/bin/env python3
"""Builds a Calc workbook from its text source (TOML) in a real headless LibreOffice with the add-in installed,
recalculates it and writes it out (ODS, OTS template, PDF): workbooks and templates are never edited by hand.

    workbook.py SOURCE.toml --oxt build/cpom-calc-X.oxt --ods out/x.ods [--pdf out/x.pdf] [--ots out/x.ots]

Source format (see examples/cpom_projection.toml): title, locale, and [[sheet]] tables with
  rows              cells row by row from A1: numbers, texts, formulas ("=..." in Calc's English API syntax), "" = blank
  array_formulas    {"C17:G17" = "=CPOM_PROJECT(...)"}: one array formula over the range
  styles            {"B5" = "cpom_input_euro"}: one of STYLES below (inputs are unlocked, yellow)
  names             {"reserves" = "B14"}: named ranges for inputs and key outputs
  validation        {"B5" = {kind = "decimal", min = 0, title = "...", help = "...", error = "..."}}: data validation
                    with French help shown when the cell is selected (kind: decimal, whole, list with values = [...],
                    text: a text whose length is between min and max)
  conditional       {"F5:F9" = [{equals = "ALERTE", style = "cpom_alert"}, ...]}: conditional formatting; instead
                    of equals: not_equals, greater, less (a number, or a text compared as a text)
  fill_down         ["E6:J11", ...]: the first row of each range (cells or an array formula written by rows or
                    array_formulas) copied to the following rows as Calc's copy does, relative references moving
                    with the row: one formula per row, so that one bad row never puts the others in error
  column_widths_cm, landscape, one_page, protect (computed cells locked, inputs open)
  [[sheet.chart]]   name, title, kind (line | bar), data (labels in the first column, headers in the first row),
                    anchor, size_cm, stacked (bars or lines stacked: parts of a whole), more_data (["A25:H27"]: more
                    series rows, same columns as data, when they are not next to its header row), labels_outside
                    (category labels under the plot area, not on the zero line, when values can be negative)
  formats           {"B5:F9" = "euro_cents"}: number format of cells: "euro" or "percent" (as the styles), one of
                    NUMBER_FORMATS below, or a format code in en-US notation ('#,##0.0 "ans"'), converted to the
                    workbook's locale (set after styles)
  center            ["B5:G5"]: cells centred horizontally (column headers above figures)
  hidden_columns    ["O:Q"]: columns of intermediate results kept out of sight and out of print
  indent_cm         {"C5:C9" = 0.4}: left indent of cells (labels right after a column of figures)
  print_range       "A1:H40": the area printed (default: Calc's automatic range); give it on a sheet printed one page
                    wide only (not one_page): the automatic range can be wider than the content and shrink the print
validation kind "any" accepts everything and only shows the help (text inputs: names, labels).
Layout keys for multi-sheet workbooks and printed dashboards (Builder.layout):
  page_style        each sheet gets its own page style (named after the sheet) so that one sheet's landscape
                    or scale never changes another's; nothing to write, it is always done
  merge             ["A5:G9", ...]: merged cells (a title or a message over several columns)
  wrap              ["A32:M32", ...]: text wrapped in the cell, vertically centred, rows at their optimal height
                    (a merged cell does not grow: give its rows a height)
  row_heights_cm    {"5" = 1.2, "2:3" = 0.9}: fixed row heights (1-based row numbers, a row or a range of rows),
                    e.g. for merged wrapped text
  page_breaks       [31, 59]: manual page breaks before these rows (1-based): a table is never cut in two
  page_scale        80: print at this fixed zoom (percent) instead of one_page / fit to width: the pages and their
                    breaks are then exactly those chosen (check them in the PDF)
  margins_cm        1.5: the four page margins
Outputs are written atomically (temporary file, then rename) so a crash never leaves half a file.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys
import tempfile
import tomllib

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from office import Office, props  # noqa: E402

import uno  # noqa: E402
from com.sun.star.awt import Rectangle  # noqa: E402
from com.sun.star.lang import Locale  # noqa: E402
from com.sun.star.table import CellRangeAddress  # noqa: E402

YELLOW, BLUE, GREEN, GREY = 0xFFF2CC, 0xDDEBF7, 0xE2EFDA, 0x595959

# Cell styles shared by every workbook and template: inputs are yellow and unlocked, everything else locked.
STYLES = {
    "cpom_title": dict(CharHeight=14.0, CharWeight=150.0),
    "cpom_note": dict(CharPosture=2, CharColor=GREY),
    "cpom_header": dict(CharWeight=150.0, CellBackColor=BLUE),
    "cpom_input": dict(CellBackColor=YELLOW, locked=False),
    "cpom_input_euro": dict(CellBackColor=YELLOW, locked=False, format="euro"),
    "cpom_input_percent": dict(CellBackColor=YELLOW, locked=False, format="percent"),
    "cpom_euro": dict(format="euro"),
    "cpom_percent": dict(format="percent"),
    "cpom_result": dict(CharWeight=150.0, CellBackColor=GREEN),
    "cpom_result_euro": dict(CharWeight=150.0, CellBackColor=GREEN, format="euro"),
    "cpom_result_text": dict(CharWeight=150.0),
    "cpom_result_percent": dict(CharWeight=150.0, CellBackColor=GREEN, format="percent"),
    # Status colours for conditional formatting (CPOM_STATUS: OK, VIGILANCE, ALERTE).
    "cpom_ok": dict(CellBackColor=0xC6EFCE, CharColor=0x006100),
    "cpom_warning": dict(CellBackColor=0xFFEB9C, CharColor=0x9C5700),
    "cpom_alert": dict(CellBackColor=0xFFC7CE, CharColor=0x9C0006, CharWeight=150.0),
}

# Number formats for the `formats` key, in en-US notation (converted to the workbook's locale when applied).
NUMBER_FORMATS = {
    "euro_cents": "#,##0.00 [$€-40C]",  # unit costs, day prices
    "integer": "#,##0",  # places, days, meals, m²
    "decimal": "#,##0.00",  # FTE
    "years": '#,##0.0 "ans"',  # apparent debt duration
    "days": '#,##0 "jours"',  # working capital in days of charges
}


def locale_of(tag: str) -> Locale:
    language, _, country = tag.partition("-")
    return Locale(language, country, "")


class Builder:
    def __init__(self, office: Office, source: dict):
        self.office = office
        self.source = source
        self.locale = locale_of(source.get("locale", "fr-FR"))
        self.doc = office.new_spreadsheet()

    # ------------------------------------------------------------------ formats and styles
    def number_format(self, kind: str) -> int:
        formats = self.doc.NumberFormats
        from com.sun.star.util.NumberFormat import CURRENCY, PERCENT
        base = formats.getStandardFormat(CURRENCY if kind == "euro" else PERCENT, self.locale)
        # Amounts without cents, thousands separated; rates with two decimals: in the locale's own notation.
        code = formats.generateFormat(base, self.locale, kind == "euro", kind == "euro", 0 if kind == "euro" else 2, 1)
        key = formats.queryKey(code, self.locale, False)
        return key if key != -1 else formats.addNew(code, self.locale)

    def create_styles(self) -> None:
        family = self.doc.StyleFamilies.getByName("CellStyles")
        for name, spec in STYLES.items():
            style = self.doc.createInstance("com.sun.star.style.CellStyle")
            family.insertByName(name, style)
            for prop, value in spec.items():
                if prop == "format":
                    style.NumberFormat = self.number_format(value)
                elif prop == "locked":
                    protection = style.CellProtection
                    protection.IsLocked = value
                    style.CellProtection = protection
                else:
                    style.setPropertyValue(prop, value)

    # ------------------------------------------------------------------ content
    def build(self) -> None:
        self.doc.CharLocale = self.locale
        self.doc.DocumentProperties.Title = self.source.get("title", "")
        self.create_styles()
        sheets = self.doc.Sheets
        for index, spec in enumerate(self.source["sheet"]):
            if index < sheets.getCount():
                sheet = sheets.getByIndex(index)
                sheet.setName(spec["name"])
            else:
                sheets.insertNewByName(spec["name"], index)
                sheet = sheets.getByIndex(index)
            self.fill_sheet(sheet, spec)
        self.doc.calculateAll()
        for spec in self.source["sheet"]:
            if spec.get("protect", True):
                sheets.getByName(spec["name"]).protect("")

    def fill_sheet(self, sheet, spec: dict) -> None:
        for r, row in enumerate(spec.get("rows", [])):
            for c, value in enumerate(row):
                cell = sheet.getCellByPosition(c, r)
                if isinstance(value, str) and value.startswith("="):
                    cell.setFormula(value)
                elif isinstance(value, str):
                    if value:
                        cell.setString(value)
                else:
                    cell.setValue(value)
        for address, formula in spec.get("array_formulas", {}).items():
            sheet.getCellRangeByName(address).setArrayFormula(formula)
        for address in spec.get("fill_down", []):
            self.fill_down(sheet, address)
        for address, style in spec.get("styles", {}).items():
            if style not in STYLES:
                raise ValueError(f"unknown style {style!r} at {address}")
            sheet.getCellRangeByName(address).CellStyle = style
        columns = sheet.getColumns()
        for c, width in enumerate(spec.get("column_widths_cm", [])):
            columns.getByIndex(c).Width = int(width * 1000)
        for name, address in spec.get("names", {}).items():
            self.add_name(sheet, name, address)
        for address, rule in spec.get("validation", {}).items():
            self.add_validation(sheet.getCellRangeByName(address), rule)
        for address, rules in spec.get("conditional", {}).items():
            self.add_conditional(sheet.getCellRangeByName(address), rules)
        self.layout(sheet, spec)  # before the charts: they are placed at their anchor's final position
        self.layout_extras(sheet, spec)
        for chart in spec.get("chart", []):
            self.add_chart(sheet, chart)
        self.page_setup(sheet, spec)
        self.print_scale(sheet, spec)
        self.print_extras(sheet, spec)

    @staticmethod
    def fill_down(sheet, address: str) -> None:
        """Copies the first row of the range to its other rows (relative references follow, as a paste)."""
        span = sheet.getCellRangeByName(address).getRangeAddress()
        first = CellRangeAddress(span.Sheet, span.StartColumn, span.StartRow, span.EndColumn, span.StartRow)
        target = uno.createUnoStruct("com.sun.star.table.CellAddress")
        target.Sheet, target.Column = span.Sheet, span.StartColumn
        for row in range(span.StartRow + 1, span.EndRow + 1):
            target.Row = row
            sheet.copyRange(target, first)

    def add_name(self, sheet, name: str, address: str) -> None:
        cells = sheet.getCellRangeByName(address).getRangeAddress()
        origin = uno.createUnoStruct("com.sun.star.table.CellAddress")
        origin.Sheet, origin.Column, origin.Row = cells.Sheet, cells.StartColumn, cells.StartRow
        absolute = ":".join("$" + "$".join(split_address(part)) for part in address.split(":"))
        self.doc.NamedRanges.addNewByName(name, f"$'{sheet.getName()}'.{absolute}", origin, 0)

    @staticmethod
    def add_validation(cells, rule: dict) -> None:
        from com.sun.star.sheet.ConditionOperator import BETWEEN, GREATER_EQUAL, LESS_EQUAL
        from com.sun.star.sheet.ValidationAlertStyle import STOP
        from com.sun.star.sheet.ValidationType import ANY, DECIMAL, LIST, TEXT_LEN, WHOLE
        validation = cells.Validation
        kind = rule.get("kind", "decimal")
        validation.Type = {"decimal": DECIMAL, "whole": WHOLE, "list": LIST, "text": TEXT_LEN, "any": ANY}[kind]
        if kind == "list":
            validation.setFormula1(";".join(f'"{v}"' for v in rule["values"]))
        elif "min" in rule and "max" in rule:
            validation.setOperator(BETWEEN)
            validation.setFormula1(str(rule["min"]))
            validation.setFormula2(str(rule["max"]))
        elif "min" in rule:
            validation.setOperator(GREATER_EQUAL)
            validation.setFormula1(str(rule["min"]))
        elif "max" in rule:
            validation.setOperator(LESS_EQUAL)
            validation.setFormula1(str(rule["max"]))
        validation.IgnoreBlankCells = True
        validation.ShowInputMessage = True
        validation.InputTitle = rule.get("title", "")
        validation.InputMessage = rule.get("help", "")
        validation.ShowErrorMessage = True
        validation.ErrorAlertStyle = STOP
        validation.ErrorTitle = "Valeur refusée"
        validation.ErrorMessage = rule.get("error", rule.get("help", ""))
        cells.Validation = validation

    @staticmethod
    def add_conditional(cells, rules: list) -> None:
        from com.sun.star.sheet.ConditionOperator import EQUAL, GREATER, LESS, NOT_EQUAL
        operators = {"equals": EQUAL, "not_equals": NOT_EQUAL, "greater": GREATER, "less": LESS}
        entries = cells.ConditionalFormat
        for rule in rules:
            (key, value), = ((k, v) for k, v in rule.items() if k in operators)
            operand = f'"{value}"' if isinstance(value, str) else repr(value)
            entries.addNew(props(Operator=operators[key], Formula1=operand, StyleName=rule["style"]))
        cells.ConditionalFormat = entries

    def add_chart(self, sheet, chart: dict) -> None:
        data = sheet.getCellRangeByName(chart["data"]).getRangeAddress()
        anchor = sheet.getCellRangeByName(chart["anchor"]).Position
        width, height = chart.get("size_cm", [16.0, 8.0])
        area = Rectangle(anchor.X, anchor.Y, int(width * 1000), int(height * 1000))
        address = CellRangeAddress(data.Sheet, data.StartColumn, data.StartRow, data.EndColumn, data.EndRow)
        sheet.Charts.addNewByName(chart["name"], area, (address, *self.more_chart_ranges(sheet, chart)), True, True)
        embedded = sheet.Charts.getByName(chart["name"]).getEmbeddedObject()
        kind = {"line": "com.sun.star.chart.LineDiagram", "bar": "com.sun.star.chart.BarDiagram"}[chart["kind"]]
        embedded.setDiagram(embedded.createInstance(kind))
        from com.sun.star.chart.ChartDataRowSource import ROWS
        embedded.Diagram.DataRowSource = ROWS  # one series per row: charges, endowment
        embedded.HasMainTitle = True
        embedded.Title.String = chart.get("title", "")
        embedded.HasLegend = True
        if chart.get("stacked"):
            embedded.Diagram.Stacked = True
        if chart.get("labels_outside"):
            from com.sun.star.chart.ChartAxisLabelPosition import OUTSIDE_START
            embedded.Diagram.XAxis.LabelPosition = OUTSIDE_START

    @staticmethod
    def more_chart_ranges(sheet, chart: dict) -> list:
        """Ranges of the `more_data` key: rows of series away from the header row of `data`."""
        found = []
        for name in chart.get("more_data", []):
            cells = sheet.getCellRangeByName(name).getRangeAddress()
            found.append(CellRangeAddress(cells.Sheet, cells.StartColumn, cells.StartRow, cells.EndColumn, cells.EndRow))
        return found

    # ------------------------------------------------------------------ number formats, rows, printing
    def custom_format(self, code: str) -> int:
        """Key of a number format given in en-US notation (or a NUMBER_FORMATS name), in the workbook's locale."""
        if code in ("euro", "percent"):
            return self.number_format(code)  # the very format of the cpom_euro / cpom_percent styles
        code = NUMBER_FORMATS.get(code, code)
        cache = self.__dict__.setdefault("_format_keys", {})
        if code not in cache:
            formats = self.doc.NumberFormats
            english = Locale("en", "US", "")
            try:
                cache[code] = formats.addNewConverted(code, english, self.locale)
            except Exception:  # already known in that locale: look up the converted code
                converted = formats.getByKey(formats.addNew(code, english)).FormatString
                key = formats.queryKey(converted, self.locale, False)
                cache[code] = key if key != -1 else formats.addNew(converted, self.locale)
        return cache[code]

    def layout_extras(self, sheet, spec: dict) -> None:
        """Number formats, centred and indented cells (page style, merges, wraps and row heights: layout)."""
        for address, code in spec.get("formats", {}).items():
            sheet.getCellRangeByName(address).NumberFormat = self.custom_format(code)
        from com.sun.star.table.CellHoriJustify import CENTER, LEFT
        for address in spec.get("center", []):
            sheet.getCellRangeByName(address).HoriJustify = CENTER
        for span in spec.get("hidden_columns", []):
            first, _, last = span.partition(":")
            sheet.getCellRangeByName(f"{first}1:{last or first}1").getColumns().IsVisible = False
        for address, indent in spec.get("indent_cm", {}).items():
            cells = sheet.getCellRangeByName(address)
            cells.HoriJustify = LEFT  # the standard alignment ignores the indent
            cells.ParaIndent = int(indent * 1000)

    def print_extras(self, sheet, spec: dict) -> None:
        if "print_range" in spec:
            sheet.setPrintAreas((sheet.getCellRangeByName(spec["print_range"]).getRangeAddress(),))

    def page_setup(self, sheet, spec: dict) -> None:
        style = self.doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
        if spec.get("landscape"):
            style.IsLandscape = True
            style.Width, style.Height = 29700, 21000  # A4 landscape, in 1/100 mm
        else:
            style.Width, style.Height = 21000, 29700
        # One page wide; as many pages tall as needed, or exactly one page for a dashboard.
        style.ScaleToPagesX, style.ScaleToPagesY = 1, 1 if spec.get("one_page") else 0
        style.CenterHorizontally = True

    # ------------------------------------------------------------------ layout of dashboards (docstring: layout keys)
    def layout(self, sheet, spec: dict) -> None:
        """Own page style, merged cells, wrapped text, row heights and manual page breaks of one sheet."""
        styles = self.doc.StyleFamilies.getByName("PageStyles")
        name = f"cpom_{sheet.getName()}"
        if not styles.hasByName(name):
            own = self.doc.createInstance("com.sun.star.style.PageStyle")
            styles.insertByName(name, own)
            default = styles.getByName(sheet.PageStyle)
            for part in ("RightPageHeaderContent", "LeftPageHeaderContent", "RightPageFooterContent",
                         "LeftPageFooterContent"):  # the sheet name above, « Page n » below, as by default
                own.setPropertyValue(part, default.getPropertyValue(part))
        sheet.PageStyle = name
        rows = sheet.getRows()
        for address in spec.get("merge", []):
            sheet.getCellRangeByName(address).merge(True)
        for address in spec.get("wrap", []):
            cells = sheet.getCellRangeByName(address)
            cells.IsTextWrapped = True
            cells.VertJustify = 2  # com.sun.star.table.CellVertJustify2.CENTER
            span = cells.getRangeAddress()
            for r in range(span.StartRow, span.EndRow + 1):
                rows.getByIndex(r).OptimalHeight = True
        for span, height in spec.get("row_heights_cm", {}).items():
            first, _, last = str(span).partition(":")  # "5" or a range of rows "2:3"
            for row in range(int(first), int(last or first) + 1):
                rows.getByIndex(row - 1).Height = int(height * 1000)
        for row in spec.get("page_breaks", []):
            rows.getByIndex(row - 1).IsStartOfNewPage = True

    def print_scale(self, sheet, spec: dict) -> None:
        """A fixed print zoom (page_scale) instead of page_setup's fit to width; the page margins."""
        style = self.doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
        if "page_scale" in spec:
            style.ScaleToPagesX, style.ScaleToPagesY = 0, 0
            style.PageScale = int(spec["page_scale"])
        if "margins_cm" in spec:
            margin = int(spec["margins_cm"] * 1000)
            style.LeftMargin = style.RightMargin = style.TopMargin = style.BottomMargin = margin


def split_address(address: str) -> tuple[str, str]:
    letters = "".join(ch for ch in address if ch.isalpha())
    return letters, address[len(letters):]


FILTERS = {".ods": "calc8", ".ots": "calc8_template", ".pdf": "calc_pdf_Export", ".xlsx": "Calc MS Excel 2007 XML"}


def store_atomically(office: Office, doc, path: pathlib.Path) -> None:
    """Writes next to the target, then renames: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        office.store(doc, tmp, FILTERS[path.suffix])
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600: give the file the usual permissions
        os.replace(tmp, path)
    except BaseException:
        pathlib.Path(tmp).unlink(missing_ok=True)
        raise


def build(office: Office, source_path: pathlib.Path, outputs: list[pathlib.Path]):
    with source_path.open("rb") as f:
        source = tomllib.load(f)
    builder = Builder(office, source)
    try:
        builder.build()
        for path in outputs:
            store_atomically(office, builder.doc, path)
    finally:
        builder.doc.close(True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=pathlib.Path)
    parser.add_argument("--oxt", required=True, type=pathlib.Path, help="the built extension to install")
    parser.add_argument("--ods", type=pathlib.Path)
    parser.add_argument("--ots", type=pathlib.Path)
    parser.add_argument("--pdf", type=pathlib.Path)
    opts = parser.parse_args()
    outputs = [p for p in (opts.ods, opts.ots, opts.pdf) if p]
    if not outputs:
        parser.error("give at least one of --ods, --ots, --pdf")
    with Office(opts.oxt, locale="fr-FR") as office:
        build(office, opts.source, outputs)
    for path in outputs:
        print(f"écrit : {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
