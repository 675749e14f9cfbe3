#include "cpom/cli/delivery.hpp"

#include <algorithm>
#include <numeric>
#include <system_error>

#include "cpom/cli/diagnosis.hpp"
#include "cpom/cli/write_errors.hpp"

namespace cpom::cli {

namespace {

std::string file_key(const fs::path& path) { return collision_key(path.filename().string()); }

std::vector<fs::path> final_paths(const std::vector<PendingOutput>& outputs) {
    std::vector<fs::path> paths;
    for (const PendingOutput& output : outputs) paths.push_back(output.final_path());
    return paths;
}

// The position in `a` of the first key also found in `b` (with `a` == `b`: found twice in it, the second one), or npos.
std::size_t shared_key(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = (&a == &b ? i + 1 : 0); j < b.size(); ++j)
            if (a[i] == b[j]) return &a == &b ? j : i;
    return std::string::npos;
}

}  // namespace

std::string collision_key(std::string_view name) {
    std::string key;
    key.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        const auto next = i + 1 < name.size() ? static_cast<unsigned char>(name[i + 1]) : 0;
        if (c >= 'A' && c <= 'Z') {
            key += static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {  // À..Þ (not ×) → à..þ
            key += static_cast<char>(c);
            key += static_cast<char>(next + 0x20);
            ++i;
        } else if (c == 0xC5 && next == 0x92) {  // Œ → œ
            key += "\xC5\x93";
            ++i;
        } else if (c == 0xC5 && next == 0xB8) {  // Ÿ → ÿ
            key += "\xC3\xBF";
            ++i;
        } else {
            key += static_cast<char>(c);
        }
    }
    return key;
}

Delivery::Delivery(const Plan& plan, bool sheet_named_csv) : plan_(plan), slots_(plan.jobs.size()) {
    if (!sheet_named_csv) return;
    // "<K>-<sheet>.csv" can only meet a name of a document whose stem starts with "<K>-": in sorted order, those
    // stems follow "<K>-" directly, so each document finds its neighbours in O(log n + neighbours).
    std::vector<std::pair<std::string, std::size_t>> stems;
    for (std::size_t i = 0; i < plan.jobs.size(); ++i) stems.emplace_back(collision_key(plan.jobs[i].stem), i);
    std::sort(stems.begin(), stems.end());
    for (const auto& [stem, k] : stems) {
        const std::string prefix = stem + "-";
        for (auto it = std::lower_bound(stems.begin(), stems.end(), std::make_pair(prefix, std::size_t{0}));
             it != stems.end() && it->first.starts_with(prefix); ++it) {
            slots_[k].neighbours.push_back(it->second);
            slots_[it->second].neighbours.push_back(k);
        }
    }
}

Outcome Delivery::commit(Outcome outcome, std::vector<PendingOutput>& outputs) {
    if (!outcome.ok) return outcome;
    std::vector<std::string> keys;
    for (const PendingOutput& output : outputs) keys.push_back(file_key(output.final_path()));
    if (const std::size_t twice = shared_key(keys, keys); twice != std::string::npos)
        return Outcome{
            false,
            "deux résultats du classeur auraient le même nom : " + outputs[twice].final_path().filename().string(),
            {}};
    try {
        commit_all(outputs);
    } catch (const fs::filesystem_error& e) {
        return Outcome{false, write_error_text(e.code(), e.path1()), {}};
    } catch (const std::system_error& e) {
        return Outcome{false, write_error_text(e.code(), outputs.front().final_path()), {}};
    }
    outcome.written = final_paths(outputs);  // the rest (cells in error, notes) stays as computed
    return outcome;
}

Outcome Delivery::deliver(const Job& job, Outcome outcome, std::vector<PendingOutput> outputs) {
    if (!outcome.ok) outputs.clear();
    Slot& slot = slots_.at(job.index);
    if (slot.neighbours.empty()) return commit(std::move(outcome), outputs);
    std::lock_guard lock(mutex_);
    slot.arrived = true;
    slot.outcome = std::move(outcome);
    if (slot.outcome.ok) slot.outcome.written = final_paths(outputs);
    for (const PendingOutput& output : outputs) slot.keys.push_back(file_key(output.final_path()));
    slot.outputs = std::move(outputs);
    settle_ready(job.index);
    for (const std::size_t other : slot.neighbours) settle_ready(other);
    return slot.outcome;  // settled, or provisional: ok with the names it will write
}

void Delivery::settle_ready(std::size_t index) {
    Slot& slot = slots_[index];
    if (slot.settled || !slot.arrived) return;
    for (const std::size_t other : slot.neighbours)
        if (!slots_[other].arrived) return;
    settle(index);
}

void Delivery::settle(std::size_t index) {
    Slot& slot = slots_[index];
    slot.settled = true;
    if (slot.outcome.ok) {
        for (const std::size_t other : slot.neighbours) {
            if (const std::size_t k = shared_key(slot.keys, slots_[other].keys); k != std::string::npos) {
                slot.outcome =
                    Outcome{false,
                            "même nom de sortie que " + plan_.jobs[other].source.string() + " : " +
                                slot.outcome.written[k].filename().string() + " (les deux classeurs sont écartés)",
                            {}};
                break;
            }
        }
    }
    if (!slot.outcome.ok) {
        slot.outputs.clear();  // temporaries removed
        return;
    }
    slot.outcome = commit(std::move(slot.outcome), slot.outputs);
    slot.outputs.clear();
}

void Delivery::finish(RunReport& report, bool interrupted) {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        Slot& slot = slots_[i];
        if (slot.neighbours.empty() || !slot.arrived) continue;
        if (!slot.settled) {
            if (interrupted) {
                slot.settled = true;
                slot.outputs.clear();
                slot.outcome = Outcome{false, reason::interrupted, {}};
            } else {
                settle(i);  // the neighbours still missing never ran: they write nothing
            }
        }
        if (i < report.outcomes.size()) report.outcomes[i] = slot.outcome;
    }
}

}  // namespace cpom::cli
