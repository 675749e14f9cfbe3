#include "cpom/allocation.hpp"

#include <cmath>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

std::string pool_line(std::size_t k) { return "ligne n° " + std::to_string(k + 1); }

}  // namespace

std::vector<double> allocate(std::span<const double> pools, std::span<const double> drivers, std::size_t activities) {
    if (pools.empty()) throw ArgumentError(Role::pool_amounts, "au moins un montant à répartir est attendu");
    if (activities == 0 || drivers.size() != pools.size() * activities) {
        throw ArgumentError(Role::drivers, "une ligne de clés par montant à répartir est attendue (" +
                                               std::to_string(pools.size()) +
                                               " lignes), avec une colonne par activité");
    }
    check::finite_row(pools, Role::pool_amounts);

    std::vector<double> allocated(activities, 0.0);
    for (std::size_t k = 0; k < pools.size(); ++k) {
        const std::span<const double> keys = drivers.subspan(k * activities, activities);
        double total = 0.0;
        for (std::size_t m = 0; m < activities; ++m) {
            if (!std::isfinite(keys[m]) || keys[m] < 0) {
                throw ArgumentError(Role::drivers, pool_line(k) + ", colonne n° " + std::to_string(m + 1) + " : clé " +
                                                       format_number(keys[m]) +
                                                       " ; une clé de répartition est une quantité positive ou nulle");
            }
            total += keys[m];
        }
        if (pools[k] == 0) continue;  // nothing to share: an empty key row is fine
        if (total == 0) {
            throw ArgumentError(Role::drivers, pool_line(k) +
                                                   " : les clés sont toutes nulles ou vides alors que le montant " +
                                                   format_number(pools[k]) +
                                                   " doit être réparti ; il ne serait affecté à aucune activité");
        }
        const double per_key = pools[k] / total;
        for (std::size_t m = 0; m < activities; ++m) allocated[m] += per_key * keys[m];
    }
    return allocated;
}

}  // namespace cpom
