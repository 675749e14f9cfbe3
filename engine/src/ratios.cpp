#include "cpom/ratios.hpp"

#include "cpom/checks.hpp"
#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {

Ratio parse_ratio(std::string_view name, Role role) {
    return static_cast<Ratio>(check::one_of(name, k_ratio_names, role));
}

double ratio(Ratio which, double a, double b) {
    switch (which) {
        case Ratio::DebtDuration:
            check::non_negative(a, Role::a);
            check::finite(b, Role::b);
            // GM22-RATIOS: "non calculé si la CAF est négative ou nulle".
            if (b <= 0) {
                throw ArgumentError(Role::b, "la CAF vaut " + format_number(b) +
                                                 " : la durée apparente de la dette n'est pas calculable si la CAF "
                                                 "est négative ou nulle");
            }
            return a / b;
        case Ratio::Independence:
        case Ratio::Vetuste:
        case Ratio::Endettement:
            check::non_negative(a, Role::a);
            check::positive(b, Role::b);
            return a / b;
        case Ratio::Apurement:
            check::non_negative(a, Role::a);
            check::finite(b, Role::b);
            if (b <= 0) {
                throw ArgumentError(Role::b, "les dettes financières à moyen et long terme valent " + format_number(b) +
                                                 " : l'apurement de la dette n'est pas calculable sans dette");
            }
            return a / b;
        case Ratio::FrngDays:
        case Ratio::BfrDays:
        case Ratio::TresoDays:
            check::finite(a, Role::a);
            check::positive(b, Role::b);
            return a * 365.0 / b;
    }
    return 0.0;  // unreachable: every ratio is handled above
}

}  // namespace cpom
