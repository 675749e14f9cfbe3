// A block of numbers read from an argument, blanks already resolved by the argument's rule.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace cpom::calls {

struct Grid {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<double> values;

    std::size_t size() const { return values.size(); }
    bool is_single() const { return values.size() == 1; }
    // True for a 1×N row or an N×1 column: "a row" in the sense of the function catalogue.
    bool is_line() const { return rows == 1 || cols == 1; }
    std::span<const double> row(std::size_t r) const { return {values.data() + r * cols, cols}; }
};

}  // namespace cpom::calls
