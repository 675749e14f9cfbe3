#include "cpom/cli/data_file.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "cpom/cli/text_encoding.hpp"
#include "french_number.hpp"
#include "ledger_text.hpp"

namespace cpom::cli {

namespace {

std::string line_prefix(int line) { return "ligne " + std::to_string(line) + " : "; }

// Spaces (plain, no-break, narrow no-break) at both ends: trimmed as the balance and FEC readers trim them.
using ledger_text::trim;

// The entries of a data set by name (compared as same_name does), so that a file of n names is read in O(n).
class NameIndex {
public:
    // The entry of `name`, or nullptr.
    DataEntry* find(DataSet& set, std::string_view name) const {
        const auto it = index_.find(key(name));
        return it == index_.end() ? nullptr : &set[it->second];
    }
    void reserve(std::size_t names) { index_.reserve(names); }
    void add(DataSet& set, DataEntry entry) {
        index_.emplace(key(entry.name), set.size());
        set.push_back(std::move(entry));
    }

private:
    static std::string key(std::string_view name) {
        std::string k(name);
        for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return k;
    }
    std::unordered_map<std::string, std::size_t> index_;
};

// Adds a value to the entry of its name (a repeated name adds a row), keeping the file order.
void add_row(DataSet& set, NameIndex& index, const std::string& name, DataRow row, int line) {
    if (DataEntry* entry = index.find(set, name)) {
        entry->rows.push_back(std::move(row));
        return;
    }
    index.add(set, DataEntry{name, {std::move(row)}, line});
}

int line_at(std::string_view text, std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// A NUL byte is never part of a name or a value a user typed: UTF-16 text or a binary file. Refused with its line,
// before it can end up in a cell or cut a message short.
void refuse_nul(std::string_view text) {
    const std::size_t at = text.find('\0');
    if (at == std::string_view::npos) return;
    throw DataFileError(line_prefix(line_at(text, at)) +
                        "caractère nul (octet 0) : ce n'est pas un fichier texte (enregistrer en « CSV UTF-8 » ou "
                        "« CSV (séparateur : point-virgule) »)");
}

// How often the long loops poll `stop`: every few thousand steps, so that it costs nothing measurable.
constexpr std::size_t k_poll_every = 4096;

void poll(const StopRequested& stop, std::size_t step) {
    if (step % k_poll_every == 0 && stop && stop()) throw DataFileInterrupted();
}

struct Field {
    std::string text;
    bool quoted = false;
};

char detect_separator(std::string_view text) {
    bool quoted = false, tab = false;
    for (const char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ';')
            return ';';
        else if (!quoted && c == '\t')
            tab = true;
    }
    return tab ? '\t' : ',';
}

// Splits the text into records of fields (RFC 4180 quotes: "" inside quotes is one quote; newlines allowed) and
// hands each to `on_record(line, fields)` as it ends: nothing is kept per record, so a file of blank lines costs
// no memory.
template <typename OnRecord>
void split_records(std::string_view text, char separator, const StopRequested& stop, OnRecord on_record) {
    std::vector<Field> fields(1);
    int line = 1, record_line = 1;
    bool in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        poll(stop, i);
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
            on_record(record_line, fields);
            fields.assign(1, Field{});
            record_line = ++line;
        } else if (c != '\r') {
            fields.back().text += c;
        }
    }
    if (in_quotes) throw DataFileError(line_prefix(record_line) + "guillemet non fermé");
    on_record(record_line, fields);
}

DataCell csv_cell(const Field& field) {
    if (field.quoted) return field.text.empty() ? DataCell{Blank{}} : DataCell{field.text};
    const std::string_view text = trim(field.text);
    if (text.empty()) return Blank{};
    if (const auto number = parse_number(text)) return *number;
    return std::string(text);
}

// Reads the JSON object event by event (nlohmann's SAX interface) straight into the data set: linear in the size of
// the file (nlohmann's ordered_json looks for each new key among all the previous ones), in file order, and stopped
// at once by `stop`. A handler never throws through the parser: it records the message and returns false.
class JsonReader final : public nlohmann::json_sax<nlohmann::json> {
public:
    JsonReader(std::string_view text, const StopRequested& stop) : text_(text), stop_(stop) {
        // At most one name per ':' of the text: no rehashing as the names come (capped: colons may be in texts).
        index_.reserve(std::min<std::size_t>(static_cast<std::size_t>(std::count(text.begin(), text.end(), ':')),
                                             std::size_t{1} << 20));
    }

    DataSet take() { return std::move(set_); }
    bool interrupted() const { return interrupted_; }
    const std::string& error() const { return error_; }

    bool null() override { return cell(Blank{}); }
    bool boolean(bool value) override { return cell(value ? 1.0 : 0.0); }  // Calc's TRUE/FALSE are 1/0
    bool number_integer(number_integer_t value) override { return cell(static_cast<double>(value)); }
    bool number_unsigned(number_unsigned_t value) override { return cell(static_cast<double>(value)); }
    bool number_float(number_float_t value, const string_t&) override { return cell(value); }
    bool string(string_t& value) override {
        if (value.find('\0') != std::string::npos) return fail(quoted() + " : caractère nul (\\u0000) dans le texte");
        return cell(std::move(value));
    }
    bool binary(binary_t&) override { return fail("JSON invalide"); }  // not in JSON text

    bool start_object(std::size_t) override {
        if (depth_ == 0) return ++depth_, true;
        if (depth_ == 1) return fail(quoted() + " : un nombre, un texte, null ou une liste est attendu");
        return fail(not_in_list());
    }
    bool end_object() override { return --depth_, true; }
    bool key(string_t& name) override {
        if (!keep_going()) return false;
        if (name.empty()) return fail("JSON : nom de plage vide");
        if (name.find('\0') != std::string::npos) return fail("JSON : caractère nul (\\u0000) dans un nom");
        if (index_.find(set_, name)) return fail("JSON : nom en double : « " + name + " »");
        entry_ = DataEntry{std::move(name), {}, 0};
        return true;
    }
    bool start_array(std::size_t) override {
        if (depth_ == 0) return fail(k_object_expected);
        if (depth_ == 1) {  // the value of a name is a list: one row, or rows
            depth_ = 2, rows_ = false;
            row_.clear();
            return true;
        }
        if (depth_ == 2 && !rows_ && !row_.empty()) return fail(not_in_list());  // [1, [2]]
        if (depth_ == 2) {
            depth_ = 3, rows_ = true;
            row_.clear();
            return true;
        }
        return fail(not_in_list());  // [[1, [2]]]
    }
    bool end_array() override {
        if (depth_ == 3) {
            entry_.rows.push_back(std::move(row_));
            row_.clear();
            depth_ = 2;
            return true;
        }
        if (!rows_ && row_.empty()) return fail(quoted() + " : liste vide");
        if (!rows_) entry_.rows.push_back(std::move(row_));
        depth_ = 1;
        index_.add(set_, std::move(entry_));
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
        // The line of the error, for a message an accountant can follow.
        error_ = line_prefix(line_at(text_, std::min(position, text_.size()))) + "JSON invalide";
        return false;
    }

private:
    static constexpr const char* k_object_expected = "JSON : un objet { \"nom\": valeur, ... } est attendu";

    std::string quoted() const { return "« " + entry_.name + " »"; }
    std::string not_in_list() const { return quoted() + " : un nombre, un texte ou null est attendu dans la liste"; }

    bool keep_going() {
        if (++events_ % k_poll_every == 0 && stop_ && stop_()) interrupted_ = true;
        return !interrupted_;
    }
    bool cell(DataCell value) {
        if (!keep_going()) return false;
        switch (depth_) {
            case 0: return fail(k_object_expected);
            case 1:
                entry_.rows.push_back({std::move(value)});
                index_.add(set_, std::move(entry_));
                return true;
            case 2:
                if (rows_) return fail(not_in_list());  // [[1], 2]
                row_.push_back(std::move(value));
                return true;
            default: row_.push_back(std::move(value)); return true;
        }
    }
    bool fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }

    std::string_view text_;
    const StopRequested& stop_;
    DataSet set_;
    NameIndex index_;
    DataEntry entry_;
    DataRow row_;
    int depth_ = 0;      // 0 outside, 1 in the object, 2 in a name's list, 3 in one of its rows
    bool rows_ = false;  // the current list is a list of rows
    std::size_t events_ = 0;
    bool interrupted_ = false;
    std::string error_;
};

}  // namespace

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<double> parse_number(std::string_view field) {
    return parse_french_number(field, NumberNotation{true, true});
}

DataSet parse_csv(std::string_view text, const StopRequested& stop) {
    refuse_nul(text);
    DataSet set;
    NameIndex index;
    // At most one name per line: no rehashing as the names come (capped: a file of blank lines has no names).
    index.reserve(std::min<std::size_t>(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1,
                                        std::size_t{1} << 20));
    split_records(text, detect_separator(text), stop, [&](int line, std::vector<Field>& fields) {
        const std::string name(trim(fields.front().text));
        const bool all_empty =
            std::all_of(fields.begin(), fields.end(), [](const Field& f) { return !f.quoted && trim(f.text).empty(); });
        if (all_empty || (!fields.front().quoted && name.rfind('#', 0) == 0)) return;  // blank line, comment
        if (name.empty()) throw DataFileError(line_prefix(line) + "nom de plage manquant en première colonne");
        if (fields.size() < 2)
            throw DataFileError(line_prefix(line) + "« " + name + " » sans valeur (séparateur attendu : « ; »)");
        DataRow row;
        row.reserve(fields.size() - 1);
        for (std::size_t i = 1; i < fields.size(); ++i) row.push_back(csv_cell(fields[i]));
        add_row(set, index, name, std::move(row), line);
    });
    return set;
}

DataSet parse_json(std::string_view text, const StopRequested& stop) {
    refuse_nul(text);
    JsonReader reader(text, stop);
    const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &reader);
    if (reader.interrupted()) throw DataFileInterrupted();
    if (!ok) throw DataFileError(reader.error().empty() ? "JSON invalide" : reader.error());
    return reader.take();
}

DataSet load_data_file(const std::filesystem::path& path, const StopRequested& stop) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataFileError("fichier de données illisible : " + path.string());
    std::error_code ec;
    if (const auto size = std::filesystem::file_size(path, ec); !ec && size > k_max_data_file_bytes)
        throw DataFileError(path.filename().string() + " : fichier de données de " +
                            std::to_string((size + (1 << 20) - 1) >> 20) + " Mo, au plus " +
                            std::to_string(k_max_data_file_bytes >> 20) +
                            " Mo (c'est tout le fichier qui est lu en mémoire)");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string raw = buffer.str();
    if (stop && stop()) throw DataFileInterrupted();
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    try {
        // Excel's « Texte Unicode » is UTF-16: say so rather than report its NUL bytes.
        if (raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF"))
            throw DataFileError(
                "encodage UTF-16 non pris en charge : enregistrer en « CSV UTF-8 » ou "
                "« CSV (séparateur : point-virgule) »");
        const std::string text = to_utf8(raw);
        if (ext == ".json") return parse_json(text, stop);
        if (ext == ".csv" || ext == ".txt") return parse_csv(text, stop);
    } catch (const DataFileError& e) {
        throw DataFileError(path.filename().string() + ", " + e.what());
    }
    throw DataFileError("fichier de données : extension .csv ou .json attendue (" + path.filename().string() + ")");
}

}  // namespace cpom::cli
