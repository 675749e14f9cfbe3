#include "cpom/cli/jobs.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "cpom/cli/delivery.hpp"

namespace cpom::cli {

namespace {

fs::path normalised(const fs::path& path) {
    std::error_code ec;
    fs::path out = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return ec ? fs::absolute(path).lexically_normal() : out;
}

std::string lower_extension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

bool is_data_file(const fs::path& path) {
    const std::string ext = lower_extension(path);
    return ext == ".csv" || ext == ".json";
}

}  // namespace

bool Plan::is_input(const fs::path& path) const {
    const std::string candidate = collision_key(normalised(path).string());
    return std::find(inputs_.begin(), inputs_.end(), candidate) != inputs_.end();
}

void Plan::add_input(const fs::path& path) { inputs_.push_back(collision_key(normalised(path).string())); }

FolderEntries folder_entries(const fs::path& folder, bool data_files_only) {
    FolderEntries found;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        // Hidden files include our own temporary outputs; "~$x.xlsx" and ".~lock.x#" are editors' lock files.
        if (name.empty() || name.front() == '.' || name.rfind("~$", 0) == 0) continue;
        if (data_files_only && !is_data_file(entry.path())) continue;
        std::error_code status_error;
        const fs::file_status target = fs::status(entry.path(), status_error);
        if (entry.is_symlink(ec) && (status_error || !fs::exists(target))) {
            // A link is something the user put there on purpose: say it leads nowhere rather than skip it.
            const bool loop = status_error == std::errc::too_many_symbolic_link_levels;
            found.broken.push_back({entry.path(), loop ? "boucle de liens" : "lien cassé"});
            continue;
        }
        if (!fs::is_regular_file(target)) continue;
        found.files.push_back(entry.path());
    }
    std::sort(found.files.begin(), found.files.end());
    std::sort(found.broken.begin(), found.broken.end(),
              [](const Rejected& a, const Rejected& b) { return a.source < b.source; });
    return found;
}

Plan plan_jobs(const Options& options) {
    Plan plan;
    const bool template_mode = options.template_file.has_value();
    if (options.template_file) plan.add_input(*options.template_file);
    if (options.data_file) plan.add_input(*options.data_file);
    for (const BalanceRequest& balance : options.balances) plan.add_input(balance.file);

    // Expand the folders; a file given twice (or also inside a given folder) is computed once, and the template or
    // data file found in a folder of documents is not a document.
    std::set<fs::path> seen;
    if (options.template_file) seen.insert(normalised(*options.template_file));
    if (options.data_file) seen.insert(normalised(*options.data_file));
    for (const BalanceRequest& balance : options.balances) seen.insert(normalised(balance.file));
    std::vector<fs::path> sources;
    const auto add_source = [&](const fs::path& path) {
        if (seen.insert(normalised(path)).second) sources.push_back(path);
    };
    for (const fs::path& input : options.inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            FolderEntries entries = folder_entries(input, template_mode);
            for (const fs::path& file : entries.files) add_source(file);
            for (Rejected& broken : entries.broken) plan.rejected.push_back(std::move(broken));
        } else if (!fs::exists(input, ec)) {
            plan.rejected.push_back({input, "fichier introuvable"});
        } else {
            add_source(input);
        }
    }
    for (const fs::path& source : sources) plan.add_input(source);

    // Every stem's collision key, with the sources using it: all of them fail if there are several.
    std::map<std::string, std::vector<fs::path>> stems;
    for (const fs::path& source : sources) stems[collision_key(source.stem().string())].push_back(source);
    for (const fs::path& source : sources) {
        Job job;
        job.source = source;
        job.stem = source.stem().string();
        if (template_mode) {
            job.document = *options.template_file;
            job.data = source;
        } else {
            job.document = source;
            job.data = options.data_file;
        }
        const std::vector<fs::path>& same = stems[collision_key(job.stem)];
        if (same.size() > 1) {
            const fs::path& other = same.front() == source ? same[1] : same.front();
            plan.rejected.push_back(
                {source, "même nom de sortie que " + other.string() + " (les deux classeurs sont écartés)"});
            continue;
        }
        std::string overwritten;
        std::vector<std::string> extensions;
        for (const Format format : options.formats) extensions.push_back(extension_of(format));
        if (!options.extract.empty()) extensions.push_back(k_extract_extension);
        for (const std::string& extension : extensions) {
            const fs::path out = options.out_dir / (job.stem + extension);
            if (plan.is_input(out)) overwritten = out.string();
        }
        if (!overwritten.empty()) {
            plan.rejected.push_back({source, "la sortie écraserait un fichier d'entrée : " + overwritten});
            continue;
        }
        job.index = plan.jobs.size();
        plan.jobs.push_back(std::move(job));
    }
    return plan;
}

}  // namespace cpom::cli
