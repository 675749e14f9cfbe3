// Finding the CPOM_ calls of a formula in its tokens, and wording CPOM_CHECK's answer with the formula's own
// argument (the named range the user filled, rather than the function's internal argument name).
#include <gtest/gtest.h>

#include "cpom/cli/addin_calls.hpp"

namespace {

using namespace cpom::cli;

const std::string k_prefix = "org.cpom.calc.Functions.";

TokenInfo fn(const std::string& name) { return {TokenKind::other, name}; }
TokenInfo other() { return {}; }
TokenInfo open() { return {TokenKind::open, ""}; }
TokenInfo close() { return {TokenKind::close, ""}; }
TokenInfo sep() { return {TokenKind::separator, ""}; }

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

TEST(AddinCalls, ArgumentsOfOneCall) {
    // CPOM_PROJECT(charges; rates; 5)
    const std::vector<TokenInfo> tokens = {
        fn(k_prefix + "cpomProject"), open(), other(), sep(), other(), sep(), other(), close()};
    const auto calls = addin_calls(tokens, k_prefix);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].function, k_prefix + "cpomProject");
    EXPECT_EQ(calls[0].name, 0u);
    EXPECT_EQ(calls[0].close, 7u);
    EXPECT_EQ(calls[0].arguments, (Spans{{2, 3}, {4, 5}, {6, 7}}));
}

TEST(AddinCalls, NestedCallsInnermostFirstOthersIgnored) {
    // IF(AND(B6>0;B12>0); CPOM_RISK(B6; CPOM_CAGR(B6:G6) * (1+x)); "—")
    const std::vector<TokenInfo> tokens = {fn(""),
                                           open(),  // 0 IF (
                                           fn(""),
                                           open(),
                                           other(),
                                           sep(),
                                           other(),
                                           close(),
                                           sep(),  // 2 AND(...) ;
                                           fn(k_prefix + "cpomRisk"),
                                           open(),
                                           other(),
                                           sep(),  // 9 CPOM_RISK( B6 ;
                                           fn(k_prefix + "cpomCagr"),
                                           open(),
                                           other(),
                                           close(),  // 13 CPOM_CAGR( B6:G6 )
                                           other(),
                                           open(),
                                           other(),
                                           other(),
                                           other(),
                                           close(),  // 17 * ( 1 + x )
                                           close(),
                                           sep(),
                                           other(),
                                           close()};  // 23 ) ; "—" )
    const auto calls = addin_calls(tokens, k_prefix);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].function, k_prefix + "cpomCagr");
    EXPECT_EQ(calls[0].arguments, (Spans{{15, 16}}));
    EXPECT_EQ(calls[1].function, k_prefix + "cpomRisk");
    EXPECT_EQ(calls[1].arguments, (Spans{{11, 12}, {13, 23}}));  // the second argument: CPOM_CAGR(...)*(1+x)
}

TEST(AddinCalls, OmittedArgumentsAndNoArgument) {
    // CPOM_PROJECT(a;b;5;;c)  and  CPOM_VERSION()
    const std::vector<TokenInfo> tokens = {
        fn(k_prefix + "cpomProject"), open(), other(), sep(), other(), sep(), other(), sep(), sep(), other(), close(),
        fn(k_prefix + "cpomVersion"), open(), close()};
    const auto calls = addin_calls(tokens, k_prefix);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].arguments, (Spans{{2, 3}, {4, 5}, {6, 7}, {8, 8}, {9, 10}}));
    EXPECT_TRUE(calls[1].arguments.empty());
}

TEST(AddinCalls, UnbalancedTokensStopTheSearch) {
    const std::vector<TokenInfo> tokens = {fn(k_prefix + "cpomGap"), open(), other(), close(), close(),
                                           fn(k_prefix + "cpomGap"), open(), other()};
    const auto calls = addin_calls(tokens, k_prefix);
    ASSERT_EQ(calls.size(), 1u);  // the complete one
    EXPECT_TRUE(addin_calls({fn(k_prefix + "cpomGap")}, k_prefix).empty());
}

TEST(AddinCalls, CheckAnswerNamesTheFormulasArgument) {
    const std::vector<std::vector<std::string>> names = {{"base", "base"}, {"taux", "rates"}, {"années", "years"}};
    const std::vector<std::string> texts = {"charges_groupe_1", "inflation_groupe_1", "5"};
    EXPECT_EQ(describe_check("CPOM_PROJECT", "rates : la cellule n° 1 contient du texte (« 2,4 pc »)", names, texts),
              "CPOM_PROJECT, rates = inflation_groupe_1 : la cellule n° 1 contient du texte (« 2,4 pc »)");
    // The French office's name of the argument (issue 18 §3).
    EXPECT_EQ(describe_check("CPOM_PROJECT", "taux : la cellule n° 1 contient du texte (« 2,4 pc »)", names, texts),
              "CPOM_PROJECT, taux = inflation_groupe_1 : la cellule n° 1 contient du texte (« 2,4 pc »)");
    // A reason about no argument in particular, or an argument the call does not pass.
    EXPECT_EQ(describe_check("CPOM_PROJECT", "résultat : le calcul ne donne pas un nombre fini", names, texts),
              "CPOM_PROJECT : résultat : le calcul ne donne pas un nombre fini");
    EXPECT_EQ(describe_check("CPOM_PROJECT", "years : doit être un entier", names, {"a", "b"}),
              "CPOM_PROJECT : years : doit être un entier");
    EXPECT_EQ(describe_check("CPOM_X", "pas de solution", {}, {}), "CPOM_X : pas de solution");
}

TEST(AddinCalls, ReadableReferences) {
    EXPECT_EQ(readable_formula("$Projection.$E$69:$Projection.$I$74"), "Projection.E69:I74");
    EXPECT_EQ(readable_formula("$Projection.$D$87"), "Projection.D87");
    EXPECT_EQ(readable_formula("$'Comptes clés'.$A$1:$'Comptes clés'.$B$2"), "'Comptes clés'.A1:B2");
    EXPECT_EQ(readable_formula("$A.$C$12:$G.$G$15+1"), "A.C12:G.G15+1");  // two sheets: both kept
    EXPECT_EQ(readable_formula("\"$5\"&$A.$B$1"), "\"$5\"&A.B1");         // a text keeps its $
    EXPECT_EQ(readable_formula("taux_absenteisme*{1;1}"), "taux_absenteisme*{1;1}");
}

}  // namespace
