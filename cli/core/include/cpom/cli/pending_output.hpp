// Outputs are written to a hidden temporary file in the target folder, then renamed over the final name: a reader,
// a crash or Ctrl-C never sees half a file. Live temporaries are registered so that an interrupted run removes them,
// and each is locked (flock) while this process lives, so that the next run can tell a dead run's leftover from a
// file another run is still writing (stale_leftovers.hpp).
// The office itself never writes in the target folder (it leaves lock and lu*.tmp files there when killed): it
// exports to our scratch folder, and take() moves the result into the temporary.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cpom::cli {

namespace fs = std::filesystem;

class PendingOutput {
public:
    // Creates the (empty) temporary ".<stem>.cpom-XXXXXX<ext>" next to `final_path`. Throws std::system_error.
    explicit PendingOutput(fs::path final_path);
    PendingOutput(PendingOutput&& other) noexcept;
    PendingOutput& operator=(PendingOutput&&) = delete;
    PendingOutput(const PendingOutput&) = delete;
    ~PendingOutput();  // removes the temporary unless committed

    const fs::path& temp_path() const { return temp_; }
    const fs::path& final_path() const { return final_; }

    // Moves `produced` (written elsewhere) into the temporary: a rename on the same file system, else a copy.
    void take(const fs::path& produced);

    // fsync, rename over the final name, fsync the folder. Throws std::system_error.
    void commit();

private:
    friend void commit_all(std::vector<PendingOutput>& outputs);
    void release() noexcept;  // the rename is done: forget the temporary, drop its lock

    fs::path final_;
    fs::path temp_;
    int lock_fd_ = -1;  // flock held on the temporary's inode
    bool done_ = false;
};

// A document's outputs, all renamed into place or none: every final name is checked first (a folder in the way, an
// unwritable name), the files they replace are kept aside (".<name>.cpom-old-XXXXXX") until the last rename
// succeeded, and put back if one fails. Throws std::filesystem_error naming the path in cause (path1); then no final
// name has changed and the temporaries are left to their owners' destructors.
void commit_all(std::vector<PendingOutput>& outputs);

// Removes every registered temporary (the emergency path of an interrupted run).
void remove_pending_outputs() noexcept;

// The same from a crash handler (SIGSEGV, SIGABRT): async-signal-safe, no lock, no allocation.
void remove_pending_outputs_after_crash() noexcept;

// A sheet name made safe as part of a file name ("Budget 2025/26" → "Budget 2025_26").
std::string file_name_part(std::string_view name);

}  // namespace cpom::cli
