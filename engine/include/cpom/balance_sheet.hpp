// Bilan financier of the EPRD / ERRD (docs/domain.md#bilan): FRNG, BFR, treasury, FRI / FRE split, debt, from a
// trial balance whose amounts are DEBIT POSITIVE, CREDIT NEGATIVE (the usual signed balance of an export).
//
// Every item is returned in the direction an accountant reads it:
//   FRNG  = capitaux permanents − actif immobilisé = −Σ(1, 2, 39, 49, 59)   > 0: stable resources to spare
//          (ERRD annexe 8: credit balances of classes 1–2 and of 39/49/59 minus debit balances of classes 1–2).
//          Classes 6 and 7 of a balance not yet closed count as the year's result (account 12).
//   BFR   = actif circulant − passif circulant, treasury excluded = Σ(3, 4) − Σ(39, 49)   > 0: a need
//   TRESO = FRNG − BFR   > 0: cash; equals Σ(5 except 59) when the balance is balanced
//   FRI   = −Σ(1, 2 except 10685, 10686, 11, 12, 14, 15, 165, 1688)   investment side of the FRNG
//   FRE   = −Σ(10685, 10686, 11, 12, 14, 15, 165, 1688, 39, 49, 59, 6, 7)   operating side; FRI + FRE = FRNG
//   DEBT  = −Σ(16 except 165, 1688, 169)   > 0: outstanding loans
// The FRNG total is the frame's (Helios, ContenuFondDeRoulementNetGlobal.tsx); the FRI / FRE split is a
// convention of this project, no source found (docs/domain.md#bilan): M22 reserves 10685 trésorerie and 10686
// compensation des déficits are read as operating reserves. Classes 8 and 9 are ignored.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "cpom/accounts.hpp"

#include "cpom/role.hpp"

namespace cpom {

enum class BalanceItem { FRNG, BFR, TRESO, FRI, FRE, DEBT };
inline constexpr std::array<std::string_view, 6> k_balance_item_names{"FRNG", "BFR", "TRESO", "FRI", "FRE", "DEBT"};

// Case-insensitive name → item; an unknown name is an ArgumentError listing the valid ones.
BalanceItem parse_balance_item(std::string_view name, Role role = Role::item);

double balance_item(const TrialBalance& balance, BalanceItem item);

}  // namespace cpom
