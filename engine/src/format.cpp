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

}  // namespace cpom
