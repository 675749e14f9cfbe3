// Adapters of the EHPAD tariff functions (docs/domain.md#ehpad-tariffs): cells → engine.
#include <vector>

#include "adapters.hpp"
#include "cpom/soins_points.hpp"
#include "cpom/tariffs.hpp"

namespace cpom::calls {

Value cpom_forfait_soins(const CallArgs& args) {
    return forfait_soins(args.number(0), args.number(1), args.number(2), args.number(3), args.number_or(4, 0.0),
                         args.number_or(5, 0.0));
}

Value cpom_forfait_dependance(const CallArgs& args) {
    return forfait_dependance(args.number(0), args.number(1), args.number(2), args.number_or(3, 0.0));
}

Value cpom_modulation(const CallArgs& args) {
    // Any whole number is read here; the engine says why a year before 2018 (or a typed "24") has no regime.
    return modulation(args.number(0), args.number(1), args.integer(2, 0, 9999), args.optional_number(3));
}

Value cpom_point_soins(const CallArgs& args) {
    return soins_point_value(args.integer(0, 0, 9999), parse_soins_option(args.text(1), args.name(1)),
                             args.integer(2, 0, 1) == 1, args.integer_or(3, 0, 1, 0) == 1);
}

Value cpom_forfait_dependance_gir(const CallArgs& args) {
    const std::vector<double> residents = args.line(0);  // GIR 1 … 6, or GIR 1-2, 3-4, 5-6
    DependanceAdjustments adjustments;
    adjustments.residents_share = args.number_or(3, 0.0);
    adjustments.other_departments = args.number_or(4, 0.0);
    adjustments.under_60 = args.number_or(5, 0.0);
    adjustments.complementary = args.number_or(6, 0.0);
    return forfait_dependance_gir(residents, args.number(1), args.number(2), adjustments);
}

Value cpom_modulation_soins(const CallArgs& args) {
    return modulation_soins(args.number(0), args.number(1), args.integer(2, 0, 9999), args.optional_number(3),
                            args.optional_number(4));
}

Value cpom_modulation_dependance(const CallArgs& args) {
    return modulation_dependance(args.number(0), args.number(1), args.integer(2, 0, 9999), args.optional_number(3),
                                 args.optional_number(4));
}

}  // namespace cpom::calls
