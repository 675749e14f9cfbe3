// Projection and scissor effect (functions.md §1): the core of the CPOM.
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

// The recurrence of project() without its checks, for callers that validated their own inputs and may start from
// a zero base (CPOM_RISK) or solve for a rate (CPOM_BREAKEVEN_RATE): the one place the recurrence is written.
std::vector<double> project_unchecked(double base, std::span<const double> rates,
                                      std::optional<double> cap = std::nullopt,
                                      std::span<const double> permanent = {}, std::span<const double> one_off = {});

// gap_t = charges_t − resources_t (positive: deficit). Rows of the same length.
std::vector<double> yearly_gap(std::span<const double> charges, std::span<const double> resources);

// Running sum of a row.
std::vector<double> cumulative(std::span<const double> values);

// First year t (1-based) whose cumulative gap is strictly above reserves; 0 if none in the row.
int exhaustion_year(std::span<const double> gaps, double reserves);

}  // namespace cpom
