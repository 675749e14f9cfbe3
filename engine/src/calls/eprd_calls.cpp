// Adapters of the EPRD / ERRD functions (docs/domain.md#eprd-errd): trial-balance cells (accounts as numbers or
// text) → engine inputs.
#include <optional>
#include <string>
#include <vector>

#include "adapters.hpp"
#include "cpom/accounts.hpp"
#include "cpom/balance_sheet.hpp"
#include "cpom/caf.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/calls/roles.hpp"
#include "cpom/calls/shapes.hpp"
#include "cpom/ehpad_sections.hpp"
#include "cpom/format.hpp"
#include "cpom/functional_groups.hpp"
#include "cpom/pgfp.hpp"
#include "cpom/ratios.hpp"
#include "cpom/selector.hpp"
#include "cpom/vetuste.hpp"

namespace cpom::calls {
namespace {

// A cell as the engine reads an account or a mapping cell: the text is a view into the call's arguments, which
// outlive the engine call, so a 100 000-line balance is read without copying any text.
AccountCell account_cell(const CellView& cell) {
    if (cell.is_number()) return cell.number;
    if (cell.is_text()) return cell.text;
    return std::monostate{};
}

// accounts and amounts of a trial balance: two lines of cells (each argument's kind and blank rule enforced),
// read line by line by the rule of cpom/accounts.hpp. The engine's roles accounts and amounts are these arguments
// (CPOM_BALANCE and CPOM_VETUSTE call their amounts balances).
TrialBalance read_balance(const ColumnArg& accounts, const ColumnArg& amounts) {
    const CheckedCells account_cells = accounts.cells();
    const CheckedCells amount_cells = amounts.cells();
    return with_roles({{Role::accounts, accounts}, {Role::amounts, amounts}}, [&] {
        TrialBalance::check_sizes(account_cells.size(), amount_cells.size());
        TrialBalance balance;
        balance.reserve(account_cells.size());
        for (std::size_t k = 0; k < amount_cells.size(); ++k) {
            balance.add(account_cell(account_cells[k]), amount_cells.number(k), k + 1);
        }
        return balance;
    });
}

// mapping: a two-column range (prefix, group).
GroupMapping read_mapping(const RangeArg& mapping) {
    const CheckedCells cells = mapping.cells();
    if (cells.cols() != 2) {
        mapping.fail("deux colonnes sont attendues (préfixe de compte, groupe), la plage en a " +
                     std::to_string(cells.cols()));
    }
    if (cells.rows() > k_max_table_rows) {
        mapping.fail("la table a " + format_count(cells.rows()) + " lignes : au plus " +
                     format_count(k_max_table_rows) + " (une ligne par préfixe de compte)");
    }
    std::vector<MappingRow> rows;
    rows.reserve(cells.rows());
    for (std::size_t r = 0; r < cells.rows(); ++r)
        rows.push_back({account_cell(cells(r, 0)), account_cell(cells(r, 1))});
    return GroupMapping::from_rows(rows, mapping.role());
}

// The group codes: one code, or a range of codes whose shape the result takes.
std::vector<Group> read_groups(const AnyArg& group) {
    const CellBlock& codes = group.cells();
    if (codes.is_blank()) group.fail("groupe manquant : \"C1\" à \"C3\" ou \"P1\" à \"P3\"");
    std::vector<Group> groups;
    groups.reserve(codes.size());
    // The cell's position, built only for a message: a range of codes may be as large as a column.
    const auto where = [&](std::size_t k) {
        return codes.size() == 1 ? std::string() : "cellule n° " + std::to_string(k + 1) + " : ";
    };
    for (std::size_t k = 0; k < codes.size(); ++k) {
        const CellView code = codes.at(k);
        if (!code.is_text()) {
            group.fail(where(k) + "un code de groupe en texte est attendu : \"C1\" à \"C3\" ou \"P1\" à \"P3\"");
        }
        try {
            groups.push_back(parse_group(code.text, group.role()));
        } catch (const ArgumentError& e) {
            group.fail(where(k) + e.reason());
        }
    }
    return groups;
}

// A row argument of the plan: one value for every year or a line of N values.
std::vector<double> yearly(const RowArg& arg, std::size_t years) {
    const PerYear row(arg, 1, years);
    const std::span<const double> values = row.row(0);
    return {values.begin(), values.end()};
}

}  // namespace

Value cpom_accounts(const CpomAccountsArgs& args) {
    const TrialBalance balance = read_balance(args.accounts, args.amounts);
    return sum_selected(balance, Selector::parse(args.selector.value(), args.selector.role()));
}

// `group` is one code or a range of codes ("C1" … "P3"): the result has the range's shape, so that the six totals
// of a large trial balance cost one reading of it instead of six (Calc converts the whole range at every call).
Value cpom_group(const CpomGroupArgs& args) {
    const std::vector<Group> groups = read_groups(args.group);
    const TrialBalance balance = read_balance(args.accounts, args.amounts);
    const std::array<double, 6> totals = args.mapping.given() ? group_totals(balance, read_mapping(args.mapping))
                                                              : group_totals(balance, GroupMapping::standard());
    Matrix result{args.group.cells().rows(), args.group.cells().cols(), {}};
    result.values.reserve(groups.size());
    for (Group g : groups) result.values.push_back(totals[static_cast<std::size_t>(g)]);
    return result;
}

Value cpom_caf(const CpomCafArgs& args) {
    return caf({args.result.value(), args.depreciation_68.value(), args.reversals_78.value(),
                args.disposals_775.value(), args.book_value_675.value(), args.subsidies_777.value(),
                args.other_7781.value()});
}

Value cpom_caf_balance(const CpomCafBalanceArgs& args) {
    return caf_from_balance(read_balance(args.accounts, args.amounts), OtherExceptional::Only7781Legacy);
}

Value cpom_caf_errd(const CpomCafErrdArgs& args) {
    return caf_from_balance(read_balance(args.accounts, args.amounts), OtherExceptional::Account778);
}

Value cpom_caf_rate(const CpomCafRateArgs& args) {
    return caf_rate(args.caf.value(), read_balance(args.accounts, args.amounts));
}

Value cpom_balance(const CpomBalanceArgs& args) {
    const TrialBalance balance = read_balance(args.accounts, args.balances);
    return balance_item(balance, parse_balance_item(args.item.value(), args.item.role()));
}

Value cpom_ratio(const CpomRatioArgs& args) {
    return ratio(parse_ratio(args.name.value(), args.name.role()), args.a.value(), args.b.value());
}

Value cpom_pgfp(const CpomPgfpArgs& args) {
    const auto years = static_cast<std::size_t>(args.years.value());
    const std::vector<double> rates_products = yearly(args.rates_products, years),
                              rates_charges = yearly(args.rates_charges, years),
                              depreciation = yearly(args.depreciation, years),
                              investments = yearly(args.investments, years), new_loans = yearly(args.new_loans, years),
                              repayments = yearly(args.repayments, years), subsidies = yearly(args.subsidies, years);
    PgfpInputs in;
    in.products = args.products.value();
    in.charges = args.charges.value();
    in.rates_products = rates_products;
    in.rates_charges = rates_charges;
    in.depreciation = depreciation;
    in.investments = investments;
    in.new_loans = new_loans;
    in.repayments = repayments;
    in.subsidies = subsidies;
    in.opening_frng = args.opening_frng.value();
    in.opening_debt = args.opening_debt.value();
    in.bfr_days = args.bfr_days.value();
    in.base_depreciation = args.base_depreciation.value();
    const std::array<std::vector<double>, k_pgfp_rows> plan = pgfp(in);
    Matrix result{k_pgfp_rows, years, {}};
    result.values.reserve(k_pgfp_rows * years);
    for (const std::vector<double>& row : plan) append(result.values, row);
    return result;
}

Value cpom_vetuste(const CpomVetusteArgs& args) {
    const TrialBalance balance = read_balance(args.accounts, args.balances);
    return vetuste(balance, parse_asset_type(args.asset_type.value(), args.asset_type.role()));
}

// sections: one cell per line of the balance (hébergement, dépendance, soins, or blank outside an EHPAD section);
// rules: two columns (account prefix, admitted sections). The result has the accounts' shape.
Value cpom_section_check(const CpomSectionCheckArgs& args) {
    const CheckedCells accounts = args.accounts.cells();
    const CheckedCells sections = args.sections.cells();
    if (sections.size() != accounts.size()) {
        args.sections.fail("la plage a " + std::to_string(sections.size()) + " cellules pour " +
                           std::to_string(accounts.size()) + " comptes");
    }
    const TrialBalance balance = read_balance(args.accounts, args.amounts);
    std::vector<std::optional<std::uint8_t>> bits;
    bits.reserve(sections.size());
    for (std::size_t k = 0; k < sections.size(); ++k) {
        const CellView cell = sections[k];
        if (cell.is_number()) args.sections.fail(line_label(k + 1) + "un nom de section est attendu, pas un nombre");
        bits.push_back(cell.is_text() ? parse_section(cell.text, args.sections.role(), k + 1) : std::nullopt);
    }
    const CheckedCells rules = args.rules.cells();
    if (rules.cols() != 2) {
        args.rules.fail("deux colonnes sont attendues (préfixe de compte, sections admises), la plage en a " +
                        std::to_string(rules.cols()));
    }
    std::vector<SectionRuleRow> rows;
    rows.reserve(rules.rows());
    for (std::size_t r = 0; r < rules.rows(); ++r) {
        const CellView admitted = rules(r, 1);
        if (admitted.is_number()) args.rules.fail(line_label(r + 1) + "les sections admises sont un texte");
        rows.push_back({account_cell(rules(r, 0)), admitted.is_text() ? admitted.text : std::string_view()});
    }
    const SectionRules table = SectionRules::from_rows(rows, args.rules.role());
    return Matrix{accounts.rows(), accounts.cols(), section_violations(balance, bits, table, accounts.size())};
}

}  // namespace cpom::calls
