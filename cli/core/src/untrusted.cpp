#include "cpom/cli/untrusted.hpp"

#include <fstream>
#include <iterator>

#include "cpom/cli/diagnosis.hpp"
#include "untrusted_odf.hpp"

namespace cpom::cli {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// Folders of code and of user-interface bindings; signatures (checking them may fetch revocation lists, and they
// no longer match once the package is changed).
bool is_active_member(const std::string& name) {
    for (const char* folder : {"Basic/", "Scripts/", "Dialogs/", "Configurations2/"})
        if (starts_with(name, folder) || name.find(std::string("/") + folder) != std::string::npos) return true;
    return starts_with(name, "META-INF/") && name.find("signatures") != std::string::npos;
}

void clean_manifest(ZipPackage& package, const std::vector<std::string>& removed) {
    const std::string name = "META-INF/manifest.xml";
    if (!package.has(name)) return;
    xml::Tree tree(package.read(name), name);
    constexpr const char* k_manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    for (xmlNodePtr entry : xml::element_children(tree.root())) {
        if (!xml::is(entry, k_manifest, "file-entry")) continue;
        const std::string path = xml::attribute(entry, k_manifest, "full-path");
        bool gone = false;
        for (const std::string& r : removed) gone = gone || path == r || (path.back() == '/' && starts_with(r, path));
        if (gone || is_active_member(path)) xml::remove(entry);
    }
    package.replace(name, tree.serialise());
}

}  // namespace

void neutralise_odf_package(ZipPackage& package, xml::Notes& notes) {
    if (package.has("META-INF/manifest.xml") &&
        package.read("META-INF/manifest.xml").find("encryption-data") != std::string::npos)
        throw UntrustedError(reason::password);
    std::vector<std::string> removed;
    bool code = false;
    for (const std::string& name : std::vector<std::string>(package.names())) {
        if (is_active_member(name)) {
            code = code || name.find("Basic/") != std::string::npos || name.find("Scripts/") != std::string::npos;
            removed.push_back(name);
            package.remove(name);
        } else if (name.size() > 4 && name.compare(name.size() - 4, 4, ".xml") == 0 &&
                   name != "META-INF/manifest.xml") {
            package.replace(name, neutralise_odf_xml(package.read(name), name, notes));
        }
    }
    if (code) notes.add("macros retirées");
    clean_manifest(package, removed);
}

PackageKind package_kind(const fs::path& path) {
    if (ZipPackage::looks_like_zip(path)) {
        try {
            const ZipPackage package(path);
            if (package.has("mimetype") && starts_with(package.read("mimetype"), "application/vnd.oasis.opendocument."))
                return PackageKind::odf;
            if (package.has("[Content_Types].xml")) return PackageKind::ooxml;
        } catch (const ZipError&) {
            return PackageKind::damaged;
        }
        return PackageKind::other;
    }
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.find("<office:document") != std::string::npos ||
                   head.find("urn:oasis:names:tc:opendocument:xmlns:office:1.0") != std::string::npos
               ? PackageKind::flat_odf
               : PackageKind::other;
}

Neutralised neutralise_workbook(const fs::path& copy) {
    xml::Notes notes;
    const PackageKind kind = package_kind(copy);
    if (kind == PackageKind::damaged) throw UntrustedError(reason::corrupt);
    try {
        if (kind == PackageKind::flat_odf) {
            const std::string text = neutralise_odf_xml(read_file(copy), copy.filename().string(), notes);
            std::ofstream out(copy, std::ios::binary | std::ios::trunc);
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            if (!out.flush()) throw UntrustedError("écriture impossible : " + copy.string());
        } else if (kind == PackageKind::odf || kind == PackageKind::ooxml) {
            ZipPackage package(copy);
            if (kind == PackageKind::odf)
                neutralise_odf_package(package, notes);
            else
                neutralise_ooxml_package(package, notes);
            package.commit();
        }
    } catch (const ZipError&) {
        throw UntrustedError(reason::corrupt);
    }
    return Neutralised{notes.take()};
}

}  // namespace cpom::cli
