"""The projection-cpom template against issue 12 §3 (items 2, 4–9) and issue 18 item 1, in a real headless
LibreOffice with the built template: every numeric input is checked and a bad one is never replaced (its reason is
shown next to it and on the synthesis), one bad block never hides another block's or another financer's figures,
every error shown comes with its reason, the breakeven rate put back as the expected rate balances the projection,
the Monte Carlo with no spread is the projection, reserves are never pooled across financers, numbers inside
sentences are French, and the help of every percent cell says how that cell takes a rate.

Figures are read by position (the template's own layout, written down in templates/projection-cpom.toml): block k
(0–5) is row 35 + k (charges) and 45 + k (ressources) of « Hypothèses »; on « Projection » its state is row 11 + k,
its cumulative gap row 119 + k, its indicators row 137 + k and its risk row 146 + k; on « Consolidation » financer f
(0 ARS, 1 CD1, 2 CD2, 3 périmètre) has its cumulative gap in row 36 + f, its indicators in row 54 + f and its risk
in row 61 + f."""
import pathlib
import re
import unittest

import support
from office import props

office = None
TEMPLATE = pathlib.Path(support.OXT).parent / "templates" / "CPOM" / "projection-cpom.ots"
BLOCKS = range(6)
FINANCER_OF_BLOCK = [0, 1, 1, 0, 0, 2]  # ARS, CD1, CD1, ARS, ARS, CD2 in the example
CENT = 0.005


def setUpModule():
    global office
    office = support.start_office("fr-FR")


def tearDownModule():
    office.close()


class Workbook:
    """A document created from the template, as File ▸ New ▸ Templates does, with input helpers."""

    def __init__(self):
        self.doc = office.desktop.loadComponentFromURL(TEMPLATE.as_uri(), "_blank", 0,
                                                       props(Hidden=True, AsTemplate=True))
        self.doc.calculateAll()

    def close(self):
        self.doc.close(True)

    def cell(self, ref: str):
        sheet, address = ref.split(".")
        return self.doc.Sheets.getByName(sheet).getCellRangeByName(address)

    def value(self, ref: str) -> float:
        cell = self.cell(ref)
        assert cell.getError() == 0, f"{ref} is in error ({cell.getString()})"
        return cell.getValue()

    def text(self, ref: str) -> str:
        return self.cell(ref).getString()

    def error(self, ref: str) -> bool:
        return self.cell(ref).getError() != 0

    def set(self, ref: str, value) -> None:
        """Types into an input cell: a number, a text, or None for a blank (as a data file or a paste may)."""
        sheet = self.doc.Sheets.getByName(ref.split(".")[0])
        sheet.unprotect("")
        support.write_cell(self.cell(ref), value)
        sheet.protect("")

    def recalculate(self):
        self.doc.calculateAll()


def column(letter: str, offset: int) -> str:
    return chr(ord(letter) + offset)


class TemplateCase(unittest.TestCase):
    def setUp(self):
        self.book = Workbook()

    def tearDown(self):
        self.book.close()

    def assertCent(self, actual, expected, what):
        self.assertLessEqual(abs(actual - expected), CENT, f"{what}: {actual!r} instead of {expected!r}")


class BreakevenRate(TemplateCase):
    """Issue 12, 3.6: the rate to ask for counts what the projection counts (permanent new measures)."""

    def use_as_expected_rates(self, rates_by_block):
        for k, rate in rates_by_block.items():
            self.book.set(f"Hypothèses.E{45 + k}", None)  # no cap: the rate asked for is the rate received
            for year in range(5):
                self.book.set(f"Hypothèses.{column('F', year)}{45 + k}", rate)
        self.book.recalculate()

    def test_each_block_balances_at_its_breakeven_rate(self):
        rates = {k: self.book.value(f"Projection.H{137 + k}") for k in BLOCKS}
        self.use_as_expected_rates(rates)
        for k in BLOCKS:
            self.assertLessEqual(abs(self.book.value(f"Projection.I{119 + k}")), 1.0, f"block {k}")

    def test_each_block_uses_exactly_its_reserves_at_its_minimal_rate(self):
        rates = {k: self.book.value(f"Projection.I{137 + k}") for k in BLOCKS}
        self.use_as_expected_rates(rates)
        for k in BLOCKS:
            reserves = self.book.value(f"Projection.D{137 + k}")
            self.assertLessEqual(abs(self.book.value(f"Projection.I{119 + k}") - reserves), 1.0, f"block {k}")

    def test_each_financer_balances_at_its_breakeven_rate(self):
        # The IME's 40 000 € of lasting new measures are in ARS: the rate must count them.
        rates = {f: self.book.value(f"Consolidation.G{54 + f}") for f in range(3)}
        self.use_as_expected_rates({k: rates[FINANCER_OF_BLOCK[k]] for k in BLOCKS})
        for f in range(3):
            self.assertLessEqual(abs(self.book.value(f"Consolidation.G{36 + f}")), 1.0, f"financer {f}")

    def test_the_perimeter_balances_at_its_breakeven_rate(self):
        rate = self.book.value("Consolidation.G57")
        self.use_as_expected_rates({k: rate for k in BLOCKS})
        self.assertLessEqual(abs(self.book.value("Consolidation.G39")), 1.0)


class MonteCarloWithoutSpread(TemplateCase):
    """Issue 12, 3.4: with a standard deviation of 0, the simulation is the projection, block by block and per
    financer (median = cumulative gap to the cent, probability 0 or 1 as the exhaustion year says)."""

    def check_every_line(self):
        for k in BLOCKS:
            gap = self.book.value(f"Projection.I{119 + k}")
            self.assertCent(self.book.value(f"Projection.E{146 + k}"), gap, f"median of block {k}")
            self.assertCent(self.book.value(f"Projection.F{146 + k}"), gap, f"90th percentile of block {k}")
            runs_out = self.book.value(f"Projection.F{137 + k}") > 0
            self.assertEqual(self.book.value(f"Projection.D{146 + k}"), 1.0 if runs_out else 0.0, f"block {k}")
        for f in range(3):
            gap = self.book.value(f"Consolidation.G{36 + f}")
            self.assertCent(self.book.value(f"Consolidation.C{61 + f}"), gap, f"median of financer {f}")
            self.assertCent(self.book.value(f"Consolidation.D{61 + f}"), gap, f"90th percentile of financer {f}")
            runs_out = self.book.value(f"Consolidation.C{54 + f}") > 0
            self.assertEqual(self.book.value(f"Consolidation.B{61 + f}"), 1.0 if runs_out else 0.0, f"financer {f}")
        self.assertCent(self.book.value("Consolidation.C64"), self.book.value("Consolidation.G39"), "périmètre")

    def test_example(self):
        self.book.set("Hypothèses.F28", 0)
        self.book.recalculate()
        self.check_every_line()

    def test_with_year_by_year_rates_new_measures_and_no_cap(self):
        # Rates that change every year, no cap on one block, new measures in year 4 on another: still the projection.
        self.book.set("Hypothèses.F28", 0)
        self.book.set("Hypothèses.E45", None)
        for year, rate in enumerate([0.03, -0.01, 0.02, 0.0, 0.05]):
            self.book.set(f"Hypothèses.{column('F', year)}45", rate)
        self.book.set("Hypothèses.K50", 90_000)
        self.book.set("Hypothèses.L50", 4)
        self.book.recalculate()
        self.check_every_line()


class ReservesNeverPooled(TemplateCase):
    """Issue 12, 3.5: an ARS surplus never covers a département's deficit."""

    def test_a_rich_financer_does_not_hide_another_running_out(self):
        # 2 000 000 € of reserves at the IME: the perimeter's reserves (2 750 000 €) exceed its cumulative gap
        # (1 779 467 €), which a pooled reading would call « never »; CD1 and CD2 still run out in 2028.
        self.book.set("Hypothèses.M48", 2_000_000)
        self.book.recalculate()
        self.assertEqual(self.book.text("Consolidation.D54"), "aucun")
        self.assertEqual(self.book.value("Consolidation.C55"), 3)
        self.assertEqual(self.book.value("Consolidation.C57"), 3)
        self.assertEqual(self.book.text("Synthèse.E20"), "2028")
        narrative = self.book.text("Synthèse.A5")
        self.assertIn("CD1 : réserves de 300\u00a0000\u00a0€, épuisées en 2028", narrative)
        self.assertIn("ARS : réserves de 2\u00a0310\u00a0000\u00a0€, suffisantes jusqu'à la fin du contrat",
                      narrative)

    def test_every_block_and_financer_has_its_own_year_on_the_synthesis(self):
        for k in BLOCKS:
            self.assertEqual(self.book.text(f"Synthèse.E{32 + k}"), self.book.text(f"Projection.G{137 + k}"))
        for f, letter in enumerate("BCD"):
            self.assertEqual(self.book.text(f"Synthèse.{letter}20"), self.book.text(f"Consolidation.D{54 + f}"))
        # Figures that would need pooled reserves are not given for the perimeter.
        self.assertEqual(self.book.text("Synthèse.E22"), "—")
        self.assertEqual(self.book.text("Synthèse.E23"), "—")


# Hostile inputs (issue 12, 3.2 and 3.8): the cell, the value, the words of the reason expected next to it, the
# block it breaks (None: every block), and the financers whose figures must stay as they were.
HOSTILE = [
    ("Hypothèses.G50", "un pour cent", "Hypothèses.N50", "« un pour cent » n'est pas un nombre", 5, [0, 1]),
    ("Hypothèses.E50", 12, "Hypothèses.N50", "probablement 12\u00a0% saisi sans le signe %", 5, [0, 1]),
    ("Hypothèses.M50", -140_000, "Hypothèses.N50", "-140\u00a0000\u00a0€ hors des limites", 5, [0, 1]),
    ("Hypothèses.D36", None, "Hypothèses.N36", "cellule vide, une valeur est attendue", 1, [0, 2]),
    ("Hypothèses.G37", 9.5, "Hypothèses.N37", "probablement 9,5\u00a0% saisi sans le signe %", 2, [0, 2]),
    ("Hypothèses.D48", 0, "Hypothèses.N48", "0\u00a0€ hors des limites (au moins 1\u00a0€)", 3, [1, 2]),
    ("Hypothèses.J39", 2.5, "Hypothèses.N39", "2,5 n'est pas un nombre entier", 4, [1, 2]),
    ("Hypothèses.F15", "2,4 pc", "Hypothèses.K15", "« 2,4 pc » n'est pas un nombre", None, []),
    # A formula in error in an input (a paste of cells): Calc hands no error to the add-in; still named, still alone.
    ("Hypothèses.G37", support.Formula("=1/0"), "Hypothèses.N37", "Absentéisme (taux) : valeur en erreur", 2, [0, 2]),
]


class HostileInputs(TemplateCase):
    def setUp(self):
        super().setUp()
        self.block_gaps = [self.book.value(f"Projection.I{119 + k}") for k in BLOCKS]
        self.financer_gaps = [self.book.value(f"Consolidation.G{36 + f}") for f in range(3)]
        self.financer_rates = [self.book.value(f"Consolidation.G{54 + f}") for f in range(3)]

    def test_bad_inputs_are_explained_and_break_only_what_depends_on_them(self):
        for ref, value, control, reason, bad_block, intact in HOSTILE:
            with self.subTest(input=ref, value=value):
                self.book.close()
                self.book = Workbook()
                self.book.set(ref, value)
                self.book.recalculate()
                self.assertIn(reason, self.book.text(control))
                for k in BLOCKS:
                    broken = bad_block is None or k == bad_block
                    self.assertEqual(self.book.error(f"Projection.I{119 + k}"), broken, f"block {k}")
                    if broken:
                        self.assertEqual(self.book.text(f"Projection.D{11 + k}"), "non calculé")
                    else:
                        self.assertCent(self.book.value(f"Projection.I{119 + k}"), self.block_gaps[k], f"block {k}")
                for f in range(3):
                    if f in intact:
                        self.assertCent(self.book.value(f"Consolidation.G{36 + f}"), self.financer_gaps[f], f"fin {f}")
                        self.assertEqual(self.book.value(f"Consolidation.G{54 + f}"), self.financer_rates[f])
                        self.assertEqual(self.book.text(f"Consolidation.B{6 + f}"), "OK")
                    else:
                        self.assertTrue(self.book.error(f"Consolidation.G{36 + f}"), f"financer {f}")
                self.assertTrue(self.book.error("Consolidation.G39"), "the perimeter misses a block")
                self.assertIn("CHIFFRAGE INCOMPLET", self.book.text("Synthèse.A4"))
                self.assertIn(reason, self.book.text("Synthèse.A47"))
                self.check_every_error_has_its_reason()

    def test_an_unknown_financer_stops_every_financer_total(self):
        # « CD3 »: nobody knows whose total misses the foyer, so no financer total is given; the blocks keep theirs.
        self.book.set("Hypothèses.C40", "CD3")
        self.book.recalculate()
        self.assertIn("Financeur : « CD3 » n'est pas dans la liste", self.book.text("Hypothèses.N40"))
        for k in range(5):
            self.assertCent(self.book.value(f"Projection.I{119 + k}"), self.block_gaps[k], f"block {k}")
        for f in range(4):
            self.assertTrue(self.book.error(f"Consolidation.G{36 + f}"), f"financer {f}")
        self.check_every_error_has_its_reason()

    def test_bad_parameters_stop_only_their_own_figures(self):
        for ref, value, figure, reason in [
            ("Hypothèses.F27", "forfaitaire", "Consolidation.H45", "Lecture de la clause : « forfaitaire » n'est pas dans la liste"),
            ("Hypothèses.F29", "dix mille", "Consolidation.C61", "« dix mille » n'est pas un nombre"),
            ("Hypothèses.F28", None, "Projection.E146", "cellule vide"),
        ]:
            with self.subTest(input=ref):
                self.book.close()
                self.book = Workbook()
                self.book.set(ref, value)
                self.book.recalculate()
                self.assertTrue(self.book.error(figure))
                self.assertIn(reason, self.book.text("Synthèse.A47"))
                for f in range(3):  # the projection itself is untouched
                    self.assertCent(self.book.value(f"Consolidation.G{36 + f}"), self.financer_gaps[f], f"fin {f}")
                self.check_every_error_has_its_reason()

    def test_a_rate_a_hundred_times_too_small_is_flagged_but_computed(self):
        # Issue 18, item 1: 0,024 typed in a percent cell gives 0,024 %.
        self.book.set("Hypothèses.F15", 0.00024)
        self.book.recalculate()
        self.assertIn("0,024\u00a0% : vouliez-vous dire 2,4\u00a0% ?", self.book.text("Hypothèses.K15"))
        self.assertFalse(self.book.error("Consolidation.G39"))
        self.assertIn("des taux sont à vérifier", self.book.text("Synthèse.A4"))
        self.assertIn("vouliez-vous dire 2,4\u00a0% ?", self.book.text("Synthèse.A47"))

    def test_a_block_left_out_is_empty_not_an_error(self):
        # Financer « aucun » and no figures at all: the row stays empty and nothing is in error (room for more
        # blocks than are used).
        self.book.set("Hypothèses.C39", "aucun")
        for letter in "DEFGHIJ":
            self.book.set(f"Hypothèses.{letter}39", None)
        for letter in "DEFGHIJKLM":
            self.book.set(f"Hypothèses.{letter}49", None)
        self.book.recalculate()
        self.assertEqual(self.book.text("Projection.D15"), "exclu")
        self.assertEqual(self.book.text("Projection.I123"), "")
        self.assertEqual(self.book.text("Synthèse.A4"), "Saisies : toutes utilisables.")
        self.assertEqual(self.book.value("Consolidation.B54"), 420_000)  # 190 000 + 230 000 without the ESAT
        self.check_every_error_has_its_reason()

    def check_every_error_has_its_reason(self):
        """No error on « Projection » or « Consolidation » without a reason in its row's « Contrôle » column, and
        the synthesis says « incomplet » above any error and never shows one in its sentences."""
        for sheet in ("Projection", "Consolidation"):
            reasons = [row[0] for row in self.sheet(sheet).getCellRangeByName("K1:K160").getDataArray()]
            for row in self.rows_in_error(sheet):
                if row >= 20 or sheet == "Consolidation":  # rows 1–17 of « Projection »: the state table itself
                    self.assertNotEqual(reasons[row - 1], "", f"{sheet} row {row}: an error without its reason")
        in_error = self.rows_in_error("Synthèse", by_column=True)
        for letter in "BCDE":
            if any(12 <= row < 28 for row in in_error.get(letter, ())):
                self.assertEqual(self.book.text(f"Synthèse.{letter}28"), "incomplet", letter)
        for sentence in ("Synthèse.A4", "Synthèse.A5", "Synthèse.A47", "Synthèse.A48", "Consolidation.A65"):
            self.assertFalse(self.book.error(sentence), sentence)
            self.assertNotRegex(self.book.text(sentence), r"Err ?:|#N/[AD]|#VALUE|#VALEUR", sentence)

    def sheet(self, name):
        return self.book.doc.Sheets.getByName(name)

    def rows_in_error(self, name, by_column=False):
        """The 1-based rows holding a formula in error (by column letter when asked), in one query."""
        from com.sun.star.sheet.FormulaResult import ERROR
        found = {} if by_column else set()
        for address in self.sheet(name).queryFormulaCells(ERROR).getRangeAddresses():
            for col in range(address.StartColumn, address.EndColumn + 1):
                for row in range(address.StartRow + 1, address.EndRow + 2):
                    if by_column:
                        found.setdefault(chr(ord("A") + col), set()).add(row)
                    else:
                        found.add(row)
        return found


class FrenchPresentation(TemplateCase):
    """Issue 12, 3.9: numbers inside sentences are written the French way whatever the office's locale (this test
    office formats FIXED() the English way: « 980,000 »)."""

    def test_numbers_in_sentences(self):
        narrative = self.book.text("Synthèse.A5")
        self.assertIn("1,11\u00a0%", narrative)
        self.assertIn("540\u00a0000\u00a0€", narrative)
        self.assertIn("87\u00a0648\u00a0€", narrative)
        footnote = self.book.text("Synthèse.A48")
        self.assertIn("10\u00a0000\u00a0scénarios", footnote)
        self.assertIn("1,0\u00a0point", footnote)
        for ref in ("Synthèse.A5", "Synthèse.A48", "Consolidation.A65", "Consolidation.B68", "Hypothèses.B7"):
            text = self.book.text(ref)
            self.assertNotRegex(text, r"\d,\d{3}(?!\d)", f"{ref}: English thousands in « {text} »")
            self.assertNotRegex(text, r"\d\.\d", f"{ref}: decimal point in « {text} »")

    def test_the_clause_reading_is_said(self):
        self.assertIn("complément ponctuel", self.book.text("Synthèse.A5"))
        self.book.set("Hypothèses.F27", "intégrée à la base")
        self.book.recalculate()
        self.assertIn("complément intégré à la base", self.book.text("Synthèse.A5"))
        self.assertIn("424\u00a0820\u00a0€", self.book.text("Synthèse.A5"))

    def test_help_of_percent_cells_says_how_to_type_a_rate(self):
        # Issue 18, item 1: in a cell formatted as a percentage, typing 2 gives 2 % and typing 0,02 gives 0,02 %:
        # the help must not teach decimals (« 0,02 = 2 % »).
        from com.sun.star.util.NumberFormat import PERCENT
        sheet = self.book.doc.Sheets.getByName("Hypothèses")
        formats = self.book.doc.NumberFormats
        checked = 0
        for row in range(1, 52):
            for col in range(14):
                cell = sheet.getCellByPosition(col, row - 1)
                validation = cell.Validation
                if not validation.ShowInputMessage or not validation.InputMessage:
                    continue
                if not formats.getByKey(cell.NumberFormat).Type & PERCENT:
                    continue
                checked += 1
                help_text = validation.InputMessage
                self.assertNotRegex(help_text, r"0,\d+\s*=", f"row {row} col {col}: {help_text}")
                self.assertRegex(help_text, r"[Tt]apez", f"row {row} col {col}: {help_text}")
        self.assertGreater(checked, 40)


if __name__ == "__main__":
    unittest.main()
