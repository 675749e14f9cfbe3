// A zip package (ODF, OOXML) edited in place: members read whole, replaced or removed, written back on commit().
// The order and the compression of the kept members are unchanged, so an ODF `mimetype` stays first and stored.
#pragma once

#include <filesystem>
#include <list>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct zip;

namespace cpom::cli {

class ZipError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ZipPackage {
public:
    // Throws ZipError if the file is not a readable zip archive (with `create`, a missing file is a new archive).
    explicit ZipPackage(const std::filesystem::path& path, bool create = false);
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;

    static bool looks_like_zip(const std::filesystem::path& path);  // "PK\3\4" at the start

    const std::vector<std::string>& names() const { return names_; }  // in archive order, removed ones excluded
    bool has(const std::string& name) const;
    std::string read(const std::string& name) const;  // throws ZipError (missing, damaged, larger than the cap)
    void replace(const std::string& name, std::string data);
    void remove(const std::string& name);
    void commit();  // writes the archive; throws ZipError

private:
    zip* archive_ = nullptr;
    std::vector<std::string> names_;
    std::list<std::string> buffers_;  // replaced contents: their addresses must stay valid until commit()
};

}  // namespace cpom::cli
