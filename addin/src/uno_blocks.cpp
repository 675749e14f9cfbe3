#include "uno_blocks.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include <com/sun/star/uno/TypeClass.hpp>

#include "cpom/uno/text.hpp"

namespace cpom::addin {

std::string_view TextArena::store(const rtl::OUString& text) {
    const auto length = static_cast<std::size_t>(text.getLength());
    const bool ascii = uno::is_ascii(text);
    const std::string utf8 = ascii ? std::string() : uno::to_utf8(text);
    const std::size_t size = ascii ? length : utf8.size();
    if (size > left_) {
        const std::size_t block = std::max(size, k_block_size);
        blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));
        next_ = blocks_.back().get();
        left_ = block;
    }
    char* out = next_;
    if (ascii) {
        uno::narrow_ascii(text, out);
    } else {
        std::memcpy(out, utf8.data(), size);
    }
    next_ += size;
    left_ -= size;
    return {out, size};
}

calls::CellView view_of(const css::uno::Any& value, TextArena& texts) {
    switch (value.getValueTypeClass()) {
        case css::uno::TypeClass_VOID: return {};
        case css::uno::TypeClass_STRING: {
            // Calc passes the empty cells of a range as empty strings (ScRangeToSequence::FillMixedArray); a formula
            // returning "" is the accountant's way to leave a cell blank too. Read in place: a copy of the OUString
            // would cost two atomic reference counts per cell of a 100 000-line range.
            const auto& text = *static_cast<const rtl::OUString*>(value.getValue());
            if (text.isEmpty()) return {};
            return {calls::CellKind::Text, 0.0, texts.store(text)};
        }
        default: {
            double number = 0.0;
            if (value >>= number) return {calls::CellKind::Number, number, {}};  // also widens long, boolean...
            return {calls::CellKind::Text, 0.0, "<valeur non reconnue>"};
        }
    }
}

std::optional<std::size_t> text_longer_than(const css::uno::Any& value, std::size_t bytes) {
    if (value.getValueTypeClass() != css::uno::TypeClass_STRING) return std::nullopt;
    const auto& text = *static_cast<const rtl::OUString*>(value.getValue());
    const auto units = static_cast<std::size_t>(text.getLength());
    if (units * 3 <= bytes) return std::nullopt;
    const std::size_t size = uno::to_utf8(text).size();
    return size > bytes ? std::optional(size) : std::nullopt;
}

std::optional<std::size_t> text_longer_than(const UnoCells& cells, std::size_t bytes) {
    for (const auto& row : cells) {
        for (const auto& value : row) {
            if (const auto size = text_longer_than(value, bytes)) return size;
        }
    }
    return std::nullopt;
}

UnoCellBlock::UnoCellBlock(const UnoCells& cells)
    : cells_(cells),
      rows_(static_cast<std::size_t>(cells.getLength())),
      cols_(cells.hasElements() ? static_cast<std::size_t>(cells[0].getLength()) : 0) {}

std::optional<std::size_t> UnoCellBlock::text_longer_than(std::size_t bytes) const {
    return addin::text_longer_than(cells_, bytes);
}

calls::CellView UnoCellBlock::at(std::size_t r, std::size_t c) const {
    const auto& row = cells_[static_cast<sal_Int32>(r)];
    // Calc always sends rectangles; a ragged block would be a bug upstream, so read blanks rather than overrun.
    if (c >= static_cast<std::size_t>(row.getLength())) return {};
    return view_of(row[static_cast<sal_Int32>(c)], texts_);
}

UnoValueBlock::UnoValueBlock(const css::uno::Any& value, Void void_is) {
    if (!value.hasValue()) {
        if (void_is == Void::Blank) rows_ = cols_ = 1;
        return;
    }
    if (value >>= cells_) {
        is_range_ = true;
        rows_ = static_cast<std::size_t>(cells_.getLength());
        // std::as_const: the non-const operator[] of a Sequence makes it unique, a copy of Calc's whole range.
        cols_ = cells_.hasElements() ? static_cast<std::size_t>(std::as_const(cells_)[0].getLength()) : 0;
        return;
    }
    value_ = value;
    rows_ = cols_ = 1;
}

std::optional<std::size_t> UnoValueBlock::text_longer_than(std::size_t bytes) const {
    return is_range_ ? addin::text_longer_than(cells_, bytes) : addin::text_longer_than(value_, bytes);
}

calls::CellView UnoValueBlock::at(std::size_t r, std::size_t c) const {
    if (!is_range_) return view_of(value_, texts_);
    const auto& row = cells_[static_cast<sal_Int32>(r)];
    if (c >= static_cast<std::size_t>(row.getLength())) return {};
    return view_of(row[static_cast<sal_Int32>(c)], texts_);
}

UnoRepeatedBlocks::UnoRepeatedBlocks(const css::uno::Sequence<css::uno::Any>& values) {
    blocks_.reserve(static_cast<std::size_t>(values.getLength()));
    // An explicitly empty argument in a vararg list is a blank cell, not a missing one.
    for (const auto& value : values)
        blocks_.push_back(std::make_unique<UnoValueBlock>(value, UnoValueBlock::Void::Blank));
}

std::vector<const calls::CellBlock*> UnoRepeatedBlocks::after(
    std::initializer_list<const calls::CellBlock*> first) const {
    std::vector<const calls::CellBlock*> all(first);
    for (const auto& block : blocks_) all.push_back(block.get());
    return all;
}

}  // namespace cpom::addin
