#include "cpom/negotiation.hpp"

#include <algorithm>
#include <boost/math/tools/toms748_solve.hpp>
#include <cstdint>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"
#include "cpom/projection.hpp"

namespace cpom {
namespace {

// A contract runs 1 to 30 years (functions.md conventions).
constexpr std::size_t k_max_years = 30;
// toms748 needs about ten steps on these smooth functions; bisection alone would need 51 for 10⁻¹⁵ over a
// bracket of width 1.5. Hitting the limit would mean a pathological input: reported, never silently returned.
constexpr std::uintmax_t k_max_iterations = 200;

// Σ_{t=1..N} R_t(r): CPOM_PROJECT's resources at the constant rate r.
double cumulated_resources(double base, double rate, std::size_t years, std::span<const double> permanent,
                           std::span<const double> one_off) {
    double sum = 0.0;
    for_each_projected_year(
        base, years, [rate](std::size_t) { return rate; }, permanent, one_off,
        [&sum](double, double resources) { sum += resources; });
    return sum;
}

// True when every lasting P_t (new measures included, one-off credits excluded) is > 0 at the constant rate r.
// If it holds at r it holds at any higher rate: P_1 = base·(1+r) + m_1 grows with r, and each P_t = P_{t−1}·(1+r) +
// m_t grows with r while P_{t−1} is positive and growing.
bool lasting_resources_positive(double base, double rate, std::size_t years, std::span<const double> permanent) {
    if (std::all_of(permanent.begin(), permanent.end(), [](double m) { return m >= 0; })) return true;  // base > 0
    bool positive = true;
    for_each_projected_year(
        base, years, [rate](std::size_t) { return rate; }, permanent, {},
        [&positive](double lasting, double) { positive = positive && lasting > 0; });
    return positive;
}

// The lowest rate of [lo, hi] at which every P_t is positive (to 10⁻¹⁵ on the rate), or hi + 1 if there is none.
double lowest_rate_with_positive_resources(double base, std::size_t years, std::span<const double> permanent, double lo,
                                           double hi) {
    if (lasting_resources_positive(base, lo, years, permanent)) return lo;
    if (!lasting_resources_positive(base, hi, years, permanent)) return hi + 1;
    while (hi - lo > k_breakeven_rate_tolerance) {  // bisection on a monotone predicate: about 51 steps
        const double mid = lo + (hi - lo) / 2;
        (lasting_resources_positive(base, mid, years, permanent) ? hi : lo) = mid;
    }
    return hi;
}

std::string percent(double rate) { return format_number(rate * 100) + " %"; }

}  // namespace

double breakeven_rate(double base_resources, std::span<const double> charges, double reserves,
                      std::span<const double> permanent, std::span<const double> one_off) {
    check::positive(base_resources, Role::base_resources);
    if (charges.empty() || charges.size() > k_max_years) {
        throw ArgumentError(Role::charges,
                            "de 1 à 30 montants annuels attendus (reçu " + std::to_string(charges.size()) + ")");
    }
    for (double c : charges) check::non_negative(c, Role::charges);
    check::finite(reserves, Role::reserves);
    const std::size_t years = charges.size();
    if (!permanent.empty()) check::length(permanent, years, Role::permanent);
    if (!one_off.empty()) check::length(one_off, years, Role::one_off);
    check::finite_row(permanent, Role::permanent);
    check::finite_row(one_off, Role::one_off);

    double target = -reserves;  // Σ charges − reserves: what resources must cover
    for (double c : charges) target += c;
    // Decreasing in r from `lo` on (every P_t > 0 there): more resources, less cumulative gap; a unique root.
    const auto excess_gap = [&](double rate) {
        return target - cumulated_resources(base_resources, rate, years, permanent, one_off);
    };

    const double hi = k_breakeven_highest_rate;
    const double lo =
        lowest_rate_with_positive_resources(base_resources, years, permanent, k_breakeven_lowest_rate, hi);
    if (lo > hi) {
        throw NoConvergence("les mesures nouvelles négatives rendent les ressources négatives ou nulles même avec +" +
                            percent(hi) + " par an : aucun taux ne peut équilibrer");
    }
    const double at_lo = excess_gap(lo), at_hi = excess_gap(hi);
    if (at_lo == 0) return lo;
    if (at_hi == 0) return hi;
    if (at_lo < 0) {
        throw NoConvergence("aucun taux entre " + percent(lo) + " et +" + percent(hi) + " n'équilibre : même avec " +
                            percent(lo) + " par an, les ressources dépassent les charges diminuées des réserves");
    }
    if (at_hi > 0) {
        throw NoConvergence("aucun taux entre " + percent(lo) + " et +" + percent(hi) + " n'équilibre : même avec +" +
                            percent(hi) + " par an, les charges dépassent les ressources augmentées des réserves");
    }
    std::uintmax_t iterations = k_max_iterations;
    const auto narrow_enough = [](double a, double b) { return b - a <= k_breakeven_rate_tolerance; };
    const auto [a, b] = boost::math::tools::toms748_solve(excess_gap, lo, hi, at_lo, at_hi, narrow_enough, iterations);
    if (iterations >= k_max_iterations) {
        throw NoConvergence("le calcul du taux n'a pas convergé en " + std::to_string(k_max_iterations) + " étapes");
    }
    return a + (b - a) / 2;
}

namespace {

// a_t = max(0, inflation_t − threshold) · share: the share of the year's base the clause adds, after the checks
// common to both readings.
std::vector<double> clause_rates(std::span<const double> base, std::span<const double> inflation, double threshold,
                                 double share) {
    if (base.empty()) throw ArgumentError(Role::base, "au moins une année est attendue");
    for (double b : base) check::non_negative(b, Role::base);
    check::length(inflation, base.size(), Role::inflation);
    for (double i : inflation) check::growth_rate(i, Role::inflation);
    check::growth_rate(threshold, Role::threshold);
    check::fraction(share, Role::share);
    std::vector<double> added(base.size());
    for (std::size_t t = 0; t < base.size(); ++t) added[t] = std::max(0.0, inflation[t] - threshold) * share;
    return added;
}

}  // namespace

std::vector<double> adjustment(std::span<const double> base, std::span<const double> inflation, double threshold,
                               double share) {
    std::vector<double> extra = clause_rates(base, inflation, threshold, share);
    for (std::size_t t = 0; t < base.size(); ++t) extra[t] *= base[t];
    return extra;
}

std::vector<double> adjustment_built_in(std::span<const double> base, std::span<const double> inflation,
                                        double threshold, double share, std::span<const double> rates) {
    const std::vector<double> added = clause_rates(base, inflation, threshold, share);
    check::length(rates, base.size(), Role::rates);
    for (double r : rates) check::growth_rate(r, Role::rates);
    std::vector<double> extra(base.size());
    double carried = 0.0;  // D_{t−1}: the complements built in so far
    for (std::size_t t = 0; t < base.size(); ++t) {
        const double grown = t == 0 ? 0.0 : carried * (1.0 + rates[t]);
        extra[t] = base[t] * added[t] + grown * (1.0 + added[t]);  // (P_t + grown)·(1 + a_t) − P_t
        carried = extra[t];
    }
    return extra;
}

double absenteeism_cost(double payroll, double rate, double replacement, double premium) {
    check::non_negative(payroll, Role::payroll);
    check::fraction(rate, Role::rate);
    check::fraction(replacement, Role::replacement);
    check::non_negative(premium, Role::premium);
    return payroll * rate * replacement * (1.0 + premium);
}

}  // namespace cpom
