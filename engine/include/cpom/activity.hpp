// Activity and activity-based costs (definitions and sources: docs/domain.md#activity; ERRD, ANAP, R314-160).
// Rates above 1 are returned as they are: over-activity (extra temporary stays, waiting lists) exists and must
// show in the figures, not be capped at 100 %.
#pragma once

namespace cpom {

// Taux d'occupation (ERRD, R314-160): (days + short_absences) / (capacity · opening_days). Absences under 72 h
// (personal convenience or hospitalisation) count as realised days. opening_days is a whole number of 1..366.
double occupancy(double days, double capacity, double opening_days = 365, double short_absences = 0);

// Taux de réalisation de l'activité (ANAP): realised days / financed days.
double activity_rate(double realised_days, double financed_days);

// Cost per unit (place, day, person of the file active): (charges − deductible) / units. The deductible
// products (groups II and III) cannot exceed the charges: a negative cost is a data error, not a cost.
double unit_cost(double charges, double units, double deductible = 0);

// Classic prix de journée: (charges − other_products − result_carry) / units. result_carry > 0 is a surplus
// taken back (lowers the price), < 0 a deficit added (raises it). A negative price is an error.
double day_price(double charges, double other_products, double units, double result_carry = 0);

}  // namespace cpom
