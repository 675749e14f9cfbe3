// Plan pluriannuel d'investissement (PPI) outside the CPOM (docs/domain.md#ppi): what one investment adds to the
// charges of the contract's years — depreciation, less the subsidy released at the same pace, plus the interest
// of its loan — so that "recognition of the investments" has a figure.
#pragma once

#include <cstddef>
#include <vector>

namespace cpom {

// One line of the plan. Conventions of this project (docs/domain.md#ppi): the asset is depreciated on a straight
// line over `depreciation_years` from its year of service, a full year's charge in that year (no pro rata
// temporis); the subsidy is released to the result (account 777) at the depreciation's pace; the loan is drawn at
// the start of the year of service and repaid by constant annuities, interest on the capital still owed.
struct Investment {
    int service_year = 1;        // year of the contract (1..N) the asset is put into service
    double amount = 0;           // cost, euros, > 0
    int depreciation_years = 1;  // 1..100
    double subsidy = 0;          // investment subsidies, euros, 0..amount
    double loan = 0;             // euros, 0..amount − subsidy (the rest is self-financed)
    double loan_rate = 0;        // yearly rate of the loan, 0..100 %
    int loan_years = 1;          // 1..100, used when loan > 0
};

// Years 1..N of the contract.
struct InvestmentCharges {
    std::vector<double> depreciation;     // dotations aux amortissements (68)
    std::vector<double> subsidy_release;  // quote-part des subventions virée au résultat (777), lowers the charge
    std::vector<double> interest;         // intérêts de l'emprunt (66)
    std::vector<double> net;              // depreciation − subsidy_release + interest: what the block must bear
};

// Throws ArgumentError(Role::plan, "<field> : <reason>") on an input outside the ranges above, or a service year
// beyond N: the field in French first, for the row of the line in error.
InvestmentCharges investment_charges(const Investment& investment, std::size_t years);

}  // namespace cpom
