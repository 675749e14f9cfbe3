"""The projection-cpom template against issue 12 §3 (items 2, 4–9) and issue 18 item 1, in a real headless
LibreOffice with the built template: every numeric input is checked and a bad one is never replaced (its reason is
shown next to it and on the synthesis), one bad block never hides another block's or another financer's figures,
every error shown comes with its reason, the breakeven rate put back as the expected rate balances the projection,
the Monte Carlo with no spread is the projection, reserves are never pooled across financers, numbers inside
sentences are French, and the help of every percent cell says how that cell takes a rate. The layout is written
down in projection_workbook.py; the dossier of issue 16 is tested in test_templates_dossier.py."""
import unittest

import support
from projection_workbook import (ABSENTEEISM, CHARGES, CONSOLIDATION, EXAMPLE_BLOCKS, FINANCER_OF_BLOCK,
                                 PROJECTION, REASON_COLUMN, RESOURCES, BookCase, Workbook, column)

office = None
BLOCKS = EXAMPLE_BLOCKS


def setUpModule():
    global office
    office = BookCase.office = support.start_office("fr-FR")


def tearDownModule():
    office.close()


class TemplateCase(BookCase):
    def use_as_expected_rates(self, rates_by_block):
        """The rate of each block as its expected rate of every year, without cap (the rate asked is the rate
        received)."""
        for k, rate in rates_by_block.items():
            self.book.set_rows("Hypothèses", RESOURCES + k, "F", [[None] + [rate] * 5])
        self.book.recalculate()


class BreakevenRate(TemplateCase):
    """Issue 12, 3.6: the rate to ask for counts what the projection counts (permanent new measures)."""

    def indicator(self, k, letter):
        return self.book.value(f"Projection.{letter}{PROJECTION['indicators'] + k}")

    def test_each_block_balances_at_its_breakeven_rate(self):
        self.use_as_expected_rates({k: self.indicator(k, "H") for k in BLOCKS})
        for k in BLOCKS:
            self.assertLessEqual(abs(self.cumulative_gap(k)), 1.0, f"block {k}")

    def test_each_block_uses_exactly_its_reserves_at_its_minimal_rate(self):
        self.use_as_expected_rates({k: self.indicator(k, "I") for k in BLOCKS})
        for k in BLOCKS:
            self.assertLessEqual(abs(self.cumulative_gap(k) - self.indicator(k, "D")), 1.0, f"block {k}")

    def test_each_financer_balances_at_its_breakeven_rate(self):
        # The IME's 40 000 € of lasting new measures are in ARS: the rate must count them.
        rates = {f: self.book.value(f"Consolidation.G{CONSOLIDATION['indicators'] + f}") for f in range(3)}
        self.use_as_expected_rates({k: rates[FINANCER_OF_BLOCK[k]] for k in BLOCKS})
        for f in range(3):
            self.assertLessEqual(abs(self.financer_gap(f)), 1.0, f"financer {f}")

    def test_the_perimeter_balances_at_its_breakeven_rate(self):
        rate = self.book.value("Consolidation.G57")
        self.use_as_expected_rates({k: rate for k in BLOCKS})
        self.assertLessEqual(abs(self.financer_gap(3)), 1.0)


class MonteCarloWithoutSpread(TemplateCase):
    """Issue 12, 3.4: with a standard deviation of 0, the simulation is the projection, block by block and per
    financer (median = cumulative gap to the cent, probability 0 or 1 as the exhaustion year says)."""

    def check_every_line(self):
        for k in BLOCKS:
            gap = self.cumulative_gap(k)
            risk = PROJECTION["risk"] + k
            self.assertCent(self.book.value(f"Projection.E{risk}"), gap, f"median of block {k}")
            self.assertCent(self.book.value(f"Projection.F{risk}"), gap, f"90th percentile of block {k}")
            runs_out = self.book.value(f"Projection.G{PROJECTION['indicators'] + k}") > 0
            self.assertEqual(self.book.value(f"Projection.D{risk}"), 1.0 if runs_out else 0.0, f"block {k}")
        for f in range(3):
            gap = self.financer_gap(f)
            self.assertCent(self.book.value(f"Consolidation.C{61 + f}"), gap, f"median of financer {f}")
            self.assertCent(self.book.value(f"Consolidation.D{61 + f}"), gap, f"90th percentile of financer {f}")
            runs_out = self.book.value(f"Consolidation.C{54 + f}") > 0
            self.assertEqual(self.book.value(f"Consolidation.B{61 + f}"), 1.0 if runs_out else 0.0, f"financer {f}")
        self.assertCent(self.book.value("Consolidation.C64"), self.financer_gap(3), "périmètre")

    def test_example(self):
        self.book.set("Hypothèses.F28", 0)
        self.book.recalculate()
        self.check_every_line()

    def test_with_year_by_year_rates_new_measures_and_no_cap(self):
        # Rates that change every year, no cap on one block, new measures in year 4 on another: still the projection.
        self.book.set("Hypothèses.F28", 0)
        self.book.set_rows("Hypothèses", RESOURCES, "F", [[None, 0.03, -0.01, 0.02, 0.0, 0.05]])
        self.book.set(f"Hypothèses.L{RESOURCES + 5}", 90_000)
        self.book.set(f"Hypothèses.M{RESOURCES + 5}", 4)
        self.book.recalculate()
        self.check_every_line()


class ReservesNeverPooled(TemplateCase):
    """Issue 12, 3.5: an ARS surplus never covers a département's deficit."""

    def test_a_rich_financer_does_not_hide_another_running_out(self):
        # 2 000 000 € of reserves at the IME: the perimeter's reserves (2 750 000 €) exceed its cumulative gap
        # (2 039 038 €), which a pooled reading would call « never »; CD1 and CD2 still run out in 2028.
        self.book.set(f"Hypothèses.N{RESOURCES + 3}", 2_000_000)
        self.book.recalculate()
        self.assertEqual(self.book.text("Consolidation.D54"), "aucun")
        self.assertEqual(self.book.value("Consolidation.C55"), 3)
        self.assertEqual(self.book.value("Consolidation.C57"), 3)
        self.assertEqual(self.book.text("Synthèse.E15"), "2028")
        narrative = self.book.text("Synthèse.A5")
        self.assertIn("CD1 : réserves de 300\u00a0000\u00a0€, épuisées en 2028", narrative)
        self.assertIn("ARS : réserves de 2\u00a0310\u00a0000\u00a0€, suffisantes jusqu'à la fin du contrat",
                      narrative)

    def test_every_financer_has_its_own_year_on_the_synthesis(self):
        for f, letter in enumerate("BCD"):
            self.assertEqual(self.book.text(f"Synthèse.{letter}15"), self.book.text(f"Consolidation.D{54 + f}"))
        # Figures that would need pooled reserves are not given for the perimeter.
        self.assertEqual(self.book.text("Synthèse.E17"), "—")
        self.assertEqual(self.book.text("Synthèse.E19"), "—")


# Hostile inputs (issue 12, 3.2 and 3.8): the cell, the value, the control showing the reason, the words of the
# reason, the block it breaks (None: every block), and the financers whose figures must stay as they were.
HOSTILE = [
    (f"Hypothèses.E{ABSENTEEISM + 5}", "un pour cent", f"Hypothèses.O{ABSENTEEISM + 5}",
     "« un pour cent » n'est pas un nombre", 5, [0, 1]),
    (f"Hypothèses.F{RESOURCES + 5}", 12, f"Hypothèses.O{RESOURCES + 5}",
     "probablement 12\u00a0% saisi sans le signe %", 5, [0, 1]),
    (f"Hypothèses.N{RESOURCES + 5}", -140_000, f"Hypothèses.O{RESOURCES + 5}",
     "-140\u00a0000\u00a0€ hors des limites", 5, [0, 1]),
    (f"Hypothèses.E{CHARGES + 1}", None, f"Hypothèses.O{CHARGES + 1}", "cellule vide, une valeur est attendue", 1,
     [0, 2]),
    (f"Hypothèses.E{ABSENTEEISM + 2}", 9.5, f"Hypothèses.O{ABSENTEEISM + 2}",
     "probablement 9,5\u00a0% saisi sans le signe %", 2, [0, 2]),
    (f"Hypothèses.G{ABSENTEEISM}", 8, f"Hypothèses.O{ABSENTEEISM}", "probablement 8\u00a0% saisi sans le signe %", 0,
     [1, 2]),
    (f"Hypothèses.E{RESOURCES + 3}", 0, f"Hypothèses.O{RESOURCES + 3}", "0\u00a0€ hors des limites (au moins 1\u00a0€)",
     3, [1, 2]),
    (f"Hypothèses.J{CHARGES + 4}", 2.5, f"Hypothèses.O{CHARGES + 4}", "2,5 n'est pas un nombre entier", 4, [1, 2]),
    ("PPI.I6", 3.5, "PPI.R6", "probablement 3,5\u00a0% saisi sans le signe %", 2, [0, 2]),
    ("Hypothèses.F15", "2,4 pc", "Hypothèses.K15", "« 2,4 pc » n'est pas un nombre", None, []),
    # A formula in error in an input (a paste of cells): Calc hands no error to the add-in; still named, still alone.
    (f"Hypothèses.E{ABSENTEEISM + 2}", support.Formula("=1/0"), f"Hypothèses.O{ABSENTEEISM + 2}",
     "valeur en erreur", 2, [0, 2]),
]


class HostileInputs(TemplateCase):
    def setUp(self):
        super().setUp()
        self.block_gaps = [self.cumulative_gap(k) for k in BLOCKS]
        self.financer_gaps = [self.financer_gap(f) for f in range(3)]
        self.financer_rates = [self.book.value(f"Consolidation.G{54 + f}") for f in range(3)]

    def test_bad_inputs_are_explained_and_break_only_what_depends_on_them(self):
        for ref, value, control, reason, bad_block, intact in HOSTILE:
            with self.subTest(input=ref, value=value):
                self.book.close()
                self.book = Workbook(office)
                self.book.set(ref, value)
                self.book.recalculate()
                self.assertIn(reason, self.book.text(control))
                for k in BLOCKS:
                    broken = bad_block is None or k == bad_block
                    self.assertEqual(self.book.error(f"Projection.I{PROJECTION['cumulative'] + k}"), broken,
                                     f"block {k}")
                    if broken:
                        self.assertEqual(self.book.text(f"Projection.D{PROJECTION['state'] + k}"), "non calculé")
                        self.assertIn(reason, self.book.text(f"Projection.E{PROJECTION['state'] + k}"))
                    else:
                        self.assertCent(self.cumulative_gap(k), self.block_gaps[k], f"block {k}")
                for f in range(3):
                    if f in intact:
                        self.assertCent(self.financer_gap(f), self.financer_gaps[f], f"financer {f}")
                        self.assertEqual(self.book.value(f"Consolidation.G{54 + f}"), self.financer_rates[f])
                        self.assertEqual(self.book.text(f"Consolidation.B{6 + f}"), "OK")
                    else:
                        self.assertTrue(self.book.error(f"Consolidation.G{36 + f}"), f"financer {f}")
                self.assertTrue(self.book.error("Consolidation.G39"), "the perimeter misses a block")
                self.assertIn("CHIFFRAGE INCOMPLET", self.book.text("Synthèse.A4"))
                self.assertIn(reason, self.book.text("Synthèse.A56"))
                self.check_every_error_has_its_reason()

    def test_an_unknown_financer_stops_every_financer_total(self):
        # « CD3 »: nobody knows whose total misses the foyer, so no financer total is given; the blocks keep theirs.
        self.book.set(f"Hypothèses.D{CHARGES + 5}", "CD3")
        self.book.recalculate()
        self.assertIn("Financeur : « CD3 » n'est pas dans la liste", self.book.text(f"Hypothèses.O{CHARGES + 5}"))
        for k in range(5):
            self.assertCent(self.cumulative_gap(k), self.block_gaps[k], f"block {k}")
        for f in range(4):
            self.assertTrue(self.book.error(f"Consolidation.G{36 + f}"), f"financer {f}")
        self.check_every_error_has_its_reason()

    def test_bad_parameters_stop_only_their_own_figures(self):
        for ref, value, figure, reason in [
            ("Hypothèses.F27", "forfaitaire", "Consolidation.H45",
             "Lecture de la clause : « forfaitaire » n'est pas dans la liste"),
            ("Hypothèses.F29", "dix mille", "Consolidation.C61", "« dix mille » n'est pas un nombre"),
            ("Hypothèses.F28", None, f"Projection.E{PROJECTION['risk']}", "cellule vide"),
        ]:
            with self.subTest(input=ref):
                self.book.close()
                self.book = Workbook(office)
                self.book.set(ref, value)
                self.book.recalculate()
                self.assertTrue(self.book.error(figure))
                self.assertIn(reason, self.book.text("Synthèse.A56"))
                for f in range(3):  # the projection itself is untouched
                    self.assertCent(self.financer_gap(f), self.financer_gaps[f], f"financer {f}")
                self.check_every_error_has_its_reason()

    def test_a_rate_a_hundred_times_too_small_is_flagged_but_computed(self):
        # Issue 18, item 1: 0,024 typed in a percent cell gives 0,024 %.
        self.book.set("Hypothèses.F15", 0.00024)
        self.book.recalculate()
        self.assertIn("0,024\u00a0% : vouliez-vous dire 2,4\u00a0% ?", self.book.text("Hypothèses.K15"))
        self.assertFalse(self.book.error("Consolidation.G39"))
        self.assertIn("des taux sont à vérifier", self.book.text("Synthèse.A4"))
        self.assertIn("vouliez-vous dire 2,4\u00a0% ?", self.book.text("Synthèse.A56"))

    def test_a_block_left_out_is_empty_not_an_error(self):
        # Financer « aucun » and no figures at all: the row stays empty and nothing is in error (room for more
        # blocks than are used). The ESAT carries no PPI line.
        k = 4
        self.book.set(f"Hypothèses.D{CHARGES + k}", "aucun")
        self.book.set_rows("Hypothèses", CHARGES + k, "E", [[None] * 6])
        self.book.set_rows("Hypothèses", ABSENTEEISM + k, "E", [[None] * 6])
        self.book.set_rows("Hypothèses", RESOURCES + k, "E", [[None] * 10])
        self.book.recalculate()
        self.assertEqual(self.book.text(f"Projection.D{PROJECTION['state'] + k}"), "exclu")
        self.assertEqual(self.book.text(f"Projection.I{PROJECTION['cumulative'] + k}"), "")
        self.assertEqual(self.book.text("Synthèse.A4"), "Saisies : toutes utilisables.")
        self.assertEqual(self.book.value("Consolidation.B54"), 420_000)  # 190 000 + 230 000 without the ESAT
        self.check_every_error_has_its_reason()

    def check_every_error_has_its_reason(self):
        """No error on « Projection » or « Consolidation » without a reason in its row's control column, and the
        synthesis says « incomplet » above an error of its key figures, « CHIFFRAGE INCOMPLET » above any, and
        never shows an error in its sentences."""
        tables = sorted((first, name) for name, first in PROJECTION.items() if name in REASON_COLUMN)
        sheet = self.sheet("Projection")
        for row in self.rows_in_error("Projection"):
            if row < PROJECTION["charges"]:
                continue  # the state tables themselves
            name = [n for first, n in tables if first <= row][-1]
            reason = sheet.getCellRangeByName(f"{REASON_COLUMN[name]}{row}").getString()
            self.assertNotEqual(reason, "", f"Projection row {row} ({name}): an error without its reason")
        reasons = [r[0] for r in self.sheet("Consolidation").getCellRangeByName("K1:K200").getDataArray()]
        for row in self.rows_in_error("Consolidation"):
            self.assertNotEqual(reasons[row - 1], "", f"Consolidation row {row}: an error without its reason")
        in_error = self.rows_in_error("Synthèse", by_column=True)
        for letter in "BCDE":
            rows = in_error.get(letter, ())
            if any(10 <= row <= 22 for row in rows):
                self.assertEqual(self.book.text(f"Synthèse.{letter}23"), "incomplet", letter)
            if rows:
                self.assertIn("CHIFFRAGE INCOMPLET", self.book.text("Synthèse.A4"), letter)
        self.assertFalse(in_error.get("G") or in_error.get("L"), "the blocks of the synthesis show an error")
        for sentence in ("Synthèse.A4", "Synthèse.A5", "Synthèse.A56", "Synthèse.A59", "Consolidation.A65"):
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
                        found.setdefault(chr(ord("A") + col) if col < 26 else "?", set()).add(row)
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
        self.assertIn("41\u00a0760\u00a0€", narrative)
        footnote = self.book.text("Synthèse.A59")
        self.assertIn("10\u00a0000\u00a0scénarios", footnote)
        self.assertIn("1,0\u00a0point", footnote)
        for ref in ("Synthèse.A5", "Synthèse.A59", "Consolidation.A65", "Consolidation.B68", "Hypothèses.C7"):
            text = self.book.text(ref)
            self.assertNotRegex(text, r"\d,\d{3}(?!\d)", f"{ref}: English thousands in « {text} »")
            self.assertNotRegex(text, r"\d\.\d", f"{ref}: decimal point in « {text} »")

    def test_the_clause_reading_is_said(self):
        self.assertIn("complément ponctuel", self.book.text("Synthèse.A5"))
        self.book.set("Hypothèses.F27", "intégrée à la base")
        self.book.recalculate()
        self.assertIn("complément intégré à la base", self.book.text("Synthèse.A5"))

    def test_help_of_percent_cells_says_how_to_type_a_rate(self):
        # Issue 18, item 1: in a cell formatted as a percentage, typing 2 gives 2 % and typing 0,02 gives 0,02 %:
        # the help must not teach decimals (« 0,02 = 2 % »).
        from com.sun.star.util.NumberFormat import PERCENT
        checked = 0
        for name, rows, cols in (("Hypothèses", 170, 15), ("PPI", 26, 18)):
            sheet = self.book.doc.Sheets.getByName(name)
            formats = self.book.doc.NumberFormats
            for row in range(1, rows):
                for col in range(cols):
                    cell = sheet.getCellByPosition(col, row - 1)
                    validation = cell.Validation
                    if not validation.ShowInputMessage or not validation.InputMessage:
                        continue
                    if not formats.getByKey(cell.NumberFormat).Type & PERCENT:
                        continue
                    checked += 1
                    help_text = validation.InputMessage
                    self.assertNotRegex(help_text, r"0,\d+\s*=", f"{name} row {row} col {col}: {help_text}")
                    self.assertRegex(help_text, r"[Tt]apez", f"{name} row {row} col {col}: {help_text}")
        self.assertGreater(checked, 400)


if __name__ == "__main__":
    unittest.main()
