// Taux de vétusté (cpom/vetuste.hpp): the three rates of the ERRD (docs/domain.md#vetuste), worked by hand.
#include <gtest/gtest.h>

#include "balance_helpers.hpp"
#include "cpom/error.hpp"
#include "cpom/vetuste.hpp"

namespace {

using cpom::ArgumentError;
using cpom::AssetType;
using cpom::TrialBalance;

TrialBalance balance(const std::vector<double>& accounts, const std::vector<double>& amounts) {
    return cpom::test::numbered_balance(accounts, amounts);
}

// Debit positive, credit negative: constructions 213 700 000 + 214 200 000 (amortised 2813 250 000 + 2814
// 50 000); installations 215 200 000 (2815 150 000); autres 218 100 000 (2818 80 000); land 211 and a loan 164.
const TrialBalance& worked() {
    static const TrialBalance b =
        balance({211, 213, 214, 2813, 2814, 215, 2815, 218, 2818, 164},
                {50'000, 700'000, 200'000, -250'000, -50'000, 200'000, -150'000, 100'000, -80'000, -400'000});
    return b;
}

TEST(Vetuste, ThreeRatesOfTheFrame) {
    // Guide M22: "solde créditeur des comptes 28 / solde débiteur des comptes 21 correspondants", per type.
    // Constructions (250 000 + 50 000) / (700 000 + 200 000) = 1/3; installations 150 000 / 200 000 = 0.75;
    // autres 80 000 / 100 000 = 0.8. Land (211, not depreciated) counts nowhere.
    EXPECT_DOUBLE_EQ(cpom::vetuste(worked(), AssetType::Constructions), 300'000.0 / 900'000.0);
    EXPECT_DOUBLE_EQ(cpom::vetuste(worked(), AssetType::Installations), 0.75);
    EXPECT_DOUBLE_EQ(cpom::vetuste(worked(), AssetType::Autres), 0.8);
}

TEST(Vetuste, TheFormerMergedRateDiffers) {
    // The EPRD template used to merge 215 and 218: (150 000 + 80 000) / (200 000 + 100 000) = 0.7666…, neither
    // of the frame's two rates.
    const double merged = 230'000.0 / 300'000.0;
    EXPECT_NE(cpom::vetuste(worked(), AssetType::Installations), merged);
    EXPECT_NE(cpom::vetuste(worked(), AssetType::Autres), merged);
}

TEST(Vetuste, DataErrorsAreReported) {
    // No gross asset of the type.
    EXPECT_THROW(cpom::vetuste(balance({213, 2813}, {900'000, -300'000}), AssetType::Autres), ArgumentError);
    // Depreciation entered as a positive amount (a credit is negative here).
    try {
        cpom::vetuste(balance({213, 2813}, {900'000, 300'000}), AssetType::Constructions);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "balances");
        EXPECT_NE(e.reason().find("négatif"), std::string::npos) << e.reason();
    }
    // Depreciation above the gross value.
    EXPECT_THROW(cpom::vetuste(balance({215, 2815}, {100'000, -120'000}), AssetType::Installations), ArgumentError);
    EXPECT_EQ(cpom::parse_asset_type(" installations "), AssetType::Installations);
    EXPECT_THROW(cpom::parse_asset_type("MATERIEL"), ArgumentError);
}

}  // namespace
