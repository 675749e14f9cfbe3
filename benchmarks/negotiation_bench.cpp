// Throughput of CPOM_RISK (scenario-years per second; target ≥ 20 million on one core, i.e. 10 000 scenarios ×
// 6 years in under 3 ms) and of CPOM_BREAKEVEN_RATE (calls per second).
#include <benchmark/benchmark.h>

#include <vector>

#include "cpom/negotiation.hpp"
#include "cpom/risk.hpp"

namespace {

cpom::RiskInputs typical_contract(int scenarios, int years) {
    cpom::RiskInputs in;
    in.base_charges = 5'000'000;
    in.base_resources = 4'950'000;
    in.years = years;
    in.inflation_mean = 0.025;
    in.inflation_sd = 0.01;
    in.resources_rate = 0.01;
    in.reserves = 300'000;
    in.scenarios = scenarios;
    return in;
}

void BM_Risk(benchmark::State& state) {
    const auto in = typical_contract(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    for (auto _ : state) benchmark::DoNotOptimize(cpom::simulate_risk(in));
    const double scenario_years = static_cast<double>(state.range(0) * state.range(1));
    state.counters["scenario_years_per_s"] =
        benchmark::Counter(scenario_years * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
// The default call of a workbook (10 000 × 6), a full 30-year contract, and the cap (1 000 000 scenarios, which
// k_max_draws allows up to 5 years).
BENCHMARK(BM_Risk)->Args({10'000, 6})->Args({10'000, 30})->Args({1'000'000, 5})->Unit(benchmark::kMillisecond);

void BM_BreakevenRate(benchmark::State& state) {
    std::vector<double> charges(static_cast<std::size_t>(state.range(0)));
    double c = 5'000'000;
    for (double& v : charges) v = (c *= 1.025);
    for (auto _ : state) benchmark::DoNotOptimize(cpom::breakeven_rate(4'950'000, charges, 300'000));
    state.counters["calls_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BreakevenRate)->Arg(6)->Arg(30);

}  // namespace
