// EHPAD tariff equations and the activity modulation of the forfaits (domain.md §5.1, functions.md §5).
#pragma once

#include <optional>

namespace cpom {

// Forfait global soins by the tariff equation: (GMP + 2.59 · PMP) · places · point value (R314-159/162).
// gmp in [0, 1000] (GIR-weighted mean: 1000 = every resident GIR 1), pmp ≥ 0, places ≥ 0, point_value > 0.
double forfait_soins(double gmp, double pmp, double places, double point_value);

// Forfait global dépendance: GMP · places · departmental GIR point value − residents' participation (GIR 5-6
// tariff and tariffs charged to other departments). A participation above the equation amount is an error.
double forfait_dependance(double gmp, double places, double point_gir, double residents_share = 0.0);

// Occupancy threshold S below which the forfait is reduced (arrêtés of 4 and 28 September 2017, R314-160):
// from 2024, 95 % for every EHPAD; 2018–2023 depends on forfait / équation tarifaire (see tariffs.cpp).
// nullopt: no modulation that year (ratio below 90 % before 2024). Years before 2018 are an error: there was no
// modulation regime, and a typed "24" for 2024 must not silently mean "no reduction".
// equation_ratio is required for 2018–2023 and ignored (but checked if given) from 2024.
std::optional<double> modulation_threshold(int year, std::optional<double> equation_ratio);

// Reduction of the forfait for under-activity: forfait · max(0, S − occupancy) / 2 (a positive amount to deduct).
// occupancy is the HP occupancy rate in [0, 1] (absences under 72 h counted as realised).
double modulation(double forfait, double occupancy, int year, std::optional<double> equation_ratio);

}  // namespace cpom
