// Adapters of the utility functions: CPOM_CHECK runs any function of the table and reports why it fails;
// CPOM_TEXT writes a number the French way in a sentence; CPOM_VALIDATE explains why input cells cannot be used.
#include <array>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "adapters.hpp"
#include "cpom/calls/cell_input.hpp"
#include "cpom/calls/roles.hpp"
#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/french_text.hpp"
#include "cpom/input_check.hpp"

namespace cpom::calls {
namespace {

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

// CHOICE: the texts allowed (a range or an inline array; blank cells ignored), required for that kind only.
std::vector<std::string> choices_of(const RangeArg& arg, InputKind kind) {
    if (kind != InputKind::Choice) return {};
    const std::string_view missing = "la nature CHOICE demande la liste des valeurs admises";
    if (!arg.given()) arg.fail(std::string(missing));
    std::vector<std::string> choices;
    const CheckedCells cells = arg.cells();
    for (std::size_t k = 0; k < cells.size(); ++k) {
        // A choice is written back in the reasons (french_number): one that is not finite is this argument's.
        const std::string text = with_roles({{Role::value, arg}}, [&] { return label_of(cells[k]); });
        if (!text.empty()) choices.push_back(text);
    }
    if (choices.empty()) arg.fail(std::string(missing));
    return choices;
}

// ACCOUNT: the first non-zero amount of each account's line (one row of `amounts` per account cell); nullopt for a
// line without amount. Texts and blanks are no amount: CPOM_ACCOUNTS does not read them (their own check does).
std::vector<std::optional<double>> line_amounts_of(const RangeArg& arg, InputKind kind, std::size_t count) {
    std::vector<std::optional<double>> found(count);
    if (kind != InputKind::Account) return found;
    const std::size_t rows = arg.given() ? arg.cells().rows() : 0;
    if (rows != count) {
        arg.fail(
            "la nature ACCOUNT demande les montants de chaque compte : une ligne de montants par cellule de "
            "valeurs (" +
            std::to_string(count) + " lignes attendues, " + std::to_string(rows) + " reçues)");
    }
    const CheckedCells amounts = arg.cells();
    for (std::size_t r = 0; r < count; ++r) {
        for (std::size_t c = 0; c < amounts.cols() && !found[r]; ++c) {
            const CellView cell = amounts(r, c);
            if (cell.is_number() && cell.number != 0) found[r] = cell.number;
        }
    }
    return found;
}

// ACCOUNT's classes: digits 1 to 9 ("67"), each once at most.
std::string account_classes(const OptionalTextArg& arg) {
    const std::string text = arg.value().value_or("");
    for (const char c : text) {
        if (c < '1' || c > '9') {
            arg.fail("« " + text + " » : des classes de comptes en chiffres de 1 à 9 attendues (par exemple « 67 »)");
        }
    }
    return text;
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
    static constexpr std::array<std::string_view, 7> kinds{"AMOUNT",  "RATE",   "WHOLE", "NUMBER",
                                                           "ACCOUNT", "CHOICE", "LABEL"};
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
    rule.why_min = args.why_min.value().value_or("");
    rule.why_max = args.why_max.value().value_or("");
    rule.choices = choices_of(args.choices, rule.kind);
    const std::vector<std::optional<double>> line_amounts = line_amounts_of(args.amounts, rule.kind, count);
    // At most this many reasons (a template's reason cell shows the first one); omitted: every one.
    const auto most = static_cast<std::size_t>(args.most.value());
    rule.classes = account_classes(args.classes);
    rule.why_classes = args.why_classes.value().value_or("");

    std::string report;
    std::size_t found_count = 0;
    for (std::size_t k = 0; k < count && found_count < most; ++k) {
        const InputValue value = input_of(values.at(k));
        // The label is built only for a cell that has something to say: most cells are fine. Values and labels are
        // written back in the reason (french_number): one that is not finite is that cell's argument's, not
        // CPOM_TEXT's `value`.
        const std::string found = with_roles({{Role::value, args.values}}, [&] {
            return warn_below ? input_warning(value, rule, "", *warn_below)
                              : input_error(value, rule, "", line_amounts[k]);
        });
        if (found.empty()) continue;
        const std::string label = with_roles({{Role::value, args.labels}}, [&] { return label_for(labels, k, count); });
        if (!report.empty()) report += " ; ";
        report += label.empty() ? found : label + " : " + found;
        ++found_count;
    }
    return report;
}

}  // namespace cpom::calls
