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
    EXPECT_DOUBLE_EQ(*parse_number("4\xC2\xA0"
                                   "200\xC2\xA0"
                                   "000"),
                     4'200'000);  // no-break spaces
    EXPECT_DOUBLE_EQ(*parse_number("1\xE2\x80\xAF"
                                   "234,50 \xE2\x82\xAC"),
                     1234.5);  // narrow no-break, euro
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
    for (const char* mixed : {R"({"a": [1, [2]]})", R"({"a": [[1], 2]})", R"({"a": [[1], {"b": 2}]})"}) {
        try {
            parse_json(mixed);
            FAIL() << mixed;
        } catch (const DataFileError& e) {
            EXPECT_STREQ(e.what(), "« a » : un nombre, un texte ou null est attendu dans la liste") << mixed;
        }
    }
    try {
        parse_json(R"({"ok": 1, "a": []})");
        FAIL();
    } catch (const DataFileError& e) {
        EXPECT_STREQ(e.what(), "« a » : liste vide");
    }
    EXPECT_THROW(parse_json("42"), DataFileError);
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

TEST(Encoding, BomInFrontOfWindows1252) {
    // Some tools write a UTF-8 BOM and then Windows-1252 text: the first name must not become "ï»¿charges_base".
    EXPECT_EQ(to_utf8("\xEF\xBB\xBF"
                      "charges_base;1\nlibell\xE9;x\n"),
              "charges_base;1\nlibellé;x\n");
    EXPECT_EQ(parse_csv(to_utf8("\xEF\xBB\xBF"
                                "charges_base;1\nlibell\xE9;x\n"))[0]
                  .name,
              "charges_base");
}

TEST(Csv, NulByteIsRefusedWithItsLine) {
    try {
        parse_csv(std::string_view("a;1\nb;x\0y\nc;2\n", 14));
        FAIL();
    } catch (const DataFileError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("ligne 2 : caractère nul", 0), 0u) << e.what();
    }
    try {
        parse_json(R"({"a": "x\u0000y"})");
        FAIL();
    } catch (const DataFileError& e) {
        EXPECT_EQ(std::string(e.what()), "« a » : caractère nul (\\u0000) dans le texte");
    }
    EXPECT_THROW(parse_json(std::string_view("{\"a\": 1,\n\0}", 11)), DataFileError);
}

TEST(Csv, ManyDistinctNames) {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "nom_" + std::to_string(i) + ";" + std::to_string(i) + "\n";
    text += "NOM_7;8\n";  // a repeated name still adds a row to the first one
    const DataSet set = parse_csv(text);
    ASSERT_EQ(set.size(), 20000u);
    EXPECT_EQ(set[19999].line, 20000);
    ASSERT_EQ(set[7].rows.size(), 2u);
    EXPECT_DOUBLE_EQ(number(set[7].rows[1][0]), 8);
}

TEST(DataFile, StopRequestEndsTheReading) {
    std::string csv, json = "{";
    for (int i = 0; i < 50000; ++i) {
        csv += "nom_" + std::to_string(i) + ";1\n";
        json += (i ? ",\"n" : "\"n") + std::to_string(i) + "\": 1";
    }
    json += "}";
    for (const bool is_json : {false, true}) {
        int polls = 0;
        const StopRequested stop = [&] { return ++polls >= 3; };  // a signal arrives while the file is read
        EXPECT_THROW(is_json ? parse_json(json, stop) : parse_csv(csv, stop), DataFileInterrupted);
        EXPECT_EQ(polls, 3);  // it stopped at once, not at the end of the file
    }
    EXPECT_EQ(parse_csv(csv, [] { return false; }).size(), 50000u);
}

TEST(LoadDataFile, ByExtension) {
    const auto dir = std::filesystem::temp_directory_path() / "cpom-cli-data-test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "d.csv") << "libell\xE9;\"Foyer d'h\xE9"
                                    "bergement\"\n";  // Windows-1252, as Excel writes
    std::ofstream(dir / "d.json") << R"({"a": 1})";
    std::ofstream(dir / "d.xml") << "<a/>";
    EXPECT_EQ(load_data_file(dir / "d.csv")[0].name, "libellé");
    EXPECT_EQ(text(load_data_file(dir / "d.csv")[0].rows[0][0]), "Foyer d'hébergement");
    EXPECT_EQ(load_data_file(dir / "d.json")[0].name, "a");
    EXPECT_THROW(load_data_file(dir / "d.xml"), DataFileError);
    EXPECT_THROW(load_data_file(dir / "absent.csv"), DataFileError);
    std::ofstream(dir / "nul.csv", std::ios::binary) << std::string("a;1\nb;2\nc;x\0y\n", 15);
    try {
        load_data_file(dir / "nul.csv");
        FAIL();
    } catch (const DataFileError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("nul.csv, ligne 3 : caractère nul", 0), 0u) << e.what();
    }
    std::ofstream(dir / "u16.csv", std::ios::binary) << std::string(
        "\xFF\xFE"
        "a\0;\0"
        "1\0",
        8);
    try {
        load_data_file(dir / "u16.csv");
        FAIL();
    } catch (const DataFileError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("u16.csv, encodage UTF-16 non pris en charge", 0), 0u) << e.what();
    }
    std::filesystem::remove_all(dir);
}

TEST(LoadDataFile, TooLargeToReadInMemory) {
    const auto dir = std::filesystem::temp_directory_path() / "cpom-cli-data-size-test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "enorme.csv") << "a;1\n";
    std::filesystem::resize_file(dir / "enorme.csv", k_max_data_file_bytes + 1);  // sparse: no disk used
    try {
        load_data_file(dir / "enorme.csv");
        FAIL();
    } catch (const DataFileError& e) {
        EXPECT_STREQ(e.what(),
                     "enorme.csv : fichier de données de 65 Mo, au plus 64 Mo (c'est tout le fichier qui est "
                     "lu en mémoire)");
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
