// One call of a function of the table: its arguments as the caller holds them, read through the generated
// accessors (function_arguments.hpp, cpom/calls/argument.hpp), and the entry points that run a call.
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cpom/calls/arg.hpp"
#include "cpom/calls/function_spec.hpp"

namespace cpom::calls {

class CallArgs {
public:
    // `args` may stop before the declared arguments: the missing trailing ones read as omitted.
    CallArgs(const FunctionSpec& spec, std::span<const CellBlock* const> args, Language language)
        : spec_(spec), args_(args), language_(language) {}

    const FunctionSpec& spec() const { return spec_; }
    Language language() const { return language_; }
    // The declared arguments, or more for a varargs function.
    std::size_t count() const { return std::max(args_.size(), spec_.args.size()); }
    // The i-th argument's cells (an omitted one when not given) and its metadata (the repeated one's for varargs).
    const CellBlock& block(std::size_t i) const;
    const ArgSpec& arg_spec(std::size_t i) const { return spec_.args[std::min(i, spec_.args.size() - 1)]; }
    // The blocks from i on (CPOM_CHECK's repeated arguments, passed on without a copy).
    std::span<const CellBlock* const> from(std::size_t i) const {
        return i < args_.size() ? args_.subspan(i) : std::span<const CellBlock* const>{};
    }

private:
    const FunctionSpec& spec_;
    std::span<const CellBlock* const> args_;
    Language language_;
};

// A call that names no argument: an unknown function, too many arguments (CPOM_CHECK, tests; Calc checks arity).
class CallError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Runs one call: checks the arity, reads the arguments, runs the engine, checks the result is finite. Throws
// ArgumentError (its argument and mentions named as the Function Wizard of `language` shows them), CallError,
// ResultError or NoConvergence.
Value call(const FunctionSpec& spec, std::span<const CellBlock* const> args, Language language);
// The same by name, with arguments held by value (tests, fuzzing, benchmarks).
Value call(std::string_view name, const Args& args, Language language = Language::French);

// CPOM_CHECK: "OK" when the same call would succeed, otherwise the reason in French.
std::string explain(const FunctionSpec& spec, std::span<const CellBlock* const> args, Language language);
std::string explain(std::string_view name, const Args& args, Language language = Language::French);

// Throws ResultError unless every value is finite: a NaN or an infinity must never reach a cell as a plausible
// figure (an overflow of huge inputs). call() checks every result; an adapter checks the intermediate rows it
// computes (CPOM_SCISSOR's projections).
void require_finite(std::span<const double> values);

// Pointers to the arguments, as call() takes them.
std::vector<const CellBlock*> pointers_to(const Args& args);

}  // namespace cpom::calls
