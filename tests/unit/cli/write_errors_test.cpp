// Write failures in French, a full disk named as such whatever errno the file system gave.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <fstream>

#include "cpom/cli/write_errors.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;
using cpom::cli::test::TempDir;

TEST(WriteErrors, UsualCausesInFrench) {
    TempDir dir;  // plenty of room in the temporary folder
    const auto path = dir.path() / "out.ods";
    EXPECT_EQ(write_error_text(std::make_error_code(std::errc::read_only_file_system), path),
              "disque en lecture seule : " + path.string());
    EXPECT_EQ(write_error_text(std::make_error_code(std::errc::permission_denied), path),
              "droits d'accès insuffisants pour écrire " + path.string());
    EXPECT_EQ(write_error_text(std::make_error_code(std::errc::is_a_directory), path),
              "un dossier porte déjà le nom du résultat : " + path.string());
    EXPECT_FALSE(disk_full(dir.path()).has_value());
}

TEST(WriteErrors, FullDiskSaysSo) {
    // Issue 13: "filesystem error: cannot copy file: Input/output error" on a full disk. A 1 MiB tmpfs, filled.
    if (::geteuid() != 0) GTEST_SKIP() << "needs root (mounts a small tmpfs)";
    TempDir dir;
    const auto small = dir.path() / "petit";
    std::filesystem::create_directories(small);
    if (::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=1m") != 0) GTEST_SKIP() << "mount refused";
    {
        std::ofstream filler(small / "plein.bin", std::ios::binary);
        const std::string block(64 * 1024, 'x');
        for (int i = 0; i < 32 && filler; ++i) filler << block;
    }
    const auto full = disk_full(small);
    const std::string text = write_error_text(std::make_error_code(std::errc::io_error), small / "a.ods");
    ::umount(small.c_str());
    ASSERT_TRUE(full.has_value());
    EXPECT_EQ(*full, "disque plein : 0 Mo libres dans " + small.string());
    EXPECT_EQ(text, *full);
}

}  // namespace
