// Capacité d'autofinancement (CAF) and taux de CAF of the ERRD, as the frame computes them (docs/domain.md#caf,
// #caf-rate; the ministry's Helios displays the frame's formula in ContenuTauxDeCaf.tsx).
#pragma once

#include "cpom/accounts.hpp"

namespace cpom {

// The terms of the additive method, each an amount of its accounts in the natural direction (positive).
struct CafTerms {
    double result = 0.0;           // résultat de l'exercice (Σ7 − Σ6), any sign
    double depreciation_68 = 0.0;  // dotations aux amortissements, dépréciations et provisions
    double reversals_78 = 0.0;     // reprises
    double disposals_775 = 0.0;    // produits des cessions d'éléments d'actif
    double book_value_675 = 0.0;   // valeur comptable des éléments d'actif cédés
    double subsidies_777 = 0.0;    // quote-part des subventions d'investissement virée au résultat
    double other_778 = 0.0;        // autres produits exceptionnels: all of 778 in the ERRD frame
};

// CAF = résultat + 68 − 78 − 775 + 675 − 777 − 778. The six account terms must be ≥ 0 (a negative one is a sign
// mistake: reprises typed as −13 000 to "subtract" them); errors name CPOM_CAF's arguments.
double caf(const CafTerms& terms);

// Which accounts the last term of the additive method takes from a trial balance.
enum class OtherExceptional {
    Account778,      // the ERRD frame: "− compte 778 autres produits exceptionnels" (CPOM_CAF_ERRD)
    Only7781Legacy,  // 7781 only, what CPOM_CAF_BALANCE has always done (kept for old documents)
};

// The terms read from a trial balance of classes 6 and 7 (natural direction: charges and products positive).
// A negative total of 68, 78, 775, 675, 777 or 778 (7781) is an error naming `amounts` and the accounts.
CafTerms caf_terms(const TrialBalance& balance, OtherExceptional other);

// CPOM_CAF_ERRD and CPOM_CAF_BALANCE: caf(caf_terms(balance, other)).
double caf_from_balance(const TrialBalance& balance, OtherExceptional other);

// Denominator of the taux de CAF: Σ class 7 except 775, 777, 7781 and 78 (the frame excludes 7781 here, not all
// of the 778 its numerator subtracts). 709 (rabais accordés) and 713
// (variation des stocks) enter with their sign: a debit balance, entered negative, is deducted as the frame's
// "− c/709 − c/713" says. Must be > 0.
double caf_rate_base(const TrialBalance& balance);

// CPOM_CAF_RATE: caf / caf_rate_base(balance). Below 2 % is the regulatory sign of financial imbalance.
double caf_rate(double caf, const TrialBalance& balance);

}  // namespace cpom
