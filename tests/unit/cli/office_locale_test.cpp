// The offices compute in French whatever the environment's LC_CTYPE (see office_locale.hpp).
#include <gtest/gtest.h>

#include <fstream>

#include "cpom/cli/office_locale.hpp"
#include "temp_dir.hpp"

namespace {

using namespace cpom::cli;

const char* k_setting =
    R"(<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>)";

TEST(OfficeLocale, NewProfile) {
    const std::string xcu = with_locale_setting("", "fr-FR");
    EXPECT_NE(xcu.find("<oor:items "), std::string::npos);
    EXPECT_NE(xcu.find(k_setting), std::string::npos);
    EXPECT_EQ(xcu.substr(xcu.size() - 13), "</oor:items>\n");
}

TEST(OfficeLocale, ReplacesAnEarlierSettingAndKeepsTheRest) {
    const std::string before =
        "<oor:items>\n<item oor:path=\"/org.openoffice.Office.Calc\"><prop "
        "oor:name=\"X\"><value>1</value></prop></item>\n"
        "<item oor:path=\"/org.openoffice.Setup/L10N\"><prop oor:name=\"ooSetupSystemLocale\" oor:op=\"fuse\">"
        "<value>en-US</value></prop></item>\n</oor:items>\n";
    const std::string after = with_locale_setting(before, "fr-FR");
    EXPECT_EQ(after.find("en-US"), std::string::npos);
    EXPECT_NE(after.find("org.openoffice.Office.Calc"), std::string::npos);
    EXPECT_NE(after.find(k_setting), std::string::npos);
    EXPECT_EQ(with_locale_setting(after, "fr-FR"), after);  // idempotent
}

TEST(OfficeLocale, WrittenIntoTheProfile) {
    cpom::cli::test::TempDir dir;
    write_locale_setting(dir.path() / "profile", "fr-FR");
    std::ifstream in(dir.path() / "profile" / "user" / "registrymodifications.xcu");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(text.find(k_setting), std::string::npos);
}

}  // namespace
