// Adapters of §5 EHPAD tariff functions: single values → engine.
#include "adapters.hpp"
#include "cpom/tariffs.hpp"

namespace cpom::calls {

Value cpom_forfait_soins(const CallArgs& args) {
    return forfait_soins(args.number(0), args.number(1), args.number(2), args.number(3));
}

Value cpom_forfait_dependance(const CallArgs& args) {
    return forfait_dependance(args.number(0), args.number(1), args.number(2), args.number_or(3, 0.0));
}

Value cpom_modulation(const CallArgs& args) {
    // Any whole number is read here; the engine says why a year before 2018 (or a typed "24") has no regime.
    return modulation(args.number(0), args.number(1), args.integer(2, 0, 9999), args.optional_number(3));
}

}  // namespace cpom::calls
