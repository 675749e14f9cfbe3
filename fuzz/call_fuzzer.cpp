// Generic fuzz target over the whole function table: any function, any cells, any number of arguments.
// A call either returns finite values of the kind its metadata declares, or throws ArgumentError naming one of the
// function's own arguments as its Function Wizard shows it (fuzz/message_check.hpp), CallError / ResultError
// (Err:502) or NoConvergence (Err:523); CPOM_CHECK's explanation agrees with the call (OK, or a table's reason for
// its #N/A). Anything else aborts: a bug.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "call_decoder.hpp"
#include "message_check.hpp"
#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"

namespace {

using namespace cpom::calls;

[[noreturn]] void fail(const FunctionSpec& f, const std::string& what) {
    std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(f.name.size()), f.name.data(), what.c_str());
    std::abort();
}

bool all_finite(const Matrix& m) {
    for (double x : m.values) {
        if (!std::isfinite(x)) return false;
    }
    return true;
}

// The add-in converts the value by the declared kind (addin/src/uno_conversion.cpp): anything else would be
// read out of bounds or shown as a plausible figure.
void check_value(const FunctionSpec& f, const Value& value) {
    switch (f.returns) {
        case ReturnKind::Number: {
            const auto* x = std::get_if<double>(&value);
            if (x == nullptr || !std::isfinite(*x)) fail(f, "a number function returned no finite number");
            break;
        }
        case ReturnKind::Text: {
            const auto* s = std::get_if<std::string>(&value);
            if (s == nullptr) fail(f, "a text function returned no text");
            if (s->starts_with("erreur interne")) fail(f, "internal error reported: " + *s);  // explain()'s prefix
            break;
        }
        case ReturnKind::Matrix: {
            if (const auto* x = std::get_if<double>(&value)) {
                if (!std::isfinite(*x)) fail(f, "non-finite result");
                break;
            }
            const auto* m = std::get_if<Matrix>(&value);
            if (m == nullptr) fail(f, "a matrix function returned text");
            if (m->rows == 0 || m->cols == 0 || m->values.size() != m->rows * m->cols) {
                fail(f, "malformed matrix " + std::to_string(m->rows) + "x" + std::to_string(m->cols) + " with " +
                            std::to_string(m->values.size()) + " values");
            }
            if (!all_finite(*m)) fail(f, "non-finite value in the result");
            break;
        }
        case ReturnKind::Table: {
            const auto* t = std::get_if<Table>(&value);
            if (t == nullptr) fail(f, "a table function returned no table");
            if (t->rows == 0 || t->cols == 0 || t->cells.size() != t->rows * t->cols) fail(f, "malformed table");
            bool missing = false;
            for (const TableCell& cell : t->cells) {
                if (const auto* x = std::get_if<double>(&cell); x != nullptr && !std::isfinite(*x)) {
                    fail(f, "non-finite value in the table");
                }
                missing = missing || std::holds_alternative<NotAvailable>(cell);
            }
            // The reason CPOM_CHECK gives for a table is the reason of one of its #N/A.
            if (!missing && !t->missing_reason.empty()) fail(f, "a table without #N/A has a reason for one");
            break;
        }
    }
}

// What CPOM_CHECK says of a call that returned `value`: "OK", or the reason of a table's first #N/A.
std::string explanation_of(const Value& value) {
    const auto* table = std::get_if<Table>(&value);
    return table != nullptr && !table->missing_reason.empty() ? table->missing_reason : "OK";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const cpom::fuzz::Call c = cpom::fuzz::decode_call({data, size});
    const FunctionSpec& f = *c.function;
    const std::vector<const CellBlock*> args = pointers_to(c.args);
    bool succeeded = false;
    std::string expected = "OK";  // CPOM_CHECK's answer (in French) when the call succeeds
    for (const Language language : {Language::French, Language::English}) {
        try {
            const Value value = call(f, args, language);
            check_value(f, value);
            if (language == Language::French) expected = explanation_of(value);
            succeeded = true;
        } catch (const cpom::ArgumentError& e) {
            if (e.reason().empty()) fail(f, std::string("error without its reason: ") + e.what());
            if (const std::string problem = cpom::fuzz::message_problem(f, e, language); !problem.empty()) {
                fail(f, problem + " (" + e.what() + ")");
            }
        } catch (const cpom::NoConvergence&) {
        } catch (const CallError&) {
        } catch (const cpom::ResultError&) {
        } catch (const std::exception& e) {
            fail(f, std::string("unexpected exception: ") + e.what());
        }
    }
    const std::string why = explain(f, args, Language::French);
    if (succeeded ? why != expected : why == "OK") fail(f, "CPOM_CHECK disagrees with the call: " + why);
    if (why.starts_with("erreur interne")) fail(f, "CPOM_CHECK reports an internal error: " + why);
    return 0;
}
