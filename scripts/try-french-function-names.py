#!/usr/bin/python3
"""The trial behind the README's decision on French function names (issue 18): what a French display name
(CalcAddIns.xcu allows one per language) does to documents and formulas shared between French and English offices.

It builds a variant of the extension whose fr-FR display name of CPOM_PROJECT is CPOM_PROJECTION, then, with the
shipped extension and with the variant: types formulas in a French office as a user does (FormulaLocal: the
interface's names), saves the workbook, opens it in an English office and types there too, and prints what each
office shows. Run with Debian's python3 after the build:   scripts/try-french-function-names.py [build/x.oxt]
"""
from __future__ import annotations

import pathlib
import re
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from office import Office  # noqa: E402

FRENCH_NAME = "CPOM_PROJECTION"
ARGS = "(1000{s}1{s}2)"  # base 1 000, +100 %, 2 years: an ordinary cell shows year 1 = 2 000


def variant(oxt: pathlib.Path, target: pathlib.Path) -> pathlib.Path:
    """The same extension with a French display name for CPOM_PROJECT."""
    with zipfile.ZipFile(oxt) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "CalcAddIns.xcu":
                text = data.decode("utf-8")
                text, count = re.subn(r'(<node oor:name="cpomProject" oor:op="replace">\s*<prop oor:name="DisplayName">'
                                      r'\s*<value xml:lang="en-US">CPOM_PROJECT</value>\s*'
                                      r'<value xml:lang="fr-FR">)CPOM_PROJECT<', rf"\g<1>{FRENCH_NAME}<", text)
                assert count == 1, "CalcAddIns.xcu no longer has the expected shape"
                data = text.encode("utf-8")
            out.writestr(item, data)
    return target


def separator(sheet) -> str:
    probe = sheet.getCellRangeByName("Z1")
    probe.setFormula("=MAX(1;2)")
    return ";" if ";" in probe.FormulaLocal else ","


def shown(cell) -> str:
    value = f"Err:{cell.getError()}" if cell.getError() else cell.getString()
    return f"{cell.FormulaLocal:32} → {value}"


def type_formulas(office: Office, names: list[str], doc=None):
    doc = doc or office.new_spreadsheet()
    sheet = doc.Sheets.getByIndex(0)
    s = separator(sheet)
    for row, name in enumerate(names, start=10):
        sheet.getCellByPosition(0, row).FormulaLocal = f"={name}{ARGS.format(s=s)}"
    doc.calculateAll()
    return doc, sheet


def trial(oxt: pathlib.Path, label: str, work: pathlib.Path) -> None:
    print(f"\n=== {label}")
    saved = work / f"{label}.ods"
    with Office(oxt, locale="fr-FR") as french:
        doc, sheet = type_formulas(french, ["CPOM_PROJECT", FRENCH_NAME])
        print("French office, typed:")
        for row in (10, 11):
            print("   ", shown(sheet.getCellByPosition(0, row)))
        Office.store(doc, saved, "calc8")
        doc.close(True)
    with zipfile.ZipFile(saved) as ods:
        stored = sorted(set(re.findall(r'table:formula="([^"]*)"', ods.read("content.xml").decode("utf-8"))))
    print("Stored in the ODS:", *stored, sep="\n    ")
    with Office(oxt, locale="en-US") as english:
        doc = english.load(saved)
        doc.calculateAll()
        sheet = doc.Sheets.getByIndex(0)
        print("English office, the French workbook:")
        for row in (10, 11):
            print("   ", shown(sheet.getCellByPosition(0, row)))
        doc.close(True)
        doc, sheet = type_formulas(english, ["CPOM_PROJECT", FRENCH_NAME])
        print("English office, typed:")
        for row in (10, 11):
            print("   ", shown(sheet.getCellByPosition(0, row)))
        doc.close(True)


def main() -> int:
    oxt = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "cpom-calc-0.1.0.oxt").resolve()
    with tempfile.TemporaryDirectory(prefix="cpom-names-") as tmp:
        work = pathlib.Path(tmp)
        trial(oxt, "shipped", work)
        trial(variant(oxt, work / "french-names.oxt"), "french-display-name", work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
