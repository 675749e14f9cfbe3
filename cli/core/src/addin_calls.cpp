#include "cpom/cli/addin_calls.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace cpom::cli {

std::vector<AddinCall> addin_calls(const std::vector<TokenInfo>& tokens, std::string_view prefix) {
    struct Frame {
        std::optional<AddinCall> call;  // set when this "(" opens an add-in call
        std::size_t argument_begin = 0;
        bool separated = false;
    };
    std::vector<AddinCall> done;
    std::vector<Frame> open;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const TokenInfo& token = tokens[i];
        switch (token.kind) {
            case TokenKind::open: {
                Frame frame;
                frame.argument_begin = i + 1;
                const bool after_addin = i > 0 && tokens[i - 1].kind == TokenKind::other &&
                                         tokens[i - 1].function.rfind(prefix, 0) == 0 &&
                                         !tokens[i - 1].function.empty();
                if (after_addin) frame.call = AddinCall{tokens[i - 1].function, i - 1, 0, {}};
                open.push_back(std::move(frame));
                break;
            }
            case TokenKind::separator:
                if (!open.empty() && open.back().call) {
                    Frame& frame = open.back();
                    frame.call->arguments.emplace_back(frame.argument_begin, i);
                    frame.argument_begin = i + 1;
                    frame.separated = true;
                }
                break;
            case TokenKind::close: {
                if (open.empty()) return done;
                Frame frame = std::move(open.back());
                open.pop_back();
                if (!frame.call) break;
                // "F()" has no argument; "F(a;)" has an omitted last one.
                if (frame.separated || frame.argument_begin < i)
                    frame.call->arguments.emplace_back(frame.argument_begin, i);
                frame.call->close = i;
                done.push_back(std::move(*frame.call));
                break;
            }
            case TokenKind::other: break;
        }
    }
    return done;
}

std::string describe_check(std::string_view display_name, std::string_view answer,
                           const std::vector<std::vector<std::string>>& argument_names,
                           const std::vector<std::string>& argument_texts) {
    std::string text(display_name);
    const std::size_t colon = answer.find(" : ");
    if (colon != std::string_view::npos) {
        const std::string_view blamed = answer.substr(0, colon);
        const auto it = std::find_if(argument_names.begin(), argument_names.end(), [&](const auto& names) {
            return std::find(names.begin(), names.end(), blamed) != names.end();
        });
        const auto index = static_cast<std::size_t>(it - argument_names.begin());
        if (it != argument_names.end() && index < argument_texts.size() && !argument_texts[index].empty()) {
            return text + ", " + std::string(blamed) + " = " + argument_texts[index] +
                   std::string(answer.substr(colon));
        }
    }
    return text + " : " + std::string(answer);
}

namespace {

// The sheet part ("Projection." or "'Comptes clés'.") of the reference that ends at `end` (exclusive), or "".
std::string_view sheet_before(std::string_view text, std::size_t end) {
    std::size_t i = end;
    while (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) --i;  // the cell part: E69
    if (i == 0 || text[i - 1] != '.') return {};
    const std::size_t dot = i - 1;
    std::size_t start = dot;
    if (start > 0 && text[start - 1] == '\'') {
        start = text.rfind('\'', start - 2);
        if (start == std::string_view::npos) return {};
    } else {
        while (start > 0 && std::string_view(";(=+-*/&^<>! ").find(text[start - 1]) == std::string_view::npos) --start;
    }
    return text.substr(start, dot + 1 - start);
}

}  // namespace

std::string readable_formula(std::string_view text) {
    std::string plain;  // without the "$" of absolute references (texts and quoted sheet names kept whole)
    char quote = 0;
    for (const char c : text) {
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '$') {
            continue;
        }
        plain += c;
    }
    std::string out;
    quote = 0;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        const char c = plain[i];
        out += c;
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            continue;
        }
        if (c != ':') continue;
        const std::string_view sheet = sheet_before(plain, i);
        if (!sheet.empty() && std::string_view(plain).substr(i + 1, sheet.size()) == sheet) i += sheet.size();
    }
    return out;
}

}  // namespace cpom::cli
