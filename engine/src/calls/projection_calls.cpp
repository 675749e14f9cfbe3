// Adapters of the projection functions (docs/domain.md#projection): cells → engine inputs, K establishments at once.
#include "adapters.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/calls/shapes.hpp"
#include "cpom/error.hpp"
#include "cpom/projection.hpp"

namespace cpom::calls {

namespace {

// A base argument: one amount or a column (or row) of K amounts, one per establishment.
std::vector<double> bases_of(const CallArgs& args, std::size_t i) {
    Grid grid = args.grid(i);
    if (!grid.is_line()) throw ArgumentError(args.name(i), "une valeur ou une colonne de montants est attendue");
    return std::move(grid.values);
}

// The optional `which_year` argument (1..years): one year's value per row, so that an ordinary cell (without
// Ctrl+Shift+Enter, where Calc would silently show year 1) can hold any year. Omitted: every year.
std::optional<std::size_t> wanted_year(const CallArgs& args, std::size_t i, std::size_t years) {
    if (!args.given(i)) return std::nullopt;
    return static_cast<std::size_t>(args.integer(i, 1, static_cast<int>(years)));
}

std::vector<double> keep_year(std::vector<double> row, std::optional<std::size_t> year) {
    if (!year) return row;
    return {row.at(*year - 1)};
}

}  // namespace

Value cpom_project(const CallArgs& args) {
    const std::vector<double> bases = bases_of(args, 0);
    const std::size_t count = bases.size();
    const int years = args.integer(2, 1, 30);
    check_result_size(count, static_cast<std::size_t>(years));
    const PerYear rates(args.grid(1), count, years, args.name(1));
    const std::optional<double> cap = args.optional_number(3);
    const std::optional<PerYear> permanent =
        args.given(4) ? std::optional(PerYear(args.grid(4), count, years, args.name(4))) : std::nullopt;
    const std::optional<PerYear> one_off =
        args.given(5) ? std::optional(PerYear(args.grid(5), count, years, args.name(5))) : std::nullopt;
    const std::optional<std::size_t> year = wanted_year(args, 6, static_cast<std::size_t>(years));
    return for_each_row(count, [&](std::size_t k) {
        return keep_year(project(bases[k], rates.row(k), cap, permanent ? permanent->row(k) : std::span<const double>{},
                                 one_off ? one_off->row(k) : std::span<const double>{}),
                         year);
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
    const std::optional<std::size_t> year = wanted_year(args, 3, charges.length);
    return for_each_row(charges.count, [&](std::size_t k) {
        std::vector<double> gaps = yearly_gap(charges.row(k), resources.row(k));
        return keep_year(mode == 1 ? cumulative(gaps) : std::move(gaps), year);
    });
}

Value cpom_exhaustion_year(const CallArgs& args) {
    const Rows gaps = as_rows(args.grid(0));
    const std::vector<double> reserves = per_row(args.grid(1), gaps.count, args.name(1));
    return for_each_row(gaps.count, [&](std::size_t k) {
        return std::vector<double>{static_cast<double>(exhaustion_year(gaps.row(k), reserves[k]))};
    });
}

// The whole scissor table of K establishments in one call: Calc then converts the inputs once and places one
// block, instead of reading back the projected ranges for the gap, the cumulative gap and the exhaustion year.
Value cpom_scissor(const CallArgs& args) {
    const std::vector<double> charges_bases = bases_of(args, 0);
    const std::size_t count = charges_bases.size();
    const std::vector<double> resources_bases = bases_of(args, 2);
    if (resources_bases.size() != count) {
        throw ArgumentError(args.name(2), "autant de montants que charges_base sont attendus (" +
                                              std::to_string(count) + ", reçu " +
                                              std::to_string(resources_bases.size()) + ")");
    }
    const int years = args.integer(4, 1, 30);
    check_result_size(count, 4 * static_cast<std::size_t>(years) + 1);
    const PerYear charges_rates(args.grid(1), count, years, args.name(1));
    const PerYear resources_rates(args.grid(3), count, years, args.name(3));
    const std::optional<double> cap = args.optional_number(5);
    const std::vector<double> reserves = args.given(6) ? per_row(args.grid(6), count, args.name(6))
                                                       : std::vector<double>(count, 0.0);
    return for_each_row(count, [&](std::size_t k) {
        const std::vector<double> charges = project(charges_bases[k], charges_rates.row(k));
        const std::vector<double> resources = project(resources_bases[k], resources_rates.row(k), cap);
        const std::vector<double> gaps = yearly_gap(charges, resources);
        std::vector<double> row;
        row.reserve(4 * gaps.size() + 1);
        for (const auto* part : {&charges, &resources, &gaps}) row.insert(row.end(), part->begin(), part->end());
        const std::vector<double> running = cumulative(gaps);
        row.insert(row.end(), running.begin(), running.end());
        row.push_back(exhaustion_year(gaps, reserves[k]));
        return row;
    });
}

}  // namespace cpom::calls
