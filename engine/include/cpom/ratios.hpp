// The "ratios financiers" of the EPRD / ERRD (docs/domain.md#ratios), as CPOM_RATIO(name; a; b).
//   DEBT_DURATION  a = emprunts (16 hors 165, 1688, 169), b = CAF           → years; CAF ≤ 0: not computed (error)
//   INDEPENDENCE   a = emprunts, b = financements stables du FRI hors amortissements → rate (guide M22: < 50 %)
//   VETUSTE        a = amortissements cumulés (28x), b = immobilisations brutes (21x) → rate
//   FRNG_DAYS, BFR_DAYS, TRESO_DAYS   a = amount (any sign), b = charges courantes → a × 365 / b days
//   ENDETTEMENT    a = emprunts contractés ou à contracter, b = financements stables hors amortissements du FRI
//                  → rate (D314-205 CASF: < 50 %)
//   APUREMENT      a = immobilisations nettes amortissables, b = dettes financières à moyen et long terme → ratio
// Amounts are positive figures (a credit balance typed as its absolute value); b must be > 0. New names go at
// the end: the enum's order is the order of k_ratio_names.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "cpom/role.hpp"

namespace cpom {

enum class Ratio { DebtDuration, Independence, Vetuste, FrngDays, BfrDays, TresoDays, Endettement, Apurement };
inline constexpr std::array<std::string_view, 8> k_ratio_names{
    "DEBT_DURATION", "INDEPENDENCE", "VETUSTE", "FRNG_DAYS", "BFR_DAYS", "TRESO_DAYS", "ENDETTEMENT", "APUREMENT"};

// Case-insensitive name → ratio; an unknown name is an ArgumentError listing the valid ones.
Ratio parse_ratio(std::string_view name, Role role = Role::name);

// Errors name the arguments "a" and "b".
double ratio(Ratio which, double a, double b);

}  // namespace cpom
