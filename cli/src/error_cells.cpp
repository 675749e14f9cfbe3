#include "error_cells.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/ComplexReference.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/FormulaToken.hpp>
#include <com/sun/star/sheet/NameToken.hpp>
#include <com/sun/star/sheet/ReferenceFlags.hpp>
#include <com/sun/star/sheet/SingleReference.hpp>
#include <com/sun/star/sheet/XArrayFormulaTokens.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XFormulaParser.hpp>
#include <com/sun/star/sheet/XFormulaTokens.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>

#include <map>
#include <optional>

#include "cpom/calls/function_spec.hpp"
#include "cpom/cli/addin_calls.hpp"

namespace cpom::cli {

namespace {

using css::sheet::FormulaToken;
using css::table::CellAddress;
using css::table::CellRangeAddress;
using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
namespace flags = css::sheet::ReferenceFlags;

constexpr std::size_t k_explained = 200;  // formulas looked at per workbook: a few UNO calls each
constexpr int k_chain = 16;               // cells followed from an error to the first one of its chain

std::vector<CellBlock> error_blocks(const Reference<css::sheet::XCellRangesQuery>& where) {
    std::vector<CellBlock> blocks;
    for (const CellRangeAddress& a : where->queryFormulaCells(css::sheet::FormulaResult::ERROR)->getRangeAddresses())
        blocks.push_back({a.StartColumn, a.StartRow, a.EndColumn, a.EndRow});
    return blocks;
}

// The absolute reference a relative one means at `at` (the formula's own cell): the formula can then be evaluated
// anywhere, and its references read as plain addresses.
void make_absolute(css::sheet::SingleReference& ref, const CellAddress& at) {
    if (ref.Flags & flags::COLUMN_RELATIVE) ref.Column = at.Column + ref.RelativeColumn;
    if (ref.Flags & flags::ROW_RELATIVE) ref.Row = at.Row + ref.RelativeRow;
    if (ref.Flags & flags::SHEET_RELATIVE) ref.Sheet = at.Sheet + ref.RelativeSheet;
    ref.RelativeColumn = ref.RelativeRow = ref.RelativeSheet = 0;
    ref.Flags = (ref.Flags & ~(flags::COLUMN_RELATIVE | flags::ROW_RELATIVE | flags::SHEET_RELATIVE)) | flags::SHEET_3D;
}

bool is_deleted(const css::sheet::SingleReference& ref) {
    return ref.Flags & (flags::COLUMN_DELETED | flags::ROW_DELETED | flags::SHEET_DELETED);
}

struct Formula {
    CellRangeAddress range;         // the cell, or the whole array formula it belongs to
    Sequence<FormulaToken> tokens;  // references made absolute
};

class Explainer {
public:
    explicit Explainer(const Reference<css::sheet::XSpreadsheetDocument>& document);
    ~Explainer();

    struct Explanation {
        std::string reason;
        std::optional<CellRef> cause;
        bool known = false;  // false: not looked at (beyond the budget) or circular
    };
    Explanation explain(sal_Int32 sheet, sal_Int32 column, sal_Int32 row, int depth = 0);
    sal_Int32 sheet_index(const std::string& name) const;

private:
    Formula formula_at(sal_Int32 sheet, sal_Int32 column, sal_Int32 row);
    std::optional<std::string> check_reason(const Formula& formula);
    std::optional<std::string> check(const AddinCall& call, const Formula& formula);
    std::optional<std::pair<sal_Int32, CellRef>> erroneous_precedent(const Formula& formula);
    std::vector<CellRangeAddress> precedents(const Formula& formula);
    Reference<css::sheet::XSpreadsheet> scratch();
    CellRef ref(sal_Int32 sheet, sal_Int32 column, sal_Int32 row) const { return {names_[sheet], column, row}; }

    // Every call through the bridge costs: what does not change while explaining is read once.
    Reference<css::sheet::XSpreadsheetDocument> document_;
    Reference<css::sheet::XFormulaParser> parser_;
    std::vector<Reference<css::sheet::XSpreadsheet>> sheets_;
    std::vector<std::string> names_;                    // sheet names by index
    std::vector<std::vector<CellBlock>> error_blocks_;  // the cells in error, by sheet
    // CPOM_CHECK("x";1) as the office compiles it: the opcodes of "(", ";" and ")", the add-in's opcode and names.
    Sequence<FormulaToken> check_template_;
    sal_Int32 open_ = 0, separator_ = 0, close_ = 0, external_ = 0;
    std::string prefix_;                                                 // "org.cpom.calc.Functions."
    std::optional<std::map<sal_Int32, CellRangeAddress>> named_ranges_;  // by token index
    std::vector<std::pair<CellRangeAddress, Explanation>> done_;         // by formula (a cell or a whole array)
    std::size_t looked_at_ = 0;
    rtl::OUString scratch_name_;
    Reference<css::sheet::XSpreadsheet> scratch_;
    sal_Int32 scratch_row_ = 0;
};

Explainer::Explainer(const Reference<css::sheet::XSpreadsheetDocument>& document) : document_(document) {
    parser_.set(Reference<css::lang::XMultiServiceFactory>(document, UNO_QUERY_THROW)
                    ->createInstance("com.sun.star.sheet.FormulaParser"),
                UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet>(parser_, UNO_QUERY_THROW)->setPropertyValue("CompileEnglish", Any(true));
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        sheets_.emplace_back(sheets->getByIndex(i), UNO_QUERY_THROW);
        names_.push_back(to_utf8(Reference<css::container::XNamed>(sheets_.back(), UNO_QUERY_THROW)->getName()));
        error_blocks_.push_back(error_blocks(Reference<css::sheet::XCellRangesQuery>(sheets_.back(), UNO_QUERY_THROW)));
    }
    check_template_ = parser_->parseFormula("CPOM_CHECK(\"x\";1)", CellAddress(0, 0, 0));
    if (check_template_.getLength() == 6) {
        external_ = check_template_[0].OpCode;
        open_ = check_template_[1].OpCode;
        separator_ = check_template_[3].OpCode;
        close_ = check_template_[5].OpCode;
        rtl::OUString check_name;
        check_template_[0].Data >>= check_name;  // "org.cpom.calc.Functions.cpomCheck"
        const std::string name = to_utf8(check_name);
        if (const auto dot = name.rfind('.'); dot != std::string::npos) prefix_ = name.substr(0, dot + 1);
    }
}

Explainer::~Explainer() {
    if (!scratch_.is()) return;
    try {
        document_->getSheets()->removeByName(scratch_name_);
    } catch (...) {
        // The office is gone: the document with it.
    }
}

Reference<css::sheet::XSpreadsheet> Explainer::scratch() {
    if (!scratch_.is()) {
        const auto sheets = document_->getSheets();
        rtl::OUString name = "cpom-run-verification";
        for (int i = 2; sheets->hasByName(name); ++i) name = "cpom-run-verification-" + rtl::OUString::number(i);
        sheets->insertNewByName(name, static_cast<sal_Int16>(names_.size()));  // last: no reference moves
        scratch_name_ = name;
        scratch_.set(sheets->getByName(name), UNO_QUERY_THROW);
    }
    return scratch_;
}

sal_Int32 Explainer::sheet_index(const std::string& name) const {
    return static_cast<sal_Int32>(std::find(names_.begin(), names_.end(), name) - names_.begin());
}

Formula Explainer::formula_at(sal_Int32 sheet, sal_Int32 column, sal_Int32 row) {
    const auto& spreadsheet = sheets_[static_cast<std::size_t>(sheet)];
    const auto cell = spreadsheet->getCellRangeByPosition(column, row, column, row);
    // A cell of an array formula has the tokens of the whole array, whose top-left cell is their position.
    const Reference<css::sheet::XSheetCellCursor> cursor =
        spreadsheet->createCursorByRange(Reference<css::sheet::XSheetCellRange>(cell, UNO_QUERY_THROW));
    cursor->collapseToCurrentArray();
    Formula formula;
    formula.range = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    formula.tokens = Reference<css::sheet::XArrayFormulaTokens>(cursor, UNO_QUERY_THROW)->getArrayTokens();
    if (!formula.tokens.hasElements())
        formula.tokens =
            Reference<css::sheet::XFormulaTokens>(cell->getCellByPosition(0, 0), UNO_QUERY_THROW)->getTokens();
    const CellAddress at(static_cast<sal_Int16>(sheet), formula.range.StartColumn, formula.range.StartRow);
    for (sal_Int32 i = 0; i < formula.tokens.getLength(); ++i) {
        FormulaToken& token = formula.tokens.getArray()[i];
        css::sheet::SingleReference single;
        css::sheet::ComplexReference complex;
        if (token.Data >>= single) {
            make_absolute(single, at);
            token.Data <<= single;
        } else if (token.Data >>= complex) {
            make_absolute(complex.Reference1, at);
            make_absolute(complex.Reference2, at);
            token.Data <<= complex;
        }
    }
    return formula;
}

// CPOM_CHECK's answer for the same call (same argument tokens), or nullopt if it is itself an error (an argument
// in error: the cause is elsewhere).
std::optional<std::string> Explainer::check(const AddinCall& call, const Formula& formula) {
    const sal_Int32 count = static_cast<sal_Int32>(call.close - call.name - 2);
    Sequence<FormulaToken> tokens(5 + count);
    FormulaToken* out = tokens.getArray();
    out[0] = check_template_[0];
    out[1] = check_template_[1];
    const CellAddress at(formula.range.Sheet, formula.range.StartColumn, formula.range.StartRow);
    const rtl::OUString display = parser_->printFormula(Sequence<FormulaToken>(&formula.tokens[call.name], 1), at);
    out[2] = FormulaToken(check_template_[2].OpCode, Any(display));  // "CPOM_PROJECT"
    out[3] = check_template_[3];
    for (sal_Int32 i = 0; i < count; ++i) out[4 + i] = formula.tokens[static_cast<sal_Int32>(call.name) + 2 + i];
    out[4 + count] = check_template_[5];

    // A 1×1 array formula: ranges and expressions reach CPOM_CHECK whole, as in the array formulas of the sheet.
    const auto target = scratch()->getCellRangeByPosition(0, scratch_row_, 0, scratch_row_);
    ++scratch_row_;
    Reference<css::sheet::XArrayFormulaTokens>(target, UNO_QUERY_THROW)->setArrayTokens(tokens);
    const auto cell = target->getCellByPosition(0, 0);
    if (cell->getError() != 0) return std::nullopt;
    const std::string answer = to_utf8(Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString());
    if (answer == "OK") return std::nullopt;

    std::vector<std::string> texts;
    for (const auto& [begin, end] : call.arguments) {
        Sequence<FormulaToken> argument(static_cast<sal_Int32>(end - begin));
        for (std::size_t i = begin; i < end; ++i)
            argument.getArray()[i - begin] = formula.tokens[static_cast<sal_Int32>(i)];
        texts.push_back(readable_formula(to_utf8(parser_->printFormula(argument, at))));
    }
    // CPOM_CHECK names an argument as the office's Function Wizard does: French or English display name.
    std::vector<std::vector<std::string>> names;
    if (const auto* spec = cpom::calls::find_function(to_utf8(display)))
        for (const auto& arg : spec->args) names.push_back({std::string(arg.display_fr), std::string(arg.display_en)});
    return describe_check(to_utf8(display), answer, names, texts);
}

std::optional<std::string> Explainer::check_reason(const Formula& formula) {
    if (prefix_.empty()) return std::nullopt;  // no CPOM_CHECK in this office
    std::vector<TokenInfo> infos;
    for (const FormulaToken& token : formula.tokens) {
        TokenInfo info;
        if (token.OpCode == open_)
            info.kind = TokenKind::open;
        else if (token.OpCode == close_)
            info.kind = TokenKind::close;
        else if (token.OpCode == separator_)
            info.kind = TokenKind::separator;
        rtl::OUString name;
        if (token.OpCode == external_ && (token.Data >>= name)) info.function = to_utf8(name);
        infos.push_back(std::move(info));
    }
    for (const AddinCall& call : addin_calls(infos, prefix_))
        if (auto reason = check(call, formula)) return reason;
    return std::nullopt;
}

std::vector<CellRangeAddress> Explainer::precedents(const Formula& formula) {
    std::vector<CellRangeAddress> ranges;
    for (const FormulaToken& token : formula.tokens) {
        css::sheet::SingleReference single;
        css::sheet::ComplexReference complex;
        css::sheet::NameToken name;
        if ((token.Data >>= single) && !is_deleted(single)) {
            ranges.emplace_back(static_cast<sal_Int16>(single.Sheet), single.Column, single.Row, single.Column,
                                single.Row);
        } else if ((token.Data >>= complex) && !is_deleted(complex.Reference1) && !is_deleted(complex.Reference2)) {
            const auto& a = complex.Reference1;
            const auto& b = complex.Reference2;
            if (a.Sheet == b.Sheet)
                ranges.emplace_back(static_cast<sal_Int16>(a.Sheet), a.Column, a.Row, b.Column, b.Row);
        } else if ((token.Data >>= name) && name.Sheet < 0) {
            if (!named_ranges_) {
                named_ranges_.emplace();
                Reference<css::container::XNameAccess> names(
                    Reference<css::beans::XPropertySet>(document_, UNO_QUERY_THROW)->getPropertyValue("NamedRanges"),
                    UNO_QUERY_THROW);
                for (const rtl::OUString& n : names->getElementNames()) {
                    Reference<css::beans::XPropertySet> props(names->getByName(n), UNO_QUERY_THROW);
                    Reference<css::sheet::XCellRangeReferrer> referrer(props, UNO_QUERY);
                    const auto cells = referrer.is() ? referrer->getReferredCells() : nullptr;
                    sal_Int32 index = -1;
                    props->getPropertyValue("TokenIndex") >>= index;
                    if (cells.is())
                        (*named_ranges_)[index] =
                            Reference<css::sheet::XCellRangeAddressable>(cells, UNO_QUERY_THROW)->getRangeAddress();
                }
            }
            if (const auto it = named_ranges_->find(name.Index); it != named_ranges_->end())
                ranges.push_back(it->second);
        }
    }
    return ranges;
}

// The first cell in error among those the formula reads (outside the formula itself).
std::optional<std::pair<sal_Int32, CellRef>> Explainer::erroneous_precedent(const Formula& formula) {
    const CellRangeAddress& f = formula.range;
    for (const CellRangeAddress& a : precedents(formula)) {
        if (a.Sheet < 0 || static_cast<std::size_t>(a.Sheet) >= names_.size()) continue;
        const CellBlock skip =
            a.Sheet == f.Sheet ? CellBlock{f.StartColumn, f.StartRow, f.EndColumn, f.EndRow} : CellBlock{0, 0, -1, -1};
        if (const auto cell = first_cell_in(error_blocks_[static_cast<std::size_t>(a.Sheet)],
                                            {a.StartColumn, a.StartRow, a.EndColumn, a.EndRow}, skip))
            return std::make_pair(static_cast<sal_Int32>(a.Sheet), ref(a.Sheet, cell->first, cell->second));
    }
    return std::nullopt;
}

Explainer::Explanation Explainer::explain(sal_Int32 sheet, sal_Int32 column, sal_Int32 row, int depth) {
    for (const auto& [range, explanation] : done_)  // another cell of an array formula already looked at
        if (range.Sheet == sheet && column >= range.StartColumn && column <= range.EndColumn && row >= range.StartRow &&
            row <= range.EndRow)
            return explanation;
    if (looked_at_ >= k_explained || depth > k_chain) return {};
    ++looked_at_;
    Formula formula = formula_at(sheet, column, row);
    const std::size_t slot = done_.size();
    done_.emplace_back(formula.range, Explanation{});  // a circular chain stops here, unknown
    Explanation explanation;
    explanation.known = true;
    if (auto reason = check_reason(formula)) {
        explanation.reason = std::move(*reason);
    } else if (const auto precedent = erroneous_precedent(formula)) {
        // Pointing half-way up a chain would send the reader to the wrong cell: the first one, or nothing.
        const Explanation up = explain(precedent->first, precedent->second.column, precedent->second.row, depth + 1);
        if (up.known) {
            explanation.cause = up.cause ? up.cause : precedent->second;
            explanation.reason = up.reason;
        } else {
            explanation.known = false;
        }
    }
    return done_[slot].second = explanation;
}

}  // namespace

WorkbookErrors list_error_cells(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    WorkbookErrors errors;
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
        const Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(s), UNO_QUERY_THROW);
        const std::string name = to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        const auto cells =
            cells_row_by_row(error_blocks(Reference<css::sheet::XCellRangesQuery>(sheet, UNO_QUERY_THROW)));
        if (cells.empty()) continue;
        errors.count += cells.size();
        errors.per_sheet.emplace_back(name, cells.size());
        for (const auto& [column, row] : cells) {
            const CellRef at{name, column, row};
            const int code = static_cast<int>(sheet->getCellByPosition(column, row)->getError());
            errors.first_by_code.emplace(code, at);
            if (errors.cells.size() < WorkbookErrors::max_listed) errors.cells.push_back({at, code, "", std::nullopt});
        }
    }
    return errors;
}

void explain_error_cells(const Reference<css::sheet::XSpreadsheetDocument>& document, WorkbookErrors& errors) {
    Explainer explainer(document);
    for (ErrorCell& error : errors.cells) {
        Explainer::Explanation explanation;
        try {
            explanation = explainer.explain(explainer.sheet_index(error.cell.sheet), error.cell.column, error.cell.row);
        } catch (const css::lang::DisposedException&) {
            throw;  // the office is gone
        } catch (const css::uno::Exception&) {
            break;  // e.g. a protected structure refuses the scratch sheet (RuntimeException): no more reasons
        }
        error.reason = std::move(explanation.reason);
        error.cause = std::move(explanation.cause);
    }
}

}  // namespace cpom::cli
