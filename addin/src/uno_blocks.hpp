// Calc's UNO arguments viewed as the engine's CellBlock, in place: a 100 000-line range is never copied into
// another representation; only its texts are converted to UTF-8, when the engine reads them.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "cpom/calls/arg.hpp"

namespace cpom::addin {

using UnoCells = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

// UTF-8 copies of the texts read during one call, in blocks that never move: the views handed to the engine stay
// valid until the call returns.
class TextArena {
public:
    std::string_view store(const rtl::OUString& text);

private:
    static constexpr std::size_t k_block_size = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* next_ = nullptr;
    std::size_t left_ = 0;
};

// One cell of Calc's: void or an empty string (a blank cell of a range) is blank; numbers and booleans are
// numbers; a text is read through the arena.
calls::CellView view_of(const css::uno::Any& value, TextArena& texts);

// The UTF-8 size of the first text of `cells` longer than `bytes` bytes: UTF-16 lengths first (a text's UTF-8 size is
// at least its UTF-16 length and at most three times it), so that no text of an ordinary range is converted.
std::optional<std::size_t> text_longer_than(const UnoCells& cells, std::size_t bytes);
std::optional<std::size_t> text_longer_than(const css::uno::Any& value, std::size_t bytes);

// A required argument: the rows×cols block Calc builds (a single value arrives as 1×1). Refers to the method's
// parameter, which outlives the call.
class UnoCellBlock final : public calls::CellBlock {
public:
    explicit UnoCellBlock(const UnoCells& cells);
    std::size_t rows() const override { return rows_; }
    std::size_t cols() const override { return cols_; }
    calls::CellView at(std::size_t r, std::size_t c) const override;
    using CellBlock::at;
    std::optional<std::size_t> text_longer_than(std::size_t bytes) const override;

private:
    const UnoCells& cells_;
    std::size_t rows_;
    std::size_t cols_;
    mutable TextArena texts_;
};

// An optional argument (`any`): void is omitted (or, for a repeated argument, a blank cell), a number or a text is
// 1×1, a range is its block.
class UnoValueBlock final : public calls::CellBlock {
public:
    enum class Void { Omitted, Blank };
    explicit UnoValueBlock(const css::uno::Any& value, Void void_is = Void::Omitted);
    std::size_t rows() const override { return rows_; }
    std::size_t cols() const override { return cols_; }
    calls::CellView at(std::size_t r, std::size_t c) const override;
    using CellBlock::at;
    std::optional<std::size_t> text_longer_than(std::size_t bytes) const override;

private:
    UnoCells cells_;       // a range (shares Calc's sequence, no copy of the cells)
    css::uno::Any value_;  // or one value
    bool is_range_ = false;
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    mutable TextArena texts_;
};

// CPOM_CHECK's repeated arguments, each a UnoValueBlock whose void is a blank cell.
class UnoRepeatedBlocks {
public:
    explicit UnoRepeatedBlocks(const css::uno::Sequence<css::uno::Any>& values);
    // The arguments before the repeated ones, then these.
    std::vector<const calls::CellBlock*> after(std::initializer_list<const calls::CellBlock*> first) const;

private:
    std::vector<std::unique_ptr<UnoValueBlock>> blocks_;
};

}  // namespace cpom::addin
