// The three tariff sections of an EHPAD (hébergement, dépendance, soins) and which accounts each may carry
// (docs/domain.md#ehpad-sections): R314-162 CASF lists what each section bears (charges of hotel and general
// administration, financial and exceptional charges, provisions for hébergement; hotel supplies and staff of the
// dependency for dépendance; medical services, supplies, care staff and medical equipment for soins), and annexe 3-2
// splits some accounts between two sections (70 % hébergement / 30 % dépendance). The table of admitted sections by
// account prefix is the caller's (the templates hold it, sourced line by line): the engine applies it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cpom/accounts.hpp"
#include "cpom/prefix_table.hpp"
#include "cpom/role.hpp"

namespace cpom {

// Bits, so that a rule admits several sections.
enum SectionBit : std::uint8_t { k_hebergement = 1, k_dependance = 2, k_soins = 4 };

// "hébergement", "dépendance" or "soins" (case and accents ignored) → its bit; blank → nullopt (a line that is not
// in an EHPAD section); any other text is an ArgumentError naming `role` (a typo must not skip the check).
std::optional<std::uint8_t> parse_section(std::string_view text, Role role, std::size_t line = 0);

// "hébergement dépendance", "soins", "hébergement, dépendance" → bits; an empty list or an unknown word is an error.
std::uint8_t parse_sections(std::string_view text, Role role, std::size_t line = 0);

struct SectionRuleRow {
    AccountCell prefix;
    std::string_view sections;
};

struct SectionRule {
    std::uint8_t admitted = 0;
    std::size_t row = 0;  // 1-based row in the caller's table: what the result reports
};

class SectionRules {
public:
    // Rows whose two cells are blank are skipped; a prefix is digits only (a whole number or a text), not twice.
    static SectionRules from_rows(std::span<const SectionRuleRow> rows, Role role = Role::rules);
    // Longest matching prefix, or nullptr (an account no rule names may go to any section).
    const SectionRule* rule_of(std::string_view account_digits) const { return table_.longest_match(account_digits); }

private:
    PrefixTable<SectionRule> table_;
};

// For each line of the balance (`lines` entries, by 1-based position): 0, or the row of the rule that does not admit
// the line's section. Lines with a zero amount, or outside an EHPAD section (`sections[i]` nullopt), are 0.
std::vector<double> section_violations(const TrialBalance& balance,
                                       std::span<const std::optional<std::uint8_t>> sections, const SectionRules& rules,
                                       std::size_t lines);

}  // namespace cpom
