// Adapters of §1 projection functions: cells → engine inputs, K establishments at once.
#include "adapters.hpp"
#include "cpom/calls/shapes.hpp"
#include "cpom/error.hpp"
#include "cpom/projection.hpp"

namespace cpom::calls {

Value cpom_project(const CallArgs& args) {
    const Grid base_grid = args.grid(0);
    if (!base_grid.is_line()) throw ArgumentError(args.name(0), "une valeur ou une colonne de montants est attendue");
    const std::vector<double>& bases = base_grid.values;
    const std::size_t count = bases.size();
    const int years = args.integer(2, 1, 30);
    const PerYear rates(args.grid(1), count, years, args.name(1));
    const std::optional<double> cap = args.optional_number(3);
    const std::optional<PerYear> permanent =
        args.given(4) ? std::optional(PerYear(args.grid(4), count, years, args.name(4))) : std::nullopt;
    const std::optional<PerYear> one_off =
        args.given(5) ? std::optional(PerYear(args.grid(5), count, years, args.name(5))) : std::nullopt;
    return for_each_row(count, [&](std::size_t k) {
        return project(bases[k], rates.row(k), cap, permanent ? permanent->row(k) : std::span<const double>{},
                       one_off ? one_off->row(k) : std::span<const double>{});
    });
}

Value cpom_gap(const CallArgs& args) {
    const Rows charges = as_rows(args.grid(0));
    const Grid resources_grid = args.grid(1);
    const bool same_size = resources_grid.size() == charges.values.size();
    const bool shared_line = charges.count > 1 && resources_grid.is_line() && resources_grid.size() == charges.length;
    if (!same_size && !shared_line) {
        throw ArgumentError(args.name(1), "la plage a " + std::to_string(resources_grid.size()) + " valeurs, " +
                                              std::to_string(charges.values.size()) + " attendues (comme charges)");
    }
    const PerYear resources(resources_grid, charges.count, charges.length, args.name(1));
    const int mode = args.integer_or(2, 0, 1, 0);
    return for_each_row(charges.count, [&](std::size_t k) {
        std::vector<double> gaps = yearly_gap(charges.row(k), resources.row(k));
        return mode == 1 ? cumulative(gaps) : gaps;
    });
}

Value cpom_exhaustion_year(const CallArgs& args) {
    const Rows gaps = as_rows(args.grid(0));
    const std::vector<double> reserves = per_row(args.grid(1), gaps.count, args.name(1));
    return for_each_row(gaps.count, [&](std::size_t k) {
        return std::vector<double>{static_cast<double>(exhaustion_year(gaps.row(k), reserves[k]))};
    });
}

}  // namespace cpom::calls
