// Adapters of the negotiation functions (docs/domain.md#negotiation): cells → engine inputs.
#include <algorithm>
#include <string>
#include <vector>

#include "adapters.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/calls/shapes.hpp"
#include "cpom/error.hpp"
#include "cpom/negotiation.hpp"
#include "cpom/risk.hpp"

namespace cpom::calls {
namespace {

// Two per-year arguments (an amount and a rate) laid out as K rows of N years, following the catalogue's
// "Many establishments" convention:
//  - amount K×N: K rows; the rate is a single value, one line of N shared by all, or K×N;
//  - rate K×N: K rows; the amount is a single value, a column of K (one per row, every year) or a line of N;
//  - amount a column of K ≥ 2 values and rate a horizontal row of N ≥ 2: K rows (as CPOM_PROJECT's base);
//  - otherwise one line: singles stand for every year, lines must have the same length N (1×N or N×1).
struct YearlyPair {
    std::size_t count = 1;
    std::size_t years = 1;
    PerYear amount;
    PerYear rate;
};

bool is_column(const Grid& g) { return g.cols == 1 && g.rows > 1; }
bool is_horizontal(const Grid& g) { return g.rows == 1 && g.cols > 1; }

// A column of K amounts, one per row, repeated over the N years.
Grid spread_over_years(const Grid& column, std::size_t years) {
    Grid grid{column.size(), years, {}};
    grid.values.reserve(column.size() * years);
    for (double v : column.values) grid.values.insert(grid.values.end(), years, v);
    return grid;
}

YearlyPair lay_out(const RowArg& amount_arg, const RowArg& rate_arg) {
    Grid amount = amount_arg.grid(), rate = rate_arg.grid();
    std::size_t count = 1, years = std::max(amount.size(), rate.size());
    bool amount_per_row = false;
    if (!amount.is_line()) {
        count = amount.rows;
        years = amount.cols;
    } else if (!rate.is_line()) {
        count = rate.rows;
        years = rate.cols;
        amount_per_row = is_column(amount);
        if (amount_per_row && amount.rows != count) {
            amount_arg.fail("une valeur ou " + std::to_string(count) + " valeurs (une par ligne) attendues, " +
                            std::to_string(amount.size()) + " reçues");
        }
    } else if (is_column(amount) && is_horizontal(rate)) {
        count = amount.rows;
        years = rate.cols;
        amount_per_row = true;
    }
    check_result_size(count, years);  // a column of K amounts with a row of N rates gives K × N
    if (amount_per_row) amount = spread_over_years(amount, years);
    return {count, years, PerYear(std::move(amount), count, years, amount_arg.role()),
            PerYear(std::move(rate), count, years, rate_arg.role())};
}

// An optional per-year argument for one line of N years (a single value stands for every year), or empty.
std::vector<double> optional_years(const RowArg& arg, std::size_t years) {
    if (!arg.given()) return {};
    const PerYear row(arg, 1, years);
    const auto values = row.row(0);
    return {values.begin(), values.end()};
}

// A scalar rate of CPOM_RISK (inflation_mean, resources_rate) and its year-by-year form given at the end: never
// both, since one would be silently ignored. Calc refuses an empty required argument (;;) and passes a blank cell
// as 0, so with the row the scalar is written 0 (or a blank cell): "nothing here, see the row".
double scalar_or_row(const NumberArg& scalar, const RowArg& row) {
    if (!row.given()) return scalar.value();
    if (scalar.given() && scalar.value() != 0) {
        scalar.fail("écrire 0 quand " + row.label() + " donne le taux de chaque année (un seul des deux s'applique)");
    }
    return 0.0;  // not used: the row gives every year
}

}  // namespace

Value cpom_breakeven_rate(const CpomBreakevenRateArgs& args) {
    const double base = args.base_resources.value();
    const std::vector<double> charges = args.charges.line();
    const double reserves = args.reserves.value();
    const std::vector<double> permanent = optional_years(args.permanent, charges.size());
    const std::vector<double> one_off = optional_years(args.one_off, charges.size());
    return breakeven_rate(base, charges, reserves, permanent, one_off);
}

Value cpom_adjustment(const CpomAdjustmentArgs& args) {
    const YearlyPair pair = lay_out(args.base, args.inflation);
    const double threshold = args.threshold.value();
    const double share = args.share.value();
    if (args.built_in.value() == 0) {
        return for_each_row(pair.count, [&](std::size_t k, std::vector<double>& out) {
            append(out, adjustment(pair.amount.row(k), pair.rate.row(k), threshold, share));
        });
    }
    if (!args.rates.given()) {
        args.rates.fail(
            "les taux d'évolution de la base sont nécessaires pour reconduire le complément intégré à la "
            "base (" +
            args.built_in.label() + " = 1)");
    }
    const PerYear rates(args.rates, pair.count, pair.years);
    return for_each_row(pair.count, [&](std::size_t k, std::vector<double>& out) {
        append(out, adjustment_built_in(pair.amount.row(k), pair.rate.row(k), threshold, share, rates.row(k)));
    });
}

Value cpom_absenteeism_cost(const CpomAbsenteeismCostArgs& args) {
    const YearlyPair pair = lay_out(args.payroll, args.rate);
    const double replacement = args.replacement.value();
    const double premium = args.premium.value();
    return for_each_row(pair.count, [&](std::size_t k, std::vector<double>& out) {
        const auto payroll = pair.amount.row(k), rate = pair.rate.row(k);
        for (std::size_t t = 0; t < pair.years; ++t) {
            out.push_back(absenteeism_cost(payroll[t], rate[t], replacement, premium));
        }
    });
}

Value cpom_risk(const CpomRiskArgs& args) {
    RiskInputs in;
    in.base_charges = args.base_charges.value();
    in.base_resources = args.base_resources.value();
    in.years = args.years.value();
    const auto years = static_cast<std::size_t>(in.years);
    in.inflation_mean = scalar_or_row(args.inflation_mean, args.inflation_means);
    in.inflation_sd = args.inflation_sd.value();
    in.resources_rate = scalar_or_row(args.resources_rate, args.resources_rates);
    in.reserves = args.reserves.value();
    in.scenarios = scenario_count(args.scenarios.number().value_or(k_default_scenarios));
    in.seed = static_cast<std::uint32_t>(args.seed.value());
    in.inflation_means = optional_years(args.inflation_means, years);
    in.resources_rates = optional_years(args.resources_rates, years);
    in.permanent = optional_years(args.permanent, years);
    in.one_off = optional_years(args.one_off, years);
    const RiskSummary risk = simulate_risk(in);
    return Matrix{1, 3, {risk.probability, risk.median_gap, risk.p90_gap}};
}

}  // namespace cpom::calls
