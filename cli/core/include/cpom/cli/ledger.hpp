// Trial balances read from what accounting packages export (docs/cli.md, « Balances comptables ») :
//   FEC      the fichier des écritures comptables of article A47 A-1 of the livre des procédures fiscales: one line
//            per entry line, fields separated by a tab or « | », the field names on the first line, amounts with a
//            decimal comma, dates AAAAMMJJ. Every entry line is aggregated to its account (CompteNum).
//   balance  a balance CSV: account; label; debit; credit (or a signed balance), with or without a header line.
// Whatever the format, a bad file is refused with a French reason naming the line; nothing is dropped silently.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cpom::cli {

struct LedgerAccount {
    std::string account;  // as written in the file (trimmed), e.g. "6411" or "401000"
    std::string label;    // the first non-empty label seen for it
    double debit = 0;     // total of the debits (FEC: of its entry lines; balance: the debit column)
    double credit = 0;    // total of the credits
    int line = 0;         // first line of the file where it appears, for messages
    double balance() const { return debit - credit; }  // signed: debit positive
};

enum class LedgerFormat { fec, balance };

struct Ledger {
    LedgerFormat format = LedgerFormat::fec;
    std::vector<LedgerAccount> accounts;  // one per account, sorted by account number (as text)
    std::size_t lines = 0;                // data lines read (FEC: entry lines)
    std::size_t entries = 0;              // FEC: distinct entries (JournalCode + EcritureNum); balance: 0
    std::string first_date, last_date;    // FEC: EcritureDate range, AAAAMMJJ
    std::vector<std::string> notes;       // French remarks that do not stop the import (shown to the user)
};

class LedgerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// FEC if the first line names the FEC fields (CompteNum, Debit/Credit or Montant/Sens), a balance CSV otherwise.
// Throws LedgerError: « ligne 1 234 : montant au crédit illisible « 12a » ».
Ledger parse_ledger(std::string_view text);

// Reads the file (UTF-8, or ISO 8859-15 / Windows-1252 as the FEC's legal character sets), then parse_ledger; the
// file name is put in front of messages.
Ledger load_ledger(const std::filesystem::path& path);

// The class of an account: its first digit (1 to 9), or 0 if it does not start with a digit.
int account_class(std::string_view account);

// Amounts as exports write them: "1234,56", "-0001234,56", "1 234,56", "1234.56", "1 234,56 €". Stricter than data
// files: no percentage, no exponent, one decimal mark. Not an amount → false.
bool parse_amount(std::string_view field, double& value);

// "1 234 567,89 €" for messages.
std::string format_euros(double amount);

}  // namespace cpom::cli
