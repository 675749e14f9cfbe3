#include "cpom/activity.hpp"

#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

// A deduction larger than what it is deducted from would give a negative cost or price: a data error
// (wrong sign, wrong line), never a figure to show.
void deduction_fits(double deduction, double available, const std::string& argument, const std::string& what) {
    if (deduction > available) {
        throw ArgumentError(argument, what + " (" + format_number(deduction) + ") dépasse les charges à couvrir (" +
                                          format_number(available) +
                                          ") : un coût négatif n'a pas de sens, vérifier les montants et leurs signes");
    }
}

}  // namespace

double occupancy(double days, double capacity, double opening_days, double short_absences) {
    check::non_negative(days, "days");
    check::positive(capacity, "capacity");
    check::whole_number(opening_days, 1, 366, "opening_days");
    check::non_negative(short_absences, "short_absences");
    return (days + short_absences) / (capacity * opening_days);
}

double activity_rate(double realised_days, double financed_days) {
    check::non_negative(realised_days, "realised_days");
    check::positive(financed_days, "financed_days");
    return realised_days / financed_days;
}

double unit_cost(double charges, double units, double deductible) {
    check::non_negative(charges, "charges");
    check::positive(units, "units");
    check::non_negative(deductible, "deductible");
    deduction_fits(deductible, charges, "deductible", "le montant déduit");
    return (charges - deductible) / units;
}

double day_price(double charges, double other_products, double units, double result_carry) {
    check::non_negative(charges, "charges");
    check::non_negative(other_products, "other_products");
    check::positive(units, "units");
    check::finite(result_carry, "result_carry");
    deduction_fits(other_products, charges, "other_products", "le total des autres produits");
    // A deficit added back (result_carry < 0) always fits; a surplus taken back must not exceed the net charges.
    deduction_fits(result_carry, charges - other_products, "result_carry", "l'excédent repris");
    return (charges - other_products - result_carry) / units;
}

}  // namespace cpom
