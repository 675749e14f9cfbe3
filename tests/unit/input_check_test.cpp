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

InputRule rate(double lo, double hi, bool blank = false) { return cpom::input_rule(InputKind::Rate, lo, hi, blank); }

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
    EXPECT_EQ(cpom::input_error(InputValue{-2.0}, cpom::input_rule(InputKind::Rate, {}, {}, false), "r"),
              with_french_spaces("r : -200_% : probablement -2_% saisi sans le signe % (saisir -2_%) ; "
                                 "limites : de -100_% à 100_%"));
}

TEST(InputError, AmountsAndWholeNumbers) {
    const InputRule reserves = cpom::input_rule(InputKind::Amount, 0.0, std::nullopt, false);
    EXPECT_EQ(cpom::input_error(InputValue{-5'000.0}, reserves, "Réserves"),
              with_french_spaces("Réserves : -5_000_€ hors des limites (au moins 0_€)"));
    EXPECT_EQ(cpom::input_error(InputValue{0.0}, reserves, "Réserves"), "");
    const InputRule year = cpom::input_rule(InputKind::Whole, 1.0, 5.0, true);
    EXPECT_EQ(cpom::input_error(InputValue{2.5}, year, "Année"), "Année : 2,5 n'est pas un nombre entier");
    EXPECT_EQ(cpom::input_error(InputValue{6.0}, year, "Année"), "Année : 6 hors des limites (de 1 à 5)");
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, year, "Année"), "");
    const InputRule ceiling = cpom::input_rule(InputKind::Whole, std::nullopt, 10.0, false);
    EXPECT_EQ(cpom::input_error(InputValue{11.0}, ceiling, ""), "11 hors des limites (au plus 10)");
    // Years are written without a space (« 2024 », never « 2 024 »); five digits and more in groups of three.
    const InputRule exercice = cpom::input_rule(InputKind::Whole, 2000.0, 2100.0, false);
    EXPECT_EQ(cpom::input_error(InputValue{1999.0}, exercice, "Exercice"),
              "Exercice : 1999 hors des limites (de 2000 à 2100)");
    EXPECT_EQ(cpom::input_error(InputValue{20250.0}, exercice, "Exercice"),
              with_french_spaces("Exercice : 20_250 hors des limites (de 2000 à 2100)"));
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
    EXPECT_EQ(cpom::input_warning(InputValue{0.0002}, cpom::input_rule(InputKind::Amount, {}, {}, false), "", 0.001),
              "");
}

TEST(InputError, BoundsWithTheSheetsOwnReasonsAndTheRateMeant) {
    // 0,75 typed in a percent cell is 0,75 %, below a target of at least 1 %: 75 % was meant (and is allowed).
    const InputRule occupancy = cpom::input_rule(InputKind::Rate, 0.01, 1.5, false);
    EXPECT_EQ(cpom::input_error(InputValue{0.0075}, occupancy, "E14"),
              with_french_spaces("E14 : 0,75_% hors des limites (de 1_% à 150_%) : vouliez-vous dire 75_% ?"));
    // 100 times 0,02 % is 2 %, still below 5 %: no suggestion.
    EXPECT_EQ(cpom::input_error(InputValue{0.0002}, cpom::input_rule(InputKind::Rate, 0.05, 0.5), ""),
              with_french_spaces("0,02_% hors des limites (de 5_% à 50_%)"));
    // A negative rate under a positive minimum is no percentage typed in decimal.
    EXPECT_EQ(cpom::input_error(InputValue{-0.005}, occupancy, ""),
              with_french_spaces("-0,5_% hors des limites (de 1_% à 150_%)"));
    // The sheet's own words replace « hors des limites », after the value.
    InputRule capacity = cpom::input_rule(InputKind::Number, 0.5, std::nullopt, false);
    capacity.why_min = "capacité nulle : au moins une place est attendue";
    EXPECT_EQ(cpom::input_error(InputValue{0.0}, capacity, "D8"),
              "D8 : 0 : capacité nulle : au moins une place est attendue");
    EXPECT_EQ(cpom::input_error(InputValue{0.5}, capacity, "D8"), "");
    InputRule target = occupancy;
    target.why_max = "au-delà de 150 %, un pourcentage saisi sans « % » ?";
    EXPECT_EQ(cpom::input_error(InputValue{95.0}, target, "E7"),
              with_french_spaces("E7 : 9_500_% : au-delà de 150 %, un pourcentage saisi sans « % » ?"));
    target.why_min = "cible trop basse";
    EXPECT_EQ(cpom::input_error(InputValue{0.0095}, target, "E7"),
              with_french_spaces("E7 : 0,95_% : cible trop basse : vouliez-vous dire 95_% ?"));
}

TEST(InputError, BlanksSayWhatToType) {
    // 0 is a valid amount or count: the reader may mean « none ».
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, cpom::input_rule(InputKind::Amount, 0.0), "B7"),
              "B7 : cellule vide, une valeur est attendue (0 s'il n'y en a pas)");
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, cpom::input_rule(InputKind::Number), "B7"),
              "B7 : cellule vide, une valeur est attendue (0 s'il n'y en a pas)");
    // Not when 0 is refused, nor for a rate (0 % is no « nothing »).
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, cpom::input_rule(InputKind::Amount, 1.0), "D36"),
              "D36 : cellule vide, une valeur est attendue");
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, rate(0, 0.1), "F28"),
              "F28 : cellule vide, une valeur est attendue");
}

TEST(InputError, ChoicesAsTheSheetReadsThem) {
    InputRule key = cpom::input_rule(InputKind::Choice);
    key.choices = {"ETP", "m²", "Journées", "Clé libre"};
    EXPECT_EQ(cpom::input_error(InputValue{std::string("Surface")}, key, "H15"),
              "H15 : « Surface » n'est pas dans la liste : « ETP », « m² », « Journées » ou « Clé libre »");
    EXPECT_EQ(cpom::input_error(InputValue{std::string("Journées")}, key, "H15"), "");
    // A Calc document compares texts with case by default, and never trims: the sheet's formulas would not read
    // these as listed (a clause « Intégrée à la base » would silently be read as one-off).
    EXPECT_EQ(cpom::input_error(InputValue{std::string("etp")}, key, "H15"),
              "H15 : « etp » n'est pas dans la liste : « ETP », « m² », « Journées » ou « Clé libre »");
    EXPECT_NE(cpom::input_error(InputValue{std::string("JOURNÉES")}, key, "H15"), "");
    EXPECT_NE(cpom::input_error(InputValue{std::string("ETP ")}, key, "H15"), "");
    // A number never equals a text in Calc.
    EXPECT_EQ(cpom::input_error(InputValue{2.0}, key, "H15"),
              "H15 : « 2 » n'est pas dans la liste : « ETP », « m² », « Journées » ou « Clé libre »");
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, key, "H15"),
              "H15 : cellule vide : choisir « ETP », « m² », « Journées » ou « Clé libre »");
    key.blank_allowed = true;
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, key, "H15"), "");
}

TEST(InputError, LabelsAndAccounts) {
    const InputRule name = cpom::input_rule(InputKind::Label);
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, name, "B7"), "B7 : cellule vide, un nom est attendu");
    EXPECT_EQ(cpom::input_error(InputValue{std::string("Internat")}, name, "B7"), "");
    EXPECT_EQ(cpom::input_error(InputValue{2025.0}, name, "B7"), "");
    // A label printed in a row of fixed height: at most so many characters (as Calc's LEN counts: « é » is one).
    InputRule justification = cpom::input_rule(InputKind::Label);
    justification.blank_allowed = true;
    justification.maximum = 10;
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, justification, "O9"), "");
    EXPECT_EQ(cpom::input_error(InputValue{std::string("Écart réel")}, justification, "O9"), "");
    EXPECT_EQ(cpom::input_error(InputValue{std::string("Écart réel.")}, justification, "O9"),
              "O9 : texte de 11 caractères, 10 au plus");
    justification.why_max = "la fin serait coupée à l'impression";
    EXPECT_EQ(cpom::input_error(InputValue{std::string("Écart réel.")}, justification, "O9"),
              "O9 : texte de 11 caractères, 10 au plus : la fin serait coupée à l'impression");
    // An account is read only when its line has an amount, with CPOM_ACCOUNTS's rule and words.
    const InputRule account = cpom::input_rule(InputKind::Account);
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, account, "A20"), "");
    EXPECT_EQ(cpom::input_error(InputValue{std::string("Total")}, account, "A20", std::nullopt), "");
    EXPECT_EQ(cpom::input_error(InputValue{std::monostate{}}, account, "A20", 5000.0),
              "A20 : montant de 5000 sans numéro de compte");
    EXPECT_EQ(cpom::input_error(InputValue{std::string("Total classe 6")}, account, "A20", -40.5),
              "A20 : « Total classe 6 » ne commence pas par un numéro de compte, alors que le montant vaut -40,5");
    EXPECT_EQ(cpom::input_error(InputValue{6111.5}, account, "A20", 1.0),
              "A20 : le numéro de compte 6111,5 a des décimales : saisir les sous-comptes comme du texte");
    EXPECT_EQ(cpom::input_error(InputValue{0.0}, account, "A20", 1.0),
              "A20 : 0 n'est pas un numéro de compte (un entier positif est attendu)");
    EXPECT_EQ(cpom::input_error(InputValue{std::string("\u00a06411 Salaires")}, account, "A20", 1.0), "");
    EXPECT_EQ(cpom::input_error(InputValue{6111.0}, account, "A20", 1.0), "");
    // A table that takes some classes only (a result balance: 6 and 7) names the class of another account.
    InputRule result_balance = cpom::input_rule(InputKind::Account);
    result_balance.classes = "67";
    EXPECT_EQ(cpom::input_error(InputValue{std::string("411000")}, result_balance, "A20", 200.0),
              "A20 : compte de classe 4 : la table prend les classes 6, 7");
    EXPECT_EQ(cpom::input_error(InputValue{706.0}, result_balance, "A20", 200.0), "");
    EXPECT_EQ(cpom::input_error(InputValue{std::string("411000")}, result_balance, "A20", std::nullopt), "");
    result_balance.why_classes = "hors du compte de résultat";
    EXPECT_EQ(cpom::input_error(InputValue{512.0}, result_balance, "A20", -3.0),
              "A20 : compte de classe 5 : hors du compte de résultat");
}

TEST(ValidateCall, RangesWithLabelsJoinTheirReasons) {
    const auto validate = [](cpom::calls::Args args) {
        return std::get<std::string>(cpom::calls::call("CPOM_VALIDATE", args));
    };
    const Arg rates = Arg::block(1, 3, {Cell{0.02}, Cell{std::string("n.c.")}, Cell{0.5}});
    EXPECT_EQ(
        validate({rates, text("RATE"), num(-0.05), num(0.2), Arg::row({2026, 2027, 2028})}),
        with_french_spaces("2027 : « n.c. » n'est pas un nombre ; 2028 : 50_% hors des limites (de -5_% à 20_%)"));
    // One label for several cells: numbered.
    EXPECT_EQ(validate({rates, text("rate"), num(-0.05), num(0.2), text("Taux")}),
              with_french_spaces("Taux (n° 2) : « n.c. » n'est pas un nombre ; "
                                 "Taux (n° 3) : 50_% hors des limites (de -5_% à 20_%)"));
    // Blank cells of a range: an error unless allowed.
    const Arg with_blank = Arg::block(1, 2, {Cell{Empty{}}, Cell{3.0}});
    EXPECT_EQ(validate({with_blank, text("WHOLE"), num(1), num(5)}), "n° 1 : cellule vide, une valeur est attendue");
    EXPECT_EQ(validate({with_blank, text("WHOLE"), num(1), num(5), Arg::omitted(), num(1)}), "");
    // Warnings only when a threshold is given.
    const Arg small = Arg::block(1, 2, {Cell{0.0002}, Cell{0.02}});
    EXPECT_EQ(validate({small, text("RATE"), num(-0.05), num(0.2), Arg::row({2026, 2027})}), "");
    EXPECT_EQ(validate({small, text("RATE"), num(-0.05), num(0.2), Arg::row({2026, 2027}), blank(), num(0.001)}),
              with_french_spaces("2026 : 0,02_% : vouliez-vous dire 2_% ?"));
}

TEST(ValidateCall, TheArgumentsOfTheTemplatesChecks) {
    const auto validate = [](cpom::calls::Args args) {
        return std::get<std::string>(cpom::calls::call("CPOM_VALIDATE", args));
    };
    const Arg omitted = Arg::omitted();
    const Arg addresses = Arg::block(1, 3, {Cell{std::string("B6")}, Cell{std::string("C6")}, Cell{std::string("D6")}});
    const Arg row = Arg::block(1, 3, {Cell{std::string("x")}, Cell{1.0}, Cell{-1.0}});
    // most = 1: the first reason only (a template's reason cell shows the first problem of its inputs).
    EXPECT_EQ(validate({row, text("AMOUNT"), num(0), omitted, addresses, omitted, omitted, omitted, omitted, omitted,
                        omitted, num(1)}),
              "B6 : « x » n'est pas un nombre");
    EXPECT_EQ(validate({row, text("AMOUNT"), num(0), omitted, addresses}),
              with_french_spaces("B6 : « x » n'est pas un nombre ; D6 : -1_€ hors des limites (au moins 0_€)"));
    // why_min and why_max.
    EXPECT_EQ(
        validate({num(0), text("NUMBER"), num(0.5), omitted, text("D8"), omitted, omitted, text("capacité nulle")}),
        "D8 : 0 : capacité nulle");
    EXPECT_EQ(validate({num(400), text("WHOLE"), num(1), num(366), text("B9"), omitted, omitted, omitted,
                        text("une année a au plus 366 jours")}),
              "B9 : 400 : une année a au plus 366 jours");
    // CHOICE with its list.
    const Arg list = Arg::block(1, 2, {Cell{std::string("somme")}, Cell{std::string("moyenne")}});
    EXPECT_EQ(validate({text("total"), text("CHOICE"), omitted, omitted, text("C8"), omitted, omitted, omitted, omitted,
                        list}),
              "C8 : « total » n'est pas dans la liste : « somme » ou « moyenne »");
    EXPECT_EQ(validate({text("moyenne"), text("CHOICE"), omitted, omitted, text("C8"), omitted, omitted, omitted,
                        omitted, list}),
              "");
    // ACCOUNT with the amounts of each account's line: row 1 has none (not read), row 2 has 0 then 300.
    const Arg accounts = Arg::block(3, 1, {Cell{std::string("Titre")}, Cell{Empty{}}, Cell{std::string("6061")}});
    const Arg amounts =
        Arg::block(3, 2, {Cell{Empty{}}, Cell{std::string("n/a")}, Cell{0.0}, Cell{300.0}, Cell{10.0}, Cell{Empty{}}});
    const Arg account_labels =
        Arg::block(3, 1, {Cell{std::string("A15")}, Cell{std::string("A16")}, Cell{std::string("A17")}});
    EXPECT_EQ(validate({accounts, text("ACCOUNT"), omitted, omitted, account_labels, omitted, omitted, omitted, omitted,
                        omitted, amounts}),
              "A16 : montant de 300 sans numéro de compte");
    // LABEL.
    EXPECT_EQ(validate({Arg::block(1, 1, {Cell{Empty{}}}), text("LABEL"), omitted, omitted, text("B7")}),
              "B7 : cellule vide, un nom est attendu");
    EXPECT_EQ(validate({Arg::block(2, 1, {Cell{Empty{}}, Cell{std::string("Trop long")}}), text("LABEL"), omitted,
                        num(5), Arg::block(2, 1, {Cell{std::string("O7")}, Cell{std::string("O8")}}), num(1)}),
              "O8 : texte de 9 caractères, 5 au plus");
}

TEST(ValidateCall, BadArgumentsAreErrors) {
    using cpom::calls::explain;
    EXPECT_EQ(explain("CPOM_VALIDATE", {num(1), text("PERCENT")}).rfind("nature : ", 0), 0u);
    EXPECT_EQ(explain("CPOM_VALIDATE", {block(1, 3, {1, 2, 3}), text("AMOUNT"), blank(), blank(), Arg::row({1, 2})}),
              "libellés : un libellé ou 3 libellés (un par cellule) attendus, 2 reçus");
    EXPECT_EQ(explain("CPOM_VALIDATE", {num(1), text("AMOUNT"), num(5), num(1)}),
              "maximum : le maximum est inférieur au minimum");
    EXPECT_EQ(explain("CPOM_VALIDATE", {num(1), text("RATE"), blank(), blank(), blank(), num(2)}),
              "vide admis : doit être un entier entre 0 et 1 (reçu 2)");
    EXPECT_EQ(explain("CPOM_VALIDATE", {num(1), text("RATE"), blank(), blank(), blank(), blank(), num(0)}),
              "seuil alerte : doit être strictement positif (reçu 0)");
    EXPECT_EQ(explain("CPOM_VALIDATE", {text("x"), text("CHOICE")}),
              "liste : la nature CHOICE demande la liste des valeurs admises");
    EXPECT_EQ(explain("CPOM_VALIDATE", {block(2, 1, {1, 2}), text("ACCOUNT"), blank(), blank(), blank(), blank(),
                                        blank(), blank(), blank(), blank(), block(1, 2, {5, 6})}),
              "montants : la nature ACCOUNT demande les montants de chaque compte : une ligne de montants par cellule "
              "de valeurs (2 lignes attendues, 1 reçues)");
    EXPECT_EQ(explain("CPOM_VALIDATE", {num(1), text("AMOUNT"), blank(), blank(), blank(), blank(), blank(), blank(),
                                        blank(), blank(), blank(), num(0)}),
              "au plus : doit être un entier entre 1 et 1000000 (reçu 0)");
}

}  // namespace
