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

Status status_of(const std::optional<Outcome>& outcome) {
    if (!outcome || !outcome->ok) return Status::failed;
    return outcome->errors.any() ? Status::errors : Status::ok;
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (u < 0x20 || u == 0x7F) {
            static constexpr char k_hex[] = "0123456789abcdef";
            out += "\\x";
            out += k_hex[u >> 4];
            out += k_hex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

std::string summary(const Plan& plan, const RunReport& report, const std::string& not_run, double seconds,
                    Totals& totals) {
    constexpr std::size_t k_error_lines = 3;  // the rest is in --report
    const std::string indent = "       ";     // under the file name
    std::string text;
    totals = {};
    for (const Rejected& rejected : plan.rejected) {
        text += "échec  " + printable(rejected.source.string()) + " : " + printable(rejected.reason) + "\n";
        ++totals.failed;
    }
    for (std::size_t i = 0; i < plan.jobs.size(); ++i) {
        const auto& outcome = report.outcomes[i];
        const std::string source = printable(plan.jobs[i].source.string());
        const Status status = status_of(outcome);
        if (status != Status::failed) {
            // Written with cells in error: not a plain "ok", and the first causes on the following lines.
            text += (status == Status::ok ? "ok     " : "erreur ") + source + " →";
            for (std::size_t k = 0; k < outcome->written.size(); ++k)
                text += (k ? ", " : " ") + printable(outcome->written[k].string());
            text += "\n";
            if (status == Status::errors) {
                text += indent + error_count_text(outcome->errors) + "\n";
                if (!outcome->errors.input_check.empty())
                    text += indent + "contrôle du classeur : " + printable(outcome->errors.input_check) + "\n";
                for (const std::string& line : error_lines(outcome->errors, k_error_lines))
                    text += indent + printable(line) + "\n";
                ++totals.with_errors;
            }
            for (const std::string& note : outcome->notes) text += indent + "- " + printable(note) + "\n";
            ++totals.ok;
        } else {
            text += "échec  " + source + " : " + printable(outcome ? outcome->reason : not_run) + "\n";
            ++totals.failed;
        }
    }
    const std::size_t total = totals.ok + totals.failed;
    text += std::to_string(total) + (total > 1 ? " classeurs : " : " classeur : ") + std::to_string(totals.ok) +
            (totals.ok > 1 ? " réussis, " : " réussi, ");
    if (totals.with_errors > 0) text += "dont " + std::to_string(totals.with_errors) + " avec des cellules en erreur, ";
    text += std::to_string(totals.failed) + " en échec (" + duration_text(seconds) + ").\n";
    return text;
}

int exit_code_of(const Totals& totals, bool allow_errors) {
    if (totals.failed > 0) return exit_code::failed;
    if (totals.with_errors > 0 && !allow_errors) return exit_code::cell_errors;
    return exit_code::done;
}

}  // namespace cpom::cli
