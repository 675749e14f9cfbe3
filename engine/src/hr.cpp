#include "cpom/hr.hpp"

#include <cmath>
#include <string>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

// The ANAP counts persons ("personnes physiques"): a fractional count is usually FTE typed by mistake.
void persons(double x, double minimum, Role role) {
    check::finite(x, role);
    if (x < minimum || x != std::floor(x)) {
        throw ArgumentError(role, "un nombre entier de personnes, au moins " + format_number(minimum) +
                                      ", est attendu (reçu " + format_number(x) +
                                      ") ; l'effectif se compte en personnes physiques, pas en ETP");
    }
}

}  // namespace

double absenteeism_rate(double absence_days, double fte, double days) {
    check::non_negative(absence_days, Role::absence_days);
    check::positive(fte, Role::fte);
    check::whole_number(days, 1, 366, Role::days);
    return absence_days / (fte * days);
}

double turnover(double entries, double exits, double headcount_prev) {
    persons(entries, 0, Role::entries);
    persons(exits, 0, Role::exits);
    persons(headcount_prev, 1, Role::headcount_prev);
    return (entries / headcount_prev + exits / headcount_prev) / 2;
}

}  // namespace cpom
