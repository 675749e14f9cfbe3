"""cpom-run on workbooks sent by someone else (docs/cli.md, « Classeurs reçus d'autres organismes »): hostile ODS and
XLSX files built by the test (hostile.py) with linked pictures and OLE objects (http and file://), macros bound to
every document and sheet event, a Python script, WEBSERVICE, FILTERXML, external references, DDE, INDIRECT of an
external reference, an area link, a linked sheet, XLSX external links. Whatever the output format: no request
reaches the listener on 127.0.0.1, no marker file appears, no content of the secret files is in any output (PDF
text and pictures, every member of the ODS and XLSX packages, CSV), the outputs carry no macro, script, event
binding or external link, and the summary names what was left out."""
import os
import pathlib
import subprocess
import tempfile
import time
import unittest
import zipfile

import hostile
import support
from hostile import MARKER
from office import props

CPOM_RUN = os.environ.get("CPOM_RUN", "")
RUN_TIMEOUT = 240

office = None
tmp = None
listener = None
secrets = None


def setUpModule():
    global office, tmp, listener, secrets
    if not CPOM_RUN or not pathlib.Path(CPOM_RUN).is_file():
        raise RuntimeError(f"CPOM_RUN must name the built cpom-run (got {CPOM_RUN!r})")
    office = support.start_office("fr-FR")
    tmp = tempfile.TemporaryDirectory(prefix="cpom-untrusted-test-")
    listener = hostile.Listener()
    secrets = hostile.Secrets(office, pathlib.Path(tmp.name))


def tearDownModule():
    listener.stop()
    office.close()
    tmp.cleanup()


def package_members(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


class Untrusted(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="run-", dir=tmp.name))
        self.marker = self.dir / "marqueur"  # the macros and scripts would create it (and marqueur-shell…)
        self.out = self.dir / "out"
        self.work = self.dir / "work"
        self.work.mkdir()

    def build(self, kind, **options):
        path = self.dir / f"hostile.{kind}"
        builder = hostile.hostile_ods if kind == "ods" else hostile.hostile_xlsx
        builder(office, path, secrets, listener, self.marker, **options)
        listener.clear()  # the office of the test fetched what it was given while building
        return path

    def run_cli(self, *args):
        # The hostile workbooks hold formulas that must stay in error (external references, WEBSERVICE): what is
        # checked here is what leaks, so cells in error do not change the exit code.
        return subprocess.run([CPOM_RUN, *map(str, args), "--allow-errors", "--work-dir", self.work, "-o", self.out,
                               "-j", "1"],
                              capture_output=True, text=True, timeout=RUN_TIMEOUT)

    def assert_nothing_leaked(self):
        with self.subTest("1. no request"):
            self.assertEqual(listener.requests, [], "a request reached the listener")
        with self.subTest("no code run"):
            made = [p.name for p in self.dir.iterdir() if p.name.startswith("marqueur")]
            self.assertEqual(made, [], "a macro or script ran")
        with self.subTest("2. no local file in the outputs"):
            self.assert_no_secret_in_outputs()

    def assert_no_secret_in_outputs(self):
        secret_bytes = [MARKER.encode(), b"424242", str(secrets.folder).encode(),
                        f"127.0.0.1:{listener.port}".encode()]
        for output in self.out.iterdir():
            if output.suffix in (".ods", ".xlsx"):
                for name, data in package_members(output).items():
                    for secret in secret_bytes:
                        self.assertNotIn(secret, data, f"{output.name}: {name}")
            elif output.suffix == ".pdf":
                text = subprocess.run(["pdftotext", output, "-"], capture_output=True, text=True).stdout
                self.assertNotIn(MARKER, text)
                self.assertNotIn("424242", text)
                pictures = subprocess.run(["pdfimages", "-list", output], capture_output=True, text=True).stdout
                self.assertEqual(pictures.splitlines()[2:], [], "a picture reached the PDF")
            else:
                data = output.read_bytes()
                for secret in secret_bytes:
                    self.assertNotIn(secret, data, output.name)

    def assert_no_active_content(self, ods=None, xlsx=None):
        with self.subTest("3. no active content in the outputs"):
            self.assert_outputs_inert(ods, xlsx)

    def assert_outputs_inert(self, ods, xlsx):
        if ods:
            members = package_members(ods)
            names = list(members)
            self.assertFalse([n for n in names if n.startswith(("Basic/", "Scripts/", "Dialogs/"))], names)
            for name, data in members.items():
                if name.endswith(".xml"):
                    for active in (b"event-listener", b"vnd.sun.star.script", b"table:table-source",
                                   b"table:cell-range-source", b"table:dde-link", b"file://", b"http://127."):
                        self.assertNotIn(active, data, f"{name} keeps {active}")
        if xlsx:
            members = package_members(xlsx)
            names = list(members)
            self.assertFalse([n for n in names if "externalLink" in n or "vbaProject" in n or "embeddings" in n],
                             names)
            for name, data in members.items():
                self.assertNotIn(b'TargetMode="External"', data, name)
                self.assertNotIn(b"WEBSERVICE", data.upper(), name)

    def test_fixtures_are_live(self):
        """Control: an office opening the hostile files as a user would fetches the links and runs the macros; the
        same files must have no such effect through cpom-run. (An office of its own: LibreOffice 7.4 may crash
        closing the hostile XLSX.)"""
        ods, xlsx = self.build("ods"), self.build("xlsx")
        from com.sun.star.document.MacroExecMode import ALWAYS_EXECUTE_NO_WARN
        for path, expected in ((ods, ["/image.png", "/objet-ole.ods"]), (xlsx, ["/image-xlsx.png"])):
            control = support.start_office("fr-FR")  # one per file: a hostile file may crash it
            try:
                listener.clear()
                control.desktop.loadComponentFromURL(
                    path.as_uri(), "_blank", 0, props(Hidden=True, MacroExecutionMode=ALWAYS_EXECUTE_NO_WARN))
                fetched = " ".join(listener.requests)
                for request in expected:
                    self.assertIn(request, fetched, path.name)
                if path == ods:
                    self.assertTrue(self.marker.exists(), "the macro of the hostile file did not run")
            finally:
                control.close()
                listener.clear()
        for made in self.dir.glob("marqueur*"):
            made.unlink()

    def test_hostile_ods_in_every_format(self):
        path = self.build("ods")
        result = self.run_cli(path, "-f", "ods,pdf,csv,xlsx")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assert_nothing_leaked()
        self.assert_no_active_content(ods=self.out / "hostile.ods", xlsx=self.out / "hostile.xlsx")
        report = result.stdout
        print(report)
        self.assertIn(f"image liée non chargée : « {listener.url('image.png')} »", report)
        self.assertIn(f"objet OLE lié non chargé : « {listener.url('objet-ole.ods')} »", report)
        self.assertIn(f"image liée non chargée : « {secrets.url('secret.svg')} »", report)
        self.assertIn("macros retirées", report)
        self.assertIn("valeur de lien externe non mise à jour : Feuille1.B3", report)
        self.assertIn("valeur de lien externe non mise à jour : Feuille1.B4", report)
        # The cached values of the hostile file are what the outputs show (they were never refreshed).
        doc = office.load(self.out / "hostile.ods")
        try:
            sheet = doc.Sheets.getByName("Feuille1")
            self.assertEqual(sheet.getCellRangeByName("B3").getValue(), hostile.DECOY_NUMBER)
            self.assertEqual(sheet.getCellRangeByName("B3").getFormula(), str(hostile.DECOY_NUMBER))
        finally:
            doc.close(True)

    def test_hostile_xlsx_in_every_format(self):
        path = self.build("xlsx")
        result = self.run_cli(path, "-f", "ods,pdf,csv,xlsx")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assert_nothing_leaked()
        self.assert_no_active_content(ods=self.out / "hostile.ods", xlsx=self.out / "hostile.xlsx")
        report = result.stdout
        self.assertIn(f"image liée non chargée : « {listener.url('image-xlsx.png')} »", report)
        self.assertIn(f"image liée non chargée : « {secrets.url('secret.png')} »", report)
        self.assertIn(f"objet OLE lié non chargé : « {listener.url('objet-ole.xlsx')} »", report)
        self.assertIn("valeur de lien externe non mise à jour : Feuille1.B3", report)

    def test_keep_active_content_for_own_files(self):
        """The documented way back for a user's own files: links loaded, macros and links kept in the ODS."""
        path = self.build("ods", links=False)
        result = self.run_cli(path, "-f", "ods", "--keep-active-content")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        members = package_members(self.out / "hostile.ods")
        self.assertIn("Basic/Standard/Module1.xml", members)
        self.assertIn(b"event-listener", members["content.xml"])
        made = [p.name for p in self.dir.iterdir() if p.name.startswith("marqueur")]
        self.assertEqual(made, [], "a macro ran")
        listener.clear()

    def test_reference_built_at_run_time_is_refused(self):
        """INDIRECT of a text made by pieces: no static check sees it, and LibreOffice 7.4 follows it in an XLSX.
        The workbook fails before any export."""
        doc = office.new_spreadsheet()
        try:
            url = secrets.url("secret.ods")
            head, tail = url.split(":", 1)
            doc.Sheets.getByIndex(0).getCellRangeByName("A1").setFormula(
                f'=INDIRECT("\'{head}"&":{tail}\'"&"#$Feuille1.A2")')
            office.store(doc, self.dir / "indirect.xlsx", "Calc MS Excel 2007 XML")
        finally:
            doc.close(True)
        result = self.run_cli(self.dir / "indirect.xlsx", "-f", "ods,pdf,xlsx")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("classeur refusé : une formule lit un autre fichier (« " + url, result.stdout)
        self.assertFalse(self.out.exists() and any(self.out.iterdir()))

    def test_offices_run_without_network(self):
        """Defence in depth: the office cpom-run starts is in a network namespace of its own, with only a loopback."""
        process = subprocess.Popen([CPOM_RUN, secrets.decoys / "secret.ods", "-f", "pdf", "-j", "1", "--work-dir",
                                    self.work, "-o", self.out], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seen = None
        try:
            deadline = time.monotonic() + 120
            while seen is None and process.poll() is None and time.monotonic() < deadline:
                found = subprocess.run(["pgrep", "-f", f"soffice.bin.*{self.work}"], capture_output=True, text=True)
                for pid in found.stdout.split():
                    try:
                        seen = (os.readlink(f"/proc/{pid}/ns/net"),
                                pathlib.Path(f"/proc/{pid}/net/dev").read_text().splitlines()[2:])
                    except OSError:
                        continue  # gone in between
                time.sleep(0.1)
        finally:
            stdout, stderr = process.communicate(timeout=RUN_TIMEOUT)
        self.assertEqual(process.returncode, 0, stdout + stderr)
        self.assertIsNotNone(seen, "no office seen while cpom-run ran")
        namespace, interfaces = seen
        self.assertNotEqual(namespace, os.readlink("/proc/self/ns/net"))
        self.assertEqual([line.split(":")[0].strip() for line in interfaces], ["lo"])

    def test_links_alone_in_pdf(self):
        """The links are fetched at load, whatever the output: PDF alone, a workbook without macros."""
        path = self.build("ods")
        result = self.run_cli(path, "-f", "pdf")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assert_nothing_leaked()


if __name__ == "__main__":
    unittest.main()
