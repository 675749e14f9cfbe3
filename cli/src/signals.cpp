#include "signals.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <ctime>

#include "cpom/cli/pending_output.hpp"
#include "office_process.hpp"

namespace cpom::cli {

namespace {

constexpr int k_grace_seconds = 20;
constexpr int k_wake = SIGUSR1;  // sent by the destructor to end the signal thread

// A crash of cpom-run itself (or std::terminate → SIGABRT) must not leave offices running: kill their groups, then
// die of the same signal.
extern "C" void on_fatal_signal(int sig) {
    kill_all_process_groups();
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
}

void SignalGuard::emergency_exit() {
    kill_all_process_groups();
    remove_pending_outputs();
    std::error_code ec;
    std::filesystem::remove_all(work_root_, ec);  // no lock: main is stuck, maybe holding it
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
