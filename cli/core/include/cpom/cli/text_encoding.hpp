// Data files come from Excel as often as from LibreOffice: French Excel writes CSV in Windows-1252.
#pragma once

#include <string>
#include <string_view>

namespace cpom::cli {

bool is_valid_utf8(std::string_view text);

// A leading UTF-8 BOM is dropped; valid UTF-8 is returned as is, anything else is read as Windows-1252.
std::string to_utf8(std::string_view text);

}  // namespace cpom::cli
