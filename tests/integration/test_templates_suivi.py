"""The suivi-trimestriel template against issue 16 item 8, in a real headless LibreOffice with the built template:
the year-end forecast (atterrissage) by each method, by hand; every gap justified or flagged; 30 indicators of
activity, quality, HR and money without editing the template; and the annual evaluation report (« Rapport ») read
from the follow-up and the projection: a bad input shows « à corriger » with its reason there and never a figure
computed without it, the other indicators keep theirs, and the report says when it is incomplete.

Layout (templates/suivi-trimestriel.toml): indicator N° k is row 6 + k of « Suivi » (inputs B-L, results M-P, reason
Q) and of « Atterrissage » (N-1 quarters F-I, method J, forecast L, status N, justification O, reason P, remark Q);
N° 1-10 are rates, 11-30 amounts and volumes. « Projection »: blocks in rows 7-14. « Rapport »: objectives by axis in
rows 13-17 (total 17), blocks in rows 22-29, the k-th indicator in use in row 33 + k (k ≤ 15) or 34 + k."""
import pathlib
import unittest

import support

office = None
TEMPLATE = pathlib.Path(support.OXT).parent / "templates" / "CPOM" / "suivi-trimestriel.ots"
NBSP = "\u00a0"
COMPLETE = ("Atterrissage et justifications complets : chaque indicateur suivi a son atterrissage, chaque écart est "
            "justifié.")
FREE_ROW = 31  # N° 25, unused in the example: an amount row


def setUpModule():
    global office
    office = support.start_office("fr-FR")


def tearDownModule():
    office.close()


class Workbook(support.TemplateDocument):
    def __init__(self):
        super().__init__(office, TEMPLATE)

    def fill_name(self, name: str, column: list) -> None:
        """A named range of one column, filled as cpom-run --data fills it."""
        cells = self.doc.NamedRanges.getByName(name).getReferredCells()
        cells.setDataArray(tuple((v,) for v in column))


class SuiviCase(unittest.TestCase):
    def setUp(self):
        self.book = Workbook()
        self.addCleanup(self.book.close)

    def assertCents(self, ref: str, expected: float):
        actual = self.book.value(ref)
        self.assertTrue(support.close_enough(actual, expected), f"{ref}: {actual} instead of {expected}")

    def free_row(self, aggregation: str, quarters: list, n1: list, method: str):
        """N° 25 filled: objective 1 000 jours, tolerance 5 %, direction 1."""
        r = FREE_ROW
        self.book.set({f"Suivi.B{r}": "Essai", f"Suivi.C{r}": "Activité", f"Suivi.D{r}": "jours",
                       f"Suivi.E{r}": aggregation, f"Suivi.F{r}": 1, f"Suivi.G{r}": 1000, f"Suivi.H{r}": 0.05,
                       **{f"Suivi.{c}{r}": q for c, q in zip("IJKL", quarters)},
                       **{f"Atterrissage.{c}{r}": v for c, v in zip("FGHI", n1)}, f"Atterrissage.J{r}": method})


class Forecast(SuiviCase):
    N1 = [100, 300, 200, 400]  # the year before: 1 000, of which 400 in T1 and T2

    def test_each_method_by_hand(self):
        # T1 200, T2 260: sum to date 460 (n = 2), mean 230.
        cases = [
            ("somme", "linéaire", 460 * 4 / 2),                     # 920
            ("somme", "saisonnalité N-1", 460 * 1000 / 400),        # 1 150
            ("somme", "objectif", 460 + 1000 * 2 / 4),              # 960
            ("moyenne", "linéaire", 230),
            ("moyenne", "saisonnalité N-1", 230 * 250 / (400 / 2)),  # mean N-1 250, of T1-T2 200: 287,5
            ("moyenne", "objectif", (230 * 2 + 1000 * 2) / 4),      # 615
        ]
        for aggregation, method, expected in cases:
            with self.subTest(aggregation=aggregation, method=method):
                self.free_row(aggregation, [200, 260, None, None], self.N1, method)
                self.assertEqual(self.book.text(f"Atterrissage.K{FREE_ROW}"), method)
                self.assertCents(f"Atterrissage.L{FREE_ROW}", expected)
                self.assertCents(f"Atterrissage.M{FREE_ROW}", expected / 1000)

    def test_default_method_applies_to_rows_par_defaut(self):
        self.free_row("somme", [200, 260, None, None], self.N1, "par défaut")
        self.assertCents(f"Atterrissage.L{FREE_ROW}", 1150)  # the example's default: saisonnalité N-1
        self.book.set({"Atterrissage.C4": "objectif"})
        self.assertCents(f"Atterrissage.L{FREE_ROW}", 960)
        self.assertCents("Atterrissage.L17", 20580 + 27740 * 1 / 4)  # journées: 20 580 + one quarter of 27 740

    def test_seasonality_uses_the_quarters_entered(self):
        # T2 not entered yet, T1 and T3 are: N-1 of T1 and T3 = 100 + 200; 440 × 1 000 / 300.
        self.free_row("somme", [200, None, 240, None], self.N1, "saisonnalité N-1")
        self.assertCents(f"Atterrissage.L{FREE_ROW}", 440 * 1000 / 300)
        self.assertCents(f"Suivi.N{FREE_ROW}", 1000 * 2 / 4)  # the objective to date counts the quarters entered

    def test_a_complete_year_is_the_actual_whatever_the_method(self):
        for method in ("linéaire", "saisonnalité N-1", "objectif"):
            with self.subTest(method=method):
                self.free_row("somme", [200, 260, 240, 310], self.N1, method)
                self.assertEqual(self.book.text(f"Atterrissage.K{FREE_ROW}"), "année complète")
                self.assertCents(f"Atterrissage.L{FREE_ROW}", 1010)

    def test_seasonality_without_its_year_before_is_not_computed(self):
        self.book.set({"Atterrissage.I17": None})  # N° 11 journées: T4 of N-1 missing
        self.assertTrue(self.book.error("Atterrissage.L17"))
        self.assertEqual(self.book.text("Atterrissage.Q17"), "saisonnalité N-1 : saisir les quatre trimestres de N-1")
        self.assertEqual(self.book.text("Rapport.F41"), "non calculé")
        self.assertEqual(self.book.text("Rapport.J41"), "(saisonnalité N-1 : saisir les quatre trimestres de N-1)")
        self.assertEqual(self.book.value("Rapport.I17"), 1)
        self.assertTrue(self.book.text("Rapport.A5").startswith("À compléter : 1 indicateur sans atterrissage"))
        self.book.set({"Atterrissage.I17": 6930, "Atterrissage.F17": 0, "Atterrissage.G17": 0,
                       "Atterrissage.H17": 0})
        self.assertTrue(self.book.error("Atterrissage.L17"))
        self.assertEqual(self.book.text("Atterrissage.Q17"), "saisonnalité N-1 : N-1 nul sur les trimestres saisis")

    def test_no_quarter_yet_is_no_figure(self):
        self.book.set({"Suivi.I17": None, "Suivi.J17": None, "Suivi.K17": None})
        for ref in ("Suivi.M17", "Suivi.P17", "Atterrissage.L17", "Atterrissage.N17", "Rapport.F41", "Rapport.E41"):
            self.assertEqual(self.book.text(ref), "", ref)
            self.assertFalse(self.book.error(ref), ref)
        self.assertEqual(self.book.text("Atterrissage.Q17"), "aucun trimestre saisi")
        self.assertEqual(self.book.text("Rapport.J41"), "(aucun trimestre saisi)")
        self.assertEqual(self.book.value("Rapport.I17"), 1)


class Justification(SuiviCase):
    def test_a_gap_without_justification_is_flagged(self):
        self.assertEqual(self.book.text("Rapport.A5"), COMPLETE)
        self.book.set({"Atterrissage.O24": None})  # N° 18 personnel: VIGILANCE to date, ALERTE at year end
        self.assertEqual(self.book.text("Atterrissage.Q24"), "écart à justifier")
        self.assertEqual(self.book.value("Atterrissage.C40"), 1)
        self.assertEqual(self.book.text("Rapport.A48"), "18. Dépenses de personnel (groupe II)")
        self.assertEqual(self.book.text("Rapport.J48"), "Écart non justifié.")
        self.assertEqual(self.book.value("Rapport.J16"), 1)  # Finances
        self.assertEqual(self.book.text("Rapport.A5"), "À compléter : 1 écart non justifié")

    def test_a_gap_to_date_only_also_needs_one(self):
        # N° 15 formation: ALERTE to date, VIGILANCE at year end; with N-1 at 1 800 h the forecast is OK.
        self.book.set({"Atterrissage.O21": None, "Atterrissage.I21": 1800 - 500 - 420 - 150 + 700})
        self.assertEqual(self.book.text("Suivi.P21"), "ALERTE")
        self.assertEqual(self.book.text("Atterrissage.N21"), "OK")
        self.assertEqual(self.book.text("Atterrissage.Q21"), "écart à justifier")

    def test_the_report_quotes_the_justification(self):
        self.assertEqual(self.book.text("Rapport.J36"), self.book.text("Atterrissage.O9"))
        self.assertTrue(self.book.text("Rapport.J36").startswith("Arrêts longs"))


class ThirtyIndicators(SuiviCase):
    def test_thirty_rows_of_every_axis_without_editing_the_template(self):
        axes = ["Activité", "Qualité", "Ressources humaines", "Finances"]
        labels = [f"Objectif {k}" for k in range(1, 31)]
        self.book.fill_name("indicateurs", labels)
        self.book.fill_name("axes", [axes[k % 4] for k in range(30)])
        self.book.fill_name("unites", ["€"] * 20)
        self.book.fill_name("agregations", ["somme"] * 20)
        self.book.fill_name("sens", [1] * 30)
        self.book.fill_name("objectif_annuel", [0.9] * 10 + [100] * 20)
        self.book.fill_name("tolerance", [0.05] * 30)
        for quarter in ("realise_t1", "realise_t2", "realise_t3"):
            self.book.fill_name(quarter, [0.9] * 10 + [25] * 20)
        self.book.fill_name("realise_t4", [""] * 30)
        self.book.fill_name("methodes", ["linéaire"] * 30)
        self.book.fill_name("justifications", [""] * 30)
        self.book.doc.calculateAll()
        self.assertEqual(self.book.text("Suivi.A44"), "Contrôle des saisies : aucune anomalie.")
        self.assertEqual(self.book.value("Rapport.B17"), 30)
        self.assertEqual(self.book.value("Rapport.F17"), 30)  # 0,9 against 0,9; 25 × 4 = 100 against 100
        for axis, row in zip(axes, range(13, 17)):
            self.assertEqual(self.book.value(f"Rapport.B{row}"), 8 if axis in ("Activité", "Qualité") else 7, axis)
        self.assertEqual(self.book.text("Rapport.A34"), "1. Objectif 1")
        self.assertEqual(self.book.text("Rapport.A48"), "15. Objectif 15")
        self.assertEqual(self.book.text("Rapport.A49"), "Indicateur")
        self.assertEqual(self.book.text("Rapport.A50"), "16. Objectif 16")
        self.assertEqual(self.book.text("Rapport.A64"), "30. Objectif 30")
        self.assertEqual(self.book.text("Rapport.F64"), f"100{NBSP}€")
        self.assertEqual(self.book.text("Rapport.C34"), f"90,0{NBSP}%")

    def test_rows_without_label_are_not_followed_and_the_report_closes_up(self):
        self.book.set({f"Suivi.{c}8": None for c in "BCFGHIJK"})  # N° 2 emptied
        self.assertEqual(self.book.value("Rapport.B17"), 20)
        self.assertEqual(self.book.text("Rapport.A35"), "3. Taux d'absentéisme")
        self.assertEqual(self.book.text("Rapport.A5"), COMPLETE)

    def test_figures_without_label_are_refused_not_dropped(self):
        self.book.set({"Suivi.B8": None})
        self.assertEqual(self.book.text("Suivi.Q8"), "B8 : cellule vide, un nom est attendu")
        self.assertTrue(self.book.text("Rapport.A4").startswith("Contrôle des saisies : à corriger"))


class Report(SuiviCase):
    def test_identification_and_period(self):
        self.assertEqual(self.book.text("Rapport.A2"), "Organisme gestionnaire : Association Les Jardins (exemple "
                         "fictif) — établissement : EHPAD Les Tilleuls (exemple fictif)")
        self.assertTrue(self.book.text("Rapport.A3").endswith("trimestres saisis : T1 à T3 2026"))
        self.book.set({"Suivi.L7": 0.95})
        self.assertTrue(self.book.text("Rapport.A3").endswith("trimestres saisis : T1 à T4 2026"))

    def test_a_bad_row_shows_its_reason_and_the_others_keep_their_figures(self):
        before = self.book.text("Rapport.F34")
        self.book.set({"Suivi.J9": "9,7 %"})
        for column in "CDEFHI":
            self.assertEqual(self.book.text(f"Rapport.{column}36"), "à corriger", column)
        self.assertEqual(self.book.text("Rapport.J36"), "Saisie à corriger — J9 : « 9,7 % » n'est pas un nombre")
        self.assertEqual(self.book.text("Rapport.F34"), before)
        self.assertEqual(self.book.value("Rapport.I15"), 1)  # Ressources humaines: one without forecast
        self.assertTrue(self.book.text("Rapport.A4").startswith("Contrôle des saisies : à corriger"))
        self.assertIn("J9", self.book.text("Rapport.A4"))
        self.assertTrue(self.book.text("Rapport.A5").startswith("À compléter : 1 indicateur sans atterrissage"))

    def test_figures_are_written_with_their_unit(self):
        self.assertEqual(self.book.text("Rapport.C41"), f"27{NBSP}740{NBSP}jours")
        self.assertEqual(self.book.text("Rapport.D44"), f"63{NBSP}ETP")          # N° 14: (61,8 + 63,2 + 64,1) / 3
        self.assertEqual(self.book.text("Rapport.C44"), f"62,5{NBSP}ETP")
        self.assertEqual(self.book.text("Rapport.F44"), f"63,1{NBSP}ETP")        # 63,0333 × 61,825 / 61,7667
        self.assertEqual(self.book.text("Rapport.D34"), f"94,5{NBSP}%")
        self.assertEqual(self.book.text("Rapport.C52"), f"1{NBSP}701{NBSP}424{NBSP}€")   # N° 21
        self.assertEqual(self.book.text("Rapport.C47"), "12")                   # unit « nombre »: the figure alone

    def test_a_too_long_comment_is_not_cut_silently(self):
        self.book.set({"Atterrissage.A43": "Synthèse. " * 130})
        self.assertRegex(self.book.text("Atterrissage.A37"),
                         r"^A43 : texte de 1\s300 caractères, 1\s200 au plus : la fin serait coupée à l'impression$")
        self.assertTrue(self.book.text("Rapport.A8").startswith("(synthèse de 1300 caractères"))


class Trajectory(SuiviCase):
    def test_forecast_against_the_projection_by_block(self):
        # Soins — ARS: charges n° 21 and resources n° 22; change the charges of T3 by + 10 000:
        # 1 290 700 × 1 663 000 / 1 231 000 = 1 743 650,69; gap 33 370,69; reserves left 156 629,31.
        self.book.set({"Suivi.K27": 441900})
        self.assertCents("Rapport.H22", 1290700 * 1663000 / 1231000)
        self.assertCents("Rapport.J22", 1290700 * 1663000 / 1231000 - 1710280)
        self.assertCents("Rapport.K22", -8856 + 8856 + 1290700 * 1663000 / 1231000 - 1710280)
        self.assertCents("Rapport.L22", 190000 - (1290700 * 1663000 / 1231000 - 1710280))
        self.assertCents("Rapport.L23", 60000 - (527900 * 695000 / 512500 - 696900))  # the other block is unchanged

    def test_an_indicator_that_cannot_measure_a_block_is_refused(self):
        self.book.set({"Projection.H7": 11})  # journées, in days
        self.assertEqual(self.book.text("Projection.K7"),
                         "n° 11 (charges) : unité « jours », des euros sont attendus")
        self.assertEqual(self.book.text("Rapport.H22"), "à corriger")
        self.assertEqual(self.book.text("Rapport.L22"), "à corriger")
        self.assertCents("Rapport.B22", 1701424)  # the projection's own figures stay
        self.assertIn("projection : n° 11 (charges)", self.book.text("Rapport.A5"))
        self.book.set({"Projection.H7": 14})  # ETP moyens: a mean in ETP
        self.assertIn("unité « ETP »", self.book.text("Projection.K7"))
        self.book.set({"Projection.H7": 21, "Projection.I7": None})
        self.assertEqual(self.book.text("Projection.K7"),
                         "désigner les deux indicateurs (charges et ressources) ou aucun")
        self.book.set({"Projection.I7": 27})  # N° 27: no indicator on that row
        self.assertEqual(self.book.text("Projection.K7"), "n° 27 (ressources) : ligne sans indicateur")

    def test_a_bad_amount_stops_its_block_only(self):
        self.book.set({"Projection.C7": "1,7 M€"})
        for column in "BCDEFGHIJKL":
            self.assertEqual(self.book.text(f"Rapport.{column}22"), "à corriger", column)
        self.assertCents("Rapport.L23", 41016.097560975610)
        self.assertIn("C7", self.book.text("Rapport.A4"))

    def test_figures_of_another_exercise_are_flagged(self):
        self.book.set({"Projection.B5": 2025})
        self.assertIn("chiffres de la projection de l'exercice 2025, suivi de l'exercice 2026",
                      self.book.text("Rapport.A5"))

    def test_no_indicator_designated_gives_the_projection_only(self):
        self.assertEqual(self.book.text("Rapport.A24"), "Hébergement — CD1")
        self.assertCents("Rapport.D24", 2264790 - 2222000)
        for column in "HIJKL":
            self.assertEqual(self.book.text(f"Rapport.{column}24"), "—", column)
        self.assertTrue(self.book.text("Rapport.A30").startswith("« — » : bloc sans indicateurs"))

    def test_reserves_are_never_added_across_blocks(self):
        """No cell of the report sums the blocks' reserves or their remaining reserves (never pooled)."""
        from com.sun.star.sheet.CellFlags import FORMULA
        sheet = self.book.doc.Sheets.getByName("Rapport")
        for block in sheet.queryContentCells(FORMULA).getCells():
            formula = block.getFormula()
            self.assertNotRegex(formula, r"SUM\([^)]*\$?[GL]\$?2[2-9]", block.AbsoluteName)


if __name__ == "__main__":
    unittest.main()
