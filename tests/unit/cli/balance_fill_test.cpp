// Which named ranges a FEC or balance file fills (`cpom-run --balance`): long tables (errd), wide tables (eprd,
// audit-budgetaire), the bilan's result line, cleared example ranges, and the notes that list what is not imported.
#include <gtest/gtest.h>

#include "cpom/cli/balance_fill.hpp"

namespace {

using namespace cpom::cli;

LoadedBalance loaded(const std::string& spec, const std::string& text) {
    return LoadedBalance{parse_balance_request(spec), parse_ledger(text)};
}

RangeShape shape(const std::string& name, int first_row, int last_row, int col, const std::string& sheet = "Balance") {
    return RangeShape{name, sheet, first_row, last_row, col, col};
}

const DataEntry& entry(const DataSet& set, const std::string& name) {
    for (const DataEntry& e : set)
        if (e.name == name) return e;
    throw std::runtime_error("no entry " + name);
}

std::string text(const DataEntry& e, std::size_t row) { return std::get<std::string>(e.rows[row][0]); }
double number(const DataEntry& e, std::size_t row) { return std::get<double>(e.rows[row][0]); }
bool blank(const DataEntry& e, std::size_t row) { return std::holds_alternative<Blank>(e.rows[row][0]); }

std::string error_of(const std::vector<LoadedBalance>& b, const RangeShapes& shapes) {
    try {
        plan_balance_fill(b, shapes);
    } catch (const BalanceError& e) {
        return e.what();
    }
    return "(no error)";
}

const char* const k_ime =
    "Compte;Libellé;Débit;Crédit\n6411;Salaires;1000;\n731221;Prix de journée;;1200\n512;Banque;200;\n";
const char* const k_saad = "Compte;Libellé;Débit;Crédit\n6411;Salaires;300;\n733141;Tarif horaire;;300\n";

RangeShapes long_table(int rows) {
    RangeShapes s;
    for (const char* n : {"balance_comptes", "balance_libelles", "balance_colonnes", "balance_debits",
                          "balance_credits", "balance_montants"})
        s[n] = shape(n, 14, 14 + rows - 1, static_cast<int>(s.size()));
    s["exercice"] = shape("exercice", 4, 4, 2, "Paramètres");
    return s;
}

TEST(BalanceRequest, Forms) {
    const BalanceRequest a = parse_balance_request("balance:3=donnees/ime.fec");
    EXPECT_EQ(a.target, "balance");
    EXPECT_EQ(a.key, "3");
    EXPECT_EQ(a.file, "donnees/ime.fec");
    const BalanceRequest b = parse_balance_request("balance_n_1=fec=2023.txt");  // the first « = » separates
    EXPECT_EQ(b.target, "balance_n_1");
    EXPECT_EQ(b.key, "");
    EXPECT_EQ(b.file, "fec=2023.txt");
    for (const char* bad : {"ime.fec", "=ime.fec", "balance:=ime.fec", "balance:1=", "1balance=x", "bal ance=x"})
        EXPECT_THROW(parse_balance_request(bad), BalanceError) << bad;
}

TEST(LongTable, EachFileAddsItsAccountsWithItsKey) {
    const DataSet set =
        plan_balance_fill({loaded("balance:4=ime.csv", k_ime), loaded("balance:5=saad.csv", k_saad)}, long_table(10));
    const DataEntry& accounts = entry(set, "balance_comptes");
    ASSERT_EQ(accounts.rows.size(), 10u);
    // IME's accounts sorted (512, 6411, 731221), then the SAAD's (6411, 733141), then blanks.
    EXPECT_EQ(text(accounts, 0), "512");
    EXPECT_EQ(text(accounts, 2), "731221");
    EXPECT_EQ(text(accounts, 3), "6411");
    EXPECT_TRUE(blank(accounts, 5));
    EXPECT_DOUBLE_EQ(number(entry(set, "balance_colonnes"), 0), 4);
    EXPECT_DOUBLE_EQ(number(entry(set, "balance_colonnes"), 4), 5);
    EXPECT_DOUBLE_EQ(number(entry(set, "balance_credits"), 2), 1200);
    EXPECT_DOUBLE_EQ(number(entry(set, "balance_debits"), 2), 0);
    EXPECT_EQ(text(entry(set, "balance_libelles"), 4), "Tarif horaire");
    // A range of the table the import does not write is cleared: no example figure stays.
    const DataEntry& other = entry(set, "balance_montants");
    ASSERT_EQ(other.rows.size(), 10u);
    EXPECT_TRUE(blank(other, 0));
    EXPECT_THROW(entry(set, "exercice"), std::runtime_error);  // other ranges untouched
}

TEST(LongTable, WithItsOwnBilanTableTakesOnlyTheResultClasses) {
    // eprd: the forecast result in the long table, the closing balance sheet in the wide table « bilan ».
    RangeShapes shapes = long_table(10);
    for (const auto& [n, col] :
         std::vector<std::pair<std::string, int>>{{"bilan_comptes", 0}, {"bilan_libelles", 1}, {"bilan_soldes", 2}})
        shapes[n] = shape(n, 9, 18, col, "Bilan");
    std::vector<std::string> notes;
    const DataSet set = plan_balance_fill({loaded("balance:4=ime.csv", k_ime)}, shapes, &notes);
    const DataEntry& accounts = entry(set, "balance_comptes");
    EXPECT_EQ(text(accounts, 0), "6411");  // 512 left out
    EXPECT_EQ(text(accounts, 1), "731221");
    EXPECT_TRUE(blank(accounts, 2));
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0],
              "--balance balance:4=ime.csv : 1 compte de bilan (classes 1 à 5, solde "
              "200,00\xC2\xA0\xE2\x82\xAC) non importé dans la table « balance », qui ne prend que les "
              "classes 6 et 7 dans ce classeur : "
              "--balance bilan_soldes=ime.csv les met sur la feuille de bilan");
    // The same file also into the bilan: nothing is left out, no note.
    notes.clear();
    const DataSet both =
        plan_balance_fill({loaded("balance:4=ime.csv", k_ime), loaded("bilan_soldes=ime.csv", k_ime)}, shapes, &notes);
    EXPECT_TRUE(notes.empty());
    EXPECT_EQ(text(entry(both, "bilan_comptes"), 1), "512");
    // Without a bilan table (errd), the long table takes classes 1 to 7.
    notes.clear();
    EXPECT_EQ(
        text(entry(plan_balance_fill({loaded("balance:4=ime.csv", k_ime)}, long_table(10), &notes), "balance_comptes"),
             0),
        "512");
    EXPECT_TRUE(notes.empty());
}

TEST(LongTable, TextKeysStayText) {
    const DataSet set = plan_balance_fill({loaded("balance:EHPAD-H=a.csv", k_saad)}, long_table(3));
    EXPECT_EQ(text(entry(set, "balance_colonnes"), 0), "EHPAD-H");
}

TEST(LongTable, RefusalsAreExplained) {
    EXPECT_EQ(error_of({loaded("balance:1=ime.csv", k_ime), loaded("balance:2=saad.csv", k_saad)}, long_table(4)),
              "table « balance » : 5 lignes de comptes à écrire, la plage balance_comptes n'en a que 4 : rien n'est "
              "coupé, agrandissez la balance du classeur");
    EXPECT_EQ(error_of({loaded("balance=ime.csv", k_ime)}, long_table(10)),
              "--balance balance=ime.csv : précisez la colonne de la balance, par exemple « balance:1=ime.csv » "
              "(plage balance_colonnes)");
    EXPECT_EQ(error_of({loaded("grand:1=ime.csv", k_ime)}, long_table(10)),
              "le classeur n'a pas de plage nommée « grand_comptes »");
}

RangeShapes wide_tables() {
    RangeShapes s;
    for (const auto& [n, col] : std::vector<std::pair<std::string, int>>{
             {"balance_comptes", 0}, {"balance_libelles", 1}, {"balance_n_2", 2}, {"balance_n_1", 3}, {"balance_n", 4}})
        s[n] = shape(n, 10, 19, col);
    s["resultat_balance"] = shape("resultat_balance", 7, 7, 2);
    for (const auto& [n, col] :
         std::vector<std::pair<std::string, int>>{{"bilan_comptes", 0}, {"bilan_libelles", 1}, {"bilan_soldes", 2}})
        s[n] = shape(n, 9, 18, col, "Bilan");
    return s;
}

TEST(WideTable, UnionOfAccountsInTheDirectionOfTheirClass) {
    const DataSet set =
        plan_balance_fill({loaded("balance_n=ime.csv", k_ime), loaded("balance_n_1=saad.csv", k_saad)}, wide_tables());
    const DataEntry& accounts = entry(set, "balance_comptes");
    // Classes 6 and 7 only: 6411, 731221, 733141 (512 is a balance-sheet account).
    EXPECT_EQ(text(accounts, 0), "6411");
    EXPECT_EQ(text(accounts, 1), "731221");
    EXPECT_EQ(text(accounts, 2), "733141");
    EXPECT_TRUE(blank(accounts, 3));
    const DataEntry& n = entry(set, "balance_n");
    EXPECT_DOUBLE_EQ(number(n, 0), 1000);
    EXPECT_DOUBLE_EQ(number(n, 1), 1200);  // a product, positive
    EXPECT_TRUE(blank(n, 2));              // not in the IME's file
    EXPECT_DOUBLE_EQ(number(entry(set, "balance_n_1"), 2), 300);
    EXPECT_TRUE(blank(entry(set, "balance_n_2"), 0));  // example column cleared
    EXPECT_EQ(text(entry(set, "balance_libelles"), 1), "Prix de journée");
    EXPECT_THROW(entry(set, "resultat_balance"), std::runtime_error);
}

TEST(WideTable, BilanGetsClassesOneToFiveAndTheResultLine) {
    const DataSet set = plan_balance_fill({loaded("bilan_soldes=ime.csv", k_ime)}, wide_tables());
    const DataEntry& accounts = entry(set, "bilan_comptes");
    // Sorted: "12" (result) before "512".
    EXPECT_EQ(text(accounts, 0), "12");
    EXPECT_EQ(text(accounts, 1), "512");
    // Result of classes 6 and 7, signed: 1 000 − 1 200 = −200 (a surplus is a credit).
    EXPECT_DOUBLE_EQ(number(entry(set, "bilan_soldes"), 0), -200);
    EXPECT_DOUBLE_EQ(number(entry(set, "bilan_soldes"), 1), 200);
}

TEST(WideTable, RefusalsAreExplained) {
    RangeShapes no_labels = wide_tables();
    no_labels.erase("balance_libelles");
    EXPECT_EQ(error_of({loaded("balance_n=ime.csv", k_ime)}, no_labels),
              "le classeur n'a pas de plage nommée « balance_libelles » : sans elle, les libellés de l'exemple "
              "resteraient en face des comptes importés");
    EXPECT_EQ(error_of({loaded("balance_n=a.csv", k_ime), loaded("balance_n=b.csv", k_saad)}, wide_tables()),
              "--balance : la colonne « balance_n » est donnée deux fois");
    EXPECT_EQ(error_of({loaded("balance_n:2=a.csv", k_ime)}, wide_tables()),
              "--balance balance_n:2=a.csv : « balance_n » est une colonne de montants, sans clé « :… »");
    EXPECT_EQ(error_of({loaded("balance_x=a.csv", k_ime)}, wide_tables()),
              "le classeur n'a pas de plage nommée « balance_x »");
    RangeShapes with_debits = wide_tables();
    with_debits["balance_debits_n"] = shape("balance_debits_n", 10, 19, 5);
    EXPECT_EQ(error_of({loaded("balance_debits_n=a.csv", k_ime)}, with_debits),
              "--balance balance_debits_n=a.csv : « balance_debits_n » est une colonne de débits ou de crédits ; le "
              "fichier s'importe en soldes (par exemple balance_n), qui sont dans le sens du compte");
    EXPECT_EQ(error_of({loaded("balance_libelles=a.csv", k_ime)}, wide_tables()),
              "--balance balance_libelles=a.csv : « balance_libelles » n'est pas une colonne de montants");
}

TEST(Notes, ClassesNoTableTakesAreListed) {
    const std::string fec =
        "JournalCode|EcritureNum|EcritureDate|CompteNum|CompteLib|Debit|Credit\n"
        "OD|1|20241231|606100|Eau|100|0\n"
        "OD|1|20241231|512000|Banque|0|100\n"
        "OD|2|20241231|860000|Secours en nature|50|0\n"
        "OD|2|20241231|870000|Bénévolat|0|50\n";
    const auto notes = balance_notes({loaded("balance_n=fec.txt", fec)});
    // The FEC's own notes (incomplete header, counts), then class 5 (not taken by a result table), then class 8.
    ASSERT_EQ(notes.size(), 4u) << notes.back();
    EXPECT_EQ(notes[2],
              "fec.txt : 1 compte de classe 5 non importé (aucune plage visée ne prend cette classe ; solde "
              "-100,00\xC2\xA0\xE2\x82\xAC) : 512000");
    EXPECT_EQ(notes[3],
              "fec.txt : 2 comptes de classe 8 non importés (aucune plage visée ne prend cette classe ; solde "
              "0,00\xC2\xA0\xE2\x82\xAC) : 860000, 870000");
    // The same file into the bilan too: class 5 is taken, class 8 still listed.
    EXPECT_EQ(balance_notes({loaded("balance_n=fec.txt", fec), loaded("bilan_soldes=fec.txt", fec)}).size(), 3u);
    // A long table takes classes 1 to 7: class 8 is still listed.
    const auto long_notes = balance_notes({loaded("balance:1=fec.txt", fec)});
    ASSERT_EQ(long_notes.size(), 3u);
    EXPECT_EQ(long_notes[2], notes[3]);
}

}  // namespace
