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

// CPOM_BREAKEVEN_RATE: the constant yearly rate r with Σ_{t=1..N} (charges_t − base·(1+r)^t) = reserves.
// base_resources > 0, charges: 1 to 30 yearly amounts ≥ 0, reserves any finite amount (negative: a surplus to
// build). Throws NoConvergence when no rate in [−50 %, +100 %] balances.
double breakeven_rate(double base_resources, std::span<const double> charges, double reserves = 0.0);

// CPOM_ADJUSTMENT for one line: extra_t = base_t · max(0, inflation_t − threshold) · share.
// base ≥ 0 and inflation (> −100 %) have the same length; threshold > −100 %; share in [0, 1].
std::vector<double> adjustment(std::span<const double> base, std::span<const double> inflation, double threshold,
                               double share = 1.0);

// CPOM_ABSENTEEISM_COST for one value: payroll · rate · replacement · (1 + premium).
// payroll ≥ 0; rate and replacement in [0, 1]; premium ≥ 0.
double absenteeism_cost(double payroll, double rate, double replacement = 1.0, double premium = 0.0);

}  // namespace cpom
