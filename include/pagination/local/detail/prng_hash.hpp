#ifndef PAGINATION_LOCAL_DETAIL_PRNG_HASH_HPP
#define PAGINATION_LOCAL_DETAIL_PRNG_HASH_HPP

// What the local fleet builds its IDs, sample data and page tokens from: a seeded PRNG
// (SplitMix64), a keyed checksum (FNV-1a), hex and UUID text, and little-endian integers.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pagination {
namespace aws {
namespace gamelift {

namespace detail {

// SplitMix64: small, fast and good enough to make test data look random but stay reproducible.
struct splitmix64 {
    std::uint64_t state;

    std::uint64_t next() noexcept {
        state += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // In [0, bound); the slight modulo bias does not matter for test data.
    std::uint64_t below(std::uint64_t bound) noexcept { return bound == 0 ? 0 : next() % bound; }
};

// FNV-1a, 64 bits: a cheap keyed checksum so tokens cannot be edited or moved between queries
// unnoticed. It is not a cryptographic MAC, which an in-memory test double does not need.
inline std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) noexcept {
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ULL;
    }
    return hash;
}

constexpr std::uint64_t fnv_offset = 0xCBF29CE484222325ULL;

inline std::uint64_t fnv1a_u64(std::uint64_t hash, std::uint64_t value) noexcept {
    for (int i = 0; i < 8; ++i) {
        hash ^= (value >> (8 * i)) & 0xFFU;
        hash *= 0x100000001B3ULL;
    }
    return hash;
}

// Length-prefixed so that ("ab", "c") and ("a", "bc") hash differently.
inline std::uint64_t fnv1a_field(std::uint64_t hash, std::string_view field) noexcept {
    return fnv1a(fnv1a_u64(hash, field.size()), field);
}

inline void append_hex(std::string& out, std::uint64_t value, int digits) {
    constexpr std::string_view hex = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i) {
        out += hex[static_cast<std::size_t>((value >> (4 * i)) & 0xFU)];
    }
}

// The 8-4-4-4-12 form of a version 4 UUID, as GameLift uses in fleet and alias IDs.
inline std::string uuid_string(splitmix64& rng) {
    const std::uint64_t hi = (rng.next() & ~0xF000ULL) | 0x4000ULL;
    const std::uint64_t lo = (rng.next() & ~(0x3ULL << 62)) | (0x2ULL << 62);
    std::string out;
    out.reserve(36);
    append_hex(out, hi >> 32, 8);
    out += '-';
    append_hex(out, (hi >> 16) & 0xFFFFU, 4);
    out += '-';
    append_hex(out, hi & 0xFFFFU, 4);
    out += '-';
    append_hex(out, lo >> 48, 4);
    out += '-';
    append_hex(out, lo & 0xFFFFFFFFFFFFULL, 12);
    return out;
}

// Appends a non-negative number with leading zeros to `width` digits (demo names and ids).
inline void append_padded(std::string& out, std::int64_t value, std::size_t width) {
    const std::string digits = std::to_string(value);
    if (digits.size() < width) {
        out.append(width - digits.size(), '0');
    }
    out += digits;
}

inline void put_u64(std::string& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) {
        out += static_cast<char>((value >> (8 * i)) & 0xFFU);
    }
}

inline std::uint64_t get_u64(std::string_view bytes, std::size_t at) noexcept {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        value |= std::uint64_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
    }
    return value;
}

}  // namespace detail

}  // namespace gamelift
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_LOCAL_DETAIL_PRNG_HASH_HPP
