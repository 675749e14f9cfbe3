// Projection and scissor effect (docs/domain.md#projection): the core of the CPOM.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace cpom {

// CPOM_PROJECT for one line. rates has N values (years 1..N); permanent and one_off have N values or are empty
// (no new measure). P_0 = base; P_t = P_{t-1}·(1 + min(r_t, cap)) + permanent_t; V_t = P_t + one_off_t.
// base > 0. Returns V_1..V_N.
std::vector<double> project(double base, std::span<const double> rates, std::optional<double> cap = std::nullopt,
                            std::span<const double> permanent = {}, std::span<const double> one_off = {});

// The recurrence of project(), the one place it is written: P_0 = base, P_t = P_{t−1}·(1 + rate_of(t)) +
// permanent_t, V_t = P_t + one_off_t; calls visit(P_t, V_t) for t = 0..years−1 (years 1..N). No checks and no
// allocation: for callers that validated their own inputs and may start from a zero base (CPOM_RISK) or try many
// rates (CPOM_BREAKEVEN_RATE's solver).
template <typename RateOf, typename Visit>
void for_each_projected_year(double base, std::size_t years, RateOf rate_of, std::span<const double> permanent,
                             std::span<const double> one_off, Visit visit) {
    double lasting = base;  // P_t: what carries over to the next year
    for (std::size_t t = 0; t < years; ++t) {
        lasting = lasting * (1.0 + rate_of(t)) + (permanent.empty() ? 0.0 : permanent[t]);
        visit(lasting, lasting + (one_off.empty() ? 0.0 : one_off[t]));
    }
}

// project() without its checks (see for_each_projected_year).
std::vector<double> project_unchecked(double base, std::span<const double> rates,
                                      std::optional<double> cap = std::nullopt, std::span<const double> permanent = {},
                                      std::span<const double> one_off = {});

// gap_t = charges_t − resources_t (positive: deficit). Rows of the same length.
std::vector<double> yearly_gap(std::span<const double> charges, std::span<const double> resources);

// Running sum of a row.
std::vector<double> cumulative(std::span<const double> values);

// First year t (1-based) whose cumulative gap is strictly above reserves; 0 if none in the row.
int exhaustion_year(std::span<const double> gaps, double reserves);

}  // namespace cpom
