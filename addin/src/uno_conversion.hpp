// The engine's results → what Calc receives. No logic beyond the conversion.
#pragma once

#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "cpom/calls/arg.hpp"

namespace cpom::addin {

double to_number_result(const calls::Value& value);
rtl::OUString to_text_result(const calls::Value& value);
css::uno::Sequence<css::uno::Sequence<double>> to_matrix_result(const calls::Value& value);

}  // namespace cpom::addin
