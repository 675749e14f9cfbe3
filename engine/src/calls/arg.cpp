#include "cpom/calls/arg.hpp"

namespace cpom::calls {

Arg Arg::row(const std::vector<double>& values) {
    std::vector<Cell> cells(values.begin(), values.end());
    return {1, values.size(), std::move(cells)};
}

bool Arg::is_blank() const {
    return is_omitted() || (cells.size() == 1 && std::holds_alternative<Empty>(cells[0]));
}

}  // namespace cpom::calls
