// What the user reads: the progress line, the summary, the watchdog that turns a hang into "délai dépassé".
#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <thread>

#include "cpom/cli/diagnosis.hpp"
#include "cpom/cli/progress.hpp"
#include "cpom/cli/summary.hpp"
#include "cpom/cli/watchdog.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;
using cpom::cli::test::TempDir;

Job job(const std::string& name) { return Job{name, std::nullopt, name, ""}; }

TEST(Progress, CountsAndRunningFiles) {
    std::ostringstream out;
    Progress progress(3, true, out, 200);
    progress.started(job("in/a.ods"));
    progress.started(job("in/b.ods"));
    EXPECT_EQ(progress.line(), "[0/3] 0 réussi, 0 en échec · en cours : a.ods b.ods");
    progress.finished(job("in/a.ods"), Outcome{true, "", {}});
    progress.finished(job("in/b.ods"), Outcome{false, "x", {}});
    EXPECT_EQ(progress.line(), "[2/3] 1 réussi, 1 en échec");
    EXPECT_NE(out.str().find("\r\033[K"), std::string::npos);
}

TEST(Progress, SilentWhenNotATerminal) {
    std::ostringstream out;
    Progress progress(1, false, out);
    progress.started(job("a.ods"));
    progress.finished(job("a.ods"), Outcome{true, "", {}});
    progress.clear();
    EXPECT_TRUE(out.str().empty());
}

TEST(Progress, FitWidthCountsCharactersNotBytes) {
    EXPECT_EQ(fit_width("échéance", 8), "échéance");
    EXPECT_EQ(fit_width("échéances", 8), "échéanc…");  // 8 characters with the ellipsis
}

TEST(Summary, OneLinePerDocumentAndTotals) {
    Plan plan;
    plan.jobs = {job("in/a.ods"), job("in/b.ods"), job("in/c.ods")};
    plan.rejected = {{"in/d.ods", "fichier introuvable"}};
    RunReport report;
    report.outcomes = {Outcome{true, "", {"out/a.ods", "out/a.pdf"}}, Outcome{false, reason::password, {}},
                       std::nullopt};
    Totals totals;
    const std::string text = summary(plan, report, "interrompu", 83.4, totals);
    EXPECT_EQ(text,
              "échec  in/d.ods : fichier introuvable\n"
              "ok     in/a.ods → out/a.ods, out/a.pdf\n"
              "échec  in/b.ods : protégé par mot de passe\n"
              "échec  in/c.ods : interrompu\n"
              "4 classeurs : 1 réussi, 3 en échec (1 min 23 s).\n");
    EXPECT_EQ(totals.ok, 1u);
    EXPECT_EQ(totals.failed, 3u);
    EXPECT_EQ(duration_text(4.25), "4,2 s");
}

TEST(Summary, WhatWasLeftOutOfAReceivedWorkbookFollowsItsLine) {
    Plan plan;
    plan.jobs = {job("in/a.ods")};
    RunReport report;
    Outcome outcome{true, "", {"out/a.pdf"}};
    outcome.notes = {"image liée non chargée : « http://h/a.png »", "valeur de lien externe non mise à jour : F.B3"};
    report.outcomes = {outcome};
    Totals totals;
    EXPECT_EQ(summary(plan, report, "", 1.0, totals),
              "ok     in/a.ods → out/a.pdf\n"
              "       - image liée non chargée : « http://h/a.png »\n"
              "       - valeur de lien externe non mise à jour : F.B3\n"
              "1 classeur : 1 réussi, 0 en échec (1,0 s).\n");
}

TEST(Summary, WrittenWithCellsInErrorIsNotAPlainOk) {
    Plan plan;
    plan.jobs = {job("d/a.csv"), job("d/b.csv")};
    RunReport report;
    Outcome errors{true, "", {"out/b.ods", "out/b.xlsx"}};
    errors.errors.count = 31;
    errors.errors.per_sheet = {{"Projection", 30}, {"Synthèse", 1}};
    errors.errors.cells = {{{"Projection", 4, 5},
                            502,
                            "CPOM_PROJECT, rates = inflation_groupe_1 : la cellule n° 1 contient du texte",
                            std::nullopt},
                           {{"Synthèse", 1, 11}, 502, "", CellRef{"Projection", 8, 110}}};
    report.outcomes = {Outcome{true, "", {"out/a.ods"}}, errors};
    Totals totals;
    EXPECT_EQ(summary(plan, report, "", 2, totals),
              "ok     d/a.csv → out/a.ods\n"
              "erreur d/b.csv → out/b.ods, out/b.xlsx\n"
              "       31 cellules en erreur : Projection (30), Synthèse (1)\n"
              "       Projection.E6 Err:502 — CPOM_PROJECT, rates = inflation_groupe_1 : la cellule n° 1 contient du "
              "texte\n"
              "       Synthèse.B12 Err:502 — vient de Projection.I111\n"
              "       … et 29 autres cellules en erreur\n"
              "2 classeurs : 2 réussis, dont 1 avec des cellules en erreur, 0 en échec (2,0 s).\n");
    EXPECT_EQ(totals.ok, 2u);
    EXPECT_EQ(totals.with_errors, 1u);
    // The workbook's own verdict on its inputs comes right under the count.
    report.outcomes[1]->errors.input_check = "Hypothèses : réserves : -5 000 € hors des limites";
    EXPECT_NE(summary(plan, report, "", 2, totals)
                  .find("       31 cellules en erreur : Projection (30), Synthèse (1)\n"
                        "       contrôle du classeur : Hypothèses : réserves : -5 000 € hors des limites\n"
                        "       Projection.E6"),
              std::string::npos);
    EXPECT_EQ(status_of(report.outcomes[1]), Status::errors);
    EXPECT_EQ(status_of(std::nullopt), Status::failed);
}

TEST(Summary, ControlCharactersInFileNamesAreEscaped) {
    // A newline in a file name must not split its line of the report (or forge an "ok" line).
    Plan plan;
    plan.jobs = {job("in/a\nok     b.ods")};
    plan.rejected = {{"in/c\td.ods", "lien cassé"}};
    RunReport report;
    report.outcomes = {Outcome{true, "", {"out/a\nok     b.ods"}}};
    Totals totals;
    EXPECT_EQ(summary(plan, report, "", 1, totals),
              "échec  in/c\\td.ods : lien cassé\n"
              "ok     in/a\\nok     b.ods → out/a\\nok     b.ods\n"
              "2 classeurs : 1 réussi, 1 en échec (1,0 s).\n");
    EXPECT_EQ(printable("a\x01\x7f\r"), "a\\x01\\x7f\\r");
}

TEST(Watchdog, FiresOnlyAfterTheDelay) {
    std::atomic<int> fired{0};
    Watchdog dog([&] { ++fired; });
    dog.arm(std::chrono::milliseconds(2000));
    EXPECT_FALSE(dog.disarm());
    dog.arm(std::chrono::milliseconds(20));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_TRUE(dog.disarm());
    EXPECT_EQ(fired, 1);
    dog.arm(std::chrono::milliseconds(5000));  // destroyed while armed: no call
}

TEST(Diagnosis, BeforeLoading) {
    TempDir dir;
    EXPECT_EQ(precheck_file(dir.path() / "absent.ods"), reason::missing);
    EXPECT_EQ(precheck_file(dir.path()), reason::not_a_file);
    EXPECT_EQ(precheck_file(dir.file("vide.ods", "")), reason::empty);
    EXPECT_FALSE(precheck_file(dir.file("a.ods")).has_value());
}

TEST(Diagnosis, EncryptedExcelWorkbook) {
    TempDir dir;
    std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    ole += std::string(100, '\0');
    for (const char c : std::string("EncryptionInfo")) ole += {c, '\0'};
    EXPECT_TRUE(is_encrypted_ooxml(dir.file("p.xlsx", ole)));
    EXPECT_FALSE(is_encrypted_ooxml(dir.file("z.xlsx", "PK\x03\x04 zip")));
}

}  // namespace
