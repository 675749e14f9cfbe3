#include <cctype>
#include <cmath>
#include <string>

#include "cpom/calls/call_args.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/error.hpp"

namespace cpom::calls {
namespace {

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Defence in depth: a NaN or an infinity must never reach a cell as a plausible figure.
void require_finite(const Value& value) {
    auto fail = [] { throw ArgumentError("résultat", "le calcul ne donne pas un nombre fini (vérifier les montants)"); };
    if (const auto* x = std::get_if<double>(&value)) {
        if (!std::isfinite(*x)) fail();
    } else if (const auto* m = std::get_if<Matrix>(&value)) {
        for (double x : m->values) {
            if (!std::isfinite(x)) fail();
        }
    } else if (const auto* t = std::get_if<Table>(&value)) {
        for (const TableCell& cell : t->cells) {  // a missing figure is NotAvailable, never a NaN
            if (const auto* x = std::get_if<double>(&cell); x != nullptr && !std::isfinite(*x)) fail();
        }
    }
}

}  // namespace

const FunctionSpec* find_function(std::string_view name) {
    name = trimmed(name);
    for (const FunctionSpec& f : functions()) {
        if (same_name(f.name, name)) return &f;
    }
    return nullptr;
}

namespace {

const FunctionSpec& function_named(std::string_view name) {
    const FunctionSpec* spec = find_function(name);
    if (spec == nullptr) throw ArgumentError("function_name", "fonction inconnue : « " + std::string(name) + " »");
    return *spec;
}

}  // namespace

Value call(std::string_view name, const Args& args) { return call(function_named(name), args); }

Value call(const FunctionSpec& spec, std::span<const Arg> args) {
    if (!spec.varargs && args.size() > spec.args.size()) {
        throw ArgumentError(std::string(spec.name), std::to_string(args.size()) + " arguments donnés, " +
                                                        std::to_string(spec.args.size()) + " au plus");
    }
    // Before any work: no call may freeze the spreadsheet. CPOM_CHECK (varargs) passes its arguments on to the
    // function it checks, which checks them under their own names, so that CPOM_CHECK explains the refusal.
    if (!spec.varargs) check_call_size(spec, args);
    // Trailing optional arguments may be left out (CPOM_CHECK, tests): CallArgs reads them as omitted, no copy.
    for (std::size_t i = 0; i < spec.args.size(); ++i) {
        const bool repeated = spec.varargs && i + 1 == spec.args.size();
        const bool omitted = i >= args.size() || args[i].is_omitted();
        if (!spec.args[i].optional && !repeated && omitted) {
            throw ArgumentError(std::string(spec.args[i].name), "argument obligatoire manquant");
        }
    }
    Value value = spec.call(CallArgs(spec, args));
    require_finite(value);
    return value;
}

std::string explain(std::string_view name, const Args& args) { return explain_call(name, args); }

std::string explain_call(std::string_view name, std::span<const Arg> args) {
    try {
        const Value value = call(function_named(name), args);
        // A table standing row by row has a #N/A in a bad row and the reason elsewhere: say it rather than « OK ».
        if (const auto* table = std::get_if<Table>(&value); table != nullptr && !table->missing_reason.empty()) {
            return table->missing_reason;
        }
        return "OK";
    } catch (const ArgumentError& e) {
        return e.argument() + " : " + e.reason();
    } catch (const NoConvergence& e) {
        return std::string("pas de solution : ") + e.what();
    } catch (const std::exception& e) {
        return std::string("erreur interne : ") + e.what();
    }
}

}  // namespace cpom::calls
