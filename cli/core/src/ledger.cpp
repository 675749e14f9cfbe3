// Ledger reading: format detection, amounts, and the helpers both readers use (ledger_text.hpp).
#include "cpom/cli/ledger.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "cpom/cli/text_encoding.hpp"
#include "french_number.hpp"
#include "ledger_text.hpp"

namespace cpom::cli {

// Defined in ledger_fec.cpp and ledger_balance_csv.cpp.
Ledger parse_fec(std::string_view text);
Ledger parse_balance_csv(std::string_view text);
bool is_fec_header(std::string_view line);

namespace ledger_text {

namespace {

constexpr std::string_view k_nbsp = "\xC2\xA0";       // U+00A0
constexpr std::string_view k_nnbsp = "\xE2\x80\xAF";  // U+202F, what LibreOffice and Excel write in fr-FR

}  // namespace

std::size_t space_at(std::string_view s, std::size_t i) {
    if (s[i] == ' ' || s[i] == '\t') return 1;
    if (s.substr(i, 2) == k_nbsp) return 2;
    if (s.substr(i, 3) == k_nnbsp) return 3;
    return 0;
}

std::string line_label(int line) {
    std::string digits = std::to_string(line), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ' ';
        grouped += digits[i];
    }
    return "ligne " + grouped;
}

std::string at_line(int line) { return line_label(line) + " : "; }

std::string_view trim(std::string_view s) {
    while (!s.empty()) {
        const std::size_t n = space_at(s, 0);
        if (n == 0) break;
        s.remove_prefix(n);
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == k_nbsp)
            s.remove_suffix(2);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == k_nnbsp)
            s.remove_suffix(3);
        else
            break;
    }
    return s;
}

bool Lines::next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    const std::size_t end = text_.find_first_of("\r\n", pos_);
    ++number_;
    if (end == std::string_view::npos) {
        line = text_.substr(pos_);
        pos_ = text_.size();
        return true;
    }
    line = text_.substr(pos_, end - pos_);
    pos_ = end + ((text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n') ? 2 : 1);
    return true;
}

bool split_fields(std::string_view line, char separator, std::vector<std::string>& fields) {
    fields.clear();
    std::size_t i = 0;
    for (;;) {
        std::string field;
        std::size_t start = i;
        while (start < line.size() && (line[start] == ' ' || line[start] == '\t') && line[start] != separator) ++start;
        if (start < line.size() && line[start] == '"') {
            i = start + 1;
            for (;;) {
                if (i >= line.size()) return false;
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line[i++];
            }
            const std::size_t next = line.find(separator, i);
            i = next == std::string_view::npos ? line.size() : next;  // text after the closing quote is dropped
        } else {
            const std::size_t next = line.find(separator, i);
            const std::size_t end = next == std::string_view::npos ? line.size() : next;
            field = std::string(trim(line.substr(i, end - i)));
            i = end;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) return true;
        ++i;  // the separator
        if (i == line.size()) {
            fields.emplace_back();  // a separator at the very end: an empty last field
            return true;
        }
    }
}

std::string normal_name(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c == 0xC3 && i + 1 < name.size()) {  // the accented letters of French headers, in UTF-8
            const unsigned char d = static_cast<unsigned char>(name[i + 1]);
            ++i;
            if (d == 0xA9 || d == 0xA8 || d == 0xAA || d == 0x89 || d == 0x88)
                out += 'e';
            else if (d == 0xA0 || d == 0xA2)
                out += 'a';
            else if (d == 0xB4 || d == 0xB6)
                out += 'o';
            else if (d == 0xBB || d == 0xB9)
                out += 'u';
            else if (d == 0xA7)
                out += 'c';
            else if (d == 0xAE || d == 0xAF)
                out += 'i';
            continue;
        }
        if (c == 0xC2) {  // U+00B0 « ° », U+00A0: dropped
            ++i;
            continue;
        }
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    }
    return out;
}

void AccountTotals::add(std::string_view account, std::string_view label, double debit, double credit, int line) {
    auto [it, inserted] = index_.try_emplace(std::string(account), accounts_.size());
    if (inserted) {
        accounts_.push_back(LedgerAccount{std::string(account), std::string(label), debit, credit, line});
        return;
    }
    LedgerAccount& known = accounts_[it->second];
    known.debit += debit;
    known.credit += credit;
    if (known.label.empty() && !label.empty()) known.label = std::string(label);
}

const LedgerAccount* AccountTotals::find(std::string_view account) const {
    const auto it = index_.find(std::string(account));
    return it == index_.end() ? nullptr : &accounts_[it->second];
}

std::vector<LedgerAccount> AccountTotals::sorted() && {
    std::vector<LedgerAccount> out = std::move(accounts_);
    for (LedgerAccount& a : out) {
        a.debit = std::round(a.debit * 100) / 100;
        a.credit = std::round(a.credit * 100) / 100;
    }
    std::sort(out.begin(), out.end(),
              [](const LedgerAccount& a, const LedgerAccount& b) { return a.account < b.account; });
    return out;
}

}  // namespace ledger_text

using namespace ledger_text;

int account_class(std::string_view account) {
    account = trim(account);
    return !account.empty() && account.front() >= '1' && account.front() <= '9' ? account.front() - '0' : 0;
}

bool parse_amount(std::string_view field, double& value) {
    const auto parsed = parse_french_number(field, NumberNotation{});  // no percentage, no exponent
    if (parsed) value = *parsed;
    return parsed.has_value();
}

std::string format_euros(double amount) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", std::fabs(amount));
    std::string plain = buffer;
    const std::size_t dot = plain.find('.');
    std::string whole = plain.substr(0, dot), grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += "\xE2\x80\xAF";  // narrow no-break space
        grouped += whole[i];
    }
    return (amount < 0 && std::round(amount * 100) != 0 ? "-" : "") + grouped + "," + plain.substr(dot + 1) +
           "\xC2\xA0\xE2\x82\xAC";
}

Ledger parse_ledger(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Lines lines(text);
    std::string_view first;
    while (lines.next(first) && trim(first).empty()) {
    }
    if (trim(first).empty()) throw LedgerError("fichier vide : ni écriture ni compte");
    return is_fec_header(first) ? parse_fec(text) : parse_balance_csv(text);
}

Ledger load_ledger(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LedgerError(path.filename().string() + " : fichier illisible");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    try {
        return parse_ledger(to_utf8(buffer.str()));
    } catch (const LedgerError& e) {
        throw LedgerError(path.filename().string() + ", " + e.what());
    }
}

}  // namespace cpom::cli
