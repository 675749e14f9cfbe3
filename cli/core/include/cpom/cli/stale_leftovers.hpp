// What a cpom-run that died without cleaning up leaves behind (kill -9, a power cut, a crash its handler could not
// clean): hidden temporaries (".<nom>.cpom-XXXXXX.<ext>") and set-aside old files (".<nom>.cpom-old-N") in an
// output folder, "cpom-run-XXXXXX" work folders in --work-dir. A live run holds a lock (flock) on every one of them,
// so the next run removes only those nobody holds: never the files of a run still writing into the same folder (nor a
// work folder that a running office names on its command line: a run of a cpom-run older than the locks).
// A set-aside old file whose final name is missing (the run died between its two renames) is put back, not removed.
#pragma once

#include <chrono>
#include <filesystem>

namespace cpom::cli {

namespace fs = std::filesystem;

// Entries younger than this are left alone: the instant between creating a file and locking it.
inline constexpr std::chrono::seconds k_stale_min_age{10};

struct StaleCleanup {
    std::size_t removed = 0;   // temporaries, set-aside files and work folders removed
    std::size_t restored = 0;  // set-aside files put back at their final name
};

StaleCleanup remove_stale_outputs(const fs::path& out_dir);
StaleCleanup remove_stale_work_folders(const fs::path& work_dir);

// This run's work folder "<work_dir>/cpom-run-XXXXXX", created and locked for as long as the object lives (it does not
// remove the folder: the run does, and its emergency paths). Throws std::system_error.
class WorkFolder {
public:
    explicit WorkFolder(const fs::path& work_dir);
    ~WorkFolder();
    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
    int lock_fd_ = -1;
};

}  // namespace cpom::cli
