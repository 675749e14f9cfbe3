// A spreadsheet cell as an input to check (CPOM_VALIDATE's reasons, shared by the adapters that check row by row).
#pragma once

#include "cpom/calls/arg.hpp"
#include "cpom/input_check.hpp"

namespace cpom::calls {

inline InputValue input_of(const CellView& cell) {
    if (cell.is_number()) return cell.number;
    if (cell.is_text()) return std::string(cell.text);
    return std::monostate{};
}

}  // namespace cpom::calls
