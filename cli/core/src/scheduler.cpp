#include "cpom/cli/scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

#include "cpom/cli/diagnosis.hpp"

namespace cpom::cli {

RunReport run_jobs(const std::vector<Job>& jobs, unsigned workers, const RunnerFactory& make_runner,
                   const std::atomic<bool>& stop, Observer& observer) {
    RunReport report;
    report.outcomes.resize(jobs.size());
    std::atomic<std::size_t> next{0};
    std::mutex mutex;  // guards report and the counts below
    std::size_t done_ok = 0, restarts = 0;
    std::atomic<bool> gave_up{false};

    const auto work = [&](unsigned worker) {
        std::unique_ptr<Runner> runner;
        try {
            runner = make_runner(worker);
        } catch (const std::exception& e) {
            std::lock_guard lock(mutex);
            report.startup_errors.emplace_back(e.what());
            return;
        } catch (...) {
            std::lock_guard lock(mutex);
            report.startup_errors.emplace_back("erreur inconnue au démarrage");
            return;
        }
        while (!stop && !gave_up && runner->usable()) {
            const std::size_t index = next++;
            if (index >= jobs.size()) break;
            observer.started(jobs[index]);
            Outcome outcome;
            const auto started = std::chrono::steady_clock::now();
            try {
                outcome = runner->run(jobs[index]);
            } catch (const std::exception& e) {
                outcome = Outcome{false, e.what(), {}};
            } catch (...) {
                outcome = Outcome{false, "erreur inconnue", {}};
            }
            if (stop && !outcome.ok) outcome.reason = reason::interrupted;  // the office was killed under it
            outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            {
                std::lock_guard lock(mutex);
                report.outcomes[index] = outcome;
                done_ok += outcome.ok ? 1 : 0;
                restarts += outcome.office_restarted ? 1 : 0;
                if (done_ok == 0 && restarts >= k_max_fruitless_restarts) gave_up = report.gave_up = true;
            }
            observer.finished(jobs[index], outcome);
        }
        runner.reset();  // stops this worker's office here, in parallel with the others
    };

    const unsigned count = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(jobs.size())));
    if (jobs.empty()) return report;
    std::vector<std::jthread> threads;
    for (unsigned w = 0; w < count; ++w) threads.emplace_back(work, w);
    threads.clear();  // joins
    return report;
}

}  // namespace cpom::cli
