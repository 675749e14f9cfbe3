// The scissor table of a CPOM perimeter in one call: CPOM_SCISSOR over K establishments × N years, the whole
// call path as Calc pays it (cells → engine → K × (4N+1) matrix). The office benchmark (benchmarks/office, case
// "projection") times the same 200 × 6 call inside LibreOffice; this says how much of that time is ours.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <vector>

#include "cpom/calls/call_args.hpp"

namespace {

using cpom::calls::Arg;
using cpom::calls::Cell;

std::vector<Cell> cells(std::size_t count, double first, double step) {
    std::vector<Cell> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) out.emplace_back(first + step * static_cast<double>(i % 97));
    return out;
}

void BM_ScissorCall(benchmark::State& state) {
    const auto k = static_cast<std::size_t>(state.range(0)), n = static_cast<std::size_t>(state.range(1));
    const cpom::calls::Args args{
        Arg::block(k, 1, cells(k, 1e6, 1e4)),        // charges_base
        Arg::block(k, n, cells(k * n, 0.02, 1e-4)),  // charges_rates, one row per establishment
        Arg::block(k, 1, cells(k, 0.99e6, 1e4)),     // resources_base
        Arg::block(1, n, cells(n, 0.005, 1e-3)),     // resources_rates, the campaign's shared row
        Arg::scalar(Cell(static_cast<double>(n))),   // years
        Arg::scalar(Cell(0.01)),                     // cap
        Arg::block(k, 1, cells(k, 1e5, 1e3))};       // reserves
    for (auto _ : state) benchmark::DoNotOptimize(cpom::calls::call("CPOM_SCISSOR", args));
    state.counters["cells_per_s"] = benchmark::Counter(
        static_cast<double>(k * (4 * n + 1)) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ScissorCall)->Args({200, 6})->Args({2'000, 6})->Args({200, 30})->Unit(benchmark::kMicrosecond);

}  // namespace
