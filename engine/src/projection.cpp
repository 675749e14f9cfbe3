#include "cpom/projection.hpp"

#include <algorithm>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"

namespace cpom {

std::vector<double> project(double base, std::span<const double> rates, std::optional<double> cap,
                            std::span<const double> permanent, std::span<const double> one_off) {
    // Zero is refused: Calc passes an empty single cell as 0, and a projection of nothing is always a typing slip.
    if (base == 0) throw ArgumentError(Role::base, "vaut 0 (cellule vide ?) : saisir le montant de l'année 0");
    check::positive(base, Role::base);
    if (rates.empty()) throw ArgumentError(Role::rates, "au moins une année est attendue");
    for (double r : rates) check::growth_rate(r, Role::rates);
    if (cap) check::growth_rate(*cap, Role::cap);
    if (!permanent.empty()) check::length(permanent, rates.size(), Role::permanent);
    if (!one_off.empty()) check::length(one_off, rates.size(), Role::one_off);
    check::finite_row(permanent, Role::permanent);
    check::finite_row(one_off, Role::one_off);
    return project_unchecked(base, rates, cap, permanent, one_off);
}

std::vector<double> project_unchecked(double base, std::span<const double> rates, std::optional<double> cap,
                                      std::span<const double> permanent, std::span<const double> one_off) {
    std::vector<double> values;
    values.reserve(rates.size());
    const auto rate_of = [&](std::size_t t) { return cap ? std::min(rates[t], *cap) : rates[t]; };
    for_each_projected_year(base, rates.size(), rate_of, permanent, one_off,
                            [&](double, double value) { values.push_back(value); });
    return values;
}

std::vector<double> yearly_gap(std::span<const double> charges, std::span<const double> resources) {
    if (charges.size() != resources.size()) {
        throw ArgumentError(Role::resources, "la ligne a " + std::to_string(resources.size()) + " valeurs, " +
                                                 std::to_string(charges.size()) + " attendues (comme " +
                                                 mention(Role::charges) + ")");
    }
    check::finite_row(charges, Role::charges);
    check::finite_row(resources, Role::resources);
    std::vector<double> gaps(charges.size());
    for (std::size_t t = 0; t < charges.size(); ++t) gaps[t] = charges[t] - resources[t];
    return gaps;
}

std::vector<double> cumulative(std::span<const double> values) {
    std::vector<double> sums(values.size());
    double sum = 0.0;
    for (std::size_t t = 0; t < values.size(); ++t) sums[t] = (sum += values[t]);
    return sums;
}

int exhaustion_year(std::span<const double> gaps, double reserves) {
    check::finite_row(gaps, Role::gaps);
    check::finite(reserves, Role::reserves);
    double used = 0.0;
    for (std::size_t t = 0; t < gaps.size(); ++t) {
        used += gaps[t];
        if (used > reserves) return static_cast<int>(t + 1);
    }
    return 0;
}

}  // namespace cpom
