// A headless LibreOffice of our own, as tools/office.py starts it: a throwaway profile, shared-extension cache and
// $HOME under `root`, the .oxt installed with unopkg, soffice listening on a private pipe. Every process we start runs in
// its own session (process group) and is registered, so that any exit path can kill the whole group: soffice is a
// script that starts oosplash, which starts soffice.bin.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cpom::cli {

namespace fs = std::filesystem;

class OfficeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Starts argv[0] in a new session with `env`, stdin from /dev/null, stdout and stderr appended to `log`.
pid_t spawn_process(const std::vector<std::string>& argv, const std::vector<std::string>& env, const fs::path& log);

// Waits for the process; true if it exited within `timeout` (then reaped and unregistered).
bool wait_process(pid_t pid, std::chrono::milliseconds timeout, int* status = nullptr);

// SIGKILL to the process group, reap the leader, unregister.
void kill_process_group(pid_t pid) noexcept;

// SIGKILL to every registered group (the signal path: no soffice left behind). Async-signal-safe.
void kill_all_process_groups() noexcept;

// From now on spawn_process() refuses (OfficeError "interrompu"): called when a stop is requested.
void forbid_new_processes() noexcept;

class OfficeProcess {
public:
    OfficeProcess(fs::path program, fs::path root, std::optional<fs::path> oxt, std::string pipe_name);
    ~OfficeProcess();  // kills what is left and removes the profile
    OfficeProcess(const OfficeProcess&) = delete;
    OfficeProcess& operator=(const OfficeProcess&) = delete;

    // Commands soffice is started through (network_isolation.hpp); the tools (unopkg) are not.
    void set_launcher(std::vector<std::string> prefix) { launcher_ = std::move(prefix); }
    void install_extension();  // once, before the first start; throws OfficeError
    void start();              // soffice --accept=pipe,name=<pipe>_<n>; throws OfficeError
    bool running();            // false once the process has exited
    bool wait_exit(std::chrono::milliseconds timeout);
    void kill() noexcept;       // the whole process group, at once, and reap it (owner thread)
    void interrupt() noexcept;  // SIGKILL to the group from any thread (watchdog); the owner reaps it later

    const std::string& pipe_name() const { return pipe_; }
    std::string connection() const { return "pipe,name=" + pipe_; }
    std::string log_tail() const;  // last lines of soffice's output, for error messages

private:
    std::vector<std::string> env_options() const;
    std::vector<std::string> environment() const;
    void run_tool(const std::vector<std::string>& argv, const std::string& what);

    fs::path program_, root_, profile_, shared_, home_, log_;
    std::optional<fs::path> oxt_;
    std::vector<std::string> launcher_;
    // A new pipe name at every start: the UNO bridge of a killed office stays cached under the old name in this
    // process ("Binary URP bridge already disposed" when reconnecting to it).
    std::string pipe_base_, pipe_;
    unsigned starts_ = 0;
    std::atomic<pid_t> pid_{-1};
};

}  // namespace cpom::cli
