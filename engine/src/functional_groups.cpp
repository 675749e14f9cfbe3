#include "cpom/functional_groups.hpp"

#include <vector>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

// The default table, embedded by engine/CMakeLists.txt from engine/data/functional_groups_m22.csv.
constexpr std::string_view k_standard_csv =
#include "functional_groups_m22.inc"
    ;

std::string_view group_text(const AccountCell& cell) {
    if (const auto* text = std::get_if<std::string_view>(&cell)) return *text;
    return {};
}

}  // namespace

Group parse_group(std::string_view name, Role role) {
    return static_cast<Group>(check::one_of(name, k_group_names, role));
}

GroupMapping GroupMapping::from_rows(std::span<const MappingRow> rows, Role role) {
    GroupMapping mapping;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string where = line_label(i + 1);
        if (is_blank(rows[i].prefix) && is_blank(rows[i].group)) continue;
        if (is_blank(rows[i].prefix)) throw ArgumentError(role, where + "préfixe de compte manquant");
        const AccountNumber prefix = prefix_of(rows[i].prefix, role, i + 1);
        if (prefix.account_class() != '6' && prefix.account_class() != '7') {
            throw ArgumentError(role, where + "le préfixe " + std::string(prefix.digits()) +
                                          " n'est pas un compte de charges (6) ou de produits (7)");
        }
        if (const double* x = std::get_if<double>(&rows[i].group)) {
            throw ArgumentError(
                role, where + "le groupe doit être un texte (C1, C2, C3, P1, P2 ou P3), reçu " + format_number(*x));
        }
        if (is_blank(rows[i].group)) {
            throw ArgumentError(role, where + "groupe manquant pour le préfixe " + std::string(prefix.digits()) +
                                          " (C1, C2, C3, P1, P2 ou P3)");
        }
        const Group group = parse_group(group_text(rows[i].group), role);
        if (!mapping.table_.insert(prefix.digits(), group)) {
            throw ArgumentError(
                role, where + "le préfixe " + std::string(prefix.digits()) + " figure déjà plus haut dans la table");
        }
    }
    if (mapping.table_.empty()) throw ArgumentError(role, "la table de correspondance est vide");
    return mapping;
}

GroupMapping GroupMapping::from_csv(std::string_view csv, Role role) {
    std::vector<MappingRow> rows;
    bool header_seen = false;
    while (!csv.empty()) {
        const std::size_t end = csv.find('\n');
        std::string_view line = trim_spaces(csv.substr(0, end));
        csv = end == std::string_view::npos ? std::string_view{} : csv.substr(end + 1);
        if (line.empty() || line.front() == '#') continue;
        if (!header_seen) {  // the first data line names the columns
            header_seen = true;
            continue;
        }
        const std::size_t first = line.find(',');
        const std::size_t second = first == std::string_view::npos ? first : line.find(',', first + 1);
        const std::string_view prefix = line.substr(0, first);
        const std::string_view group =
            first == std::string_view::npos ? std::string_view{} : line.substr(first + 1, second - first - 1);
        rows.push_back({prefix, group});
    }
    return from_rows(rows, role);
}

const GroupMapping& GroupMapping::standard() {
    // Parsed once, then read-only: safe when Calc calls from several threads (C++11 static initialisation).
    static const GroupMapping mapping = from_csv(k_standard_csv, Role::mapping);
    return mapping;
}

std::array<double, 6> group_totals(const TrialBalance& balance, const GroupMapping& mapping) {
    std::array<double, 6> totals{};
    for (const AccountLine& line : balance.lines()) {
        const char account_class = line.account.account_class();
        if (account_class != '6' && account_class != '7') continue;
        const Group* group = mapping.group_of(line.account.digits());
        if (group == nullptr) {
            throw ArgumentError(Role::accounts,
                                line_label(line.line) + "le compte " + std::string(line.account.digits()) +
                                    " n'a pas de groupe fonctionnel dans la table utilisée (ajouter son "
                                    "préfixe dans " +
                                    mention(Role::mapping) + " ; une ligne de total n'a pas sa place dans la balance)");
        }
        const bool product_account = account_class == '7';
        const double amount = product_account == is_product_group(*group) ? line.amount : -line.amount;
        totals[static_cast<std::size_t>(*group)] += amount;
    }
    return totals;
}

double group_total(const TrialBalance& balance, Group group, const GroupMapping& mapping) {
    return group_totals(balance, mapping)[static_cast<std::size_t>(group)];
}

}  // namespace cpom
