// The FEC (fichier des écritures comptables), article A47 A-1 of the livre des procédures fiscales, as a flat file:
// field names on the first line (BOI-CF-IOR-60-40-20), fields separated by a tab or « | », amounts in base ten with
// a decimal comma and the sign first, dates AAAAMMJJ, CompteNum starting with three digits. Sources and status:
// docs/domain.md#fec.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cpom/cli/ledger.hpp"
#include "ledger_text.hpp"

namespace cpom::cli {

namespace {

using namespace ledger_text;

// The 18 fields of the FEC (BIC/IS regime), in their legal order; Montant and Sens may replace Debit and Credit.
constexpr std::array<std::string_view, 18> k_fec_fields = {
    "JournalCode", "JournalLib",  "EcritureNum", "EcritureDate", "CompteNum",     "CompteLib",
    "CompAuxNum",  "CompAuxLib",  "PieceRef",    "PieceDate",    "EcritureLib",   "Debit",
    "Credit",      "EcritureLet", "DateLet",     "ValidDate",    "Montantdevise", "Idevise"};

constexpr int k_max_listed = 5;  // unbalanced entries named in a message

struct Columns {
    std::optional<std::size_t> journal, entry, date, account, label, debit, credit, amount, direction;
};

char separator_of(std::string_view header) { return header.find('\t') != std::string_view::npos ? '\t' : '|'; }

Columns find_columns(const std::vector<std::string>& names) {
    Columns c;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string n = normal_name(names[i]);
        if (n == "journalcode")
            c.journal = i;
        else if (n == "ecriturenum")
            c.entry = i;
        else if (n == "ecrituredate")
            c.date = i;
        else if (n == "comptenum")
            c.account = i;
        else if (n == "comptelib")
            c.label = i;
        else if (n == "debit")
            c.debit = i;
        else if (n == "credit")
            c.credit = i;
        else if (n == "montant")
            c.amount = i;
        else if (n == "sens")
            c.direction = i;
    }
    return c;
}

bool valid_date(std::string_view s) {
    if (s.size() != 8) return false;
    for (const char ch : s)
        if (ch < '0' || ch > '9') return false;
    const int year = std::stoi(std::string(s.substr(0, 4))), month = std::stoi(std::string(s.substr(4, 2))),
              day = std::stoi(std::string(s.substr(6, 2)));
    if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int k_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= (month == 2 && !leap ? 28 : k_days[month - 1]);
}

std::string show_date(std::string_view d) {
    return std::string(d.substr(6, 2)) + "/" + std::string(d.substr(4, 2)) + "/" + std::string(d.substr(0, 4));
}

double amount_of(const std::vector<std::string>& fields, std::size_t column, const char* what, int line) {
    double value = 0;
    if (fields[column].empty()) return 0;
    if (!parse_amount(fields[column], value))
        throw LedgerError(at_line(line) + what + " illisible « " + fields[column] +
                          " » (nombre attendu, virgule décimale)");
    return value;
}

struct EntryBalance {
    double debit = 0, credit = 0;
    int line = 0;
};

}  // namespace

bool is_fec_header(std::string_view line) {
    std::vector<std::string> names;
    if (!split_fields(line, separator_of(line), names)) return false;
    const Columns c = find_columns(names);
    return c.account && ((c.debit && c.credit) || (c.amount && c.direction));
}

Ledger parse_fec(std::string_view text) {
    Lines lines(text);
    std::string_view line;
    while (lines.next(line) && trim(line).empty()) {
    }
    const char separator = separator_of(line);
    std::vector<std::string> names;
    split_fields(line, separator, names);
    // Some packages end every line with the separator: then the header does too, and so may the data lines.
    const bool trailing_separator = names.size() > 1 && names.back().empty();
    if (trailing_separator) names.pop_back();
    const Columns c = find_columns(names);
    if (!c.entry || !c.date)
        throw LedgerError(at_line(lines.number()) +
                          "en-tête FEC sans les champs EcritureNum et EcritureDate "
                          "(article A47 A-1 du LPF)");

    Ledger ledger;
    ledger.format = LedgerFormat::fec;
    std::vector<std::string> missing;
    for (const std::string_view field : k_fec_fields) {
        bool found = false;
        for (const std::string& name : names) found = found || normal_name(name) == normal_name(field);
        if (!found && !(c.amount && c.direction && (field == "Debit" || field == "Credit")))
            missing.emplace_back(field);
    }
    if (!missing.empty()) {
        std::string list;
        for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
        ledger.notes.push_back("en-tête FEC incomplet (champs absents : " + list + ") ; l'import n'en a pas besoin");
    }

    AccountTotals totals;
    std::unordered_map<std::string, EntryBalance> entries;
    std::vector<std::string> fields;
    const std::size_t width = names.size();
    while (lines.next(line)) {
        const int n = lines.number();
        if (trim(line).empty()) continue;
        if (!split_fields(line, separator, fields)) throw LedgerError(at_line(n) + "guillemet non fermé");
        if (trailing_separator && fields.size() == width + 1 && fields.back().empty()) fields.pop_back();
        if (fields.size() != width)
            throw LedgerError(at_line(n) + std::to_string(fields.size()) + " champs au lieu de " +
                              std::to_string(width) + " (séparateur « " + (separator == '\t' ? "tabulation" : "|") +
                              " » dans un libellé ?)");
        const std::string& account = fields[*c.account];
        if (account.empty()) throw LedgerError(at_line(n) + "numéro de compte (CompteNum) vide");
        if (account.size() < 3 || account_class(account) == 0 || account[1] < '0' || account[1] > '9' ||
            account[2] < '0' || account[2] > '9')
            throw LedgerError(at_line(n) + "numéro de compte « " + account +
                              " » : ses trois premiers caractères doivent être des chiffres (article A47 A-1 du LPF)");
        const std::string& date = fields[*c.date];
        if (!valid_date(date))
            throw LedgerError(at_line(n) + "date d'écriture (EcritureDate) « " + date + " » : date AAAAMMJJ attendue");
        if (ledger.first_date.empty() || date < ledger.first_date) ledger.first_date = date;
        if (date > ledger.last_date) ledger.last_date = date;

        double debit = 0, credit = 0;
        if (c.debit && c.credit) {
            debit = amount_of(fields, *c.debit, "montant au débit (Debit)", n);
            credit = amount_of(fields, *c.credit, "montant au crédit (Credit)", n);
        } else {
            const double amount = amount_of(fields, *c.amount, "montant (Montant)", n);
            const std::string direction = normal_name(fields[*c.direction]);
            const std::string& raw = fields[*c.direction];
            if (direction == "d" || raw == "+1" || raw == "1")
                debit = amount;
            else if (direction == "c" || raw == "-1")
                credit = amount;
            else
                throw LedgerError(at_line(n) + "sens (Sens) « " + raw + " » : D, C, +1 ou -1 attendu");
        }
        totals.add(account, c.label ? std::string_view(fields[*c.label]) : std::string_view(), debit, credit, n);

        std::string key = c.journal ? fields[*c.journal] : std::string();
        key += '\x1f';
        key += fields[*c.entry];
        auto [it, inserted] = entries.try_emplace(std::move(key), EntryBalance{0, 0, n});
        it->second.debit += debit;
        it->second.credit += credit;
        ++ledger.lines;
    }
    if (ledger.lines == 0) throw LedgerError("FEC sans aucune ligne d'écriture après l'en-tête");

    // Every entry must balance (double entry): an unbalanced one means a truncated or corrupt export.
    std::vector<std::pair<int, std::string>> unbalanced;
    for (const auto& [key, e] : entries)
        if (std::fabs(e.debit - e.credit) >= 0.005) {
            const std::string journal = key.substr(0, key.find('\x1f')), number = key.substr(key.find('\x1f') + 1);
            unbalanced.emplace_back(e.line, "écriture " + (journal.empty() ? "" : journal + " ") + number + " (" +
                                                line_label(e.line) + ") : débit " + format_euros(e.debit) +
                                                ", crédit " + format_euros(e.credit));
        }
    if (!unbalanced.empty()) {
        std::sort(unbalanced.begin(), unbalanced.end());
        std::string message = std::to_string(unbalanced.size()) +
                              (unbalanced.size() > 1 ? " écritures déséquilibrées" : " écriture déséquilibrée") +
                              " (débit ≠ crédit)";
        for (std::size_t i = 0; i < unbalanced.size() && i < k_max_listed; ++i)
            message += (i == 0 ? " : " : " ; ") + unbalanced[i].second;
        if (unbalanced.size() > k_max_listed) message += " ; …";
        throw LedgerError(message);
    }
    ledger.entries = entries.size();
    ledger.accounts = std::move(totals).sorted();
    ledger.notes.push_back("FEC : " + std::to_string(ledger.lines) + " lignes, " + std::to_string(ledger.entries) +
                           " écritures du " + show_date(ledger.first_date) + " au " + show_date(ledger.last_date) +
                           ", " + std::to_string(ledger.accounts.size()) + " comptes");
    return ledger;
}

}  // namespace cpom::cli
