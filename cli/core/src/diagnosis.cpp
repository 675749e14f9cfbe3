#include "cpom/cli/diagnosis.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

namespace cpom::cli {

namespace fs = std::filesystem;

std::string reason::timeout(long seconds) { return "délai dépassé (" + std::to_string(seconds) + " s)"; }

std::optional<std::string> precheck_file(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return reason::missing;
    if (!fs::is_regular_file(status)) return reason::not_a_file;
    if (::access(path.c_str(), R_OK) != 0) return reason::unreadable;
    if (fs::file_size(path, ec) == 0) return reason::empty;
    return std::nullopt;
}

bool is_encrypted_ooxml(const fs::path& path) {
    static constexpr std::string_view k_ole_magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    std::ifstream in(path, std::ios::binary);
    std::string head(8, '\0');
    if (!in.read(head.data(), 8) || head != k_ole_magic) return false;
    // Directory entries store names in UTF-16LE; encrypted OOXML files are small containers, read them whole.
    const std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string needle;
    for (const char c : std::string_view("EncryptionInfo")) needle += {c, '\0'};
    return rest.find(needle) != std::string::npos;
}

}  // namespace cpom::cli
