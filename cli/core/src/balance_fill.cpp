#include "cpom/cli/balance_fill.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace cpom::cli {

namespace {

constexpr std::size_t k_listed_accounts = 8;  // accounts named in a note before « … »

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool valid_name(const std::string& name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
    return std::all_of(name.begin(), name.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.'; });
}

// A target with « _ » names an amount column of a wide table (the table is the part before the first « _ »);
// without, it names a long table.
bool is_wide(const BalanceRequest& r) { return r.target.find('_') != std::string::npos; }
std::string table_of(const BalanceRequest& r) { return lower(r.target.substr(0, r.target.find('_'))); }
bool is_bilan(const std::string& table) { return table == "bilan"; }

// Classes a request's table takes, whatever the workbook (the bilan also takes 6 and 7, as the result line). A long
// table of a workbook that has its own bilan table takes only 6 and 7 (see fill_long).
bool takes_class(const BalanceRequest& r, int account_class) {
    if (!is_wide(r)) return account_class >= 1 && account_class <= 7;
    if (is_bilan(table_of(r))) return account_class >= 1 && account_class <= 7;
    return account_class == 6 || account_class == 7;
}

const RangeShape& require(const RangeShapes& shapes, const std::string& name, const std::string& why) {
    const auto it = shapes.find(lower(name));
    if (it == shapes.end()) throw BalanceError("le classeur n'a pas de plage nommée « " + name + " »" + why);
    return it->second;
}

DataRow blank_row(std::size_t cols) { return DataRow(cols, Blank{}); }

DataEntry cleared(const RangeShape& shape) {
    return DataEntry{shape.name, std::vector<DataRow>(shape.rows(), blank_row(shape.cols())), 0};
}

// A one-column entry of `rows` cells: the values first, then blanks.
DataEntry column(const std::string& name, std::vector<DataCell> values, std::size_t rows) {
    DataEntry entry{name, {}, 0};
    entry.rows.reserve(rows);
    for (DataCell& v : values) entry.rows.push_back({std::move(v)});
    while (entry.rows.size() < rows) entry.rows.push_back(blank_row(1));
    return entry;
}

// The other ranges of the table (same sheet, same rows), cleared.
std::vector<std::string> members(const std::string& table, const RangeShape& accounts, const RangeShapes& shapes) {
    std::vector<std::string> found;
    const std::string prefix = table + "_";
    for (const auto& [name, shape] : shapes)
        if (name.compare(0, prefix.size(), prefix) == 0 && shape.sheet == accounts.sheet &&
            shape.first_row == accounts.first_row && shape.last_row == accounts.last_row)
            found.push_back(name);
    return found;
}

void check_single_column(const std::string& name, const RangeShape& shape) {
    if (shape.cols() != 1) throw BalanceError("la plage « " + name + " » doit avoir une seule colonne");
}

void check_same_rows(const std::string& name, const RangeShape& shape, const RangeShape& accounts,
                     const std::string& table) {
    if (shape.sheet != accounts.sheet || shape.first_row != accounts.first_row || shape.last_row != accounts.last_row)
        throw BalanceError("la plage « " + name + " » n'a pas les mêmes lignes que « " + table + "_comptes »");
}

void check_capacity(const std::string& table, std::size_t needed, std::size_t rows) {
    if (needed > rows)
        throw BalanceError("table « " + table + " » : " + std::to_string(needed) +
                           " lignes de comptes à écrire, la plage " + table + "_comptes n'en a que " +
                           std::to_string(rows) + " : rien n'est coupé, agrandissez la balance du classeur");
}

DataCell key_cell(const std::string& key) {
    // "3" is the number 3, as the template's table of columns numbers them; "EHPAD-H" stays text.
    const bool digits = !key.empty() && key.size() <= 9 &&
                        std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c); });
    return digits ? DataCell{std::stod(key)} : DataCell{key};
}

double cents(double x) { return std::round(x * 100) / 100; }

// `to_bilan`: the files also imported into a bilan table. A workbook with its own bilan table (eprd: the forecast
// result here, the closing balance sheet of N−1 there) takes only classes 6 and 7 in its other long tables; what it
// leaves out is said in `notes`, unless the same file goes to the bilan.
void fill_long(const std::string& table, const std::vector<const LoadedBalance*>& files, const RangeShapes& shapes,
               const std::set<std::filesystem::path>& to_bilan, DataSet& out, std::vector<std::string>& notes) {
    const RangeShape& accounts = require(shapes, table + "_comptes", "");
    check_single_column(table + "_comptes", accounts);
    const bool keyed = shapes.count(table + "_colonnes") > 0;
    const bool result_only = !is_bilan(table) && shapes.count("bilan_comptes") > 0;
    std::vector<DataCell> account_cells, labels, keys, debits, credits;
    for (const LoadedBalance* f : files) {
        if (keyed && f->request.key.empty())
            throw BalanceError("--balance " + f->request.spec + " : précisez la colonne de la balance, par exemple « " +
                               table + ":1=" + f->request.file.filename().string() + " » (plage " + table +
                               "_colonnes)");
        if (!keyed && !f->request.key.empty())
            throw BalanceError("--balance " + f->request.spec + " : le classeur n'a pas de plage « " + table +
                               "_colonnes » pour la clé « " + f->request.key + " »");
        std::size_t left = 0;
        double left_total = 0;
        for (const LedgerAccount& a : f->ledger.accounts) {
            const int c = account_class(a.account);
            if (!takes_class(f->request, c)) continue;  // said by balance_notes, before any workbook
            if (result_only && c != 6 && c != 7) {
                ++left;
                left_total += a.balance();
                continue;
            }
            account_cells.emplace_back(a.account);
            labels.emplace_back(a.label.empty() ? DataCell{Blank{}} : DataCell{a.label});
            keys.push_back(key_cell(f->request.key));
            debits.emplace_back(cents(a.debit));
            credits.emplace_back(cents(a.credit));
        }
        if (left > 0 && !to_bilan.count(f->request.file))
            notes.push_back("--balance " + f->request.spec + " : " + std::to_string(left) + " compte" +
                            (left > 1 ? "s" : "") + " de bilan (classes 1 à 5, solde " + format_euros(left_total) +
                            ") non importé" + (left > 1 ? "s" : "") + " dans la table « " + table +
                            " », qui ne prend que les classes 6 et 7 dans ce classeur : --balance bilan_soldes=" +
                            f->request.file.filename().string() + " les met sur la feuille de bilan");
    }
    check_capacity(table, account_cells.size(), accounts.rows());
    std::vector<std::pair<std::string, std::vector<DataCell>>> written = {
        {table + "_comptes", std::move(account_cells)},
        {table + "_debits", std::move(debits)},
        {table + "_credits", std::move(credits)},
        {table + "_libelles", std::move(labels)},
        {table + "_colonnes", std::move(keys)}};
    std::set<std::string> done;
    for (auto& [name, values] : written) {
        if (!shapes.count(name)) continue;
        const RangeShape& shape = shapes.at(name);
        check_single_column(name, shape);
        check_same_rows(name, shape, accounts, table);
        out.push_back(column(shape.name, std::move(values), accounts.rows()));
        done.insert(name);
    }
    require(shapes, table + "_debits", " (table de balance en débit et crédit)");
    require(shapes, table + "_credits", " (table de balance en débit et crédit)");
    for (const std::string& name : members(table, accounts, shapes))
        if (!done.count(name)) out.push_back(cleared(shapes.at(name)));
}

void fill_wide(const std::string& table, const std::vector<const LoadedBalance*>& files, const RangeShapes& shapes,
               DataSet& out) {
    const RangeShape& accounts = require(shapes, table + "_comptes", "");
    check_single_column(table + "_comptes", accounts);
    require(shapes, table + "_libelles",
            " : sans elle, les libellés de l'exemple resteraient en face des comptes importés");
    const bool bilan = is_bilan(table);
    // Rows: the union of the accounts the files bring to this table, sorted; the bilan gets the result line « 12 ».
    std::map<std::string, std::string> rows;                       // account → label
    std::map<std::string, std::map<std::string, double>> amounts;  // column → account → amount
    for (const LoadedBalance* f : files) {
        const std::string col = lower(f->request.target);
        if (!f->request.key.empty())
            throw BalanceError("--balance " + f->request.spec + " : « " + f->request.target +
                               " » est une colonne de montants, sans clé « :… »");
        const RangeShape& shape = require(shapes, f->request.target, "");
        check_single_column(f->request.target, shape);
        check_same_rows(f->request.target, shape, accounts, table);
        if (col == table + "_comptes" || col == table + "_libelles")
            throw BalanceError("--balance " + f->request.spec + " : « " + f->request.target +
                               " » n'est pas une colonne de montants");
        if (amounts.count(col))
            throw BalanceError("--balance : la colonne « " + f->request.target + " » est donnée deux fois");
        if (col.find("debit") != std::string::npos || col.find("credit") != std::string::npos)
            throw BalanceError("--balance " + f->request.spec + " : « " + f->request.target +
                               " » est une colonne de débits ou de crédits ; le fichier s'importe en soldes (par "
                               "exemple " +
                               table + "_n), qui sont dans le sens du compte");
        auto& values = amounts[col];
        double result = 0;
        bool has_result = false;
        for (const LedgerAccount& a : f->ledger.accounts) {
            const int c = account_class(a.account);
            if (bilan && (c == 6 || c == 7)) {
                result += a.balance();
                has_result = true;
                continue;
            }
            if (!takes_class(f->request, c)) continue;
            const double amount = bilan || c == 6 ? a.balance() : -a.balance();  // class 7 in the direction of products
            values[a.account] += cents(amount);
            auto [it, inserted] = rows.try_emplace(a.account, a.label);
            if (it->second.empty()) it->second = a.label;
        }
        if (has_result) {
            values["12"] += cents(result);
            rows.try_emplace("12", "Résultat de l'exercice (classes 6 et 7 du fichier, non soldées)");
        }
    }
    check_capacity(table, rows.size(), accounts.rows());
    std::vector<DataCell> account_cells, labels;
    for (const auto& [account, label] : rows) {
        account_cells.emplace_back(account);
        labels.emplace_back(label.empty() ? DataCell{Blank{}} : DataCell{label});
    }
    out.push_back(column(accounts.name, std::move(account_cells), accounts.rows()));
    out.push_back(column(shapes.at(table + "_libelles").name, std::move(labels), accounts.rows()));
    for (const auto& [col, values] : amounts) {
        std::vector<DataCell> cells;
        for (const auto& [account, label] : rows) {
            const auto it = values.find(account);
            cells.push_back(it == values.end() ? DataCell{Blank{}} : DataCell{it->second});
        }
        out.push_back(column(shapes.at(col).name, std::move(cells), accounts.rows()));
    }
    for (const std::string& name : members(table, accounts, shapes))
        if (name != table + "_comptes" && name != table + "_libelles" && !amounts.count(name))
            out.push_back(cleared(shapes.at(name)));
}

std::string list_accounts(const std::vector<std::string>& accounts) {
    std::string list;
    for (std::size_t i = 0; i < accounts.size() && i < k_listed_accounts; ++i) list += (i ? ", " : "") + accounts[i];
    if (accounts.size() > k_listed_accounts) list += ", …";
    return list;
}

}  // namespace

BalanceRequest parse_balance_request(const std::string& text) {
    const std::size_t equal = text.find('=');
    if (equal == std::string::npos)
        throw BalanceError("--balance " + text + " : forme CIBLE=FICHIER attendue, par exemple --balance balance:1=" +
                           text + " (voir docs/cli.md)");
    BalanceRequest r;
    r.spec = text;
    std::string target = text.substr(0, equal);
    r.file = text.substr(equal + 1);
    if (const std::size_t colon = target.find(':'); colon != std::string::npos) {
        r.key = target.substr(colon + 1);
        target.erase(colon);
        if (r.key.empty()) throw BalanceError("--balance " + text + " : clé vide après « : »");
    }
    r.target = target;
    if (!valid_name(target))
        throw BalanceError("--balance " + text + " : « " + target + " » n'est pas un nom de plage");
    if (r.file.empty()) throw BalanceError("--balance " + text + " : fichier manquant après « = »");
    return r;
}

DataSet plan_balance_fill(const std::vector<LoadedBalance>& balances, const RangeShapes& shapes,
                          std::vector<std::string>* notes) {
    std::vector<std::string> own_notes;
    std::set<std::filesystem::path> to_bilan;
    for (const LoadedBalance& b : balances)
        if (is_bilan(table_of(b.request))) to_bilan.insert(b.request.file);
    std::map<std::string, std::vector<const LoadedBalance*>> tables;  // in table order; files in given order
    std::map<std::string, bool> wide;
    for (const LoadedBalance& b : balances) {
        const std::string table = table_of(b.request);
        if (wide.count(table) && wide[table] != is_wide(b.request))
            throw BalanceError("--balance : la table « " + table +
                               " » est visée à la fois comme table et comme colonne");
        wide[table] = is_wide(b.request);
        tables[table].push_back(&b);
    }
    DataSet out;
    for (const auto& [table, files] : tables) {
        if (wide[table])
            fill_wide(table, files, shapes, out);
        else
            fill_long(table, files, shapes, to_bilan, out, own_notes);
    }
    if (notes) notes->insert(notes->end(), own_notes.begin(), own_notes.end());
    return out;
}

std::vector<std::string> balance_notes(const std::vector<LoadedBalance>& balances) {
    std::vector<std::string> notes;
    std::map<std::filesystem::path, std::vector<const LoadedBalance*>> by_file;
    for (const LoadedBalance& b : balances) by_file[b.request.file].push_back(&b);
    for (const auto& [file, uses] : by_file) {
        const std::string name = file.filename().string();
        for (const std::string& note : uses.front()->ledger.notes) notes.push_back(name + " : " + note);
        std::map<int, std::vector<std::string>> left;  // class → accounts no requested table takes
        for (const LedgerAccount& a : uses.front()->ledger.accounts) {
            const int c = account_class(a.account);
            const bool taken = std::any_of(uses.begin(), uses.end(),
                                           [&](const LoadedBalance* u) { return takes_class(u->request, c); });
            if (!taken) left[c].push_back(a.account);
        }
        for (const auto& [c, accounts] : left) {
            double total = 0;
            for (const LedgerAccount& a : uses.front()->ledger.accounts)
                if (account_class(a.account) == c) total += a.balance();
            notes.push_back(name + " : " + std::to_string(accounts.size()) + " compte" +
                            (accounts.size() > 1 ? "s" : "") + " de classe " + std::to_string(c) + " non importé" +
                            (accounts.size() > 1 ? "s" : "") + " (aucune plage visée ne prend cette classe ; solde " +
                            format_euros(total) + ") : " + list_accounts(accounts));
        }
    }
    return notes;
}

}  // namespace cpom::cli
