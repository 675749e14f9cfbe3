#include "french_number.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "ledger_text.hpp"

namespace cpom::cli {

namespace {

constexpr std::string_view k_euro = "\xE2\x82\xAC";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<double> parse_french_number(std::string_view field, NumberNotation notation) {
    using ledger_text::space_at;
    using ledger_text::trim;
    std::string_view s = trim(field);
    double scale = 1.0;
    if (s.size() >= 3 && s.substr(s.size() - 3) == k_euro) s = trim(s.substr(0, s.size() - 3));
    if (notation.percent && !s.empty() && s.back() == '%') {
        scale = 0.01;
        s = trim(s.substr(0, s.size() - 1));
    }
    std::string normal;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        if (s.front() == '-') normal += '-';
        s.remove_prefix(1);
    }
    // Mantissa: digit groups separated by spaces (groups after the first have 3 digits), one decimal mark.
    bool decimal = false, exponent = false, grouped = false;
    std::size_t group = 0, digits = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (is_digit(c)) {
            normal += c;
            ++group, ++digits, ++i;
        } else if (const std::size_t n = decimal || exponent ? 0 : space_at(s, i); n > 0) {
            if (group == 0 || (grouped && group != 3)) return std::nullopt;
            grouped = true, group = 0, i += n;
            if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
        } else if (!decimal && !exponent && (c == ',' || c == '.')) {
            if (grouped && group != 3) return std::nullopt;
            decimal = true, grouped = false;
            normal += '.';
            ++i;
        } else if (notation.exponent && !exponent && digits > 0 && (c == 'e' || c == 'E')) {
            if (grouped && group != 3) return std::nullopt;
            exponent = true, grouped = false;
            normal += 'e';
            ++i;
            if (i < s.size() && (s[i] == '-' || s[i] == '+')) normal += s[i++];
            if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || (grouped && group != 3)) return std::nullopt;
    double value = 0;
    const char* end = normal.data() + normal.size();
    const auto [ptr, ec] = std::from_chars(normal.data(), end, value);
    if (ec != std::errc{} || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value * scale;
}

}  // namespace cpom::cli
