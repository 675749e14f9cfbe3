#include "cpom/dossier.hpp"

#include <algorithm>
#include <numeric>

#include "cpom/error.hpp"
#include "cpom/negotiation.hpp"
#include "cpom/projection.hpp"

namespace cpom {
namespace {

// base, then CPOM_PROJECT's recurrence on it: N + 1 values, years 0..N.
std::vector<double> from_year_zero(double base, std::span<const double> rates) {
    std::vector<double> line{base};
    const std::vector<double> projected = project_unchecked(base, rates);
    line.insert(line.end(), projected.begin(), projected.end());
    return line;
}

double sum_after_year_zero(const std::vector<double>& line) {
    return std::accumulate(line.begin() + 1, line.end(), 0.0);
}

// Σ_{t=1..N} (line_t − line_0): what a line's increase adds to the cumulative gap.
double increase(const std::vector<double>& line) {
    return sum_after_year_zero(line) - static_cast<double>(line.size() - 1) * line[0];
}

void require_growth(double rate) {
    // The shift is CPOM_DOSSIER's step (écart): the adapter shows the reason in the driver's row.
    if (rate <= -1) throw ArgumentError(Role::step, "un taux décalé atteint -100 % ou moins : écart non calculable");
}

}  // namespace

BlockProjection project_block(const Block& b, const CommonCharges& c) {
    const std::size_t n = c.inflation_group1.size();
    BlockProjection p;
    p.group1 = from_year_zero(b.group1, c.inflation_group1);
    p.group3 = from_year_zero(b.group3, c.inflation_group3);
    std::vector<double> payroll_rates(n);
    for (std::size_t t = 0; t < n; ++t) payroll_rates[t] = c.revaluation[t] + c.gvt[t];
    p.payroll = from_year_zero(b.payroll, payroll_rates);
    p.payroll_revaluation.assign(n + 1, 0.0);
    p.payroll_gvt.assign(n + 1, 0.0);
    for (std::size_t t = 1; t <= n; ++t) {
        p.payroll_revaluation[t] = p.payroll_revaluation[t - 1] + p.payroll[t - 1] * c.revaluation[t - 1];
        p.payroll_gvt[t] = p.payroll_gvt[t - 1] + p.payroll[t - 1] * c.gvt[t - 1];
    }
    p.replacement.resize(n + 1);
    p.legal.resize(n + 1);
    p.investments.assign(n + 1, 0.0);
    p.charges.resize(n + 1);
    for (std::size_t t = 0; t <= n; ++t) {
        p.replacement[t] = absenteeism_cost(p.payroll[t], b.absenteeism[t], c.replaced_share, c.replacement_premium);
        const double covered = p.group1[t] + p.payroll[t] + p.replacement[t] + p.group3[t];
        p.legal[t] = b.legal * covered;
        if (t > 0) {
            if (static_cast<int>(t) >= b.uncovered_from) p.investments[t] = b.uncovered;
            if (!b.investment_plan.empty()) p.investments[t] += b.investment_plan[t - 1];
        }
        p.charges[t] = covered + p.investments[t] + p.legal[t];
    }

    p.rates.resize(n);
    p.new_measures.assign(n, 0.0);
    for (std::size_t t = 0; t < n; ++t)
        p.rates[t] = b.cap ? std::min(b.expected_rates[t], *b.cap) : b.expected_rates[t];
    p.new_measures[static_cast<std::size_t>(b.new_measures_year) - 1] = b.new_measures;
    p.resources = {b.resources};
    for_each_projected_year(
        b.resources, n, [&](std::size_t t) { return p.rates[t]; }, p.new_measures, {},
        [&](double, double value) { p.resources.push_back(value); });
    p.carried_measures.assign(n + 1, 0.0);
    for (std::size_t t = 1; t <= n; ++t) {
        p.carried_measures[t] = p.carried_measures[t - 1] * (1.0 + p.rates[t - 1]) + p.new_measures[t - 1];
    }

    p.gap.resize(n + 1);
    for (std::size_t t = 0; t <= n; ++t) p.gap[t] = p.charges[t] - p.resources[t];
    const std::span<const double> contract_gaps(p.gap.data() + 1, n);
    p.cumulative_gap = cumulative(contract_gaps);
    p.exhaustion_year = exhaustion_year(contract_gaps, b.reserves);
    return p;
}

std::array<double, k_gap_drivers> gap_drivers(const BlockProjection& p) {
    const auto years = static_cast<double>(p.charges.size() - 1);
    // B_t = R_t − Q_t: the year-0 resources carried at the rates received.
    std::vector<double> base_resources(p.resources.size());
    for (std::size_t t = 0; t < p.resources.size(); ++t) base_resources[t] = p.resources[t] - p.carried_measures[t];
    return {years * p.gap[0],
            increase(p.group1),
            sum_after_year_zero(p.payroll_revaluation),
            sum_after_year_zero(p.payroll_gvt),
            increase(p.replacement),
            increase(p.group3),
            increase(p.legal),
            sum_after_year_zero(p.investments),
            -increase(base_resources),
            -sum_after_year_zero(p.carried_measures)};
}

BlockRates block_rates(const Block& b, const BlockProjection& p) {
    const std::span<const double> charges(p.charges.data() + 1, p.charges.size() - 1);
    BlockRates rates;
    const auto solve = [&](double base, double reserves, std::optional<double>& into, const char* what) {
        try {
            into = breakeven_rate(base, charges, reserves, p.new_measures);
        } catch (const NoConvergence& e) {
            if (rates.problem.empty()) rates.problem = std::string(what) + " : " + e.what();
        }
    };
    solve(b.resources, 0.0, rates.breakeven, "taux d'équilibre");
    solve(b.resources, b.reserves, rates.minimal, "taux minimal");
    solve(b.resources + std::max(0.0, p.gap[0]), 0.0, rates.after_rebasing, "taux après rebasage");
    return rates;
}

Block under_scenario(const Block& block, double rate, double added_resources) {
    Block scenario = block;
    scenario.expected_rates.assign(block.expected_rates.size(), rate);
    scenario.cap.reset();
    scenario.resources += added_resources;
    return scenario;
}

std::string_view sensitivity_label(SensitivityDriver driver) {
    switch (driver) {
        case SensitivityDriver::InflationGroup1: return "Inflation du groupe I";
        case SensitivityDriver::Revaluation: return "Revalorisations salariales";
        case SensitivityDriver::Gvt: return "GVT";
        case SensitivityDriver::InflationGroup3: return "Inflation du groupe III";
        case SensitivityDriver::Absenteeism: return "Absentéisme";
        case SensitivityDriver::Legal: return "Risques juridiques";
        case SensitivityDriver::Resources: return "Taux d'évolution des ressources";
    }
    return "";
}

ScopeResult scope_result(const std::vector<ScopeBlock>& blocks, const CommonCharges& common) {
    ScopeResult result;
    const std::size_t n = common.inflation_group1.size();
    std::vector<std::vector<double>> gaps;  // per financer group, years 1..N
    std::vector<double> reserves;
    for (const ScopeBlock& item : blocks) {
        if (item.financer >= gaps.size()) {
            gaps.resize(item.financer + 1, std::vector<double>(n, 0.0));
            reserves.resize(item.financer + 1, 0.0);
        }
        const BlockProjection p = project_block(*item.block, common);
        for (std::size_t t = 0; t < n; ++t) gaps[item.financer][t] += p.gap[t + 1];
        reserves[item.financer] += item.block->reserves;
        result.cumulative_gap += p.cumulative_gap.back();
    }
    for (std::size_t f = 0; f < gaps.size(); ++f) {
        const int year = exhaustion_year(gaps[f], reserves[f]);
        if (year > 0 && (result.exhaustion_year == 0 || year < result.exhaustion_year)) result.exhaustion_year = year;
    }
    return result;
}

ScopeResult shifted_scope_result(const std::vector<ScopeBlock>& blocks, const CommonCharges& common,
                                 SensitivityDriver driver, double delta) {
    CommonCharges shifted_common = common;
    const auto shift_all = [delta](std::vector<double>& rates) {
        for (double& r : rates) require_growth(r += delta);
    };
    switch (driver) {
        case SensitivityDriver::InflationGroup1: shift_all(shifted_common.inflation_group1); break;
        case SensitivityDriver::Revaluation: shift_all(shifted_common.revaluation); break;
        case SensitivityDriver::Gvt: shift_all(shifted_common.gvt); break;
        case SensitivityDriver::InflationGroup3: shift_all(shifted_common.inflation_group3); break;
        default: break;
    }
    std::vector<Block> shifted_blocks;
    shifted_blocks.reserve(blocks.size());
    std::vector<ScopeBlock> scope;
    scope.reserve(blocks.size());
    for (const ScopeBlock& item : blocks) {
        Block b = *item.block;
        if (driver == SensitivityDriver::Absenteeism) {
            for (double& a : b.absenteeism) a = std::clamp(a + delta, 0.0, 1.0);
        } else if (driver == SensitivityDriver::Legal) {
            b.legal = std::clamp(b.legal + delta, 0.0, 1.0);
        } else if (driver == SensitivityDriver::Resources) {
            for (double& r : b.expected_rates) require_growth(r = (b.cap ? std::min(r, *b.cap) : r) + delta);
            b.cap.reset();
        }
        shifted_blocks.push_back(std::move(b));
    }
    for (std::size_t k = 0; k < blocks.size(); ++k) scope.push_back({&shifted_blocks[k], blocks[k].financer});
    return scope_result(scope, shifted_common);
}

}  // namespace cpom
