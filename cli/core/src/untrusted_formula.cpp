// Static checks of formulas: which ones would reach outside the file when computed (see untrusted.hpp).
#include <algorithm>
#include <cctype>
#include <string>

#include "cpom/cli/untrusted.hpp"

namespace cpom::cli {

namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
    return out;
}

// Functions that fetch or exchange data with another program. The last dotted part is compared, so that
// COM.MICROSOFT.WEBSERVICE (ODF) and _xlfn.WEBSERVICE (OOXML) are caught too.
bool is_fetching_function(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    const std::string last = upper(dot == std::string_view::npos ? name : name.substr(dot + 1));
    return last == "WEBSERVICE" || last == "DDE";
}

// Calls `visit(position)` for each character outside double-quoted strings ("" is an escaped quote inside one);
// returns true as soon as visit does.
template <typename Visit>
bool scan_code(std::string_view formula, Visit visit) {
    bool in_string = false;
    for (std::size_t i = 0; i < formula.size(); ++i) {
        if (formula[i] == '"') {
            in_string = !in_string;  // "" toggles twice: still inside
            continue;
        }
        if (!in_string && visit(i)) return true;
    }
    return false;
}

// A text that names another document, for INDIRECT to follow: "'file:///x.ods'#$Feuille1.A1". (A text built by
// pieces escapes this; the office's list of external documents is checked after the recalculation.)
bool names_external_document(std::string_view formula) {
    for (std::size_t open = formula.find('"'); open != std::string_view::npos; open = formula.find('"', open + 1)) {
        std::size_t close = open + 1;
        while (close < formula.size() &&
               !(formula[close] == '"' && (close + 1 >= formula.size() || formula[close + 1] != '"')))
            close += formula[close] == '"' ? 2 : 1;
        const std::string_view text = formula.substr(open + 1, close - open - 1);
        const std::size_t hash = text.find("'#");
        if (hash != std::string_view::npos && text.substr(0, hash).find(':') != std::string_view::npos) return true;
        open = close;
    }
    return false;
}

bool calls_fetching_function(std::string_view formula) {
    return scan_code(formula, [&](std::size_t i) {
        if (!is_name_char(formula[i]) || (i > 0 && is_name_char(formula[i - 1]))) return false;
        std::size_t end = i;
        while (end < formula.size() && is_name_char(formula[end])) ++end;
        std::size_t paren = end;
        while (paren < formula.size() && formula[paren] == ' ') ++paren;
        return paren < formula.size() && formula[paren] == '(' && is_fetching_function(formula.substr(i, end - i));
    });
}

}  // namespace

bool odf_formula_is_external(std::string_view formula) {
    if (calls_fetching_function(formula) || names_external_document(formula)) return true;
    // A quoted document name followed by '#': ['file:///x.ods'#$Feuille1.A1] or 'http://…'#$S.A1. A quoted sheet
    // name is followed by '.', never by '#'.
    for (std::size_t i = 0; i < formula.size(); ++i) {
        const char quote = formula[i];
        if (quote != '"' && quote != '\'') continue;
        for (++i; i < formula.size(); ++i) {  // to the closing quote; a doubled quote is part of the text
            if (formula[i] != quote) continue;
            if (i + 1 < formula.size() && formula[i + 1] == quote) {
                ++i;
                continue;
            }
            break;
        }
        if (quote == '\'' && i + 1 < formula.size() && formula[i + 1] == '#') return true;
    }
    return false;
}

bool ooxml_formula_is_external(std::string_view formula) {
    if (calls_fetching_function(formula) || names_external_document(formula)) return true;
    // [1]Feuil1!A1, '[1]Feuil 1'!A1, [1]!nom, '[classeur.xlsx]Feuil1'!A1 — but not Tableau1[Colonne] nor
    // Tableau1[[#Cette ligne],[Col]]: a '[' that opens a reference follows no name and no other '['.
    int depth = 0;
    return scan_code(formula, [&](std::size_t i) {
        if (formula[i] == ']') {
            depth = std::max(0, depth - 1);
            return false;
        }
        if (formula[i] != '[') return false;
        const bool opens_reference = depth == 0 && (i == 0 || !is_name_char(formula[i - 1]));
        ++depth;
        return opens_reference;
    });
}

bool is_internal_target(std::string_view target) {
    if (target.empty()) return false;
    if (target.front() == '#') return true;  // a place in the document
    if (target.front() == '/' || target.front() == '\\') return false;
    // A scheme ("http:", "file:", "vnd.sun.star.script:", "C:") means outside the package.
    for (const char c : target) {
        if (c == ':') return false;
        if (c == '/' || c == '?' || c == '#') break;
    }
    std::size_t start = 0;
    while (start <= target.size()) {
        const std::size_t end = std::min(target.find_first_of("/\\", start), target.size());
        if (target.substr(start, end - start) == "..") return false;
        start = end + 1;
    }
    return true;
}

}  // namespace cpom::cli
