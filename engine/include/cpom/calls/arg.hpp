// A spreadsheet argument in plain C++: what Calc hands to a function, before any interpretation.
// The add-in converts UNO values into this; CPOM_CHECK and the unit tests build it directly.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace cpom::calls {

struct Empty {
    bool operator==(const Empty&) const = default;
};

// One cell: blank, a number or a text.
using Cell = std::variant<Empty, double, std::string>;

// An omitted argument (rows == 0), a single value (1×1) or a rows×cols block of cells, row-major.
struct Arg {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<Cell> cells;

    static Arg omitted() { return {}; }
    static Arg scalar(Cell cell) { return {1, 1, {std::move(cell)}}; }
    static Arg block(std::size_t rows, std::size_t cols, std::vector<Cell> cells) {
        return {rows, cols, std::move(cells)};
    }
    // A 1×N row of numbers, handy in tests.
    static Arg row(const std::vector<double>& values);

    bool is_omitted() const { return rows == 0 || cols == 0; }
    // Omitted, or a single blank cell: both mean "use the default" for an optional argument.
    bool is_blank() const;
    const Cell& at(std::size_t r, std::size_t c) const { return cells[r * cols + c]; }
};

using Args = std::vector<Arg>;

// A rows×cols block of numbers, row-major: what most functions return.
struct Matrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<double> values;

    double at(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
    bool operator==(const Matrix&) const = default;
};

// What a function returns: a number, a text or a block of numbers.
using Value = std::variant<double, std::string, Matrix>;

}  // namespace cpom::calls
