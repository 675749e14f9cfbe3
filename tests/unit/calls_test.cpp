// The call layer: arity, argument names in errors, blank and text cells, several establishments, CPOM_CHECK.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;

using cpom::ArgumentError;
using namespace cpom::calls;

TEST(Call, ProjectsThroughTheTable) {
    const Matrix m = matrix_of(call("CPOM_PROJECT", {num(1000), num(0.1), num(2)}));
    EXPECT_EQ(m.rows, 1u);
    ASSERT_EQ(m.cols, 2u);
    EXPECT_NEAR(m.values[0], 1100, 1e-9);  // 1000 × 1.1
    EXPECT_NEAR(m.values[1], 1210, 1e-9);  // 1100 × 1.1
}

TEST(Call, NamesAreCaseInsensitive) { EXPECT_NO_THROW(call(" cpom_project ", {num(1000), num(0.1), num(2)})); }

TEST(Call, SeveralEstablishmentsAtOnce) {
    // Bases 100 and 200 (a column), rates per establishment: 100 → 110 → 121; 200 → 220 → 242.
    const Arg bases = Arg::block(2, 1, {100.0, 200.0});
    const Arg rates = Arg::block(2, 2, {0.1, 0.1, 0.1, 0.1});
    const Matrix m = matrix_of(call("CPOM_PROJECT", {bases, rates, num(2)}));
    EXPECT_EQ(m.rows, 2u);
    EXPECT_NEAR(m.at(0, 1), 121, 1e-9);
    EXPECT_NEAR(m.at(1, 1), 242, 1e-9);
}

TEST(Call, SharedRowForAllEstablishments) {
    const Arg bases = Arg::block(2, 1, {100.0, 200.0});
    const Matrix m = matrix_of(call("CPOM_PROJECT", {bases, Arg::row({0.1, 0.2}), num(2)}));
    EXPECT_NEAR(m.at(0, 1), 132, 1e-9);  // 100 × 1.1 × 1.2
    EXPECT_NEAR(m.at(1, 1), 264, 1e-9);
}

TEST(Call, ColumnIsARowForOneEstablishment) {
    const Arg rates = Arg::block(3, 1, {0.1, 0.1, 0.1});
    const Matrix m = matrix_of(call("CPOM_PROJECT", {num(1000), rates, num(3)}));
    EXPECT_EQ(m.cols, 3u);
    EXPECT_NEAR(m.values[2], 1331, 1e-9);
}

TEST(Call, GapModesAndSharedResources) {
    const Arg charges = Arg::block(2, 2, {100.0, 110.0, 200.0, 220.0});
    const Matrix cumulative = matrix_of(call("CPOM_GAP", {charges, Arg::row({90, 100}), num(1)}));
    EXPECT_EQ(cumulative.values, (std::vector<double>{10, 20, 110, 230}));
}

// The optional last argument `which_year`: one year in an ordinary cell, where Calc would otherwise show year 1
// of the array silently (issue 18).
TEST(Call, ProjectionOfOneYear) {
    const Value one =
        call("CPOM_PROJECT", {num(1000), num(0.1), num(3), Arg::omitted(), Arg::omitted(), Arg::omitted(), num(3)});
    EXPECT_EQ(matrix_of(one).values, (std::vector<double>{1331}));  // 1000 × 1.1³, not year 1's 1100
    // Two establishments: year 2 of each, as a column (100 × 1.1² = 121; 200 × 1.1² = 242).
    const Matrix both = matrix_of(call("CPOM_PROJECT", {Arg::block(2, 1, {100.0, 200.0}), num(0.1), num(2),
                                                        Arg::omitted(), Arg::omitted(), Arg::omitted(), num(2)}));
    EXPECT_EQ(both.rows, 2u);
    EXPECT_EQ(both.cols, 1u);
    EXPECT_NEAR(both.at(0, 0), 121, 1e-9);
    EXPECT_NEAR(both.at(1, 0), 242, 1e-9);
    // A blank single cell reaches the add-in as omitted: every year.
    EXPECT_EQ(matrix_of(call("CPOM_PROJECT",
                             {num(1000), num(0.1), num(3), Arg::omitted(), Arg::omitted(), Arg::omitted(), blank()}))
                  .cols,
              3u);
}

TEST(Call, YearOutsideTheContractIsAnError) {
    const auto project_year = [](double year) {
        return explain("CPOM_PROJECT",
                       {num(1000), num(0.1), num(3), Arg::omitted(), Arg::omitted(), Arg::omitted(), num(year)});
    };
    EXPECT_EQ(project_year(4), "année voulue : doit être un entier entre 1 et 3 (reçu 4)");
    EXPECT_EQ(project_year(0), "année voulue : doit être un entier entre 1 et 3 (reçu 0)");  // a blank cell typed as B1
    EXPECT_NE(project_year(1.5).find("entier"), std::string::npos);
}

TEST(Call, GapOfOneYear) {
    // Gaps 0, 5, 13; cumulative 0, 5, 18.
    const Arg charges = Arg::row({100, 110, 121});
    const Arg resources = Arg::row({100, 105, 108});
    EXPECT_EQ(matrix_of(call("CPOM_GAP", {charges, resources, Arg::omitted(), num(3)})).values,
              (std::vector<double>{13}));
    EXPECT_EQ(matrix_of(call("CPOM_GAP", {charges, resources, num(1), num(3)})).values, (std::vector<double>{18}));
    EXPECT_EQ(explain("CPOM_GAP", {charges, resources, num(1), num(4)}),
              "année voulue : doit être un entier entre 1 et 3 (reçu 4)");
}

TEST(Call, ExhaustionYearPerRow) {
    const Arg gaps = Arg::block(2, 3, {10.0, 10.0, 10.0, 40.0, 40.0, 40.0});
    const Matrix years = matrix_of(call("CPOM_EXHAUSTION_YEAR", {gaps, Arg::block(2, 1, {25.0, 50.0})}));
    EXPECT_EQ(years.values, (std::vector<double>{3, 2}));  // 30 > 25 in year 3; 80 > 50 in year 2
}

TEST(Call, ErrorsNameTheArgument) {
    EXPECT_EQ(explain("CPOM_PROJECT", {num(1000), Arg::row({0.02, 0.02}), num(3)}),
              "taux : la plage a 2 valeurs, 3 attendues (une par année)");
    EXPECT_EQ(explain("CPOM_PROJECT", {blank(), num(0.02), num(3)}),
              "base : valeur manquante (cellule vide ou argument omis)");
    EXPECT_EQ(explain("CPOM_PROJECT", {num(1000), num(0.02), text("cinq")}),
              "années : un nombre est attendu, pas le texte « cinq »");
    EXPECT_EQ(explain("CPOM_PROJECT", {num(1000), num(0.02), num(3)}), "OK");
    EXPECT_EQ(explain("CPOM_NOPE", {}), "fonction inconnue : « CPOM_NOPE »");
}

TEST(Call, TextAndBlankCellsInsideRanges) {
    const Arg with_text = Arg::block(1, 3, {0.02, std::string("deux"), 0.02});
    EXPECT_EQ(explain("CPOM_PROJECT", {num(1000), with_text, num(3)}),
              "taux : la cellule n° 2 contient du texte (« deux ») : un nombre est attendu");
    const Arg with_blank = Arg::block(1, 3, {0.02, Empty{}, 0.02});
    EXPECT_NE(explain("CPOM_PROJECT", {num(1000), with_blank, num(3)}).find("est vide"), std::string::npos);
    // A blank in the permanent measures means "no measure that year" (blank rule "zero" in the metadata).
    const Arg permanent = Arg::block(1, 2, {Empty{}, 100.0});
    const Matrix m = matrix_of(call("CPOM_PROJECT", {num(1000), num(0), num(2), Arg::omitted(), permanent}));
    EXPECT_EQ(m.values, (std::vector<double>{1000, 1100}));
}

TEST(Call, ArityIsChecked) {
    EXPECT_THROW(call("CPOM_PROJECT", {num(1000), num(0.02)}), ArgumentError);            // years missing
    EXPECT_THROW(call("CPOM_GAP", {num(1), num(1), num(0), num(1), num(4)}), CallError);  // one too many
}

TEST(Call, NonFiniteInputsAndResultsAreErrors) {
    const double not_a_number = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(call("CPOM_PROJECT", {num(not_a_number), num(0.02), num(3)}), ArgumentError);
    EXPECT_THROW(call("CPOM_PROJECT", {num(1e308), num(1), num(30)}), cpom::ResultError);  // overflows to +Inf
}

TEST(Call, CheckPassesItsArgumentsOn) {
    const Value v = call("CPOM_CHECK", {text("CPOM_PROJECT"), num(1000), num(0.02), num(31)});
    EXPECT_EQ(std::get<std::string>(v), "années : doit être un entier entre 1 et 30 (reçu 31)");
}

TEST(Call, VersionNamesTheProduct) {
    EXPECT_EQ(std::get<std::string>(call("CPOM_VERSION", {})).rfind("cpom-calc ", 0), 0u);
}

}  // namespace

namespace {

using namespace cpom::test;
using cpom::calls::Arg;
using cpom::calls::Matrix;

TEST(Scissor, EqualsTheFiveSeparateCalls) {
    // Three establishments, 4 years: the combined table must be, column block by column block, what CPOM_PROJECT,
    // CPOM_GAP (modes 0 and 1) and CPOM_EXHAUSTION_YEAR give separately.
    const Arg charges = block(3, 1, {1'000'000, 2'500'000, 700'000});
    const Arg charge_rates = block(3, 4, {0.03, 0.025, 0.02, 0.02, 0.01, 0.01, 0.04, 0.03, 0.02, 0.02, 0.02, 0.02});
    const Arg resources = block(3, 1, {990'000, 2'600'000, 690'000});
    const Arg campaign = block(1, 4, {0.015, 0.012, 0.01, 0.02});
    const Arg reserves = block(3, 1, {20'000, 0, 50'000});
    const Matrix table = matrix_of(
        cpom::calls::call("CPOM_SCISSOR", {charges, charge_rates, resources, campaign, num(4), num(0.012), reserves}));
    const Matrix c = matrix_of(cpom::calls::call("CPOM_PROJECT", {charges, charge_rates, num(4)}));
    const Matrix r = matrix_of(cpom::calls::call("CPOM_PROJECT", {resources, campaign, num(4), num(0.012)}));
    const Arg c_arg = block(3, 4, c.values), r_arg = block(3, 4, r.values);
    const Matrix gap = matrix_of(cpom::calls::call("CPOM_GAP", {c_arg, r_arg}));
    const Matrix running = matrix_of(cpom::calls::call("CPOM_GAP", {c_arg, r_arg, num(1)}));
    const Matrix years = matrix_of(cpom::calls::call("CPOM_EXHAUSTION_YEAR", {block(3, 4, gap.values), reserves}));
    ASSERT_EQ(table.rows, 3u);
    ASSERT_EQ(table.cols, 17u);
    for (std::size_t k = 0; k < 3; ++k) {
        for (std::size_t t = 0; t < 4; ++t) {
            EXPECT_DOUBLE_EQ(table.at(k, t), c.at(k, t));
            EXPECT_DOUBLE_EQ(table.at(k, 4 + t), r.at(k, t));
            EXPECT_DOUBLE_EQ(table.at(k, 8 + t), gap.at(k, t));
            EXPECT_DOUBLE_EQ(table.at(k, 12 + t), running.at(k, t));
        }
        EXPECT_EQ(table.at(k, 16), years.at(k, 0));
    }
}

TEST(Scissor, BasesMustPair) {
    EXPECT_EQ(cpom::calls::explain("CPOM_SCISSOR", {block(2, 1, {1, 2}), num(0.1), num(1), num(0), num(1)}),
              "ressources base : autant de montants que charges base sont attendus (2, reçu 1)");
}

}  // namespace
