// Adapters of the human-resources indicators (docs/domain.md#hr): cells → engine inputs.
#include "adapters.hpp"
#include "cpom/hr.hpp"

namespace cpom::calls {

Value cpom_absenteeism_rate(const CallArgs& args) {
    return absenteeism_rate(args.number(0), args.number(1), args.number_or(2, 365));
}

Value cpom_turnover(const CallArgs& args) { return turnover(args.number(0), args.number(1), args.number(2)); }

}  // namespace cpom::calls
