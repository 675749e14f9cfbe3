// The report printed at the end: one line per document (written files, or the reason of the failure), then totals.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cpom/cli/jobs.hpp"
#include "cpom/cli/scheduler.hpp"

namespace cpom::cli {

struct Totals {
    std::size_t ok = 0, failed = 0;
};

// `not_run` is the reason given to jobs that never ran (interrupted, no office could start).
std::string summary(const Plan& plan, const RunReport& report, const std::string& not_run, double seconds,
                    Totals& totals);

std::string duration_text(double seconds);  // "4,2 s", "1 min 05 s"

// A file name or message as one printable line: control characters escaped ("a\nb.ods" → "a\\nb.ods"), so that
// a newline in a file name cannot split a line of the report or forge another one.
std::string printable(std::string_view text);

}  // namespace cpom::cli
