// How much one call may ask for (cpom/calls/limits.hpp, issue 13): beyond the bounds a call is refused before any
// work, with a French reason that names the argument and that CPOM_CHECK shows.
#include <gtest/gtest.h>

#include <string>

#include "cpom/calls/call_args.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/dossier.hpp"
#include "cpom/error.hpp"
#include "cpom/risk.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;
using namespace cpom::calls;

Arg column(std::size_t rows, double value) { return Arg::block(rows, 1, std::vector<Cell>(rows, Cell(value))); }

std::string check(std::string_view function, Args args) {
    args.insert(args.begin(), text(std::string(function)));
    return std::get<std::string>(call("CPOM_CHECK", args));
}

TEST(Limits, OneWholeColumnPerArgument) {
    // A whole column (1 048 576 cells) is accepted; two columns in one argument are not.
    EXPECT_EQ(check("CPOM_CAGR", {column(k_max_cells_per_argument, 100)}), "OK");
    EXPECT_EQ(check("CPOM_CAGR", {Arg::block(k_max_cells_per_argument, 2,
                                             std::vector<Cell>(2 * k_max_cells_per_argument, Cell(100.0)))}),
              "valeurs : la plage a 2 097 152 cellules : au plus 1 048 576 par argument (une colonne entière), "
              "au-delà le calcul bloquerait le tableur");
}

TEST(Limits, LongTexts) {
    EXPECT_EQ(check("CPOM_ACCOUNTS", {column(1, 6111), column(1, 10), text(std::string(70'000, '6'))}),
              "sélecteur : texte de 70 000 caractères : au plus 65 536 par cellule");
}

TEST(Limits, GroupTableRows) {
    // Each row of CPOM_GROUP's own table is a prefix put in a tree: 10 000 rows at most (the default M22 table has
    // about a hundred).
    const auto table = [](std::size_t rows) {
        std::vector<Cell> cells;
        for (std::size_t i = 0; i < rows; ++i) {
            cells.emplace_back(std::to_string(6'000'000 + i));
            cells.emplace_back(std::string("C2"));
        }
        return Arg::block(rows, 2, std::move(cells));
    };
    EXPECT_EQ(check("CPOM_GROUP", {column(1, 6'000'001), column(1, 10), text("C2"), table(k_max_table_rows)}), "OK");
    EXPECT_EQ(check("CPOM_GROUP", {column(1, 6'000'001), column(1, 10), text("C2"), table(k_max_table_rows + 1)}),
              "correspondance : la table a 10 001 lignes : au plus 10 000 (une ligne par préfixe de compte)");
}

TEST(Limits, ResultsLargerThanTheirArguments) {
    // 34 953 establishments × 30 years = 1 048 590 result cells, one row too many; refused before the projection.
    EXPECT_EQ(check("CPOM_PROJECT", {column(34'953, 1000), num(0.02), num(30)}),
              "résultat : 34 953 lignes × 30 colonnes : au plus 1 048 576 cellules de résultat par appel (répartir "
              "les lignes sur plusieurs formules)");
    EXPECT_EQ(check("CPOM_PROJECT", {column(34'952, 1000), num(0.02), num(30)}), "OK");
    // A column of K bases with a row of N rates gives K × N: a whole column against two years.
    EXPECT_THROW(call("CPOM_ADJUSTMENT", {column(k_max_cells_per_argument, 1000), Arg::row({0.03, 0.04}), num(0.02)}),
                 cpom::ResultError);
    EXPECT_THROW(call("CPOM_ABSENTEEISM_COST", {column(k_max_cells_per_argument, 1000), Arg::row({0.08, 0.07})}),
                 cpom::ResultError);
    // The scissor table has 4N + 1 columns: 8 665 × 121 fits, 8 666 does not.
    EXPECT_EQ(check("CPOM_SCISSOR", {column(8'665, 1000), num(0.02), column(8'665, 990), num(0.01), num(30)}), "OK");
    EXPECT_THROW(call("CPOM_SCISSOR", {column(8'666, 1000), num(0.02), column(8'666, 990), num(0.01), num(30)}),
                 cpom::ResultError);
}

TEST(Limits, RiskDrawsScenariosTimesYears) {
    // Issue 13: 1 000 cells of CPOM_RISK(…;30;…;1000000) froze Calc for 279 s, each call within the old limits.
    const auto risk = [](double years, double scenarios) {
        return check("CPOM_RISK",
                     {num(1e6), num(1e6), num(years), num(0.03), num(0.01), num(0.01), num(1e6), num(scenarios)});
    };
    EXPECT_EQ(risk(30, 1'000'000),
              "scénarios : au plus 5 000 000 tirages par appel (scénarios × années) : 166 666 scénarios sur 30 ans "
              "(reçu 1 000 000) ; au-delà le calcul bloquerait le tableur");
    EXPECT_NE(risk(30, 166'667), "OK");
    EXPECT_EQ(risk(30, 166'666), "OK");
    EXPECT_EQ(risk(5, 1'000'000), "OK");
    EXPECT_EQ(cpom::k_max_draws, 5'000'000);
}

TEST(Limits, DossierBlocksAndInvestmentPlanLines) {
    // CPOM_DOSSIER: at most 1 000 blocks per call (each output may project every block 15 times); one 2-year block
    // repeated, the rest of the arguments as the function's help shows them.
    const auto dossier = [](std::size_t k) {
        const auto repeated = [k](std::vector<Cell> row) {
            std::vector<Cell> cells;
            for (std::size_t r = 0; r < k; ++r) cells.insert(cells.end(), row.begin(), row.end());
            return Arg::block(k, row.size(), std::move(cells));
        };
        return check("CPOM_DOSSIER",
                     {repeated({1e5, 5e5, 5e4}), repeated({0.1}), repeated({0.01}), repeated({0.0, 1.0}),
                      repeated({6.5e5}), repeated({0.01}), repeated({0.015, 0.015}), repeated({0.0, 1.0}),
                      repeated({1e4}), Arg::block(4, 2, {0.02, 0.02, 0.01, 0.01, 0.005, 0.005, 0.015, 0.015}),
                      Arg::row({0.6, 0.25}), text("ECART")});
    };
    EXPECT_EQ(cpom::k_max_dossier_blocks, 1'000u);
    EXPECT_EQ(dossier(1'000), "OK");
    EXPECT_EQ(dossier(1'001), "charges : la plage a 1 001 lignes : au plus 1 000 blocs par appel");
    // CPOM_PPI gives 2 + 4N cells per line of 8: at 30 years 8 594 lines fit in 1 048 576 result cells, 8 595 do not.
    const auto ppi = [](std::size_t lines) {
        std::vector<Cell> cells;
        for (std::size_t m = 0; m < lines; ++m)
            for (double x : {1.0, 1.0, 1e5, 20.0, 0.0, 0.0, 0.0, 1.0}) cells.emplace_back(x);
        return check("CPOM_PPI", {Arg::block(lines, 8, std::move(cells)), num(30)});
    };
    EXPECT_EQ(ppi(8'594), "OK");
    EXPECT_EQ(ppi(8'595).rfind("résultat : 8 595 lignes × 122 colonnes", 0), 0u) << ppi(8'595);
}

}  // namespace
