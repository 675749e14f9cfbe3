// Adapters of the utility functions: CPOM_CHECK runs any function of the table and reports why it fails.
#include "adapters.hpp"

namespace cpom::calls {

Value cpom_check(const CallArgs& args) {
    const std::string function = args.text(0);
    // The checked call's arguments, in place: no copy of a whole-column range (it would cost more than the call).
    std::span<const Arg> rest = args.all().subspan(std::min<std::size_t>(1, args.all().size()));
    // Trailing omitted arguments say nothing about the checked call: drop them so its arity check stays honest.
    while (!rest.empty() && rest.back().is_omitted()) rest = rest.first(rest.size() - 1);
    return explain_call(function, rest);
}

Value cpom_version(const CallArgs&) { return std::string("cpom-calc ") + CPOM_VERSION_STRING; }

}  // namespace cpom::calls
