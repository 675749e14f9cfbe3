// Adapters of the EPRD / ERRD functions (docs/domain.md#eprd-errd): trial-balance cells (accounts as numbers or
// text) → engine inputs.
#include <optional>
#include <vector>

#include "adapters.hpp"
#include "cpom/accounts.hpp"
#include "cpom/balance_sheet.hpp"
#include "cpom/caf.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/ehpad_sections.hpp"
#include "cpom/calls/shapes.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"
#include "cpom/functional_groups.hpp"
#include "cpom/pgfp.hpp"
#include "cpom/ratios.hpp"
#include "cpom/selector.hpp"
#include "cpom/vetuste.hpp"

namespace cpom::calls {
namespace {

// A cell as the engine reads an account or a mapping cell: the text is a view into the call's arguments,
// which outlive the engine call, so a 100 000-line balance is read without copying any text.
AccountCell account_cell(const Cell& cell) {
    if (const auto* x = std::get_if<double>(&cell)) return *x;
    if (const auto* text = std::get_if<std::string>(&cell)) return std::string_view(*text);
    return std::monostate{};
}

void require_line(const Arg& arg, const std::string& name) {
    if (arg.rows != 1 && arg.cols != 1) {
        throw ArgumentError(name, "une colonne (ou une ligne) est attendue, la plage fait " +
                                      std::to_string(arg.rows) + " lignes × " + std::to_string(arg.cols) +
                                      " colonnes");
    }
}

// accounts and amounts of a trial balance: two lines of cells, read by the rule of cpom/accounts.hpp.
TrialBalance read_balance(const CallArgs& args, std::size_t accounts_index, std::size_t amounts_index) {
    const Arg& accounts = args.raw(accounts_index);
    const Arg& amounts = args.raw(amounts_index);
    require_line(accounts, args.name(accounts_index));
    require_line(amounts, args.name(amounts_index));
    const std::string& amounts_name = args.name(amounts_index);
    TrialBalance::check_sizes(accounts.cells.size(), amounts.cells.size(), amounts_name);
    TrialBalance balance;
    balance.reserve(accounts.cells.size());
    for (std::size_t k = 0; k < amounts.cells.size(); ++k) {
        const Cell& amount = amounts.cells[k];
        if (const auto* text = std::get_if<std::string>(&amount)) {
            throw ArgumentError(amounts_name, line_label(k + 1) + "du texte (« " + *text + " ») à la place d'un montant");
        }
        const auto* x = std::get_if<double>(&amount);
        balance.add(account_cell(accounts.cells[k]), x ? std::optional(*x) : std::nullopt, k + 1, amounts_name);
    }
    return balance;
}

// mapping: a two-column range (prefix, group).
GroupMapping read_mapping(const CallArgs& args, std::size_t index) {
    const Arg& arg = args.raw(index);
    if (arg.cols != 2) {
        throw ArgumentError(args.name(index), "deux colonnes sont attendues (préfixe de compte, groupe), la plage en a " +
                                                  std::to_string(arg.cols));
    }
    if (arg.rows > k_max_table_rows) {
        throw ArgumentError(args.name(index), "la table a " + format_count(arg.rows) + " lignes : au plus " +
                                                  format_count(k_max_table_rows) + " (une ligne par préfixe de compte)");
    }
    std::vector<MappingRow> rows;
    rows.reserve(arg.rows);
    for (std::size_t r = 0; r < arg.rows; ++r) rows.push_back({account_cell(arg.at(r, 0)), account_cell(arg.at(r, 1))});
    return GroupMapping::from_rows(rows, args.name(index));
}

// A row argument of the plan: one value for every year or a line of N values.
std::vector<double> yearly(const CallArgs& args, std::size_t index, std::size_t years) {
    const PerYear row(args.grid(index), 1, years, args.name(index));
    const std::span<const double> values = row.row(0);
    return {values.begin(), values.end()};
}

}  // namespace

Value cpom_accounts(const CallArgs& args) {
    const TrialBalance balance = read_balance(args, 0, 1);
    return sum_selected(balance, Selector::parse(args.text(2), args.name(2)));
}

// `group` is one code or a range of codes ("C1" … "P3"): the result has the range's shape, so that the six totals
// of a large trial balance cost one reading of it instead of six (Calc converts the whole range at every call).
Value cpom_group(const CallArgs& args) {
    const Arg& codes = args.raw(2);
    if (codes.is_blank()) throw ArgumentError(args.name(2), "groupe manquant : \"C1\" à \"C3\" ou \"P1\" à \"P3\"");
    std::vector<Group> groups;
    groups.reserve(codes.cells.size());
    const std::string name = args.name(2);
    // The cell's position, built only for a message: a range of codes may be as large as a column.
    const auto where = [&](std::size_t k) {
        return codes.cells.size() == 1 ? std::string() : " (cellule n° " + std::to_string(k + 1) + ")";
    };
    for (std::size_t k = 0; k < codes.cells.size(); ++k) {
        const auto* code = std::get_if<std::string>(&codes.cells[k]);
        if (code == nullptr) {
            throw ArgumentError(name, "un code de groupe en texte est attendu" + where(k) +
                                          " : \"C1\" à \"C3\" ou \"P1\" à \"P3\"");
        }
        try {
            groups.push_back(parse_group(*code, name));
        } catch (const ArgumentError& e) {
            throw ArgumentError(name + where(k), e.reason());
        }
    }
    const TrialBalance balance = read_balance(args, 0, 1);
    const std::array<double, 6> totals =
        args.given(3) ? group_totals(balance, read_mapping(args, 3)) : group_totals(balance, GroupMapping::standard());
    Matrix result{codes.rows, codes.cols, {}};
    result.values.reserve(groups.size());
    for (Group g : groups) result.values.push_back(totals[static_cast<std::size_t>(g)]);
    return result;
}

Value cpom_caf(const CallArgs& args) {
    return caf({args.number(0), args.number(1), args.number(2), args.number(3), args.number(4), args.number(5),
                args.number_or(6, 0.0)});
}

Value cpom_caf_balance(const CallArgs& args) {
    return caf_from_balance(read_balance(args, 0, 1), OtherExceptional::Only7781Legacy);
}

Value cpom_caf_errd(const CallArgs& args) {
    return caf_from_balance(read_balance(args, 0, 1), OtherExceptional::Account778);
}

Value cpom_caf_rate(const CallArgs& args) { return caf_rate(args.number(0), read_balance(args, 1, 2)); }

Value cpom_balance(const CallArgs& args) {
    const TrialBalance balance = read_balance(args, 0, 1);
    return balance_item(balance, parse_balance_item(args.text(2), args.name(2)));
}

Value cpom_ratio(const CallArgs& args) {
    return ratio(parse_ratio(args.text(0), args.name(0)), args.number(1), args.number(2));
}

Value cpom_pgfp(const CallArgs& args) {
    const std::size_t years = static_cast<std::size_t>(args.integer(4, 1, 30));
    const std::vector<double> rates_products = yearly(args, 2, years), rates_charges = yearly(args, 3, years),
                              depreciation = yearly(args, 5, years), investments = yearly(args, 6, years),
                              new_loans = yearly(args, 7, years), repayments = yearly(args, 8, years),
                              subsidies = yearly(args, 9, years);
    PgfpInputs in;
    in.products = args.number(0);
    in.charges = args.number(1);
    in.rates_products = rates_products;
    in.rates_charges = rates_charges;
    in.depreciation = depreciation;
    in.investments = investments;
    in.new_loans = new_loans;
    in.repayments = repayments;
    in.subsidies = subsidies;
    in.opening_frng = args.number(10);
    in.opening_debt = args.number(11);
    in.bfr_days = args.number(12);
    in.base_depreciation = args.optional_number(13);
    std::array<std::vector<double>, k_pgfp_rows> plan = pgfp(in);
    return to_matrix(std::vector<std::vector<double>>(std::make_move_iterator(plan.begin()),
                                                      std::make_move_iterator(plan.end())));
}

Value cpom_vetuste(const CallArgs& args) {
    const TrialBalance balance = read_balance(args, 0, 1);
    return vetuste(balance, parse_asset_type(args.text(2), args.name(2)));
}

// sections: one cell per line of the balance (hébergement, dépendance, soins, or blank outside an EHPAD section);
// rules: two columns (account prefix, admitted sections). The result has the accounts' shape.
Value cpom_section_check(const CallArgs& args) {
    const Arg& accounts = args.raw(0);
    const Arg& sections = args.raw(1);
    const Arg& rules = args.raw(3);
    require_line(sections, args.name(1));
    if (sections.cells.size() != accounts.cells.size()) {
        throw ArgumentError(args.name(1), "la plage a " + std::to_string(sections.cells.size()) + " cellules pour " +
                                              std::to_string(accounts.cells.size()) + " comptes");
    }
    const TrialBalance balance = read_balance(args, 0, 2);
    std::vector<std::optional<std::uint8_t>> bits;
    bits.reserve(sections.cells.size());
    for (std::size_t k = 0; k < sections.cells.size(); ++k) {
        const Cell& cell = sections.cells[k];
        if (std::holds_alternative<double>(cell)) {
            throw ArgumentError(args.name(1), line_label(k + 1) + "un nom de section est attendu, pas un nombre");
        }
        const auto* text = std::get_if<std::string>(&cell);
        bits.push_back(text ? parse_section(*text, args.name(1), k + 1) : std::nullopt);
    }
    if (rules.cols != 2) {
        throw ArgumentError(args.name(3), "deux colonnes sont attendues (préfixe de compte, sections admises), la plage en a " +
                                              std::to_string(rules.cols));
    }
    std::vector<SectionRuleRow> rows;
    rows.reserve(rules.rows);
    for (std::size_t r = 0; r < rules.rows; ++r) {
        const Cell& admitted = rules.at(r, 1);
        if (std::holds_alternative<double>(admitted)) {
            throw ArgumentError(args.name(3), line_label(r + 1) + "les sections admises sont un texte");
        }
        const auto* text = std::get_if<std::string>(&admitted);
        rows.push_back({account_cell(rules.at(r, 0)), text ? std::string_view(*text) : std::string_view()});
    }
    const SectionRules table = SectionRules::from_rows(rows, args.name(3));
    return Matrix{accounts.rows, accounts.cols, section_violations(balance, bits, table, accounts.cells.size())};
}

}  // namespace cpom::calls
