#include "uno_conversion.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

#include <com/sun/star/uno/TypeClass.hpp>

namespace cpom::addin {
namespace {

calls::Cell to_cell(const css::uno::Any& value) {
    switch (value.getValueTypeClass()) {
        case css::uno::TypeClass_VOID:
            return calls::Empty{};
        case css::uno::TypeClass_STRING: {
            // Calc passes the empty cells of a range as empty strings (ScRangeToSequence::FillMixedArray);
            // a formula returning "" is the accountant's way to leave a cell blank too.
            // Read in place: a copy would cost two atomic reference counts per cell of a 100 000-line range.
            const auto& text = *static_cast<const rtl::OUString*>(value.getValue());
            if (text.isEmpty()) return calls::Empty{};
            return to_utf8(text);
        }
        default: {
            double number = 0.0;
            if (value >>= number) return number;  // also widens long, short, boolean...
            return std::string("<valeur non reconnue>");
        }
    }
}

}  // namespace

std::string to_utf8(const rtl::OUString& text) {
    // Account numbers, codes and selectors are ASCII: narrow them directly, without rtl's intermediate string.
    const sal_Unicode* units = text.getStr();
    const auto length = static_cast<std::size_t>(text.getLength());
    if (std::all_of(units, units + length, [](sal_Unicode u) { return u < 0x80; })) {
        std::string ascii(length, '\0');
        std::transform(units, units + length, ascii.begin(), [](sal_Unicode u) { return static_cast<char>(u); });
        return ascii;
    }
    const rtl::OString utf8 = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(utf8.getStr(), utf8.getLength());
}

rtl::OUString to_oustring(const std::string& utf8) {
    return rtl::OStringToOUString(rtl::OString(utf8.data(), utf8.size()), RTL_TEXTENCODING_UTF8);
}

calls::Arg to_arg(const Cells& cells) {
    const std::size_t rows = cells.getLength();
    const std::size_t cols = rows ? cells[0].getLength() : 0;
    std::vector<calls::Cell> flat;
    flat.reserve(rows * cols);
    for (const auto& row : cells) {
        // Calc always sends rectangles; a ragged block would be a bug upstream, so pad rather than overrun.
        for (std::size_t c = 0; c < cols; ++c) {
            flat.push_back(c < static_cast<std::size_t>(row.getLength()) ? to_cell(row[c]) : calls::Cell{});
        }
    }
    return calls::Arg::block(rows, cols, std::move(flat));
}

calls::Arg to_arg(const css::uno::Any& value) {
    if (!value.hasValue()) return calls::Arg::omitted();
    Cells cells;
    if (value >>= cells) return to_arg(cells);
    return calls::Arg::scalar(to_cell(value));
}

void append_varargs(calls::Args& args, const css::uno::Sequence<css::uno::Any>& values) {
    for (const auto& value : values) {
        calls::Arg arg = to_arg(value);
        // An explicitly empty argument in a vararg list is a blank cell, not a missing one.
        args.push_back(arg.is_omitted() ? calls::Arg::scalar(calls::Empty{}) : std::move(arg));
    }
}

double to_number_result(const calls::Value& value) {
    if (const auto* m = std::get_if<calls::Matrix>(&value)) return m->values.at(0);
    return std::get<double>(value);
}

rtl::OUString to_text_result(const calls::Value& value) { return to_oustring(std::get<std::string>(value)); }

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
                cells[c] <<= to_oustring(*text);
            } else {
                cells[c] <<= not_available_value();
            }
        }
        rows[r] = row;
    }
    return result;
}

}  // namespace cpom::addin
