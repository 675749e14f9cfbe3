"""The PGFP of eprd linked to the CPOM projection (issue 15 §5) through cpom-run, in real headless offices:
`--extract 'pgfp_*'` writes projection-cpom's yearly rates and year 0 as a JSON data file, `--data` pours it into
eprd's PGFP. Checked against the projection's own totals (rates recomputed here from its Projection and « Détail des
charges » sheets) and the PGFP's first cash flows; a year 0 that is not the EPRD's gives errors with the input
check's reason, never shifted figures; a projection in error gives no data file."""
import json
import os
import pathlib
import subprocess
import tempfile
import unittest

import support

CPOM_RUN = os.environ.get("CPOM_RUN", "")
TEMPLATES = pathlib.Path(os.environ.get("CPOM_TEMPLATES", ""))
RUN_TIMEOUT = 240
YEARS = "DEFGHI"  # Projection's columns of year 0 … year 5
office = None


def setUpModule():
    global office
    if not CPOM_RUN or not pathlib.Path(CPOM_RUN).is_file():
        raise RuntimeError(f"CPOM_RUN must name the built cpom-run (got {CPOM_RUN!r})")
    office = support.start_office("fr-FR")


def tearDownModule():
    office.close()


def run_cli(*args):
    return subprocess.run([CPOM_RUN, "--jobs", "1", "--quiet", *map(str, args)], capture_output=True, text=True,
                          timeout=RUN_TIMEOUT)


def opened(path):
    """A written workbook, left as cpom-run wrote it (not unprotected), recalculated in the test's office."""
    return support.TemplateDocument(office, path, unprotect=False)


class PgfpLink(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="cpom-pgfp-link-")
        cls.dir = pathlib.Path(cls.tmp.name)
        result = run_cli(TEMPLATES / "projection-cpom.ots", "--extract", "pgfp_*", "--out", cls.dir / "projection",
                         "--format", "ods")
        assert result.returncode == 0, result.stdout + result.stderr
        cls.extract = json.loads((cls.dir / "projection" / "projection-cpom.json").read_text(encoding="utf-8"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_rates_are_the_projections_own(self):
        self.assertEqual(sorted(self.extract), ["pgfp_annee_0_projection", "pgfp_taux_charges", "pgfp_taux_produits"])
        refs = [f"Projection.{c}{row}" for c in YEARS for row in (95, 138)] + \
               [f"Détail des charges.{c}217" for c in YEARS] + ["Hypothèses.C6"]
        doc = opened(self.dir / "projection" / "projection-cpom.ods")
        try:
            v = {ref: doc.value(ref) for ref in refs}
        finally:
            doc.close()
        resources = [v[f"Projection.{c}138"] for c in YEARS]
        charges = [v[f"Projection.{c}95"] - v[f"Détail des charges.{c}217"] for c in YEARS]  # investments apart
        expected_products = [resources[k] / resources[k - 1] - 1 for k in range(1, 6)]
        expected_charges = [charges[k] / charges[k - 1] - 1 for k in range(1, 6)]
        # Year N+6 is beyond the 5-year contract: the 5th year's rate goes on (a convention, said on the sheet).
        for got, want in ((self.extract["pgfp_taux_produits"], expected_products + expected_products[-1:]),
                          (self.extract["pgfp_taux_charges"], expected_charges + expected_charges[-1:])):
            self.assertEqual(len(got), 6)
            for g, w in zip(got, want):
                self.assertAlmostEqual(g, w, places=12)
        self.assertEqual(self.extract["pgfp_annee_0_projection"], v["Hypothèses.C6"] - 1)

    def test_the_eprd_pgfp_takes_them(self):
        out = self.dir / "eprd"
        result = run_cli(TEMPLATES / "eprd.ots", "--data", self.dir / "projection" / "projection-cpom.json",
                         "--out", out, "--format", "ods")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        doc = opened(out / "eprd.ods")
        try:
            v = {ref: doc.value(ref) for ref in ("PGFP.B6", "PGFP.B7", "PGFP.C10", "PGFP.D10", "PGFP.C20", "PGFP.C21",
                                                 "PGFP.D20", "PGFP.D21", "PGFP.I8", "Périmètre.C5")}
        finally:
            doc.close()
        self.assertEqual(v["PGFP.I8"], v["Périmètre.C5"])
        products, charges = self.extract["pgfp_taux_produits"], self.extract["pgfp_taux_charges"]
        # Year 1: cash products and cash charges of year 0 at their rate; the year's depreciation is added to the
        # charges, not grown (CPOM_PGFP, docs/domain.md#pgfp).
        self.assertAlmostEqual(v["PGFP.C20"], v["PGFP.B6"] * (1 + products[0]), places=4)
        self.assertAlmostEqual(v["PGFP.C21"], v["PGFP.B7"] * (1 + charges[0]) + v["PGFP.C10"], places=4)
        self.assertAlmostEqual(v["PGFP.D20"], v["PGFP.B6"] * (1 + products[0]) * (1 + products[1]), places=4)
        self.assertAlmostEqual(v["PGFP.D21"], v["PGFP.B7"] * (1 + charges[0]) * (1 + charges[1]) + v["PGFP.D10"],
                               places=4)

    def test_a_projection_of_another_year_gives_errors_not_shifted_figures(self):
        for year, said in ((self.extract["pgfp_annee_0_projection"] - 1, "doit être l'année de cet EPRD"),
                           ("deux mille vingt-cinq", "n'est pas un nombre")):
            with self.subTest(year=year):
                data = self.dir / "decale.json"
                data.write_text(json.dumps(dict(self.extract, pgfp_annee_0_projection=year)), encoding="utf-8")
                out = self.dir / "decale"
                result = run_cli(TEMPLATES / "eprd.ots", "--data", data, "--out", out, "--format", "ods")
                self.assertEqual(result.returncode, 4, result.stdout + result.stderr)
                self.assertIn("Année 0 de la projection CPOM (I8)", result.stdout)
                self.assertIn(said, result.stdout)
                doc = opened(out / "eprd.ods")
                try:
                    self.assertTrue(doc.error("PGFP.C20"))
                    self.assertTrue(doc.error("PGFP.H26"))
                    self.assertIn("leurs années ne correspondent pas (I8)", doc.text("PGFP.B32"))
                finally:
                    doc.close()

    def test_a_projection_in_error_gives_no_data_file(self):
        data = self.dir / "texte.json"
        data.write_text(json.dumps({"premier_exercice": "deux mille vingt-six"}), encoding="utf-8")
        out = self.dir / "erreur"
        result = run_cli(TEMPLATES / "projection-cpom.ots", "--data", data, "--extract", "pgfp_*", "--out", out,
                         "--format", "ods")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertRegex(result.stdout, r"--extract : « pgfp_\w+ » : Consolidation\.[A-H]17[23] est en erreur ; "
                                        r"le fichier de données n'est pas écrit")
        self.assertFalse((out / "projection-cpom.json").exists())
        self.assertFalse((out / "projection-cpom.ods").exists())  # a workbook's outputs: all or none

    def test_a_pattern_that_chooses_nothing_fails_the_workbook(self):
        out = self.dir / "faute"
        result = run_cli(TEMPLATES / "projection-cpom.ots", "--extract", "pfgp_*", "--out", out, "--format", "ods")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("--extract : aucune plage nommée du classeur ne correspond à « pfgp_* »", result.stdout)


if __name__ == "__main__":
    unittest.main()
