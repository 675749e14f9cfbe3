// Where a document's outputs go once it is computed. Every output path of a run is unique, compared as the file
// systems results are shared on compare names (Windows shares, USB keys, macOS: without regard to case), or the
// documents concerned fail, naming each other: a run never writes one document's result over another's.
// The names known from the plan (<stem>.<ext>) are checked by plan_jobs. With CSV, a workbook of several sheets also
// writes "<stem>-<sheet>.csv", known only once it is loaded: "rep.ods" writes "rep-A.csv" for its sheet A, which is
// also what "rep-A.ods" writes. Documents whose names could meet that way are held (their outputs stay in their
// hidden temporaries) until all of them are computed; then those that collide fail together and the others are
// committed. The rest are committed at once. A document's outputs are committed all or none (commit_all).
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cpom/cli/jobs.hpp"
#include "cpom/cli/pending_output.hpp"
#include "cpom/cli/scheduler.hpp"

namespace cpom::cli {

// The name under which two output names collide: lower case (ASCII, Latin-1 letters, Œ, Ÿ), in UTF-8.
std::string collision_key(std::string_view file_name);

class Delivery {
public:
    // `sheet_named_csv`: CSV requested without exactly one --sheet, so that "<stem>-<sheet>.csv" names can appear.
    Delivery(const Plan& plan, bool sheet_named_csv);

    // A document is done: `outcome` as the runner decided it (after its deadline), `outputs` its uncommitted results
    // (dropped if the outcome is a failure). Returns the outcome to report now: final, or provisional for a held
    // document (ok, listing the files it will write), which finish() settles. Thread-safe.
    Outcome deliver(const Job& job, Outcome outcome, std::vector<PendingOutput> outputs);

    // After the run: held documents are settled with the others of their group that ran (or, if the run was
    // interrupted, dropped as "interrompu"); their final outcomes replace the provisional ones in `report`.
    void finish(RunReport& report, bool interrupted);

private:
    struct Slot {
        std::vector<std::size_t> neighbours;  // documents whose names could meet this one's
        bool arrived = false, settled = false;
        Outcome outcome;                     // as delivered, then as settled
        std::vector<PendingOutput> outputs;  // held until settled
        std::vector<std::string> keys;       // collision keys of its outputs, kept after the commit
    };
    static Outcome commit(Outcome outcome, std::vector<PendingOutput>& outputs);  // all or none
    void settle_ready(std::size_t index);  // settles it if it and all its neighbours arrived; under mutex_
    void settle(std::size_t index);

    const Plan& plan_;
    std::vector<Slot> slots_;  // per job; empty neighbours: committed at once
    std::mutex mutex_;
};

}  // namespace cpom::cli
