// Aggregating a trial balance: CPOM_GROUP / CPOM_ACCOUNTS on up to 100 000 lines must stay interactive
// (Calc recalculates on every edit). Measured through cpom::calls::call (what Calc pays: cells → normalised
// accounts → trie walk per line) and on the engine alone (TrialBalance::read, then the group totals).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "cpom/accounts.hpp"
#include "cpom/calls/call_args.hpp"
#include "cpom/functional_groups.hpp"
#include "cpom/selector.hpp"

namespace {

using cpom::calls::Arg;
using cpom::calls::Cell;

// A realistic export: detail accounts of classes 1–7, 60 % typed as numbers, the rest as text, some padded,
// some with a qualifier ("411-ASSO", "6411 Salaires") or trailing spaces; one line in 50 blank.
Arg accounts_column(std::size_t lines) {
    static const char* const k_accounts[] = {
        "60611", "60621", "6063",  "6111",  "6112",  "6132", "6152", "6161", "6226", "6241", "6262", "6281", "6311",
        "6331",  "6411",  "64111", "6413",  "6419",  "6451", "6453", "6471", "6556", "6611", "6811", "6815", "675",
        "7061",  "7068",  "709",   "73111", "73112", "7318", "7411", "7588", "7611", "775",  "777",  "7781", "7811",
        "102",   "1068",  "164",   "2135",  "2813",  "401",  "411",  "421",  "431",  "512",  "531"};
    constexpr std::size_t k_count = sizeof k_accounts / sizeof k_accounts[0];
    std::vector<Cell> cells;
    cells.reserve(lines);
    for (std::size_t i = 0; i < lines; ++i) {
        const std::string account = k_accounts[(i * 7919) % k_count];
        switch (i % 10) {
            case 0: cells.emplace_back(std::string(account) + "-ASSO"); break;
            case 1: cells.emplace_back(account + "00  "); break;
            case 2: cells.emplace_back(account + " Libellé du compte"); break;
            case 3: cells.emplace_back(" " + account); break;
            default: cells.emplace_back(std::stod(account)); break;
        }
        if (i % 50 == 49) cells.back() = cpom::calls::Empty{};
    }
    return Arg::block(lines, 1, std::move(cells));
}

Arg amounts_column(std::size_t lines) {
    std::vector<Cell> cells;
    cells.reserve(lines);
    for (std::size_t i = 0; i < lines; ++i) {
        if (i % 50 == 49) {
            cells.emplace_back(cpom::calls::Empty{});
        } else {
            cells.emplace_back(100.0 + static_cast<double>((i * 37) % 10'000));
        }
    }
    return Arg::block(lines, 1, std::move(cells));
}

Arg text(const char* s) { return Arg::scalar(Cell(std::string(s))); }

void lines_per_second(benchmark::State& state) {
    state.counters["lines_per_s"] = benchmark::Counter(
        static_cast<double>(state.range(0)) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_GroupCall(benchmark::State& state) {
    const auto lines = static_cast<std::size_t>(state.range(0));
    // Every argument passed, the optional mapping as omitted, as the add-in does (leaving it out of the list
    // would make call() pad a copy of the 100 000 cells).
    const cpom::calls::Args args{accounts_column(lines), amounts_column(lines), text("C2"), Arg::omitted()};
    for (auto _ : state) benchmark::DoNotOptimize(cpom::calls::call("CPOM_GROUP", args));
    lines_per_second(state);
}
BENCHMARK(BM_GroupCall)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_GroupCallUserMapping(benchmark::State& state) {
    const auto lines = static_cast<std::size_t>(state.range(0));
    std::vector<Cell> mapping;
    for (const char* row : {"60",   "C1", "61", "C3", "611", "C2", "62", "C3", "63", "C3", "64", "C2",
                            "6419", "P2", "65", "C3", "66",  "C3", "67", "C3", "68", "C3", "70", "P2",
                            "73",   "P1", "74", "P2", "75",  "P2", "76", "P3", "77", "P3", "78", "P3"}) {
        mapping.emplace_back(std::string(row));
    }
    const std::size_t rows = mapping.size() / 2;
    const cpom::calls::Args args{accounts_column(lines), amounts_column(lines), text("C2"),
                                 Arg::block(rows, 2, std::move(mapping))};
    for (auto _ : state) benchmark::DoNotOptimize(cpom::calls::call("CPOM_GROUP", args));
    lines_per_second(state);
}
BENCHMARK(BM_GroupCallUserMapping)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_AccountsCall(benchmark::State& state) {
    const auto lines = static_cast<std::size_t>(state.range(0));
    const cpom::calls::Args args{accounts_column(lines), amounts_column(lines), text("7 -775 -777 -7781 -78")};
    for (auto _ : state) benchmark::DoNotOptimize(cpom::calls::call("CPOM_ACCOUNTS", args));
    lines_per_second(state);
}
BENCHMARK(BM_AccountsCall)->Arg(100'000)->Unit(benchmark::kMillisecond);

// The engine alone, from cells already in engine form (what another front end than Calc would pass).
struct EngineInput {
    std::vector<std::string> texts;  // owns the text accounts the views point to
    std::vector<cpom::AccountCell> accounts;
    std::vector<std::optional<double>> amounts;

    explicit EngineInput(std::size_t lines) {
        const Arg accounts_arg = accounts_column(lines), amounts_arg = amounts_column(lines);
        texts.reserve(lines);
        for (const Cell& cell : accounts_arg.cells()) {
            if (const auto* x = std::get_if<double>(&cell)) {
                accounts.emplace_back(*x);
            } else if (const auto* s = std::get_if<std::string>(&cell)) {
                texts.push_back(*s);
                accounts.emplace_back(std::string_view(texts.back()));
            } else {
                accounts.emplace_back(std::monostate{});
            }
        }
        for (const Cell& cell : amounts_arg.cells()) {
            const auto* x = std::get_if<double>(&cell);
            amounts.push_back(x ? std::optional(*x) : std::nullopt);
        }
    }
};

void BM_GroupEngine(benchmark::State& state) {
    const EngineInput input(static_cast<std::size_t>(state.range(0)));
    const cpom::GroupMapping& mapping = cpom::GroupMapping::standard();
    for (auto _ : state) {
        const cpom::TrialBalance balance = cpom::TrialBalance::read(input.accounts, input.amounts);
        benchmark::DoNotOptimize(cpom::group_total(balance, cpom::Group::C2, mapping));
    }
    lines_per_second(state);
}
BENCHMARK(BM_GroupEngine)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Only the lookups: the balance already read, six group totals by one trie walk per line.
void BM_GroupTotalsOnly(benchmark::State& state) {
    const EngineInput input(static_cast<std::size_t>(state.range(0)));
    const cpom::TrialBalance balance = cpom::TrialBalance::read(input.accounts, input.amounts);
    const cpom::GroupMapping& mapping = cpom::GroupMapping::standard();
    for (auto _ : state) benchmark::DoNotOptimize(cpom::group_totals(balance, mapping));
    lines_per_second(state);
}
BENCHMARK(BM_GroupTotalsOnly)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
