// CPOM_RISK: percentile definition against Calc's PERCENTILE, sd = 0 against the deterministic projection
// (projection.hpp, an independent code path), a normal-law case checked against tables, properties (common
// random numbers, reproducibility) and bad inputs, also through cpom::calls.
#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <limits>
#include <string>
#include <vector>

#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cpom/projection.hpp"
#include "cpom/risk.hpp"
#include "cell_helpers.hpp"

namespace {

using namespace cpom::test;

using cpom::ArgumentError;
using cpom::RiskInputs;
using cpom::calls::Arg;
using cpom::calls::Cell;
using cpom::calls::Empty;
using cpom::calls::Matrix;

// The example of the docs: C0 = R0 = 1 000 000, 3 years, inflation 3 % (sd 0), resources +1 %, reserves 50 000.
RiskInputs docs_example() {
    RiskInputs in;
    in.base_charges = 1'000'000;
    in.base_resources = 1'000'000;
    in.years = 3;
    in.inflation_mean = 0.03;
    in.inflation_sd = 0;
    in.resources_rate = 0.01;
    in.reserves = 50'000;
    return in;
}

// ---------------------------------------------------------------- percentile

TEST(Percentile, MatchesCalcPercentile) {
    // Calc: =PERCENTILE({1;2;3;4};0.9) = 3.7 (h = 3 × 0.9 = 2.7 → 3 + 0.7 × (4 − 3)); =MEDIAN({1;2;3;4}) = 2.5.
    std::vector<double> v{4, 1, 3, 2};
    EXPECT_DOUBLE_EQ(cpom::percentile(v, 0.9), 3.7);
    EXPECT_DOUBLE_EQ(cpom::percentile(v, 0.5), 2.5);
    // =PERCENTILE({5;1;4;2;3};0.9): h = 4 × 0.9 = 3.6 → 4 + 0.6 = 4.6; odd count: median is the middle value 3.
    std::vector<double> w{5, 1, 4, 2, 3};
    EXPECT_DOUBLE_EQ(cpom::percentile(w, 0.9), 4.6);
    EXPECT_DOUBLE_EQ(cpom::percentile(w, 0.5), 3);
    EXPECT_DOUBLE_EQ(cpom::percentile(w, 0.0), 1);
    EXPECT_DOUBLE_EQ(cpom::percentile(w, 1.0), 5);
    std::vector<double> one{42};
    EXPECT_DOUBLE_EQ(cpom::percentile(one, 0.9), 42);
}

// ---------------------------------------------------------------- deterministic cases (sd = 0)

TEST(Risk, ZeroSpreadHandCase) {
    // Charges 1 030 000, 1 060 900, 1 092 727; resources 1 010 000, 1 020 100, 1 030 301;
    // gaps 20 000, 40 800, 62 426; cumulative 20 000, 60 800, 123 226 > 50 000 from year 2 in every scenario.
    const auto risk = cpom::simulate_risk(docs_example());
    EXPECT_EQ(risk.probability, 1.0);
    EXPECT_NEAR(risk.median_gap, 123'226, 1e-6);
    EXPECT_NEAR(risk.p90_gap, 123'226, 1e-6);
    RiskInputs more = docs_example();
    more.reserves = 200'000;  // never reached
    EXPECT_EQ(cpom::simulate_risk(more).probability, 0.0);
    more.reserves = 123'226;  // reached exactly, not exceeded (strict, as CPOM_EXHAUSTION_YEAR)
    EXPECT_EQ(cpom::simulate_risk(more).probability, 0.0);
}

TEST(Risk, ExhaustionInAnEarlyYearCountsEvenIfTheFinalGapIsBelowReserves) {
    // C = 110 every year; R1 = 95 × 1.1 = 104.5, R2 = 114.95; cumulative 5.5 (> 5) then 0.55 (< 5).
    RiskInputs in;
    in.base_charges = 110;
    in.base_resources = 95;
    in.years = 2;
    in.resources_rate = 0.1;
    in.reserves = 5;
    in.scenarios = 100;
    const auto risk = cpom::simulate_risk(in);
    EXPECT_EQ(risk.probability, 1.0);
    EXPECT_NEAR(risk.median_gap, 0.55, 1e-9);
}

TEST(Risk, ZeroSpreadAgreesWithTheDeterministicProjection) {
    // Property over random contracts: with sd = 0 the probability is exactly 1 when CPOM_EXHAUSTION_YEAR finds a
    // year and 0 otherwise, and the median is the final cumulative gap of CPOM_PROJECT / CPOM_GAP.
    boost::random::mt19937 random(7);
    boost::random::uniform_real_distribution<double> amount(1e5, 1e7), rate(-0.02, 0.06), reserves_share(-0.1, 0.3);
    boost::random::uniform_int_distribution<int> years(1, 30);
    int exhausted = 0;
    for (int i = 0; i < 300; ++i) {
        RiskInputs in;
        in.base_charges = amount(random);
        in.base_resources = amount(random);
        in.years = years(random);
        in.inflation_mean = rate(random);
        in.resources_rate = rate(random);
        in.reserves = reserves_share(random) * in.base_charges;
        in.scenarios = 50;
        const std::vector<double> charges =
            cpom::project(in.base_charges, std::vector<double>(in.years, in.inflation_mean));
        const std::vector<double> resources =
            cpom::project(in.base_resources, std::vector<double>(in.years, in.resources_rate));
        const std::vector<double> gaps = cpom::yearly_gap(charges, resources);
        const double final_gap = cpom::cumulative(gaps).back();
        const bool runs_out = cpom::exhaustion_year(gaps, in.reserves) > 0;
        // Skip contracts balanced to the cent, where rounding decides either way.
        if (std::abs(final_gap - in.reserves) < 1e-3) continue;

        const auto risk = cpom::simulate_risk(in);
        EXPECT_EQ(risk.probability, runs_out ? 1.0 : 0.0);
        EXPECT_NEAR(risk.median_gap, final_gap, 1e-6 * std::max(1.0, std::abs(final_gap)));
        EXPECT_NEAR(risk.p90_gap, final_gap, 1e-6 * std::max(1.0, std::abs(final_gap)));
        exhausted += runs_out;
    }
    EXPECT_GT(exhausted, 30);  // both outcomes are really exercised
    EXPECT_LT(exhausted, 270);
}

// ---------------------------------------------------------------- random cases

TEST(Risk, OneYearMatchesTheNormalLaw) {
    // One year: gap = 1 000 000 × (1.02 + 0.01 z) − 1 010 000 = 10 000 + 10 000 z.
    // P(gap > 20 000) = P(z > 1) = 1 − Φ(1) = 0.158655 (normal table); median = 10 000;
    // 90th percentile = 10 000 + 10 000 × 1.281552 = 22 815.52 (z₀.₉ = 1.281552).
    // With 10⁶ scenarios the standard errors are 0.00037 (probability), 12.5 € (median), 17 € (P90): 4σ margins.
    RiskInputs in;
    in.base_charges = 1'000'000;
    in.base_resources = 1'000'000;
    in.years = 1;
    in.inflation_mean = 0.02;
    in.inflation_sd = 0.01;
    in.resources_rate = 0.01;
    in.reserves = 20'000;
    in.scenarios = 1'000'000;
    const auto risk = cpom::simulate_risk(in);
    EXPECT_NEAR(risk.probability, 0.158655, 0.0015);
    EXPECT_NEAR(risk.median_gap, 10'000, 50);
    EXPECT_NEAR(risk.p90_gap, 22'815.52, 70);
}

TEST(Risk, ProbabilityNeverFallsWhenMeanInflationRises) {
    // Common random numbers: the same seed gives every scenario the same z whatever the mean, and each
    // scenario's cumulative gap grows with the mean, so the probability (and the percentiles) cannot fall.
    RiskInputs in = docs_example();
    in.years = 6;
    in.inflation_sd = 0.015;
    in.reserves = 150'000;
    in.scenarios = 5'000;
    double previous_probability = -1, previous_median = -1e300;
    int changes = 0;
    for (double mean = 0.0; mean <= 0.05; mean += 0.0025) {
        in.inflation_mean = mean;
        const auto risk = cpom::simulate_risk(in);
        EXPECT_GE(risk.probability, previous_probability) << "mean " << mean;
        EXPECT_GE(risk.median_gap, previous_median) << "mean " << mean;
        changes += risk.probability > previous_probability && previous_probability >= 0;
        previous_probability = risk.probability;
        previous_median = risk.median_gap;
    }
    EXPECT_GT(changes, 3);  // the range really moves the probability
    EXPECT_GT(previous_probability, 0.5);
}

TEST(Risk, SameInputsAndSeedGiveTheSameAnswer) {
    RiskInputs in = docs_example();
    in.inflation_sd = 0.02;
    in.seed = 12345;
    const auto a = cpom::simulate_risk(in), b = cpom::simulate_risk(in);
    EXPECT_EQ(a.probability, b.probability);
    EXPECT_EQ(a.median_gap, b.median_gap);
    EXPECT_EQ(a.p90_gap, b.p90_gap);
    // Another seed draws other scenarios (a sanity check that the seed is used at all).
    in.seed = 54321;
    EXPECT_NE(cpom::simulate_risk(in).median_gap, a.median_gap);
    EXPECT_GT(a.p90_gap, a.median_gap);  // with sd > 0 the tail is above the median
}

TEST(Risk, RejectsImpossibleInputsNamingTheArgument) {
    const auto with = [](auto change) {
        RiskInputs in = docs_example();
        change(in);
        return failing_argument([&] { cpom::simulate_risk(in); });
    };
    EXPECT_EQ(with([](RiskInputs& in) { in.base_charges = -1; }), "base_charges");
    EXPECT_EQ(with([](RiskInputs& in) { in.base_resources = std::numeric_limits<double>::quiet_NaN(); }),
              "base_resources");
    EXPECT_EQ(with([](RiskInputs& in) { in.years = 0; }), "years");
    EXPECT_EQ(with([](RiskInputs& in) { in.years = 31; }), "years");
    EXPECT_EQ(with([](RiskInputs& in) { in.inflation_mean = -1; }), "inflation_mean");
    EXPECT_EQ(with([](RiskInputs& in) { in.inflation_sd = -0.01; }), "inflation_sd");
    EXPECT_EQ(with([](RiskInputs& in) { in.resources_rate = -1.5; }), "resources_rate");
    EXPECT_EQ(with([](RiskInputs& in) { in.reserves = std::numeric_limits<double>::infinity(); }), "reserves");
    EXPECT_EQ(with([](RiskInputs& in) { in.scenarios = 0; }), "scenarios");
    EXPECT_EQ(with([](RiskInputs& in) { in.scenarios = cpom::k_max_scenarios + 1; }), "scenarios");
}

TEST(Risk, ScenarioCountIsAWholeNumberUpToAMillion) {
    EXPECT_EQ(cpom::scenario_count(1), 1);
    EXPECT_EQ(cpom::scenario_count(1'000'000), 1'000'000);
    EXPECT_THROW(cpom::scenario_count(0), ArgumentError);
    EXPECT_THROW(cpom::scenario_count(10.5), ArgumentError);
    EXPECT_THROW(cpom::scenario_count(1'000'001), ArgumentError);
    EXPECT_THROW(cpom::scenario_count(1e300), ArgumentError);
}

// ---------------------------------------------------------------- year-by-year form (issue 12, 3.4)

TEST(Risk, YearByYearHandCase) {
    // Charges 1 000 000 × 1.03 = 1 030 000, × 1.02 = 1 050 600, × 1.01 = 1 061 106; resources at 1 %
    // 1 010 000, 1 020 100, 1 030 301; gaps 20 000, 30 500, 30 805; cumulative 20 000, 50 500 (> 50 000), 81 305.
    RiskInputs in = docs_example();
    in.inflation_means = {0.03, 0.02, 0.01};
    in.resources_rates = {0.01, 0.01, 0.01};
    const auto risk = cpom::simulate_risk(in);
    EXPECT_EQ(risk.probability, 1.0);
    EXPECT_NEAR(risk.median_gap, 81'305, 1e-6);
    EXPECT_NEAR(risk.p90_gap, 81'305, 1e-6);
}

TEST(Risk, NewMeasuresOfTheResourcesFollowTheProjection) {
    // 20 000 € lasting in year 2, 10 000 € one-off in year 3: resources 1 010 000, 1 040 100, 1 050 501 + 10 000;
    // charges at 3 % 1 030 000, 1 060 900, 1 092 727; cumulative gap 20 000, 40 800, 73 026 (≤ 80 000).
    RiskInputs in = docs_example();
    in.reserves = 80'000;
    in.permanent = {0, 20'000, 0};
    in.one_off = {0, 0, 10'000};
    const auto risk = cpom::simulate_risk(in);
    EXPECT_EQ(risk.probability, 0.0);
    EXPECT_NEAR(risk.median_gap, 73'026, 1e-6);
}

TEST(Risk, ZeroSpreadWithYearByYearRatesIsTheProjectionOfSeveralGroups) {
    // The case the template meets: charges made of groups with their own rates (so no single rate), resources with
    // yearly capped rates and lasting measures. Fed the projection's own yearly growth C_t / C_{t−1} − 1, the
    // simulation with sd = 0 gives the projection's final cumulative gap to the cent and its exhaustion verdict.
    boost::random::mt19937 random(3);
    boost::random::uniform_real_distribution<double> amount(1e5, 5e6), rate(-0.01, 0.05), measure(-0.02, 0.04);
    boost::random::uniform_int_distribution<int> years(1, 30);
    int exhausted = 0;
    for (int i = 0; i < 300; ++i) {
        const int n = years(random);
        const double g1 = amount(random), g2 = amount(random), r0 = amount(random) + amount(random);
        std::vector<double> rates1, rates2, resources_rates, permanent;
        for (int t = 0; t < n; ++t) {
            rates1.push_back(rate(random));
            rates2.push_back(rate(random));
            resources_rates.push_back(rate(random));
            permanent.push_back(measure(random) * r0);
        }
        const auto c1 = cpom::project(g1, rates1), c2 = cpom::project(g2, rates2);
        std::vector<double> charges(n), growth(n);
        for (int t = 0; t < n; ++t) {
            charges[t] = c1[t] + c2[t];
            growth[t] = charges[t] / (t == 0 ? g1 + g2 : charges[t - 1]) - 1;
        }
        const auto resources = cpom::project(r0, resources_rates, std::nullopt, permanent);
        const auto gaps = cpom::yearly_gap(charges, resources);
        const double final_gap = cpom::cumulative(gaps).back();

        RiskInputs in;
        in.base_charges = g1 + g2;
        in.base_resources = r0;
        in.years = n;
        in.reserves = measure(random) * r0 * 3;
        in.scenarios = 20;
        in.inflation_means = growth;
        in.resources_rates = resources_rates;
        in.permanent = permanent;
        const bool runs_out = cpom::exhaustion_year(gaps, in.reserves) > 0;
        if (std::abs(final_gap - in.reserves) < 1e-3) continue;
        const auto risk = cpom::simulate_risk(in);
        EXPECT_NEAR(risk.median_gap, final_gap, 0.005) << i;
        EXPECT_EQ(risk.probability, runs_out ? 1.0 : 0.0) << i;
        exhausted += runs_out;
    }
    EXPECT_GT(exhausted, 30);
    EXPECT_LT(exhausted, 270);
}

TEST(Risk, YearByYearRowsMustHaveNValues) {
    RiskInputs in = docs_example();
    in.inflation_means = {0.03, 0.02};
    EXPECT_EQ(failing_argument([&] { cpom::simulate_risk(in); }), "inflation_means");
    in = docs_example();
    in.resources_rates = {0.01, -1.0, 0.01};
    EXPECT_EQ(failing_argument([&] { cpom::simulate_risk(in); }), "resources_rates");
    in = docs_example();
    in.permanent = {0, not_a_number, 0};
    EXPECT_EQ(failing_argument([&] { cpom::simulate_risk(in); }), "permanent");
    in = docs_example();
    in.one_off = {0, 0, 0, 0};
    EXPECT_EQ(failing_argument([&] { cpom::simulate_risk(in); }), "one_off");
}

// ---------------------------------------------------------------- through the adapter

TEST(RiskCall, ReturnsARowOfThree) {
    // Same figures as ZeroSpreadHandCase.
    const Matrix m = std::get<Matrix>(cpom::calls::call(
        "CPOM_RISK", {num(1'000'000), num(1'000'000), num(3), num(0.03), num(0), num(0.01), num(50'000)}));
    ASSERT_EQ(m.rows, 1u);
    ASSERT_EQ(m.cols, 3u);
    EXPECT_EQ(m.at(0, 0), 1.0);
    EXPECT_NEAR(m.at(0, 1), 123'226, 1e-6);
    EXPECT_NEAR(m.at(0, 2), 123'226, 1e-6);
}

TEST(RiskCall, OmittedScenariosAndSeedAreTenThousandAndOne) {
    const cpom::calls::Args base{num(1'000'000), num(1'000'000), num(5), num(0.025), num(0.01), num(0.01), num(60'000)};
    cpom::calls::Args explicit_args = base;
    explicit_args.push_back(num(10'000));
    explicit_args.push_back(num(1));
    cpom::calls::Args blanks = base;
    blanks.push_back(Arg::scalar(cpom::calls::Empty{}));
    blanks.push_back(Arg::scalar(cpom::calls::Empty{}));
    const auto a = cpom::calls::call("CPOM_RISK", base);
    EXPECT_EQ(a, cpom::calls::call("CPOM_RISK", explicit_args));
    EXPECT_EQ(a, cpom::calls::call("CPOM_RISK", blanks));
}

TEST(RiskCall, BadInputsAreExplainedInFrench) {
    using cpom::calls::explain;
    const auto args = [](double scenarios, double seed) {
        return cpom::calls::Args{num(1'000'000), num(1'000'000), num(3),         num(0.03), num(0.01),
                                 num(0.01),      num(50'000),    num(scenarios), num(seed)};
    };
    EXPECT_EQ(explain("CPOM_RISK", args(2'000'000, 1)),
              "scénarios : au plus 1 000 000 scénarios par appel (reçu 2000000) : au-delà le calcul bloquerait le "
              "tableur sans gain de précision utile");
    EXPECT_EQ(explain("CPOM_RISK", args(0, 1)).rfind("scénarios : ", 0), 0u);
    EXPECT_EQ(explain("CPOM_RISK", args(100.5, 1)).rfind("scénarios : un nombre entier", 0), 0u);
    EXPECT_EQ(explain("CPOM_RISK", args(100, -1)).rfind("graine : ", 0), 0u);
    EXPECT_EQ(explain("CPOM_RISK", args(100, 1.5)).rfind("graine : ", 0), 0u);
    EXPECT_EQ(explain("CPOM_RISK", args(100, 7)), "OK");
    EXPECT_EQ(explain("CPOM_RISK", {num(1'000'000), num(1'000'000), Arg::scalar(std::string("cinq")), num(0.03),
                                    num(0.01), num(0.01), num(50'000)})
                  .rfind("années : ", 0),
              0u);
    EXPECT_EQ(
        explain("CPOM_RISK", {num(1'000'000), num(1'000'000), num(31), num(0.03), num(0.01), num(0.01), num(50'000)}),
        "années : doit être un entier entre 1 et 30 (reçu 31)");
    EXPECT_EQ(
        explain("CPOM_RISK", {num(1'000'000), num(1'000'000), num(3), num(0.03), num(-0.01), num(0.01), num(50'000)})
            .rfind("inflation écart type : ", 0),
        0u);
    EXPECT_EQ(explain("CPOM_RISK", {num(1'000'000), num(1'000'000), num(3), num(0.03), num(0.01), num(0.01)}),
              "réserves : argument obligatoire manquant");
}

TEST(RiskCall, YearByYearRowsAtTheEnd) {
    // Same figures as YearByYearHandCase, the scalars written 0 or left as a blank cell.
    const Matrix m = std::get<Matrix>(cpom::calls::call(
        "CPOM_RISK", {num(1'000'000), num(1'000'000), num(3), num(0), num(0), blank(), num(50'000), Arg::omitted(),
                      Arg::omitted(), Arg::row({0.03, 0.02, 0.01}), Arg::row({0.01, 0.01, 0.01})}));
    EXPECT_EQ(m.at(0, 0), 1.0);
    EXPECT_NEAR(m.at(0, 1), 81'305, 1e-6);
    // New measures as rows, blanks in them are 0.
    const Matrix measures = std::get<Matrix>(cpom::calls::call(
        "CPOM_RISK", {num(1'000'000), num(1'000'000), num(3), num(0.03), num(0), num(0.01), num(80'000), Arg::omitted(),
                      Arg::omitted(), Arg::omitted(), Arg::omitted(),
                      Arg::block(1, 3, {Cell{Empty{}}, Cell{20'000.0}, Cell{Empty{}}}), Arg::row({0, 0, 10'000})}));
    EXPECT_EQ(measures.at(0, 0), 0.0);
    EXPECT_NEAR(measures.at(0, 1), 73'026, 1e-6);
}

TEST(RiskCall, AScalarAndItsRowAreNeverBothGiven) {
    using cpom::calls::explain;
    // Both: one of them would be silently ignored.
    EXPECT_EQ(explain("CPOM_RISK", {num(1'000'000), num(1'000'000), num(3), num(0.03), num(0), num(0.01), num(50'000),
                                    Arg::omitted(), Arg::omitted(), Arg::row({0.03, 0.02, 0.01})}),
              "inflation moyenne : écrire 0 quand inflations moyennes donne le taux de chaque année (un seul des deux "
              "s'applique)");
    EXPECT_EQ(explain("CPOM_RISK", {num(1'000'000), num(1'000'000), num(3), num(0.03), num(0), num(0.01), num(50'000),
                                    Arg::omitted(), Arg::omitted(), Arg::omitted(), Arg::row({0.01, 0.01, 0.01})})
                  .rfind("taux ressources : écrire 0 quand", 0),
              0u);
    // Neither: the scalar is missing, as before.
    EXPECT_EQ(explain("CPOM_RISK", {num(1'000'000), num(1'000'000), num(3), blank(), num(0), num(0.01), num(50'000)}),
              "inflation moyenne : valeur manquante (cellule vide ou argument omis)");
    EXPECT_EQ(explain("CPOM_RISK", {num(1'000'000), num(1'000'000), num(3), blank(), num(0), num(0.01), num(50'000),
                                    Arg::omitted(), Arg::omitted(), Arg::row({0.03, 0.02})}),
              "inflations moyennes : la plage a 2 valeurs, 3 attendues (une par année)");
}

}  // namespace
