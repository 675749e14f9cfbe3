// Formula cells in error as cpom-run reports them: cell names, Calc's error texts, the Excel error an XLSX cell
// becomes (docs/cli.md), the summary's lines, and the geometry used to follow an error to the cell it comes from.
#include <gtest/gtest.h>

#include "cpom/cli/cell_errors.hpp"

namespace {

using namespace cpom::cli;

TEST(CellErrors, CellNames) {
    EXPECT_EQ(column_name(0), "A");
    EXPECT_EQ(column_name(25), "Z");
    EXPECT_EQ(column_name(26), "AA");
    EXPECT_EQ(column_name(27), "AB");
    EXPECT_EQ(column_name(16383), "XFD");  // Excel's last column
    EXPECT_EQ(cell_name({"Synthèse", 4, 5}), "Synthèse.E6");
}

TEST(CellErrors, CalcErrorTexts) {
    EXPECT_EQ(calc_error_text(502), "Err:502");
    EXPECT_EQ(calc_error_text(523), "Err:523");
    EXPECT_EQ(calc_error_text(532), "#DIV/0!");
    EXPECT_EQ(calc_error_text(519), "#VALUE!");
    EXPECT_EQ(calc_error_text(503), "#NUM!");
    EXPECT_EQ(calc_error_text(525), "#NAME?");
    EXPECT_EQ(calc_error_text(0x7fff), "#N/A");
}

// The table of docs/cli.md: LibreOffice's own (XclTools::GetXclErrorCode), except Err:523.
TEST(CellErrors, ExcelErrorOfEachCalcCode) {
    EXPECT_EQ(excel_error(502), "#VALUE!");  // invalid argument: what CPOM_ functions give for a bad input
    EXPECT_EQ(excel_error(504), "#VALUE!");  // error in a parameter list
    EXPECT_EQ(excel_error(519), "#VALUE!");
    EXPECT_EQ(excel_error(522), "#VALUE!");  // circular reference
    EXPECT_EQ(excel_error(503), "#NUM!");
    EXPECT_EQ(excel_error(523), "#NUM!");  // no convergence: Excel's RATE and IRR say #NUM!
    EXPECT_EQ(excel_error(532), "#DIV/0!");
    EXPECT_EQ(excel_error(521), "#NULL!");
    EXPECT_EQ(excel_error(524), "#REF!");
    EXPECT_EQ(excel_error(525), "#NAME?");
    EXPECT_EQ(excel_error(530), "#NAME?");  // add-in missing
    EXPECT_EQ(excel_error(0x7fff), "#N/A");
    EXPECT_EQ(excel_error(501), "#N/A");  // anything else, as LibreOffice writes it
    EXPECT_EQ(excel_error(527), "#N/A");
}

WorkbookErrors example() {
    WorkbookErrors errors;
    errors.count = 40;
    errors.per_sheet = {{"Projection", 30}, {"Consolidation", 10}};
    const std::string reason = "CPOM_PROJECT, rates = inflation_groupe_1 : la cellule n° 1 contient du texte";
    errors.cells = {
        {{"Projection", 4, 5}, 502, reason, std::nullopt},                  // E6, the array formula that fails
        {{"Projection", 5, 5}, 502, reason, std::nullopt},                  // F6, same array: same story
        {{"Projection", 4, 59}, 502, reason, CellRef{"Projection", 4, 5}},  // E60, fed by E6
        {{"Projection", 7, 122}, 532, "", std::nullopt},                    // H123, =1/0: no reason known
        {{"Consolidation", 2, 5}, 504, "", CellRef{"Projection", 7, 122}},  // C6, fed by H123
        {{"Consolidation", 3, 5}, 504, "", CellRef{"Projection", 7, 122}},
    };
    return errors;
}

TEST(CellErrors, CountBySheet) {
    EXPECT_EQ(error_count_text(example()), "40 cellules en erreur : Projection (30), Consolidation (10)");
    WorkbookErrors one;
    one.count = 1;
    one.per_sheet = {{"Feuille1", 1}};
    EXPECT_EQ(error_count_text(one), "1 cellule en erreur : Feuille1 (1)");
}

TEST(CellErrors, OneLinePerStory) {
    EXPECT_EQ(
        error_lines(example(), 5),
        (std::vector<std::string>{
            "Projection.E6 Err:502 — CPOM_PROJECT, rates = inflation_groupe_1 : la cellule n° 1 contient du texte",
            "Projection.H123 #DIV/0!",  // Consolidation.C6 and D6 come from it: the same story
            "… et 38 autres cellules en erreur"}));
    EXPECT_EQ(error_lines(example(), 1).size(), 2u);  // the first story, then the count of the others
    WorkbookErrors alone;                             // the cell it comes from is not listed (beyond the first 1 000)
    alone.count = 1;
    alone.cells = {{{"F", 0, 0}, 502, "", CellRef{"G", 1, 1}}};
    EXPECT_EQ(error_lines(alone, 3), std::vector<std::string>{"F.A1 Err:502 — vient de G.B2"});
    alone.cells[0].reason = "CPOM_GAP : x";
    EXPECT_EQ(error_lines(alone, 3), std::vector<std::string>{"F.A1 Err:502 — vient de G.B2 : CPOM_GAP : x"});
}

TEST(CellErrors, ExplainedCellsComeFirst) {
    // A template that shows #N/A beside its own reason (D20) before the CPOM_ call that says why (E20).
    WorkbookErrors errors;
    errors.count = 3;
    errors.cells = {{{"Projection", 3, 19}, 32767, "", std::nullopt},
                    {{"Projection", 4, 19}, 32767, "CPOM_PROJECT, rates = x : texte", std::nullopt},
                    {{"Projection", 3, 20}, 32767, "", std::nullopt}};
    EXPECT_EQ(error_lines(errors, 2),
              (std::vector<std::string>{"Projection.E20 #N/A — CPOM_PROJECT, rates = x : texte", "Projection.D20 #N/A",
                                        "… et 1 autre cellule en erreur"}));
}

TEST(CellErrors, CellsRowByRowOnce) {
    using Cells = std::vector<std::pair<std::int32_t, std::int32_t>>;
    // Two overlapping blocks, B2:C3 and C3:D3: each cell once, row by row.
    EXPECT_EQ(cells_row_by_row({{1, 1, 2, 2}, {2, 2, 3, 2}}), (Cells{{1, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 2}}));
    EXPECT_TRUE(cells_row_by_row({}).empty());
}

TEST(CellErrors, FirstErrorInTheCellsAFormulaReads) {
    const std::vector<CellBlock> errors = {{4, 5, 8, 10}, {3, 59, 8, 64}};  // E6:I11, D60:I65
    const CellBlock nothing{0, 0, -1, -1};
    // SUMIF over E60:E65 finds E60; a range over both finds the upper one first.
    EXPECT_EQ(first_cell_in(errors, {4, 59, 4, 64}, nothing), std::make_pair(4, 59));
    EXPECT_EQ(first_cell_in(errors, {0, 0, 10, 100}, nothing), std::make_pair(4, 5));
    // A range that misses them, and an array formula reading itself.
    EXPECT_FALSE(first_cell_in(errors, {0, 0, 3, 40}, nothing).has_value());
    EXPECT_EQ(first_cell_in(errors, {4, 5, 8, 10}, {4, 5, 6, 10}), std::make_pair(7, 5));
    EXPECT_FALSE(first_cell_in(errors, {4, 5, 8, 10}, {4, 5, 8, 10}).has_value());
}

}  // namespace
