#include "uno_conversion.hpp"

#include "cpom/uno/text.hpp"

namespace cpom::addin {

double to_number_result(const calls::Value& value) {
    if (const auto* m = std::get_if<calls::Matrix>(&value)) return m->values.at(0);
    return std::get<double>(value);
}

rtl::OUString to_text_result(const calls::Value& value) { return uno::to_oustring(std::get<std::string>(value)); }

css::uno::Sequence<css::uno::Sequence<double>> to_matrix_result(const calls::Value& value) {
    if (const auto* x = std::get_if<double>(&value)) {
        css::uno::Sequence<double> row(1);
        row.getArray()[0] = *x;
        return css::uno::Sequence<css::uno::Sequence<double>>(&row, 1);
    }
    const auto& m = std::get<calls::Matrix>(value);
    css::uno::Sequence<css::uno::Sequence<double>> result(static_cast<sal_Int32>(m.rows));
    auto* rows = result.getArray();
    for (std::size_t r = 0; r < m.rows; ++r) {
        rows[r] = css::uno::Sequence<double>(m.values.data() + r * m.cols, static_cast<sal_Int32>(m.cols));
    }
    return result;
}

}  // namespace cpom::addin
