// The "ratios financiers" of the EPRD / ERRD (domain.md §3), as CPOM_RATIO(name; a; b).
//   DEBT_DURATION  a = emprunts (16 hors 165, 1688, 169), b = CAF           → years; CAF ≤ 0: not computed (error)
//   INDEPENDENCE   a = emprunts, b = financements stables du FRI            → rate, < 50 % expected
//   VETUSTE        a = amortissements cumulés (28), b = immobilisations brutes → rate
//   FRNG_DAYS, BFR_DAYS, TRESO_DAYS   a = amount (any sign), b = charges courantes → a × 365 / b days
// Amounts are positive figures (a credit balance typed as its absolute value); b must be > 0.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace cpom {

enum class Ratio { DebtDuration, Independence, Vetuste, FrngDays, BfrDays, TresoDays };
inline constexpr std::array<std::string_view, 6> k_ratio_names{"DEBT_DURATION", "INDEPENDENCE", "VETUSTE",
                                                               "FRNG_DAYS",     "BFR_DAYS",     "TRESO_DAYS"};

// Case-insensitive name → ratio; an unknown name is an ArgumentError listing the valid ones.
Ratio parse_ratio(std::string_view name, const std::string& argument = "name");

// Errors name the arguments "a" and "b".
double ratio(Ratio which, double a, double b);

}  // namespace cpom
