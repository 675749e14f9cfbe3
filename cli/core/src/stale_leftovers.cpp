#include "cpom/cli/stale_leftovers.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <fstream>
#include <iterator>
#include <regex>
#include <system_error>

namespace cpom::cli {

namespace {

// The names PendingOutput and commit_all give (pending_output.cpp), and the work folders of main.cpp.
const std::regex k_temporary(R"(\..+\.cpom-[A-Za-z0-9]{6}(\.[^.]*)?)");
const std::regex k_set_aside(R"(\.(.+)\.cpom-old-[0-9]+)");
const std::regex k_work_folder(R"(cpom-run-[A-Za-z0-9]{6})");

bool old_enough(const struct stat& st) {
    return std::time(nullptr) - st.st_mtime >= static_cast<std::time_t>(k_stale_min_age.count());
}

// Opens `path` and takes its lock without waiting: an open descriptor if nobody holds it (the owner is dead), -1
// otherwise. The caller removes the entry while holding the lock, then closes.
int lock_if_abandoned(const fs::path& path, bool folder) {
    const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// True if a running process names `folder` on its command line: an office of a run that holds no lock (a cpom-run
// older than the locks) still uses it.
bool named_by_a_process(const fs::path& folder) {
    std::error_code ec;
    const std::string needle = folder.string();
    for (const fs::directory_entry& entry : fs::directory_iterator("/proc", ec)) {
        const std::string pid = entry.path().filename().string();
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream in(entry.path() / "cmdline", std::ios::binary);
        const std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (cmdline.find(needle) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

StaleCleanup remove_stale_outputs(const fs::path& out_dir) {
    StaleCleanup done;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(out_dir, ec)) {
        const std::string name = entry.path().filename().string();
        std::smatch set_aside;
        const bool is_set_aside = std::regex_match(name, set_aside, k_set_aside);
        if (!is_set_aside && !std::regex_match(name, k_temporary)) continue;
        struct stat st {};
        if (::lstat(entry.path().c_str(), &st) != 0 || !S_ISREG(st.st_mode) || !old_enough(st)) continue;
        const int fd = lock_if_abandoned(entry.path(), false);
        if (fd < 0) continue;
        const fs::path final_path = out_dir / set_aside.str(1);
        struct stat final_st {};
        if (is_set_aside && ::lstat(final_path.c_str(), &final_st) != 0 && errno == ENOENT &&
            ::rename(entry.path().c_str(), final_path.c_str()) == 0) {
            ++done.restored;
        } else if (::unlink(entry.path().c_str()) == 0) {
            ++done.removed;
        }
        ::close(fd);
    }
    return done;
}

StaleCleanup remove_stale_work_folders(const fs::path& work_dir) {
    StaleCleanup done;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(work_dir, ec)) {
        if (!std::regex_match(entry.path().filename().string(), k_work_folder)) continue;
        struct stat st {};
        if (::lstat(entry.path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || !old_enough(st)) continue;
        const int fd = lock_if_abandoned(entry.path(), true);
        if (fd < 0) continue;
        if (named_by_a_process(fs::absolute(entry.path()))) {
            ::close(fd);
            continue;
        }
        std::error_code removed;
        fs::remove_all(entry.path(), removed);
        if (!removed) ++done.removed;
        ::close(fd);
    }
    return done;
}

WorkFolder::WorkFolder(const fs::path& work_dir) {
    std::string pattern = (work_dir / "cpom-run-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::system_error(errno, std::generic_category(), work_dir.string());
    path_ = pattern;
    lock_fd_ = ::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lock_fd_ >= 0) ::flock(lock_fd_, LOCK_EX | LOCK_NB);
}

WorkFolder::~WorkFolder() {
    if (lock_fd_ >= 0) ::close(lock_fd_);
}

}  // namespace cpom::cli
