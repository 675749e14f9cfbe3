#include "cpom/calls/shapes.hpp"

#include "cpom/error.hpp"

namespace cpom::calls {

Rows as_rows(Grid grid) {
    if (grid.is_line()) return {1, grid.values.size(), std::move(grid.values)};
    return {grid.rows, grid.cols, std::move(grid.values)};
}

PerYear::PerYear(Grid grid, std::size_t rows, std::size_t years, const std::string& argument) : years_(years) {
    if (grid.is_single()) {
        values_.assign(years, grid.values[0]);
    } else if (rows > 1 && grid.rows == rows && grid.cols == years) {
        values_ = std::move(grid.values);
        per_row_ = true;
    } else if (grid.is_line() && grid.size() == years) {
        values_ = std::move(grid.values);
    } else if (grid.is_line()) {
        throw ArgumentError(argument, "la plage a " + std::to_string(grid.size()) + " valeurs, " +
                                          std::to_string(years) + " attendues (une par année)");
    } else {
        throw ArgumentError(argument, "la plage fait " + std::to_string(grid.rows) + " lignes × " +
                                          std::to_string(grid.cols) + " colonnes, " + std::to_string(rows) +
                                          " × " + std::to_string(years) + " attendues");
    }
}

std::span<const double> PerYear::row(std::size_t k) const {
    return {values_.data() + (per_row_ ? k * years_ : 0), years_};
}

std::vector<double> per_row(const Grid& grid, std::size_t rows, const std::string& argument) {
    if (grid.is_single()) return std::vector<double>(rows, grid.values[0]);
    if (grid.is_line() && grid.size() == rows) return grid.values;
    throw ArgumentError(argument, "une valeur ou " + std::to_string(rows) + " valeurs (une par ligne) attendues, " +
                                      std::to_string(grid.size()) + " reçues");
}

Matrix to_matrix(std::vector<std::vector<double>> rows) {
    Matrix m;
    m.rows = rows.size();
    m.cols = rows.empty() ? 0 : rows[0].size();
    m.values.reserve(m.rows * m.cols);
    for (auto& row : rows) m.values.insert(m.values.end(), row.begin(), row.end());
    return m;
}

}  // namespace cpom::calls
