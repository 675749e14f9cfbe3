#include "cpom/cli/cell_errors.hpp"

#include <algorithm>
#include <set>

namespace cpom::cli {

std::string column_name(std::int32_t column) {
    std::string name;
    for (++column; column > 0; column = (column - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (column - 1) % 26));
    return name;
}

std::string cell_name(const CellRef& cell) {
    return cell.sheet + "." + column_name(cell.column) + std::to_string(cell.row + 1);
}

std::string calc_error_text(int code) {
    using namespace calc_error;
    switch (code) {
        case illegal_fp_operation: return "#NUM!";
        case no_value: return "#VALUE!";
        case no_code: return "#NULL!";
        case no_ref: return "#REF!";
        case no_name: return "#NAME?";
        case division_by_zero: return "#DIV/0!";
        case not_available: return "#N/A";
        default: return "Err:" + std::to_string(code);
    }
}

// LibreOffice's own table (XclTools::GetXclErrorCode, sc/source/filter/excel/xltools.cxx), which its XLSX export
// applies to formula results, with one change: Err:523 (no convergence: a rate that cannot be found) is #NUM!, as
// Excel's own iterative functions (RATE, IRR) report it, where LibreOffice writes #N/A ("no value available").
std::string excel_error(int code) {
    using namespace calc_error;
    switch (code) {
        case illegal_fp_operation:
        case no_convergence: return "#NUM!";
        case division_by_zero: return "#DIV/0!";
        case illegal_argument:
        case illegal_parameter:
        case 508:  // pair expected
        case 509:  // operator expected
        case 510:  // variable expected
        case 511:  // parameter expected
        case no_value:
        case circular_reference: return "#VALUE!";
        case no_code: return "#NULL!";
        case no_ref: return "#REF!";
        case no_name:
        case no_addin:
        case no_macro: return "#NAME?";
        default: return "#N/A";
    }
}

std::string error_count_text(const WorkbookErrors& errors) {
    std::string text = std::to_string(errors.count) + (errors.count > 1 ? " cellules en erreur" : " cellule en erreur");
    for (std::size_t i = 0; i < errors.per_sheet.size(); ++i)
        text +=
            (i ? ", " : " : ") + errors.per_sheet[i].first + " (" + std::to_string(errors.per_sheet[i].second) + ")";
    return text;
}

std::vector<std::string> error_lines(const WorkbookErrors& errors, std::size_t max_lines) {
    std::vector<std::string> lines;
    std::vector<std::string> told;  // one line per story: the same reason (the cells of one array formula and
                                    // those fed by it), else the same cause, else the cell alone
    std::size_t shown = 0;
    // Explained cells first: a template that writes #N/A beside its own French reason puts unexplained cells
    // ahead of the CPOM_ call that says why; the reader wants the why.
    for (const bool explained : {true, false}) {
        for (const ErrorCell& error : errors.cells) {
            if (lines.size() == max_lines) break;
            if (error.reason.empty() == explained) continue;
            const std::string story = !error.reason.empty() ? error.reason
                                      : error.cause         ? cell_name(*error.cause)
                                                            : cell_name(error.cell);
            if (std::find(told.begin(), told.end(), story) != told.end()) continue;
            told.push_back(story);
            std::string line = cell_name(error.cell) + " " + calc_error_text(error.code);
            if (error.cause) {
                line += " — vient de " + cell_name(*error.cause);
                if (!error.reason.empty()) line += " : " + error.reason;
            } else if (!error.reason.empty()) {
                line += " — " + error.reason;
            }
            lines.push_back(line);
            ++shown;
        }
    }
    if (errors.count > shown) {
        const std::size_t others = errors.count - shown;
        lines.push_back("… et " + std::to_string(others) +
                        (others > 1 ? " autres cellules en erreur" : " autre cellule en erreur"));
    }
    return lines;
}

std::vector<std::pair<std::int32_t, std::int32_t>> cells_row_by_row(const std::vector<CellBlock>& blocks) {
    std::set<std::pair<std::int32_t, std::int32_t>> by_row;  // (row, column): sorted row by row
    for (const CellBlock& b : blocks)
        for (std::int32_t row = b.start_row; row <= b.end_row; ++row)
            for (std::int32_t column = b.start_column; column <= b.end_column; ++column) by_row.emplace(row, column);
    std::vector<std::pair<std::int32_t, std::int32_t>> cells;
    cells.reserve(by_row.size());
    for (const auto& [row, column] : by_row) cells.emplace_back(column, row);
    return cells;
}

std::optional<std::pair<std::int32_t, std::int32_t>> first_cell_in(const std::vector<CellBlock>& blocks,
                                                                   const CellBlock& area, const CellBlock& skip) {
    const auto inside = [](const CellBlock& b, std::int32_t column, std::int32_t row) {
        return column >= b.start_column && column <= b.end_column && row >= b.start_row && row <= b.end_row;
    };
    std::optional<std::pair<std::int32_t, std::int32_t>> best;  // (row, column) of the first one so far
    for (const CellBlock& b : blocks) {
        const CellBlock common{std::max(b.start_column, area.start_column), std::max(b.start_row, area.start_row),
                               std::min(b.end_column, area.end_column), std::min(b.end_row, area.end_row)};
        for (std::int32_t row = common.start_row; row <= common.end_row; ++row) {
            if (best && row > best->first) break;
            for (std::int32_t column = common.start_column; column <= common.end_column; ++column) {
                if (inside(skip, column, row)) continue;
                if (!best || std::make_pair(row, column) < *best) best = std::make_pair(row, column);
                break;
            }
        }
    }
    if (!best) return std::nullopt;
    return std::make_pair(best->second, best->first);
}

}  // namespace cpom::cli
