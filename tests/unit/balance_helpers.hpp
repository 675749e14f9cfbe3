// A trial balance typed in a test: account numbers as numbers, one amount each (shared by the balance-sheet tests).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cpom/accounts.hpp"

namespace cpom::test {

inline TrialBalance numbered_balance(const std::vector<double>& accounts, const std::vector<double>& amounts) {
    std::vector<AccountCell> cells(accounts.begin(), accounts.end());
    std::vector<std::optional<double>> values(amounts.begin(), amounts.end());
    return TrialBalance::read(cells, values);
}

}  // namespace cpom::test
