#include "cpom/calls/call_args.hpp"

#include <cmath>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom::calls {
namespace {

// Position of a cell for messages: "la cellule n° 3" counts row by row, as a user reads the range.
std::string cell_position(const Arg& arg, std::size_t index) {
    if (arg.cells.size() == 1) return "la valeur";
    return "la cellule n° " + std::to_string(index + 1);
}

std::string text_of(double x) {
    if (x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
    return format_number(x);
}

}  // namespace

std::string CallArgs::name(std::size_t i) const {
    const bool repeated = spec_.varargs && i + 1 >= spec_.args.size();
    if (!repeated) return std::string(spec_.args[i].name);
    return std::string(spec_.args.back().name) + std::to_string(i + 2 - spec_.args.size());
}

const Arg& CallArgs::raw(std::size_t i) const {
    static const Arg omitted;
    return i < args_.size() ? args_[i] : omitted;
}

bool CallArgs::given(std::size_t i) const { return i < args_.size() && !args_[i].is_blank(); }

double CallArgs::number(std::size_t i) const {
    if (!given(i)) throw ArgumentError(name(i), "valeur manquante (cellule vide ou argument omis)");
    const Arg& arg = args_[i];
    if (arg.cells.size() != 1) {
        throw ArgumentError(name(i), "une seule valeur attendue, la plage en a " + std::to_string(arg.cells.size()));
    }
    const Cell& cell = arg.cells[0];
    if (const auto* text = std::get_if<std::string>(&cell)) {
        throw ArgumentError(name(i), "un nombre est attendu, pas le texte « " + *text + " »");
    }
    const double x = std::get<double>(cell);
    check::finite(x, name(i));
    return x;
}

double CallArgs::number_or(std::size_t i, double fallback) const { return given(i) ? number(i) : fallback; }

std::optional<double> CallArgs::optional_number(std::size_t i) const {
    if (!given(i)) return std::nullopt;
    return number(i);
}

int CallArgs::integer(std::size_t i, int lo, int hi) const { return check::whole_number(number(i), lo, hi, name(i)); }

int CallArgs::integer_or(std::size_t i, int lo, int hi, int fallback) const {
    return given(i) ? integer(i, lo, hi) : fallback;
}

std::string CallArgs::text(std::size_t i) const {
    if (!given(i)) throw ArgumentError(name(i), "texte manquant (cellule vide ou argument omis)");
    const Arg& arg = args_[i];
    if (arg.cells.size() != 1) {
        throw ArgumentError(name(i), "une seule valeur attendue, la plage en a " + std::to_string(arg.cells.size()));
    }
    if (const auto* text = std::get_if<std::string>(&arg.cells[0])) return *text;
    return text_of(std::get<double>(arg.cells[0]));
}

Grid CallArgs::grid(std::size_t i) const {
    if (!given(i)) throw ArgumentError(name(i), "valeur manquante (cellule vide ou argument omis)");
    const Arg& arg = args_[i];
    const std::size_t s = std::min(i, spec_.args.size() - 1);
    const Blank rule = spec_.args[s].blank;
    Grid grid{arg.rows, arg.cols, {}};
    grid.values.reserve(arg.cells.size());
    for (std::size_t k = 0; k < arg.cells.size(); ++k) {
        const Cell& cell = arg.cells[k];
        if (const auto* x = std::get_if<double>(&cell)) {
            if (!std::isfinite(*x)) throw ArgumentError(name(i), cell_position(arg, k) + " n'est pas un nombre fini");
            grid.values.push_back(*x);
        } else if (const auto* text = std::get_if<std::string>(&cell)) {
            throw ArgumentError(name(i), cell_position(arg, k) + " contient du texte (« " + *text +
                                             " ») : un nombre est attendu");
        } else if (rule == Blank::Zero) {
            grid.values.push_back(0.0);
        } else if (rule == Blank::Error) {
            throw ArgumentError(name(i), cell_position(arg, k) +
                                             " est vide : saisir 0 si la valeur est nulle, une cellule vide "
                                             "n'est pas lue comme 0");
        }
    }
    if (rule == Blank::Skip && grid.values.size() != arg.cells.size()) {
        // Dropping blanks breaks the rectangle: what remains is a list.
        grid.rows = 1;
        grid.cols = grid.values.size();
        if (grid.values.empty()) throw ArgumentError(name(i), "la plage ne contient aucun nombre");
    }
    return grid;
}

std::vector<double> CallArgs::line(std::size_t i) const {
    Grid g = grid(i);
    if (!g.is_line()) {
        throw ArgumentError(name(i), "une ligne ou une colonne est attendue, la plage fait " + std::to_string(g.rows) +
                                         " lignes × " + std::to_string(g.cols) + " colonnes");
    }
    return std::move(g.values);
}

}  // namespace cpom::calls
