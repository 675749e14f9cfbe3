// Budget audit and quarterly follow-up (docs/domain.md#audit): trends, budget vs actual, status flags.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace cpom {

// Compound annual growth rate of consecutive yearly values: (last / first)^(1/(n−1)) − 1. Only the ends enter
// the formula, but n (the number of years) does, so the caller must not drop missing years. n ≥ 2, first > 0,
// last ≥ 0 (last = 0 gives −100 %: the activity stopped).
double cagr(std::span<const double> values);

enum class VarianceMode { Amount = 0, Rate = 1 };

// Budget vs actual, value by value: Amount → actual − budget; Rate → (actual − budget) / |budget|.
// Dividing by |budget| equals the catalogue's formula for the usual positive budgets and keeps, for a negative
// budgeted line (a planned deficit), the sign of the euro variance. A zero budget has no relative variance.
std::vector<double> variance(std::span<const double> actual, std::span<const double> budget, VarianceMode mode);

// Taux d'atteinte des prévisions (ERRD / EPRD): actual / forecast, forecast > 0, actual ≥ 0. Not capped at 1.
double execution_rate(double actual, double forecast);

enum class Status { Ok, Vigilance, Alert };
enum class Direction { LowerIsBetter = -1, Closer = 0, HigherIsBetter = 1 };

// Quarterly follow-up flag. The tolerance is relative to the target (0.05 = 5 % of it), like a "taux d'atteinte".
// The adverse deviation is |actual − target| / |target| (Closer), only the shortfall (HigherIsBetter) or only
// the excess (LowerIsBetter). deviation ≤ tolerance → Ok; ≤ 2·tolerance → Vigilance; beyond → Alert.
// Exactly at a boundary is the kinder status. target ≠ 0 (a relative tolerance of 0 is undefined).
Status status(double actual, double target, double tolerance, Direction direction = Direction::Closer);

// "OK", "VIGILANCE", "ALERTE": the texts shown in the cell (stable: conditional formatting relies on them).
std::string_view status_text(Status status);

}  // namespace cpom
