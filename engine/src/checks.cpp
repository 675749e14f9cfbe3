#include "cpom/checks.hpp"

#include <cmath>

#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom::check {

void finite(double x, const std::string& argument) {
    if (!std::isfinite(x)) throw ArgumentError(argument, "la valeur n'est pas un nombre fini");
}

void non_negative(double x, const std::string& argument) {
    finite(x, argument);
    if (x < 0) throw ArgumentError(argument, "doit être positif ou nul (reçu " + format_number(x) + ")");
}

void positive(double x, const std::string& argument) {
    finite(x, argument);
    if (x <= 0) throw ArgumentError(argument, "doit être strictement positif (reçu " + format_number(x) + ")");
}

void growth_rate(double x, const std::string& argument) {
    finite(x, argument);
    if (x <= -1) {
        throw ArgumentError(argument, "un taux doit être supérieur à -100 % (reçu " + format_number(x) +
                                          " ; 0,015 signifie 1,5 %)");
    }
}

void finite_row(std::span<const double> row, const std::string& argument) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (!std::isfinite(row[i])) {
            throw ArgumentError(argument, "la valeur n° " + std::to_string(i + 1) + " n'est pas un nombre fini");
        }
    }
}

int whole_number(double x, int lo, int hi, const std::string& argument) {
    finite(x, argument);
    if (x != std::floor(x) || x < lo || x > hi) {
        throw ArgumentError(argument, "doit être un entier entre " + std::to_string(lo) + " et " +
                                          std::to_string(hi) + " (reçu " + format_number(x) + ")");
    }
    return static_cast<int>(x);
}

void length(std::span<const double> row, std::size_t expected, const std::string& argument) {
    if (row.size() != expected) {
        throw ArgumentError(argument, "la plage a " + std::to_string(row.size()) + " valeurs, " +
                                          std::to_string(expected) + " attendues");
    }
}

}  // namespace cpom::check
