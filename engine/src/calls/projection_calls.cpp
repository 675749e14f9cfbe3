// Adapters of the projection functions (docs/domain.md#projection): cells → engine inputs, K establishments at once.
#include <optional>
#include <string>
#include <vector>

#include "adapters.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/calls/roles.hpp"
#include "cpom/calls/shapes.hpp"
#include "cpom/projection.hpp"

namespace cpom::calls {

namespace {

// The optional `which_year` argument (1..years): one year's value per row, so that an ordinary cell (without
// Ctrl+Shift+Enter, where Calc would silently show year 1) can hold any year. Omitted: every year.
std::optional<std::size_t> wanted_year(const OptionalIntegerArg& which_year, std::size_t years) {
    const std::optional<int> year = which_year.value(1, static_cast<int>(years));
    if (!year) return std::nullopt;
    return static_cast<std::size_t>(*year);
}

// Appends a row of yearly values, or only the wanted year's.
void append_year(std::vector<double>& out, std::span<const double> row, std::optional<std::size_t> year) {
    if (year) {
        out.push_back(row[*year - 1]);
    } else {
        append(out, row);
    }
}

}  // namespace

Value cpom_project(const CpomProjectArgs& args) {
    const std::vector<double> bases = args.base.values();
    const std::size_t count = bases.size();
    const int years = args.years.value();
    check_result_size(count, static_cast<std::size_t>(years));
    const PerYear rates(args.rates, count, years);
    const std::optional<double> cap = args.cap.value();
    const std::optional<PerYear> permanent =
        args.permanent.given() ? std::optional(PerYear(args.permanent, count, years)) : std::nullopt;
    const std::optional<PerYear> one_off =
        args.one_off.given() ? std::optional(PerYear(args.one_off, count, years)) : std::nullopt;
    const std::optional<std::size_t> year = wanted_year(args.which_year, static_cast<std::size_t>(years));
    return for_each_row(count, [&](std::size_t k, std::vector<double>& out) {
        append_year(out,
                    project(bases[k], rates.row(k), cap, permanent ? permanent->row(k) : std::span<const double>{},
                            one_off ? one_off->row(k) : std::span<const double>{}),
                    year);
    });
}

Value cpom_gap(const CpomGapArgs& args) {
    const Rows charges = as_rows(args.charges.grid());
    const Grid resources_grid = args.resources.grid();
    const bool same_size = resources_grid.size() == charges.values.size();
    const bool shared_line = charges.count > 1 && resources_grid.is_line() && resources_grid.size() == charges.length;
    if (!same_size && !shared_line) {
        args.resources.fail("la plage a " + std::to_string(resources_grid.size()) + " valeurs, " +
                            std::to_string(charges.values.size()) + " attendues (comme " + args.charges.label() + ")");
    }
    const PerYear resources(resources_grid, charges.count, charges.length, args.resources.role());
    const bool running = args.mode.value() == 1;
    const std::optional<std::size_t> year = wanted_year(args.which_year, charges.length);
    return for_each_row(charges.count, [&](std::size_t k, std::vector<double>& out) {
        const std::vector<double> gaps = yearly_gap(charges.row(k), resources.row(k));
        append_year(out, running ? cumulative(gaps) : gaps, year);
    });
}

Value cpom_exhaustion_year(const CpomExhaustionYearArgs& args) {
    const Rows gaps = as_rows(args.gaps.grid());
    const std::vector<double> reserves = per_row(args.reserves.values(), gaps.count, args.reserves.role());
    return for_each_row(gaps.count, [&](std::size_t k, std::vector<double>& out) {
        out.push_back(static_cast<double>(exhaustion_year(gaps.row(k), reserves[k])));
    });
}

// The whole scissor table of K establishments in one call: Calc then converts the inputs once and places one
// block, instead of reading back the projected ranges for the gap, the cumulative gap and the exhaustion year.
// project() is called twice, for the charges and for the resources: each time its base and rates are this
// function's arguments of that side.
Value cpom_scissor(const CpomScissorArgs& args) {
    const std::vector<double> charges_bases = args.charges_base.values();
    const std::size_t count = charges_bases.size();
    const std::vector<double> resources_bases = args.resources_base.values();
    if (resources_bases.size() != count) {
        args.resources_base.fail("autant de montants que " + args.charges_base.label() + " sont attendus (" +
                                 std::to_string(count) + ", reçu " + std::to_string(resources_bases.size()) + ")");
    }
    const int years = args.years.value();
    check_result_size(count, 4 * static_cast<std::size_t>(years) + 1);
    const PerYear charges_rates(args.charges_rates, count, years);
    const PerYear resources_rates(args.resources_rates, count, years);
    const std::optional<double> cap = args.cap.value();
    const std::vector<double> reserves = args.reserves.given()
                                             ? per_row(args.reserves.values(), count, args.reserves.role())
                                             : std::vector<double>(count, 0.0);
    return for_each_row(count, [&](std::size_t k, std::vector<double>& out) {
        const std::vector<double> charges =
            with_roles({{Role::base, args.charges_base}, {Role::rates, args.charges_rates}},
                       [&] { return project(charges_bases[k], charges_rates.row(k)); });
        const std::vector<double> resources =
            with_roles({{Role::base, args.resources_base}, {Role::rates, args.resources_rates}},
                       [&] { return project(resources_bases[k], resources_rates.row(k), cap); });
        require_finite(charges);  // an overflow of huge bases: the projections are this call's own
        require_finite(resources);
        const std::vector<double> gaps = yearly_gap(charges, resources);
        for (const auto* part : {&charges, &resources, &gaps}) append(out, *part);
        append(out, cumulative(gaps));
        out.push_back(exhaustion_year(gaps, reserves[k]));
    });
}

}  // namespace cpom::calls
