#include "call_decoder.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <limits>
#include <string>

#include "byte_reader.hpp"

namespace cpom::fuzz {
namespace {

using calls::Arg;
using calls::Cell;

// Values a spreadsheet user (or a broken formula) can hand over and that sit on the edges of the engine's checks.
constexpr std::array<double, 20> k_specials = {std::numeric_limits<double>::quiet_NaN(),
                                               INFINITY,
                                               -INFINITY,
                                               1e308,
                                               -1e308,
                                               DBL_MAX,
                                               -DBL_MAX,
                                               std::numeric_limits<double>::denorm_min(),
                                               -0.0,
                                               0.0,
                                               1e15,
                                               9007199254740993.0,
                                               2147483648.0,
                                               -2147483649.0,
                                               -1.0,
                                               -0.5,
                                               1e-300,
                                               30.0,
                                               31.0,
                                               0.999999999999};

Cell decode_cell(ByteReader& in) {
    switch (in.u8() % 8) {
        case 0: return calls::Empty{};
        case 1: return static_cast<double>(static_cast<std::int8_t>(in.u8()));
        case 2: return static_cast<std::int16_t>(in.u16()) / 10000.0;
        case 3: return in.raw_double();
        case 4: return k_specials[in.u8() % k_specials.size()];
        case 5: return in.text(in.u8() % 32);
        case 6: {
            const auto table = calls::functions();
            return std::string(table[in.u8() % table.size()].name);
        }
        default: return static_cast<double>(static_cast<std::int32_t>(in.u32()));
    }
}

Arg decode_arg(ByteReader& in, std::size_t& budget) {
    std::size_t rows = 1, cols = 1;
    const int shape = in.u8() % 8;
    switch (shape) {
        case 0: return Arg::omitted();
        case 1:
        case 2:
        case 3: break;
        case 4:
        case 5:
            rows = in.u8() % 33;
            cols = in.u8() % 33;
            break;
        case 6: {
            const std::size_t n = in.u16() % 4097;
            (n % 2 ? cols : rows) = n;
            break;
        }
        default: rows = std::size_t{in.u16()} + 1; cols = in.u8() % 16 + 1;
    }
    if (rows * cols > budget) rows = cols == 0 ? 0 : budget / cols;
    budget -= rows * cols;
    const std::size_t size = rows * cols;
    const std::size_t distinct = shape <= 3 ? size : std::min<std::size_t>(size, std::size_t{in.u8()} + 1);
    std::vector<Cell> cells;
    cells.reserve(size);
    for (std::size_t k = 0; k < distinct; ++k) cells.push_back(decode_cell(in));
    for (std::size_t k = distinct; k < size; ++k) cells.push_back(cells[k % distinct]);
    return Arg::block(rows, cols, std::move(cells));
}

}  // namespace

Call decode_call(std::span<const std::uint8_t> bytes) {
    ByteReader in(bytes);
    const auto table = calls::functions();
    Call call{&table[in.u8() % table.size()], {}};
    const std::size_t most = call.function->args.size() + (call.function->varargs ? 8 : 2);
    const std::size_t count = in.u8() % (most + 1);
    std::size_t budget = k_max_cells;
    for (std::size_t i = 0; i < count; ++i) call.args.push_back(decode_arg(in, budget));
    return call;
}

}  // namespace cpom::fuzz
