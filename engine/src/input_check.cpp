#include "cpom/input_check.hpp"

#include <cmath>
#include <string>

#include "cpom/french_text.hpp"

namespace cpom {
namespace {

// The bounds a rule really applies: a rate without its own bounds stays within ±100 %.
std::optional<double> lower(const InputRule& rule) {
    if (rule.minimum || rule.kind != InputKind::Rate) return rule.minimum;
    return -1.0;
}
std::optional<double> upper(const InputRule& rule) {
    if (rule.maximum || rule.kind != InputKind::Rate) return rule.maximum;
    return 1.0;
}

// A value as the reader typed it: "1 200 %" for a rate of 12, "5 000 €" for an amount, "3" for a whole number.
std::string shown(double x, InputKind kind) {
    const std::string space(k_french_space);
    switch (kind) {
        case InputKind::Rate: return french_number(x * 100) + space + "%";
        case InputKind::Amount: return french_number(x) + space + "€";
        case InputKind::Whole: break;
    }
    return french_number(x);
}

std::string bounds_text(const InputRule& rule) {
    const auto lo = lower(rule), hi = upper(rule);
    if (lo && hi) return "de " + shown(*lo, rule.kind) + " à " + shown(*hi, rule.kind);
    if (lo) return "au moins " + shown(*lo, rule.kind);
    return "au plus " + shown(*hi, rule.kind);
}

std::string with_label(std::string_view label, const std::string& reason) {
    if (label.empty()) return reason;
    return std::string(label) + " : " + reason;
}

std::string number_error(double x, const InputRule& rule) {
    if (!std::isfinite(x)) return "la valeur n'est pas un nombre fini";
    if (rule.kind == InputKind::Whole && x != std::floor(x)) return shown(x, rule.kind) + " n'est pas un nombre entier";
    const auto lo = lower(rule), hi = upper(rule);
    if ((!lo || x >= *lo) && (!hi || x <= *hi)) return "";
    if (rule.kind == InputKind::Rate && std::fabs(x) > 1) {
        // 12 read as a rate is 1 200 %: the user meant 12 %, typed without its sign (or pasted from a plain cell).
        // The likely intent first: a narrow column shows the start of the message.
        const std::string meant = french_number(x) + std::string(k_french_space) + "%";
        return shown(x, rule.kind) + " : probablement " + meant + " saisi sans le signe % (saisir " + meant +
               ") ; limites : " + bounds_text(rule);
    }
    return shown(x, rule.kind) + " hors des limites (" + bounds_text(rule) + ")";
}

}  // namespace

std::string input_error(const InputValue& value, const InputRule& rule, std::string_view label) {
    if (std::holds_alternative<std::monostate>(value)) {
        if (rule.blank_allowed) return "";
        return with_label(label, "cellule vide, une valeur est attendue");
    }
    if (const auto* text = std::get_if<std::string>(&value)) {
        return with_label(label, "« " + *text + " » n'est pas un nombre");
    }
    const std::string reason = number_error(std::get<double>(value), rule);
    return reason.empty() ? "" : with_label(label, reason);
}

std::string input_warning(const InputValue& value, const InputRule& rule, std::string_view label, double threshold) {
    const auto* x = std::get_if<double>(&value);
    if (rule.kind != InputKind::Rate || x == nullptr || !input_error(value, rule, label).empty()) return "";
    if (*x == 0 || std::fabs(*x) >= threshold) return "";
    const double meant = *x * 100;
    const auto lo = lower(rule), hi = upper(rule);
    const bool meant_fits = (!lo || meant >= *lo) && (!hi || meant <= *hi);
    return with_label(label, shown(*x, rule.kind) + (meant_fits ? " : vouliez-vous dire " + shown(meant, rule.kind) +
                                                                      " ?"
                                                                : " : taux inhabituellement faible, à vérifier"));
}

}  // namespace cpom
