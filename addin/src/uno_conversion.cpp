#include "uno_conversion.hpp"

#include <bit>
#include <cstdint>

#include <com/sun/star/uno/Any.hxx>

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

double not_available_value() {
    // LibreOffice's CreateDoubleError(FormulaError::NotAvailable) (include/formula/errorcodes.hxx): a quiet NaN
    // (exponent all ones, top fraction bit set) with the error code 0x7FFF in the low 32 bits of the fraction.
    return std::bit_cast<double>(std::uint64_t{0x7FF8'0000'0000'7FFF});
}

css::uno::Sequence<css::uno::Sequence<css::uno::Any>> to_table_result(const calls::Value& value) {
    const auto& table = std::get<calls::Table>(value);
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> result(static_cast<sal_Int32>(table.rows));
    auto* rows = result.getArray();
    for (std::size_t r = 0; r < table.rows; ++r) {
        css::uno::Sequence<css::uno::Any> row(static_cast<sal_Int32>(table.cols));
        auto* cells = row.getArray();
        for (std::size_t c = 0; c < table.cols; ++c) {
            const calls::TableCell& cell = table.at(r, c);
            if (const auto* x = std::get_if<double>(&cell)) {
                cells[c] <<= *x;
            } else if (const auto* text = std::get_if<std::string>(&cell)) {
                cells[c] <<= uno::to_oustring(*text);
            } else {
                cells[c] <<= not_available_value();
            }
        }
        rows[r] = row;
    }
    return result;
}

}  // namespace cpom::addin
