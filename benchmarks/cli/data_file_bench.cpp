// Reading cpom-run's data files (cli/core/src/data_file.cpp): the time before any office starts with --data, and
// inside each document's deadline with --template. Linear in the number of names: 100 000 distinct names must read
// in well under a second (issue 13: it took 95 s when each new name was compared with all the previous ones).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "cpom/cli/data_file.hpp"

namespace {

// n distinct names, French notation, as a user's export would give: "etab_123;1 234,50".
std::string csv_text(long n) {
    std::string text = "# hypothèses\n";
    for (long i = 0; i < n; ++i) text += "etab_" + std::to_string(i) + ";" + std::to_string(1000 + i) + ",50\n";
    return text;
}

std::string json_text(long n) {
    std::string text = "{";
    for (long i = 0; i < n; ++i)
        text += (i ? ",\n\"etab_" : "\n\"etab_") + std::to_string(i) + "\": " + std::to_string(i) + ".5";
    return text + "\n}";
}

void BM_ParseCsv(benchmark::State& state) {
    const std::string text = csv_text(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(cpom::cli::parse_csv(text));
    state.counters["lines_per_s"] =
        benchmark::Counter(static_cast<double>(state.range(0) * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseCsv)->Arg(12'500)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_ParseJson(benchmark::State& state) {
    const std::string text = json_text(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(cpom::cli::parse_json(text));
    state.counters["names_per_s"] =
        benchmark::Counter(static_cast<double>(state.range(0) * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseJson)->Arg(12'500)->Arg(100'000)->Unit(benchmark::kMillisecond);

// The whole --data path: read the file, detect the encoding, parse (Windows-1252, as French Excel writes).
void BM_LoadCsvFile(benchmark::State& state) {
    const auto path = std::filesystem::temp_directory_path() / ("cpom-bench-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path, std::ios::binary) << "libell\xE9;\"Foyer\"\n" << csv_text(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(cpom::cli::load_data_file(path, [] { return false; }));
    std::filesystem::remove(path);
}
BENCHMARK(BM_LoadCsvFile)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
