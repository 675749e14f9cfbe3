#include "cpom/cli/office_locale.hpp"

#include <fstream>
#include <iterator>

namespace cpom::cli {

namespace {

const std::string k_item_path = R"(<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale")";

std::string item(std::string_view locale) {
    return k_item_path + R"( oor:op="fuse"><value>)" + std::string(locale) + "</value></prop></item>";
}

}  // namespace

std::string with_locale_setting(std::string xcu, std::string_view locale) {
    if (xcu.find("</oor:items>") == std::string::npos) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
               "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n" +
               item(locale) + "\n</oor:items>\n";
    }
    for (std::size_t at = xcu.find(k_item_path); at != std::string::npos; at = xcu.find(k_item_path)) {
        std::size_t end = xcu.find("</item>", at);
        if (end != std::string::npos) end += 7;
        if (end < xcu.size() && xcu[end] == '\n') ++end;  // its line, so that rewriting it adds no blank line
        xcu.erase(at, end == std::string::npos ? std::string::npos : end - at);
    }
    xcu.insert(xcu.rfind("</oor:items>"), item(locale) + "\n");
    return xcu;
}

void write_locale_setting(const std::filesystem::path& profile, std::string_view locale) {
    const std::filesystem::path path = profile / "user" / "registrymodifications.xcu";
    std::string text;
    if (std::ifstream in{path, std::ios::binary}) text.assign(std::istreambuf_iterator<char>(in), {});
    std::filesystem::create_directories(path.parent_path());
    const std::string updated = with_locale_setting(std::move(text), locale);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << updated;
    if (!out.flush())
        throw std::filesystem::filesystem_error("écriture du profil LibreOffice", path,
                                                std::make_error_code(std::errc::io_error));
}

}  // namespace cpom::cli
