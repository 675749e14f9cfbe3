#!/usr/bin/env python3
"""Other ways of writing the trial-balance case in built-in formulas, timed against the add-in in one office.

The benchmark's built-in side must be the fastest honest formula, or its speed-up means little. This script times
the candidates over the same 100 000-line balance as bench_office.py's "trial balance" case and checks each gives the
add-in's six totals (docs/performance.md):

    /usr/bin/python3 benchmarks/office/trial_balance_variants.py --oxt build/cpom-calc-0.1.0.oxt [--runs 5] [--text-accounts]
"""
from __future__ import annotations

import argparse
import copy
import pathlib
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tools"))
sys.path.insert(0, str(HERE))
import bench_office  # noqa: E402
import cases  # noqa: E402
from fods import ref  # noqa: E402
from office import Office  # noqa: E402

LINES = 100_000
ACCOUNTS, AMOUNTS = ref(0, 0, LINES, 1, "In"), ref(0, 1, LINES, 1, "In")


def quoted(prefixes: list[str]) -> str:
    return ";".join(f'"{p}"' for p in prefixes)


VARIANTS = {  # name → formula of one group total, from the group's two-digit prefixes
    "MATCH on LEFT (the benchmark's)":
        lambda ps: f"of:=SUMPRODUCT(ISNUMBER(MATCH(LEFT({ACCOUNTS};2);{{{quoted(ps)}}};0))*{AMOUNTS})",
    "sum of LEFT comparisons":
        lambda ps: "of:=SUMPRODUCT((" + "+".join(f'(LEFT({ACCOUNTS};2)="{p}")' for p in ps) + f")*{AMOUNTS})",
    "one SUMPRODUCT per prefix":
        lambda ps: "of:=" + "+".join(f'SUMPRODUCT((LEFT({ACCOUNTS};2)="{p}")*{AMOUNTS})' for p in ps),
    "SUMIF with a wildcard":
        lambda ps: "of:=" + "+".join(f'SUMIF({ACCOUNTS};"{p}*";{AMOUNTS})' for p in ps),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--text-accounts", action="store_true", help="account numbers stored as texts")
    opts = parser.parse_args()
    case = cases.trial_balance(LINES, opts.text_accounts)
    with tempfile.TemporaryDirectory() as tmp, Office([opts.oxt]) as office:
        bench = bench_office.Bench(office, opts.runs, pathlib.Path(tmp))
        addin = bench.load(case.addin, "addin")
        docs = {}
        for name, formula in VARIANTS.items():
            book = copy.deepcopy(case.builtin)
            out = next(sheet for sheet in book.sheets if sheet.name == "Out")
            out.cells.clear()
            for row, prefixes in enumerate(cases.GROUPS.values()):
                out.formula(row, 0, formula(prefixes))
            docs[name] = bench.load(book, f"variant{len(docs)}")
        addin_ms, *variant_ms = bench.medians_ms(addin, *docs.values())
        print(f"| formula | six totals, median of {opts.runs} | same totals as the add-in |\n|---|---|---|")
        print(f"| add-in: one CPOM_GROUP call | {addin_ms:.1f} ms | — |")
        for (name, doc), ms in zip(docs.items(), variant_ms):
            print(f"| {name} | {ms:.1f} ms | {bench_office.agreement(case, addin, doc)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
