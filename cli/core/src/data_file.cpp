#include "cpom/cli/data_file.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cpom/cli/text_encoding.hpp"

namespace cpom::cli {

namespace {

constexpr std::string_view k_nbsp = "\xC2\xA0";     // U+00A0, French thousands separator
constexpr std::string_view k_nnbsp = "\xE2\x80\xAF";  // U+202F, what LibreOffice and Excel write in fr-FR
constexpr std::string_view k_euro = "\xE2\x82\xAC";

std::string line_prefix(int line) { return "ligne " + std::to_string(line) + " : "; }

// Removes spaces (plain, no-break, narrow no-break) at both ends.
std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        else if (s.substr(0, 2) == k_nbsp) s.remove_prefix(2);
        else if (s.substr(0, 3) == k_nnbsp) s.remove_prefix(3);
        else break;
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == k_nbsp) s.remove_suffix(2);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == k_nnbsp) s.remove_suffix(3);
        else break;
    }
    return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Adds a value to the entry of its name (a repeated name adds a row), keeping the file order.
void add_row(DataSet& set, const std::string& name, DataRow row, int line) {
    for (DataEntry& entry : set)
        if (same_name(entry.name, name)) {
            entry.rows.push_back(std::move(row));
            return;
        }
    set.push_back(DataEntry{name, {std::move(row)}, line});
}

struct Field {
    std::string text;
    bool quoted = false;
};

char detect_separator(std::string_view text) {
    bool quoted = false, tab = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == ';') return ';';
        else if (!quoted && c == '\t') tab = true;
    }
    return tab ? '\t' : ',';
}

// Splits the text into records of fields (RFC 4180 quotes: "" inside quotes is one quote; newlines allowed).
std::vector<std::pair<int, std::vector<Field>>> split_records(std::string_view text, char separator) {
    std::vector<std::pair<int, std::vector<Field>>> records;
    std::vector<Field> fields(1);
    int line = 1, record_line = 1;
    bool in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                fields.back().text += '"';
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                if (c == '\n') ++line;
                fields.back().text += c;
            }
        } else if (c == '"' && trim(fields.back().text).empty()) {
            in_quotes = true;
            fields.back().quoted = true;
            fields.back().text.clear();
        } else if (c == separator) {
            fields.emplace_back();
        } else if (c == '\n') {
            records.emplace_back(record_line, std::move(fields));
            fields.assign(1, Field{});
            record_line = ++line;
        } else if (c != '\r') {
            fields.back().text += c;
        }
    }
    if (in_quotes) throw DataFileError(line_prefix(record_line) + "guillemet non fermé");
    records.emplace_back(record_line, std::move(fields));
    return records;
}

DataCell csv_cell(const Field& field) {
    if (field.quoted) return field.text.empty() ? DataCell{Blank{}} : DataCell{field.text};
    const std::string_view text = trim(field.text);
    if (text.empty()) return Blank{};
    if (const auto number = parse_number(text)) return *number;
    return std::string(text);
}

DataCell json_cell(const nlohmann::ordered_json& value, const std::string& name) {
    if (value.is_null()) return Blank{};
    if (value.is_boolean()) return value.get<bool>() ? 1.0 : 0.0;  // Calc's TRUE/FALSE are 1/0
    if (value.is_number()) return value.get<double>();
    if (value.is_string()) return value.get<std::string>();
    throw DataFileError("« " + name + " » : un nombre, un texte ou null est attendu dans la liste");
}

}  // namespace

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<double> parse_number(std::string_view field) {
    std::string_view s = trim(field);
    double scale = 1.0;
    if (s.size() >= 3 && s.substr(s.size() - 3) == k_euro) s = trim(s.substr(0, s.size() - 3));
    if (!s.empty() && s.back() == '%') {
        scale = 0.01;
        s = trim(s.substr(0, s.size() - 1));
    }
    std::string normal;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        if (s.front() == '-') normal += '-';
        s.remove_prefix(1);
    }
    // Mantissa: digit groups separated by spaces (groups after the first have 3 digits), one decimal mark.
    bool decimal = false, exponent = false, grouped = false;
    std::size_t group = 0, digits = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (is_digit(c)) {
            normal += c;
            ++group, ++digits, ++i;
        } else if (!decimal && !exponent && (s.substr(i, 1) == " " || s.substr(i, 2) == k_nbsp ||
                                             s.substr(i, 3) == k_nnbsp)) {
            if (group == 0 || (grouped && group != 3)) return std::nullopt;
            grouped = true, group = 0;
            i += s[i] == ' ' ? 1 : (s.substr(i, 2) == k_nbsp ? 2 : 3);
            if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
        } else if (!decimal && !exponent && (c == ',' || c == '.')) {
            if (grouped && group != 3) return std::nullopt;
            decimal = true, grouped = false;
            normal += '.';
            ++i;
        } else if (!exponent && digits > 0 && (c == 'e' || c == 'E')) {
            if (grouped && group != 3) return std::nullopt;
            exponent = true, grouped = false;
            normal += 'e';
            ++i;
            if (i < s.size() && (s[i] == '-' || s[i] == '+')) normal += s[i++];
            if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || (grouped && group != 3)) return std::nullopt;
    double value = 0;
    const char* end = normal.data() + normal.size();
    const auto [ptr, ec] = std::from_chars(normal.data(), end, value);
    if (ec != std::errc{} || ptr != end) return std::nullopt;
    return value * scale;
}

DataSet parse_csv(std::string_view text) {
    DataSet set;
    const char separator = detect_separator(text);
    for (auto& [line, fields] : split_records(text, separator)) {
        const std::string name(trim(fields.front().text));
        const bool all_empty = std::all_of(fields.begin(), fields.end(), [](const Field& f) {
            return !f.quoted && trim(f.text).empty();
        });
        if (all_empty || (!fields.front().quoted && name.rfind('#', 0) == 0)) continue;  // blank line, comment
        if (name.empty()) throw DataFileError(line_prefix(line) + "nom de plage manquant en première colonne");
        if (fields.size() < 2)
            throw DataFileError(line_prefix(line) + "« " + name + " » sans valeur (séparateur attendu : « ; »)");
        DataRow row;
        for (std::size_t i = 1; i < fields.size(); ++i) row.push_back(csv_cell(fields[i]));
        add_row(set, name, std::move(row), line);
    }
    return set;
}

DataSet parse_json(std::string_view text) {
    nlohmann::ordered_json document;
    try {
        document = nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // Count the lines up to the error, for a message an accountant can follow.
        const std::size_t at = std::min<std::size_t>(e.byte, text.size());
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
        throw DataFileError(line_prefix(line) + "JSON invalide");
    }
    if (!document.is_object()) throw DataFileError("JSON : un objet { \"nom\": valeur, ... } est attendu");
    DataSet set;
    for (const auto& [name, value] : document.items()) {
        if (name.empty()) throw DataFileError("JSON : nom de plage vide");
        for (const DataEntry& entry : set)
            if (same_name(entry.name, name)) throw DataFileError("JSON : nom en double : « " + name + " »");
        DataEntry entry{name, {}, 0};
        if (value.is_array()) {
            if (value.empty()) throw DataFileError("« " + name + " » : liste vide");
            const bool rows = std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_array(); });
            if (rows) {
                for (const auto& row : value) {
                    DataRow cells;
                    for (const auto& cell : row) cells.push_back(json_cell(cell, name));
                    entry.rows.push_back(std::move(cells));
                }
            } else {
                DataRow cells;
                for (const auto& cell : value) cells.push_back(json_cell(cell, name));
                entry.rows.push_back(std::move(cells));
            }
        } else if (value.is_object()) {
            throw DataFileError("« " + name + " » : un nombre, un texte, null ou une liste est attendu");
        } else {
            entry.rows.push_back({json_cell(value, name)});
        }
        set.push_back(std::move(entry));
    }
    return set;
}

DataSet load_data_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataFileError("fichier de données illisible : " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = to_utf8(buffer.str());
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    try {
        if (ext == ".json") return parse_json(text);
        if (ext == ".csv" || ext == ".txt") return parse_csv(text);
    } catch (const DataFileError& e) {
        throw DataFileError(path.filename().string() + ", " + e.what());
    }
    throw DataFileError("fichier de données : extension .csv ou .json attendue (" + path.filename().string() + ")");
}

}  // namespace cpom::cli
