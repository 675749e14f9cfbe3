// Shapes of yearly data in a call: one establishment or K at once (functions.md, "Many establishments").
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "cpom/calls/arg.hpp"
#include "cpom/calls/argument.hpp"
#include "cpom/calls/grid.hpp"
#include "cpom/error.hpp"

namespace cpom::calls {

// K rows of N yearly values. A single line (1×N or N×1) is one row; a K×N block (K, N ≥ 2) is K rows.
struct Rows {
    std::size_t count = 0;
    std::size_t length = 0;
    std::vector<double> values;

    std::span<const double> row(std::size_t k) const { return {values.data() + k * length, length}; }
};

Rows as_rows(Grid grid);

// A per-year argument for K rows of N years: a single value (every year, every row), one line of N values
// shared by all rows, or a K×N block (one line per row). Anything else is an ArgumentError with `role`.
class PerYear {
public:
    PerYear(Grid grid, std::size_t rows, std::size_t years, Role role);
    PerYear(const RangeArg& arg, std::size_t rows, std::size_t years) : PerYear(arg.grid(), rows, years, arg.role()) {}
    std::span<const double> row(std::size_t k) const;

private:
    std::vector<double> values_;
    std::size_t years_ = 0;
    bool per_row_ = false;
};

// K values, one per row: a single value shared by all, or K values (a column argument's values()).
std::vector<double> per_row(std::vector<double> values, std::size_t rows, Role role);

// Runs `one_row(k, values)` on each of the K rows: it appends row k's values to `values`, the result's own storage
// (no row is built apart and copied). Every row has the first row's length. The failing row is named in the error
// when K > 1, so that the user finds the establishment at fault.
template <typename F>
Matrix for_each_row(std::size_t count, F one_row) {
    Matrix result{count, 0, {}};
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t before = result.values.size();
        try {
            one_row(k, result.values);
        } catch (const ArgumentError& e) {
            if (count == 1) throw;
            throw ArgumentError(e.role(), "ligne " + std::to_string(k + 1) + " : " + e.reason());
        }
        const std::size_t width = result.values.size() - before;
        if (k == 0) {
            result.cols = width;
            result.values.reserve(count * width);
        } else if (width != result.cols) {
            throw std::logic_error("for_each_row: rows of different lengths");
        }
    }
    return result;
}

// Appends a row's values (a domain function's result) to the result.
inline void append(std::vector<double>& values, std::span<const double> row) {
    values.insert(values.end(), row.begin(), row.end());
}

}  // namespace cpom::calls
