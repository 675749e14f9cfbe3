"""The keys a workbook source (templates/*.toml, examples/*.toml) may hold, level by level, as tools/workbook.py
reads them (its docstring says what each does). An unknown or misspelt key is an error naming its place and the
nearest known key: read with spec.get, it would otherwise be ignored in silence (a print_rnage that never prints).
The input checks' own keys are checked by tools/input_checks.py.

    workbook_schema.py SOURCE.toml...   exit 1 and one line per unknown key, or nothing
"""
from __future__ import annotations

import difflib
import sys
import tomllib

TOP = {"title", "locale", "organisation", "first_sheet", "sheet", "check", "live"}
SHEET = {"name", "rows", "array_formulas", "styles", "names", "validation", "conditional", "fill_down",
         "column_widths_cm", "landscape", "one_page", "protect", "chart", "formats", "center", "hidden_columns",
         "indent_cm", "print_range", "merge", "wrap", "row_heights_cm", "page_breaks", "page_scale", "margins_cm",
         "repeat_rows", "print", "input_check", "control_summary"}
CHART = {"name", "title", "kind", "data", "anchor", "size_cm", "stacked", "more_data", "labels_outside",
         "series_in_columns", "horizontal"}
VALIDATION = {"kind", "min", "max", "values", "title", "help", "error"}
CONDITIONAL = {"equals", "not_equals", "greater", "less", "style"}
CHECK = {"cell", "value"}          # [[check]]: a key output against its hand computation
LIVE = {"input", "value", "output", "expect"}  # [[live]]: an output moves when an input does


def _unknown(table: dict, known: set[str], where: str) -> list[str]:
    out = []
    for key in sorted(set(table) - known):
        near = difflib.get_close_matches(key, sorted(known), n=1)
        out.append(f"{where} : clé inconnue « {key} »" + (f" (« {near[0]} » ?)" if near else ""))
    return out


def unknown_keys(source: dict) -> list[str]:
    """One French message per unknown key of a workbook source, with its place."""
    problems = _unknown(source, TOP, "niveau principal")
    for i, sheet in enumerate(source.get("sheet", [])):
        where = f"feuille « {sheet.get('name', i + 1)} »"
        problems += _unknown(sheet, SHEET, where)
        for chart in sheet.get("chart", []):
            problems += _unknown(chart, CHART, f"{where}, graphique « {chart.get('name', '?')} »")
        for cells, rule in sheet.get("validation", {}).items():
            problems += _unknown(rule, VALIDATION, f"{where}, validation {cells}")
        for cells, rules in sheet.get("conditional", {}).items():
            for rule in rules:
                problems += _unknown(rule, CONDITIONAL, f"{where}, mise en forme conditionnelle {cells}")
    for check in source.get("check", []):
        problems += _unknown(check, CHECK, f"[[check]] {check.get('cell', '?')}")
    for live in source.get("live", []):
        problems += _unknown(live, LIVE, f"[[live]] {live.get('input', '?')}")
    return problems


def main(paths: list[str]) -> int:
    problems = []
    for path in paths:
        with open(path, "rb") as f:
            problems += [f"{path} : {p}" for p in unknown_keys(tomllib.load(f))]
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
