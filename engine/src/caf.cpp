#include "cpom/caf.hpp"

#include <array>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"
#include "cpom/selector.hpp"

namespace cpom {
namespace {

// The account lists of docs/domain.md#caf, in the selector grammar so they read like the frame.
struct CafSelectors {
    Selector charges = Selector::parse("6");
    Selector products = Selector::parse("7");
    Selector depreciation = Selector::parse("68");
    Selector reversals = Selector::parse("78");
    Selector disposals = Selector::parse("775");
    Selector book_value = Selector::parse("675");
    Selector subsidies = Selector::parse("777");
    Selector other_778 = Selector::parse("778");
    Selector other_7781 = Selector::parse("7781");
    Selector rate_base = Selector::parse("7 -775 -777 -7781 -78");
};

const CafSelectors& selectors() {
    static const CafSelectors s;  // built once, read-only afterwards
    return s;
}

double account_total(double total, const char* accounts) {
    if (total < 0) {
        throw ArgumentError(Role::amounts, std::string("le total des comptes ") + accounts + " est négatif (" +
                                               format_number(total) +
                                               ") : les charges et les produits se saisissent en positif");
    }
    return total;
}

}  // namespace

double caf(const CafTerms& t) {
    check::finite(t.result, Role::result);
    check::non_negative(t.depreciation_68, Role::depreciation_68);
    check::non_negative(t.reversals_78, Role::reversals_78);
    check::non_negative(t.disposals_775, Role::disposals_775);
    check::non_negative(t.book_value_675, Role::book_value_675);
    check::non_negative(t.subsidies_777, Role::subsidies_777);
    check::non_negative(t.other_778, Role::other_7781);  // CPOM_CAF's argument keeps its first name
    return t.result + t.depreciation_68 - t.reversals_78 - t.disposals_775 + t.book_value_675 - t.subsidies_777 -
           t.other_778;
}

CafTerms caf_terms(const TrialBalance& balance, OtherExceptional other) {
    const CafSelectors& s = selectors();
    const Selector& other_selector = other == OtherExceptional::Account778 ? s.other_778 : s.other_7781;
    const auto [products, charges, depreciation, reversals, disposals, book_value, subsidies, others] =
        sum_selected<8>(balance, {&s.products, &s.charges, &s.depreciation, &s.reversals, &s.disposals, &s.book_value,
                                  &s.subsidies, &other_selector});
    CafTerms t;
    t.result = products - charges;
    t.depreciation_68 = account_total(depreciation, "68");
    t.reversals_78 = account_total(reversals, "78");
    t.disposals_775 = account_total(disposals, "775");
    t.book_value_675 = account_total(book_value, "675");
    t.subsidies_777 = account_total(subsidies, "777");
    t.other_778 = account_total(others, other == OtherExceptional::Account778 ? "778" : "7781");
    return t;
}

double caf_from_balance(const TrialBalance& balance, OtherExceptional other) { return caf(caf_terms(balance, other)); }

double caf_rate_base(const TrialBalance& balance) {
    const double base = sum_selected(balance, selectors().rate_base);
    if (base <= 0) {
        throw ArgumentError(Role::amounts, "le total des produits (classe 7 hors 775, 777, 7781 et 78) vaut " +
                                               format_number(base) + " : le taux de CAF n'est pas calculable");
    }
    return base;
}

double caf_rate(double caf, const TrialBalance& balance) {
    check::finite(caf, Role::caf);
    return caf / caf_rate_base(balance);
}

}  // namespace cpom
