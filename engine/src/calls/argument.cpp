#include "cpom/calls/argument.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom::calls {
namespace {

constexpr BlankAdvice k_blank_advice = "saisir 0 si la valeur est nulle, une cellule vide n'est pas lue comme 0";

// Position of a cell for messages: "la cellule n° 3" counts row by row, as a user reads the range.
std::string cell_position(const CellBlock& block, std::size_t index) {
    if (block.size() == 1) return "la valeur";
    return "la cellule n° " + std::to_string(index + 1);
}

std::string text_of(double x) {
    if (x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
    return format_number(x);
}

std::string shape_of(const CellBlock& block) {
    return std::to_string(block.rows()) + " lignes × " + std::to_string(block.cols()) + " colonnes";
}

}  // namespace

void Argument::fail(const std::string& reason) const { throw ArgumentError(role(), reason); }

CellView Argument::single(std::string_view missing) const {
    if (!given()) fail(std::string(missing));
    const CellBlock& arg = block();
    if (arg.size() != 1) fail("une seule valeur attendue, la plage en a " + std::to_string(arg.size()));
    return arg.at(0, 0);
}

double Argument::single_number() const {
    const CellView cell = single("valeur manquante (cellule vide ou argument omis)");
    if (cell.is_text()) fail("un nombre est attendu, pas le texte « " + std::string(cell.text) + " »");
    check::finite(cell.number, role());
    return cell.number;
}

int Argument::single_integer(int lo, int hi) const { return check::whole_number(single_number(), lo, hi, role()); }

std::string Argument::single_text() const {
    const CellView cell = single("texte manquant (cellule vide ou argument omis)");
    if (cell.is_text()) return std::string(cell.text);
    return text_of(cell.number);
}

void Argument::require_line() const {
    const CellBlock& arg = block();
    if (arg.rows() != 1 && arg.cols() != 1) {
        fail("une valeur ou une colonne (ou une ligne) est attendue, la plage fait " + shape_of(arg));
    }
}

Grid Argument::read_grid(BlankAdvice advice) const {
    if (!given()) fail("valeur manquante (cellule vide ou argument omis)");
    const CellBlock& arg = block();
    const Blank rule = spec().blank;
    Grid grid{arg.rows(), arg.cols(), {}};
    grid.values.reserve(arg.size());
    std::size_t k = 0;
    for (std::size_t r = 0; r < grid.rows; ++r) {
        for (std::size_t c = 0; c < grid.cols; ++c, ++k) {
            const CellView cell = arg.at(r, c);
            if (cell.is_number()) {
                if (!std::isfinite(cell.number)) fail(cell_position(arg, k) + " n'est pas un nombre fini");
                grid.values.push_back(cell.number);
            } else if (cell.is_text()) {
                fail(cell_position(arg, k) + " contient du texte (« " + std::string(cell.text) +
                     " ») : un nombre est attendu");
            } else if (rule == Blank::Zero) {
                grid.values.push_back(0.0);
            } else if (rule == Blank::Error) {
                fail(cell_position(arg, k) + " est vide : " + std::string(advice.empty() ? k_blank_advice : advice));
            }
        }
    }
    if (rule == Blank::Skip && grid.values.size() != arg.size()) {
        // Dropping blanks breaks the rectangle: what remains is a list.
        grid.rows = 1;
        grid.cols = grid.values.size();
        if (grid.values.empty()) fail("la plage ne contient aucun nombre");
    }
    return grid;
}

std::optional<double> OptionalNumberArg::value() const {
    if (!given()) return std::nullopt;
    return single_number();
}

double DefaultedNumberArg::value() const { return given() ? single_number() : spec().fallback.value_or(0.0); }

int IntegerArg::value() const {
    return single_integer(spec().min.value_or(std::numeric_limits<int>::min()),
                          spec().max.value_or(std::numeric_limits<int>::max()));
}

std::optional<int> OptionalIntegerArg::value() const {
    if (!given()) return std::nullopt;
    return single_integer(spec().min.value_or(std::numeric_limits<int>::min()),
                          spec().max.value_or(std::numeric_limits<int>::max()));
}

std::optional<int> OptionalIntegerArg::value(int lo, int hi) const {
    if (!given()) return std::nullopt;
    return single_integer(lo, hi);
}

std::optional<double> OptionalIntegerArg::number() const {
    if (!given()) return std::nullopt;
    return single_number();
}

int DefaultedIntegerArg::value() const {
    if (!given()) return static_cast<int>(spec().fallback.value_or(0.0));
    return single_integer(spec().min.value_or(std::numeric_limits<int>::min()),
                          spec().max.value_or(std::numeric_limits<int>::max()));
}

std::optional<std::string> OptionalTextArg::value() const {
    if (!given()) return std::nullopt;
    return single_text();
}

CellView CheckedCells::checked(std::size_t k, CellView cell) const {
    if (!cell.is_empty() || rule_ == Blank::Skip) return cell;
    if (rule_ == Blank::Zero) return {CellKind::Number, 0.0, {}};
    owner_.fail(cell_position(block_, k) + " est vide : " + std::string(k_blank_advice));
}

std::optional<double> CheckedCells::number(std::size_t k) const {
    const CellView cell = (*this)[k];
    if (cell.is_empty()) return std::nullopt;
    if (cell.is_text()) {
        owner_.fail(cell_position(block_, k) + " contient du texte (« " + std::string(cell.text) +
                    " ») : un nombre est attendu");
    }
    if (!std::isfinite(cell.number)) owner_.fail(cell_position(block_, k) + " n'est pas un nombre fini");
    return cell.number;
}

Grid RangeArg::grid(BlankAdvice advice) const { return read_grid(advice); }

std::vector<double> RangeArg::line(BlankAdvice advice) const {
    Grid g = read_grid(advice);
    if (!g.is_line()) {
        fail("une ligne ou une colonne est attendue, la plage fait " + std::to_string(g.rows) + " lignes × " +
             std::to_string(g.cols) + " colonnes");
    }
    return std::move(g.values);
}

CheckedCells RangeArg::cells() const {
    if (!given()) fail("valeur manquante (cellule vide ou argument omis)");
    return {*this, block(), spec().blank};
}

std::vector<double> ColumnArg::values() const {
    if (!given()) fail("valeur manquante (cellule vide ou argument omis)");
    require_line();
    return read_grid({}).values;
}

CheckedCells ColumnArg::cells() const {
    if (!given()) fail("valeur manquante (cellule vide ou argument omis)");
    require_line();
    return {*this, block(), spec().blank};
}

}  // namespace cpom::calls
