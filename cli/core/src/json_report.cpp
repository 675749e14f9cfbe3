#include "cpom/cli/json_report.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "cpom/cli/pending_output.hpp"
#include "cpom/cli/summary.hpp"

namespace cpom::cli {

namespace {

using nlohmann::json;

const char* status_name(Status status) {
    switch (status) {
        case Status::ok: return "ok";
        case Status::errors: return "errors";
        case Status::failed: return "failed";
    }
    return "failed";
}

json error_cells(const WorkbookErrors& errors) {
    json cells = json::array();
    for (const ErrorCell& error : errors.cells) {
        json cell = {{"sheet", error.cell.sheet},
                     {"cell", column_name(error.cell.column) + std::to_string(error.cell.row + 1)},
                     {"error", calc_error_text(error.code)},
                     {"xlsx", excel_error(error.code)},
                     {"reason", error.reason}};
        cell["cause"] = error.cause ? json(cell_name(*error.cause)) : json(nullptr);
        cells.push_back(std::move(cell));
    }
    return cells;
}

json per_sheet(const WorkbookErrors& errors) {
    json sheets = json::object();
    for (const auto& [sheet, count] : errors.per_sheet) sheets[sheet] = count;
    return sheets;
}

}  // namespace

std::string report_json(const Plan& plan, const RunReport& report, const ReportRun& run) {
    json workbooks = json::array();
    Totals totals;
    for (const Rejected& rejected : plan.rejected) {
        workbooks.push_back({{"source", rejected.source.string()},
                             {"status", "failed"},
                             {"reason", rejected.reason},
                             {"outputs", json::array()},
                             {"error_count", 0},
                             {"error_cells", json::array()},
                             {"notes", json::array()},
                             {"seconds", nullptr}});
        ++totals.failed;
    }
    for (std::size_t i = 0; i < plan.jobs.size(); ++i) {
        const Job& job = plan.jobs[i];
        const std::optional<Outcome>& outcome = report.outcomes[i];
        const Status status = status_of(outcome);
        json entry = {{"source", job.source.string()}, {"status", status_name(status)}};
        entry["data"] = job.data ? json(job.data->string()) : json(nullptr);
        entry["reason"] = status == Status::failed ? json(outcome ? outcome->reason : run.not_run) : json(nullptr);
        json outputs = json::array();
        if (outcome && outcome->ok)
            for (const auto& path : outcome->written) outputs.push_back(path.string());
        entry["outputs"] = std::move(outputs);
        const WorkbookErrors none;
        const WorkbookErrors& errors = outcome && outcome->ok ? outcome->errors : none;
        entry["error_count"] = errors.count;
        entry["errors_by_sheet"] = per_sheet(errors);
        entry["error_cells"] = error_cells(errors);  // the first WorkbookErrors::max_listed
        entry["input_check"] = errors.input_check.empty() ? json(nullptr) : json(errors.input_check);
        entry["notes"] = outcome && outcome->ok ? json(outcome->notes) : json::array();  // what was taken out
        entry["seconds"] = outcome ? json(outcome->seconds) : json(nullptr);
        workbooks.push_back(std::move(entry));
        if (status == Status::failed)
            ++totals.failed;
        else
            ++totals.ok;
        if (status == Status::errors) ++totals.with_errors;
    }
    const json root = {{"cpom_run", run.version},
                       {"exit_code", run.exit_code},
                       {"seconds", run.seconds},
                       {"workbooks_total", totals.ok + totals.failed},
                       {"ok", totals.ok - totals.with_errors},
                       {"with_errors", totals.with_errors},
                       {"failed", totals.failed},
                       {"workbooks", std::move(workbooks)}};
    // File names are bytes: a name that is not UTF-8 is shown with U+FFFD rather than failing the report.
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void write_report(const std::filesystem::path& path, const std::string& text) {
    PendingOutput output(path);
    {
        std::ofstream file(output.temp_path(), std::ios::binary | std::ios::trunc);
        file << text;
        file.flush();
        if (!file) throw std::system_error(std::make_error_code(std::errc::io_error), path.string());
    }
    output.commit();
}

}  // namespace cpom::cli
