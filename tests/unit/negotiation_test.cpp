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
    EXPECT_EQ(failing_argument([&] { cpom::breakeven_rate(1'000, std::vector<double>{1'000, not_a_number}); }), "charges");
    EXPECT_EQ(failing_argument([&] { cpom::breakeven_rate(1'000, ok, not_a_number); }), "reserves");
}

TEST(BreakevenRateCall, ReadsCellsAndReportsErrors) {
    // Same figures as ReservesLowerTheRateToAskFor, through the adapter, charges as a column.
    const auto v = cpom::calls::call("CPOM_BREAKEVEN_RATE", {num(1'000'000), column({1'100'000, 1'150'000}), num(97'500)});
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
    EXPECT_EQ(cpom::calls::explain("CPOM_BREAKEVEN_RATE", {text("un million"), Arg::row({1'000})}).rfind("base_resources", 0),
              0u);
    EXPECT_EQ(cpom::calls::explain("CPOM_BREAKEVEN_RATE", {num(1'000), block(2, 2, {1, 2, 3, 4})}).rfind("charges", 0), 0u);
    EXPECT_EQ(cpom::calls::explain("CPOM_BREAKEVEN_RATE", {num(1'000), Arg::row({100'000})}).rfind("pas de solution", 0),
              0u);
    EXPECT_THROW(cpom::calls::call("CPOM_BREAKEVEN_RATE", {num(1'000), Arg::row({100'000})}), NoConvergence);
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
    const auto extra = cpom::adjustment(std::vector<double>{1'000'000, 1'100'000}, std::vector<double>{0.04, 0.04}, 0.02);
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
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {column({1'000, 2'000, 3'000}), block(2, 2, {0.03, 0.03, 0.03, 0.03}),
                                          num(0.02)})
                  .rfind("base : ", 0),
              0u);
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {block(2, 2, {1, 2, 3, 4}), block(3, 2, {0, 0, 0, 0, 0, 0}), num(0.02)})
                  .rfind("inflation : ", 0),
              0u);
    EXPECT_EQ(explain("CPOM_ADJUSTMENT",
                      {num(1'000), Arg::block(1, 2, {Cell{0.03}, Cell{std::string("forte")}}), num(0.02)}),
              "inflation : la cellule n° 2 contient du texte (« forte ») : un nombre est attendu");
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {num(1'000), Arg::block(1, 2, {Cell{0.03}, Cell{Empty{}}}), num(0.02)})
                  .rfind("inflation : la cellule n° 2 est vide", 0),
              0u);
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {num(1'000), num(0.03), num(0.02), num(1.5)}),
              "share : doit être entre 0 et 1 (reçu 1,5 ; 0,6 signifie 60 %)");
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {num(1'000), num(0.03), Arg::scalar(Empty{})}).rfind("threshold", 0), 0u);
    // The failing establishment is named.
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {column({1'000, -2'000}), Arg::row({0.03, 0.04}), num(0.02)}),
              "base : ligne 2 : doit être positif ou nul (reçu -2000)");
    EXPECT_EQ(explain("CPOM_ADJUSTMENT", {num(1'000), num(0.03), num(0.02)}), "OK");
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
    const Matrix row = matrix_of(cpom::calls::call("CPOM_ABSENTEEISM_COST", {Arg::row({2'000'000, 2'100'000}), num(0.08)}));
    ASSERT_EQ(row.rows, 1u);
    ASSERT_EQ(row.cols, 2u);
    EXPECT_NEAR(row.at(0, 0), 160'000, 1e-6);
    EXPECT_NEAR(row.at(0, 1), 168'000, 1e-6);
    // Yearly rates too: 1 000 000 × 5 % = 50 000, × 6 % = 60 000 (payroll as a column, rates as a row).
    const Matrix both =
        matrix_of(cpom::calls::call("CPOM_ABSENTEEISM_COST", {column({1'000'000, 1'000'000}), column({0.05, 0.06})}));
    EXPECT_NEAR(both.at(0, 0), 50'000, 1e-6);
    EXPECT_NEAR(both.at(0, 1), 60'000, 1e-6);
    const Matrix one = matrix_of(
        cpom::calls::call("CPOM_ABSENTEEISM_COST", {num(2'000'000), num(0.08), num(0.6), num(0.25)}));
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
              "rate : doit être entre 0 et 1 (reçu 8 ; 0,6 signifie 60 %)");
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {num(2'000'000), num(0.08), num(1.2)}).rfind("replacement : ", 0), 0u);
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {Arg::row({1, 2, 3}), Arg::row({0.1, 0.2})}),
              "rate : la plage a 2 valeurs, 3 attendues (une par année)");
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {text("beaucoup"), num(0.08)}).rfind("payroll : ", 0), 0u);
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {Arg::block(1, 2, {Cell{1'000.0}, Cell{Empty{}}}), num(0.08)})
                  .rfind("payroll : la cellule n° 2 est vide", 0),
              0u);
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_COST", {num(2'000'000)}), "rate : argument obligatoire manquant");
}

}  // namespace
