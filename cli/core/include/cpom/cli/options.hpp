// The command line of cpom-run: parsed and checked before any office starts, so a typo costs nothing.
// Messages are in French: the users are accountants.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cpom/cli/balance_fill.hpp"

namespace cpom::cli {

namespace fs = std::filesystem;

// Export formats, in the order they are written: XLSX last, as it replaces the formulas of the loaded copy.
enum class Format { ods, csv, pdf, xlsx };

const char* extension_of(Format format);  // ".ods", ...

// --extract writes <stem>.json: a data file (JSON) of the chosen named ranges (data_extract.hpp).
inline constexpr const char* k_extract_extension = ".json";

struct Options {
    std::vector<fs::path> inputs;  // workbooks/templates or folders; data files with --template
    fs::path out_dir = "out";
    std::vector<Format> formats;            // sorted in export order, no duplicates
    std::optional<fs::path> data_file;      // one data file applied to every workbook
    std::optional<fs::path> template_file;  // one workbook per data file
    std::vector<std::string> sheets;        // CSV and PDF: these sheets only (empty: all)
    unsigned jobs = 1;
    std::chrono::seconds timeout{180};
    std::optional<fs::path> oxt;  // empty only with --connect
    std::string connect;          // UNO connection ("pipe,name=x"); empty: start our own offices
    fs::path office_program;      // folder of soffice and unopkg
    fs::path work_dir;            // where the throwaway profiles go
    bool quiet = false;
    // Trusted workbooks only: opened as they are (links fetched, no network isolation), outputs keep their macros,
    // event bindings and links. Macros never run either way.
    bool keep_active_content = false;
    bool allow_errors = false;             // a workbook written with formula cells in error still exits 0
    std::optional<fs::path> report;        // --report: the run as JSON
    std::vector<BalanceRequest> balances;  // --balance CIBLE=FICHIER: FEC or balance files (docs/cli.md)
    std::vector<std::string> extract;      // --extract NOMS: named ranges (or patterns `pgfp_*`) → <stem>.json
};

// What the environment tells the parser (kept out of it so that it can be tested).
struct Environment {
    fs::path exe_dir;  // folder of the running cpom-run: the .oxt is built next to it
    unsigned cores = 1;
    fs::path temp_dir = "/tmp";
    fs::path office_program = "/usr/lib/libreoffice/program";
    std::string version;  // e.g. "0.1.0": the default .oxt is cpom-calc-<version>.oxt
};

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Action { run, help, version };

struct Command {
    Action action = Action::run;
    Options options;
    std::string help;  // filled for Action::help
};

// Throws UsageError with a short French message.
Command parse_command_line(int argc, const char* const argv[], const Environment& env);

// "uno:pipe,name=x;urp;StarOffice.ComponentContext" or "pipe,name=x" → "pipe,name=x". Throws UsageError.
std::string normalise_connection(const std::string& text);

// "ods,pdf" → formats; throws UsageError for an unknown one.
std::vector<Format> parse_formats(const std::vector<std::string>& values);

}  // namespace cpom::cli
