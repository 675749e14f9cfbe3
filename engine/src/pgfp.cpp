#include "cpom/pgfp.hpp"

#include <algorithm>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"
#include "cpom/projection.hpp"

namespace cpom {
namespace {

void amounts_row(std::span<const double> row, std::size_t years, Role role) {
    check::length(row, years, role);
    for (double x : row) check::non_negative(x, role);
}

}  // namespace

std::array<std::vector<double>, k_pgfp_rows> pgfp(const PgfpInputs& in) {
    const std::size_t years = in.rates_products.size();
    check::non_negative(in.products, Role::products);
    check::non_negative(in.charges, Role::charges);
    check::length(in.rates_charges, years, Role::rates_charges);
    amounts_row(in.depreciation, years, Role::depreciation);
    amounts_row(in.investments, years, Role::investments);
    amounts_row(in.new_loans, years, Role::new_loans);
    amounts_row(in.repayments, years, Role::repayments);
    amounts_row(in.subsidies, years, Role::subsidies);
    check::finite(in.opening_frng, Role::opening_frng);
    check::non_negative(in.opening_debt, Role::opening_debt);
    check::finite(in.bfr_days, Role::bfr_days);
    if (in.base_depreciation) {
        check::non_negative(*in.base_depreciation, Role::base_depreciation);
        if (*in.base_depreciation > in.charges) {
            throw ArgumentError(Role::base_depreciation,
                                "la dotation de l'année 0 (" + format_number(*in.base_depreciation) +
                                    ") dépasse les charges (" + format_number(in.charges) + ") qui l'incluent");
        }
    }

    std::array<std::vector<double>, k_pgfp_rows> plan;
    auto row = [&plan](PgfpRow r) -> std::vector<double>& { return plan[static_cast<std::size_t>(r)]; };
    // Same compounding as CPOM_PROJECT, with its rate checks; errors renamed to this function's arguments.
    auto projected = [](double base, std::span<const double> rates, Role base_role, Role rates_role) {
        try {
            return project(base, rates);
        } catch (const ArgumentError& e) {
            throw ArgumentError(e.role() == Role::rates  ? rates_role
                                : e.role() == Role::base ? base_role
                                                         : e.role(),
                                e.reason());
        }
    };
    row(PgfpRow::Products) = projected(in.products, in.rates_products, Role::products, Role::rates_products);
    // The charges that grow with the rates: all of them (legacy reading), or only the cash ones.
    const std::vector<double> growing = projected(in.charges - in.base_depreciation.value_or(0.0), in.rates_charges,
                                                  Role::charges, Role::rates_charges);
    row(PgfpRow::Charges) = growing;
    if (in.base_depreciation) {
        for (std::size_t t = 0; t < years; ++t) row(PgfpRow::Charges)[t] += in.depreciation[t];
    }
    for (std::size_t r = 2; r < k_pgfp_rows; ++r) plan[r].resize(years);

    double frng = in.opening_frng;
    double debt = in.opening_debt;
    for (std::size_t t = 0; t < years; ++t) {
        const double result = row(PgfpRow::Products)[t] - row(PgfpRow::Charges)[t];
        if (!in.base_depreciation && in.depreciation[t] > row(PgfpRow::Charges)[t]) {  // one of the charges
            throw ArgumentError(Role::depreciation, "année " + std::to_string(t + 1) + " : la dotation (" +
                                                        format_number(in.depreciation[t]) + ") dépasse les charges (" +
                                                        format_number(row(PgfpRow::Charges)[t]) + ") qui l'incluent");
        }
        const double caf = result + in.depreciation[t];
        const double change = caf + in.new_loans[t] + in.subsidies[t] - in.investments[t] - in.repayments[t];
        frng += change;
        const double owed = debt + in.new_loans[t];
        // Repaying exactly what is owed may leave a rounding residue: that is 0, not an error.
        if (in.repayments[t] > owed * (1 + 1e-12)) {
            throw ArgumentError(Role::repayments, "année " + std::to_string(t + 1) + " : les remboursements (" +
                                                      format_number(in.repayments[t]) +
                                                      ") dépassent l'encours de la "
                                                      "dette (" +
                                                      format_number(owed) + ")");
        }
        debt = std::max(0.0, owed - in.repayments[t]);
        row(PgfpRow::Result)[t] = result;
        row(PgfpRow::Caf)[t] = caf;
        row(PgfpRow::FrngChange)[t] = change;
        row(PgfpRow::Frng)[t] = frng;
        // The BFR follows the charges it is counted in days of: the cash charges when they are known.
        const double bfr_base = in.base_depreciation ? growing[t] : row(PgfpRow::Charges)[t];
        row(PgfpRow::Treasury)[t] = frng - in.bfr_days * bfr_base / 365.0;
        row(PgfpRow::Debt)[t] = debt;
    }
    return plan;
}

}  // namespace cpom
