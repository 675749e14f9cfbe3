// The account selector of CPOM_ACCOUNTS, e.g. "7 -775 -777 -7781 -78": which accounts of a trial balance to add.
//
// Grammar (one parser, used for the user's selectors and for the fixed account lists of the CAF and the
// balance sheet):
//   selector := item { separator item }       separator := one or more spaces, tabs or ';'
//   item     := [ "-" ] digits                "-" excludes the prefix, no sign includes it
// An account matches when its LONGEST matching prefix is an included one: "7 -77 775" takes 7061 and 775
// but not 771. The same prefix both included and excluded, a lone "-", any other character (",", "+", letters)
// and a selector that includes nothing are errors with a French reason.
#pragma once

#include <array>

#include <string>
#include <string_view>

#include "cpom/accounts.hpp"
#include "cpom/prefix_table.hpp"

namespace cpom {

class Selector {
public:
    // Throws ArgumentError(argument, reason) when `text` does not follow the grammar.
    static Selector parse(std::string_view text, const std::string& argument = "selector");

    bool matches(std::string_view account_digits) const {
        const Polarity* found = table_.longest_match(account_digits);
        return found != nullptr && *found == Polarity::Include;
    }

private:
    enum class Polarity : unsigned char { Include, Exclude };
    PrefixTable<Polarity> table_;
};

// Σ of the amounts of the lines whose account matches.
double sum_selected(const TrialBalance& balance, const Selector& selector);

// The same for several selectors in one pass over the lines (a whole-column balance is read from memory once, not
// once per selector); each sum adds its lines in the same order as sum_selected, so the figures are identical.
template <std::size_t N>
std::array<double, N> sum_selected(const TrialBalance& balance, const std::array<const Selector*, N>& selectors) {
    std::array<double, N> sums{};
    for (const AccountLine& line : balance.lines())
        for (std::size_t k = 0; k < N; ++k)
            if (selectors[k]->matches(line.account.digits())) sums[k] += line.amount;
    return sums;
}

}  // namespace cpom
