#include "cpom/balance_sheet.hpp"

#include "cpom/checks.hpp"
#include "cpom/selector.hpp"

namespace cpom {
namespace {

// The account lists of balance_sheet.hpp, in the selector grammar. FRI and FRE partition the FRNG's accounts.
struct BalanceSelectors {
    Selector frng = Selector::parse("1 2 39 49 59 6 7");
    Selector bfr = Selector::parse("3 4 -39 -49");
    Selector fri = Selector::parse("1 2 -10685 -10686 -11 -12 -14 -15 -165 -1688");
    Selector fre = Selector::parse("10685 10686 11 12 14 15 165 1688 39 49 59 6 7");
    Selector debt = Selector::parse("16 -165 -1688 -169");
};

const BalanceSelectors& selectors() {
    static const BalanceSelectors s;  // built once, read-only afterwards
    return s;
}

}  // namespace

BalanceItem parse_balance_item(std::string_view name, Role role) {
    return static_cast<BalanceItem>(check::one_of(name, k_balance_item_names, role));
}

double balance_item(const TrialBalance& balance, BalanceItem item) {
    const BalanceSelectors& s = selectors();
    // Credit balances are negative in the input: resources (FRNG, FRI, FRE, DEBT) change sign.
    switch (item) {
        case BalanceItem::FRNG: return -sum_selected(balance, s.frng);
        case BalanceItem::BFR: return sum_selected(balance, s.bfr);
        case BalanceItem::TRESO:
            return balance_item(balance, BalanceItem::FRNG) - balance_item(balance, BalanceItem::BFR);
        case BalanceItem::FRI: return -sum_selected(balance, s.fri);
        case BalanceItem::FRE: return -sum_selected(balance, s.fre);
        case BalanceItem::DEBT: return -sum_selected(balance, s.debt);
    }
    return 0.0;  // unreachable: every item is handled above
}

}  // namespace cpom
