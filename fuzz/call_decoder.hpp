// Decodes fuzz bytes into one call of a function of the table: which function, and the cells Calc could send.
// tools/fuzz_seeds.py writes the same format from the documented examples; keep the two in step.
//
//   input  := function:u8 count:u8 arg*          function = index in functions() (modulo their number)
//                                                 count = number of arguments, modulo (declared + 3, or + 9
//                                                 for a varargs function): too many arguments are tried too
//   arg    := shape:u8 [size distinct:u8] cell+   shape % 8: 0 omitted (no more bytes) | 1-3 scalar (one cell) |
//                                                 4-5 block, size = rows:u8 cols:u8 (each % 33, 0 allowed) |
//                                                 6 line, size = n:u16 (% 4097; a row if n is odd, else a column)
//                                                 | 7 large block, size = rows:u16 (+ 1) cols:u8 (% 16 + 1)
//   cell   := tag:u8 payload                      tag % 8: 0 blank | 1 i8 | 2 i16 / 10000 (a rate) | 3 raw
//                                                 double (8 bytes) | 4 special value index:u8 | 5 text len:u8
//                                                 (% 32) bytes | 6 function name index:u8 | 7 i32 (an amount)
//
// A block decodes min(distinct + 1, rows × cols) cells, then repeats them to fill the range, so a few bytes make
// a large valid range and the arguments after it still get their own bytes. At most k_max_cells cells per call keep each run fast.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "cpom/calls/arg.hpp"
#include "cpom/calls/function_spec.hpp"

namespace cpom::fuzz {

inline constexpr std::size_t k_max_cells = std::size_t{1} << 17;

struct Call {
    const calls::FunctionSpec* function;
    calls::Args args;
};

Call decode_call(std::span<const std::uint8_t> bytes);

}  // namespace cpom::fuzz
