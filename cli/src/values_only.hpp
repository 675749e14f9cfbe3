// Excel has no cpom-calc add-in: an XLSX sent to an ARS must carry figures, not CPOM_* formulas it would show as
// #NAME?. This replaces every formula of the loaded copy by its value, keeping what the cell displayed: the number
// format (also the one Calc infers from the formula, e.g. € from =B5), and for an error cell an Excel error value
// (=#VALUE!…, table in cpom/cli/cell_errors.hpp and docs/cli.md). All sheets are read first, then written with
// automatic calculation off: no formula is ever recalculated against a half-converted workbook. The loaded copy is
// left without its formulas: export it last.
#pragma once

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "uno_connection.hpp"

namespace cpom::cli {

// Throws DocumentError if a sheet is protected by a password (its formulas cannot be replaced).
void replace_formulas_by_values(const Reference<css::sheet::XSpreadsheetDocument>& document);

}  // namespace cpom::cli
