// Adapters of the utility functions: CPOM_CHECK runs any function of the table and reports why it fails;
// CPOM_TEXT writes a number the French way in a sentence; CPOM_VALIDATE explains why input cells cannot be used.
#include <array>
#include <cmath>
#include <string_view>

#include "adapters.hpp"
#include "cpom/calls/cell_input.hpp"
#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/french_text.hpp"
#include "cpom/input_check.hpp"

namespace cpom::calls {
namespace {

// A label cell as the reader sees it: a text, or a year header such as 2026 (whole numbers without separators).
std::string label_of(const Cell& cell) {
    if (const auto* text = std::get_if<std::string>(&cell)) return *text;
    if (const auto* x = std::get_if<double>(&cell)) {
        if (*x == std::floor(*x) && std::fabs(*x) < 1e15) return std::to_string(static_cast<long long>(*x));
        return french_number(*x);
    }
    return "";
}

// The label of the k-th of `count` checked cells: its own label cell, or the single label (numbered when several
// cells share it).
std::string label_for(const Arg& labels, std::size_t k, std::size_t count) {
    if (labels.is_omitted()) return count > 1 ? "n° " + std::to_string(k + 1) : "";
    if (labels.cells.size() == count) return label_of(labels.cells[k]);
    const std::string label = label_of(labels.cells[0]);
    return count > 1 ? label + " (n° " + std::to_string(k + 1) + ")" : label;
}

}  // namespace

Value cpom_check(const CallArgs& args) {
    const std::string function = args.text(0);
    Args rest;
    for (std::size_t i = 1; i < args.count(); ++i) rest.push_back(args.raw(i));
    // Trailing omitted arguments say nothing about the checked call: drop them so its arity check stays honest.
    while (!rest.empty() && rest.back().is_omitted()) rest.pop_back();
    return explain(function, rest);
}

Value cpom_version(const CallArgs&) { return std::string("cpom-calc ") + CPOM_VERSION_STRING; }

Value cpom_text(const CallArgs& args) {
    const double value = args.number(0);
    const std::optional<int> decimals =
        args.given(1) ? std::optional(args.integer(1, 0, k_max_text_decimals)) : std::nullopt;
    std::string text = french_number(value, decimals);
    if (args.given(2)) {
        const std::string unit = args.text(2);
        if (!unit.empty()) text += std::string(k_french_space) + unit;
    }
    return text;
}

Value cpom_validate(const CallArgs& args) {
    const Arg& values = args.raw(0);
    static constexpr std::array<std::string_view, 3> kinds{"AMOUNT", "RATE", "WHOLE"};
    InputRule rule;
    rule.kind = static_cast<InputKind>(check::one_of(args.text(1), kinds, args.name(1)));
    rule.minimum = args.optional_number(2);
    rule.maximum = args.optional_number(3);
    if (rule.minimum && rule.maximum && *rule.minimum > *rule.maximum) {
        throw ArgumentError(args.name(3), "le maximum est inférieur au minimum");
    }
    const Arg& labels = args.raw(4);
    const std::size_t count = values.cells.size();
    if (!labels.is_omitted() && labels.cells.size() != 1 && labels.cells.size() != count) {
        throw ArgumentError(args.name(4), "un libellé ou " + std::to_string(count) + " libellés (un par cellule) "
                                          "attendus, " + std::to_string(labels.cells.size()) + " reçus");
    }
    rule.blank_allowed = args.integer_or(5, 0, 1, 0) == 1;
    const std::optional<double> warn_below = args.optional_number(6);
    if (warn_below) check::positive(*warn_below, args.name(6));

    std::string report;
    for (std::size_t k = 0; k < count; ++k) {
        const std::string label = label_for(labels, k, count);
        const InputValue value = input_of(values.cells[k]);
        const std::string found = warn_below ? input_warning(value, rule, label, *warn_below)
                                             : input_error(value, rule, label);
        if (found.empty()) continue;
        if (!report.empty()) report += " ; ";
        report += found;
    }
    return report;
}

}  // namespace cpom::calls
