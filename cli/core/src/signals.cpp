#include "cpom/cli/signals.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <thread>

#include "cpom/cli/pending_output.hpp"
#include "cpom/cli/office_process.hpp"

namespace cpom::cli {

namespace {

constexpr int k_grace_seconds = 20;
constexpr int k_wake = SIGUSR1;  // sent by the destructor to end the signal thread

// The work folder for the crash handler, which may not allocate: a copy in static storage.
char g_work_root[PATH_MAX] = "";

// rm -r with async-signal-safe calls only (openat, getdents64, unlinkat): usable from a crash handler. `dir` is an open
// descriptor of the folder, closed here; the depth is bounded (an office profile has a dozen levels).
void remove_contents_signal_safe(int dir, int depth) {
    alignas(dirent64) char buffer[2048];
    for (int pass = 0; pass < 3; ++pass) {  // again if entries were removed: getdents may skip some meanwhile
        bool removed = false;
        ::lseek(dir, 0, SEEK_SET);
        for (long n; (n = ::syscall(SYS_getdents64, dir, buffer, sizeof buffer)) > 0;) {
            for (long offset = 0; offset < n;) {
                const auto* entry = reinterpret_cast<const dirent64*>(buffer + offset);
                offset += entry->d_reclen;
                const char* name = entry->d_name;
                if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
                if (entry->d_type == DT_DIR && depth < 24) {
                    const int child = ::openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                    if (child >= 0) remove_contents_signal_safe(child, depth + 1);
                    removed |= ::unlinkat(dir, name, AT_REMOVEDIR) == 0;
                } else {
                    removed |= ::unlinkat(dir, name, 0) == 0;
                }
            }
        }
        if (!removed) break;
    }
    ::close(dir);
}

void remove_tree_signal_safe(const char* path) {
    if (path[0] == '\0') return;
    const int dir = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir >= 0) remove_contents_signal_safe(dir, 0);
    ::rmdir(path);
}

// A crash of cpom-run itself (or std::terminate → SIGABRT) must not leave offices running, nor hidden temporaries in
// the output folder, nor its work folder: kill the groups, remove what it can without allocating, then die of the
// same signal. What it cannot reach is removed by the next run (stale_leftovers.hpp).
extern "C" void on_fatal_signal(int sig) {
    // The other threads run on meanwhile: a worker that sees its office gone would start another one.
    forbid_new_processes();
    kill_all_process_groups();
    remove_pending_outputs_after_crash();
    remove_tree_signal_safe(g_work_root);
    kill_all_process_groups();  // one spawned between the first kill and the flag
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

sigset_t handled_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP, k_wake}) sigaddset(&set, sig);
    return set;
}

}  // namespace

SignalGuard::SignalGuard() {
    const sigset_t set = handled_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    ::signal(SIGPIPE, SIG_IGN);  // a closed pipe is an error to report, not a reason to die with offices running
    struct sigaction fatal {};
    fatal.sa_handler = on_fatal_signal;
    fatal.sa_flags = SA_RESETHAND;
    sigemptyset(&fatal.sa_mask);
    for (const int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) ::sigaction(sig, &fatal, nullptr);
    thread_ = std::thread([this] { wait_for_signals(); });
}

SignalGuard::~SignalGuard() {
    quitting_ = true;
    pthread_kill(thread_.native_handle(), k_wake);
    thread_.join();
}

int SignalGuard::add_hook(std::function<void()> hook) {
    std::lock_guard lock(mutex_);
    hooks_.emplace_back(next_id_, std::move(hook));
    return next_id_++;
}

void SignalGuard::remove_hook(int id) {
    std::lock_guard lock(mutex_);
    std::erase_if(hooks_, [id](const auto& h) { return h.first == id; });
}

void SignalGuard::run_hooks() {
    forbid_new_processes();
    kill_all_process_groups();
    std::lock_guard lock(mutex_);
    for (const auto& [id, hook] : hooks_) {
        try {
            hook();
        } catch (...) {
            // Best effort: the next hook must still run.
        }
    }
}

void SignalGuard::set_work_root(std::filesystem::path path) {
    std::lock_guard lock(mutex_);
    work_root_ = std::move(path);
    const std::string& text = work_root_.native();
    if (text.size() < sizeof g_work_root) std::memcpy(g_work_root, text.c_str(), text.size() + 1);
}

void SignalGuard::emergency_exit() {
    forbid_new_processes();
    kill_all_process_groups();
    remove_pending_outputs();
    // No lock: main is stuck, maybe holding it. The offices just killed and the other threads may still add files
    // while we remove them: try again until the folder is gone (for a second at most).
    const std::filesystem::path root = work_root_;
    for (int attempt = 0; attempt < 20 && !root.empty(); ++attempt) {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
        if (!std::filesystem::exists(root, ec)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill_all_process_groups();
    ::_exit(128 + signal_.load());
}

void SignalGuard::wait_for_signals() {
    const sigset_t set = handled_signals();
    int sig = 0;
    while (sigwait(&set, &sig) == 0) {
        if (sig == k_wake && quitting_) return;
        if (sig == k_wake) continue;
        signal_ = sig;
        stop_ = true;
        run_hooks();
        break;
    }
    // Main unwinds now. A second signal, or main still running after the grace delay: clean up and leave.
    const timespec tick{1, 0};
    for (int waited = 0; waited < k_grace_seconds; ++waited) {
        const int got = sigtimedwait(&set, nullptr, &tick);
        if (got == k_wake && quitting_) return;
        if (got == SIGINT || got == SIGTERM || got == SIGHUP) emergency_exit();
    }
    emergency_exit();
}

}  // namespace cpom::cli
