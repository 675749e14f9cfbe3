#include "cpom/cli/data_extract.hpp"

#include <nlohmann/json.hpp>

namespace cpom::cli {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

nlohmann::json cell_json(const DataCell& cell) {
    if (const double* number = std::get_if<double>(&cell)) return *number;
    if (const std::string* text = std::get_if<std::string>(&cell)) return *text;
    return nullptr;
}

nlohmann::json row_json(const DataRow& row) {
    nlohmann::json out = nlohmann::json::array();
    for (const DataCell& cell : row) out.push_back(cell_json(cell));
    return out;
}

}  // namespace

bool name_matches(std::string_view pattern, std::string_view name) {
    // Greedy matching with backtracking to the last `*`: linear enough for names of a few dozen characters.
    std::size_t p = 0, n = 0, star = std::string_view::npos, resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = n;
        } else if (p < pattern.size() && lower(pattern[p]) == lower(name[n])) {
            ++p;
            ++n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::vector<std::string> chosen_names(const std::vector<std::string>& patterns, const std::vector<std::string>& names) {
    std::vector<bool> chosen(names.size(), false);
    for (const std::string& pattern : patterns) {
        bool any = false;
        for (std::size_t i = 0; i < names.size(); ++i)
            if (name_matches(pattern, names[i])) chosen[i] = any = true;
        if (!any)
            throw DataFileError("--extract : aucune plage nommée du classeur ne correspond à « " + pattern + " »");
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (chosen[i]) out.push_back(names[i]);
    return out;
}

std::string data_set_json(const DataSet& set) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const DataEntry& entry : set) {
        // As the reader takes them: one cell → a value, one row → a list, several rows → a list of lists.
        if (entry.rows.size() == 1 && entry.rows[0].size() == 1)
            out[entry.name] = cell_json(entry.rows[0][0]);
        else if (entry.rows.size() == 1)
            out[entry.name] = row_json(entry.rows[0]);
        else {
            nlohmann::json rows = nlohmann::json::array();
            for (const DataRow& row : entry.rows) rows.push_back(row_json(row));
            out[entry.name] = rows;  // an ordered_json from a json: copied either way
        }
    }
    return out.dump(2) + "\n";  // nlohmann writes doubles so that they read back exactly; UTF-8 kept as is
}

}  // namespace cpom::cli
