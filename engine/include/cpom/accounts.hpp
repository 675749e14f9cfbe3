// Account numbers and trial balances (balances comptables) as exported by accounting software: ONE
// normalisation rule for every EPRD / ERRD function (CPOM_ACCOUNTS, CPOM_GROUP, CPOM_CAF_*, CPOM_BALANCE).
//
// Account cell:
//  - a number must be a whole number ≥ 1 (6111, 6111.0). 6111.5 is an error: decimals mean an amount in the
//    wrong column, or a sub-account such as 10686.3 that the spreadsheet turned into a number (type it as text);
//  - a text is trimmed (spaces, tabs, non-breaking spaces) and keeps its LEADING RUN OF DIGITS; what follows is
//    a qualifier that exports add and is ignored: "411-ASSO" → 411, "6111.00" → 6111, "10686.3.1" → 10686,
//    "6411 Salaires" → 6411, "60226 " → 60226;
//  - a text that does not start with a digit ("Total classe 6", "C6111") or a blank cell holds no account.
//  Trailing zeros of padded exports ("60610000") are kept: they never change which prefix an account matches.
// Line of the balance (account cell + amount cell, the two ranges having the same number of cells):
//  - amount blank or 0 → the line is skipped, whatever its account (empty lines, titles, accounts without balance);
//  - amount not 0 and no account → error naming the line (a figure that belongs to no account is never dropped).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cpom/role.hpp"

namespace cpom {

// The digits of an account number, stored inline: no allocation per line of a large trial balance.
class AccountNumber {
public:
    static constexpr std::size_t max_digits = 20;

    // Whole number ≥ 1, at most 20 digits; otherwise ArgumentError(role, "ligne <line> : " + reason), the
    // line label left out when line is 0. (Labels are built only on error: no string work per line.)
    static AccountNumber from_number(double x, Role role, std::size_t line = 0);
    // Leading run of digits of the trimmed text; nullopt when it does not start with a digit.
    // More than 20 digits → ArgumentError as above.
    static std::optional<AccountNumber> from_text(std::string_view text, Role role, std::size_t line = 0);

    std::string_view digits() const { return {digits_.data(), size_}; }
    char account_class() const { return digits_[0]; }

private:
    std::array<char, max_digits> digits_{};
    std::uint8_t size_ = 0;
};

// One cell of an account column as the caller has it: blank, a number or a text (a view, not a copy).
using AccountCell = std::variant<std::monostate, double, std::string_view>;

struct AccountLine {
    AccountNumber account;
    double amount = 0.0;
    std::size_t line = 0;  // 1-based position in the ranges, for messages
};

// The non-empty lines of a trial balance, accounts normalised.
class TrialBalance {
public:
    // `amounts[i]` is nullopt for a blank cell. Errors have the role accounts or amounts (a function whose amounts
    // are balances maps the role: cpom/calls/roles.hpp) and name the line.
    static TrialBalance read(std::span<const AccountCell> accounts, std::span<const std::optional<double>> amounts);

    // The same, line by line, for callers that hold the cells in another form (the add-in's adapters), so that
    // no copy of a 100 000-line range is made: check_sizes first, then add every line in order.
    static void check_sizes(std::size_t accounts, std::size_t amounts);
    void reserve(std::size_t lines) { lines_.reserve(lines); }
    void add(const AccountCell& account, std::optional<double> amount, std::size_t line);

    std::span<const AccountLine> lines() const { return lines_; }

private:
    std::vector<AccountLine> lines_;
};

// The account of a balance line whose amount is not 0 (the rule above): ArgumentError(Role::accounts, "ligne <line> : "
// + reason) when the cell holds none: blank, a text that does not start with a digit, a number that is not a whole
// number ≥ 1. Shared by the trial balance and CPOM_VALIDATE's ACCOUNT check, so both read an account alike.
AccountNumber line_account(const AccountCell& cell, double amount, std::size_t line);

// Trims spaces, tabs and non-breaking spaces (U+00A0, U+202F: thousands separators of French exports).
std::string_view trim_spaces(std::string_view text);

// A blank cell, or a text of spaces only.
bool is_blank(const AccountCell& cell);

// The digits of an account prefix in a table written on purpose (CPOM_GROUP's mapping, CPOM_SECTION_CHECK's rules):
// stricter than an account of a trial balance, digits only with no qualifier after them. Errors name `role`.
AccountNumber prefix_of(const AccountCell& cell, Role role, std::size_t line);

// "ligne 12 : ", the prefix of messages about one line of a trial balance or mapping table; "" for line 0.
std::string line_label(std::size_t line);

}  // namespace cpom
