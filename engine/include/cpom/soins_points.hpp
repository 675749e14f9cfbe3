// Valeur annuelle du point of the EHPAD soins equation (R314-162 CASF), set each year by arrêté for each tarif
// option and with or without a pharmacie à usage intérieur: a sourced table, as data
// (engine/data/soins_point_values.csv; docs/domain.md#point-soins). Years absent from it are errors, never guesses.
#pragma once

#include <string>
#include <string_view>

#include "cpom/role.hpp"

namespace cpom {

enum class SoinsOption { Global, Partiel };

// "GLOBAL" or "PARTIEL", case-insensitive; anything else is an ArgumentError listing both.
SoinsOption parse_soins_option(std::string_view text, Role role = Role::option);

// The metropolitan value of `year` for the option and PUI; overseas (départements d'outre-mer): × 1.2, the 20 %
// raise the arrêtés state. A year not in the table is an ArgumentError naming `year` and the years it has.
double soins_point_value(int year, SoinsOption option, bool pui, bool overseas);

}  // namespace cpom
