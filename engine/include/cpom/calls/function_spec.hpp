// The function table: generated from metadata/*.toml (tools/generate.py) so that names, argument order,
// optional flags and blank-cell rules are written once, for the IDL, the xcu, the docs and this engine.
#pragma once

#include <span>
#include <string_view>

#include "cpom/calls/arg.hpp"

namespace cpom::calls {

class CallArgs;

enum class ReturnKind { Number, Text, Matrix, Table };

// What a blank cell inside a range means for an argument.
enum class Blank {
    Error,  // a blank is a missing figure: error, never read as 0
    Zero,   // a blank means "nothing this year" (e.g. no new measure): read as 0
    Skip,   // a blank is ignored (e.g. an empty line of a trial balance)
};

struct ArgSpec {
    std::string_view name;
    bool optional;
    Blank blank;
};

struct FunctionSpec {
    std::string_view name;
    ReturnKind returns;
    std::span<const ArgSpec> args;
    bool varargs;  // the last argument repeats (CPOM_CHECK)
    Value (*call)(const CallArgs&);
};

// Every function of the add-in, in metadata order.
std::span<const FunctionSpec> functions();

// The function of that name (case-insensitive, surrounding spaces ignored), or nullptr.
const FunctionSpec* find_function(std::string_view name);

}  // namespace cpom::calls
