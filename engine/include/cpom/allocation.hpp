// Activity-based allocation of shared costs (docs/domain.md#allocate, CPOM_ALLOCATE): head office, logistics,
// administration... spread over activities in proportion to driver keys (FTE, m², days, meals).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace cpom {

// K pools, each split over M activities: result_m = Σ_k pools_k · drivers_km / Σ_m drivers_km.
// drivers is K×M, row-major (one row of keys per pool). Linear in K×M.
// Money is never lost: the result sums to Σ pools (up to rounding). Hence a pool whose keys sum to 0 while its
// amount is not 0 is an error, as is a negative key. A pool amount may be negative (a recovery shared like the
// costs it reduces).
std::vector<double> allocate(std::span<const double> pools, std::span<const double> drivers, std::size_t activities);

}  // namespace cpom
