#include "office_runner.hpp"

#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <unistd.h>

#include <thread>

#include "balance_import.hpp"
#include "cpom/cli/diagnosis.hpp"
#include "cpom/cli/write_errors.hpp"
#include "document.hpp"
#include "error_cells.hpp"
#include "exports.hpp"
#include "network_isolation.hpp"
#include "received_workbook.hpp"

namespace cpom::cli {

namespace {

using namespace std::chrono_literals;

constexpr auto k_start_timeout = 90s;  // a first start with a fresh profile takes about 3–10 s here
constexpr auto k_stop_timeout = 30s;

// A copy of an input in the runner's scratch folder, removed (with the office's lock file) when done.
class ScratchCopy {
public:
    ScratchCopy(const std::filesystem::path& source, const std::filesystem::path& folder)
        : path_(folder / source.filename()) {
        std::filesystem::create_directories(folder);
        std::filesystem::copy_file(source, path_, std::filesystem::copy_options::overwrite_existing);
    }
    ~ScratchCopy() {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(path_.parent_path(), ec))
            std::filesystem::remove_all(entry.path(), ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace

OfficeRunner::OfficeRunner(const RunnerSettings& settings, unsigned worker)
    : settings_(settings),
      worker_(worker),
      scratch_dir_(settings.work_root / ("documents-" + std::to_string(worker))),
      watchdog_([this] {
          deadline_passed_ = true;
          abort_office();
      }) {
    hook_ = settings_.signals->add_hook([this] { abort_office(); });
    try {
        const Options& o = *settings_.options;
        if (o.connect.empty()) {
            const std::string pipe = "cpom_run_" + std::to_string(::getpid()) + "_" + std::to_string(worker_);
            auto process = std::make_unique<OfficeProcess>(
                o.office_program, settings_.work_root / ("office-" + std::to_string(worker_)), o.oxt, pipe);
            std::string refusal;  // main() warns about it once
            if (!o.keep_active_content) process->set_launcher(network_isolation_prefix(refusal));
            {
                std::lock_guard lock(connection_mutex_);  // abort_office() may run now, from the signal thread
                process_ = std::move(process);
            }
            process_->install_extension();
        }
        start();
    } catch (const std::exception& e) {
        settings_.signals->remove_hook(hook_);
        {
            std::lock_guard lock(connection_mutex_);
            process_.reset();
        }
        // A full --work-dir shows as an office that stops at once with an empty log: say what it is.
        if (const auto full = disk_full(settings_.options->work_dir))
            throw OfficeError("dossier de travail (--work-dir) : " + *full);
        throw;
    } catch (...) {
        settings_.signals->remove_hook(hook_);
        std::lock_guard lock(connection_mutex_);
        process_.reset();
        throw;
    }
}

OfficeRunner::~OfficeRunner() {
    stop();
    settings_.signals->remove_hook(hook_);
}

void OfficeRunner::start() {
    if (process_) process_->start();
    connect();
}

void OfficeRunner::connect() {
    const std::string description = process_ ? process_->connection() : settings_.options->connect;
    const auto deadline = std::chrono::steady_clock::now() + (process_ ? k_start_timeout : 10s);
    for (;;) {
        if (settings_.signals->stop()) throw OfficeError("interrompu");
        if (process_ && !process_->running())
            throw OfficeError("LibreOffice s'est arrêté au démarrage : " + process_->log_tail());
        try {
            auto connection = std::make_unique<UnoConnection>(description);
            std::lock_guard lock(connection_mutex_);
            connection_ = std::move(connection);
            return;
        } catch (const css::connection::NoConnectException&) {
            if (std::chrono::steady_clock::now() > deadline) {
                if (process_) process_->kill();
                throw OfficeError(process_ ? "LibreOffice ne répond pas (délai de démarrage dépassé)"
                                           : "aucun LibreOffice n'écoute sur « " + description + " »");
            }
            std::this_thread::sleep_for(200ms);
        } catch (const css::uno::Exception& e) {
            if (process_) process_->kill();
            throw OfficeError("connexion à LibreOffice impossible : " + to_utf8(e.Message));
        }
    }
}

void OfficeRunner::abort_office() noexcept {
    std::lock_guard lock(connection_mutex_);
    if (connection_) connection_->dispose();
    if (process_) process_->interrupt();
}

bool OfficeRunner::answers() {
    if (process_ && !process_->running()) return false;
    watchdog_.arm(10s);
    bool ok = false;
    try {
        connection_->desktop()->getComponents()->createEnumeration();
        ok = true;
    } catch (const css::uno::Exception&) {
    }
    return !watchdog_.disarm() && ok;
}

void OfficeRunner::stop() noexcept {
    if (process_ && connection_ && process_->running()) {
        // A clean exit first: the office removes its own temporary files. Someone else's office (--connect) is
        // never terminated.
        watchdog_.arm(k_stop_timeout);
        try {
            connection_->desktop()->terminate();
        } catch (...) {
            // The bridge drops as the office exits.
        }
        watchdog_.disarm();
        process_->wait_exit(k_stop_timeout);
    }
    {
        std::lock_guard lock(connection_mutex_);
        connection_.reset();
    }
    if (process_) process_->kill();  // whatever is left of the group
}

Outcome OfficeRunner::compute(const Job& job, std::vector<PendingOutput>& outputs) {
    if (const auto problem = precheck_file(job.document)) return Outcome{false, *problem, {}};
    // The data first: a bad data file is reported without touching the office. Read within the deadline, and
    // stopped by it or by a signal (DataFileInterrupted: run() names the cause).
    DataSet own_data;
    const DataSet* data = settings_.shared_data;
    if (job.data && !data) {
        try {
            own_data = load_data_file(*job.data, [this] { return deadline_passed_ || settings_.signals->stop(); });
        } catch (const DataFileError& e) {
            return Outcome{false, std::string("données : ") + e.what(), {}};
        }
        data = &own_data;
    }
    // The office opens a private copy, never the input: its lock file and anything it might write stay in our
    // folder, and the document stays editable (a read-only document refuses setDataArray). Same file name, so that
    // headers and footers showing it are unchanged.
    const ScratchCopy copy(job.document, scratch_dir_);
    const Options& o = *settings_.options;
    // A workbook may come from anyone: what would fetch, read or run something goes before the office sees it.
    std::vector<std::string> notes;
    if (!o.keep_active_content) notes = neutralise_received_workbook(*connection_, copy.path());
    Document document(*connection_, copy.path());
    if (settings_.balances)  // then --data may still set any cell
        for (std::string& note : fill_balances(document, *settings_.balances)) notes.push_back(std::move(note));
    if (data && !data->empty()) document.fill(*data);
    WorkbookErrors errors = document.recalculate();
    if (!o.keep_active_content) refuse_external_documents(document);
    if (errors.any()) explain_error_cells(document.model(), errors);  // before the exports: they change the copy
    outputs = export_document(document,
                              ExportRequest{o.out_dir, job.stem, o.formats, o.sheets, settings_.plan,
                                            settings_.work_root / ("exports-" + std::to_string(worker_)), o.extract});
    Outcome outcome{true, "", {}};  // the outputs are committed by run(), once the deadline is passed
    outcome.notes = std::move(notes);
    outcome.errors = std::move(errors);
    return outcome;
}

std::string OfficeRunner::write_failure(std::string reason) const {
    if (const auto full = disk_full(settings_.options->work_dir)) return "dossier de travail (--work-dir) : " + *full;
    if (const auto full = disk_full(settings_.options->out_dir)) return *full;
    return reason;
}

Outcome OfficeRunner::run(const Job& job) {
    if (!connection_) {
        try {
            start();
        } catch (const std::exception& e) {
            usable_ = false;
            return Outcome{false, std::string("LibreOffice n'a pas pu redémarrer : ") + e.what(), {}};
        }
    }
    Outcome outcome;
    std::vector<PendingOutput> outputs;  // dropped (temporaries removed) unless delivered below
    deadline_passed_ = false;
    watchdog_.arm(settings_.options->timeout);
    try {
        outcome = compute(job, outputs);
    } catch (const DataFileInterrupted&) {
        outcome = Outcome{false, reason::interrupted, {}};  // by the deadline or a signal: named below
    } catch (const DocumentError& e) {
        const std::string what = e.what();
        outcome = Outcome{false, what.starts_with("écriture impossible") ? write_failure(what) : what, {}};
    } catch (const css::uno::Exception& e) {
        outcome = Outcome{false, write_failure("erreur LibreOffice : " + to_utf8(e.Message)), {}};
    } catch (const std::filesystem::filesystem_error& e) {
        // Copying the input into the work folder, moving an export into the output folder.
        outcome =
            Outcome{false, write_failure(write_error_text(e.code(), e.path2().empty() ? e.path1() : e.path2())), {}};
    } catch (const std::system_error& e) {
        outcome = Outcome{false, write_failure("écriture impossible : " + std::string(e.what())), {}};
    } catch (const std::exception& e) {
        outcome = Outcome{false, e.what(), {}};
    }
    // From here on the deadline cannot touch this document: what was computed in time is delivered whole, so a
    // document whose outputs are written is never reported as timed out.
    const bool expired = watchdog_.disarm();
    if (settings_.signals->stop()) return Outcome{false, reason::interrupted, {}};
    bool restart = expired;
    if (expired) {
        outcome = Outcome{false, reason::timeout(static_cast<long>(settings_.options->timeout.count())), {}};
    } else if (!outcome.ok && !answers()) {
        outcome.reason = reason::office_crashed;
        restart = true;
    }
    if (restart) {
        // The next document gets a fresh office (same profile: the extension stays installed).
        {
            std::lock_guard lock(connection_mutex_);
            connection_.reset();
        }
        if (process_) process_->kill();
    }
    Outcome delivered = settings_.delivery->deliver(job, std::move(outcome), std::move(outputs));
    delivered.office_restarted = restart;
    return delivered;
}

}  // namespace cpom::cli
