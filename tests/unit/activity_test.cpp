// CPOM_OCCUPANCY, CPOM_ACTIVITY_RATE, CPOM_UNIT_COST, CPOM_DAY_PRICE: published examples (docs/domain.md#examples)
// and hand computations written out in the comments; bad inputs through the engine and through cpom::calls::call.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "cpom/activity.hpp"
#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;

using cpom::ArgumentError;
using cpom::calls::Arg;
using cpom::calls::call;
using cpom::calls::Empty;
using cpom::calls::explain;

double number(const cpom::calls::Value& v) { return std::get<double>(v); }

TEST(Occupancy, PublishedGenericExample) {
    // docs/domain.md#example-occupancy: 32 000 days / 36 500 available days = 0.8767 (rounded in the source).
    // 36 500 = 100 places × 365 days; 32 000 / 36 500 = 64 / 73 = 0.876712328767...
    const double rate = cpom::occupancy(32'000, 100);
    EXPECT_NEAR(rate, 0.876712328767, 1e-12);
    EXPECT_NEAR(rate, 0.8767, 5e-5);
}

TEST(Occupancy, ShortAbsencesCountAsRealised) {
    // ERRD / R314-160: (28 000 + 500) / (80 × 365) = 28 500 / 29 200 = 0.976027397260...
    EXPECT_NEAR(cpom::occupancy(28'000, 80, 365, 500), 0.976027397260274, 1e-12);
}

TEST(Occupancy, OpeningDaysAndOverActivity) {
    // Accueil de jour open 250 days, 10 places: 2 750 days / 2 500 = 1.10 (over-activity is shown, not capped).
    EXPECT_NEAR(cpom::occupancy(2'750, 10, 250), 1.10, 1e-12);
    // Leap year: 36 600 / (100 × 366) = 1.
    EXPECT_DOUBLE_EQ(cpom::occupancy(36'600, 100, 366), 1.0);
}

TEST(Occupancy, RejectsImpossibleInputs) {
    EXPECT_EQ(failing_argument([] { cpom::occupancy(32'000, 0); }), "capacity");
    EXPECT_EQ(failing_argument([] { cpom::occupancy(32'000, -5); }), "capacity");
    EXPECT_EQ(failing_argument([] { cpom::occupancy(-1, 100); }), "days");
    EXPECT_EQ(failing_argument([] { cpom::occupancy(not_a_number, 100); }), "days");
    EXPECT_EQ(failing_argument([] { cpom::occupancy(32'000, 100, 0); }), "opening_days");
    EXPECT_EQ(failing_argument([] { cpom::occupancy(32'000, 100, 367); }), "opening_days");
    EXPECT_EQ(failing_argument([] { cpom::occupancy(32'000, 100, 365.5); }), "opening_days");
    EXPECT_EQ(failing_argument([] { cpom::occupancy(32'000, 100, 365, -10); }), "short_absences");
}

TEST(OccupancyCall, BlankOptionalsTakeTheirDefaultsBlankRequiredIsAnError) {
    // Blank opening_days → 365, blank short_absences → 0: 32 000 / 36 500 again.
    EXPECT_NEAR(number(call("CPOM_OCCUPANCY", {num(32'000), num(100), blank(), blank()})), 0.876712328767, 1e-12);
    EXPECT_NEAR(number(call("CPOM_OCCUPANCY", {num(32'000), num(100)})), 0.876712328767, 1e-12);
    EXPECT_EQ(explain("CPOM_OCCUPANCY", {blank(), num(100)}),
              "journées : valeur manquante (cellule vide ou argument omis)");
    EXPECT_EQ(explain("CPOM_OCCUPANCY", {num(32'000), num(0)}), "capacité : doit être strictement positif (reçu 0)");
    EXPECT_EQ(explain("CPOM_OCCUPANCY", {num(32'000), text("cent")}),
              "capacité : un nombre est attendu, pas le texte « cent »");
    EXPECT_THROW(call("CPOM_OCCUPANCY", {num(32'000), Arg::row({100, 80})}), ArgumentError);
    EXPECT_THROW(call("CPOM_OCCUPANCY", {num(32'000), num(100), num(400)}), ArgumentError);
}

TEST(ActivityRate, RealisedOverFinanced) {
    // 27 375 / 28 470 = (75 × 365) / (78 × 365) = 75 / 78 = 0.961538461538...
    EXPECT_NEAR(cpom::activity_rate(27'375, 28'470), 0.961538461538, 1e-12);
    // Over-activity: 29 200 / 28 470 = 80 / 78 = 1.025641025641...
    EXPECT_NEAR(cpom::activity_rate(29'200, 28'470), 1.025641025641, 1e-12);
    EXPECT_EQ(failing_argument([] { cpom::activity_rate(27'375, 0); }), "financed_days");
    EXPECT_EQ(failing_argument([] { cpom::activity_rate(-1, 28'470); }), "realised_days");
    EXPECT_EQ(explain("CPOM_ACTIVITY_RATE", {num(27'375), blank()}),
              "journées financées : valeur manquante (cellule vide ou argument omis)");
}

TEST(UnitCost, PerPlacePerDayPerPerson) {
    EXPECT_DOUBLE_EQ(cpom::unit_cost(2'500'000, 80), 31'250);  // 2 500 000 / 80
    // (2 500 000 − 150 000) / 28 000 = 2 350 000 / 28 000 = 83.928571428571...
    EXPECT_NEAR(cpom::unit_cost(2'500'000, 28'000, 150'000), 83.928571428571, 1e-9);
    EXPECT_DOUBLE_EQ(cpom::unit_cost(150'000, 80, 150'000), 0.0);  // fully covered: cost 0 is allowed
}

TEST(UnitCost, PublishedCostOfOneOccupancyPoint) {
    // docs/domain.md#example-to-point: 63.50 €/day × 365 = 23 177.50 € per place; 81 beds.
    // Full-year receipts = 63.50 × 365 × 81 = 1 877 377.50 €, so the unit cost per place is 23 177.50 €.
    const double per_place = cpom::unit_cost(1'877'377.5, 81);
    EXPECT_NEAR(per_place, 23'177.50, 1e-9);
    // One point of occupancy: from 100 % (81 × 365 = 29 565 days) to 99 % (29 269.35 days).
    const double one_point = cpom::occupancy(29'565, 81) - cpom::occupancy(29'269.35, 81);
    EXPECT_NEAR(one_point, 0.01, 1e-12);
    const double per_place_per_point = per_place * one_point;  // 231.775 €
    EXPECT_NEAR(per_place_per_point, 231.775, 1e-8);
    EXPECT_NEAR(per_place_per_point * 81, 18'773.775, 1e-6);  // exact value
    // The source rounds 231.775 to 232 € before multiplying: 232 × 81 = 18 792 €.
    EXPECT_DOUBLE_EQ(std::round(per_place_per_point) * 81, 18'792);

    // Same source, non-habilité price 95.60 €/day: 95.60 × 365 = 34 894 €/place; 348.94 €/point;
    // × 81 = 28 264.14 € exact, source 349 × 81 = 28 269 €.
    const double per_place_nh = cpom::unit_cost(95.60 * 365 * 81, 81);
    EXPECT_NEAR(per_place_nh, 34'894, 1e-8);
    EXPECT_NEAR(per_place_nh * one_point * 81, 28'264.14, 1e-6);
    EXPECT_DOUBLE_EQ(std::round(per_place_nh * one_point) * 81, 28'269);
}

TEST(UnitCost, RejectsImpossibleInputs) {
    EXPECT_EQ(failing_argument([] { cpom::unit_cost(2'500'000, 0); }), "units");
    EXPECT_EQ(failing_argument([] { cpom::unit_cost(2'500'000, -80); }), "units");
    EXPECT_EQ(failing_argument([] { cpom::unit_cost(-1, 80); }), "charges");
    EXPECT_EQ(failing_argument([] { cpom::unit_cost(100'000, 80, 120'000); }), "deductible");
    EXPECT_EQ(failing_argument([] { cpom::unit_cost(100'000, 80, -1); }), "deductible");
    EXPECT_EQ(failing_argument([] { cpom::unit_cost(100'000, not_a_number); }), "units");
}

TEST(UnitCostCall, BlankDeductibleIsZero) {
    EXPECT_DOUBLE_EQ(number(call("CPOM_UNIT_COST", {num(2'500'000), num(80), blank()})), 31'250);
    EXPECT_EQ(explain("CPOM_UNIT_COST", {num(100'000), num(80), num(120'000)}),
              "déductions : le montant déduit (120000) dépasse les charges à couvrir (100000) : un coût négatif n'a "
              "pas de sens, vérifier les montants et leurs signes");
    EXPECT_EQ(explain("CPOM_UNIT_COST", {num(100'000), blank()}),
              "unités : valeur manquante (cellule vide ou argument omis)");
}

TEST(DayPrice, ResultCarrySignConvention) {
    // (2 500 000 − 150 000) / 28 000 = 83.928571428571...
    EXPECT_NEAR(cpom::day_price(2'500'000, 150'000, 28'000), 83.928571428571, 1e-9);
    // Deficit of 50 000 added: 2 400 000 / 28 000 = 85.714285714285...
    EXPECT_NEAR(cpom::day_price(2'500'000, 150'000, 28'000, -50'000), 85.714285714285, 1e-9);
    // Surplus of 70 000 taken back: 2 280 000 / 28 000 = 81.428571428571...
    EXPECT_NEAR(cpom::day_price(2'500'000, 150'000, 28'000, 70'000), 81.428571428571, 1e-9);
}

TEST(DayPrice, RejectsNegativePricesAndZeroDays) {
    EXPECT_EQ(failing_argument([] { cpom::day_price(2'500'000, 150'000, 0); }), "units");
    EXPECT_EQ(failing_argument([] { cpom::day_price(100'000, 150'000, 28'000); }), "other_products");
    EXPECT_EQ(failing_argument([] { cpom::day_price(100'000, -1, 28'000); }), "other_products");
    // Net charges 50 000, surplus taken back 60 000: a negative price.
    EXPECT_EQ(failing_argument([] { cpom::day_price(100'000, 50'000, 28'000, 60'000); }), "result_carry");
    EXPECT_EQ(failing_argument([] { cpom::day_price(100'000, 50'000, 28'000, not_a_number); }), "result_carry");
}

TEST(DayPriceCall, BlankCarryIsZeroBlankProductsAreAnError) {
    EXPECT_NEAR(number(call("CPOM_DAY_PRICE", {num(2'500'000), num(150'000), num(28'000), blank()})), 83.928571428571,
                1e-9);
    // other_products is required: a blank is a missing figure, not 0.
    EXPECT_EQ(explain("CPOM_DAY_PRICE", {num(2'500'000), blank(), num(28'000)}),
              "autres produits : valeur manquante (cellule vide ou argument omis)");
    EXPECT_THROW(call("CPOM_DAY_PRICE", {num(2'500'000), text("0"), num(28'000)}), ArgumentError);
}

}  // namespace
