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
                    (category labels under the plot area, not on the zero line, when values can be negative),
                    series_in_columns (one series per column of data, categories in its first column),
                    horizontal (bars drawn from the left, first category at the top: a tornado chart, with stacked
                    for bars of opposite signs on one line)
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
Sheet order:
  first_sheet       (top level) "Synthèse": the sheet moved first once every sheet is built (sheets are filled in
                    the order of the source, each referring only to names defined before it)
Print frame (every sheet, issue 12 §3.9): header = the sheet's name, footer = « Page N / M » numbered across the
workbook; the organisation's name is a user input, so it goes into every title (row 1, a formula):
  organisation      (top level) "gestionnaire": a name or cell; every sheet's A1 ends with « — <it> — édité le <date> »
  repeat_rows       "1": rows printed again at the top of every page of a long sheet (the title with the name)
  print             false: the sheet is left out of printing and PDF export (an Aide sheet)
Input checks (tools/input_checks.py, issue 12 §3.2): what a formula reads is checked, whatever filled it, by calls
of the engine's CPOM_VALIDATE generated from:
  [[sheet.input_check]]  cells, reason (the cell(s) showing the first problem, in red), kind, blank, min, max,
                    suspect_below, used_if, values, amounts, why_min, why_max, labels, label, warnings, skip_if,
                    show, max_length: see tools/input_checks.py (an unknown key is an error)
  control_summary   "A8": one line summing up the reasons of the whole workbook (green when there is none)
Every key above is checked (tools/workbook_schema.py): an unknown or misspelt one is an error, not ignored.
Templates (.ots) are written without cached results: a document made from one is computed on the user's machine,
in the user's locale (issue 18 §2); the builder's office computes in the workbook's locale (tools/office.py).
Outputs are written atomically (temporary file, then rename) so a crash never leaves half a file.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys
import tempfile
import tomllib
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import input_checks  # noqa: E402
import workbook_schema  # noqa: E402
from office import Office, props  # noqa: E402

import uno  # noqa: E402
from com.sun.star.awt import Rectangle  # noqa: E402
from com.sun.star.lang import Locale  # noqa: E402
from com.sun.star.table import CellRangeAddress  # noqa: E402

YELLOW, BLUE, RESULT_GREY, GREY = 0xFFF2CC, 0xDDEBF7, 0xEDEDED, 0x595959

# Cell styles shared by every workbook and template: inputs are yellow and unlocked, everything else locked.
# One colour, one meaning on every sheet (issue 12 §3.9): yellow = input, blue = header, grey = key result (green
# would read "good" next to a deficit), green / orange / red = status OK / VIGILANCE / ALERTE, red text = an input to
# correct. Amounts carry no colour of their own: a negative number is not red (a negative BFR or gap is often good).
STYLES = {
    "cpom_title": dict(CharHeight=14.0, CharWeight=150.0),
    "cpom_note": dict(CharPosture=2, CharColor=GREY),
    "cpom_header": dict(CharWeight=150.0, CellBackColor=BLUE),
    "cpom_input": dict(CellBackColor=YELLOW, locked=False),
    "cpom_input_euro": dict(CellBackColor=YELLOW, locked=False, format="euro"),
    "cpom_input_percent": dict(CellBackColor=YELLOW, locked=False, format="percent"),
    "cpom_euro": dict(format="euro"),
    "cpom_percent": dict(format="percent"),
    "cpom_result": dict(CharWeight=150.0, CellBackColor=RESULT_GREY),
    "cpom_result_euro": dict(CharWeight=150.0, CellBackColor=RESULT_GREY, format="euro"),
    "cpom_result_text": dict(CharWeight=150.0),
    "cpom_result_percent": dict(CharWeight=150.0, CellBackColor=RESULT_GREY, format="percent"),
    # Status colours for conditional formatting (CPOM_STATUS: OK, VIGILANCE, ALERTE).
    "cpom_ok": dict(CellBackColor=0xC6EFCE, CharColor=0x006100),
    "cpom_warning": dict(CellBackColor=0xF8CBAD, CharColor=0x843C0C),  # orange: not the yellow of inputs
    "cpom_alert": dict(CellBackColor=0xFFC7CE, CharColor=0x9C0006, CharWeight=150.0),
    # The reason of a bad input (tools/input_checks.py), empty when all is well; shrunk to stay on one line, since
    # Calc does not give a row its optimal height again when a formula's text grows.
    "cpom_control": dict(CharColor=0x9C0006, CharHeight=9.0, ShrinkToFit=True),
    # Long texts in rows of fixed height on a printed report (justifications, labels of a table of 30 rows).
    "cpom_small": dict(CharHeight=8.0),
    # A name in a narrow column of a one-page summary (the blocks of the synthesis): shrunk to stay on one line.
    "cpom_shrink": dict(ShrinkToFit=True),
}

SERIES_COLOURS = (0x1F4E79, 0x5B9BD5, 0xA5A5A5, 0x2E75B6, 0x7F7F7F, 0xBDD7EE)

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
        # Amounts without cents, thousands separated, negatives not red (one colour meaning); rates with two decimals;
        # in the locale's own notation.
        code = formats.generateFormat(base, self.locale, kind == "euro", False, 0 if kind == "euro" else 2, 1)
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
        self.control_summaries()  # they read every sheet's checks: once all sheets exist
        self.running_titles()  # they read a name that any sheet may define
        self.exclude_unprinted_sheets()
        if "first_sheet" in self.source:  # opened and printed first (the page numbers follow the new order)
            sheets.moveByName(self.source["first_sheet"], 0)
        self.doc.calculateAll()
        for spec in self.source["sheet"]:
            if spec.get("protect", True):
                sheets.getByName(spec["name"]).protect("")

    # One sheet is built by these steps, in this order (each reads only its own keys of the sheet's source):
    SHEET_STEPS = (
        "cell_styles",         # styles and number formats before the contents: a formula typed into a cell without
        "number_formats",      # a format gets one Calc infers in the office's locale ("$23,394.98", issue 12 §3.9)
        "contents",
        "write_input_checks",  # formulas that read the contents
        "column_widths",
        "names",
        "validations",
        "conditionals",
        "layout",              # before the charts: they are placed at their anchor's final position
        "layout_extras",
        "charts",
        "page_setup",          # then the print settings, which read the final layout
        "print_scale",
        "print_extras",
        "page_frame",
    )

    def fill_sheet(self, sheet, spec: dict) -> None:
        for step in self.SHEET_STEPS:
            getattr(self, step)(sheet, spec)

    def column_widths(self, sheet, spec: dict) -> None:
        columns = sheet.getColumns()
        for c, width in enumerate(spec.get("column_widths_cm", [])):
            columns.getByIndex(c).Width = int(width * 1000)

    def names(self, sheet, spec: dict) -> None:
        for name, address in spec.get("names", {}).items():
            self.add_name(sheet, name, address)

    def validations(self, sheet, spec: dict) -> None:
        for address, rule in spec.get("validation", {}).items():
            self.add_validation(sheet.getCellRangeByName(address), rule)

    def conditionals(self, sheet, spec: dict) -> None:
        for address, rules in spec.get("conditional", {}).items():
            self.add_conditional(sheet.getCellRangeByName(address), rules)

    def charts(self, sheet, spec: dict) -> None:
        for chart in spec.get("chart", []):
            self.add_chart(sheet, chart)

    def contents(self, sheet, spec: dict) -> None:
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

    @staticmethod
    def cell_styles(sheet, spec: dict) -> None:
        for address, style in spec.get("styles", {}).items():
            if style not in STYLES:
                raise ValueError(f"unknown style {style!r} at {address}")
            sheet.getCellRangeByName(address).CellStyle = style

    def number_formats(self, sheet, spec: dict) -> None:
        for address, code in spec.get("formats", {}).items():
            sheet.getCellRangeByName(address).NumberFormat = self.custom_format(code)

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
        from com.sun.star.chart.ChartDataRowSource import COLUMNS, ROWS
        # One series per row (charges, endowment) unless the series are columns (a tornado: -1 point, +1 point).
        embedded.Diagram.DataRowSource = COLUMNS if chart.get("series_in_columns") else ROWS
        embedded.HasMainTitle = True
        embedded.Title.String = chart.get("title", "")
        embedded.HasLegend = True
        if chart.get("stacked"):
            embedded.Diagram.Stacked = True
        if chart.get("horizontal"):
            embedded.Diagram.Vertical = True  # Calc's name for bars growing along the X axis
            embedded.Diagram.XAxis.ReverseDirection = True  # the first category (the largest effect) on top
        if chart.get("labels_outside"):
            from com.sun.star.chart.ChartAxisLabelPosition import OUTSIDE_START
            embedded.Diagram.XAxis.LabelPosition = OUTSIDE_START
        # Blues and greys, not the default red and yellow: red means "alert" on every sheet (one colour meaning).
        series_count = len(embedded.Data.ColumnDescriptions if chart.get("series_in_columns")
                           else embedded.Data.RowDescriptions)
        for index in range(series_count):
            series = embedded.Diagram.getDataRowProperties(index)
            series.FillColor = series.LineColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]

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
        """Centred and indented cells (page style, merges, wraps and row heights: layout)."""
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
            styles.insertByName(name, self.doc.createInstance("com.sun.star.style.PageStyle"))
        sheet.PageStyle = name  # its header and footer: page_frame
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

    # ------------------------------------------------------------------ input checks (tools/input_checks.py)
    def write_input_checks(self, sheet, spec: dict) -> None:
        """The reason cells of [[sheet.input_check]]: one formula each, in red text, empty when the inputs are good."""
        for address, formula in input_checks.reason_formulas(spec.get("input_check", [])).items():
            target = sheet.getCellRangeByName(address)
            target.setFormula(formula)
            target.CellStyle = "cpom_control"

    def control_summaries(self) -> None:
        """`control_summary = "A8"`: the workbook's anomalies in one line (red), or « aucune anomalie » (green)."""
        checks = {spec["name"]: spec.get("input_check", []) for spec in self.source["sheet"]}
        for spec in self.source["sheet"]:
            if "control_summary" not in spec:
                continue
            target = self.doc.Sheets.getByName(spec["name"]).getCellRangeByName(spec["control_summary"])
            target.setFormula(input_checks.summary_formula(checks))
            target.CellStyle = "cpom_control"
            target.CharWeight = 150.0
            self.add_conditional(target, [{"equals": input_checks.OK_TEXT, "style": "cpom_ok"}])

    # ------------------------------------------------------------------ print frame (issue 12 §3.9)
    def page_frame(self, sheet, spec: dict) -> None:
        """Header: the sheet's name; footer: « Page N / M », numbered across the whole workbook.

        The organisation's name is a user input and a header holds no cell reference: running_titles writes it, with
        the date, into each sheet's title (row 1), repeated on every page of a long sheet by `repeat_rows`. The date
        is not a header field either: Calc writes it in the office's locale (12/01/2026 for 1 December in the
        English office cpom-run starts)."""
        style = self.doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
        style.FirstPageNumber = 0  # continue the numbering of the previous sheet (Calc restarts at 1 by default)
        field = lambda kind: self.doc.createInstance(f"com.sun.star.text.TextField.{kind}")  # noqa: E731
        header, footer = style.RightPageHeaderContent, style.RightPageFooterContent
        for part in (header.LeftText, header.CenterText, header.RightText, footer.LeftText, footer.CenterText,
                     footer.RightText):
            part.setString("")
        self.write_fields(header.CenterText, [field("SheetName")])
        self.write_fields(footer.CenterText, ["Page ", field("PageNumber"), " / ", field("PageCount")])
        style.RightPageHeaderContent, style.RightPageFooterContent = header, footer
        style.LeftPageHeaderContent, style.LeftPageFooterContent = header, footer
        if "repeat_rows" in spec:
            first, _, last = str(spec["repeat_rows"]).partition(":")
            span = CellRangeAddress(sheet.RangeAddress.Sheet, 0, int(first) - 1, 0, int(last or first) - 1)
            sheet.setTitleRows(span)
            sheet.PrintTitleRows = True

    def running_titles(self) -> None:
        """`organisation = "gestionnaire"` (a name or a cell of the workbook): every sheet's title (A1) ends with
        « — <organisation> — édité le <date> », computed, so it follows what the user types. The date is written
        digit by digit (TEXT's format codes and Calc's date fields follow the office's locale)."""
        organisation = self.source.get("organisation")
        if not organisation:
            return
        date = 'RIGHT("0"&DAY(TODAY());2)&"/"&RIGHT("0"&MONTH(TODAY());2)&"/"&YEAR(TODAY())'
        from com.sun.star.table.CellContentType import FORMULA
        for spec in self.source["sheet"]:
            title = self.doc.Sheets.getByName(spec["name"]).getCellRangeByName("A1")
            text = title.getFormula()[1:] if title.getType() == FORMULA else input_checks.quote(title.getString())
            title.setFormula(f'={text}&IF({organisation}="";"";" — "&{organisation})&" — édité le "&{date}')

    @staticmethod
    def write_fields(text, parts: list) -> None:
        cursor = text.createTextCursor()
        for part in parts:
            if isinstance(part, str):
                text.insertString(cursor, part, False)
            else:
                text.insertTextContent(cursor, part, False)

    def exclude_unprinted_sheets(self) -> None:
        """`print = false` (the Aide sheet): no print range, so Calc neither prints nor exports it to PDF.

        Calc prints a sheet without print range only while no sheet of the workbook has one: the other sheets then get
        a print range covering what they would print anyway (their cells and charts)."""
        unprinted = [spec["name"] for spec in self.source["sheet"] if spec.get("print", True) is False]
        if not unprinted:
            return
        for spec in self.source["sheet"]:
            sheet = self.doc.Sheets.getByName(spec["name"])
            if spec["name"] in unprinted:
                sheet.setPrintAreas(())
            elif not sheet.getPrintAreas():
                sheet.setPrintAreas((self.printed_area(sheet),))

    @staticmethod
    def printed_area(sheet):
        """The used cells of a sheet, extended to the bottom-right corner of its charts."""
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        last_col, last_row = end.EndColumn, end.EndRow
        columns, rows = sheet.getColumns(), sheet.getRows()
        for index in range(sheet.DrawPage.getCount()):
            shape = sheet.DrawPage.getByIndex(index)
            right, bottom = shape.Position.X + shape.Size.Width, shape.Position.Y + shape.Size.Height
            x = col = 0
            while x < right:
                x += columns.getByIndex(col).Width
                col += 1
            y = row = 0
            while y < bottom:
                y += rows.getByIndex(row).Height
                row += 1
            last_col, last_row = max(last_col, col - 1), max(last_row, row - 1)
        return CellRangeAddress(end.Sheet, 0, 0, last_col, last_row)


def split_address(address: str) -> tuple[str, str]:
    letters = "".join(ch for ch in address if ch.isalpha())
    return letters, address[len(letters):]


FILTERS = {".ods": "calc8", ".ots": "calc8_template", ".pdf": "calc_pdf_Export", ".xlsx": "Calc MS Excel 2007 XML"}


# Attributes of a formula cell that hold its cached result (ODF 1.2 §19.385 office:value-type and its values).
CACHED_RESULT = ("office:value-type", "office:value", "office:string-value", "office:boolean-value",
                 "office:date-value", "office:time-value", "office:currency", "calcext:value-type")


def drop_cached_results(path: str | os.PathLike) -> None:
    """Removes the cached results of every formula cell of an ODF spreadsheet (content.xml), in place.

    A template is built in one office and opened in another: LibreOffice shows the cached results of a file it wrote
    itself without recalculating (ODFRecalcMode "never"), so texts such as FIXED(…) would keep the build machine's
    notation (issue 18 §2). Without a cached result a formula is computed when the document is opened, on the
    user's machine, in the user's locale. The parts of an array formula are computed with its first cell."""
    from xml.dom import minidom
    with zipfile.ZipFile(path) as package:
        entries = [(info, package.read(info.filename)) for info in package.infolist()]
    rewritten = []
    for info, data in entries:
        if info.filename == "content.xml":
            dom = minidom.parseString(data)
            for cell in dom.getElementsByTagName("table:table-cell"):
                if not cell.hasAttribute("table:formula"):
                    continue
                for name in CACHED_RESULT:
                    if cell.hasAttribute(name):
                        cell.removeAttribute(name)
                for child in [c for c in cell.childNodes if c.nodeName == "text:p"]:
                    cell.removeChild(child)
            data = dom.toxml(encoding="UTF-8")
        rewritten.append((info, data))
    with zipfile.ZipFile(path, "w") as package:
        for info, data in rewritten:  # "mimetype" first and stored, as ODF requires
            package.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype"
                             else zipfile.ZIP_DEFLATED)


def store_atomically(office: Office, doc, path: pathlib.Path) -> None:
    """Writes next to the target, then renames: readers never see half a file. A template (.ots) is written without
    cached results (drop_cached_results)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        office.store(doc, tmp, FILTERS[path.suffix])
        if path.suffix == ".ots":
            drop_cached_results(tmp)
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
    problems = workbook_schema.unknown_keys(source)
    if problems:  # a misspelt key would be ignored in silence: refuse the source
        raise ValueError(f"{source_path} :\n  " + "\n  ".join(problems))
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
