// Formula cells in error after a recalculation, as cpom-run reports them (summary line, --report): where they are,
// which Calc error, and why when that can be told (the reason CPOM_CHECK gives for a CPOM_ call, or the cell the
// error comes from). Also the Excel error value an error cell becomes in an XLSX export (docs/cli.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cpom::cli {

struct CellRef {
    std::string sheet;
    std::int32_t column = 0, row = 0;  // 0-based
    bool operator==(const CellRef&) const = default;
};

std::string column_name(std::int32_t column);  // 0 → "A", 27 → "AB"
std::string cell_name(const CellRef& cell);    // "Projection.E6"

// Calc's error codes (LibreOffice formula/errorcodes.hxx) that cpom-run names.
namespace calc_error {
constexpr int illegal_argument = 502, illegal_fp_operation = 503, illegal_parameter = 504, no_value = 519,
              no_code = 521, circular_reference = 522, no_convergence = 523, no_ref = 524, no_name = 525,
              no_addin = 530, no_macro = 531, division_by_zero = 532, not_available = 0x7fff;
}

// What Calc shows in the cell, in its English notation: 502 → "Err:502", 532 → "#DIV/0!", 0x7fff → "#N/A".
std::string calc_error_text(int code);

// The Excel error value of an XLSX cell in error: "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#REF!", "#NAME?" or
// "#NULL!" (the table is in docs/cli.md).
std::string excel_error(int code);

struct ErrorCell {
    CellRef cell;
    int code = 0;
    std::string reason;            // French: why, when known (CPOM_CHECK's reason, of this cell or of its cause)
    std::optional<CellRef> cause;  // the cell in error this one's error comes from (the first of the chain)
};

struct WorkbookErrors {
    std::size_t count = 0;                                       // every formula cell in error
    std::vector<std::pair<std::string, std::size_t>> per_sheet;  // sheets with errors, in workbook order
    std::vector<ErrorCell> cells;          // the first ones, sheet by sheet, row by row (at most max_listed)
    std::map<int, CellRef> first_by_code;  // the first cell of each error code met
    // The workbook's own French verdict on its inputs: the text of its named cell `controle_saisies` (the
    // templates' convention), read when cells are in error. Templates often show #N/A beside their reason rather
    // than call a CPOM_ function with the bad value, so this is where the why is.
    std::string input_check;

    bool any() const { return count > 0; }
    static constexpr std::size_t max_listed = 1000;
};

// "37 cellules en erreur : Projection (24), Consolidation (13)"
std::string error_count_text(const WorkbookErrors& errors);

// One line per distinct story (same reason, else same cause), at most `max_lines`, then "… et 12 autres cellules en
// erreur" if cells are left:
//   "Projection.E6 Err:502 — CPOM_PROJECT, rates = inflation_groupe_1 : la cellule n° 1 contient du texte…"
//   "Consolidation.C6 Err:502 — vient de Projection.E60"
std::vector<std::string> error_lines(const WorkbookErrors& errors, std::size_t max_lines);

// The cells of rectangular ranges (inclusive bounds), row by row, each cell once even if ranges overlap.
struct CellBlock {
    std::int32_t start_column, start_row, end_column, end_row;
};
std::vector<std::pair<std::int32_t, std::int32_t>> cells_row_by_row(
    const std::vector<CellBlock>& blocks);  // (column, row)

// The first cell (row by row) of `area` that lies in one of `blocks` and not in `skip`: where a formula reading
// `area` finds an error (`blocks`: the error cells of the sheet; `skip`: the formula's own cells).
std::optional<std::pair<std::int32_t, std::int32_t>> first_cell_in(const std::vector<CellBlock>& blocks,
                                                                   const CellBlock& area, const CellBlock& skip);

}  // namespace cpom::cli
