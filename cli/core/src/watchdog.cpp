#include "cpom/cli/watchdog.hpp"

namespace cpom::cli {

Watchdog::Watchdog(std::function<void()> on_expiry) : on_expiry_(std::move(on_expiry)), thread_([this] { loop(); }) {}

Watchdog::~Watchdog() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void Watchdog::arm(std::chrono::milliseconds delay) {
    {
        std::lock_guard lock(mutex_);
        deadline_ = std::chrono::steady_clock::now() + delay;
        armed_ = true;
        expired_ = false;
    }
    changed_.notify_all();
}

bool Watchdog::disarm() {
    std::unique_lock lock(mutex_);
    armed_ = false;
    changed_.wait(lock, [this] { return !acting_; });  // the office must not be killed after we restart it
    return expired_;
}

void Watchdog::loop() {
    std::unique_lock lock(mutex_);
    while (!quit_) {
        if (!armed_) {
            changed_.wait(lock);
        } else if (changed_.wait_until(lock, deadline_) == std::cv_status::timeout && armed_ && !quit_ &&
                   std::chrono::steady_clock::now() >= deadline_) {
            armed_ = false;
            expired_ = acting_ = true;
            lock.unlock();
            on_expiry_();  // outside the lock: it may block on the office for a moment
            lock.lock();
            acting_ = false;
            changed_.notify_all();
        }
    }
}

}  // namespace cpom::cli
