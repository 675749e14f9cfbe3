// Adapters of the budget-audit and follow-up functions (docs/domain.md#audit): cells → engine inputs.
#include <string>
#include <variant>
#include <vector>

#include "adapters.hpp"
#include "cpom/audit.hpp"
#include "cpom/error.hpp"

namespace cpom::calls {

// A blank year is an error anywhere in the row, ends included: the rate depends on the number of years, so
// skipping a blank would silently change it. The generic "saisir 0" advice would be wrong here (0 as the first
// year is impossible), hence this message of its own.
Value cpom_cagr(const CallArgs& args) {
    const std::vector<Cell>& cells = args.raw(0).cells;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (cells.size() > 1 && std::holds_alternative<Empty>(cells[k])) {
            throw ArgumentError(args.name(0), "la cellule n° " + std::to_string(k + 1) +
                                                  " est vide : une année manquante changerait le nombre d'années du "
                                                  "taux moyen ; sélectionner uniquement des années consécutives "
                                                  "renseignées");
        }
    }
    return cagr(args.line(0));
}

// Same shape in, same shape out: a column of budget lines gives a column of variances.
Value cpom_variance(const CallArgs& args) {
    const Grid actual = args.grid(0);
    const Grid budget = args.grid(1);
    const bool same_shape = budget.rows == actual.rows && budget.cols == actual.cols;
    const bool same_line = actual.is_line() && budget.is_line() && actual.size() == budget.size();
    if (!same_shape && !same_line) {
        throw ArgumentError(args.name(1), "la plage fait " + std::to_string(budget.rows) + " lignes × " +
                                              std::to_string(budget.cols) + " colonnes, " +
                                              std::to_string(actual.rows) + " × " + std::to_string(actual.cols) +
                                              " attendues (comme actual)");
    }
    const auto mode = static_cast<VarianceMode>(args.integer_or(2, 0, 1, 0));
    std::vector<double> result = variance(actual.values, budget.values, mode);
    return Matrix{actual.rows, actual.cols, std::move(result)};
}

Value cpom_execution_rate(const CallArgs& args) { return execution_rate(args.number(0), args.number(1)); }

Value cpom_status(const CallArgs& args) {
    const auto direction = static_cast<Direction>(args.integer_or(3, -1, 1, 0));
    return std::string(status_text(status(args.number(0), args.number(1), args.number(2), direction)));
}

}  // namespace cpom::calls
