"""Workbook sources hold only keys the builder reads (tools/workbook_schema.py): every template and example is clean,
and a misspelt key is reported with its place and the key meant."""
import pathlib
import sys
import tomllib
import unittest

SOURCE_DIR = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SOURCE_DIR / "tools"))
import workbook_schema  # noqa: E402


class TemplateKeys(unittest.TestCase):
    def test_every_source_is_clean(self):
        sources = sorted(SOURCE_DIR.glob("templates/*.toml")) + sorted(SOURCE_DIR.glob("examples/*.toml"))
        self.assertGreaterEqual(len(sources), 6)
        for path in sources:
            with path.open("rb") as f:
                self.assertEqual(workbook_schema.unknown_keys(tomllib.load(f)), [], path.name)

    def test_a_misspelt_key_is_named_with_the_key_meant(self):
        source = {"title": "t", "sheet": [{"name": "PGFP", "rows": [], "print_rnage": "A1:H9",
                                           "validation": {"C8": {"kind": "decimal", "hlep": "x"}},
                                           "chart": [{"name": "g", "tilte": "x"}]}],
                  "live": [{"input": "A.B1", "value": 1, "outptu": "A.B2"}], "orgnisation": "x"}
        self.assertEqual(workbook_schema.unknown_keys(source), [
            "niveau principal : clé inconnue « orgnisation » (« organisation » ?)",
            "feuille « PGFP » : clé inconnue « print_rnage » (« print_range » ?)",
            "feuille « PGFP », graphique « g » : clé inconnue « tilte » (« title » ?)",
            "feuille « PGFP », validation C8 : clé inconnue « hlep » (« help » ?)",
            "[[live]] A.B1 : clé inconnue « outptu » (« output » ?)",
        ])


if __name__ == "__main__":
    unittest.main()
