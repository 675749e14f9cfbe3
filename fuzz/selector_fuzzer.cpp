// The account selector parser of CPOM_ACCOUNTS ("7 -775 -777 -7781 -78") on any text: it either parses or throws
// ArgumentError with a reason; a parsed selector then answers for accounts made of the same bytes' digits.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cpom/error.hpp"
#include "cpom/selector.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const cpom::Selector selector = cpom::Selector::parse(text);
        std::string digits;
        for (char c : text) {
            if (c >= '0' && c <= '9') digits += c;
        }
        // Every prefix of the digits seen is a plausible account: lookups must never misbehave.
        for (std::size_t n = 1; n <= digits.size() && n <= 20; ++n) (void)selector.matches(digits.substr(0, n));
    } catch (const cpom::ArgumentError& e) {
        if (e.reason().empty()) std::abort();  // a refusal always says why
    }
    return 0;
}
