// Laying data values out on a named range: one value per cell, row by row, Excel's padding tolerated.
#include <gtest/gtest.h>

#include "cpom/cli/range_fit.hpp"

namespace {

using namespace cpom::cli;

DataEntry entry(std::vector<DataRow> rows) { return DataEntry{"taux", std::move(rows), 1}; }

TEST(RangeFit, OneRowFillsAnyShapeRowByRow) {
    const Grid g = fit_to_range(entry({{1.0, 2.0, 3.0, 4.0}}), 2, 2);
    EXPECT_DOUBLE_EQ(std::get<double>(g.at(1, 0)), 3);
    EXPECT_EQ(fit_to_range(entry({{1.0, 2.0, 3.0}}), 3, 1).cells.size(), 3u);  // a column
}

TEST(RangeFit, TrailingBlanksArePadding) {
    const Grid g = fit_to_range(entry({{1.0, Blank{}, Blank{}}}), 1, 1);
    EXPECT_EQ(g.cells.size(), 1u);
    // A blank inside the range is kept: it clears that cell.
    EXPECT_TRUE(std::holds_alternative<Blank>(fit_to_range(entry({{1.0, Blank{}}}), 1, 2).at(0, 1)));
}

TEST(RangeFit, RowsMustMatchTheShape) {
    const Grid g = fit_to_range(entry({{1.0, 2.0}, {3.0, 4.0, Blank{}}}), 2, 2);
    EXPECT_DOUBLE_EQ(std::get<double>(g.at(1, 1)), 4);
    EXPECT_THROW(fit_to_range(entry({{1.0, 2.0}, {3.0}}), 2, 2), FitError);
    EXPECT_THROW(fit_to_range(entry({{1.0}, {2.0}, {3.0}}), 2, 1), FitError);
}

TEST(RangeFit, CountMismatchIsExplained) {
    try {
        fit_to_range(entry({{1.0, 2.0, 3.0}}), 1, 5);
        FAIL();
    } catch (const FitError& e) {
        EXPECT_STREQ(e.what(), "« taux » : la plage a 5 cellules, 3 valeurs données");
    }
    EXPECT_THROW(fit_to_range(entry({{1.0}}), 1, 5), FitError);  // no silent broadcast
}

}  // namespace
