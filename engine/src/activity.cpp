#include "cpom/activity.hpp"

#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

// A deduction larger than what it is deducted from would give a negative cost or price: a data error
// (wrong sign, wrong line), never a figure to show.
void deduction_fits(double deduction, double available, Role role, const std::string& what) {
    if (deduction > available) {
        throw ArgumentError(role, what + " (" + format_number(deduction) + ") dépasse les charges à couvrir (" +
                                      format_number(available) +
                                      ") : un coût négatif n'a pas de sens, vérifier les montants et leurs signes");
    }
}

}  // namespace

double occupancy(double days, double capacity, double opening_days, double short_absences) {
    check::non_negative(days, Role::days);
    check::positive(capacity, Role::capacity);
    check::whole_number(opening_days, 1, 366, Role::opening_days);
    check::non_negative(short_absences, Role::short_absences);
    return (days + short_absences) / (capacity * opening_days);
}

double activity_rate(double realised_days, double financed_days) {
    check::non_negative(realised_days, Role::realised_days);
    check::positive(financed_days, Role::financed_days);
    return realised_days / financed_days;
}

double unit_cost(double charges, double units, double deductible) {
    check::non_negative(charges, Role::charges);
    check::positive(units, Role::units);
    check::non_negative(deductible, Role::deductible);
    deduction_fits(deductible, charges, Role::deductible, "le montant déduit");
    return (charges - deductible) / units;
}

double day_price(double charges, double other_products, double units, double result_carry) {
    check::non_negative(charges, Role::charges);
    check::non_negative(other_products, Role::other_products);
    check::positive(units, Role::units);
    check::finite(result_carry, Role::result_carry);
    deduction_fits(other_products, charges, Role::other_products, "le total des autres produits");
    // A deficit added back (result_carry < 0) always fits; a surplus taken back must not exceed the net charges.
    deduction_fits(result_carry, charges - other_products, Role::result_carry, "l'excédent repris");
    return (charges - other_products - result_carry) / units;
}

}  // namespace cpom
