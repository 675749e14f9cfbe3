// One worker's office: started (or connected to) when the worker starts, one document at a time under a deadline,
// restarted after a timeout or a crash, stopped cleanly (Desktop.terminate, then kill) when the worker ends.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

#include "cpom/cli/balance_fill.hpp"
#include "cpom/cli/data_file.hpp"
#include "cpom/cli/delivery.hpp"
#include "cpom/cli/jobs.hpp"
#include "cpom/cli/options.hpp"
#include "cpom/cli/scheduler.hpp"
#include "cpom/cli/watchdog.hpp"
#include "cpom/cli/office_process.hpp"
#include "cpom/cli/signals.hpp"
#include "uno_connection.hpp"

namespace cpom::cli {

struct RunnerSettings {
    const Options* options = nullptr;
    const Plan* plan = nullptr;
    const DataSet* shared_data = nullptr;  // --data, read once
    std::filesystem::path work_root;       // this run's folder of profiles
    SignalGuard* signals = nullptr;
    Delivery* delivery = nullptr;  // commits the outputs of each document, once its deadline is passed
    const std::vector<LoadedBalance>* balances = nullptr;  // --balance, read once
};

class OfficeRunner : public Runner {
public:
    OfficeRunner(const RunnerSettings& settings, unsigned worker);  // throws OfficeError
    ~OfficeRunner() override;

    Outcome run(const Job& job) override;
    bool usable() const override { return usable_; }

private:
    void start();
    void connect();
    void stop() noexcept;
    void abort_office() noexcept;  // watchdog and signals: unblock the worker now
    bool answers();
    Outcome compute(const Job& job, std::vector<PendingOutput>& outputs);
    std::string write_failure(std::string reason) const;  // "disque plein…" when a disk is full

    const RunnerSettings settings_;
    const unsigned worker_;
    const std::filesystem::path scratch_dir_;  // private copies of the documents
    std::unique_ptr<OfficeProcess> process_;   // none with --connect
    std::unique_ptr<UnoConnection> connection_;
    std::mutex connection_mutex_;  // connection_ is replaced by the worker, disposed by other threads
    Watchdog watchdog_;
    std::atomic<bool> deadline_passed_{false};  // set by the watchdog: a data file being read stops at once
    int hook_ = -1;
    bool usable_ = true;
};

}  // namespace cpom::cli
