// What every error message of a function must be (issues 17 and 18): about one of that function's own arguments,
// named as the Function Wizard of the user's language shows it, with nothing of the engine's vocabulary left in it
// (no identifier such as charges_rates, no unresolved mention). Shared by the call fuzzer and the unit test of the
// messages (tests/unit/messages_test.cpp).
#pragma once

#include <cctype>
#include <string>
#include <string_view>

#include "cpom/calls/function_spec.hpp"
#include "cpom/error.hpp"

namespace cpom::fuzz {

// The text of a reason without the user's own texts, which it quotes between « and » (they may hold anything).
inline std::string without_quotes(std::string_view reason) {
    std::string out;
    std::size_t depth = 0;
    for (std::size_t i = 0; i < reason.size(); ++i) {
        if (reason.substr(i, 2) == "«") {
            ++depth;
            ++i;
        } else if (reason.substr(i, 2) == "»" && depth > 0) {
            --depth;
            ++i;
        } else if (depth == 0) {
            out += reason[i];
        }
    }
    return out;
}

inline bool has_word(std::string_view text, std::string_view word) {
    auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !is_word(text[at - 1]);
        const bool ends = at + word.size() == text.size() || !is_word(text[at + word.size()]);
        if (starts && ends) return true;
    }
    return false;
}

// "" when the message is right, otherwise what is wrong with it.
inline std::string message_problem(const calls::FunctionSpec& f, const ArgumentError& e, calls::Language language) {
    bool own = false;
    for (const calls::ArgSpec& arg : f.args) own = own || arg.display(language) == e.label();
    if (!own) return "names « " + e.label() + " », which is not an argument of " + std::string(f.name);
    const std::string text = without_quotes(e.reason());
    if (text.find('\x1E') != std::string::npos || text.find('\x1F') != std::string::npos) {
        return "an argument mentioned in the reason is left unnamed";
    }
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const bool lower = std::islower(static_cast<unsigned char>(text[i])) != 0;
        if (lower && text[i + 1] == '_' && std::islower(static_cast<unsigned char>(text[i + 2])) != 0) {
            return "an identifier is left in the reason: " + text;
        }
    }
    for (const calls::FunctionSpec& g : calls::functions()) {
        for (const calls::ArgSpec& arg : g.args) {
            if (arg.display(language) != arg.name && arg.name.size() > 2 && has_word(text, arg.name) &&
                !has_word(text, arg.display(language))) {
                return "the reason names « " + std::string(arg.name) + " » by its identifier: " + text;
            }
        }
    }
    return "";
}

}  // namespace cpom::fuzz
