// Writes a recalculated workbook in the requested formats, each to a temporary file next to its final name; the
// caller renames them all once every export succeeded, so a document's outputs appear together or not at all.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cpom/cli/jobs.hpp"
#include "cpom/cli/options.hpp"
#include "cpom/cli/pending_output.hpp"
#include "document.hpp"

namespace cpom::cli {

struct ExportRequest {
    std::filesystem::path out_dir;
    std::string stem;
    std::vector<Format> formats;       // XLSX is written last, whatever its place here
    std::vector<std::string> sheets;   // CSV and PDF: these sheets (empty: all)
    const Plan* plan = nullptr;        // to refuse an output that would replace an input
    std::filesystem::path scratch;     // where the office writes before the result is moved to out_dir
    std::vector<std::string> extract;  // --extract: named ranges written as <stem>.json (a data file)
};

// Throws DocumentError (French reason).
std::vector<PendingOutput> export_document(Document& document, const ExportRequest& request);

}  // namespace cpom::cli
