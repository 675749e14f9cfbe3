// A spreadsheet cell as an input to check (CPOM_VALIDATE's reasons, shared by the adapters that check row by row).
#pragma once

#include "cpom/calls/arg.hpp"
#include "cpom/input_check.hpp"

namespace cpom::calls {

inline InputValue input_of(const Cell& cell) {
    if (const auto* x = std::get_if<double>(&cell)) return *x;
    if (const auto* text = std::get_if<std::string>(&cell)) return *text;
    return std::monostate{};
}

}  // namespace cpom::calls
