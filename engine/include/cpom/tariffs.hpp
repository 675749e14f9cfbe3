// EHPAD tariff equations and the activity modulation of the forfaits, as the CASF writes them
// (docs/domain.md#forfait-soins, #forfait-dependance, #modulation).
#pragma once

#include <array>
#include <optional>
#include <span>

namespace cpom {

// ---------------------------------------------------------------------------------------------- soins

// Résultat de l'équation tarifaire relative aux soins (R314-162 CASF): (GMP + 2.59 · PMP) · places · point value.
// gmp in [0, 1000] (GIR-weighted mean: 1000 = every resident GIR 1), pmp ≥ 0, places ≥ 0 (authorised and funded
// permanent places), point_value > 0 (set each year by arrêté, see soins_point_value).
double soins_equation(double gmp, double pmp, double places, double point_value);

// Forfait global relatif aux soins (R314-159): the equation result plus the financements complémentaires, minus
// the forecast proceeds of the daily soins tariffs billed. With both omitted (0) it is the equation result, as
// CPOM_FORFAIT_SOINS always returned. A forfait below 0 (daily tariffs above the rest) is an error.
double forfait_soins(double gmp, double pmp, double places, double point_value, double daily_tariffs = 0.0,
                     double complementary = 0.0);

// ------------------------------------------------------------------------------------------ dépendance

// Column E of annexe 3-6 CASF: GIR points "servant de base au calcul des tarifs afférents à la dépendance et aux
// soins", GIR 1 to GIR 6. The GMP of column C (1000, 840, 660, 420, 250, 70) is NOT what R314-173 uses.
inline constexpr std::array<double, 6> k_gir_points_column_e{1040, 1040, 660, 660, 280, 280};

// Résultat de l'équation tarifaire relative à la dépendance (R314-173 I 1° and 2°): the residents' column-E
// points divided by the number of residents, times the authorised and funded permanent capacity, times the
// departmental GIR point value. residents_by_gir: 6 counts (GIR 1 … GIR 6) or 3 (GIR 1-2, 3-4, 5-6), each ≥ 0,
// total > 0. Errors name `residents`, `capacity`, `point_gir`.
double dependance_equation(std::span<const double> residents_by_gir, double capacity, double point_gir);

// The amounts R314-173 I 3° deducts from the equation, and the financements complémentaires of R314-172 2°.
struct DependanceAdjustments {
    double residents_share = 0.0;    // participation des résidents (L232-8 I, GIR 5-6 tariff)
    double other_departments = 0.0;  // tarifs journaliers dépendance paid by other départements (domicile de secours)
    double under_60 = 0.0;           // participation acquittée par les résidents de moins de 60 ans
    double complementary = 0.0;      // financements complémentaires du CPOM
};

// Forfait global dépendance à la charge du département: equation + complementary − the three deductions. Every
// adjustment ≥ 0; deductions above equation + complementary are an error (a negative forfait is a data error).
double forfait_dependance_gir(std::span<const double> residents_by_gir, double capacity, double point_gir,
                              const DependanceAdjustments& adjustments);

// CPOM_FORFAIT_DEPENDANCE, kept for old documents: GMP (column C) · places · point − residents' share. Not the
// R314-173 equation (column E points per resident); see docs/domain.md#forfait-dependance-legacy.
double forfait_dependance(double gmp, double places, double point_gir, double residents_share = 0.0);

// ------------------------------------------------------------------------------------------ modulation

// Occupancy threshold S of the modulation (arrêtés of 4 September 2017, dépendance, and 28 September 2017, soins):
// from 2024, 95 % for every EHPAD; 2018–2023 depends on forfait / équation tarifaire (see tariffs.cpp).
// nullopt: no modulation that year (ratio below 90 % before 2024). Years before 2018 are an error: there was no
// modulation regime, and a typed "24" for 2024 must not silently mean "no modulation".
// equation_ratio is required for 2018–2023 and ignored (but checked if given) from 2024.
std::optional<double> modulation_threshold(int year, std::optional<double> equation_ratio);

// The threshold that applies: `threshold` when the user gives one (a later arrêté, the authority's decision;
// in ]0, 1]), else the arrêtés' table. The year is checked either way.
std::optional<double> applicable_threshold(int year, std::optional<double> equation_ratio,
                                           std::optional<double> threshold);

// Modulation of the soins forfait (R314-160): equation_part · (occupancy − S) / 2, signed — positive above the
// threshold (more funding), negative below. equation_part is the part of the forfait from the equation (1° of
// R314-159, without the financements complémentaires); occupancy is the HP rate in [0, 1].
double modulation_soins(double equation_part, double occupancy, int year, std::optional<double> equation_ratio,
                        std::optional<double> threshold = std::nullopt);

// Modulation of the dépendance forfait (R314-174): a reduction only, −equation_part · max(0, S − occupancy) / 2
// (≤ 0, the amount to add to the forfait).
double modulation_dependance(double equation_part, double occupancy, int year, std::optional<double> equation_ratio,
                             std::optional<double> threshold = std::nullopt);

// CPOM_MODULATION, kept for old documents: forfait · max(0, S − occupancy) / 2 as a POSITIVE amount to deduct,
// reduction only for both forfaits (see docs/domain.md#modulation-legacy).
double modulation(double forfait, double occupancy, int year, std::optional<double> equation_ratio);

}  // namespace cpom
