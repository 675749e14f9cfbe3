// EHPAD tariff sections (cpom/ehpad_sections.hpp): which account a section may carry, by the longest prefix of the
// caller's table (the templates' table follows R314-162 CASF and annexe 3-2: docs/domain.md#ehpad-sections).
#include <gtest/gtest.h>

#include "balance_helpers.hpp"
#include "cpom/ehpad_sections.hpp"
#include "cpom/error.hpp"

namespace {

using cpom::ArgumentError;
using cpom::SectionRuleRow;
using cpom::SectionRules;

// Soins only: 6021 (produits pharmaceutiques); hébergement or dépendance: 60226 (fournitures hôtelières) except
// 602261 (couches, alèses) for dépendance only; hébergement only: 66 (charges financières).
SectionRules rules() {
    const std::vector<SectionRuleRow> rows = {{6021.0, "soins"},
                                              {std::string_view("60226"), "hébergement, dépendance"},
                                              {602261.0, "Dépendance"},
                                              {std::monostate{}, ""},  // a blank row of the table
                                              {66.0, "hebergement"}};
    return SectionRules::from_rows(rows);
}

std::vector<double> check(const std::vector<double>& accounts, const std::vector<std::string>& sections,
                          const std::vector<double>& amounts) {
    const auto balance = cpom::test::numbered_balance(accounts, amounts);
    std::vector<std::optional<std::uint8_t>> bits;
    for (const std::string& s : sections) bits.push_back(cpom::parse_section(s, cpom::Role::sections));
    return cpom::section_violations(balance, bits, rules(), accounts.size());
}

TEST(EhpadSections, LongestPrefixRuleNamesTheViolation) {
    // Line by line: 6021 in soins (admitted); 6021 in hébergement (rule 1); 602261 in hébergement (rule 3: the
    // longer prefix wins over 60226); 602265 in soins (rule 2); 6611 in dépendance (rule 5, the table's row 5);
    // 6068 in soins (no rule: any section); 6021 outside a section; 6021 in hébergement with 0 € (not checked).
    const std::vector<double> result =
        check({6021, 6021, 602261, 602265, 6611, 6068, 6021, 6021},
              {"soins", "hébergement", "Hébergement", "soins", "dépendance", "soins", "", "hébergement"},
              {1200, 300, 800, 150, 40, 5000, 900, 0});
    EXPECT_EQ(result, (std::vector<double>{0, 1, 3, 2, 5, 0, 0, 0}));
}

TEST(EhpadSections, SectionNames) {
    EXPECT_EQ(cpom::parse_section("SOINS", cpom::Role::sections), cpom::k_soins);
    EXPECT_EQ(cpom::parse_section(" dépendance ", cpom::Role::sections), cpom::k_dependance);
    EXPECT_FALSE(cpom::parse_section("  ", cpom::Role::sections).has_value());
    EXPECT_THROW(cpom::parse_section("heberg", cpom::Role::sections), ArgumentError);
    EXPECT_EQ(cpom::parse_sections("hébergement et dépendance", cpom::Role::rules),
              cpom::k_hebergement | cpom::k_dependance);
    EXPECT_THROW(cpom::parse_sections("pharmacie", cpom::Role::rules), ArgumentError);
    EXPECT_THROW(cpom::parse_sections(" , ", cpom::Role::rules), ArgumentError);
}

TEST(EhpadSections, BadTablesAreErrors) {
    const std::vector<SectionRuleRow> duplicate = {{6021.0, "soins"}, {std::string_view("6021"), "soins"}};
    EXPECT_THROW(SectionRules::from_rows(duplicate), ArgumentError);
    const std::vector<SectionRuleRow> text_prefix = {{std::string_view("6021 pharmacie"), "soins"}};
    EXPECT_THROW(SectionRules::from_rows(text_prefix), ArgumentError);
    const std::vector<SectionRuleRow> no_prefix = {{std::monostate{}, "soins"}};
    EXPECT_THROW(SectionRules::from_rows(no_prefix), ArgumentError);
    const std::vector<SectionRuleRow> empty = {{std::monostate{}, ""}};
    EXPECT_THROW(SectionRules::from_rows(empty), ArgumentError);
}

}  // namespace
