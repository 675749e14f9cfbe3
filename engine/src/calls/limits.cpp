#include "cpom/calls/limits.hpp"

#include <optional>
#include <string>

#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom::calls {

void check_call_size(const CallArgs& args) {
    for (std::size_t i = 0; i < args.count(); ++i) {
        const CellBlock& block = args.block(i);
        const Role role = args.arg_spec(i).role;
        if (block.size() > k_max_cells_per_argument) {
            throw ArgumentError(role,
                                "la plage a " + format_count(block.size()) + " cellules : au plus " +
                                    format_count(k_max_cells_per_argument) +
                                    " par argument (une colonne entière), au-delà le calcul bloquerait le tableur");
        }
        if (const std::optional<std::size_t> bytes = block.text_longer_than(k_max_text_bytes)) {
            throw ArgumentError(role, "texte de " + format_count(*bytes) + " caractères : au plus " +
                                          format_count(k_max_text_bytes) + " par cellule");
        }
    }
}

void check_result_size(std::size_t rows, std::size_t cols) {
    // rows and cols are each at most a whole column or row: their product cannot overflow.
    if (rows * cols <= k_max_result_cells) return;
    throw ResultError(format_count(rows) + " lignes × " + format_count(cols) + " colonnes : au plus " +
                      format_count(k_max_result_cells) +
                      " cellules de résultat par appel (répartir les lignes sur plusieurs formules)");
}

}  // namespace cpom::calls
