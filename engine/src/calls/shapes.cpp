#include "cpom/calls/shapes.hpp"

#include "cpom/error.hpp"

namespace cpom::calls {

Rows as_rows(Grid grid) {
    if (grid.is_line()) return {1, grid.values.size(), std::move(grid.values)};
    return {grid.rows, grid.cols, std::move(grid.values)};
}

PerYear::PerYear(Grid grid, std::size_t rows, std::size_t years, Role role) : years_(years) {
    if (grid.is_single()) {
        values_.assign(years, grid.values[0]);
    } else if (rows > 1 && grid.rows == rows && grid.cols == years) {
        values_ = std::move(grid.values);
        per_row_ = true;
    } else if (grid.is_line() && grid.size() == years) {
        values_ = std::move(grid.values);
    } else if (grid.is_line()) {
        throw ArgumentError(role, "la plage a " + std::to_string(grid.size()) + " valeurs, " + std::to_string(years) +
                                      " attendues (une par année)");
    } else {
        throw ArgumentError(role, "la plage fait " + std::to_string(grid.rows) + " lignes × " +
                                      std::to_string(grid.cols) + " colonnes, " + std::to_string(rows) + " × " +
                                      std::to_string(years) + " attendues");
    }
}

std::span<const double> PerYear::row(std::size_t k) const {
    return {values_.data() + (per_row_ ? k * years_ : 0), years_};
}

std::vector<double> per_row(std::vector<double> values, std::size_t rows, Role role) {
    if (values.size() == 1) return std::vector<double>(rows, values[0]);
    if (values.size() == rows) return values;
    throw ArgumentError(role, "une valeur ou " + std::to_string(rows) + " valeurs (une par ligne) attendues, " +
                                  std::to_string(values.size()) + " reçues");
}

}  // namespace cpom::calls
