// CPOM_ALLOCATE: hand computations, the "no euro lost" property on random inputs, and the blank rules
// (blank key = 0, blank pool amount = error) through cpom::calls::call.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "cpom/allocation.hpp"
#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"

namespace {

using cpom::ArgumentError;
using cpom::calls::Arg;
using cpom::calls::call;
using cpom::calls::Cell;
using cpom::calls::Empty;
using cpom::calls::explain;
using cpom::calls::Matrix;

Arg column(const std::vector<Cell>& cells) { return Arg::block(cells.size(), 1, cells); }

TEST(Allocate, HandExample) {
    // Head office 120 000 € by FTE 10 / 20 / 30 (total 60): 20 000, 40 000, 60 000.
    // Laundry 60 000 € by kilos 1 / 1 / 0 (total 2): 30 000, 30 000, 0.  Sum per activity: 50 000, 70 000, 60 000.
    const std::vector<double> pools{120'000, 60'000};
    const std::vector<double> drivers{10, 20, 30, 1, 1, 0};
    const auto a = cpom::allocate(pools, drivers, 3);
    ASSERT_EQ(a.size(), 3u);
    EXPECT_NEAR(a[0], 50'000, 1e-9);
    EXPECT_NEAR(a[1], 70'000, 1e-9);
    EXPECT_NEAR(a[2], 60'000, 1e-9);
}

TEST(Allocate, ZeroPoolMayHaveNoKeysNegativePoolIsShared) {
    // A pool of 0 with an empty key row contributes nothing; a recovery of −10 000 by keys 1 / 3 gives −2 500, −7 500.
    const std::vector<double> pools{0, -10'000};
    const std::vector<double> drivers{0, 0, 1, 3};
    const auto a = cpom::allocate(pools, drivers, 2);
    EXPECT_NEAR(a[0], -2'500, 1e-9);
    EXPECT_NEAR(a[1], -7'500, 1e-9);
}

TEST(Allocate, PoolWithoutKeysIsAnErrorNamingTheLine) {
    const std::vector<double> pools{120'000, 60'000};
    const std::vector<double> drivers{10, 20, 30, 0, 0, 0};
    try {
        cpom::allocate(pools, drivers, 3);
        FAIL() << "60 000 € would have been lost";
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "drivers");
        EXPECT_NE(e.reason().find("ligne n° 2"), std::string::npos) << e.reason();
        EXPECT_NE(e.reason().find("60000"), std::string::npos) << e.reason();
    }
}

TEST(Allocate, RejectsNegativeOrNonFiniteKeysAndWrongSizes) {
    const std::vector<double> pools{120'000};
    const std::vector<double> negative{10, -20, 30};
    EXPECT_THROW(cpom::allocate(pools, negative, 3), ArgumentError);
    const std::vector<double> not_finite{10, std::numeric_limits<double>::infinity(), 30};
    EXPECT_THROW(cpom::allocate(pools, not_finite, 3), ArgumentError);
    const std::vector<double> nan_key{10, std::numeric_limits<double>::quiet_NaN(), 30};
    EXPECT_THROW(cpom::allocate(pools, nan_key, 3), ArgumentError);
    const std::vector<double> keys{10, 20, 30};
    EXPECT_THROW(cpom::allocate(pools, keys, 2), ArgumentError);
    EXPECT_THROW(cpom::allocate({}, {}, 3), ArgumentError);
    const std::vector<double> nan_pool{std::numeric_limits<double>::quiet_NaN()};
    EXPECT_THROW(cpom::allocate(nan_pool, keys, 3), ArgumentError);
}

// Property: whatever the pools and keys, the allocated total equals the total of the pools (no euro lost or
// created), every share is ≥ 0 for positive pools, and scaling one row of keys changes nothing.
TEST(Allocate, TotalIsAlwaysTheSumOfThePools) {
    std::mt19937_64 random(20240601);
    for (int trial = 0; trial < 300; ++trial) {
        const std::size_t pools_count = 1 + random() % 60, activities = 1 + random() % 40;
        std::uniform_real_distribution<double> amount(0, 5e6), key(0, 1000);
        std::vector<double> pools(pools_count), drivers(pools_count * activities);
        for (double& p : pools) p = amount(random);
        for (std::size_t k = 0; k < pools_count; ++k) {
            for (std::size_t m = 0; m < activities; ++m) {
                drivers[k * activities + m] = (random() % 3 == 0) ? 0.0 : key(random);  // sparse, like real keys
            }
            drivers[k * activities + random() % activities] += 1.0;  // at least one key per row
        }
        const auto allocated = cpom::allocate(pools, drivers, activities);
        const double expected = std::accumulate(pools.begin(), pools.end(), 0.0);
        const double total = std::accumulate(allocated.begin(), allocated.end(), 0.0);
        ASSERT_NEAR(total, expected, 1e-6 * expected) << "trial " << trial;
        for (double a : allocated) ASSERT_GE(a, 0.0);

        // Keys are proportions: row 0 counted in m² or in cm² gives the same allocation.
        for (std::size_t m = 0; m < activities; ++m) drivers[m] *= 10'000;
        const auto rescaled = cpom::allocate(pools, drivers, activities);
        for (std::size_t m = 0; m < activities; ++m) {
            ASSERT_NEAR(rescaled[m], allocated[m], 1e-9 * expected) << "trial " << trial;
        }
    }
}

TEST(Allocate, LargeCaseKeepsTheTotal) {
    // 1 000 pools × 200 activities (the size of the benchmark): pool k = 1 000·(k+1), keys 1 + (k·m mod 7).
    const std::size_t pools_count = 1000, activities = 200;
    std::vector<double> pools(pools_count), drivers(pools_count * activities);
    for (std::size_t k = 0; k < pools_count; ++k) {
        pools[k] = 1000.0 * static_cast<double>(k + 1);
        for (std::size_t m = 0; m < activities; ++m)
            drivers[k * activities + m] = 1.0 + static_cast<double>((k * m) % 7);
    }
    const auto allocated = cpom::allocate(pools, drivers, activities);
    // Σ 1 000·(k+1) for k < 1 000 = 1 000 × 1 000 × 1 001 / 2 = 500 500 000.
    EXPECT_NEAR(std::accumulate(allocated.begin(), allocated.end(), 0.0), 500'500'000.0, 1e-6 * 500'500'000.0);
}

TEST(AllocateCall, ColumnOfPoolsBlockOfKeysWithBlanksReadAsZero) {
    // Same hand example as above, the laundry's third key left blank (the activity has no laundry).
    const Arg pools = column({120'000.0, 60'000.0});
    const Arg drivers = Arg::block(2, 3, {10.0, 20.0, 30.0, 1.0, 1.0, Empty{}});
    const auto m = std::get<Matrix>(call("CPOM_ALLOCATE", {pools, drivers}));
    ASSERT_EQ(m.rows, 1u);
    ASSERT_EQ(m.cols, 3u);
    EXPECT_NEAR(m.at(0, 0), 50'000, 1e-9);
    EXPECT_NEAR(m.at(0, 1), 70'000, 1e-9);
    EXPECT_NEAR(m.at(0, 2), 60'000, 1e-9);
    // Pools given as a row of K work too.
    const auto r = std::get<Matrix>(call("CPOM_ALLOCATE", {Arg::row({120'000, 60'000}), drivers}));
    EXPECT_EQ(r, m);
}

TEST(AllocateCall, BlankKeyRowIsFineOnlyForAZeroPool) {
    const Arg drivers = Arg::block(2, 2, {1.0, 3.0, Empty{}, Empty{}});
    const auto m = std::get<Matrix>(call("CPOM_ALLOCATE", {column({8'000.0, 0.0}), drivers}));
    EXPECT_NEAR(m.at(0, 0), 2'000, 1e-9);  // 8 000 × 1/4
    EXPECT_NEAR(m.at(0, 1), 6'000, 1e-9);  // 8 000 × 3/4
    const std::string why = explain("CPOM_ALLOCATE", {column({8'000.0, 500.0}), drivers});
    EXPECT_EQ(why.rfind("clés : ligne n° 2", 0), 0u) << why;
}

TEST(AllocateCall, BlankPoolAmountTextAndShapeErrors) {
    const Arg drivers = Arg::block(2, 2, {1.0, 3.0, 1.0, 1.0});
    // A blank amount would silently drop a pool: error, never 0.
    EXPECT_EQ(explain("CPOM_ALLOCATE", {column({8'000.0, Empty{}}), drivers}),
              "montants : la cellule n° 2 est vide : saisir 0 si la valeur est nulle, une cellule vide n'est pas "
              "lue comme 0");
    EXPECT_THROW(call("CPOM_ALLOCATE", {column({8'000.0, 1.0}), Arg::block(2, 2, {1.0, std::string("x"), 1.0, 1.0})}),
                 ArgumentError);
    // Two pools, three key rows.
    EXPECT_EQ(explain("CPOM_ALLOCATE", {column({8'000.0, 1.0}), Arg::block(3, 1, {1.0, 1.0, 1.0})})
                  .rfind("clés : la plage a 3 lignes, 2 attendues", 0),
              0u);
    // Pools as a 2×2 block.
    EXPECT_THROW(call("CPOM_ALLOCATE", {Arg::block(2, 2, {1.0, 1.0, 1.0, 1.0}), drivers}), ArgumentError);
    EXPECT_THROW(call("CPOM_ALLOCATE", {column({8'000.0, 1.0}), Arg::block(2, 2, {1.0, -3.0, 1.0, 1.0})}),
                 ArgumentError);
}

}  // namespace
