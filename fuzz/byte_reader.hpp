// Reads fuzz bytes from the front; past the end every read returns zeros, so any input decodes to something.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

namespace cpom::fuzz {

class ByteReader {
public:
    explicit ByteReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    bool empty() const { return pos_ >= bytes_.size(); }
    std::uint8_t u8() { return empty() ? 0 : bytes_[pos_++]; }
    std::uint16_t u16() { return static_cast<std::uint16_t>(u8() | u8() << 8); }  // little-endian
    std::uint32_t u32() { return static_cast<std::uint32_t>(u16()) | static_cast<std::uint32_t>(u16()) << 16; }
    // Any bit pattern, NaN payloads and denormals included.
    double raw_double() {
        std::uint64_t bits = static_cast<std::uint64_t>(u32()) | static_cast<std::uint64_t>(u32()) << 32;
        double x;
        std::memcpy(&x, &bits, sizeof x);
        return x;
    }
    // Up to `length` bytes as they come (not necessarily valid UTF-8).
    std::string text(std::size_t length) {
        std::string s;
        while (s.size() < length && !empty()) s.push_back(static_cast<char>(u8()));
        return s;
    }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
};

}  // namespace cpom::fuzz
