#include "cpom/calls/limits.hpp"

#include <string>

#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom::calls {

void check_call_size(const FunctionSpec& spec, std::span<const Arg> args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const Arg& arg = args[i];
        if (arg.cells.size() > k_max_cells_per_argument) {
            throw ArgumentError(CallArgs(spec, args).name(i),
                                "la plage a " + format_count(arg.cells.size()) + " cellules : au plus " +
                                    format_count(k_max_cells_per_argument) +
                                    " par argument (une colonne entière), au-delà le calcul bloquerait le tableur");
        }
        for (const Cell& cell : arg.cells) {
            const auto* text = std::get_if<std::string>(&cell);
            if (text && text->size() > k_max_text_bytes) {
                throw ArgumentError(CallArgs(spec, args).name(i), "texte de " + format_count(text->size()) +
                                                                      " caractères : au plus " +
                                                                      format_count(k_max_text_bytes) + " par cellule");
            }
        }
    }
}

void check_result_size(std::size_t rows, std::size_t cols) {
    // rows and cols are each at most a whole column or row: their product cannot overflow.
    if (rows * cols <= k_max_result_cells) return;
    throw ArgumentError("résultat", format_count(rows) + " lignes × " + format_count(cols) + " colonnes : au plus " +
                                        format_count(k_max_result_cells) +
                                        " cellules de résultat par appel (répartir les lignes sur plusieurs formules)");
}

}  // namespace cpom::calls
