// Functional groups of the EPRD / ERRD (groupes fonctionnels, docs/domain.md#functional-groups): which group each
// account of classes 6 and 7 belongs to. The mapping is DATA: a default table (engine/data/functional_groups_m22.csv,
// embedded at build time; docs/domain.md#group-table) or the user's own two-column table; longest prefix wins.
//
// Signs: amounts are entered in the natural direction of their class (charges of class 6 positive when
// debit, products of class 7 positive when credit), so a contra account is negative (6419 remboursements
// received = −12 000). A group total is in the direction of the group: an account of class 6 counted in a
// product group (atténuations de charges → P2) changes sign, and so does a class 7 account in a charge group.
// Hence P1 + P2 + P3 − (C1 + C2 + C3) = Σ class 7 − Σ class 6 = the result, whatever the mapping.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "cpom/accounts.hpp"
#include "cpom/prefix_table.hpp"

#include "cpom/role.hpp"

namespace cpom {

enum class Group : std::uint8_t { C1, C2, C3, P1, P2, P3 };
inline constexpr std::array<std::string_view, 6> k_group_names{"C1", "C2", "C3", "P1", "P2", "P3"};

// "C1" … "P3", case-insensitive; anything else is an ArgumentError listing the valid names.
Group parse_group(std::string_view name, Role role = Role::group);
inline bool is_product_group(Group g) { return g >= Group::P1; }

// One line of a mapping table as typed: prefix (number or text of digits), group (text "C1" … "P3").
struct MappingRow {
    AccountCell prefix;
    AccountCell group;
};

class GroupMapping {
public:
    // The default table (engine/data/functional_groups_m22.csv), parsed once.
    static const GroupMapping& standard();
    // A user table. Rows whose two cells are blank are skipped. A prefix is a whole number or a text made of
    // digits only, of class 6 or 7; the same prefix twice is an error. Errors name `argument` and the line.
    static GroupMapping from_rows(std::span<const MappingRow> rows, Role role = Role::mapping);
    // "prefix,group,comment" lines, '#' lines and the header skipped: the format of the embedded table.
    static GroupMapping from_csv(std::string_view csv, Role role);

    // Group of the longest matching prefix, or nullptr.
    const Group* group_of(std::string_view account_digits) const { return table_.longest_match(account_digits); }
    std::size_t size() const { return table_.size(); }

private:
    PrefixTable<Group> table_;
};

// Totals of the six groups (indexed by Group) over the class 6 and 7 lines; other classes are ignored.
// A class 6 or 7 account with no group is an error naming its line: a figure is never silently dropped.
std::array<double, 6> group_totals(const TrialBalance& balance, const GroupMapping& mapping);
double group_total(const TrialBalance& balance, Group group, const GroupMapping& mapping);

}  // namespace cpom
