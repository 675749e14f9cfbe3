// A spreadsheet argument in plain C++: what Calc hands to a function, before any interpretation.
// The engine reads arguments through CellBlock, in place: the add-in views Calc's UNO sequences without copying a
// 100 000-line range (addin/src/uno_blocks.hpp); CPOM_CHECK's repeated arguments and the tests hold their own
// cells in an Arg.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cpom::calls {

enum class CellKind : std::uint8_t { Empty, Number, Text };

// One cell as read: blank, a number or a UTF-8 text. The text is a view into the argument, valid for the call.
struct CellView {
    CellKind kind = CellKind::Empty;
    double number = 0.0;
    std::string_view text;

    bool is_empty() const { return kind == CellKind::Empty; }
    bool is_number() const { return kind == CellKind::Number; }
    bool is_text() const { return kind == CellKind::Text; }
};

// A rows×cols block of cells held by the caller, read in row-major order. rows() == 0 is an omitted argument.
class CellBlock {
public:
    virtual std::size_t rows() const = 0;
    virtual std::size_t cols() const = 0;
    virtual CellView at(std::size_t r, std::size_t c) const = 0;

    std::size_t size() const { return rows() * cols(); }
    bool is_omitted() const { return rows() == 0 || cols() == 0; }
    // Omitted, or a single blank cell: both mean "use the default" for an optional argument.
    bool is_blank() const { return is_omitted() || (size() == 1 && at(0, 0).is_empty()); }
    // The size in UTF-8 bytes of the first text longer than `bytes`, if any (the per-call bounds, limits.hpp). A
    // block that holds its texts in another encoding overrides it to check without converting every text.
    virtual std::optional<std::size_t> text_longer_than(std::size_t bytes) const {
        for (std::size_t k = 0; k < size(); ++k) {
            const CellView cell = at(k);
            if (cell.is_text() && cell.text.size() > bytes) return cell.text.size();
        }
        return std::nullopt;
    }
    // The k-th cell counting row by row, as a user reads the range.
    CellView at(std::size_t k) const {
        const std::size_t c = cols();
        return at(k / c, k % c);
    }

protected:
    CellBlock() = default;
    CellBlock(const CellBlock&) = default;
    CellBlock& operator=(const CellBlock&) = default;
    ~CellBlock() = default;  // never owned through this interface
};

struct Empty {
    bool operator==(const Empty&) const = default;
};

// One cell held by value: blank, a number or a text.
using Cell = std::variant<Empty, double, std::string>;

// An argument that holds its cells: an omitted argument (0×0), a single value (1×1) or a rows×cols block.
class Arg final : public CellBlock {
public:
    Arg() = default;
    static Arg omitted() { return {}; }
    static Arg scalar(Cell cell) { return Arg(1, 1, {std::move(cell)}); }
    // Throws std::invalid_argument unless there are rows × cols cells.
    static Arg block(std::size_t rows, std::size_t cols, std::vector<Cell> cells);
    // A 1×N row of numbers, handy in tests.
    static Arg row(const std::vector<double>& values);
    // A copy of any block's cells (CPOM_CHECK's fuzzing, tests).
    static Arg copy_of(const CellBlock& block);

    std::size_t rows() const override { return rows_; }
    std::size_t cols() const override { return cols_; }
    CellView at(std::size_t r, std::size_t c) const override;
    using CellBlock::at;

    const std::vector<Cell>& cells() const { return cells_; }

private:
    Arg(std::size_t rows, std::size_t cols, std::vector<Cell> cells)
        : rows_(rows), cols_(cols), cells_(std::move(cells)) {}

    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    std::vector<Cell> cells_;
};

using Args = std::vector<Arg>;

// A rows×cols block of numbers, row-major: what most functions return.
struct Matrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<double> values;

    double at(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
    bool operator==(const Matrix&) const = default;
};

// A cell of a table result that has no figure: Calc shows #N/A (not available). A row of a table whose inputs are
// bad carries it in every figure, with its reason in a text cell of the same row, so that sums over the column
// become errors too instead of silently leaving the row out.
struct NotAvailable {
    bool operator==(const NotAvailable&) const = default;
};

// One cell of a table result: a number, a text (a state, a reason, a label) or #N/A.
using TableCell = std::variant<double, std::string, NotAvailable>;

// A rows×cols block of mixed cells, row-major: what a function returns when each row stands on its own (one bad
// row never puts the others in error).
struct Table {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<TableCell> cells;
    // Why its first #N/A is there ("bloc n° 3 : Groupe I : « x » n'est pas un nombre"); "" when it has none. A row's
    // reason is often in another output of the same function (CPOM_DOSSIER's ETAT): CPOM_CHECK gives this one, so
    // that whoever meets the #N/A (cpom-run's report) learns why.
    std::string missing_reason;

    const TableCell& at(std::size_t r, std::size_t c) const { return cells[r * cols + c]; }
    bool operator==(const Table&) const = default;
};

// What a function returns: a number, a text, a block of numbers or a table of mixed cells.
using Value = std::variant<double, std::string, Matrix, Table>;

}  // namespace cpom::calls
