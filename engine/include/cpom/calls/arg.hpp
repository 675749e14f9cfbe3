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

// A cell of a table result that has no figure: Calc shows #N/A (not available). A row of a table whose inputs are
// bad carries it in every figure, with its reason in a text cell of the same row, so that sums over the column
// become errors too instead of silently leaving the row out.
struct NotAvailable {
    bool operator==(const NotAvailable&) const = default;
};

// One cell of a table result: a number, a text (a state, a reason, a label) or #N/A.
using TableCell = std::variant<double, std::string, NotAvailable>;

// A rows×cols block of mixed cells, row-major: what a function returns when each row stands on its own (one bad
// row never puts the others in error).
struct Table {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<TableCell> cells;
    // Why its first #N/A is there ("bloc n° 3 : Groupe I : « x » n'est pas un nombre"); "" when it has none. A row's
    // reason is often in another output of the same function (CPOM_DOSSIER's ETAT): CPOM_CHECK gives this one, so
    // that whoever meets the #N/A (cpom-run's report) learns why.
    std::string missing_reason;

    const TableCell& at(std::size_t r, std::size_t c) const { return cells[r * cols + c]; }
    bool operator==(const Table&) const = default;
};

// What a function returns: a number, a text, a block of numbers or a table of mixed cells.
using Value = std::variant<double, std::string, Matrix, Table>;

}  // namespace cpom::calls
