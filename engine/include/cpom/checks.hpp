// Small domain checks shared by the engine's functions, each throwing an ArgumentError with the input's role.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "cpom/role.hpp"

namespace cpom::check {

// Throws unless x is a finite number (not NaN, not ±Inf).
void finite(double x, Role role);
// Throws unless x is finite and ≥ 0 (amounts, capacities, days).
void non_negative(double x, Role role);
// Throws unless x is finite and > 0 (denominators).
void positive(double x, Role role);
// Throws unless x is a finite rate above −100 % (a growth rate of −100 % or less makes no sense).
void growth_rate(double x, Role role);
// Throws unless x is a finite share of a whole, in [0, 1] (0,6 = 60 %): a rate of absence, a share replaced.
void fraction(double x, Role role);
// Throws unless every value of the row is finite.
void finite_row(std::span<const double> row, Role role);
// Throws unless x is a whole number in [lo, hi]; returns it as an int.
int whole_number(double x, int lo, int hi, Role role);
// Throws unless the row has exactly `expected` values.
void length(std::span<const double> row, std::size_t expected, Role role);
// Index of `text` among `valid` names written in capitals (case-insensitive, surrounding spaces ignored);
// otherwise throws an ArgumentError that lists the valid names (CPOM_RATIO's name, CPOM_BALANCE's item...).
std::size_t one_of(std::string_view text, std::span<const std::string_view> valid, Role role);

}  // namespace cpom::check
