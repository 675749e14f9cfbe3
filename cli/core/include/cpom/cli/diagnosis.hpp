// Why a file cannot be computed, in the short French words the summary shows. The checks that need no office are
// here; the office-side ones (type detection, encrypted ODF package) are in cli/src/document.cpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace cpom::cli::reason {

inline const std::string missing = "fichier introuvable";
inline const std::string not_a_file = "pas un fichier";
inline const std::string unreadable = "fichier illisible (droits d'accès)";
inline const std::string empty = "fichier vide";
inline const std::string password = "protégé par mot de passe";
inline const std::string corrupt = "fichier corrompu ou illisible";
inline const std::string not_spreadsheet = "pas un classeur";
inline const std::string unknown_format = "pas un classeur (format non reconnu)";
inline const std::string interrupted = "interrompu";
inline const std::string office_crashed = "LibreOffice s'est arrêté pendant le calcul";

std::string timeout(long seconds);  // "délai dépassé (180 s)"

}  // namespace cpom::cli::reason

namespace cpom::cli {

// Before loading: missing, not a regular file, unreadable or empty. nullopt if the file can be tried.
std::optional<std::string> precheck_file(const std::filesystem::path& path);

// An OLE compound file carrying an "EncryptionInfo" stream: an Excel 2007+ workbook saved with a password.
bool is_encrypted_ooxml(const std::filesystem::path& path);

}  // namespace cpom::cli
