#!/usr/bin/env python3
"""Writes fuzz seeds from the documented examples of metadata/*.toml, so every function of the table (new ones
included) starts its fuzzing from calls that reach deep into it. Encodes the format of fuzz/call_decoder.hpp.

Usage: fuzz_seeds.py METADATA_DIR OUT_DIR        → OUT_DIR/call/<function>-<n>
"""
from __future__ import annotations

import pathlib
import re
import struct
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import generate  # noqa: E402  (the metadata loader: same order as the engine's function table)

BLANK, I32, RAW, TEXT, NAME = 0, 7, 3, 5, 6  # cell tags
OMITTED, SCALAR, BLOCK = 0, 1, 4  # argument shapes


def split_top(text: str, sep: str) -> list[str]:
    """Splits on `sep` outside quotes, braces and parentheses."""
    parts, depth, quoted, current = [], 0, False, ""
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "({":
            depth += 1
        elif not quoted and ch in ")}":
            depth -= 1
        elif not quoted and depth == 0 and ch == sep:
            parts.append(current)
            current = ""
            continue
        current += ch
    parts.append(current)
    return parts


def cell(token: str, names: list[str]) -> bytes:
    token = token.strip()
    if token.startswith('"'):
        text = token[1:-1].replace('""', '"')
        if text in names:
            return bytes([NAME, names.index(text)])
        raw = text.encode()[:31]
        return bytes([TEXT, len(raw)]) + raw
    if token == "":
        return bytes([BLANK])
    x = float(token)
    if x.is_integer() and -2**31 <= x < 2**31:
        return bytes([I32]) + struct.pack("<i", int(x))
    return bytes([RAW]) + struct.pack("<d", x)


def argument(token: str, names: list[str]) -> bytes:
    token = token.strip()
    if token == "":
        return bytes([OMITTED])
    if not token.startswith("{"):
        return bytes([SCALAR]) + cell(token, names)
    rows = [split_top(r, ";") for r in split_top(token[1:-1], "|")]
    cells = [c for r in rows for c in r]
    return bytes([BLOCK, len(rows), len(rows[0]), len(cells) - 1]) + b"".join(cell(c, names) for c in cells)


def call_seed(index: int, fn: dict, formula: str, names: list[str]) -> bytes | None:
    match = re.fullmatch(rf"={fn['name']}\((.*)\)", formula.strip())
    if not match:
        return None  # an example that wraps the call in another formula
    args = split_top(match.group(1), ";") if match.group(1) else []
    try:
        return bytes([index, len(args)]) + b"".join(argument(a, names) for a in args)
    except ValueError:
        return None  # an argument computed by an expression (0.011*100): not a literal cell


def main() -> int:
    metadata, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    functions = generate.all_functions(generate.load(metadata))
    names = [fn["name"] for fn in functions]
    target = out / "call"
    target.mkdir(parents=True, exist_ok=True)
    for index, fn in enumerate(functions):
        seeds = [bytes([index, 0])]  # no argument at all
        seeds += [s for ex in fn["example"] if (s := call_seed(index, fn, ex["formula"], names))]
        for n, seed in enumerate(seeds):
            (target / f"{fn['name'].lower()}-{n}").write_bytes(seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
