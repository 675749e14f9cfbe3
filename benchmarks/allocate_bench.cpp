// Throughput of CPOM_ALLOCATE: linear in K pools × M activities. The target case of a large organisation,
// 1 000 pools × 200 activities (200 000 keys), must recalculate in well under a millisecond in the engine;
// the call path (cells → numbers → engine → matrix) is measured too, since that is what Calc pays.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <vector>

#include "cpom/allocation.hpp"
#include "cpom/calls/call_args.hpp"

namespace {

// Deterministic, sparse-ish keys like a real allocation table: 1 + (k·m mod 7), every seventh one 0.
std::vector<double> keys(std::size_t pools, std::size_t activities) {
    std::vector<double> drivers(pools * activities);
    for (std::size_t k = 0; k < pools; ++k) {
        for (std::size_t m = 0; m < activities; ++m) {
            drivers[k * activities + m] = (k + m) % 7 == 0 ? 0.0 : 1.0 + static_cast<double>((k * m) % 7);
        }
    }
    return drivers;
}

std::vector<double> amounts(std::size_t pools) {
    std::vector<double> values(pools);
    for (std::size_t k = 0; k < pools; ++k) values[k] = 1'000.0 * static_cast<double>(k + 1);
    return values;
}

void set_counters(benchmark::State& state) {
    const double cells = static_cast<double>(state.range(0) * state.range(1));
    state.counters["keys_per_s"] =
        benchmark::Counter(cells * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_Allocate(benchmark::State& state) {
    const auto pools = static_cast<std::size_t>(state.range(0)), activities = static_cast<std::size_t>(state.range(1));
    const std::vector<double> pool_amounts = amounts(pools), drivers = keys(pools, activities);
    for (auto _ : state) benchmark::DoNotOptimize(cpom::allocate(pool_amounts, drivers, activities));
    set_counters(state);
}
BENCHMARK(BM_Allocate)
    ->Args({10, 5})
    ->Args({100, 50})
    ->Args({1'000, 200})
    ->Args({4'000, 500})
    ->Unit(benchmark::kMicrosecond);

void BM_AllocateCall(benchmark::State& state) {
    using cpom::calls::Arg;
    const auto pools = static_cast<std::size_t>(state.range(0)), activities = static_cast<std::size_t>(state.range(1));
    const std::vector<double> pool_amounts = amounts(pools), drivers = keys(pools, activities);
    const cpom::calls::Args args{
        Arg::block(pools, 1, std::vector<cpom::calls::Cell>(pool_amounts.begin(), pool_amounts.end())),
        Arg::block(pools, activities, std::vector<cpom::calls::Cell>(drivers.begin(), drivers.end()))};
    for (auto _ : state) benchmark::DoNotOptimize(cpom::calls::call("CPOM_ALLOCATE", args));
    set_counters(state);
}
BENCHMARK(BM_AllocateCall)->Args({1'000, 200})->Unit(benchmark::kMicrosecond);

}  // namespace
