// From files and folders to jobs: hidden and lock files skipped, outputs never replacing an input, no two
// documents writing the same output.
#include <gtest/gtest.h>

#include "cpom/cli/jobs.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;
using cpom::cli::test::TempDir;

Options options_for(std::vector<fs::path> inputs, const fs::path& out) {
    Options o;
    o.inputs = std::move(inputs);
    o.out_dir = out;
    o.formats = {Format::ods, Format::pdf};
    return o;
}

std::vector<std::string> stems(const Plan& plan) {
    std::vector<std::string> out;
    for (const Job& job : plan.jobs) out.push_back(job.stem);
    return out;
}

TEST(Jobs, FolderGivesEveryVisibleFileSorted) {
    TempDir dir;
    dir.file("in/b.ods"), dir.file("in/a.xlsx"), dir.file("in/notes.txt"), dir.file("in/.cache"),
        dir.file("in/~$a.xlsx"), dir.file("in/sous/c.ods");
    const Plan plan = plan_jobs(options_for({dir.path() / "in"}, dir.path() / "out"));
    EXPECT_EQ(stems(plan), (std::vector<std::string>{"a", "b", "notes"}));  // not recursive, no hidden/lock files
    EXPECT_TRUE(plan.rejected.empty());
    EXPECT_EQ(plan.jobs[0].document, plan.jobs[0].source);
    EXPECT_FALSE(plan.jobs[0].data.has_value());
}

TEST(Jobs, MissingFileIsRejectedOthersGoOn) {
    TempDir dir;
    const auto a = dir.file("a.ods");
    const Plan plan = plan_jobs(options_for({a, dir.path() / "absent.ods", a}, dir.path() / "out"));
    EXPECT_EQ(stems(plan), std::vector<std::string>{"a"});  // given twice, computed once
    ASSERT_EQ(plan.rejected.size(), 1u);
    EXPECT_EQ(plan.rejected[0].reason, "fichier introuvable");
}

TEST(Jobs, NeverOverwritesAnInput) {
    TempDir dir;
    const auto a = dir.file("a.ods");
    dir.file("b.xlsx");
    const Plan plan = plan_jobs(options_for({dir.path()}, dir.path()));  // output folder = input folder
    EXPECT_EQ(stems(plan), std::vector<std::string>{"b"});
    ASSERT_EQ(plan.rejected.size(), 1u);
    EXPECT_EQ(plan.rejected[0].reason, "la sortie écraserait un fichier d'entrée : " + (dir.path() / "a.ods").string());
    EXPECT_TRUE(plan.is_input(dir.path() / "." / "a.ods"));
    EXPECT_FALSE(plan.is_input(dir.path() / "b.ods"));
}

TEST(Jobs, TheExtractedDataFileNeverOverwritesAnInput) {
    // --extract writes <stem>.json: with --template and the output folder = the data files' folder, a data file
    // a.json would be replaced by a.ods's extract.
    TempDir dir;
    const auto model = dir.file("modele.ots");
    dir.file("a.json");
    Options o = options_for({dir.path() / "a.json"}, dir.path());
    o.template_file = model;
    o.formats = {Format::pdf};
    EXPECT_TRUE(plan_jobs(o).rejected.empty());
    o.extract = {"pgfp_*"};
    const Plan plan = plan_jobs(o);
    ASSERT_EQ(plan.rejected.size(), 1u);
    EXPECT_EQ(plan.rejected[0].reason,
              "la sortie écraserait un fichier d'entrée : " + (dir.path() / "a.json").string());
}

TEST(Jobs, TwoDocumentsWithTheSameOutputName) {
    // "Rep.ods" and "rep.xlsx" would both write rep.ods on a Windows share or a USB key: both fail, naming each other.
    TempDir dir;
    const auto upper = dir.file("in/Rep.ods"), lower = dir.file("in/rep.xlsx");
    dir.file("in/autre.ods");
    const Plan plan = plan_jobs(options_for({dir.path() / "in"}, dir.path() / "out"));
    EXPECT_EQ(stems(plan), std::vector<std::string>{"autre"});
    ASSERT_EQ(plan.rejected.size(), 2u);
    EXPECT_EQ(plan.rejected[0].source, upper);
    EXPECT_EQ(plan.rejected[0].reason,
              "même nom de sortie que " + lower.string() + " (les deux classeurs sont écartés)");
    EXPECT_EQ(plan.rejected[1].reason,
              "même nom de sortie que " + upper.string() + " (les deux classeurs sont écartés)");
    EXPECT_EQ(plan.jobs[0].index, 0u);
}

TEST(Jobs, InputsAreComparedWithoutRegardToCase) {
    TempDir dir;
    dir.file("A.ods");
    const Plan plan = plan_jobs(options_for({dir.path() / "A.ods"}, dir.path()));
    EXPECT_TRUE(plan.is_input(dir.path() / "a.ods"));
}

TEST(Jobs, BrokenLinksInAFolderAreFailures) {
    TempDir dir;
    dir.file("in/a.ods");
    fs::create_symlink(dir.path() / "parti.ods", dir.path() / "in" / "casse.ods");   // leads nowhere
    fs::create_symlink(dir.path() / "in" / "b2.ods", dir.path() / "in" / "b1.ods");  // b1 → b2 → b1
    fs::create_symlink(dir.path() / "in" / "b1.ods", dir.path() / "in" / "b2.ods");
    fs::create_symlink(dir.file("ailleurs.ods"), dir.path() / "in" / "lien.ods");  // a good link is a document
    const Plan plan = plan_jobs(options_for({dir.path() / "in"}, dir.path() / "out"));
    EXPECT_EQ(stems(plan), (std::vector<std::string>{"a", "lien"}));
    ASSERT_EQ(plan.rejected.size(), 3u);
    EXPECT_EQ(plan.rejected[0].source.filename(), "b1.ods");
    EXPECT_EQ(plan.rejected[0].reason, "boucle de liens");
    EXPECT_EQ(plan.rejected[1].reason, "boucle de liens");
    EXPECT_EQ(plan.rejected[2].source.filename(), "casse.ods");
    EXPECT_EQ(plan.rejected[2].reason, "lien cassé");
}

TEST(Jobs, TemplateModeTakesDataFiles) {
    TempDir dir;
    const auto model = dir.file("in/modele.ots");
    dir.file("in/etab-1.csv"), dir.file("in/etab-2.JSON"), dir.file("in/lisez-moi.txt");
    Options o = options_for({dir.path() / "in"}, dir.path() / "out");
    o.template_file = model;
    const Plan plan = plan_jobs(o);
    EXPECT_EQ(stems(plan), (std::vector<std::string>{"etab-1", "etab-2"}));
    EXPECT_EQ(plan.jobs[1].document, model);
    EXPECT_EQ(*plan.jobs[1].data, dir.path() / "in" / "etab-2.JSON");
}

TEST(Jobs, DataFileInTheFolderIsNotADocument) {
    TempDir dir;
    dir.file("in/a.ods");
    const auto data = dir.file("in/donnees.csv");
    Options o = options_for({dir.path() / "in"}, dir.path() / "out");
    o.data_file = data;
    const Plan plan = plan_jobs(o);
    EXPECT_EQ(stems(plan), std::vector<std::string>{"a"});
    EXPECT_EQ(*plan.jobs[0].data, data);
}

}  // namespace
