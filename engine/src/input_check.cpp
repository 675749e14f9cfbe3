#include "cpom/input_check.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "cpom/accounts.hpp"
#include "cpom/error.hpp"
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
bool within(double x, const InputRule& rule) {
    const auto lo = lower(rule), hi = upper(rule);
    return (!lo || x >= *lo) && (!hi || x <= *hi);
}

// A value as the reader typed it: "1 200 %" for a rate of 12, "5 000 €" for an amount, "3" for a whole number.
// A whole number of four digits keeps them together: it is most often a year (« exercice 2024 », never « 2 024 »),
// and French typography allows 4-digit numbers without a space; from five digits, groups of three.
std::string shown(double x, InputKind kind) {
    const std::string space(k_french_space);
    if (kind == InputKind::Rate) return french_number(x * 100) + space + "%";
    if (kind == InputKind::Amount) return french_number(x) + space + "€";
    if (kind == InputKind::Whole && std::abs(x) < 10'000 && x == std::trunc(x))
        return std::to_string(static_cast<long long>(x));
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

// « a », « b » ou « c »: the texts a Choice cell may hold.
std::string listed(const std::vector<std::string>& choices) {
    std::string out;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) out += i + 1 == choices.size() ? " ou " : ", ";
        out += "« " + choices[i] + " »";
    }
    return out;
}

std::string choice_error(const std::string& text, const InputRule& rule) {
    const bool known = std::find(rule.choices.begin(), rule.choices.end(), text) != rule.choices.end();
    return known ? "" : "« " + text + " » n'est pas dans la liste : " + listed(rule.choices);
}

std::string blank_error(const InputRule& rule) {
    if (rule.kind == InputKind::Label) return "cellule vide, un nom est attendu";
    if (rule.kind == InputKind::Choice) return "cellule vide : choisir " + listed(rule.choices);
    const bool counts = rule.kind != InputKind::Rate;  // "0 if there is none" makes sense for amounts and counts
    return "cellule vide, une valeur est attendue" +
           std::string(counts && within(0, rule) ? " (0 s'il n'y en a pas)" : "");
}

// A rate typed in decimal in a percent cell (0,75 for 75 %) reads a hundred times too small.
std::string meant_percent(double x, const InputRule& rule) {
    const auto lo = lower(rule);
    if (rule.kind != InputKind::Rate || x <= 0 || !lo || *lo <= 0 || !within(x * 100, rule)) return "";
    return " : vouliez-vous dire " + shown(x * 100, rule.kind) + " ?";
}

std::string number_error(double x, const InputRule& rule) {
    if (!std::isfinite(x)) return "la valeur n'est pas un nombre fini";
    if (rule.kind == InputKind::Whole && x != std::floor(x)) return shown(x, rule.kind) + " n'est pas un nombre entier";
    if (within(x, rule)) return "";
    const auto lo = lower(rule);
    const std::string& why = lo && x < *lo ? rule.why_min : rule.why_max;
    if (!why.empty()) return shown(x, rule.kind) + " : " + why + meant_percent(x, rule);
    if (rule.kind == InputKind::Rate && std::fabs(x) > 1) {
        // 12 read as a rate is 1 200 %: the user meant 12 %, typed without its sign (or pasted from a plain cell).
        // The likely intent first: a narrow column shows the start of the message.
        const std::string meant = french_number(x) + std::string(k_french_space) + "%";
        return shown(x, rule.kind) + " : probablement " + meant + " saisi sans le signe % (saisir " + meant +
               ") ; limites : " + bounds_text(rule);
    }
    return shown(x, rule.kind) + " hors des limites (" + bounds_text(rule) + ")" + meant_percent(x, rule);
}

std::string account_error(const InputValue& value, double amount, const InputRule& rule) {
    AccountCell cell;
    if (const auto* x = std::get_if<double>(&value)) cell = *x;
    if (const auto* text = std::get_if<std::string>(&value)) cell = std::string_view(*text);
    char account_class = 0;
    try {
        account_class = line_account(cell, amount, 0).account_class();
    } catch (const ArgumentError& e) {
        return e.reason();
    }
    if (rule.classes.empty() || rule.classes.find(account_class) != std::string::npos) return "";
    std::string allowed;  // "6, 7"
    for (const char c : rule.classes) allowed += (allowed.empty() ? "" : ", ") + std::string(1, c);
    return "compte de classe " + std::string(1, account_class) + " : " +
           (rule.why_classes.empty() ? "la table prend les classes " + allowed : rule.why_classes);
}

// Characters as Calc's LEN counts them for the texts of a sheet: UTF-8 code points (continuation bytes skipped).
std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// LABEL with a maximum: a text longer than that many characters (it would be cut where it is printed).
std::string label_error(const InputValue& value, const InputRule& rule) {
    const auto* text = std::get_if<std::string>(&value);
    if (text == nullptr || !rule.maximum) return "";
    const auto length = static_cast<double>(characters(*text));
    if (length <= *rule.maximum) return "";
    return "texte de " + french_number(length) + " caractères, " + french_number(*rule.maximum) + " au plus" +
           (rule.why_max.empty() ? "" : " : " + rule.why_max);
}

std::string reason(const InputValue& value, const InputRule& rule, std::optional<double> line_amount) {
    if (rule.kind == InputKind::Account) {
        return line_amount && *line_amount != 0 ? account_error(value, *line_amount, rule) : "";
    }
    if (std::holds_alternative<std::monostate>(value)) return rule.blank_allowed ? "" : blank_error(rule);
    if (rule.kind == InputKind::Label) return label_error(value, rule);
    if (const auto* text = std::get_if<std::string>(&value)) {
        return rule.kind == InputKind::Choice ? choice_error(*text, rule) : "« " + *text + " » n'est pas un nombre";
    }
    const double x = std::get<double>(value);
    // Calc never finds a number equal to a text (1 = "1" is false): a number is never one of the choices.
    if (rule.kind == InputKind::Choice)
        return "« " + french_number(x) + " » n'est pas dans la liste : " + listed(rule.choices);
    return number_error(x, rule);
}

}  // namespace

std::string input_error(const InputValue& value, const InputRule& rule, std::string_view label,
                        std::optional<double> line_amount) {
    const std::string found = reason(value, rule, line_amount);
    return found.empty() ? "" : with_label(label, found);
}

std::string input_warning(const InputValue& value, const InputRule& rule, std::string_view label, double threshold) {
    const auto* x = std::get_if<double>(&value);
    if (rule.kind != InputKind::Rate || x == nullptr || !input_error(value, rule, label).empty()) return "";
    if (*x == 0 || std::fabs(*x) >= threshold) return "";
    const double meant = *x * 100;
    return with_label(
        label, shown(*x, rule.kind) + (within(meant, rule) ? " : vouliez-vous dire " + shown(meant, rule.kind) + " ?"
                                                           : " : taux inhabituellement faible, à vérifier"));
}

}  // namespace cpom
