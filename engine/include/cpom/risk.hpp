// CPOM_RISK (docs/domain.md#negotiation): Monte Carlo of the scissor effect between inflating charges and capped
// resources.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace cpom {

inline constexpr int k_default_scenarios = 10'000;
// Above a million scenarios a call would freeze the spreadsheet for seconds, for no useful precision gain
// (the standard error of a probability is already below 0.05 point).
inline constexpr int k_max_scenarios = 1'000'000;
// The work of one call is scenarios × years draws: at most this many, so that a call stays under about 0.1 s
// (issue 13; benchmarks/worst_case_bench.cpp): 1 000 000 scenarios over 5 years, 166 666 over 30.
inline constexpr long long k_max_draws = 5'000'000;

struct RiskInputs {
    double base_charges = 0;    // C_0, euros, ≥ 0
    double base_resources = 0;  // R_0, euros, ≥ 0
    int years = 5;              // N, 1..30
    double inflation_mean = 0;  // mean yearly charge inflation, > −100 %
    double inflation_sd = 0;    // its standard deviation, ≥ 0
    double resources_rate = 0;  // yearly resource evolution, > −100 %
    double reserves = 0;        // euros, any finite amount
    int scenarios = k_default_scenarios;
    std::uint32_t seed = 1;
    // Year-by-year forms, as CPOM_PROJECT takes them (each empty, or N values): the mean inflation of each year
    // (replaces inflation_mean), the resources' rate of each year (replaces resources_rate), and the resources'
    // new measures, lasting (carried over and compounded) or one-off (that year only).
    std::vector<double> inflation_means;
    std::vector<double> resources_rates;
    std::vector<double> permanent;
    std::vector<double> one_off;
};

struct RiskSummary {
    double probability = 0;  // share of scenarios whose cumulative gap exceeds reserves in some year 1..N
    double median_gap = 0;   // median of the final cumulative gap (year N)
    double p90_gap = 0;      // 90th percentile of the final cumulative gap
};

// Each scenario: C_t = C_{t−1}·(1 + mean_t + sd·z_t), z_t independent standard normals (Boost.Random mt19937 +
// ziggurat normal, so a seed gives the same figures on every platform), mean_t = inflation_means[t] or
// inflation_mean; resources as CPOM_PROJECT without cap: P_0 = R_0, P_t = P_{t−1}·(1 + rate_t) + permanent_t,
// R_t = P_t + one_off_t (R_t = R_0·(1 + resources_rate)^t in the scalar form); cumulative gap Σ_{s≤t} (C_s − R_s).
// With sd = 0 every scenario is the projection itself: the median is its final cumulative gap. "Exceeds" is strict, as in CPOM_EXHAUSTION_YEAR. Draws are not truncated:
// with a huge sd a yearly factor 1 + i_t can fall below 0. Scenarios are drawn in order, year after year, so the
// same seed gives the same z for every mean (common random numbers). Memory: one double per scenario.
RiskSummary simulate_risk(const RiskInputs& inputs);

// A scenario count typed in a cell: a whole number in [1, k_max_scenarios], or an ArgumentError on "scenarios".
int scenario_count(double requested);

// The p-quantile (0 ≤ p ≤ 1) with the definition of Calc's PERCENTILE / Excel's PERCENTILE.INC (Hyndman–Fan
// type 7): h = (n − 1)·p, x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋) on the sorted values; the median is p = 0.5.
// O(n) with nth_element: reorders `values`, which must not be empty.
double percentile(std::span<double> values, double p);

}  // namespace cpom
