// The office processes of cpom-run, against dummy children (shell scripts standing for soffice and unopkg): each in
// its own process group, killed with all it started, reaped; a failing tool gives a French reason with its output;
// soffice started with a throwaway profile, a private pipe renewed at every start and a French environment.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "cpom/cli/office_process.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;
using cpom::cli::test::TempDir;
using namespace std::chrono_literals;

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The file once it holds something (a child writes it shortly after it starts).
std::string read_when_written(const fs::path& path) {
    for (int i = 0; i < 200 && read(path).empty(); ++i) std::this_thread::sleep_for(25ms);
    return read(path);
}

// Gone, or a zombie waiting for a reaper that is not us: either way no longer running.
bool not_running(pid_t pid) {
    const std::string stat = read("/proc/" + std::to_string(pid) + "/stat");
    if (stat.empty()) return true;
    const std::size_t paren = stat.rfind(')');
    return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] == 'Z';
}

fs::path script(const TempDir& dir, const std::string& name, const std::string& body) {
    const fs::path path = dir.file(name, "#!/bin/sh\n" + body + "\n");
    ::chmod(path.c_str(), 0755);
    return path;
}

TEST(Processes, AToolThatExitsIsReapedWithItsStatus) {
    TempDir dir;
    const pid_t pid =
        spawn_process({"/bin/sh", "-c", "echo bonjour; exit 3"}, {"PATH=/usr/bin:/bin"}, dir.path() / "log");
    int status = 0;
    ASSERT_TRUE(wait_process(pid, 10s, &status));
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 3);
    EXPECT_EQ(read(dir.path() / "log"), "bonjour\n");  // stdout appended to the log
}

TEST(Processes, KillingTheGroupKillsWhatTheChildStarted) {
    // soffice is a script that starts oosplash, which starts soffice.bin: the whole group must go.
    TempDir dir;
    const fs::path grandchild = dir.path() / "grandchild.pid";
    const pid_t pid = spawn_process({"/bin/sh", "-c", "sleep 60 & echo $! > " + grandchild.string() + "; wait"},
                                    {"PATH=/usr/bin:/bin"}, dir.path() / "log");
    const pid_t other = static_cast<pid_t>(std::stol(read_when_written(grandchild)));
    EXPECT_EQ(::getpgid(pid), pid);  // a session and group of its own
    EXPECT_EQ(::getpgid(other), pid);
    EXPECT_FALSE(wait_process(pid, 100ms));  // still running
    kill_process_group(pid);
    EXPECT_TRUE(not_running(pid));
    for (int i = 0; i < 100 && !not_running(other); ++i) std::this_thread::sleep_for(20ms);
    EXPECT_TRUE(not_running(other));
}

TEST(OfficeProcesses, AFailingToolGivesItsOutputAsTheReason) {
    TempDir dir;
    script(dir, "program/unopkg", "echo 'ERROR: extension refusée' >&2; exit 2");
    script(dir, "program/soffice", "exit 0");  // --terminate_after_init, when not root
    const fs::path oxt = dir.file("cpom.oxt");
    OfficeProcess office(dir.path() / "program", dir.path() / "root", oxt, "cpom_test");
    try {
        office.install_extension();
        FAIL() << "no error";
    } catch (const OfficeError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "installation de l'extension cpom.oxt a échoué (code 2) : "
                  "ERROR: extension refusée");
    }
}

TEST(OfficeProcesses, StartedWithItsProfileAPrivatePipeAndAFrenchEnvironment) {
    TempDir dir;
    const fs::path args = dir.path() / "args", env = dir.path() / "env";
    script(dir, "program/soffice",
           "for a in \"$@\"; do echo \"$a\"; done > " + args.string() + ".tmp; mv " + args.string() + ".tmp " +
               args.string() + "; env > " + env.string() + "; exec sleep 60");
    const fs::path root = dir.path() / "root";
    {
        OfficeProcess office(dir.path() / "program", root, std::nullopt, "cpom_test");
        office.start();
        const std::string argv = read_when_written(args);
        EXPECT_NE(argv.find("--headless\n"), std::string::npos);
        EXPECT_NE(argv.find("--accept=pipe,name=cpom_test_1;urp;\n"), std::string::npos);
        EXPECT_NE(argv.find("-env:UserInstallation=file://" + (root / "profile").string()), std::string::npos);
        const std::string environment = read_when_written(env);
        EXPECT_NE(environment.find("LANG=fr_FR.UTF-8\n"), std::string::npos);
        EXPECT_NE(environment.find("HOME=" + (root / "home").string() + "\n"), std::string::npos);
        EXPECT_TRUE(office.running());
        EXPECT_FALSE(office.wait_exit(50ms));

        fs::remove(args);
        office.start();  // a restart kills the first one and takes a new pipe name
        EXPECT_NE(read_when_written(args).find("--accept=pipe,name=cpom_test_2;urp;\n"), std::string::npos);
        EXPECT_EQ(office.connection(), "pipe,name=cpom_test_2");
        office.kill();
        EXPECT_FALSE(office.running());
    }
    EXPECT_FALSE(fs::exists(root));  // the throwaway profile is removed with its office
}

}  // namespace
