// Numbers as French spreadsheets and accounting exports write them, read once for the data files (--data) and the
// balances (--balance): "4 200 000", "1 234,50 €", "0.025", "-3,5e2", "2,5 %". Thousands separators (space, tab,
// no-break or narrow no-break space) are groups of three digits after the first; one decimal mark, « , » or « . ».
#pragma once

#include <optional>
#include <string_view>

namespace cpom::cli {

struct NumberNotation {
    bool percent = false;   // "2,5 %" = 0,025 (data files; an amount of a balance never has one)
    bool exponent = false;  // "-3,5e2" (data files)
};

// Not a number in that notation (or not finite) → nullopt.
std::optional<double> parse_french_number(std::string_view field, NumberNotation notation);

}  // namespace cpom::cli
