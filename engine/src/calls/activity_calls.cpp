// Adapters of the activity and cost functions (docs/domain.md#activity): cells → engine inputs.
#include <string>
#include <vector>

#include "adapters.hpp"
#include "cpom/activity.hpp"
#include "cpom/allocation.hpp"
#include "cpom/error.hpp"

namespace cpom::calls {

Value cpom_occupancy(const CallArgs& args) {
    return occupancy(args.number(0), args.number(1), args.number_or(2, 365), args.number_or(3, 0));
}

Value cpom_activity_rate(const CallArgs& args) { return activity_rate(args.number(0), args.number(1)); }

Value cpom_unit_cost(const CallArgs& args) {
    return unit_cost(args.number(0), args.number(1), args.number_or(2, 0));
}

Value cpom_day_price(const CallArgs& args) {
    return day_price(args.number(0), args.number(1), args.number(2), args.number_or(3, 0));
}

// pool_amounts: K pools as a column or a row; drivers: K rows of M keys. Returns the 1×M allocated amounts.
Value cpom_allocate(const CallArgs& args) {
    const Grid pools = args.grid(0);
    if (!pools.is_line()) {
        throw ArgumentError(args.name(0), "une colonne (ou une ligne) de montants est attendue, la plage fait " +
                                              std::to_string(pools.rows) + " lignes × " + std::to_string(pools.cols) +
                                              " colonnes");
    }
    const Grid drivers = args.grid(1);
    if (drivers.rows != pools.size()) {
        throw ArgumentError(args.name(1), "la plage a " + std::to_string(drivers.rows) + " lignes, " +
                                              std::to_string(pools.size()) + " attendues (une ligne de clés par montant "
                                              "de pool_amounts, une colonne par activité)");
    }
    std::vector<double> allocated = allocate(pools.values, drivers.values, drivers.cols);
    return Matrix{1, allocated.size(), std::move(allocated)};
}

}  // namespace cpom::calls
