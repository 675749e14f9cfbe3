"""The foundation functions in a real workbook: cell references, array formulas, several establishments at once,
bad inputs that must give Err:502 while the office keeps running, CPOM_CHECK's reasons, FunctionAccess, and a
save as ODS / reload round trip that keeps every formula."""
import pathlib
import tempfile
import unittest

import support

office = None


def setUpModule():
    global office
    office = support.start_office()


def tearDownModule():
    office.close()


def fill(sheet, address, rows):
    """Writes a block of values (numbers, texts or None for blank) from the top-left address."""
    start = sheet.getCellRangeByName(address).getCellAddress()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            support.write_cell(sheet.getCellByPosition(start.Column + c, start.Row + r), value)


class Workbook(unittest.TestCase):
    def setUp(self):
        self.doc = office.new_spreadsheet()
        self.sheet = self.doc.Sheets.getByIndex(0)
        # Charges 1 000 000 € growing 2.5 %/year; endowment 980 000 € growing 3 % but capped at 1 %; reserves 60 000 €.
        fill(self.sheet, "A1", [["charges", 1_000_000, 0.025], ["dotation", 980_000, 0.03], ["plafond", 0.01, None],
                                ["réserves", 60_000, None]])
        fill(self.sheet, "H5", [[100, 110, 121], [100, 105, None]])  # a 3-year row and a 2-year row

    def tearDown(self):
        self.doc.close(True)

    def cell(self, address):
        return self.sheet.getCellRangeByName(address)

    def array(self, address, formula):
        self.cell(address).setArrayFormula(formula)

    def values(self, address):
        return [v for row in self.cell(address).getDataArray() for v in row]

    def test_scissor_effect_from_cell_references(self):
        self.array("B6:F6", "=CPOM_PROJECT(B1;C1;5)")
        self.array("B7:F7", "=CPOM_PROJECT(B2;C2;5;B3)")
        self.array("B8:F8", "=CPOM_GAP(B6:F6;B7:F7)")
        self.array("B9:F9", "=CPOM_GAP(B6:F6;B7:F7;1)")
        self.cell("B10").setFormula("=CPOM_EXHAUSTION_YEAR(B8:F8;B4)")
        self.doc.calculateAll()
        # Hand computation: charges 1 025 000; 1 050 625; 1 076 890.625; 1 103 812.890625; 1 131 408.212890625
        # endowment 989 800; 999 698; 1 009 694.98; 1 019 791.9298; 1 029 989.849098
        charges = [1_025_000, 1_050_625, 1_076_890.625, 1_103_812.890625, 1_131_408.212890625]
        endowment = [989_800, 999_698, 1_009_694.98, 1_019_791.9298, 1_029_989.849098]
        gaps = [c - e for c, e in zip(charges, endowment)]  # 35 200; 50 927; 67 195.645; ...
        for actual, expected in zip(self.values("B8:F8"), gaps):
            self.assertTrue(support.close_enough(actual, expected), (actual, expected))
        self.assertTrue(support.close_enough(self.values("B9:F9")[1], 35_200 + 50_927))
        # Cumulative 35 200 then 86 127 > 60 000: reserves run out in year 2.
        self.assertEqual(self.cell("B10").getValue(), 2)

    def test_several_establishments_in_one_call(self):
        fill(self.sheet, "H1", [[100_000], [200_000], [300_000]])
        fill(self.sheet, "I1", [[0.01, 0.02], [0.03, 0.04], [0.05, 0.06]])
        self.array("K1:L3", "=CPOM_PROJECT(H1:H3;I1:J3;2)")
        self.doc.calculateAll()
        # 100 000 → 101 000 → 103 020; 200 000 → 206 000 → 214 240; 300 000 → 315 000 → 333 900.
        expected = [101_000, 103_020, 206_000, 214_240, 315_000, 333_900]
        for actual, want in zip(self.values("K1:L3"), expected):
            self.assertTrue(support.close_enough(actual, want), (actual, want))

    def test_bad_inputs_give_err502_and_the_office_survives(self):
        fill(self.sheet, "H1", [[0.02, "deux", 0.02, 0.02, None, 0.02]])  # text inside H1:J1, blank inside K1:M1
        cases = {
            "B12": "=CPOM_PROJECT(B1;H1:J1;3)",           # text in rates
            "B13": "=CPOM_PROJECT(B1;C1;0)",              # years = 0
            "B14": "=CPOM_PROJECT(B1;C1;31)",             # years = 31
            "B15": "=CPOM_GAP(H5:J5;H6:I6)",              # rows of different lengths
            "B16": "=CPOM_PROJECT(Z99;C1;3)",             # empty base
            "B17": "=CPOM_PROJECT(-5;C1;3)",              # negative base
            "B18": "=CPOM_PROJECT(1E+308;1;30)",          # overflows to infinity: never shown as a figure
            "B19": "=CPOM_PROJECT(B1;C1;2.5)",            # years not whole
            "B20": "=CPOM_PROJECT(B1;K1:M1;3)",           # blank year inside rates
        }
        for address, formula in cases.items():
            self.cell(address).setFormula(formula)
        self.doc.calculateAll()
        for address, formula in cases.items():
            with self.subTest(formula=formula):
                self.assertEqual(self.cell(address).getError(), 502, self.cell(address).getString())
        self.assertTrue(office.alive())

    def test_optional_argument_left_blank(self):
        # Calc passes a lone empty cell as 0 (a cap of 0 %), but an empty one-cell range or ;; as "omitted".
        self.array("B12:C12", "=CPOM_PROJECT(1000;0.02;2;Z1:Z1)")
        self.array("B13:C13", "=CPOM_PROJECT(1000;0.02;2;)")
        self.doc.calculateAll()
        self.assertEqual(self.values("B12:C12"), [1020, 1040.4])
        self.assertEqual(self.values("B13:C13"), [1020, 1040.4])

    def test_check_explains_in_french(self):
        fill(self.sheet, "H1", [[0.02, "deux", 0.02]])
        self.cell("B12").setFormula('=CPOM_CHECK("CPOM_PROJECT";B1;H1:J1;3)')
        self.cell("B13").setFormula('=CPOM_CHECK("CPOM_PROJECT";Z99;C1;3)')
        self.cell("B14").setFormula('=CPOM_CHECK("cpom_gap";H5:J5;H6:I6)')
        self.cell("B16").setFormula('=CPOM_CHECK("CPOM_GAP";H5:J5;H6:J6)')
        self.cell("B15").setFormula('=CPOM_CHECK("CPOM_PROJECT";B1;C1;5)')
        self.cell("B17").setFormula('=CPOM_CHECK("CPOM_PROJECT";B1;A4:C4;3)')  # non-ASCII text there and back
        self.doc.calculateAll()
        self.assertEqual(self.cell("B12").getString(), "rates : la cellule n° 2 contient du texte (« deux ») : "
                                                       "un nombre est attendu")
        self.assertEqual(self.cell("B13").getString(), "base : vaut 0 (cellule vide ?) : saisir le montant de l'année 0")
        self.assertEqual(self.cell("B14").getString(), "resources : la plage a 2 valeurs, 3 attendues (comme charges)")
        self.assertEqual(self.cell("B15").getString(), "OK")
        self.assertEqual(self.cell("B17").getString(), "rates : la cellule n° 1 contient du texte (« réserves ») : "
                                                       "un nombre est attendu")
        self.assertEqual(self.cell("B16").getString(), "resources : la cellule n° 3 est vide : saisir 0 si la valeur "
                                                       "est nulle, une cellule vide n'est pas lue comme 0")

    def test_function_access_without_a_document(self):
        access = office.service("com.sun.star.sheet.FunctionAccess")
        self.assertEqual(access.callFunction("CPOM_PROJECT", (1000.0, 0.1, 2.0)), ((1100.0, 1210.0),))
        with self.assertRaises(Exception) as caught:
            access.callFunction("CPOM_PROJECT", (1000.0, 0.1, 31.0))
        self.assertIn("IllegalArgumentException", type(caught.exception).__name__)
        self.assertTrue(office.alive())

    def test_formulas_survive_save_and_reload(self):
        self.array("B6:F6", "=CPOM_PROJECT(B1;C1;5)")
        self.cell("B10").setFormula("=CPOM_EXHAUSTION_YEAR(CPOM_GAP(B6:F6;CPOM_PROJECT(B2;C2;5;B3));B4)")
        self.doc.calculateAll()
        before = (self.cell("B6").getFormula(), self.values("B6:F6"), self.cell("B10").getFormula(),
                  self.cell("B10").getValue())
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "roundtrip.ods"
            office.store(self.doc, path, "calc8")
            reloaded = office.load(path)
            try:
                sheet = reloaded.Sheets.getByIndex(0)
                reloaded.calculateAll()
                after = (sheet.getCellRangeByName("B6").getFormula(),
                         [v for row in sheet.getCellRangeByName("B6:F6").getDataArray() for v in row],
                         sheet.getCellRangeByName("B10").getFormula(), sheet.getCellRangeByName("B10").getValue())
                self.assertEqual(sheet.getCellRangeByName("F6").getError(), 0)
            finally:
                reloaded.close(True)
        self.assertEqual(after, before)
        self.assertIn("CPOMPROJECT", before[0].upper())


if __name__ == "__main__":
    unittest.main()
