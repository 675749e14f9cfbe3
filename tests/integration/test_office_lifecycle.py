"""How the add-in meets a real office beyond the formulas: installed by an ordinary user (not only by root), logging
to its own file at the level asked for, and no soffice process left behind once the office is closed."""
import os
import pathlib
import pwd
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

import support
from office import Office

USER = "cpomtest"


def soffice_processes(profile: pathlib.Path) -> list[str]:
    """Command lines of running processes that use this profile."""
    found = []
    for status in pathlib.Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = status.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(profile) in command:
            found.append(command)
    return found


class Lifecycle(unittest.TestCase):
    def test_logs_to_its_own_file_and_leaves_no_process(self):
        with tempfile.TemporaryDirectory() as tmp:
            log = pathlib.Path(tmp) / "cpom.log"
            os.environ.update(CPOM_CALC_LOG_FILE=str(log), CPOM_CALC_LOG_LEVEL="debug")
            try:
                office = Office(support.OXT).__enter__()
            finally:
                del os.environ["CPOM_CALC_LOG_FILE"], os.environ["CPOM_CALC_LOG_LEVEL"]
            profile = office.profile
            try:
                access = office.service("com.sun.star.sheet.FunctionAccess")
                with self.assertRaises(Exception):
                    access.callFunction("CPOM_PROJECT", (1000.0, 0.02, 31.0))
                self.assertTrue(soffice_processes(profile))
                log_text = (office.root / "soffice.log").read_text(errors="replace")
            finally:
                office.close()
            self.assertEqual(soffice_processes(profile), [], "soffice still running after close")
            self.assertIn("CPOM_PROJECT", log.read_text())
            self.assertIn("years", log.read_text())
            self.assertNotIn("doit être un entier", log_text, "the add-in wrote to soffice's output")

    @unittest.skipUnless(os.geteuid() == 0, "needs root to create the test user")
    def test_an_ordinary_user_installs_and_uses_the_add_in(self):
        try:
            pwd.getpwnam(USER)
        except KeyError:
            subprocess.run(["/usr/sbin/useradd", "--create-home", USER], check=True)
        home = pathlib.Path(pwd.getpwnam(USER).pw_dir)
        work = pathlib.Path(tempfile.mkdtemp(prefix="cpom-user-", dir=home))
        try:
            shutil.copy(support.OXT, work / "cpom.oxt")
            shutil.copy(support.SOURCE_DIR / "tools" / "office.py", work / "office.py")
            (work / "smoke.py").write_text(textwrap.dedent("""
                import sys
                from office import Office
                with Office(sys.argv[1]) as office:
                    access = office.service("com.sun.star.sheet.FunctionAccess")
                    print(access.callFunction("CPOM_PROJECT", (1000.0, 0.1, 2.0)))
            """))
            shutil.chown(work, USER)
            for item in work.iterdir():
                shutil.chown(item, USER)
            result = subprocess.run(["/usr/sbin/runuser", "-u", USER, "--", sys.executable, "smoke.py", "cpom.oxt"], cwd=work,
                                    capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin",
                                                                                      "HOME": str(home)})
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("((1100.0, 1210.0),)", result.stdout)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
