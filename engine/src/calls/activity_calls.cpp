// Adapters of the activity and cost functions (docs/domain.md#activity): cells → engine inputs. CPOM_OCCUPANCY,
// CPOM_ACTIVITY_RATE, CPOM_UNIT_COST and CPOM_DAY_PRICE take plain values: their adapters are generated.
#include <string>
#include <vector>

#include "adapters.hpp"
#include "cpom/allocation.hpp"

namespace cpom::calls {

// pool_amounts: K pools as a column or a row; drivers: K rows of M keys. Returns the 1×M allocated amounts.
Value cpom_allocate(const CpomAllocateArgs& args) {
    const std::vector<double> pools = args.pool_amounts.values();
    const Grid drivers = args.drivers.grid();
    if (drivers.rows != pools.size()) {
        args.drivers.fail("la plage a " + std::to_string(drivers.rows) + " lignes, " + std::to_string(pools.size()) +
                          " attendues (une ligne de clés par montant de " + args.pool_amounts.label() +
                          ", une colonne par activité)");
    }
    std::vector<double> allocated = allocate(pools, drivers.values, drivers.cols);
    return Matrix{1, allocated.size(), std::move(allocated)};
}

}  // namespace cpom::calls
