"""The templates shipped in the .oxt, as a French user gets them (issues 12 §3 and 18 §1-2):

- their cached values hold no English notation (they are stored without cached results: computed on opening);
- the help of every percent-formatted input says how such a cell takes a rate (2 for 2 %);
- a bad input (text, blank, negative, a rate typed without « % », a rate of 0,02 %) gets a French reason next to it
  and on the summary, and the totals it feeds are errors, never figures computed without it;
- eprd's PGFP: depreciation is non-cash (random depreciation rows leave the CAF, FRNG and treasury unchanged);
- every PDF page is numbered « Page N / M » across the workbook and names the organisation typed in the template
  with the date (day first, also in cpom-run's English office); the Aide sheet is not printed.
Inputs are written as cpom-run --data or a paste writes them (setValue / setString), which sheet validation does not
stop."""
import datetime
import pathlib
import random
import re
import subprocess
import tempfile
import tomllib
import unittest
import zipfile
from xml.dom import minidom

import support
from office import props

office = None
TEMPLATES = ("eprd", "errd", "couts-activite", "audit-budgetaire", "suivi-trimestriel")
OK_SUMMARY = "Contrôle des saisies : aucune anomalie."
# English notation in a displayed text: 10,000 / 1.5 / $ (French: 10 000 / 1,5 / €).
# A French decimal such as 0,012 is not a grouping: English groups start with 1 to 9.
ENGLISH_NUMBER = re.compile(r"(?<![\d,])[1-9]\d{0,2}(,\d{3})+(?![\d,])|\d\.\d|\$")


def setUpModule():
    global office
    office = support.start_office("fr-FR")


def tearDownModule():
    office.close()


def shipped_templates(folder: pathlib.Path) -> dict[str, pathlib.Path]:
    """The .ots files inside the built extension, extracted into `folder`."""
    from oxt_templates import extract_templates  # tools/, on the path through support
    return extract_templates(support.OXT, folder)


def source(name: str) -> dict:
    with (support.SOURCE_DIR / "templates" / f"{name}.toml").open("rb") as f:
        return tomllib.load(f)


class Shipped(unittest.TestCase):
    """One document per test, created from the shipped template as File ▸ New ▸ Templates does."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.templates = shipped_templates(pathlib.Path(cls.tmp.name))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def open(self, name: str):
        doc = office.desktop.loadComponentFromURL(self.templates[name].as_uri(), "_blank", 0,
                                                  props(Hidden=True, AsTemplate=True))
        self.addCleanup(doc.close, True)
        return doc

    @staticmethod
    def cell(doc, ref: str):
        sheet, address = ref.rsplit(".", 1)
        return doc.Sheets.getByName(sheet).getCellRangeByName(address)

    def put(self, doc, ref: str, value):
        """Writes an input as cpom-run --data or a paste does (support.write_cell)."""
        support.write_cell(self.cell(doc, ref), value)

    def is_error(self, doc, ref: str) -> bool:
        from com.sun.star.table.CellContentType import FORMULA
        target = self.cell(doc, ref)
        return target.getType() == FORMULA and target.getError() != 0


class CachedValues(Shipped):
    def test_no_cached_result_and_no_english_notation(self):
        for name, path in self.templates.items():
            with self.subTest(template=name), zipfile.ZipFile(path) as ots:
                content = minidom.parseString(ots.read("content.xml"))
                styles = ots.read("styles.xml").decode() + ots.read("content.xml").decode()
                for cell in content.getElementsByTagName("table:table-cell"):
                    text = "".join(p.toxml() for p in cell.getElementsByTagName("text:p"))
                    if cell.hasAttribute("table:formula"):
                        # Computed when the document is opened, on the user's machine (issue 18 §2).
                        self.assertFalse(cell.hasAttribute("office:value-type"), cell.getAttribute("table:formula"))
                        self.assertEqual(text, "", cell.getAttribute("table:formula"))
                    self.assertIsNone(ENGLISH_NUMBER.search(re.sub(r"<[^>]+>", "", text)), text)
                self.assertNotIn('number:language="en"', styles)
                self.assertNotIn("<number:currency-symbol>$", styles)

    def test_the_opened_template_computes_french_texts(self):
        doc = self.open("projection-cpom")  # its narratives use FIXED: "10 000 scénarios", "1,0 point"
        texts = [c for sheet in doc.Sheets for row in sheet.getCellRangeByName("A1:P80").getDataArray()
                 for c in row if isinstance(c, str) and c]
        self.assertTrue(any("scénarios" in t for t in texts))
        for text in texts:
            self.assertIsNone(ENGLISH_NUMBER.search(text), text)


class PercentHelp(Shipped):
    # A decimal given as the way to type a rate: "(0,02 = 2 %)", "0,95 pour 95 %", "(0,5" — wrong in a percent cell,
    # where typing 0,02 gives 0,02 % (issue 18 §1).
    DECIMAL_RATE = re.compile(r"0,\d+\s*(=|\(|pour)|\(0,\d+")

    def test_help_of_percent_cells_says_how_they_take_input(self):
        from com.sun.star.util.NumberFormat import PERCENT
        for name in TEMPLATES:
            doc = self.open(name)
            for spec in source(name)["sheet"]:
                sheet = doc.Sheets.getByName(spec["name"])
                for address in spec.get("validation", {}):
                    first = sheet.getCellRangeByName(address).getCellByPosition(0, 0)
                    if not doc.NumberFormats.getByKey(first.NumberFormat).Type & PERCENT:
                        continue
                    with self.subTest(template=name, cell=f"{spec['name']}.{address}"):
                        help_text = first.Validation.InputMessage  # the bubble the user sees
                        self.assertIsNone(self.DECIMAL_RATE.search(help_text), help_text)
                        self.assertRegex(help_text, r"saisir \d+(,\d+)? pour \d+(,\d+)? %")


class InputChecks(Shipped):
    """Each case: inputs written, then the reason expected next to them, and cells that must be errors."""

    CASES = [
        # template, {input: value}, reason cell, reason expected (a regex), cells in error, summary cell
        ("eprd", {"PGFP.D9": "deux pour cent"}, "PGFP.A18", r"^D9 : « deux pour cent » n'est pas un nombre$",
         ["PGFP.C20", "PGFP.H26"], "Périmètre.A6"),
        ("eprd", {"PGFP.C9": 2}, "PGFP.A18", r"^C9 : 200\xa0% : probablement 2\xa0% saisi sans le signe %", [], "PGFP.A4"),
        ("eprd", {"Financement.B6": -5000}, "Financement.A13",
         r"^B6 : -5\xa0000\xa0€ hors des limites \(au moins 0\xa0€\)$", [], "Financement.A23"),
        ("eprd", {"Financement.B7": None}, "Financement.A13", r"^B7 : cellule vide, une valeur est attendue", [], "Ratios.A3"),
        # issue 15: the balance in debit and credit; a bad line makes the totals it feeds errors
        ("eprd", {"Balance.D20": "n/a"}, "Balance.J20", r"^D20 : « n/a » n\'est pas un nombre", ["Colonnes.G5", "CRP.K30", "CAF.C12"],
         "Balance.A4"),
        ("eprd", {"Balance.A20": "", "Balance.D20": 5000}, "Balance.J20", r"^A20 : montant de 5000 sans numéro de compte",
         ["Colonnes.G5", "CRP.K30"], "TPER.A4"),
        ("eprd", {"Balance.A20": "4011"}, "Balance.J20", r"^A20 : compte de classe 4 : hors du compte de résultat",
         ["Colonnes.G5", "CRP.K30", "Ratios.B5"], "Équilibre.A4"),
        ("eprd", {"Sections EHPAD.B4": None}, "Sections EHPAD.A5", r"^B4 : cellule vide", ["Sections EHPAD.E7", "Sections EHPAD.B32"],
         "Sections EHPAD.A18"),
        ("eprd", {"Sections EHPAD.B25": 0}, "Sections EHPAD.F25", r"^B25 : 0 hors des limites",
         ["Sections EHPAD.B30"], "CAF.A17"),
        ("eprd", {"Activité.D5": "quatre-vingts"}, "Activité.O5", r"^D5 : « quatre-vingts » n\'est pas un nombre",
         ["Activité.I5", "Sections EHPAD.B30"], "Activité.A3"),
        ("eprd", {"TPER.E6": "cinq"}, "TPER.J6", r"^E6 : « cinq » n\'est pas un nombre", ["TPER.E40", "TPER.G40"], "Bilan.A4"),
        ("errd", {"Balance.E40": "douze mille"}, "Balance.J40", r"^E40 : « douze mille » n\'est pas un nombre",
         ["CRP.K30", "Synthèse.B5"], "Synthèse.A3"),
        ("errd", {"Balance.A20": "8600"}, "Balance.J20", r"^A20 : compte de classe 8 : ni bilan ni compte de résultat",
         ["Colonnes.G5", "Ratios.B5"], "Balance.A4"),
        ("errd", {"Ratios.C6": 2}, "Ratios.A23", r"^C6 : 200\xa0% : probablement 2\xa0% saisi sans le signe %", [], "Ratios.A3"),
        ("errd", {"Affectation.J7": -100}, "Affectation.P7", r"^J7 : -100\xa0€ hors des limites", [], "Affectation.A4"),
        ("errd", {"Écarts.C18": "n/a"}, "Écarts.A16", r"^C18 : « n/a » n\'est pas un nombre", ["Écarts.C5", "Écarts.I18"], "Écarts.A3"),
        ("errd", {"Sections EHPAD.B4": None}, "Sections EHPAD.A5", r"^B4 : cellule vide", ["Sections EHPAD.E7"],
         "Périmètre.A6"),
        # issue 12 §3.3: 0 places for one activity no longer gives totals computed without it
        ("couts-activite", {"Activités.D8": 0}, "Activités.A16",
         r"^D8 : 0 : capacité nulle : une activité remplie a au moins une place",
         ["Coûts.D14", "Coûts.F14", "Coûts.D21", "Coûts.F21"], "Coûts.A4"),
        ("couts-activite", {"Activités.C18": "abc"}, "Activités.A22", r"^C18 : « abc » n'est pas un nombre$",
         ["Activités.F18", "Coûts.C8", "Coûts.F8"], "Activités.A6"),
        ("couts-activite", {"Activités.E14": 0.0075}, "Activités.A16",
         r"^E14 : 0,75\xa0% hors des limites \(de 1\xa0% à 150\xa0%\) : vouliez-vous dire 75\xa0% \?$", [],
         "Répartition.A4"),
        ("couts-activite", {"Répartition.H15": "Surface"}, "Répartition.A21",
         r"^H15 : « Surface » n'est pas dans la liste : « ETP », « m² », « Journées », « Repas », "
         r"« Charges directes » ou « Clé libre »$",
         ["Répartition.C15", "Coûts.F8"], "Coûts.A4"),
        ("audit-budgetaire", {"Synthèse.E11": "trois millions"}, "Synthèse.A20", r"^E11 : « trois millions » n\'est pas un nombre$",
         ["Synthèse.E13", "Synthèse.I13"], "Synthèse.A8"),
        ("audit-budgetaire", {"Synthèse.B7": 2}, "Synthèse.A20", r"^B7 : 200\xa0% : probablement 2\xa0% saisi sans le signe %", [],
         "Indicateurs.A4"),
        # issue 15: each exercice as a balance (C to E) or as the debit and credit of an export (F to K)
        ("audit-budgetaire", {"Balance.J20": "12 000 euros"}, "Balance.L20", r"^J20 : « 12 000 euros » n\'est pas un nombre$",
         ["Balance.O20", "Synthèse.D10", "Synthèse.B21"], "Synthèse.A8"),
        ("audit-budgetaire", {"Balance.E20": 5000}, "Balance.L20", r"^E20 : solde N saisi aussi en débit ou crédit",
         ["Balance.O20", "Synthèse.D10"], "Groupes.A4"),
        ("audit-budgetaire", {"Balance.A20": "4011"}, "Balance.L20", r"^A20 : compte de classe 4 : hors du compte de",
         ["Balance.O20", "Synthèse.D10", "Indicateurs.D18"], "Balance.A4"),
        ("audit-budgetaire", {"Indicateurs.C8": -100}, "Indicateurs.A12",
         r"^C8 : -100 : des journées strictement positives sont attendues$", [], "Comptes clés.A4"),
        # suivi-trimestriel: a row with a reason gives errors (never figures computed without the input), in « Suivi »
        # and in its year-end forecast; the other rows keep theirs. (\s: French spaces are no-break spaces.)
        ("suivi-trimestriel", {"Suivi.J9": "9,7 %"}, "Suivi.Q9", r"^J9 : « 9,7 % » n'est pas un nombre$",
         ["Suivi.M9", "Suivi.P9", "Suivi.C39", "Atterrissage.L9", "Atterrissage.N9"], "Suivi.A44"),
        ("suivi-trimestriel", {"Suivi.H7": 2}, "Suivi.Q7",
         r"^H7 : 200\s% : probablement 2\s% saisi sans le signe % \(saisir 2\s%\) ; limites : de 0\s% à 100\s%$",
         ["Suivi.P7", "Atterrissage.N7"], "Rapport.A4"),
        ("suivi-trimestriel", {"Suivi.G7": 95}, "Suivi.Q7",
         r"^G7 : 9\s500\s% : au-delà de 150 %, un pourcentage saisi",
         ["Suivi.O7", "Atterrissage.L7"], "Suivi.A44"),
        ("suivi-trimestriel", {"Suivi.K7": 95.2}, "Suivi.Q7", r"^K7 : 9\s520\s% : au-delà de 150 %",
         ["Suivi.M7", "Atterrissage.M7"], "Rapport.A4"),
        ("suivi-trimestriel", {"Suivi.E17": "total"}, "Suivi.Q17",
         r"^E17 : « total » n'est pas dans la liste : « somme » ou « moyenne »$",
         ["Suivi.M17", "Suivi.O17", "Atterrissage.L17"], "Suivi.A44"),
        # Case counts: the sheet compares « SOMME » with « somme » as different (Calc's default), so does the check.
        ("suivi-trimestriel", {"Suivi.E17": "SOMME"}, "Suivi.Q17",
         r"^E17 : « SOMME » n'est pas dans la liste : « somme » ou « moyenne »$", ["Suivi.M17"], "Suivi.A44"),
        ("suivi-trimestriel", {"Suivi.I24": -742000}, "Suivi.Q24", r"^I24 : \S?742\s000 : négatif",
         ["Suivi.M24", "Atterrissage.L24", "Atterrissage.N24"], "Suivi.A44"),
        ("suivi-trimestriel", {"Suivi.G17": None}, "Suivi.Q17", r"^G17 : cellule vide, une valeur est attendue$",
         ["Suivi.N17", "Atterrissage.M17"], "Rapport.A4"),
        ("suivi-trimestriel", {"Suivi.G18": 0}, "Suivi.Q18",
         r"^G18 : 0 : l'objectif doit être strictement positif "
         r"\(le statut mesure l'écart en proportion de l'objectif\)$",
         ["Suivi.O18", "Atterrissage.M18"], "Suivi.A44"),
        ("suivi-trimestriel", {"Suivi.F9": 2}, "Suivi.Q9", r"^F9 : 2 hors des limites \(de \S?1 à 1\)$",
         ["Suivi.P9"], "Suivi.A44"),
        ("suivi-trimestriel", {"Suivi.B8": None}, "Suivi.Q8", r"^B8 : cellule vide, un nom est attendu$", [],
         "Rapport.A4"),
        ("suivi-trimestriel", {"Suivi.D26": "euros"}, "Suivi.Q26",
         r"^D26 : « euros » n'est pas dans la liste : « € »",
         ["Suivi.M26", "Atterrissage.L26"], "Suivi.A44"),
        ("suivi-trimestriel", {"Atterrissage.F17": "n/a"}, "Atterrissage.P17", r"^F17 : « n/a » n'est pas un nombre$",
         ["Atterrissage.L17", "Atterrissage.N17"], "Suivi.A44"),
        ("suivi-trimestriel", {"Atterrissage.G7": 94}, "Atterrissage.P7", r"^G7 : 9\s400\s% : au-delà de 150 %",
         ["Atterrissage.L7"], "Rapport.A4"),
        ("suivi-trimestriel", {"Atterrissage.J9": "moyenne mobile"}, "Atterrissage.P9",
         r"^J9 : « moyenne mobile » n'est pas dans la liste", ["Atterrissage.L9"], "Suivi.A44"),
        ("suivi-trimestriel", {"Atterrissage.O9": "x" * 200}, "Atterrissage.P9",
         r"^O9 : texte de 200 caractères, 150 au plus : la fin serait coupée à l'impression$", ["Atterrissage.L9"],
         "Rapport.A4"),
        ("suivi-trimestriel", {"Atterrissage.C4": "moyenne"}, "Atterrissage.A37", r"^C4 : « moyenne » n'est pas dans",
         ["Atterrissage.L7"], "Suivi.A44"),
        ("suivi-trimestriel", {"Projection.C7": "1,7 M€"}, "Projection.J7",
         r"^C7 : « 1,7 M€ » n'est pas un nombre$",
         ["Projection.L7"], "Rapport.A4"),
        ("suivi-trimestriel", {"Projection.G8": -60000}, "Projection.J8",
         r"^G8 : \S?60\s000\s€ hors des limites \(au moins 0\s€\)$", ["Projection.L8"], "Suivi.A44"),
        ("suivi-trimestriel", {"Projection.H7": 31}, "Projection.J7", r"^H7 : 31 hors des limites \(de 1 à 30\)$",
         ["Projection.L7"], "Rapport.A4"),
        ("suivi-trimestriel", {"Projection.E8": None}, "Projection.J8",
         r"^E8 : cellule vide, une valeur est attendue \(0 s'il n'y en a pas\)$", ["Projection.L8"], "Rapport.A4"),
    ]

    def test_examples_have_no_anomaly(self):
        for name in TEMPLATES:
            doc = self.open(name)
            doc.calculateAll()
            for spec in source(name)["sheet"]:
                if "control_summary" in spec:
                    with self.subTest(template=name, sheet=spec["name"]):
                        self.assertEqual(self.cell(doc, f"{spec['name']}.{spec['control_summary']}").getString(),
                                         OK_SUMMARY)

    def test_bad_inputs_are_explained_and_never_summed_silently(self):
        for name, inputs, reason, expected, errors, summary in self.CASES:
            with self.subTest(template=name, inputs=inputs):
                doc = self.open(name)
                for sheet in doc.Sheets:
                    sheet.unprotect("")
                for ref, value in inputs.items():
                    self.put(doc, ref, value)
                doc.calculateAll()
                self.assertRegex(self.cell(doc, reason).getString(), expected)
                line = self.cell(doc, summary).getString()
                self.assertTrue(line.startswith("Contrôle des saisies : ") and line != OK_SUMMARY, line)
                self.assertIn(expected.strip("^$").split(" :")[0], line)
                for ref in errors:
                    self.assertTrue(self.is_error(doc, ref), f"{ref} = {self.cell(doc, ref).getString()}")


    def test_inputs_are_read_as_the_formulas_read_them(self):
        """No reason for what the sheet's formulas use as it is: an account pasted with a no-break space before its
        digits (CPOM_ACCOUNTS trims it, as it does an account written « 6061 Eau »)."""
        for name, inputs, reason, figure in [
            ("eprd", {"Balance.A20": "\u00a06061 Eau, énergie"}, "Balance.J20", "CRP.K30"),
            ("audit-budgetaire", {"Balance.A20": "\u00a0626 Frais postaux"}, "Balance.L20", "Synthèse.D11"),
        ]:
            with self.subTest(template=name, inputs=inputs):
                doc = self.open(name)
                for sheet in doc.Sheets:
                    sheet.unprotect("")
                doc.calculateAll()
                before = self.cell(doc, figure).getValue()
                for ref, value in inputs.items():
                    self.put(doc, ref, value)
                doc.calculateAll()
                self.assertEqual(self.cell(doc, reason).getString(), "")
                self.assertFalse(self.is_error(doc, figure))
                self.assertEqual(self.cell(doc, figure).getValue(), before)

    def test_an_unused_activity_column_is_not_checked_the_others_are(self):
        """couts-activite: a column left entirely empty is an activity not used, not an input to correct; a bad
        input of a column in use is still found (each column checked on its own when one is empty)."""
        unused = {f"Activités.E{row}": None for row in (*range(7, 15), 18, 19, 20, 24, 25)}
        for inputs, expected in [(unused, ""), ({**unused, "Activités.D8": 0}, r"^D8 : 0 : capacité nulle"),
                                 ({**unused, "Activités.C9": 400}, r"^C9 : 400 hors des limites \(de 1 à 366\)$")]:
            with self.subTest(inputs=sorted(set(inputs) - set(unused))):
                doc = self.open("couts-activite")
                doc.Sheets.getByName("Activités").unprotect("")
                for ref, value in inputs.items():
                    self.put(doc, ref, value)
                doc.calculateAll()
                reason = self.cell(doc, "Activités.A16").getString()
                if expected:
                    self.assertRegex(reason, expected)
                else:
                    self.assertEqual(reason, "")
                    self.assertEqual(self.cell(doc, "Activités.A6").getString(), OK_SUMMARY)

class Declarations(unittest.TestCase):
    """[[sheet.input_check]] is validated when a template is built: a mistake in a source is an error, never a
    check silently left out (tools/input_checks.py)."""

    def test_mistakes_are_errors(self):
        import input_checks
        good = {"cells": "B8:E8", "reason": "A16", "kind": "amount"}
        self.assertIn("CPOM_VALIDATE(B8:E8;\"AMOUNT\"", input_checks.reason_formulas([good])["A16"])
        # A free text: blank allowed, its most characters the engine's maximum of a LABEL, with the reason.
        text = {"cells": "O7", "reason": "P7", "kind": "text", "max_length": 150}
        self.assertIn('CPOM_VALIDATE(O7:O7;"LABEL";;150;"O7";1;;;"la fin serait coupée à l\'impression")',
                      input_checks.reason_formulas([text])["P7"])
        for mistake, words in [({"minimum": 0}, "unknown keys ['minimum']"), ({"kind": "percent"}, "unknown kind"),
                               ({"reason": "A16:A17"}, "one cell or one per row"),
                               ({"labels": "B7:C7"}, "must be one cell or 4"),
                               ({"suspect_below": 0.001}, "suspect_below is for rates"),
                               ({"kind": "rate", "suspect_below": "F31"}, "must be checked itself"),
                               ({"kind": "choice"}, "values go with kind choice"),
                               ({"skip_if": "$Q{row}", "cells": "B8:E9"}, "needs one reason per row"),
                               ({"max_length": 150}, "max_length goes with kinds label and text"),
                               ({"kind": "text", "max": 150}, "max_length goes with kinds label and text")]:
            with self.subTest(mistake=mistake), self.assertRaisesRegex(ValueError, re.escape(words)):
                input_checks.reason_formulas([{**good, **mistake}])

class PgfpDepreciation(Shipped):
    def test_depreciation_moves_the_result_only(self):
        """Issue 12 §3.1 in the template: random depreciation rows (up to 1 000 000 € a year), same CAF, FRNG and
        treasury to the cent, result lower by exactly the extra depreciation."""
        doc = self.open("eprd")
        pgfp = doc.Sheets.getByName("PGFP")
        pgfp.unprotect("")
        doc.calculateAll()

        def rows():
            data = pgfp.getCellRangeByName("C22:H26").getDataArray()
            return {"result": data[0], "caf": data[1], "frng": data[3], "treasury": data[4]}

        base_depreciation = pgfp.getCellRangeByName("C10:H10").getDataArray()[0]
        before = rows()
        rng = random.Random(1203)
        for _ in range(5):
            depreciation = [round(rng.uniform(0, 1_000_000), 2) for _ in range(6)]
            pgfp.getCellRangeByName("C10:H10").setDataArray((tuple(depreciation),))
            doc.calculateAll()
            after = rows()
            for key in ("caf", "frng", "treasury"):
                for year, (a, b) in enumerate(zip(before[key], after[key])):
                    self.assertTrue(support.close_enough(b, a), f"{key} year {year + 1}: {b} instead of {a}")
            for year, (a, b) in enumerate(zip(before["result"], after["result"])):
                expected = a - (depreciation[year] - base_depreciation[year])
                self.assertTrue(support.close_enough(b, expected), f"result year {year + 1}: {b} vs {expected}")


class PgfpReason(Shipped):
    def test_a_plan_in_error_says_why_on_the_sheet(self):
        """Issue 15: repayments above the debt make the opening debt of the plan negative; the plan is in error and the
        sheet says why in French (not only Err:502)."""
        doc = self.open("eprd")
        doc.Sheets.getByName("Financement").unprotect("")
        self.put(doc, "Financement.B6", 3000000)
        doc.calculateAll()
        self.assertTrue(self.is_error(doc, "PGFP.C20"))
        self.assertRegex(self.cell(doc, "PGFP.B32").getString(), r"^encours de la dette au 31/12 de l'année 0 négatif")
        self.put(doc, "Financement.B6", 350000)
        doc.calculateAll()
        self.assertEqual(self.cell(doc, "PGFP.B32").getString(), "")


class PrintFrame(Shipped):
    ORGANISATION = "Association Zéphyr Essai"
    NAME_INPUT = {"eprd": "Périmètre.C4", "errd": "Périmètre.C4", "couts-activite": "Activités.B4",
                  "audit-budgetaire": "Synthèse.B4",
                  "suivi-trimestriel": "Suivi.F4"}

    def pages(self, doc) -> list[str]:
        with tempfile.TemporaryDirectory() as tmp:
            pdf = pathlib.Path(tmp) / "t.pdf"
            office.store(doc, pdf, "calc_pdf_Export")
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
            count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
            return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout for n in range(1, count + 1)]

    def test_pages_are_numbered_dated_and_name_the_organisation(self):
        for name, ref in self.NAME_INPUT.items():
            with self.subTest(template=name):
                doc = self.open(name)
                self.cell(doc, ref).setString(self.ORGANISATION)  # the input is unlocked
                doc.calculateAll()
                pages = self.pages(doc)
                today = datetime.date.today().strftime("%d/%m/%Y")  # day first, whatever the office's locale
                for number, text in enumerate(pages, start=1):
                    self.assertIn(f"Page {number} / {len(pages)}", text)
                    words = " ".join(text.split())
                    self.assertIn(f"{self.ORGANISATION} — édité le {today}", words, f"page {number}")

    def test_the_help_sheet_is_not_printed(self):
        doc = self.open("projection-cpom")
        doc.calculateAll()
        pages = self.pages(doc)
        self.assertFalse(any("Aide : projection CPOM" in text for text in pages))
        self.assertTrue(any("Synthèse pour la négociation" in text for text in pages))


if __name__ == "__main__":
    unittest.main()
