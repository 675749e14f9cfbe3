// The report printed at the end: one line per document (written files, or the reason of the failure; the formula
// cells in error of a written one), then totals; and the exit code they give.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cpom/cli/jobs.hpp"
#include "cpom/cli/scheduler.hpp"

namespace cpom::cli {

// A document's end: written, written with formula cells in error, or not written.
enum class Status { ok, errors, failed };
Status status_of(const std::optional<Outcome>& outcome);

struct Totals {
    std::size_t ok = 0, failed = 0;
    std::size_t with_errors = 0;  // among ok: written with formula cells in error
};

// `not_run` is the reason given to jobs that never ran (interrupted, no office could start).
std::string summary(const Plan& plan, const RunReport& report, const std::string& not_run, double seconds,
                    Totals& totals);

std::string duration_text(double seconds);  // "4,2 s", "1 min 05 s"

// Exit codes (docs/cli.md, « Codes de sortie »).
namespace exit_code {
constexpr int done = 0, failed = 1, usage = 2, no_office = 3, cell_errors = 4;
}

// After a run that went to its end: failed if a document failed, else cell_errors if one was written with formula
// cells in error (unless they are allowed: --allow-errors), else done.
int exit_code_of(const Totals& totals, bool allow_errors);

// A file name or message as one printable line: control characters escaped ("a\nb.ods" → "a\\nb.ods"), so that
// a newline in a file name cannot split a line of the report or forge another one.
std::string printable(std::string_view text);

}  // namespace cpom::cli
