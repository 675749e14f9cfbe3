// CPOM_PROJECT, CPOM_GAP, CPOM_EXHAUSTION_YEAR against hand computations (each written out in the comment).
#include <gtest/gtest.h>

#include "cpom/error.hpp"
#include "cpom/projection.hpp"

namespace {

using cpom::ArgumentError;

TEST(Project, CompoundsTheRate) {
    // 1 000 000 × 1.02 = 1 020 000; × 1.02 = 1 040 400; × 1.02 = 1 061 208.
    const std::vector<double> rates{0.02, 0.02, 0.02};
    const auto v = cpom::project(1'000'000, rates);
    ASSERT_EQ(v.size(), 3u);
    EXPECT_NEAR(v[0], 1'020'000.00, 0.005);
    EXPECT_NEAR(v[1], 1'040'400.00, 0.005);
    EXPECT_NEAR(v[2], 1'061'208.00, 0.005);
}

TEST(Project, CapLimitsOnlyTheYearsAboveIt) {
    // rates 0.5 %, 2 %, 1 % with a 1.2 % cap: 100 000 → 100 500 → 101 706 → 102 723.06.
    const std::vector<double> rates{0.005, 0.02, 0.01};
    const auto v = cpom::project(100'000, rates, 0.012);
    EXPECT_NEAR(v[0], 100'500.00, 0.005);
    EXPECT_NEAR(v[1], 101'706.00, 0.005);
    EXPECT_NEAR(v[2], 102'723.06, 0.005);
}

TEST(Project, PermanentMeasuresCompoundOneOffCreditsDoNot) {
    // P1 = 1 010 000; P2 = 1 020 100 + 5 000 = 1 025 100; P3 = 1 035 351; V3 = P3 + 20 000 = 1 055 351.
    const std::vector<double> rates{0.03, 0.03, 0.03}, permanent{0, 5'000, 0}, one_off{0, 0, 20'000};
    const auto v = cpom::project(1'000'000, rates, 0.01, permanent, one_off);
    EXPECT_NEAR(v[0], 1'010'000.00, 0.005);
    EXPECT_NEAR(v[1], 1'025'100.00, 0.005);
    EXPECT_NEAR(v[2], 1'055'351.00, 0.005);
}

TEST(Project, OneOffCreditOfAYearDoesNotCarryOver) {
    // One-off 10 000 in year 1 only: V1 = 110 000, V2 = 100 000 (0 % growth).
    const std::vector<double> rates{0, 0}, one_off{10'000, 0};
    const auto v = cpom::project(100'000, rates, std::nullopt, {}, one_off);
    EXPECT_DOUBLE_EQ(v[0], 110'000);
    EXPECT_DOUBLE_EQ(v[1], 100'000);
}

TEST(Project, RejectsImpossibleInputsNamingTheArgument) {
    const std::vector<double> rates{0.02, -1.5};
    try {
        cpom::project(1000, rates);
        FAIL() << "a rate of −150 % was accepted";
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "rates");
    }
    const std::vector<double> ok{0.02};
    EXPECT_THROW(cpom::project(-1, ok), ArgumentError);
    EXPECT_THROW(cpom::project(0, ok), ArgumentError);  // an empty single cell arrives as 0 from Calc
    EXPECT_THROW(cpom::project(std::numeric_limits<double>::quiet_NaN(), ok), ArgumentError);
    const std::vector<double> short_row{1, 2};
    EXPECT_THROW(cpom::project(1000, ok, std::nullopt, short_row), ArgumentError);
}

TEST(Gap, YearlyAndCumulative) {
    const std::vector<double> charges{100, 110, 121}, resources{100, 105, 108};
    EXPECT_EQ(cpom::yearly_gap(charges, resources), (std::vector<double>{0, 5, 13}));
    EXPECT_EQ(cpom::cumulative(cpom::yearly_gap(charges, resources)), (std::vector<double>{0, 5, 18}));
}

TEST(Gap, RowsOfDifferentLengthsAreAnError) {
    const std::vector<double> charges{100, 110, 121}, resources{100, 105};
    EXPECT_THROW(cpom::yearly_gap(charges, resources), ArgumentError);
}

TEST(ExhaustionYear, FirstYearStrictlyAboveReserves) {
    // Cumulative 10 000, 30 000, 60 000 against 50 000 → year 3; exactly equal is not yet exhausted.
    const std::vector<double> gaps{10'000, 20'000, 30'000, 40'000};
    EXPECT_EQ(cpom::exhaustion_year(gaps, 50'000), 3);
    EXPECT_EQ(cpom::exhaustion_year(gaps, 60'000), 4);
    EXPECT_EQ(cpom::exhaustion_year(gaps, 100'000), 0);
    EXPECT_EQ(cpom::exhaustion_year(gaps, 99'999.99), 4);
}

TEST(ExhaustionYear, SurplusYearsRebuildReserves) {
    // −5 000 then +8 000: cumulative −5 000, 3 000 > 2 000 → year 2.
    const std::vector<double> gaps{-5'000, 8'000};
    EXPECT_EQ(cpom::exhaustion_year(gaps, 2'000), 2);
}

}  // namespace
