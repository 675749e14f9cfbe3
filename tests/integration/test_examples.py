"""Every example of the function reference (metadata/*.toml → docs/functions.md), typed into a cell of a real
headless LibreOffice with the built .oxt installed: good inputs give the documented figures, bad ones the documented
error value, and the office survives them all."""
import unittest

import support

office = None


def setUpModule():
    global office
    # A French office, as the reference is written for: messages name arguments as its Function Wizard does
    # (« fonction », « taux » : issue 18 §3).
    office = support.start_office("fr-FR")


def tearDownModule():
    office.close()


class Examples(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = office.new_spreadsheet()
        cls.sheet = cls.doc.Sheets.getByIndex(0)

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)

    def test_every_example(self):
        examples = support.examples()
        self.assertGreater(len(examples), 10)
        row = 0
        placed = []
        for example in examples:
            result = example.get("result")
            rows, cols = shape(result)
            target = self.sheet.getCellRangeByPosition(0, row, cols - 1, row + rows - 1)
            if example["returns"] in ("matrix", "table") and (rows, cols) != (1, 1):
                target.setArrayFormula(example["formula"])
            else:
                target.getCellByPosition(0, 0).setFormula(example["formula"])
            placed.append((example, target))
            row += rows + 1
        self.doc.calculateAll()
        for example, target in placed:
            with self.subTest(formula=example["formula"]):
                check(self, example, target)
        self.assertTrue(office.alive(), "the office died during the examples")


NOT_AVAILABLE = "#N/A"  # how an example writes a missing figure of a table result


def shape(result):
    if isinstance(result, list):
        return len(result), len(result[0])
    return 1, 1


def check(test, example, target):
    first = target.getCellByPosition(0, 0)
    if "error" in example:
        test.assertEqual(first.getError(), example["error"], f"{first.getString()!r} instead of an error")
        return
    result = example["result"]
    if isinstance(result, str):
        test.assertEqual(first.getError(), 0, first.getString())
        test.assertEqual(first.getString(), result)
        return
    expected = result if isinstance(result, list) else [[result]]
    for r, expected_row in enumerate(expected):
        for c, value in enumerate(expected_row):
            cell = target.getCellByPosition(c, r)
            if value == NOT_AVAILABLE:  # a table's missing figure (CPOM_DOSSIER): Calc's #N/A, error 32767
                test.assertEqual(cell.getError(), 32767, f"cell {r},{c}: {cell.getString()!r} instead of #N/A")
                continue
            test.assertEqual(cell.getError(), 0, f"cell {r},{c}: {cell.getString()}")
            if isinstance(value, str):  # a table's text: a state, a reason
                test.assertEqual(cell.getString(), value, f"cell {r},{c}")
                continue
            test.assertTrue(support.close_enough(cell.getValue(), value),
                            f"cell {r},{c}: {cell.getValue()!r} instead of {value!r}")


if __name__ == "__main__":
    unittest.main()
