#include "cpom/format.hpp"

#include <cmath>
#include <cstdio>

namespace cpom {

std::string format_number(double x) {
    if (std::isnan(x)) return "NaN";
    if (std::isinf(x)) return x > 0 ? "+Inf" : "-Inf";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", x);
    std::string text(buffer);
    for (char& c : text) {
        if (c == '.') c = ',';
    }
    return text;
}

std::string format_count(unsigned long long n) {
    std::string digits = std::to_string(n), text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ' ';
        text += digits[i];
    }
    return text;
}

}  // namespace cpom
