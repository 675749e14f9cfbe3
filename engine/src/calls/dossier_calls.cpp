// Adapters of CPOM_DOSSIER and CPOM_PPI (docs/domain.md#dossier): the rows of the block table and of the investment
// plan are read one by one, so that a bad row gets its French reason in its own row of the result (#N/A in its
// figures) and never puts another row in error. Only a result that cannot be laid out at all (ranges of different
// heights, an unknown output) makes the whole call fail.
#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "adapters.hpp"
#include "cpom/calls/cell_input.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/checks.hpp"
#include "cpom/dossier.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"
#include "cpom/input_check.hpp"
#include "cpom/investment_plan.hpp"

namespace cpom::calls {
namespace {

// ------------------------------------------------------------------ reading cells row by row

bool is_blank(const CellView& cell) { return cell.is_empty(); }

std::string trimmed_text(const CellView& cell) {
    if (!cell.is_text()) return "";
    const std::string_view text = cell.text;
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return "";
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

InputRule amount(std::optional<double> minimum, bool blank_allowed = false) {
    return input_rule(InputKind::Amount, minimum, std::nullopt, blank_allowed);
}
InputRule rate(double minimum, double maximum, bool blank_allowed = false) {
    return input_rule(InputKind::Rate, minimum, maximum, blank_allowed);
}
InputRule whole(double minimum, double maximum) { return input_rule(InputKind::Whole, minimum, maximum, true); }

// A growth rate stays above −100 %: −99 % is the lowest a rate of this model may be.
constexpr double k_lowest_growth = -0.99;

// Reads cells as numbers by their rules, gathering the French reason of every cell that cannot be used
// (CPOM_VALIDATE's wording: input_error).
class CellReader {
public:
    // The number, or `fallback` for a blank the rule allows; a problem is recorded for anything unusable.
    double read(const CellView& cell, const InputRule& rule, const std::string& label, double fallback = 0.0) {
        const InputValue value = input_of(cell);
        std::string reason;
        try {
            reason = input_error(value, rule, label);
        } catch (const ArgumentError& e) {  // a value no reason can show (not finite): the cell's, said in its row
            reason = label + " : " + e.reason();
        }
        if (!reason.empty()) {
            problems_.push_back(reason);
            return fallback;
        }
        return std::holds_alternative<double>(value) ? std::get<double>(value) : fallback;
    }
    std::optional<double> read_optional(const CellView& cell, const InputRule& rule, const std::string& label) {
        if (is_blank(cell)) return std::nullopt;
        return read(cell, rule, label);
    }
    void add(std::string problem) { problems_.push_back(std::move(problem)); }
    bool ok() const { return problems_.empty(); }
    std::string reason() const {
        std::string joined;
        for (const std::string& p : problems_) joined += (joined.empty() ? "" : " ; ") + p;
        return joined;
    }

private:
    std::vector<std::string> problems_;
};

// A range of the block table: K rows, `cols` columns (checked), read cell by cell; an optional argument left out
// reads as blank cells.
class Rows {
public:
    Rows(const AnyArg& arg, std::size_t rows, std::initializer_list<std::size_t> allowed_cols, bool optional = false)
        : block_(&arg.cells()) {
        if (optional && block_->is_omitted()) {
            block_ = nullptr;
            return;
        }
        if (std::find(allowed_cols.begin(), allowed_cols.end(), block_->cols()) == allowed_cols.end() ||
            block_->rows() != rows) {
            std::string cols;
            for (std::size_t c : allowed_cols) cols += (cols.empty() ? "" : " ou ") + std::to_string(c);
            arg.fail("la plage fait " + std::to_string(block_->rows()) + " lignes × " + std::to_string(block_->cols()) +
                     " colonnes, " + std::to_string(rows) + " lignes (une par bloc) × " + cols + " colonnes attendues");
        }
    }
    bool given() const { return block_ != nullptr; }
    CellView at(std::size_t k, std::size_t c) const { return block_ ? block_->at(k, c) : CellView{}; }
    std::size_t cols() const { return block_ ? block_->cols() : 0; }
    bool row_blank(std::size_t k) const {
        for (std::size_t c = 0; c < cols(); ++c) {
            if (!is_blank(block_->at(k, c))) return false;
        }
        return true;
    }

private:
    const CellBlock* block_;
};

std::string year_label(std::string_view label, std::size_t year) {
    return std::string(label) + " (année " + std::to_string(year) + ")";
}

// ------------------------------------------------------------------ the investment plan (PPI)

// Columns of a line of the plan.
enum PlanColumn : std::size_t {
    PlanBlock,
    PlanYear,
    PlanAmount,
    PlanDepreciation,
    PlanSubsidy,
    PlanLoan,
    PlanRate,
    PlanLoanYears,
    k_plan_columns
};

struct PlanLine {
    bool empty = true;
    std::size_t block = 0;  // 0-based; meaningful when block_known
    bool block_known = false;
    std::string problem;  // "" when the line is computed
    InvestmentCharges charges;
};

// Line m of the plan for a contract of `years` years and `blocks` blocks (0: block numbers not checked).
PlanLine read_plan_line(const CellBlock& plan, std::size_t m, std::size_t years, std::size_t blocks) {
    PlanLine line;
    for (std::size_t c = 0; c < k_plan_columns; ++c) line.empty = line.empty && is_blank(plan.at(m, c));
    if (line.empty) return line;
    CellReader reader;
    const double max_block = blocks ? static_cast<double>(blocks) : 1e9;
    InputRule block_rule = whole(1, max_block);
    block_rule.blank_allowed = false;
    const double block = reader.read(plan.at(m, PlanBlock), block_rule, "n° du bloc");
    line.block_known = reader.ok();
    line.block = line.block_known ? static_cast<std::size_t>(block) - 1 : 0;
    Investment in;
    InputRule service = whole(1, static_cast<double>(years));
    service.blank_allowed = false;
    in.service_year = static_cast<int>(reader.read(plan.at(m, PlanYear), service, "année de mise en service", 1));
    in.amount = reader.read(plan.at(m, PlanAmount), amount(1), "montant", 1);
    InputRule duration = whole(1, 100);
    duration.blank_allowed = false;
    in.depreciation_years =
        static_cast<int>(reader.read(plan.at(m, PlanDepreciation), duration, "durée d'amortissement", 1));
    in.subsidy = reader.read(plan.at(m, PlanSubsidy), amount(0, true), "subventions");
    in.loan = reader.read(plan.at(m, PlanLoan), amount(0, true), "emprunt");
    in.loan_rate = reader.read(plan.at(m, PlanRate), rate(0, 1, true), "taux de l'emprunt");
    const CellView loan_years = plan.at(m, PlanLoanYears);
    if (in.loan > 0 || !is_blank(loan_years)) {
        in.loan_years = static_cast<int>(reader.read(loan_years, duration, "durée de l'emprunt", 1));
    }
    if (reader.ok()) {
        try {
            line.charges = investment_charges(in, years);
        } catch (const ArgumentError& e) {  // the plan's field is in the reason ("subventions : …")
            reader.add(e.reason());
        }
    }
    line.problem = reader.reason();
    return line;
}

const CellBlock& checked_plan(const AnyArg& arg) {
    const CellBlock& plan = arg.cells();
    if (plan.cols() != k_plan_columns) {
        arg.fail("la plage a " + std::to_string(plan.cols()) + " colonnes, " + std::to_string(k_plan_columns) +
                 " attendues (n° du bloc, année de mise en service, montant, durée d'amortissement, subventions, "
                 "emprunt, taux, durée de l'emprunt)");
    }
    return plan;
}

// ------------------------------------------------------------------ tables

TableCell missing() { return NotAvailable{}; }

// A projection that fails although every input was read (an overflow of huge amounts): the engine's error names
// its own inputs, not this function's arguments, so the row says what happened instead of the call failing.
std::string projection_problem(const ArgumentError& e) { return "calcul impossible : " + e.reason(); }

// How a reason names block k (0-based) of the dossier: « bloc n° 3 : ».
std::string block_name(std::size_t k) { return "bloc n° " + std::to_string(k + 1) + " : "; }

class TableBuilder {
public:
    explicit TableBuilder(std::size_t cols) : table_{0, cols, {}, {}} {}
    // A row; if it holds a #N/A and no row before did, `why` (its reason, said with the row's name) is the table's.
    void row(std::vector<TableCell> cells, const std::string& why = {}) {
        cells.resize(table_.cols, std::string());
        if (table_.missing_reason.empty() && !why.empty() &&
            std::any_of(cells.begin(), cells.end(),
                        [](const TableCell& c) { return std::holds_alternative<NotAvailable>(c); })) {
            table_.missing_reason = why;
        }
        table_.cells.insert(table_.cells.end(), cells.begin(), cells.end());
        ++table_.rows;
    }
    Table done() { return std::move(table_); }

private:
    Table table_;
};

std::vector<TableCell> figures(const std::vector<double>& values) { return {values.begin(), values.end()}; }
TableCell figure_or_missing(const std::optional<double>& x) { return x ? TableCell(*x) : missing(); }

// ------------------------------------------------------------------ CPOM_DOSSIER

enum class Output {
    State,
    Charges,
    Group1,
    Payroll,
    Replacement,
    Group3,
    Investments,
    Legal,
    Rates,
    NewMeasures,
    Resources,
    Gap,
    CumulativeGap,
    Indicators,
    Drivers,
    Scenarios,
    Sensitivity
};
constexpr std::array<std::string_view, 17> k_outputs{
    "ETAT",         "CHARGES",           "GROUPE1",         "MASSE_SALARIALE",
    "REMPLACEMENT", "GROUPE3",           "INVESTISSEMENTS", "RISQUES_JURIDIQUES",
    "TAUX",         "MESURES_NOUVELLES", "RESSOURCES",      "ECART",
    "ECART_CUMULE", "INDICATEURS",       "DECOMPOSITION",   "SCENARIOS",
    "SENSIBILITE"};

enum class RowState { Computed, NotComputed, Excluded };

struct BlockRow {
    RowState state = RowState::NotComputed;
    std::string reason;    // why not computed
    std::string financer;  // its code, trimmed
    Block block;
    BlockProjection projection;
};

struct Dossier {
    std::size_t years = 0;
    CommonCharges common;
    std::vector<BlockRow> rows;
};

// The rates shared by every block; their problems are every block's.
CommonCharges read_common(const CpomDossierArgs& args, std::size_t years, CellReader& reader) {
    const CellBlock& rates = args.charge_rates.cells();
    static constexpr std::array<std::string_view, 4> labels{"Inflation du groupe I", "Revalorisations salariales",
                                                            "GVT", "Inflation du groupe III"};
    CommonCharges common;
    std::array<std::vector<double>*, 4> lines{&common.inflation_group1, &common.revaluation, &common.gvt,
                                              &common.inflation_group3};
    for (std::size_t r = 0; r < 4; ++r) {
        for (std::size_t t = 0; t < years; ++t) {
            lines[r]->push_back(reader.read(rates.at(r, t), rate(k_lowest_growth, 1), year_label(labels[r], t + 1)));
        }
    }
    const CellBlock& replacement = args.replacement.cells();
    if (replacement.size() != 2) {
        args.replacement.fail("deux valeurs attendues (part des absences remplacées, surcoût du remplacement), " +
                              std::to_string(replacement.size()) + " reçues");
    }
    common.replaced_share = reader.read(replacement.at(0), rate(0, 1, true), "Part des absences remplacées", 1.0);
    common.replacement_premium = reader.read(replacement.at(1), rate(0, 2, true), "Surcoût du remplacement");
    return common;
}

Dossier read_dossier(const CpomDossierArgs& args) {
    const std::size_t count = args.charges.cells().rows();
    const CellBlock& rates_block = args.charge_rates.cells();
    if (rates_block.rows() != 4 || rates_block.cols() < 1 || rates_block.cols() > 30) {
        args.charge_rates.fail(
            "4 lignes (inflation du groupe I, revalorisations, GVT, inflation du groupe III) de 1 "
            "à 30 années attendues, la plage fait " +
            std::to_string(rates_block.rows()) + " × " + std::to_string(rates_block.cols()));
    }
    const std::size_t n = rates_block.cols();
    if (count > k_max_dossier_blocks) {
        args.charges.fail("la plage a " + format_count(count) + " lignes : au plus " +
                          format_count(k_max_dossier_blocks) + " blocs par appel");
    }
    const Rows charges(args.charges, count, {3});
    const Rows absenteeism(args.absenteeism, count, {1, n + 1});
    const Rows legal(args.legal, count, {1});
    const Rows uncovered(args.uncovered, count, {2});
    const Rows resources(args.resources, count, {1});
    const Rows cap(args.cap, count, {1});
    const Rows expected(args.expected_rates, count, {n});
    const Rows measures(args.new_measures, count, {2});
    const Rows reserves(args.reserves, count, {1});
    const Rows financers(args.financers, count, {1}, true);
    const Rows problems(args.problems, count, {1}, true);

    Dossier dossier;
    dossier.years = n;
    CellReader common_reader;
    dossier.common = read_common(args, n, common_reader);

    // The investment plan, line by line, onto the blocks it names.
    std::vector<std::vector<double>> plan_charges(count);
    std::vector<std::string> plan_problems(count);
    if (!args.investment_plan.cells().is_omitted()) {
        const CellBlock& plan = checked_plan(args.investment_plan);
        for (std::size_t m = 0; m < plan.rows(); ++m) {
            const PlanLine line = read_plan_line(plan, m, n, count);
            if (line.empty || !line.block_known) continue;  // a line naming no block: CPOM_PPI says so on its row
            if (!line.problem.empty()) {
                std::string& p = plan_problems[line.block];
                p += (p.empty() ? "" : " ; ") + ("PPI ligne " + std::to_string(m + 1) + " : " + line.problem);
                continue;
            }
            std::vector<double>& into = plan_charges[line.block];
            if (into.empty()) into.assign(n, 0.0);
            for (std::size_t t = 0; t < n; ++t) into[t] += line.charges.net[t];
        }
    }

    dossier.rows.resize(count);
    for (std::size_t k = 0; k < count; ++k) {
        BlockRow& row = dossier.rows[k];
        row.financer = trimmed_text(financers.at(k, 0));
        const bool all_blank = charges.row_blank(k) && absenteeism.row_blank(k) && legal.row_blank(k) &&
                               uncovered.row_blank(k) && resources.row_blank(k) && cap.row_blank(k) &&
                               expected.row_blank(k) && measures.row_blank(k) && reserves.row_blank(k);
        const bool no_financer = is_blank(financers.at(k, 0));
        if (row.financer == "aucun" || (all_blank && no_financer)) {
            row.state = RowState::Excluded;
            continue;
        }
        if (const CellView p = problems.at(k, 0); !is_blank(p)) {
            row.reason = p.is_text() ? std::string(p.text) : "saisie en erreur";
            continue;
        }
        if (!common_reader.ok()) {
            row.reason = "saisies communes : " + common_reader.reason();
            continue;
        }
        CellReader reader;
        Block& b = row.block;
        b.group1 = reader.read(charges.at(k, 0), amount(1), "Groupe I");
        b.payroll = reader.read(charges.at(k, 1), amount(1), "Masse salariale");
        b.group3 = reader.read(charges.at(k, 2), amount(1), "Groupe III");
        b.absenteeism.push_back(reader.read(absenteeism.at(k, 0), rate(0, 1), "Absentéisme (année 0)"));
        for (std::size_t t = 1; t <= n; ++t) {  // a blank year keeps the previous year's rate
            const CellView cell = absenteeism.at(k, absenteeism.cols() == 1 ? 0 : t);
            b.absenteeism.push_back(is_blank(cell) ? b.absenteeism.back()
                                                   : reader.read(cell, rate(0, 1), year_label("Absentéisme", t)));
        }
        b.legal = reader.read(legal.at(k, 0), rate(0, 1), "Risques juridiques");
        b.uncovered = reader.read(uncovered.at(k, 0), amount(0), "Investissements non couverts");
        b.uncovered_from = static_cast<int>(
            reader.read(uncovered.at(k, 1), whole(1, static_cast<double>(n)), "Année des investissements", 1));
        b.investment_plan = plan_charges[k];
        if (!plan_problems[k].empty()) reader.add(plan_problems[k]);
        b.resources = reader.read(resources.at(k, 0), amount(1), "Ressources de l'année 0");
        b.cap = reader.read_optional(cap.at(k, 0), rate(k_lowest_growth, 1), "Plafond");
        for (std::size_t t = 0; t < n; ++t) {
            b.expected_rates.push_back(
                reader.read(expected.at(k, t), rate(k_lowest_growth, 1), year_label("Taux attendu", t + 1)));
        }
        b.new_measures = reader.read(measures.at(k, 0), amount(std::nullopt, true), "Mesures nouvelles");
        b.new_measures_year = static_cast<int>(
            reader.read(measures.at(k, 1), whole(1, static_cast<double>(n)), "Année des mesures nouvelles", 1));
        b.reserves = reader.read(reserves.at(k, 0), amount(0), "Réserves");
        if (!reader.ok()) {
            row.reason = reader.reason();
            continue;
        }
        try {
            row.projection = project_block(b, dossier.common);
            row.state = RowState::Computed;
        } catch (const ArgumentError& e) {  // defence in depth: the reader checked every input
            row.reason = projection_problem(e);
        }
    }
    return dossier;
}

// One block's figures for a line output, or the row of #N/A / blanks.
std::vector<TableCell> line_of(const BlockProjection& p, Output output) {
    switch (output) {
        case Output::Charges: return figures(p.charges);
        case Output::Group1: return figures(p.group1);
        case Output::Payroll: return figures(p.payroll);
        case Output::Replacement: return figures(p.replacement);
        case Output::Group3: return figures(p.group3);
        case Output::Investments: return figures(p.investments);
        case Output::Legal: return figures(p.legal);
        case Output::Rates: return figures(p.rates);
        case Output::NewMeasures: return figures(p.new_measures);
        case Output::Resources: return figures(p.resources);
        case Output::Gap: return figures(p.gap);
        case Output::CumulativeGap: return figures(p.cumulative_gap);
        default: break;
    }
    return {};
}

std::size_t columns_of(Output output, std::size_t years, std::size_t scenarios) {
    switch (output) {
        case Output::State: return 2;
        case Output::Rates:
        case Output::NewMeasures:
        case Output::CumulativeGap: return years;
        case Output::Indicators: return 8;
        case Output::Drivers: return k_gap_drivers;
        case Output::Scenarios: return 2 * scenarios + 1;
        case Output::Sensitivity: return 8;
        default: return years + 1;
    }
}

// Rank of each computed block by its cumulative gap at the end of the contract, 1 = the largest; ties keep the
// order of the rows.
std::vector<int> ranks(const Dossier& dossier) {
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < dossier.rows.size(); ++k) {
        if (dossier.rows[k].state == RowState::Computed) order.push_back(k);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return dossier.rows[a].projection.cumulative_gap.back() > dossier.rows[b].projection.cumulative_gap.back();
    });
    std::vector<int> rank(dossier.rows.size(), 0);
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i) + 1;
    return rank;
}

// The financers' scenarios: for each financer code, S (rate, rebasing) pairs, each with its problem.
struct Offers {
    std::size_t count = 0;  // S
    std::map<std::string, std::vector<std::optional<Scenario>>> by_financer;
    std::map<std::string, std::vector<std::string>> problems;
};

Offers read_offers(const AnyArg& offers_arg) {
    const CellBlock& table = offers_arg.cells();
    if (table.is_omitted() || table.cols() < 3 || (table.cols() - 1) % 2 != 0) {
        offers_arg.fail(
            "le tableau des scénarios est attendu : une ligne par financeur, son code puis, pour chaque "
            "scénario, le rebasage (€) et le taux annuel");
    }
    Offers offers;
    offers.count = (table.cols() - 1) / 2;
    for (std::size_t f = 0; f < table.rows(); ++f) {
        const std::string code = trimmed_text(table.at(f, 0));
        if (code.empty()) continue;
        auto& scenarios = offers.by_financer[code];
        auto& problems = offers.problems[code];
        for (std::size_t s = 0; s < offers.count; ++s) {
            CellReader reader;
            const std::string which = " (scénario " + std::to_string(s + 1) + ")";
            Scenario scenario;
            scenario.rebasing = reader.read(table.at(f, 1 + 2 * s), amount(std::nullopt, true), "Rebasage" + which);
            scenario.rate = reader.read(table.at(f, 2 + 2 * s), rate(k_lowest_growth, 1), "Taux" + which);
            scenarios.push_back(reader.ok() ? std::optional(scenario) : std::nullopt);
            problems.push_back(reader.reason());
        }
    }
    return offers;
}

Table scenarios_table(const Dossier& dossier, const Offers& offers) {
    // Year-0 resources of each financer, and whether all its blocks are computed (to share a rebasing).
    std::map<std::string, double> base;
    std::map<std::string, bool> complete;
    for (const BlockRow& row : dossier.rows) {
        if (row.state == RowState::Excluded) continue;
        complete.try_emplace(row.financer, true);
        if (row.state == RowState::Computed) {
            base[row.financer] += row.block.resources;
        } else {
            complete[row.financer] = false;
        }
    }
    TableBuilder out(2 * offers.count + 1);
    for (std::size_t k = 0; k < dossier.rows.size(); ++k) {
        const BlockRow& row = dossier.rows[k];
        if (row.state == RowState::Excluded) {
            out.row({});
            continue;
        }
        std::vector<TableCell> cells;
        std::string reason;
        const auto found = offers.by_financer.find(row.financer);
        for (std::size_t s = 0; s < offers.count; ++s) {
            std::string problem;
            if (row.state != RowState::Computed) {
                problem = "bloc non calculé";
            } else if (found == offers.by_financer.end()) {
                problem = "financeur « " + row.financer + " » absent du tableau des scénarios";
            } else if (!found->second[s]) {
                problem = offers.problems.at(row.financer)[s];
            } else if (found->second[s]->rebasing != 0 && !complete.at(row.financer)) {
                problem = "scénario " + std::to_string(s + 1) +
                          " : rebasage non réparti, un bloc du même financeur "
                          "n'est pas calculé";
            }
            if (!problem.empty()) {
                if (reason.find(problem) == std::string::npos) reason += (reason.empty() ? "" : " ; ") + problem;
                cells.insert(cells.end(), {missing(), missing()});
                continue;
            }
            const Scenario& scenario = *found->second[s];
            const double added = scenario.rebasing * row.block.resources / base.at(row.financer);
            try {
                const BlockProjection p =
                    project_block(under_scenario(row.block, scenario.rate, added), dossier.common);
                cells.insert(cells.end(), {p.cumulative_gap.back(), static_cast<double>(p.exhaustion_year)});
            } catch (const ArgumentError& e) {
                problem = "scénario " + std::to_string(s + 1) + " : " + projection_problem(e);
                if (reason.find(problem) == std::string::npos) reason += (reason.empty() ? "" : " ; ") + problem;
                cells.insert(cells.end(), {missing(), missing()});
            }
        }
        cells.push_back(row.state == RowState::Computed ? reason : row.reason);
        const std::string why = std::get<std::string>(cells.back());
        out.row(std::move(cells), block_name(k) + why);
    }
    return out.done();
}

Table sensitivity_table(const Dossier& dossier, const CpomDossierArgs& args) {
    const std::string scope = args.scope.value().value_or("");
    const double step = args.step.value_or(0.01);
    if (step <= 0 || step > 0.2) args.step.fail("un écart entre 0 et 0,2 (20 points) est attendu ; 0,01 = 1 point");
    std::map<std::string, std::size_t> groups;
    std::vector<ScopeBlock> blocks;
    std::string missing_blocks;
    for (std::size_t k = 0; k < dossier.rows.size(); ++k) {
        const BlockRow& row = dossier.rows[k];
        if (row.state == RowState::Excluded || (!scope.empty() && row.financer != scope)) continue;
        if (row.state != RowState::Computed) {
            missing_blocks += (missing_blocks.empty() ? "" : ", ") + std::to_string(k + 1);
            continue;
        }
        const auto group = groups.try_emplace(row.financer, groups.size()).first->second;
        blocks.push_back({&row.block, group});
    }
    std::string reason;
    if (!missing_blocks.empty()) {
        reason = "non calculé : bloc(s) n° " + missing_blocks + " en erreur (voir leur état)";
    } else if (blocks.empty()) {
        reason = scope.empty() ? "aucun bloc" : "aucun bloc pour « " + scope + " »";
    }
    struct Line {
        SensitivityDriver driver;
        std::array<TableCell, 6> cells;
        double weight = 0;
        std::string problem;
    };
    std::vector<Line> lines;
    ScopeResult base;
    if (reason.empty()) {
        try {
            base = scope_result(blocks, dossier.common);
        } catch (const ArgumentError& e) {
            reason = projection_problem(e);
        }
    }
    for (std::size_t d = 0; d < k_sensitivity_drivers; ++d) {
        Line line{static_cast<SensitivityDriver>(d),
                  {missing(), missing(), missing(), missing(), missing(), missing()},
                  0.0,
                  {}};
        if (reason.empty()) {
            try {
                const ScopeResult down = shifted_scope_result(blocks, dossier.common, line.driver, -step);
                const ScopeResult up = shifted_scope_result(blocks, dossier.common, line.driver, step);
                const double less = down.cumulative_gap - base.cumulative_gap;
                const double more = up.cumulative_gap - base.cumulative_gap;
                line.cells = {less,
                              more,
                              down.cumulative_gap,
                              up.cumulative_gap,
                              static_cast<double>(down.exhaustion_year),
                              static_cast<double>(up.exhaustion_year)};
                line.weight = std::max(std::abs(less), std::abs(more));
            } catch (const ArgumentError& e) {
                line.problem = e.reason();
            }
        }
        lines.push_back(std::move(line));
    }
    // Tornado order: the driver that moves the cumulative gap most first.
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.weight > b.weight; });
    TableBuilder out(8);
    for (const Line& line : lines) {
        std::vector<TableCell> cells{std::string(sensitivity_label(line.driver))};
        cells.insert(cells.end(), line.cells.begin(), line.cells.end());
        cells.push_back(reason.empty() ? line.problem : reason);
        const std::string why = std::get<std::string>(cells.back());
        out.row(std::move(cells), why);
    }
    return out.done();
}

}  // namespace

Value cpom_dossier(const CpomDossierArgs& args) {
    const auto output = static_cast<Output>(check::one_of(args.output.value(), k_outputs, args.output.role()));
    if (output == Output::Sensitivity || output == Output::Scenarios) {
        if (args.financers.cells().is_omitted()) {
            args.financers.fail("les codes des financeurs sont nécessaires pour " +
                                std::string(k_outputs[static_cast<std::size_t>(output)]));
        }
    }
    const Offers offers = output == Output::Scenarios ? read_offers(args.offers) : Offers{};
    const Dossier dossier = read_dossier(args);
    if (output == Output::Sensitivity) return sensitivity_table(dossier, args);
    if (output == Output::Scenarios) return scenarios_table(dossier, offers);

    const std::size_t cols = columns_of(output, dossier.years, offers.count);
    const std::vector<int> rank = output == Output::Indicators ? ranks(dossier) : std::vector<int>{};
    TableBuilder out(cols);
    for (std::size_t k = 0; k < dossier.rows.size(); ++k) {
        const BlockRow& row = dossier.rows[k];
        if (row.state == RowState::Excluded) {
            out.row(output == Output::State ? std::vector<TableCell>{std::string("exclu")} : std::vector<TableCell>{});
            continue;
        }
        if (row.state == RowState::NotComputed) {
            if (output == Output::State) {
                out.row({std::string("non calculé"), row.reason});
            } else {
                out.row(std::vector<TableCell>(cols, missing()), block_name(k) + row.reason);
            }
            continue;
        }
        const BlockProjection& p = row.projection;
        if (output == Output::State) {
            const BlockRates rates = block_rates(row.block, p);
            out.row({std::string(rates.problem.empty() ? "calculé" : "incomplet"), rates.problem});
        } else if (output == Output::Indicators) {
            const BlockRates rates = block_rates(row.block, p);
            std::vector<TableCell> cells{row.block.reserves, p.gap[0], p.cumulative_gap.back(),
                                         static_cast<double>(p.exhaustion_year)};
            for (const auto& r : {rates.breakeven, rates.minimal, rates.after_rebasing}) {
                cells.push_back(figure_or_missing(r));
            }
            cells.push_back(static_cast<double>(rank[k]));
            out.row(std::move(cells), block_name(k) + rates.problem);
        } else if (output == Output::Drivers) {
            const auto drivers = gap_drivers(p);
            out.row(figures(std::vector<double>(drivers.begin(), drivers.end())));
        } else {
            out.row(line_of(p, output));
        }
    }
    return out.done();
}

Value cpom_ppi(const CpomPpiArgs& args) {
    const CellBlock& plan = checked_plan(args.plan);
    const auto years = static_cast<std::size_t>(args.years.value(1, 30));
    const auto blocks = static_cast<std::size_t>(args.blocks.value(1, 100'000).value_or(0));
    check_result_size(plan.rows(), 2 + 4 * years);  // 8 cells a line give 2 + 4·N: the result outgrows the plan
    TableBuilder out(2 + 4 * years);
    for (std::size_t m = 0; m < plan.rows(); ++m) {
        const PlanLine line = read_plan_line(plan, m, years, blocks);
        if (line.empty) {
            out.row({std::string("vide")});
        } else if (!line.problem.empty()) {
            std::vector<TableCell> cells{std::string("non calculé"), line.problem};
            cells.resize(2 + 4 * years, missing());
            out.row(std::move(cells), "ligne " + std::to_string(m + 1) + " : " + line.problem);
        } else {
            std::vector<TableCell> cells{std::string("calculé"), std::string()};
            for (const auto* part : {&line.charges.net, &line.charges.depreciation, &line.charges.subsidy_release,
                                     &line.charges.interest}) {
                cells.insert(cells.end(), part->begin(), part->end());
            }
            out.row(std::move(cells));
        }
    }
    return out.done();
}

}  // namespace cpom::calls
