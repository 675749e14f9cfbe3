// The gate every workbook passes before the office opens it (unless --keep-active-content): its private copy is
// neutralised (cpom/cli/untrusted.hpp); a format that cannot be inspected is refused if it is a spreadsheet.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "document.hpp"
#include "uno_connection.hpp"

namespace cpom::cli {

// The notes for the summary. Throws DocumentError with a French reason.
std::vector<std::string> neutralise_received_workbook(const UnoConnection& office, const std::filesystem::path& copy);

// After the recalculation: a formula that builds a reference to another document (INDIRECT of a text made by
// pieces) makes the office load it, and no static check sees it. The office lists such documents: any one of them
// fails the workbook before anything is exported. Throws DocumentError.
void refuse_external_documents(const Document& document);

}  // namespace cpom::cli
