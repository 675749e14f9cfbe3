#include "cpom/risk.hpp"

#include <algorithm>
#include <array>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"
#include "cpom/projection.hpp"

namespace cpom {
namespace {

constexpr int k_max_years = 30;

void validate(const RiskInputs& in) {
    check::non_negative(in.base_charges, Role::base_charges);
    check::non_negative(in.base_resources, Role::base_resources);
    if (in.years < 1 || in.years > k_max_years) {
        throw ArgumentError(Role::years, "doit être un entier entre 1 et 30 (reçu " + std::to_string(in.years) + ")");
    }
    check::growth_rate(in.inflation_mean, Role::inflation_mean);
    check::non_negative(in.inflation_sd, Role::inflation_sd);
    check::growth_rate(in.resources_rate, Role::resources_rate);
    check::finite(in.reserves, Role::reserves);
    scenario_count(in.scenarios);
    const auto years = static_cast<std::size_t>(in.years);
    const auto per_year = [years](const std::vector<double>& row, Role role) {
        if (!row.empty()) check::length(row, years, role);
    };
    per_year(in.inflation_means, Role::inflation_means);
    for (double m : in.inflation_means) check::growth_rate(m, Role::inflation_means);
    per_year(in.resources_rates, Role::resources_rates);
    for (double r : in.resources_rates) check::growth_rate(r, Role::resources_rates);
    per_year(in.permanent, Role::permanent);
    check::finite_row(in.permanent, Role::permanent);
    per_year(in.one_off, Role::one_off);
    check::finite_row(in.one_off, Role::one_off);
    if (static_cast<long long>(in.scenarios) * in.years > k_max_draws) {
        throw ArgumentError(Role::scenarios,
                            "au plus " + format_count(k_max_draws) + " tirages par appel (scénarios × " +
                                "années) : " + format_count(k_max_draws / in.years) + " scénarios sur " +
                                std::to_string(in.years) + " ans (reçu " + format_count(in.scenarios) +
                                ") ; au-delà le calcul bloquerait le tableur");
    }
}

// R_1..R_N, the same in every scenario: CPOM_PROJECT's recurrence (which allows no zero base, unlike R_0 here).
std::vector<double> projected_resources(const RiskInputs& in) {
    const auto years = static_cast<std::size_t>(in.years);
    const std::vector<double> rates =
        in.resources_rates.empty() ? std::vector<double>(years, in.resources_rate) : in.resources_rates;
    return project_unchecked(in.base_resources, rates, std::nullopt, in.permanent, in.one_off);
}

}  // namespace

int scenario_count(double requested) {
    check::finite(requested, Role::scenarios);
    if (requested != std::floor(requested)) {
        throw ArgumentError(Role::scenarios,
                            "un nombre entier de scénarios est attendu (reçu " + format_number(requested) + ")");
    }
    if (requested < 1) {
        throw ArgumentError(Role::scenarios, "au moins 1 scénario est attendu (reçu " + format_number(requested) + ")");
    }
    if (requested > k_max_scenarios) {
        throw ArgumentError(Role::scenarios,
                            "au plus 1 000 000 scénarios par appel (reçu " + format_number(requested) +
                                ") : au-delà le calcul bloquerait le tableur sans gain de précision utile");
    }
    return static_cast<int>(requested);
}

double percentile(std::span<double> values, double p) {
    const double h = static_cast<double>(values.size() - 1) * p;
    const auto below = static_cast<std::size_t>(std::floor(h));
    std::nth_element(values.begin(), values.begin() + below, values.end());
    const double low = values[below];
    if (below + 1 >= values.size()) return low;
    // After nth_element every value past `below` is ≥ low: the next order statistic is their minimum.
    const double high = *std::min_element(values.begin() + below + 1, values.end());
    return low + (h - static_cast<double>(below)) * (high - low);
}

RiskSummary simulate_risk(const RiskInputs& in) {
    validate(in);
    const auto years = static_cast<std::size_t>(in.years);
    const std::vector<double> resources = projected_resources(in);
    std::array<double, k_max_years> mean_growth{};  // 1 + mean_t
    for (std::size_t t = 0; t < years; ++t) {
        mean_growth[t] = 1.0 + (in.inflation_means.empty() ? in.inflation_mean : in.inflation_means[t]);
    }

    // mt19937 and Boost's ziggurat normal are fully specified: the same seed gives the same draws everywhere,
    // unlike std::normal_distribution whose algorithm is left to each standard library.
    boost::random::mt19937 generator(in.seed);
    boost::random::normal_distribution<double> standard_normal(0.0, 1.0);

    std::vector<double> final_gaps(static_cast<std::size_t>(in.scenarios));  // the only O(scenarios) memory
    long long exhausted = 0;
    for (double& final_gap : final_gaps) {
        double charges = in.base_charges, cumulative_gap = 0.0;
        bool over = false;
        for (std::size_t t = 0; t < years; ++t) {
            charges *= mean_growth[t] + in.inflation_sd * standard_normal(generator);
            cumulative_gap += charges - resources[t];
            over |= cumulative_gap > in.reserves;
        }
        final_gap = cumulative_gap;
        exhausted += over ? 1 : 0;
    }
    RiskSummary summary;
    summary.probability = static_cast<double>(exhausted) / static_cast<double>(in.scenarios);
    summary.median_gap = percentile(final_gaps, 0.5);
    summary.p90_gap = percentile(final_gaps, 0.9);
    return summary;
}

}  // namespace cpom
