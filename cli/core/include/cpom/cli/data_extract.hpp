// --extract: a workbook's named ranges, after recalculation, written as a data file that --data reads back
// (docs/cli.md, « Extraire des plages nommées »): what links two workbooks without a formula between them (an external
// link, which cpom-run removes from workbooks received from others). projection-cpom's `pgfp_*` ranges fill the
// PGFP of eprd this way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cpom/cli/data_file.hpp"

namespace cpom::cli {

// A pattern of --extract: a name, or a name with `*` standing for any characters (`pgfp_*`), compared as Calc
// compares names (ASCII case-insensitively).
bool name_matches(std::string_view pattern, std::string_view name);

// The workbook's names that the patterns choose, in the workbook's order, each once. Throws DataFileError
// (« --extract : aucune plage nommée ne correspond à « x » ») for a pattern that chooses none: a typo must not give a
// data file without the figure the user asked for.
std::vector<std::string> chosen_names(const std::vector<std::string>& patterns, const std::vector<std::string>& names);

// The JSON data file of `set` (name → value, list or list of lists, null for a blank): load_data_file reads it back
// to the same cells, numbers at full precision.
std::string data_set_json(const DataSet& set);

}  // namespace cpom::cli
