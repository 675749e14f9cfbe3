"""cpom-run --balance in real headless LibreOffice offices: the errd template filled from a hand-made FEC (colonne 1)
and a balance CSV (colonne 4), the eprd from the same FEC (result classes into its balance, classes 1 to 5 into its
bilan, or a note saying they were left out), audit-budgetaire's exercice N from it; recalculated and reloaded,
figures against the hand computation written below; the templates' example lines are gone; hostile files are refused
before any office starts (exit 2, French reason with the line); a workbook without the target ranges fails with the
reason (exit 1)."""
import os
import pathlib
import subprocess
import tempfile
import unittest

import support

CPOM_RUN = os.environ.get("CPOM_RUN", "")
RUN_TIMEOUT = 240

# Colonne 1 (EHPAD, hébergement): 606100 1 500 (groupe I) + 641100 20 000 (groupe II) of charges against
# 735310 30 000 of products (groupe I): résultat 30 000 − 21 500 = 8 500. Classes 1 to 5 go to the errd's balance
# too (a long table takes classes 1 to 7); the contributions in kind (86x / 87x, class 8) are left out, with a note.
# Classes 1 to 5: 512000 +50 000, 102000 −50 000, 401000 −1 500, 421000 −20 000, 411000 +30 000 = +8 500.
FEC = """JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise
AN|A nouveaux|1|20240101|512000|Banque|||AN1|20240101|Reprise|50000,00|0,00|||20240105||
AN|A nouveaux|1|20240101|102000|Fonds associatifs|||AN1|20240101|Reprise|0,00|50000,00|||20240105||
AC|Achats|2|20240115|606100|Eau, énergie|||F1|20240110|EDF|1500,00|0,00|||20240120||
AC|Achats|2|20240115|401000|Fournisseurs|||F1|20240110|EDF|0,00|1500,00|||20240120||
PA|Paie|3|20240131|641100|Salaires|||P1|20240131|Paie janvier|20000,00|0,00|||20240131||
PA|Paie|3|20240131|421000|Personnel|||P1|20240131|Paie janvier|0,00|20000,00|||20240131||
VT|Ventes|4|20240131|411000|Usagers|||V1|20240131|Factures janvier|30000,00|0,00|||20240131||
VT|Ventes|4|20240131|735310|Hébergement résidents|||V1|20240131|Factures janvier|0,00|30000,00|||20240131||
OD|Contributions|5|20241231|860000|Secours en nature|||C1|20241231|Bénévolat|2000,00|0,00|||20241231||
OD|Contributions|5|20241231|870000|Bénévolat|||C1|20241231|Bénévolat|0,00|2000,00|||20241231||
"""

# Colonne 4 (IME): charges 6061 1 000 (I) + 6411 12 000 (II); products 731221 15 000 (I) + 6419 500 (II,
# atténuation): résultat 15 500 − 13 000 = 2 500.
BALANCE = "Compte;Libellé;Débit;Crédit\n6061;Eau, énergie;1 000,00;\n6411;Salaires;12 000,00;\n" \
          "6419;Remboursements;;500,00\n731221;Prix de journée;;15 000,00\n512;Banque;2 500,00;\n"


def setUpModule():
    if not CPOM_RUN or not pathlib.Path(CPOM_RUN).is_file():
        raise RuntimeError(f"CPOM_RUN must name the built cpom-run (got {CPOM_RUN!r})")


class BalanceImport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="cpom-balance-test-")
        cls.dir = pathlib.Path(cls.tmp.name)
        cls.template = pathlib.Path(support.OXT).parent / "templates" / "CPOM" / "errd.ots"
        (cls.dir / "fec-ehpad.txt").write_text(FEC, encoding="utf-8")
        (cls.dir / "balance-ime.csv").write_text(BALANCE, encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_cli(self, *args):
        # The small FEC has no fixed asset and no loan: the ratios on them are errors with their reason (exit 4
        # without --allow-errors); these tests are about where the lines land.
        return subprocess.run([CPOM_RUN, "--jobs", "1", "--quiet", "--allow-errors", *map(str, args)],
                              capture_output=True, text=True, timeout=RUN_TIMEOUT)

    def test_fec_and_balance_fill_the_errd(self):
        out = self.dir / "out"
        result = self.run_cli(self.template, "--balance", f"balance:1={self.dir / 'fec-ehpad.txt'}",
                              "--balance", f"balance:4={self.dir / 'balance-ime.csv'}", "--out", out,
                              "--format", "ods,pdf")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("fec-ehpad.txt : FEC : 10 lignes, 5 écritures du 01/01/2024 au 31/12/2024, 10 comptes",
                      result.stderr)
        self.assertIn("fec-ehpad.txt : 2 comptes de classe 8 non importés (aucune plage visée ne prend cette classe ; "
                      "solde 0,00\xa0€) : 860000, 870000", result.stderr)
        self.assertTrue((out / "errd.pdf").stat().st_size > 0)
        self.assertIn("aucune immobilisation brute (comptes 215, soldes débiteurs)", result.stdout)
        # The FEC's 8 accounts of classes 1 to 7 (sorted) with key 1, then the CSV's 5 with key 4, then nothing:
        # the template's example lines are gone.
        self.values(out / "errd.ods",
                    {"Balance.C15": 1, "Balance.D19": 50000, "Balance.C23": 4, "Colonnes.E5": 1500,
                     "Colonnes.F5": 20000, "Colonnes.H5": 30000, "Colonnes.M5": 8500, "Colonnes.M6": 0,
                     "Colonnes.E8": 1000, "Colonnes.I8": 500, "Colonnes.M8": 2500, "CRP.K6": 8500, "CRP.K7": 2500,
                     "CRP.K30": 11000, "Balance.D7": 0, "Balance.D8": 0, "Balance.D11": 11000},
                    {"Balance.A15": "102000", "Balance.A19": "512000", "Balance.A22": "735310", "Balance.A23": "512",
                     "Balance.B27": "Prix de journée", "Balance.A28": "", "Balance.D28": ""})

    def values(self, path, expected: dict, texts: dict):
        office = support.start_office("fr-FR")
        try:
            doc = office.load(path)
            try:
                doc.calculateAll()
                def cell(ref):
                    sheet, address = ref.rsplit(".", 1)
                    return doc.Sheets.getByName(sheet).getCellRangeByName(address)
                for ref, value in texts.items():
                    self.assertEqual(cell(ref).getString(), value, ref)
                for ref, value in expected.items():
                    self.assertAlmostEqual(cell(ref).getValue(), value, places=6, msg=ref)
            finally:
                doc.close(True)
        finally:
            office.close()

    def test_one_fec_fills_the_eprd_balance_and_bilan(self):
        template = self.template.with_name("eprd.ots")
        fec = self.dir / "fec-ehpad.txt"
        out = self.dir / "out-eprd"
        result = self.run_cli(template, "--balance", f"balance:1={fec}", "--balance", f"bilan_soldes={fec}", "--out",
                              out)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertNotIn("de bilan (classes 1 à 5", result.stdout)
        # Balance: the result classes only (606100, 641100, 735310), colonne 1. Bilan: sorted, « 12 » (result of
        # classes 6 and 7, signed: 21 500 − 30 000 = −8 500) after « 102000 » (text order), then the classes 1 to 5.
        self.values(out / "eprd.ods",
                    {"Balance.C15": 1, "Balance.D15": 1500, "Balance.E17": 30000, "Colonnes.E5": 1500,
                     "Colonnes.F5": 20000, "Colonnes.H5": 30000, "Colonnes.M5": 8500, "CRP.K30": 8500,
                     "Bilan.C10": -50000, "Bilan.C11": -8500, "Bilan.C15": 50000},
                    {"Balance.A15": "606100", "Balance.A17": "735310", "Balance.A18": "", "Balance.D18": "",
                     "Bilan.A10": "102000", "Bilan.A11": "12", "Bilan.B11": "Résultat de l'exercice (classes 6 et 7 du "
                     "fichier, non soldées)", "Bilan.A15": "512000", "Bilan.A16": "", "Bilan.C16": ""})
        # Without the bilan, the run says what the eprd's balance left out.
        result = self.run_cli(template, "--balance", f"balance:1={fec}", "--out", self.dir / "out-eprd-seul")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn(f"--balance balance:1={fec} : 5 comptes de bilan (classes 1 à 5, solde 8\u202f500,00\xa0€) "
                      "non importés dans la table « balance », qui ne prend que les classes 6 et 7 dans ce classeur",
                      result.stdout)

    def test_a_fec_fills_one_exercice_of_the_audit(self):
        template = self.template.with_name("audit-budgetaire.ots")
        out = self.dir / "out-audit"
        result = self.run_cli(template, "--balance", f"balance_n={self.dir / 'fec-ehpad.txt'}", "--out", out)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        # Exercice N: groupe I of the charges 1 500, groupe II 20 000, products of groupe I 30 000, result 8 500;
        # the example's other exercices and its debit and credit columns are cleared.
        self.values(out / "audit-budgetaire.ods",
                    {"Balance.E11": 1500, "Balance.E13": 30000, "Balance.O12": 20000, "Synthèse.D10": 1500,
                     "Synthèse.D11": 20000, "Synthèse.D14": 30000, "Synthèse.D18": 8500},
                    {"Balance.A11": "606100", "Balance.A14": "", "Balance.C11": "", "Balance.J11": "",
                     "Balance.K13": ""})

    def test_hostile_files_are_refused_before_any_office(self):
        cases = {
            "desequilibre.txt": (FEC.replace("|0,00|30000,00|", "|0,00|3000,00|"),
                                 "écriture VT 4 (ligne 8) : débit 30"),
            "champs.txt": (FEC.replace("Eau, énergie", "Eau | énergie"), "ligne 4 : 19 champs au lieu de 18"),
            "montant.txt": (FEC.replace("1500,00|0,00", "1500,0O|0,00"), "ligne 4 : montant au débit (Debit) illisible"),
            "total.csv": (BALANCE + "Total classe 6;;13000;\n", "ligne 7 : « Total classe 6 » n'est pas un numéro de compte"),
            "vide.csv": ("", "fichier vide"),
        }
        for name, (text, reason) in cases.items():
            with self.subTest(file=name):
                path = self.dir / name
                path.write_text(text, encoding="utf-8")
                result = self.run_cli(self.template, "--balance", f"balance:1={path}", "--out", self.dir / "refus")
                self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
                self.assertIn(reason, result.stderr)
                self.assertFalse((self.dir / "refus").exists(), "nothing may be written")
        result = self.run_cli(self.template, "--balance", str(self.dir / "fec-ehpad.txt"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("forme CIBLE=FICHIER attendue", result.stderr)

    def test_workbook_without_the_target_ranges_fails_with_the_reason(self):
        result = self.run_cli(self.template, "--balance", f"grand:1={self.dir / 'fec-ehpad.txt'}", "--out",
                              self.dir / "out-grand")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("balance : le classeur n'a pas de plage nommée « grand_comptes »", result.stdout)


if __name__ == "__main__":
    unittest.main()
