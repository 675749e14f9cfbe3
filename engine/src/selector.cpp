#include "cpom/selector.hpp"

#include "cpom/error.hpp"

namespace cpom {
namespace {

bool is_separator(char c) { return c == ' ' || c == '\t' || c == ';'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

const char* const k_grammar_hint =
    " : un sélecteur est une liste de préfixes de comptes séparés par des espaces ou des points-virgules, "
    "« - » devant un préfixe l'exclut (exemple : \"7 -775 -777\")";

}  // namespace

Selector Selector::parse(std::string_view text, Role role) {
    text = trim_spaces(text);
    Selector selector;
    bool includes_something = false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_separator(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !is_separator(text[end])) ++end;
        const std::string_view item = text.substr(i, end - i);
        i = end;
        const bool excluded = item.front() == '-';
        const std::string_view prefix = excluded ? item.substr(1) : item;
        if (prefix.empty()) {
            throw ArgumentError(role, "« - » doit être suivi d'un préfixe de compte, sans espace (par exemple -775)");
        }
        for (char c : prefix) {
            if (!is_digit(c))
                throw ArgumentError(role,
                                    "« " + std::string(item) + " » n'est pas un préfixe de compte" + k_grammar_hint);
        }
        if (prefix.size() > AccountNumber::max_digits) {
            throw ArgumentError(role, "« " + std::string(item) + " » a plus de 20 chiffres");
        }
        const Polarity polarity = excluded ? Polarity::Exclude : Polarity::Include;
        if (!selector.table_.insert(prefix, polarity) && *selector.table_.find(prefix) != polarity) {
            throw ArgumentError(role, "le préfixe " + std::string(prefix) + " est à la fois inclus et exclu");
        }
        includes_something = includes_something || !excluded;
    }
    if (selector.table_.empty()) throw ArgumentError(role, "le sélecteur est vide" + std::string(k_grammar_hint));
    if (!includes_something) {
        throw ArgumentError(role, "aucun préfixe à inclure : des exclusions seules (« " + std::string(text) +
                                      " ») ne sélectionnent aucun compte");
    }
    return selector;
}

double sum_selected(const TrialBalance& balance, const Selector& selector) {
    double sum = 0.0;
    for (const AccountLine& line : balance.lines()) {
        if (selector.matches(line.account.digits())) sum += line.amount;
    }
    return sum;
}

}  // namespace cpom
