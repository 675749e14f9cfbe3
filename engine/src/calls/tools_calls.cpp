// Adapters of the utility functions: CPOM_CHECK runs any function of the table and reports why it fails;
// CPOM_TEXT writes a number the French way in a sentence; CPOM_VALIDATE explains why input cells cannot be used.
#include <array>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

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

// CHOICE: the texts allowed (a range or an inline array; blank cells ignored), required for that kind only.
std::vector<std::string> choices_of(const CallArgs& args, std::size_t i, InputKind kind) {
    if (kind != InputKind::Choice) return {};
    std::vector<std::string> choices;
    for (const Cell& cell : args.raw(i).cells) {
        const std::string text = label_of(cell);
        if (!text.empty()) choices.push_back(text);
    }
    if (choices.empty()) throw ArgumentError(args.name(i), "la nature CHOICE demande la liste des valeurs admises");
    return choices;
}

// ACCOUNT: the first non-zero amount of each account's line (one row of `amounts` per account cell); nullopt for a
// line without amount. Texts and blanks are no amount: CPOM_ACCOUNTS does not read them (their own check does).
std::vector<std::optional<double>> line_amounts_of(const CallArgs& args, std::size_t i, InputKind kind,
                                                   std::size_t count) {
    std::vector<std::optional<double>> found(count);
    if (kind != InputKind::Account) return found;
    const Arg& amounts = args.raw(i);
    if (amounts.is_omitted() || amounts.rows != count) {
        throw ArgumentError(args.name(i), "la nature ACCOUNT demande les montants de chaque compte : une ligne de "
                                          "montants par cellule de valeurs (" + std::to_string(count) +
                                          " lignes attendues, " + std::to_string(amounts.rows) + " reçues)");
    }
    for (std::size_t r = 0; r < count; ++r) {
        for (std::size_t c = 0; c < amounts.cols && !found[r]; ++c) {
            const auto* x = std::get_if<double>(&amounts.at(r, c));
            if (x != nullptr && *x != 0) found[r] = *x;
        }
    }
    return found;
}

// ACCOUNT's classes: digits 1 to 9 ("67"), each once at most.
std::string account_classes(const std::string& text, const std::string& argument) {
    for (const char c : text) {
        if (c < '1' || c > '9') {
            throw ArgumentError(argument, "« " + text + " » : des classes de comptes en chiffres de 1 à 9 attendues "
                                          "(par exemple « 67 »)");
        }
    }
    return text;
}

}  // namespace

Value cpom_check(const CallArgs& args) {
    const std::string function = args.text(0);
    // The checked call's arguments, in place: no copy of a whole-column range (it would cost more than the call).
    std::span<const Arg> rest = args.all().subspan(std::min<std::size_t>(1, args.all().size()));
    // Trailing omitted arguments say nothing about the checked call: drop them so its arity check stays honest.
    while (!rest.empty() && rest.back().is_omitted()) rest = rest.first(rest.size() - 1);
    return explain_call(function, rest);
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
    static constexpr std::array<std::string_view, 7> kinds{"AMOUNT", "RATE",    "WHOLE", "NUMBER",
                                                           "ACCOUNT", "CHOICE", "LABEL"};
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
    if (args.given(7)) rule.why_min = args.text(7);
    if (args.given(8)) rule.why_max = args.text(8);
    rule.choices = choices_of(args, 9, rule.kind);
    const std::vector<std::optional<double>> line_amounts = line_amounts_of(args, 10, rule.kind, count);
    // At most this many reasons (a template's reason cell shows the first one); omitted: every one.
    const auto most = static_cast<std::size_t>(args.integer_or(11, 1, 1'000'000, 1'000'000));
    if (args.given(12)) rule.classes = account_classes(args.text(12), args.name(12));
    if (args.given(13)) rule.why_classes = args.text(13);

    std::string report;
    std::size_t found_count = 0;
    for (std::size_t k = 0; k < count && found_count < most; ++k) {
        const InputValue value = input_of(values.cells[k]);
        // The label is built only for a cell that has something to say: most cells are fine.
        const std::string found = warn_below ? input_warning(value, rule, "", *warn_below)
                                             : input_error(value, rule, "", line_amounts[k]);
        if (found.empty()) continue;
        const std::string label = label_for(labels, k, count);
        if (!report.empty()) report += " ; ";
        report += label.empty() ? found : label + " : " + found;
        ++found_count;
    }
    return report;
}

}  // namespace cpom::calls
