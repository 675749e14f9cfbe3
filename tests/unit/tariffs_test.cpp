// EHPAD tariffs (cpom/tariffs.hpp): equations computed by hand, the modulation thresholds year by year.
#include <gtest/gtest.h>

#include <limits>

#include "cpom/error.hpp"
#include "cpom/tariffs.hpp"

namespace {

using cpom::ArgumentError;

TEST(ForfaitSoins, TariffEquation) {
    // (700 + 2.59 × 200) × 80 × 12.44 = 1 218 × 80 × 12.44 = 1 212 153.60 (2011 point, global option, no PUI).
    EXPECT_NEAR(cpom::forfait_soins(700, 200, 80, 12.44), 1'212'153.60, 1e-6);
    // (500 + 2.59 × 100) × 10 × 10 = 75 900.
    EXPECT_NEAR(cpom::forfait_soins(500, 100, 10, 10), 75'900, 1e-9);
}

TEST(ForfaitSoins, ImpossibleInputs) {
    EXPECT_THROW(cpom::forfait_soins(1200, 200, 80, 12.44), ArgumentError);
    EXPECT_THROW(cpom::forfait_soins(-1, 200, 80, 12.44), ArgumentError);
    EXPECT_THROW(cpom::forfait_soins(700, -1, 80, 12.44), ArgumentError);
    EXPECT_THROW(cpom::forfait_soins(700, 200, -80, 12.44), ArgumentError);
    EXPECT_THROW(cpom::forfait_soins(700, 200, 80, 0), ArgumentError);
    EXPECT_THROW(cpom::forfait_soins(700, std::numeric_limits<double>::quiet_NaN(), 80, 12.44), ArgumentError);
}

TEST(ForfaitDependance, EquationMinusResidentsShare) {
    // 700 × 80 × 7.5 = 420 000; − 95 000 = 325 000.
    EXPECT_DOUBLE_EQ(cpom::forfait_dependance(700, 80, 7.5, 95'000), 325'000);
    EXPECT_DOUBLE_EQ(cpom::forfait_dependance(700, 80, 7.5), 420'000);
    try {
        cpom::forfait_dependance(700, 80, 7.5, 500'000);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(e.argument(), "residents_share");
    }
    EXPECT_THROW(cpom::forfait_dependance(700, 80, 7.5, -1), ArgumentError);
    EXPECT_THROW(cpom::forfait_dependance(700, 80, 0), ArgumentError);
}

TEST(ModulationThreshold, TransitionTableYearByYear) {
    // Arrêtés of 4 and 28 September 2017 (domain.md §5.1): ≥ 100 % of the equation → 95 % every year;
    // 90–100 % → 90 % in 2018 + 1 point a year → 95 % in 2023; < 90 % → none before 2024; 95 % for all from 2024.
    const double band[] = {0.90, 0.91, 0.92, 0.93, 0.94, 0.95};
    for (int year = 2018; year <= 2023; ++year) {
        EXPECT_DOUBLE_EQ(*cpom::modulation_threshold(year, 1.0), 0.95) << year;
        EXPECT_DOUBLE_EQ(*cpom::modulation_threshold(year, 1.2), 0.95) << year;
        EXPECT_DOUBLE_EQ(*cpom::modulation_threshold(year, 0.95), band[year - 2018]) << year;
        EXPECT_DOUBLE_EQ(*cpom::modulation_threshold(year, 0.90), band[year - 2018]) << year;
        EXPECT_FALSE(cpom::modulation_threshold(year, 0.8999).has_value()) << year;
    }
    for (int year : {2024, 2025, 2030}) {
        EXPECT_DOUBLE_EQ(*cpom::modulation_threshold(year, std::nullopt), 0.95);
        EXPECT_DOUBLE_EQ(*cpom::modulation_threshold(year, 0.5), 0.95);  // the ratio no longer matters
    }
}

TEST(ModulationThreshold, BandEdgesTolerateSpreadsheetRounding) {
    // 0.9 computed as 27 / 30 in a sheet may be a hair below 0.9: still the 90–100 % band.
    EXPECT_DOUBLE_EQ(*cpom::modulation_threshold(2019, 0.9 - 1e-12), 0.91);
    EXPECT_DOUBLE_EQ(*cpom::modulation_threshold(2019, 1.0 - 1e-12), 0.95);
}

TEST(ModulationThreshold, NoRegimeBefore2018AndRatioNeededDuringTheTransition) {
    try {
        cpom::modulation_threshold(2017, 1.0);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(e.argument(), "year");
        EXPECT_NE(e.reason().find("2018"), std::string::npos);
    }
    EXPECT_THROW(cpom::modulation_threshold(24, std::nullopt), ArgumentError);  // "24" typed for 2024
    EXPECT_THROW(cpom::modulation_threshold(2101, std::nullopt), ArgumentError);
    try {
        cpom::modulation_threshold(2020, std::nullopt);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(e.argument(), "equation_ratio");
    }
    EXPECT_THROW(cpom::modulation_threshold(2024, -1.0), ArgumentError);
}

TEST(Modulation, HalfTheGapBelowTheThreshold) {
    // 2024, S = 95 %: 1 000 000 × (0.95 − 0.90) / 2 = 25 000.
    EXPECT_NEAR(cpom::modulation(1'000'000, 0.90, 2024, std::nullopt), 25'000, 1e-6);
    // 2020 at 95 % of the equation: S = 92 %; 1 000 000 × 0.02 / 2 = 10 000.
    EXPECT_NEAR(cpom::modulation(1'000'000, 0.90, 2020, 0.95), 10'000, 1e-6);
    // At or above the threshold: nothing.
    EXPECT_DOUBLE_EQ(cpom::modulation(1'000'000, 0.95, 2024, std::nullopt), 0);
    EXPECT_DOUBLE_EQ(cpom::modulation(1'000'000, 0.99, 2024, std::nullopt), 0);
    // Below 90 % of the equation before 2024: no modulation at all, even at 50 % occupancy.
    EXPECT_DOUBLE_EQ(cpom::modulation(1'000'000, 0.50, 2021, 0.85), 0);
    // Same EHPAD in 2024: 1 000 000 × 0.45 / 2 = 225 000.
    EXPECT_NEAR(cpom::modulation(1'000'000, 0.50, 2024, 0.85), 225'000, 1e-6);
}

TEST(Modulation, OccupancyIsARateBetweenZeroAndOne) {
    EXPECT_THROW(cpom::modulation(1'000'000, 92, 2024, std::nullopt), ArgumentError);
    EXPECT_THROW(cpom::modulation(1'000'000, -0.1, 2024, std::nullopt), ArgumentError);
    EXPECT_THROW(cpom::modulation(-1, 0.9, 2024, std::nullopt), ArgumentError);
}

}  // namespace
