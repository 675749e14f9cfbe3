// Helpers shared by the unit tests: spreadsheet arguments as Calc sends them, results, the argument an error names.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "cpom/calls/arg.hpp"
#include "cpom/error.hpp"

namespace cpom::test {

inline constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

inline calls::Arg num(double x) { return calls::Arg::scalar(x); }
inline calls::Arg text(const std::string& s) { return calls::Arg::scalar(s); }
inline calls::Arg blank() { return calls::Arg::scalar(calls::Empty{}); }

// A rows×cols block of numbers, row-major.
inline calls::Arg block(std::size_t rows, std::size_t cols, const std::vector<double>& values) {
    return calls::Arg::block(rows, cols, std::vector<calls::Cell>(values.begin(), values.end()));
}

inline calls::Matrix matrix_of(const calls::Value& v) { return std::get<calls::Matrix>(v); }

// French text as the engine writes it, typed with '_' for the no-break space between thousands and before a unit:
// with_french_spaces("980_000_€") is "980 000 €" with U+00A0.
inline std::string with_french_spaces(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '_' ? std::string("\u00a0") : std::string(1, c);
    return out;
}

// The argument named by the ArgumentError that f throws ("" when it throws none).
template <typename F>
std::string failing_argument(F f) {
    try {
        f();
    } catch (const ArgumentError& e) {
        return e.argument();
    }
    return "";
}

}  // namespace cpom::test
