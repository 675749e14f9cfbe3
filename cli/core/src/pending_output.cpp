#include "cpom/cli/pending_output.hpp"

#include <fcntl.h>
#include <limits.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <random>
#include <set>
#include <system_error>

namespace cpom::cli {

namespace {

std::mutex g_mutex;

// mkstemp creates 0600 files; outputs get the usual permissions. Read once, before any thread (umask() sets it).
const mode_t g_umask = [] {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}();
std::set<fs::path>& registry() {
    static std::set<fs::path> paths;
    return paths;
}

// The same paths for a crash handler, which may take no lock and allocate nothing: fixed slots, each free (0),
// being filled or emptied (1) or live (2). A temporary that finds no free slot is only missed by the crash path;
// the next run removes it (stale_leftovers.hpp).
struct CrashSlot {
    std::atomic<int> state{0};
    char path[PATH_MAX];
};
std::array<CrashSlot, 512> g_crash_slots;

void track(const fs::path& path) {
    {
        std::lock_guard lock(g_mutex);
        registry().insert(path);
    }
    const std::string& text = path.native();
    if (text.size() >= PATH_MAX) return;
    for (CrashSlot& slot : g_crash_slots) {
        int free = 0;
        if (!slot.state.compare_exchange_strong(free, 1)) continue;
        std::memcpy(slot.path, text.c_str(), text.size() + 1);
        slot.state.store(2);
        return;
    }
}

void untrack(const fs::path& path) {
    {
        std::lock_guard lock(g_mutex);
        registry().erase(path);
    }
    for (CrashSlot& slot : g_crash_slots) {
        int live = 2;
        if (slot.state.load() != 2 || std::strcmp(slot.path, path.c_str()) != 0) continue;
        if (slot.state.compare_exchange_strong(live, 1)) slot.state.store(0);
        return;
    }
}

[[noreturn]] void fail(int err, const fs::path& path) {
    throw fs::filesystem_error("écriture", path, std::error_code(err, std::generic_category()));
}

void sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) fail(errno, path);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0 && err != EINVAL) throw std::system_error(err, std::generic_category(), "fsync " + path.string());
}

// An open descriptor holding flock(LOCK_EX) on `path`'s inode: the lock follows the inode through renames.
int open_locked(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return -1;
    ::flock(fd, LOCK_EX | LOCK_NB);  // ours alone (fresh or produced by our office): never blocks
    return fd;
}

void close_fd(int& fd) noexcept {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

fs::path folder_of(const fs::path& path) { return path.parent_path().empty() ? fs::path(".") : path.parent_path(); }

// A file replaced by commit_all, kept until every rename of the document succeeded.
struct Aside {
    fs::path backup;     // ".<name>.cpom-old-XXXXXX", empty if there was nothing to replace
    bool moved = false;  // the final name was renamed away (no hard links here), not linked
    int lock_fd = -1;    // holds the old inode's lock: a concurrent run's cleanup leaves the backup alone
};

// Keeps the current file at `final_path` reachable under a hidden backup name: a hard link (the final name keeps its
// content until the rename replaces it), or a rename where the file system has no hard links.
Aside set_aside(const fs::path& final_path) {
    Aside aside;
    struct stat st {};
    if (::lstat(final_path.c_str(), &st) != 0) {
        if (errno == ENOENT) return aside;
        fail(errno, final_path);
    }
    aside.lock_fd = S_ISREG(st.st_mode) ? open_locked(final_path) : -1;
    static thread_local std::mt19937 random{std::random_device{}()};
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = ".";  // (appends: GCC 12 warns falsely about "." + std::string)
        name.append(final_path.filename().string()).append(".cpom-old-").append(std::to_string(random()));
        const fs::path candidate = folder_of(final_path) / name;
        if (::link(final_path.c_str(), candidate.c_str()) == 0) {
            aside.backup = candidate;
            return aside;
        }
        if (errno == EEXIST) continue;
        if (errno != EPERM && errno != EOPNOTSUPP && errno != EMLINK && errno != EXDEV) break;
        if (::rename(final_path.c_str(), candidate.c_str()) == 0) {  // no hard links: vfat, exfat, some shares
            aside.backup = candidate;
            aside.moved = true;
            return aside;
        }
        break;
    }
    const int err = errno;
    close_fd(aside.lock_fd);
    fail(err, final_path);
}

}  // namespace

PendingOutput::PendingOutput(fs::path final_path) : final_(std::move(final_path)) {
    const std::string ext = final_.extension().string();
    std::string name = ".";  // (appends: GCC 12 warns falsely about "." + std::string)
    name.append(final_.stem().string()).append(".cpom-XXXXXX").append(ext);
    std::string pattern = (final_.parent_path() / name).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = ::mkostemps(buffer.data(), static_cast<int>(ext.size()), O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), final_.parent_path().string());
    ::flock(fd, LOCK_EX | LOCK_NB);
    ::fchmod(fd, 0666 & ~g_umask);
    lock_fd_ = fd;
    temp_ = fs::path(buffer.data());
    track(temp_);
}

PendingOutput::PendingOutput(PendingOutput&& other) noexcept
    : final_(std::move(other.final_)), temp_(std::move(other.temp_)), lock_fd_(other.lock_fd_), done_(other.done_) {
    other.lock_fd_ = -1;
    other.done_ = true;
}

PendingOutput::~PendingOutput() {
    if (!done_) {
        std::error_code ec;
        fs::remove(temp_, ec);
        untrack(temp_);
    }
    close_fd(lock_fd_);
}

void PendingOutput::release() noexcept {
    untrack(temp_);
    done_ = true;
    close_fd(lock_fd_);
}

void PendingOutput::take(const fs::path& produced) {
    // Lock the produced file first: the lock moves with it into the output folder, never a moment without one.
    int produced_lock = open_locked(produced);
    std::error_code ec;
    fs::rename(produced, temp_, ec);
    if (!ec) {
        close_fd(lock_fd_);  // the inode it locked is gone
        lock_fd_ = produced_lock;
        return;
    }
    close_fd(produced_lock);
    if (ec != std::errc::cross_device_link) throw std::system_error(ec, produced.string());
    // Another file system: copied into the temporary's own (locked) inode.
    fs::copy_file(produced, temp_, fs::copy_options::overwrite_existing);
    fs::remove(produced, ec);
}

void PendingOutput::commit() {
    sync_path(temp_, O_RDONLY);
    fs::rename(temp_, final_);  // atomic within the folder
    release();
    sync_path(folder_of(final_), O_RDONLY | O_DIRECTORY);
}

void commit_all(std::vector<PendingOutput>& outputs) {
    // Every target first: a folder (or anything that is not a file) in the way fails the document before any change.
    for (const PendingOutput& output : outputs) {
        struct stat st {};
        if (::lstat(output.final_.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) fail(EISDIR, output.final_);
    }
    for (const PendingOutput& output : outputs) sync_path(output.temp_, O_RDONLY);

    std::vector<Aside> asides;
    std::size_t renamed = 0;
    const auto roll_back = [&]() noexcept {
        for (std::size_t i = asides.size(); i-- > 0;) {
            const Aside& aside = asides[i];
            const fs::path& final_path = outputs[i].final_;
            if (!aside.backup.empty()) {
                ::rename(aside.backup.c_str(), final_path.c_str());  // the old file back at its name
                ::unlink(aside.backup.c_str());                      // (a no-op rename between two links of it)
            } else if (i < renamed) {
                ::unlink(final_path.c_str());  // there was nothing before
            }
            close_fd(asides[i].lock_fd);
        }
    };
    try {
        for (const PendingOutput& output : outputs) asides.push_back(set_aside(output.final_));
        for (; renamed < outputs.size(); ++renamed) {
            PendingOutput& output = outputs[renamed];
            if (::rename(output.temp_.c_str(), output.final_.c_str()) != 0) fail(errno, output.final_);
        }
    } catch (...) {
        // The temporaries already renamed are the finals now: move them back, so their owners remove them.
        for (std::size_t i = 0; i < renamed; ++i) ::link(outputs[i].final_.c_str(), outputs[i].temp_.c_str());
        roll_back();
        throw;
    }
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        outputs[i].release();
        if (!asides[i].backup.empty()) ::unlink(asides[i].backup.c_str());
        close_fd(asides[i].lock_fd);
    }
    std::set<fs::path> folders;
    for (const PendingOutput& output : outputs) folders.insert(folder_of(output.final_));
    for (const fs::path& folder : folders) sync_path(folder, O_RDONLY | O_DIRECTORY);
}

void remove_pending_outputs() noexcept {
    std::lock_guard lock(g_mutex);
    for (const fs::path& path : registry()) ::unlink(path.c_str());
    registry().clear();
}

void remove_pending_outputs_after_crash() noexcept {
    for (CrashSlot& slot : g_crash_slots)
        if (slot.state.load() == 2) ::unlink(slot.path);
}

std::string file_name_part(std::string_view name) {
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
                c == '>' || c == '|')
                   ? '_'
                   : c;
    }
    if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
    return out;
}

}  // namespace cpom::cli
