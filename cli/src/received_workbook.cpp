#include "received_workbook.hpp"

#include "cpom/cli/diagnosis.hpp"
#include "cpom/cli/untrusted.hpp"
#include "document.hpp"

namespace cpom::cli {

std::vector<std::string> neutralise_received_workbook(const UnoConnection& office, const std::filesystem::path& copy) {
    if (package_kind(copy) == PackageKind::other) {
        // .xls, .csv, .sxc…: their links cannot be checked here. A file Calc would not open keeps its usual reason.
        const std::string reason = diagnose_load_failure(office, copy);
        if (reason != reason::corrupt) throw DocumentError(reason);
        throw DocumentError("format non contrôlable (" + copy.extension().string() +
                            ") : enregistrez le classeur en .ods ou .xlsx, ou, pour vos propres fichiers, utilisez "
                            "--keep-active-content");
    }
    try {
        return neutralise_workbook(copy).notes;
    } catch (const UntrustedError& e) {
        throw DocumentError(e.what());
    }
}

}  // namespace cpom::cli
