"""cpom-run, the command line, in real headless LibreOffice offices: one workbook filled from a data file and exported
to ODS, CSV, PDF and XLSX (reloaded and compared with the hand computation; the XLSX carries values, not formulas);
a folder of good and bad files (corrupt, text, password-protected, text document, unknown function) with two offices; a template filled
from a folder of data files through an office we started (--connect); a hung workbook stopped by the timeout; Ctrl-C.
Every time: the right exit code, the inputs untouched, no temporary file left, no soffice left (pgrep on the run's
own work folder)."""
import hashlib
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import zipfile

import support
import workbook  # tools/workbook.py
from office import props
from test_example_workbook import CHARGES, CUMULATIVE, ENDOWMENT, GAPS

CPOM_RUN = os.environ.get("CPOM_RUN", "")
RUN_TIMEOUT = 240  # seconds, for one cpom-run

office = None
tmp = None
fixtures = None  # folder of the input files, built once


def setUpModule():
    global office, tmp, fixtures
    if not CPOM_RUN or not pathlib.Path(CPOM_RUN).is_file():
        raise RuntimeError(f"CPOM_RUN must name the built cpom-run (got {CPOM_RUN!r})")
    office = support.start_office("fr-FR")
    tmp = tempfile.TemporaryDirectory(prefix="cpom-cli-test-")
    fixtures = pathlib.Path(tmp.name) / "fixtures"
    fixtures.mkdir()
    source = support.SOURCE_DIR / "examples" / "cpom_projection.toml"
    workbook.build(office, source, [fixtures / "projection.ods", fixtures / "modele.ots"])
    doc = office.load(fixtures / "projection.ods")
    try:
        doc.storeToURL((fixtures / "protege.ods").as_uri(), props(FilterName="calc8", Password="secret", Overwrite=True))
    finally:
        doc.close(True)
    data = (fixtures / "projection.ods").read_bytes()
    (fixtures / "corrompu.ods").write_bytes(data[: len(data) // 2])
    (fixtures / "notes.txt").write_text("Réunion CPOM jeudi.\n", encoding="utf-8")
    write_odt(fixtures / "lettre.odt")
    write_slow_workbook(fixtures / "lent.ods")
    write_formats_workbook(fixtures / "formats.ods")
    doc = office.load(fixtures / "projection.ods")  # three sheets, the last one hidden
    try:
        for index, name in ((1, "Synthèse 2025-26"), (2, "Cachée")):
            doc.Sheets.insertNewByName(name, index)
            doc.Sheets.getByIndex(index).getCellRangeByName("A1").setString(f"feuille {name}")
        doc.Sheets.getByIndex(2).IsVisible = False
        office.store(doc, fixtures / "feuilles.ods", "calc8")
    finally:
        doc.close(True)
    doc = office.new_spreadsheet()  # a misspelt function gives #NAME?, as an office without the add-in would
    try:
        doc.Sheets.getByIndex(0).getCellRangeByName("B3").setFormula("=CPOM_PROJEKT(1000;0.1;3)")
        office.store(doc, fixtures / "faute.ods", "calc8")
    finally:
        doc.close(True)


def tearDownModule():
    office.close()
    tmp.cleanup()


def write_odt(path):
    """A minimal ODF text document (the test machine has no Writer to create one)."""
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:text><text:p>Madame, Monsieur,</text:p></office:text></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)


def write_slow_workbook(path):
    """3 000 cells of about 25 ms each (over a minute): far longer than the test's timeout."""
    doc = office.new_spreadsheet()
    try:
        doc.enableAutomaticCalculation(False)
        sheet = doc.Sheets.getByIndex(0)
        for i in range(3000):
            sheet.getCellByPosition(0, i).setFormula(f"=SUMPRODUCT(ROW($B$1:$B$1000000)*{i + 1})")
        office.store(doc, path, "calc8")
    finally:
        doc.close(True)


def write_formats_workbook(path):
    """Formats shown only through a formula (Calc infers € and dates from =A1*2, =A2+1), an error, an array."""
    from com.sun.star.lang import Locale
    from com.sun.star.util.NumberFormat import CURRENCY, DATE
    doc = office.new_spreadsheet()
    try:
        sheet = doc.Sheets.getByIndex(0)
        french = Locale("fr", "FR", "")
        sheet.getCellRangeByName("A1").setValue(1234.5)
        sheet.getCellRangeByName("A1").NumberFormat = doc.NumberFormats.getStandardFormat(CURRENCY, french)
        sheet.getCellRangeByName("A2").setValue(46000)
        sheet.getCellRangeByName("A2").NumberFormat = doc.NumberFormats.getStandardFormat(DATE, french)
        sheet.getCellRangeByName("B1").setFormula("=A1*2")
        sheet.getCellRangeByName("B2").setFormula("=A2+1")
        sheet.getCellRangeByName("C1").setFormula("=1/0")
        sheet.getCellRangeByName("D1:F1").setArrayFormula("=CPOM_PROJECT(1000;0.1;3)")
        office.store(doc, path, "calc8")
    finally:
        doc.close(True)


def snapshot(folder):
    """Name → SHA-256 of every file: inputs must come out byte for byte identical, with nothing added."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(pathlib.Path(folder).iterdir())}


def offices_left(work):
    result = subprocess.run(["pgrep", "-f", str(work)], capture_output=True, text=True)
    return result.stdout.split()


class CliCase(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="run-", dir=tmp.name))
        self.work = self.dir / "work"  # cpom-run's profiles go here: pgrep finds any office left by its path
        self.work.mkdir()
        self.out = self.dir / "out"

    def inputs(self, *names, folder="in"):
        target = self.dir / folder
        target.mkdir(exist_ok=True)
        for name in names:
            shutil.copy(fixtures / name, target / name)
        return target

    def run_cli(self, *args):
        result = subprocess.run([CPOM_RUN, *map(str, args), "--work-dir", self.work, "-o", self.out],
                                capture_output=True, text=True, timeout=RUN_TIMEOUT)
        return result

    def assert_clean(self):
        self.assertEqual(offices_left(self.work), [], "an office outlived cpom-run")
        self.assertEqual(list(self.work.iterdir()), [], "cpom-run left its work folder")
        if self.out.exists():
            hidden = [p.name for p in self.out.iterdir() if p.name.startswith(".")]
            self.assertEqual(hidden, [], "temporary files left in the output folder")

    def load(self, path):
        doc = office.load(path)
        self.addCleanup(doc.close, True)
        return doc, doc.Sheets.getByName("Projection")

    def assert_row(self, sheet, address, expected):
        values = sheet.getCellRangeByName(address).getDataArray()[0]
        for actual, want in zip(values, expected, strict=True):
            self.assertTrue(support.close_enough(actual, want), f"{address}: {actual} instead of {want}")


class OneWorkbook(CliCase):
    def test_data_file_recalculation_and_every_format(self):
        folder = self.inputs("projection.ods")
        data = self.dir / "donnees.csv"
        # Reserves raised from 450 000 to 800 000: they now last until year 5 (cumulative 758 629 ≤ 800 000).
        data.write_text("# réserves révisées\nreserves;800 000\ncap;1 %\n", encoding="utf-8")
        before = snapshot(folder)
        result = self.run_cli(folder / "projection.ods", "--data", data, "-f", "ods,xlsx,csv,pdf", "-j", "1")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("1 classeur : 1 réussi, 0 en échec", result.stdout)
        self.assertEqual(snapshot(folder), before)
        self.assert_clean()
        self.assertEqual(sorted(p.name for p in self.out.iterdir()),
                         ["projection.csv", "projection.ods", "projection.pdf", "projection.xlsx"])

        # ODS: recalculated with the new reserves, formulas kept.
        doc, sheet = self.load(self.out / "projection.ods")
        self.assertEqual(sheet.getCellRangeByName("B14").getValue(), 800_000)
        self.assertEqual(sheet.getCellRangeByName("B22").getValue(), 5)  # 4 in the input
        self.assertIn("CPOMPROJECT", sheet.getCellRangeByName("C17").getFormula().upper())
        self.assert_row(sheet, "C20:G20", CUMULATIVE)

        # XLSX: the same figures as values (Excel has no add-in), number formats kept.
        doc, sheet = self.load(self.out / "projection.xlsx")
        for address in ("C17", "G20", "B22", "B23", "C8", "B17"):
            self.assertFalse(sheet.getCellRangeByName(address).getFormula().startswith("="), address)
        self.assert_row(sheet, "C17:G17", CHARGES)
        self.assert_row(sheet, "C18:G18", ENDOWMENT)
        self.assert_row(sheet, "C19:G19", GAPS)
        self.assert_row(sheet, "C20:G20", CUMULATIVE)
        self.assertEqual(sheet.getCellRangeByName("B22").getValue(), 5)
        self.assertEqual(sheet.getCellRangeByName("B23").getString(), "Réserves épuisées en année 5 du contrat")
        formats = doc.NumberFormats
        self.assertIn("€", formats.getByKey(sheet.getCellRangeByName("C17").NumberFormat).FormatString)
        self.assertIn("%", formats.getByKey(sheet.getCellRangeByName("C8").NumberFormat).FormatString)
        self.assertEqual(sheet.Charts.getCount(), 1)

        # CSV: « ; », French decimal comma, full precision; PDF: one page.
        csv = (self.out / "projection.csv").read_text(encoding="utf-8").splitlines()
        self.assertIn("Année d'épuisement des réserves;5;;;;;", csv)
        self.assertIn("Écart cumulé (€);;46600;200938;437257,024;758629,136272;1168220,18484362", csv)
        info = subprocess.run(["pdfinfo", self.out / "projection.pdf"], capture_output=True, text=True).stdout
        self.assertRegex(info, r"Pages:\s+1\n")

    def test_usage_errors_start_no_office(self):
        for args, message in [(["--jobs", "0", "x.ods"], "--jobs : au moins 1"),
                              (["--format", "docx", "x.ods"], "format inconnu « docx »"),
                              (["--bavard", "x.ods"], "option inconnue : --bavard"),
                              ([], "aucun fichier ni dossier à traiter")]:
            result = self.run_cli(*args)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(message, result.stderr)
        bad = self.dir / "bad.json"
        bad.write_text('{"reserves": }', encoding="utf-8")
        result = self.run_cli(fixtures / "projection.ods", "--data", bad)
        self.assertEqual(result.returncode, 2)
        self.assertIn("bad.json, ligne 1 : JSON invalide", result.stderr)
        self.assertFalse(self.out.exists() and any(self.out.iterdir()))
        self.assert_clean()


class Folder(CliCase):
    def test_good_and_bad_files_with_two_offices(self):
        folder = self.inputs("projection.ods", "corrompu.ods", "notes.txt", "protege.ods", "lettre.odt", "faute.ods")
        shutil.copy(fixtures / "projection.ods", folder / "étab n°2 #B.ods")  # the office must read UTF-8 names
        before = snapshot(folder)
        result = self.run_cli(folder, "-j", "2", "-f", "ods,xlsx")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        lines = result.stdout.splitlines()

        def line(name):
            return next(l for l in lines if l.split(" ", 1)[-1].strip().startswith(str(folder / name)))

        self.assertTrue(line("projection.ods").startswith("ok "))
        self.assertTrue(line("étab n°2 #B.ods").startswith("ok "))
        self.assertTrue(line("corrompu.ods").endswith(": fichier corrompu ou illisible"))
        self.assertTrue(line("protege.ods").endswith(": protégé par mot de passe"))
        self.assertIn(": pas un classeur", line("notes.txt"))
        self.assertIn(": pas un classeur", line("lettre.odt"))
        self.assertIn(": fonction inconnue (#NOM?) en ", line("faute.ods"))
        self.assertIn("7 classeurs : 2 réussis, 5 en échec", result.stdout)
        self.assertEqual(sorted(p.name for p in self.out.iterdir()),
                         ["projection.ods", "projection.xlsx", "étab n°2 #B.ods", "étab n°2 #B.xlsx"])
        self.assertEqual(snapshot(folder), before)
        self.assert_clean()
        _, sheet = self.load(self.out / "projection.xlsx")
        self.assert_row(sheet, "C20:G20", CUMULATIVE)
        self.assertEqual(sheet.getCellRangeByName("B22").getValue(), 4)

    def test_hung_workbook_is_stopped_and_the_next_one_computed(self):
        folder = self.inputs("lent.ods", "projection.ods")
        # 15 s leaves the good workbook room on a loaded 2-core CI machine.
        result = self.run_cli(folder, "-j", "1", "--timeout", "15")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn(f"{folder / 'lent.ods'} : délai dépassé (15 s)", result.stdout)
        self.assertIn(f"ok     {folder / 'projection.ods'} → {self.out / 'projection.ods'}", result.stdout)
        self.assert_clean()

    def test_ctrl_c_kills_the_offices_and_leaves_no_half_file(self):
        folder = self.inputs("projection.ods")
        for i in range(40):  # far more than can finish before the signal
            shutil.copy(fixtures / "projection.ods", folder / f"etab-{i:02}.ods")
        process = subprocess.Popen([CPOM_RUN, folder, "-j", "2", "-f", "ods,pdf,xlsx", "--work-dir", self.work,
                                    "-o", self.out], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 120
            while not (self.out.exists() and any(p.suffix == ".ods" for p in self.out.iterdir())):
                self.assertLess(time.monotonic(), deadline, "no output after 120 s")
                self.assertIsNone(process.poll(), "cpom-run ended before it could be interrupted")
                time.sleep(0.1)
            self.assertNotEqual(offices_left(self.work), [])
            process.send_signal(signal.SIGINT)
            stdout, _ = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        self.assertEqual(process.returncode, 130, stdout)
        self.assertIn("interrompu", stdout)
        self.assert_clean()
        # Every file present is a whole one: its document is reported done, and it loads.
        done = {pathlib.Path(l.split()[1]).stem for l in stdout.splitlines() if l.startswith("ok ")}
        self.assertEqual({p.stem for p in self.out.iterdir()}, done)
        for stem in done:
            _, sheet = self.load(self.out / f"{stem}.xlsx")
            self.assertEqual(sheet.getCellRangeByName("B22").getValue(), 4)


class RunningOffice(CliCase):
    def test_xlsx_keeps_what_the_cells_showed(self):
        folder = self.inputs("formats.ods")
        result = self.run_cli(folder / "formats.ods", "-f", "xlsx", "--connect", f"pipe,name={office.pipe}")
        self.assertEqual(result.returncode, 4, result.stdout + result.stderr)  # written, with C1 in error
        self.assertIn("Feuille1.C1 #DIV/0!", result.stdout)
        self.assert_clean()
        doc = office.load(self.out / "formats.xlsx")
        self.addCleanup(doc.close, True)
        sheet = doc.Sheets.getByIndex(0)
        cell = sheet.getCellRangeByName
        for address in ("B1", "B2", "D1", "F1"):
            self.assertFalse(cell(address).getFormula().startswith("="), address)
        self.assertEqual(cell("B1").getValue(), 2469)
        self.assertIn("€", doc.NumberFormats.getByKey(cell("B1").NumberFormat).FormatString)
        from com.sun.star.util.NumberFormat import DATE
        self.assertTrue(doc.NumberFormats.getByKey(cell("B2").NumberFormat).Type & DATE)
        self.assertEqual(cell("B2").getValue(), 46001)
        # An error stays an Excel error value (docs/cli.md), the constant formula =#DIV/0!, never a text.
        self.assertEqual((cell("C1").getFormula(), cell("C1").getError()), ("=#DIV/0!", 532))
        for address, value in (("D1", 1100), ("E1", 1210), ("F1", 1331)):
            self.assertTrue(support.close_enough(cell(address).getValue(), value), address)

    def test_chosen_sheets_in_csv_and_pdf(self):
        folder = self.inputs("feuilles.ods")
        result = self.run_cli(folder / "feuilles.ods", "-f", "csv,pdf", "-s", "Synthèse 2025-26", "--sheet", "Cachée",
                              "--connect", f"pipe,name={office.pipe}")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(sorted(p.name for p in self.out.iterdir()),
                         ["feuilles-Cachée.csv", "feuilles-Synthèse 2025-26.csv", "feuilles.pdf"])
        self.assertEqual((self.out / "feuilles-Cachée.csv").read_text(encoding="utf-8"), "feuille Cachée\n")
        text = subprocess.run(["pdftotext", self.out / "feuilles.pdf", "-"], capture_output=True, text=True).stdout
        self.assertIn("feuille Synthèse 2025-26", text)
        self.assertIn("feuille Cachée", text)
        self.assertNotIn("Projection CPOM", text)
        result = self.run_cli(folder / "feuilles.ods", "-f", "csv", "-s", "Absente", "--connect",
                              f"pipe,name={office.pipe}")
        self.assertEqual(result.returncode, 1)
        self.assertIn("feuille introuvable : « Absente »", result.stdout)
        self.assert_clean()

    def test_template_filled_from_each_data_file(self):
        data = self.dir / "donnees"
        data.mkdir()
        (data / "etab-a.csv").write_text("reserves;800 000\n", encoding="cp1252")  # as French Excel writes it
        (data / "etab-b.json").write_text('{"reserves": 2000000, "charges_base": 4100000}', encoding="utf-8")
        (data / "etab-c.csv").write_text("reserve;1\n", encoding="utf-8")
        (data / "lisez-moi.txt").write_text("pas une donnée", encoding="utf-8")
        result = self.run_cli("--template", fixtures / "modele.ots", data, "--connect", f"pipe,name={office.pipe}")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("etab-c.csv : données : nom inconnu dans le classeur : « reserve »", result.stdout)
        self.assertIn("3 classeurs : 2 réussis, 1 en échec", result.stdout)
        self.assertEqual(sorted(p.name for p in self.out.iterdir()), ["etab-a.ods", "etab-b.ods"])
        self.assert_clean()  # before the test opens the outputs (the office puts lock files next to them)
        _, sheet = self.load(self.out / "etab-a.ods")
        self.assertEqual(sheet.getCellRangeByName("B22").getValue(), 5)
        _, sheet = self.load(self.out / "etab-b.ods")
        self.assertEqual(sheet.getCellRangeByName("B17").getValue(), 4_100_000)
        self.assertEqual(sheet.getCellRangeByName("B23").getString(), "Réserves suffisantes sur les 5 ans")
        self.assertTrue(office.alive(), "cpom-run must not stop an office it did not start")


if __name__ == "__main__":
    unittest.main()
