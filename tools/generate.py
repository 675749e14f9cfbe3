#!/usr/bin/env python3
"""Generates everything that describes the add-in's functions from metadata/*.toml, the single source of truth:

  idl     <out>/idl/org/cpom/calc/XCpomFunctions.idl     UNO interface (method and parameter names)
  xcu     <out>/CalcAddIns.xcu                            Function Wizard names and help, fr-FR and en-US
  cpp     <out>/cpp/function_table.cpp                    the engine's function table (names, kinds, blanks, labels)
          <out>/cpp/function_arguments.hpp                one struct of named, typed argument accessors per function
          <out>/cpp/adapters.hpp, generated_adapters.cpp  the adapters: declared, or generated (`engine = ...`)
          <out>/include/cpom/role.hpp                     Role: every argument name, for the engine's errors
          <out>/cpp/addin_methods.hpp, addin_methods.inc  the UNO methods of the component
  docs    docs/functions.md                               the function reference (with --check: fail if stale)

Usage: generate.py METADATA_DIR --out DIR | --docs FILE [--check]
"""
from __future__ import annotations

import argparse
import html
import json
import pathlib
import re
import sys
import tomllib

SERVICE = "org.cpom.calc.Functions"
INTERFACE = "XCpomFunctions"
MODULE = ["org", "cpom", "calc"]
# Calc has no custom categories (CalcAddIns' CategoryDisplayName is ignored by LibreOffice 7.4): "Add-In" groups
# every CPOM_ function together; the French interface calls it « Extension », shared with BESSELI, DECBIN…
CATEGORY = "Add-In"

KINDS = {  # kind → French wording for the docs
    "number": "nombre",
    "integer": "entier",
    "text": "texte",
    "row": "ligne par année : 1 valeur, 1×N, N×1 ou K×N",
    "rows": "lignes de données : 1×N, N×1 ou K×N",
    "column": "1 valeur ou une colonne de K valeurs",
    "range": "plage",
    "any": "valeur ou plage",
}
BLANKS = {
    "error": "cellule vide = erreur (jamais lue comme 0)",
    "zero": "cellule vide = 0",
    "skip": "cellules vides ignorées",
}
# "table": a block of mixed cells (numbers, texts, #N/A), for functions whose rows stand on their own: a bad row
# carries its reason in its own row instead of failing the whole call (CPOM_DOSSIER).
RETURNS = {"number": "double", "text": "string", "matrix": "sequence< sequence< double > >",
           "table": "sequence< sequence< any > >"}
RETURNS_CPP = {
    "number": "double",
    "text": "::rtl::OUString",
    "matrix": "css::uno::Sequence< css::uno::Sequence< double > >",
    "table": "css::uno::Sequence< css::uno::Sequence< css::uno::Any > >",
}
RETURN_KIND_CPP = {"number": "Number", "text": "Text", "matrix": "Matrix", "table": "Table"}
MULTI_CELL = ("matrix", "table")  # results entered as an array formula
RESERVED = {  # UNO IDL and C++ keywords that cannot name a parameter
    "any", "attribute", "boolean", "bound", "byte", "char", "const", "constants", "constrained", "default",
    "double", "enum", "exception", "false", "float", "get", "hyper", "in", "inout", "interface", "long",
    "maybeambiguous", "maybedefault", "maybevoid", "module", "new", "oneway", "optional", "out", "property",
    "published", "raises", "readonly", "removable", "sequence", "service", "set", "short", "singleton",
    "string", "struct", "transient", "true", "type", "typedef", "unsigned", "void", "delete", "class",
    "int", "operator", "private", "public", "register", "switch", "template", "this", "union", "using",
}


class MetadataError(Exception):
    pass


def method_name(function_name: str) -> str:
    """CPOM_CAF_BALANCE → cpomCafBalance. Documents store this name: it is a permanent interface."""
    parts = function_name.lower().split("_")
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def uno_name(arg_name: str) -> str:
    """one_off → oneOff: UNO IDL identifiers cannot hold underscores; the xcu must use the same name."""
    parts = arg_name.split("_")
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def display_name(arg: dict, lang: str) -> str:
    """The argument's name as the Function Wizard shows it: "non_reconductibles" → "non reconductibles".
    Calc shows display names verbatim (built-in functions have "Nombre 1"), so an identifier's underscore is
    only noise there; the metadata keeps one spelling, every generated text uses this one."""
    return arg["display_" + lang].replace("_", " ")


# Sentences the Function Wizard adds to every function's description (fr, en): where its errors are explained,
# and how a result of several cells is entered. Generated, so that no function can miss them.
CHECK_HINT = {
    "fr": "Si la cellule affiche une erreur (Err:502…), =CPOM_CHECK(\"{name}\"; mêmes arguments) en donne la "
          "raison en français.",
    "en": "If the cell shows an error (Err:502…), =CPOM_CHECK(\"{name}\"; same arguments) gives the reason "
          "(in French).",
}
ARRAY_HINT = {
    "fr": "Résultat sur plusieurs cellules : sélectionner la plage puis valider avec Ctrl+Maj+Entrée (ou cocher "
          "« Matrice » dans l'assistant) ; avec Entrée seule, la cellule n'affiche que la première valeur.",
    "en": "Result over several cells: select the range and press Ctrl+Shift+Enter (or tick “Array” in the "
          "wizard); with Enter alone the cell shows only the first value.",
}
# For functions with this argument (engine/src/calls/projection_calls.cpp): one year's value in an ordinary cell.
YEAR_ARGUMENT = "which_year"
YEAR_HINT = {
    "fr": "Une seule année dans une cellule ordinaire : argument « {year} ».",
    "en": "One year in an ordinary cell: argument “{year}”.",
}
# For the other functions of several cells: Calc's INDEX picks one value of the block.
INDEX_HINT = {
    "fr": "Une seule valeur dans une cellule ordinaire : =INDEX({name}(…); ligne; colonne).",
    "en": "One value in an ordinary cell: =INDEX({name}(…); row; column).",
}


def wizard_description(fn: dict, lang: str) -> str:
    """The function's description in the Function Wizard: its summary, then the generated hints."""
    args = fn.get("arg", [])  # also called on raw metadata (tests)
    parts = [fn["summary_" + lang]]
    if fn["returns"] in MULTI_CELL:
        parts.append(ARRAY_HINT[lang])
        year = next((a for a in args if a["name"] == YEAR_ARGUMENT), None)
        parts.append(YEAR_HINT[lang].format(year=display_name(year, lang)) if year
                     else INDEX_HINT[lang].format(name=fn["name"]))
    if args and fn["name"] != "CPOM_CHECK":
        parts.append(CHECK_HINT[lang].format(name=fn["name"]))
    return " ".join(parts)


def load(metadata_dir: pathlib.Path) -> list[dict]:
    """Reads every metadata file, checks it, returns the domains sorted by their `order`."""
    domains = []
    for path in sorted(metadata_dir.glob("*.toml")):
        with path.open("rb") as f:
            domain = tomllib.load(f)
        domain["file"] = path.name
        domains.append(domain)
    domains.sort(key=lambda d: d.get("order", 50))
    seen = set()
    for domain in domains:
        check_keys({k: v for k, v in domain.items() if k != "file"}, DOMAIN_KEYS, domain["file"])
        for key in ("title_fr", "title_en"):
            if not domain.get(key):
                raise MetadataError(f"{domain['file']}: {key} missing")
        for fn in domain.get("function", []):
            validate_function(fn, domain["file"], seen)
    return domains


# Every key the metadata may use: an unknown or misspelt key is an error, never silently ignored.
DOMAIN_KEYS = {"order", "title_fr", "title_en", "preamble_fr", "function"}
FUNCTION_KEYS = {"name", "returns", "summary_fr", "summary_en", "formula_fr", "notes_fr", "engine", "arg", "example"}
ARG_KEYS = {"name", "kind", "optional", "varargs", "blank", "display_fr", "display_en", "help_fr", "help_en",
            "min", "max", "default"}
EXAMPLE_KEYS = {"formula", "result", "error", "note_fr"}
SCALAR_KINDS = ("number", "integer", "text")  # one cell; the others are ranges


def check_keys(table: dict, allowed: set, where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise MetadataError(f"{where}: unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})")


def validate_function(fn: dict, file: str, seen: set) -> None:
    name = fn.get("name", "")
    where = f"{file}: {name or '?'}"
    check_keys(fn, FUNCTION_KEYS, where)
    if not re.fullmatch(r"CPOM_[A-Z0-9_]+", name):
        raise MetadataError(f"{where}: a function name is CPOM_ followed by capitals")
    if name in seen:
        raise MetadataError(f"{where}: declared twice")
    seen.add(name)
    if fn.get("returns") not in RETURNS:
        raise MetadataError(f"{where}: returns must be one of {sorted(RETURNS)}")
    for key in ("summary_fr", "summary_en"):
        if not fn.get(key):
            raise MetadataError(f"{where}: {key} missing")
    fn.setdefault("arg", [])
    optional_seen = False
    for i, arg in enumerate(fn["arg"]):
        a = f"{where}, argument {arg.get('name', i + 1)}"
        check_keys(arg, ARG_KEYS, a)
        if not re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", arg.get("name", "")) or uno_name(arg["name"]) in RESERVED:
            raise MetadataError(f"{a}: name must be a lower-case identifier and not a keyword")
        for key in ("display_fr", "display_en", "help_fr", "help_en"):
            if not arg.get(key):
                raise MetadataError(f"{a}: {key} missing")
        if arg.get("kind") not in KINDS:
            raise MetadataError(f"{a}: kind must be one of {sorted(KINDS)}")
        arg.setdefault("optional", False)
        arg.setdefault("varargs", False)
        arg.setdefault("blank", "error")
        if arg["blank"] not in BLANKS:
            raise MetadataError(f"{a}: blank must be one of {sorted(BLANKS)}")
        if arg["varargs"] and i != len(fn["arg"]) - 1:
            raise MetadataError(f"{a}: only the last argument can repeat")
        if arg["optional"]:
            optional_seen = True
        elif optional_seen and not arg["varargs"]:
            raise MetadataError(f"{a}: a required argument cannot follow an optional one")
        for key in ("min", "max"):
            if key in arg and (arg["kind"] != "integer" or not isinstance(arg[key], int)):
                raise MetadataError(f"{a}: {key} is a whole number, for an argument of kind integer")
        if "default" in arg and (not arg["optional"] or arg["kind"] not in ("number", "integer")
                                 or not isinstance(arg["default"], (int, float))):
            raise MetadataError(f"{a}: default is the number an optional number or integer takes when omitted")
    if "engine" in fn:
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", fn["engine"]):
            raise MetadataError(f"{where}: engine names a function of namespace cpom, e.g. \"turnover\"")
        plain = [x for x in fn["arg"] if x["kind"] not in SCALAR_KINDS or x["varargs"]]
        if plain:
            raise MetadataError(f"{where}: engine = ... generates the adapter of a function of plain values only; "
                                f"{plain[0]['name']} is a {plain[0]['kind']}: write its adapter")
    fn.setdefault("example", [])
    if not any("result" in ex for ex in fn["example"]):
        raise MetadataError(f"{where}: at least one example with its result is needed (the docs and tests use it)")
    for ex in fn["example"]:
        check_keys(ex, EXAMPLE_KEYS, f"{where}, example {ex.get('formula', '?')}")
        if ("result" in ex) == ("error" in ex):
            raise MetadataError(f"{where}: an example has either a result or an error")


def all_functions(domains: list[dict]) -> list[dict]:
    return [fn for d in domains for fn in d.get("function", [])]


# ---------------------------------------------------------------- IDL

def idl_param(arg: dict) -> str:
    if arg["varargs"]:
        return f"[in] sequence< any > {uno_name(arg['name'])}"
    if arg["optional"]:
        return f"[in] any {uno_name(arg['name'])}"
    return f"[in] sequence< sequence< any > > {uno_name(arg['name'])}"


def generate_idl(domains: list[dict]) -> str:
    lines = [
        "// Generated by tools/generate.py from metadata/*.toml: do not edit.",
        "#include <com/sun/star/uno/XInterface.idl>",
        "",
        " ".join(f"module {m} {{" for m in MODULE),
        "",
        "// Every argument arrives as cells (any) so that text and blank cells can be told apart and reported.",
        f"interface {INTERFACE} : com::sun::star::uno::XInterface",
        "{",
    ]
    for fn in all_functions(domains):
        params = ", ".join(idl_param(a) for a in fn["arg"])
        lines.append(f"    {RETURNS[fn['returns']]} {method_name(fn['name'])}({params});")
    lines += ["};", "", " ".join("};" for _ in MODULE), ""]
    return "\n".join(lines)


# ---------------------------------------------------------------- XCU

def xml(text: str) -> str:
    return html.escape(text, quote=False)


def localized(prop: str, fr: str, en: str, indent: str) -> list[str]:
    return [
        f'{indent}<prop oor:name="{prop}">',
        f'{indent}  <value xml:lang="en-US">{xml(en)}</value>',
        f'{indent}  <value xml:lang="fr-FR">{xml(fr)}</value>',
        f"{indent}</prop>",
    ]


def generate_xcu(domains: list[dict]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- Generated by tools/generate.py from metadata/*.toml: do not edit. -->",
        '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="CalcAddIns" oor:package="org.openoffice.Office">',
        '  <node oor:name="AddInInfo">',
        f'    <node oor:name="{SERVICE}" oor:op="replace">',
        '      <node oor:name="AddInFunctions">',
    ]
    for fn in all_functions(domains):
        i = "          "
        out.append(f'        <node oor:name="{method_name(fn["name"])}" oor:op="replace">')
        out += localized("DisplayName", fn["name"], fn["name"], i)
        out += localized("Description", wizard_description(fn, "fr"), wizard_description(fn, "en"), i)
        out += [f'{i}<prop oor:name="Category"><value>{CATEGORY}</value></prop>',
                f'{i}<prop oor:name="CompatibilityName"><value xml:lang="en-US">{fn["name"]}</value></prop>',
                f'{i}<node oor:name="Parameters">']
        for arg in fn["arg"]:
            out.append(f'{i}  <node oor:name="{uno_name(arg["name"])}" oor:op="replace">')
            out += localized("DisplayName", display_name(arg, "fr"), display_name(arg, "en"), i + "    ")
            out += localized("Description", arg["help_fr"], arg["help_en"], i + "    ")
            out.append(f"{i}  </node>")
        out += [f"{i}</node>", "        </node>"]
    out += ["      </node>", "    </node>", "  </node>", "</oor:component-data>", ""]
    return "\n".join(out)


# ---------------------------------------------------------------- C++
# The binding, gensrc-style: each function's arguments become named, typed accessors (args.rates.grid()), their
# metadata (kind, blank rule, display names, bounds, default) a table the accessors read; a function of plain values
# with `engine = "f"` gets its whole adapter generated: cpom::f(each argument read by its kind).

def cpp_adapter(fn: dict) -> str:
    return fn["name"].lower()


def cpp_struct(fn: dict) -> str:
    """CPOM_CAF_BALANCE → CpomCafBalanceArgs: the struct of the function's argument accessors."""
    return "".join(p.capitalize() for p in fn["name"].lower().split("_")) + "Args"


def all_roles(domains: list[dict]) -> list[str]:
    """Every argument name, once: the engine's roles (cpom/role.hpp)."""
    return sorted({a["name"] for fn in all_functions(domains) for a in fn["arg"]})


ACCESSOR_KINDS = {"row": "RowArg", "rows": "RowsArg", "column": "ColumnArg", "range": "RangeArg", "any": "AnyArg"}


def accessor_class(arg: dict) -> str:
    """The typed accessor of an argument (engine/include/cpom/calls/argument.hpp): what it can be read as."""
    if arg["varargs"]:
        return "RepeatedArg"
    kind = arg["kind"]
    if kind in SCALAR_KINDS:
        base = {"number": "Number", "integer": "Integer", "text": "Text"}[kind]
        if not arg["optional"]:
            return base + "Arg"
        return ("Defaulted" if "default" in arg else "Optional") + base + "Arg"
    return ACCESSOR_KINDS[kind]


def generate_role_header(domains: list[dict]) -> str:
    lines = [
        "// Generated by tools/generate.py from metadata/*.toml: do not edit.",
        "// What an input is to the engine, in the metadata's words: every argument name of metadata/*.toml, once. The",
        "// engine throws ArgumentError(Role::rates, reason); the call layer names the argument of that role of the",
        "// function called, as the user's Function Wizard shows it (cpom/calls/call_args.hpp).",
        "#pragma once",
        "",
        "#include <cstdint>",
        "#include <string_view>",
        "",
        "namespace cpom {",
        "",
        "enum class Role : std::uint16_t {",
    ]
    lines += [f"    {name}," for name in all_roles(domains)]
    lines += ["};", "",
              "// The role's identifier (\"rates\"): the argument name of the metadata.",
              "std::string_view role_name(Role role);", "",
              "}  // namespace cpom", ""]
    return "\n".join(lines)


def generate_arguments_hpp(domains: list[dict]) -> str:
    lines = [
        "// Generated by tools/generate.py from metadata/*.toml: do not edit.",
        "// One struct per function: its arguments by name, each typed by its kind (cpom/calls/argument.hpp). Adapters",
        "// read `args.rates.grid()`, never a position.",
        "#pragma once",
        "",
        '#include "cpom/calls/argument.hpp"',
        "",
        "namespace cpom::calls {",
    ]
    for fn in all_functions(domains):
        signature = "; ".join(f"[{a['name']}]" if a["optional"] else a["name"] for a in fn["arg"])
        lines += ["", f"// {fn['name']}({signature})", f"struct {cpp_struct(fn)} {{"]
        if fn["arg"]:
            inits = ", ".join(f"{a['name']}(call, {i})" for i, a in enumerate(fn["arg"]))
            lines.append(f"    explicit {cpp_struct(fn)}(const CallArgs& call) : {inits} {{}}")
            lines += [f"    {accessor_class(a)} {a['name']};" for a in fn["arg"]]
        else:
            lines.append(f"    explicit {cpp_struct(fn)}(const CallArgs&) {{}}")
        lines.append("};")
    lines += ["", "}  // namespace cpom::calls", ""]
    return "\n".join(lines)


def generate_adapters_hpp(domains: list[dict]) -> str:
    lines = [
        "// Generated by tools/generate.py from metadata/*.toml: do not edit.",
        "// One adapter per function: it reads its arguments by name and calls the engine. Hand-written in",
        "// engine/src/calls/*_calls.cpp, or generated (generated_adapters.cpp) for a function with `engine = ...`.",
        "#pragma once",
        "",
        '#include "cpom/calls/call_args.hpp"',
        '#include "function_arguments.hpp"',
        "",
        "namespace cpom::calls {",
        "",
    ]
    lines += [f"Value {cpp_adapter(fn)}(const {cpp_struct(fn)}& args);" for fn in all_functions(domains)]
    lines += ["", "}  // namespace cpom::calls", ""]
    return "\n".join(lines)


def generated_read(arg: dict) -> str:
    """How a generated adapter reads an argument: by its kind's accessor, whose value() of an omitted argument is
    the metadata's default (Defaulted*Arg) or std::nullopt (Optional*Arg)."""
    return f"args.{arg['name']}.value()"


def generate_generated_adapters(domains: list[dict]) -> str:
    lines = [
        "// Generated by tools/generate.py from metadata/*.toml: do not edit.",
        "// Adapters of the functions of plain values (`engine = ...` in the metadata): each argument read by its kind,",
        "// in the metadata's order, passed to the engine function of the same order (its domain's header).",
        '#include "adapters.hpp"',
    ]
    generated = [(d, fn) for d in domains for fn in d.get("function", []) if "engine" in fn]
    headers = sorted({f"cpom/{pathlib.Path(d['file']).stem}.hpp" for d, _ in generated})
    lines += [f'#include "{h}"' for h in headers]
    lines += ["", "namespace cpom::calls {"]
    for _, fn in generated:
        reads = ", ".join(generated_read(a) for a in fn["arg"])
        lines += ["", f"Value {cpp_adapter(fn)}(const {cpp_struct(fn)}& args) {{ return {fn['engine']}({reads}); }}"]
    lines += ["", "}  // namespace cpom::calls", ""]
    return "\n".join(lines)


def cpp_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def cpp_arg_spec(arg: dict) -> str:
    fields = [f".name = {cpp_string(arg['name'])}", f".role = Role::{arg['name']}",
              f".kind = Kind::{arg['kind'].capitalize()}", f".optional = {str(arg['optional']).lower()}",
              f".blank = Blank::{arg['blank'].capitalize()}",
              f".display_fr = {cpp_string(display_name(arg, 'fr'))}",
              f".display_en = {cpp_string(display_name(arg, 'en'))}"]
    # Every field written (std::nullopt when the metadata gives none): -Wmissing-field-initializers stays quiet.
    for key in ("min", "max"):
        fields.append(f".{key} = {arg[key] if key in arg else 'std::nullopt'}")
    fields.append(f".fallback = {float(arg['default'])!r}" if "default" in arg else ".fallback = std::nullopt")
    return "{" + ", ".join(fields) + "}"


def generate_function_table(domains: list[dict]) -> str:
    roles = all_roles(domains)
    lines = [
        "// Generated by tools/generate.py from metadata/*.toml: do not edit.",
        '#include "adapters.hpp"',
        '#include "cpom/calls/function_spec.hpp"',
        '#include "cpom/role.hpp"',
        "",
        "namespace cpom {",
        "namespace {",
        "constexpr std::string_view k_role_names[] = {",
        *[f"    {cpp_string(r)}," for r in roles],
        "};",
        "}  // namespace",
        "",
        "std::string_view role_name(Role role) { return k_role_names[static_cast<std::size_t>(role)]; }",
        "",
        "}  // namespace cpom",
        "",
        "namespace cpom::calls {",
        "namespace {",
    ]
    fns = all_functions(domains)
    for fn in fns:
        if fn["arg"]:
            lines.append(f"constexpr ArgSpec k_{cpp_adapter(fn)}[] = {{")
            lines += [f"    {cpp_arg_spec(a)}," for a in fn["arg"]]
            lines.append("};")
        lines.append(f"Value call_{cpp_adapter(fn)}(const CallArgs& call) {{ "
                     f"return {cpp_adapter(fn)}({cpp_struct(fn)}(call)); }}")
        lines.append("")
    lines += ["const FunctionSpec k_functions[] = {"]
    for fn in fns:
        args = f"k_{cpp_adapter(fn)}" if fn["arg"] else "{}"
        varargs = str(any(a["varargs"] for a in fn["arg"])).lower()
        lines.append(f'    {{"{fn["name"]}", ReturnKind::{RETURN_KIND_CPP[fn["returns"]]}, {args}, {varargs}, '
                     f"&call_{cpp_adapter(fn)}}},")
    lines += ["};", "}  // namespace", "",
              "std::span<const FunctionSpec> functions() { return k_functions; }", "",
              "}  // namespace cpom::calls", ""]
    return "\n".join(lines)


def cpp_param(arg: dict) -> str:
    if arg["varargs"]:
        return f"const css::uno::Sequence< css::uno::Any >& {uno_name(arg['name'])}"
    if arg["optional"]:
        return f"const css::uno::Any& {uno_name(arg['name'])}"
    return f"const css::uno::Sequence< css::uno::Sequence< css::uno::Any > >& {uno_name(arg['name'])}"


def method_signature(fn: dict, qualified: bool) -> str:
    prefix = "CpomFunctions::" if qualified else ""
    params = ", ".join(cpp_param(a) for a in fn["arg"])
    return f"{RETURNS_CPP[fn['returns']]} SAL_CALL {prefix}{method_name(fn['name'])}({params})"


def generate_addin_methods(domains: list[dict]) -> tuple[str, str]:
    header = ["// Generated by tools/generate.py from metadata/*.toml: do not edit.",
              "// Declarations of the UNO methods, included inside class CpomFunctions."]
    body = ["// Generated by tools/generate.py from metadata/*.toml: do not edit.",
            "// Each UNO method views its arguments in place (no copy of a range) and runs its function of the table."]
    for index, fn in enumerate(all_functions(domains)):
        header.append(f"{method_signature(fn, False)} override;")
        views, pointers, repeated = [], [], None
        for a in fn["arg"]:
            name = uno_name(a["name"])
            if a["varargs"]:
                repeated = name
            else:
                view = "UnoValueBlock" if a["optional"] else "UnoCellBlock"
                views.append(f"    const {view} {name}_({name});")
                pointers.append(f"&{name}_")
        body += [method_signature(fn, True), "{"]
        body += views
        if repeated:
            body += [f"    const UnoRepeatedBlocks {repeated}_({repeated});",
                     f"    const std::vector<const calls::CellBlock*> args = {repeated}_.after({{{', '.join(pointers)}}});"]
        elif pointers:
            body.append(f"    const calls::CellBlock* const args[] = {{{', '.join(pointers)}}};")
        else:
            body.append("    const std::span<const calls::CellBlock* const> args;")
        body += [f"    return invoke_{fn['returns']}({index}, args, language());", "}", ""]
    return "\n".join(header) + "\n", "\n".join(body)


# ---------------------------------------------------------------- docs

def example_result(ex: dict) -> str:
    if "error" in ex:
        return f"Err:{ex['error']}"
    result = ex["result"]
    if isinstance(result, list):
        return " | ".join("; ".join(format_number(v) for v in row) for row in result)
    if isinstance(result, str):
        return f"« {result} »"
    return format_number(result)


def format_number(v) -> str:
    if isinstance(v, str):
        return f"« {v} »"
    if float(v).is_integer():
        return f"{int(v):,}".replace(",", " ")
    return f"{v:,.10g}".replace(",", " ").replace(".", ",")


def generate_docs(domains: list[dict]) -> str:
    with_year = ", ".join(f"`{fn['name']}`" for fn in all_functions(domains)
                          if any(a["name"] == YEAR_ARGUMENT for a in fn["arg"]))
    out = [
        "# Référence des fonctions CPOM",
        "",
        "<!-- Generated by tools/generate.py from metadata/*.toml: do not edit, edit the metadata. -->",
        "",
        "Chaque fonction se tape dans une cellule de LibreOffice Calc une fois l'extension installée. "
        "Les taux sont des décimaux (0,015 = 1,5 %), les montants des euros non arrondis. Les fonctions "
        "qui renvoient une ligne se saisissent en formule matricielle (Ctrl+Maj+Entrée) sur N cellules ; avec "
        "Entrée seule, la cellule n'affiche que la première valeur. Pour une seule valeur dans une cellule "
        f"ordinaire : l'argument *année voulue* ({with_year}) ou `INDEX(formule; ligne; colonne)`. "
        "Une entrée invalide renvoie **Err:502** (argument invalide) ; un solveur sans solution renvoie "
        "**Err:523**. `=CPOM_CHECK(\"CPOM_PROJECT\"; mêmes arguments)` explique en français la raison d'une "
        "erreur (l'assistant fonctions le rappelle sous chaque fonction).",
        "",
        "Cellules vides : à l'intérieur d'une plage, chaque argument suit la règle indiquée dans son tableau "
        "(erreur, 0 ou ignorée). Une référence à **une seule** cellule vide (`B11`) est transmise par Calc comme 0 "
        "(règle de Calc pour toutes les fonctions d'add-in, comme pour SOMME) : les fonctions refusent 0 là "
        "où 0 n'a pas de sens. Pour qu'un argument facultatif laissé vide prenne sa valeur par défaut (par exemple "
        "« pas de plafond »), ne rien écrire entre les points-virgules (`;;`) ou écrire la référence comme une plage "
        "d'une cellule (`B11:B11`), que Calc transmet bien comme vide.",
        "",
        *[line for d in domains if d.get("preamble_fr") for line in (d["preamble_fr"], "")],
        "Les exemples sont écrits comme dans l'API (séparateur `;`, point décimal) ; dans un Calc en "
        "français on tape `0,02` au lieu de `0.02`. Chaque exemple est vérifié dans un vrai LibreOffice "
        "par les tests d'intégration (`tests/integration/test_examples.py`).",
        "",
        "Nom programmatique (enregistré dans les fichiers ODS) : "
        f"`{SERVICE.upper()}.<MÉTHODE>` ; la méthode de `CPOM_CAF_BALANCE` est `cpomCafBalance`.",
        "",
        "## Sommaire",
        "",
    ]
    for d in domains:
        names = ", ".join(f"[`{fn['name']}`](#{fn['name'].lower()})" for fn in d.get("function", []))
        out.append(f"- **{d['title_fr']}** — {names}")
    for d in domains:
        out += ["", f"## {d['title_fr']}", "", f"*{d['title_en']}*", ""]
        for fn in d.get("function", []):
            out += document_function(fn)
    return "\n".join(out).rstrip() + "\n"


def cell(text: str) -> str:
    """A Markdown table cell: a pipe, even inside a code span (inline arrays {1|2}), would split the cell."""
    return str(text).replace("|", "\\|")


RETURNS_FR = {"number": "nombre", "text": "texte", "matrix": "ligne ou plage",
              "table": "tableau (nombres, textes et #N/D par ligne)"}


def document_function(fn: dict) -> list[str]:
    sig_args = []
    for a in fn["arg"]:
        name = a["name"] + ("; …" if a["varargs"] else "")
        sig_args.append(f"[{name}]" if a["optional"] else name)
    out = [
        f"### {fn['name']}",
        "",
        f"`{fn['name']}({'; '.join(sig_args)})` → {RETURNS_FR[fn['returns']]}",
        "",
        fn["summary_fr"],
        "",
        f"*{fn['summary_en']}*",
        "",
    ]
    if fn.get("formula_fr"):
        out += [f"Formule : {fn['formula_fr']}", ""]
    if fn["arg"]:
        out += ["| argument | nom affiché | type | obligatoire | cellules vides | aide |",
                "|---|---|---|---|---|---|"]
        for a in fn["arg"]:
            required = "non" if a["optional"] else "oui"
            blank = BLANKS[a["blank"]] if a["kind"] in ("row", "rows", "column", "range") else "—"
            out.append(f"| `{a['name']}` | {cell(display_name(a, 'fr'))} | {KINDS[a['kind']]} | {required} | {blank} | "
                       f"{cell(a['help_fr'])} |")
        out.append("")
    if fn.get("notes_fr"):
        out += [fn["notes_fr"], ""]
    out += ["| exemple | résultat | commentaire |", "|---|---|---|"]
    for ex in fn["example"]:
        out.append(f"| `{cell(ex['formula'])}` | {cell(example_result(ex))} | {cell(ex.get('note_fr', ''))} |")
    out.append("")
    return out


# ---------------------------------------------------------------- main

def write_if_changed(path: pathlib.Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("metadata", type=pathlib.Path)
    parser.add_argument("--out", type=pathlib.Path, help="folder for the IDL, xcu and C++ files")
    parser.add_argument("--docs", type=pathlib.Path, help="the function reference to write")
    parser.add_argument("--check", action="store_true", help="with --docs: fail if the file is not up to date")
    parser.add_argument("--examples", type=pathlib.Path, help="write every example as JSON (for the tests)")
    opts = parser.parse_args()
    try:
        domains = load(opts.metadata)
    except (MetadataError, tomllib.TOMLDecodeError) as e:
        print(f"metadata error: {e}", file=sys.stderr)
        return 1
    if opts.out:
        write_if_changed(opts.out / "idl" / "/".join(MODULE) / f"{INTERFACE}.idl", generate_idl(domains))
        write_if_changed(opts.out / "CalcAddIns.xcu", generate_xcu(domains))
        write_if_changed(opts.out / "include" / "cpom" / "role.hpp", generate_role_header(domains))
        write_if_changed(opts.out / "cpp" / "function_arguments.hpp", generate_arguments_hpp(domains))
        write_if_changed(opts.out / "cpp" / "adapters.hpp", generate_adapters_hpp(domains))
        write_if_changed(opts.out / "cpp" / "generated_adapters.cpp", generate_generated_adapters(domains))
        write_if_changed(opts.out / "cpp" / "function_table.cpp", generate_function_table(domains))
        header, body = generate_addin_methods(domains)
        write_if_changed(opts.out / "cpp" / "addin_methods.hpp", header)
        write_if_changed(opts.out / "cpp" / "addin_methods.inc", body)
    if opts.examples:
        examples = [dict(ex, function=fn["name"], returns=fn["returns"]) for fn in all_functions(domains)
                    for ex in fn["example"]]
        write_if_changed(opts.examples, json.dumps(examples, ensure_ascii=False, indent=1) + "\n")
    if opts.docs:
        text = generate_docs(domains)
        if opts.check:
            current = opts.docs.read_text(encoding="utf-8") if opts.docs.exists() else ""
            if current != text:
                print(f"{opts.docs} is stale: run tools/generate.py metadata --docs {opts.docs}", file=sys.stderr)
                return 1
        else:
            write_if_changed(opts.docs, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
