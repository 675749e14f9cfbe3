#include "values_only.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <map>
#include <vector>

#include "document.hpp"

namespace cpom::cli {

namespace {

using css::table::CellRangeAddress;
using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
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

Reference<css::table::XCellRange> range_at(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 left,
                                           sal_Int32 top, sal_Int32 right, sal_Int32 bottom) {
    return Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)->getCellRangeByPosition(left, top, right, bottom);
}

// A formula cell shows the format inferred from its formula (=B5 shows € if B5 is in €) only while it is a formula:
// write the displayed format into the cells. A range reports one format when all its cells share it, else General:
// then look at each row, then at each cell.
void keep_number_formats(const Reference<css::sheet::XSpreadsheet>& sheet, const CellRangeAddress& a,
                         GeneralFormats& general) {
    const auto range = range_at(sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow);
    Reference<css::beans::XPropertySet> props(range, UNO_QUERY_THROW);
    sal_Int32 key = 0;
    props->getPropertyValue("NumberFormat") >>= key;
    if (!general.is_general(key)) {
        props->setPropertyValue("NumberFormat", Any(key));
        return;
    }
    if (a.StartRow == a.EndRow && a.StartColumn == a.EndColumn) return;  // one cell, really General
    if (a.StartRow != a.EndRow) {
        for (sal_Int32 row = a.StartRow; row <= a.EndRow; ++row)
            keep_number_formats(sheet, CellRangeAddress(a.Sheet, a.StartColumn, row, a.EndColumn, row), general);
    } else {
        for (sal_Int32 col = a.StartColumn; col <= a.EndColumn; ++col)
            keep_number_formats(sheet, CellRangeAddress(a.Sheet, col, a.StartRow, col, a.StartRow), general);
    }
}

struct ErrorCell {
    sal_Int32 col, row;
    rtl::OUString text;  // "#DIV/0 !", "Err:502"...
};

std::vector<ErrorCell> error_cells(const Reference<css::sheet::XSpreadsheet>& sheet) {
    std::vector<ErrorCell> cells;
    const auto errors = Reference<css::sheet::XCellRangesQuery>(sheet, UNO_QUERY_THROW)
                            ->queryFormulaCells(css::sheet::FormulaResult::ERROR);
    for (const CellRangeAddress& a : errors->getRangeAddresses()) {
        const auto range = range_at(sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow);
        for (sal_Int32 row = a.StartRow; row <= a.EndRow; ++row)
            for (sal_Int32 col = a.StartColumn; col <= a.EndColumn; ++col) {
                Reference<css::text::XText> text(
                    range->getCellByPosition(col - a.StartColumn, row - a.StartRow), UNO_QUERY_THROW);
                cells.push_back({col, row, text->getString()});
            }
    }
    return cells;
}

void convert_sheet(const Reference<css::sheet::XSpreadsheet>& sheet, const rtl::OUString& name,
                   GeneralFormats& general) {
    const auto formulas =
        Reference<css::sheet::XCellRangesQuery>(sheet, UNO_QUERY_THROW)->queryContentCells(css::sheet::CellFlags::FORMULA);
    const Sequence<CellRangeAddress> ranges = formulas->getRangeAddresses();
    if (!ranges.hasElements()) return;

    Reference<css::util::XProtectable> protection(sheet, UNO_QUERY_THROW);
    const bool is_protected = protection->isProtected();
    if (is_protected) {
        try {
            protection->unprotect("");
        } catch (const css::lang::IllegalArgumentException&) {
            throw DocumentError("XLSX : la feuille « " + to_utf8(name) +
                                " » est protégée par un mot de passe, ses formules ne peuvent pas être remplacées");
        }
    }
    std::vector<Sequence<Sequence<Any>>> values;
    for (const CellRangeAddress& a : ranges) {
        keep_number_formats(sheet, a, general);
        values.push_back(Reference<css::sheet::XCellRangeData>(
                             range_at(sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow), UNO_QUERY_THROW)
                             ->getDataArray());
    }
    const std::vector<ErrorCell> errors = error_cells(sheet);  // getDataArray gives nothing for them

    // Clearing all formula ranges in one call keeps each array formula whole (a part of one cannot be changed).
    Reference<css::sheet::XSheetOperation>(formulas, UNO_QUERY_THROW)->clearContents(css::sheet::CellFlags::FORMULA);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const CellRangeAddress& a = ranges[static_cast<sal_Int32>(i)];
        Reference<css::sheet::XCellRangeData>(range_at(sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow),
                                              UNO_QUERY_THROW)
            ->setDataArray(values[i]);
    }
    for (const ErrorCell& cell : errors)
        Reference<css::text::XText>(Reference<css::table::XCellRange>(sheet, UNO_QUERY_THROW)
                                        ->getCellByPosition(cell.col, cell.row),
                                    UNO_QUERY_THROW)
            ->setString(cell.text);
    if (is_protected) protection->protect("");
}

}  // namespace

void replace_formulas_by_values(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    GeneralFormats general(document);
    const auto sheets = document->getSheets();
    for (const rtl::OUString& name : sheets->getElementNames()) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByName(name), UNO_QUERY_THROW);
        convert_sheet(sheet, name, general);
    }
}

}  // namespace cpom::cli
