// Data files of cpom-run: French number notation, CSV (« ; », quotes, comments, repeated names), JSON, encodings.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cpom/cli/data_file.hpp"
#include "cpom/cli/text_encoding.hpp"

namespace {

using namespace cpom::cli;

double number(const DataCell& cell) { return std::get<double>(cell); }
std::string text(const DataCell& cell) { return std::get<std::string>(cell); }
bool blank(const DataCell& cell) { return std::holds_alternative<Blank>(cell); }

TEST(ParseNumber, FrenchAndEnglishNotations) {
    EXPECT_DOUBLE_EQ(*parse_number("4200000"), 4'200'000);
    EXPECT_DOUBLE_EQ(*parse_number("4 200 000"), 4'200'000);
    EXPECT_DOUBLE_EQ(*parse_number("4\xC2\xA0" "200\xC2\xA0" "000"), 4'200'000);      // no-break spaces
    EXPECT_DOUBLE_EQ(*parse_number("1\xE2\x80\xAF" "234,50 \xE2\x82\xAC"), 1234.5);     // narrow no-break, euro
    EXPECT_DOUBLE_EQ(*parse_number("0,025"), 0.025);
    EXPECT_DOUBLE_EQ(*parse_number("0.025"), 0.025);
    EXPECT_DOUBLE_EQ(*parse_number("2,5 %"), 0.025);
    EXPECT_DOUBLE_EQ(*parse_number("1%"), 0.01);
    EXPECT_DOUBLE_EQ(*parse_number("-3.5e2"), -350);
    EXPECT_DOUBLE_EQ(*parse_number(" +12 "), 12);
}

TEST(ParseNumber, TextIsNotANumber) {
    for (const char* s : {"", "abc", "12 5", "1,234.5", "1.2.3", "--1", "inf", "nan", "1e", "€", "%", "0x10", "1 2345"})
        EXPECT_FALSE(parse_number(s).has_value()) << s;
}

TEST(Csv, NamesValuesAndRanges) {
    const DataSet set = parse_csv(
        "# commentaire\n"
        "charges_base;4 200 000\n"
        "\n"
        "cap;1 %\r\n"
        "taux;0,025;0,022;0,02\n"
        "libelle;\"EHPAD « Les Tilleuls »; 80 places\"\n"
        "code;\"0123\"\n"
        "vide;\n");
    ASSERT_EQ(set.size(), 6u);
    EXPECT_EQ(set[0].name, "charges_base");
    EXPECT_DOUBLE_EQ(number(set[0].rows[0][0]), 4'200'000);
    EXPECT_DOUBLE_EQ(number(set[1].rows[0][0]), 0.01);
    ASSERT_EQ(set[2].rows[0].size(), 3u);
    EXPECT_DOUBLE_EQ(number(set[2].rows[0][2]), 0.02);
    EXPECT_EQ(text(set[3].rows[0][0]), "EHPAD « Les Tilleuls »; 80 places");
    EXPECT_EQ(text(set[4].rows[0][0]), "0123");  // quoted: always text
    EXPECT_TRUE(blank(set[5].rows[0][0]));
    EXPECT_EQ(set[2].line, 5);
}

TEST(Csv, RepeatedNameAddsRowsCaseInsensitively) {
    const DataSet set = parse_csv("grille;1;2\nautre;3\nGRILLE;4;5\n");
    ASSERT_EQ(set.size(), 2u);
    ASSERT_EQ(set[0].rows.size(), 2u);
    EXPECT_DOUBLE_EQ(number(set[0].rows[1][1]), 5);
}

TEST(Csv, TabOrCommaWhenNoSemicolon) {
    EXPECT_DOUBLE_EQ(number(parse_csv("a\t1.5\n")[0].rows[0][0]), 1.5);
    const DataSet comma = parse_csv("a,1.5,2\n");
    ASSERT_EQ(comma[0].rows[0].size(), 2u);
    EXPECT_DOUBLE_EQ(number(comma[0].rows[0][1]), 2);
}

TEST(Csv, QuotesEscapeQuotesAndNewlines) {
    const DataSet set = parse_csv("note;\"dit \"\"oui\"\"\nsur deux lignes\"\nx;1\n");
    EXPECT_EQ(text(set[0].rows[0][0]), "dit \"oui\"\nsur deux lignes");
    EXPECT_EQ(set[1].line, 3);
}

TEST(Csv, ErrorsNameTheLine) {
    try {
        parse_csv("a;1\n;2\n");
        FAIL();
    } catch (const DataFileError& e) {
        EXPECT_STREQ(e.what(), "ligne 2 : nom de plage manquant en première colonne");
    }
    EXPECT_THROW(parse_csv("a;1\nseul\n"), DataFileError);
    EXPECT_THROW(parse_csv("a;\"ouvert\n"), DataFileError);
}

TEST(Json, ScalarsArraysAndRows) {
    const DataSet set = parse_json(R"({"charges_base": 4200000, "libelle": "EHPAD", "vide": null, "oui": true,
                                      "taux": [0.025, null, "x"], "grille": [[1, 2], [3, 4]]})");
    ASSERT_EQ(set.size(), 6u);
    EXPECT_EQ(set[0].name, "charges_base");  // file order is kept
    EXPECT_DOUBLE_EQ(number(set[0].rows[0][0]), 4'200'000);
    EXPECT_EQ(text(set[1].rows[0][0]), "EHPAD");
    EXPECT_TRUE(blank(set[2].rows[0][0]));
    EXPECT_DOUBLE_EQ(number(set[3].rows[0][0]), 1);
    ASSERT_EQ(set[4].rows.size(), 1u);
    EXPECT_TRUE(blank(set[4].rows[0][1]));
    ASSERT_EQ(set[5].rows.size(), 2u);
    EXPECT_DOUBLE_EQ(number(set[5].rows[1][0]), 3);
}

TEST(Json, Errors) {
    EXPECT_THROW(parse_json("[1, 2]"), DataFileError);
    EXPECT_THROW(parse_json(R"({"a": {"b": 1}})"), DataFileError);
    EXPECT_THROW(parse_json(R"({"a": []})"), DataFileError);
    EXPECT_THROW(parse_json(R"({"a": [[1, [2]]]})"), DataFileError);
    EXPECT_THROW(parse_json(R"({"Taux": 1, "taux": 2})"), DataFileError);
    try {
        parse_json("{\n\"a\": 1,\n\"b\": }");
        FAIL();
    } catch (const DataFileError& e) {
        EXPECT_STREQ(e.what(), "ligne 3 : JSON invalide");
    }
}

TEST(Encoding, Windows1252FromExcelBecomesUtf8) {
    EXPECT_TRUE(is_valid_utf8("Réserves"));
    EXPECT_FALSE(is_valid_utf8("R\xE9serves"));
    EXPECT_FALSE(is_valid_utf8("\xC3"));  // truncated
    EXPECT_EQ(to_utf8("R\xE9serves \x80"), "Réserves €");
    EXPECT_EQ(to_utf8("\xEF\xBB\xBFnom;1"), "nom;1");  // BOM dropped
}

TEST(LoadDataFile, ByExtension) {
    const auto dir = std::filesystem::temp_directory_path() / "cpom-cli-data-test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "d.csv") << "libell\xE9;\"Foyer d'h\xE9" "bergement\"\n";  // Windows-1252, as Excel writes
    std::ofstream(dir / "d.json") << R"({"a": 1})";
    std::ofstream(dir / "d.xml") << "<a/>";
    EXPECT_EQ(load_data_file(dir / "d.csv")[0].name, "libellé");
    EXPECT_EQ(text(load_data_file(dir / "d.csv")[0].rows[0][0]), "Foyer d'hébergement");
    EXPECT_EQ(load_data_file(dir / "d.json")[0].name, "a");
    EXPECT_THROW(load_data_file(dir / "d.xml"), DataFileError);
    EXPECT_THROW(load_data_file(dir / "absent.csv"), DataFileError);
    std::filesystem::remove_all(dir);
}

}  // namespace
