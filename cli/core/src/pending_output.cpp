#include "cpom/cli/pending_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <set>
#include <system_error>
#include <vector>

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

void track(const fs::path& path) {
    std::lock_guard lock(g_mutex);
    registry().insert(path);
}

void untrack(const fs::path& path) {
    std::lock_guard lock(g_mutex);
    registry().erase(path);
}

void sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), path.string());
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0 && err != EINVAL) throw std::system_error(err, std::generic_category(), "fsync " + path.string());
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
    ::fchmod(fd, 0666 & ~g_umask);
    ::close(fd);
    temp_ = fs::path(buffer.data());
    track(temp_);
}

PendingOutput::PendingOutput(PendingOutput&& other) noexcept
    : final_(std::move(other.final_)), temp_(std::move(other.temp_)), done_(other.done_) {
    other.done_ = true;
}

PendingOutput::~PendingOutput() {
    if (done_) return;
    std::error_code ec;
    fs::remove(temp_, ec);
    untrack(temp_);
}

void PendingOutput::take(const fs::path& produced) {
    std::error_code ec;
    fs::rename(produced, temp_, ec);
    if (ec == std::errc::cross_device_link) {
        fs::copy_file(produced, temp_, fs::copy_options::overwrite_existing);
        fs::remove(produced, ec);
    } else if (ec) {
        throw std::system_error(ec, produced.string());
    }
}

void PendingOutput::commit() {
    sync_path(temp_, O_RDONLY);
    fs::rename(temp_, final_);  // atomic within the folder
    untrack(temp_);
    done_ = true;
    sync_path(final_.parent_path().empty() ? fs::path(".") : final_.parent_path(), O_RDONLY | O_DIRECTORY);
}

void remove_pending_outputs() noexcept {
    std::lock_guard lock(g_mutex);
    for (const fs::path& path : registry()) ::unlink(path.c_str());
    registry().clear();
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
