// Ctrl-C, SIGTERM and SIGHUP: the offices are killed at once (no soffice left behind), the documents in progress
// fail as "interrompu", their temporary outputs are removed, and main prints the summary and returns 128+signal.
// Signals are blocked in every thread and received by one thread with sigwait(): ordinary code, no async-signal
// constraints. If main has not finished 20 s later, or on a second signal, the process cleans up and exits.
// A crash (SIGSEGV, SIGABRT...) kills the offices' process groups before the process dies.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cpom::cli {

class SignalGuard {
public:
    // Call first in main, before any thread exists: every thread (UNO's too) inherits the blocked mask.
    SignalGuard();
    ~SignalGuard();
    SignalGuard(const SignalGuard&) = delete;
    SignalGuard& operator=(const SignalGuard&) = delete;

    const std::atomic<bool>& stop() const { return stop_; }
    int signal() const { return signal_; }  // 0 if none was received

    // This run's folder of profiles and copies: removed on the emergency path too.
    void set_work_root(std::filesystem::path path);

    // Actions run on a signal, in the signal thread: kill the offices, drop the connections.
    int add_hook(std::function<void()> hook);
    void remove_hook(int id);

private:
    void wait_for_signals();
    void run_hooks();
    void emergency_exit();

    std::atomic<bool> stop_{false};
    std::atomic<int> signal_{0};
    std::atomic<bool> quitting_{false};
    std::mutex mutex_;
    std::vector<std::pair<int, std::function<void()>>> hooks_;
    int next_id_ = 0;
    std::filesystem::path work_root_;
    std::thread thread_;
};

}  // namespace cpom::cli
