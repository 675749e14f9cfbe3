// CPOM_VALIDATE: the French reasons an input cell cannot be used (issue 12, 3.2) and the warnings on rates typed
// a hundred times too small (issue 18, item 1), through the engine and through the adapter.
#include <gtest/gtest.h>

#include <string>

#include "cpom/calls/call_args.hpp"
#include "cpom/french_text.hpp"
#include "cpom/input_check.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;
using cpom::InputKind;
using cpom::InputRule;
using cpom::InputValue;
using cpom::calls::Arg;
using cpom::calls::Cell;
using cpom::calls::Empty;


InputRule rate(double lo, double hi, bool blank = false) { return {InputKind::Rate, lo, hi, blank}; }

TEST(InputError, RatesTypedAsPercentagesTextsAndBlanks) {
    // A cap of 12 (from a data file or a paste) is 1 200 %: without a check it caps nothing.
    EXPECT_EQ(cpom::input_error(InputValue{12.0}, rate(-0.05, 0.1, true), "Plafond"),
              with_french_spaces("Plafond : 1_200_% : probablement 12_% saisi sans le signe % (saisir 12_%) ; "
                                 "limites : de -5_% à 10_%"));
    // A text in a rate: Calc compares it above every number and the cap would apply instead.
    EXPECT_EQ(cpom::input_error(InputValue{std::string("un pour cent")}, rate(-0.05, 0.2), "Taux 2027"),
              "Taux 2027 : « un pour cent » n'est pas un nombre");
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, rate(-0.05, 0.2), "Taux 2027"),
              "Taux 2027 : cellule vide, une valeur est attendue");
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, rate(-0.05, 0.1, true), "Plafond"), "");
    EXPECT_EQ(cpom::input_error(InputValue{0.012}, rate(-0.05, 0.1), "Plafond"), "");
    EXPECT_EQ(cpom::input_error(InputValue{0.1}, rate(-0.05, 0.1), "Plafond"), "");  // bounds included
    EXPECT_EQ(cpom::input_error(InputValue{0.15}, rate(-0.05, 0.1), ""),
              with_french_spaces("15_% hors des limites (de -5_% à 10_%)"));
    // Without bounds a rate stays within ±100 %.
    EXPECT_EQ(cpom::input_error(InputValue{-2.0}, InputRule{InputKind::Rate}, "r"),
              with_french_spaces("r : -200_% : probablement -2_% saisi sans le signe % (saisir -2_%) ; "
                                 "limites : de -100_% à 100_%"));
}

TEST(InputError, AmountsAndWholeNumbers) {
    const InputRule reserves{InputKind::Amount, 0.0, std::nullopt, false};
    EXPECT_EQ(cpom::input_error(InputValue{-5'000.0}, reserves, "Réserves"),
              with_french_spaces("Réserves : -5_000_€ hors des limites (au moins 0_€)"));
    EXPECT_EQ(cpom::input_error(InputValue{0.0}, reserves, "Réserves"), "");
    const InputRule year{InputKind::Whole, 1.0, 5.0, true};
    EXPECT_EQ(cpom::input_error(InputValue{2.5}, year, "Année"), "Année : 2,5 n'est pas un nombre entier");
    EXPECT_EQ(cpom::input_error(InputValue{6.0}, year, "Année"), "Année : 6 hors des limites (de 1 à 5)");
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, year, "Année"), "");
    const InputRule ceiling{InputKind::Whole, std::nullopt, 10.0, false};
    EXPECT_EQ(cpom::input_error(InputValue{11.0}, ceiling, ""), "11 hors des limites (au plus 10)");
}

TEST(InputWarning, RatesAHundredTimesTooSmall) {
    // 0,02 typed in a percent cell gives 0,02 %: "vouliez-vous dire 2 % ?".
    EXPECT_EQ(cpom::input_warning(InputValue{0.0002}, rate(-0.05, 0.2), "Inflation 2026", 0.001),
              with_french_spaces("Inflation 2026 : 0,02_% : vouliez-vous dire 2_% ?"));
    EXPECT_EQ(cpom::input_warning(InputValue{-0.0005}, rate(-0.05, 0.2), "", 0.001),
              with_french_spaces("-0,05_% : vouliez-vous dire -5_% ?"));
    // A hundred times larger would break the bounds: no suggestion, still a warning.
    EXPECT_EQ(cpom::input_warning(InputValue{0.0009}, rate(0, 0.05), "Risques", 0.001),
              with_french_spaces("Risques : 0,09_% : taux inhabituellement faible, à vérifier"));
    // Zero, plausible rates, errors and other kinds give no warning.
    EXPECT_EQ(cpom::input_warning(InputValue{0.0}, rate(-0.05, 0.2), "", 0.001), "");
    EXPECT_EQ(cpom::input_warning(InputValue{0.001}, rate(-0.05, 0.2), "", 0.001), "");
    EXPECT_EQ(cpom::input_warning(InputValue{std::string("x")}, rate(-0.05, 0.2), "", 0.001), "");
    EXPECT_EQ(cpom::input_warning(InputValue{0.0002}, InputRule{InputKind::Amount}, "", 0.001), "");
}

TEST(ValidateCall, RangesWithLabelsJoinTheirReasons) {
    const auto validate = [](cpom::calls::Args args) {
        return std::get<std::string>(cpom::calls::call("CPOM_VALIDATE", args));
    };
    const Arg rates = Arg::block(1, 3, {Cell{0.02}, Cell{std::string("n.c.")}, Cell{0.5}});
    EXPECT_EQ(validate({rates, text("RATE"), num(-0.05), num(0.2), Arg::row({2026, 2027, 2028})}),
              with_french_spaces("2027 : « n.c. » n'est pas un nombre ; 2028 : 50_% hors des limites (de -5_% à 20_%)"));
    // One label for several cells: numbered.
    EXPECT_EQ(validate({rates, text("rate"), num(-0.05), num(0.2), text("Taux")}),
              with_french_spaces("Taux (n° 2) : « n.c. » n'est pas un nombre ; "
                                 "Taux (n° 3) : 50_% hors des limites (de -5_% à 20_%)"));
    // Blank cells of a range: an error unless allowed.
    const Arg with_blank = Arg::block(1, 2, {Cell{Empty{}}, Cell{3.0}});
    EXPECT_EQ(validate({with_blank, text("WHOLE"), num(1), num(5)}),
              "n° 1 : cellule vide, une valeur est attendue");
    EXPECT_EQ(validate({with_blank, text("WHOLE"), num(1), num(5), Arg::omitted(), num(1)}), "");
    // Warnings only when a threshold is given.
    const Arg small = Arg::block(1, 2, {Cell{0.0002}, Cell{0.02}});
    EXPECT_EQ(validate({small, text("RATE"), num(-0.05), num(0.2), Arg::row({2026, 2027})}), "");
    EXPECT_EQ(validate({small, text("RATE"), num(-0.05), num(0.2), Arg::row({2026, 2027}), blank(), num(0.001)}),
              with_french_spaces("2026 : 0,02_% : vouliez-vous dire 2_% ?"));
}

TEST(ValidateCall, BadArgumentsAreErrors) {
    using cpom::calls::explain;
    EXPECT_EQ(explain("CPOM_VALIDATE", {num(1), text("PERCENT")}).rfind("kind : ", 0), 0u);
    EXPECT_EQ(explain("CPOM_VALIDATE", {block(1, 3, {1, 2, 3}), text("AMOUNT"), blank(), blank(), Arg::row({1, 2})}),
              "labels : un libellé ou 3 libellés (un par cellule) attendus, 2 reçus");
    EXPECT_EQ(explain("CPOM_VALIDATE", {num(1), text("AMOUNT"), num(5), num(1)}),
              "maximum : le maximum est inférieur au minimum");
    EXPECT_EQ(explain("CPOM_VALIDATE", {num(1), text("RATE"), blank(), blank(), blank(), num(2)}),
              "blank : doit être un entier entre 0 et 1 (reçu 2)");
    EXPECT_EQ(explain("CPOM_VALIDATE", {num(1), text("RATE"), blank(), blank(), blank(), blank(), num(0)}),
              "warn_below : doit être strictement positif (reçu 0)");
}

}  // namespace
