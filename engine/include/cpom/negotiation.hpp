// Negotiation figures of the CPOM (docs/domain.md#negotiation): the rate to ask for, the adjustment clause, the cost of
// absenteeism. Monte Carlo risk is in risk.hpp.
#pragma once

#include <span>
#include <vector>

namespace cpom {

// The bracket searched by breakeven_rate: a yearly resource evolution outside [−50 %, +100 %] is not a
// negotiation figure, and the bracket keeps (1+r)^t finite and positive for every contract length.
inline constexpr double k_breakeven_lowest_rate = -0.5;
inline constexpr double k_breakeven_highest_rate = 1.0;
// Width of the final bracket on the rate (toms748 stops below it): 10⁻¹⁵. The cumulative gap moves by
// base·Σ t(1+r)^(t−1) per unit of rate: for rates up to +20 % over 30 years the error is under 10⁻⁴ € per
// million euros of base, far below the cent.
inline constexpr double k_breakeven_rate_tolerance = 1e-15;

// CPOM_BREAKEVEN_RATE: the constant yearly rate r with Σ_{t=1..N} (charges_t − R_t(r)) = reserves, where R_t(r)
// is CPOM_PROJECT's resources at the constant rate r: P_0 = base, P_t = P_{t−1}·(1+r) + permanent_t,
// R_t = P_t + one_off_t (without new measures, R_t = base·(1+r)^t). The rate counts what the projection counts.
// base_resources > 0, charges: 1 to 30 yearly amounts ≥ 0, reserves any finite amount (negative: a surplus to
// build), permanent and one_off empty or N finite amounts. Σ R_t is increasing in r wherever every P_t > 0, so the
// search starts at the lowest rate of [−50 %, +100 %] that keeps every P_t positive (negative new measures can
// make P_t ≤ 0 at −50 %): the rate found is then the only one. Throws NoConvergence when none balances.
double breakeven_rate(double base_resources, std::span<const double> charges, double reserves = 0.0,
                      std::span<const double> permanent = {}, std::span<const double> one_off = {});

// CPOM_ADJUSTMENT for one line, one-off reading: extra_t = base_t · a_t, a_t = max(0, inflation_t − threshold) ·
// share, paid for year t only. base ≥ 0 and inflation (> −100 %) have the same length; threshold > −100 %; share
// in [0, 1].
std::vector<double> adjustment(std::span<const double> base, std::span<const double> inflation, double threshold,
                               double share = 1.0);

// CPOM_ADJUSTMENT, reading "built into the base": the complement of year t becomes part of the endowment, carried
// over and updated at the base's own rates in later years, and later clauses apply to it as to the rest of the
// endowment. With P_t the base without the clause (P_t = P_{t−1}·(1+rate_t) + new measures) and P'_t the base
// with it, P'_t = (P'_{t−1}·(1+rate_t) + new measures)·(1+a_t); returns D_t = P'_t − P_t, i.e.
// D_1 = P_1·a_1 and D_t = (P_t + D_{t−1}·(1+rate_t))·(1+a_t) − P_t. rates: the base's yearly evolution rates
// (> −100 %, same length; rate_1 is not used, nothing is carried into year 1). A convention of this project: no
// regulatory text fixes how a CPOM's clause de revoyure is written (docs/functions.md, CPOM_ADJUSTMENT).
std::vector<double> adjustment_built_in(std::span<const double> base, std::span<const double> inflation,
                                        double threshold, double share, std::span<const double> rates);

// CPOM_ABSENTEEISM_COST for one value: payroll · rate · replacement · (1 + premium).
// payroll ≥ 0; rate and replacement in [0, 1]; premium ≥ 0.
double absenteeism_cost(double payroll, double rate, double replacement = 1.0, double premium = 0.0);

}  // namespace cpom
