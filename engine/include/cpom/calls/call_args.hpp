// Reads the arguments of one call, by position, with errors that name the argument (from the metadata).
// Adapters (engine/src/calls/*_calls.cpp) use it to turn cells into the engine's plain C++ inputs.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cpom/calls/arg.hpp"
#include "cpom/calls/function_spec.hpp"

namespace cpom::calls {

// A rows×cols block of numbers read from an argument, blanks already resolved by the argument's rule.
struct Grid {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<double> values;

    std::size_t size() const { return values.size(); }
    bool is_single() const { return values.size() == 1; }
    // True for a 1×N row or an N×1 column: "a row" in the sense of the function catalogue.
    bool is_line() const { return rows == 1 || cols == 1; }
    std::span<const double> row(std::size_t r) const { return {values.data() + r * cols, cols}; }
};

class CallArgs {
public:
    // `args` may stop before the declared arguments: the missing trailing ones read as omitted.
    CallArgs(const FunctionSpec& spec, std::span<const Arg> args) : spec_(spec), args_(args) {}

    // The declared arguments, or more for a varargs function.
    std::size_t count() const { return std::max(args_.size(), spec_.args.size()); }
    // The argument's name for messages ("rates"; "arguments2" for the 2nd repeated one). Built on demand: the
    // success path of a call never needs it.
    std::string name(std::size_t i) const;
    const Arg& raw(std::size_t i) const;
    std::span<const Arg> all() const { return args_; }  // as given (CPOM_CHECK passes them on without a copy)

    // True when the argument is present and not a single blank cell.
    bool given(std::size_t i) const;

    // A single finite number (a 1×1 range is accepted).
    double number(std::size_t i) const;
    // The number, or `fallback` when the optional argument is omitted or blank.
    double number_or(std::size_t i, double fallback) const;
    std::optional<double> optional_number(std::size_t i) const;
    // A whole number in [lo, hi].
    int integer(std::size_t i, int lo, int hi) const;
    int integer_or(std::size_t i, int lo, int hi, int fallback) const;
    // A single text (numbers are converted to their text, e.g. an account typed as 6111).
    std::string text(std::size_t i) const;

    // Every cell as a number, blanks by the argument's rule (Blank::Skip drops them), text is an error.
    Grid grid(std::size_t i) const;
    // A row in the catalogue's sense: a single value or a 1×N / N×1 range, as a flat list.
    std::vector<double> line(std::size_t i) const;

private:
    const FunctionSpec& spec_;
    std::span<const Arg> args_;
};

// Calls a function by name: checks the arity, reads the arguments, runs the engine, checks the result is finite.
// Throws ArgumentError / NoConvergence like the engine.
Value call(std::string_view name, const Args& args);
Value call(const FunctionSpec& spec, std::span<const Arg> args);

// CPOM_CHECK: "OK" when the same call would succeed, otherwise the reason in French.
std::string explain(std::string_view name, const Args& args);
// The same for arguments held elsewhere (CPOM_CHECK's own, passed on without a copy).
std::string explain_call(std::string_view name, std::span<const Arg> args);

}  // namespace cpom::calls
