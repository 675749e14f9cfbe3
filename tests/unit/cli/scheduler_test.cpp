// The folder scheduler with fake offices: every job runs exactly once, a worker whose office cannot start leaves
// the work to the others, a stop request leaves the remaining jobs unrun.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "cpom/cli/scheduler.hpp"

namespace {

using namespace cpom::cli;

std::vector<Job> jobs(int n) {
    std::vector<Job> out;
    for (int i = 0; i < n; ++i) out.push_back(Job{"d" + std::to_string(i), std::nullopt, "d" + std::to_string(i), ""});
    return out;
}

struct Counter : Observer {
    std::mutex mutex;
    std::multiset<std::string> started_jobs, finished_jobs;
    void started(const Job& j) override {
        std::lock_guard lock(mutex);
        started_jobs.insert(j.source.string());
    }
    void finished(const Job& j, const Outcome&) override {
        std::lock_guard lock(mutex);
        finished_jobs.insert(j.source.string());
    }
};

class FakeRunner : public Runner {
public:
    explicit FakeRunner(std::set<std::thread::id>* threads, std::mutex* m) : threads_(threads), mutex_(m) {}
    Outcome run(const Job& job) override {
        {
            std::lock_guard lock(*mutex_);
            threads_->insert(std::this_thread::get_id());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        if (job.source == "d3") return Outcome{false, "cassé", {}};
        return Outcome{true, "", {job.source}};
    }

private:
    std::set<std::thread::id>* threads_;
    std::mutex* mutex_;
};

TEST(Scheduler, EveryJobOnceOnSeveralWorkers) {
    std::set<std::thread::id> threads;
    std::mutex m;
    std::atomic<bool> stop{false};
    Counter counter;
    const auto all = jobs(40);
    const RunReport report = run_jobs(
        all, 3, [&](unsigned) { return std::make_unique<FakeRunner>(&threads, &m); }, stop, counter);
    ASSERT_EQ(report.outcomes.size(), 40u);
    for (std::size_t i = 0; i < all.size(); ++i) {
        ASSERT_TRUE(report.outcomes[i].has_value());
        EXPECT_EQ(report.outcomes[i]->ok, i != 3);
        EXPECT_GE(report.outcomes[i]->seconds, 0.002);  // each fake document takes 2 ms (--report's durations)
    }
    EXPECT_EQ(report.outcomes[3]->reason, "cassé");
    EXPECT_EQ(counter.started_jobs.size(), 40u);
    EXPECT_EQ(counter.finished_jobs.size(), 40u);
    EXPECT_EQ(std::set<std::string>(counter.finished_jobs.begin(), counter.finished_jobs.end()).size(), 40u);
    EXPECT_GE(threads.size(), 2u);
    EXPECT_TRUE(report.startup_errors.empty());
}

TEST(Scheduler, AWorkerThatCannotStartLeavesTheWorkToOthers) {
    std::set<std::thread::id> threads;
    std::mutex m;
    std::atomic<bool> stop{false};
    Counter counter;
    const RunReport report = run_jobs(
        jobs(5), 2,
        [&](unsigned worker) -> std::unique_ptr<Runner> {
            if (worker == 1) throw std::runtime_error("pas d'office");
            return std::make_unique<FakeRunner>(&threads, &m);
        },
        stop, counter);
    ASSERT_EQ(report.startup_errors, std::vector<std::string>{"pas d'office"});
    for (const auto& outcome : report.outcomes) EXPECT_TRUE(outcome.has_value());
}

TEST(Scheduler, NoOfficeAtAll) {
    std::atomic<bool> stop{false};
    Counter counter;
    const RunReport report = run_jobs(
        jobs(3), 2, [&](unsigned) -> std::unique_ptr<Runner> { throw std::runtime_error("non"); }, stop, counter);
    EXPECT_EQ(report.startup_errors.size(), 2u);
    for (const auto& outcome : report.outcomes) EXPECT_FALSE(outcome.has_value());
}

TEST(Scheduler, StopLeavesTheRestUnrun) {
    std::atomic<bool> stop{false};
    Counter counter;
    struct Stopper : Runner {
        std::atomic<bool>* stop;
        Outcome run(const Job& job) override {
            if (job.source == "d2") *stop = true;
            return Outcome{true, "", {}};
        }
    };
    const RunReport report = run_jobs(
        jobs(10), 1,
        [&](unsigned) {
            auto r = std::make_unique<Stopper>();
            r->stop = &stop;
            return r;
        },
        stop, counter);
    EXPECT_TRUE(report.outcomes[2].has_value());
    EXPECT_FALSE(report.outcomes[3].has_value());
}

// Issue 13: with --timeout 1 every document timed out and the office was restarted for each of them, forever.
TEST(Scheduler, GivesUpAfterRestartsWithNothingDone) {
    std::atomic<bool> stop{false};
    Counter counter;
    struct TimesOut : Runner {
        Outcome run(const Job&) override {
            return Outcome{.ok = false, .reason = "délai dépassé (1 s)", .office_restarted = true};
        }
    };
    const RunReport report = run_jobs(
        jobs(20), 2, [&](unsigned) { return std::make_unique<TimesOut>(); }, stop, counter);
    EXPECT_TRUE(report.gave_up);
    const auto run =
        std::count_if(report.outcomes.begin(), report.outcomes.end(), [](const auto& o) { return o.has_value(); });
    EXPECT_GE(run, static_cast<long>(k_max_fruitless_restarts));
    EXPECT_LE(run, static_cast<long>(k_max_fruitless_restarts) + 1);  // the other worker's document in flight
}

TEST(Scheduler, RestartsAfterASuccessNeverStopTheRun) {
    std::atomic<bool> stop{false};
    Counter counter;
    struct SomeHang : Runner {
        Outcome run(const Job& job) override {
            if (job.source == "d0") return Outcome{true, "", {}};
            return Outcome{.ok = false,
                           .reason = "délai dépassé (180 s)",
                           .office_restarted = true};  // hung workbooks, the timeout is right
        }
    };
    const RunReport report = run_jobs(
        jobs(8), 1, [&](unsigned) { return std::make_unique<SomeHang>(); }, stop, counter);
    EXPECT_FALSE(report.gave_up);
    for (const auto& outcome : report.outcomes) EXPECT_TRUE(outcome.has_value());
}

}  // namespace
