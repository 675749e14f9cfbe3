// CPOM_VALIDATE: why an input cell cannot be used, in French, before any formula reads it. Sheet validation only
// guards typing: data filled by cpom-run --data, pasted or written by another tool reach the formulas unchecked,
// and Calc's own formulas then substitute silently (a text compares above every number, a blank reads as 0).
// The one place where the templates' input checks are decided and worded (tools/workbook.py generates the calls
// from each sheet's [[sheet.input_check]]).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cpom {

// What an input cell holds: nothing, a number or a text.
using InputValue = std::variant<std::monostate, double, std::string>;

// The order is CPOM_VALIDATE's list of kinds (AMOUNT, RATE, WHOLE, NUMBER, ACCOUNT, CHOICE, LABEL).
enum class InputKind {
    Amount,   // euros
    Rate,     // a yearly rate or a share, as a decimal (0,012 = 1,2 %)
    Whole,    // a whole number (a year of the contract, a count)
    Number,   // any number (places, days)
    Account,  // the account number of a trial balance line that has an amount (accounts.hpp's rule)
    Choice,   // one text of a list (an allocation key, « somme » or « moyenne »)
    Label,    // a name that must be given (an activity's name); with a maximum, its most characters
};

struct InputRule {
    InputKind kind = InputKind::Amount;
    // Inclusive bounds of the numeric kinds; for a label, the maximum is its most characters (a text printed in a
    // row of fixed height). A rate without bounds stays within [−100 %, +100 %]: above, it is
    // almost surely a percentage typed without its % sign (12 for 12 %).
    std::optional<double> minimum;
    std::optional<double> maximum;
    bool blank_allowed = false;  // a blank has a documented meaning (no cap, year 1, the default count)
    // The sheet's own reason for a value below the minimum or above the maximum (« capacité nulle : au moins une
    // place est attendue »), written after the value instead of « hors des limites (…) »; empty: the generic one.
    std::string why_min;
    std::string why_max;
    // Choice: the texts allowed, exactly: a new Calc document compares texts with case (Tools ▸ Options ▸ Calc ▸
    // Calculate ▸ Case sensitive, on by default), so the sheet's formulas read « Intégrée » as another reading than
    // « intégrée »; nor do they trim (« somme  » is not « somme »).
    std::vector<std::string> choices;
    // Account: the classes the table takes, as digits ("67": a result balance; empty: every class), and the
    // sheet's reason for another class (« hors du compte de résultat »; empty: the classes allowed are listed).
    std::string classes;
    std::string why_classes;
};

// A rule with its bounds and blank rule, the other fields at their defaults: named, never positional (the rule
// grows with the checks).
inline InputRule input_rule(InputKind kind, std::optional<double> minimum = {}, std::optional<double> maximum = {},
                            bool blank_allowed = false) {
    InputRule rule;
    rule.kind = kind;
    rule.minimum = minimum;
    rule.maximum = maximum;
    rule.blank_allowed = blank_allowed;
    return rule;
}

// The reason the value cannot be used, "label : reason" in French ("" when it can). The label names the cell for
// the reader (a column header, a year, a cell address); empty: the reason alone. Account kind: `line_amount` is
// the first non-zero amount of the account's line; without one the account is not read, so it is not checked.
std::string input_error(const InputValue& value, const InputRule& rule, std::string_view label,
                        std::optional<double> line_amount = std::nullopt);

// For a rate that can be used: a warning when it is not zero and below `threshold` in absolute value, with the
// rate a hundred times larger as the likely intent ("0,02 % : vouliez-vous dire 2 % ?"); "" otherwise. In a cell
// formatted as a percentage Calc reads a typed 0,02 as 0,02 %, so a rate 100 times too small is the usual slip. The
// threshold is the sheet's choice, a convention (projection-cpom: 0,1 %, issue 18's "between 0 and 0,1 % for an
// inflation or growth rate"), never a regulatory figure: CPOM_VALIDATE takes it as an argument.
std::string input_warning(const InputValue& value, const InputRule& rule, std::string_view label, double threshold);

}  // namespace cpom
