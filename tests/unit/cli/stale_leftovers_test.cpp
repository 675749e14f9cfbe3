// Leftovers of dead runs are removed at the next start; the files and folders of live runs (locked) never are.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>

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
