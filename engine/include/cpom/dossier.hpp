// The negotiation dossier of a CPOM (docs/domain.md#dossier): every block (establishment × activity × financer)
// projected line by line, the cumulative gap split by driver, the rates to ask for, the financers' scenarios and the
// sensitivity of the result to each driver. Pure computation on checked inputs; CPOM_DOSSIER's adapter
// (engine/src/calls/dossier_calls.cpp) reads the cells row by row, so that one bad block never stops the others.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cpom {

// At most this many blocks in one call (issue 13: no call may freeze Calc for more than about 0.1 s): the worst
// outputs (SENSIBILITE, INDICATEURS) at 30 years stay there (benchmarks/worst_case_bench.cpp, docs/performance.md).
// A template holds 40.
inline constexpr std::size_t k_max_dossier_blocks = 1'000;

// Yearly rates shared by every block, years 1..N (N values each, > −100 %), and the replacement of absences.
struct CommonCharges {
    std::vector<double> inflation_group1;  // groupe I: exploitation courante
    std::vector<double> revaluation;       // groupe II: revalorisations (point, mesures nationales)
    std::vector<double> gvt;               // groupe II: glissement vieillesse technicité
    std::vector<double> inflation_group3;  // groupe III: structure
    double replaced_share = 1.0;           // share of the absences replaced, [0, 1]
    double replacement_premium = 0.0;      // extra cost of a replaced hour, ≥ 0
};

// One block's inputs (checked by the caller: amounts > 0 where a base, rates in range, years in 1..N).
struct Block {
    double group1 = 0, payroll = 0, group3 = 0;  // charges of year 0; payroll without the replacements
    std::vector<double> absenteeism;             // N + 1 rates, years 0..N, [0, 1]
    double legal = 0;                            // legal risks, share of the charges above, [0, 1]
    double uncovered = 0;                        // uncovered investment cost, euros per year, ≥ 0
    int uncovered_from = 1;                      // from this year of the contract (1..N)
    std::vector<double> investment_plan;         // N net charges of the PPI lines of the block (empty: none)
    double resources = 0;                        // year 0, > 0
    std::optional<double> cap;                   // contractual cap of the resources' yearly rate
    std::vector<double> expected_rates;          // N expected rates of the resources (campaign rates)
    double new_measures = 0;                     // lasting new measures, euros, carried over and compounded
    int new_measures_year = 1;                   // 1..N
    double reserves = 0;                         // reserves the block may use, euros
};

// Lines of a block, years 0..N (N + 1 values) unless said otherwise. Charges_t = (group1 + payroll + replacement +
// group3)·(1 + legal rate) + investments; resources as CPOM_PROJECT: P_0 = resources, P_t = P_{t−1}·(1 + rate_t) +
// new measures_t with rate_t = min(expected_t, cap).
struct BlockProjection {
    std::vector<double> group1, payroll, replacement, group3, legal, investments, charges, resources, gap;
    std::vector<double> rates, new_measures, cumulative_gap;  // years 1..N
    std::vector<double> payroll_revaluation, payroll_gvt;     // W_t − W_0 split: Σ_{s≤t} W_{s−1}·rate_s
    std::vector<double> carried_measures;                     // Q_t = Q_{t−1}·(1 + rate_t) + measures_t, Q_0 = 0
    int exhaustion_year = 0;                                  // first year the cumulative gap exceeds the reserves
};

BlockProjection project_block(const Block& block, const CommonCharges& common);

// Drivers of the cumulative gap, in this order; their sum is the cumulative gap of year N exactly:
// Σ_t (C_t − R_t) = N·(C_0 − R_0) + Σ_t Σ_lines (line_t − line_0) − Σ_t (B_t − R_0) − Σ_t Q_t, where B_t is the
// year-0 resources at the rates received and Q_t the new measures carried over.
enum class GapDriver {
    Rebasing,         // the year-0 deficit, repeated each year: the base to correct first
    InflationGroup1,  // increase of the groupe I charges
    Revaluation,      // part of the payroll increase due to revaluations
    Gvt,              // part due to the GVT
    Absenteeism,      // increase of the replacement cost of absences
    InflationGroup3,  // increase of the groupe III charges
    Legal,            // increase of the legal-risk provision
    Investments,      // uncovered investments and PPI charges (zero in year 0)
    ResourcesGrowth,  // minus the increase of the year-0 resources at the rates received
    NewMeasures,      // minus the new measures carried over
};
inline constexpr std::size_t k_gap_drivers = 10;
std::array<double, k_gap_drivers> gap_drivers(const BlockProjection& projection);

// Rates to ask for, counting the lasting new measures as the projection does (CPOM_BREAKEVEN_RATE).
struct BlockRates {
    std::optional<double> breakeven;       // cumulative gap 0 without the reserves
    std::optional<double> minimal;         // uses exactly the reserves
    std::optional<double> after_rebasing;  // without reserves, once the year-0 base is raised by its deficit
    std::string problem;                   // why a rate is missing ("" when all three are there)
};
BlockRates block_rates(const Block& block, const BlockProjection& projection);

// A financer's scenario: a constant yearly rate for every block (no cap: the rate offered is the rate received)
// and an amount added to the year-0 base of the financer, shared between its blocks in proportion to their year-0
// resources (convention, docs/domain.md#dossier).
struct Scenario {
    double rate = 0;
    double rebasing = 0;
};
Block under_scenario(const Block& block, double rate, double added_resources);

// Drivers of the sensitivity analysis (±step on each rate), in this order.
enum class SensitivityDriver { InflationGroup1, Revaluation, Gvt, InflationGroup3, Absenteeism, Legal, Resources };
inline constexpr std::size_t k_sensitivity_drivers = 7;
std::string_view sensitivity_label(SensitivityDriver driver);

// The blocks of a scope (a financer, or the whole perimeter) and their financers; reserves are pooled within a
// financer, never across financers.
struct ScopeBlock {
    const Block* block;
    std::size_t financer;  // index of its financer group
};

// Cumulative gap of year N and exhaustion year of a scope: per financer, Σ gaps against Σ reserves; the scope's
// year is the first year a financer runs out (0: none).
struct ScopeResult {
    double cumulative_gap = 0;
    int exhaustion_year = 0;
};
ScopeResult scope_result(const std::vector<ScopeBlock>& blocks, const CommonCharges& common);

// The scope with one driver shifted by `delta` (rates of every year and every block). Absenteeism and legal rates
// do not go below 0 (floored). The resources' shift applies to the rate received (after the cap). Throws
// ArgumentError when a shifted growth rate falls to −100 % or below.
ScopeResult shifted_scope_result(const std::vector<ScopeBlock>& blocks, const CommonCharges& common,
                                 SensitivityDriver driver, double delta);

}  // namespace cpom
