"""The annual evaluation report (issue 16 §8) produced in batch by cpom-run for several establishments, as docs/cli.md
and the README say: `cpom-run --template suivi-trimestriel.ots donnees/ --sheet Rapport --format pdf` gives one PDF
per data file, and `cpom-run suivis/ --sheet Rapport --format pdf` one per follow-up workbook. Each PDF holds the
report's pages only (not the follow-up's, although every sheet of the template has a print range), numbered
« Page N / M » within the report, names its establishment and says whether the report is complete; a hostile data
file (text in numbers, blank, zero, negative, a percentage typed as an integer) still gives a report, which shows
the reasons instead of figures; the data file of the template's own example gives the template's report."""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

import support

CPOM_RUN = os.environ.get("CPOM_RUN", "")
TEMPLATE = pathlib.Path(support.OXT).parent / "templates" / "CPOM" / "suivi-trimestriel.ots"
EXAMPLES = support.SOURCE_DIR / "examples" / "rapport-annuel"
ESTABLISHMENTS = {"ehpad-tilleuls": "EHPAD Les Tilleuls (exemple fictif)",
                  "ime-coquelicots": "IME Les Coquelicots (45 places, exemple fictif)",
                  "esat-ateliers-du-val": "ESAT Les Ateliers du Val (60 places, exemple fictif)"}
COMPLETE = "Atterrissage et justifications complets"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CPOM_RUN, "--quiet", "--jobs", "1", *args], capture_output=True, text=True, timeout=300)


def pages(pdf: pathlib.Path) -> list[str]:
    """The text of each page, every run of white space (no-break spaces included) as one space."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [" ".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                                    text=True, check=True).stdout.split()) for n in range(1, count + 1)]


class AnnualReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not CPOM_RUN or not pathlib.Path(CPOM_RUN).is_file():
            raise RuntimeError(f"CPOM_RUN must name the built cpom-run (got {CPOM_RUN!r})")
        cls.tmp = tempfile.TemporaryDirectory(prefix="cpom-rapport-")
        cls.out = pathlib.Path(cls.tmp.name) / "rapports"
        cls.result = run("--template", str(TEMPLATE), str(EXAMPLES), "--sheet", "Rapport", "--format", "pdf,ods",
                         "--out", str(cls.out))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_one_report_per_establishment_with_its_pages_only(self):
        self.assertEqual(self.result.returncode, 0, self.result.stdout + self.result.stderr)
        for stem, name in ESTABLISHMENTS.items():
            with self.subTest(establishment=stem):
                texts = pages(self.out / f"{stem}.pdf")
                self.assertEqual(len(texts), 3)  # the report: synthesis, then the indicators, 15 a page
                for number, text in enumerate(texts, start=1):
                    self.assertIn(f"Page {number} / 3", text)
                    self.assertIn(f"Rapport annuel d'évaluation du CPOM — exercice 2026 — {name}", text)
                    self.assertNotIn("Suivi trimestriel des objectifs", text)
                self.assertIn("1. Synthèse de la direction", texts[0])
                self.assertIn("3. Trajectoire financière", texts[0])
                self.assertIn("4. Objectifs du CPOM", texts[1])

    def test_each_report_says_whether_it_is_complete(self):
        tilleuls, ime, esat = (pages(self.out / f"{stem}.pdf") for stem in ESTABLISHMENTS)
        self.assertIn(COMPLETE, tilleuls[0])
        self.assertIn(COMPLETE, esat[0])
        self.assertIn("À compléter : 1 écart non justifié", ime[0])
        self.assertIn("Écart non justifié.", ime[1])
        # The IME: charges 3 420 141,67 (842 000 + 851 000 + 838 500 = 2 531 500 × 3 333 000 / 2 467 000) against
        # the dotation 3 329 480: gap 90 661,67, reserves left 230 000 − 90 661,67 = 139 338 €.
        self.assertIn("139 338 €", ime[0])
        for text in ime + esat:  # nothing of the template's example is left in another establishment's report
            self.assertNotIn("Tilleuls", text)
            self.assertNotIn("Arrêts longs", text)

    def test_the_example_data_file_gives_the_template_report(self):
        office = support.start_office("fr-FR")  # an office of its own, only for this comparison
        try:
            from office import props
            template = office.desktop.loadComponentFromURL(TEMPLATE.as_uri(), "_blank", 0,
                                                           props(Hidden=True, AsTemplate=True))
            filled = office.load(self.out / "ehpad-tilleuls.ods")
            try:
                template.calculateAll()
                filled.calculateAll()
                for sheet in ("Suivi", "Atterrissage", "Projection", "Rapport"):
                    expected = template.Sheets.getByName(sheet).getCellRangeByName("A2:S64").getDataArray()
                    actual = filled.Sheets.getByName(sheet).getCellRangeByName("A2:S64").getDataArray()
                    for r, (got_row, want_row) in enumerate(zip(actual, expected)):
                        for c, (got, want) in enumerate(zip(got_row, want_row)):
                            where = f"{sheet} row {r + 2} column {c + 1}"
                            if isinstance(want, float) and isinstance(got, float):
                                self.assertTrue(support.close_enough(got, want), f"{where}: {got} vs {want}")
                            else:
                                self.assertEqual(got, want, where)
            finally:
                template.close(True)
                filled.close(True)
        finally:
            office.close()

    def test_a_folder_of_follow_up_workbooks(self):
        folder = pathlib.Path(self.tmp.name) / "suivis"  # the follow-up workbooks, one per establishment
        folder.mkdir()
        for stem in ESTABLISHMENTS:
            shutil.copy(self.out / f"{stem}.ods", folder)
        again = pathlib.Path(self.tmp.name) / "depuis-les-classeurs"
        result = run(str(folder), "--sheet", "Rapport", "--format", "pdf", "--out", str(again))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        for stem in ESTABLISHMENTS:
            self.assertEqual(len(pages(again / f"{stem}.pdf")), 3, stem)

    def test_hostile_data_file_gives_reasons_not_figures(self):
        lines = (EXAMPLES / "ehpad-tilleuls.csv").read_text(encoding="utf-8").splitlines()

        def replace(name: str, index: int, value: str):
            for i, line in enumerate(lines):
                if line.startswith(name + ";"):
                    fields = line.split(";")
                    fields[index + 1] = value
                    lines[i] = ";".join(fields)
                    return
            raise AssertionError(name)

        replace("realise_t3", 2, "11,4")           # N° 3: a percentage typed as an integer (11,4 → 1 140 %)
        replace("objectif_annuel", 10, "0")        # N° 11: zero objective
        replace("realise_t1", 17, "-742 000")      # N° 18: negative
        replace("realise_t2", 18, "vingt et un mille")  # N° 19: text in a number
        replace("tolerance", 19, "")               # N° 20: blank
        replace("projection_charges", 0, "1,7 M€")  # block Soins: text in an amount
        folder = pathlib.Path(self.tmp.name) / "hostile"
        folder.mkdir()
        (folder / "hostile.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = pathlib.Path(self.tmp.name) / "hostile-out"
        result = run("--template", str(TEMPLATE), str(folder), "--sheet", "Rapport", "--format", "pdf",
                     "--out", str(out))
        self.assertEqual(result.returncode, 4, result.stdout + result.stderr)  # written, with #N/A cells
        self.assertTrue(result.stdout.startswith("erreur"), result.stdout)
        texts = pages(out / "hostile.pdf")
        whole = " ".join(texts)
        self.assertIn("Contrôle des saisies : à corriger à 6 endroits", texts[0])
        for reason in (r"K9 : 1\s140\s% : au-delà de 150 %", "G17 : 0 : l'objectif doit être strictement positif",
                       r"I24 : \S?742\s000 : négatif", "J25 : « vingt et un mille » n'est pas un nombre",
                       r"H26 : cellule vide, une valeur est attendue"):
            self.assertRegex(whole, "Saisie à corriger — " + reason)
        self.assertIn("À compléter : 5 indicateurs sans atterrissage", texts[0])
        self.assertIn("projection : C7 : « 1,7 M€ » n'est pas un nombre", texts[0])
        self.assertNotIn("3 070 642", whole)  # N° 18's forecast is not computed without its T1
        self.assertIn("41 016 €", texts[0])  # the other block keeps its figures


if __name__ == "__main__":
    unittest.main()
