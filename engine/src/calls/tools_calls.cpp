// Adapters of the utility functions: CPOM_CHECK runs any function of the table and reports why it fails.
#include "adapters.hpp"

namespace cpom::calls {

Value cpom_check(const CallArgs& args) {
    const std::string function = args.text(0);
    Args rest;
    for (std::size_t i = 1; i < args.count(); ++i) rest.push_back(args.raw(i));
    // Trailing omitted arguments say nothing about the checked call: drop them so its arity check stays honest.
    while (!rest.empty() && rest.back().is_omitted()) rest.pop_back();
    return explain(function, rest);
}

Value cpom_version(const CallArgs&) { return std::string("cpom-calc ") + CPOM_VERSION_STRING; }

}  // namespace cpom::calls
