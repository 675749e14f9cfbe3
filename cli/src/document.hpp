// One workbook in the office (a private copy of the input: see OfficeRunner): loaded hidden, checked to be a
// spreadsheet, filled from a data file, recalculated; closed on destruction.
#pragma once

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <filesystem>
#include <stdexcept>

#include "cpom/cli/cell_errors.hpp"
#include "cpom/cli/data_file.hpp"
#include "uno_connection.hpp"

namespace cpom::cli {

// A reason to show in the summary, in French.
class DocumentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Document {
public:
    // Throws DocumentError: password-protected, corrupt, not a spreadsheet...
    Document(const UnoConnection& office, const std::filesystem::path& path);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    void fill(const DataSet& data);  // named ranges of the workbook; throws DocumentError
    // The named ranges --extract chose (data_extract.hpp), as a data file; a cell in error: DocumentError.
    DataSet extract(const std::vector<std::string>& patterns) const;
    // Returns the formula cells in error; refuses a workbook with #NAME? cells (add-in missing): DocumentError.
    WorkbookErrors recalculate();

    const Reference<css::sheet::XSpreadsheetDocument>& model() const { return model_; }

private:
    std::string input_check() const;
    Reference<css::sheet::XSpreadsheetDocument> model_;
};

// Why loadComponentFromURL gave nothing: it reports no reason, so we look at the file and ask the type detection.
std::string diagnose_load_failure(const UnoConnection& office, const std::filesystem::path& path);

}  // namespace cpom::cli
