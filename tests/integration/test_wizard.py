"""The Function Wizard texts (com.sun.star.sheet.FunctionDescriptions) in English and in French are those of the
metadata, for every function and every argument, with the right optional flags; every description says how to
get the reason of an error, and those of array functions how to enter them (issue 18)."""
import unittest

import support
from generate import display_name, wizard_description  # tools/generate.py: what the xcu was generated with


def descriptions(office) -> dict:
    access = office.service("com.sun.star.sheet.FunctionDescriptions")
    found = {}
    for i in range(access.getCount()):
        entry = {p.Name: p.Value for p in access.getByIndex(i)}
        found[entry["Name"]] = entry
    return found


class WizardTexts:
    locale = ""
    suffix = ""

    @classmethod
    def setUpClass(cls):
        office = support.start_office(cls.locale)
        try:
            cls.found = descriptions(office)
        finally:
            office.close()

    def test_every_function_and_argument(self):
        for fn in support.metadata():
            with self.subTest(function=fn["name"]):
                self.assertIn(fn["name"], self.found)
                entry = self.found[fn["name"]]
                self.assertEqual(entry["Description"], wizard_description(fn, self.suffix))
                if fn.get("arg") and fn["name"] != "CPOM_CHECK":
                    self.assertIn(f'CPOM_CHECK("{fn["name"]}"', entry["Description"])
                if fn["returns"] in ("matrix", "table"):
                    self.assertIn(self.array_keys, entry["Description"])
                arguments = entry["Arguments"] or ()
                self.assertEqual(len(arguments), len(fn.get("arg", [])))
                for shown, arg in zip(arguments, fn.get("arg", [])):
                    self.assertEqual(shown.Name, display_name(arg, self.suffix))
                    self.assertNotIn("_", shown.Name)  # "non reconductibles", not an identifier
                    self.assertEqual(shown.Description, arg["help_" + self.suffix])
                    # Calc marks `any` arguments optional; required ones are blocks of cells.
                    self.assertEqual(shown.IsOptional, bool(arg.get("optional") or arg.get("varargs")))


class English(WizardTexts, unittest.TestCase):
    locale = "en-US"
    suffix = "en"
    array_keys = "Ctrl+Shift+Enter"


class French(WizardTexts, unittest.TestCase):
    locale = "fr-FR"
    suffix = "fr"
    array_keys = "Ctrl+Maj+Entrée"

    def test_built_in_functions_are_french_too(self):
        # Proves the office really runs in French (libreoffice-l10n-fr), not that our texts merely match.
        self.assertIn("SOMME", self.found)


if __name__ == "__main__":
    unittest.main()
