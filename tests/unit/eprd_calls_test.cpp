// EPRD / ERRD and EHPAD tariff functions through the function table (cpom::calls::call / explain), as Calc calls them:
// cells of mixed types, blanks, wrong shapes, and the French reasons CPOM_CHECK shows.
#include <gtest/gtest.h>

#include <limits>

#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;

using cpom::calls::Arg;
using cpom::calls::Args;
using cpom::calls::Cell;
using cpom::calls::Empty;
using cpom::calls::Matrix;

Arg column(std::vector<Cell> cells) {
    const std::size_t n = cells.size();
    return Arg::block(n, 1, std::move(cells));
}
// A single figure, whether the function returns a number or a 1×1 block (CPOM_GROUP with one group code).
double number(std::string_view f, const Args& args) {
    const cpom::calls::Value v = cpom::calls::call(f, args);
    if (const auto* m = std::get_if<Matrix>(&v)) return m->values.at(0);
    return std::get<double>(v);
}
std::string why(std::string_view f, const Args& args) { return cpom::calls::explain(f, args); }

// A trial balance as an accounting export gives it: numbers, padded text, qualifiers, titles and blank lines.
Arg messy_accounts() {
    return column({Cell(std::string("Classe 6")), Cell(6111.0), Cell(std::string(" 6111.00 ")),
                   Cell(std::string("6411-SAL")), Cell(std::string("6419")), Cell(Empty{}), Cell(73111.0),
                   Cell(std::string("7411 Subvention")), Cell(std::string("TOTAL"))});
}
Arg messy_amounts() {
    return column({Cell(Empty{}), Cell(1000.0), Cell(500.0), Cell(20000.0), Cell(-700.0), Cell(Empty{}), Cell(30000.0),
                   Cell(400.0), Cell(0.0)});
}

TEST(AccountsCall, MessyExportIsReadByTheOneRule) {
    // 6111 typed twice: 1 000 + 500 = 1 500.
    EXPECT_DOUBLE_EQ(number("CPOM_ACCOUNTS", {messy_accounts(), messy_amounts(), text("6111")}), 1500);
    // Class 6 "6 -6419": 1 000 + 500 + 20 000 = 21 500.
    EXPECT_DOUBLE_EQ(number("CPOM_ACCOUNTS", {messy_accounts(), messy_amounts(), text("6 -6419")}), 21500);
    // A selector typed as a number: 7 → 30 000 + 400.
    EXPECT_DOUBLE_EQ(number("CPOM_ACCOUNTS", {messy_accounts(), messy_amounts(), num(7)}), 30400);
    // Accounts in a row and amounts in a column are both lines of the same size.
    EXPECT_DOUBLE_EQ(number("CPOM_ACCOUNTS", {Arg::block(1, 2, {Cell(6111.0), Cell(6112.0)}),
                                              column({Cell(1.0), Cell(2.0)}), text("611")}),
                     3);
}

TEST(AccountsCall, BadInputsAreExplained) {
    EXPECT_EQ(why("CPOM_ACCOUNTS", {messy_accounts(), messy_amounts(), text("7 -7")}),
              "sélecteur : le préfixe 7 est à la fois inclus et exclu");
    EXPECT_EQ(why("CPOM_ACCOUNTS",
                  {column({Cell(6111.0), Cell(6112.0)}), column({Cell(1.0), Cell(std::string("2,5 €"))}), text("6")}),
              "montants : la cellule n° 2 contient du texte (« 2,5 € ») : un nombre est attendu");
    EXPECT_EQ(why("CPOM_ACCOUNTS",
                  {column({Cell(6111.0), Cell(6112.0)}), column({Cell(1.0), Cell(2.0), Cell(3.0)}), text("6")}),
              "montants : la plage a 3 cellules, 2 attendues (une par compte de comptes)");
    EXPECT_EQ(why("CPOM_ACCOUNTS", {column({Cell(6111.0), Cell(Empty{})}), column({Cell(1.0), Cell(2.0)}), text("6")}),
              "comptes : ligne 2 : montant de 2 sans numéro de compte");
    EXPECT_EQ(why("CPOM_ACCOUNTS", {column({Cell(6111.5)}), column({Cell(1.0)}), text("6")}),
              "comptes : ligne 1 : le numéro de compte 6111,5 a des décimales : saisir les sous-comptes comme du "
              "texte");
    EXPECT_EQ(why("CPOM_ACCOUNTS", {Arg::block(2, 2, {Cell(6111.0), Cell(1.0), Cell(6112.0), Cell(2.0)}),
                                    column({Cell(1.0), Cell(2.0)}), text("6")}),
              "comptes : une valeur ou une colonne (ou une ligne) est attendue, la plage fait 2 lignes × 2 colonnes");
    EXPECT_EQ(why("CPOM_ACCOUNTS",
                  {column({Cell(6111.0)}), column({Cell(std::numeric_limits<double>::quiet_NaN())}), text("6")}),
              "montants : la valeur n'est pas un nombre fini");
    EXPECT_EQ(why("CPOM_ACCOUNTS", {column({Cell(6111.0)}), column({Cell(1.0)}), Arg::scalar(Empty{})}),
              "sélecteur : texte manquant (cellule vide ou argument omis)");
    EXPECT_THROW(cpom::calls::call("CPOM_ACCOUNTS", {column({Cell(6111.0)}), column({Cell(1.0)})}),
                 cpom::ArgumentError);
}

TEST(GroupCall, DefaultTableAndSigns) {
    // P2: 7411 400 + 6419 700 (atténuation, entered −700) = 1 100. C2: 6411 20 000. C1: 6111 1 500. P1: 30 000.
    EXPECT_DOUBLE_EQ(number("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("P2")}), 1100);
    EXPECT_DOUBLE_EQ(number("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("c2")}), 20000);
    EXPECT_DOUBLE_EQ(number("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("C1")}), 1500);
    EXPECT_DOUBLE_EQ(number("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("P1"), Arg::scalar(Empty{})}),
                     30000);
}

TEST(GroupCall, SeveralGroupsInOneCallKeepTheRangeShape) {
    // The same totals as one call per group, in the order and shape of the codes: C1 1 500, C2 20 000, P2 1 100.
    const Arg codes = Arg::block(3, 1, {Cell(std::string("C1")), Cell(std::string("c2")), Cell(std::string("P2"))});
    const Matrix m = matrix_of(cpom::calls::call("CPOM_GROUP", {messy_accounts(), messy_amounts(), codes}));
    EXPECT_EQ(m.rows, 3u);
    EXPECT_EQ(m.cols, 1u);
    EXPECT_EQ(m.values, (std::vector<double>{1500, 20000, 1100}));
    const Arg with_number = Arg::block(1, 2, {Cell(std::string("C1")), Cell(2.0)});
    EXPECT_EQ(why("CPOM_GROUP", {messy_accounts(), messy_amounts(), with_number}),
              "groupe : cellule n° 2 : un code de groupe en texte est attendu : \"C1\" à \"C3\" ou \"P1\" à \"P3\"");
}

TEST(GroupCall, UserMappingReplacesTheDefault) {
    // 611 moved to the personnel group: C2 = 1 500 + 20 000 = 21 500.
    const Arg mapping = Arg::block(
        5, 2,
        {Cell(60.0), Cell(std::string("C1")), Cell(611.0), Cell(std::string("C2")), Cell(64.0), Cell(std::string("C2")),
         Cell(6419.0), Cell(std::string("P2")), Cell(7.0), Cell(std::string("P1"))});
    EXPECT_DOUBLE_EQ(number("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("C2"), mapping}), 21500);
    // 7411 now in P1 with 73111: 30 400.
    EXPECT_DOUBLE_EQ(number("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("P1"), mapping}), 30400);
}

TEST(GroupCall, BadInputsAreExplained) {
    EXPECT_EQ(why("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("G2")}),
              "groupe : « G2 » inconnu, valeurs possibles : C1, C2, C3, P1, P2, P3");
    const Arg three_columns = Arg::block(1, 3, {Cell(60.0), Cell(std::string("C1")), Cell(std::string("x"))});
    EXPECT_EQ(why("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("C1"), three_columns}),
              "correspondance : deux colonnes sont attendues (préfixe de compte, groupe), la plage en a 3");
    const Arg partial = Arg::block(1, 2, {Cell(64.0), Cell(std::string("C2"))});
    EXPECT_EQ(why("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("C2"), partial}),
              "comptes : ligne 2 : le compte 6111 n'a pas de groupe fonctionnel dans la table utilisée (ajouter son "
              "préfixe dans correspondance ; une ligne de total n'a pas sa place dans la balance)");
    const Arg bad_group = Arg::block(1, 2, {Cell(64.0), Cell(std::string("Personnel"))});
    EXPECT_EQ(why("CPOM_GROUP", {messy_accounts(), messy_amounts(), text("C2"), bad_group}),
              "correspondance : « Personnel » inconnu, valeurs possibles : C1, C2, C3, P1, P2, P3");
}

TEST(CafCalls, PublishedExampleAndBalance) {
    // docs/domain.md#example-caf: 1 533 000; the optional 7781 omitted or blank is 0.
    EXPECT_DOUBLE_EQ(
        number("CPOM_CAF", {num(1'432'000), num(190'000), num(13'000), num(256'000), num(180'000), num(0)}), 1'533'000);
    EXPECT_DOUBLE_EQ(number("CPOM_CAF", {num(1'432'000), num(190'000), num(13'000), num(256'000), num(180'000), num(0),
                                         Arg::scalar(Empty{})}),
                     1'533'000);
    EXPECT_EQ(why("CPOM_CAF", {num(1'432'000), num(190'000), num(-13'000), num(256'000), num(180'000), num(0)}),
              "reprises 78 : doit être positif ou nul (reçu -13000)");
    EXPECT_EQ(why("CPOM_CAF", {num(1'432'000), text("190 000"), num(13'000), num(256'000), num(180'000), num(0)}),
              "dotations 68 : un nombre est attendu, pas le texte « 190 000 »");
    // CAF from the messy balance: products 30 000 + 400 = 30 400, charges 1 000 + 500 + 20 000 − 700 = 20 800,
    // result 9 600; no 68/78/775/675/777/7781: CAF = 9 600.
    EXPECT_DOUBLE_EQ(number("CPOM_CAF_BALANCE", {messy_accounts(), messy_amounts()}), 9600);
    // Taux de CAF: 9 600 / 30 400.
    EXPECT_DOUBLE_EQ(number("CPOM_CAF_RATE", {num(9600), messy_accounts(), messy_amounts()}), 9600.0 / 30400.0);
    EXPECT_EQ(why("CPOM_CAF_RATE", {num(100), column({Cell(6111.0)}), column({Cell(5.0)})}),
              "montants : le total des produits (classe 7 hors 775, 777, 7781 et 78) vaut 0 : le taux de CAF n'est "
              "pas calculable");
}

TEST(BalanceCall, ItemsAndErrors) {
    const Arg accounts =
        column({Cell(std::string("102")), Cell(std::string("164000")), Cell(213.0), Cell(std::string("2813")),
                Cell(std::string("411-ARS")), Cell(std::string("401")), Cell(5121.0)});
    const Arg balances = column({Cell(-600'000.0), Cell(-300'000.0), Cell(1'000'000.0), Cell(-200'000.0),
                                 Cell(60'000.0), Cell(-90'000.0), Cell(130'000.0)});
    // FRNG = 600 000 + 300 000 + 200 000 − 1 000 000 = 100 000; BFR = 60 000 − 90 000 = −30 000;
    // TRESO = 130 000 (the bank); DEBT = 300 000.
    EXPECT_DOUBLE_EQ(number("CPOM_BALANCE", {accounts, balances, text("FRNG")}), 100'000);
    EXPECT_DOUBLE_EQ(number("CPOM_BALANCE", {accounts, balances, text("bfr")}), -30'000);
    EXPECT_DOUBLE_EQ(number("CPOM_BALANCE", {accounts, balances, text("TRESO")}), 130'000);
    EXPECT_DOUBLE_EQ(number("CPOM_BALANCE", {accounts, balances, text("DEBT")}), 300'000);
    EXPECT_EQ(why("CPOM_BALANCE", {accounts, balances, text("FR")}),
              "agrégat : « FR » inconnu, valeurs possibles : FRNG, BFR, TRESO, FRI, FRE, DEBT");
    EXPECT_EQ(why("CPOM_BALANCE", {accounts, column({Cell(1.0)}), text("FRNG")}),
              "soldes : la plage a 1 cellules, 7 attendues (une par compte de comptes)");
}

TEST(RatioCall, ValuesAndErrors) {
    EXPECT_DOUBLE_EQ(number("CPOM_RATIO", {text("DEBT_DURATION"), num(300'000), num(100'000)}), 3);
    EXPECT_DOUBLE_EQ(number("CPOM_RATIO", {text("frng_days"), num(480'000), num(2'400'000)}), 73);
    EXPECT_EQ(why("CPOM_RATIO", {text("DEBT_DURATION"), num(300'000), num(-5)}),
              "b : la CAF vaut -5 : la durée apparente de la dette n'est pas calculable si la CAF est négative ou "
              "nulle");
    EXPECT_NE(why("CPOM_RATIO", {text("DETTE"), num(1), num(1)}).find("ratio : « DETTE » inconnu"), std::string::npos);
}

TEST(PgfpCall, EightRowsOfNYears) {
    // Same plan as PgfpTest.TwoYearPlanByHand, single values expanded to every year, rows as 1×N ranges.
    const Args args{
        num(1'000'000),        num(980'000), num(0.01), num(0.02),    num(2),       num(50'000), Arg::row({100'000, 0}),
        Arg::row({80'000, 0}), num(20'000),  num(0),    num(300'000), num(400'000), num(30)};
    const Matrix m = std::get<Matrix>(cpom::calls::call("CPOM_PGFP", args));
    ASSERT_EQ(m.rows, 8u);
    ASSERT_EQ(m.cols, 2u);
    EXPECT_NEAR(m.at(0, 1), 1'020'100, 1e-6);
    EXPECT_NEAR(m.at(3, 0), 60'400, 1e-6);
    EXPECT_NEAR(m.at(5, 1), 350'908, 1e-6);
    EXPECT_NEAR(m.at(6, 0), 238'241.0958904, 1e-6);
    EXPECT_NEAR(m.at(7, 1), 440'000, 1e-6);
    // A blank investment cell is 0 (rule "zero"); a blank depreciation cell is an error (rule "error").
    Args blank_investment = args;
    blank_investment[6] = Arg::block(1, 2, {Cell(100'000.0), Cell(Empty{})});
    EXPECT_NEAR(std::get<Matrix>(cpom::calls::call("CPOM_PGFP", blank_investment)).at(5, 1), 350'908, 1e-6);
    Args blank_depreciation = args;
    blank_depreciation[5] = Arg::block(1, 2, {Cell(50'000.0), Cell(Empty{})});
    EXPECT_NE(why("CPOM_PGFP", blank_depreciation).find("dotations : la cellule n° 2 est vide"), std::string::npos);
    Args wrong_length = args;
    wrong_length[2] = Arg::row({0.01, 0.01, 0.01});
    EXPECT_EQ(why("CPOM_PGFP", wrong_length), "taux produits : la plage a 3 valeurs, 2 attendues (une par année)");
    Args too_long = args;
    too_long[4] = num(31);
    EXPECT_EQ(why("CPOM_PGFP", too_long), "années : doit être un entier entre 1 et 30 (reçu 31)");
    Args over_repaid = args;
    over_repaid[8] = Arg::row({300'000, 200'000});
    EXPECT_EQ(why("CPOM_PGFP", over_repaid),
              "remboursements : année 2 : les remboursements (200000) dépassent l'encours de la dette (180000)");
}

TEST(PgfpCall, BaseDepreciationIsTheOptionalLastArgument) {
    // Same plan as Pgfp.CashChargesGrowAndDepreciationIsAddedWhenTheBaseDepreciationIsGiven.
    Args args{num(1'000'000),
              num(980'000),
              num(0.01),
              num(0.02),
              num(2),
              Arg::row({50'000, 80'000}),
              Arg::row({100'000, 0}),
              Arg::row({80'000, 0}),
              num(20'000),
              num(0),
              num(300'000),
              num(400'000),
              num(30),
              num(50'000)};
    const Matrix m = std::get<Matrix>(cpom::calls::call("CPOM_PGFP", args));
    EXPECT_NEAR(m.at(1, 1), 1'047'572, 1e-6);
    EXPECT_NEAR(m.at(3, 1), 52'528, 1e-6);
    EXPECT_NEAR(m.at(6, 0), 243'432.8767123, 1e-6);
    args[13] = text("cinquante mille");
    EXPECT_NE(why("CPOM_PGFP", args).find("dotations 0 : un nombre est attendu"), std::string::npos);
}

TEST(TariffCalls, ValuesAndErrors) {
    EXPECT_NEAR(number("CPOM_FORFAIT_SOINS", {num(700), num(200), num(80), num(12.44)}), 1'212'153.6, 1e-6);
    EXPECT_EQ(why("CPOM_FORFAIT_SOINS", {num(1200), num(200), num(80), num(12.44)}),
              "gmp : le GMP ne dépasse pas 1 000 (reçu 1200)");
    EXPECT_DOUBLE_EQ(number("CPOM_FORFAIT_DEPENDANCE", {num(700), num(80), num(7.5), num(95'000)}), 325'000);
    EXPECT_DOUBLE_EQ(number("CPOM_FORFAIT_DEPENDANCE", {num(700), num(80), num(7.5)}), 420'000);
    EXPECT_EQ(why("CPOM_FORFAIT_DEPENDANCE", {num(700), num(-80), num(7.5)}),
              "places : doit être positif ou nul (reçu -80)");
    EXPECT_NEAR(number("CPOM_MODULATION", {num(1'000'000), num(0.9), num(2024)}), 25'000, 1e-6);
    EXPECT_NEAR(number("CPOM_MODULATION", {num(1'000'000), num(0.9), num(2020), num(0.95)}), 10'000, 1e-6);
    EXPECT_EQ(why("CPOM_MODULATION", {num(1'000'000), num(0.9), num(2017), num(1)}),
              "année : la modulation des forfaits selon l'activité s'applique à partir de 2018 (reçu 2017)");
    EXPECT_EQ(why("CPOM_MODULATION", {num(1'000'000), num(0.9), num(2020.5)}),
              "année : doit être un entier entre 0 et 9999 (reçu 2020,5)");
    EXPECT_EQ(why("CPOM_MODULATION", {num(1'000'000), num(92), num(2024)}),
              "taux occupation : doit être entre 0 et 1 (reçu 92 ; 0,6 signifie 60 %)");
    EXPECT_EQ(why("CPOM_MODULATION", {num(1'000'000), num(0.9), num(2020)}),
              "rapport équation : de 2018 à 2023 le seuil dépend du rapport forfait / équation tarifaire : le saisir "
              "(1 = 100 %)");
}

TEST(CafErrdCall, AllOf778AsTheFrame) {
    // Balance with 7781 3 000 and 7788 2 000: résultat (700 000 + 8 000 + 10 000 + 3 000 + 2 000)
    // − (100 000 + 500 000 + 60 000 + 5 000) = 58 000; CAF = 58 000 + 60 000 − 8 000 + 5 000 − 10 000 − 5 000
    // = 100 000 (ERRD frame); the legacy CPOM_CAF_BALANCE leaves 7788 in: 102 000.
    const Arg accounts = column({Cell(std::string("60611")), Cell(std::string("6411")), Cell(std::string("6811")),
                                 Cell(std::string("675")), Cell(std::string("7311")), Cell(std::string("775")),
                                 Cell(std::string("777")), Cell(std::string("7781")), Cell(std::string("7788"))});
    const Arg amounts = column({Cell(100'000.0), Cell(500'000.0), Cell(60'000.0), Cell(5'000.0), Cell(700'000.0),
                                Cell(8'000.0), Cell(10'000.0), Cell(3'000.0), Cell(2'000.0)});
    EXPECT_DOUBLE_EQ(number("CPOM_CAF_ERRD", {accounts, amounts}), 100'000);
    EXPECT_DOUBLE_EQ(number("CPOM_CAF_BALANCE", {accounts, amounts}), 102'000);
    EXPECT_EQ(why("CPOM_CAF_ERRD", {column({Cell(6811.0), Cell(7788.0)}), column({Cell(60'000.0), Cell(-4'000.0)})}),
              "montants : le total des comptes 778 est négatif (-4000) : les charges et les produits se saisissent "
              "en positif");
}

TEST(VetusteCall, TypesAndErrors) {
    const Arg accounts =
        column({Cell(213.0), Cell(std::string("2813")), Cell(215.0), Cell(2815.0), Cell(218.0), Cell(2818.0)});
    const Arg balances = column(
        {Cell(900'000.0), Cell(-300'000.0), Cell(200'000.0), Cell(-150'000.0), Cell(100'000.0), Cell(-80'000.0)});
    EXPECT_DOUBLE_EQ(number("CPOM_VETUSTE", {accounts, balances, text("CONSTRUCTIONS")}), 300'000.0 / 900'000.0);
    EXPECT_DOUBLE_EQ(number("CPOM_VETUSTE", {accounts, balances, text("installations")}), 0.75);
    EXPECT_DOUBLE_EQ(number("CPOM_VETUSTE", {accounts, balances, text("Autres")}), 0.8);
    EXPECT_EQ(why("CPOM_VETUSTE", {accounts, balances, text("MATERIEL")}),
              "type : « MATERIEL » inconnu, valeurs possibles : CONSTRUCTIONS, INSTALLATIONS, AUTRES");
}

TEST(RatioCall, NewNames) {
    EXPECT_DOUBLE_EQ(number("CPOM_RATIO", {text("ENDETTEMENT"), num(1'200'000), num(3'000'000)}), 0.4);
    EXPECT_DOUBLE_EQ(number("CPOM_RATIO", {text("apurement"), num(2'400'000), num(1'200'000)}), 2);
    EXPECT_EQ(why("CPOM_RATIO", {text("APUREMENT"), num(2'400'000), num(0)}),
              "b : les dettes financières à moyen et long terme valent 0 : l'apurement de la dette n'est pas "
              "calculable sans dette");
}

TEST(TariffCalls, CasfEquationsThroughTheTable) {
    // R314-159 with the two optional arguments; blanks read as omitted.
    EXPECT_NEAR(number("CPOM_FORFAIT_SOINS", {num(700), num(200), num(80), num(12.44), num(50'000), num(30'000)}),
                1'192'153.6, 1e-6);
    EXPECT_NEAR(number("CPOM_FORFAIT_SOINS",
                       {num(700), num(200), num(80), num(12.44), Arg::scalar(Empty{}), Arg::scalar(Empty{})}),
                1'212'153.6, 1e-6);
    // Sourced point values; a PUI typed as TRUE arrives as 1.
    EXPECT_DOUBLE_EQ(number("CPOM_POINT_SOINS", {num(2018), text("partiel"), num(1)}), 10.77);
    EXPECT_NEAR(number("CPOM_POINT_SOINS", {num(2017), text("GLOBAL"), num(0), num(1)}), 14.928, 1e-12);
    // 2024: instruction of 22 May 2024 as summarised in docs/domain.md#point-soins (secondary source).
    EXPECT_DOUBLE_EQ(number("CPOM_POINT_SOINS", {num(2024), text("partiel"), num(0)}), 11.30);
    EXPECT_NE(why("CPOM_POINT_SOINS", {num(2021), text("GLOBAL"), num(0)}).find("aucune valeur du point sourcée"),
              std::string::npos);
    EXPECT_EQ(why("CPOM_POINT_SOINS", {num(2018), text("GLOBAL"), num(2)}),
              "pui : doit être un entier entre 0 et 1 (reçu 2)");
    // R314-173: residents per GIR in a column of 6 or a row of 3.
    const Arg six = column({Cell(10.0), Cell(20.0), Cell(15.0), Cell(15.0), Cell(12.0), Cell(8.0)});
    EXPECT_DOUBLE_EQ(number("CPOM_FORFAIT_DEPENDANCE_GIR", {six, num(80), num(7.5)}), 424'500);
    EXPECT_DOUBLE_EQ(number("CPOM_FORFAIT_DEPENDANCE_GIR",
                            {Arg::row({30, 30, 20}), num(82), num(7.5), num(95'000), num(12'000), num(3'000)}),
                     325'112.5);
    const Arg blank_gir = column({Cell(10.0), Cell(Empty{}), Cell(15.0), Cell(15.0), Cell(12.0), Cell(8.0)});
    EXPECT_NE(why("CPOM_FORFAIT_DEPENDANCE_GIR", {blank_gir, num(80), num(7.5)})
                  .find("résidents par GIR : la cellule n° 2 est "
                        "vide"),
              std::string::npos);
    EXPECT_EQ(
        why("CPOM_FORFAIT_DEPENDANCE_GIR",
            {Arg::block(2, 3, {Cell(1.0), Cell(1.0), Cell(1.0), Cell(1.0), Cell(1.0), Cell(1.0)}), num(80), num(7.5)}),
        "résidents par GIR : une ligne ou une colonne est attendue, la plage fait 2 lignes × 3 colonnes");
    // R314-160 (both ways) and R314-174 (reduction only); a threshold given after a blank ratio.
    EXPECT_NEAR(number("CPOM_MODULATION_SOINS", {num(1'000'000), num(0.99), num(2024)}), 20'000, 1e-6);
    EXPECT_NEAR(number("CPOM_MODULATION_SOINS", {num(1'000'000), num(0.85), num(2025), Arg::scalar(Empty{}), num(0.9)}),
                -25'000, 1e-6);
    EXPECT_DOUBLE_EQ(number("CPOM_MODULATION_DEPENDANCE", {num(400'000), num(0.99), num(2024)}), 0);
    EXPECT_NEAR(number("CPOM_MODULATION_DEPENDANCE", {num(400'000), num(0.9), num(2024)}), -10'000, 1e-6);
}

}  // namespace
