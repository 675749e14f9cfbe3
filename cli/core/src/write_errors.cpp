#include "cpom/cli/write_errors.hpp"

#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>

namespace cpom::cli {

namespace fs = std::filesystem;

std::optional<std::string> disk_full(const fs::path& folder) {
    fs::path existing = folder.empty() ? fs::path(".") : folder;
    std::error_code ec;
    while (!fs::exists(existing, ec) && existing.has_parent_path() && existing != existing.parent_path())
        existing = existing.parent_path();
    struct statvfs fs_info {};
    if (::statvfs(existing.c_str(), &fs_info) != 0 || fs_info.f_blocks == 0) return std::nullopt;
    // root may use the blocks reserved for it: what it can still write is f_bfree.
    const auto blocks = ::geteuid() == 0 ? fs_info.f_bfree : fs_info.f_bavail;
    const std::uintmax_t free_bytes = static_cast<std::uintmax_t>(blocks) * fs_info.f_frsize;
    if (free_bytes >= k_nearly_full_bytes) return std::nullopt;
    return "disque plein : " + std::to_string(free_bytes >> 20) + " Mo libres dans " + folder.string();
}

std::string write_error_text(const std::error_code& error, const fs::path& path) {
    const fs::path folder = path.parent_path();
    if (const auto full = disk_full(folder)) return *full;
    const std::string where = path.string();
    if (error.category() == std::generic_category() || error.category() == std::system_category()) {
        switch (error.value()) {
            case ENOSPC: return "disque plein (" + folder.string() + ")";
            case EDQUOT: return "quota disque dépassé (" + folder.string() + ")";
            case EROFS: return "disque en lecture seule : " + where;
            case EACCES:
            case EPERM: return "droits d'accès insuffisants pour écrire " + where;
            case EISDIR: return "un dossier porte déjà le nom du résultat : " + where;
            case ENAMETOOLONG: return "nom de fichier trop long : " + where;
            case ENOENT: return "dossier disparu pendant l'écriture : " + folder.string();
            case EIO: return "erreur d'entrée-sortie du disque en écrivant " + where;
            default: break;
        }
    }
    return "écriture impossible : " + where + " (" + error.message() + ")";
}

}  // namespace cpom::cli
