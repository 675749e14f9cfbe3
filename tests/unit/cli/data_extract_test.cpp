// --extract: the named ranges a pattern chooses, written as a JSON data file that --data reads back exactly.
#include <gtest/gtest.h>

#include <cmath>

#include "cpom/cli/data_extract.hpp"

namespace {

using namespace cpom::cli;

TEST(NameMatches, NamesAndStarsWithoutRegardToCase) {
    EXPECT_TRUE(name_matches("exercice", "exercice"));
    EXPECT_TRUE(name_matches("EXERCICE", "Exercice"));
    EXPECT_FALSE(name_matches("exercice", "exercices"));
    EXPECT_TRUE(name_matches("pgfp_*", "pgfp_taux_charges"));
    EXPECT_TRUE(name_matches("pgfp_*", "pgfp_"));
    EXPECT_FALSE(name_matches("pgfp_*", "taux_pgfp_charges"));
    EXPECT_TRUE(name_matches("*_charges", "pgfp_taux_charges"));
    EXPECT_TRUE(name_matches("p*t*s", "pgfp_taux_charges"));  // backtracks past the first « t »
    EXPECT_FALSE(name_matches("p*t*x", "pgfp_taux_charges"));
    EXPECT_TRUE(name_matches("*", "n"));
}

TEST(ChosenNames, InTheWorkbooksOrderEachOnce) {
    const std::vector<std::string> names{"exercice", "pgfp_taux_produits", "pgfp_taux_charges", "reserves"};
    EXPECT_EQ(chosen_names({"pgfp_*", "exercice", "PGFP_TAUX_CHARGES"}, names),
              (std::vector<std::string>{"exercice", "pgfp_taux_produits", "pgfp_taux_charges"}));
}

TEST(ChosenNames, APatternThatChoosesNothingIsAnError) {
    try {
        chosen_names({"pgfp_*", "pfgp_taux"}, {"pgfp_taux"});
        FAIL() << "no error";
    } catch (const DataFileError& e) {
        EXPECT_STREQ(e.what(), "--extract : aucune plage nommée du classeur ne correspond à « pfgp_taux »");
    }
}

TEST(DataSetJson, ReadsBackToTheSameCells) {
    const DataSet set{
        {"exercice", {{2025.0}}, 0},
        {"pgfp_taux_charges", {{0.1 + 0.2, 1.0 / 3.0, -0.0125, Blank{}, 1e-17, 123456789012.34567}}, 0},
        {"colonne", {{1.0}, {std::string("EHPAD « Les Tilleuls » \"80\"\\")}, {Blank{}}}, 0},
        {"libelle", {{std::string("ligne\nsuivante")}}, 0},
    };
    const DataSet back = parse_json(data_set_json(set));
    ASSERT_EQ(back.size(), set.size());
    for (std::size_t i = 0; i < set.size(); ++i) {
        EXPECT_EQ(back[i].name, set[i].name);
        EXPECT_EQ(back[i].rows, set[i].rows) << set[i].name;  // doubles compared exactly: full precision
    }
}

}  // namespace
