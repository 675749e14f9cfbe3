#include "cpom/audit.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

// Decimal figures such as (0.315 − 0.3) / 0.3 land a few ulps above 0.05 in binary; a billionth of the target is far below any
// meaningful deviation, so a value typed exactly on the boundary gets the boundary's status.
constexpr double k_boundary_slack = 1e-9;

}  // namespace

double cagr(std::span<const double> values) {
    if (values.size() < 2) {
        throw ArgumentError(Role::values, "au moins deux années sont nécessaires pour un taux moyen (reçu " +
                                              std::to_string(values.size()) + ")");
    }
    check::finite_row(values, Role::values);
    const double first = values.front(), last = values.back();
    if (first <= 0) {
        throw ArgumentError(Role::values, "la première valeur doit être strictement positive (reçu " +
                                              format_number(first) +
                                              ") : un taux de croissance part d'un montant positif");
    }
    if (last < 0) {
        throw ArgumentError(Role::values, "la dernière valeur est négative (reçu " + format_number(last) +
                                              ") : le taux moyen n'est pas défini");
    }
    return std::pow(last / first, 1.0 / static_cast<double>(values.size() - 1)) - 1.0;
}

std::vector<double> variance(std::span<const double> actual, std::span<const double> budget, VarianceMode mode) {
    if (actual.size() != budget.size()) {
        throw ArgumentError(Role::budget, "la plage a " + std::to_string(budget.size()) + " valeurs, " +
                                              std::to_string(actual.size()) + " attendues (comme " +
                                              mention(Role::actual) + ")");
    }
    check::finite_row(actual, Role::actual);
    check::finite_row(budget, Role::budget);
    std::vector<double> result(actual.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const double gap = actual[i] - budget[i];
        if (mode == VarianceMode::Amount) {
            result[i] = gap;
            continue;
        }
        if (budget[i] == 0) {
            const std::string which = actual.size() == 1 ? "le budget" : "le budget n° " + std::to_string(i + 1);
            throw ArgumentError(Role::budget, which +
                                                  " est nul : un écart relatif à un budget nul n'existe pas "
                                                  "(utiliser le mode 0, écart en euros)");
        }
        result[i] = gap / std::fabs(budget[i]);
    }
    return result;
}

double execution_rate(double actual, double forecast) {
    check::non_negative(actual, Role::actual);
    check::positive(forecast, Role::forecast);
    return actual / forecast;
}

Status status(double actual, double target, double tolerance, Direction direction) {
    check::finite(actual, Role::actual);
    check::finite(target, Role::target);
    check::non_negative(tolerance, Role::tolerance);
    if (target == 0) {
        throw ArgumentError(Role::target,
                            "la cible est nulle : la tolérance est relative à la cible (0,05 = 5 % de la "
                            "cible), elle n'a pas de sens pour une cible de 0");
    }
    const double gap = (actual - target) / std::fabs(target);  // > 0: above the target
    double adverse = 0.0;
    switch (direction) {
        case Direction::HigherIsBetter: adverse = std::max(0.0, -gap); break;
        case Direction::LowerIsBetter: adverse = std::max(0.0, gap); break;
        case Direction::Closer: adverse = std::fabs(gap); break;
    }
    if (adverse <= tolerance + k_boundary_slack) return Status::Ok;
    if (adverse <= 2 * tolerance + k_boundary_slack) return Status::Vigilance;
    return Status::Alert;
}

std::string_view status_text(Status status) {
    switch (status) {
        case Status::Ok: return "OK";
        case Status::Vigilance: return "VIGILANCE";
        case Status::Alert: return "ALERTE";
    }
    return "ALERTE";
}

}  // namespace cpom
