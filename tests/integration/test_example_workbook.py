"""The README's main job: the example CPOM projection (examples/cpom_projection.toml) built from its text source,
recalculated in a real LibreOffice with the add-in, written as ODS and PDF; every figure equals a hand computation
to the cent, and the ODS reloads with its formulas."""
import pathlib
import subprocess
import tempfile
import unittest

import support
import workbook  # tools/workbook.py

office = None

# Hand computation (inputs of examples/cpom_projection.toml):
# charges 4 200 000 growing 2.5 %+0.8 %, 2.2 %+0.8 %, then 2.0 %+0.8 %:
#   4 200 000 × 1.033 = 4 338 600; × 1.030 = 4 468 758; × 1.028 = 4 593 883.224; × 1.028 = 4 722 511.954272;
#   × 1.028 = 4 854 742.288991616
# endowment 4 200 000, campaign rates 1.5 %, 1.2 %, 1 %, 1 %, 1 % capped at 1 %, +30 000 lasting in year 2,
# +50 000 one-off in year 1:
#   P1 = 4 242 000 (V1 = 4 292 000); P2 = 4 284 420 + 30 000 = 4 314 420; P3 = 4 357 564.2; P4 = 4 401 139.842;
#   P5 = 4 445 151.24042
CHARGES = [4_338_600, 4_468_758, 4_593_883.224, 4_722_511.954272, 4_854_742.288991616]
ENDOWMENT = [4_292_000, 4_314_420, 4_357_564.2, 4_401_139.842, 4_445_151.24042]
GAPS = [46_600, 154_338, 236_319.024, 321_372.112272, 409_591.048571616]
CUMULATIVE = [46_600, 200_938, 437_257.024, 758_629.136272, 1_168_220.184843616]
EXHAUSTION_YEAR = 4  # 437 257.02 ≤ 450 000 < 758 629.14


def setUpModule():
    global office
    office = support.start_office("fr-FR")


def tearDownModule():
    office.close()


class ExampleWorkbook(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        out = pathlib.Path(cls.tmp.name)
        cls.ods, cls.pdf = out / "projection-cpom.ods", out / "projection-cpom.pdf"
        workbook.build(office, support.SOURCE_DIR / "examples" / "cpom_projection.toml", [cls.ods, cls.pdf])
        cls.doc = office.load(cls.ods)
        cls.doc.calculateAll()
        cls.sheet = cls.doc.Sheets.getByName("Projection")

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        cls.tmp.cleanup()

    def row(self, address):
        cells = self.sheet.getCellRangeByName(address)
        for c in range(cells.Columns.getCount()):
            self.assertEqual(cells.getCellByPosition(c, 0).getError(), 0, address)
        return list(cells.getDataArray()[0])

    def assert_row(self, address, expected):
        for actual, want in zip(self.row(address), expected, strict=True):
            self.assertTrue(support.close_enough(actual, want), f"{address}: {actual} instead of {want}")

    def test_figures_equal_the_hand_computation(self):
        self.assert_row("C17:G17", CHARGES)
        self.assert_row("C18:G18", ENDOWMENT)
        self.assert_row("C19:G19", GAPS)
        self.assert_row("C20:G20", CUMULATIVE)
        self.assertEqual(self.sheet.getCellRangeByName("B22").getValue(), EXHAUSTION_YEAR)
        self.assertEqual(self.sheet.getCellRangeByName("B23").getString(), "Réserves épuisées en année 4 du contrat")

    def test_named_ranges_and_formulas_survive_the_ods(self):
        names = self.doc.NamedRanges
        for name in ("reserves", "gap", "cumulative_gap", "exhaustion_year"):
            self.assertTrue(names.hasByName(name), name)
        self.assertIn("CPOMPROJECT", self.sheet.getCellRangeByName("C17").getFormula().upper())
        self.assertIn("CPOMEXHAUSTIONYEAR", self.sheet.getCellRangeByName("B22").getFormula().upper())

    def test_inputs_are_unlocked_and_computed_cells_protected(self):
        self.assertTrue(self.sheet.isProtected())
        self.assertFalse(self.sheet.getCellRangeByName("B14").CellProtection.IsLocked)
        self.assertTrue(self.sheet.getCellRangeByName("C17").CellProtection.IsLocked)

    def test_changing_an_input_moves_the_outputs(self):
        self.sheet.unprotect("")
        try:
            self.sheet.getCellRangeByName("B14").setValue(800_000)  # reserves cover 758 629 but not 1 168 220
            self.doc.calculateAll()
            self.assertEqual(self.sheet.getCellRangeByName("B22").getValue(), 5)
        finally:
            self.sheet.getCellRangeByName("B14").setValue(450_000)
            self.doc.calculateAll()
            self.sheet.protect("")

    def test_pdf_has_one_page_with_the_chart(self):
        info = subprocess.run(["pdfinfo", str(self.pdf)], capture_output=True, text=True, check=True).stdout
        self.assertRegex(info, r"Pages:\s+1\n")
        self.assertEqual(self.sheet.Charts.getCount(), 1)


if __name__ == "__main__":
    unittest.main()
