// Where a formula calls the add-in's functions, and with which arguments, read from the formula's tokens (the
// sequence XFormulaTokens gives, reduced to what matters here): cpom-run then asks CPOM_CHECK why such a call fails,
// with the same argument tokens, and names the argument CPOM_CHECK blames.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cpom::cli {

enum class TokenKind { open, close, separator, other };

struct TokenInfo {
    TokenKind kind = TokenKind::other;
    std::string function;  // for a call of an add-in function: its programmatic name ("org.x.Functions.cpomGap")
};

struct AddinCall {
    std::string function;  // programmatic name
    std::size_t name = 0;  // index of the function's token; its "(" follows, its ")" is at `close`
    std::size_t close = 0;
    std::vector<std::pair<std::size_t, std::size_t>> arguments;  // [begin, end) token ranges; empty range = omitted
};

// The calls of functions whose programmatic name starts with `prefix`, innermost first (an inner call's error
// reaches the outer call as an error argument: the inner one is the one to explain). Unbalanced parentheses end
// the search with the calls complete so far.
std::vector<AddinCall> addin_calls(const std::vector<TokenInfo>& tokens, std::string_view prefix);

// CPOM_CHECK answers "rates : la cellule n° 1 contient du texte…": names the argument by what the formula passes
// ("CPOM_PROJECT, rates = inflation_groupe_1 : la cellule n° 1 contient du texte…") when `argument_names` (the
// function's, in order) holds the blamed name, else "CPOM_PROJECT : <answer>". `argument_texts` are the formula's.
std::string describe_check(std::string_view display_name, std::string_view answer,
                           const std::vector<std::string>& argument_names,
                           const std::vector<std::string>& argument_texts);

// A reference as the office prints it absolutely, for a reader: "$Projection.$E$69:$Projection.$I$74" →
// "Projection.E69:I74" ("$" dropped, the sheet not repeated); texts between quotes are left alone.
std::string readable_formula(std::string_view text);

}  // namespace cpom::cli
