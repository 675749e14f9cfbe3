#!/usr/bin/env python3
"""Joins the lines of each paragraph of a text file (paragraphs are separated by blank lines): the Extension
Manager's licence dialog wraps text itself, and a file wrapped at 120 columns shows ragged half-lines there.
Usage: unwrap_paragraphs.py IN OUT"""
import pathlib
import sys


def unwrap(text: str) -> str:
    paragraphs = [" ".join(line.strip() for line in block.splitlines()) for block in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, target = map(pathlib.Path, sys.argv[1:])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(unwrap(source.read_text(encoding="utf-8")), encoding="utf-8")
