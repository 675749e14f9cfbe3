#include "document.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/document/XTypeDetection.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/packages/zip/ZipFileAccess.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include "cpom/cli/data_extract.hpp"
#include "cpom/cli/diagnosis.hpp"
#include "cpom/cli/range_fit.hpp"
#include "error_cells.hpp"

namespace cpom::cli {

namespace {

using css::beans::PropertyValue;
using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

PropertyValue property(const char* name, const Any& value) {
    PropertyValue p;
    p.Name = rtl::OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

Any find_property(const Sequence<PropertyValue>& properties, const char* name) {
    for (const PropertyValue& p : properties)
        if (p.Name.equalsAscii(name)) return p.Value;
    return Any();
}

// An ODF package whose manifest lists encrypted streams was saved with a password.
bool is_encrypted_odf(const UnoConnection& office, const rtl::OUString& url) {
    try {
        const auto zip = css::packages::zip::ZipFileAccess::createWithURL(office.context(), url);
        const rtl::OUString manifest = "META-INF/manifest.xml";
        if (!zip->hasByName(manifest)) return false;
        Reference<css::io::XInputStream> stream(zip->getByName(manifest), UNO_QUERY_THROW);
        std::string text;
        Sequence<sal_Int8> chunk;
        while (stream->readBytes(chunk, 65536) > 0)
            text.append(reinterpret_cast<const char*>(chunk.getConstArray()),
                        static_cast<std::size_t>(chunk.getLength()));
        stream->closeInput();
        return text.find("encryption-data") != std::string::npos;
    } catch (const css::uno::Exception&) {
        return false;  // not a zip package at all
    }
}

// The type detection looks at the name and the first bytes: is this a format Calc opens?
std::string classify_type(const UnoConnection& office, const rtl::OUString& url) {
    try {
        Reference<css::document::XTypeDetection> detection(office.service("com.sun.star.document.TypeDetection"),
                                                           UNO_QUERY_THROW);
        const rtl::OUString type = detection->queryTypeByURL(url);
        if (type.isEmpty()) return reason::unknown_format;
        Reference<css::container::XNameAccess> types(detection, UNO_QUERY_THROW);
        Sequence<PropertyValue> type_props;
        types->getByName(type) >>= type_props;
        rtl::OUString filter;
        find_property(type_props, "PreferredFilter") >>= filter;
        Reference<css::container::XNameAccess> filters(office.service("com.sun.star.document.FilterFactory"),
                                                       UNO_QUERY_THROW);
        if (filter.isEmpty() || !filters->hasByName(filter)) return reason::not_spreadsheet;
        Sequence<PropertyValue> filter_props;
        filters->getByName(filter) >>= filter_props;
        rtl::OUString service;
        find_property(filter_props, "DocumentService") >>= service;
        return service == "com.sun.star.sheet.SpreadsheetDocument" ? std::string() : reason::not_spreadsheet;
    } catch (const css::uno::RuntimeException&) {
        throw;  // the office is gone: let the runner see it
    } catch (const css::uno::Exception&) {
        return reason::unknown_format;
    }
}

Any cell_value(const DataCell& cell) {
    if (const double* number = std::get_if<double>(&cell)) return Any(*number);
    if (const std::string* text = std::get_if<std::string>(&cell)) return Any(to_ou(*text));
    return Any(rtl::OUString());  // an empty string clears the cell
}

Reference<css::sheet::XNamedRanges> named_ranges(const Reference<css::sheet::XSpreadsheetDocument>& model) {
    Reference<css::beans::XPropertySet> props(model, UNO_QUERY_THROW);
    return Reference<css::sheet::XNamedRanges>(props->getPropertyValue("NamedRanges"), UNO_QUERY_THROW);
}

// The cells a name designates; null when it is unknown or not a range of cells (a named formula).
Reference<css::table::XCellRange> cells_named(const Reference<css::sheet::XNamedRanges>& names,
                                              const rtl::OUString& name) {
    if (!names->hasByName(name)) return nullptr;
    Reference<css::sheet::XCellRangeReferrer> referrer(names->getByName(name), UNO_QUERY);
    return referrer.is() ? referrer->getReferredCells() : nullptr;
}

}  // namespace

std::string diagnose_load_failure(const UnoConnection& office, const std::filesystem::path& path) {
    const rtl::OUString url = file_url_ou(path);
    if (is_encrypted_ooxml(path) || is_encrypted_odf(office, url)) return reason::password;
    const std::string kind = classify_type(office, url);
    return kind.empty() ? reason::corrupt : kind;
}

Document::Document(const UnoConnection& office, const std::filesystem::path& path) {
    if (const auto problem = precheck_file(path)) throw DocumentError(*problem);
    // No InteractionHandler: a password or repair question then fails the load at once instead of waiting for an
    // answer. Macros never run, external links are not fetched.
    Sequence<PropertyValue> props(3);
    props.getArray()[0] = property("Hidden", Any(true));
    props.getArray()[1] = property("MacroExecutionMode", Any(css::document::MacroExecMode::NEVER_EXECUTE));
    props.getArray()[2] = property("UpdateDocMode", Any(css::document::UpdateDocMode::NO_UPDATE));
    Reference<css::lang::XComponent> component;
    try {
        component = office.desktop()->loadComponentFromURL(file_url_ou(path), "_blank", 0, props);
    } catch (const css::lang::IllegalArgumentException&) {
        // "type detection failed": nothing knows this format.
    } catch (const css::io::IOException&) {
    }
    if (!component.is()) throw DocumentError(diagnose_load_failure(office, path));
    model_.set(component, UNO_QUERY);
    if (!model_.is()) {
        Reference<css::util::XCloseable> closeable(component, UNO_QUERY);
        if (closeable.is()) closeable->close(true);
        throw DocumentError(reason::not_spreadsheet);
    }
}

Document::~Document() {
    try {
        Reference<css::util::XCloseable> closeable(model_, UNO_QUERY);
        if (closeable.is()) closeable->close(true);
    } catch (...) {
        // The office is gone, or refuses: it is stopped or restarted anyway.
    }
}

void Document::fill(const DataSet& data) {
    const Reference<css::sheet::XNamedRanges> names = named_ranges(model_);
    for (const DataEntry& entry : data) {
        const rtl::OUString name = to_ou(entry.name);
        const std::string quoted = "« " + entry.name + " »";
        if (!names->hasByName(name)) throw DocumentError("données : nom inconnu dans le classeur : " + quoted);
        const Reference<css::table::XCellRange> range = cells_named(names, name);
        if (!range.is()) throw DocumentError("données : " + quoted + " ne désigne pas une plage de cellules");
        const auto address = Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)->getRangeAddress();
        const std::size_t rows = static_cast<std::size_t>(address.EndRow - address.StartRow + 1);
        const std::size_t cols = static_cast<std::size_t>(address.EndColumn - address.StartColumn + 1);
        Grid grid;
        try {
            grid = fit_to_range(entry, rows, cols);
        } catch (const FitError& e) {
            throw DocumentError(std::string("données : ") + e.what());
        }
        Sequence<Sequence<Any>> values(static_cast<sal_Int32>(rows));
        for (std::size_t r = 0; r < rows; ++r) {
            Sequence<Any>& row = values.getArray()[r];
            row.realloc(static_cast<sal_Int32>(cols));
            for (std::size_t c = 0; c < cols; ++c) row.getArray()[c] = cell_value(grid.at(r, c));
        }
        try {
            Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(values);
        } catch (const css::lang::DisposedException&) {
            throw;
        } catch (const css::uno::Exception&) {
            throw DocumentError("données : " + quoted + " : cellules protégées, impossible de les remplir");
        }
    }
}

// The text of the named cell `controle_saisies`, "" when the workbook has none (see WorkbookErrors::input_check).
std::string Document::input_check() const {
    const Reference<css::table::XCellRange> range = cells_named(named_ranges(model_), "controle_saisies");
    if (!range.is()) return "";
    Reference<css::text::XText> text(range->getCellByPosition(0, 0), UNO_QUERY);
    return text.is() ? to_utf8(text->getString()) : "";
}

DataSet Document::extract(const std::vector<std::string>& patterns) const {
    const Reference<css::sheet::XNamedRanges> names = named_ranges(model_);
    std::vector<std::string> all;
    for (const rtl::OUString& name : names->getElementNames())
        if (cells_named(names, name).is()) all.push_back(to_utf8(name));
    std::vector<std::string> chosen;
    try {
        chosen = chosen_names(patterns, all);
    } catch (const DataFileError& e) {
        throw DocumentError(e.what());
    }
    const Sequence<rtl::OUString> sheets =
        Reference<css::container::XNameAccess>(model_->getSheets(), UNO_QUERY_THROW)->getElementNames();
    DataSet set;
    for (const std::string& name : chosen) {
        const Reference<css::table::XCellRange> range = cells_named(names, to_ou(name));
        const auto address = Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)->getRangeAddress();
        const Sequence<Sequence<Any>> values =
            Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
        DataEntry& entry = set.emplace_back(DataEntry{name, {}, 0});
        for (sal_Int32 r = 0; r < values.getLength(); ++r) {
            DataRow& row = entry.rows.emplace_back();
            for (sal_Int32 c = 0; c < values[r].getLength(); ++c) {
                const Any& value = values[r][c];
                double number = 0;
                rtl::OUString text;
                if (value >>= number) {
                    row.emplace_back(number);
                } else if (value >>= text) {
                    if (text.isEmpty())
                        row.emplace_back(Blank{});
                    else
                        row.emplace_back(to_utf8(text));
                } else {  // an error cell (getDataArray gives it no value): never a figure in the data file
                    const CellRef cell{to_utf8(sheets[address.Sheet]), address.StartColumn + c, address.StartRow + r};
                    throw DocumentError("--extract : « " + name + " » : " + cell_name(cell) +
                                        " est en erreur ; le fichier de données n'est pas écrit");
                }
            }
        }
    }
    return set;
}

WorkbookErrors Document::recalculate() {
    Reference<css::sheet::XCalculatable>(model_, UNO_QUERY_THROW)->calculateAll();
    WorkbookErrors errors = list_error_cells(model_);
    if (errors.any()) errors.input_check = input_check();
    // #NAME? means a function the office does not know: in a CPOM workbook, an office without the add-in. Such a
    // file must not reach an ARS as if its figures were right.
    if (const auto it = errors.first_by_code.find(calc_error::no_name); it != errors.first_by_code.end())
        throw DocumentError("fonction inconnue (#NOM?) en " + cell_name(it->second) +
                            " : extension cpom-calc absente ou nom de fonction mal écrit");
    return errors;
}

}  // namespace cpom::cli
