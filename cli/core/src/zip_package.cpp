#include "cpom/cli/zip_package.hpp"

#include <zip.h>

#include <algorithm>
#include <fstream>

namespace cpom::cli {

namespace {

// A member larger than this once inflated is refused rather than read into memory (a zip bomb); real workbooks'
// content.xml stay far below it.
constexpr zip_uint64_t k_max_member_size = 512ull << 20;

}  // namespace

ZipPackage::ZipPackage(const std::filesystem::path& path, bool create) {
    int error = 0;
    archive_ = zip_open(path.c_str(), create ? ZIP_CREATE : 0, &error);
    if (!archive_) throw ZipError("archive illisible");
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0);
        if (name) names_.emplace_back(name);
    }
}

ZipPackage::~ZipPackage() {
    if (archive_) zip_discard(archive_);
}

bool ZipPackage::looks_like_zip(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[4] = {};
    return in.read(head, 4) && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
}

bool ZipPackage::has(const std::string& name) const {
    return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::string ZipPackage::read(const std::string& name) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_, name.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        throw ZipError("membre absent : " + name);
    if (stat.size > k_max_member_size) throw ZipError("membre trop volumineux : " + name);
    zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
    if (!file) throw ZipError("membre illisible : " + name);
    std::string data(static_cast<std::size_t>(stat.size), '\0');
    const zip_int64_t got = data.empty() ? 0 : zip_fread(file, data.data(), stat.size);
    zip_fclose(file);
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) throw ZipError("membre illisible : " + name);
    return data;
}

void ZipPackage::replace(const std::string& name, std::string data) {
    const zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
    buffers_.push_back(std::move(data));
    const std::string& kept = buffers_.back();
    zip_source_t* source = zip_source_buffer(archive_, kept.data(), kept.size(), 0);
    if (!source) throw ZipError("écriture impossible : " + name);
    const bool ok = index >= 0 ? zip_file_replace(archive_, static_cast<zip_uint64_t>(index), source, 0) == 0
                               : zip_file_add(archive_, name.c_str(), source, 0) >= 0;
    if (!ok) {
        zip_source_free(source);
        throw ZipError("écriture impossible : " + name);
    }
    if (index < 0) names_.push_back(name);
}

void ZipPackage::remove(const std::string& name) {
    const zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
    if (index < 0) return;
    if (zip_delete(archive_, static_cast<zip_uint64_t>(index)) != 0) throw ZipError("écriture impossible : " + name);
    names_.erase(std::remove(names_.begin(), names_.end(), name), names_.end());
}

void ZipPackage::commit() {
    if (zip_close(archive_) != 0) throw ZipError(std::string("écriture impossible : ") + zip_strerror(archive_));
    archive_ = nullptr;
}

}  // namespace cpom::cli
