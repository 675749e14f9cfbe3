// Shapes of yearly data in a call: one establishment or K at once (functions.md, "Many establishments").
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "cpom/calls/arg.hpp"
#include "cpom/calls/call_args.hpp"
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
// shared by all rows, or a K×N block (one line per row). Anything else is an ArgumentError naming the range.
class PerYear {
public:
    PerYear(Grid grid, std::size_t rows, std::size_t years, const std::string& argument);
    std::span<const double> row(std::size_t k) const;

private:
    std::vector<double> values_;
    std::size_t years_ = 0;
    bool per_row_ = false;
};

// K values, one per row: a single value shared by all, or a line of K values.
std::vector<double> per_row(const Grid& grid, std::size_t rows, const std::string& argument);

// K×N result rows → the returned block.
Matrix to_matrix(std::vector<std::vector<double>> rows);

// Runs `one_row(k)` (returning a std::vector<double>) on each of the K rows and stacks the results, naming the
// failing row in the error when K > 1 so that the user finds the establishment at fault.
template <typename F>
Matrix for_each_row(std::size_t count, F one_row) {
    std::vector<std::vector<double>> rows;
    rows.reserve(count);
    for (std::size_t k = 0; k < count; ++k) {
        try {
            rows.push_back(one_row(k));
        } catch (const ArgumentError& e) {
            if (count == 1) throw;
            throw ArgumentError(e.argument(), "ligne " + std::to_string(k + 1) + " : " + e.reason());
        }
    }
    return to_matrix(std::move(rows));
}

}  // namespace cpom::calls
