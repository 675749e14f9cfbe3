#include "cpom/cli/summary.hpp"

#include <cmath>
#include <cstdio>

namespace cpom::cli {

std::string duration_text(double seconds) {
    char buffer[32];
    if (seconds < 60) {
        std::snprintf(buffer, sizeof buffer, "%.1f s", seconds);
        std::string text = buffer;
        for (char& c : text)
            if (c == '.') c = ',';  // French decimal comma
        return text;
    }
    const long total = std::lround(seconds);
    std::snprintf(buffer, sizeof buffer, "%ld min %02ld s", total / 60, total % 60);
    return buffer;
}

std::string summary(const Plan& plan, const RunReport& report, const std::string& not_run, double seconds,
                    Totals& totals) {
    std::string text;
    totals = {};
    for (const Rejected& rejected : plan.rejected) {
        text += "échec  " + rejected.source.string() + " : " + rejected.reason + "\n";
        ++totals.failed;
    }
    for (std::size_t i = 0; i < plan.jobs.size(); ++i) {
        const auto& outcome = report.outcomes[i];
        const std::string source = plan.jobs[i].source.string();
        if (outcome && outcome->ok) {
            text += "ok     " + source + " →";
            for (std::size_t k = 0; k < outcome->written.size(); ++k)
                text += (k ? ", " : " ") + outcome->written[k].string();
            text += "\n";
            for (const std::string& note : outcome->notes) text += "       - " + note + "\n";
            ++totals.ok;
        } else {
            text += "échec  " + source + " : " + (outcome ? outcome->reason : not_run) + "\n";
            ++totals.failed;
        }
    }
    const std::size_t total = totals.ok + totals.failed;
    text += std::to_string(total) + (total > 1 ? " classeurs : " : " classeur : ") + std::to_string(totals.ok) +
            (totals.ok > 1 ? " réussis, " : " réussi, ") + std::to_string(totals.failed) + " en échec (" +
            duration_text(seconds) + ").\n";
    return text;
}

}  // namespace cpom::cli
