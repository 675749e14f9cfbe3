#include "exports.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

#include <algorithm>
#include <fstream>
#include <optional>

#include "cpom/cli/data_extract.hpp"
#include "cpom/cli/delivery.hpp"
#include "values_only.hpp"

namespace cpom::cli {

namespace {

using css::beans::PropertyValue;
using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;

// CSV for French spreadsheets: « ; » between fields, « " » around texts, UTF-8 (76), values at full precision
// (not as displayed), one sheet: the 12th token is its 1-based number (LibreOffice ≥ 7.2).
std::string csv_options(std::size_t sheet_number) {
    return "59,34,76,1,,0,false,true,false,false,false," + std::to_string(sheet_number);
}

// The worker's scratch folder, emptied: what an export leaves there is the file it wrote, nothing older.
void empty_scratch(const fs::path& scratch) {
    std::error_code ec;
    fs::remove_all(scratch, ec);
    fs::create_directories(scratch);
}

// Exports into an empty scratch folder, then moves the file the office wrote (for CSV it is "<name>-<sheet>.csv",
// not the name it was given) into the pending output.

void store(Document& document, const fs::path& scratch, PendingOutput& output, const char* filter,
           const std::string& options = "") {
    empty_scratch(scratch);
    const fs::path target = scratch / output.final_path().filename();
    Sequence<PropertyValue> props(options.empty() ? 2 : 3);
    props.getArray()[0].Name = "FilterName";
    props.getArray()[0].Value <<= rtl::OUString::createFromAscii(filter);
    props.getArray()[1].Name = "Overwrite";
    props.getArray()[1].Value <<= true;
    if (!options.empty()) {
        props.getArray()[2].Name = "FilterOptions";
        props.getArray()[2].Value <<= to_ou(options);
    }
    try {
        Reference<css::frame::XStorable>(document.model(), UNO_QUERY_THROW)->storeToURL(file_url_ou(target), props);
    } catch (const css::io::IOException&) {
        throw DocumentError("écriture impossible : " + output.final_path().string());
    }
    for (const auto& entry : fs::directory_iterator(scratch)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.rfind(".~lock.", 0) != 0) {
            output.take(entry.path());
            return;
        }
    }
    throw DocumentError("export " + output.final_path().extension().string() + " : aucun fichier produit");
}

// A file cpom-run writes itself (not the office) goes through the scratch folder too, then into the pending output.
void write_scratch_file(const fs::path& scratch, PendingOutput& output, const std::string& content) {
    empty_scratch(scratch);
    const fs::path file = scratch / output.final_path().filename();
    std::ofstream stream(file, std::ios::binary);
    stream << content;
    stream.close();
    if (!stream) throw DocumentError("écriture impossible : " + output.final_path().string());
    output.take(file);
}

PendingOutput pending(const ExportRequest& request, const fs::path& final_path) {
    if (request.plan && request.plan->is_input(final_path))
        throw DocumentError("la sortie écraserait un fichier d'entrée : " + final_path.string());
    try {
        return PendingOutput(final_path);
    } catch (const std::system_error& e) {
        throw DocumentError("écriture impossible dans " + request.out_dir.string() + " : " + e.code().message());
    }
}

struct Sheets {
    std::vector<std::string> all;
    std::vector<std::size_t> chosen;  // indexes into all
};

Sheets sheets_of(Document& document, const std::vector<std::string>& wanted) {
    Sheets sheets;
    for (const rtl::OUString& name : document.model()->getSheets()->getElementNames())
        sheets.all.push_back(to_utf8(name));
    if (wanted.empty()) {
        for (std::size_t i = 0; i < sheets.all.size(); ++i) sheets.chosen.push_back(i);
        return sheets;
    }
    for (const std::string& name : wanted) {
        const auto it = std::find(sheets.all.begin(), sheets.all.end(), name);
        if (it == sheets.all.end()) throw DocumentError("feuille introuvable : « " + name + " »");
        sheets.chosen.push_back(static_cast<std::size_t>(it - sheets.all.begin()));
    }
    return sheets;
}

// Hidden sheets are not printed: show only the chosen ones while the PDF is written, then restore. A hidden sheet
// with a print range is printed all the same (LibreOffice 7.4): the others also lose their print ranges meanwhile —
// a sheet without one is then not printed, since the chosen ones keep theirs, or all of them have none.
class ShownSheets {
public:
    ShownSheets(Document& document, const Sheets& sheets) {
        const auto container = document.model()->getSheets();
        // Show the chosen ones first: Calc refuses to hide its last visible sheet.
        std::vector<std::size_t> order = sheets.chosen;
        for (std::size_t i = 0; i < sheets.all.size(); ++i)
            if (std::find(sheets.chosen.begin(), sheets.chosen.end(), i) == sheets.chosen.end()) order.push_back(i);
        for (const std::size_t i : order) {
            Reference<css::beans::XPropertySet> sheet(container->getByName(to_ou(sheets.all[i])), UNO_QUERY_THROW);
            bool visible = true;
            sheet->getPropertyValue("IsVisible") >>= visible;
            const bool wanted = std::find(sheets.chosen.begin(), sheets.chosen.end(), i) != sheets.chosen.end();
            saved_.emplace_back(sheet, visible);
            if (visible != wanted) sheet->setPropertyValue("IsVisible", Any(wanted));
            if (!wanted) {
                Reference<css::sheet::XPrintAreas> areas(sheet, UNO_QUERY_THROW);
                print_areas_.emplace_back(areas, areas->getPrintAreas());
                areas->setPrintAreas({});
            }
        }
    }
    ~ShownSheets() {
        try {
            for (auto it = print_areas_.begin(); it != print_areas_.end(); ++it) it->first->setPrintAreas(it->second);
            for (auto it = saved_.begin(); it != saved_.end(); ++it)
                it->first->setPropertyValue("IsVisible", Any(it->second));
        } catch (...) {
            // The copy in memory is not saved anywhere: nothing to repair.
        }
    }

private:
    std::vector<std::pair<Reference<css::beans::XPropertySet>, bool>> saved_;
    std::vector<std::pair<Reference<css::sheet::XPrintAreas>, Sequence<css::table::CellRangeAddress>>> print_areas_;
};

}  // namespace

std::vector<PendingOutput> export_document(Document& document, const ExportRequest& request) {
    std::vector<PendingOutput> outputs;
    const fs::path base = request.out_dir / request.stem;
    if (!request.extract.empty()) {  // first: it reads the computed cells, which the XLSX export replaces
        const std::string json = data_set_json(document.extract(request.extract));
        PendingOutput& out = outputs.emplace_back(pending(request, fs::path(base.string() + k_extract_extension)));
        write_scratch_file(request.scratch, out, json);
    }
    // XLSX last whatever the order asked: it replaces the formulas of the loaded copy, which the other formats show.
    std::vector<Format> formats = request.formats;
    std::stable_partition(formats.begin(), formats.end(), [](Format f) { return f != Format::xlsx; });
    for (const Format format : formats) {
        switch (format) {
            case Format::ods: {
                PendingOutput& out = outputs.emplace_back(pending(request, fs::path(base.string() + ".ods")));
                store(document, request.scratch, out, "calc8");
                break;
            }
            case Format::csv: {
                const Sheets sheets = sheets_of(document, request.sheets);
                std::vector<fs::path> names;  // one sheet: <stem>.csv; several: <stem>-<sheet>.csv
                for (const std::size_t i : sheets.chosen)
                    names.push_back(sheets.chosen.size() == 1
                                        ? fs::path(base.string() + ".csv")
                                        : fs::path(base.string() + "-" + file_name_part(sheets.all[i]) + ".csv"));
                for (std::size_t a = 0; a < names.size(); ++a)  // "Budget<2026" and "Budget>2026", case aside
                    for (std::size_t b = a + 1; b < names.size(); ++b)
                        if (collision_key(names[a].filename().string()) == collision_key(names[b].filename().string()))
                            throw DocumentError("les feuilles « " + sheets.all[sheets.chosen[a]] + " » et « " +
                                                sheets.all[sheets.chosen[b]] +
                                                " » donnent le même fichier CSV : " + names[b].filename().string());
                for (std::size_t k = 0; k < names.size(); ++k) {
                    PendingOutput& out = outputs.emplace_back(pending(request, names[k]));
                    store(document, request.scratch, out, "Text - txt - csv (StarCalc)",
                          csv_options(sheets.chosen[k] + 1));
                }
                break;
            }
            case Format::pdf: {
                const Sheets sheets = sheets_of(document, request.sheets);
                PendingOutput& out = outputs.emplace_back(pending(request, fs::path(base.string() + ".pdf")));
                std::optional<ShownSheets> shown;  // without --sheet, print as Calc does (hidden sheets stay out)
                if (!request.sheets.empty()) shown.emplace(document, sheets);
                store(document, request.scratch, out, "calc_pdf_Export");
                break;
            }
            case Format::xlsx: {
                PendingOutput& out = outputs.emplace_back(pending(request, fs::path(base.string() + ".xlsx")));
                replace_formulas_by_values(document.model());
                store(document, request.scratch, out, "Calc MS Excel 2007 XML");
                break;
            }
        }
    }
    return outputs;
}

}  // namespace cpom::cli
