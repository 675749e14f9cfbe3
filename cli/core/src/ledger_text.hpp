// What the FEC and balance CSV readers share: lines, fields, header names, accumulation by account.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cpom/cli/ledger.hpp"

namespace cpom::cli::ledger_text {

// "ligne 1 234" — line numbers as an accountant reads them; at_line adds " : " for the start of a message.
std::string line_label(int line);
std::string at_line(int line);

std::string_view trim(std::string_view s);

// The length of the space (plain, tab, no-break, narrow no-break) at s[i], 0 if none.
std::size_t space_at(std::string_view s, std::size_t i);

// Lines of the text, numbered from 1; CR LF, LF or CR alone end a line (A47 A-1 I 1°: "Retour chariot et/ou Fin de
// ligne").
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}
    bool next(std::string_view& line);  // false at the end
    int number() const { return number_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int number_ = 0;
};

// Fields of one line. A field between double quotes loses them ("" inside is one quote); separators inside quotes
// are kept. Fields are trimmed. Returns false for an unclosed quote.
bool split_fields(std::string_view line, char separator, std::vector<std::string>& fields);

// Header names compared without case, accents, spaces, « _ », « . » or « ° »: "N° de compte" → "ndecompte".
std::string normal_name(std::string_view name);

// Totals by account, in file order of first appearance; sorted on output.
class AccountTotals {
public:
    void add(std::string_view account, std::string_view label, double debit, double credit, int line);
    std::size_t count() const { return accounts_.size(); }
    const LedgerAccount* find(std::string_view account) const;
    std::vector<LedgerAccount> sorted() &&;  // amounts rounded to the cent (sums of many lines carry binary noise)

private:
    std::vector<LedgerAccount> accounts_;
    std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace cpom::cli::ledger_text
