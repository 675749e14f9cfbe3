#include "cpom/investment_plan.hpp"

#include <cmath>
#include <string>
#include <string_view>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/french_text.hpp"

namespace cpom {
namespace {

constexpr int k_max_duration = 100;  // years: beyond, a depreciation or a loan is not a figure of a 5-year contract

std::string euros(double x) { return french_number(x, 0) + std::string(k_french_space) + "€"; }

// A field of a plan line: the error names the plan (the argument holding the line), its reason the field first
// ("subventions : …"), as the adapters show it in the line's row.
template <typename Check>
void field(std::string_view label, Check check) {
    try {
        check();
    } catch (const ArgumentError& e) {
        throw ArgumentError(Role::plan, std::string(label) + " : " + e.reason());
    }
}

void validate(const Investment& in, std::size_t years) {
    const Role plan = Role::plan;
    field("année de mise en service", [&] { check::whole_number(in.service_year, 1, static_cast<int>(years), plan); });
    field("montant", [&] { check::positive(in.amount, plan); });
    field("durée d'amortissement", [&] { check::whole_number(in.depreciation_years, 1, k_max_duration, plan); });
    field("subventions", [&] { check::non_negative(in.subsidy, plan); });
    if (in.subsidy > in.amount) {
        throw ArgumentError(plan, "subventions : " + euros(in.subsidy) + " dépassent le montant de l'investissement (" +
                                      euros(in.amount) + ")");
    }
    field("emprunt", [&] { check::non_negative(in.loan, plan); });
    if (in.loan > in.amount - in.subsidy + 0.005) {
        throw ArgumentError(plan, "emprunt : subventions et emprunt (" + euros(in.subsidy + in.loan) +
                                      ") dépassent le montant de l'investissement (" + euros(in.amount) + ")");
    }
    field("taux de l'emprunt", [&] { check::fraction(in.loan_rate, plan); });
    if (in.loan > 0) field("durée de l'emprunt", [&] { check::whole_number(in.loan_years, 1, k_max_duration, plan); });
}

}  // namespace

InvestmentCharges investment_charges(const Investment& in, std::size_t years) {
    validate(in, years);
    InvestmentCharges out{std::vector<double>(years), std::vector<double>(years), std::vector<double>(years),
                          std::vector<double>(years)};
    const double yearly_depreciation = in.amount / in.depreciation_years;
    const double yearly_release = in.subsidy / in.depreciation_years;
    // Constant annuity a = L·i / (1 − (1 + i)^−n); at a zero rate, the capital in n equal parts.
    const double annuity = in.loan <= 0 ? 0.0
                           : in.loan_rate == 0
                               ? in.loan / in.loan_years
                               : in.loan * in.loan_rate / (1.0 - std::pow(1.0 + in.loan_rate, -in.loan_years));
    double owed = in.loan;
    for (std::size_t t = 0; t < years; ++t) {
        const int age = static_cast<int>(t) + 1 - in.service_year;  // 0 in the year of service
        if (age < 0) continue;
        if (age < in.depreciation_years) {
            out.depreciation[t] = yearly_depreciation;
            out.subsidy_release[t] = yearly_release;
        }
        if (in.loan > 0 && age < in.loan_years) {
            out.interest[t] = owed * in.loan_rate;
            owed -= annuity - out.interest[t];
        }
        out.net[t] = out.depreciation[t] - out.subsidy_release[t] + out.interest[t];
    }
    return out;
}

}  // namespace cpom
