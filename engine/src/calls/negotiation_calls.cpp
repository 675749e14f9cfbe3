// Adapters of the negotiation functions (docs/domain.md#negotiation): cells → engine inputs.
#include <algorithm>
#include <limits>

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

YearlyPair lay_out(Grid amount, Grid rate, const std::string& amount_name, const std::string& rate_name) {
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
            throw ArgumentError(amount_name, "une valeur ou " + std::to_string(count) +
                                                 " valeurs (une par ligne) attendues, " +
                                                 std::to_string(amount.size()) + " reçues");
        }
    } else if (is_column(amount) && is_horizontal(rate)) {
        count = amount.rows;
        years = rate.cols;
        amount_per_row = true;
    }
    check_result_size(count, years);  // a column of K amounts with a row of N rates gives K × N
    if (amount_per_row) amount = spread_over_years(amount, years);
    return {count, years, PerYear(std::move(amount), count, years, amount_name),
            PerYear(std::move(rate), count, years, rate_name)};
}

// An optional per-year argument for one line of N years (a single value stands for every year), or empty.
std::vector<double> optional_years(const CallArgs& args, std::size_t i, std::size_t years) {
    if (!args.given(i)) return {};
    const PerYear row(args.grid(i), 1, years, args.name(i));
    const auto values = row.row(0);
    return {values.begin(), values.end()};
}

// A scalar rate of CPOM_RISK (inflation_mean, resources_rate) and its year-by-year form given at the end: never
// both, since one would be silently ignored. Calc refuses an empty required argument (;;) and passes a blank cell
// as 0, so with the row the scalar is written 0 (or a blank cell): "nothing here, see the row".
double scalar_or_row(const CallArgs& args, std::size_t scalar, std::size_t row) {
    if (!args.given(row)) return args.number(scalar);
    if (args.given(scalar) && args.number(scalar) != 0) {
        throw ArgumentError(args.name(scalar), "écrire 0 quand " + args.name(row) +
                                                   " donne le taux de chaque année (un seul des deux s'applique)");
    }
    return 0.0;  // not used: the row gives every year
}

}  // namespace

Value cpom_breakeven_rate(const CallArgs& args) {
    const double base = args.number(0);
    const std::vector<double> charges = args.line(1);
    const double reserves = args.number_or(2, 0.0);
    const std::vector<double> permanent = optional_years(args, 3, charges.size());
    const std::vector<double> one_off = optional_years(args, 4, charges.size());
    return breakeven_rate(base, charges, reserves, permanent, one_off);
}

Value cpom_adjustment(const CallArgs& args) {
    const YearlyPair pair = lay_out(args.grid(0), args.grid(1), args.name(0), args.name(1));
    const double threshold = args.number(2);
    const double share = args.number_or(3, 1.0);
    const bool built_in = args.integer_or(4, 0, 1, 0) == 1;
    if (!built_in) {
        return for_each_row(pair.count, [&](std::size_t k) {
            return adjustment(pair.amount.row(k), pair.rate.row(k), threshold, share);
        });
    }
    if (!args.given(5)) {
        throw ArgumentError(args.name(5), "les taux d'évolution de la base sont nécessaires pour reconduire le "
                                          "complément intégré à la base (built_in = 1)");
    }
    const PerYear rates(args.grid(5), pair.count, pair.years, args.name(5));
    return for_each_row(pair.count, [&](std::size_t k) {
        return adjustment_built_in(pair.amount.row(k), pair.rate.row(k), threshold, share, rates.row(k));
    });
}

Value cpom_absenteeism_cost(const CallArgs& args) {
    const YearlyPair pair = lay_out(args.grid(0), args.grid(1), args.name(0), args.name(1));
    const double replacement = args.number_or(2, 1.0);
    const double premium = args.number_or(3, 0.0);
    return for_each_row(pair.count, [&](std::size_t k) {
        const auto payroll = pair.amount.row(k), rate = pair.rate.row(k);
        std::vector<double> costs(pair.years);
        for (std::size_t t = 0; t < pair.years; ++t) {
            costs[t] = absenteeism_cost(payroll[t], rate[t], replacement, premium);
        }
        return costs;
    });
}

Value cpom_risk(const CallArgs& args) {
    RiskInputs in;
    in.base_charges = args.number(0);
    in.base_resources = args.number(1);
    in.years = args.integer(2, 1, 30);
    const auto years = static_cast<std::size_t>(in.years);
    in.inflation_mean = scalar_or_row(args, 3, 9);
    in.inflation_sd = args.number(4);
    in.resources_rate = scalar_or_row(args, 5, 10);
    in.reserves = args.number(6);
    in.scenarios = scenario_count(args.number_or(7, k_default_scenarios));
    in.seed = static_cast<std::uint32_t>(args.integer_or(8, 0, std::numeric_limits<int>::max(), 1));
    in.inflation_means = optional_years(args, 9, years);
    in.resources_rates = optional_years(args, 10, years);
    in.permanent = optional_years(args, 11, years);
    in.one_off = optional_years(args, 12, years);
    const RiskSummary risk = simulate_risk(in);
    return Matrix{1, 3, {risk.probability, risk.median_gap, risk.p90_gap}};
}

}  // namespace cpom::calls
