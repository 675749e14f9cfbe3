#include <cctype>
#include <cmath>
#include <string>

#include "cpom/calls/call_args.hpp"
#include "cpom/calls/roles.hpp"
#include "cpom/calls/limits.hpp"
#include "cpom/error.hpp"

namespace cpom::calls {
namespace {

// mention(Role::x) writes the role's identifier between these two control characters, which no reason contains
// otherwise; resolution replaces them by the argument's display name.
constexpr char k_mention_start = '\x1E';
constexpr char k_mention_end = '\x1F';

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

void require_finite_value(const Value& value) {
    if (const auto* x = std::get_if<double>(&value)) {
        require_finite(std::span<const double>(x, 1));
    } else if (const auto* m = std::get_if<Matrix>(&value)) {
        require_finite(m->values);
    } else if (const auto* t = std::get_if<Table>(&value)) {
        for (const TableCell& cell : t->cells) {  // a missing figure is NotAvailable, never a NaN
            if (const auto* x = std::get_if<double>(&cell)) require_finite(std::span<const double>(x, 1));
        }
    }
}

template <typename Rename>
std::string with_mentions_renamed(const std::string& reason, Rename rename) {
    std::string out;
    std::size_t pos = 0;
    while (pos < reason.size()) {
        const std::size_t start = reason.find(k_mention_start, pos);
        const std::size_t end = start == std::string::npos ? start : reason.find(k_mention_end, start);
        if (end == std::string::npos) {
            out.append(reason, pos);
            break;
        }
        out.append(reason, pos, start - pos);
        out += rename(std::string_view(reason).substr(start + 1, end - start - 1));
        pos = end + 1;
    }
    return out;
}

// The name a role has in this function, as its Function Wizard shows it; a role that is none of its arguments
// keeps its identifier (an adapter that forgot to map it: tests/unit/messages_test.cpp finds it).
std::string label_of(std::string_view role, const FunctionSpec& spec, Language language) {
    for (const ArgSpec& arg : spec.args) {
        if (arg.name == role) return std::string(arg.display(language));
    }
    return std::string(role);
}

std::string with_mentions_named(const std::string& reason, const FunctionSpec& spec, Language language) {
    return with_mentions_renamed(reason, [&](std::string_view role) { return label_of(role, spec, language); });
}

ArgumentError named(const ArgumentError& e, const FunctionSpec& spec, Language language) {
    return {e.role(), with_mentions_named(e.reason(), spec, language), label_of(role_name(e.role()), spec, language)};
}

std::string mention_of(std::string_view name) {
    std::string out(1, k_mention_start);
    out += name;
    out += k_mention_end;
    return out;
}

const CellBlock& omitted() {
    static const Arg none;
    return none;
}

}  // namespace

const CellBlock& CallArgs::block(std::size_t i) const {
    return i < args_.size() && args_[i] != nullptr ? *args_[i] : omitted();
}

const FunctionSpec* find_function(std::string_view name) {
    name = trimmed(name);
    for (const FunctionSpec& f : functions()) {
        if (same_name(f.name, name)) return &f;
    }
    return nullptr;
}

Value call(const FunctionSpec& spec, std::span<const CellBlock* const> args, Language language) {
    if (!spec.varargs && args.size() > spec.args.size()) {
        throw CallError(std::string(spec.name) + " : " + std::to_string(args.size()) + " arguments donnés, " +
                        std::to_string(spec.args.size()) + " au plus");
    }
    const CallArgs call_args(spec, args, language);
    try {
        // Before any work: no call may freeze the spreadsheet. CPOM_CHECK (varargs) passes its arguments on to the
        // function it checks, which checks them under their own names, so that CPOM_CHECK explains the refusal.
        if (!spec.varargs) check_call_size(call_args);
        // Trailing optional arguments may be left out (CPOM_CHECK, tests): they read as omitted, no copy.
        for (std::size_t i = 0; i < spec.args.size(); ++i) {
            const bool repeated = spec.varargs && i + 1 == spec.args.size();
            if (!spec.args[i].optional && !repeated && call_args.block(i).is_omitted()) {
                throw ArgumentError(spec.args[i].role, "argument obligatoire manquant");
            }
        }
        Value value = spec.call(call_args);
        require_finite_value(value);
        return value;
    } catch (const ArgumentError& e) {
        throw named(e, spec, language);
    }
}

Value call(std::string_view name, const Args& args, Language language) {
    const FunctionSpec* spec = find_function(name);
    if (spec == nullptr) throw CallError("fonction inconnue : « " + std::string(name) + " »");
    const std::vector<const CellBlock*> pointers = pointers_to(args);
    return call(*spec, pointers, language);
}

std::string explain(const FunctionSpec& spec, std::span<const CellBlock* const> args, Language language) {
    try {
        const Value value = call(spec, args, language);
        // A table standing row by row has a #N/A in a bad row and the reason elsewhere: say it rather than « OK ».
        if (const auto* table = std::get_if<Table>(&value); table != nullptr && !table->missing_reason.empty()) {
            return table->missing_reason;
        }
        return "OK";
    } catch (const ArgumentError& e) {
        return e.what();
    } catch (const NoConvergence& e) {
        return std::string("pas de solution : ") + e.what();
    } catch (const CallError& e) {
        return e.what();
    } catch (const ResultError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("erreur interne : ") + e.what();
    }
}

std::string explain(std::string_view name, const Args& args, Language language) {
    const FunctionSpec* spec = find_function(name);
    if (spec == nullptr) return "fonction inconnue : « " + std::string(name) + " »";
    const std::vector<const CellBlock*> pointers = pointers_to(args);
    return explain(*spec, pointers, language);
}

ArgumentError renamed(const ArgumentError& e, std::span<const RoleAs> roles) {
    auto rename = [&](Role role) {
        for (const RoleAs& r : roles) {
            if (r.from == role) return r.to;
        }
        return role;
    };
    const std::string reason = with_mentions_renamed(e.reason(), [&](std::string_view name) {
        for (const RoleAs& r : roles) {
            if (role_name(r.from) == name) return mention(r.to);
        }
        return mention_of(name);
    });
    return {rename(e.role()), reason};
}

void require_finite(std::span<const double> values) {
    for (double x : values) {
        if (!std::isfinite(x)) throw ResultError("le calcul ne donne pas un nombre fini (vérifier les montants)");
    }
}

std::vector<const CellBlock*> pointers_to(const Args& args) {
    std::vector<const CellBlock*> pointers;
    pointers.reserve(args.size());
    for (const Arg& arg : args) pointers.push_back(&arg);
    return pointers;
}

}  // namespace cpom::calls

namespace cpom {

std::string mention(Role role) { return calls::mention_of(role_name(role)); }

}  // namespace cpom
