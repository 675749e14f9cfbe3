#include "cpom/tariffs.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

// Weight of the PMP in the care equation (R314-162 CASF).
constexpr double k_pmp_weight = 2.59;

// Thresholds of the transition (arrêtés du 4 et du 28 septembre 2017; GEROSCOPIE-SEUILS, DIRECTIONS-MOD):
// an EHPAD whose forfait is at least its équation tarifaire gets 95 % at once; one between 90 % and 100 % of it
// starts at 90 % in 2018 and gains one point a year up to 95 % in 2023; below 90 % there is no modulation
// before 2024. From 2024 every EHPAD has the 95 % threshold.
struct TransitionYear {
    int year;
    double threshold_at_least_equation;  // forfait ≥ 100 % of the equation
    double threshold_90_to_100;          // 90 % ≤ forfait < 100 % of the equation
};
constexpr std::array<TransitionYear, 6> k_transition{{
    {2018, 0.95, 0.90},
    {2019, 0.95, 0.91},
    {2020, 0.95, 0.92},
    {2021, 0.95, 0.93},
    {2022, 0.95, 0.94},
    {2023, 0.95, 0.95},
}};
constexpr int k_first_year = 2018;
constexpr int k_last_year = 2100;  // beyond: a typing error, not a year of a CPOM
constexpr double k_threshold_from_2024 = 0.95;
// A ratio computed in a sheet as 0.9 may arrive as 0.8999999999: such a hair below a band edge is the edge.
constexpr double k_ratio_tolerance = 1e-9;

}  // namespace

double forfait_soins(double gmp, double pmp, double places, double point_value) {
    check::non_negative(gmp, "gmp");
    if (gmp > 1000) throw ArgumentError("gmp", "le GMP ne dépasse pas 1 000 (reçu " + format_number(gmp) + ")");
    check::non_negative(pmp, "pmp");
    check::non_negative(places, "places");
    check::positive(point_value, "point_value");
    return (gmp + k_pmp_weight * pmp) * places * point_value;
}

double forfait_dependance(double gmp, double places, double point_gir, double residents_share) {
    check::non_negative(gmp, "gmp");
    if (gmp > 1000) throw ArgumentError("gmp", "le GMP ne dépasse pas 1 000 (reçu " + format_number(gmp) + ")");
    check::non_negative(places, "places");
    check::positive(point_gir, "point_gir");
    check::non_negative(residents_share, "residents_share");
    const double equation = gmp * places * point_gir;
    if (residents_share > equation) {
        throw ArgumentError("residents_share", "la participation des résidents (" + format_number(residents_share) +
                                                   ") dépasse GMP × places × point (" + format_number(equation) + ")");
    }
    return equation - residents_share;
}

std::optional<double> modulation_threshold(int year, std::optional<double> equation_ratio) {
    if (year < k_first_year) {
        throw ArgumentError("year", "la modulation des forfaits selon l'activité s'applique à partir de 2018 (reçu " +
                                        std::to_string(year) + ")");
    }
    if (year > k_last_year) {
        throw ArgumentError("year", "année improbable (reçu " + std::to_string(year) + ")");
    }
    if (equation_ratio) check::positive(*equation_ratio, "equation_ratio");
    if (year > k_transition.back().year) return k_threshold_from_2024;
    if (!equation_ratio) {
        throw ArgumentError("equation_ratio", "de 2018 à 2023 le seuil dépend du rapport forfait / équation "
                                              "tarifaire : le saisir (1 = 100 %)");
    }
    const TransitionYear& row = k_transition[static_cast<std::size_t>(year - k_first_year)];
    if (*equation_ratio >= 1.0 - k_ratio_tolerance) return row.threshold_at_least_equation;
    if (*equation_ratio >= 0.9 - k_ratio_tolerance) return row.threshold_90_to_100;
    return std::nullopt;
}

double modulation(double forfait, double occupancy, int year, std::optional<double> equation_ratio) {
    check::non_negative(forfait, "forfait");
    check::fraction(occupancy, "occupancy");  // a rate typed as 92 instead of 0.92 is caught here
    const std::optional<double> threshold = modulation_threshold(year, equation_ratio);
    if (!threshold) return 0.0;
    return forfait * std::max(0.0, *threshold - occupancy) / 2.0;
}

}  // namespace cpom
