// A generated FEC of any size with its expected balances, for the ledger tests and benchmarks/cli/ledger_bench.cpp:
// entries of two lines each (a charge or product against a third-party account), amounts in cents drawn from a
// fixed linear congruential sequence, so that the same size always gives the same file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

namespace cpom::cli::test {

struct FecSample {
    std::string text;
    std::map<std::string, std::int64_t> balance_cents;  // account → debit − credit, in cents
    std::size_t entries = 0;
};

inline FecSample generate_fec(std::size_t lines, char separator = '|') {
    static const char* const k_accounts[] = {"606100", "606300", "641100", "645100", "621100", "615200", "681100",
                                             "735211", "735212", "735121", "748000", "758000", "768000", "775000"};
    static const char* const k_labels[] = {"Eau, énergie",
                                           "Fournitures d'entretien",
                                           "Salaires",
                                           "Charges sociales",
                                           "Personnel intérimaire",
                                           "Entretien des bâtiments",
                                           "Dotations",
                                           "Tarif hébergement",
                                           "Tarif dépendance",
                                           "Forfait soins",
                                           "Subventions",
                                           "Produits divers",
                                           "Produits financiers",
                                           "Cessions"};
    constexpr std::size_t k_count = sizeof k_accounts / sizeof *k_accounts;
    FecSample sample;
    const char s = separator;
    sample.text = std::string("JournalCode") + s + "JournalLib" + s + "EcritureNum" + s + "EcritureDate" + s +
                  "CompteNum" + s + "CompteLib" + s + "CompAuxNum" + s + "CompAuxLib" + s + "PieceRef" + s +
                  "PieceDate" + s + "EcritureLib" + s + "Debit" + s + "Credit" + s + "EcritureLet" + s + "DateLet" + s +
                  "ValidDate" + s + "Montantdevise" + s + "Idevise\r\n";
    std::uint64_t seed = 20241231;
    char line[512];
    for (std::size_t entry = 1; 2 * entry <= lines; ++entry) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::size_t which = (seed >> 33) % k_count;
        const std::int64_t cents = static_cast<std::int64_t>((seed >> 12) % 2'000'000) + 1;  // 0,01 to 20 000,00 €
        const bool product = k_accounts[which][0] == '7';
        const char* other = product ? "411000" : "401000";
        const char* other_label = product ? "Usagers" : "Fournisseurs";
        const int month = static_cast<int>(entry % 12) + 1, day = static_cast<int>(entry % 28) + 1;
        const auto amount = [&](std::int64_t c) {
            return std::to_string(c / 100) + "," + (c % 100 < 10 ? "0" : "") + std::to_string(c % 100);
        };
        const std::string a = amount(cents), zero = "0,00";
        // The charge (or the third party of a product) is debited, the other account credited.
        const char* debit_account = product ? other : k_accounts[which];
        const char* credit_account = product ? k_accounts[which] : other;
        const char* debit_label = product ? other_label : k_labels[which];
        const char* credit_label = product ? k_labels[which] : other_label;
        for (int side = 0; side < 2; ++side) {
            std::snprintf(line, sizeof line,
                          "%s%c%s%c%zu%c2024%02d%02d%c%s%c%s%c%c%cP%zu%c2024%02d%02d%cEcriture %zu%c%s%c%s%c%c%c"
                          "2024%02d%02d%c%c\r\n",
                          product ? "VT" : "AC", s, product ? "Ventes" : "Achats", s, entry, s, month, day, s,
                          side == 0 ? debit_account : credit_account, s, side == 0 ? debit_label : credit_label, s, s,
                          s, entry, s, month, day, s, entry, s, side == 0 ? a.c_str() : zero.c_str(), s,
                          side == 0 ? zero.c_str() : a.c_str(), s, s, s, month, day, s, s);
            sample.text += line;
        }
        sample.balance_cents[debit_account] += cents;
        sample.balance_cents[credit_account] -= cents;
        sample.entries = entry;
    }
    return sample;
}

}  // namespace cpom::cli::test
