#include "cpom/investment_plan.hpp"

#include <cmath>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/french_text.hpp"

namespace cpom {
namespace {

constexpr int k_max_duration = 100;  // years: beyond, a depreciation or a loan is not a figure of a 5-year contract

std::string euros(double x) { return french_number(x, 0) + std::string(k_french_space) + "€"; }

void validate(const Investment& in, std::size_t years) {
    check::whole_number(in.service_year, 1, static_cast<int>(years), "année de mise en service");
    check::positive(in.amount, "montant");
    check::whole_number(in.depreciation_years, 1, k_max_duration, "durée d'amortissement");
    check::non_negative(in.subsidy, "subventions");
    if (in.subsidy > in.amount) {
        throw ArgumentError("subventions", euros(in.subsidy) + " dépassent le montant de l'investissement (" +
                                               euros(in.amount) + ")");
    }
    check::non_negative(in.loan, "emprunt");
    if (in.loan > in.amount - in.subsidy + 0.005) {
        throw ArgumentError("emprunt", "subventions et emprunt (" + euros(in.subsidy + in.loan) +
                                           ") dépassent le montant de l'investissement (" + euros(in.amount) + ")");
    }
    check::fraction(in.loan_rate, "taux de l'emprunt");
    if (in.loan > 0) check::whole_number(in.loan_years, 1, k_max_duration, "durée de l'emprunt");
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
