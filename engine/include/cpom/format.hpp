// French display of numbers inside error messages ("1,5", "-0,25", "1 048 576").
#pragma once

#include <string>

namespace cpom {

// Shortest round-trip-free French rendering: up to 10 significant digits, comma as decimal separator.
std::string format_number(double x);

// A count with French digit grouping: 1048576 → "1 048 576".
std::string format_count(unsigned long long n);

}  // namespace cpom
