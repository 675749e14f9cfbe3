#include "cpom/ehpad_sections.hpp"

#include <array>

#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

// Lower case, the accents of the three names dropped ("Hébergement" → "hebergement").
std::string fold(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {
            const unsigned char d = static_cast<unsigned char>(text[++i]);
            out += (d == 0xA9 || d == 0xA8 || d == 0x89 || d == 0x88) ? 'e' : '?';
            continue;
        }
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

constexpr std::array<std::pair<std::string_view, std::uint8_t>, 3> k_names{
    {{"hebergement", k_hebergement}, {"dependance", k_dependance}, {"soins", k_soins}}};

std::optional<std::uint8_t> section_of_word(std::string_view word) {
    const std::string folded = fold(word);
    for (const auto& [name, bit] : k_names)
        if (folded == name) return bit;
    return std::nullopt;
}

const char* k_valid = "« hébergement », « dépendance » ou « soins »";

}  // namespace

std::optional<std::uint8_t> parse_section(std::string_view text, Role role, std::size_t line) {
    text = trim_spaces(text);
    if (text.empty()) return std::nullopt;
    if (const auto bit = section_of_word(text)) return bit;
    throw ArgumentError(role, line_label(line) + "section « " + std::string(text) + " » inconnue : " + k_valid +
                                  " (vide hors d'une section d'EHPAD)");
}

std::uint8_t parse_sections(std::string_view text, Role role, std::size_t line) {
    std::uint8_t bits = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        // Words are runs of letters (ASCII or the UTF-8 accented letters); anything else separates them.
        std::size_t start = i;
        while (start < text.size() && !(std::isalpha(static_cast<unsigned char>(text[start])) ||
                                        static_cast<unsigned char>(text[start]) >= 0x80))
            ++start;
        std::size_t end = start;
        while (end < text.size() &&
               (std::isalpha(static_cast<unsigned char>(text[end])) || static_cast<unsigned char>(text[end]) >= 0x80))
            ++end;
        if (end > start) {
            const std::string_view word = text.substr(start, end - start);
            if (fold(word) != "et") {
                const auto bit = section_of_word(word);
                if (!bit) {
                    throw ArgumentError(
                        role, line_label(line) + "section « " + std::string(word) + " » inconnue : " + k_valid);
                }
                bits |= *bit;
            }
        }
        i = end == start ? start + 1 : end;
    }
    if (bits == 0) throw ArgumentError(role, line_label(line) + "aucune section admise : " + k_valid);
    return bits;
}

SectionRules SectionRules::from_rows(std::span<const SectionRuleRow> rows, Role role) {
    SectionRules rules;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool no_sections = trim_spaces(rows[i].sections).empty();
        if (is_blank(rows[i].prefix) && no_sections) continue;
        if (is_blank(rows[i].prefix)) throw ArgumentError(role, line_label(i + 1) + "préfixe de compte manquant");
        const AccountNumber prefix = prefix_of(rows[i].prefix, role, i + 1);
        const std::uint8_t admitted = parse_sections(rows[i].sections, role, i + 1);
        if (!rules.table_.insert(prefix.digits(), SectionRule{admitted, i + 1})) {
            throw ArgumentError(role, line_label(i + 1) + "le préfixe " + std::string(prefix.digits()) +
                                          " figure déjà plus haut dans la table");
        }
    }
    if (rules.table_.empty()) throw ArgumentError(role, "la table des règles est vide");
    return rules;
}

std::vector<double> section_violations(const TrialBalance& balance,
                                       std::span<const std::optional<std::uint8_t>> sections, const SectionRules& rules,
                                       std::size_t lines) {
    std::vector<double> result(lines, 0.0);
    for (const AccountLine& line : balance.lines()) {
        const std::optional<std::uint8_t> section = sections[line.line - 1];
        if (!section) continue;
        const SectionRule* rule = rules.rule_of(line.account.digits());
        if (rule != nullptr && (rule->admitted & *section) == 0) result[line.line - 1] = static_cast<double>(rule->row);
    }
    return result;
}

}  // namespace cpom
