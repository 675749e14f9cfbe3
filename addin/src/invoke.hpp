// Runs one function of the engine's table and maps every failure to what Calc shows:
// ArgumentError, CallError, ResultError → IllegalArgumentException (Err:502), NoConvergence → NoConvergenceException
// (Err:523), anything else (even std::bad_alloc) → IllegalArgumentException, logged. Nothing escapes to the office.
#pragma once

#include <cstddef>
#include <span>

#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "cpom/calls/arg.hpp"
#include "cpom/calls/function_spec.hpp"

namespace cpom::addin {

using Blocks = std::span<const calls::CellBlock* const>;

double invoke_number(std::size_t function_index, Blocks args, calls::Language language);
rtl::OUString invoke_text(std::size_t function_index, Blocks args, calls::Language language);
css::uno::Sequence<css::uno::Sequence<double>> invoke_matrix(std::size_t function_index, Blocks args,
                                                             calls::Language language);
// A table of mixed cells: numbers, texts, and #N/A where a row has no figure (its reason is in the row).
css::uno::Sequence<css::uno::Sequence<css::uno::Any>> invoke_table(std::size_t function_index, Blocks args,
                                                                   calls::Language language);

}  // namespace cpom::addin
