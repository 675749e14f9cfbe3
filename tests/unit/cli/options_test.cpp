// The command line: defaults, French messages for every mistake, before any office starts.
#include <gtest/gtest.h>

#include <vector>

#include "cpom/cli/options.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;
using cpom::cli::test::TempDir;

class Options_ : public ::testing::Test {
protected:
    Options_() {
        dir.file("bin/cpom-calc-9.9.9.oxt");
        dir.file("office/soffice");
        env.exe_dir = dir.path() / "bin";
        env.cores = 2;
        env.temp_dir = dir.path();
        env.office_program = dir.path() / "office";
        env.version = "9.9.9";
    }

    Command parse(std::vector<std::string> args) const {
        args.insert(args.begin(), "cpom-run");
        std::vector<const char*> argv;
        for (const std::string& a : args) argv.push_back(a.c_str());
        return parse_command_line(static_cast<int>(argv.size()), argv.data(), env);
    }

    std::string error(std::vector<std::string> args) const {
        try {
            parse(std::move(args));
        } catch (const UsageError& e) {
            return e.what();
        }
        return "(pas d'erreur)";
    }

    TempDir dir;
    Environment env;
};

TEST_F(Options_, ExtractTakesNamesAndPatterns) {
    EXPECT_TRUE(parse({"a.ods"}).options.extract.empty());
    const Options o = parse({"a.ods", "--extract", "pgfp_*, exercice", "-x", "taux"}).options;
    EXPECT_EQ(o.extract, (std::vector<std::string>{"pgfp_*", "exercice", "taux"}));
    EXPECT_EQ(error({"a.ods", "--extract", " , "}), "--extract : noms de plages attendus (ex. pgfp_*)");
}

TEST_F(Options_, Defaults) {
    const Options o = parse({"a.ods", "dossier"}).options;
    ASSERT_EQ(o.inputs.size(), 2u);
    EXPECT_EQ(o.out_dir, "out");
    EXPECT_EQ(o.formats, std::vector<Format>{Format::ods});
    EXPECT_EQ(o.jobs, 2u);  // one office per core
    EXPECT_EQ(o.timeout.count(), 180);
    EXPECT_EQ(o.oxt->filename(), "cpom-calc-9.9.9.oxt");  // the one built next to the program
    EXPECT_EQ(o.office_program, dir.path() / "office");
    EXPECT_EQ(o.work_dir, dir.path());
    EXPECT_TRUE(o.connect.empty());
    EXPECT_FALSE(o.quiet);
    EXPECT_FALSE(o.allow_errors);
    EXPECT_FALSE(o.report.has_value());
}

TEST_F(Options_, ErrorsAllowedAndReport) {
    const Options o = parse({"a.ods", "--allow-errors", "--report", "res/rapport.json"}).options;
    EXPECT_TRUE(o.allow_errors);
    EXPECT_EQ(*o.report, "res/rapport.json");  // its folder is created with the outputs
    EXPECT_EQ(error({"a.ods", "--report", dir.path().string()}),
              "--report : nom de fichier attendu : " + dir.path().string());
    EXPECT_EQ(error({"a.ods", "--report"}).rfind("valeur manquante", 0), 0u);
    EXPECT_NE(parse({"--help"}).help.find("4 tout est écrit, mais avec des cellules en erreur"), std::string::npos);
}

TEST_F(Options_, FormatsAreSortedXlsxLast) {
    const Options o = parse({"a.ods", "-f", "xlsx,PDF", "--format", "ods", "-f", "csv,.pdf"}).options;
    EXPECT_EQ(o.formats, (std::vector<Format>{Format::ods, Format::csv, Format::pdf, Format::xlsx}));
}

TEST_F(Options_, EveryOption) {
    const auto data = dir.file("d.csv", "a;1");
    const auto oxt = dir.file("autre.oxt");
    const Options o = parse({"a.ods", "-o", "res", "-d", data.string(), "-s", "Projection", "--sheet", "Synthèse, 2",
                             "-j", "3", "--timeout", "30", "--oxt", oxt.string(), "-q"})
                          .options;
    EXPECT_EQ(o.out_dir, "res");
    EXPECT_EQ(*o.data_file, data);
    EXPECT_EQ(o.sheets, (std::vector<std::string>{"Projection", "Synthèse, 2"}));  // commas belong to the name
    EXPECT_EQ(o.jobs, 3u);
    EXPECT_EQ(o.timeout.count(), 30);
    EXPECT_EQ(*o.oxt, oxt);
    EXPECT_TRUE(o.quiet);
}

TEST_F(Options_, HelpAndVersion) {
    EXPECT_EQ(parse({"--help"}).action, Action::help);
    EXPECT_NE(parse({"-h"}).help.find("--template"), std::string::npos);
    EXPECT_EQ(parse({"--version"}).action, Action::version);
}

TEST_F(Options_, MistakesInFrench) {
    EXPECT_EQ(error({}), "aucun fichier ni dossier à traiter");
    EXPECT_EQ(error({"a.ods", "--jobs", "0"}), "--jobs : au moins 1");
    EXPECT_EQ(error({"a.ods", "--jobs", "2x"}), "--jobs : nombre entier attendu (« 2x »)");
    EXPECT_EQ(error({"a.ods", "--jobs", "65"}), "--jobs : au plus 64");
    EXPECT_EQ(error({"a.ods", "--timeout", "0"}), "--timeout : entre 1 et 86400 secondes");
    EXPECT_EQ(error({"a.ods", "-f", "docx"}), "format inconnu « docx » (ods, pdf, csv ou xlsx)");
    EXPECT_EQ(error({"a.ods", "--frobnicate"}), "option inconnue : --frobnicate");
    EXPECT_EQ(error({"a.ods", "--jobs"}).rfind("valeur manquante", 0), 0u);
    EXPECT_EQ(error({"a.ods", "-d", "absent.csv"}), "fichier de données introuvable : absent.csv");
    EXPECT_EQ(error({"a.ods", "-s", ""}), "--sheet : nom de feuille vide");
    const auto file = dir.file("fichier");
    EXPECT_EQ(error({"a.ods", "-o", file.string()}), "--out : " + file.string() + " existe et n'est pas un dossier");
}

TEST_F(Options_, DataAndTemplateExcludeEachOther) {
    const auto data = dir.file("d.csv"), model = dir.file("m.ots");
    EXPECT_EQ(error({"x", "-d", data.string(), "-t", model.string()}).rfind("--data et --template s'excluent", 0), 0u);
    EXPECT_EQ(*parse({"x", "-t", model.string()}).options.template_file, model);
}

TEST_F(Options_, ConnectUsesOneOfficeAndNoOxt) {
    const Options o = parse({"a.ods", "--connect", "uno:pipe,name=cpom;urp;StarOffice.ComponentContext"}).options;
    EXPECT_EQ(o.connect, "pipe,name=cpom");
    EXPECT_EQ(o.jobs, 1u);
    EXPECT_FALSE(o.oxt.has_value());
    EXPECT_EQ(error({"a.ods", "--connect", "pipe,name=x", "-j", "2"}),
              "--connect utilise un seul LibreOffice : --jobs doit valoir 1");
    EXPECT_EQ(error({"a.ods", "--connect", "nimportequoi"}).rfind("--connect : « nimportequoi »", 0), 0u);
    EXPECT_EQ(normalise_connection("socket,host=localhost,port=2002"), "socket,host=localhost,port=2002");
}

TEST_F(Options_, MissingOfficeOrExtension) {
    env.exe_dir = dir.path();  // no .oxt there
    EXPECT_EQ(error({"a.ods"}),
              "extension cpom-calc-9.9.9.oxt introuvable à côté du programme : indiquez-la avec --oxt");
    EXPECT_EQ(error({"a.ods", "--oxt", "absent.oxt"}), "extension introuvable : absent.oxt");
    EXPECT_EQ(error({"a.ods", "--office", "/nulle/part"}),
              "LibreOffice introuvable : /nulle/part/soffice (option --office)");
}

}  // namespace
