// cpom-run: recalculates CPOM workbooks in headless LibreOffice offices with the cpom-calc add-in and exports them.
// Wiring only: options → jobs → workers (one office each) → summary and exit code. See docs/cli.md.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cpom/cli/balance_fill.hpp"
#include "cpom/cli/data_file.hpp"
#include "cpom/cli/delivery.hpp"
#include "cpom/cli/jobs.hpp"
#include "cpom/cli/json_report.hpp"
#include "cpom/cli/options.hpp"
#include "cpom/cli/progress.hpp"
#include "cpom/cli/scheduler.hpp"
#include "cpom/cli/stale_leftovers.hpp"
#include "cpom/cli/summary.hpp"
#include "network_isolation.hpp"
#include "cpom/cli/write_errors.hpp"
#include "office_runner.hpp"
#include "cpom/cli/signals.hpp"

namespace {

using namespace cpom::cli;

Environment environment() {
    Environment env;
    std::error_code ec;
    env.exe_dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
    env.cores = std::max(1u, std::thread::hardware_concurrency());
    if (const char* tmp = std::getenv("TMPDIR"); tmp && *tmp) env.temp_dir = tmp;
    if (const char* program = std::getenv("CPOM_LO_PROGRAM"); program && *program) env.office_program = program;
    env.version = CPOM_VERSION_STRING;
    return env;
}

std::size_t terminal_width() {
    winsize size{};
    return ::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 100;
}

// Each file once, even if it fills several ranges (a FEC into the result and the bilan tables).
std::vector<LoadedBalance> load_balances(const std::vector<BalanceRequest>& requests) {
    std::vector<LoadedBalance> loaded;
    for (const BalanceRequest& request : requests) {
        const auto same = std::find_if(loaded.begin(), loaded.end(),
                                       [&](const LoadedBalance& l) { return l.request.file == request.file; });
        loaded.push_back(LoadedBalance{request, same != loaded.end() ? same->ledger : load_ledger(request.file)});
    }
    return loaded;
}

int usage_error(const std::string& message) {
    std::cerr << "cpom-run : " << message << "\nAide : cpom-run --help\n";
    return exit_code::usage;
}

int run(const Options& options, SignalGuard& signals) {
    const auto started = std::chrono::steady_clock::now();  // the summary's duration counts reading the data too
    std::optional<DataSet> shared_data;
    if (options.data_file) {
        try {
            shared_data = load_data_file(*options.data_file, [&] { return signals.stop().load(); });
        } catch (const DataFileInterrupted&) {
            return 128 + signals.signal();
        } catch (const DataFileError& e) {
            return usage_error(std::string("données : ") + e.what());
        }
    }
    std::vector<LoadedBalance> balances;
    try {
        balances = load_balances(options.balances);
    } catch (const LedgerError& e) {
        return usage_error(std::string("balance : ") + e.what());
    }
    for (const std::string& note : balance_notes(balances)) std::cerr << "cpom-run : balance " << note << "\n";
    const Plan plan = plan_jobs(options);
    if (plan.jobs.empty() && plan.rejected.empty())
        return usage_error("aucun fichier à traiter dans les dossiers donnés");
    if (options.report && plan.is_input(*options.report))
        return usage_error("--report : remplacerait un fichier d'entrée : " + options.report->string());
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) return usage_error("--out : impossible de créer " + options.out_dir.string() + " : " + ec.message());
    if (options.report && !options.report->parent_path().empty()) {
        std::filesystem::create_directories(options.report->parent_path(), ec);
        if (ec)
            return usage_error("--report : impossible de créer " + options.report->parent_path().string() + " : " +
                               ec.message());
    }

    // The C++ UNO bootstrap needs this (without it, it crashes); the office's own value.
    const std::string fundamental = "vnd.sun.star.pathname:" + (options.office_program / "fundamentalrc").string();
    ::setenv("URE_BOOTSTRAP", fundamental.c_str(), 0);

    // What dead runs left behind (kill -9, a crash): their temporaries here, their work folders there.
    remove_stale_outputs(options.out_dir);
    remove_stale_work_folders(options.work_dir);
    if (signals.stop()) return 128 + signals.signal();

    // This run's profiles: removed at the end (the runners remove their own first), locked while it runs.
    std::optional<WorkFolder> work_folder;
    try {
        work_folder.emplace(options.work_dir);
    } catch (const std::system_error& e) {
        return usage_error("--work-dir : impossible d'y créer un dossier : " +
                           write_error_text(e.code(), options.work_dir / "cpom-run-XXXXXX"));
    }
    const std::filesystem::path work_root = work_folder->path();
    signals.set_work_root(work_root);
    // Our own UNO runtime resolves $SYSUSERCONFIG while it bootstraps, creating $HOME/.config if it is missing: point
    // it at an existing folder of ours (the offices get their own home: office_process.cpp).
    ::setenv("XDG_CONFIG_HOME", work_root.c_str(), 1);

    Delivery delivery(plan,
                      std::find(options.formats.begin(), options.formats.end(), Format::csv) != options.formats.end() &&
                          options.sheets.size() != 1);

    if (options.connect.empty() && !options.keep_active_content) {
        std::string refusal;
        if (network_isolation_prefix(refusal).empty())
            std::cerr << "cpom-run : LibreOffice ne peut pas être coupé du réseau (" << refusal
                      << ") ; les classeurs sont tout de même inspectés avant ouverture\n";
    }
    Progress progress(plan.jobs.size(), !options.quiet && ::isatty(STDERR_FILENO), std::cerr, terminal_width());
    progress.show();
    const RunnerSettings settings{&options, &plan,     shared_data ? &*shared_data : nullptr, work_root,
                                  &signals, &delivery, balances.empty() ? nullptr : &balances};
    RunReport report = run_jobs(
        plan.jobs, options.jobs, [&](unsigned worker) { return std::make_unique<OfficeRunner>(settings, worker); },
        signals.stop(), progress);
    delivery.finish(report, signals.signal() != 0);
    progress.clear();
    std::filesystem::remove_all(work_root, ec);

    const bool no_office = !signals.signal() && !report.startup_errors.empty() &&
                           std::none_of(report.outcomes.begin(), report.outcomes.end(),
                                        [](const auto& outcome) { return outcome.has_value(); });
    std::string not_run = "non traité";
    const std::string gave_up = "LibreOffice redémarré " + std::to_string(k_max_fruitless_restarts) +
                                " fois sans qu'aucun classeur n'aboutisse : délai --timeout (" +
                                std::to_string(options.timeout.count()) + " s) trop court, ou classeurs à examiner";
    if (signals.signal())
        not_run = "interrompu";
    else if (report.gave_up)
        not_run = "non traité : " + gave_up;
    else if (!report.startup_errors.empty())
        not_run = "non traité : " + report.startup_errors.front();
    Totals totals;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << summary(plan, report, not_run, seconds, totals) << std::flush;

    int code = exit_code_of(totals, options.allow_errors);
    if (signals.signal()) {
        code = 128 + signals.signal();
    } else if (report.gave_up) {
        std::cerr << "cpom-run : arrêt : " << gave_up << "\n";
    }
    if (no_office) {
        std::cerr << "cpom-run : LibreOffice n'a pas pu démarrer : " << report.startup_errors.front() << "\n";
        code = exit_code::no_office;
    }
    if (options.report) {
        try {
            write_report(*options.report, report_json(plan, report, {CPOM_VERSION_STRING, not_run, seconds, code}));
        } catch (const std::exception& e) {
            std::cerr << "cpom-run : compte rendu --report non écrit : " << e.what() << "\n";
            if (code == exit_code::done || code == exit_code::cell_errors) code = exit_code::failed;
        }
    }
    return code;
}

}  // namespace

int main(int argc, char* argv[]) {
    SignalGuard signals;  // first: every thread created afterwards inherits the blocked signals
    Command command;
    try {
        command = parse_command_line(argc, argv, environment());
    } catch (const UsageError& e) {
        return usage_error(e.what());
    }
    if (command.action == Action::help) {
        std::cout << command.help;
        return 0;
    }
    if (command.action == Action::version) {
        std::cout << "cpom-run " << CPOM_VERSION_STRING << "\n";
        return 0;
    }
    try {
        return run(command.options, signals);
    } catch (const std::exception& e) {
        kill_all_process_groups();
        std::cerr << "cpom-run : erreur inattendue : " << e.what() << "\n";
        return exit_code::failed;
    }
}
