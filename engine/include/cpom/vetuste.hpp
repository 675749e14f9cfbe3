// Taux de vétusté of the ERRD, one per type of fixed asset as the frame and the ministry's DIAMANT data show them
// (constructions; installations techniques, matériel et outillage; autres immobilisations), from a trial balance
// whose amounts are DEBIT POSITIVE, CREDIT NEGATIVE like CPOM_BALANCE's (docs/domain.md#vetuste):
//   rate = amortissements cumulés (credit balance of the 28x accounts) / immobilisations brutes (debit of 21x)
//   CONSTRUCTIONS  2813, 2814 / 213, 214
//   INSTALLATIONS  2815 / 215
//   AUTRES         2818 / 218
// The principle (28 over the matching 21) is the guide M22's; the sub-accounts of each type are this project's
// reading of the chart (a convention: other lists go through CPOM_ACCOUNTS and CPOM_RATIO("VETUSTE")).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "cpom/accounts.hpp"

#include "cpom/role.hpp"

namespace cpom {

enum class AssetType { Constructions, Installations, Autres };
inline constexpr std::array<std::string_view, 3> k_asset_type_names{"CONSTRUCTIONS", "INSTALLATIONS", "AUTRES"};

// Case-insensitive name → type; an unknown name is an ArgumentError listing the valid ones.
AssetType parse_asset_type(std::string_view name, Role role = Role::asset_type);

// Errors name `balances`: no gross asset of the type, depreciation entered with the wrong sign, or depreciation
// above the gross value (a rate above 100 % is a data error, not a figure).
double vetuste(const TrialBalance& balance, AssetType type);

}  // namespace cpom
