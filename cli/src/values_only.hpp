// Excel has no cpom-calc add-in: an XLSX sent to an ARS must carry figures, not CPOM_* formulas it would show as
// #NAME?. This replaces every formula of the loaded copy by its value, keeping what the cell displayed: the number
// format (also the one Calc infers from the formula, e.g. € from =B5), and the error text of an error cell.
#pragma once

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "uno_connection.hpp"

namespace cpom::cli {

// Throws DocumentError if a sheet is protected by a password (its formulas cannot be replaced).
void replace_formulas_by_values(const Reference<css::sheet::XSpreadsheetDocument>& document);

}  // namespace cpom::cli
