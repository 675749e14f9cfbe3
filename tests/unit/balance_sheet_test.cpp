// Bilan financier (cpom/balance_sheet.hpp): a worked trial balance and the identities of docs/domain.md#bilan.
#include <gtest/gtest.h>

#include <random>

#include "cpom/balance_sheet.hpp"
#include "balance_helpers.hpp"
#include "cpom/error.hpp"
#include "cpom/selector.hpp"

namespace {

using cpom::BalanceItem;
using cpom::TrialBalance;

TrialBalance balance(const std::vector<double>& accounts, const std::vector<double>& amounts) {
    return cpom::test::numbered_balance(accounts, amounts);
}

// Debit positive, credit negative; sums to 0.
const TrialBalance& worked() {
    static const TrialBalance b =
        balance({102, 1068, 110, 13, 164, 21, 28, 411, 401, 512},
                {-500'000, -100'000, -30'000, -200'000, -300'000, 900'000, -250'000, 80'000, -120'000, 520'000});
    return b;
}

TEST(BalanceSheet, WorkedExample) {
    // Capitaux permanents 500 000 + 100 000 + 30 000 + 200 000 + 300 000 = 1 130 000; + amortissements 250 000
    // − immobilisations 900 000 → FRNG 480 000. BFR = 80 000 − 120 000 = −40 000. TRESO = 520 000 (= 512).
    // FRE = report à nouveau 30 000; FRI = 450 000. DEBT = 164 → 300 000.
    EXPECT_DOUBLE_EQ(cpom::balance_item(worked(), BalanceItem::FRNG), 480'000);
    EXPECT_DOUBLE_EQ(cpom::balance_item(worked(), BalanceItem::BFR), -40'000);
    EXPECT_DOUBLE_EQ(cpom::balance_item(worked(), BalanceItem::TRESO), 520'000);
    EXPECT_DOUBLE_EQ(cpom::balance_item(worked(), BalanceItem::FRE), 30'000);
    EXPECT_DOUBLE_EQ(cpom::balance_item(worked(), BalanceItem::FRI), 450'000);
    EXPECT_DOUBLE_EQ(cpom::balance_item(worked(), BalanceItem::DEBT), 300'000);
}

TEST(BalanceSheet, DebtExcludesDepositsInterestAndPremiums) {
    // 164 −300 000 and 1681 −20 000 are debt; 165 (dépôts), 1688 (intérêts courus), 169 (primes) are not.
    const TrialBalance b = balance({164, 1681, 165, 1688, 169}, {-300'000, -20'000, -5'000, -2'000, 1'000});
    EXPECT_DOUBLE_EQ(cpom::balance_item(b, BalanceItem::DEBT), 320'000);
}

TEST(BalanceSheet, DepreciationOfCurrentAssetsCountsInTheFrngNotTheBfr) {
    // HELIOS-FRNG: credit 39/49/59 join the stable resources. 411 100 000, 491 −10 000: BFR 100 000, FRNG 10 000.
    const TrialBalance b = balance({411, 491}, {100'000, -10'000});
    EXPECT_DOUBLE_EQ(cpom::balance_item(b, BalanceItem::BFR), 100'000);
    EXPECT_DOUBLE_EQ(cpom::balance_item(b, BalanceItem::FRNG), 10'000);
    EXPECT_DOUBLE_EQ(cpom::balance_item(b, BalanceItem::FRE), 10'000);
}

TEST(BalanceSheet, IdentitiesHoldOnRandomBalancedTrialBalances) {
    // Property: for a balanced trial balance (Σ = 0) with classes 1–7, FRI + FRE = FRNG and
    // TRESO = FRNG − BFR = Σ(5 except 59), the cash actually held, computed here independently.
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> account(1000, 7999);
    std::uniform_real_distribution<double> amount(-100'000, 100'000);
    const cpom::Selector cash = cpom::Selector::parse("5 -59");
    for (int trial = 0; trial < 100; ++trial) {
        std::vector<double> accounts, amounts;
        double total = 0;
        for (int i = 0; i < 60; ++i) {
            accounts.push_back(account(rng));
            amounts.push_back(amount(rng));
            total += amounts.back();
        }
        accounts.push_back(512);  // the bank balances the book
        amounts.push_back(-total);
        const TrialBalance b = balance(accounts, amounts);
        const double frng = cpom::balance_item(b, BalanceItem::FRNG);
        const double scale = 1e-9 * 1e7;
        EXPECT_NEAR(cpom::balance_item(b, BalanceItem::FRI) + cpom::balance_item(b, BalanceItem::FRE), frng, scale);
        EXPECT_NEAR(cpom::balance_item(b, BalanceItem::TRESO), cpom::sum_selected(b, cash), scale);
        EXPECT_NEAR(cpom::balance_item(b, BalanceItem::TRESO), frng - cpom::balance_item(b, BalanceItem::BFR), scale);
    }
}

TEST(BalanceSheet, ItemNames) {
    EXPECT_EQ(cpom::parse_balance_item("treso"), BalanceItem::TRESO);
    try {
        cpom::parse_balance_item("FR");
        FAIL();
    } catch (const cpom::ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "item");
        EXPECT_EQ(e.reason(), "« FR » inconnu, valeurs possibles : FRNG, BFR, TRESO, FRI, FRE, DEBT");
    }
}

}  // namespace
