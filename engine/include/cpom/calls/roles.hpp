// An engine input that a function gives under another name: CPOM_SCISSOR's charges_rates are project()'s rates,
// CPOM_PGFP's rates_charges too. The adapter says so once, around the engine call, and the error then names the
// function's own argument:
//     with_roles({{Role::base, args.charges_base}, {Role::rates, args.charges_rates}}, [&] { return project(...); });
#pragma once

#include <initializer_list>
#include <span>
#include <utility>

#include "cpom/calls/argument.hpp"
#include "cpom/error.hpp"

namespace cpom::calls {

struct RoleAs {
    RoleAs(Role engine_role, const Argument& argument) : from(engine_role), to(argument.role()) {}
    Role from;
    Role to;
};

// The same error with its role, and the roles it mentions, renamed by `roles` (unchanged when none applies).
ArgumentError renamed(const ArgumentError& e, std::span<const RoleAs> roles);

template <typename F>
auto with_roles(std::initializer_list<RoleAs> roles, F&& f) -> decltype(std::forward<F>(f)()) {
    try {
        return std::forward<F>(f)();
    } catch (const ArgumentError& e) {
        throw renamed(e, std::span<const RoleAs>(roles.begin(), roles.size()));
    }
}

}  // namespace cpom::calls
