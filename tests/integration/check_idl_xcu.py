#!/usr/bin/env python3
"""Checks that the compiled UNO interface (read back from the types rdb) and CalcAddIns.xcu agree: same functions,
same parameters in the same order. Calc silently hides a function whose xcu and IDL disagree."""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

OOR = "{http://openoffice.org/2001/registry}"


def idl_methods(unoidl_read: str, office_rdb: str, rdb: str) -> dict:
    text = subprocess.run([unoidl_read, office_rdb, rdb], check=True, capture_output=True, text=True).stdout
    methods = {}
    for name, params in re.findall(r"\b(cpom\w+)\s*\(([^)]*)\)", text):
        methods[name] = [p.split()[-1] for p in params.split(",") if p.strip()]
    return methods


def xcu_methods(xcu: str) -> dict:
    root = ET.parse(xcu).getroot()
    functions = next(n for n in root.iter("node") if n.get(f"{OOR}name") == "AddInFunctions")
    methods = {}
    for fn in functions.findall("node"):
        params = next((n for n in fn.findall("node") if n.get(f"{OOR}name") == "Parameters"), None)
        methods[fn.get(f"{OOR}name")] = [p.get(f"{OOR}name") for p in (params if params is not None else [])]
    return methods


def main() -> int:
    unoidl_read, office_rdb, rdb, xcu = sys.argv[1:5]
    idl, cfg = idl_methods(unoidl_read, office_rdb, rdb), xcu_methods(xcu)
    problems = []
    for name in sorted(set(idl) | set(cfg)):
        if name not in idl:
            problems.append(f"{name}: in the xcu, not in the IDL")
        elif name not in cfg:
            problems.append(f"{name}: in the IDL, not in the xcu")
        elif idl[name] != cfg[name]:
            problems.append(f"{name}: IDL parameters {idl[name]} but xcu {cfg[name]}")
    if not idl:
        problems.append("no cpom method found in the rdb")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(idl)} methods checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
