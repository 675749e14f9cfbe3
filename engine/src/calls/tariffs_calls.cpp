// Adapters of the EHPAD tariff functions (docs/domain.md#ehpad-tariffs): cells → engine. CPOM_FORFAIT_SOINS,
// CPOM_FORFAIT_DEPENDANCE and the three modulations take plain values: their adapters are generated (any whole
// year is read there; the engine says why a year before 2018, or a typed "24", has no regime).
#include <vector>

#include "adapters.hpp"
#include "cpom/soins_points.hpp"
#include "cpom/tariffs.hpp"

namespace cpom::calls {

Value cpom_point_soins(const CpomPointSoinsArgs& args) {
    return soins_point_value(args.year.value(), parse_soins_option(args.option.value(), args.option.role()),
                             args.pui.value() == 1, args.dom.value() == 1);
}

Value cpom_forfait_dependance_gir(const CpomForfaitDependanceGirArgs& args) {
    const std::vector<double> residents = args.residents.line();  // GIR 1 … 6, or GIR 1-2, 3-4, 5-6
    DependanceAdjustments adjustments;
    adjustments.residents_share = args.residents_share.value();
    adjustments.other_departments = args.other_departments.value();
    adjustments.under_60 = args.under_60.value();
    adjustments.complementary = args.complementary.value();
    return forfait_dependance_gir(residents, args.capacity.value(), args.point_gir.value(), adjustments);
}

}  // namespace cpom::calls
