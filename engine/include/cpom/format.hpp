// French display of numbers inside error messages ("1,5", "-0,25").
#pragma once

#include <string>

namespace cpom {

// Shortest round-trip-free French rendering: up to 10 significant digits, comma as decimal separator.
std::string format_number(double x);

}  // namespace cpom
