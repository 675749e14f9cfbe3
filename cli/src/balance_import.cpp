#include "balance_import.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>

#include <algorithm>

namespace cpom::cli {

namespace {

using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Every named range that refers to cells: its sheet and rows and columns.
RangeShapes named_range_shapes(const Document& document) {
    Reference<css::beans::XPropertySet> props(document.model(), UNO_QUERY_THROW);
    Reference<css::sheet::XNamedRanges> names(props->getPropertyValue("NamedRanges"), UNO_QUERY_THROW);
    Reference<css::container::XIndexAccess> sheets(document.model()->getSheets(), UNO_QUERY_THROW);
    RangeShapes shapes;
    for (const rtl::OUString& name : names->getElementNames()) {
        Reference<css::sheet::XCellRangeReferrer> referrer(names->getByName(name), UNO_QUERY);
        if (!referrer.is()) continue;
        Reference<css::table::XCellRange> cells;
        try {
            cells = referrer->getReferredCells();
        } catch (const css::uno::RuntimeException&) {
            throw;
        } catch (const css::uno::Exception&) {
            continue;  // a named expression, not cells
        }
        if (!cells.is()) continue;
        const auto address = Reference<css::sheet::XCellRangeAddressable>(cells, UNO_QUERY_THROW)->getRangeAddress();
        Reference<css::container::XNamed> sheet(sheets->getByIndex(address.Sheet), UNO_QUERY);
        RangeShape shape{to_utf8(name),       sheet.is() ? to_utf8(sheet->getName()) : std::to_string(address.Sheet),
                         address.StartRow,    address.EndRow,
                         address.StartColumn, address.EndColumn};
        shapes.emplace(lower(shape.name), std::move(shape));
    }
    return shapes;
}

}  // namespace

std::vector<std::string> fill_balances(Document& document, const std::vector<LoadedBalance>& balances) {
    std::vector<std::string> notes;
    if (balances.empty()) return notes;
    DataSet data;
    try {
        data = plan_balance_fill(balances, named_range_shapes(document), &notes);
    } catch (const BalanceError& e) {
        throw DocumentError(std::string("balance : ") + e.what());
    }
    document.fill(data);
    return notes;
}

}  // namespace cpom::cli
