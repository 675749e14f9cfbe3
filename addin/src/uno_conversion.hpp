// The engine's results → what Calc receives. No logic beyond the conversion.
#pragma once

#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "cpom/calls/arg.hpp"

namespace cpom::addin {

double to_number_result(const calls::Value& value);
rtl::OUString to_text_result(const calls::Value& value);
css::uno::Sequence<css::uno::Sequence<double>> to_matrix_result(const calls::Value& value);
// Numbers and texts as they are; NotAvailable as the double Calc reads as #N/A in a result array (its error
// encoding: a NaN whose low 32 bits hold FormulaError::NotAvailable, 0x7FFF).
css::uno::Sequence<css::uno::Sequence<css::uno::Any>> to_table_result(const calls::Value& value);
// That double, exposed for the tests.
double not_available_value();

}  // namespace cpom::addin
