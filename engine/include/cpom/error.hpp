// Typed errors of the engine. The add-in maps ArgumentError to Err:502 and NoConvergence to Err:523;
// CPOM_CHECK shows the French reason to the user, so reasons are written for an accountant.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "cpom/role.hpp"  // generated from the metadata: every argument name, once

namespace cpom {

// An input is missing, of the wrong type, the wrong size or out of its domain. The engine says which input by its
// role (Role::rates), never by a text: the call layer names the argument of that role in the function called, as
// the user's Function Wizard shows it ("taux" in French), and the adapter of a function that gives one engine
// input another name (CPOM_SCISSOR's charges_rates are project()'s rates) maps the role (cpom/calls/roles.hpp).
class ArgumentError : public std::runtime_error {
public:
    ArgumentError(Role role, std::string reason)
        : ArgumentError(role, std::move(reason), std::string(role_name(role))) {}
    // The same error as the user reads it: `label` is the argument's display name, mentions resolved.
    ArgumentError(Role role, std::string reason, std::string label)
        : std::runtime_error(label + " : " + reason),
          role_(role),
          reason_(std::move(reason)),
          label_(std::move(label)) {}

    Role role() const noexcept { return role_; }
    const std::string& reason() const noexcept { return reason_; }
    // The argument's name in the message: the role's identifier until the call layer resolves it.
    const std::string& label() const noexcept { return label_; }

private:
    Role role_;
    std::string reason_;
    std::string label_;
};

// Another argument named inside a reason ("autant de montants que " + mention(Role::charges_base)): the call layer
// writes it as that argument's display name in the function called, like the error's own argument.
std::string mention(Role role);

// The result of a call is not a finite number although every argument was accepted (an overflow): the message says
// so; it names no argument.
class ResultError : public std::runtime_error {
public:
    explicit ResultError(const std::string& reason) : std::runtime_error("résultat : " + reason) {}
};

// A solver found no solution in its documented bracket.
class NoConvergence : public std::runtime_error {
public:
    explicit NoConvergence(const std::string& reason) : std::runtime_error(reason) {}
};

}  // namespace cpom
