// UTF-8 ↔ rtl::OUString (UTF-16), one helper for the add-in and cpom-run.
#pragma once

#include <string>
#include <string_view>

#include <rtl/ustring.hxx>

namespace cpom::uno {

// True when every code unit is ASCII: such a text narrows to UTF-8 unit by unit (account numbers, codes, paths).
bool is_ascii(const rtl::OUString& text);
// Writes the ASCII text's length() bytes to `out`.
void narrow_ascii(const rtl::OUString& text, char* out);

std::string to_utf8(const rtl::OUString& text);
rtl::OUString to_oustring(std::string_view utf8);

}  // namespace cpom::uno
