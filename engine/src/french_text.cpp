#include "cpom/french_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>
#include <utility>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"

namespace cpom {
namespace {

// |x| as its `significant` first digits and the power of ten of the first one: 1234.5 → ("12345", 3).
struct Digits {
    std::string digits;
    int exponent = 0;
};

Digits significant_digits(double magnitude, int significant) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*e", significant - 1, magnitude);  // "1.2345000000000e+03"
    const std::string text(buffer);
    const std::size_t e = text.find('e');
    Digits d;
    for (std::size_t i = 0; i < e; ++i) {
        if (text[i] != '.') d.digits += text[i];
    }
    d.exponent = std::stoi(text.substr(e + 1));
    return d;
}

// The digits rounded half up at `decimals` decimals: the integer part and the fraction, as digit strings.
std::pair<std::string, std::string> rounded(const Digits& d, int decimals) {
    // Position of the decimal point in d.digits: after exponent + 1 digits (may be ≤ 0 or past the end).
    const int point = d.exponent + 1;
    std::string all = d.digits;
    int lead = 0;  // zeros added in front for numbers below 1
    if (point < 1) {
        lead = 1 - point;
        all.insert(all.begin(), static_cast<std::size_t>(lead), '0');
    }
    const int integer_digits = point < 1 ? 1 : point;
    const int keep = integer_digits + decimals;  // digits kept from the start of `all`
    if (static_cast<int>(all.size()) < keep) all.append(static_cast<std::size_t>(keep) - all.size(), '0');
    const bool round_up = static_cast<int>(all.size()) > keep && all[static_cast<std::size_t>(keep)] >= '5';
    all.resize(static_cast<std::size_t>(keep));
    if (round_up) {
        int i = keep - 1;
        for (; i >= 0 && all[static_cast<std::size_t>(i)] == '9'; --i) all[static_cast<std::size_t>(i)] = '0';
        if (i >= 0) {
            ++all[static_cast<std::size_t>(i)];
        } else {
            all.insert(all.begin(), '1');  // 999,96 → 1 000,0
        }
    }
    const std::size_t split = all.size() - static_cast<std::size_t>(decimals);
    std::string integer = all.substr(0, split), fraction = all.substr(split);
    const std::size_t first = integer.find_first_not_of('0');
    integer = first == std::string::npos ? "0" : integer.substr(first);
    return {integer, fraction};
}

std::string grouped(const std::string& integer) {
    std::string out;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) out += k_french_space;
        out += integer[i];
    }
    return out;
}

}  // namespace

std::string french_number(double x, std::optional<int> decimals) {
    check::finite(x, Role::value);
    if (decimals && (*decimals < 0 || *decimals > k_max_text_decimals)) {
        throw ArgumentError(Role::decimals,
                            "doit être un entier entre 0 et 10 (reçu " + std::to_string(*decimals) + ")");
    }
    if (x == 0) {
        std::string zero = "0";
        if (decimals && *decimals > 0) zero.append(",").append(static_cast<std::size_t>(*decimals), '0');
        return zero;
    }
    std::string integer, fraction;
    if (decimals) {
        std::tie(integer, fraction) = rounded(significant_digits(std::fabs(x), 15), *decimals);
    } else {
        // Shortest: 10 significant digits, then the trailing zeros of the fraction dropped.
        const Digits d = significant_digits(std::fabs(x), 10);
        std::tie(integer, fraction) = rounded(d, std::max(0, 9 - d.exponent));
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    }
    const bool zero = integer == "0" && fraction.find_first_not_of('0') == std::string::npos;
    std::string text = x < 0 && !zero ? "-" : "";
    text += grouped(integer);
    if (!fraction.empty()) text.append(",").append(fraction);
    return text;
}

}  // namespace cpom
