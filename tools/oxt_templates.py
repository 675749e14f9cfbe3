"""The Calc templates shipped inside a built extension (.oxt), extracted to a folder: what a user gets through
File ▸ New ▸ Templates, for tests and benchmarks."""
from __future__ import annotations

import os
import pathlib
import zipfile


def extract_templates(oxt: str | os.PathLike, folder: pathlib.Path) -> dict[str, pathlib.Path]:
    """The .ots files of the extension written into `folder`, by file stem ("eprd": folder/eprd.ots)."""
    found = {}
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(oxt) as package:
        for name in package.namelist():
            if name.startswith("templates/") and name.endswith(".ots"):
                target = folder / pathlib.Path(name).name
                target.write_bytes(package.read(name))
                found[target.stem] = target
    return found
