// Outputs of a run: never two documents' results under one name (case aside, CSV names of sheets included), each
// document's outputs committed all or none, after every check.
#include <gtest/gtest.h>

#include <fstream>

#include "cpom/cli/delivery.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;
using cpom::cli::test::TempDir;

std::string content(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> hidden(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().front() == '.') names.push_back(entry.path().filename().string());
    return names;
}

Plan plan_of(const std::vector<std::string>& stems) {
    Plan plan;
    for (const std::string& stem : stems)
        plan.jobs.push_back(Job{"in/" + stem + ".ods", std::nullopt, "in/" + stem + ".ods", stem, plan.jobs.size()});
    return plan;
}

// What an office export leaves: the outputs in their hidden temporaries, not yet at their names.
std::vector<PendingOutput> outputs(const TempDir& dir, const std::vector<std::string>& names) {
    std::vector<PendingOutput> out;
    for (const std::string& name : names) {
        PendingOutput& output = out.emplace_back(dir.path() / "out" / name);
        output.take(dir.file("scratch/" + name, "nouveau " + name));
    }
    return out;
}

TEST(CollisionKey, CaseOfAsciiAndFrenchLetters) {
    EXPECT_EQ(collision_key("Rep-A.CSV"), "rep-a.csv");
    EXPECT_EQ(collision_key("ÉTÉ Œuvre Ÿ.ods"), "été œuvre ÿ.ods");
    EXPECT_EQ(collision_key("a×b"), "a×b");  // × has no case
}

TEST(Delivery, CsvOfASheetMeetsAnotherDocument) {
    // Issue 13: rep.ods (sheets A and B) next to rep-A.ods with --format csv. Both wrote rep-A.csv: the second
    // silently replaced the first, and both were reported ok.
    TempDir dir;
    fs::create_directories(dir.path() / "out");
    const Plan plan = plan_of({"rep", "rep-A", "autre"});
    Delivery delivery(plan, true);
    const Outcome rep = delivery.deliver(plan.jobs[0], Outcome{true, "", {}}, outputs(dir, {"rep-A.csv", "rep-B.csv"}));
    EXPECT_TRUE(rep.ok);  // provisional: held until rep-A is computed
    EXPECT_FALSE(fs::exists(dir.path() / "out" / "rep-A.csv"));
    const Outcome rep_a = delivery.deliver(plan.jobs[1], Outcome{true, "", {}}, outputs(dir, {"rep-a.csv"}));
    EXPECT_FALSE(rep_a.ok);
    EXPECT_EQ(rep_a.reason, "même nom de sortie que in/rep.ods : rep-a.csv (les deux classeurs sont écartés)");
    const Outcome other = delivery.deliver(plan.jobs[2], Outcome{true, "", {}}, outputs(dir, {"autre.csv"}));
    EXPECT_TRUE(other.ok);  // no name of its own can meet another: written at once
    EXPECT_EQ(content(dir.path() / "out" / "autre.csv"), "nouveau autre.csv");

    RunReport report;
    report.outcomes = {rep, rep_a, other};
    delivery.finish(report, false);
    EXPECT_FALSE(report.outcomes[0]->ok);
    EXPECT_EQ(report.outcomes[0]->reason,
              "même nom de sortie que in/rep-A.ods : rep-A.csv (les deux classeurs sont écartés)");
    EXPECT_FALSE(report.outcomes[1]->ok);
    EXPECT_TRUE(report.outcomes[2]->ok);
    EXPECT_FALSE(fs::exists(dir.path() / "out" / "rep-A.csv"));
    EXPECT_FALSE(fs::exists(dir.path() / "out" / "rep-B.csv"));  // a document's outputs: all or none
    EXPECT_TRUE(hidden(dir.path() / "out").empty());
}

TEST(Delivery, NeighboursThatDoNotMeetAreWritten) {
    TempDir dir;
    fs::create_directories(dir.path() / "out");
    const Plan plan = plan_of({"rep", "rep-A"});
    Delivery delivery(plan, true);
    RunReport report;
    report.outcomes.resize(2);
    report.outcomes[1] =
        delivery.deliver(plan.jobs[1], Outcome{true, "", {}}, outputs(dir, {"rep-A-X.csv", "rep-A-Y.csv"}));
    report.outcomes[0] = delivery.deliver(plan.jobs[0], Outcome{true, "", {}}, outputs(dir, {"rep-B.csv"}));
    delivery.finish(report, false);
    EXPECT_TRUE(report.outcomes[0]->ok);
    EXPECT_TRUE(report.outcomes[1]->ok);
    EXPECT_EQ(report.outcomes[1]->written.size(), 2u);
    EXPECT_EQ(content(dir.path() / "out" / "rep-A-Y.csv"), "nouveau rep-A-Y.csv");
    EXPECT_EQ(content(dir.path() / "out" / "rep-B.csv"), "nouveau rep-B.csv");
}

TEST(Delivery, HeldDocumentsAtTheEndOfTheRun) {
    for (const bool interrupted : {false, true}) {
        TempDir dir;
        fs::create_directories(dir.path() / "out");
        const Plan plan = plan_of({"rep", "rep-A"});
        Delivery delivery(plan, true);
        RunReport report;
        report.outcomes.resize(2);
        report.outcomes[0] = delivery.deliver(plan.jobs[0], Outcome{true, "", {}}, outputs(dir, {"rep-X.csv"}));
        delivery.finish(report, interrupted);  // rep-A never ran
        EXPECT_EQ(report.outcomes[0]->ok, !interrupted);
        EXPECT_EQ(fs::exists(dir.path() / "out" / "rep-X.csv"), !interrupted);
        if (interrupted) {
            EXPECT_EQ(report.outcomes[0]->reason, "interrompu");
        }
        EXPECT_FALSE(report.outcomes[1].has_value());
        EXPECT_TRUE(hidden(dir.path() / "out").empty());
    }
}

TEST(Delivery, FailedDocumentWritesNothing) {
    TempDir dir;
    const auto old = dir.file("out/a.ods", "ancien");
    const Plan plan = plan_of({"a"});
    Delivery delivery(plan, false);
    // The deadline passed after the exports: the outputs are dropped, never half committed.
    const Outcome outcome =
        delivery.deliver(plan.jobs[0], Outcome{false, "délai dépassé (5 s)", {}}, outputs(dir, {"a.ods", "a.pdf"}));
    EXPECT_EQ(outcome.reason, "délai dépassé (5 s)");
    EXPECT_EQ(content(old), "ancien");
    EXPECT_FALSE(fs::exists(dir.path() / "out" / "a.pdf"));
    EXPECT_TRUE(hidden(dir.path() / "out").empty());
}

TEST(Delivery, ADocumentsOwnOutputsMayNotShareAName) {
    TempDir dir;
    fs::create_directories(dir.path() / "out");
    const Plan plan = plan_of({"two"});
    Delivery delivery(plan, true);
    const Outcome outcome = delivery.deliver(plan.jobs[0], Outcome{true, "", {}},
                                             outputs(dir, {"two-Budget_2026.csv", "two-budget_2026.csv"}));
    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.reason, "deux résultats du classeur auraient le même nom : two-budget_2026.csv");
    EXPECT_TRUE(fs::is_empty(dir.path() / "out"));
}

TEST(Delivery, FolderInTheWayFailsTheDocumentBeforeAnyChange) {
    // Issue 13: a folder named ws01.pdf in --out. ws01.ods was already replaced and ws01.xlsx stayed old.
    TempDir dir;
    const auto ods = dir.file("out/ws01.ods", "ancien ods"), xlsx = dir.file("out/ws01.xlsx", "ancien xlsx");
    fs::create_directories(dir.path() / "out" / "ws01.pdf");
    const Plan plan = plan_of({"ws01"});
    Delivery delivery(plan, false);
    const Outcome outcome =
        delivery.deliver(plan.jobs[0], Outcome{true, "", {}}, outputs(dir, {"ws01.ods", "ws01.pdf", "ws01.xlsx"}));
    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.reason,
              "un dossier porte déjà le nom du résultat : " + (dir.path() / "out" / "ws01.pdf").string());
    EXPECT_EQ(content(ods), "ancien ods");
    EXPECT_EQ(content(xlsx), "ancien xlsx");
    EXPECT_TRUE(hidden(dir.path() / "out").empty());
}

}  // namespace

namespace {

// What the office found (cells in error, what was taken out of a received workbook) survives the delivery, whether
// the document is written at once or held until its neighbours are computed.
TEST(Delivery, KeepsWhatTheOfficeFound) {
    TempDir dir;
    fs::create_directories(dir.path() / "out");
    const Plan plan = plan_of({"rep", "rep-A", "seul"});
    Delivery delivery(plan, true);
    Outcome computed{true, "", {}};
    computed.errors.count = 2;
    computed.errors.input_check = "Hypothèses : taux : texte";
    computed.notes = {"image liée non chargée : « http://h/a.png »"};
    const Outcome alone = delivery.deliver(plan.jobs[2], computed, outputs(dir, {"seul.ods"}));
    EXPECT_EQ(alone.errors.count, 2u);
    EXPECT_EQ(alone.errors.input_check, "Hypothèses : taux : texte");
    EXPECT_EQ(alone.notes, computed.notes);
    EXPECT_EQ(alone.written, std::vector<fs::path>{dir.path() / "out" / "seul.ods"});

    RunReport report;
    report.outcomes.resize(3);
    report.outcomes[0] = delivery.deliver(plan.jobs[0], computed, outputs(dir, {"rep-B.csv"}));  // held
    report.outcomes[1] = delivery.deliver(plan.jobs[1], Outcome{true, "", {}}, outputs(dir, {"rep-A-X.csv"}));
    delivery.finish(report, false);
    ASSERT_TRUE(report.outcomes[0]->ok);
    EXPECT_EQ(report.outcomes[0]->errors.count, 2u);
    EXPECT_EQ(report.outcomes[0]->notes, computed.notes);
}

}  // namespace
