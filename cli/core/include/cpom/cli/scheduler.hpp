// Runs the jobs on N workers, each with its own office (a Runner), taking the next job as soon as it is free:
// big and small workbooks mix well. Office-free, so that it can be tested with fake runners.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cpom/cli/cell_errors.hpp"
#include "cpom/cli/jobs.hpp"

namespace cpom::cli {

struct Outcome {
    bool ok = false;
    std::string reason;                            // French, for a failure
    std::vector<std::filesystem::path> written{};  // outputs, for a success
    std::vector<std::string> notes{};              // French: what was left out of a received workbook or a balance
    WorkbookErrors errors{};                       // formula cells in error in what was written
    double seconds = 0;                            // time spent on this document (set by run_jobs)
    bool office_restarted = false;                 // the office was killed (deadline, crash): the next job restarts it
};

// After this many office restarts with not one document done, the run stops (a --timeout shorter than any document,
// an office that cannot compute anything): restarting for each remaining document would only repeat the failure.
inline constexpr unsigned k_max_fruitless_restarts = 3;

class Runner {
public:
    virtual ~Runner() = default;
    virtual Outcome run(const Job& job) = 0;
    // False once the runner cannot take more work (its office died and cannot be restarted).
    virtual bool usable() const { return true; }
};

// Called in the worker's thread: office start-ups run in parallel. Throws (std::exception) if it cannot start.
using RunnerFactory = std::function<std::unique_ptr<Runner>(unsigned worker)>;

// Called from the worker threads.
class Observer {
public:
    virtual ~Observer() = default;
    virtual void started(const Job&) {}
    virtual void finished(const Job&, const Outcome&) {}
};

struct RunReport {
    std::vector<std::optional<Outcome>> outcomes;  // one per job; nullopt: never run (interrupted, no office)
    std::vector<std::string> startup_errors;       // one per worker whose runner could not start
    bool gave_up = false;                          // stopped after k_max_fruitless_restarts
};

RunReport run_jobs(const std::vector<Job>& jobs, unsigned workers, const RunnerFactory& make_runner,
                   const std::atomic<bool>& stop, Observer& observer);

}  // namespace cpom::cli
