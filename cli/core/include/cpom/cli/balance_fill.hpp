// `cpom-run --balance CIBLE=FICHIER`: the named ranges a FEC or balance file fills in a workbook (docs/cli.md,
// « Balances comptables »). A workbook declares a balance table by named ranges of the same rows:
//   long table  <t>_comptes, <t>_debits, <t>_credits [, <t>_libelles, <t>_colonnes]: every file adds one row per
//               account (account, label, its key in <t>_colonnes, debit, credit), classes 1 to 7 — only 6 and 7 if
//               the workbook also has a table « bilan »; CIBLE is "<t>:<clé>" (or "<t>" without <t>_colonnes). The
//               balances of errd (all classes) and eprd (the forecast result; its bilan is a wide table).
//   wide table  <t>_comptes, <t>_libelles and amount columns <t>_<x>: CIBLE names an amount column; the accounts of
//               all files form the rows. Table « bilan »: classes 1 to 5, signed (debit positive), the result of
//               classes 6 and 7 on one line « 12 »; any other table: classes 6 and 7 in the direction of their
//               class (charges and products positive). The eprd's bilan, audit-budgetaire's balance.
// Every range of the table not written is cleared, so that no example figure stays next to imported accounts.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "cpom/cli/data_file.hpp"
#include "cpom/cli/ledger.hpp"

namespace cpom::cli {

struct BalanceRequest {
    std::string target;  // a table (long) or an amount column (wide), as typed
    std::string key;     // long tables: the value written in <t>_colonnes; empty if none given
    std::filesystem::path file;
    std::string spec;  // "balance:3=ime.fec", for messages
};

class BalanceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "balance:3=ime.fec", "balance_n=fec-2024.txt". Throws BalanceError (French) for a missing « = », name or file.
BalanceRequest parse_balance_request(const std::string& text);

struct LoadedBalance {
    BalanceRequest request;
    Ledger ledger;
};

// Where a named range lies (0-based rows and columns, as UNO gives them).
struct RangeShape {
    std::string name;  // as the workbook spells it
    std::string sheet;
    int first_row = 0, last_row = 0, first_col = 0, last_col = 0;
    std::size_t rows() const { return static_cast<std::size_t>(last_row) - static_cast<std::size_t>(first_row) + 1; }
    std::size_t cols() const { return static_cast<std::size_t>(last_col) - static_cast<std::size_t>(first_col) + 1; }
};
using RangeShapes = std::map<std::string, RangeShape>;  // by lower-case name

// The data that fills the workbook's tables (one entry per range, sized to it). Throws BalanceError (French) when a
// range is missing or too small: nothing is ever cut. `notes` (if given) receives, in French, what this workbook
// leaves out that balance_notes could not know: the classes 1 to 5 a long table does not take when the workbook has
// its own bilan table.
DataSet plan_balance_fill(const std::vector<LoadedBalance>& balances, const RangeShapes& shapes,
                          std::vector<std::string>* notes = nullptr);

// What each file brings that no requested table takes (classes outside the tables, totals), in French, so that the
// run says it: nothing is dropped silently. Computed from the requests alone (before any workbook is open).
std::vector<std::string> balance_notes(const std::vector<LoadedBalance>& balances);

}  // namespace cpom::cli
