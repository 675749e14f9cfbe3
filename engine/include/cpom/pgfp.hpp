// PGFP (plan global de financement pluriannuel, docs/domain.md#pgfp): a simplified N-year financing plan.
//
//   products_t = products_0 compounded by rates_products (as CPOM_PROJECT: year 1 = base·(1 + rate_1))
//   charges_t  = charges_0 compounded by rates_charges; charges INCLUDE the depreciation of the year
//   result_t   = products_t − charges_t
//   CAF_t      = result_t + depreciation_t
//   ΔFR_t      = CAF_t + new_loans_t + subsidies_t − investments_t − repayments_t
//   FRNG_t     = FRNG_{t−1} + ΔFR_t                       (FRNG_0 = opening_frng)
//   treasury_t = FRNG_t − bfr_days · charges_t / 365
//   debt_t     = debt_{t−1} + new_loans_t − repayments_t   (debt_0 = opening_debt)
// Simplification (documented in the function reference): the only non-cash item is the depreciation; reprises
// (78), provisions, disposals (775/675) and the quote-part of subsidies (777) are taken as 0, so CAF = result +
// depreciation. Use CPOM_CAF year by year when those are material.
//
// With base_depreciation (the depreciation included in charges_0, CPOM_PGFP's optional last argument) the charges are
// split into cash charges and depreciation, since depreciation is non-cash (issue 12 §3.1):
//   cash_t     = (charges_0 − base_depreciation) compounded by rates_charges
//   charges_t  = cash_t + depreciation_t
//   treasury_t = FRNG_t − bfr_days · cash_t / 365     (bfr_days in days of charges without depreciation)
// so the depreciation of a year moves its result by the same amount and leaves the CAF, the FRNG and the treasury
// unchanged. Without it (documents written before) all of charges_0 grows, depreciation_t is only added back into
// the CAF, and the plan's cash depends on the depreciation row.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace cpom {

struct PgfpInputs {
    double products = 0.0;  // year 0 (base year), ≥ 0
    double charges = 0.0;   // year 0, ≥ 0
    // Rows of N values (years 1..N); the length of rates_products sets N.
    std::span<const double> rates_products, rates_charges;
    std::span<const double> depreciation, investments, new_loans, repayments, subsidies;  // each ≥ 0
    double opening_frng = 0.0;                                                            // any sign
    double opening_debt = 0.0;                                                            // ≥ 0
    double bfr_days = 0.0;  // any sign: EHPAD often have a negative BFR (resources received in advance)
    std::optional<double> base_depreciation;  // in [0, charges]: the depreciation included in charges (year 0)
};

// The eight rows of the plan, in this order (CPOM_PGFP's output rows).
enum class PgfpRow { Products, Charges, Result, Caf, FrngChange, Frng, Treasury, Debt };
inline constexpr std::size_t k_pgfp_rows = 8;

// Errors name the inputs by CPOM_PGFP's argument names. Repayments above the outstanding debt are an error.
std::array<std::vector<double>, k_pgfp_rows> pgfp(const PgfpInputs& in);

}  // namespace cpom
