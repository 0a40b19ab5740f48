#ifndef PAGINATION_AWS_DETAIL_SHA256_HPP
#define PAGINATION_AWS_DETAIL_SHA256_HPP

// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), what SigV4 (aws/sigv4.hpp) hashes and signs
// with. Portable code, no intrinsics: the compression function is written so that compilers keep
// the eight working variables in registers (the rounds are unrolled by eight, so the variables
// rotate by renaming instead of by moves).

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace pagination {
namespace aws {
namespace detail {

/// A SHA-256 digest: 32 bytes.
using sha256_digest = std::array<std::uint8_t, 32>;

namespace sha256_impl {

inline constexpr std::array<std::uint32_t, 64> round_constants{{
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u}};

inline constexpr std::array<std::uint32_t, 8> initial_state{
    {0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u}};

constexpr std::uint32_t rotr(std::uint32_t x, unsigned n) noexcept { return (x >> n) | (x << (32u - n)); }

inline std::uint32_t load_be32(const unsigned char* p) noexcept {
    return (static_cast<std::uint32_t>(p[0]) << 24) | (static_cast<std::uint32_t>(p[1]) << 16) |
           (static_cast<std::uint32_t>(p[2]) << 8) | static_cast<std::uint32_t>(p[3]);
}

// One round; the caller passes the working variables in rotated order, so no value moves.
inline void round(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t& d, std::uint32_t e,
                  std::uint32_t f, std::uint32_t g, std::uint32_t& h, std::uint32_t k_plus_w) noexcept {
    const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (g ^ (e & (f ^ g))) + k_plus_w;
    const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) | (c & (a | b)));
    d += t1;
    h = t1 + t2;
}

inline std::uint32_t sigma0(std::uint32_t x) noexcept { return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3); }
inline std::uint32_t sigma1(std::uint32_t x) noexcept { return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10); }

/// The schedule word of ring slot J for this round: extended from the ring past round 15.
template <unsigned J, bool Extend>
inline std::uint32_t next_word(std::uint32_t* w) noexcept {
    if (Extend) {
        w[J] += sigma1(w[(J + 14) & 15]) + w[(J + 9) & 15] + sigma0(w[(J + 1) & 15]);
    }
    return w[J];
}

// Sixteen rounds, written out: at -O2 compilers unroll neither a loop over the rounds nor one
// over the ring, and the computed ring indices and variable moves then cost more than the rounds.
template <bool Extend>
inline void sixteen_rounds(std::uint32_t& a, std::uint32_t& b, std::uint32_t& c, std::uint32_t& d,
                           std::uint32_t& e, std::uint32_t& f, std::uint32_t& g, std::uint32_t& h,
                           std::uint32_t* w, const std::uint32_t* k) noexcept {
    round(a, b, c, d, e, f, g, h, k[0] + next_word<0, Extend>(w));
    round(h, a, b, c, d, e, f, g, k[1] + next_word<1, Extend>(w));
    round(g, h, a, b, c, d, e, f, k[2] + next_word<2, Extend>(w));
    round(f, g, h, a, b, c, d, e, k[3] + next_word<3, Extend>(w));
    round(e, f, g, h, a, b, c, d, k[4] + next_word<4, Extend>(w));
    round(d, e, f, g, h, a, b, c, k[5] + next_word<5, Extend>(w));
    round(c, d, e, f, g, h, a, b, k[6] + next_word<6, Extend>(w));
    round(b, c, d, e, f, g, h, a, k[7] + next_word<7, Extend>(w));
    round(a, b, c, d, e, f, g, h, k[8] + next_word<8, Extend>(w));
    round(h, a, b, c, d, e, f, g, k[9] + next_word<9, Extend>(w));
    round(g, h, a, b, c, d, e, f, k[10] + next_word<10, Extend>(w));
    round(f, g, h, a, b, c, d, e, k[11] + next_word<11, Extend>(w));
    round(e, f, g, h, a, b, c, d, k[12] + next_word<12, Extend>(w));
    round(d, e, f, g, h, a, b, c, k[13] + next_word<13, Extend>(w));
    round(c, d, e, f, g, h, a, b, k[14] + next_word<14, Extend>(w));
    round(b, c, d, e, f, g, h, a, k[15] + next_word<15, Extend>(w));
}

/// Compresses `blocks` consecutive 64-byte blocks into `state`.
inline void compress(std::uint32_t* state, const unsigned char* data, std::size_t blocks) noexcept {
    // The message schedule lives in a ring of 16 words, extended as the rounds need it, instead
    // of a 64-word array written and read back.
    std::uint32_t w[16];
    const std::uint32_t* k = round_constants.data();
    for (; blocks > 0; --blocks, data += 64) {
        for (unsigned i = 0; i < 16; ++i) {
            w[i] = load_be32(data + 4 * i);
        }
        std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        sixteen_rounds<false>(a, b, c, d, e, f, g, h, w, k);
        sixteen_rounds<true>(a, b, c, d, e, f, g, h, w, k + 16);
        sixteen_rounds<true>(a, b, c, d, e, f, g, h, w, k + 32);
        sixteen_rounds<true>(a, b, c, d, e, f, g, h, w, k + 48);
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}

}  // namespace sha256_impl

/// An incremental SHA-256: feed it with update(), read the digest once with finish().
class sha256_hasher {
public:
    /// The block size in bytes (what HMAC pads keys to).
    static constexpr std::size_t block_size = 64;

    sha256_hasher() noexcept { reset(); }

    /// Starts over, as if newly constructed.
    void reset() noexcept {
        state_ = sha256_impl::initial_state;
        length_ = 0;
        buffered_ = 0;
    }

    /// Hashes `size` more bytes at `data`.
    void update(const void* data, std::size_t size) noexcept {
        const unsigned char* p = static_cast<const unsigned char*>(data);
        length_ += size;
        if (buffered_ > 0) {
            const std::size_t take = size < block_size - buffered_ ? size : block_size - buffered_;
            std::memcpy(buffer_.data() + buffered_, p, take);
            buffered_ += take;
            p += take;
            size -= take;
            if (buffered_ < block_size) {
                return;
            }
            sha256_impl::compress(state_.data(), buffer_.data(), 1);
            buffered_ = 0;
        }
        const std::size_t blocks = size / block_size;
        if (blocks > 0) {
            sha256_impl::compress(state_.data(), p, blocks);
            p += blocks * block_size;
            size -= blocks * block_size;
        }
        if (size > 0) {
            std::memcpy(buffer_.data(), p, size);
            buffered_ = size;
        }
    }

    /// Hashes the bytes of `data`.
    void update(std::string_view data) noexcept { update(data.data(), data.size()); }

    /// Pads, and returns the digest of everything fed so far. Call reset() before reusing.
    sha256_digest finish() noexcept {
        const std::uint64_t bit_length = static_cast<std::uint64_t>(length_) * 8u;
        buffer_[buffered_++] = 0x80;
        if (buffered_ > block_size - 8) {
            std::memset(buffer_.data() + buffered_, 0, block_size - buffered_);
            sha256_impl::compress(state_.data(), buffer_.data(), 1);
            buffered_ = 0;
        }
        std::memset(buffer_.data() + buffered_, 0, block_size - 8 - buffered_);
        for (unsigned i = 0; i < 8; ++i) {
            buffer_[block_size - 1 - i] = static_cast<unsigned char>(bit_length >> (8 * i));
        }
        sha256_impl::compress(state_.data(), buffer_.data(), 1);
        sha256_digest out{};
        for (std::size_t i = 0; i < 8; ++i) {
            out[4 * i + 0] = static_cast<std::uint8_t>(state_[i] >> 24);
            out[4 * i + 1] = static_cast<std::uint8_t>(state_[i] >> 16);
            out[4 * i + 2] = static_cast<std::uint8_t>(state_[i] >> 8);
            out[4 * i + 3] = static_cast<std::uint8_t>(state_[i]);
        }
        return out;
    }

private:
    std::array<std::uint32_t, 8> state_{};
    std::array<unsigned char, block_size> buffer_{};
    std::uint64_t length_ = 0;
    std::size_t buffered_ = 0;
};

/// The SHA-256 digest of `data`.
inline sha256_digest sha256(std::string_view data) noexcept {
    sha256_hasher hasher;
    hasher.update(data);
    return hasher.finish();
}

/// The bytes of a digest, as a string_view (to use one digest as the next HMAC key).
inline std::string_view as_bytes(const sha256_digest& digest) noexcept {
    return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

/// An HMAC-SHA256 key with its padded blocks already hashed: signing many messages with one key
/// (a SigV4 signing key) then costs two compressions less per message.
class hmac_sha256_key {
public:
    /// Prepares `key` (any length; keys longer than a block are hashed first, as RFC 2104 says).
    explicit hmac_sha256_key(std::string_view key) noexcept {
        std::array<unsigned char, sha256_hasher::block_size> block{};
        if (key.size() > block.size()) {
            const sha256_digest hashed = sha256(key);
            std::memcpy(block.data(), hashed.data(), hashed.size());
        } else if (!key.empty()) {
            std::memcpy(block.data(), key.data(), key.size());
        }
        std::array<unsigned char, sha256_hasher::block_size> pad{};
        for (std::size_t i = 0; i < pad.size(); ++i) {
            pad[i] = static_cast<unsigned char>(block[i] ^ 0x36u);
        }
        inner_.update(pad.data(), pad.size());
        for (std::size_t i = 0; i < pad.size(); ++i) {
            pad[i] = static_cast<unsigned char>(block[i] ^ 0x5cu);
        }
        outer_.update(pad.data(), pad.size());
        // The key is secret: do not leave copies of it in dead stack memory longer than needed.
        volatile unsigned char* wipe = block.data();
        for (std::size_t i = 0; i < block.size(); ++i) {
            wipe[i] = 0;
        }
    }

    /// HMAC-SHA256 of `data` under this key.
    sha256_digest sign(std::string_view data) const noexcept {
        sha256_hasher inner = inner_;
        inner.update(data);
        const sha256_digest inner_digest = inner.finish();
        sha256_hasher outer = outer_;
        outer.update(inner_digest.data(), inner_digest.size());
        return outer.finish();
    }

private:
    sha256_hasher inner_;
    sha256_hasher outer_;
};

/// HMAC-SHA256 (RFC 2104) of `data` under `key`.
inline sha256_digest hmac_sha256(std::string_view key, std::string_view data) noexcept {
    return hmac_sha256_key(key).sign(data);
}

/// HMAC-SHA256 of `data` under a key that is itself a digest (the SigV4 key chain).
inline sha256_digest hmac_sha256(const sha256_digest& key, std::string_view data) noexcept {
    return hmac_sha256_key(as_bytes(key)).sign(data);
}

/// Appends the lower-case hex of `size` bytes at `data` to `out`.
inline void append_hex(std::string& out, const void* data, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    const unsigned char* p = static_cast<const unsigned char*>(data);
    const std::size_t start = out.size();
    out.resize(start + 2 * size);
    for (std::size_t i = 0; i < size; ++i) {
        out[start + 2 * i] = digits[p[i] >> 4];
        out[start + 2 * i + 1] = digits[p[i] & 0x0fu];
    }
}

/// The lower-case hex of a digest (64 characters).
inline std::string to_hex(const sha256_digest& digest) {
    std::string out;
    append_hex(out, digest.data(), digest.size());
    return out;
}

/// The lower-case hex of the bytes of `bytes`.
inline std::string to_hex(std::string_view bytes) {
    std::string out;
    append_hex(out, bytes.data(), bytes.size());
    return out;
}

}  // namespace detail
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_DETAIL_SHA256_HPP
