// Account normalisation, trial-balance lines and the selector grammar (cpom/accounts.hpp, cpom/selector.hpp).
// Expected figures are sums written out in each comment.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cpom/accounts.hpp"
#include "cpom/error.hpp"
#include "cpom/prefix_table.hpp"
#include "cpom/selector.hpp"

namespace {

using cpom::AccountCell;
using cpom::AccountNumber;
using cpom::ArgumentError;
using cpom::Role;
using cpom::Selector;
using cpom::TrialBalance;

std::string digits_of_text(std::string_view text) {
    const auto n = AccountNumber::from_text(text, Role::accounts);
    return n ? std::string(n->digits()) : std::string("<none>");
}

std::string digits_of_number(double x) { return std::string(AccountNumber::from_number(x, Role::accounts).digits()); }

TrialBalance balance(std::vector<AccountCell> accounts, std::vector<std::optional<double>> amounts) {
    return TrialBalance::read(accounts, amounts);
}

TEST(AccountNumber, TextKeepsItsLeadingDigits) {
    EXPECT_EQ(digits_of_text("6111"), "6111");
    EXPECT_EQ(digits_of_text("60226 "), "60226");
    EXPECT_EQ(digits_of_text("  \t6411"), "6411");
    EXPECT_EQ(digits_of_text("411-ASSO"), "411");
    EXPECT_EQ(digits_of_text("6111.00"), "6111");
    EXPECT_EQ(digits_of_text("10686.3.1"), "10686");
    EXPECT_EQ(digits_of_text("6411 Salaires"), "6411");
    EXPECT_EQ(digits_of_text("60610000"), "60610000");  // padded exports keep their zeros
    EXPECT_EQ(digits_of_text("\xC2\xA0"
                             "6061\xC2\xA0"),
              "6061");  // non-breaking spaces (U+00A0)
    EXPECT_EQ(digits_of_text("\xE2\x80\xAF"
                             "7061"),
              "7061");  // narrow non-breaking space (U+202F)
}

TEST(AccountNumber, TextWithoutLeadingDigitHoldsNoAccount) {
    EXPECT_EQ(digits_of_text("Total classe 6"), "<none>");
    EXPECT_EQ(digits_of_text("C6111"), "<none>");
    EXPECT_EQ(digits_of_text(""), "<none>");
    EXPECT_EQ(digits_of_text("   "), "<none>");
    EXPECT_EQ(digits_of_text("-6111"), "<none>");
}

TEST(AccountNumber, NumbersMustBeWholeAndPositive) {
    EXPECT_EQ(digits_of_number(6111), "6111");
    EXPECT_EQ(digits_of_number(6111.0), "6111");
    EXPECT_EQ(digits_of_number(60610000), "60610000");
    EXPECT_EQ(digits_of_number(12345678901234567.0), "12345678901234568");  // nearest double, still whole
    EXPECT_EQ(digits_of_number(1e19), "10000000000000000000");              // beyond 2^63: formatted as a double
    EXPECT_THROW(digits_of_number(6111.5), ArgumentError);
    EXPECT_THROW(digits_of_number(10686.3), ArgumentError);
    EXPECT_THROW(digits_of_number(0), ArgumentError);
    EXPECT_THROW(digits_of_number(-6111), ArgumentError);
    EXPECT_THROW(digits_of_number(std::numeric_limits<double>::quiet_NaN()), ArgumentError);
    EXPECT_THROW(digits_of_number(std::numeric_limits<double>::infinity()), ArgumentError);
    EXPECT_THROW(digits_of_number(1e20), ArgumentError);
    try {
        AccountNumber::from_number(10686.3, Role::accounts, 4);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "accounts");
        EXPECT_NE(e.reason().find("ligne 4 : "), std::string::npos) << e.reason();
        EXPECT_NE(e.reason().find("texte"), std::string::npos) << e.reason();
    }
}

TEST(AccountNumber, MoreThanTwentyDigitsIsAnError) {
    EXPECT_EQ(digits_of_text("12345678901234567890"), "12345678901234567890");
    EXPECT_THROW(digits_of_text("123456789012345678901"), ArgumentError);
}

TEST(TrialBalance, SkipsLinesWithoutAmountWhateverTheAccount) {
    // Lines 2 (blank amount), 3 (0), 4 (title with blank amount), 5 (both blank) are skipped.
    const TrialBalance b = balance({6111.0, std::string_view("6112"), 6113.0, std::string_view("Total"),
                                    std::monostate{}, std::string_view("7061")},
                                   {100.0, std::nullopt, 0.0, std::nullopt, std::nullopt, 50.0});
    ASSERT_EQ(b.lines().size(), 2u);
    EXPECT_EQ(b.lines()[0].account.digits(), "6111");
    EXPECT_EQ(b.lines()[0].line, 1u);
    EXPECT_EQ(b.lines()[1].account.digits(), "7061");
    EXPECT_EQ(b.lines()[1].line, 6u);
    EXPECT_DOUBLE_EQ(b.lines()[1].amount, 50.0);
}

TEST(TrialBalance, AnAmountWithoutAccountIsAnErrorNamingTheLine) {
    try {
        balance({6111.0, std::monostate{}}, {100.0, 25.0});
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "accounts");
        EXPECT_EQ(e.reason().rfind("ligne 2 : ", 0), 0u) << e.reason();
    }
    try {
        balance({6111.0, std::string_view("Total classe 6")}, {100.0, 100.0});
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_NE(e.reason().find("« Total classe 6 »"), std::string::npos) << e.reason();
    }
}

TEST(TrialBalance, RangesOfDifferentSizesAndNonFiniteAmountsAreErrors) {
    try {
        TrialBalance::read(std::vector<AccountCell>{6111.0, 6112.0}, std::vector<std::optional<double>>{1.0});
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "amounts");  // the function whose amounts are balances maps the role
    }
    EXPECT_THROW(balance({6111.0}, {std::numeric_limits<double>::quiet_NaN()}), ArgumentError);
}

TEST(PrefixTable, LongestStoredPrefixWins) {
    enum class Tag { A, B, C };
    cpom::PrefixTable<Tag> table;
    EXPECT_TRUE(table.insert("6", Tag::A));
    EXPECT_TRUE(table.insert("641", Tag::B));
    EXPECT_TRUE(table.insert("6419", Tag::C));
    EXPECT_FALSE(table.insert("641", Tag::A));  // duplicates are refused, first value kept
    EXPECT_EQ(*table.longest_match("6411"), Tag::B);
    EXPECT_EQ(*table.longest_match("64190"), Tag::C);
    EXPECT_EQ(*table.longest_match("64"), Tag::A);
    EXPECT_EQ(table.longest_match("7061"), nullptr);
    EXPECT_EQ(*table.find("641"), Tag::B);
    EXPECT_EQ(table.find("64"), nullptr);
}

TEST(Selector, LongestPrefixDecides) {
    const Selector s = Selector::parse("7 -77 775");
    EXPECT_TRUE(s.matches("7061"));
    EXPECT_FALSE(s.matches("771"));
    EXPECT_TRUE(s.matches("775"));
    EXPECT_TRUE(s.matches("7751"));
    EXPECT_FALSE(s.matches("6061"));
    EXPECT_TRUE(s.matches("7"));  // a prefix matches the account equal to it
}

TEST(Selector, SeparatorsAreSpacesTabsAndSemicolons) {
    const Selector s = Selector::parse("  7;-775\t-777 ;; -78  ");
    EXPECT_TRUE(s.matches("7311"));
    EXPECT_FALSE(s.matches("775"));
    EXPECT_FALSE(s.matches("7771"));
    EXPECT_FALSE(s.matches("7811"));
}

TEST(Selector, GrammarErrorsAreExplainedInFrench) {
    auto reason = [](std::string_view text) {
        try {
            Selector::parse(text);
        } catch (const ArgumentError& e) {
            EXPECT_EQ(role_name(e.role()), "selector");
            return e.reason();
        }
        return std::string("accepted");
    };
    EXPECT_NE(reason("").find("vide"), std::string::npos);
    EXPECT_NE(reason(" ; ").find("vide"), std::string::npos);
    EXPECT_NE(reason("7 - 775").find("« - » doit être suivi"), std::string::npos);
    EXPECT_NE(reason("7,-775").find("« 7,-775 » n'est pas un préfixe"), std::string::npos);
    EXPECT_NE(reason("7 +775").find("« +775 »"), std::string::npos);
    EXPECT_NE(reason("7a").find("n'est pas un préfixe"), std::string::npos);
    EXPECT_NE(reason("7 -7").find("à la fois inclus et exclu"), std::string::npos);
    EXPECT_NE(reason("-775 -777").find("aucun préfixe à inclure"), std::string::npos);
    EXPECT_NE(reason("123456789012345678901").find("20 chiffres"), std::string::npos);
    EXPECT_EQ(reason("7 7 -775 -775"), "accepted");  // repeating a prefix with the same sign is harmless
}

TEST(Selector, SumsTheSelectedAmountsWithTheirSign) {
    // Products "7 -775 -777 -7781 -78": 12 000 + 850 000 − 1 000 (709 debit) = 861 000.
    const TrialBalance b =
        balance({std::string_view("70611"), 73111.0, std::string_view("775"), std::string_view("7781"),
                 std::string_view("78174"), std::string_view("709"), std::string_view("6061")},
                {12000.0, 850000.0, 3000.0, 500.0, 7000.0, -1000.0, 99.0});
    EXPECT_DOUBLE_EQ(cpom::sum_selected(b, Selector::parse("7 -775 -777 -7781 -78")), 861000.0);
}

}  // namespace
