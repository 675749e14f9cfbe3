"""Every Calc template (templates/*.toml → build/templates/CPOM/*.ots, shipped in the .oxt): after installing the
extension it is in LibreOffice's template paths (File ▸ New ▸ Templates); it opens with no error cell on its example
data; its key outputs equal the independent figures of its [[check]] entries; changing an input moves the outputs
([[live]] entries); its PDF export renders every page; saved as ODS and reloaded it keeps every formula."""
import pathlib
import re
import subprocess
import tempfile
import tomllib
import unittest
import urllib.parse

import support
from office import props

office = None
SOURCES = sorted((support.SOURCE_DIR / "templates").glob("*.toml"))


def setUpModule():
    global office
    office = support.start_office("fr-FR")


def tearDownModule():
    office.close()


def installed_templates() -> dict:
    """Template files found in the office's template paths, by file stem."""
    settings = office.service("com.sun.star.util.PathSettings")
    expander = office.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
    found = {}
    for url in settings.Template.split(";"):
        if url.startswith("vnd.sun.star.expand:"):  # an extension's folder: $UNO_SHARED_PACKAGES_CACHE/...
            url = expander.expandMacros(urllib.parse.unquote(url[len("vnd.sun.star.expand:"):]))
        folder = pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(url).path))
        for ots in folder.glob("**/*.ots"):
            found[ots.stem] = ots
    return found


def error_cells(doc) -> list[str]:
    from com.sun.star.sheet.FormulaResult import ERROR
    found = []
    for sheet in doc.Sheets:
        ranges = sheet.queryFormulaCells(ERROR)
        if ranges.getCount():
            found.append(f"{sheet.getName()}: {ranges.getRangeAddressesAsString()}")
    return found


def formulas(doc) -> dict:
    from com.sun.star.sheet.CellFlags import FORMULA
    result = {}
    for sheet in doc.Sheets:
        for address in sheet.queryContentCells(FORMULA).getRangeAddresses():
            block = sheet.getCellRangeByPosition(address.StartColumn, address.StartRow, address.EndColumn,
                                                 address.EndRow)
            result[(sheet.getName(), address.StartColumn, address.StartRow)] = block.getFormulaArray()
    return result


def cell(doc, ref: str):
    sheet_name, address = ref.split(".")
    return doc.Sheets.getByName(sheet_name).getCellRangeByName(address)


class Templates(unittest.TestCase):
    def test_there_are_templates(self):
        self.assertGreaterEqual(len(SOURCES), 1)

    def test_each_template(self):
        installed = installed_templates()
        for source in SOURCES:
            with self.subTest(template=source.stem):
                self.assertIn(source.stem, installed, "not in the template paths of the office")
                with source.open("rb") as f:
                    spec = tomllib.load(f)
                doc = office.desktop.loadComponentFromURL(installed[source.stem].as_uri(), "_blank", 0,
                                                          props(Hidden=True, AsTemplate=True))
                try:
                    self.check_template(doc, spec)
                finally:
                    doc.close(True)

    def check_template(self, doc, spec):
        doc.calculateAll()
        self.assertEqual(error_cells(doc), [])
        for check in spec.get("check", []):
            target = cell(doc, check["cell"])
            if isinstance(check["value"], str):
                self.assertEqual(target.getString(), check["value"], check["cell"])
            else:
                self.assertTrue(support.close_enough(target.getValue(), check["value"]),
                                f"{check['cell']}: {target.getValue()} instead of {check['value']}")
        for live in spec.get("live", []):
            self.check_live(doc, live)
        with tempfile.TemporaryDirectory() as tmp:
            self.check_pdf(doc, pathlib.Path(tmp) / "t.pdf")
            self.check_round_trip(doc, pathlib.Path(tmp) / "t.ods")

    def check_live(self, doc, live):
        target, output = cell(doc, live["input"]), cell(doc, live["output"])
        sheet = doc.Sheets.getByName(live["input"].split(".")[0])
        self.assertFalse(target.CellProtection.IsLocked, f"{live['input']} is an input: it must be unlocked")
        before, old = output.getString(), target.getFormula()  # the input as typed: a number or a text
        sheet.unprotect("")
        try:
            if isinstance(live["value"], str):  # a choice from a list (« intégrée à la base »)
                target.setString(live["value"])
            else:
                target.setValue(live["value"])
            doc.calculateAll()
            self.assertNotEqual(output.getString(), before, f"{live['output']} did not move with {live['input']}")
            if isinstance(live.get("expect"), str):
                self.assertEqual(output.getString(), live["expect"], live)
            elif "expect" in live:
                self.assertTrue(support.close_enough(output.getValue(), live["expect"]), live)
        finally:
            target.setFormula(old)
            doc.calculateAll()
            sheet.protect("")

    def check_pdf(self, doc, pdf):
        sheet_names = set(doc.Sheets.getElementNames())
        office.store(doc, pdf, "calc_pdf_Export")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        self.assertGreaterEqual(pages, 1)
        for page in range(1, pages + 1):
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                                  capture_output=True, text=True, check=True).stdout
            # A page with nothing but its frame (the sheet's name above, « Page N / M » below) is blank: empty
            # columns beside hidden ones, or cells styled beyond the table, printed on pages of their own.
            content = [line for line in text.splitlines() if line.strip()
                       and line.strip() not in sheet_names and not re.fullmatch(r"Page \d+ / \d+", line.strip())]
            self.assertTrue(content, f"page {page} of the PDF is blank (only its header and footer)")

    def check_round_trip(self, doc, ods):
        before = formulas(doc)
        office.store(doc, ods, "calc8")
        reloaded = office.load(ods)
        try:
            reloaded.calculateAll()
            self.assertEqual(formulas(reloaded), before)
            self.assertEqual(error_cells(reloaded), [])
        finally:
            reloaded.close(True)


if __name__ == "__main__":
    unittest.main()
