// Leftovers of dead runs are removed at the next start; the files and folders of live runs (locked) never are.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "cpom/cli/pending_output.hpp"
#include "cpom/cli/stale_leftovers.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;
using cpom::cli::test::TempDir;

// As old as a dead run's file: the cleanup leaves younger ones alone.
void age(const fs::path& path) { fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(1)); }

TEST(StaleLeftovers, DeadRunsTemporariesGoLiveOnesStay) {
    TempDir dir;
    const auto out = dir.path() / "out";
    const auto dead = dir.file("out/.ws06.cpom-Ab12Cd.ods", "moitié");
    const auto young = dir.file("out/.ws07.cpom-Ab12Ce.ods", "en cours");
    const auto mine = dir.file("out/.notes.txt", "à l'utilisateur");
    const auto result = dir.file("out/ws06.ods", "résultat");
    age(dead), age(mine), age(result);
    PendingOutput live(out / "ws08.ods");  // another run, still writing
    age(live.temp_path());
    const StaleCleanup done = remove_stale_outputs(out);
    EXPECT_EQ(done.removed, 1u);
    EXPECT_FALSE(fs::exists(dead));
    EXPECT_TRUE(fs::exists(young));
    EXPECT_TRUE(fs::exists(mine));
    EXPECT_TRUE(fs::exists(result));
    EXPECT_TRUE(fs::exists(live.temp_path()));
}

TEST(StaleLeftovers, SetAsideOldFileIsPutBackIfItsNameIsEmpty) {
    // A run died between its two renames on a file system without hard links: the old result is only there.
    TempDir dir;
    const auto out = dir.path() / "out";
    const auto lone = dir.file("out/.a.ods.cpom-old-12345", "ancien a");
    const auto twin = dir.file("out/.b.ods.cpom-old-678", "ancien b");
    dir.file("out/b.ods", "nouveau b");
    age(lone), age(twin);
    const StaleCleanup done = remove_stale_outputs(out);
    EXPECT_EQ(done.restored, 1u);
    EXPECT_EQ(done.removed, 1u);
    std::ifstream a(out / "a.ods");
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(a), {}), "ancien a");
    EXPECT_FALSE(fs::exists(twin));
}

TEST(StaleLeftovers, UnlockedWorkFolderOfARunningOfficeStays) {
    // A cpom-run older than the locks holds none: its office, still running, names the folder on its command line.
    TempDir dir;
    const auto folder = dir.path() / "work" / "cpom-run-OldRun";
    fs::create_directories(folder / "office-0");
    age(folder);
    // A stand-in office: a shell whose command line names the folder's profile, waiting on a pipe we hold.
    int to_office[2];
    ASSERT_EQ(::pipe(to_office), 0);
    const std::string profile = (folder / "office-0" / "profile").string();
    const pid_t office = ::fork();
    if (office == 0) {
        ::dup2(to_office[0], 0);
        ::close(to_office[1]);
        ::execl("/bin/sh", "sh", "-c", "read line", profile.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(to_office[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // exec done: /proc shows the new command line
    EXPECT_EQ(remove_stale_work_folders(dir.path() / "work").removed, 0u);
    EXPECT_TRUE(fs::exists(folder));
    ::close(to_office[1]);  // end of input: the shell's read returns, it exits
    ::waitpid(office, nullptr, 0);
    EXPECT_EQ(remove_stale_work_folders(dir.path() / "work").removed, 1u);
}

TEST(StaleLeftovers, WorkFoldersOfDeadRuns) {
    TempDir dir;
    dir.file("work/cpom-run-AbCdEf/office-0/profile/user/x.xml");
    dir.file("work/cpom-run-other/keep");  // not one of ours
    age(dir.path() / "work" / "cpom-run-AbCdEf");
    const WorkFolder live(dir.path() / "work");
    age(live.path());
    const StaleCleanup done = remove_stale_work_folders(dir.path() / "work");
    EXPECT_EQ(done.removed, 1u);
    EXPECT_FALSE(fs::exists(dir.path() / "work" / "cpom-run-AbCdEf"));
    EXPECT_TRUE(fs::exists(dir.path() / "work" / "cpom-run-other"));
    EXPECT_TRUE(fs::is_directory(live.path()));
}

}  // namespace
