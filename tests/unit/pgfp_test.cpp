// PGFP (cpom/pgfp.hpp): a two-year plan computed by hand, then the identities between rows on random plans.
#include <gtest/gtest.h>

#include <random>

#include "cpom/error.hpp"
#include "cpom/pgfp.hpp"

namespace {

using cpom::ArgumentError;
using cpom::PgfpInputs;
using cpom::PgfpRow;

double at(const std::array<std::vector<double>, cpom::k_pgfp_rows>& plan, PgfpRow r, std::size_t t) {
    return plan[static_cast<std::size_t>(r)][t];
}

struct TwoYears {
    std::vector<double> rp{0.01, 0.01}, rc{0.02, 0.02}, dep{50'000, 50'000}, inv{100'000, 0}, loans{80'000, 0},
        repay{20'000, 20'000}, subs{0, 0};
    PgfpInputs in() const {
        PgfpInputs i;
        i.products = 1'000'000;
        i.charges = 980'000;
        i.rates_products = rp;
        i.rates_charges = rc;
        i.depreciation = dep;
        i.investments = inv;
        i.new_loans = loans;
        i.repayments = repay;
        i.subsidies = subs;
        i.opening_frng = 300'000;
        i.opening_debt = 400'000;
        i.bfr_days = 30;
        return i;
    }
};

TEST(Pgfp, TwoYearPlanByHand) {
    // Products 1 010 000, 1 020 100; charges 999 600, 1 019 592 (1 %, 2 % compounded from year 0).
    // Result 10 400, 508; CAF + 50 000 = 60 400, 50 508.
    // ΔFR1 = 60 400 + 80 000 − 100 000 − 20 000 = 20 400; ΔFR2 = 50 508 − 20 000 = 30 508.
    // FRNG 320 400, 350 908. Treasury = FRNG − 30 × charges / 365 = 320 400 − 82 158.904… = 238 241.095…,
    // 350 908 − 83 802.082… = 267 105.917…. Debt 400 000 + 80 000 − 20 000 = 460 000, then 440 000.
    const auto plan = cpom::pgfp(TwoYears().in());
    EXPECT_NEAR(at(plan, PgfpRow::Products, 0), 1'010'000, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Products, 1), 1'020'100, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Charges, 0), 999'600, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Charges, 1), 1'019'592, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Result, 0), 10'400, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Result, 1), 508, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Caf, 0), 60'400, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Caf, 1), 50'508, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::FrngChange, 0), 20'400, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::FrngChange, 1), 30'508, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Frng, 0), 320'400, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Frng, 1), 350'908, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Treasury, 0), 238'241.0958904, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Treasury, 1), 267'105.9178082, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Debt, 0), 460'000, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Debt, 1), 440'000, 1e-6);
}

// A random plan of 1 to 30 years: rates of −5 % to 8 %, amounts up to 200 000, the opening debt covering 30 years of
// repayments of at most 50 000; `depreciation_scale` sets how large the depreciation is against those amounts.
struct RandomPlan {
    std::vector<double> rp, rc, dep, inv, loans, repay, subs;
    PgfpInputs in;
    RandomPlan(std::mt19937& rng, double depreciation_scale) {
        std::uniform_real_distribution<double> rate(-0.05, 0.08), money(0, 200'000), days(-40, 60);
        const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 30)(rng);
        for (auto* row : {&rp, &rc, &dep, &inv, &loans, &repay, &subs}) row->resize(n);
        for (std::size_t t = 0; t < n; ++t) {
            rp[t] = rate(rng);
            rc[t] = rate(rng);
            dep[t] = money(rng) * depreciation_scale;
            inv[t] = money(rng);
            loans[t] = money(rng);
            repay[t] = money(rng) / 4;
            subs[t] = money(rng) / 2;
        }
        in.products = 2'000'000 + money(rng);
        in.charges = 2'000'000 + money(rng);
        in.rates_products = rp;
        in.rates_charges = rc;
        in.depreciation = dep;
        in.investments = inv;
        in.new_loans = loans;
        in.repayments = repay;
        in.subsidies = subs;
        in.opening_frng = money(rng) - 100'000;
        in.opening_debt = 1'500'000;
        in.bfr_days = days(rng);
    }
    RandomPlan(const RandomPlan&) = delete;  // `in` points into the rows
};

TEST(Pgfp, RowsTieOutOnRandomPlans) {
    // Property over random inputs: every row follows from the previous year and the inputs.
    std::mt19937 rng(2024);
    for (int trial = 0; trial < 200; ++trial) {
        const RandomPlan p(rng, 0.1);
        const PgfpInputs& in = p.in;
        const std::size_t n = p.rp.size();
        const auto &rp = p.rp, &rc = p.rc, &dep = p.dep, &inv = p.inv, &loans = p.loans, &repay = p.repay,
                   &subs = p.subs;
        const auto plan = cpom::pgfp(in);
        double frng = in.opening_frng, debt = in.opening_debt, products = in.products, charges = in.charges;
        for (std::size_t t = 0; t < n; ++t) {
            products *= 1 + rp[t];
            charges *= 1 + rc[t];
            const double tol = 1e-6;
            EXPECT_NEAR(at(plan, PgfpRow::Products, t), products, tol);
            EXPECT_NEAR(at(plan, PgfpRow::Charges, t), charges, tol);
            EXPECT_NEAR(at(plan, PgfpRow::Result, t), at(plan, PgfpRow::Products, t) - at(plan, PgfpRow::Charges, t),
                        tol);
            EXPECT_NEAR(at(plan, PgfpRow::Caf, t), at(plan, PgfpRow::Result, t) + dep[t], tol);
            EXPECT_NEAR(at(plan, PgfpRow::FrngChange, t),
                        at(plan, PgfpRow::Caf, t) + loans[t] + subs[t] - inv[t] - repay[t], tol);
            EXPECT_NEAR(at(plan, PgfpRow::Frng, t), frng + at(plan, PgfpRow::FrngChange, t), tol);
            EXPECT_NEAR(at(plan, PgfpRow::Treasury, t),
                        at(plan, PgfpRow::Frng, t) - in.bfr_days * at(plan, PgfpRow::Charges, t) / 365, tol);
            EXPECT_NEAR(at(plan, PgfpRow::Debt, t), debt + loans[t] - repay[t], tol);
            frng = at(plan, PgfpRow::Frng, t);
            debt = at(plan, PgfpRow::Debt, t);
        }
    }
}

TEST(Pgfp, CashChargesGrowAndDepreciationIsAddedWhenTheBaseDepreciationIsGiven) {
    // 50 000 of the 980 000 charges of year 0 are depreciation: cash charges 930 000 × 1,02 = 948 600, then
    // 967 572; charges 948 600 + 50 000 = 998 600, then 967 572 + 80 000 = 1 047 572.
    // Result 1 010 000 − 998 600 = 11 400, 1 020 100 − 1 047 572 = −27 472; CAF = products − cash charges =
    // 61 400, 52 528. ΔFR 61 400 + 80 000 − 100 000 − 20 000 = 21 400, 52 528 − 20 000 = 32 528; FRNG 321 400,
    // 353 928. Treasury in days of cash charges: 321 400 − 30 × 948 600 / 365 = 243 432.876…,
    // 353 928 − 30 × 967 572 / 365 = 274 401.534….
    TwoYears p;
    p.dep = {50'000, 80'000};
    PgfpInputs in = p.in();
    in.base_depreciation = 50'000;
    const auto plan = cpom::pgfp(in);
    EXPECT_NEAR(at(plan, PgfpRow::Charges, 0), 998'600, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Charges, 1), 1'047'572, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Result, 0), 11'400, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Result, 1), -27'472, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Caf, 0), 61'400, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Caf, 1), 52'528, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Frng, 1), 353'928, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Treasury, 0), 243'432.8767123, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Treasury, 1), 274'401.5342466, 1e-6);
    EXPECT_NEAR(at(plan, PgfpRow::Debt, 1), 440'000, 1e-6);
}

TEST(Pgfp, DepreciationIsNonCashOnRandomPlans) {
    // Property (issue 12 §3.1): with the base depreciation given, changing only the future depreciation changes
    // each year's result by minus the change and leaves the CAF, the change in FRNG, the FRNG, the treasury and the
    // debt unchanged; the products do not move either.
    std::mt19937 rng(1203);
    std::uniform_real_distribution<double> share(0, 0.2), money(0, 1'000'000);
    for (int trial = 0; trial < 300; ++trial) {
        RandomPlan p(rng, 2.0);
        const std::size_t n = p.rp.size();
        const std::vector<double>& dep = p.dep;
        std::vector<double> other_dep(n);
        for (double& d : other_dep) d = money(rng);  // up to 1 000 000 a year, as in the issue
        PgfpInputs in = p.in;
        in.base_depreciation = in.charges * share(rng);
        const auto plan = cpom::pgfp(in);
        in.depreciation = other_dep;
        const auto other = cpom::pgfp(in);
        const double tol = 1e-6;
        double cash = in.charges - *in.base_depreciation;
        for (std::size_t t = 0; t < n; ++t) {
            cash *= 1 + p.rc[t];
            EXPECT_NEAR(at(other, PgfpRow::Result, t) - at(plan, PgfpRow::Result, t), -(other_dep[t] - dep[t]), tol);
            EXPECT_NEAR(at(other, PgfpRow::Charges, t) - at(plan, PgfpRow::Charges, t), other_dep[t] - dep[t], tol);
            for (PgfpRow r : {PgfpRow::Products, PgfpRow::Caf, PgfpRow::FrngChange, PgfpRow::Frng, PgfpRow::Treasury,
                              PgfpRow::Debt}) {
                EXPECT_NEAR(at(other, r, t), at(plan, r, t), tol) << "row " << static_cast<int>(r) << " year " << t;
            }
            // CAF = products − cash charges, compounded from charges_0 − base_depreciation; the BFR follows them.
            EXPECT_NEAR(at(plan, PgfpRow::Caf, t), at(plan, PgfpRow::Products, t) - cash, tol);
            EXPECT_NEAR(at(plan, PgfpRow::Treasury, t), at(plan, PgfpRow::Frng, t) - in.bfr_days * cash / 365, tol);
        }
    }
}

TEST(Pgfp, TheLegacyReadingIsKeptWithoutTheBaseDepreciation) {
    // Documents written before the optional argument keep their figures: all of charges_0 grows, so a larger
    // depreciation raises the CAF (issue 12 §3.1 as observed) — the reason the template now gives the argument.
    TwoYears p;
    const auto before = cpom::pgfp(p.in());
    p.dep = {150'000, 150'000};
    const auto after = cpom::pgfp(p.in());
    EXPECT_NEAR(at(after, PgfpRow::Result, 0), at(before, PgfpRow::Result, 0), 1e-6);
    EXPECT_NEAR(at(after, PgfpRow::Caf, 0) - at(before, PgfpRow::Caf, 0), 100'000, 1e-6);
}

TEST(Pgfp, BaseDepreciationAboveTheChargesIsAnError) {
    TwoYears p;
    PgfpInputs in = p.in();
    in.base_depreciation = 990'000;  // the charges of year 0 are 980 000
    EXPECT_THROW(cpom::pgfp(in), ArgumentError);
    in.base_depreciation = -1;
    try {
        cpom::pgfp(in);
        FAIL() << "a negative base depreciation was accepted";
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "base_depreciation");
    }
}

TEST(Pgfp, RepayingExactlyTheDebtLeavesZero) {
    TwoYears p;
    p.repay = {240'000, 240'000};  // 400 000 + 80 000 = 480 000 owed in total
    const auto plan = cpom::pgfp(p.in());
    EXPECT_DOUBLE_EQ(at(plan, PgfpRow::Debt, 1), 0.0);
}

TEST(Pgfp, ImpossiblePlansAreErrorsNamingTheArgument) {
    auto argument_of = [](const TwoYears& p) {
        try {
            cpom::pgfp(p.in());
        } catch (const ArgumentError& e) {
            return std::string(role_name(e.role()));
        }
        return std::string("accepted");
    };
    TwoYears p;
    p.repay = {300'000, 200'000};  // year 2: 160 000 owed
    EXPECT_EQ(argument_of(p), "repayments");
    p = TwoYears();
    p.rc = {0.02, -1.5};
    EXPECT_EQ(argument_of(p), "rates_charges");
    p = TwoYears();
    p.rp = {0.02, -1};
    EXPECT_EQ(argument_of(p), "rates_products");
    p = TwoYears();
    p.inv = {-1, 0};
    EXPECT_EQ(argument_of(p), "investments");
    p = TwoYears();
    p.subs = {0};
    EXPECT_EQ(argument_of(p), "subsidies");
    p = TwoYears();
    p.dep = {2'000'000, 0};
    EXPECT_EQ(argument_of(p), "depreciation");
    p = TwoYears();
    p.rp.clear();
    p.rc.clear();
    p.dep.clear();
    p.inv.clear();
    p.loans.clear();
    p.repay.clear();
    p.subs.clear();
    EXPECT_EQ(argument_of(p), "rates_products");
}

}  // namespace
