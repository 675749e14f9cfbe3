#include "received_workbook.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>

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

void refuse_external_documents(const Document& document) {
    using css::uno::UNO_QUERY_THROW;
    const css::uno::Reference<css::container::XNameAccess> links(
        css::uno::Reference<css::beans::XPropertySet>(document.model(), UNO_QUERY_THROW)
            ->getPropertyValue("ExternalDocLinks"),
        UNO_QUERY_THROW);
    const auto names = links->getElementNames();
    if (names.hasElements())
        throw DocumentError("classeur refusé : une formule lit un autre fichier (« " + to_utf8(names[0]) +
                            " », INDIRECT ou équivalent)");
}

}  // namespace cpom::cli
