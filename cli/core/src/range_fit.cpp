#include "cpom/cli/range_fit.hpp"

namespace cpom::cli {

namespace {

DataRow without_trailing_blanks(DataRow row, std::size_t keep_at_least) {
    while (row.size() > keep_at_least && std::holds_alternative<Blank>(row.back())) row.pop_back();
    return row;
}

std::string cells(std::size_t n) { return std::to_string(n) + (n > 1 ? " cellules" : " cellule"); }
std::string values(std::size_t n) { return std::to_string(n) + (n > 1 ? " valeurs" : " valeur"); }

}  // namespace

Grid fit_to_range(const DataEntry& entry, std::size_t rows, std::size_t cols) {
    const std::string name = "« " + entry.name + " » : ";
    Grid grid{rows, cols, {}};
    grid.cells.reserve(rows * cols);
    if (entry.rows.size() == 1) {
        const DataRow row = without_trailing_blanks(entry.rows.front(), rows * cols);
        if (row.size() != rows * cols)
            throw FitError(name + "la plage a " + cells(rows * cols) + ", " + values(row.size()) + " données");
        grid.cells = row;
        return grid;
    }
    if (entry.rows.size() != rows)
        throw FitError(name + "la plage a " + std::to_string(rows) + " lignes, " + std::to_string(entry.rows.size()) +
                       " lignes données");
    for (std::size_t r = 0; r < rows; ++r) {
        const DataRow row = without_trailing_blanks(entry.rows[r], cols);
        if (row.size() != cols)
            throw FitError(name + "ligne " + std::to_string(r + 1) + " de la plage : " + cells(cols) + ", " +
                           values(row.size()) + " données");
        grid.cells.insert(grid.cells.end(), row.begin(), row.end());
    }
    return grid;
}

}  // namespace cpom::cli
