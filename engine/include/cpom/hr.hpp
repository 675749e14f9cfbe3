// Human-resources indicators of the ANAP performance dashboard (definitions and sources: docs/domain.md#hr).
#pragma once

namespace cpom {

// Taux d'absentéisme (ANAP): calendar days of absence / (FTE · days), days = 365 by default (the ANAP
// denominator; 366 for a leap year if the user wants it). Paid leave and training are excluded by the user.
// Not capped at 1: calendar days of part-time staff can exceed their FTE share.
double absenteeism_rate(double absence_days, double fte, double days = 365);

// Taux de rotation des personnels (ANAP): (entries / headcount + exits / headcount) / 2, headcount = persons
// (not FTE) at 31/12 of the previous year. Counts are whole numbers of persons.
double turnover(double entries, double exits, double headcount_prev);

}  // namespace cpom
