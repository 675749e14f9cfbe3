// CPOM_ABSENTEEISM_RATE, CPOM_TURNOVER (ANAP definitions, docs/domain.md#hr) against hand computations.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cpom/hr.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;

using cpom::ArgumentError;
using cpom::calls::Arg;
using cpom::calls::call;
using cpom::calls::Empty;
using cpom::calls::explain;

TEST(AbsenteeismRate, CalendarDaysOverFteTimes365) {
    // 1 460 / (50 × 365) = 1 460 / 18 250 = 0.08.
    EXPECT_NEAR(cpom::absenteeism_rate(1'460, 50), 0.08, 1e-15);
    // Leap year: 1 460 / (50 × 366) = 1 460 / 18 300 = 0.079781420765...
    EXPECT_NEAR(cpom::absenteeism_rate(1'460, 50, 366), 0.079781420765, 1e-12);
    // Part-time FTE: 73 / (0.5 × 365) = 0.4.
    EXPECT_NEAR(cpom::absenteeism_rate(73, 0.5), 0.4, 1e-15);
}

TEST(AbsenteeismRate, RejectsImpossibleInputs) {
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_rate(1'460, 0); }), "fte");
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_rate(1'460, -50); }), "fte");
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_rate(-1, 50); }), "absence_days");
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_rate(std::numeric_limits<double>::quiet_NaN(), 50); }),
              "absence_days");
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_rate(1'460, 50, 0); }), "days");
    EXPECT_EQ(failing_argument([] { cpom::absenteeism_rate(1'460, 50, 367); }), "days");
}

TEST(AbsenteeismRateCall, BlankDaysIs365BlankFteIsAnError) {
    EXPECT_NEAR(std::get<double>(call("CPOM_ABSENTEEISM_RATE", {num(1'460), num(50), blank()})), 0.08, 1e-15);
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_RATE", {num(1'460), blank()}),
              "ETP : valeur manquante (cellule vide ou argument omis)");
    EXPECT_EQ(explain("CPOM_ABSENTEEISM_RATE", {num(1'460), num(0)}), "ETP : doit être strictement positif (reçu 0)");
    EXPECT_THROW(call("CPOM_ABSENTEEISM_RATE", {num(1'460), Arg::scalar(std::string("50 ETP"))}), ArgumentError);
}

TEST(Turnover, AverageOfEntryAndExitRates) {
    // (12 / 80 + 8 / 80) / 2 = (0.15 + 0.10) / 2 = 0.125.
    EXPECT_DOUBLE_EQ(cpom::turnover(12, 8, 80), 0.125);
    // No movement: 0.
    EXPECT_DOUBLE_EQ(cpom::turnover(0, 0, 80), 0.0);
    // (3 / 4 + 5 / 4) / 2 = 1: more movements than staff are possible on a small team.
    EXPECT_DOUBLE_EQ(cpom::turnover(3, 5, 4), 1.0);
}

TEST(Turnover, CountsAreWholeNumbersOfPersons) {
    EXPECT_EQ(failing_argument([] { cpom::turnover(12, 8, 0); }), "headcount_prev");
    EXPECT_EQ(failing_argument([] { cpom::turnover(12, 8, 79.5); }), "headcount_prev");
    EXPECT_EQ(failing_argument([] { cpom::turnover(-1, 8, 80); }), "entries");
    EXPECT_EQ(failing_argument([] { cpom::turnover(12, 2.5, 80); }), "exits");
    EXPECT_EQ(explain("CPOM_TURNOVER", {num(12), num(8), num(79.5)}),
              "effectif précédent : un nombre entier de personnes, au moins 1, est attendu (reçu 79,5) ; l'effectif se "
              "compte en personnes physiques, pas en ETP");
    EXPECT_EQ(explain("CPOM_TURNOVER", {num(12), blank(), num(80)}),
              "sorties : valeur manquante (cellule vide ou argument omis)");
    EXPECT_DOUBLE_EQ(std::get<double>(call("CPOM_TURNOVER", {num(12), num(8), num(80)})), 0.125);
}

}  // namespace
