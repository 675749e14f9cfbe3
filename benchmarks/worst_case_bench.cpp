// The worst call of every function at its documented maximum (cpom/calls/limits.hpp, CPOM_RISK's k_max_draws):
// no call may freeze Calc, so each of these must stay under about 0.1 s (issue 13). Measured through
// cpom::calls::call, the whole path Calc pays in the add-in: cells → checks → engine → result. One benchmark per
// function of the table, registered from it, so a new function without a worst case shows up as an error here.
// Calc's own conversion of the cells to UNO values comes on top (docs/performance.md, docs/reliability.md).
#include <benchmark/benchmark.h>

#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "cpom/calls/call_args.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/dossier.hpp"
#include "cpom/risk.hpp"

namespace {

using cpom::calls::Arg;
using cpom::calls::Args;
using cpom::calls::Cell;
using cpom::calls::k_max_cells_per_argument;
using cpom::calls::k_max_result_cells;
using cpom::calls::k_max_text_bytes;

constexpr std::size_t k_years = 30;                                     // the longest contract of every yearly function
constexpr std::size_t k_establishments = k_max_result_cells / k_years;  // 34 952 rows of 30 years

Arg num(double x) { return Arg::scalar(Cell(x)); }
Arg text(std::string s) { return Arg::scalar(Cell(std::move(s))); }

// rows × cols numbers, varying so that nothing is constant-folded: first, first + step, … (97 distinct values).
Arg block(std::size_t rows, std::size_t cols, double first, double step) {
    std::vector<Cell> cells;
    cells.reserve(rows * cols);
    for (std::size_t i = 0; i < rows * cols; ++i) cells.emplace_back(first + step * static_cast<double>(i % 97));
    return Arg::block(rows, cols, std::move(cells));
}

// A whole column of a trial balance as accounting software exports it: accounts as numbers and as "dirty" texts
// ("411-ASSO", "6411 Salaires", padded), the text path being the slower one.
Arg accounts_column() {
    static const char* const k_accounts[] = {"60611", "6063", "6111",  "6226", "6411", "6419", "6811", "675",
                                             "7061",  "709",  "73111", "7588", "775",  "777",  "7781", "102",
                                             "1068",  "164",  "2135",  "401",  "411",  "512"};
    constexpr std::size_t k_count = sizeof k_accounts / sizeof k_accounts[0];
    std::vector<Cell> cells;
    cells.reserve(k_max_cells_per_argument);
    for (std::size_t i = 0; i < k_max_cells_per_argument; ++i) {
        const std::string account = k_accounts[(i * 7919) % k_count];
        switch (i % 4) {
            case 0: cells.emplace_back(account + "-ASSO"); break;
            case 1: cells.emplace_back(account + " Libellé du compte"); break;
            case 2: cells.emplace_back(" " + account + "00  "); break;
            default: cells.emplace_back(std::stod(account)); break;
        }
    }
    return Arg::block(k_max_cells_per_argument, 1, std::move(cells));
}

Arg amounts_column() { return block(k_max_cells_per_argument, 1, 100, 37); }

// The longest selector: 65 536 characters of distinct prefixes, some excluded.
Arg longest_selector() {
    std::string selector = "6 7 -709";
    for (int i = 0; selector.size() + 9 < k_max_text_bytes; ++i)
        selector += (i % 5 ? " 6" : " -6") + std::to_string(1'000'000 + i);
    return text(selector);
}

// A user's table of functional groups as large as it may be: 10 000 rows × (prefix, group).
Arg largest_mapping() {
    const std::size_t rows = cpom::calls::k_max_table_rows;
    static const char* const k_groups[] = {"C1", "C2", "C3", "P1", "P2", "P3"};
    std::vector<Cell> cells;
    cells.reserve(2 * rows);
    cells.emplace_back(std::string("6")), cells.emplace_back(std::string("C2"));
    cells.emplace_back(std::string("7")), cells.emplace_back(std::string("P3"));
    for (std::size_t i = 2; i < rows; ++i) {
        cells.emplace_back(std::string(i % 2 ? "6" : "7") + std::to_string(1'000'000 + i));
        cells.emplace_back(std::string(k_groups[i % 6]));
    }
    return Arg::block(rows, 2, std::move(cells));
}

// The six group codes repeated over a whole column: the result has that shape.
Arg group_codes() {
    static const char* const k_groups[] = {"C1", "C2", "C3", "P1", "P2", "P3"};
    std::vector<Cell> cells;
    cells.reserve(k_max_cells_per_argument);
    for (std::size_t i = 0; i < k_max_cells_per_argument; ++i) cells.emplace_back(std::string(k_groups[i % 6]));
    return Arg::block(k_max_cells_per_argument, 1, std::move(cells));
}

Args risk(double years) {
    const double scenarios = std::floor(static_cast<double>(cpom::k_max_draws) / years);
    return {num(5e6), num(4.95e6), num(years), num(0.025), num(0.01), num(0.01), num(3e5), num(scenarios), num(7)};
}

// CPOM_DOSSIER at its maximum: k_max_dossier_blocks blocks of 30 years under three financers, absenteeism year by
// year, an investment plan of one line per block; each output that does more than one projection per block
// (INDICATEURS: three breakeven rates per block; SCENARIOS: three scenarios; SENSIBILITE: 2 × 7 shifted projections).
Arg pattern(std::size_t rows, const std::vector<std::vector<Cell>>& cycle) {
    std::vector<Cell> cells;
    for (std::size_t r = 0; r < rows; ++r) {
        const auto& row = cycle[r % cycle.size()];
        cells.insert(cells.end(), row.begin(), row.end());
    }
    return Arg::block(rows, cycle[0].size(), std::move(cells));
}

Args dossier_worst(const char* output) {
    const std::size_t k = cpom::k_max_dossier_blocks;
    std::vector<Cell> plan;
    for (std::size_t m = 0; m < k; ++m) {
        for (double x : {static_cast<double>(m + 1), static_cast<double>(1 + m % k_years), 1e5 + 10.0 * m, 20.0, 1e4,
                         5e4, 0.03, 15.0})
            plan.emplace_back(x);
    }
    Args args{block(k, 3, 1e5, 1e3),
              block(k, k_years + 1, 0.05, 1e-3),
              block(k, 1, 0.005, 1e-4),
              pattern(k, {{1.5e4, 2.0}, {0.0, Cell()}}),
              block(k, 1, 1.8e6, 1e3),
              pattern(k, {{0.012}, {Cell()}}),
              block(k, k_years, 0.01, 1e-4),
              pattern(k, {{4e4, 3.0}, {Cell(), Cell()}}),
              block(k, 1, 1e5, 1e3),
              block(4, k_years, 0.01, 1e-4),
              Arg::row({0.6, 0.25}),
              text(output),
              pattern(k, {{std::string("ARS")}, {std::string("CD1")}, {std::string("CD2")}}),
              Arg::omitted(),
              Arg::block(k, 8, std::move(plan)),
              pattern(3, {{std::string("ARS"), 0.0, 0.01, 2e4, 0.02, 1e4, 0.015},
                          {std::string("CD1"), 0.0, 0.008, 1e4, 0.02, 5e3, 0.014},
                          {std::string("CD2"), 0.0, 0.008, 5e3, 0.02, 2e3, 0.014}})};
    return args;
}

// CPOM_PPI at its maximum: as many lines of 30 years as the result may hold (2 + 4 × 30 cells each).
Args ppi_worst() {
    const std::size_t lines = k_max_result_cells / (2 + 4 * k_years);
    std::vector<Cell> plan;
    for (std::size_t m = 0; m < lines; ++m) {
        for (double x : {1.0 + static_cast<double>(m % 40), static_cast<double>(1 + m % k_years), 1e5 + 10.0 * m, 20.0,
                         1e4, 5e4, 0.03, 15.0})
            plan.emplace_back(x);
    }
    return {Arg::block(lines, 8, std::move(plan)), num(static_cast<double>(k_years))};
}

// The section of each line of a trial balance: the three EHPAD sections and lines outside any (IME, SAAD).
Arg sections_column() {
    static const char* const k_sections[] = {"soins", "hébergement", "dépendance", ""};
    std::vector<Cell> cells;
    cells.reserve(k_max_cells_per_argument);
    for (std::size_t i = 0; i < k_max_cells_per_argument; ++i) cells.emplace_back(std::string(k_sections[i % 4]));
    return Arg::block(k_max_cells_per_argument, 1, std::move(cells));
}

// A table of forbidden-account rules as large as a table may be: prefix, sections admitted.
Arg largest_section_rules() {
    const std::size_t rows = cpom::calls::k_max_table_rows;
    std::vector<Cell> cells;
    cells.reserve(rows * 2);
    for (std::size_t i = 0; i < rows; ++i) {
        cells.emplace_back(std::to_string(6'000'000 + i));
        cells.emplace_back(std::string(i % 2 ? "soins" : "hébergement dépendance"));
    }
    return Arg::block(rows, 2, std::move(cells));
}

Args group_worst() { return {accounts_column(), amounts_column(), group_codes(), largest_mapping()}; }

// Each function's worst case(s): label → arguments at the documented maximum.
using Cases = std::vector<std::pair<std::string, std::function<Args()>>>;

const std::map<std::string, Cases>& worst_cases() {
    const std::size_t k = k_establishments;
    // A table, one entry per line: kept as written.
    // clang-format off
    static const std::map<std::string, Cases> cases = {
        {"CPOM_OCCUPANCY", {{"", [] { return Args{num(27'000), num(80), num(365), num(120)}; }}}},
        {"CPOM_ACTIVITY_RATE", {{"", [] { return Args{num(27'000), num(28'000)}; }}}},
        {"CPOM_UNIT_COST", {{"", [] { return Args{num(4.2e6), num(28'000), num(1e5)}; }}}},
        {"CPOM_DAY_PRICE", {{"", [] { return Args{num(4.2e6), num(1e5), num(28'000), num(-2e4)}; }}}},
        {"CPOM_ALLOCATE",
         {{"1024x1024", [] { return Args{block(1024, 1, 1e5, 1e3), block(1024, 1024, 1, 3)}; }},
          {"1048576x1", [] {
               return Args{block(k_max_cells_per_argument, 1, 1e5, 1e3), block(k_max_cells_per_argument, 1, 1, 3)};
           }}}},
        {"CPOM_CAGR", {{"", [] { return Args{block(k_max_cells_per_argument, 1, 1e6, 1e3)}; }}}},
        {"CPOM_VARIANCE",
         {{"", [] {
              return Args{block(k_max_cells_per_argument, 1, 1e6, 1e3), block(k_max_cells_per_argument, 1, 9e5, 2e3),
                          num(1)};
          }}}},
        {"CPOM_EXECUTION_RATE", {{"", [] { return Args{num(9.5e5), num(1e6)}; }}}},
        {"CPOM_STATUS", {{"", [] { return Args{num(0.93), num(0.95), num(0.02), num(1)}; }}}},
        {"CPOM_ACCOUNTS", {{"", [] { return Args{accounts_column(), amounts_column(), longest_selector()}; }}}},
        {"CPOM_GROUP", {{"", group_worst}}},
        {"CPOM_CAF", {{"", [] { return Args{num(1e5), num(3e5), num(5e4), num(2e4), num(1e4), num(3e4), num(0)}; }}}},
        {"CPOM_CAF_BALANCE", {{"", [] { return Args{accounts_column(), amounts_column()}; }}}},
        {"CPOM_CAF_RATE", {{"", [] { return Args{num(3e5), accounts_column(), amounts_column()}; }}}},
        {"CPOM_BALANCE", {{"", [] { return Args{accounts_column(), amounts_column(), text("FRNG")}; }}}},
        {"CPOM_RATIO", {{"", [] { return Args{text("INDEPENDENCE"), num(3e6), num(5e6)}; }}}},
        {"CPOM_PGFP",
         {{"", [] {
              return Args{num(5e6),
                          num(4.9e6),
                          block(1, k_years, 0.01, 1e-4),
                          block(1, k_years, 0.02, 1e-4),
                          num(static_cast<double>(k_years)),
                          block(1, k_years, 2e5, 1e3),
                          block(1, k_years, 3e5, 1e3),
                          block(1, k_years, 1e5, 1e3),
                          block(1, k_years, 5e4, 1e2),
                          block(1, k_years, 1e4, 1e2),
                          num(8e5),
                          num(2e6),
                          num(30)};
          }}}},
        {"CPOM_ABSENTEEISM_RATE", {{"", [] { return Args{num(1200), num(80), num(365)}; }}}},
        {"CPOM_TURNOVER", {{"", [] { return Args{num(12), num(10), num(80)}; }}}},
        {"CPOM_BREAKEVEN_RATE", {{"", [] { return Args{num(4.95e6), block(1, k_years, 5.1e6, 1e4), num(3e5)}; }}}},
        {"CPOM_ADJUSTMENT",
         {{"", [k] { return Args{block(k, k_years, 1e6, 1e3), block(k, k_years, 0.01, 1e-3), num(0.02), num(0.5)}; }}}},
        {"CPOM_ABSENTEEISM_COST",
         {{"", [k] { return Args{block(k, k_years, 2e6, 1e3), block(k, k_years, 0.05, 1e-3), num(0.6), num(0.25)}; }}}},
        {"CPOM_RISK", {{"5_years", [] { return risk(5); }}, {"30_years", [] { return risk(30); }}}},
        {"CPOM_PROJECT",
         {{"", [k] {
              return Args{block(k, 1, 1e6, 1e3), block(k, k_years, 0.02, 1e-4), num(static_cast<double>(k_years)),
                          num(0.025), block(k, k_years, 1e3, 10), block(k, k_years, 5e2, 10)};
          }}}},
        {"CPOM_GAP",
         {{"", [k] { return Args{block(k, k_years, 1e6, 1e3), block(k, k_years, 9.9e5, 1e3), num(1)}; }}}},
        {"CPOM_EXHAUSTION_YEAR", {{"", [k] { return Args{block(k, k_years, 1e4, 1e2), block(k, 1, 1e5, 1e3)}; }}}},
        {"CPOM_SCISSOR",
         {{"", [] {
              const std::size_t rows = k_max_result_cells / (4 * k_years + 1);  // 8 665 establishments
              return Args{block(rows, 1, 1e6, 1e4),     block(rows, k_years, 0.02, 1e-4),
                          block(rows, 1, 0.99e6, 1e4),  block(rows, k_years, 0.01, 1e-4),
                          num(static_cast<double>(k_years)), num(0.012), block(rows, 1, 1e5, 1e3)};
          }}}},
        {"CPOM_FORFAIT_SOINS", {{"", [] { return Args{num(720), num(220), num(80), num(13.1)}; }}}},
        {"CPOM_FORFAIT_DEPENDANCE", {{"", [] { return Args{num(720), num(80), num(7.5), num(0.3)}; }}}},
        {"CPOM_MODULATION", {{"", [] { return Args{num(1e6), num(0.93), num(2020), num(0.95)}; }}}},
        {"CPOM_CHECK",  // explaining the heaviest call costs that call
         {{"CPOM_GROUP", [] {
              Args args = group_worst();
              args.insert(args.begin(), text("CPOM_GROUP"));
              return args;
          }}}},
        {"CPOM_DOSSIER",
         {{"indicators", [] { return dossier_worst("INDICATEURS"); }},
          {"scenarios", [] { return dossier_worst("SCENARIOS"); }},
          {"sensitivity", [] { return dossier_worst("SENSIBILITE"); }}}},
        {"CPOM_PPI", {{"", ppi_worst}}},
        {"CPOM_VERSION", {{"", [] { return Args{}; }}}},
        {"CPOM_CAF_ERRD", {{"", [] { return Args{accounts_column(), amounts_column()}; }}}},
        {"CPOM_VETUSTE", {{"", [] { return Args{accounts_column(), amounts_column(), text("CONSTRUCTIONS")}; }}}},
        {"CPOM_SECTION_CHECK", {{"", [] { return Args{accounts_column(), sections_column(), amounts_column(),
                                                      largest_section_rules()}; }}}},
        {"CPOM_POINT_SOINS", {{"", [] { return Args{num(2018), text("GLOBAL"), num(1)}; }}}},
        {"CPOM_FORFAIT_DEPENDANCE_GIR", {{"", [] { return Args{block(1, 6, 10, 5), num(200), num(7.5)}; }}}},
        {"CPOM_MODULATION_SOINS", {{"", [] { return Args{num(1e6), num(0.93), num(2020), num(0.95)}; }}}},
        {"CPOM_MODULATION_DEPENDANCE", {{"", [] { return Args{num(4e5), num(0.93), num(2020), num(0.95)}; }}}},
        {"CPOM_TEXT", {{"", [] { return Args{num(-1'234'567.891), num(10), text("scénarios")}; }}}},
        {"CPOM_VALIDATE",  // a whole column of accounts checked against their amounts: every cell read and worded
         {{"accounts", [] {
              const Arg omitted = Arg::omitted();
              return Args{accounts_column(), text("ACCOUNT"), omitted, omitted, omitted, omitted, omitted,
                          omitted, omitted, omitted, amounts_column(), num(1)};
          }},
          {"rates", [] {
              return Args{block(k_max_cells_per_argument, 1, 0.01, 1e-4), text("RATE"), num(-0.05), num(0.2)};
          }}}},
    };
    // clang-format on
    return cases;
}

void run_call(benchmark::State& state, const std::string& function, const std::function<Args()>& make) {
    const cpom::calls::FunctionSpec* spec = cpom::calls::find_function(function);
    const Args args = make();
    const std::vector<const cpom::calls::CellBlock*> pointers = cpom::calls::pointers_to(args);
    for (auto _ : state) {
        try {
            benchmark::DoNotOptimize(cpom::calls::call(*spec, pointers, cpom::calls::Language::French));
        } catch (const std::exception& e) {
            state.SkipWithError(e.what());  // a worst case must be a valid call: its refusal would cost nothing
            break;
        }
    }
}

// Every function of the table has its worst case here (checked when run: the table is not ready at registration).
void BM_WorstCaseCoversEveryFunction(benchmark::State& state) {
    std::string missing;
    for (const cpom::calls::FunctionSpec& spec : cpom::calls::functions())
        if (!worst_cases().contains(std::string(spec.name))) missing += " " + std::string(spec.name);
    for (auto _ : state) {
        if (!missing.empty()) {
            state.SkipWithError(("no worst case in benchmarks/worst_case_bench.cpp for" + missing).c_str());
            break;
        }
    }
}
BENCHMARK(BM_WorstCaseCoversEveryFunction);

const bool registered = [] {
    for (const auto& [function, cases] : worst_cases()) {
        for (const auto& [label, make] : cases) {
            const std::string name = "BM_WorstCase/" + function + (label.empty() ? "" : "/" + label);
            benchmark::RegisterBenchmark(name.c_str(), run_call, function, make)->Unit(benchmark::kMillisecond);
        }
    }
    return true;
}();

}  // namespace
