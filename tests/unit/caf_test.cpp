// CAF and taux de CAF (cpom/caf.hpp) against the ERRD frame (docs/domain.md#caf, #caf-rate) and a published
// example (docs/domain.md#example-caf).
#include <gtest/gtest.h>

#include <limits>

#include "cpom/caf.hpp"
#include "cpom/error.hpp"

namespace {

using cpom::AccountCell;
using cpom::ArgumentError;
using cpom::CafTerms;
using cpom::OtherExceptional;
using cpom::TrialBalance;

TrialBalance balance(const std::vector<const char*>& accounts, const std::vector<double>& amounts) {
    std::vector<AccountCell> cells;
    for (const char* a : accounts) cells.emplace_back(std::string_view(a));
    std::vector<std::optional<double>> values(amounts.begin(), amounts.end());
    return TrialBalance::read(cells, values);
}

TEST(Caf, PublishedAdditiveExample) {
    // docs/domain.md#example-caf: 1 432 000 + 190 000 − 13 000 − 256 000 + 180 000 = 1 533 000.
    EXPECT_DOUBLE_EQ(cpom::caf({1'432'000, 190'000, 13'000, 256'000, 180'000, 0, 0}), 1'533'000);
}

TEST(Caf, EachTermHasItsSign) {
    // From a base of 1 000: +68 adds, 78/775/777/778 subtract, 675 adds.
    EXPECT_DOUBLE_EQ(cpom::caf({1000, 10, 0, 0, 0, 0, 0}), 1010);
    EXPECT_DOUBLE_EQ(cpom::caf({1000, 0, 10, 0, 0, 0, 0}), 990);
    EXPECT_DOUBLE_EQ(cpom::caf({1000, 0, 0, 10, 0, 0, 0}), 990);
    EXPECT_DOUBLE_EQ(cpom::caf({1000, 0, 0, 0, 10, 0, 0}), 1010);
    EXPECT_DOUBLE_EQ(cpom::caf({1000, 0, 0, 0, 0, 10, 0}), 990);
    EXPECT_DOUBLE_EQ(cpom::caf({1000, 0, 0, 0, 0, 0, 10}), 990);
    EXPECT_DOUBLE_EQ(cpom::caf({-5000, 2000, 0, 0, 0, 0, 0}), -3000);  // insuffisance d'autofinancement
}

TEST(Caf, NegativeAccountTermsAndNonFiniteResultAreErrors) {
    try {
        cpom::caf({1000, 10, -13, 0, 0, 0, 0});
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "reversals_78");
    }
    EXPECT_THROW(cpom::caf({std::numeric_limits<double>::quiet_NaN(), 0, 0, 0, 0, 0, 0}), ArgumentError);
    EXPECT_THROW(cpom::caf({0, 0, 0, 0, 0, 0, -1}), ArgumentError);
}

TEST(CafBalance, SameCafFromTheTrialBalance) {
    // Result (700 000 + 8 000 + 10 000 + 4 000) − (100 000 + 500 000 + 60 000 + 5 000) = 57 000;
    // CAF = 57 000 + 60 000 (68) − 4 000 (78) − 8 000 (775) + 5 000 (675) − 10 000 (777) = 100 000,
    // i.e. encaissables 700 000 − décaissables 600 000.
    const TrialBalance b = balance({"60611", "6411", "6811", "675", "7311", "775", "777", "781"},
                                   {100'000, 500'000, 60'000, 5'000, 700'000, 8'000, 10'000, 4'000});
    const CafTerms t = cpom::caf_terms(b, OtherExceptional::Account778);
    EXPECT_DOUBLE_EQ(t.result, 57'000);
    EXPECT_DOUBLE_EQ(t.depreciation_68, 60'000);
    EXPECT_DOUBLE_EQ(t.reversals_78, 4'000);
    EXPECT_DOUBLE_EQ(t.disposals_775, 8'000);
    EXPECT_DOUBLE_EQ(t.book_value_675, 5'000);
    EXPECT_DOUBLE_EQ(t.subsidies_777, 10'000);
    EXPECT_DOUBLE_EQ(t.other_778, 0);
    EXPECT_DOUBLE_EQ(cpom::caf_from_balance(b, OtherExceptional::Account778), 100'000);
    EXPECT_DOUBLE_EQ(cpom::caf_from_balance(b, OtherExceptional::Only7781Legacy), 100'000);
}

TEST(CafBalance, TheErrdFrameDeductsAllOf778) {
    // Helios, ContenuTauxDeCaf.tsx (the ERRD frame): "− compte 778 « Autres produits exceptionnels »".
    // Result 1 000 + 200 + 300 = 1 500; 7788 (200) and 7781 (300) both deducted: CAF = 1 000.
    const TrialBalance b = balance({"7311", "7788", "7781"}, {1000, 200, 300});
    EXPECT_DOUBLE_EQ(cpom::caf_from_balance(b, OtherExceptional::Account778), 1000);
}

TEST(CafBalance, LegacyCafBalanceDeductsOnly7781) {
    // CPOM_CAF_BALANCE, kept for old documents: 7781 is deducted (− 300), 7788 stays: CAF = 1 200.
    const TrialBalance b = balance({"7311", "7788", "7781"}, {1000, 200, 300});
    EXPECT_DOUBLE_EQ(cpom::caf_from_balance(b, OtherExceptional::Only7781Legacy), 1200);
}

TEST(CafBalance, NegativeAccountTotalIsASignError) {
    // A debit-positive export gives products negative: 78 at −4 000 is caught.
    const TrialBalance b = balance({"6811", "7811"}, {60'000, -4'000});
    try {
        cpom::caf_from_balance(b, OtherExceptional::Account778);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "amounts");
        EXPECT_NE(e.reason().find("comptes 78 est négatif"), std::string::npos) << e.reason();
    }
}

TEST(CafRate, FrameWorkedByHand) {
    // The frame's formula (Helios ContenuTauxDeCaf.tsx) on a small ERRD, worked by hand:
    // charges 6111 40 000 + 6411 500 000 + 6811 60 000 + 675 5 000 = 605 000;
    // products 7311 620 000 + 7061 30 000 + 775 8 000 + 777 10 000 + 7781 1 000 + 7788 2 000 + 7815 4 000 = 675 000;
    // résultat 70 000; CAF = 70 000 + 68 60 000 − 78 4 000 − 775 8 000 + 675 5 000 − 777 10 000 − 778 3 000 = 110 000;
    // denominator = classe 7 sauf 775, 777, 7781 et 78 = 620 000 + 30 000 + 2 000 (7788 stays) = 652 000;
    // taux de CAF = 110 000 / 652 000 = 0.168711656…, above the 2 % criterion.
    const TrialBalance b =
        balance({"6111", "6411", "6811", "675", "7311", "7061", "775", "777", "7781", "7788", "7815"},
                {40'000, 500'000, 60'000, 5'000, 620'000, 30'000, 8'000, 10'000, 1'000, 2'000, 4'000});
    const double caf = cpom::caf_from_balance(b, OtherExceptional::Account778);
    EXPECT_DOUBLE_EQ(caf, 110'000);
    EXPECT_DOUBLE_EQ(cpom::caf_rate_base(b), 652'000);
    EXPECT_DOUBLE_EQ(cpom::caf_rate(caf, b), 110'000.0 / 652'000.0);
}

TEST(CafRate, DenominatorIsClass7ExceptNonCashProducts) {
    // Denominator: 7311 700 000 + 7061 50 000 − 709 2 000 (debit, entered −2 000) = 748 000
    // (775, 777, 7781, 781 excluded). 29 920 / 748 000 = 0.04.
    const TrialBalance b = balance({"7311", "7061", "709", "775", "777", "7781", "781", "6411"},
                                   {700'000, 50'000, -2'000, 8'000, 10'000, 3'000, 4'000, 500'000});
    EXPECT_DOUBLE_EQ(cpom::caf_rate_base(b), 748'000);
    EXPECT_DOUBLE_EQ(cpom::caf_rate(29'920, b), 0.04);
}

TEST(CafRate, NoProductsIsAnError) {
    const TrialBalance b = balance({"6411", "775"}, {1000, 500});
    EXPECT_THROW(cpom::caf_rate(100, b), ArgumentError);
    EXPECT_THROW(cpom::caf_rate(std::numeric_limits<double>::infinity(), balance({"7311"}, {1})), ArgumentError);
}

}  // namespace
