// Runs one function of the engine's table and maps every failure to what Calc shows:
// ArgumentError → IllegalArgumentException (Err:502), NoConvergence → NoConvergenceException (Err:523),
// anything else (even std::bad_alloc) → IllegalArgumentException, logged. Nothing escapes to the office.
#pragma once

#include <cstddef>

#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "cpom/calls/arg.hpp"

namespace cpom::addin {

double invoke_number(std::size_t function_index, const calls::Args& args);
rtl::OUString invoke_text(std::size_t function_index, const calls::Args& args);
css::uno::Sequence<css::uno::Sequence<double>> invoke_matrix(std::size_t function_index, const calls::Args& args);
// A table of mixed cells: numbers, texts, and #N/A where a row has no figure (its reason is in the row).
css::uno::Sequence<css::uno::Sequence<css::uno::Any>> invoke_table(std::size_t function_index,
                                                                   const calls::Args& args);

}  // namespace cpom::addin
