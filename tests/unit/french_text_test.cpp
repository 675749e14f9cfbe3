// CPOM_TEXT: numbers written the French way in sentences, against the renderings of LibreOffice's fr-FR cells
// (thousands separated by U+00A0, decimal comma, half away from zero on the displayed digits).
#include <gtest/gtest.h>

#include <string>

#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cpom/french_text.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;
using cpom::french_number;

TEST(FrenchNumber, ThousandsDecimalCommaAndRounding) {
    EXPECT_EQ(french_number(980'000, 0), with_french_spaces("980_000"));
    EXPECT_EQ(french_number(87'647.9064, 0), with_french_spaces("87_648"));
    EXPECT_EQ(french_number(1.1120057, 2), "1,11");
    EXPECT_EQ(french_number(-1'234'567.891, 2), with_french_spaces("-1_234_567,89"));
    EXPECT_EQ(french_number(999.996, 2), with_french_spaces("1_000,00"));  // the carry crosses the thousands
    EXPECT_EQ(french_number(0.5, 0), "1");                                 // half away from zero, as ROUND
    EXPECT_EQ(french_number(-0.5, 0), "-1");
    EXPECT_EQ(french_number(2.5, 0), "3");
    EXPECT_EQ(french_number(0.0111, 2), "0,01");
    EXPECT_EQ(french_number(123, 3), "123,000");
    EXPECT_EQ(french_number(0, 2), "0,00");
    EXPECT_EQ(french_number(-0.004, 2), "0,00");  // never "-0,00"
    EXPECT_EQ(french_number(1e15, 0), with_french_spaces("1_000_000_000_000_000"));
}

TEST(FrenchNumber, RoundsTheDigitsCalcShowsNotTheBinaryValue) {
    // 1,005 is stored as 1.00499999999999989…: a cell with 2 decimals shows 1,01, and so does CPOM_TEXT.
    EXPECT_EQ(french_number(1.005, 2), "1,01");
    EXPECT_EQ(french_number(2.675, 2), "2,68");
    EXPECT_EQ(french_number(0.1 + 0.2, 15 - 14), "0,3");
}

TEST(FrenchNumber, ShortestWritingWithoutDecimals) {
    EXPECT_EQ(french_number(0.024 * 100), "2,4");  // 2.4000000000000004
    EXPECT_EQ(french_number(1'200), with_french_spaces("1_200"));
    EXPECT_EQ(french_number(0.0002 * 100), "0,02");
    EXPECT_EQ(french_number(-12), "-12");
    EXPECT_EQ(french_number(1'667'686.75), with_french_spaces("1_667_686,75"));
    EXPECT_EQ(french_number(1.0 / 3), "0,3333333333");
}

TEST(FrenchNumber, BadInputsNameTheArgument) {
    EXPECT_EQ(failing_argument([] { french_number(not_a_number, 0); }), "value");
    EXPECT_EQ(failing_argument([] { french_number(1, 11); }), "decimals");
    EXPECT_EQ(failing_argument([] { french_number(1, -1); }), "decimals");
}

TEST(TextCall, UnitAfterANoBreakSpace) {
    const auto text = [](cpom::calls::Args args) {
        return std::get<std::string>(cpom::calls::call("CPOM_TEXT", args));
    };
    EXPECT_EQ(text({num(980'000), num(0), ::cpom::test::text("€")}), with_french_spaces("980_000_€"));
    EXPECT_EQ(text({num(1.1120057), num(2), ::cpom::test::text("%")}), with_french_spaces("1,11_%"));
    EXPECT_EQ(text({num(10'000), num(0), ::cpom::test::text("scénarios")}), with_french_spaces("10_000_scénarios"));
    EXPECT_EQ(text({num(2.4), blank(), blank()}), "2,4");
    EXPECT_EQ(cpom::calls::explain("CPOM_TEXT", {::cpom::test::text("980 000")}),
              "valeur : un nombre est attendu, pas le texte « 980 000 »");
    EXPECT_EQ(cpom::calls::explain("CPOM_TEXT", {num(1), num(2.5)}),
              "décimales : doit être un entier entre 0 et 10 (reçu 2,5)");
}

}  // namespace
