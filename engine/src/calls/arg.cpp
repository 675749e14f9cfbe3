#include "cpom/calls/arg.hpp"

#include <stdexcept>

namespace cpom::calls {

Arg Arg::block(std::size_t rows, std::size_t cols, std::vector<Cell> cells) {
    if (cells.size() != rows * cols) throw std::invalid_argument("Arg::block: rows × cols cells expected");
    return Arg(rows, cols, std::move(cells));
}

Arg Arg::row(const std::vector<double>& values) {
    std::vector<Cell> cells(values.begin(), values.end());
    return Arg(1, values.size(), std::move(cells));
}

Arg Arg::copy_of(const CellBlock& block) {
    std::vector<Cell> cells;
    cells.reserve(block.size());
    for (std::size_t r = 0; r < block.rows(); ++r) {
        for (std::size_t c = 0; c < block.cols(); ++c) {
            const CellView cell = block.at(r, c);
            switch (cell.kind) {
                case CellKind::Empty: cells.emplace_back(Empty{}); break;
                case CellKind::Number: cells.emplace_back(cell.number); break;
                case CellKind::Text: cells.emplace_back(std::string(cell.text)); break;
            }
        }
    }
    return Arg(block.rows(), block.cols(), std::move(cells));
}

CellView Arg::at(std::size_t r, std::size_t c) const {
    const Cell& cell = cells_[r * cols_ + c];
    if (const auto* x = std::get_if<double>(&cell)) return {CellKind::Number, *x, {}};
    if (const auto* text = std::get_if<std::string>(&cell)) return {CellKind::Text, 0.0, *text};
    return {};
}

}  // namespace cpom::calls
