// Reading a FEC (cpom-run --balance): a generated file of 100 000 entry lines, aggregated to its accounts, every
// entry checked for balance. The text is built once, outside the timed loop; the timing covers parsing, amount
// conversion, aggregation and the per-entry balance check (what cpom-run does once per run, before any office).
#include <benchmark/benchmark.h>

#include "cpom/cli/balance_fill.hpp"
#include "cpom/cli/ledger.hpp"
#include "fec_sample.hpp"

namespace {

void BM_ParseFec(benchmark::State& state) {
    const auto sample = cpom::cli::test::generate_fec(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        cpom::cli::Ledger ledger = cpom::cli::parse_ledger(sample.text);
        benchmark::DoNotOptimize(ledger.accounts.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(sample.text.size()));
}
BENCHMARK(BM_ParseFec)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// The fill plan of the errd template's balance (2 000 rows) from the 100 000-line FEC's accounts.
void BM_PlanFill(benchmark::State& state) {
    const auto sample = cpom::cli::test::generate_fec(100'000);
    std::vector<cpom::cli::LoadedBalance> balances{
        {cpom::cli::parse_balance_request("balance:1=fec.txt"), cpom::cli::parse_ledger(sample.text)}};
    cpom::cli::RangeShapes shapes;
    for (const char* name :
         {"balance_comptes", "balance_libelles", "balance_colonnes", "balance_debits", "balance_credits"})
        shapes[name] = cpom::cli::RangeShape{name, "Balance", 14, 2013, 0, 0};
    for (auto _ : state) benchmark::DoNotOptimize(cpom::cli::plan_balance_fill(balances, shapes));
}
BENCHMARK(BM_PlanFill)->Unit(benchmark::kMicrosecond);

}  // namespace
