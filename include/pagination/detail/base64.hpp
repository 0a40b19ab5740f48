#ifndef PAGINATION_DETAIL_BASE64_HPP
#define PAGINATION_DETAIL_BASE64_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace pagination {
namespace detail {

inline constexpr char base64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648, `+` `/`, `=` padding) of the bytes.
template <class Bytes>
std::string base64_encode(const Bytes& bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    auto byte_at = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
    for (; i + 3 <= n; i += 3) {
        const unsigned v = (byte_at(i) << 16) | (byte_at(i + 1) << 8) | byte_at(i + 2);
        out += base64_alphabet[(v >> 18) & 63];
        out += base64_alphabet[(v >> 12) & 63];
        out += base64_alphabet[(v >> 6) & 63];
        out += base64_alphabet[v & 63];
    }
    if (n - i == 1) {
        const unsigned v = byte_at(i) << 16;
        out += base64_alphabet[(v >> 18) & 63];
        out += base64_alphabet[(v >> 12) & 63];
        out += "==";
    } else if (n - i == 2) {
        const unsigned v = (byte_at(i) << 16) | (byte_at(i + 1) << 8);
        out += base64_alphabet[(v >> 18) & 63];
        out += base64_alphabet[(v >> 12) & 63];
        out += base64_alphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

inline constexpr int base64_digit(unsigned char c) noexcept {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/// Lenient base64 decoding, as tokens have always been decoded: characters outside the alphabet
/// are skipped, decoding stops at the padding that completes a quantum, and a final partial
/// quantum is a failure (false).
inline bool base64_decode(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size() / 4 * 3);
    int quad_pos = 0;
    int pads = 0;
    unsigned left = 0;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '=') {
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                return true;
            }
            continue;
        }
        const int d = base64_digit(c);
        if (d < 0) {
            continue;
        }
        const auto digit = static_cast<unsigned>(d);
        pads = 0;
        switch (quad_pos) {
        case 0:
            left = digit;
            quad_pos = 1;
            break;
        case 1:
            out += static_cast<char>(((left << 2) | (digit >> 4)) & 0xFFu);
            left = digit & 0x0Fu;
            quad_pos = 2;
            break;
        case 2:
            out += static_cast<char>(((left << 4) | (digit >> 2)) & 0xFFu);
            left = digit & 0x03u;
            quad_pos = 3;
            break;
        default:
            out += static_cast<char>(((left << 6) | digit) & 0xFFu);
            left = 0;
            quad_pos = 0;
            break;
        }
    }
    return quad_pos == 0;
}

} // namespace detail
} // namespace pagination

#endif // PAGINATION_DETAIL_BASE64_HPP
