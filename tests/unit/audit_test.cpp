// CPOM_CAGR, CPOM_VARIANCE, CPOM_EXECUTION_RATE, CPOM_STATUS against hand computations, their boundaries,
// and the blank rules through cpom::calls::call.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "cpom/audit.hpp"
#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;

using cpom::ArgumentError;
using cpom::Direction;
using cpom::Status;
using cpom::VarianceMode;
using cpom::calls::Arg;
using cpom::calls::call;
using cpom::calls::Empty;
using cpom::calls::explain;
using cpom::calls::Matrix;

// ---------------------------------------------------------------- CPOM_CAGR

TEST(Cagr, OnlyTheEndsAndTheNumberOfYearsCount) {
    // 1 000 000 → 1 102 500 over 2 years: 1.1025 = 1.05², so +5 % a year.
    const std::vector<double> steady{1'000'000, 1'050'000, 1'102'500};
    EXPECT_NEAR(cpom::cagr(steady), 0.05, 1e-12);
    // 100 → 125 over 3 years, whatever the middle: 1.25^(1/3) = e^(ln 1.25 / 3) = e^0.0743811843 = 1.0772173450.
    const std::vector<double> bumpy{100, 90, 80, 125};
    EXPECT_NEAR(cpom::cagr(bumpy), 0.0772173450, 1e-10);
    // Two years: 100 → 110 is +10 %; a decline 200 → 50 over 2 years: (1/4)^(1/2) − 1 = −0.5.
    const std::vector<double> two{100, 110}, decline{200, 120, 50};
    EXPECT_NEAR(cpom::cagr(two), 0.10, 1e-12);
    EXPECT_NEAR(cpom::cagr(decline), -0.5, 1e-12);
    // Activity stopped: last = 0 gives −100 %; a zero in the middle is a real year.
    const std::vector<double> stopped{100, 0, 0};
    EXPECT_DOUBLE_EQ(cpom::cagr(stopped), -1.0);
}

TEST(Cagr, RejectsMeaninglessSeries) {
    const std::vector<double> one{100}, zero_first{0, 100}, negative_first{-5, 100}, negative_last{100, -5},
        with_nan{100, not_a_number, 120};
    EXPECT_EQ(failing_argument([&] { cpom::cagr(one); }), "values");
    EXPECT_EQ(failing_argument([&] { cpom::cagr({}); }), "values");
    EXPECT_EQ(failing_argument([&] { cpom::cagr(zero_first); }), "values");
    EXPECT_EQ(failing_argument([&] { cpom::cagr(negative_first); }), "values");
    EXPECT_EQ(failing_argument([&] { cpom::cagr(negative_last); }), "values");
    EXPECT_EQ(failing_argument([&] { cpom::cagr(with_nan); }), "values");
}

TEST(CagrCall, ARowOrAColumnButNoBlankAnywhere) {
    EXPECT_NEAR(std::get<double>(call("CPOM_CAGR", {Arg::row({1'000'000, 1'050'000, 1'102'500})})), 0.05, 1e-12);
    EXPECT_NEAR(std::get<double>(call("CPOM_CAGR", {Arg::block(3, 1, {1'000'000.0, 1'050'000.0, 1'102'500.0})})), 0.05,
                1e-12);
    const std::string gap_reason =
        " est vide : une année manquante changerait le nombre d'années du taux moyen ; sélectionner uniquement des "
        "années consécutives renseignées";
    // Inside, at the start (year not entered) and at the end (year not closed yet): all errors.
    EXPECT_EQ(explain("CPOM_CAGR", {Arg::block(1, 3, {100.0, Empty{}, 121.0})}),
              "valeurs : la cellule n° 2" + gap_reason);
    EXPECT_EQ(explain("CPOM_CAGR", {Arg::block(1, 3, {Empty{}, 100.0, 121.0})}),
              "valeurs : la cellule n° 1" + gap_reason);
    EXPECT_EQ(explain("CPOM_CAGR", {Arg::block(1, 4, {100.0, 110.0, 121.0, Empty{}})}),
              "valeurs : la cellule n° 4" + gap_reason);
    EXPECT_EQ(explain("CPOM_CAGR", {blank()}), "valeurs : valeur manquante (cellule vide ou argument omis)");
    EXPECT_EQ(explain("CPOM_CAGR", {num(100)}),
              "valeurs : au moins deux années sont nécessaires pour un taux moyen (reçu 1)");
    EXPECT_THROW(call("CPOM_CAGR", {Arg::block(2, 2, {100.0, 110.0, 120.0, 130.0})}), ArgumentError);
    EXPECT_THROW(call("CPOM_CAGR", {Arg::block(1, 2, {100.0, std::string("n.c.")})}), ArgumentError);
}

// ---------------------------------------------------------------- CPOM_VARIANCE

TEST(Variance, AmountsAndRates) {
    const std::vector<double> actual{105'000, 98'000, 120'000}, budget{100'000, 100'000, 100'000};
    // 105 000 − 100 000 = 5 000; 98 000 − 100 000 = −2 000; 120 000 − 100 000 = 20 000.
    EXPECT_EQ(cpom::variance(actual, budget, VarianceMode::Amount), (std::vector<double>{5'000, -2'000, 20'000}));
    // 5 000 / 100 000 = 0.05; −0.02; 0.2.
    const auto rates = cpom::variance(actual, budget, VarianceMode::Rate);
    EXPECT_NEAR(rates[0], 0.05, 1e-15);
    EXPECT_NEAR(rates[1], -0.02, 1e-15);
    EXPECT_NEAR(rates[2], 0.20, 1e-15);
}

TEST(Variance, NegativeBudgetKeepsTheSignOfTheEuroVariance) {
    // Planned deficit −10 000, actual −5 000: 5 000 € better than budget, so +50 % (not −50 %).
    const std::vector<double> actual{-5'000}, budget{-10'000};
    EXPECT_DOUBLE_EQ(cpom::variance(actual, budget, VarianceMode::Amount)[0], 5'000);
    EXPECT_DOUBLE_EQ(cpom::variance(actual, budget, VarianceMode::Rate)[0], 0.5);
}

TEST(Variance, ZeroBudgetHasNoRelativeVariance) {
    const std::vector<double> actual{100, 200}, budget{100, 0};
    EXPECT_EQ(cpom::variance(actual, budget, VarianceMode::Amount), (std::vector<double>{0, 200}));
    try {
        cpom::variance(actual, budget, VarianceMode::Rate);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "budget");
        EXPECT_EQ(e.reason().rfind("le budget n° 2 est nul :", 0), 0u) << e.reason();
    }
    const std::vector<double> short_budget{100};
    EXPECT_THROW(cpom::variance(actual, short_budget, VarianceMode::Amount), ArgumentError);
    const std::vector<double> with_nan{100, not_a_number};
    EXPECT_THROW(cpom::variance(with_nan, budget, VarianceMode::Amount), ArgumentError);
}

TEST(VarianceCall, ResultHasTheShapeOfActual) {
    // Column in, column out.
    const auto column = std::get<Matrix>(
        call("CPOM_VARIANCE", {Arg::block(2, 1, {105'000.0, 98'000.0}), Arg::block(2, 1, {100'000.0, 100'000.0})}));
    EXPECT_EQ(column, (Matrix{2, 1, {5'000, -2'000}}));
    // A row against a column of the same length: accepted, shaped like actual.
    const auto row = std::get<Matrix>(
        call("CPOM_VARIANCE", {Arg::row({105'000, 98'000}), Arg::block(2, 1, {100'000.0, 100'000.0}), num(1)}));
    ASSERT_EQ(row.rows, 1u);
    ASSERT_EQ(row.cols, 2u);
    EXPECT_NEAR(row.at(0, 0), 0.05, 1e-15);
    EXPECT_NEAR(row.at(0, 1), -0.02, 1e-15);
    // 2×2 blocks (two accounts × two quarters).
    const auto block = std::get<Matrix>(
        call("CPOM_VARIANCE", {Arg::block(2, 2, {10.0, 20.0, 30.0, 40.0}), Arg::block(2, 2, {8.0, 25.0, 30.0, 50.0})}));
    EXPECT_EQ(block, (Matrix{2, 2, {2, -5, 0, -10}}));
    // Single values: a 1×1 result.
    EXPECT_EQ(std::get<Matrix>(call("CPOM_VARIANCE", {num(110), num(100), blank()})), (Matrix{1, 1, {10}}));
}

TEST(VarianceCall, BlanksAreErrorsShapesMustMatch) {
    // A blank actual read as 0 would show the whole budget as a variance: error.
    EXPECT_EQ(explain("CPOM_VARIANCE", {Arg::block(1, 2, {105'000.0, Empty{}}), Arg::row({100'000, 100'000})}),
              "réalisé : la cellule n° 2 est vide : saisir 0 si la valeur est nulle, une cellule vide n'est pas lue "
              "comme 0");
    EXPECT_THROW(call("CPOM_VARIANCE", {Arg::row({1, 2}), Arg::block(1, 2, {1.0, Empty{}})}), ArgumentError);
    EXPECT_EQ(explain("CPOM_VARIANCE", {Arg::row({1, 2, 3}), Arg::row({1, 2})}),
              "budget : la plage fait 1 lignes × 2 colonnes, 1 × 3 attendues (comme réalisé)");
    EXPECT_THROW(call("CPOM_VARIANCE", {Arg::block(2, 2, {1.0, 2.0, 3.0, 4.0}), Arg::row({1, 2, 3, 4})}),
                 ArgumentError);
    EXPECT_EQ(explain("CPOM_VARIANCE", {num(100), num(0), num(1)}),
              "budget : le budget est nul : un écart relatif à un budget nul n'existe pas (utiliser le mode 0, écart "
              "en euros)");
    EXPECT_THROW(call("CPOM_VARIANCE", {num(100), num(90), num(2)}), ArgumentError);
}

// ---------------------------------------------------------------- CPOM_EXECUTION_RATE

TEST(ExecutionRate, ActualOverForecast) {
    EXPECT_NEAR(cpom::execution_rate(1'940'000, 2'000'000), 0.97, 1e-15);  // 1 940 000 / 2 000 000
    EXPECT_NEAR(cpom::execution_rate(2'100'000, 2'000'000), 1.05, 1e-15);  // overrun shown as is
    EXPECT_EQ(failing_argument([] { cpom::execution_rate(1'940'000, 0); }), "forecast");
    EXPECT_EQ(failing_argument([] { cpom::execution_rate(1'940'000, -2'000'000); }), "forecast");
    EXPECT_EQ(failing_argument([] { cpom::execution_rate(-1, 2'000'000); }), "actual");
    EXPECT_EQ(explain("CPOM_EXECUTION_RATE", {num(1'940'000), num(0)}),
              "prévu : doit être strictement positif (reçu 0)");
    EXPECT_EQ(explain("CPOM_EXECUTION_RATE", {blank(), num(2'000'000)}),
              "réalisé : valeur manquante (cellule vide ou argument omis)");
}

// ---------------------------------------------------------------- CPOM_STATUS

TEST(Status, CloserIsBetterByDefault) {
    // Target 100, tolerance 5 %: |deviation| ≤ 5 → OK, ≤ 10 → VIGILANCE, beyond → ALERTE, on either side.
    EXPECT_EQ(cpom::status(103, 100, 0.05), Status::Ok);
    EXPECT_EQ(cpom::status(97, 100, 0.05), Status::Ok);
    EXPECT_EQ(cpom::status(107, 100, 0.05), Status::Vigilance);
    EXPECT_EQ(cpom::status(93, 100, 0.05), Status::Vigilance);
    EXPECT_EQ(cpom::status(111, 100, 0.05), Status::Alert);
    EXPECT_EQ(cpom::status(89, 100, 0.05), Status::Alert);
}

TEST(Status, HigherIsBetter) {
    // Occupancy target 0.95: 1.10 is above (always OK); 0.88 is 0.07 / 0.95 = 7.4 % short → VIGILANCE;
    // 0.80 is 0.15 / 0.95 = 15.8 % short → ALERTE.
    EXPECT_EQ(cpom::status(1.10, 0.95, 0.05, Direction::HigherIsBetter), Status::Ok);
    EXPECT_EQ(cpom::status(0.93, 0.95, 0.05, Direction::HigherIsBetter), Status::Ok);
    EXPECT_EQ(cpom::status(0.88, 0.95, 0.05, Direction::HigherIsBetter), Status::Vigilance);
    EXPECT_EQ(cpom::status(0.80, 0.95, 0.05, Direction::HigherIsBetter), Status::Alert);
}

TEST(Status, LowerIsBetter) {
    // Absenteeism target 8 %: 5 % is below (always OK, even 37.5 % away); 8.6 % is 7.5 % above → VIGILANCE;
    // 10 % is 25 % above → ALERTE.
    EXPECT_EQ(cpom::status(0.05, 0.08, 0.05, Direction::LowerIsBetter), Status::Ok);
    EXPECT_EQ(cpom::status(0.086, 0.08, 0.05, Direction::LowerIsBetter), Status::Vigilance);
    EXPECT_EQ(cpom::status(0.10, 0.08, 0.05, Direction::LowerIsBetter), Status::Alert);
}

TEST(Status, ExactlyOnABoundaryGetsTheKinderStatus) {
    // 95 vs 100 at 5 %: exactly the tolerance → OK; 90: exactly twice → VIGILANCE; 89.99 → ALERTE.
    EXPECT_EQ(cpom::status(95, 100, 0.05, Direction::HigherIsBetter), Status::Ok);
    EXPECT_EQ(cpom::status(94.99, 100, 0.05, Direction::HigherIsBetter), Status::Vigilance);
    EXPECT_EQ(cpom::status(90, 100, 0.05, Direction::HigherIsBetter), Status::Vigilance);
    EXPECT_EQ(cpom::status(89.99, 100, 0.05, Direction::HigherIsBetter), Status::Alert);
    // Decimal figures whose binary deviation lands just above the boundary: (0.315 − 0.3) / 0.3 computes as
    // 0.050000000000000044 and (0.33 − 0.3) / 0.3 as 0.10000000000000009; typed on the boundary, they are on it.
    EXPECT_EQ(cpom::status(0.315, 0.3, 0.05), Status::Ok);
    EXPECT_EQ(cpom::status(0.285, 0.3, 0.05), Status::Ok);
    EXPECT_EQ(cpom::status(0.33, 0.3, 0.05), Status::Vigilance);
    // Tolerance 0: on target OK, any miss is beyond twice 0 → ALERTE.
    EXPECT_EQ(cpom::status(100, 100, 0), Status::Ok);
    EXPECT_EQ(cpom::status(100.5, 100, 0), Status::Alert);
}

TEST(Status, NegativeTargetUsesItsSize) {
    // Target deficit −100 (higher is better): −90 is 10 above → OK; −110 is 10 / 100 = 10 % short → VIGILANCE.
    EXPECT_EQ(cpom::status(-90, -100, 0.05, Direction::HigherIsBetter), Status::Ok);
    EXPECT_EQ(cpom::status(-110, -100, 0.05, Direction::HigherIsBetter), Status::Vigilance);
}

TEST(Status, RejectsUndefinedTolerances) {
    EXPECT_EQ(failing_argument([] { cpom::status(0.9, 0, 0.05); }), "target");
    EXPECT_EQ(failing_argument([] { cpom::status(0.9, 0.95, -0.05); }), "tolerance");
    EXPECT_EQ(failing_argument([] { cpom::status(not_a_number, 0.95, 0.05); }), "actual");
    EXPECT_EQ(failing_argument([] { cpom::status(0.9, not_a_number, 0.05); }), "target");
}

TEST(StatusCall, TextsDefaultsAndBlanks) {
    EXPECT_EQ(std::get<std::string>(call("CPOM_STATUS", {num(0.93), num(0.95), num(0.05)})), "OK");
    EXPECT_EQ(std::get<std::string>(call("CPOM_STATUS", {num(0.88), num(0.95), num(0.05), num(1)})), "VIGILANCE");
    EXPECT_EQ(std::get<std::string>(call("CPOM_STATUS", {num(0.10), num(0.08), num(0.05), num(-1)})), "ALERTE");
    // Blank direction → 0 (closer is better): 1.10 vs 0.95 is 15.8 % away → ALERTE.
    EXPECT_EQ(std::get<std::string>(call("CPOM_STATUS", {num(1.10), num(0.95), num(0.05), blank()})), "ALERTE");
    // A blank actual is an error in the engine, never a status (Calc itself sends a lone empty cell as 0: the
    // function notes tell the user to guard with ESTVIDE).
    EXPECT_EQ(explain("CPOM_STATUS", {blank(), num(0.95), num(0.05)}),
              "réalisé : valeur manquante (cellule vide ou argument omis)");
    EXPECT_EQ(explain("CPOM_STATUS", {num(0.9), num(0.95), num(0.05), num(2)}),
              "sens : doit être un entier entre -1 et 1 (reçu 2)");
    EXPECT_EQ(explain("CPOM_STATUS", {num(0.9), num(0), num(0.05)}).rfind("cible : la cible est nulle", 0), 0u);
    EXPECT_THROW(call("CPOM_STATUS", {num(0.9), num(0.95), Arg::scalar(std::string("5 %"))}), ArgumentError);
}

TEST(StatusText, StableTexts) {
    EXPECT_EQ(cpom::status_text(Status::Ok), "OK");
    EXPECT_EQ(cpom::status_text(Status::Vigilance), "VIGILANCE");
    EXPECT_EQ(cpom::status_text(Status::Alert), "ALERTE");
}

}  // namespace
