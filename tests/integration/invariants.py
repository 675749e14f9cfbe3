"""What must hold between the key figures of each template, whatever the inputs (issue 12 §4), written with the
templates' named ranges only (never cell addresses: layouts change). An invariant takes the named values of one
recalculated workbook (`Figures`) and returns the list of its violations; it is skipped ("not applicable") when a
figure it needs is an error or a text: then the error must be visible and reported by cpom-run, which the harness
checks separately (test_hostile). Relations with the example run (what must not move when an input moves) take the
example's figures too.

Amounts are compared to the cent (and to 1e-9 relative for huge ones), counts and years exactly."""
from __future__ import annotations

import math

FINANCERS = ("ARS", "CD1", "CD2")  # the fixed codes of projection-cpom (sheet « Hypothèses »), in row order


class NotApplicable(Exception):
    """A figure the invariant needs is not a number: an error or a text, shown as such in the workbook."""


class Figures:
    """Named ranges of a workbook, read once: rows of floats; None for an error cell; str for a text."""

    def __init__(self, doc, names):
        self.values = {}
        self.errors = set()  # names holding an error cell
        for name in names:
            if not doc.NamedRanges.hasByName(name):
                raise KeyError(f"named range « {name} » missing from the workbook: update tests/integration/"
                               f"invariants.py with the template")
            rows = [list(r) for r in doc.NamedRanges.getByName(name).getReferredCells().getDataArray()]
            self.values[name] = rows
            if any(v is None for row in rows for v in row):
                self.errors.add(name)

    def rows(self, name) -> list[list[float]]:
        rows = self.values[name]
        for row in rows:
            for v in row:
                if not isinstance(v, float):
                    raise NotApplicable(name)
        return rows

    def block_rows(self, name) -> list[list[float] | None]:
        """Rows of a table with one row per block (projection-cpom holds 40): None for a block left out (its row is
        empty texts, as the template leaves it), floats for the others."""
        out = []
        for row in self.values[name]:
            if all(v == "" for v in row):
                out.append(None)
            elif all(isinstance(v, float) for v in row):
                out.append(row)
            else:
                raise NotApplicable(name)
        return out

    def row(self, name) -> list[float]:
        """A one-row or one-column range as a flat list."""
        rows = self.rows(name)
        return rows[0] if len(rows) == 1 else [r[0] for r in rows]

    def one(self, name) -> float:
        return self.rows(name)[0][0]

    def amounts(self, name) -> list[float]:
        """A one-column range of amounts whose unused rows are left empty (counted 0)."""
        flat = [0.0 if v == "" else v for v in self.texts(name)]
        if not all(isinstance(v, float) for v in flat):
            raise NotApplicable(name)
        return flat

    def texts(self, name) -> list:
        rows = self.values[name]
        return [v for row in rows for v in row]


def same(a: float, b: float) -> bool:
    return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= 0.005 + 1e-9 * max(abs(a), abs(b))


def first_year_over(cumulative: list[float], reserves: float) -> int:
    """CPOM_EXHAUSTION_YEAR's definition (docs/functions.md): the first contract year whose cumulative gap exceeds
    the reserves, 0 if none."""
    return next((k + 1 for k, c in enumerate(cumulative) if c > reserves + 0.005), 0)


class Check:
    """One invariant: a name for the reports, the named ranges it reads, the test."""

    def __init__(self, name, names, test, relation=False):
        self.name, self.names, self.test, self.relation = name, tuple(names), test, relation

    def run(self, figures, example=None) -> list[str] | None:
        """Violations, or None when not applicable."""
        try:
            return self.test(figures, example) if self.relation else self.test(figures)
        except NotApplicable:
            return None


# ------------------------------------------------------------------------------------------------ projection-cpom
def _used(*tables):
    """The blocks computed in every table (a block left out is None in each)."""
    return [b for b in range(len(tables[0])) if all(t[b] is not None for t in tables)]


def _gap_is_charges_minus_resources(f):
    charges, resources = f.block_rows("charges_projetees"), f.block_rows("ressources_projetees")
    gaps = f.block_rows("ecart_annuel")
    return [f"block {b + 1} year {y}: gap {gaps[b][y]:.2f} ≠ {charges[b][y]:.2f} − {resources[b][y]:.2f}"
            for b in _used(charges, resources, gaps) for y in range(len(gaps[b]))
            if not same(gaps[b][y], charges[b][y] - resources[b][y])]


def _cumulative_is_running_sum(f):
    gaps, cumulative = f.block_rows("ecart_annuel"), f.block_rows("ecart_cumule")  # gaps from year 0, cumulative from 1
    out = []
    for b in _used(gaps, cumulative):
        for k, value in enumerate(cumulative[b]):
            want = sum(gaps[b][1:k + 2])
            if not same(value, want):
                out.append(f"block {b + 1} year {k + 1}: cumulative {value:.2f}, running sum {want:.2f}")
    return out


def _codes(f):
    return [code if isinstance(code, str) else str(code) for code in f.texts("financeur_bloc")]


def _blocks_add_up_to_financers(block_name, financer_name):
    def test(f):
        blocks, financers, codes = f.block_rows(block_name), f.rows(financer_name), _codes(f)
        out = []
        for i, code in enumerate(FINANCERS):
            for y in range(len(financers[i])):
                want = sum(blocks[b][y] for b in _used(blocks) if codes[b] == code)
                if not same(financers[i][y], want):
                    out.append(f"{code} year {y}: {financers[i][y]:.2f}, its blocks {want:.2f}")
        return out
    return test


def _financers_add_up_to_perimeter(financer_name, block_name):
    def test(f):
        financers, blocks, codes = f.rows(financer_name), f.block_rows(block_name), _codes(f)
        out = []
        for y in range(len(financers[3])):
            total = financers[3][y]
            if not same(total, sum(financers[i][y] for i in range(3))):
                out.append(f"year {y}: perimeter {total:.2f} ≠ ARS + CD1 + CD2")
            blocks_total = sum(blocks[b][y] for b in _used(blocks) if codes[b] != "aucun")
            if not same(total, blocks_total):
                out.append(f"year {y}: perimeter {total:.2f}, blocks with a financer {blocks_total:.2f} "
                           f"(codes {codes})")
        return out
    return test


def _financer_cumulative_is_running_sum(f):
    charges, resources = f.rows("charges_financeurs"), f.rows("ressources_financeurs")
    cumulative = f.rows("ecart_cumule_financeurs")
    out = []
    for i, row in enumerate(cumulative):
        for k, value in enumerate(row):
            want = sum(charges[i][j] - resources[i][j] for j in range(1, k + 2))
            if not same(value, want):
                out.append(f"{(FINANCERS + ('périmètre',))[i]} year {k + 1}: cumulative {value:.2f}, "
                           f"running sum of gaps {want:.2f}")
    return out


def _reserves_add_up(f):
    computed = _used(f.block_rows("ecart_cumule"))  # the reserves of a block left out are not counted
    codes = [c if b in computed else "" for b, c in enumerate(_codes(f))]
    blocks = [r[0] if b in computed else 0.0 for b, r in enumerate(f.values["reserves"])]
    if any(not isinstance(blocks[b], float) for b in computed):
        raise NotApplicable("reserves")
    financers = f.row("reserves_financeurs")
    out = [f"{code}: reserves {financers[i]:.2f}, its blocks {sum(r for r, c in zip(blocks, codes) if c == code):.2f}"
           for i, code in enumerate(FINANCERS)
           if not same(financers[i], sum(r for r, c in zip(blocks, codes) if c == code))]
    if not same(financers[3], sum(financers[:3])):
        out.append(f"perimeter reserves {financers[3]:.2f} ≠ ARS + CD1 + CD2")
    return out


def _block_exhaustion_year(f):
    cumulative, years = f.block_rows("ecart_cumule"), f.block_rows("annee_epuisement_bloc")
    reserves = [r[0] for r in f.values["reserves"]]
    blocks = _used(cumulative, years)
    if any(not isinstance(reserves[b], float) for b in blocks):
        raise NotApplicable("reserves")
    return [f"block {b + 1}: exhaustion year {years[b][0]:g}, cumulative gaps {[round(c) for c in cumulative[b]]} "
            f"against reserves {reserves[b]:.0f} give {first_year_over(cumulative[b], reserves[b])}"
            for b in blocks if years[b][0] != first_year_over(cumulative[b], reserves[b])]


def _financer_exhaustion_year(f):
    """Each financer's year from its own cumulative gaps and reserves; the perimeter's is the first year one of them
    runs out (reserves of different financers are never pooled: issue 12 §3.5), 0 when none does."""
    cumulative, reserves = f.rows("ecart_cumule_financeurs"), f.row("reserves_financeurs")
    years = f.row("annee_epuisement_financeurs")
    own = [first_year_over(cumulative[i], reserves[i]) for i in range(len(FINANCERS))]
    want = own + [min([y for y in own if y], default=0)]
    return [f"{(FINANCERS + ('périmètre',))[i]}: exhaustion year {years[i]:g}, want {want[i]} "
            f"(cumulative gaps {[round(c) for c in cumulative[i]]} against reserves {reserves[i]:.0f})"
            for i in range(len(years)) if years[i] != want[i]]


def _monte_carlo_without_spread_is_the_projection(f):
    if f.one("ecart_type_inflation") != 0:
        raise NotApplicable("ecart_type_inflation")
    median, final = f.one("ecart_cumule_median"), f.rows("ecart_cumule_financeurs")[3][-1]
    probability, year = f.one("probabilite_epuisement"), f.one("annee_epuisement")
    out = []
    if abs(median - final) > 1:
        out.append(f"standard deviation 0: median {median:.2f}, projection's cumulative gap {final:.2f}")
    if probability != (1.0 if year > 0 else 0.0):
        out.append(f"standard deviation 0: probability {probability}, projection's exhaustion year {year:g}")
    return out


def _drivers_add_up(f):
    """Issue 16, item 2: the ten drivers of a block, of a financer and of the perimeter add up to its cumulative gap."""
    drivers, cumulative = f.block_rows("decomposition_blocs"), f.block_rows("ecart_cumule")
    out = [f"block {b + 1}: drivers add up to {sum(drivers[b]):.2f}, cumulative gap {cumulative[b][-1]:.2f}"
           for b in _used(drivers, cumulative) if not same(sum(drivers[b]), cumulative[b][-1])]
    by_financer, totals = f.rows("decomposition_financeurs"), f.rows("ecart_cumule_financeurs")
    for i, name in enumerate(FINANCERS + ("périmètre",)):
        column = [row[i] for row in by_financer]
        if not same(sum(column[:-1]), column[-1]) or not same(column[-1], totals[i][-1]):
            out.append(f"{name}: drivers {sum(column[:-1]):.2f}, total {column[-1]:.2f}, cumulative {totals[i][-1]:.2f}")
    return out


def _scenarios_add_up(f):
    """Issue 16, item 1: each financer's scenario is the sum of its blocks' (the rebasing shared in proportion)."""
    blocks, codes = f.block_rows("scenarios_blocs"), _codes(f)  # per block: offer, ask, fallback (gap, year), reason
    out = []
    for s, name in enumerate(("scenario_offre", "scenario_demande", "scenario_repli")):
        financers = f.rows(name)  # per financer then the perimeter: 5 yearly gaps, the cumulative gap (index 5)
        for i, code in enumerate(FINANCERS):
            want = sum(blocks[b][2 * s] for b in _used(blocks) if codes[b] == code)
            if not same(financers[i][5], want):
                out.append(f"{name} {code}: {financers[i][5]:.2f}, its blocks {want:.2f}")
    return out


def _fungibility_within_financers(f):
    """Issue 16, item 6: a financer's need is its blocks' pooled gap beyond its reserves; the perimeter's is the sum
    of its financers' needs, never the pooled gap of all (reserves never pass from one financer to another)."""
    rows = f.rows("fongibilite")  # financers then perimeter: reserves, gap, alone, surpluses, need, gain, …
    out = []
    for i, name in enumerate(FINANCERS):
        reserves, gap, need = rows[i][0], rows[i][1], rows[i][4]
        if not same(need, max(0.0, gap - reserves)):
            out.append(f"{name}: need {need:.2f}, want max(0, {gap:.2f} − {reserves:.2f})")
    if not same(rows[3][4], sum(rows[i][4] for i in range(3))):
        out.append(f"perimeter need {rows[3][4]:.2f} ≠ the sum of its financers' needs")
    return out


PROJECTION = [
    Check("gap = charges − resources", ["charges_projetees", "ressources_projetees", "ecart_annuel"],
          _gap_is_charges_minus_resources),
    Check("cumulative gap = running sum of gaps", ["ecart_annuel", "ecart_cumule"], _cumulative_is_running_sum),
    Check("blocks add up to financers (charges)", ["charges_projetees", "charges_financeurs", "financeur_bloc"],
          _blocks_add_up_to_financers("charges_projetees", "charges_financeurs")),
    Check("blocks add up to financers (resources)",
          ["ressources_projetees", "ressources_financeurs", "financeur_bloc"],
          _blocks_add_up_to_financers("ressources_projetees", "ressources_financeurs")),
    Check("financers and blocks add up to the perimeter (charges)",
          ["charges_financeurs", "charges_projetees", "financeur_bloc"],
          _financers_add_up_to_perimeter("charges_financeurs", "charges_projetees")),
    Check("financers and blocks add up to the perimeter (resources)",
          ["ressources_financeurs", "ressources_projetees", "financeur_bloc"],
          _financers_add_up_to_perimeter("ressources_financeurs", "ressources_projetees")),
    Check("financer cumulative gap = running sum", ["charges_financeurs", "ressources_financeurs",
                                                     "ecart_cumule_financeurs"], _financer_cumulative_is_running_sum),
    Check("reserves add up", ["reserves", "reserves_financeurs", "financeur_bloc", "ecart_cumule"], _reserves_add_up),
    Check("block exhaustion year", ["ecart_cumule", "reserves", "annee_epuisement_bloc"], _block_exhaustion_year),
    Check("financer exhaustion year", ["ecart_cumule_financeurs", "reserves_financeurs",
                                       "annee_epuisement_financeurs"], _financer_exhaustion_year),
    Check("drivers add up to the cumulative gap", ["decomposition_blocs", "ecart_cumule", "decomposition_financeurs",
                                                   "ecart_cumule_financeurs"], _drivers_add_up),
    Check("scenarios: financers = their blocks", ["scenarios_blocs", "scenario_offre", "scenario_demande",
                                                  "scenario_repli", "financeur_bloc"], _scenarios_add_up),
    Check("fungibility within financers, never across", ["fongibilite"], _fungibility_within_financers),
    Check("Monte Carlo with standard deviation 0 = projection",
          ["ecart_type_inflation", "ecart_cumule_median", "ecart_cumule_financeurs", "probabilite_epuisement",
           "annee_epuisement"], _monte_carlo_without_spread_is_the_projection),
]


# ----------------------------------------------------------------------------------------------------------- eprd
def _results_add_up(f):
    """eprd and errd: the columns and the CRP (CRPP and CRPA) each add up to the perimeter."""
    total = f.one("resultat_consolide")
    return [f"{name}: sum {sum(f.amounts(name)):.2f} ≠ perimeter result {total:.2f}"
            for name in ("colonnes_resultats", "crp_resultats") if not same(sum(f.amounts(name)), total)]


def _financers_add_up(f):
    """eprd and errd: the financers' total is their sum and the perimeter's result. A table that leaves a column out
    (no financer, more financers than rows) gives an error total with its reason, never a partial one."""
    rows, total, perimeter = sum(f.amounts("financeurs_resultats")), f.one("financeurs_resultat_total"), \
        f.one("resultat_consolide")
    return ([] if same(rows, total) else [f"financers: sum {rows:.2f} ≠ their total {total:.2f}"]) + \
        ([] if same(total, perimeter) else [f"financers' total {total:.2f} ≠ perimeter result {perimeter:.2f}"])


def _balance_result(f):
    balance, total = f.one("resultat_balance"), f.one("resultat_consolide")
    return [] if same(balance, total) else [f"trial balance result {balance:.2f} ≠ perimeter result {total:.2f}"]


RESULTS = [
    Check("columns and CRP add up to the perimeter", ["colonnes_resultats", "crp_resultats", "resultat_consolide"],
          _results_add_up),
    Check("financers add up to the perimeter", ["financeurs_resultats", "financeurs_resultat_total",
                                                "resultat_consolide"], _financers_add_up),
    Check("trial balance result is the perimeter's", ["resultat_balance", "resultat_consolide"], _balance_result),
]


def _caf_adds_up(f):
    total, columns = f.one("caf"), sum(f.amounts("colonnes_caf"))
    return [] if same(total, columns) else [f"CAF {total:.2f} ≠ its columns {columns:.2f}"]


def _treasury_is_frng_minus_bfr(f):
    out = []
    for when in ("ouverture", "fin"):
        frng, bfr, cash = f.one(f"frng_{when}"), f.one(f"bfr_{when}"), f.one(f"tresorerie_{when}")
        if not same(cash, frng - bfr):
            out.append(f"{when}: treasury {cash:.2f} ≠ FRNG {frng:.2f} − BFR {bfr:.2f}")
    return out


def _balance_sheet_moves(f):
    out = []
    if not same(f.one("frng_fin"), f.one("frng_ouverture") + f.one("apport_prelevement_frng")):
        out.append("FRNG at the end ≠ opening FRNG + contribution")
    if not same(f.one("bfr_fin"), f.one("bfr_ouverture") + f.one("variation_bfr")):
        out.append("BFR at the end ≠ opening BFR + change")
    if not same(f.one("dette_fin"), f.one("dette_ouverture") + f.one("emprunts_nouveaux")
                - f.one("remboursements_emprunts")):
        out.append("debt at the end ≠ opening debt + new loans − repayments")
    return out


# CPOM_PGFP's rows, in the function's documented output order (docs/functions.md), not a sheet layout.
PGFP_PRODUCTS, PGFP_CHARGES = 0, 1


def _pgfp_flows(f):
    rows = f.rows("pgfp")
    result, caf, frng = f.row("pgfp_resultat"), f.row("pgfp_caf"), f.row("pgfp_frng")
    cash, debt = f.row("pgfp_tresorerie"), f.row("pgfp_dette")
    depreciation, investments = f.row("pgfp_dotations"), f.row("pgfp_investissements")
    loans, repayments, grants = f.row("pgfp_emprunts"), f.row("pgfp_remboursements"), f.row("pgfp_subventions")
    bfr_days = f.one("bfr_jours")  # BFR kept in days of cash charges (CPOM_PGFP with base_depreciation)
    out = []
    previous_frng, previous_debt = f.one("frng_fin"), f.one("dette_fin")
    for k in range(len(result)):
        charges = rows[PGFP_CHARGES][k]
        checks = [
            ("result = products − charges", result[k], rows[PGFP_PRODUCTS][k] - charges),
            ("CAF = result + depreciation", caf[k], result[k] + depreciation[k]),
            ("FRNG = previous + CAF + loans + grants − investments − repayments", frng[k],
             previous_frng + caf[k] + loans[k] + grants[k] - investments[k] - repayments[k]),
            ("treasury = FRNG − BFR", cash[k], frng[k] - bfr_days * (charges - depreciation[k]) / 365),
            ("debt = previous + loans − repayments", debt[k], previous_debt + loans[k] - repayments[k]),
        ]
        out += [f"year {k + 1}: {what}: {got:.2f} ≠ {want:.2f}" for what, got, want in checks if not same(got, want)]
        previous_frng, previous_debt = frng[k], debt[k]
    return out


def _depreciation_is_not_cash(f, example):
    """Item 3.1 of issue 12: changing only the future depreciation changes the result by the same amount and leaves
    the CAF, the FRNG and the treasury unchanged."""
    def depreciation(figures):  # an empty input cell counts as 0, as CPOM_PGFP reads it
        return [0.0 if v == "" else v for v in figures.texts("pgfp_dotations")]

    if any(not isinstance(v, float) for v in depreciation(f)) or depreciation(f) == depreciation(example):
        raise NotApplicable("pgfp_dotations")
    out = []
    for name in ("pgfp_caf", "pgfp_frng", "pgfp_tresorerie"):
        for k, (a, b) in enumerate(zip(f.row(name), example.row(name))):
            if not same(a, b):
                out.append(f"year {k + 1}: {name} moved from {b:.2f} to {a:.2f} with the depreciation only")
    delta = [a - b for a, b in zip(depreciation(f), depreciation(example))]
    change = [a - b for a, b in zip(f.row("pgfp_resultat"), example.row("pgfp_resultat"))]
    out += [f"year {k + 1}: result moved by {change[k]:.2f}, depreciation by {delta[k]:.2f}"
            for k in range(len(delta)) if not same(change[k], -delta[k])]
    return out


EPRD = RESULTS + [
    Check("CAF adds up", ["colonnes_caf", "caf"], _caf_adds_up),
    Check("treasury = FRNG − BFR", ["frng_ouverture", "bfr_ouverture", "tresorerie_ouverture", "frng_fin",
                                    "bfr_fin", "tresorerie_fin"], _treasury_is_frng_minus_bfr),
    Check("balance sheet moves", ["frng_fin", "frng_ouverture", "apport_prelevement_frng", "bfr_fin",
                                  "bfr_ouverture", "variation_bfr", "dette_fin", "dette_ouverture",
                                  "emprunts_nouveaux", "remboursements_emprunts"], _balance_sheet_moves),
    Check("PGFP flows", ["pgfp", "pgfp_resultat", "pgfp_caf", "pgfp_frng", "pgfp_tresorerie", "pgfp_dette",
                         "pgfp_dotations", "pgfp_investissements", "pgfp_emprunts", "pgfp_remboursements",
                         "pgfp_subventions", "bfr_jours", "frng_fin", "dette_fin"], _pgfp_flows),
    Check("depreciation is not cash", ["pgfp_dotations", "pgfp_resultat", "pgfp_caf", "pgfp_frng",
                                       "pgfp_tresorerie"], _depreciation_is_not_cash, relation=True),
]


# -------------------------------------------------------------------------------------------------- couts-activite
def _allocation_loses_nothing(f):
    pools, total, shares = f.row("charges_communes"), f.one("total_reparti"), f.row("repartition_par_activite")
    out = []
    if not same(total, sum(pools)):
        out.append(f"allocated {total:.2f}, shared costs {sum(pools):.2f}")
    if not same(sum(shares), total):
        out.append(f"activities receive {sum(shares):.2f}, allocated {total:.2f}")
    if not same(f.one("controle_repartition"), 0):
        out.append(f"control {f.one('controle_repartition'):.2f} ≠ 0")
    return out


def _full_and_net_costs(f):
    direct, shares, full = f.row("charges_directes"), f.row("repartition_par_activite"), f.row("cout_complet")
    net, offsets = f.row("cout_net"), f.row("produits_attenuation")
    out = [f"activity {a + 1}: full cost {full[a]:.2f} ≠ direct {direct[a]:.2f} + shared {shares[a]:.2f}"
           for a in range(len(full)) if not same(full[a], direct[a] + shares[a])]
    out += [f"activity {a + 1}: net cost {net[a]:.2f} ≠ full {full[a]:.2f} − offsets {offsets[a]:.2f}"
            for a in range(len(net)) if not same(net[a], full[a] - offsets[a])]
    return out


def _unit_costs(f):
    net = f.row("cout_net")
    out = []
    for unit_name, per in (("cout_place", "capacite"), ("cout_journee", "journees_realisees"),
                           ("cout_personne", "file_active")):
        units, costs = f.row(per), f.values[unit_name]
        flat = costs[0] if len(costs) == 1 else [r[0] for r in costs]
        for a, cost in enumerate(flat):
            if not isinstance(cost, float):
                continue  # an error or an empty activity: shown as such
            want = net[a] / units[a] if units[a] else math.nan
            if not same(cost, want):
                out.append(f"activity {a + 1}: {unit_name} {cost:.2f} ≠ net cost / {per} = {want:.2f}")
    return out


COUTS_ACTIVITE = [
    Check("allocation loses nothing", ["charges_communes", "total_reparti", "repartition_par_activite",
                                       "controle_repartition"], _allocation_loses_nothing),
    Check("full and net costs", ["charges_directes", "repartition_par_activite", "cout_complet", "cout_net",
                                 "produits_attenuation"], _full_and_net_costs),
    Check("unit costs", ["cout_net", "cout_place", "capacite", "cout_journee", "journees_realisees",
                         "cout_personne", "file_active"], _unit_costs),
]


# ------------------------------------------------------------------------------------------------ audit-budgetaire
def _group_totals(f):
    charges, products = f.rows("charges_par_groupe"), f.rows("produits_par_groupe")
    total_charges, total_products, result = f.row("total_charges"), f.row("total_produits"), f.row("resultat")
    out = []
    for y in range(3):
        c, p = sum(r[y] for r in charges), sum(r[y] for r in products)
        if not same(total_charges[y], c):
            out.append(f"year {y}: total charges {total_charges[y]:.2f} ≠ groups {c:.2f}")
        if not same(total_products[y], p):
            out.append(f"year {y}: total products {total_products[y]:.2f} ≠ groups {p:.2f}")
        if not same(result[y], total_products[y] - total_charges[y]):
            out.append(f"year {y}: result {result[y]:.2f} ≠ products − charges")
    return out


def _groups_match_the_trial_balance(f):
    if f.texts("source_montants") != ["balance"]:
        raise NotApplicable("source_montants")
    result, balance = f.row("resultat"), f.row("resultat_balance")
    return [f"year {y}: result of the groups {result[y]:.2f}, of the trial balance {balance[y]:.2f}"
            for y in range(3) if not same(result[y], balance[y])]


def _variance_to_budget(f):
    actual = [r[2] for r in f.rows("charges_par_groupe")] + [f.row("total_charges")[2]] + \
             [r[2] for r in f.rows("produits_par_groupe")] + [f.row("total_produits")[2], f.row("resultat")[2]]
    budget_charges, budget_products = f.row("budget_charges"), f.row("budget_produits")
    budget = budget_charges + [sum(budget_charges)] + budget_products + \
        [sum(budget_products), sum(budget_products) - sum(budget_charges)]
    variance = f.row("ecart_budget")
    return [f"line {i + 1}: variance {variance[i]:.2f} ≠ actual {actual[i]:.2f} − budget {budget[i]:.2f}"
            for i in range(len(variance)) if not same(variance[i], actual[i] - budget[i])]


def _alerts_counted(status_name, count_name):
    def test(f):
        statuses, count = f.texts(status_name), f.one(count_name)
        if any(s is None for s in statuses):
            raise NotApplicable(status_name)
        alerts = sum(1 for s in statuses if s == "ALERTE")
        return [] if count == alerts else [f"{count_name} {count:g}, {alerts} ALERTE in {status_name}"]
    return test


AUDIT_BUDGETAIRE = [
    Check("group totals and result", ["charges_par_groupe", "produits_par_groupe", "total_charges",
                                      "total_produits", "resultat"], _group_totals),
    Check("groups match the trial balance", ["source_montants", "resultat", "resultat_balance"],
          _groups_match_the_trial_balance),
    Check("variance to budget", ["charges_par_groupe", "total_charges", "produits_par_groupe", "total_produits",
                                 "resultat", "budget_charges", "budget_produits", "ecart_budget"],
          _variance_to_budget),
    Check("alerts counted", ["statut_groupes", "groupes_en_alerte"],
          _alerts_counted("statut_groupes", "groupes_en_alerte")),
]

# ----------------------------------------------------------------------------------------------------------- errd
def _errd_treasury(f):
    frng, bfr, cash = f.one("frng"), f.one("bfr"), f.one("tresorerie")
    return [] if same(cash, frng - bfr) else [f"treasury {cash:.2f} ≠ FRNG {frng:.2f} − BFR {bfr:.2f}"]


ERRD = RESULTS + [
    Check("treasury = FRNG − BFR", ["frng", "bfr", "tresorerie"], _errd_treasury),
]


def _complete_year_is_the_actual(f):
    """With the four quarters entered, the year-end forecast is the actual, whatever the method."""
    methods, forecast, actual = f.texts("methodes_appliquees"), f.texts("atterrissage"), f.texts("realise_a_date")
    return [f"indicator {k + 1}: forecast {forecast[k]!r}, actual {actual[k]!r} with the four quarters entered"
            for k in range(len(methods)) if methods[k] == "année complète" and isinstance(forecast[k], float)
            and isinstance(actual[k], float) and not same(forecast[k], actual[k])]


def _objectives_by_axis_add_up(f):
    """Rapport, objectives by axis (rows: four axes then the total; columns: in use, OK / VIGILANCE / ALERTE to date,
    the same at year end, without forecast, unjustified): the total row adds up the axes, nothing is counted twice."""
    rows, out = f.rows("rapport_objectifs_par_axe"), []
    for column in range(1, 7):
        if not same(rows[4][column], sum(r[column] for r in rows[:4])):
            out.append(f"column {column + 1}: total {rows[4][column]:g} ≠ sum of the axes")
    for k, r in enumerate(rows):
        if r[1] + r[2] + r[3] > r[0] or not same(r[7], r[0] - r[4] - r[5] - r[6]) or r[7] < 0:
            out.append(f"row {k + 1}: {r}")
    return out


def _reserves_left_by_block(f):
    """Rapport, trajectory of each block (columns B-L): gap = charges − resources, projected and forecast; forecast
    cumulative gap = projected cumulative − projected gap + forecast gap; reserves left = reserves − forecast cumulative.
    A cell « à corriger » or « — » (a text) is not a figure: its relations are not checked."""
    out = []
    for k, r in enumerate(f.texts("rapport_trajectoire")[i:i + 12] for i in range(0, 96, 12)):
        label, b, c, d, e, _, g, h, i_, j, kk, l = r
        relations = [("projected gap", d, (b, c), lambda: b - c), ("forecast gap", j, (h, i_), lambda: h - i_),
                     ("forecast cumulative gap", kk, (e, d, j), lambda: e - d + j),
                     ("reserves left", l, (g, kk), lambda: g - kk)]
        for name, value, operands, expected in relations:
            if all(isinstance(v, float) for v in (value, *operands)) and not same(value, expected()):
                out.append(f"block {k + 1} ({label}): {name} {value:.2f} ≠ {expected():.2f}")
    return out


SUIVI_TRIMESTRIEL = [
    Check("alerts counted", ["statut", "nombre_alertes"], _alerts_counted("statut", "nombre_alertes")),
    Check("forecast alerts counted", ["statut_prevu", "nombre_alertes_prevues"],
          _alerts_counted("statut_prevu", "nombre_alertes_prevues")),
    Check("a complete year is the actual", ["methodes_appliquees", "atterrissage", "realise_a_date"],
          _complete_year_is_the_actual),
    Check("objectives by axis add up", ["rapport_objectifs_par_axe"], _objectives_by_axis_add_up),
    Check("reserves left by block", ["rapport_trajectoire"], _reserves_left_by_block),
]

BY_TEMPLATE = {
    "projection-cpom": PROJECTION,
    "eprd": EPRD,
    "errd": ERRD,
    "couts-activite": COUTS_ACTIVITE,
    "audit-budgetaire": AUDIT_BUDGETAIRE,
    "suivi-trimestriel": SUIVI_TRIMESTRIEL,
}


def key_figures(template: str) -> list[str]:
    """Every named range the template's invariants read."""
    return sorted({name for check in BY_TEMPLATE[template] for name in check.names})
