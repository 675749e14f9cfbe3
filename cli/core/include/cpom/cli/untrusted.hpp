// Workbooks sent by someone else (docs/cli.md, « Classeurs reçus d'autres organismes »): before the office opens
// its private copy, everything that would make it fetch or read something outside the file, or run code, is taken
// out of the package — linked pictures and OLE objects, frames and plug-ins, macros, scripts, event bindings,
// external references, area links, linked sheets, DDE, data connections — and each removal is described in French
// for the summary. The office then never sees a link, whatever its settings: nothing depends on a load option.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cpom::cli {

// A French reason: the workbook is refused rather than opened.
class UntrustedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class PackageKind {
    odf,       // zip with an OpenDocument mimetype (.ods, .ots, also .odt: type detection refuses it later)
    flat_odf,  // one XML file (.fods)
    ooxml,     // zip with [Content_Types].xml (.xlsx, .xlsm, .xltx)
    damaged,   // a zip archive that cannot be read: refused as corrupt
    other,     // anything else (.xls, .csv, text…): not inspected
};

PackageKind package_kind(const std::filesystem::path& path);

// What was taken out, in the order found, each once: « image liée non chargée : « http://… » », « valeur de lien
// externe non mise à jour : Feuille1.B3 »…
struct Neutralised {
    std::vector<std::string> notes;
};

// Rewrites the file in place (a private copy: never an input). Throws UntrustedError (encrypted package, damaged
// XML, DOCTYPE declarations). PackageKind::other is left untouched with no note: the caller decides.
Neutralised neutralise_workbook(const std::filesystem::path& copy);

// Does a formula reach outside the file when it is computed? An external reference ('file:///x.ods'#$S.A1 in ODF,
// [1]Feuil1!A1 in OOXML) or a function that fetches (WEBSERVICE, DDE). Text between double quotes is not code.
bool odf_formula_is_external(std::string_view formula);
bool ooxml_formula_is_external(std::string_view formula);

// A link target that stays inside the package ("Pictures/x.png", "./Object 1", "#Feuille1.A1").
bool is_internal_target(std::string_view target);

}  // namespace cpom::cli
