// Longest-prefix lookup over account numbers (strings of digits), shared by the account selector of
// CPOM_ACCOUNTS and the functional-group mapping of CPOM_GROUP.
// A 10-way trie: a lookup walks the account's digits once, so aggregating a 100 000-line trial balance costs
// one short walk per line whatever the size of the table, with no allocation and no hashing.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cpom {

template <typename T>
class PrefixTable {
    static_assert(!std::is_same_v<T, bool>, "std::vector<bool> hands out proxies: use an enum");

public:
    PrefixTable() : nodes_(1) {}

    // Stores `value` under `digits` (digits only, non-empty). Returns false, storing nothing, when that exact
    // prefix is already there: the caller decides whether a duplicate is an error.
    bool insert(std::string_view digits, T value) {
        assert(!digits.empty());
        std::int32_t node = 0;
        for (char c : digits) {
            assert(c >= '0' && c <= '9');
            std::int32_t next = nodes_[node].child[c - '0'];
            if (next < 0) {
                next = static_cast<std::int32_t>(nodes_.size());
                nodes_[node].child[c - '0'] = next;
                nodes_.emplace_back();
            }
            node = next;
        }
        if (nodes_[node].value >= 0) return false;
        nodes_[node].value = static_cast<std::int32_t>(values_.size());
        values_.push_back(std::move(value));
        return true;
    }

    // The value stored under the longest prefix of `digits`, or nullptr when no stored prefix matches.
    const T* longest_match(std::string_view digits) const {
        std::int32_t node = 0;
        std::int32_t found = -1;
        for (char c : digits) {
            const unsigned d = static_cast<unsigned>(c - '0');
            if (d > 9) break;
            node = nodes_[node].child[d];
            if (node < 0) break;
            if (nodes_[node].value >= 0) found = nodes_[node].value;
        }
        return found < 0 ? nullptr : &values_[found];
    }

    // The value stored under exactly `digits`, or nullptr.
    const T* find(std::string_view digits) const {
        std::int32_t node = 0;
        for (char c : digits) {
            const unsigned d = static_cast<unsigned>(c - '0');
            if (d > 9) return nullptr;
            node = nodes_[node].child[d];
            if (node < 0) return nullptr;
        }
        return nodes_[node].value < 0 ? nullptr : &values_[nodes_[node].value];
    }

    bool empty() const { return values_.empty(); }
    std::size_t size() const { return values_.size(); }

private:
    struct Node {
        Node() { child.fill(-1); }
        std::array<std::int32_t, 10> child;
        std::int32_t value = -1;  // index in values_, −1 when no prefix ends here
    };
    std::vector<Node> nodes_;
    std::vector<T> values_;
};

}  // namespace cpom
