"""cpom-run --balance in real headless LibreOffice offices: the errd template filled from a hand-made FEC (colonne 1)
and a balance CSV (colonne 4), recalculated and reloaded, figures against the hand computation written below; the
template's example lines are gone; hostile files are refused before any office starts (exit 2, French reason with
the line); a workbook without the target ranges fails with the reason (exit 1)."""
import os
import pathlib
import subprocess
import tempfile
import unittest

import support

CPOM_RUN = os.environ.get("CPOM_RUN", "")
RUN_TIMEOUT = 240

# Colonne 1 (EHPAD, hébergement): 606100 1 500 (groupe I) + 641100 20 000 (groupe II) of charges against
# 735310 30 000 of products (groupe I): résultat 30 000 − 21 500 = 8 500. Classes 1 to 5 and 8 go to the balance
# too (a long table takes every class); the contributions in kind (86x / 87x) count in no group.
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
        return subprocess.run([CPOM_RUN, "--jobs", "1", "--quiet", *map(str, args)], capture_output=True, text=True,
                              timeout=RUN_TIMEOUT)

    def test_fec_and_balance_fill_the_errd(self):
        out = self.dir / "out"
        result = self.run_cli(self.template, "--balance", f"balance:1={self.dir / 'fec-ehpad.txt'}",
                              "--balance", f"balance:4={self.dir / 'balance-ime.csv'}", "--out", out,
                              "--format", "ods,pdf")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("fec-ehpad.txt : FEC : 10 lignes, 5 écritures du 01/01/2024 au 31/12/2024, 10 comptes",
                      result.stderr)
        self.assertTrue((out / "errd.pdf").stat().st_size > 0)
        office = support.start_office("fr-FR")
        try:
            doc = office.load(out / "errd.ods")
            try:
                doc.calculateAll()
                cell = lambda ref: doc.Sheets.getByName(ref.split(".")[0]).getCellRangeByName(ref.split(".")[1])
                # The FEC's 10 accounts (sorted) with key 1, then the CSV's 5 with key 4, then nothing.
                self.assertEqual(cell("Balance.A15").getString(), "102000")
                self.assertEqual(cell("Balance.C15").getValue(), 1)
                self.assertEqual(cell("Balance.A19").getString(), "512000")
                self.assertEqual(cell("Balance.D19").getValue(), 50000)
                self.assertEqual(cell("Balance.A25").getString(), "512")
                self.assertEqual(cell("Balance.C25").getValue(), 4)
                self.assertEqual(cell("Balance.B29").getString(), "Prix de journée")
                self.assertEqual(cell("Balance.A30").getString(), "")
                self.assertEqual(cell("Balance.D30").getString(), "")  # the template's example lines are gone
                expected = {"Colonnes.E5": 1500, "Colonnes.F5": 20000, "Colonnes.H5": 30000, "Colonnes.M5": 8500,
                            "Colonnes.M6": 0, "Colonnes.E8": 1000, "Colonnes.I8": 500, "Colonnes.M8": 2500,
                            "CRP.K6": 8500, "CRP.K7": 2500, "CRP.K30": 11000, "Balance.D7": 0, "Balance.D8": 0,
                            "Balance.D11": 11000}
                for ref, value in expected.items():
                    self.assertAlmostEqual(cell(ref).getValue(), value, places=6, msg=ref)
            finally:
                doc.close(True)
        finally:
            office.close()

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
