#include "cpom/cli/office_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <array>
#include <atomic>
#include <thread>

#include "cpom/cli/file_url.hpp"
#include "cpom/cli/office_locale.hpp"

extern char** environ;

namespace cpom::cli {

namespace {

using namespace std::chrono_literals;

constexpr auto k_tool_timeout = 180s;  // unopkg, first profile initialisation

// Live process groups, in lock-free slots (0 = free): the crash handler reads them from a signal handler.
std::array<std::atomic<pid_t>, 256> g_groups{};  // at most 64 offices, each with one process at a time
std::atomic<bool> g_forbidden{false};            // set by forbid_new_processes()

void register_group(pid_t pid) {
    for (auto& slot : g_groups) {
        pid_t free = 0;
        if (slot.compare_exchange_strong(free, pid)) return;
    }
}

void unregister_group(pid_t pid) {
    for (auto& slot : g_groups) {
        pid_t expected = pid;
        if (slot.compare_exchange_strong(expected, 0)) return;
    }
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (const std::string& s : strings) out.push_back(const_cast<char*>(s.c_str()));
    out.push_back(nullptr);
    return out;
}

}  // namespace

void forbid_new_processes() noexcept { g_forbidden = true; }

pid_t spawn_process(const std::vector<std::string>& argv, const std::vector<std::string>& env, const fs::path& log) {
    // After a stop request no process may start: one started after the signal path killed the groups would outlive us.
    if (g_forbidden) throw OfficeError("interrompu");
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    // Own session: the terminal's Ctrl-C reaches us only, and killpg() reaches soffice.bin too. Our threads block
    // the termination signals (a dedicated thread waits for them): the child must start with a clean mask.
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaddset(&defaults, sig);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<char*> args = c_strings(argv), envp = c_strings(env);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv.front().c_str(), &actions, &attr, args.data(), envp.data());
    // (A signal between the spawn and this line misses the group: its owner kills it as it unwinds.)
    if (rc == 0) register_group(pid);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) throw OfficeError("impossible de lancer " + argv.front() + " : " + std::strerror(rc));
    return pid;
}

bool wait_process(pid_t pid, std::chrono::milliseconds timeout, int* status) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        // WNOWAIT: the exited leader stays a zombie, so its group id cannot be reused while we sweep the group.
        siginfo_t info{};
        if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) {
            ::killpg(pid, SIGKILL);  // stragglers of the group, if any
            int raw = 0;
            ::waitpid(pid, &raw, 0);
            if (status) *status = raw;
            unregister_group(pid);
            return true;
        }
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(50ms);
    }
}

void kill_process_group(pid_t pid) noexcept {
    if (pid <= 0) return;
    ::killpg(pid, SIGKILL);
    wait_process(pid, std::chrono::milliseconds(30000));
}

void kill_all_process_groups() noexcept {
    // Signals only: the owners reap their processes (a zombie leader keeps its group id reserved).
    // Async-signal-safe: lock-free loads and killpg() only.
    for (const auto& slot : g_groups)
        if (const pid_t pid = slot.load(); pid > 0) ::killpg(pid, SIGKILL);
}

OfficeProcess::OfficeProcess(fs::path program, fs::path root, std::optional<fs::path> oxt, std::string pipe_name)
    : program_(std::move(program)),
      root_(std::move(root)),
      profile_(root_ / "profile"),
      shared_(root_ / "shared-cache"),
      home_(root_ / "home"),
      log_(root_ / "soffice.log"),
      oxt_(std::move(oxt)),
      pipe_base_(std::move(pipe_name)) {
    fs::create_directories(home_);
}

OfficeProcess::~OfficeProcess() {
    kill();
    std::error_code ec;
    fs::remove_all(root_, ec);
}

std::vector<std::string> OfficeProcess::env_options() const {
    return {"-env:UserInstallation=" + file_url(profile_), "-env:UNO_SHARED_PACKAGES_CACHE=" + file_url(shared_)};
}

std::vector<std::string> OfficeProcess::environment() const {
    std::vector<std::string> env;
    bool vcl = false;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        // Our own UNO bootstrap variable is not the office's; the locale and the home are set below.
        if (name == "URE_BOOTSTRAP" || name == "LANG" || name == "LANGUAGE" || name.rfind("LC_", 0) == 0) continue;
        if (name == "HOME" || name == "XDG_CONFIG_HOME" || name == "XDG_CACHE_HOME" || name == "XDG_DATA_HOME")
            continue;
        vcl = vcl || name == "SAL_USE_VCLPLUGIN";
        env.push_back(entry);
    }
    if (!vcl) env.emplace_back("SAL_USE_VCLPLUGIN=svp");  // no display needed
    // A French office (French error texts, decimal comma in CSV) that reads UTF-8 file names. The office takes its
    // language from LANG even where fr_FR.UTF-8 is not generated, but then falls back to ASCII file names unless
    // LC_CTYPE names a locale that exists: C.UTF-8 always does on Debian. (LC_ALL would override both.)
    env.emplace_back("LANG=fr_FR.UTF-8");
    env.emplace_back("LC_CTYPE=C.UTF-8");
    env.emplace_back("LANGUAGE=fr");
    // A home of their own: unopkg's script runs javaldx without our -env: options (it passes them as one argument),
    // so javaldx would write javasettings_*.xml into the user's real profile ($HOME/.config/libreoffice); the font
    // cache and anything else an office writes under $HOME or the XDG folders stays in the throwaway folder too.
    env.emplace_back("HOME=" + home_.string());
    env.emplace_back("XDG_CONFIG_HOME=" + (home_ / ".config").string());
    env.emplace_back("XDG_CACHE_HOME=" + (home_ / ".cache").string());
    env.emplace_back("XDG_DATA_HOME=" + (home_ / ".local" / "share").string());
    return env;
}

void OfficeProcess::run_tool(const std::vector<std::string>& argv, const std::string& what) {
    const pid_t pid = spawn_process(argv, environment(), log_);
    int status = 0;
    if (!wait_process(pid, k_tool_timeout, &status)) {
        kill_process_group(pid);
        throw OfficeError(what + " : délai dépassé");
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw OfficeError(what + " a échoué (code " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                          ") : " + log_tail());
}

void OfficeProcess::install_extension() {
    if (!oxt_) return;
    const std::string unopkg = (program_ / "unopkg").string();
    std::vector<std::string> argv;
    if (::geteuid() == 0) {
        // root may only install --shared; a private shared cache keeps it out of the machine's office.
        argv = {unopkg, "add", "-s", "-f", "--shared"};
    } else {
        std::vector<std::string> init = {(program_ / "soffice").string(), "--headless", "--terminate_after_init"};
        for (const std::string& option : env_options()) init.push_back(option);
        run_tool(init, "initialisation du profil LibreOffice");
        argv = {unopkg, "add", "-s", "-f"};
    }
    for (const std::string& option : env_options()) argv.push_back(option);
    argv.push_back(fs::absolute(*oxt_).string());
    run_tool(argv, "installation de l'extension " + oxt_->filename().string());
}

void OfficeProcess::start() {
    kill();
    std::error_code ec;
    fs::remove(profile_ / ".lock", ec);               // left by a killed office: would make the next one ask about it
    write_locale_setting(profile_, k_office_locale);  // French figures whatever LC_CTYPE says (office_locale.hpp)
    std::vector<std::string> argv = launcher_;
    argv.push_back((program_ / "soffice").string());
    for (const char* arg : {"--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck"})
        argv.push_back(arg);
    for (const std::string& option : env_options()) argv.push_back(option);
    pipe_ = pipe_base_ + "_" + std::to_string(++starts_);
    argv.push_back("--accept=pipe,name=" + pipe_ + ";urp;");
    pid_ = spawn_process(argv, environment(), log_);
}

bool OfficeProcess::running() {
    const pid_t pid = pid_.load();
    if (pid <= 0) return false;
    if (wait_process(pid, std::chrono::milliseconds(0))) pid_ = -1;
    return pid_ > 0;
}

bool OfficeProcess::wait_exit(std::chrono::milliseconds timeout) {
    const pid_t pid = pid_.load();
    if (pid <= 0) return true;
    if (!wait_process(pid, timeout)) return false;
    pid_ = -1;
    return true;
}

void OfficeProcess::kill() noexcept {
    const pid_t pid = pid_.exchange(-1);
    if (pid > 0) kill_process_group(pid);
}

void OfficeProcess::interrupt() noexcept {
    const pid_t pid = pid_.load();
    if (pid > 0) ::killpg(pid, SIGKILL);  // not reaped: the zombie leader keeps the group id reserved
}

std::string OfficeProcess::log_tail() const {
    std::ifstream in(log_, std::ios::binary);
    if (!in) return "(pas de journal)";
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(std::max<std::streamoff>(0, size - 600));
    std::string tail((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) tail.pop_back();
    for (char& c : tail)
        if (c == '\n') c = ' ';
    return tail.empty() ? "(journal vide)" : tail;
}

}  // namespace cpom::cli
