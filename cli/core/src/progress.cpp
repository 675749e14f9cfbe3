#include "cpom/cli/progress.hpp"

#include <algorithm>

#include "cpom/cli/summary.hpp"

namespace cpom::cli {

std::string fit_width(const std::string& text, std::size_t width) {
    std::size_t chars = 0, cut = std::string::npos;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
        if (chars == width - 1 && cut == std::string::npos) cut = i;
        if (++chars > width) return text.substr(0, cut) + "…";
    }
    return text;
}

Progress::Progress(std::size_t total, bool enabled, std::ostream& out, std::size_t width)
    : total_(total), width_(std::max<std::size_t>(width, 20)), enabled_(enabled), out_(out) {}

std::string Progress::line() const {
    std::string text = "[";  // (appends: GCC 12 warns falsely about "[" + std::string)
    text.append(std::to_string(ok_ + failed_)).append("/").append(std::to_string(total_)).append("] ");
    text.append(std::to_string(ok_)).append(ok_ > 1 ? " réussis, " : " réussi, ");
    text.append(std::to_string(failed_)).append(" en échec");
    if (ok_ + failed_ == 0 && running_.empty()) text += " · démarrage de LibreOffice…";
    if (!running_.empty()) {
        text += " · en cours :";
        for (const std::string& name : running_) text += " " + name;
    }
    return fit_width(text, width_ - 1);
}

void Progress::draw() {
    if (!enabled_) return;
    out_ << "\r\033[K" << line() << std::flush;
}

void Progress::show() {
    std::lock_guard lock(mutex_);
    draw();
}

void Progress::started(const Job& job) {
    std::lock_guard lock(mutex_);
    running_.push_back(printable(job.source.filename().string()));
    draw();
}

void Progress::finished(const Job& job, const Outcome& outcome) {
    std::lock_guard lock(mutex_);
    (outcome.ok ? ok_ : failed_)++;
    const auto it = std::find(running_.begin(), running_.end(), printable(job.source.filename().string()));
    if (it != running_.end()) running_.erase(it);
    draw();
}

void Progress::clear() {
    std::lock_guard lock(mutex_);
    if (enabled_) out_ << "\r\033[K" << std::flush;
}

}  // namespace cpom::cli
