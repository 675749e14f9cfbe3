#include "cpom/soins_points.hpp"

#include <array>
#include <charconv>
#include <map>
#include <tuple>

#include "cpom/checks.hpp"
#include "cpom/error.hpp"

namespace cpom {
namespace {

// The table, embedded by engine/CMakeLists.txt from engine/data/soins_point_values.csv.
constexpr std::string_view k_points_csv =
#include "soins_point_values.inc"
    ;

// Overseas raise stated by the arrêtés ("majorées de 20 % dans les départements d'outre-mer").
constexpr double k_overseas_raise = 1.2;

constexpr std::array<std::string_view, 2> k_option_names{"GLOBAL", "PARTIEL"};

using Key = std::tuple<int, SoinsOption, bool>;

std::string_view next_field(std::string_view& line) {
    const std::size_t comma = line.find(',');
    const std::string_view field = line.substr(0, comma);
    line = comma == std::string_view::npos ? std::string_view{} : line.substr(comma + 1);
    return field;
}

template <typename T>
T parse_field(std::string_view field) {
    T value{};
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    // The table ships with the add-in: a malformed line is a build-time mistake, caught by the unit tests.
    if (error != std::errc{} || end != field.data() + field.size()) {
        throw std::logic_error("soins_point_values.csv: « " + std::string(field) + " » illisible");
    }
    return value;
}

// Parsed once, read-only afterwards (C++11 static initialisation is thread-safe: Calc may call from threads).
const std::map<Key, double>& table() {
    static const std::map<Key, double> parsed = [] {
        std::map<Key, double> rows;
        std::string_view csv = k_points_csv;
        bool header_seen = false;
        while (!csv.empty()) {
            const std::size_t end = csv.find('\n');
            std::string_view line = csv.substr(0, end);
            csv = end == std::string_view::npos ? std::string_view{} : csv.substr(end + 1);
            if (line.empty() || line.front() == '#') continue;
            if (!header_seen) {  // the first data line names the columns
                header_seen = true;
                continue;
            }
            const int year = parse_field<int>(next_field(line));
            const SoinsOption option = parse_soins_option(next_field(line), Role::option);
            const bool pui = parse_field<int>(next_field(line)) == 1;
            const double value = parse_field<double>(next_field(line));
            rows.emplace(Key{year, option, pui}, value);
        }
        return rows;
    }();
    return parsed;
}

std::string years_listed() {
    std::string years;
    int last = 0;
    for (const auto& [key, value] : table()) {
        const int year = std::get<0>(key);
        if (year == last) continue;
        years += (years.empty() ? "" : ", ") + std::to_string(year);
        last = year;
    }
    return years;
}

}  // namespace

SoinsOption parse_soins_option(std::string_view text, Role role) {
    return static_cast<SoinsOption>(check::one_of(text, k_option_names, role));
}

double soins_point_value(int year, SoinsOption option, bool pui, bool overseas) {
    const auto found = table().find(Key{year, option, pui});
    if (found == table().end()) {
        throw ArgumentError(Role::year, "aucune valeur du point sourcée pour " + std::to_string(year) +
                                            " dans la table de l'extension (années : " + years_listed() +
                                            ") : saisir la valeur de l'arrêté de l'année directement dans "
                                            "« valeur point » de CPOM_FORFAIT_SOINS");
    }
    return overseas ? found->second * k_overseas_raise : found->second;
}

}  // namespace cpom
