// One CPOM_DOSSIER call through the function table (cells → table), as a workbook makes it for each of its tables:
// K blocks of 5 years, 3 PPI lines, outputs CHARGES (projection only), INDICATEURS (+ three breakeven rates per
// block) and SENSIBILITE (14 shifted projections of every block). The office adds its own conversions of the cells
// (benchmarks/office/bench_dossier.py measures the whole template).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "cpom/calls/call_args.hpp"

namespace {

using cpom::calls::Arg;
using cpom::calls::Args;
using cpom::calls::Cell;

Arg rows(std::size_t count, std::vector<std::vector<Cell>> pattern) {
    std::vector<Cell> cells;
    for (std::size_t k = 0; k < count; ++k) {
        const auto& row = pattern[k % pattern.size()];
        cells.insert(cells.end(), row.begin(), row.end());
    }
    return Arg::block(count, pattern[0].size(), std::move(cells));
}

Args dossier(std::size_t blocks, const std::string& output) {
    Args args{rows(blocks, {{95'000.0, 1'420'000.0, 35'000.0}, {420'000.0, 2'350'000.0, 380'000.0}}),
              rows(blocks, {{0.095, 0.095, 0.09, 0.085, 0.085, 0.085}}),
              rows(blocks, {{0.01}}),
              rows(blocks, {{15'000.0, 2.0}}),
              rows(blocks, {{1'690'000.0}, {3'290'000.0}}),
              rows(blocks, {{0.012}}),
              rows(blocks, {{0.015, 0.012, 0.01, 0.01, 0.01}}),
              rows(blocks, {{40'000.0, 2.0}}),
              rows(blocks, {{190'000.0}}),
              Arg::block(4, 5, std::vector<Cell>{0.024, 0.02,  0.018, 0.018, 0.018, 0.012, 0.01,  0.01,  0.01,  0.01,
                                                 0.008, 0.008, 0.008, 0.008, 0.008, 0.02,  0.018, 0.015, 0.015, 0.015}),
              Arg::row({0.6, 0.25}),
              Arg::scalar(output),
              rows(blocks, {{std::string("ARS")}, {std::string("CD1")}, {std::string("CD2")}}),
              Arg::omitted(),
              Arg::block(3, 8, std::vector<Cell>{3.0, 2.0, 600'000.0, 20.0, 100'000.0, 400'000.0, 0.035, 15.0,  //
                                                 4.0, 1.0, 90'000.0,  5.0,  0.0,       0.0,       0.0,   1.0,   //
                                                 6.0, 3.0, 150'000.0, 10.0, 30'000.0,  120'000.0, 0.03,  10.0})};
    return args;
}

void BM_DossierCall(benchmark::State& state, const char* output) {
    const Args args = dossier(static_cast<std::size_t>(state.range(0)), output);
    for (auto _ : state) benchmark::DoNotOptimize(cpom::calls::call("CPOM_DOSSIER", args));
}
BENCHMARK_CAPTURE(BM_DossierCall, charges, "CHARGES")->Arg(6)->Arg(30)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_DossierCall, indicators, "INDICATEURS")->Arg(6)->Arg(30)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_DossierCall, sensitivity, "SENSIBILITE")->Arg(6)->Arg(30)->Arg(40)->Unit(benchmark::kMicrosecond);

}  // namespace
