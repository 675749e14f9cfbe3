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
    std::size_t index = 0;         // position in Plan::jobs
};

struct Rejected {
    fs::path source;
    std::string reason;
};

class Plan {
public:
    std::vector<Job> jobs;
    std::vector<Rejected> rejected;

    // True if writing `path` would replace one of the inputs (workbook, template or data file), names compared
    // without regard to case (collision_key) as on the shares and keys results are written to.
    bool is_input(const fs::path& path) const;
    void add_input(const fs::path& path);

private:
    std::vector<std::string> inputs_;  // collision keys of the absolute, normalised paths
};

// Documents whose outputs would share a name (case aside: "Rep.ods" and "rep.xlsx") are all rejected, each naming
// another; see delivery.hpp for the names known only after loading.
Plan plan_jobs(const Options& options);

struct FolderEntries {
    std::vector<fs::path> files;   // visible regular files (or links to them), sorted
    std::vector<Rejected> broken;  // links that lead nowhere ("lien cassé") or round in circles ("boucle de liens")
};

// What a folder contributes (not its subfolders); with --template, data files only (.csv, .json).
FolderEntries folder_entries(const fs::path& folder, bool data_files_only);

}  // namespace cpom::cli
