// Adapters of the budget-audit and follow-up functions (docs/domain.md#audit): cells → engine inputs.
// CPOM_EXECUTION_RATE takes plain values: its adapter is generated.
#include <string>
#include <vector>

#include "adapters.hpp"
#include "cpom/audit.hpp"

namespace cpom::calls {

// A blank year is an error anywhere in the row, ends included: the rate depends on the number of years, so
// skipping a blank would silently change it. The generic "saisir 0" advice would be wrong here (0 as the first
// year is impossible), hence this advice of its own.
Value cpom_cagr(const CpomCagrArgs& args) {
    return cagr(
        args.values.line("une année manquante changerait le nombre d'années du taux moyen ; sélectionner "
                         "uniquement des années consécutives renseignées"));
}

// Same shape in, same shape out: a column of budget lines gives a column of variances.
Value cpom_variance(const CpomVarianceArgs& args) {
    const Grid actual = args.actual.grid();
    const Grid budget = args.budget.grid();
    const bool same_shape = budget.rows == actual.rows && budget.cols == actual.cols;
    const bool same_line = actual.is_line() && budget.is_line() && actual.size() == budget.size();
    if (!same_shape && !same_line) {
        args.budget.fail("la plage fait " + std::to_string(budget.rows) + " lignes × " + std::to_string(budget.cols) +
                         " colonnes, " + std::to_string(actual.rows) + " × " + std::to_string(actual.cols) +
                         " attendues (comme " + args.actual.label() + ")");
    }
    std::vector<double> result = variance(actual.values, budget.values, static_cast<VarianceMode>(args.mode.value()));
    return Matrix{actual.rows, actual.cols, std::move(result)};
}

Value cpom_status(const CpomStatusArgs& args) {
    const auto direction = static_cast<Direction>(args.direction.value());
    return std::string(
        status_text(status(args.actual.value(), args.target.value(), args.tolerance.value(), direction)));
}

}  // namespace cpom::calls
