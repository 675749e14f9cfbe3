// Adapters of the utility functions: CPOM_CHECK runs any function of the table and reports why it fails;
// CPOM_TEXT writes a number the French way in a sentence; CPOM_VALIDATE explains why input cells cannot be used.
#include <array>
#include <cmath>
#include <string_view>

#include "adapters.hpp"
#include "cpom/calls/roles.hpp"
#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/french_text.hpp"
#include "cpom/input_check.hpp"

namespace cpom::calls {
namespace {

InputValue input_of(const CellView& cell) {
    if (cell.is_number()) return cell.number;
    if (cell.is_text()) return std::string(cell.text);
    return std::monostate{};
}

// A label cell as the reader sees it: a text, or a year header such as 2026 (whole numbers without separators).
std::string label_of(const CellView& cell) {
    if (cell.is_text()) return std::string(cell.text);
    if (cell.is_number()) {
        if (cell.number == std::floor(cell.number) && std::fabs(cell.number) < 1e15) {
            return std::to_string(static_cast<long long>(cell.number));
        }
        return french_number(cell.number);
    }
    return "";
}

// The label of the k-th of `count` checked cells: its own label cell, or the single label (numbered when several
// cells share it).
std::string label_for(const CellBlock& labels, std::size_t k, std::size_t count) {
    if (labels.is_omitted()) return count > 1 ? "n° " + std::to_string(k + 1) : "";
    if (labels.size() == count) return label_of(labels.at(k));
    const std::string label = label_of(labels.at(0));
    return count > 1 ? label + " (n° " + std::to_string(k + 1) + ")" : label;
}

}  // namespace

Value cpom_check(const CpomCheckArgs& args) {
    const std::string name = args.function_name.value();
    const FunctionSpec* checked = find_function(name);
    if (checked == nullptr) return args.function_name.label() + " : fonction inconnue : « " + name + " »";
    std::span<const CellBlock* const> rest = args.arguments.blocks();
    // Trailing omitted arguments say nothing about the checked call: drop them so its arity check stays honest.
    while (!rest.empty() && (rest.back() == nullptr || rest.back()->is_omitted())) rest = rest.first(rest.size() - 1);
    return explain(*checked, rest, args.function_name.language());
}

Value cpom_version(const CpomVersionArgs&) { return std::string("cpom-calc ") + CPOM_VERSION_STRING; }

Value cpom_text(const CpomTextArgs& args) {
    std::string text = french_number(args.value.value(), args.decimals.value(0, k_max_text_decimals));
    if (const std::optional<std::string> unit = args.unit.value(); unit && !unit->empty()) {
        text += std::string(k_french_space) + *unit;
    }
    return text;
}

Value cpom_validate(const CpomValidateArgs& args) {
    const CellBlock& values = args.values.cells();
    static constexpr std::array<std::string_view, 3> kinds{"AMOUNT", "RATE", "WHOLE"};
    InputRule rule;
    rule.kind = static_cast<InputKind>(check::one_of(args.kind.value(), kinds, args.kind.role()));
    rule.minimum = args.minimum.value();
    rule.maximum = args.maximum.value();
    if (rule.minimum && rule.maximum && *rule.minimum > *rule.maximum) {
        args.maximum.fail("le maximum est inférieur au minimum");
    }
    const CellBlock& labels = args.labels.cells();
    const std::size_t count = values.size();
    if (!labels.is_omitted() && labels.size() != 1 && labels.size() != count) {
        args.labels.fail("un libellé ou " + std::to_string(count) + " libellés (un par cellule) attendus, " +
                         std::to_string(labels.size()) + " reçus");
    }
    rule.blank_allowed = args.blank.value() == 1;
    const std::optional<double> warn_below = args.warn_below.value();
    if (warn_below) check::positive(*warn_below, args.warn_below.role());

    std::string report;
    for (std::size_t k = 0; k < count; ++k) {
        // Values and labels are written back in the reason (french_number): one that is not finite is that cell's
        // argument's, not CPOM_TEXT's `value`.
        const std::string label = with_roles({{Role::value, args.labels}}, [&] { return label_for(labels, k, count); });
        const InputValue value = input_of(values.at(k));
        const std::string found = with_roles({{Role::value, args.values}}, [&] {
            return warn_below ? input_warning(value, rule, label, *warn_below) : input_error(value, rule, label);
        });
        if (found.empty()) continue;
        if (!report.empty()) report += " ; ";
        report += found;
    }
    return report;
}

}  // namespace cpom::calls
