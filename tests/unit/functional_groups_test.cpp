// Functional groups (cpom/functional_groups.hpp): the default table (docs/domain.md#group-table), user tables, signs.
#include <gtest/gtest.h>

#include <random>

#include "cpom/error.hpp"
#include "cpom/functional_groups.hpp"
#include "cpom/selector.hpp"

namespace {

using cpom::AccountCell;
using cpom::ArgumentError;
using cpom::Group;
using cpom::GroupMapping;
using cpom::MappingRow;
using cpom::Role;
using cpom::TrialBalance;

Group standard_group(std::string_view account) {
    const Group* g = GroupMapping::standard().group_of(account);
    if (g == nullptr) throw std::runtime_error("no group for " + std::string(account));
    return *g;
}

TEST(StandardMapping, EveryAccountOfClasses6And7HasAGroup) {
    for (int prefix = 60; prefix <= 79; ++prefix) {
        EXPECT_NE(GroupMapping::standard().group_of(std::to_string(prefix) + "1"), nullptr) << prefix;
    }
    EXPECT_EQ(GroupMapping::standard().group_of("6"), nullptr);  // a class total is not an account
}

TEST(StandardMapping, FollowsTheGroupTableOfTheDomainReference) {
    // Charges G I: 60 (incl. 603), 611, 624, 625, 626, 628.
    for (const char* a : {"60611", "6031", "6111", "6112", "6241", "6251", "6261", "6281"}) {
        EXPECT_EQ(standard_group(a), Group::C1) << a;
    }
    // G II: 621, 622, 631, 633, 64.
    for (const char* a : {"6211", "6226", "6311", "6331", "6411", "6451", "6471"}) {
        EXPECT_EQ(standard_group(a), Group::C2) << a;
    }
    // G III: 612–618, 623, 627, 635, 637, 65 (655 frais de siège), 66, 67, 68.
    for (const char* a : {"6122", "6132", "6152", "6161", "6181", "6231", "6270", "6351", "6371", "6556", "6611",
                          "6712", "6811", "675"}) {
        EXPECT_EQ(standard_group(a), Group::C3) << a;
    }
    // Products G I: 73; G II: 70, 71, 72, 74, 75 and the atténuations de charges 6x9; G III: 76–79.
    EXPECT_EQ(standard_group("73111"), Group::P1);
    for (const char* a : {"7061", "709", "7133", "721", "7411", "752", "6419", "609", "6191", "629", "6459", "6439",
                          "6469", "6479", "6489"}) {
        EXPECT_EQ(standard_group(a), Group::P2) << a;
    }
    for (const char* a : {"761", "775", "7781", "781", "791"}) EXPECT_EQ(standard_group(a), Group::P3) << a;
}

TEST(GroupTotals, HeliosResultExample) {
    // docs/domain.md#example-helios-result: DepG1 −100, DepG2 −200, DepG3 −300, RecG1 150, RecG2 150, RecG3 350 →
    // Résultat = 50. One account per group, charges and products entered positive.
    const std::vector<AccountCell> accounts{std::string_view("60611"), std::string_view("6411"),
                                            std::string_view("6811"),  std::string_view("73111"),
                                            std::string_view("7061"),  std::string_view("7781")};
    const std::vector<std::optional<double>> amounts{100.0, 200.0, 300.0, 150.0, 150.0, 350.0};
    const TrialBalance b = TrialBalance::read(accounts, amounts);
    const auto t = cpom::group_totals(b, GroupMapping::standard());
    EXPECT_DOUBLE_EQ(t[0], 100);
    EXPECT_DOUBLE_EQ(t[1], 200);
    EXPECT_DOUBLE_EQ(t[2], 300);
    EXPECT_DOUBLE_EQ(t[3], 150);
    EXPECT_DOUBLE_EQ(t[4], 150);
    EXPECT_DOUBLE_EQ(t[5], 350);
    EXPECT_DOUBLE_EQ(t[3] + t[4] + t[5] - t[0] - t[1] - t[2], 50);
}

TEST(GroupTotals, AttenuationsDeChargesCountAsProducts) {
    // 6419 remboursements reçus: a credit of 12 000 in class 6, entered −12 000 → +12 000 in P2; 7411 adds 8 000.
    const std::vector<AccountCell> accounts{std::string_view("6411"), std::string_view("6419"),
                                            std::string_view("7411")};
    const std::vector<std::optional<double>> amounts{300000.0, -12000.0, 8000.0};
    const TrialBalance b = TrialBalance::read(accounts, amounts);
    EXPECT_DOUBLE_EQ(cpom::group_total(b, Group::P2, GroupMapping::standard()), 20000);
    EXPECT_DOUBLE_EQ(cpom::group_total(b, Group::C2, GroupMapping::standard()), 300000);
}

TEST(GroupTotals, OtherClassesAreIgnoredUnmappedClass6Or7IsAnError) {
    const std::vector<AccountCell> accounts{std::string_view("512"), std::string_view("6411"), std::string_view("6")};
    const std::vector<std::optional<double>> amounts{1e6, 100.0, 100.0};
    const TrialBalance b = TrialBalance::read(accounts, amounts);
    try {
        cpom::group_total(b, Group::C2, GroupMapping::standard());
        FAIL() << "a class total line was grouped";
    } catch (const ArgumentError& e) {
        EXPECT_EQ(role_name(e.role()), "accounts");
        EXPECT_EQ(e.reason().rfind("ligne 3 : le compte 6 ", 0), 0u) << e.reason();
    }
}

TEST(GroupTotals, ResultIdentityHoldsOverRandomBalances) {
    // Property: P1 + P2 + P3 − (C1 + C2 + C3) = Σ7 − Σ6 for any balance of classes 6–7 and the standard table.
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> account(6000, 7999);
    std::uniform_real_distribution<double> amount(-5000, 100000);
    const cpom::Selector charges = cpom::Selector::parse("6"), products = cpom::Selector::parse("7");
    for (int trial = 0; trial < 50; ++trial) {
        std::vector<std::string> texts(200);
        std::vector<AccountCell> accounts;
        std::vector<std::optional<double>> amounts;
        for (auto& text : texts) {
            text = std::to_string(account(rng));
            accounts.emplace_back(std::string_view(text));
            amounts.emplace_back(amount(rng));
        }
        const TrialBalance b = TrialBalance::read(accounts, amounts);
        const auto t = cpom::group_totals(b, GroupMapping::standard());
        const double result = cpom::sum_selected(b, products) - cpom::sum_selected(b, charges);
        EXPECT_NEAR(t[3] + t[4] + t[5] - t[0] - t[1] - t[2], result, 1e-6 * (1 + std::abs(result)));
    }
}

TEST(UserMapping, ReplacesTheDefaultLongestPrefixWins) {
    const std::vector<MappingRow> rows{{60.0, std::string_view("C1")},
                                       {std::string_view(" 611 "), std::string_view("c2")},
                                       {std::monostate{}, std::monostate{}},  // blank row: skipped
                                       {64.0, std::string_view("C2")},
                                       {std::string_view("73"), std::string_view("P1")}};
    const GroupMapping m = GroupMapping::from_rows(rows);
    EXPECT_EQ(m.size(), 4u);
    EXPECT_EQ(*m.group_of("6111"), Group::C2);
    EXPECT_EQ(*m.group_of("6061"), Group::C1);
    EXPECT_EQ(m.group_of("7061"), nullptr);
}

TEST(UserMapping, BadTablesAreErrorsNamingTheLine) {
    auto reason = [](std::vector<MappingRow> rows) {
        try {
            GroupMapping::from_rows(rows);
        } catch (const ArgumentError& e) {
            EXPECT_EQ(role_name(e.role()), "mapping");
            return e.reason();
        }
        return std::string("accepted");
    };
    using SV = std::string_view;
    EXPECT_NE(reason({{60.0, SV("C1")}, {SV("60"), SV("C2")}}).find("ligne 2 : le préfixe 60 figure déjà"),
              std::string::npos);
    EXPECT_NE(reason({{SV("6x"), SV("C1")}}).find("« 6x » n'est pas un préfixe"), std::string::npos);
    EXPECT_NE(reason({{SV("411-ASSO"), SV("C1")}}).find("n'est pas un préfixe"), std::string::npos);
    EXPECT_NE(reason({{411.0, SV("C1")}}).find("charges (6) ou de produits (7)"), std::string::npos);
    EXPECT_NE(reason({{60.0, SV("G1")}}).find("C1, C2, C3, P1, P2, P3"), std::string::npos);
    EXPECT_NE(reason({{60.0, 1.0}}).find("un texte"), std::string::npos);
    EXPECT_NE(reason({{60.0, std::monostate{}}}).find("groupe manquant"), std::string::npos);
    EXPECT_NE(reason({{std::monostate{}, SV("C1")}}).find("préfixe de compte manquant"), std::string::npos);
    EXPECT_NE(reason({{60.5, SV("C1")}}).find("décimales"), std::string::npos);
    EXPECT_NE(reason({}).find("vide"), std::string::npos);
}

TEST(ParseGroup, CaseInsensitiveAndListsTheValidNames) {
    EXPECT_EQ(cpom::parse_group(" p3 "), Group::P3);
    try {
        cpom::parse_group("G2");
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_EQ(e.reason(), "« G2 » inconnu, valeurs possibles : C1, C2, C3, P1, P2, P3");
    }
}

TEST(CsvTable, ParsesPrefixGroupCommentWithCommentsAndHeader) {
    const GroupMapping m =
        GroupMapping::from_csv("# note\nprefix,group,comment\n60,C1,Achats, et stocks\n\n73,P1\n", Role::mapping);
    EXPECT_EQ(m.size(), 2u);
    EXPECT_EQ(*m.group_of("73111"), Group::P1);
    EXPECT_THROW(GroupMapping::from_csv("prefix,group\n60;C1\n", Role::mapping), ArgumentError);
}

}  // namespace
