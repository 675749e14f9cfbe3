"""cpom-run under faults and hostile files (issue 13), in real headless LibreOffice offices: output names that meet
(CSV sheet names, case), a document's outputs all or none, signals at every phase (crash, double Ctrl-C, SIGTERM,
SIGHUP) and the leftovers of dead runs, the user's profile untouched, full disks, hostile data files, broken links,
a newline in a file name, a restart loop, a deadline that passes while the outputs are committed, concurrent runs
into one output folder. Every time: the right exit code and message, the inputs byte for byte unchanged, no lock
file beside them, no office and no temporary file or folder left."""
import fcntl
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

import support
import workbook  # tools/workbook.py
from test_cli import offices_left, snapshot, write_slow_workbook
import test_cli

CPOM_RUN = os.environ.get("CPOM_RUN", "")
RUN_TIMEOUT = 240  # seconds, for one cpom-run

office = None
tmp = None
fixtures = None


def setUpModule():
    global office, tmp, fixtures
    if not CPOM_RUN or not pathlib.Path(CPOM_RUN).is_file():
        raise RuntimeError(f"CPOM_RUN must name the built cpom-run (got {CPOM_RUN!r})")
    office = support.start_office("fr-FR")
    test_cli.office = office  # write_slow_workbook builds in it
    tmp = tempfile.TemporaryDirectory(prefix="cpom-cli-faults-")
    fixtures = pathlib.Path(tmp.name) / "fixtures"
    fixtures.mkdir()
    workbook.build(office, support.SOURCE_DIR / "examples" / "cpom_projection.toml", [fixtures / "projection.ods"])
    write_slow_workbook(fixtures / "lent.ods")
    add_sheets(fixtures / "projection.ods", fixtures / "rep.ods", ["A", "B"])
    add_sheets(fixtures / "projection.ods", fixtures / "budget.ods", ["Budget<2026", "Budget>2026"])


def tearDownModule():
    office.close()
    tmp.cleanup()


def add_sheets(source, target, names):
    doc = office.load(source)
    try:
        for index, name in enumerate(names, start=1):
            doc.Sheets.insertNewByName(name, index)
            doc.Sheets.getByIndex(index).getCellRangeByName("A1").setString(f"feuille {name}")
        office.store(doc, target, "calc8")
    finally:
        doc.close(True)


def age(path, seconds=3600):
    """A dead run's leftover is older than the instant between creating a file and locking it."""
    then = time.time() - seconds
    os.utime(path, (then, then))


class Tmpfs:
    """A small tmpfs mounted for one test (root only): a disk that is full."""

    def __init__(self, path, size="1m"):
        self.path = pathlib.Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.size = size

    def __enter__(self):
        if os.geteuid() != 0:
            raise unittest.SkipTest("needs root to mount a small tmpfs")
        if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.size}", "tmpfs", self.path]).returncode:
            raise unittest.SkipTest("mount refused")
        return self

    def fill(self):
        with open(self.path / "plein.bin", "wb") as f:
            try:
                while True:
                    f.write(b"x" * 65536)
                    f.flush()
            except OSError:
                pass

    def __exit__(self, *exc):
        subprocess.run(["umount", "-l", self.path])


class FaultCase(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="run-", dir=tmp.name))
        self.work = self.dir / "work"  # cpom-run's profiles go here: pgrep finds any office left by its path
        self.work.mkdir()
        self.out = self.dir / "out"
        self.folder = self.dir / "in"
        self.folder.mkdir()

    def inputs(self, **copies):
        """name in the input folder → fixture; returns the folder."""
        for name, fixture in copies.items():
            shutil.copy(fixtures / fixture, self.folder / name)
        return self.folder

    def command(self, *args, work=None, out=None):
        return [CPOM_RUN, *map(str, args), "--work-dir", work or self.work, "-o", out or self.out]

    def run_cli(self, *args, env=None, work=None, out=None):
        return subprocess.run(self.command(*args, work=work, out=out), capture_output=True, text=True,
                              timeout=RUN_TIMEOUT, env=env)

    def start_cli(self, *args, prefix=()):
        return subprocess.Popen([*prefix, *self.command(*args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)

    def wait_for_output(self, process, seconds=120):
        deadline = time.monotonic() + seconds
        while not (self.out.exists() and any(p.suffix == ".ods" for p in self.out.iterdir())):
            self.assertLess(time.monotonic(), deadline, f"no output after {seconds} s")
            self.assertIsNone(process.poll(), "cpom-run ended before it could be interrupted")
            time.sleep(0.05)

    def finish(self, process, timeout=60):
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        return stdout, stderr

    def assert_clean(self, work=None):
        work = work or self.work
        self.assertEqual(offices_left(work), [], "an office outlived cpom-run")
        self.assertEqual(list(work.iterdir()), [], "cpom-run left its work folder")
        if self.out.exists():
            hidden = [p.name for p in self.out.iterdir() if p.name.startswith(".")]
            self.assertEqual(hidden, [], "temporary files left in the output folder")
        locks = [p.name for p in self.folder.iterdir() if p.name.startswith((".~lock", "~$"))]
        self.assertEqual(locks, [], "lock file beside the inputs")


class OutputNames(FaultCase):
    def test_csv_of_a_sheet_meets_another_workbook(self):
        # rep.ods writes rep-A.csv for its sheet A; rep-a.ods (case aside) writes the same name. Today the second
        # silently replaced the first and both were reported ok.
        folder = self.inputs(**{"rep.ods": "rep.ods", "rep-a.ods": "projection.ods", "seul.ods": "projection.ods"})
        before = snapshot(folder)
        result = self.run_cli(folder, "-f", "csv", "-j", "2")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn(f"échec  {folder / 'rep.ods'} : même nom de sortie que {folder / 'rep-a.ods'} : rep-A.csv",
                      result.stdout)
        self.assertIn(f"échec  {folder / 'rep-a.ods'} : même nom de sortie que {folder / 'rep.ods'} : rep-a.csv",
                      result.stdout)
        self.assertEqual(sorted(p.name for p in self.out.iterdir()), ["seul.csv"])  # nothing of rep, nor of rep-a
        self.assertEqual(snapshot(folder), before)
        self.assert_clean()

    def test_two_sheets_that_give_one_file_name(self):
        folder = self.inputs(**{"two.ods": "budget.ods"})
        result = self.run_cli(folder / "two.ods", "-f", "csv")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("les feuilles « Budget<2026 » et « Budget>2026 » donnent le même fichier CSV : "
                      "two-Budget_2026.csv", result.stdout)
        self.assertFalse(self.out.exists() and any(self.out.iterdir()))
        self.assert_clean()

    def test_outputs_of_a_workbook_all_or_none(self):
        # A folder named ws01.pdf in --out: today ws01.ods was replaced, ws01.xlsx stayed old, the PDF failed.
        folder = self.inputs(**{"ws01.ods": "projection.ods"})
        (self.out / "ws01.pdf").mkdir(parents=True)
        (self.out / "ws01.ods").write_text("ancien")
        (self.out / "ws01.xlsx").write_text("ancien")
        result = self.run_cli(folder / "ws01.ods", "-f", "ods,pdf,xlsx")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn(f"un dossier porte déjà le nom du résultat : {self.out / 'ws01.pdf'}", result.stdout)
        self.assertEqual((self.out / "ws01.ods").read_text(), "ancien")
        self.assertEqual((self.out / "ws01.xlsx").read_text(), "ancien")
        self.assert_clean()

    def test_broken_links_in_a_folder_are_failures(self):
        folder = self.inputs(**{"a.ods": "projection.ods"})
        (folder / "casse.ods").symlink_to(self.dir / "parti.ods")
        (folder / "b1.ods").symlink_to(folder / "b2.ods")
        (folder / "b2.ods").symlink_to(folder / "b1.ods")
        result = self.run_cli(folder)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn(f"échec  {folder / 'casse.ods'} : lien cassé", result.stdout)
        self.assertIn(f"échec  {folder / 'b1.ods'} : boucle de liens", result.stdout)
        self.assertIn("4 classeurs : 1 réussi, 3 en échec", result.stdout)
        self.assert_clean()

    def test_newline_in_a_file_name_is_escaped_in_the_summary(self):
        folder = self.inputs(**{"a\nok     faux.ods": "projection.ods"})
        result = self.run_cli(folder)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn(f"ok     {folder}/a\\nok     faux.ods → {self.out}/a\\nok     faux.ods\n", result.stdout)
        self.assertEqual(len(result.stdout.splitlines()), 2)  # one line for the workbook, one for the total
        self.assertTrue((self.out / "a\nok     faux.ods").is_file())
        self.assert_clean()


class Signals(FaultCase):
    def test_crash_of_cpom_run_itself_leaves_nothing(self):
        for crash in (signal.SIGSEGV, signal.SIGABRT):
            with self.subTest(signal=crash.name):
                self.setUp()
                folder = self.inputs(**{f"ws{i:02}.ods": "projection.ods" for i in range(12)})
                before = snapshot(folder)
                process = self.start_cli(folder, "-j", "2", "-f", "ods,pdf,xlsx", "-q")
                self.wait_for_output(process)
                process.send_signal(crash)
                self.finish(process)
                self.assertEqual(process.returncode, -crash)
                self.assert_clean()
                self.assertEqual(snapshot(folder), before)

    def test_double_ctrl_c(self):
        folder = self.inputs(**{f"ws{i:02}.ods": "projection.ods" for i in range(12)})
        process = self.start_cli(folder, "-j", "2", "-f", "ods,pdf")
        self.wait_for_output(process)
        process.send_signal(signal.SIGINT)
        time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        self.finish(process)
        self.assertEqual(process.returncode, 130)
        self.assert_clean()

    def test_sigterm_and_sighup_at_each_phase(self):
        # While the offices start (no output yet), and while documents are computed; inputs never touched, no lock
        # file beside them at any moment.
        for sig in (signal.SIGTERM, signal.SIGHUP):
            for phase in ("start", "compute"):
                with self.subTest(signal=sig.name, phase=phase):
                    self.setUp()
                    folder = self.inputs(**{f"ws{i:02}.ods": "projection.ods" for i in range(8)})
                    before = snapshot(folder)
                    process = self.start_cli(folder, "-j", "2", "-f", "ods,xlsx", "-q")
                    if phase == "start":
                        time.sleep(1.5)
                    else:
                        self.wait_for_output(process)
                    process.send_signal(sig)
                    stdout, _ = self.finish(process)
                    self.assertEqual(process.returncode, 128 + sig, stdout)
                    self.assertIn("interrompu", stdout)
                    self.assert_clean()
                    self.assertEqual(snapshot(folder), before)

    def test_signal_while_a_large_data_file_is_read(self):
        # Reading the data happens before any office starts: a signal there must end the run at once (it waited for
        # the 20 s grace delay, as the reading went on).
        data = self.dir / "enorme.csv"
        with open(data, "w", encoding="utf-8") as f:
            for i in range(3_000_000):
                f.write(f"etab_{i};{i},5\n")
        process = self.start_cli(fixtures / "projection.ods", "--data", data, "-q")
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        start = time.monotonic()
        self.finish(process, timeout=60)
        self.assertLess(time.monotonic() - start, 10, "the signal waited for the end of the reading")
        self.assertEqual(process.returncode, 143)
        self.assert_clean()

    def test_leftovers_of_dead_runs_removed_at_the_next_start(self):
        self.out.mkdir()
        dead_temp = self.out / ".ws06.cpom-Ab12Cd.ods"
        dead_temp.write_bytes(b"PK moitie")
        live_temp = self.out / ".ws07.cpom-Ab12Ce.ods"  # another run, still writing (it holds the lock)
        live_temp.write_bytes(b"PK en cours")
        dead_work = self.work / "cpom-run-AbCdEf"
        (dead_work / "office-0" / "profile").mkdir(parents=True)
        (dead_work / "office-0" / "profile" / "registrymodifications.xcu").write_text("x")
        for path in (dead_temp, live_temp, dead_work):
            age(path)
        folder = self.inputs(**{"a.ods": "projection.ods"})
        with open(live_temp, "rb") as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            result = self.run_cli(folder)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            self.assertTrue(live_temp.exists(), "a live run's temporary was removed")
        live_temp.unlink()
        self.assertFalse(dead_temp.exists())
        self.assertFalse(dead_work.exists())
        self.assert_clean()


class Environment(FaultCase):
    def test_users_profile_untouched(self):
        # unopkg's script runs javaldx without our -env: options: it wrote javasettings_*.xml into the real profile.
        home = self.dir / "home"
        home.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
        env["HOME"] = str(home)
        folder = self.inputs(**{"a.ods": "projection.ods"})
        result = self.run_cli(folder, env=env)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual([str(p.relative_to(home)) for p in home.rglob("*")], [])
        self.assert_clean()

    def test_full_output_disk(self):
        folder = self.inputs(**{"a.ods": "projection.ods"})
        with Tmpfs(self.dir / "petit") as disk:
            disk.fill()
            result = self.run_cli(folder, out=disk.path)
            self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
            self.assertIn(f"échec  {folder / 'a.ods'} : disque plein : 0 Mo libres dans {disk.path}", result.stdout)
            self.assertEqual(sorted(p.name for p in disk.path.iterdir()), ["plein.bin"])
        self.assert_clean()

    def test_full_work_dir(self):
        folder = self.inputs(**{"a.ods": "projection.ods"})
        with Tmpfs(self.dir / "travail") as disk:
            disk.fill()
            result = self.run_cli(folder, work=disk.path)
            self.assertEqual(result.returncode, 3, result.stdout + result.stderr)
            self.assertIn("LibreOffice n'a pas pu démarrer : dossier de travail (--work-dir) : disque plein : 0 Mo "
                          f"libres dans {disk.path}\n", result.stderr)
            self.assertEqual(offices_left(disk.path), [])
            self.assertEqual(sorted(p.name for p in disk.path.iterdir()), ["plein.bin"])


class DataFiles(FaultCase):
    def test_windows_1252_file_starting_with_a_bom(self):
        data = self.dir / "donnees.csv"
        data.write_bytes(b"\xef\xbb\xbfreserves;800 000\n# r\xe9serves r\xe9vis\xe9es\n")
        folder = self.inputs(**{"a.ods": "projection.ods"})
        result = self.run_cli(folder / "a.ods", "--data", data)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        doc = office.load(self.out / "a.ods")
        try:
            self.assertEqual(doc.Sheets.getByName("Projection").getCellRangeByName("B22").getValue(), 5)
        finally:
            doc.close(True)
        self.assert_clean()

    def test_nul_byte_refused_with_its_line(self):
        data = self.dir / "donnees.csv"
        data.write_bytes(b"cap;1 %\nreserves;800\x00000\n")
        result = self.run_cli(fixtures / "projection.ods", "--data", data)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertIn("données : donnees.csv, ligne 2 : caractère nul (octet 0) : ce n'est pas un fichier texte",
                      result.stderr)
        self.assert_clean()


class Deadlines(FaultCase):
    def test_restart_loop_stops_with_a_clear_message(self):
        # --timeout 1: every workbook timed out and the office was restarted for each, with no word of why.
        folder = self.inputs(**{f"lent{i}.ods": "lent.ods" for i in range(8)})
        result = self.run_cli(folder, "-j", "1", "--timeout", "1")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("cpom-run : arrêt : LibreOffice redémarré 3 fois sans qu'aucun classeur n'aboutisse : "
                      "délai --timeout (1 s) trop court, ou classeurs à examiner", result.stderr)
        self.assertEqual(result.stdout.count(": délai dépassé (1 s)"), 3)
        self.assertEqual(result.stdout.count(": non traité : LibreOffice redémarré 3 fois"), 5)
        self.assert_clean()

    def test_timeout_stops_the_reading_of_a_data_file(self):
        # With --template each data file is read within its document's deadline: a 3 000 000-line file (2 to 3 s to
        # read here) under --timeout 1 is abandoned at the deadline. It took hours when the reading was quadratic.
        data = self.dir / "donnees"
        data.mkdir()
        with open(data / "enorme.csv", "w", encoding="utf-8") as f:
            for i in range(3_000_000):
                f.write(f"etab_{i};{i},5\n")
        result = self.run_cli("--template", fixtures / "projection.ods", data, "--timeout", "1", "-q")
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn(f"échec  {data / 'enorme.csv'} : délai dépassé (1 s)", result.stdout)
        self.assert_clean()

    def test_written_outputs_never_reported_as_timed_out(self):
        # The deadline passes while the outputs are being committed (fsync made slow by strace's fault injection):
        # the workbook was reported "délai dépassé" although its outputs were all written.
        if not shutil.which("strace"):
            self.skipTest("strace not installed")
        folder = self.inputs(**{"a.ods": "projection.ods"})
        delay = ["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync",
                 "-e", "inject=fsync:delay_exit=25000000:when=1"]
        process = self.start_cli(folder / "a.ods", "--timeout", "15", "--connect", f"pipe,name={office.pipe}",
                                 prefix=delay)
        stdout, stderr = self.finish(process, timeout=RUN_TIMEOUT)
        written = (self.out / "a.ods").is_file()
        self.assertTrue(written)
        self.assertEqual(process.returncode, 0, stdout + stderr)
        self.assertIn(f"ok     {folder / 'a.ods'} → {self.out / 'a.ods'}", stdout)
        self.assert_clean()


class Concurrent(FaultCase):
    def test_two_runs_into_one_output_folder(self):
        folder = self.inputs(**{f"ws{i:02}.ods": "projection.ods" for i in range(6)})
        before = snapshot(folder)
        other_work = self.dir / "work2"
        other_work.mkdir()
        first = self.start_cli(folder, "-j", "1", "-f", "ods,xlsx", "-q")
        second = subprocess.Popen(self.command(folder, "-j", "1", "-f", "ods,xlsx", "-q", work=other_work),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        locks = set()
        while first.poll() is None or second.poll() is None:  # no lock file beside the inputs at any moment
            locks |= {p.name for p in folder.iterdir() if p.name.startswith((".~lock", "~$"))}
            time.sleep(0.05)
        for process in (first, second):
            stdout, stderr = self.finish(process)
            self.assertEqual(process.returncode, 0, stdout + stderr)
        self.assertEqual(locks, set())
        self.assertEqual(snapshot(folder), before)
        self.assert_clean()
        self.assert_clean(other_work)
        for i in range(6):  # every file whole: it loads, with the figures of the example
            for ext in ("ods", "xlsx"):
                doc = office.load(self.out / f"ws{i:02}.{ext}")
                try:
                    self.assertEqual(doc.Sheets.getByName("Projection").getCellRangeByName("B22").getValue(), 4)
                finally:
                    doc.close(True)


if __name__ == "__main__":
    unittest.main()
