// Atomic outputs: nothing at the final name before commit, no temporary left after a failure or an interruption.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "cpom/cli/pending_output.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;
using cpom::cli::test::TempDir;

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(PendingOutput, CommitRenamesOverTheFinalName) {
    TempDir dir;
    const auto final_path = dir.file("out/a.ods", "ancien");
    const auto produced = dir.file("scratch/a.ods", "nouveau");
    {
        PendingOutput out(final_path);
        EXPECT_EQ(out.temp_path().parent_path(), final_path.parent_path());
        EXPECT_EQ(out.temp_path().filename().string().rfind(".a.cpom-", 0), 0u);  // hidden: never taken as input
        EXPECT_EQ(out.temp_path().extension(), ".ods");
        out.take(produced);
        EXPECT_FALSE(fs::exists(produced));
        std::ifstream before(final_path);
        EXPECT_EQ(std::string(std::istreambuf_iterator<char>(before), {}), "ancien");  // untouched until commit
        out.commit();
    }
    std::ifstream after(final_path);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(after), {}), "nouveau");
    EXPECT_EQ(entries(final_path.parent_path()), 1u);
    struct stat st {};
    ::stat(final_path.c_str(), &st);
    EXPECT_NE(st.st_mode & S_IRGRP, 0u);  // usual permissions, not mkstemp's 0600 (umask 022 or 002)
}

TEST(PendingOutput, NoCommitNoTrace) {
    TempDir dir;
    fs::create_directories(dir.path() / "out");
    { PendingOutput out(dir.path() / "out" / "a.pdf"); }
    EXPECT_EQ(entries(dir.path() / "out"), 0u);
}

TEST(PendingOutput, InterruptedRunRemovesEveryTemporary) {
    TempDir dir;
    fs::create_directories(dir.path() / "out");
    PendingOutput a(dir.path() / "out" / "a.ods"), b(dir.path() / "out" / "b.ods");
    EXPECT_EQ(entries(dir.path() / "out"), 2u);
    remove_pending_outputs();
    EXPECT_EQ(entries(dir.path() / "out"), 0u);
}

TEST(PendingOutput, MissingFolderThrows) {
    TempDir dir;
    EXPECT_THROW(PendingOutput(dir.path() / "absent" / "a.ods"), std::system_error);
}

TEST(FileNamePart, SheetNamesBecomeSafe) {
    EXPECT_EQ(file_name_part("Budget 2025/26"), "Budget 2025_26");
    EXPECT_EQ(file_name_part(".cache"), "_.cache");
    EXPECT_EQ(file_name_part("Synthèse"), "Synthèse");
}

}  // namespace

#include "cpom/cli/file_url.hpp"

namespace {

TEST(FileUrl, PercentEncodedUtf8) {
    EXPECT_EQ(cpom::cli::file_url("/tmp/été #2 (100%).ods"), "file:///tmp/%C3%A9t%C3%A9%20%232%20%28100%25%29.ods");
    EXPECT_EQ(cpom::cli::file_url("/a/./b/../c.ods"), "file:///a/c.ods");
}

}  // namespace
