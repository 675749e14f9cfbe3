#include "cpom/checks.hpp"

#include <cctype>
#include <cmath>

#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom::check {

void finite(double x, Role role) {
    if (!std::isfinite(x)) throw ArgumentError(role, "la valeur n'est pas un nombre fini");
}

void non_negative(double x, Role role) {
    finite(x, role);
    if (x < 0) throw ArgumentError(role, "doit être positif ou nul (reçu " + format_number(x) + ")");
}

void positive(double x, Role role) {
    finite(x, role);
    if (x <= 0) throw ArgumentError(role, "doit être strictement positif (reçu " + format_number(x) + ")");
}

void growth_rate(double x, Role role) {
    finite(x, role);
    if (x <= -1) {
        throw ArgumentError(
            role, "un taux doit être supérieur à -100 % (reçu " + format_number(x) + " ; 0,015 signifie 1,5 %)");
    }
}

void fraction(double x, Role role) {
    finite(x, role);
    if (x < 0 || x > 1) {
        throw ArgumentError(role, "doit être entre 0 et 1 (reçu " + format_number(x) + " ; 0,6 signifie 60 %)");
    }
}

void finite_row(std::span<const double> row, Role role) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (!std::isfinite(row[i])) {
            throw ArgumentError(role, "la valeur n° " + std::to_string(i + 1) + " n'est pas un nombre fini");
        }
    }
}

int whole_number(double x, int lo, int hi, Role role) {
    finite(x, role);
    if (x != std::floor(x) || x < lo || x > hi) {
        throw ArgumentError(role, "doit être un entier entre " + std::to_string(lo) + " et " + std::to_string(hi) +
                                      " (reçu " + format_number(x) + ")");
    }
    return static_cast<int>(x);
}

void length(std::span<const double> row, std::size_t expected, Role role) {
    if (row.size() != expected) {
        throw ArgumentError(
            role, "la plage a " + std::to_string(row.size()) + " valeurs, " + std::to_string(expected) + " attendues");
    }
}

std::size_t one_of(std::string_view text, std::span<const std::string_view> valid, Role role) {
    // ASCII only, inline: the names are ASCII, and a range of a million codes (CPOM_GROUP) must not pay a libc call
    // per character.
    auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    for (std::size_t k = 0; k < valid.size(); ++k) {
        if (valid[k].size() != text.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < text.size() && same; ++i) same = upper(text[i]) == valid[k][i];
        if (same) return k;
    }
    std::string names;
    for (std::string_view name : valid) names += (names.empty() ? "" : ", ") + std::string(name);
    throw ArgumentError(role, "« " + std::string(text) + " » inconnu, valeurs possibles : " + names);
}

}  // namespace cpom::check
