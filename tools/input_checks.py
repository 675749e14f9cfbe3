"""Input checks of a template (issue 12 §3.2): every input a formula reads is checked, whatever filled it (sheet
validation does not protect data filled by `cpom-run --data`, by paste or by another tool), and a bad one gives a
visible French reason next to it and on the summary, never a silent substitution.

A sheet states its checks in its source ([[sheet.input_check]], one table per group of like cells); the builder
turns them into short calls of the engine's CPOM_VALIDATE, which decides and words every reason (French numbers
included: engine/src/input_check.cpp). Keys (an unknown key is an error):

  cells         the inputs checked, e.g. "C8:H8" or "C15:D264"
  reason        where the reason appears: one cell for all of `cells`, or a column as tall as `cells` (one reason per
                row); "" when all is well
  kind          amount (euros) | number | whole | rate | growth (rates are fractions: 0,02 = 2 %; a cell formatted
                as a percentage takes 2 as 2 %; growth = a rate with the warning below) — default number; account
                (see amounts); label (a name that must be given); text (a free text: blank allowed unless
                blank = "error"); choice (one of `values`)
  values        kind choice: the texts allowed (compared as Calc's = compares them: without regard to case)
  blank         "error" (default but for kind text: a blank is not read as 0) or "allowed" (a blank means "nothing",
                e.g. a quarter not yet entered)
  min, max      bounds (included): numbers, or cells holding them ("F31", "Périmètre.C5"); a rate without them stays within −100 % … 100 %: above, it is probably a
                percentage typed without its « % »
  why_min, why_max  the French reason of a bound, said after the value instead of « hors des limites (…) »
  suspect_below rate kinds: a rate strictly between 0 and this (a number, or a cell holding it, itself checked) is
                flagged « vouliez-vous dire 2 % ? » (0,02 typed in a percent cell gives 0,02 %); a warning, the
                figures are still computed; growth kind: 0,001 unless given (SUSPECT_GROWTH)
  warnings      where the warnings go, when not in `reason` (after its errors): a cell or a column like `reason`
  used_if       ["{col}9:{col}13", ...]: check only when one of these cells holds something (an activity column in
                use); {col} is the column of the checked cell
  skip_if       a Calc condition under which the row is not checked (a block left out): "$Q{row}", {row} being the
                row of the checked cells (one reason per row)
  amounts       kind account only: the amount cells of the same rows ("C15:D264"): an account cell is checked
                when its row has an amount, with CPOM_ACCOUNTS's rule
  classes       kind account only: the classes the table takes ("67": a result balance); an account of another
                class with an amount is an error, said with `why_classes` (its formulas give #N/A for that row)
  not_with      "J11:K260": cells of the same rows that must stay blank when the checked cell is filled (one amount
                typed two ways, e.g. a balance and its debit and credit), said with `why_not_with`: a rule of the
                sheet's layout, not of a value, so a plain COUNTA in the builder rather than an engine call
  labels        the cells naming the inputs in the reasons (a header row "F14:J14", one per checked cell of a
                row, or one cell "A23"); default: the cell addresses (« D9 : … »)
  label         instead of labels: one name, written in the source ("Premier exercice")
  max_length    kinds label and text: the most characters (a longer text would be cut where it is printed)
  show          "first" (the reason cell shows the first problem of its inputs, on one line) or "all" (every
                problem, joined by « ; »); default: "first" for one reason cell (it gathers many inputs), "all" for
                one reason per row (a row's few cells; and no cutting to compute for each row of a long table);
                the same for all checks sharing a reason cell

Calc never hands a cell in error (#DIV/0!…) to an add-in: the call is then an error, and the reason cell names the
first input in error (« D9 : valeur en erreur »).
"""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = {"amount": "AMOUNT", "number": "NUMBER", "whole": "WHOLE", "rate": "RATE", "growth": "RATE",
         "account": "ACCOUNT", "choice": "CHOICE", "label": "LABEL", "text": "LABEL"}
TEXT_KINDS = ("label", "text")
CUT_WHEN_PRINTED = "la fin serait coupée à l'impression"  # the reason of max_length
RATE_KINDS = ("rate", "growth")
SUSPECT_GROWTH = 0.001  # below 0,1 % a yearly growth or inflation rate is almost surely a percent typo (issue 18 §1)
OK_TEXT = "Contrôle des saisies : aucune anomalie."
KEYS = {"cells", "reason", "kind", "blank", "min", "max", "suspect_below", "used_if", "why_min", "why_max",
        "amounts", "values", "labels", "label", "warnings", "show", "skip_if", "max_length", "classes", "why_classes",
        "not_with", "why_not_with"}
SEPARATOR = "§§"  # between the reasons of several cells, so that the first one can be cut out (no reason holds it)
VALIDATE = "CPOM_VALIDATE"


def quote(text: str) -> str:
    """A French text as a Calc string literal."""
    return '"' + text.replace('"', '""') + '"'


# ---------------------------------------------------------------------------------------------- cell addresses
def split_cell(address: str) -> tuple[str, int]:
    address = address.replace("$", "")
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


def span_of(block: list[list[str]]) -> str:
    """[["B8", "C8"], ["B9", "C9"]] → "B8:C9" (always two corners: a one-cell range lets the add-in see a blank)."""
    return f"{block[0][0]}:{block[-1][-1]}"


def absolute(address: str) -> str:
    """"C5" → "$C$5"; a cell of another sheet, "Périmètre.C5" (a bound that is another sheet's input), keeps it."""
    if "." in address:
        sheet, cell = address.rsplit(".", 1)
        return f"$'{sheet}'.{absolute(cell)}"
    letters, row = split_cell(address)
    return f"${letters}${row}"


def sheet_ref(sheet: str, span: str) -> str:
    """'$'Sheet'.$A$1:$B$2' for formulas on another sheet."""
    return f"$'{sheet}'." + ":".join(absolute(a) for a in span.split(":"))


# ---------------------------------------------------------------------------------------------- one check
@dataclass
class Call:
    """One CPOM_VALIDATE call for a reason cell, the condition under which it is skipped, and what it reads (for
    the reason given when one of its cells is in error)."""
    expression: str
    skip: str = ""
    read: list[tuple[str, str]] = field(default_factory=list)  # (cell, Calc expression naming it)
    several: bool = False  # it may give several reasons separated by SEPARATOR (one per column in use)


def number(value) -> str:
    """A bound or threshold in the formula: a number (API notation), or a cell holding it."""
    return absolute(value) if isinstance(value, str) else repr(value)


def blank_of(check: dict) -> str:
    """"error" or "allowed": a free text may be left blank unless said otherwise."""
    return check.get("blank", "allowed" if check.get("kind") == "text" else "error")


def validate(values: str, kind: str, check: dict, labels: str, warn_below: str = "", amounts: str = "",
             most: int | None = None) -> str:
    """CPOM_VALIDATE(...) with its arguments in metadata order, trailing omitted ones left out. A text's max_length
    is the engine's maximum of a LABEL (its most characters)."""
    high = check.get("max_length") if kind in TEXT_KINDS else check.get("max")
    why_max = check.get("why_max", CUT_WHEN_PRINTED if kind in TEXT_KINDS and high is not None else None)
    args = [values, quote(KINDS[kind]),
            number(check["min"]) if "min" in check else "", number(high) if high is not None else "",
            labels, "1" if blank_of(check) == "allowed" else "", warn_below,
            quote(check["why_min"]) if "why_min" in check and not warn_below else "",
            quote(why_max) if why_max is not None and not warn_below else "",
            "{" + ";".join(quote(v) for v in check["values"]) + "}" if kind == "choice" else "",
            amounts, str(most) if most else "",
            quote(check["classes"]) if "classes" in check else "",
            quote(check["why_classes"]) if "why_classes" in check else ""]
    while args and args[-1] == "":
        args.pop()
    return f"{VALIDATE}({';'.join(args)})"


class Check:
    """One [[sheet.input_check]] table, validated, and its calls by reason cell."""

    def __init__(self, table: dict, threshold_reason):
        unknown = set(table) - KEYS
        if unknown:
            raise ValueError(f"input_check {table.get('cells')}: unknown keys {sorted(unknown)}")
        self.table = table
        self.kind = table.get("kind", "number")
        if self.kind not in KINDS:
            raise ValueError(f"input_check {table['cells']}: unknown kind {self.kind!r} (one of {', '.join(KINDS)})")
        if blank_of(table) not in ("error", "allowed"):
            raise ValueError(f"input_check {table['cells']}: blank is 'error' or 'allowed', not {table['blank']!r}")
        if table.get("show", "first") not in ("first", "all"):  # (its default depends on reason: self.show)
            raise ValueError(f"input_check {table['cells']}: show is 'first' or 'all', not {table['show']!r}")
        if ("values" in table) != (self.kind == "choice") or ("amounts" in table) != (self.kind == "account"):
            raise ValueError(f"input_check {table['cells']}: values go with kind choice, amounts with kind account")
        if ("max_length" in table and self.kind not in TEXT_KINDS) or (
                self.kind in TEXT_KINDS and {"min", "max"} & set(table)):
            raise ValueError(f"input_check {table['cells']}: max_length goes with kinds label and text, min and max "
                             f"with the numeric kinds")
        if ("classes" in table or "why_classes" in table) and self.kind != "account":
            raise ValueError(f"input_check {table['cells']}: classes go with kind account")
        if "why_not_with" in table and "not_with" not in table:
            raise ValueError(f"input_check {table['cells']}: why_not_with without not_with")
        if "label" in table and "labels" in table:
            raise ValueError(f"input_check {table['cells']}: label or labels, not both")
        if "suspect_below" in table and self.kind not in RATE_KINDS:
            raise ValueError(f"input_check {table['cells']}: suspect_below is for rates")
        self.rows = cells_of(table["cells"])
        self.reasons = self.targets(table["reason"])
        self.warning_cells = self.targets(table["warnings"]) if "warnings" in table else self.reasons
        self.labels = [a for row in cells_of(table["labels"]) for a in row] if "labels" in table else None
        self.threshold_reason = threshold_reason  # cell → the reason cell of its own check ("" if none)
        self.show = table.get("show", "first" if len(self.reasons) == 1 else "all")

    def targets(self, span: str) -> list[str]:
        """The reason cells, one per group of checked cells: one cell for all rows, or one per row."""
        cells = [row[0] for row in cells_of(span)]
        if len(cells) not in (1, len(self.rows)):
            raise ValueError(f"input_check {self.table['cells']}: {span} must be one cell or one per row")
        return cells

    def groups(self) -> list[tuple[int, list[list[str]]]]:
        """(index of the reason cell, the block of checked cells it speaks for)."""
        if len(self.reasons) == 1:
            return [(0, self.rows)]
        return [(i, [row]) for i, row in enumerate(self.rows)]

    def skip_of(self, block: list[list[str]]) -> str:
        condition = self.table.get("skip_if", "")
        if "{row}" in condition:
            if len(block) != 1:
                raise ValueError(f"input_check {self.table['cells']}: skip_if with {{row}} needs one reason per row")
            condition = condition.replace("{row}", str(split_cell(block[0][0])[1]))
        return condition

    def label_args(self, block: list[list[str]]) -> tuple[str, list[str]]:
        """The labels argument of a call on `block`, and the Calc expression naming each of its cells."""
        cells = [a for row in block for a in row]
        if "label" in self.table:
            return quote(self.table["label"]), [quote(self.table["label"])] * len(cells)
        if self.labels is None:
            names = [quote(a) for a in cells]
            return names[0] if len(names) == 1 else "{" + ";".join(names) + "}", names
        if len(self.labels) == 1:
            return absolute(self.labels[0]), [absolute(self.labels[0])] * len(cells)
        if len(self.labels) != len(cells):
            raise ValueError(f"input_check {self.table['cells']}: labels {self.table['labels']} must be one cell or "
                             f"{len(cells)} (one per checked cell of a call)")
        refs = [absolute(a) for a in self.labels]
        return f"{refs[0]}:{refs[-1]}", refs

    def amounts_of(self, block: list[list[str]]) -> tuple[str, list[str]]:
        """Kind account: the amount cells of the rows of `block`."""
        if self.kind != "account":
            return "", []
        amount_rows = cells_of(self.table["amounts"])
        if len(amount_rows) != len(self.rows):
            raise ValueError(f"input_check {self.table['cells']}: amounts must have the rows of cells")
        first = split_cell(block[0][0])[1] - split_cell(self.rows[0][0])[1]
        chosen = amount_rows[first:first + len(block)]
        return span_of(chosen), [a for row in chosen for a in row]

    def threshold(self) -> tuple[str, str]:
        """The warning threshold argument and the condition that skips the warnings (the threshold's own cell is
        in error: its reason is shown instead)."""
        suspect = self.table.get("suspect_below", SUSPECT_GROWTH if self.kind == "growth" else None)
        if suspect is None:
            return "", ""
        if not isinstance(suspect, str):
            return repr(suspect), ""
        reason = self.threshold_reason(suspect)
        if not reason:
            raise ValueError(f"input_check {self.table['cells']}: the threshold {suspect} must be checked itself")
        return absolute(suspect), f'{absolute(reason)}<>""'

    def blank_ok(self) -> bool:
        """True when blank cells give no reason (an account is read only with an amount)."""
        return self.kind == "account" or blank_of(self.table) == "allowed"

    def call_on(self, block: list[list[str]], warn_below: str = "") -> str:
        """CPOM_VALIDATE on one block of cells: its errors, or its warnings below `warn_below`."""
        labels, _ = self.label_args(block)
        amounts, _ = self.amounts_of(block)
        most = 1 if self.show == "first" and len(block) * len(block[0]) > 1 else None  # one cell: one reason
        return validate(span_of(block), self.kind, self.table, labels, warn_below, amounts, most)

    def checked(self, block: list[list[str]], warn_below: str = "") -> str:
        """The call on `block`; with used_if, on the columns in use only: one call for the whole block when every
        column is in use (the usual case: the fewer add-in calls, the faster), one per column in use otherwise."""
        if not self.table.get("used_if"):
            return self.call_on(block, warn_below)
        if self.labels is not None and len(self.labels) != 1:
            raise ValueError(f"input_check {self.table['cells']}: with used_if, labels is one cell")
        unused, per_column = [], []
        for c in range(len(block[0])):
            column = split_cell(block[0][c])[0]
            unused.append(f'COUNTA({";".join(span.replace("{col}", column) for span in self.table["used_if"])})=0')
            per_column.append(f'IF({unused[-1]};"";{self.call_on([[row[c]] for row in block], warn_below)})')
        if len(per_column) == 1:
            return per_column[0]
        return f"IF(OR({';'.join(unused)});{join(per_column, self.show)};{self.call_on(block, warn_below)})"

    def typed_twice(self, block: list[list[str]]) -> str:
        """not_with: the reason of each cell of `block` filled while its row's other cells are filled too."""
        others = cells_of(self.table["not_with"])
        if len(others) != len(self.rows):
            raise ValueError(f"input_check {self.table['cells']}: not_with must have the rows of cells")
        first = split_cell(block[0][0])[1] - split_cell(self.rows[0][0])[1]
        why = self.table.get("why_not_with", "saisi en même temps que")
        names = self.label_args(block)[1]
        pieces = []
        for row, other in zip(block, others[first:first + len(block)]):
            span = f"{other[0]}:{other[-1]}"
            for cell in row:
                name = names[len(pieces)]
                said = quote(f"{name[1:-1]} : {why} ({span})") if name.startswith('"') else \
                    f'{name}&{quote(f" : {why} ({span})")}'
                pieces.append(f'IF(OR(ISBLANK({cell});COUNTA({span})=0);"";{said})')
        return join(pieces, self.show)

    def calls(self) -> list[tuple[str, str, Call]]:
        """("error" | "warning", reason cell, call) in the order of the cells."""
        warn_below, bad_threshold = self.threshold()
        found = []
        for index, block in self.groups():
            skip = self.skip_of(block)
            read = list(zip([a for row in block for a in row], self.label_args(block)[1]))
            read += [(a, quote(a)) for a in self.amounts_of(block)[1]]
            several = bool(self.table.get("used_if")) and len(block[0]) > 1  # one reason per column in use
            found.append(("error", self.reasons[index], Call(self.checked(block), skip, read, several)))
            if "not_with" in self.table:
                found.append(("error", self.reasons[index], Call(self.typed_twice(block), skip)))
            if warn_below:
                conditions = [c for c in (skip, bad_threshold) if c]
                warn_skip = f"OR({';'.join(conditions)})" if len(conditions) > 1 else "".join(conditions)
                found.append(("warning", self.warning_cells[index],
                              Call(self.checked(block, warn_below), warn_skip, read, several)))
        return found


def join(expressions: list[str], show: str) -> str:
    """Several reasons as one text: separated by SEPARATOR (show "first": the first is cut out afterwards) or by
    « ; » (show "all"); empty ones left out."""
    separator = SEPARATOR if show == "first" else " ; "
    return expressions[0] if len(expressions) == 1 else f'TEXTJOIN("{separator}";1;{";".join(expressions)})'


# ---------------------------------------------------------------------------------------------- one reason cell
def joined(errors: list[Call], warnings: list[Call], show: str) -> str:
    """The reasons of several calls, errors before warnings: the first (show "first": each call gives at most one,
    and the first non-empty is cut out) or all of them, joined by « ; »."""
    def guarded(calls: list[Call]) -> list[str]:
        # In the order of the checks; the calls under one condition (a block left out) gathered where the first of
        # them stands, so that the condition is written and computed once.
        pieces: list[tuple[str, list[str]]] = []
        gathered: dict[str, list[str]] = {}
        for call in calls:
            if call.skip and call.skip in gathered:
                gathered[call.skip].append(call.expression)
                continue
            pieces.append((call.skip, [call.expression]))
            if call.skip:
                gathered[call.skip] = pieces[-1][1]
        return [join(found, show) if not skip else f'IF({skip};"";{join(found, show)})' for skip, found in pieces]

    calls = errors + warnings
    text = join(guarded(errors) + guarded(warnings), show)
    if show == "first" and (len(calls) > 1 or any(call.several for call in calls)):
        text = f'REGEX({text};"^(.*?)({SEPARATOR}.*)?$";"$1")'
    return text


ONE_BY_ONE = 12  # inputs named one by one when a call is an error; more: by column (Calc nests few IFs)


def on_error(calls: list[Call]) -> str:
    """What the cell says when a call is an error: the first input in error, named; else #N/A (never "")."""
    reasons = "NA()"
    cells = list(dict.fromkeys(cell_name for call in calls for cell_name in call.read))
    if len(cells) > ONE_BY_ONE:
        rows_by_column: dict[str, list[int]] = {}
        for cell, _ in cells:
            letters, row = split_cell(cell)
            rows_by_column.setdefault(letters, []).append(row)
        for letters, rows in reversed(list(rows_by_column.items())):
            span = f"{letters}{min(rows)}:{letters}{max(rows)}"
            reasons = f'IF(SUMPRODUCT(ISERROR({span})*1)>0;{quote(span + " : une valeur en erreur")};{reasons})'
        return reasons
    for cell, name in reversed(cells):
        said = quote(name[1:-1] + " : valeur en erreur") if name.startswith('"') else f'{name}&" : valeur en erreur"'
        reasons = f'IF(ISERROR({cell});{said};{reasons})'
    return reasons


def reason_formulas(tables: list[dict]) -> dict[str, str]:
    """{reason cell address: formula} of a sheet's checks; checks sharing a reason cell show its errors first,
    then its warnings (the first of them, or all with show = "all")."""
    def threshold_reason(cell: str) -> str:
        for table in tables:
            for check_index, row in enumerate(cells_of(table["cells"])):
                if split_cell(cell) in (split_cell(a) for a in row):
                    reasons = cells_of(table["reason"])
                    return reasons[0][0] if len(reasons) == 1 else reasons[check_index][0]
        return ""

    gathered: dict[str, dict] = {}
    for table in tables:
        check = Check(table, threshold_reason)
        for nature, cell, call in check.calls():
            into = gathered.setdefault(cell, {"error": [], "warning": [], "show": set(), "blank_ok": []})
            into[nature].append(call)
            into["show"].add(check.show)
            into["blank_ok"].append(check.blank_ok())
    formulas = {}
    for cell, found in gathered.items():
        if len(found["show"]) > 1:
            raise ValueError(f"input_check: the checks shown in {cell} disagree on show")
        calls = found["error"] + found["warning"]
        reasons = joined(found["error"], found["warning"], found["show"].pop())
        if all(found["blank_ok"]):
            # Nothing to say about blank inputs: the rows left empty of a long table (a trial balance) cost a COUNTA,
            # not add-in calls (Calc computes a formula that calls an add-in on one thread only).
            read = ";".join(dict.fromkeys(cell_name for call in calls for cell_name, _ in call.read))
            reasons = f'IF(COUNTA({read})=0;"";{reasons})'
        formulas[cell] = f"=IFERROR({reasons};{on_error(calls)})"
    return formulas


def reason_spans(tables: list[dict]) -> list[str]:
    """The reason (and warning) ranges of a sheet's checks, each once."""
    return list(dict.fromkeys(span for table in tables for span in (table["reason"], table.get("warnings"))
                              if span))


# ---------------------------------------------------------------------------------------------- summary line
def summary_formula(checks_by_sheet: dict[str, list[dict]]) -> str:
    """One line for the summary: « aucune anomalie », or « à corriger », at how many places reasons are shown (a
    reason cell shows the first problem of its inputs), and the first of them with its sheet. A reason cell counts
    when its text is not empty (LEN: a formula giving "" is not an anomaly)."""
    sheets = [(name, [sheet_ref(name, span) for span in reason_spans(checks)])
              for name, checks in checks_by_sheet.items() if checks]
    if not sheets:
        raise ValueError("control_summary: the workbook has no [[sheet.input_check]]")
    count_of = {name: "+".join(f"SUMPRODUCT((LEN({r})>0)*1)" for r in refs) for name, refs in sheets}
    total = "+".join(f"({count_of[name]})" for name, _ in sheets)
    where = '""'
    for name, _ in reversed(sheets):
        where = f"IF(({count_of[name]})>0;{quote(name)};{where})"
    joined_reasons = f'TEXTJOIN("{SEPARATOR}";1;{";".join(r for _, refs in sheets for r in refs)})'
    first = f'REGEX({joined_reasons};"^(.*?)({SEPARATOR}.*)?$";"$1")'
    return (f"=IF(({total})=0;{quote(OK_TEXT)};"
            f'"Contrôle des saisies : à corriger"&IF(({total})=1;"";" à "&({total})&" endroits, signalés à côté '
            f'des saisies")&" — feuille "&{where}&", "&{first})')
