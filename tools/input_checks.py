"""Control formulas of template inputs (issue 12 §3.2): a bad input gives a visible French reason next to it and on
the summary, never a silent substitution. Sheet validation does not protect data filled by `cpom-run --data`, by
paste or by another tool: these formulas read what is really in the cells.

A sheet lists its checks in its source ([[sheet.input_check]], see workbook.py's docstring):

  cells         the inputs checked, e.g. "C8:H8" or "C15:D264"
  reason        where the reason appears: one cell for all of `cells`, or a column as tall as `cells` (one reason per
                row); it shows the first problem found, "" when all is well
  kind          amount (euros) | number | whole | rate | growth (rates are fractions: 0,02 = 2 %; a cell formatted
                as a percentage takes 2 as 2 %) — default number; account (see amounts); label (a name that must
                be given); choice (one of `values`, the list of the cell's validation)
  blank         "error" (default: a blank is not read as 0) or "allowed" (a blank means "nothing", e.g. a quarter
                not yet entered)
  min, max      bounds; rate and growth kinds have max = 1 unless given: above 100 % is probably a percentage typed
                without its « % »
  suspect_below growth kind: 0,001 by default — a rate strictly between 0 and 0,1 % is flagged "vouliez-vous dire
                2 % ?" (0,02 typed in a percent cell gives 0,02 %); a warning, the figures are still computed
  used_if       ["{col}9:{col}13", ...]: check only when one of these cells holds something (an activity column in
                use); {col} is the column of the checked cell
  amounts       kind account only: the amount cells of the same rows ("C15:D264"): an account cell is checked
                when its row has an amount (blank, or text that does not start with digits, is then an error)
  classes       kind account only: the classes the table takes ("67": a result balance); an account of another
                class with an amount is an error, said with `why_classes` (its formulas give #N/A for that row)
  not_with      "J11:K260": cells of the same rows that must stay blank when the checked cell is filled (one amount
                typed two ways, e.g. a balance and its debit and credit), said with `why_not_with`
  why_min, why_max  the French reason of a bound, instead of the generic one

The formulas are plain Calc formulas (ISTEXT, ISBLANK, FIXED…), so they work without the add-in and export as values.
FIXED writes numbers in the notation of the office that computes them (French for a French user).
"""
from __future__ import annotations

KINDS = ("amount", "number", "whole", "rate", "growth", "account", "choice", "label")
RATE_KINDS = ("rate", "growth")
SUSPECT_GROWTH = 0.001  # below 0,1 % a yearly growth or inflation rate is almost surely a percent typo (issue 18 §1)
OK_TEXT = "Contrôle des saisies : aucune anomalie."


def quote(text: str) -> str:
    """A French text as a Calc string literal."""
    return '"' + text.replace('"', '""') + '"'


SEPARATOR = "§§"  # ends every reason inside a formula, so that the first one can be cut out (no message holds it)
NBSP = "\u00a0"  # the thousands separator LibreOffice writes in French


def french_number(expression: str, decimals: int) -> str:
    """Calc expression writing a number in French whatever the locale of the office that computes it: 12 000 ;
    -3,25. FIXED follows the office's locale (cpom-run's office and an English build machine compute in en-US):
    thousands are grouped only without decimals (a comma then is a grouping), decimals are written ungrouped and
    their point, if any, becomes a comma."""
    if decimals == 0:
        return f'SUBSTITUTE(SUBSTITUTE(FIXED({expression};0);",";UNICHAR(160));" ";UNICHAR(160))'
    return f'SUBSTITUTE(FIXED({expression};{decimals};1);".";",")'


def shown(ref: str, kind: str) -> str:
    """Calc expression writing the value of `ref` as the user reads it: 12 000 ; 2,50 % ; 3,25."""
    if kind in RATE_KINDS:
        return f'{french_number(f"{ref}*100", 2)}&" %"'
    if kind in ("amount", "whole"):
        return french_number(ref, 0)
    return french_number(ref, 2)


def shown_bound(value: float, kind: str) -> str:
    """A bound written in French at build time (it is a constant): 2,5 % ; 100 ; 0,5."""
    if kind in RATE_KINDS:
        value *= 100
    text = f"{value:,.4f}".rstrip("0").rstrip(".").replace(",", NBSP).replace(".", ",")
    return text + (" %" if kind in RATE_KINDS else "")


def meant_percent(ref: str) -> str:
    """The percentage the user probably meant when a percent cell holds 100 times too little: 0,02 % → « 2 »."""
    return french_number(f"{ref}*10000", f"IF({ref}*10000=INT({ref}*10000);0;2)")


def cell_check(ref: str, label: str, rule: dict) -> tuple[str, str]:
    """Expressions giving "" or the first error of one input cell, and "" or its warning (a suspect value, computed
    all the same), each as « label : reason. » + SEPARATOR."""
    kind = rule.get("kind", "number")
    if kind not in KINDS:
        raise ValueError(f"input_check: unknown kind {kind!r} (one of {', '.join(KINDS)})")

    def say(reason: str, end: str = ".") -> str:  # a reason (a Calc expression) as the cell's message
        return f'{quote(label + " : ")}&{reason}&{quote(end + SEPARATOR)}'

    if kind in ("choice", "label"):
        return text_check(ref, label, rule, say), '""'
    value = shown(ref, kind)
    tests: list[tuple[str, str]] = [
        (f"ISERROR({ref})", say(quote("valeur en erreur"))),
        (f"ISTEXT({ref})", say(f'"texte « "&{ref}&" » au lieu d\'un nombre"')),
    ]
    blank = rule.get("blank", "error")
    if blank not in ("error", "allowed"):
        raise ValueError(f"input_check: blank is 'error' or 'allowed', not {blank!r}")
    tests.append((f"ISBLANK({ref})", '""' if blank == "allowed" else
                  say(quote("vide : saisir un nombre (0 s'il n'y a rien)"))))
    if kind == "whole":
        tests.append((f"{ref}<>INT({ref})", say(f'{french_number(ref, 2)}&" n\'est pas un nombre entier"')))
    if "min" in rule:
        low = rule["min"]
        if "why_min" in rule:
            reason = f'{value}&" : "&{quote(rule["why_min"])}'
        elif low == 0 and kind == "amount":
            reason = f'{value}&" est négatif, un montant positif ou nul est attendu"'
        else:
            reason = f'{value}&" est inférieur au minimum {shown_bound(low, kind)}"'
        end = "."
        if kind in RATE_KINDS and low > 0:  # 0,95 typed in a percent cell: 0,95 %, below the minimum of 1 %
            reason += f'&IF(AND({ref}>0;{ref}*100>={low});", vouliez-vous dire "&{meant_percent(ref)}&" % ?";".")'
            end = ""
        tests.append((f"{ref}<{low}", say(reason, end)))
    high = rule.get("max", 1 if kind in RATE_KINDS else None)
    if high is not None:
        if "why_max" in rule:
            reason = f'{value}&" : "&{quote(rule["why_max"])}'
        elif kind in RATE_KINDS and "max" not in rule:
            reason = f'{value}&", taux saisi sans « % » ? (2 % s\'écrit 2 % ou 0,02)"'
        else:
            reason = f'{value}&" est supérieur au maximum {shown_bound(high, kind)}"'
        tests.append((f"{ref}>{high}", say(reason, "")))
    errors = '""'
    for condition, message in reversed(tests):
        errors = f"IF({condition};{message};{errors})"
    warning = '""'
    suspect = rule.get("suspect_below", SUSPECT_GROWTH if kind == "growth" else None)
    if suspect:
        message = say(f'{value}&", vouliez-vous dire "&{meant_percent(ref)}&" % ?"', "")
        # Nested, not AND(ISNUMBER(…);ABS(…)…): Calc's AND evaluates all its arguments, ABS of a text is an error.
        warning = f'IF(ISNUMBER({ref});IF(AND({ref}<>0;ABS({ref})<{suspect});{message};"");"")'
    return errors, warning


def text_check(ref: str, label: str, rule: dict, say) -> str:
    """A text input: a name that must be there (label), or one of a list of values (choice)."""
    blank = quote("vide : un nom est attendu" if rule["kind"] == "label" else "vide : choisir une valeur de la liste")
    if rule["kind"] == "label":
        return f'IF(ISBLANK({ref});{say(blank)};"")'
    values = rule["values"]
    listed = " ou ".join(f"« {v} »" for v in values)
    known = "OR(" + ";".join(f"{ref}={quote(v)}" for v in values) + ")"
    unknown = say(quote("« ") + f"&{ref}&" + quote(" » n'est pas dans la liste : " + listed))
    return (f'IF(ISERROR({ref});{say(quote("valeur en erreur"))};IF(ISBLANK({ref});{say(blank)};'
            f'IF({known};"";{unknown})))')


def split_cell(address: str) -> tuple[str, int]:
    letters = "".join(ch for ch in address if ch.isalpha())
    return letters.upper(), int(address[len(letters):])


def column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def cells_of(span: str) -> list[list[str]]:
    """"C8:H9" → [["C8", …, "H8"], ["C9", …, "H9"]] (rows of addresses)."""
    first, _, last = span.partition(":")
    c1, r1 = split_cell(first)
    c2, r2 = split_cell(last or first)
    cols = range(column_number(c1), column_number(c2) + 1)
    return [[f"{column_letters(c)}{r}" for c in cols] for r in range(r1, r2 + 1)]


def first_problem(expressions: list[str]) -> str:
    """The first message of several cells (their messages concatenated, then cut at the first separator)."""
    joined = "&".join(expressions)
    return f'REGEX({joined};"^(.*?){SEPARATOR}.*$";"$1")'


KEYS = {"cells", "reason", "kind", "blank", "min", "max", "suspect_below", "used_if", "why_min", "why_max",
        "amounts", "values", "classes", "why_classes", "not_with", "why_not_with"}


def account_check(ref: str, label: str, amounts: list[str], classes: str = "", why_classes: str = "") -> str:
    """Expression giving "" or the problem of an account cell of a trial balance whose row has an amount (the
    add-in reads only the leading digits of an account, and refuses an amount without account); with `classes`,
    an account of another class is a problem too (after the others: the first problem is shown)."""
    has_amount = "OR(" + ";".join(f"IF(ISNUMBER({a});{a}<>0;0)" for a in amounts) + ")"
    no_digit = f'ISERROR(FIND(LEFT(TRIM({ref});1);"0123456789"))'
    end = "." + SEPARATOR
    check = (f'IF(NOT({has_amount});"";IF(ISERROR({ref});{quote(label + " : valeur en erreur" + end)};'
             f'IF(ISBLANK({ref});{quote(label + " : montant sans numéro de compte" + end)};'
             f'IF(ISTEXT({ref});IF({no_digit};'
             f'"{label} : « "&{ref}&" » ne commence pas par un numéro de compte{end}";"");'
             f'IF(OR({ref}<=0;{ref}<>INT({ref}));"{label} : "&{ref}&" n\'est pas un numéro de compte{end}";"")))))')
    if not classes:
        return check
    first = f"LEFT(TRIM({ref});1)"
    return (check + f'&IF(NOT({has_amount});"";IF(ISERROR({ref});"";IF(ISERROR(FIND({first};{quote(classes)}));'
            f'"{label} : compte de classe "&{first}&{quote(" : " + why_classes + end)};"")))')


def reason_expressions(check: dict) -> dict[str, dict[str, list[str]]]:
    """{reason cell address: {"errors": [...], "warnings": [...]}}: the expressions of its input cells."""
    unknown = set(check) - KEYS
    if unknown:
        raise ValueError(f"input_check {check['cells']}: unknown keys {sorted(unknown)}")
    rows = cells_of(check["cells"])
    reasons = [row[0] for row in cells_of(check["reason"])]
    if len(reasons) == 1:
        groups = [[address for row in rows for address in row]]
    elif len(reasons) == len(rows):
        groups = rows
    else:
        raise ValueError(f"input_check {check['cells']}: reason {check['reason']} must be one cell or one per row")
    amounts_of = None  # kind account: the amount cells of each account cell's row
    if check.get("kind") == "account":
        amount_rows = cells_of(check["amounts"])
        amounts_of = {address: amount_rows[i] for i, row in enumerate(rows) for address in row}
    found = {}
    for reason, group in zip(reasons, groups):
        if amounts_of is not None:
            pairs = [(account_check(address, address, amounts_of[address], check.get("classes", ""),
                                    check.get("why_classes", "")), '""') for address in group]
        else:
            pairs = [cell_check(address, address, check) for address in group]
        if check.get("used_if"):
            # Checked only in an activity column in use: one of these cells (same sheet) is filled; "{col}" stands
            # for the column of the checked cell.
            def only_if_used(address: str, expression: str) -> str:
                column = split_cell(address)[0]
                spans = ";".join(span.replace("{col}", column) for span in check["used_if"])
                return expression if expression == '""' else f'IF(COUNTA({spans})=0;"";{expression})'
            pairs = [(only_if_used(a, e), only_if_used(a, w)) for a, (e, w) in zip(group, pairs)]
        errors = [e for e, _ in pairs]
        if check.get("not_with"):
            others = {address: other for row, other in zip(rows, cells_of(check["not_with"])) for address in row}
            why = check.get("why_not_with", "saisi en même temps que")
            for address in group:
                span = f"{others[address][0]}:{others[address][-1]}"
                errors.append(f'IF(ISBLANK({address});"";IF(COUNTA({span})>0;'
                              f'{quote(f"{address} : {why} {span}." + SEPARATOR)};""))')
        expressions = {"errors": errors, "warnings": [w for _, w in pairs if w != '""']}
        found[reason] = expressions
    return found


def reason_formulas(checks: list[dict]) -> dict[str, str]:
    """{reason cell address: formula} of a sheet's checks; checks sharing a reason cell (the account and the
    amounts of one row) show the first problem of all of them: errors before warnings."""
    gathered: dict[str, dict[str, list[str]]] = {}
    for check in checks:
        for reason, expressions in reason_expressions(check).items():
            into = gathered.setdefault(reason, {"errors": [], "warnings": []})
            for key in into:
                into[key].extend(expressions[key])
    return {reason: "=" + first_problem(found["errors"] + found["warnings"]) for reason, found in gathered.items()}


def reason_spans(checks: list[dict]) -> list[str]:
    """The reason ranges of a sheet's checks, each once."""
    return list(dict.fromkeys(check["reason"] for check in checks))


def sheet_ref(sheet: str, span: str) -> str:
    """'$'Sheet'.$A$1:$B$2' for formulas on another sheet."""
    parts = []
    for address in span.split(":"):
        letters, row = split_cell(address)
        parts.append(f"${letters}${row}")
    return f"$'{sheet}'." + ":".join(parts)


def summary_formula(checks_by_sheet: dict[str, list[dict]]) -> str:
    """One line for the summary: « aucune anomalie », or « à corriger », at how many places reasons are shown (a
    reason cell shows the first problem of its inputs), and the first of them with its sheet. A reason cell counts when its text is not
    empty (LEN: a formula giving "" is not an anomaly)."""
    sheets = [(name, [sheet_ref(name, span) for span in reason_spans(checks)])
              for name, checks in checks_by_sheet.items() if checks]
    if not sheets:
        raise ValueError("control_summary: the workbook has no [[sheet.input_check]]")
    count_of = {name: "+".join(f"SUMPRODUCT((LEN({r})>0)*1)" for r in refs) for name, refs in sheets}
    total = "+".join(f"({count_of[name]})" for name, _ in sheets)
    where = '""'
    for name, _ in reversed(sheets):
        where = f"IF(({count_of[name]})>0;{quote(name)};{where})"
    joined = f'TEXTJOIN("{SEPARATOR}";1;{";".join(r for _, refs in sheets for r in refs)})'
    first = f'REGEX({joined};"^(.*?)({SEPARATOR}.*)?$";"$1")'
    return (f"=IF(({total})=0;{quote(OK_TEXT)};"
            f'"Contrôle des saisies : à corriger"&IF(({total})=1;"";" à "&({total})&" endroits, signalés à côté '
            f'des saisies")&" — feuille "&{where}&", "&{first})')
