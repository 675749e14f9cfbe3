// Balances read from accounting exports: the FEC (article A47 A-1 of the LPF) and balance CSV files. Every
// expected figure below is added up by hand from the lines of the file it comes with.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cpom/cli/ledger.hpp"
#include "fec_sample.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;

const LedgerAccount& account(const Ledger& ledger, const std::string& number) {
    for (const LedgerAccount& a : ledger.accounts)
        if (a.account == number) return a;
    throw std::runtime_error("no account " + number);
}

std::string error_of(std::string_view text) {
    try {
        parse_ledger(text);
    } catch (const LedgerError& e) {
        return e.what();
    }
    return "(no error)";
}

const char* const k_header =
    "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|"
    "EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\n";

// Four entries: opening balance, a purchase, an invoice to a resident, its payment.
const std::string k_small_fec =
    std::string(k_header) +
    "AN|A nouveaux|1|20240101|512000|Banque|||AN1|20240101|Reprise|10000,00|0,00|||20240115||\n"
    "AN|A nouveaux|1|20240101|102000|Fonds associatifs|||AN1|20240101|Reprise|0,00|10000,00|||20240115||\n"
    "AC|Achats|2|20240305|606100|Eau, énergie|||F12|20240301|EDF|1200,50|0,00|||20240310||\n"
    "AC|Achats|2|20240305|401000|Fournisseurs|401EDF|EDF|F12|20240301|EDF|0,00|1200,50|||20240310||\n"
    "VT|Ventes|3|20240331|411000|Usagers|||V1|20240331|Facture|5000,00|0,00|||20240331||\n"
    "VT|Ventes|3|20240331|735221|Tarif hébergement|||V1|20240331|Facture|0,00|5000,00|||20240331||\n"
    "BQ|Banque|4|20241231|512000|Banque|||R1|20241231|Règlement|4000|0|||20241231||\n"
    "BQ|Banque|4|20241231|411000|Usagers|||R1|20241231|Règlement|0|4000|||20241231||\n";

TEST(Fec, AggregatesEntryLinesToAccounts) {
    const Ledger l = parse_ledger(k_small_fec);
    EXPECT_EQ(l.format, LedgerFormat::fec);
    EXPECT_EQ(l.lines, 8u);
    EXPECT_EQ(l.entries, 4u);
    EXPECT_EQ(l.first_date, "20240101");
    EXPECT_EQ(l.last_date, "20241231");
    ASSERT_EQ(l.accounts.size(), 6u);
    // Sorted as text: 102000, 401000, 411000, 512000, 606100, 735221.
    EXPECT_EQ(l.accounts.front().account, "102000");
    EXPECT_EQ(l.accounts.back().account, "735221");
    EXPECT_DOUBLE_EQ(account(l, "512000").balance(), 14000);  // 10 000 + 4 000
    EXPECT_DOUBLE_EQ(account(l, "411000").debit, 5000);
    EXPECT_DOUBLE_EQ(account(l, "411000").credit, 4000);
    EXPECT_DOUBLE_EQ(account(l, "606100").balance(), 1200.5);
    EXPECT_DOUBLE_EQ(account(l, "735221").balance(), -5000);
    EXPECT_EQ(account(l, "735221").label, "Tarif hébergement");
    EXPECT_EQ(account(l, "411000").line, 6);  // first seen on line 6 (header is line 1)
}

TEST(Fec, TabSeparatorCrLfBomAndWindows1252) {
    std::string text = k_small_fec;
    for (char& c : text)
        if (c == '|') c = '\t';
    std::string crlf;
    for (const char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    // ISO 8859-15 / Windows-1252 « é » (0xE9) in a label, as packages that do not write UTF-8 export it.
    const std::size_t at = crlf.find("Tarif h\xC3\xA9");
    crlf.replace(at, 9, "Tarif h\xE9");
    cpom::cli::test::TempDir dir;
    const auto path = dir.path() / "fec.txt";
    std::ofstream(path, std::ios::binary) << crlf;
    const Ledger l = load_ledger(path);
    EXPECT_EQ(l.accounts.size(), 6u);
    EXPECT_EQ(account(l, "735221").label, "Tarif hébergement");
    EXPECT_DOUBLE_EQ(account(l, "512000").balance(), 14000);
}

TEST(Fec, MontantAndSensInsteadOfDebitAndCredit) {
    const Ledger l = parse_ledger(
        "JournalCode|EcritureNum|EcritureDate|CompteNum|CompteLib|Montant|Sens\n"
        "AC|1|20240105|606100|Eau|300,00|D\n"
        "AC|1|20240105|401000|Fournisseurs|300,00|C\n"
        "AC|2|20240106|606100|Eau|50|+1\n"
        "AC|2|20240106|401000|Fournisseurs|50|-1\n");
    EXPECT_DOUBLE_EQ(account(l, "606100").balance(), 350);
    EXPECT_DOUBLE_EQ(account(l, "401000").balance(), -350);
}

TEST(Fec, SameEntryNumberInTwoJournalsAreTwoEntries) {
    const Ledger l = parse_ledger(std::string(k_header) +
                                  "AC|Achats|1|20240105|606100|Eau|||F|20240105|x|10,00|0,00|||20240105||\n"
                                  "AC|Achats|1|20240105|401000|Fourn.|||F|20240105|x|0,00|10,00|||20240105||\n"
                                  "VT|Ventes|1|20240105|411000|Usagers|||F|20240105|x|7,00|0,00|||20240105||\n"
                                  "VT|Ventes|1|20240105|706000|Prest.|||F|20240105|x|0,00|7,00|||20240105||\n");
    EXPECT_EQ(l.entries, 2u);
}

TEST(Fec, GeneratedFileGivesTheExpectedBalances) {
    const auto sample = cpom::cli::test::generate_fec(2000);
    const Ledger l = parse_ledger(sample.text);
    EXPECT_EQ(l.lines, 2000u);
    EXPECT_EQ(l.entries, sample.entries);
    ASSERT_EQ(l.accounts.size(), sample.balance_cents.size());
    for (const LedgerAccount& a : l.accounts)
        EXPECT_EQ(static_cast<std::int64_t>(std::llround(a.balance() * 100)), sample.balance_cents.at(a.account))
            << a.account;
}

TEST(Fec, BadFilesNameTheLineAndTheReason) {
    const std::string h = k_header;
    const std::string ok1 = "AC|Achats|1|20240105|606100|Eau|||F|20240105|x|10,00|0,00|||20240105||\n";
    const std::string ok2 = "AC|Achats|1|20240105|401000|Fourn.|||F|20240105|x|0,00|10,00|||20240105||\n";
    EXPECT_EQ(error_of(h + ok1 + "AC|Achats|1|20240105|401000|Fourn.|||F|20240105|x|0,00|10,00\n"),
              "ligne 3 : 13 champs au lieu de 18 (séparateur « | » dans un libellé ?)");
    EXPECT_EQ(error_of(h + ok1 + "AC|Achats|1|2024-01-05|401000|Fourn.|||F|20240105|x|0,00|10,00|||20240105||\n"),
              "ligne 3 : date d'écriture (EcritureDate) « 2024-01-05 » : date AAAAMMJJ attendue");
    EXPECT_EQ(error_of(h + ok1 + "AC|Achats|1|20240230|401000|Fourn.|||F|20240105|x|0,00|10,00|||20240105||\n"),
              "ligne 3 : date d'écriture (EcritureDate) « 20240230 » : date AAAAMMJJ attendue");
    EXPECT_EQ(error_of(h + ok1 + "AC|Achats|1|20240105|401000|Fourn.|||F|20240105|x|0,00|10,0O|||20240105||\n"),
              "ligne 3 : montant au crédit (Credit) illisible « 10,0O » (nombre attendu, virgule décimale)");
    EXPECT_EQ(error_of(h + ok1 + "AC|Achats|1|20240105||Fourn.|||F|20240105|x|0,00|10,00|||20240105||\n"),
              "ligne 3 : numéro de compte (CompteNum) vide");
    EXPECT_EQ(error_of(h + ok1 + "AC|Achats|1|20240105|4A1000|Fourn.|||F|20240105|x|0,00|10,00|||20240105||\n"),
              "ligne 3 : numéro de compte « 4A1000 » : ses trois premiers caractères doivent être des chiffres "
              "(article A47 A-1 du LPF)");
    EXPECT_EQ(error_of(h), "FEC sans aucune ligne d'écriture après l'en-tête");
    EXPECT_EQ(error_of(""), "fichier vide : ni écriture ni compte");
    EXPECT_EQ(error_of(h + ok1 + ok2 + "AC|Achats|\"1|20240105|401000\n"), "ligne 4 : guillemet non fermé");
}

TEST(Fec, SeparatorInALabelIsNotMistakenForATrailingOne) {
    // A « | » inside a label gives 19 fields whose last one is empty: not a separator at the end of the line.
    EXPECT_EQ(error_of(std::string(k_header) +
                       "AC|Achats|1|20240105|606100|Eau | énergie|||F|20240105|x|10,00|0,00|||20240105||\n"),
              "ligne 2 : 19 champs au lieu de 18 (séparateur « | » dans un libellé ?)");
    // A package that ends every line with the separator, the header included: accepted.
    std::string header = k_header;
    header.insert(header.size() - 1, "|");
    const Ledger l = parse_ledger(header +
                                  "AC|Achats|1|20240105|606100|Eau|||F|20240105|x|10,00|0,00|||20240105|||\n"
                                  "AC|Achats|1|20240105|401000|F|||F|20240105|x|0,00|10,00|||20240105|||\n");
    EXPECT_DOUBLE_EQ(account(l, "606100").balance(), 10);
}

TEST(Fec, UnbalancedEntriesAreRefused) {
    const std::string h = k_header;
    const std::string message =
        error_of(h +
                 "AC|Achats|1|20240105|606100|Eau|||F|20240105|x|10,00|0,00|||20240105||\n"
                 "AC|Achats|1|20240105|401000|Fourn.|||F|20240105|x|0,00|10,00|||20240105||\n"
                 "AC|Achats|2|20240106|606100|Eau|||F|20240106|x|1200,00|0,00|||20240106||\n"
                 "AC|Achats|2|20240106|401000|Fourn.|||F|20240106|x|0,00|1000,00|||20240106||\n");
    EXPECT_EQ(message,
              "1 écriture déséquilibrée (débit ≠ crédit) : écriture AC 2 (ligne 4) : débit "
              "1\xE2\x80\xAF"
              "200,00\xC2\xA0\xE2\x82\xAC, crédit 1\xE2\x80\xAF"
              "000,00\xC2\xA0\xE2\x82\xAC");
}

TEST(Fec, MissingLegalFieldsAreNotedNotFatal) {
    const Ledger l = parse_ledger(
        "JournalCode|EcritureNum|EcritureDate|CompteNum|Debit|Credit\n"
        "AC|1|20240105|606100|10|0\n"
        "AC|1|20240105|401000|0|10\n");
    ASSERT_FALSE(l.notes.empty());
    EXPECT_NE(l.notes.front().find("CompteLib"), std::string::npos);
    EXPECT_EQ(account(l, "606100").label, "");
}

TEST(Amount, ExportNotations) {
    double v = 0;
    EXPECT_TRUE(parse_amount("1234,56", v));
    EXPECT_DOUBLE_EQ(v, 1234.56);
    EXPECT_TRUE(parse_amount("-0001234,56", v));
    EXPECT_DOUBLE_EQ(v, -1234.56);
    EXPECT_TRUE(parse_amount("1 234,56", v));
    EXPECT_DOUBLE_EQ(v, 1234.56);
    EXPECT_TRUE(
        parse_amount("1\xE2\x80\xAF"
                     "234,56 \xE2\x82\xAC",
                     v));
    EXPECT_DOUBLE_EQ(v, 1234.56);
    EXPECT_TRUE(parse_amount("1234.5", v));
    EXPECT_DOUBLE_EQ(v, 1234.5);
    EXPECT_TRUE(parse_amount("+12", v));
    EXPECT_DOUBLE_EQ(v, 12);
    for (const char* bad : {"", "1.234,56", "2,5 %", "1e3", "12a", "1,2,3", "--1", "12 34", "€", "-", "1 2345"})
        EXPECT_FALSE(parse_amount(bad, v)) << bad;
}

TEST(BalanceCsv, HeaderWithDebitAndCredit) {
    const Ledger l = parse_ledger(
        "Compte;Libellé;Débit;Crédit\n"
        "6411;Salaires;120 000,00;\n"
        "6419;Remboursements sur rémunérations;;3 000,00\n"
        "\"735221\";\"Hébergement ; part départementale\";;150000\n"
        "512;Banque;33000;\n");
    EXPECT_EQ(l.format, LedgerFormat::balance);
    EXPECT_DOUBLE_EQ(account(l, "6411").balance(), 120000);
    EXPECT_DOUBLE_EQ(account(l, "6419").balance(), -3000);
    EXPECT_EQ(account(l, "735221").label, "Hébergement ; part départementale");
    // 120 000 + 33 000 = 153 000 debits against 153 000 credits: balanced, so only the count is noted.
    ASSERT_EQ(l.notes.size(), 1u);
}

TEST(BalanceCsv, WithoutHeaderFourOrThreeColumns) {
    const Ledger four = parse_ledger("6411;Salaires;1000;\n706;Prestations;;400\n");
    EXPECT_DOUBLE_EQ(account(four, "6411").balance(), 1000);
    EXPECT_DOUBLE_EQ(account(four, "706").balance(), -400);
    const Ledger three = parse_ledger("6411;Salaires;1000\n706;Prestations;-400\n");
    EXPECT_DOUBLE_EQ(account(three, "706").credit, 400);
    const Ledger comma = parse_ledger("6411,Salaires,1000.50,0\n706,Prestations,0,400\n");
    EXPECT_DOUBLE_EQ(account(comma, "6411").balance(), 1000.5);
}

TEST(BalanceCsv, TotalsAndBalancesMustAgree) {
    const Ledger l = parse_ledger(
        "Compte;Intitulé;Total débit;Total crédit;Solde débiteur;Solde créditeur\n"
        "411;Usagers;5000;4000;1000;\n"
        "401;Fournisseurs;800;2000;;1200\n");
    EXPECT_DOUBLE_EQ(account(l, "411").balance(), 1000);
    EXPECT_DOUBLE_EQ(account(l, "401").balance(), -1200);
    EXPECT_EQ(error_of("Compte;Intitulé;Total débit;Total crédit;Solde débiteur;Solde créditeur\n"
                       "411;Usagers;5000;4000;1100;\n"),
              "ligne 2 : compte 411 : débit − crédit (1\xE2\x80\xAF"
              "000,00\xC2\xA0\xE2\x82\xAC) ≠ solde débiteur − solde "
              "créditeur (1\xE2\x80\xAF"
              "100,00\xC2\xA0\xE2\x82\xAC)");
}

TEST(BalanceCsv, BadFilesNameTheLineAndTheReason) {
    EXPECT_EQ(error_of("Compte;Libellé;Débit;Crédit\n6411;Salaires;1000;\nTotal classe 6;;1000;\n"),
              "ligne 3 : « Total classe 6 » n'est pas un numéro de compte (ligne de total ou de titre ? la balance ne "
              "doit contenir que des comptes)");
    EXPECT_EQ(error_of("Compte;Libellé;Débit;Crédit\n6411;Salaires;1000;\n6411;Salaires;1000;\n"),
              "ligne 3 : compte 6411 déjà présent (ligne 2) : chaque compte une seule fois");
    EXPECT_EQ(error_of("Compte;Libellé;Débit;Crédit\n60;Achats;300;\n6021;Produits pharmaceutiques;100;\n"
                       "6022;Fournitures;200;\n"),
              "ligne 2 : le compte 60 englobe le compte 6021 (ligne 3) : ligne de sous-total ? Les totaux compteraient "
              "deux fois");
    EXPECT_EQ(error_of("Compte;Libellé;Débit;Crédit\n6411;Salaires;12a;\n"),
              "ligne 2 : débit illisible « 12a » (nombre attendu)");
    EXPECT_EQ(error_of("Compte;Libellé;Solde N;Solde N-1\n6411;Salaires;1000;900\n"),
              "ligne 1 : deux colonnes du même rôle dans l'en-tête (« Solde N-1 ») : gardez une seule année, une seule "
              "colonne par rôle");
    EXPECT_EQ(error_of("Compte;Libellé;Budget\n6411;Salaires;1000\n"),
              "ligne 1 : en-tête sans montants : colonnes « Débit » et « Crédit », « Solde débiteur » et « Solde "
              "créditeur », ou « Solde » attendues");
    EXPECT_EQ(error_of("6411;Salaires;1000;0;12\n"),
              "ligne 1 : 5 colonnes sans ligne d'en-tête : ajoutez l'en-tête « Compte;Libellé;Débit;Crédit » (ou "
              "« Compte;Libellé;Solde »)");
    EXPECT_EQ(error_of("6411,Salaires,1000,50,0\n"),
              "ligne 1 : 5 colonnes sans ligne d'en-tête : ajoutez l'en-tête « Compte;Libellé;Débit;Crédit » (ou "
              "« Compte;Libellé;Solde »)");
}

TEST(BalanceCsv, SignedBalanceWithProductsPositiveIsRefused) {
    // Amounts "in the direction of their class" (products positive) pasted where signed balances are expected.
    const std::string message = error_of("Compte;Libellé;Solde\n6411;Salaires;1000\n735221;Hébergement;1500\n");
    EXPECT_NE(message.find("les produits (classe 7) doivent être créditeurs"), std::string::npos) << message;
}

TEST(BalanceCsv, UnbalancedPartialBalanceIsNoted) {
    const Ledger l = parse_ledger("Compte;Libellé;Débit;Crédit\n6411;Salaires;1000;\n706;Prestations;;400\n");
    ASSERT_EQ(l.notes.size(), 2u);
    EXPECT_EQ(l.notes.front(),
              "balance non équilibrée : débits − crédits = 600,00\xC2\xA0\xE2\x82\xAC (balance partielle ?)");
}

TEST(Ledger, ClassAndEuros) {
    EXPECT_EQ(account_class("6411"), 6);
    EXPECT_EQ(account_class(" 735221"), 7);
    EXPECT_EQ(account_class("Total"), 0);
    EXPECT_EQ(account_class("0123"), 0);
    EXPECT_EQ(format_euros(-1234567.891),
              "-1\xE2\x80\xAF"
              "234\xE2\x80\xAF"
              "567,89\xC2\xA0\xE2\x82\xAC");
    EXPECT_EQ(format_euros(-0.001), "0,00\xC2\xA0\xE2\x82\xAC");
}

}  // namespace
