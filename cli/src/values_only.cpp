#include "values_only.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <map>
#include <vector>

#include "cpom/cli/cell_errors.hpp"
#include "document.hpp"

namespace cpom::cli {

namespace {

using css::table::CellRangeAddress;
using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

// Is this key the "General" format of its locale (what a range reports when its cells' formats differ)?
class GeneralFormats {
public:
    explicit GeneralFormats(const Reference<css::sheet::XSpreadsheetDocument>& document)
        : formats_(Reference<css::util::XNumberFormatsSupplier>(document, UNO_QUERY_THROW)->getNumberFormats()),
          types_(formats_, UNO_QUERY_THROW) {}

    bool is_general(sal_Int32 key) {
        if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
        bool general = true;
        try {
            css::lang::Locale locale;
            formats_->getByKey(key)->getPropertyValue("Locale") >>= locale;
            general = types_->getStandardIndex(locale) == key;
        } catch (const css::lang::IllegalArgumentException&) {
            // Unknown key: treat as general, the cell keeps what it has.
        }
        return cache_[key] = general;
    }

private:
    Reference<css::util::XNumberFormats> formats_;
    Reference<css::util::XNumberFormatTypes> types_;
    std::map<sal_Int32, bool> cache_;
};

Reference<css::table::XCellRange> range_at(const Reference<css::sheet::XSpreadsheet>& sheet,
                                           const CellRangeAddress& a) {
    return Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
        ->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow);
}

struct NumberFormat {
    CellRangeAddress range;
    sal_Int32 key;
};

// A formula cell shows the format inferred from its formula (=B5 shows € if B5 is in €) only while it is a formula:
// the displayed format is written into the cells. A range reports one format when all its cells share it, else
// General: then look at each row, then at each cell.
void shown_number_formats(const Reference<css::sheet::XSpreadsheet>& sheet, const CellRangeAddress& a,
                          GeneralFormats& general, std::vector<NumberFormat>& out) {
    sal_Int32 key = 0;
    Reference<css::beans::XPropertySet>(range_at(sheet, a), UNO_QUERY_THROW)->getPropertyValue("NumberFormat") >>= key;
    if (!general.is_general(key)) {
        out.push_back({a, key});
        return;
    }
    if (a.StartRow == a.EndRow && a.StartColumn == a.EndColumn) return;  // one cell, really General
    if (a.StartRow != a.EndRow) {
        for (sal_Int32 row = a.StartRow; row <= a.EndRow; ++row)
            shown_number_formats(sheet, CellRangeAddress(a.Sheet, a.StartColumn, row, a.EndColumn, row), general, out);
    } else {
        for (sal_Int32 col = a.StartColumn; col <= a.EndColumn; ++col)
            shown_number_formats(sheet, CellRangeAddress(a.Sheet, col, a.StartRow, col, a.StartRow), general, out);
    }
}

struct ErrorValue {
    sal_Int32 column, row;
    int code;  // Calc's error code: Err:502 → 502
};

// What one sheet's formula cells showed, read before any sheet is changed.
struct SheetValues {
    rtl::OUString name;
    Reference<css::sheet::XSpreadsheet> sheet;
    Reference<css::sheet::XSheetCellRanges> formulas;
    Sequence<CellRangeAddress> ranges;
    std::vector<Sequence<Sequence<Any>>> values;  // one per range; nothing for the error cells
    std::vector<NumberFormat> formats;
    std::vector<ErrorValue> errors;
    bool is_protected = false;
};

SheetValues read_sheet(const Reference<css::sheet::XSpreadsheet>& sheet, const rtl::OUString& name,
                       GeneralFormats& general) {
    SheetValues read{name, sheet, {}, {},
                     {},   {},    {}, Reference<css::util::XProtectable>(sheet, UNO_QUERY_THROW)->isProtected() != 0};
    Reference<css::sheet::XCellRangesQuery> query(sheet, UNO_QUERY_THROW);
    read.formulas = query->queryContentCells(css::sheet::CellFlags::FORMULA);
    read.ranges = read.formulas->getRangeAddresses();
    for (const CellRangeAddress& a : read.ranges) {
        shown_number_formats(sheet, a, general, read.formats);
        read.values.push_back(
            Reference<css::sheet::XCellRangeData>(range_at(sheet, a), UNO_QUERY_THROW)->getDataArray());
    }
    std::vector<CellBlock> blocks;
    for (const CellRangeAddress& a : query->queryFormulaCells(css::sheet::FormulaResult::ERROR)->getRangeAddresses())
        blocks.push_back({a.StartColumn, a.StartRow, a.EndColumn, a.EndRow});
    const Reference<css::table::XCellRange> cells(sheet, UNO_QUERY_THROW);
    for (const auto& [column, row] : cells_row_by_row(blocks))
        read.errors.push_back({column, row, static_cast<int>(cells->getCellByPosition(column, row)->getError())});
    return read;
}

// A protected sheet is unprotected while its formulas are replaced; a password makes that impossible.
void unprotect(const SheetValues& sheet) {
    if (!sheet.is_protected) return;
    try {
        Reference<css::util::XProtectable>(sheet.sheet, UNO_QUERY_THROW)->unprotect("");
    } catch (const css::lang::IllegalArgumentException&) {
        throw DocumentError("XLSX : la feuille « " + to_utf8(sheet.name) +
                            " » est protégée par un mot de passe, ses formules ne peuvent pas être remplacées");
    }
}

void write_sheet(const SheetValues& read) {
    for (const NumberFormat& format : read.formats)
        Reference<css::beans::XPropertySet>(range_at(read.sheet, format.range), UNO_QUERY_THROW)
            ->setPropertyValue("NumberFormat", Any(format.key));
    // Clearing all formula ranges in one call keeps each array formula whole (a part of one cannot be changed).
    Reference<css::sheet::XSheetOperation>(read.formulas, UNO_QUERY_THROW)
        ->clearContents(css::sheet::CellFlags::FORMULA);
    for (sal_Int32 i = 0; i < read.ranges.getLength(); ++i)
        Reference<css::sheet::XCellRangeData>(range_at(read.sheet, read.ranges[i]), UNO_QUERY_THROW)
            ->setDataArray(read.values[static_cast<std::size_t>(i)]);
    // An error stays an error: Calc compiles an error literal (=#VALUE!) and the XLSX filter writes it as an error
    // cell (t="e"), which Excel shows and propagates like its own, never as a number or a text read as 0.
    const Reference<css::table::XCellRange> cells(read.sheet, UNO_QUERY_THROW);
    for (const ErrorValue& error : read.errors)
        cells->getCellByPosition(error.column, error.row)->setFormula("=" + to_ou(excel_error(error.code)));
}

// Automatic calculation off while the document is changed, then back as it was.
class CalculationPaused {
public:
    explicit CalculationPaused(const Reference<css::sheet::XSpreadsheetDocument>& document)
        : calc_(document, UNO_QUERY_THROW), was_on_(calc_->isAutomaticCalculationEnabled()) {
        calc_->enableAutomaticCalculation(false);
    }
    ~CalculationPaused() {
        try {
            calc_->enableAutomaticCalculation(was_on_);
        } catch (...) {
            // The copy in memory is discarded after the export: nothing to repair.
        }
    }

private:
    Reference<css::sheet::XCalculatable> calc_;
    bool was_on_;
};

}  // namespace

void replace_formulas_by_values(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    GeneralFormats general(document);
    const auto sheets = document->getSheets();
    // Every sheet is read before any is written: a formula of a later sheet must never be recalculated against an
    // earlier sheet already turned into values (it would read error texts as 0, blanks as 0).
    std::vector<SheetValues> read;
    for (const rtl::OUString& name : sheets->getElementNames())
        read.push_back(
            read_sheet(Reference<css::sheet::XSpreadsheet>(sheets->getByName(name), UNO_QUERY_THROW), name, general));
    {
        const CalculationPaused paused(document);  // and nothing recalculates while the sheets are rewritten
        for (const SheetValues& sheet : read) unprotect(sheet);
        for (const SheetValues& sheet : read) write_sheet(sheet);
    }
    // The only formulas left are the error literals: this gives them their error before the export reads them.
    Reference<css::sheet::XCalculatable>(document, UNO_QUERY_THROW)->calculateAll();
    for (const SheetValues& sheet : read)
        if (sheet.is_protected) Reference<css::util::XProtectable>(sheet.sheet, UNO_QUERY_THROW)->protect("");
}

}  // namespace cpom::cli
