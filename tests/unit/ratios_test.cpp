// CPOM_RATIO (cpom/ratios.hpp): hand computations and the "not computed" cases of the guide M22
// (docs/domain.md#ratios).
#include <gtest/gtest.h>

#include <limits>

#include "cpom/error.hpp"
#include "cpom/ratios.hpp"

namespace {

using cpom::ArgumentError;
using cpom::Ratio;

TEST(Ratio, Values) {
    EXPECT_DOUBLE_EQ(cpom::ratio(Ratio::DebtDuration, 300'000, 100'000), 3);      // 300 000 / 100 000
    EXPECT_DOUBLE_EQ(cpom::ratio(Ratio::Independence, 400'000, 1'000'000), 0.4);  // below the 50 % ceiling
    EXPECT_DOUBLE_EQ(cpom::ratio(Ratio::Vetuste, 250'000, 1'000'000), 0.25);
    EXPECT_DOUBLE_EQ(cpom::ratio(Ratio::FrngDays, 480'000, 2'400'000), 73);  // 480 000 × 365 / 2 400 000
    EXPECT_DOUBLE_EQ(cpom::ratio(Ratio::BfrDays, -40'000, 2'920'000), -5);   // −40 000 × 365 / 2 920 000
    EXPECT_DOUBLE_EQ(cpom::ratio(Ratio::TresoDays, 146'000, 1'460'000), 36.5);
    // D314-205: (emprunts contractés 900 000 + à contracter 300 000) / financements stables 3 000 000 = 40 %.
    EXPECT_DOUBLE_EQ(cpom::ratio(Ratio::Endettement, 900'000 + 300'000, 3'000'000), 0.4);
    // Guide M22: immobilisations nettes amortissables 2 400 000 / dettes à plus d'un an 1 200 000 = 2.
    EXPECT_DOUBLE_EQ(cpom::ratio(Ratio::Apurement, 2'400'000, 1'200'000), 2);
}

TEST(Ratio, ApurementIsNotComputedWithoutDebt) {
    try {
        cpom::ratio(Ratio::Apurement, 2'400'000, 0);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "b");
    }
    EXPECT_THROW(cpom::ratio(Ratio::Apurement, -1, 100), ArgumentError);
    EXPECT_THROW(cpom::ratio(Ratio::Endettement, 100, 0), ArgumentError);
}

TEST(Ratio, DebtDurationIsNotComputedWhenCafIsNotPositive) {
    for (double caf : {0.0, -5'000.0}) {
        try {
            cpom::ratio(Ratio::DebtDuration, 300'000, caf);
            FAIL() << caf;
        } catch (const ArgumentError& e) {
            EXPECT_EQ(role_name(e.role()), "b");
            EXPECT_NE(e.reason().find("CAF"), std::string::npos);
        }
    }
}

TEST(Ratio, ImpossibleInputsAreErrors) {
    EXPECT_THROW(cpom::ratio(Ratio::Independence, -1, 100), ArgumentError);
    EXPECT_THROW(cpom::ratio(Ratio::Vetuste, 1, 0), ArgumentError);
    EXPECT_THROW(cpom::ratio(Ratio::FrngDays, 1, -100), ArgumentError);
    EXPECT_THROW(cpom::ratio(Ratio::TresoDays, std::numeric_limits<double>::quiet_NaN(), 100), ArgumentError);
}

TEST(Ratio, NamesAreCaseInsensitiveAndUnknownOnesListed) {
    EXPECT_EQ(cpom::parse_ratio(" debt_duration "), Ratio::DebtDuration);
    EXPECT_EQ(cpom::parse_ratio("Treso_Days"), Ratio::TresoDays);
    EXPECT_EQ(cpom::parse_ratio("endettement"), Ratio::Endettement);
    EXPECT_EQ(cpom::parse_ratio("Apurement"), Ratio::Apurement);
    try {
        cpom::parse_ratio("DETTE");
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "name");
        EXPECT_EQ(e.reason(),
                  "« DETTE » inconnu, valeurs possibles : DEBT_DURATION, INDEPENDENCE, VETUSTE, "
                  "FRNG_DAYS, BFR_DAYS, TRESO_DAYS, ENDETTEMENT, APUREMENT");
    }
}

}  // namespace
