// A deadline per document: if the office has not finished in time (a hung load, an endless recalculation), the
// action runs in the watchdog's thread (kill the office, drop the bridge) and the blocked call returns with an error.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace cpom::cli {

class Watchdog {
public:
    explicit Watchdog(std::function<void()> on_expiry);
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    void arm(std::chrono::milliseconds delay);
    // Stops the countdown; true if it expired since arm(). Returns after the action has finished.
    bool disarm();

private:
    void loop();

    std::function<void()> on_expiry_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::chrono::steady_clock::time_point deadline_;
    bool armed_ = false, expired_ = false, acting_ = false, quit_ = false;
    std::thread thread_;
};

}  // namespace cpom::cli
