// CPOM_BREAKEVEN_RATE, CPOM_ADJUSTMENT, CPOM_ABSENTEEISM_COST against hand computations (written out in each
// comment), a property test of the solver, and the adapters through cpom::calls::call / explain.
#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cpom/negotiation.hpp"
#include "cpom/projection.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;

using cpom::ArgumentError;
using cpom::NoConvergence;
using cpom::calls::Arg;
using cpom::calls::Args;
using cpom::calls::Cell;
using cpom::calls::Empty;
using cpom::calls::Matrix;

Arg column(const std::vector<double>& values) {
    return Arg::block(values.size(), 1, std::vector<Cell>(values.begin(), values.end()));
}

// Σ_{t=1..N} (charges_t − base·(1+r)^t), with std::pow: a second, independent way to apply the rate.
double cumulative_gap(double base, const std::vector<double>& charges, double rate) {
    double sum = 0;
    for (std::size_t t = 1; t <= charges.size(); ++t) sum += charges[t - 1] - base * std::pow(1 + rate, double(t));
    return sum;
}

// ---------------------------------------------------------------- CPOM_BREAKEVEN_RATE

TEST(BreakevenRate, ChargesGrowingAtTwoPercentNeedTwoPercent) {
    // Charges 1 020 000 and 1 040 400 = 1 000 000 × 1.02 and × 1.02²: resources at 2 % match them year by year.
    EXPECT_NEAR(cpom::breakeven_rate(1'000'000, std::vector<double>{1'020'000, 1'040'400}), 0.02, 1e-12);
}

TEST(BreakevenRate, ReservesLowerTheRateToAskFor) {
    // At 5 %: R1 = 1 050 000, R2 = 1 102 500; gaps 50 000 + 47 500 = 97 500 = the reserves used.
    const std::vector<double> charges{1'100'000, 1'150'000};
    EXPECT_NEAR(cpom::breakeven_rate(1'000'000, charges, 97'500), 0.05, 1e-12);
    // Without reserves: x + x² = 2.25 → x = (−1 + √10)/2 = 1.0811388300841898 → r = 8.11388300841898 %.
    EXPECT_NEAR(cpom::breakeven_rate(1'000'000, charges), 0.0811388300841898, 1e-12);
}

TEST(BreakevenRate, OneYearIsASimpleRatio) {
    // 100 000·(1 + r) = 103 000 − 1 000 → r = 2 %.
    EXPECT_NEAR(cpom::breakeven_rate(100'000, std::vector<double>{103'000}, 1'000), 0.02, 1e-12);
}

TEST(BreakevenRate, FlatChargesGiveAZeroRateAndFallingChargesANegativeOne) {
    EXPECT_NEAR(cpom::breakeven_rate(500'000, std::vector<double>(5, 500'000)), 0.0, 1e-14);
    // 900 000 = 1 000 000 × 0.9 and 810 000 = 1 000 000 × 0.9²: r = −10 %.
    EXPECT_NEAR(cpom::breakeven_rate(1'000'000, std::vector<double>{900'000, 810'000}), -0.10, 1e-12);
}

TEST(BreakevenRate, BracketEndsAreSolutions) {
    // 1 000 × 0.5 = 500: exactly −50 %; 1 000 × 2 = 2 000: exactly +100 %.
    EXPECT_DOUBLE_EQ(cpom::breakeven_rate(1'000, std::vector<double>{500}), -0.5);
    EXPECT_DOUBLE_EQ(cpom::breakeven_rate(1'000, std::vector<double>{2'000}), 1.0);
}

TEST(BreakevenRate, NoRateInTheBracketIsNoConvergence) {
    // Needs +9 900 % (1 000 → 100 000).
    try {
        cpom::breakeven_rate(1'000, std::vector<double>{100'000});
        FAIL() << "a rate above +100 % was returned";
    } catch (const NoConvergence& e) {
        EXPECT_NE(std::string(e.what()).find("+100 %"), std::string::npos) << e.what();
    }
    // Needs −90 % (1 000 → 100), below the −50 % floor.
    EXPECT_THROW(cpom::breakeven_rate(1'000, std::vector<double>{100}), NoConvergence);
    // Reserves larger than every charge: even −50 % a year leaves resources above charges − reserves.
    EXPECT_THROW(cpom::breakeven_rate(1'000, std::vector<double>{1'000, 1'000}, 5'000), NoConvergence);
}

TEST(BreakevenRate, AppliedRateBalancesWithinACentOnRandomContracts) {
    // Property: whatever the contract, applying the returned rate gives Σ gap = reserves within 0.01 €, and a
    // NoConvergence is only thrown when one end of the bracket really does not balance.
    boost::random::mt19937 random(20240601);
    boost::random::uniform_real_distribution<double> base_of(1e4, 5e7), growth_of(-0.05, 0.08), noise_of(-0.03, 0.03),
        reserves_share_of(-0.2, 0.5);
    boost::random::uniform_int_distribution<int> years_of(1, 30);
    int solved = 0;
    for (int i = 0; i < 2000; ++i) {
        const double base = base_of(random), growth = growth_of(random);
        std::vector<double> charges(years_of(random));
        for (std::size_t t = 0; t < charges.size(); ++t) {
            charges[t] = base * std::pow(1 + growth, double(t + 1)) * (1 + noise_of(random));
        }
        const double reserves = reserves_share_of(random) * base;
        try {
            const double r = cpom::breakeven_rate(base, charges, reserves);
            ASSERT_GE(r, -0.5);
            ASSERT_LE(r, 1.0);
            ASSERT_NEAR(cumulative_gap(base, charges, r), reserves, 0.01)
                << "base " << base << ", " << charges.size() << " years, reserves " << reserves;
            ++solved;
        } catch (const NoConvergence&) {
            const double at_floor = cumulative_gap(base, charges, -0.5) - reserves;
            const double at_ceiling = cumulative_gap(base, charges, 1.0) - reserves;
            ASSERT_TRUE(at_floor < 0 || at_ceiling > 0) << "a balancing rate exists but was not found";
        }
    }
    EXPECT_GT(solved, 1500);  // the generator mostly draws solvable contracts: the property is really exercised
}

TEST(BreakevenRate, MoreReservesNeverRaiseTheRate) {
    const std::vector<double> charges{1'030'000, 1'061'000, 1'093'000, 1'126'000, 1'159'000};
    double previous = 1.0;
    for (double reserves = 0; reserves <= 200'000; reserves += 25'000) {
        const double r = cpom::breakeven_rate(1'000'000, charges, reserves);
        EXPECT_LT(r, previous);
        previous = r;
    }
}

TEST(BreakevenRate, RejectsImpossibleInputsNamingTheArgument) {
    const std::vector<double> ok{1'000, 1'000};
    EXPECT_EQ(failing_argument([&] { cpom::breakeven_rate(0, ok); }), "base_resources");
    EXPECT_EQ(failing_argument([&] { cpom::breakeven_rate(-1, ok); }), "base_resources");
    EXPECT_EQ(failing_argument([&] { cpom::breakeven_rate(not_a_number, ok); }), "base_resources");
    EXPECT_EQ(failing_argument([&] { cpom::breakeven_rate(1'000, std::vector<double>{}); }), "charges");
    EXPECT_EQ(failing_argument([&] { cpom::breakeven_rate(1'000, std::vector<double>(31, 1'000)); }), "charges");
    EXPECT_EQ(failing_argument([&] { cpom::breakeven_rate(1'000, std::vector<double>{1'000, -5}); }), "charges");
    EXPECT_EQ(failing_argument([&] {
                  cpom::breakeven_rate(1'000, std::vector<double>{1'000, not_a_number});
              }),
              "charges");
    EXPECT_EQ(failing_argument([&] { cpom::breakeven_rate(1'000, ok, not_a_number); }), "reserves");
}

TEST(BreakevenRateCall, ReadsCellsAndReportsErrors) {
    // Same figures as ReservesLowerTheRateToAskFor, through the adapter, charges as a column.
    const auto v =
        cpom::calls::call("CPOM_BREAKEVEN_RATE", {num(1'000'000), column({1'100'000, 1'150'000}), num(97'500)});
    EXPECT_NEAR(std::get<double>(v), 0.05, 1e-12);
    // Reserves omitted or blank: strict balance.
    const auto strict = cpom::calls::call("CPOM_BREAKEVEN_RATE", {num(1'000'000), Arg::row({1'020'000, 1'040'400})});
    EXPECT_NEAR(std::get<double>(strict), 0.02, 1e-12);
    const auto blank = cpom::calls::call("CPOM_BREAKEVEN_RATE",
                                         {num(1'000'000), Arg::row({1'020'000, 1'040'400}), Arg::scalar(Empty{})});
    EXPECT_NEAR(std::get<double>(blank), 0.02, 1e-12);

    EXPECT_EQ(cpom::calls::explain("CPOM_BREAKEVEN_RATE",
                                   {num(1'000'000), Arg::block(1, 2, {Cell{1'020'000.0}, Cell{std::string("n.c.")}})}),
              "charges : la cellule n° 2 contient du texte (« n.c. ») : un nombre est attendu");
    EXPECT_EQ(cpom::calls::explain("CPOM_BREAKEVEN_RATE",
                                   {num(1'000'000), Arg::block(1, 2, {Cell{1'020'000.0}, Cell{Empty{}}})})
                  .rfind("charges : la cellule n° 2 est vide", 0),
              0u);
    EXPECT_EQ(cpom::calls::explain("CPOM_BREAKEVEN_RATE", {text("un million"), Arg::row({1'000})})
                  .rfind("base ressources", 0),
              0u);
    EXPECT_EQ(cpom::calls::explain("CPOM_BREAKEVEN_RATE", {num(1'000), block(2, 2, {1, 2, 3, 4})}).rfind("charges", 0),
              0u);
    EXPECT_EQ(
        cpom::calls::explain("CPOM_BREAKEVEN_RATE", {num(1'000), Arg::row({100'000})}).rfind("pas de solution", 0), 0u);
    EXPECT_THROW(cpom::calls::call("CPOM_BREAKEVEN_RATE", {num(1'000), Arg::row({100'000})}), NoConvergence);
}

// ---------------------------------------------------------------- breakeven with new measures (issue 12, 3.6)

// Σ_t (charges_t − R_t) with R_t from CPOM_PROJECT at the constant rate: an independent path (project() checks
// its inputs and applies the measures itself) to plug a breakeven rate back in.
double projected_cumulative_gap(double base, const std::vector<double>& charges, double rate,
                                const std::vector<double>& permanent, const std::vector<double>& one_off = {}) {
    const std::vector<double> resources =
        cpom::project(base, std::vector<double>(charges.size(), rate), std::nullopt, permanent, one_off);
    double sum = 0;
    for (std::size_t t = 0; t < charges.size(); ++t) sum += charges[t] - resources[t];
    return sum;
}

TEST(BreakevenRate, PermanentNewMeasuresAreCountedLikeTheProjection) {
    // 50 000 € lasting from year 2: at 2 %, R_1 = 1 020 000, R_2 = 1 040 400 + 50 000 = 1 090 400 = charges.
    const std::vector<double> charges{1'020'000, 1'090'400}, permanent{0, 50'000};
    EXPECT_NEAR(cpom::breakeven_rate(1'000'000, charges, 0, permanent), 0.02, 1e-12);
    // Without them the rate would be higher: (1+r) + (1+r)² = 2.1104 → r = 4.4024…% (quadratic, by hand:
    // r = (−3 + √(9 + 4 × 0.1104)) / 2 = (−3 + 3.0726…)/2).
    EXPECT_NEAR(cpom::breakeven_rate(1'000'000, charges), (-3 + std::sqrt(9 + 4 * 0.1104)) / 2, 1e-12);
}

TEST(BreakevenRate, OneOffCreditsAreCountedForTheirYearOnly) {
    // 10 000 € one-off in year 1: at 2 %, R_1 = 1 020 000 + 10 000 = 1 030 000, R_2 = 1 040 400 (not carried).
    EXPECT_NEAR(cpom::breakeven_rate(1'000'000, {{1'030'000, 1'040'400}}, 0, {}, {{10'000, 0}}), 0.02, 1e-12);
}

TEST(BreakevenRate, ThePlugBackIntoTheProjectionBalancesWithinACent) {
    // The IME block of the projection-cpom template: base 3 290 000, charges 2026–2030 from the template,
    // 40 000 € of lasting new measures in year 2, reserves 230 000 or none.
    const std::vector<double> charges{3'390'630.34, 3'452'534.75, 3'513'478.89, 3'575'502.00, 3'638'623.23};
    const std::vector<double> permanent{0, 40'000, 0, 0, 0};
    for (double reserves : {0.0, 230'000.0}) {
        const double rate = cpom::breakeven_rate(3'290'000, charges, reserves, permanent);
        EXPECT_NEAR(projected_cumulative_gap(3'290'000, charges, rate, permanent), reserves, 0.01);
    }
}

TEST(BreakevenRate, NegativeNewMeasuresKeepTheSolutionUnique) {
    // −60 000 € in year 5 on a 1 000 000 base: at −50 % a year P_5 = 31 250 − 60 000 < 0, where Σ R_t is not
    // monotone. The search starts where every P_t > 0 and the rate found balances the projection.
    const std::vector<double> charges{1'030'000, 1'060'900, 1'092'727, 1'125'508.81, 1'159'274.07};
    const std::vector<double> permanent{0, 0, 0, 0, -60'000};
    const double rate = cpom::breakeven_rate(1'000'000, charges, 0, permanent);
    EXPECT_NEAR(projected_cumulative_gap(1'000'000, charges, rate, permanent), 0, 0.01);
    // Resources that cannot stay positive at any rate of the bracket: no rate, never a made-up one.
    EXPECT_THROW(cpom::breakeven_rate(1'000, {{1'000, 1'000}}, 0, {{-5'000, 0}}), NoConvergence);
}

TEST(BreakevenRate, AppliedRateWithNewMeasuresBalancesOnRandomContracts) {
    boost::random::mt19937 random(11);
    boost::random::uniform_real_distribution<double> amount(1e5, 1e7), growth(-0.01, 0.05), measure(-0.02, 0.05);
    boost::random::uniform_int_distribution<int> years(1, 12);
    for (int i = 0; i < 300; ++i) {
        const double base = amount(random);
        const int n = years(random);
        std::vector<double> charges, permanent, one_off;
        double c = base;
        for (int t = 0; t < n; ++t) {
            charges.push_back(c *= 1 + growth(random));
            permanent.push_back(measure(random) * base);
            one_off.push_back(std::max(0.0, measure(random)) * base);
        }
        const double reserves = measure(random) * base;
        double rate = 0;
        try {
            rate = cpom::breakeven_rate(base, charges, reserves, permanent, one_off);
        } catch (const NoConvergence&) {
            continue;  // a drawn contract no rate of the bracket balances
        }
        EXPECT_NEAR(projected_cumulative_gap(base, charges, rate, permanent, one_off), reserves, 0.01) << i;
    }
}

TEST(BreakevenRateCall, NewMeasuresAsRowsOrOneValue) {
    const auto rate = [](Args args) { return std::get<double>(cpom::calls::call("CPOM_BREAKEVEN_RATE", args)); };
    EXPECT_NEAR(rate({num(1'000'000), Arg::row({1'020'000, 1'090'400}), num(0), Arg::row({0, 50'000})}), 0.02, 1e-12);
    // Blank cells of the measures are 0 (nothing that year); reserves left empty are 0.
    EXPECT_NEAR(rate({num(1'000'000), Arg::row({1'020'000, 1'090'400}), Arg::scalar(Empty{}),
                      Arg::block(1, 2, {Cell{Empty{}}, Cell{50'000.0}})}),
                0.02, 1e-12);
    EXPECT_NEAR(rate({num(1'000'000), Arg::row({1'030'000, 1'040'400}), num(0), Arg::omitted(), Arg::row({10'000, 0})}),
                0.02, 1e-12);
    // One value stands for every year: 10 000 € more each year from year 1.
    const double each_year = rate({num(1'000'000), Arg::row({1'030'000, 1'050'600}), num(0), num(10'000)});
    EXPECT_NEAR(projected_cumulative_gap(1'000'000, {1'030'000, 1'050'600}, each_year, {10'000, 10'000}), 0, 0.01);
    EXPECT_EQ(cpom::calls::explain("CPOM_BREAKEVEN_RATE", {num(1'000'000), Arg::row({1'020'000, 1'090'400}), num(0),
                                                           Arg::row({0, 50'000, 0})}),
              "pérennes : la plage a 3 valeurs, 2 attendues (une par année)");
    EXPECT_EQ(cpom::calls::explain("CPOM_BREAKEVEN_RATE", {num(1'000'000), Arg::row({1'020'000, 1'090'400}), num(0),
                                                           Arg::omitted(), text("aucun")}),
              "non reconductibles : la valeur contient du texte (« aucun ») : un nombre est attendu");
}

// ---------------------------------------------------------------- CPOM_ADJUSTMENT

TEST(Adjustment, CompensatesOnlyInflationAboveTheThreshold) {
    // Threshold 2 %: 1.5 % → 0; 3.5 % → 1 000 000 × 1.5 % = 15 000; 5 % → 1 000 000 × 3 % = 30 000.
    const std::vector<double> base(3, 1'000'000), inflation{0.015, 0.035, 0.05};
    const auto extra = cpom::adjustment(base, inflation, 0.02);
    ASSERT_EQ(extra.size(), 3u);
    EXPECT_DOUBLE_EQ(extra[0], 0);
    EXPECT_NEAR(extra[1], 15'000, 1e-6);
    EXPECT_NEAR(extra[2], 30'000, 1e-6);
    // Half the excess: 7 500 and 15 000.
    const auto half = cpom::adjustment(base, inflation, 0.02, 0.5);
    EXPECT_NEAR(half[1], 7'500, 1e-6);
    EXPECT_NEAR(half[2], 15'000, 1e-6);
}

TEST(Adjustment, InflationAtOrBelowTheThresholdGivesNothingNeverANegativeAmount) {
    const std::vector<double> base{800'000, 800'000, 800'000}, inflation{0.03, -0.01, 0.0};
    const auto extra = cpom::adjustment(base, inflation, 0.03);
    EXPECT_EQ(extra, (std::vector<double>{0, 0, 0}));
}

TEST(Adjustment, YearlyBasesAreUsedYearByYear) {
    // 1 000 000 × (4 % − 2 %) = 20 000; 1 100 000 × (4 % − 2 %) = 22 000.
    const auto extra =
        cpom::adjustment(std::vector<double>{1'000'000, 1'100'000}, std::vector<double>{0.04, 0.04}, 0.02);
    EXPECT_NEAR(extra[0], 20'000, 1e-6);
    EXPECT_NEAR(extra[1], 22'000, 1e-6);
}

TEST(Adjustment, RejectsImpossibleInputsNamingTheArgument) {
    const std::vector<double> base{1'000}, inflation{0.03};
    EXPECT_EQ(failing_argument([&] { cpom::adjustment(std::vector<double>{-1}, inflation, 0.02); }), "base");
    EXPECT_EQ(failing_argument([&] { cpom::adjustment(std::vector<double>{}, std::vector<double>{}, 0.02); }), "base");
    EXPECT_EQ(failing_argument([&] { cpom::adjustment(base, std::vector<double>{-1.2}, 0.02); }), "inflation");
    EXPECT_EQ(failing_argument([&] { cpom::adjustment(base, std::vector<double>{0.03, 0.04}, 0.02); }), "inflation");
    EXPECT_EQ(failing_argument([&] { cpom::adjustment(base, inflation, not_a_number); }), "threshold");
    EXPECT_EQ(failing_argument([&] { cpom::adjustment(base, inflation, 0.02, 1.5); }), "share");
    EXPECT_EQ(failing_argument([&] { cpom::adjustment(base, inflation, 0.02, -0.1); }), "share");
}

TEST(AdjustmentCall, SingleValuesGiveOneCell) {
    // 1 000 000 × (3 % − 2 %) = 10 000.
    const Matrix m = matrix_of(cpom::calls::call("CPOM_ADJUSTMENT", {num(1'000'000), num(0.03), num(0.02)}));
    ASSERT_EQ(m.rows, 1u);
    ASSERT_EQ(m.cols, 1u);
    EXPECT_NEAR(m.values[0], 10'000, 1e-6);
}

TEST(AdjustmentCall, OneBaseAndARowOfInflationGiveARow) {
    const Matrix m =
        matrix_of(cpom::calls::call("CPOM_ADJUSTMENT", {num(1'000'000), column({0.015, 0.035, 0.05}), num(0.02)}));
    ASSERT_EQ(m.rows, 1u);
    ASSERT_EQ(m.cols, 3u);
    EXPECT_NEAR(m.at(0, 1), 15'000, 1e-6);
    EXPECT_NEAR(m.at(0, 2), 30'000, 1e-6);
}

TEST(AdjustmentCall, ColumnOfEstablishmentsWithASharedRow) {
    // 1 000 000 × 1 % = 10 000, × 2 % = 20 000; 500 000 × 1 % = 5 000, × 2 % = 10 000.
    const Matrix m = matrix_of(
        cpom::calls::call("CPOM_ADJUSTMENT", {column({1'000'000, 500'000}), Arg::row({0.03, 0.04}), num(0.02)}));
    ASSERT_EQ(m.rows, 2u);
    ASSERT_EQ(m.cols, 2u);
    EXPECT_NEAR(m.at(0, 0), 10'000, 1e-6);
    EXPECT_NEAR(m.at(0, 1), 20'000, 1e-6);
    EXPECT_NEAR(m.at(1, 0), 5'000, 1e-6);
    EXPECT_NEAR(m.at(1, 1), 10'000, 1e-6);
}

TEST(AdjustmentCall, KByNBasesAndInflation) {
    // Row 1: 100 × (5 % − 2 %) = 3, 200 × 0 = 0; row 2: 300 × (2 % − 2 %) = 0, 400 × (4 % − 2 %) = 8.
    const Matrix m = matrix_of(cpom::calls::call(
        "CPOM_ADJUSTMENT", {block(2, 2, {100, 200, 300, 400}), block(2, 2, {0.05, 0.01, 0.02, 0.04}), num(0.02)}));
    ASSERT_EQ(m.rows, 2u);
    EXPECT_NEAR(m.at(0, 0), 3, 1e-9);
    EXPECT_NEAR(m.at(0, 1), 0, 1e-9);
    EXPECT_NEAR(m.at(1, 0), 0, 1e-9);
    EXPECT_NEAR(m.at(1, 1), 8, 1e-9);
    // A column of bases against K×N inflation: 1 000 × 3 % = 30, 1 000 × 0 = 0; 2 000 × 1 % = 20, 2 000 × 2 % = 40.
    const Matrix c = matrix_of(cpom::calls::call(
        "CPOM_ADJUSTMENT", {column({1'000, 2'000}), block(2, 2, {0.05, 0.01, 0.03, 0.04}), num(0.02)}));
    EXPECT_NEAR(c.at(0, 0), 30, 1e-9);
    EXPECT_NEAR(c.at(0, 1), 0, 1e-9);
    EXPECT_NEAR(c.at(1, 0), 20, 1e-9);
    EXPECT_NEAR(c.at(1, 1), 40, 1e-9);
}

TEST(AdjustmentCall, ColumnOfBasesWithOneInflationIsReadAsYears) {
    // Documented: with a single inflation a column is one line of years, returned as a 1×N row.
    const Matrix m =
        matrix_of(cpom::calls::call("CPOM_ADJUSTMENT", {column({1'000, 2'000, 3'000}), num(0.03), num(0.02)}));
    ASSERT_EQ(m.rows, 1u);
    ASSERT_EQ(m.cols, 3u);
    EXPECT_NEAR(m.at(0, 2), 30, 1e-9);  // 3 000 × 1 %
}

TEST(AdjustmentCall, BadShapesAndCellsAreReported) {
    using cpom::calls::explain;
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {Arg::row({1'000, 1'000, 1'000}), Arg::row({0.03, 0.04}), num(0.02)}),
              "inflation : la plage a 2 valeurs, 3 attendues (une par année)");
    EXPECT_EQ(
        explain("CPOM_ADJUSTMENT", {column({1'000, 2'000, 3'000}), block(2, 2, {0.03, 0.03, 0.03, 0.03}), num(0.02)})
            .rfind("base : ", 0),
        0u);
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {block(2, 2, {1, 2, 3, 4}), block(3, 2, {0, 0, 0, 0, 0, 0}), num(0.02)})
                  .rfind("inflation : ", 0),
              0u);
    EXPECT_EQ(
        explain("CPOM_ADJUSTMENT", {num(1'000), Arg::block(1, 2, {Cell{0.03}, Cell{std::string("forte")}}), num(0.02)}),
        "inflation : la cellule n° 2 contient du texte (« forte ») : un nombre est attendu");
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {num(1'000), Arg::block(1, 2, {Cell{0.03}, Cell{Empty{}}}), num(0.02)})
                  .rfind("inflation : la cellule n° 2 est vide", 0),
              0u);
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {num(1'000), num(0.03), num(0.02), num(1.5)}),
              "part : doit être entre 0 et 1 (reçu 1,5 ; 0,6 signifie 60 %)");
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {num(1'000), num(0.03), Arg::scalar(Empty{})}).rfind("seuil", 0), 0u);
    // The failing establishment is named.
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {column({1'000, -2'000}), Arg::row({0.03, 0.04}), num(0.02)}),
              "base : ligne 2 : doit être positif ou nul (reçu -2000)");
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {num(1'000), num(0.03), num(0.02)}), "OK");
}

// ---------------------------------------------------------------- clause built into the base (issue 12, 3.7)

TEST(AdjustmentBuiltIn, HandComputation) {
    // Base growing 1 %/year, inflation 3 %, threshold 2 %, share 1: a_t = 1 %.
    // D_1 = 1 000 000 × 1 % = 10 000; D_2 = 1 010 000 × 1 % + 10 000 × 1.01 × 1.01 = 10 100 + 10 201 = 20 301;
    // D_3 = 1 020 100 × 1 % + 20 301 × 1.01 × 1.01 = 10 201 + 20 709.0501 = 30 910.0501.
    const std::vector<double> base{1'000'000, 1'010'000, 1'020'100}, inflation(3, 0.03), rates(3, 0.01);
    const auto built_in = cpom::adjustment_built_in(base, inflation, 0.02, 1.0, rates);
    ASSERT_EQ(built_in.size(), 3u);
    EXPECT_NEAR(built_in[0], 10'000, 1e-9);
    EXPECT_NEAR(built_in[1], 20'301, 1e-9);
    EXPECT_NEAR(built_in[2], 30'910.0501, 1e-9);
    // One-off reading of the same clause: 10 000, 10 100, 10 201.
    const auto one_off = cpom::adjustment(base, inflation, 0.02, 1.0);
    EXPECT_NEAR(one_off[1], 10'100, 1e-9);
    EXPECT_NEAR(one_off[2], 10'201, 1e-9);
}

TEST(AdjustmentBuiltIn, EqualsTheProjectionOfTheRaisedEndowment) {
    // Independent path: the endowment with the clause built in is CPOM_PROJECT with rates (1+r_t)(1+a_t) − 1 and
    // lasting measures m_t(1+a_t) (P'_t = (P'_{t−1}(1+r_t) + m_t)(1+a_t)); the complement is its excess over the
    // endowment without the clause. The IME block of projection-cpom: 3 290 000 at 1.2 %, 40 000 € in year 2,
    // IPC 2.6, 2.2, 1.8, 1.8, 1.8 %, threshold 2 %, share 0.5.
    const std::vector<double> rates(5, 0.012), permanent{0, 40'000, 0, 0, 0}, ipc{0.026, 0.022, 0.018, 0.018, 0.018};
    const double share = 0.5;
    std::vector<double> raised_rates, raised_measures;
    for (std::size_t t = 0; t < 5; ++t) {
        const double a = std::max(0.0, ipc[t] - 0.02) * share;
        raised_rates.push_back((1 + rates[t]) * (1 + a) - 1);
        raised_measures.push_back(permanent[t] * (1 + a));
    }
    const auto without = cpom::project(3'290'000, rates, std::nullopt, permanent);
    const auto with = cpom::project(3'290'000, raised_rates, std::nullopt, raised_measures);
    const auto complement = cpom::adjustment_built_in(without, ipc, 0.02, share, rates);
    for (std::size_t t = 0; t < 5; ++t) EXPECT_NEAR(complement[t], with[t] - without[t], 1e-6) << t;
    // 2026: 3 329 480 × 0.3 % = 9 988.44; later years carry it (no clause after 2027).
    EXPECT_NEAR(complement[0], 9'988.44, 1e-6);
}

TEST(AdjustmentBuiltIn, RejectsBadRates) {
    const std::vector<double> base(3, 1'000'000), inflation(3, 0.03);
    EXPECT_EQ(failing_argument([&] { cpom::adjustment_built_in(base, inflation, 0.02, 1, {{0.01, 0.01}}); }), "rates");
    EXPECT_EQ(failing_argument([&] {
                  cpom::adjustment_built_in(base, inflation, 0.02, 1, {{0.01, -1.0, 0.01}});
              }),
              "rates");
}

TEST(AdjustmentCall, BuiltInReadingThroughTheAdapter) {
    const Matrix m = matrix_of(cpom::calls::call("CPOM_ADJUSTMENT", {Arg::row({1'000'000, 1'010'000, 1'020'100}),
                                                                     num(0.03), num(0.02), num(1), num(1), num(0.01)}));
    ASSERT_EQ(m.cols, 3u);
    EXPECT_NEAR(m.at(0, 2), 30'910.0501, 1e-9);
    // 0 or omitted: one-off, the rates are not used.
    const Matrix one_off =
        matrix_of(cpom::calls::call("CPOM_ADJUSTMENT", {Arg::row({1'000'000, 1'010'000, 1'020'100}), num(0.03),
                                                        num(0.02), num(1), num(0), num(0.01)}));
    EXPECT_NEAR(one_off.at(0, 2), 10'201, 1e-9);
    // K establishments: a column of bases per row K×N with K×N rates.
    const Matrix two = matrix_of(
        cpom::calls::call("CPOM_ADJUSTMENT", {block(2, 2, {1'000'000, 1'010'000, 500'000, 505'000}), num(0.03),
                                              num(0.02), num(1), num(1), block(2, 2, {0.01, 0.01, 0.01, 0.01})}));
    EXPECT_NEAR(two.at(0, 1), 20'301, 1e-9);
    EXPECT_NEAR(two.at(1, 1), 10'150.5, 1e-9);  // half of it: 5 050 + 5 000 × 1.0201
    EXPECT_EQ(cpom::calls::explain("CPOM_ADJUSTMENT",
                                   {Arg::row({1'000'000, 1'010'000}), num(0.03), num(0.02), num(1), num(1)})
                  .rfind("taux base : les taux d'évolution de la base sont nécessaires", 0),
              0u);
    EXPECT_EQ(cpom::calls::explain("CPOM_ADJUSTMENT",
                                   {Arg::row({1'000'000, 1'010'000}), num(0.03), num(0.02), num(1), num(2), num(0.01)}),
              "intégrée : doit être un entier entre 0 et 1 (reçu 2)");
}

// ---------------------------------------------------------------- CPOM_ABSENTEEISM_COST

TEST(AbsenteeismCost, PayrollTimesRateTimesReplacedShareWithPremium) {
    // 2 000 000 × 8 % = 160 000 of absences; 60 % replaced = 96 000; 25 % dearer = 120 000.
    EXPECT_NEAR(cpom::absenteeism_cost(2'000'000, 0.08, 0.6, 0.25), 120'000, 1e-6);
    // Defaults: everything replaced at the same cost: 160 000.
    EXPECT_NEAR(cpom::absenteeism_cost(2'000'000, 0.08), 160'000, 1e-6);
    // Nothing replaced: no replacement cost.
    EXPECT_DOUBLE_EQ(cpom::absenteeism_cost(2'000'000, 0.08, 0.0, 0.25), 0.0);
}

TEST(AbsenteeismCost, RejectsImpossibleInputsNamingTheArgument) {
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_cost(-1, 0.08); }), "payroll");
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_cost(1'000, 8); }), "rate");  // 8 % typed as 8
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_cost(1'000, -0.01); }), "rate");
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_cost(1'000, 0.08, 1.2); }), "replacement");
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_cost(1'000, 0.08, 1, -0.1); }), "premium");
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_cost(1'000, 0.08, 1, not_a_number); }), "premium");
}

TEST(AbsenteeismCostCall, RowsAndSingles) {
    // 2 000 000 × 8 % = 160 000; 2 100 000 × 8 % = 168 000.
    const Matrix row =
        matrix_of(cpom::calls::call("CPOM_ABSENTEEISM_COST", {Arg::row({2'000'000, 2'100'000}), num(0.08)}));
    ASSERT_EQ(row.rows, 1u);
    ASSERT_EQ(row.cols, 2u);
    EXPECT_NEAR(row.at(0, 0), 160'000, 1e-6);
    EXPECT_NEAR(row.at(0, 1), 168'000, 1e-6);
    // Yearly rates too: 1 000 000 × 5 % = 50 000, × 6 % = 60 000 (payroll as a column, rates as a row).
    const Matrix both =
        matrix_of(cpom::calls::call("CPOM_ABSENTEEISM_COST", {column({1'000'000, 1'000'000}), column({0.05, 0.06})}));
    EXPECT_NEAR(both.at(0, 0), 50'000, 1e-6);
    EXPECT_NEAR(both.at(0, 1), 60'000, 1e-6);
    const Matrix one =
        matrix_of(cpom::calls::call("CPOM_ABSENTEEISM_COST", {num(2'000'000), num(0.08), num(0.6), num(0.25)}));
    ASSERT_EQ(one.values.size(), 1u);
    EXPECT_NEAR(one.values[0], 120'000, 1e-6);
    // Blank optional arguments take their defaults (replacement 1, premium 0).
    const Matrix blanks = matrix_of(cpom::calls::call(
        "CPOM_ABSENTEEISM_COST", {num(2'000'000), num(0.08), Arg::scalar(Empty{}), Arg::scalar(Empty{})}));
    EXPECT_NEAR(blanks.values[0], 160'000, 1e-6);
}

TEST(AbsenteeismCostCall, BadInputsAreReported) {
    using cpom::calls::explain;
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {num(2'000'000), num(8)}),
              "taux : doit être entre 0 et 1 (reçu 8 ; 0,6 signifie 60 %)");
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {num(2'000'000), num(0.08), num(1.2)}).rfind("remplacement : ", 0), 0u);
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {Arg::row({1, 2, 3}), Arg::row({0.1, 0.2})}),
              "taux : la plage a 2 valeurs, 3 attendues (une par année)");
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {text("beaucoup"), num(0.08)}).rfind("masse salariale : ", 0), 0u);
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {Arg::block(1, 2, {Cell{1'000.0}, Cell{Empty{}}}), num(0.08)})
                  .rfind("masse salariale : la cellule n° 2 est vide", 0),
              0u);
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {num(2'000'000)}), "taux : argument obligatoire manquant");
}

}  // namespace
