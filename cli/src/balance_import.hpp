// `--balance`: fills a workbook's balance tables from FEC or balance files (cpom/cli/balance_fill.hpp decides what
// goes where, without UNO; this file only reads the named ranges' positions and hands the result to Document::fill).
#pragma once

#include <string>
#include <vector>

#include "cpom/cli/balance_fill.hpp"
#include "document.hpp"

namespace cpom::cli {

// Throws DocumentError (« balance : … ») when the workbook lacks a range or has too few rows. Returns what this
// workbook leaves out of the files (French notes for the run's report).
std::vector<std::string> fill_balances(Document& document, const std::vector<LoadedBalance>& balances);

}  // namespace cpom::cli
