#include "cpom/cli/file_url.hpp"

namespace cpom::cli {

std::string file_url(const std::filesystem::path& path) {
    static const char* const hex = "0123456789ABCDEF";
    const std::string text = std::filesystem::absolute(path).lexically_normal().string();
    std::string url = "file://";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
                           c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            url += ch;
        } else {
            url += '%';
            url += hex[c >> 4];
            url += hex[c & 0xF];
        }
    }
    return url;
}

}  // namespace cpom::cli
