// One status line on a terminal, rewritten in place: how many are done, failed, and which files are being computed.
// Disabled when the output is not a terminal (logs, CI): only the summary is printed then.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "cpom/cli/scheduler.hpp"

namespace cpom::cli {

class Progress : public Observer {
public:
    Progress(std::size_t total, bool enabled, std::ostream& out, std::size_t width = 100);
    void show();  // the first line, while the offices start
    void started(const Job& job) override;
    void finished(const Job& job, const Outcome& outcome) override;
    void clear();  // erases the line before the summary

    // The line as drawn (without the terminal codes), for the tests.
    std::string line() const;

private:
    void draw();

    std::size_t total_, ok_ = 0, failed_ = 0, width_;
    bool enabled_;
    std::ostream& out_;
    std::vector<std::string> running_;
    mutable std::mutex mutex_;
};

// Cuts a UTF-8 text to at most `width` characters, ending with "…" if cut.
std::string fit_width(const std::string& text, std::size_t width);

}  // namespace cpom::cli
