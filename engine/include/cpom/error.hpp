// Typed errors of the engine. The add-in maps ArgumentError to Err:502 and NoConvergence to Err:523;
// CPOM_CHECK shows the French reason to the user, so reasons are written for an accountant.
#pragma once

#include <stdexcept>
#include <string>

namespace cpom {

// An argument is missing, of the wrong type, the wrong size or out of its domain.
class ArgumentError : public std::runtime_error {
public:
    ArgumentError(std::string argument, std::string reason)
        : std::runtime_error(argument + " : " + reason), argument_(std::move(argument)),
          reason_(std::move(reason)) {}

    const std::string& argument() const noexcept { return argument_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    std::string argument_;
    std::string reason_;
};

// A solver found no solution in its documented bracket.
class NoConvergence : public std::runtime_error {
public:
    explicit NoConvergence(const std::string& reason) : std::runtime_error(reason) {}
};

}  // namespace cpom
