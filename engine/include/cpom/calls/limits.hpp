// How much work one call may ask for (issue 13): Calc recalculates every formula of a sheet in turn, so one call that
// runs for seconds freezes the whole workbook (1 000 legal CPOM_RISK calls froze Calc for 279 s). At these maxima no
// call of any function takes more than about 0.1 s on a shared 2-core machine: each function's worst case is in
// benchmarks/worst_case_bench.cpp, the figures in docs/performance.md. Beyond them the call is refused (Err:502) with
// a French reason that CPOM_CHECK shows; the help says so (metadata/tools.toml, docs/functions.md).
// Function-specific bounds stay with their function (CPOM_RISK: k_max_draws in cpom/risk.hpp).
#pragma once

#include <cstddef>
#include <span>

#include "cpom/calls/arg.hpp"
#include "cpom/calls/function_spec.hpp"

namespace cpom::calls {

inline constexpr std::size_t k_max_cells_per_argument = 1'048'576;  // a whole column of Calc
inline constexpr std::size_t k_max_text_bytes = 65'536;             // per cell: selectors, codes, account labels
inline constexpr std::size_t k_max_result_cells = 1'048'576;        // what one array formula may return
inline constexpr std::size_t k_max_table_rows = 10'000;             // CPOM_GROUP's own table of account prefixes

// Throws ArgumentError (naming the argument) if one argument has too many cells or too long a text.
void check_call_size(const FunctionSpec& spec, std::span<const Arg> args);

// Throws ArgumentError("résultat") unless a rows × cols result fits k_max_result_cells: called by the functions whose
// result can be larger than their arguments (K establishments × N years), before any work.
void check_result_size(std::size_t rows, std::size_t cols);

}  // namespace cpom::calls
