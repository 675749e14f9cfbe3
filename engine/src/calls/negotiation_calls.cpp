// Adapters of the negotiation functions (functions.md §1): cells → engine inputs.
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

}  // namespace

Value cpom_breakeven_rate(const CallArgs& args) {
    const double base = args.number(0);
    const std::vector<double> charges = args.line(1);
    const double reserves = args.number_or(2, 0.0);
    return breakeven_rate(base, charges, reserves);
}

Value cpom_adjustment(const CallArgs& args) {
    const YearlyPair pair = lay_out(args.grid(0), args.grid(1), args.name(0), args.name(1));
    const double threshold = args.number(2);
    const double share = args.number_or(3, 1.0);
    return for_each_row(pair.count, [&](std::size_t k) {
        return adjustment(pair.amount.row(k), pair.rate.row(k), threshold, share);
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
    in.inflation_mean = args.number(3);
    in.inflation_sd = args.number(4);
    in.resources_rate = args.number(5);
    in.reserves = args.number(6);
    in.scenarios = scenario_count(args.number_or(7, k_default_scenarios));
    in.seed = static_cast<std::uint32_t>(args.integer_or(8, 0, std::numeric_limits<int>::max(), 1));
    const RiskSummary risk = simulate_risk(in);
    return Matrix{1, 3, {risk.probability, risk.median_gap, risk.p90_gap}};
}

}  // namespace cpom::calls
