// CPOM_TEXT: a number written the French way inside a sentence ("980 000 €", "1,11 %", "10 000 scénarios"),
// whatever the locale of the office that computes the sheet (Calc's FIXED and TEXT follow that locale).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cpom {

// The separator between thousands and before a unit: U+00A0 NO-BREAK SPACE, as LibreOffice's fr-FR locale
// writes numbers (a number and its unit are never split over two lines).
inline constexpr std::string_view k_french_space = "\u00a0";
// The most decimals CPOM_TEXT writes (Calc shows at most 15 significant digits anyway).
inline constexpr int k_max_text_decimals = 10;

// x rounded half away from zero to `decimals` decimals (0..10), comma for the decimal point, thousands separated
// by k_french_space, "-" before a negative number that does not round to 0. Rounding works on the 15 significant
// digits Calc shows (so 1,005 gives "1,01" as in a cell, not "1,00" from its binary value). Without `decimals`,
// the shortest writing with up to 10 significant digits (0,024 × 100 gives "2,4", not "2,4000000000000004").
std::string french_number(double x, std::optional<int> decimals = std::nullopt);

}  // namespace cpom
