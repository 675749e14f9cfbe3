#include "cpom/tariffs.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

// Weight of the PMP in the soins equation: GMP + 2.59 · PMP (R314-162 CASF; the same "GMPS" as the arrêté of
// 16 July 2008 on the former tarifs plafonds). docs/domain.md#forfait-soins.
constexpr double k_pmp_weight = 2.59;

// Thresholds of the transition (arrêté of 4 September 2017 for dépendance, of 28 September 2017 for soins, same
// thresholds; docs/domain.md#modulation-thresholds): an EHPAD whose forfait (without the financements
// complémentaires) is at least its equation result gets 95 % at once; one between 90 % and 100 % of it starts at
// 90 % in 2018 and gains one point a year up to 95 % in 2023; below 90 % there is no modulation before 2024.
// From 2024 every EHPAD has the 95 % threshold.
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

void check_gmp(double gmp) {
    check::non_negative(gmp, Role::gmp);
    if (gmp > 1000) throw ArgumentError(Role::gmp, "le GMP ne dépasse pas 1 000 (reçu " + format_number(gmp) + ")");
}

// The forfait cannot be negative: deductions above what they are deducted from reveal an amount or a sign error.
void check_not_above(double deducted, double from, Role role, const std::string& what) {
    if (deducted > from) {
        throw ArgumentError(role, "les déductions (" + format_number(deducted) + ") dépassent " + what + " (" +
                                      format_number(from) + ") : le forfait serait négatif");
    }
}

// Residents per GIR in the order of annexe 3-6: 6 counts, or 3 (GIR 1-2, 3-4, 5-6: column E is equal by pairs).
double column_e_points(std::span<const double> residents, double& headcount) {
    if (residents.size() != 6 && residents.size() != 3) {
        throw ArgumentError(Role::residents,
                            "6 nombres de résidents sont attendus (GIR 1 à GIR 6), ou 3 (GIR 1-2, 3-4, "
                            "5-6) ; la plage en a " +
                                std::to_string(residents.size()));
    }
    const std::size_t per_group = 6 / residents.size();
    double points = 0.0;
    headcount = 0.0;
    for (std::size_t k = 0; k < residents.size(); ++k) {
        check::non_negative(residents[k], Role::residents);
        points += residents[k] * k_gir_points_column_e[k * per_group];
        headcount += residents[k];
    }
    if (headcount <= 0)
        throw ArgumentError(Role::residents,
                            "aucun résident : le niveau de perte d'autonomie moyen "
                            "n'est pas calculable");
    return points;
}

// Threshold − occupancy, without binary noise: 0.95 − 0.90 is 0.04999999999999993 in binary, which would show
// 400 000 × 5 % / 2 as 9 999,99999999999. Rates are typed with a few decimals: rounding the gap to 10⁻¹² changes
// no figure to the cent and gives 10 000 (docs/domain.md#modulation-thresholds).
double rate_gap(double threshold, double occupancy) { return std::round((threshold - occupancy) * 1e12) / 1e12; }

}  // namespace

double soins_equation(double gmp, double pmp, double places, double point_value) {
    check_gmp(gmp);
    check::non_negative(pmp, Role::pmp);
    check::non_negative(places, Role::places);
    check::positive(point_value, Role::point_value);
    return (gmp + k_pmp_weight * pmp) * places * point_value;
}

double forfait_soins(double gmp, double pmp, double places, double point_value, double daily_tariffs,
                     double complementary) {
    const double equation = soins_equation(gmp, pmp, places, point_value);
    check::non_negative(daily_tariffs, Role::daily_tariffs);
    check::non_negative(complementary, Role::complementary);
    check_not_above(daily_tariffs, equation + complementary, Role::daily_tariffs,
                    "le résultat de l'équation et les financements complémentaires");
    return equation + complementary - daily_tariffs;
}

double dependance_equation(std::span<const double> residents_by_gir, double capacity, double point_gir) {
    double headcount = 0.0;
    const double points = column_e_points(residents_by_gir, headcount);
    check::non_negative(capacity, Role::capacity);
    check::positive(point_gir, Role::point_gir);
    // R314-173 I: "niveau de perte d'autonomie moyen" = Σ points / residents, × capacity, × point.
    return points / headcount * capacity * point_gir;
}

double forfait_dependance_gir(std::span<const double> residents_by_gir, double capacity, double point_gir,
                              const DependanceAdjustments& a) {
    const double equation = dependance_equation(residents_by_gir, capacity, point_gir);
    check::non_negative(a.residents_share, Role::residents_share);
    check::non_negative(a.other_departments, Role::other_departments);
    check::non_negative(a.under_60, Role::under_60);
    check::non_negative(a.complementary, Role::complementary);
    const double deductions = a.residents_share + a.other_departments + a.under_60;
    check_not_above(deductions, equation + a.complementary, Role::residents_share,
                    "le résultat de l'équation et les financements complémentaires");
    return equation + a.complementary - deductions;
}

double forfait_dependance(double gmp, double places, double point_gir, double residents_share) {
    check_gmp(gmp);
    check::non_negative(places, Role::places);
    check::positive(point_gir, Role::point_gir);
    check::non_negative(residents_share, Role::residents_share);
    const double equation = gmp * places * point_gir;
    if (residents_share > equation) {
        throw ArgumentError(Role::residents_share, "la participation des résidents (" + format_number(residents_share) +
                                                       ") dépasse GMP × places × point (" + format_number(equation) +
                                                       ")");
    }
    return equation - residents_share;
}

std::optional<double> modulation_threshold(int year, std::optional<double> equation_ratio) {
    if (year < k_first_year) {
        throw ArgumentError(Role::year,
                            "la modulation des forfaits selon l'activité s'applique à partir de 2018 (reçu " +
                                std::to_string(year) + ")");
    }
    if (year > k_last_year) {
        throw ArgumentError(Role::year, "année improbable (reçu " + std::to_string(year) + ")");
    }
    if (equation_ratio) check::positive(*equation_ratio, Role::equation_ratio);
    if (year > k_transition.back().year) return k_threshold_from_2024;
    if (!equation_ratio) {
        throw ArgumentError(Role::equation_ratio,
                            "de 2018 à 2023 le seuil dépend du rapport forfait / équation "
                            "tarifaire : le saisir (1 = 100 %)");
    }
    const TransitionYear& row = k_transition[static_cast<std::size_t>(year - k_first_year)];
    if (*equation_ratio >= 1.0 - k_ratio_tolerance) return row.threshold_at_least_equation;
    if (*equation_ratio >= 0.9 - k_ratio_tolerance) return row.threshold_90_to_100;
    return std::nullopt;
}

std::optional<double> applicable_threshold(int year, std::optional<double> equation_ratio,
                                           std::optional<double> threshold) {
    if (!threshold) return modulation_threshold(year, equation_ratio);
    modulation_threshold(year, 1.0);  // the year's checks only: a given threshold replaces the arrêtés' table
    check::fraction(*threshold, Role::threshold);
    if (*threshold <= 0) throw ArgumentError(Role::threshold, "le seuil doit être strictement positif (0,95 = 95 %)");
    return threshold;
}

namespace {

// What the three modulations share: the checks, then threshold − occupancy (nullopt: no modulation that year).
std::optional<double> threshold_gap(double base, Role base_role, double occupancy, int year,
                                    std::optional<double> equation_ratio, std::optional<double> threshold) {
    check::non_negative(base, base_role);
    check::fraction(occupancy, Role::occupancy);  // a rate typed as 92 instead of 0.92 is caught here
    const std::optional<double> s = applicable_threshold(year, equation_ratio, threshold);
    if (!s) return std::nullopt;
    return rate_gap(*s, occupancy);
}

}  // namespace

double modulation_soins(double equation_part, double occupancy, int year, std::optional<double> equation_ratio,
                        std::optional<double> threshold) {
    const auto gap = threshold_gap(equation_part, Role::equation_part, occupancy, year, equation_ratio, threshold);
    if (!gap) return 0.0;
    // R314-160: "la moitié de la différence entre ce taux d'occupation et ce seuil", either way for soins.
    return -equation_part * *gap / 2.0 + 0.0;  // + 0.0: no "-0" in a cell
}

double modulation_dependance(double equation_part, double occupancy, int year, std::optional<double> equation_ratio,
                             std::optional<double> threshold) {
    const auto gap = threshold_gap(equation_part, Role::equation_part, occupancy, year, equation_ratio, threshold);
    if (!gap) return 0.0;
    // R314-174 3°: a "pourcentage de minoration" of half the gap below the threshold; never an increase.
    return -equation_part * std::max(0.0, *gap) / 2.0 + 0.0;  // + 0.0: no "-0" in a cell
}

double modulation(double forfait, double occupancy, int year, std::optional<double> equation_ratio) {
    const auto gap = threshold_gap(forfait, Role::forfait, occupancy, year, equation_ratio, std::nullopt);
    if (!gap) return 0.0;
    return forfait * std::max(0.0, *gap) / 2.0;
}

}  // namespace cpom
