#include "cpom/negotiation.hpp"

#include <algorithm>
#include <boost/math/tools/toms748_solve.hpp>
#include <cstdint>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

// A contract runs 1 to 30 years (functions.md conventions).
constexpr std::size_t k_max_years = 30;
// toms748 needs about ten steps on these smooth functions; bisection alone would need 51 for 10⁻¹⁵ over a
// bracket of width 1.5. Hitting the limit would mean a pathological input: reported, never silently returned.
constexpr std::uintmax_t k_max_iterations = 200;

// Σ_{t=1..N} base·(1+r)^t, by repeated multiplication (exact powers for the small N of a contract).
double cumulated_resources(double base, double rate, std::size_t years) {
    double resources = base, sum = 0.0;
    for (std::size_t t = 0; t < years; ++t) sum += (resources *= 1.0 + rate);
    return sum;
}

std::string percent(double rate) { return format_number(rate * 100) + " %"; }

}  // namespace

double breakeven_rate(double base_resources, std::span<const double> charges, double reserves) {
    check::positive(base_resources, "base_resources");
    if (charges.empty() || charges.size() > k_max_years) {
        throw ArgumentError("charges", "de 1 à 30 montants annuels attendus (reçu " + std::to_string(charges.size()) +
                                           ")");
    }
    for (double c : charges) check::non_negative(c, "charges");
    check::finite(reserves, "reserves");

    double target = -reserves;  // Σ charges − reserves: what resources must cover
    for (double c : charges) target += c;
    const std::size_t years = charges.size();
    // Decreasing in r (base > 0): more resources, less cumulative gap; so the root is unique when it exists.
    const auto excess_gap = [&](double rate) { return target - cumulated_resources(base_resources, rate, years); };

    const double lo = k_breakeven_lowest_rate, hi = k_breakeven_highest_rate;
    const double at_lo = excess_gap(lo), at_hi = excess_gap(hi);
    if (at_lo == 0) return lo;
    if (at_hi == 0) return hi;
    if (at_lo < 0) {
        throw NoConvergence("aucun taux entre " + percent(lo) + " et +" + percent(hi) +
                            " n'équilibre : même avec " + percent(lo) +
                            " par an, les ressources dépassent les charges diminuées des réserves");
    }
    if (at_hi > 0) {
        throw NoConvergence("aucun taux entre " + percent(lo) + " et +" + percent(hi) +
                            " n'équilibre : même avec +" + percent(hi) +
                            " par an, les charges dépassent les ressources augmentées des réserves");
    }
    std::uintmax_t iterations = k_max_iterations;
    const auto narrow_enough = [](double a, double b) { return b - a <= k_breakeven_rate_tolerance; };
    const auto [a, b] = boost::math::tools::toms748_solve(excess_gap, lo, hi, at_lo, at_hi, narrow_enough, iterations);
    if (iterations >= k_max_iterations) {
        throw NoConvergence("le calcul du taux n'a pas convergé en " + std::to_string(k_max_iterations) + " étapes");
    }
    return a + (b - a) / 2;
}

std::vector<double> adjustment(std::span<const double> base, std::span<const double> inflation, double threshold,
                               double share) {
    if (base.empty()) throw ArgumentError("base", "au moins une année est attendue");
    for (double b : base) check::non_negative(b, "base");
    check::length(inflation, base.size(), "inflation");
    for (double i : inflation) check::growth_rate(i, "inflation");
    check::growth_rate(threshold, "threshold");
    check::fraction(share, "share");

    std::vector<double> extra(base.size());
    for (std::size_t t = 0; t < base.size(); ++t) {
        extra[t] = base[t] * std::max(0.0, inflation[t] - threshold) * share;
    }
    return extra;
}

double absenteeism_cost(double payroll, double rate, double replacement, double premium) {
    check::non_negative(payroll, "payroll");
    check::fraction(rate, "rate");
    check::fraction(replacement, "replacement");
    check::non_negative(premium, "premium");
    return payroll * rate * replacement * (1.0 + premium);
}

}  // namespace cpom
