// UNO values ↔ the engine's plain cells and results. No logic beyond the conversion.
#pragma once

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "cpom/calls/arg.hpp"

namespace cpom::addin {

using Cells = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

// A required argument: a block of cells (a single value arrives as 1×1).
calls::Arg to_arg(const Cells& cells);
// An optional argument: void (omitted), a number, a text or a block of cells.
calls::Arg to_arg(const css::uno::Any& value);
// CPOM_CHECK's repeated arguments.
void append_varargs(calls::Args& args, const css::uno::Sequence<css::uno::Any>& values);

std::string to_utf8(const rtl::OUString& text);
rtl::OUString to_oustring(const std::string& utf8);

double to_number_result(const calls::Value& value);
rtl::OUString to_text_result(const calls::Value& value);
css::uno::Sequence<css::uno::Sequence<double>> to_matrix_result(const calls::Value& value);
// Numbers and texts as they are; NotAvailable as the double Calc reads as #N/A in a result array (its error
// encoding: a NaN whose low 32 bits hold FormulaError::NotAvailable, 0x7FFF).
css::uno::Sequence<css::uno::Sequence<css::uno::Any>> to_table_result(const calls::Value& value);
// That double, exposed for the tests.
double not_available_value();

}  // namespace cpom::addin
