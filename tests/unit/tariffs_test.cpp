// EHPAD tariffs (cpom/tariffs.hpp, cpom/soins_points.hpp): the CASF equations worked by hand from the texts
// (docs/domain.md#ehpad-tariffs), the modulation thresholds year by year, the sourced point values.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "cpom/error.hpp"
#include "cpom/soins_points.hpp"
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
    // Arrêtés of 4 and 28 September 2017 (docs/domain.md#modulation-thresholds): ≥ 100 % of the equation → 95 % every
    // year; 90–100 % → 90 % in 2018 + 1 point a year → 95 % in 2023; < 90 % → none before 2024; 95 % for all from 2024.
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

// ------------------------------------------------------------------------------ R314-159: the soins forfait

TEST(ForfaitSoins, EquationPlusComplementsMinusDailyTariffs) {
    // R314-159: forfait = équation + financements complémentaires − produit prévisionnel des tarifs journaliers.
    // Equation (700 + 2.59 × 200) × 80 × 12.44 = 1 218 × 995.2 = 1 212 153.60; + 30 000 − 50 000 = 1 192 153.60.
    EXPECT_NEAR(cpom::forfait_soins(700, 200, 80, 12.44, 50'000, 30'000), 1'192'153.60, 1e-6);
    EXPECT_NEAR(cpom::soins_equation(700, 200, 80, 12.44), 1'212'153.60, 1e-6);
    // Without the two new arguments the result is the equation, as before they existed.
    EXPECT_DOUBLE_EQ(cpom::forfait_soins(700, 200, 80, 12.44), cpom::soins_equation(700, 200, 80, 12.44));
}

TEST(ForfaitSoins, DailyTariffsAboveTheRestAreAnError) {
    try {
        cpom::forfait_soins(700, 200, 80, 12.44, 2'000'000, 0);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(e.argument(), "daily_tariffs");
    }
    EXPECT_THROW(cpom::forfait_soins(700, 200, 80, 12.44, -1, 0), ArgumentError);
    EXPECT_THROW(cpom::forfait_soins(700, 200, 80, 12.44, 0, -1), ArgumentError);
    // Exactly equal: a forfait of 0 is possible, not an error. 500 × 10 × 10 = 50 000.
    EXPECT_DOUBLE_EQ(cpom::forfait_soins(500, 0, 10, 10, 60'000, 10'000), 0);
}

// ------------------------------------------------------------------------- point values (sourced table)

TEST(SoinsPointValue, ValuesOfTheArretesOf2017And2018AndThe2024Campaign) {
    using cpom::SoinsOption;
    // Arrêté du 4 mai 2017: global 12.44 (without PUI) / 13.10 (with); partiel 10.10 / 10.69.
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2017, SoinsOption::Global, false, false), 12.44);
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2017, SoinsOption::Global, true, false), 13.10);
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2017, SoinsOption::Partiel, false, false), 10.10);
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2017, SoinsOption::Partiel, true, false), 10.69);
    // 2018: global unchanged, partiel 10.17 / 10.77.
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2018, SoinsOption::Global, false, false), 12.44);
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2018, SoinsOption::Global, true, false), 13.10);
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2018, SoinsOption::Partiel, false, false), 10.17);
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2018, SoinsOption::Partiel, true, false), 10.77);
    // "majorées de 20 % dans les départements d'outre-mer": 12.44 × 1.2 = 14.928.
    EXPECT_NEAR(cpom::soins_point_value(2017, SoinsOption::Global, false, true), 14.928, 1e-12);
    // 2024 (campaign of the instruction of 22 May 2024): global 13.29 / 14.00; partiel 11.30 / 11.97.
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2024, SoinsOption::Global, false, false), 13.29);
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2024, SoinsOption::Global, true, false), 14.00);
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2024, SoinsOption::Partiel, false, false), 11.30);
    EXPECT_DOUBLE_EQ(cpom::soins_point_value(2024, SoinsOption::Partiel, true, false), 11.97);
}

TEST(SoinsPointValue, AYearWithoutASourcedValueIsAnErrorNotAGuess) {
    for (int year : {2016, 2019, 2023, 2025}) {
        try {
            cpom::soins_point_value(year, cpom::SoinsOption::Global, false, false);
            FAIL() << year;
        } catch (const ArgumentError& e) {
            EXPECT_EQ(e.argument(), "year");
            EXPECT_NE(e.reason().find("2017, 2018, 2024"), std::string::npos) << e.reason();
        }
    }
    EXPECT_EQ(cpom::parse_soins_option(" partiel ", "option"), cpom::SoinsOption::Partiel);
    EXPECT_THROW(cpom::parse_soins_option("total", "option"), ArgumentError);
}

// --------------------------------------------------------------------- R314-173: the dépendance equation

TEST(ForfaitDependanceGir, ColumnEPointsPerResidentTimesCapacity) {
    // Annexe 3-6, column E: GIR 1-2 → 1 040, GIR 3-4 → 660, GIR 5-6 → 280.
    // Residents 10, 20, 15, 15, 12, 8 (80): points 10 × 1 040 + 20 × 1 040 + 15 × 660 + 15 × 660 + 12 × 280 + 8 × 280
    // = 10 400 + 20 800 + 9 900 + 9 900 + 3 360 + 2 240 = 56 600; / 80 residents = 707.5 (R314-173 I 1°);
    // × 80 places = 56 600; × point 7.50 € (2°) = 424 500.
    const std::vector<double> six{10, 20, 15, 15, 12, 8};
    EXPECT_DOUBLE_EQ(cpom::dependance_equation(six, 80, 7.5), 424'500);
    // The capacity is the authorised and funded permanent one, not the number of residents: 707.5 × 82 × 7.5.
    EXPECT_DOUBLE_EQ(cpom::dependance_equation(six, 82, 7.5), 435'112.5);
    // Three groups (GIR 1-2, 3-4, 5-6), the pairs column E values alike: 30, 30, 20 give the same.
    const std::vector<double> three{30, 30, 20};
    EXPECT_DOUBLE_EQ(cpom::dependance_equation(three, 80, 7.5), 424'500);
}

TEST(ForfaitDependanceGir, TheColumnCGmpGivesAnotherFigure) {
    // The same residents' GMP (column C): 10 × 1 000 + 20 × 840 + 15 × 660 + 15 × 420 + 12 × 250 + 8 × 70
    // = 46 560 / 80 = 582; 582 × 80 × 7.5 = 349 200, what CPOM_FORFAIT_DEPENDANCE returns — not the R314-173 figure.
    EXPECT_DOUBLE_EQ(cpom::forfait_dependance(582, 80, 7.5), 349'200);
    EXPECT_NE(cpom::forfait_dependance(582, 80, 7.5),
              cpom::dependance_equation(std::vector<double>{10, 20, 15, 15, 12, 8}, 80, 7.5));
}

TEST(ForfaitDependanceGir, DeductionsOfR314_173AndComplements) {
    // 435 112.50 − participation 95 000 − autres départements 12 000 − moins de 60 ans 3 000 = 325 112.50;
    // + financements complémentaires 10 000 = 335 112.50.
    const std::vector<double> three{30, 30, 20};
    cpom::DependanceAdjustments a;
    a.residents_share = 95'000;
    a.other_departments = 12'000;
    a.under_60 = 3'000;
    EXPECT_DOUBLE_EQ(cpom::forfait_dependance_gir(three, 82, 7.5, a), 325'112.5);
    a.complementary = 10'000;
    EXPECT_DOUBLE_EQ(cpom::forfait_dependance_gir(three, 82, 7.5, a), 335'112.5);
}

TEST(ForfaitDependanceGir, ImpossibleInputs) {
    const std::vector<double> five{10, 20, 15, 15, 12};
    try {
        cpom::dependance_equation(five, 80, 7.5);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(e.argument(), "residents");
    }
    EXPECT_THROW(cpom::dependance_equation(std::vector<double>{0, 0, 0}, 80, 7.5), ArgumentError);
    EXPECT_THROW(cpom::dependance_equation(std::vector<double>{-1, 30, 20}, 80, 7.5), ArgumentError);
    EXPECT_THROW(cpom::dependance_equation(std::vector<double>{30, 30, 20}, -1, 7.5), ArgumentError);
    EXPECT_THROW(cpom::dependance_equation(std::vector<double>{30, 30, 20}, 80, 0), ArgumentError);
    cpom::DependanceAdjustments too_much;
    too_much.residents_share = 500'000;  // above the 424 500 of the equation
    EXPECT_THROW(cpom::forfait_dependance_gir(std::vector<double>{30, 30, 20}, 80, 7.5, too_much), ArgumentError);
}

// ------------------------------------------------------------------ R314-160 and R314-174: the modulation

TEST(ModulationSoins, HalfTheDifferenceEitherWay) {
    // R314-160: pourcentage = moitié de la différence entre le taux d'occupation et le seuil, on the equation part.
    // 2024, S = 95 %: TO 90 % → 1 000 000 × (0.90 − 0.95) / 2 = −25 000; TO 99 % → + 20 000.
    EXPECT_NEAR(cpom::modulation_soins(1'000'000, 0.90, 2024, std::nullopt), -25'000, 1e-6);
    EXPECT_NEAR(cpom::modulation_soins(1'000'000, 0.99, 2024, std::nullopt), 20'000, 1e-6);
    EXPECT_DOUBLE_EQ(cpom::modulation_soins(1'000'000, 0.95, 2024, std::nullopt), 0);
    // 2020 at 95 % of the equation: S = 92 %: TO 90 % → −10 000.
    EXPECT_NEAR(cpom::modulation_soins(1'000'000, 0.90, 2020, 0.95), -10'000, 1e-6);
    // Below 90 % of the equation before 2024: no modulation either way.
    EXPECT_DOUBLE_EQ(cpom::modulation_soins(1'000'000, 0.50, 2021, 0.85), 0);
    EXPECT_DOUBLE_EQ(cpom::modulation_soins(1'000'000, 1.00, 2021, 0.85), 0);
}

TEST(ModulationDependance, AReductionOnly) {
    // R314-174 3°: pourcentage de minoration = moitié de (seuil − taux d'occupation). 400 000 × 0.05 / 2 = 10 000,
    // exactly: 0.95 − 0.90 is 0.04999999999999993 in binary, which must not show as 9 999,99999999999.
    EXPECT_DOUBLE_EQ(cpom::modulation_dependance(400'000, 0.90, 2024, std::nullopt), -10'000);
    EXPECT_DOUBLE_EQ(cpom::modulation(1'000'000, 0.90, 2024, std::nullopt), 25'000);
    EXPECT_DOUBLE_EQ(cpom::modulation_soins(1'000'000, 0.99, 2024, std::nullopt), 20'000);
    // Above the threshold: no increase for the dépendance forfait, and no "-0" either.
    const double above = cpom::modulation_dependance(400'000, 0.99, 2024, std::nullopt);
    EXPECT_DOUBLE_EQ(above, 0);
    EXPECT_FALSE(std::signbit(above));
    // The legacy CPOM_MODULATION gives the same reduction, as a positive amount to deduct.
    EXPECT_DOUBLE_EQ(cpom::modulation(400'000, 0.90, 2024, std::nullopt),
                     -cpom::modulation_dependance(400'000, 0.90, 2024, std::nullopt));
}

TEST(Modulation, AGivenThresholdReplacesTheArretes) {
    // Threshold 90 % typed by the user in 2025: 1 000 000 × (0.85 − 0.90) / 2 = −25 000; the ratio is not needed.
    EXPECT_NEAR(cpom::modulation_soins(1'000'000, 0.85, 2025, std::nullopt, 0.90), -25'000, 1e-6);
    EXPECT_NEAR(cpom::modulation_dependance(1'000'000, 0.85, 2020, std::nullopt, 0.90), -25'000, 1e-6);
    // The year is still checked; the threshold is a rate in ]0, 1].
    EXPECT_THROW(cpom::modulation_soins(1'000'000, 0.85, 2017, std::nullopt, 0.90), ArgumentError);
    EXPECT_THROW(cpom::modulation_soins(1'000'000, 0.85, 2025, std::nullopt, 95), ArgumentError);
    EXPECT_THROW(cpom::modulation_soins(1'000'000, 0.85, 2025, std::nullopt, 0.0), ArgumentError);
    EXPECT_THROW(cpom::modulation_dependance(-1, 0.85, 2025, std::nullopt), ArgumentError);
    EXPECT_THROW(cpom::modulation_soins(1'000'000, 92, 2024, std::nullopt), ArgumentError);
}

}  // namespace
