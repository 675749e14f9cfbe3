// The function table: generated from metadata/*.toml (tools/generate.py) so that names, argument order, kinds,
// blank-cell rules, display names, bounds and defaults are written once, for the IDL, the xcu, the docs and this
// engine.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "cpom/calls/arg.hpp"
#include "cpom/role.hpp"

namespace cpom::calls {

class CallArgs;

enum class ReturnKind { Number, Text, Matrix, Table };

// The language of the user's office: messages name arguments as its Function Wizard does ("taux" or "rates").
// Reasons themselves are French (the product's users are French); the names follow the wizard.
enum class Language : std::uint8_t { French, English };

// What an argument holds (metadata `kind`, docs/functions.md): its shape, checked before it is read.
enum class Kind : std::uint8_t {
    Number,   // one cell
    Integer,  // one cell, a whole number
    Text,     // one cell
    Row,      // a value, a line of N, or K lines of N (one per establishment)
    Rows,     // a line or K lines
    Column,   // a value or a line of K (1×K or K×1)
    Range,    // any block
    Any,      // a value or any block, read as cells
};

// What a blank cell inside a range means for an argument.
enum class Blank : std::uint8_t {
    Error,  // a blank is a missing figure: error, never read as 0
    Zero,   // a blank means "nothing this year" (e.g. no new measure): read as 0
    Skip,   // a blank is ignored (e.g. an empty line of a trial balance)
};

struct ArgSpec {
    std::string_view name;  // the metadata's identifier, also the IDL/xcu parameter (in camelCase)
    Role role;
    Kind kind;
    bool optional;
    Blank blank;
    std::string_view display_fr;  // as the Function Wizard shows it ("non reconductibles")
    std::string_view display_en;
    std::optional<int> min;  // integers: bounds of the metadata
    std::optional<int> max;
    std::optional<double> fallback;  // the metadata's `default` of an optional number

    std::string_view display(Language language) const { return language == Language::French ? display_fr : display_en; }
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
