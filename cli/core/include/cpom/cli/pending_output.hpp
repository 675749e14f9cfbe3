// Outputs are written to a hidden temporary file in the target folder, then renamed over the final name: a reader,
// a crash or Ctrl-C never sees half a file. Live temporaries are registered so that an interrupted run removes them.
// The office itself never writes in the target folder (it leaves lock and lu*.tmp files there when killed): it
// exports to our scratch folder, and take() moves the result into the temporary.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

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
    fs::path final_;
    fs::path temp_;
    bool done_ = false;
};

// Removes every registered temporary (the emergency path of an interrupted run).
void remove_pending_outputs() noexcept;

// A sheet name made safe as part of a file name ("Budget 2025/26" → "Budget 2025_26").
std::string file_name_part(std::string_view name);

}  // namespace cpom::cli
