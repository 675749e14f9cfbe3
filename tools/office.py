"""A real headless LibreOffice with the built .oxt installed in a throwaway profile, for tests and scripts.

    with Office(oxt_path) as office:          # or Office([oxt_path, other_oxt]): several extensions, same office
        doc = office.new_spreadsheet()

Each Office has its own profile, shared-extension cache and pipe, so runs never interfere; the soffice process is
terminated (then killed) on every exit path. Works as root (extension installed --shared into a private cache, as
unopkg refuses user installs for root) and as an ordinary user (profile initialised first, then unopkg add).

An add-in built with AddressSanitizer (CPOM_SANITIZE_ADDIN, scripts/leak-check.sh) runs in the stock office with
the ASan runtime preloaded: CPOM_OFFICE_PRELOAD=<path of libasan.so> becomes LD_PRELOAD of the office started by
_start (which takes its ASAN_OPTIONS from the environment), not of unopkg, which does not load the add-in and
deadlocks at start with ASan preloaded (LibreOffice 7.4); close() then waits longer for soffice, so that
LeakSanitizer can finish its report at exit instead of being killed.
"""
from __future__ import annotations

import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time
import uuid

import uno  # Debian's python3-uno: run with /usr/bin/python3
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

PROGRAM = pathlib.Path(os.environ.get("CPOM_LO_PROGRAM", "/usr/lib/libreoffice/program"))
START_TIMEOUT = 90  # seconds: a first start with a fresh profile takes about 10 s here
COMMAND_TIMEOUT = 180
PRELOAD = os.environ.get("CPOM_OFFICE_PRELOAD", "")
EXIT_TIMEOUT = 600 if PRELOAD else 30  # seconds from desktop.terminate() to the end of soffice


def props(**values) -> tuple:
    out = []
    for name, value in values.items():
        p = PropertyValue()
        p.Name, p.Value = name, value
        out.append(p)
    return tuple(out)


class Office:
    def __init__(self, oxt: str | os.PathLike | list | tuple | None, locale: str = "en-US", keep_dir: bool = False):
        # One extension (a path) or several (a list of paths), installed in this order.
        paths = list(oxt) if isinstance(oxt, (list, tuple)) else ([oxt] if oxt else [])
        self.oxts = [pathlib.Path(p) for p in paths]
        self.oxt = self.oxts[0] if self.oxts else None  # the first one, for callers that read it
        self.locale = locale
        self.keep_dir = keep_dir
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="cpom-office-"))
        self.profile = self.root / "profile"
        self.shared = self.root / "shared-cache"
        self.pipe = f"cpom_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        self.process: subprocess.Popen | None = None
        self.ctx = None
        self.desktop = None

    # -------------------------------------------------------------- lifecycle
    def env_options(self) -> list[str]:
        return [f"-env:UserInstallation={self.profile.as_uri()}",
                f"-env:UNO_SHARED_PACKAGES_CACHE={self.shared.as_uri()}"]

    def __enter__(self) -> "Office":
        try:
            if self.oxts:
                self._install_extensions()
            self._set_locale_setting()
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self, args: list[str]) -> None:
        result = subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                timeout=COMMAND_TIMEOUT, env=self._env())
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")

    def _env(self, preload: bool = False) -> dict:
        env = dict(os.environ)
        env.setdefault("SAL_USE_VCLPLUGIN", "svp")  # no display needed
        if preload and PRELOAD:
            env["LD_PRELOAD"] = PRELOAD
        # The UI language decides which language of CalcAddIns.xcu the Function Wizard shows; the office takes it
        # from the environment (a French UI needs Debian's libreoffice-l10n-fr).
        # LC_CTYPE must name a locale that exists (C.UTF-8 always does on Debian), or the office reads and writes file
        # names in ASCII when fr_FR.UTF-8 is not generated ("été.ods" cannot be opened); LC_ALL would override it.
        posix = self.locale.replace("-", "_") + ".UTF-8"
        for name in [n for n in env if n.startswith("LC_")]:
            del env[name]
        env.update(LANG=posix, LC_CTYPE="C.UTF-8", LANGUAGE=self.locale.split("-")[0])
        return env

    def _install_extensions(self) -> None:
        unopkg = str(PROGRAM / "unopkg")
        if os.geteuid() == 0:
            # root may only install --shared; a private shared cache keeps it out of the machine's office.
            for oxt in self.oxts:
                self._run([unopkg, "add", "-s", "-f", "--shared", *self.env_options(), str(oxt)])
        else:
            self._run([str(PROGRAM / "soffice"), "--headless", "--terminate_after_init", *self.env_options()])
            for oxt in self.oxts:
                self._run([unopkg, "add", "-s", "-f", *self.env_options(), str(oxt)])

    def _set_locale_setting(self) -> None:
        """Makes the office compute in its locale (number formats, FIXED, TEXT, the decimal separator).

        LibreOffice takes its locale from LC_CTYPE, which _env sets to C.UTF-8 (= en-US) for file names: without
        this setting a French office would write "10,000" and "1.5" into the cached results of the documents it
        saves (issue 18 item 2). The setting Tools ▸ Options ▸ Language ▸ Locale is written into the profile
        before the office starts (it reads it at start)."""
        path = self.profile / "user" / "registrymodifications.xcu"
        item = ('<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
                f'<value>{self.locale}</value></prop></item>')
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            text = re.sub(r'<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale".*?</item>',
                          "", text)
            text = text.replace("</oor:items>", item + "\n</oor:items>")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                    f'{item}\n</oor:items>\n')
        path.write_text(text, encoding="utf-8")

    def _start(self) -> None:
        args = [str(PROGRAM / "soffice"), "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                "--nolockcheck", *self.env_options(), f"--accept=pipe,name={self.pipe};urp;"]
        self.log = open(self.root / "soffice.log", "w")
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
                                        env=self._env(preload=True), start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"soffice exited with {self.process.returncode}: "
                                   f"{(self.root / 'soffice.log').read_text(errors='replace')}")
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline:
                    raise RuntimeError("soffice did not accept connections in time")
                time.sleep(0.2)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def alive(self) -> bool:
        """True while the office process runs and answers."""
        if self.process is None or self.process.poll() is not None:
            return False
        try:
            self.desktop.getComponents()
            return True
        except Exception:
            return False

    def close(self) -> None:
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:
                pass  # the bridge drops as the office exits
            self.desktop = None
        if self.process is not None:
            try:
                self.process.wait(timeout=EXIT_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
            self.process = None
        if getattr(self, "log", None):
            self.log.close()
        if not self.keep_dir:
            shutil.rmtree(self.root, ignore_errors=True)

    # -------------------------------------------------------------- helpers
    def service(self, name: str):
        return self.smgr.createInstanceWithContext(name, self.ctx)

    def new_spreadsheet(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))

    def load(self, path: str | os.PathLike):
        url = pathlib.Path(path).resolve().as_uri()
        return self.desktop.loadComponentFromURL(url, "_blank", 0, props(Hidden=True))

    @staticmethod
    def store(doc, path: str | os.PathLike, filter_name: str) -> None:
        url = pathlib.Path(path).resolve().as_uri()
        doc.storeToURL(url, props(FilterName=filter_name, Overwrite=True))
