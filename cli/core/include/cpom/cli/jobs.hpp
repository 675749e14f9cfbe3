// Turns the command line's files and folders into the list of documents to compute, with their output names, and
// refuses up front what would overwrite an input or collide with another output.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cpom/cli/options.hpp"

namespace cpom::cli {

struct Job {
    fs::path document;             // what is loaded: the workbook, or the template with --template
    std::optional<fs::path> data;  // the data file that fills it, if any
    fs::path source;               // what the user gave (workbook or data file): named in messages
    std::string stem;              // outputs are <out>/<stem>.<ext>
};

struct Rejected {
    fs::path source;
    std::string reason;
};

class Plan {
public:
    std::vector<Job> jobs;
    std::vector<Rejected> rejected;

    // True if writing `path` would replace one of the inputs (workbook, template or data file).
    bool is_input(const fs::path& path) const;
    void add_input(const fs::path& path);

private:
    std::vector<fs::path> inputs_;  // absolute, normalised
};

Plan plan_jobs(const Options& options);

// The files a folder contributes: visible regular files, sorted; data files only (.csv, .json) with --template.
std::vector<fs::path> folder_entries(const fs::path& folder, bool data_files_only);

}  // namespace cpom::cli
