// Typed accessors of one argument of a call, by kind: the generated struct of each function
// (function_arguments.hpp) holds one per argument, so that an adapter reads `args.rates.grid()` and can only read an
// argument as its kind allows. Every read enforces the metadata's rules — the kind's shape, the blank rule, numbers
// where numbers are expected — and every error names the argument by its role (resolved by the call layer into the
// Function Wizard's name).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cpom/calls/arg.hpp"
#include "cpom/calls/call_args.hpp"
#include "cpom/calls/function_spec.hpp"
#include "cpom/calls/grid.hpp"
#include "cpom/role.hpp"

namespace cpom::calls {

// What to tell the user about a blank cell where a figure is required (BlankRule::Error); the default advice is
// "saisir 0 si la valeur est nulle, une cellule vide n'est pas lue comme 0".
using BlankAdvice = std::string_view;

class Argument {
public:
    Argument(const CallArgs& call, std::size_t index) : call_(&call), index_(index) {}

    // Present and not a single blank cell.
    bool given() const { return !block().is_blank(); }
    Role role() const { return spec().role; }
    // The argument's name as the user's Function Wizard shows it ("taux"), for a message about another argument.
    std::string label() const { return std::string(spec().display(call_->language())); }
    [[noreturn]] void fail(const std::string& reason) const;
    Language language() const { return call_->language(); }

protected:
    const CellBlock& block() const { return call_->block(index_); }
    const ArgSpec& spec() const { return call_->arg_spec(index_); }
    // The one cell of a scalar argument; errors when omitted, blank or a range of several cells.
    CellView single(std::string_view missing) const;
    double single_number() const;
    int single_integer(int lo, int hi) const;
    std::string single_text() const;
    // Every cell as a number, blanks by the argument's rule (Blank::Skip drops them), text is an error.
    Grid read_grid(BlankAdvice advice) const;
    // The kind's shape, checked before any cell is read.
    void require_line() const;

    const CallArgs* call_;
    std::size_t index_;
};

class NumberArg : public Argument {
public:
    using Argument::Argument;
    // A single finite number (a 1×1 range is accepted).
    double value() const { return single_number(); }
};

class OptionalNumberArg : public Argument {
public:
    using Argument::Argument;
    std::optional<double> value() const;
    double value_or(double fallback) const { return given() ? single_number() : fallback; }
};

// An optional number whose default is in the metadata (`default = 365`).
class DefaultedNumberArg : public Argument {
public:
    using Argument::Argument;
    double value() const;
};

class IntegerArg : public Argument {
public:
    using Argument::Argument;
    // A whole number within the metadata's min and max (any int when it gives none).
    int value() const;
    // Within bounds that depend on other arguments (which_year: 1 to years).
    int value(int lo, int hi) const { return single_integer(lo, hi); }
};

class OptionalIntegerArg : public Argument {
public:
    using Argument::Argument;
    std::optional<int> value() const;
    std::optional<int> value(int lo, int hi) const;
    // The number as given, for an engine function that checks it with reasons of its own (CPOM_RISK's scenarios).
    std::optional<double> number() const;
};

class DefaultedIntegerArg : public Argument {
public:
    using Argument::Argument;
    int value() const;
};

class TextArg : public Argument {
public:
    using Argument::Argument;
    // A single text; a number is read as its text (an account typed as 6111).
    std::string value() const { return single_text(); }
};

class OptionalTextArg : public Argument {
public:
    using Argument::Argument;
    std::optional<std::string> value() const;
};

// The cells of a range argument as they are (texts included), the kind's shape checked and the blank rule applied:
// Blank::Error throws on a blank, Blank::Zero reads it as the number 0, Blank::Skip leaves it blank for the caller.
class CheckedCells {
public:
    CheckedCells(const Argument& owner, const CellBlock& block, Blank rule)
        : owner_(owner), block_(block), rule_(rule) {}

    std::size_t rows() const { return block_.rows(); }
    std::size_t cols() const { return block_.cols(); }
    std::size_t size() const { return block_.size(); }
    CellView operator()(std::size_t r, std::size_t c) const { return checked(r * block_.cols() + c, block_.at(r, c)); }
    CellView operator[](std::size_t k) const { return checked(k, block_.at(k)); }
    // The k-th cell as a number: text is an error; a blank kept by Blank::Skip is nullopt.
    std::optional<double> number(std::size_t k) const;

private:
    CellView checked(std::size_t k, CellView cell) const;

    const Argument& owner_;
    const CellBlock& block_;
    Blank rule_;
};

class RangeArg : public Argument {
public:
    using Argument::Argument;
    Grid grid(BlankAdvice advice = {}) const;
    // A single value or a 1×N / N×1 range, as a flat list.
    std::vector<double> line(BlankAdvice advice = {}) const;
    CheckedCells cells() const;
};

// kind "row": one value for every year, a line of N, or K lines of N (cpom/calls/shapes.hpp: PerYear).
class RowArg : public RangeArg {
public:
    using RangeArg::RangeArg;
};

// kind "rows": a line or K lines (cpom/calls/shapes.hpp: as_rows).
class RowsArg : public RangeArg {
public:
    using RangeArg::RangeArg;
};

// kind "column": a value or a line of K values (1×K or K×1), one per establishment or per line of a balance.
class ColumnArg : public Argument {
public:
    using Argument::Argument;
    std::vector<double> values() const;
    CheckedCells cells() const;
};

// kind "any": a value or a block that the function reads cell by cell (codes, labels, CPOM_CHECK's arguments).
class AnyArg : public Argument {
public:
    using Argument::Argument;
    const CellBlock& cells() const { return block(); }
};

// The repeated last argument of a varargs function (CPOM_CHECK): every block from its position on.
class RepeatedArg : public Argument {
public:
    using Argument::Argument;
    std::span<const CellBlock* const> blocks() const { return call_->from(index_); }
};

}  // namespace cpom::calls
