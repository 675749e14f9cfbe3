// --report: the run as JSON for batch users, and the exit code of a run whose workbooks hold formula cells in error.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cpom/cli/json_report.hpp"
#include "cpom/cli/summary.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;
using cpom::cli::test::TempDir;
using nlohmann::json;

Job job(const std::string& source) { return Job{"modele.ots", fs::path(source), source, ""}; }

// Three data files of one template: one clean, one with cells in error, one refused; a fourth never run.
struct SampleRun {
    Plan plan;
    RunReport report;
    SampleRun() {
        plan.jobs = {job("a.csv"), job("b.csv"), job("c.csv"), job("d.csv")};
        plan.rejected = {{"e.csv", "même nom de sortie que e.json"}};
        Outcome ok{true, "", {"out/a.ods", "out/a.xlsx"}};
        ok.seconds = 1.5;
        ok.notes = {"image liée non chargée : « http://h/a.png »"};
        Outcome errors{true, "", {"out/b.ods"}};
        errors.seconds = 2.25;
        errors.errors.count = 3;
        errors.errors.input_check = "Hypothèses : taux : texte";
        errors.errors.per_sheet = {{"Projection", 2}, {"Synthèse", 1}};
        errors.errors.cells = {
            {{"Projection", 4, 5}, 502, "CPOM_PROJECT, rates = x : texte", std::nullopt},
            {{"Projection", 4, 59}, 502, "CPOM_PROJECT, rates = x : texte", CellRef{"Projection", 4, 5}},
            {{"Synthèse", 1, 11}, 523, "", std::nullopt}};
        Outcome failed{false, "protégé par mot de passe", {}};
        failed.seconds = 0.25;
        report.outcomes = {ok, errors, failed, std::nullopt};
    }
};

TEST(JsonReport, EveryWorkbookWithStatusOutputsErrorsAndDuration) {
    const SampleRun run;
    const json root = json::parse(report_json(run.plan, run.report, {"9.9.9", "interrompu", 7.5, 1}));
    EXPECT_EQ(root["cpom_run"], "9.9.9");
    EXPECT_EQ(root["exit_code"], 1);
    EXPECT_EQ(root["seconds"], 7.5);
    EXPECT_EQ(root["workbooks_total"], 5);
    EXPECT_EQ(root["ok"], 1);
    EXPECT_EQ(root["with_errors"], 1);
    EXPECT_EQ(root["failed"], 3);
    const json& w = root["workbooks"];
    ASSERT_EQ(w.size(), 5u);
    EXPECT_EQ(w[0]["source"], "e.csv");  // refused before any office ran
    EXPECT_EQ(w[0]["status"], "failed");
    EXPECT_EQ(w[0]["reason"], "même nom de sortie que e.json");
    EXPECT_EQ(w[1]["status"], "ok");
    EXPECT_EQ(w[1]["data"], "a.csv");
    EXPECT_EQ(w[1]["outputs"], (json{"out/a.ods", "out/a.xlsx"}));
    EXPECT_EQ(w[1]["seconds"], 1.5);
    EXPECT_EQ(w[1]["error_count"], 0);
    EXPECT_TRUE(w[1]["reason"].is_null());
    EXPECT_EQ(w[1]["notes"], (json{"image liée non chargée : « http://h/a.png »"}));  // taken out of a received file
    EXPECT_TRUE(w[0]["notes"].empty());

    EXPECT_EQ(w[2]["status"], "errors");
    EXPECT_EQ(w[2]["error_count"], 3);
    EXPECT_EQ(w[2]["errors_by_sheet"], (json{{"Projection", 2}, {"Synthèse", 1}}));
    ASSERT_EQ(w[2]["error_cells"].size(), 3u);
    EXPECT_EQ(w[2]["error_cells"][0], (json{{"sheet", "Projection"},
                                            {"cell", "E6"},
                                            {"error", "Err:502"},
                                            {"xlsx", "#VALUE!"},
                                            {"reason", "CPOM_PROJECT, rates = x : texte"},
                                            {"cause", nullptr}}));
    EXPECT_EQ(w[2]["error_cells"][1]["cause"], "Projection.E6");
    EXPECT_EQ(w[2]["input_check"], "Hypothèses : taux : texte");
    EXPECT_TRUE(w[1]["input_check"].is_null());
    EXPECT_EQ(w[2]["error_cells"][2]["xlsx"], "#NUM!");

    EXPECT_EQ(w[3]["status"], "failed");
    EXPECT_EQ(w[3]["reason"], "protégé par mot de passe");
    EXPECT_TRUE(w[3]["outputs"].empty());
    EXPECT_EQ(w[4]["reason"], "interrompu");  // never ran
    EXPECT_TRUE(w[4]["seconds"].is_null());
}

TEST(JsonReport, NamesThatAreNotUtf8DoNotBreakIt) {
    Plan plan;
    plan.jobs = {job("caf\xe9.csv")};  // Latin-1 bytes in a file name
    RunReport report;
    report.outcomes = {Outcome{true, "", {"out/caf\xe9.ods"}}};
    EXPECT_NO_THROW(json::parse(report_json(plan, report, {"1", "", 0, 0})));
}

TEST(JsonReport, WrittenWholeOrNotAtAll) {
    TempDir dir;
    const fs::path path = dir.path() / "rapport.json";
    write_report(path, "{\"a\": 1}\n");
    std::ifstream in(path);
    EXPECT_EQ(json::parse(in)["a"], 1);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);  // no temporary left
    EXPECT_THROW(write_report(dir.path() / "absent" / "r.json", "{}"), std::system_error);
}

TEST(ExitCode, ErrorsHaveTheirOwnCodeUnlessAllowed) {
    EXPECT_EQ(exit_code_of(Totals{3, 0, 0}, false), exit_code::done);
    EXPECT_EQ(exit_code_of(Totals{3, 0, 1}, false), exit_code::cell_errors);
    EXPECT_EQ(exit_code::cell_errors, 4);
    EXPECT_EQ(exit_code_of(Totals{3, 0, 1}, true), exit_code::done);
    EXPECT_EQ(exit_code_of(Totals{3, 1, 1}, false), exit_code::failed);  // a failure says more
    EXPECT_EQ(exit_code_of(Totals{3, 1, 0}, true), exit_code::failed);
}

}  // namespace
