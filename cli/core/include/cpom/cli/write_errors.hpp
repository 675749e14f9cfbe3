// Write failures in words a user can act on (docs/cli.md, « Messages d'échec »): "disque plein", not
// "filesystem error: cannot copy file: Input/output error".
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

namespace cpom::cli {

// Below this much free space a failed write is put down to a full disk: an office document or a PDF is a few MB.
inline constexpr std::uintmax_t k_nearly_full_bytes = 16ull << 20;

// "disque plein : 0 Mo libres dans /srv/out" if the file system holding `folder` (or its nearest existing parent) has
// less than k_nearly_full_bytes free for this user, else nullopt.
std::optional<std::string> disk_full(const std::filesystem::path& folder);

// A failed write of `path`: a full disk first (whatever errno the file system chose: EIO, ENOSPC…), then the usual
// causes in French, else the system's words after "écriture impossible".
std::string write_error_text(const std::error_code& error, const std::filesystem::path& path);

}  // namespace cpom::cli
