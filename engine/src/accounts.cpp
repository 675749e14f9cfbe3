#include "cpom/accounts.hpp"

#include <charconv>
#include <cmath>

#include "cpom/error.hpp"
#include "cpom/format.hpp"

namespace cpom {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view trim_spaces(std::string_view text) {
    // UTF-8 of U+00A0 (C2 A0) and U+202F (E2 80 AF), the non-breaking spaces of French number formats.
    auto strip_front = [&] {
        if (!text.empty() &&
            (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n')) {
            text.remove_prefix(1);
            return true;
        }
        if (text.starts_with("\xC2\xA0")) return text.remove_prefix(2), true;
        if (text.starts_with("\xE2\x80\xAF")) return text.remove_prefix(3), true;
        return false;
    };
    auto strip_back = [&] {
        if (!text.empty() &&
            (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
            text.remove_suffix(1);
            return true;
        }
        if (text.ends_with("\xC2\xA0")) return text.remove_suffix(2), true;
        if (text.ends_with("\xE2\x80\xAF")) return text.remove_suffix(3), true;
        return false;
    };
    while (strip_front()) {
    }
    while (strip_back()) {
    }
    return text;
}

bool is_blank(const AccountCell& cell) {
    if (std::holds_alternative<std::monostate>(cell)) return true;
    const auto* text = std::get_if<std::string_view>(&cell);
    return text != nullptr && trim_spaces(*text).empty();
}

AccountNumber prefix_of(const AccountCell& cell, Role role, std::size_t line) {
    if (const double* x = std::get_if<double>(&cell)) return AccountNumber::from_number(*x, role, line);
    const auto* view = std::get_if<std::string_view>(&cell);
    const std::string_view text = view ? trim_spaces(*view) : std::string_view();
    const std::optional<AccountNumber> n = AccountNumber::from_text(text, role, line);
    if (!n || n->digits().size() != text.size()) {
        throw ArgumentError(role, line_label(line) + "« " + std::string(text) +
                                      " » n'est pas un préfixe de compte (des chiffres seulement)");
    }
    return *n;
}

std::string line_label(std::size_t line) { return line == 0 ? std::string() : "ligne " + std::to_string(line) + " : "; }

AccountNumber AccountNumber::from_number(double x, Role role, std::size_t line) {
    if (!std::isfinite(x) || x < 1) {
        throw ArgumentError(role, line_label(line) + format_number(x) +
                                      " n'est pas un numéro de compte (un entier positif est attendu)");
    }
    if (x != std::floor(x)) {
        throw ArgumentError(role, line_label(line) + "le numéro de compte " + format_number(x) +
                                      " a des décimales : saisir les sous-comptes comme du texte");
    }
    if (x >= 1e20) {
        throw ArgumentError(role, line_label(line) + "numéro de compte de plus de 20 chiffres");
    }
    AccountNumber n;
    char buffer[32];
    // Integer formatting is several times faster than double formatting; every whole double below 2^63 converts
    // exactly. Above (up to 1e20) the double itself is formatted, still exactly, since it is whole.
    const auto [end, ec] = x < 9.2e18 ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::uint64_t>(x))
                                      : std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, 0);
    (void)ec;  // cannot fail: the buffer holds any number below 1e20
    n.size_ = static_cast<std::uint8_t>(end - buffer);
    std::copy(buffer, end, n.digits_.begin());
    return n;
}

std::optional<AccountNumber> AccountNumber::from_text(std::string_view text, Role role, std::size_t line) {
    text = trim_spaces(text);
    std::size_t count = 0;
    while (count < text.size() && is_digit(text[count])) ++count;
    if (count == 0) return std::nullopt;
    if (count > max_digits) {
        throw ArgumentError(
            role, line_label(line) + "numéro de compte de plus de 20 chiffres (« " + std::string(text) + " »)");
    }
    AccountNumber n;
    n.size_ = static_cast<std::uint8_t>(count);
    std::copy(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(count), n.digits_.begin());
    return n;
}

void TrialBalance::check_sizes(std::size_t accounts, std::size_t amounts) {
    if (accounts != amounts) {
        throw ArgumentError(Role::amounts, "la plage a " + std::to_string(amounts) + " cellules, " +
                                               std::to_string(accounts) + " attendues (une par compte de " +
                                               mention(Role::accounts) + ")");
    }
}

AccountNumber line_account(const AccountCell& cell, double amount, std::size_t line) {
    if (const double* x = std::get_if<double>(&cell)) return AccountNumber::from_number(*x, Role::accounts, line);
    if (const std::string_view* text = std::get_if<std::string_view>(&cell)) {
        if (auto account = AccountNumber::from_text(*text, Role::accounts, line)) return *account;
        throw ArgumentError(Role::accounts, line_label(line) + "« " + std::string(trim_spaces(*text)) +
                                                " » ne commence pas par un numéro de compte, alors que le montant "
                                                "vaut " +
                                                format_number(amount));
    }
    throw ArgumentError(Role::accounts,
                        line_label(line) + "montant de " + format_number(amount) + " sans numéro de compte");
}

void TrialBalance::add(const AccountCell& cell, std::optional<double> amount, std::size_t line) {
    if (!amount || *amount == 0.0) return;  // nothing to add, whatever the account cell says
    if (!std::isfinite(*amount)) {
        throw ArgumentError(Role::amounts, line_label(line) + "le montant n'est pas un nombre fini");
    }
    lines_.push_back({line_account(cell, *amount, line), *amount, line});
}

TrialBalance TrialBalance::read(std::span<const AccountCell> accounts, std::span<const std::optional<double>> amounts) {
    check_sizes(accounts.size(), amounts.size());
    TrialBalance balance;
    balance.reserve(accounts.size());
    for (std::size_t i = 0; i < accounts.size(); ++i) balance.add(accounts[i], amounts[i], i + 1);
    return balance;
}

}  // namespace cpom
