// CPOM_DOSSIER and CPOM_PPI (docs/domain.md#dossier, #ppi) against hand computations written out in each comment,
// the decomposition of the cumulative gap checked to add up, and the row-by-row reading of the adapters: one bad
// row never puts another in error.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "cell_helpers.hpp"
#include "cpom/calls/call_args.hpp"
#include "cpom/dossier.hpp"
#include "cpom/error.hpp"
#include "cpom/investment_plan.hpp"

namespace {

using namespace cpom::test;

using cpom::Block;
using cpom::CommonCharges;
using cpom::calls::Arg;
using cpom::calls::Args;
using cpom::calls::Cell;
using cpom::calls::Empty;
using cpom::calls::NotAvailable;
using cpom::calls::Table;

// ---------------------------------------------------------------- the investment plan

TEST(InvestmentPlan, DepreciationSubsidyAndInterestFromTheYearOfService) {
    // 100 000 € in service in year 2, 10 years: 10 000 €/year; 20 000 € of subsidies: 2 000 €/year released;
    // 50 000 € at 3 % over 10 years: annuity 50 000 × 0,03 / (1 − 1,03^−10) = 5 861,525330; interest 1 500 in year 2,
    // then (50 000 − (5 861,525330 − 1 500)) × 3 % = 45 638,474670 × 3 % = 1 369,154240 in year 3.
    cpom::Investment in{2, 100'000, 10, 20'000, 50'000, 0.03, 10};
    const auto c = cpom::investment_charges(in, 3);
    EXPECT_EQ(c.depreciation, (std::vector<double>{0, 10'000, 10'000}));
    EXPECT_EQ(c.subsidy_release, (std::vector<double>{0, 2'000, 2'000}));
    EXPECT_NEAR(c.interest[1], 1'500, 1e-9);
    EXPECT_NEAR(c.interest[2], 1'369.154240092, 1e-6);
    EXPECT_NEAR(c.net[1], 9'500, 1e-9);
    EXPECT_NEAR(c.net[2], 9'369.154240092, 1e-6);
    EXPECT_EQ(c.net[0], 0);
}

TEST(InvestmentPlan, ShortAssetsStopAndZeroRateLoansCostNothing) {
    // 9 000 € over 2 years from year 1 in a 3-year contract: 4 500, 4 500, then nothing; a loan at 0 %: no interest.
    cpom::Investment in{1, 9'000, 2, 0, 9'000, 0.0, 3};
    const auto c = cpom::investment_charges(in, 3);
    EXPECT_EQ(c.net, (std::vector<double>{4'500, 4'500, 0}));
    EXPECT_EQ(c.interest, (std::vector<double>{0, 0, 0}));
}

TEST(InvestmentPlan, FinancingBeyondTheCostAndYearsOutsideTheContractAreRefused) {
    // The plan is the argument at fault; the reason names the field of the line first.
    const auto failing_field = [](const cpom::Investment& in) {
        try {
            cpom::investment_charges(in, 5);
        } catch (const cpom::ArgumentError& e) {
            EXPECT_EQ(cpom::role_name(e.role()), "plan");
            return e.reason().substr(0, e.reason().find(" : "));
        }
        return std::string();
    };
    EXPECT_EQ(failing_field({1, 100, 5, 120, 0, 0, 1}), "subventions");
    EXPECT_EQ(failing_field({1, 100, 5, 60, 50, 0.02, 5}), "emprunt");
    EXPECT_EQ(failing_field({6, 100, 5, 0, 0, 0, 1}), "année de mise en service");
}

// ---------------------------------------------------------------- one block

// The block of the metadata example: 2 years, groupe I 100 000, payroll 500 000, groupe III 50 000, absenteeism
// 10 %, 60 % replaced at +25 %, legal risks 1 %, resources 650 000 capped at 1 % (expected 1,5 %), reserves 10 000.
CommonCharges example_common() {
    CommonCharges c;
    c.inflation_group1 = {0.02, 0.02};
    c.revaluation = {0.01, 0.01};
    c.gvt = {0.005, 0.005};
    c.inflation_group3 = {0.015, 0.015};
    c.replaced_share = 0.6;
    c.replacement_premium = 0.25;
    return c;
}

Block example_block() {
    Block b;
    b.group1 = 100'000;
    b.payroll = 500'000;
    b.group3 = 50'000;
    b.absenteeism = {0.1, 0.1, 0.1};
    b.legal = 0.01;
    b.resources = 650'000;
    b.cap = 0.01;
    b.expected_rates = {0.015, 0.015};
    b.reserves = 10'000;
    return b;
}

TEST(Dossier, ChargesLineByLine) {
    // Year 0: replacement 500 000 × 10 % × 60 % × 1,25 = 37 500; (100 000 + 500 000 + 37 500 + 50 000) × 1,01 =
    // 694 375. Year 1: 102 000 + 507 500 + 38 062,5 + 50 750 = 698 312,5, legal 6 983,125 → 705 295,625.
    // Year 2: 104 040 + 515 112,5 + 38 633,4375 + 51 511,25 = 709 297,1875, legal 7 092,971875 → 716 390,159375.
    const auto p = cpom::project_block(example_block(), example_common());
    EXPECT_NEAR(p.replacement[0], 37'500, 1e-9);
    EXPECT_NEAR(p.payroll[2], 515'112.5, 1e-9);
    EXPECT_NEAR(p.legal[1], 6'983.125, 1e-9);
    EXPECT_NEAR(p.charges[0], 694'375, 1e-9);
    EXPECT_NEAR(p.charges[1], 705'295.625, 1e-9);
    EXPECT_NEAR(p.charges[2], 716'390.159375, 1e-9);
}

TEST(Dossier, ResourcesGapsAndExhaustion) {
    // Resources at min(1,5 %, 1 %): 656 500, 663 065. Gaps 44 375 (year 0), 48 795,625, 53 325,159375; cumulative
    // 48 795,625 > 10 000 of reserves in year 1.
    const auto p = cpom::project_block(example_block(), example_common());
    EXPECT_NEAR(p.resources[1], 656'500, 1e-9);
    EXPECT_NEAR(p.resources[2], 663'065, 1e-9);
    EXPECT_NEAR(p.gap[0], 44'375, 1e-9);
    EXPECT_NEAR(p.cumulative_gap[1], 102'120.784375, 1e-9);
    EXPECT_EQ(p.exhaustion_year, 1);
}

TEST(Dossier, DriversOfTheCumulativeGap) {
    // 2 × 44 375; groupe I 2 000 + 4 040; revaluations 500 000 × 1 % + (5 000 + 507 500 × 1 %); GVT 2 500 +
    // (2 500 + 2 537,5); absenteeism 562,5 + 1 133,4375; groupe III 750 + 1 511,25; legal 108,125 + 217,971875;
    // resources −(6 500 + 13 065). Sum 102 120,784375, the cumulative gap.
    const auto p = cpom::project_block(example_block(), example_common());
    const auto d = cpom::gap_drivers(p);
    const std::vector<double> expected{88'750, 6'040, 15'075, 7'537.5, 1'695.9375, 2'261.25, 326.096875, 0, -19'565, 0};
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(d[i], expected[i], 1e-9) << "driver " << i;
    EXPECT_NEAR(std::accumulate(d.begin(), d.end(), 0.0), p.cumulative_gap.back(), 1e-8);
}

TEST(Dossier, YearByYearAbsenteeismNewMeasuresAndInvestments) {
    // Absenteeism falls to 5 % in year 2: replacement 515 112,5 × 5 % × 0,75 = 19 316,71875 (instead of 38 633,4375).
    // 10 000 € of new measures in year 2: resources 656 500 × 1,01 + 10 000 = 673 065. 5 000 € of uncovered cost
    // from year 2, plus a PPI line of 5 000 €/year: investments 5 000 then 10 000, outside the legal base.
    Block b = example_block();
    b.absenteeism = {0.1, 0.1, 0.05};
    b.new_measures = 10'000;
    b.new_measures_year = 2;
    b.uncovered = 5'000;
    b.uncovered_from = 2;
    b.investment_plan = {5'000, 5'000};
    const auto p = cpom::project_block(b, example_common());
    EXPECT_NEAR(p.replacement[2], 19'316.71875, 1e-9);
    EXPECT_NEAR(p.resources[2], 673'065, 1e-9);
    EXPECT_EQ(p.investments, (std::vector<double>{0, 5'000, 10'000}));
    EXPECT_NEAR(p.legal[2], 0.01 * (104'040 + 515'112.5 + 19'316.71875 + 51'511.25), 1e-9);
    const auto d = cpom::gap_drivers(p);
    EXPECT_NEAR(d[static_cast<int>(cpom::GapDriver::NewMeasures)], -10'000, 1e-9);
    EXPECT_NEAR(d[static_cast<int>(cpom::GapDriver::Investments)], 15'000, 1e-9);
    EXPECT_NEAR(d[static_cast<int>(cpom::GapDriver::ResourcesGrowth)], -19'565, 1e-9);
    EXPECT_NEAR(std::accumulate(d.begin(), d.end(), 0.0), p.cumulative_gap.back(), 1e-8);
}

TEST(Dossier, RatesPutBackBalanceTheBlock) {
    // The breakeven rate as the expected rate without cap gives a cumulative gap of 0; the minimal rate uses the
    // reserves exactly; after rebasing, the year-0 base 650 000 + 44 375 balances at its own rate.
    Block b = example_block();
    b.new_measures = 10'000;
    b.new_measures_year = 2;
    const auto common = example_common();
    const auto p = cpom::project_block(b, common);
    const auto rates = cpom::block_rates(b, p);
    ASSERT_TRUE(rates.breakeven && rates.minimal && rates.after_rebasing) << rates.problem;
    EXPECT_NEAR(cpom::project_block(cpom::under_scenario(b, *rates.breakeven, 0), common).cumulative_gap.back(), 0,
                1e-6);
    EXPECT_NEAR(cpom::project_block(cpom::under_scenario(b, *rates.minimal, 0), common).cumulative_gap.back(), 10'000,
                1e-6);
    EXPECT_NEAR(
        cpom::project_block(cpom::under_scenario(b, *rates.after_rebasing, 44'375), common).cumulative_gap.back(), 0,
        1e-6);
    EXPECT_LT(*rates.after_rebasing, *rates.breakeven);
}

TEST(Dossier, ScenarioReplacesTheRatesAndTheCap) {
    // 2 % without cap: 663 000, 676 260; gaps 42 295,625 + 40 130,159375 = 82 425,784375. With 10 000 € of rebasing
    // and 2,5 %: 676 500, 693 412,5 → 28 795,625 + 22 977,659375 = 51 773,284375.
    const auto common = example_common();
    EXPECT_NEAR(cpom::project_block(cpom::under_scenario(example_block(), 0.02, 0), common).cumulative_gap.back(),
                82'425.784375, 1e-9);
    EXPECT_NEAR(cpom::project_block(cpom::under_scenario(example_block(), 0.025, 10'000), common).cumulative_gap.back(),
                51'773.284375, 1e-9);
}

TEST(Dossier, SensitivityOnTheResourcesRateIsAfterTheCap) {
    // −1 point on the rate received (1 %): 0 % → 650 000 both years, 19 565 more than 656 500 + 663 065.
    const Block b = example_block();
    const auto common = example_common();
    const std::vector<cpom::ScopeBlock> scope{{&b, 0}};
    const auto base = cpom::scope_result(scope, common);
    const auto down = cpom::shifted_scope_result(scope, common, cpom::SensitivityDriver::Resources, -0.01);
    EXPECT_NEAR(down.cumulative_gap - base.cumulative_gap, 19'565, 1e-9);
    // +1 point of absenteeism: 11 % of every year; year 1 replacement 507 500 × 11 % × 0,75 = 41 868,75.
    const auto up = cpom::shifted_scope_result(scope, common, cpom::SensitivityDriver::Absenteeism, 0.01);
    const double more = (507'500 * 0.01 * 0.75 + 515'112.5 * 0.01 * 0.75) * 1.01;
    EXPECT_NEAR(up.cumulative_gap - base.cumulative_gap, more, 1e-8);
    // Absenteeism and legal risks never go below 0: −1 point on 0,5 % of legal risks gives 0 %.
    Block low = b;
    low.legal = 0.005;
    const std::vector<cpom::ScopeBlock> low_scope{{&low, 0}};
    Block none = b;
    none.legal = 0;
    EXPECT_NEAR(cpom::shifted_scope_result(low_scope, common, cpom::SensitivityDriver::Legal, -0.01).cumulative_gap,
                cpom::scope_result({{&none, 0}}, common).cumulative_gap, 1e-9);
}

TEST(Dossier, ReservesArePooledWithinAFinancerNeverAcross) {
    // Financer 0 runs out in year 1 (10 000 of reserves); financer 1 has 10 M€: the scope's year is 1, as if the
    // second financer's reserves could not help (a pooled reading would say « never »).
    const Block a = example_block();
    Block rich = example_block();
    rich.reserves = 10'000'000;
    const auto common = example_common();
    EXPECT_EQ(cpom::scope_result({{&a, 0}, {&rich, 1}}, common).exhaustion_year, 1);
    // Same financer: pooled, 10 010 000 covers both.
    EXPECT_EQ(cpom::scope_result({{&a, 0}, {&rich, 0}}, common).exhaustion_year, 0);
}

// ---------------------------------------------------------------- through the function table

Arg rows(std::size_t r, std::size_t c, std::vector<Cell> cells) { return Arg::block(r, c, std::move(cells)); }

// Three blocks: the example, a copy for « CD1 », and a third whose groupe I is the text « x ».
struct ThreeBlocks {
    Args args;
    ThreeBlocks() {
        args = {rows(3, 3,
                     {100'000.0, 500'000.0, 50'000.0, 100'000.0, 500'000.0, 50'000.0, std::string("x"), 500'000.0,
                      50'000.0}),
                rows(3, 1, {0.1, 0.1, 0.1}),
                rows(3, 1, {0.01, 0.01, 0.01}),
                rows(3, 2, {0.0, 1.0, 0.0, Empty{}, 0.0, 1.0}),
                rows(3, 1, {650'000.0, 650'000.0, 650'000.0}),
                rows(3, 1, {0.01, 0.01, 0.01}),
                rows(3, 2, {0.015, 0.015, 0.015, 0.015, 0.015, 0.015}),
                rows(3, 2, {Empty{}, Empty{}, 0.0, 1.0, 0.0, 1.0}),
                rows(3, 1, {10'000.0, 10'000.0, 10'000.0}),
                block(4, 2, {0.02, 0.02, 0.01, 0.01, 0.005, 0.005, 0.015, 0.015}),
                Arg::row({0.6, 0.25}),
                text("ETAT"),
                rows(3, 1, {std::string("ARS"), std::string("CD1"), std::string("ARS")})};
    }
    Table call(const std::string& output) {
        args[11] = text(output);
        return std::get<Table>(cpom::calls::call("CPOM_DOSSIER", args));
    }
};

TEST(DossierCall, ABadRowIsExplainedInItsRowAndTheOthersAreComputed) {
    ThreeBlocks t;
    const Table state = t.call("ETAT");
    EXPECT_EQ(std::get<std::string>(state.at(0, 0)), "calculé");
    EXPECT_EQ(std::get<std::string>(state.at(1, 0)), "calculé");
    EXPECT_EQ(std::get<std::string>(state.at(2, 0)), "non calculé");
    EXPECT_EQ(std::get<std::string>(state.at(2, 1)), "Groupe I : « x » n'est pas un nombre");
    const Table cumulative = t.call("ECART_CUMULE");
    EXPECT_NEAR(std::get<double>(cumulative.at(0, 1)), 102'120.784375, 1e-9);
    EXPECT_NEAR(std::get<double>(cumulative.at(1, 1)), 102'120.784375, 1e-9);  // blank year of uncovered: year 1
    EXPECT_TRUE(std::holds_alternative<NotAvailable>(cumulative.at(2, 0)));
    EXPECT_TRUE(std::holds_alternative<NotAvailable>(cumulative.at(2, 1)));
}

TEST(DossierCall, LeftOutRowsAreEmptyAndKnownProblemsStopTheirRow) {
    ThreeBlocks t;
    t.args[12] = rows(3, 1, {std::string("ARS"), std::string("aucun"), std::string("ARS")});
    t.args.push_back(rows(3, 1, {Empty{}, Empty{}, std::string("Réserves : à vérifier")}));
    const Table state = t.call("ETAT");
    EXPECT_EQ(std::get<std::string>(state.at(1, 0)), "exclu");
    EXPECT_EQ(std::get<std::string>(state.at(2, 1)), "Réserves : à vérifier");
    const Table gaps = t.call("ECART");
    EXPECT_EQ(std::get<std::string>(gaps.at(1, 0)), "");
    EXPECT_TRUE(std::holds_alternative<NotAvailable>(gaps.at(2, 2)));
}

TEST(DossierCall, ABadCommonRateStopsEveryBlockWithItsReason) {
    ThreeBlocks t;
    t.args[9] = rows(4, 2, {0.02, std::string("deux"), 0.01, 0.01, 0.005, 0.005, 0.015, 0.015});
    const Table state = t.call("ETAT");
    for (std::size_t k = 0; k < 2; ++k) {
        EXPECT_EQ(std::get<std::string>(state.at(k, 0)), "non calculé");
        EXPECT_EQ(std::get<std::string>(state.at(k, 1)),
                  "saisies communes : Inflation du groupe I (année 2) : « deux » n'est pas un nombre");
    }
}

TEST(DossierCall, APlanLineInErrorStopsOnlyTheBlockItNames) {
    // Line 2 names block 2 with a loan beyond the cost; line 1 adds 20 000 / 4 = 5 000 a year to block 1.
    ThreeBlocks t;
    t.args.push_back(Arg::omitted());  // problems
    t.args.push_back(rows(2, 8,
                          {1.0, 1.0, 20'000.0, 4.0, Empty{}, Empty{}, Empty{}, Empty{},  //
                           2.0, 1.0, 1'000.0, 5.0, 0.0, 2'000.0, 0.02, 5.0}));
    const Table state = t.call("ETAT");
    EXPECT_EQ(std::get<std::string>(state.at(0, 0)), "calculé");
    EXPECT_EQ(std::get<std::string>(state.at(1, 0)), "non calculé");
    EXPECT_EQ(std::get<std::string>(state.at(1, 1)).rfind("PPI ligne 2 : emprunt : subventions et emprunt", 0), 0u);
    const Table investments = t.call("INVESTISSEMENTS");
    EXPECT_EQ(std::get<double>(investments.at(0, 1)), 5'000);
    EXPECT_EQ(std::get<double>(investments.at(0, 2)), 5'000);
}

TEST(DossierCall, IndicatorsAndRank) {
    // Block 2 (CD1) expects 0 %: its resources stay at 650 000, its cumulative gap is the larger: rank 1; the block
    // in error has no rank.
    ThreeBlocks t;
    t.args[6] = rows(3, 2, {0.015, 0.015, 0.0, 0.0, 0.015, 0.015});
    const Table indicators = t.call("INDICATEURS");
    EXPECT_EQ(std::get<double>(indicators.at(0, 0)), 10'000);
    EXPECT_NEAR(std::get<double>(indicators.at(0, 1)), 44'375, 1e-9);
    EXPECT_EQ(std::get<double>(indicators.at(0, 3)), 1);
    EXPECT_EQ(std::get<double>(indicators.at(1, 7)), 1);
    EXPECT_EQ(std::get<double>(indicators.at(0, 7)), 2);
    EXPECT_TRUE(std::holds_alternative<NotAvailable>(indicators.at(2, 7)));
}

TEST(DossierCall, ScenariosNeedEveryBlockOfTheFinancerToShareARebasing) {
    // ARS has blocks 1 and 3; block 3 is in error: a rebasing of ARS cannot be shared (#N/A and the reason), a
    // scenario without rebasing still is (82 425,784375 at 2 %). CD1 is absent from the table.
    ThreeBlocks t;
    t.args.resize(16);
    t.args[15] = rows(1, 5, {std::string("ARS"), 0.0, 0.02, 10'000.0, 0.025});
    const Table s = t.call("SCENARIOS");
    EXPECT_NEAR(std::get<double>(s.at(0, 0)), 82'425.784375, 1e-9);
    EXPECT_TRUE(std::holds_alternative<NotAvailable>(s.at(0, 2)));
    EXPECT_NE(std::get<std::string>(s.at(0, 4)).find("rebasage non réparti"), std::string::npos);
    EXPECT_NE(std::get<std::string>(s.at(1, 4)).find("absent du tableau des scénarios"), std::string::npos);
}

TEST(DossierCall, SensitivityOfAScopeWithABlockInErrorIsNotGiven) {
    ThreeBlocks t;
    t.args.resize(17);
    t.args[16] = text("CD1");  // block 2 alone: computed
    const Table cd1 = t.call("SENSIBILITE");
    EXPECT_EQ(std::get<std::string>(cd1.at(0, 0)), "Taux d'évolution des ressources");
    EXPECT_NEAR(std::get<double>(cd1.at(0, 1)), 19'565, 1e-9);
    EXPECT_EQ(std::get<std::string>(cd1.at(0, 7)), "");
    t.args[16] = text("ARS");  // blocks 1 and 3, 3 in error
    const Table ars = t.call("SENSIBILITE");
    EXPECT_TRUE(std::holds_alternative<NotAvailable>(ars.at(0, 1)));
    EXPECT_EQ(std::get<std::string>(ars.at(0, 7)), "non calculé : bloc(s) n° 3 en erreur (voir leur état)");
}

TEST(DossierCall, OnlyALayoutThatCannotBeBuiltFailsTheCall) {
    ThreeBlocks t;
    t.args[8] = rows(2, 1, {10'000.0, 10'000.0});
    EXPECT_EQ(failing_argument([&] { t.call("ETAT"); }), "reserves");
    ThreeBlocks u;
    EXPECT_EQ(failing_argument([&] { u.call("BILAN"); }), "output");
}

TEST(DossierCall, CheckSaysWhyTheFirstBadRowIsNotAvailable) {
    // The #N/A of a bad block come with their reason in ETAT only; CPOM_CHECK of any output gives it (cpom-run
    // reports it for the cells in error), and « OK » when every row is computed.
    ThreeBlocks t;
    const auto check = [&](const std::string& output) {
        Args args = t.args;
        args[11] = text(output);
        args.insert(args.begin(), text("CPOM_DOSSIER"));
        return std::get<std::string>(cpom::calls::call("CPOM_CHECK", args));
    };
    EXPECT_EQ(check("ECART_CUMULE"), "bloc n° 3 : Groupe I : « x » n'est pas un nombre");
    EXPECT_EQ(check("ETAT"), "OK");  // states and reasons, no #N/A
    t.args[0] = rows(3, 3,
                     {100'000.0, 500'000.0, 50'000.0, 100'000.0, 500'000.0, 50'000.0,  //
                      100'000.0, 500'000.0, 50'000.0});
    EXPECT_EQ(check("ECART_CUMULE"), "OK");
}

TEST(PpiCall, EachLineOnItsOwn) {
    const Arg plan = rows(3, 8, {1.0,     2.0,     100'000.0, 10.0,    20'000.0, 50'000.0, 0.03,    10.0,     //
                                 Empty{}, Empty{}, Empty{},   Empty{}, Empty{},  Empty{},  Empty{}, Empty{},  //
                                 7.0,     1.0,     1'000.0,   5.0,     Empty{},  Empty{},  Empty{}, Empty{}});
    const Table t = std::get<Table>(cpom::calls::call("CPOM_PPI", {plan, num(3), num(5)}));
    EXPECT_EQ(std::get<std::string>(t.at(0, 0)), "calculé");
    EXPECT_NEAR(std::get<double>(t.at(0, 3)), 9'500, 1e-9);
    EXPECT_EQ(std::get<std::string>(t.at(1, 0)), "vide");
    EXPECT_EQ(std::get<std::string>(t.at(2, 0)), "non calculé");
    EXPECT_EQ(std::get<std::string>(t.at(2, 1)), "n° du bloc : 7 hors des limites (de 1 à 5)");
    EXPECT_EQ(std::get<std::string>(cpom::calls::call("CPOM_CHECK", {text("CPOM_PPI"), plan, num(3), num(5)})),
              "ligne 3 : n° du bloc : 7 hors des limites (de 1 à 5)");
}

}  // namespace
