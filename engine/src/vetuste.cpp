#include "cpom/vetuste.hpp"

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"
#include "cpom/selector.hpp"

namespace cpom {
namespace {

struct TypeAccounts {
    Selector gross;
    Selector depreciation;
    const char* gross_text;
    const char* depreciation_text;
};

// The lists of vetuste.hpp, in the selector grammar; built once, read-only afterwards.
const TypeAccounts& accounts_of(AssetType type) {
    static const std::array<TypeAccounts, 3> lists{{
        {Selector::parse("213 214"), Selector::parse("2813 2814"), "213, 214", "2813, 2814"},
        {Selector::parse("215"), Selector::parse("2815"), "215", "2815"},
        {Selector::parse("218"), Selector::parse("2818"), "218", "2818"},
    }};
    return lists[static_cast<std::size_t>(type)];
}

}  // namespace

AssetType parse_asset_type(std::string_view name, Role role) {
    return static_cast<AssetType>(check::one_of(name, k_asset_type_names, role));
}

double vetuste(const TrialBalance& balance, AssetType type) {
    const TypeAccounts& a = accounts_of(type);
    const double gross = sum_selected(balance, a.gross);
    const double depreciation = -sum_selected(balance, a.depreciation);  // credit balances are negative
    if (gross <= 0) {
        throw ArgumentError(Role::balances, std::string("aucune immobilisation brute (comptes ") + a.gross_text +
                                                ", soldes débiteurs) : total " + format_number(gross) +
                                                ", le taux de vétusté n'est pas calculable");
    }
    if (depreciation < 0) {
        throw ArgumentError(Role::balances, std::string("les amortissements (comptes ") + a.depreciation_text +
                                                ") sont des soldes créditeurs, à saisir en négatif (total reçu " +
                                                format_number(-depreciation) + ")");
    }
    if (depreciation > gross) {
        throw ArgumentError(Role::balances, std::string("les amortissements (comptes ") + a.depreciation_text + ", " +
                                                format_number(depreciation) +
                                                ") dépassent les immobilisations brutes (" + a.gross_text + ", " +
                                                format_number(gross) + ")");
    }
    return depreciation / gross;
}

}  // namespace cpom
