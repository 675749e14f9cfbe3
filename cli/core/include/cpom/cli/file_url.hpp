// file:// URLs for the office. Built here rather than with osl::FileBase, whose conversion depends on the process
// locale (a "C" locale turned "été.ods" into a URL the office could not open).
#pragma once

#include <filesystem>
#include <string>

namespace cpom::cli {

// Absolute, normalised, UTF-8 bytes percent-encoded: "/tmp/été #2.ods" → "file:///tmp/%C3%A9t%C3%A9%20%232.ods".
std::string file_url(const std::filesystem::path& path);

}  // namespace cpom::cli
