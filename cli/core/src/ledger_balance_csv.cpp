// A balance CSV as accounting packages and spreadsheets export it: one line per account, fields separated by « ; »
// (French Excel and LibreOffice), a tab or « , ». With a header line, columns are found by their names (Compte,
// Libellé, Débit, Crédit, Solde débiteur, Solde créditeur, Solde); without one, 4 fields are account; label; debit;
// credit and 3 fields account; label; signed balance (debit positive).
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "cpom/cli/ledger.hpp"
#include "ledger_text.hpp"

namespace cpom::cli {

namespace {

using namespace ledger_text;

struct Columns {
    std::optional<std::size_t> account, label, debit, credit, balance_debit, balance_credit, balance;
    bool header = false;
};

char detect_separator(std::string_view line) {
    bool quoted = false;
    std::size_t semicolons = 0, tabs = 0;
    for (const char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ';')
            ++semicolons;
        else if (!quoted && c == '\t')
            ++tabs;
    }
    return semicolons > 0 ? ';' : tabs > 0 ? '\t' : ',';
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

void set_once(std::optional<std::size_t>& slot, std::size_t column, const std::string& name, int line) {
    if (slot)
        throw LedgerError(at_line(line) + "deux colonnes du même rôle dans l'en-tête (« " + name +
                          " ») : gardez une seule année, une seule colonne par rôle");
    slot = column;
}

// Columns from a header line, or nullopt if the line is data (its first field starts with a digit).
std::optional<Columns> header_columns(const std::vector<std::string>& fields, int line) {
    if (fields.empty() || account_class(fields.front()) != 0) return std::nullopt;
    Columns c;
    c.header = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string n = normal_name(fields[i]);
        if (n.empty()) continue;
        const bool solde = contains(n, "solde");
        const bool debit = contains(n, "debit"), credit = contains(n, "credit");
        if (solde && debit)
            set_once(c.balance_debit, i, fields[i], line);
        else if (solde && credit)
            set_once(c.balance_credit, i, fields[i], line);
        else if (solde)
            set_once(c.balance, i, fields[i], line);
        else if (debit)
            set_once(c.debit, i, fields[i], line);
        else if (credit)
            set_once(c.credit, i, fields[i], line);
        else if (contains(n, "libelle") || contains(n, "intitule") || n == "comptelib" || contains(n, "designation") ||
                 n == "label")
            set_once(c.label, i, fields[i], line);
        else if (contains(n, "compte") || n == "numero" || n == "account" || n == "ncompte")
            set_once(c.account, i, fields[i], line);
    }
    if (!c.account) throw LedgerError(at_line(line) + "en-tête sans colonne « Compte »");
    const bool pair = c.debit && c.credit, balances = c.balance_debit && c.balance_credit;
    if (!pair && !balances && !c.balance)
        throw LedgerError(at_line(line) +
                          "en-tête sans montants : colonnes « Débit » et « Crédit », « Solde débiteur » "
                          "et « Solde créditeur », ou « Solde » attendues");
    if ((c.debit && !c.credit) || (c.credit && !c.debit) || (c.balance_debit && !c.balance_credit) ||
        (c.balance_credit && !c.balance_debit))
        throw LedgerError(at_line(line) + "colonne de débit sans colonne de crédit (ou l'inverse)");
    return c;
}

Columns positional_columns(std::size_t count, int line) {
    Columns c;
    c.account = 0;
    c.label = 1;
    if (count == 4) {
        c.debit = 2;
        c.credit = 3;
    } else if (count == 3) {
        c.balance = 2;
    } else {
        throw LedgerError(at_line(line) + std::to_string(count) +
                          " colonnes sans ligne d'en-tête : ajoutez l'en-tête "
                          "« Compte;Libellé;Débit;Crédit » (ou « Compte;Libellé;Solde »)");
    }
    return c;
}

double amount_at(const std::vector<std::string>& fields, std::optional<std::size_t> column, const char* what,
                 int line) {
    if (!column || *column >= fields.size() || fields[*column].empty()) return 0;
    double value = 0;
    if (!parse_amount(fields[*column], value))
        throw LedgerError(at_line(line) + what + " illisible « " + fields[*column] + " » (nombre attendu)");
    return value;
}

}  // namespace

Ledger parse_balance_csv(std::string_view text) {
    Lines lines(text);
    std::string_view line;
    std::vector<std::string> fields;
    std::optional<Columns> columns;
    char separator = ';';
    AccountTotals totals;
    Ledger ledger;
    ledger.format = LedgerFormat::balance;
    double total_debit = 0, total_credit = 0;
    while (lines.next(line)) {
        const int n = lines.number();
        if (trim(line).empty()) continue;
        if (!columns) separator = detect_separator(line);
        if (!split_fields(line, separator, fields)) throw LedgerError(at_line(n) + "guillemet non fermé");
        const std::size_t written = fields.size();
        while (!fields.empty() && fields.back().empty()) fields.pop_back();  // « ; » Excel adds at the end
        if (fields.empty()) continue;
        if (!columns) {
            columns = header_columns(fields, n);
            if (columns) continue;
            // "6411;Salaires;1000;" is 4 columns with an empty credit, not 3.
            columns = positional_columns(written <= 4 ? written : fields.size(), n);
        }
        const Columns& c = *columns;
        const std::string account = *c.account < fields.size() ? fields[*c.account] : std::string();
        if (account.empty()) throw LedgerError(at_line(n) + "numéro de compte vide");
        if (account_class(account) == 0)
            throw LedgerError(at_line(n) + "« " + account +
                              " » n'est pas un numéro de compte (ligne de total ou de "
                              "titre ? la balance ne doit contenir que des comptes)");
        if (!c.header && fields.size() > (c.balance ? 3u : 4u))
            throw LedgerError(at_line(n) + std::to_string(fields.size()) + " colonnes au lieu de " +
                              (c.balance ? "3" : "4") + " (séparateur « " + std::string(1, separator) +
                              " » dans un libellé ou un montant ?)");
        if (const LedgerAccount* known = totals.find(account))
            throw LedgerError(at_line(n) + "compte " + account + " déjà présent (" + line_label(known->line) +
                              ") : chaque compte une seule fois");
        double debit = 0, credit = 0;
        if (c.balance_debit) {
            debit = amount_at(fields, c.balance_debit, "solde débiteur", n);
            credit = amount_at(fields, c.balance_credit, "solde créditeur", n);
            if (c.debit) {  // totals and balances both exported: they must tell the same balance
                const double d = amount_at(fields, c.debit, "débit", n), k = amount_at(fields, c.credit, "crédit", n);
                if (std::fabs((d - k) - (debit - credit)) >= 0.005)
                    throw LedgerError(at_line(n) + "compte " + account + " : débit − crédit (" + format_euros(d - k) +
                                      ") ≠ solde débiteur − solde créditeur (" + format_euros(debit - credit) + ")");
            }
        } else if (c.debit) {
            debit = amount_at(fields, c.debit, "débit", n);
            credit = amount_at(fields, c.credit, "crédit", n);
        } else {
            const double balance = amount_at(fields, c.balance, "solde", n);
            (balance >= 0 ? debit : credit) = std::fabs(balance);
        }
        const std::string label = c.label && *c.label < fields.size() ? fields[*c.label] : std::string();
        totals.add(account, label, debit, credit, n);
        total_debit += debit;
        total_credit += credit;
        ++ledger.lines;
    }
    if (ledger.lines == 0) throw LedgerError("balance sans aucun compte");
    ledger.accounts = std::move(totals).sorted();

    // A sub-total line (« 60 » above 6021, 6022…) would count its accounts twice.
    for (std::size_t i = 0; i + 1 < ledger.accounts.size(); ++i) {
        const LedgerAccount& a = ledger.accounts[i];
        const LedgerAccount& b = ledger.accounts[i + 1];
        if (b.account.size() > a.account.size() && b.account.compare(0, a.account.size(), a.account) == 0)
            throw LedgerError(line_label(a.line) + " : le compte " + a.account + " englobe le compte " + b.account +
                              " (" + line_label(b.line) +
                              ") : ligne de sous-total ? Les totaux compteraient deux fois");
    }
    // A single signed column is easy to confuse with amounts "in the direction of the account" (products positive).
    if (columns->balance && !columns->debit && !columns->balance_debit) {
        double class6 = 0, class7 = 0;
        for (const LedgerAccount& a : ledger.accounts) {
            if (account_class(a.account) == 6) class6 += a.balance();
            if (account_class(a.account) == 7) class7 += a.balance();
        }
        if (class7 > 0.005 || class6 < -0.005)
            throw LedgerError(
                "colonne « Solde » : les produits (classe 7) doivent être créditeurs, donc négatifs, et "
                "les charges (classe 6) positives ; ici classe 6 = " +
                format_euros(class6) + ", classe 7 = " + format_euros(class7) +
                ". Soldes signés attendus (débit positif, "
                "crédit négatif)");
    }
    if (std::fabs(total_debit - total_credit) >= 0.005)
        ledger.notes.push_back("balance non équilibrée : débits − crédits = " +
                               format_euros(total_debit - total_credit) + " (balance partielle ?)");
    ledger.notes.push_back("balance : " + std::to_string(ledger.accounts.size()) + " comptes");
    return ledger;
}

}  // namespace cpom::cli
