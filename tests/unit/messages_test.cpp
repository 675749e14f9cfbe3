// Every error message of every function names one of that function's own arguments, as the Function Wizard of the
// user's language shows it (issues 17 and 18): fuzz/message_check.hpp says what a right message is; this test feeds
// it the calls of the fuzz corpus, the documented examples, and each example with each of its arguments replaced
// by a hostile value (text, blank, zero, negative, huge, NaN, a wrong shape), in French and in English.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "call_decoder.hpp"
#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "message_check.hpp"

namespace {

using namespace cpom::calls;
using cpom::fuzz::Call;

std::vector<Call> calls_in(const std::filesystem::path& folder) {
    std::vector<Call> out;
    if (!std::filesystem::is_directory(folder)) return out;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        out.push_back(cpom::fuzz::decode_call(bytes));
    }
    return out;
}

std::size_t cells_of(const Args& args) {
    std::size_t n = 0;
    for (const Arg& arg : args) n += arg.size();
    return n;
}

// Values a user can put in any argument: each is wrong for some argument of some function.
std::vector<Arg> hostile_values() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {Arg::scalar(std::string("deux")),
            Arg::scalar(Empty{}),
            Arg::scalar(0.0),
            Arg::scalar(-1.0),
            Arg::scalar(1e308),
            Arg::scalar(nan),
            Arg::scalar(0.5),
            Arg::scalar(2.5),
            Arg::scalar(40.0),
            Arg::scalar(std::string("C9")),
            Arg::scalar(std::string("6111")),
            Arg::block(2, 2, {1.0, 2.0, 3.0, 4.0}),
            Arg::block(1, 3, {0.02, std::string("x"), 0.02}),
            Arg::block(3, 1, {0.02, Empty{}, 0.02}),
            Arg::block(1, 2, {1.0, 2.0}),
            Arg::block(2, 1, {6111.0, 6.0})};
}

struct Tally {
    std::map<std::string_view, std::set<std::string>> messages;  // per function, every distinct message seen
    std::vector<std::string> problems;
};

void check(const FunctionSpec& f, const Args& args, Tally& tally) {
    const std::vector<const CellBlock*> pointers = pointers_to(args);
    for (const Language language : {Language::French, Language::English}) {
        try {
            call(f, pointers, language);
        } catch (const cpom::ArgumentError& e) {
            tally.messages[f.name].insert(e.what());
            if (const std::string problem = cpom::fuzz::message_problem(f, e, language); !problem.empty()) {
                tally.problems.push_back(std::string(f.name) + ": " + problem + " — « " + e.what() + " »");
            }
        } catch (const std::exception&) {  // no argument at fault: a solver, the arity, an overflow
        }
    }
}

TEST(Messages, EveryErrorNamesOneOfItsFunctionsArguments) {
    std::vector<Call> seeds = calls_in(CPOM_EXAMPLE_SEEDS);
    ASSERT_GT(seeds.size(), functions().size()) << "no example seeds in " << CPOM_EXAMPLE_SEEDS;
    const std::vector<Call> corpus = calls_in(CPOM_FUZZ_CORPUS);
    Tally tally;
    for (const Call& c : corpus) check(*c.function, c.args, tally);
    const std::vector<Arg> hostile = hostile_values();
    for (const Call& c : seeds) {
        check(*c.function, c.args, tally);
        if (cells_of(c.args) > 10'000) continue;
        for (std::size_t i = 0; i < c.args.size(); ++i) {
            for (const Arg& value : hostile) {
                Args mutated = c.args;
                mutated[i] = value;
                check(*c.function, mutated, tally);
            }
        }
    }
    for (const std::string& problem : tally.problems) ADD_FAILURE() << problem;
    // The calls reach every function's checks: each function with arguments gave messages of its own.
    for (const FunctionSpec& f : functions()) {
        if (!f.args.empty()) {
            EXPECT_FALSE(tally.messages[f.name].empty()) << f.name << " gave no error message";
        }
    }
    std::size_t distinct = 0;
    for (const auto& [name, messages] : tally.messages) distinct += messages.size();
    EXPECT_GT(distinct, 500u);
    std::cout << distinct << " distinct messages of " << tally.messages.size() << " functions checked\n";
}

// CPOM_SCISSOR projects its charges and its resources with the same engine function: each side's errors name that
// side's argument (they named `rates`, an argument CPOM_SCISSOR does not have, before issue 17).
TEST(Messages, EachSideOfTheScissorNamesItsOwnRates) {
    const Arg bad_rate = Arg::scalar(-2.0);  // −200 %: a growth rate must stay above −100 %
    const Arg fine = Arg::scalar(0.02);
    const Args charges_side = {Arg::scalar(1e6), bad_rate, Arg::scalar(1e6), fine, Arg::scalar(3.0)};
    const Args resources_side = {Arg::scalar(1e6), fine, Arg::scalar(1e6), bad_rate, Arg::scalar(3.0)};
    EXPECT_EQ(explain("CPOM_SCISSOR", charges_side).rfind("taux charges : ", 0), 0u)
        << explain("CPOM_SCISSOR", charges_side);
    EXPECT_EQ(explain("CPOM_SCISSOR", resources_side).rfind("taux ressources : ", 0), 0u)
        << explain("CPOM_SCISSOR", resources_side);
    EXPECT_EQ(explain("CPOM_SCISSOR", charges_side, Language::English).rfind("charges rates : ", 0), 0u);
    // A zero base of the resources is resources_base's, not charges_base's nor an argument `base`.
    const Args zero_resources = {Arg::scalar(1e6), fine, Arg::scalar(0.0), fine, Arg::scalar(3.0)};
    EXPECT_EQ(explain("CPOM_SCISSOR", zero_resources).rfind("ressources base : ", 0), 0u)
        << explain("CPOM_SCISSOR", zero_resources);
}

// The trial balance's engine roles (accounts, amounts) are the calling function's arguments: CPOM_BALANCE's amounts
// are its `balances` (« soldes »), and a mention of the accounts names CPOM_BALANCE's own.
TEST(Messages, TrialBalanceRolesAreTheFunctionsArguments) {
    const Arg accounts = Arg::block(2, 1, {6111.0, 6112.0});
    const Arg one_amount = Arg::block(1, 1, {1.0});
    EXPECT_EQ(explain("CPOM_BALANCE", {accounts, one_amount, Arg::scalar(std::string("FRNG"))}),
              "soldes : la plage a 1 cellules, 2 attendues (une par compte de comptes)");
    EXPECT_EQ(explain("CPOM_BALANCE", {accounts, one_amount, Arg::scalar(std::string("FRNG"))}, Language::English),
              "balances : la plage a 1 cellules, 2 attendues (une par compte de accounts)");
    // A figure without its account: the accounts column is at fault.
    const Arg no_account = Arg::block(2, 1, {6111.0, Empty{}});
    const Arg amounts = Arg::block(2, 1, {1.0, 2.0});
    EXPECT_EQ(
        explain("CPOM_ACCOUNTS", {no_account, amounts, Arg::scalar(std::string("6"))}).rfind("comptes : ligne 2", 0),
        0u);
}

// Names follow the Function Wizard of the user's language: French display names in a French office, English ones
// otherwise; the reasons stay French.
TEST(Messages, ArgumentsAreNamedInTheLanguageOfTheWizard) {
    const Args text_in_rates = {Arg::scalar(1000.0), Arg::block(1, 3, {0.02, std::string("deux"), 0.02}),
                                Arg::scalar(3.0)};
    EXPECT_EQ(explain("CPOM_PROJECT", text_in_rates, Language::French),
              "taux : la cellule n° 2 contient du texte (« deux ») : un nombre est attendu");
    EXPECT_EQ(explain("CPOM_PROJECT", text_in_rates, Language::English),
              "rates : la cellule n° 2 contient du texte (« deux ») : un nombre est attendu");
    // Display names show no underscore (« année voulue », as in the wizard).
    const Args year_4 = {Arg::scalar(1000.0), Arg::scalar(0.1), Arg::scalar(3.0), Arg::omitted(),
                         Arg::omitted(),      Arg::omitted(),   Arg::scalar(4.0)};
    EXPECT_EQ(explain("CPOM_PROJECT", year_4), "année voulue : doit être un entier entre 1 et 3 (reçu 4)");
    EXPECT_EQ(explain("CPOM_PROJECT", year_4, Language::English),
              "which year : doit être un entier entre 1 et 3 (reçu 4)");
    // CPOM_CHECK explains in the language it is called in.
    const Args check = {Arg::scalar(std::string("CPOM_PROJECT")), Arg::scalar(1000.0), Arg::scalar(0.02),
                        Arg::scalar(31.0)};
    EXPECT_EQ(std::get<std::string>(call("CPOM_CHECK", check, Language::English)),
              "years : doit être un entier entre 1 et 30 (reçu 31)");
    EXPECT_EQ(std::get<std::string>(call("CPOM_CHECK", check, Language::French)),
              "années : doit être un entier entre 1 et 30 (reçu 31)");
}

}  // namespace
