// The formula cells in error of a recalculated workbook (cpom/cli/cell_errors.hpp), and why. A cell that calls a
// CPOM_ function gets the reason CPOM_CHECK gives for the same call: its argument tokens, made absolute, evaluated in
// a scratch sheet (removed afterwards); a cell whose error comes from another cell points to it, followed up to the
// first cell of the chain. Nothing else of the document is changed.
#pragma once

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include "cpom/cli/cell_errors.hpp"
#include "uno_connection.hpp"

namespace cpom::cli {

// Where and which error: every sheet, every formula cell in error (codes read for all, the first ones listed).
WorkbookErrors list_error_cells(const Reference<css::sheet::XSpreadsheetDocument>& document);

// Reasons and causes of the first listed cells (a bounded number of CPOM_CHECK calls). Never throws for a document
// that refuses a scratch sheet (protected structure): the cells then keep no reason.
void explain_error_cells(const Reference<css::sheet::XSpreadsheetDocument>& document, WorkbookErrors& errors);

}  // namespace cpom::cli
