#include "cpom/uno/text.hpp"

#include <algorithm>

#include <rtl/string.hxx>

namespace cpom::uno {

bool is_ascii(const rtl::OUString& text) {
    const sal_Unicode* units = text.getStr();
    return std::all_of(units, units + text.getLength(), [](sal_Unicode u) { return u < 0x80; });
}

void narrow_ascii(const rtl::OUString& text, char* out) {
    const sal_Unicode* units = text.getStr();
    std::transform(units, units + text.getLength(), out, [](sal_Unicode u) { return static_cast<char>(u); });
}

std::string to_utf8(const rtl::OUString& text) {
    // Without rtl's intermediate OString for ASCII: a 100 000-line range of account numbers is mostly that.
    if (is_ascii(text)) {
        std::string ascii(static_cast<std::size_t>(text.getLength()), '\0');
        narrow_ascii(text, ascii.data());
        return ascii;
    }
    const rtl::OString utf8 = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(utf8.getStr(), static_cast<std::size_t>(utf8.getLength()));
}

rtl::OUString to_oustring(std::string_view utf8) {
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

}  // namespace cpom::uno
