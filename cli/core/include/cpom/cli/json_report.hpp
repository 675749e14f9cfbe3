// --report FILE.json: what the summary says, for a machine (an ARS processing a whole folder): for each workbook its
// status, outputs, formula cells in error (with the reasons cpom-run found) and duration. Format in docs/cli.md.
#pragma once

#include <filesystem>
#include <string>

#include "cpom/cli/jobs.hpp"
#include "cpom/cli/scheduler.hpp"

namespace cpom::cli {

struct ReportRun {
    std::string version;  // of cpom-run
    std::string not_run;  // reason given to the jobs that never ran
    double seconds = 0;   // the whole run
    int exit_code = 0;
};

std::string report_json(const Plan& plan, const RunReport& report, const ReportRun& run);

// Written atomically (a temporary next to it, then renamed). Throws std::system_error.
void write_report(const std::filesystem::path& path, const std::string& text);

}  // namespace cpom::cli
