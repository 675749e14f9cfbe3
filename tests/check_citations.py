#!/usr/bin/env python3
"""Fails when a file of the project cites a section of the domain reference that does not exist.

Citations are links into docs/domain.md by stable anchor ("docs/domain.md#caf"): every anchor cited anywhere in
the sources (code, metadata, tests, data, docs, templates) must be declared in docs/domain.md as <a id="caf"></a>.
Links to a function of the generated reference ("functions.md#cpom_caf") must name a function of the metadata.
Numbered citations ("domain.md §2.1", "functions.md §4", "§6") are refused: they point to a numbering that the
project does not keep. Inside docs/domain.md, links to its own sections ("](#caf)") must resolve too.

Usage: check_citations.py SOURCE_DIR     (exit 1 and a list of "file:line: problem" on failure)
"""
from __future__ import annotations

import pathlib
import re
import subprocess
import sys
import tomllib

ANCHOR_DECLARATION = re.compile(r'<a id="([A-Za-z0-9_-]+)"></a>')
DOMAIN_LINK = re.compile(r"domain\.md#([A-Za-z0-9_-]+)")
FUNCTIONS_LINK = re.compile(r"functions\.md#([A-Za-z0-9_-]+)")
NUMBERED = re.compile(r"§\s*\d")
# Sections numbered by others are not the project's numbering: an issue's ("issue 12 §3.1", "issues 12 and 18 §1")
# or an external standard's ("ODF 1.2 §19.385").
FOREIGN_NUMBERING = re.compile(
    r"(?:\bissues?\s+\d+(?:\s*§[\d.-]+|\s*(?:,|and|et)\s*\d*)*|\bODF\s+[\d.]+)\s*$", re.I)
INTERNAL_LINK = re.compile(r"\]\(#([A-Za-z0-9_-]+)\)")
BARE_DOMAIN = re.compile(r"domain\.md(?!#)")
SKIPPED_DIRS = {".git", "build", "out", "node_modules", "__pycache__"}


def project_files(root: pathlib.Path) -> list[pathlib.Path]:
    """The files under version control (a fresh checkout's view), else every file outside build folders."""
    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True)
        files = [root / name for name in listed.stdout.decode("utf-8").split("\0") if name]
        untracked = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--others", "--exclude-standard"],
                                   capture_output=True, check=True)
        files += [root / name for name in untracked.stdout.decode("utf-8").split("\0") if name]
        return [f for f in files if f.is_file()]
    except (OSError, subprocess.CalledProcessError):
        return [p for p in root.rglob("*") if p.is_file() and not SKIPPED_DIRS.intersection(p.parts)]


def declared_anchors(domain: pathlib.Path) -> set[str]:
    return set(ANCHOR_DECLARATION.findall(domain.read_text(encoding="utf-8")))


def function_anchors(metadata: pathlib.Path) -> set[str]:
    """GitHub's anchor of each "### CPOM_X" heading of docs/functions.md: the lower-cased name."""
    anchors = set()
    for path in metadata.glob("*.toml"):
        with path.open("rb") as f:
            for fn in tomllib.load(f).get("function", []):
                anchors.add(fn["name"].lower())
    return anchors


def problems(root: pathlib.Path) -> list[str]:
    domain = root / "docs" / "domain.md"
    if not domain.is_file():
        return [f"{domain}: the domain reference is missing"]
    anchors = declared_anchors(domain)
    functions = function_anchors(root / "metadata")
    found = []
    for path in project_files(root):
        if path.name == "check_citations.py":
            continue  # this file describes the forbidden forms
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary files cite nothing
        where = path.relative_to(root)
        for number, line in enumerate(text.splitlines(), start=1):
            for anchor in DOMAIN_LINK.findall(line):
                if anchor not in anchors:
                    found.append(f"{where}:{number}: docs/domain.md has no section #{anchor}")
            if path == domain:
                for anchor in INTERNAL_LINK.findall(line):
                    if anchor not in anchors:
                        found.append(f"{where}:{number}: link to #{anchor}, which this file does not declare")
            for anchor in FUNCTIONS_LINK.findall(line):
                if anchor not in functions:
                    found.append(f"{where}:{number}: docs/functions.md has no function #{anchor}")
            if any(not FOREIGN_NUMBERING.search(line[:m.start()]) for m in NUMBERED.finditer(line)):
                found.append(f"{where}:{number}: numbered citation (§…): cite docs/domain.md#<section> instead")
            if path.suffix != ".md" and BARE_DOMAIN.search(line):
                found.append(f"{where}:{number}: cite a section of docs/domain.md (domain.md#<section>)")
    return found


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    found = problems(root)
    for problem in found:
        print(problem)
    if found:
        print(f"{len(found)} citation(s) do not resolve into docs/domain.md / docs/functions.md", file=sys.stderr)
        return 1
    print(f"every citation resolves ({len(declared_anchors(root / 'docs' / 'domain.md'))} sections declared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
