#pragma once
// The locale the offices compute in (Tools ▸ Options ▸ Languages ▸ Locale setting). LibreOffice takes it from
// LC_CTYPE unless the profile sets it, and the offices run with LC_CTYPE=C.UTF-8 (so that they read UTF-8 file
// names where fr_FR.UTF-8 is not generated): without this setting they computed in en-US — FIXED wrote "980,000",
// a boolean exported to CSV as FALSE, dates as 12/01/2026 — whatever the workbook's language.
#include <filesystem>
#include <string>
#include <string_view>

namespace cpom::cli {

inline constexpr std::string_view k_office_locale = "fr-FR";

// The profile's registrymodifications.xcu text with the locale setting set to `locale` (added, or replacing an
// earlier one); an empty text gives a new file.
std::string with_locale_setting(std::string xcu, std::string_view locale);

// Writes the setting into <profile>/user/registrymodifications.xcu (read by the office when it starts).
void write_locale_setting(const std::filesystem::path& profile, std::string_view locale);

}  // namespace cpom::cli
