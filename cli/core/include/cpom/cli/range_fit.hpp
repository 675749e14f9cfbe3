// Lays a data value out on the cells of a named range: exactly one value per cell, row by row.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "cpom/cli/data_file.hpp"

namespace cpom::cli {

struct Grid {
    std::size_t rows = 0, cols = 0;
    std::vector<DataCell> cells;  // row-major
    const DataCell& at(std::size_t r, std::size_t c) const { return cells[r * cols + c]; }
};

class FitError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One row of values fills the range row by row (a 1×5 or 5×1 range takes 5 values); several rows must match the
// range's shape. Blank values past the end are dropped (Excel pads CSV lines with « ; »). Throws FitError (French).
Grid fit_to_range(const DataEntry& entry, std::size_t rows, std::size_t cols);

}  // namespace cpom::cli
