// Data files that fill a workbook's named input ranges (docs/cli.md, « Fichiers de données »):
//   CSV   one line per name: `nom;valeur` or `nom;v1;v2;...`; the same name on several lines = several rows.
//   JSON  an object: name → number, text, null (blank), array (one row) or array of arrays (rows).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cpom::cli {

struct Blank {
    bool operator==(const Blank&) const = default;
};
using DataCell = std::variant<Blank, double, std::string>;
using DataRow = std::vector<DataCell>;

struct DataEntry {
    std::string name;
    std::vector<DataRow> rows;  // one row for a scalar or a flat list
    int line = 0;               // where it was first seen (CSV), for messages
};

using DataSet = std::vector<DataEntry>;  // in file order, one entry per name (names compared case-insensitively)

class DataFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Thrown when `stop` asked the reading to end (a signal, the document's deadline): not a fault of the file.
class DataFileInterrupted : public std::runtime_error {
public:
    DataFileInterrupted() : std::runtime_error("lecture du fichier de données interrompue") {}
};

// Polled while a file is read (often enough that a stop takes effect within milliseconds); true: stop now.
using StopRequested = std::function<bool()>;

// Both throw DataFileError with a French message naming the line (a NUL byte is refused: the file is not text),
// or DataFileInterrupted. Linear in the size of the text.
DataSet parse_csv(std::string_view text, const StopRequested& stop = {});
DataSet parse_json(std::string_view text, const StopRequested& stop = {});

// A data file is read whole into memory: a convention of cpom-run, far above any file of named ranges (100 000 names
// make about 3 MB), that keeps a hostile file from exhausting the memory.
inline constexpr std::uintmax_t k_max_data_file_bytes = 64ull << 20;

// By extension: .csv/.txt → CSV, .json → JSON. The text may be UTF-8 or Windows-1252 (what Excel writes).
DataSet load_data_file(const std::filesystem::path& path, const StopRequested& stop = {});

// French or English notation: "4 200 000", "0,025", "2,5 %", "1 234,50 €", "-3.5e2". Not a number → nullopt.
std::optional<double> parse_number(std::string_view field);

// Names as Calc compares them: ASCII case-insensitively.
bool same_name(std::string_view a, std::string_view b);

}  // namespace cpom::cli
