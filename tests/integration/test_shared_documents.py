"""Workbooks travel between French and English offices (issue 18): a function keeps one name in every interface
language, so a formula typed as a user types it (FormulaLocal, the interface's names and separators) works in both,
and a workbook saved by one office computes the same in the other. French display names were tried and refused:
in a French office they make `=CPOM_PROJECT(…)` (from the docs, an e-mail, a colleague) a #NOM? error
(scripts/try-french-function-names.py, README « Nom des fonctions »)."""
import pathlib
import re
import shutil
import tempfile
import unittest
import zipfile

import support

FORMULA = "=CPOM_PROJECT(1000{s}1{s}2)"  # an ordinary cell: year 1 of 1 000 at +100 % = 2 000
EXPECTED = 2000.0


def separator(sheet) -> str:
    probe = sheet.getCellRangeByName("Z1")
    probe.setFormula("=MAX(1;2)")
    return ";" if ";" in probe.FormulaLocal else ","


def type_and_save(locale: str, path: pathlib.Path) -> float:
    office = support.start_office(locale)
    try:
        doc = office.new_spreadsheet()
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName("A1").FormulaLocal = FORMULA.format(s=separator(sheet))
        doc.calculateAll()
        cell = sheet.getCellRangeByName("A1")
        value = None if cell.getError() else cell.getValue()
        office.store(doc, path, "calc8")
        doc.close(True)
        return value
    finally:
        office.close()


def open_and_read(locale: str, path: pathlib.Path) -> tuple:
    office = support.start_office(locale)
    try:
        doc = office.load(path)
        doc.calculateAll()
        cell = doc.Sheets.getByIndex(0).getCellRangeByName("A1")
        result = (cell.FormulaLocal, cell.getError(), cell.getValue())
        doc.close(True)
        return result
    finally:
        office.close()


class BetweenFrenchAndEnglishOffices(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="cpom-shared-"))
        cls.typed = {}
        cls.read = {}
        for writer, reader in (("fr-FR", "en-US"), ("en-US", "fr-FR")):
            path = cls.work / f"from-{writer}.ods"
            cls.typed[writer] = type_and_save(writer, path)
            cls.read[writer] = open_and_read(reader, path)
            with zipfile.ZipFile(path) as ods:
                content = ods.read("content.xml").decode("utf-8")
                setattr(cls, f"stored_{writer[:2]}", re.findall(r'table:formula="([^"]*)"', content))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_the_name_typed_in_each_interface_works(self):
        self.assertEqual(self.typed, {"fr-FR": EXPECTED, "en-US": EXPECTED})

    def test_files_store_the_programmatic_name(self):
        for stored in (self.stored_fr, self.stored_en):
            self.assertIn("of:=ORG.CPOM.CALC.FUNCTIONS.CPOMPROJECT(1000;1;2)", stored)

    def test_the_other_office_shows_the_same_name_and_figure(self):
        for writer, (formula, error, value) in self.read.items():
            with self.subTest(saved_by=writer):
                self.assertTrue(formula.startswith("=CPOM_PROJECT("), formula)
                self.assertEqual(error, 0)
                self.assertEqual(value, EXPECTED)


if __name__ == "__main__":
    unittest.main()
