#ifndef PAGINATION_AWS_DETAIL_JSON_CURSOR_HPP
#define PAGINATION_AWS_DETAIL_JSON_CURSOR_HPP

// A bounded pull parser over one JSON text held in memory: the caller walks objects member by
// member and reads each value straight into its destination, so a page is parsed without a DOM
// and without an allocation beyond the strings it fills. It accepts what Python's json.loads
// accepts on a body that is valid UTF-8 (botocore decodes the body as UTF-8 first), including
// NaN / Infinity / -Infinity where a value is skipped, with two deliberate exceptions: a \u
// escape of a lone surrogate, and invalid UTF-8 anywhere, are errors (neither can be held in a
// UTF-8 std::string). The first error sticks: every later call fails and the error keeps the
// byte offset where it happened.

#include <pagination/detail/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

namespace pagination {
namespace aws {
namespace detail {

/// What went wrong in a JSON text.
enum class json_errc {
    none = 0,
    unexpected_end,      // the text ended inside a value
    syntax,              // a character that cannot come here
    too_deep,            // more nesting than max_depth
    string_too_long,     // a string longer than max_string_bytes
    too_many_items,      // a list longer than max_items
    invalid_utf8,        // bytes that are not UTF-8
    lone_surrogate,      // a \u escape of an unpaired surrogate
    control_character,   // a raw control character inside a string
    wrong_type,          // a value of another type than the member's
    out_of_range,        // a number outside the member's range
    trailing_characters, // more than whitespace after the value
};

/// A short description of `e`.
constexpr const char* describe(json_errc e) noexcept {
    switch (e) {
        case json_errc::none: return "no error";
        case json_errc::unexpected_end: return "the body ends inside a JSON value";
        case json_errc::syntax: return "invalid JSON";
        case json_errc::too_deep: return "JSON nested deeper than the limit";
        case json_errc::string_too_long: return "a JSON string longer than the limit";
        case json_errc::too_many_items: return "a JSON list longer than the limit";
        case json_errc::invalid_utf8: return "bytes that are not UTF-8";
        case json_errc::lone_surrogate: return "a \\u escape of an unpaired surrogate";
        case json_errc::control_character: return "a raw control character in a JSON string";
        case json_errc::wrong_type: return "a value of the wrong type";
        case json_errc::out_of_range: return "a number out of range";
        case json_errc::trailing_characters: return "characters after the JSON value";
    }
    return "invalid JSON";
}

/// A decimal number as written: its digits without sign and point, and the power of ten they
/// are scaled by. `digits` views the input (int part, then fraction, possibly split by '.').
struct json_number {
    bool negative = false;
    std::string_view int_part;   // at least one digit
    std::string_view frac_part;  // possibly empty
    std::int64_t exponent = 0;   // clamped to +-1'000'000
    bool special = false;        // NaN / Infinity / -Infinity
};

class json_cursor {
public:
    /// A cursor at the start of `text`; the limits bound nesting, decoded string bytes and list
    /// items (see json_limits).
    json_cursor(std::string_view text, std::size_t max_depth, std::size_t max_string_bytes,
                std::size_t max_items) noexcept
        : p_(text.data()), begin_(text.data()), end_(text.data() + text.size()), max_depth_(max_depth),
          max_string_(max_string_bytes), max_items_(max_items) {}

    json_cursor(const json_cursor&) = delete;
    json_cursor& operator=(const json_cursor&) = delete;

    bool ok() const noexcept { return error_ == json_errc::none; }
    json_errc error() const noexcept { return error_; }
    /// Byte offset of the first error.
    std::size_t error_offset() const noexcept { return error_offset_; }
    /// Byte offset of the next unread byte.
    std::size_t offset() const noexcept { return static_cast<std::size_t>(p_ - begin_); }

    /// Records an error at the current position (the first one wins) and returns false.
    // Moves to the next entry of the object or list being read, past the ',' that separates it
    // from the one before: true when an entry follows, false at `close` (consumed; the container
    // is done) or on an error.
    bool step_to_entry(char close) noexcept {
        if (!ok()) {
            return false;
        }
        skip_ws();
        if (p_ >= end_) {
            return fail(json_errc::unexpected_end);
        }
        if (*p_ == close) {
            ++p_;
            --depth_;
            first_ = false;
            return false;
        }
        if (!first_) {
            if (*p_ != ',') {
                return fail(json_errc::syntax);
            }
            ++p_;
        }
        first_ = false;
        return true;
    }

    bool fail(json_errc e) noexcept { return fail_at(e, p_); }

    /// Records an error at byte `offset` (the first one wins) and returns false.
    bool fail_at_offset(json_errc e, std::size_t offset) noexcept {
        return fail_at(e, begin_ + (offset < static_cast<std::size_t>(end_ - begin_) ? offset : 0));
    }

    /// The next significant character, or '\0' at the end (after whitespace).
    char peek() noexcept {
        skip_ws();
        return p_ < end_ ? *p_ : '\0';
    }

    /// Consumes a `null` literal when one comes next.
    bool consume_null() noexcept {
        if (peek() == 'n') {
            if (end_ - p_ >= 4 && std::memcmp(p_, "null", 4) == 0) {
                p_ += 4;
                return true;
            }
        }
        return false;
    }

    /// Consumes '{'; a value of another type is wrong_type.
    bool begin_object() noexcept { return begin('{'); }
    /// Consumes '['; a value of another type is wrong_type.
    bool begin_array() noexcept { return begin('['); }

    /// Advances to the next member of the object being read: true with its key (the ':' is
    /// consumed), false at the closing '}' or on an error. The key views the input, or a
    /// scratch buffer of the cursor when it has escapes; it is valid until the next key.
    bool next_member(std::string_view& key) noexcept {
        if (!step_to_entry('}')) {
            return false;
        }
        skip_ws();
        if (p_ >= end_) {
            return fail(json_errc::unexpected_end);
        }
        if (*p_ != '"' || !view_of_string(key, key_scratch_)) {
            return fail(json_errc::syntax);
        }
        skip_ws();
        if (p_ >= end_) {
            return fail(json_errc::unexpected_end);
        }
        if (*p_ != ':') {
            return fail(json_errc::syntax);
        }
        ++p_;
        return true;
    }

    /// Advances to the next element of the list being read: true before an element, false at
    /// the closing ']' or on an error. `count` is the caller's element counter, bounded by
    /// max_items.
    bool next_element(std::size_t& count) noexcept {
        if (!step_to_entry(']')) {
            return false;
        }
        if (++count > max_items_) {
            return fail(json_errc::too_many_items);
        }
        return true;
    }

    /// Reads a string value into `out` (its old content replaced, its capacity kept).
    bool read_string(std::string& out) {
        if (peek() != '"') {
            return p_ >= end_ ? fail(json_errc::unexpected_end) : fail(json_errc::wrong_type);
        }
        ++p_;
        const char* start = p_;
        if (scan_plain()) {
            out.assign(start, static_cast<std::size_t>(p_ - 1 - start));
            return true;
        }
        return ok() && decode_from(start, out);
    }

    /// Reads a string value and returns a view of it: the input when it has no escapes, else
    /// `scratch`.
    bool read_string_view(std::string_view& out, std::string& scratch) {
        if (peek() != '"') {
            return p_ >= end_ ? fail(json_errc::unexpected_end) : fail(json_errc::wrong_type);
        }
        return view_of_string(out, scratch);
    }

    /// Reads a number token (the grammar of Python's json, NaN and the infinities included).
    bool read_number(json_number& n) noexcept {
        const char c = peek();
        if (p_ >= end_) {
            return fail(json_errc::unexpected_end);
        }
        if (c != '-' && (c < '0' || c > '9') && c != 'N' && c != 'I') {
            return fail(json_errc::wrong_type);
        }
        return scan_number(n);
    }

    /// Reads a JSON integer (no fraction, no exponent) in [min, max].
    bool read_integer(std::int64_t& out, std::int64_t min, std::int64_t max) noexcept {
        const char* start = (skip_ws(), p_);
        json_number n;
        if (!read_number(n)) {
            return false;
        }
        if (n.special || !n.frac_part.empty() || n.exponent != 0 || has_exponent_) {
            return fail_at(json_errc::wrong_type, start);
        }
        // Enough to hold any int64 with room to detect overflow.
        if (n.int_part.size() > 19) {
            return fail_at(json_errc::out_of_range, start);
        }
        std::uint64_t v = 0;
        for (const char d : n.int_part) {
            v = v * 10u + static_cast<std::uint64_t>(d - '0');
        }
        const std::uint64_t limit = n.negative ? static_cast<std::uint64_t>(-(min + 1)) + 1u
                                               : static_cast<std::uint64_t>(max);
        if (v > limit) {
            return fail_at(json_errc::out_of_range, start);
        }
        const std::int64_t s = n.negative ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
        if (s < min || s > max) {
            return fail_at(json_errc::out_of_range, start);
        }
        out = s;
        return true;
    }

    /// Skips one value of any type, checking it as strictly as it would be read.
    bool skip_value() {
        const char c = peek();
        if (p_ >= end_) {
            return fail(json_errc::unexpected_end);
        }
        switch (c) {
            case '"': {
                ++p_;
                std::size_t decoded = 0;
                return scan_string(nullptr, decoded);
            }
            case '{': {
                if (!begin_object()) {
                    return false;
                }
                std::string_view key;
                while (next_member(key)) {
                    if (!skip_value()) {
                        return false;
                    }
                }
                return ok();
            }
            case '[': {
                if (!begin_array()) {
                    return false;
                }
                std::size_t count = 0;
                while (next_element(count)) {
                    if (!skip_value()) {
                        return false;
                    }
                }
                return ok();
            }
            case 't': return literal("true");
            case 'f': return literal("false");
            case 'n': return literal("null");
            default: {
                json_number n;
                if (c != '-' && (c < '0' || c > '9') && c != 'N' && c != 'I') {
                    return fail(json_errc::syntax);
                }
                return scan_number(n);
            }
        }
    }

    /// Checks that only whitespace remains.
    bool finish() noexcept {
        if (!ok()) {
            return false;
        }
        skip_ws();
        return p_ == end_ || fail(json_errc::trailing_characters);
    }

    /// Whether the last number read had an exponent part.
    bool last_number_had_exponent() const noexcept { return has_exponent_; }

private:
    bool fail_at(json_errc e, const char* at) noexcept {
        if (error_ == json_errc::none) {
            error_ = e;
            error_offset_ = static_cast<std::size_t>(at - begin_);
        }
        p_ = end_;
        return false;
    }

    void skip_ws() noexcept {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) {
            ++p_;
        }
    }

    bool begin(char open) noexcept {
        const char c = peek();
        if (p_ >= end_) {
            return fail(json_errc::unexpected_end);
        }
        if (c != open) {
            return fail(json_errc::wrong_type);
        }
        if (depth_ >= max_depth_) {
            return fail(json_errc::too_deep);
        }
        ++p_;
        ++depth_;
        first_ = true;
        return true;
    }

    bool literal(std::string_view word) noexcept {
        const auto n = static_cast<std::size_t>(end_ - p_);
        if (n < word.size()) {
            return std::memcmp(p_, word.data(), n) == 0 ? fail_at(json_errc::unexpected_end, end_)
                                                         : fail(json_errc::syntax);
        }
        if (std::memcmp(p_, word.data(), word.size()) != 0) {
            return fail(json_errc::syntax);
        }
        p_ += word.size();
        return true;
    }

    // Eight bytes at once: a mask with the high bit set in every byte that is '"', '\\', a
    // control character or not ASCII. Borrows may also flag bytes above a flagged one, never
    // below, so the lowest flag is exact.
    static std::uint64_t special_mask(std::uint64_t w) noexcept {
        constexpr std::uint64_t ones = 0x0101010101010101ull;
        constexpr std::uint64_t highs = 0x8080808080808080ull;
        const std::uint64_t quote = w ^ (ones * '"');
        const std::uint64_t slash = w ^ (ones * '\\');
        return (((quote - ones) & ~quote) | ((slash - ones) & ~slash) | (w - ones * 0x20) | w) & highs;
    }

    static std::size_t lowest_byte(std::uint64_t mask) noexcept {
#if defined(__GNUC__) || defined(__clang__)
        return static_cast<std::size_t>(__builtin_ctzll(mask)) / 8;
#else
        std::size_t n = 0;
        while ((mask & 0x80u) == 0) {
            mask >>= 8;
            ++n;
        }
        return n;
#endif
    }

    static bool is_plain(char c) noexcept {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x80 && u != '"' && u != '\\';
    }

    // The first byte at or after `p` that is not plain string text, or end_. Reads the input
    // through locals so that writes through a char* elsewhere cannot force reloads.
    const char* find_special(const char* p) const noexcept {
        const char* const end = end_;
        while (end - p >= 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, p, 8);
            if (little_endian()) {
                const std::uint64_t m = special_mask(w);
                if (m != 0) {
                    return p + lowest_byte(m);
                }
            } else if (special_mask(w) != 0) {
                break;
            }
            p += 8;
        }
        while (p < end && is_plain(*p)) {
            ++p;
        }
        return p;
    }

    static bool little_endian() noexcept {
        const std::uint16_t one = 1;
        unsigned char first = 0;
        std::memcpy(&first, &one, 1);
        return first == 1;
    }

    // Scans an ASCII string without escapes up to its closing quote (consumed). Returns false,
    // leaving p_ at the first other byte, when the string is not that simple; an error only
    // for a string too long or the end of the input.
    bool scan_plain() noexcept {
        const char* start = p_;
        const char* p = find_special(start);
        if (static_cast<std::size_t>(p - start) > max_string_) {
            return fail_at(json_errc::string_too_long, start);
        }
        if (p >= end_) {
            return fail_at(json_errc::unexpected_end, end_);
        }
        if (*p == '"') {
            p_ = p + 1;
            return true;
        }
        p_ = p;
        return false;
    }

    static int hex_value(char c) noexcept {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    bool read_hex4(std::uint32_t& unit) noexcept {
        if (end_ - p_ < 4) {
            for (const char* q = p_; q < end_; ++q) {
                if (hex_value(*q) < 0) {
                    return fail_at(json_errc::syntax, q);
                }
            }
            return fail_at(json_errc::unexpected_end, end_);
        }
        unit = 0;
        for (int k = 0; k < 4; ++k) {
            const int h = hex_value(p_[k]);
            if (h < 0) {
                return fail_at(json_errc::syntax, p_ + k);
            }
            unit = (unit << 4) | static_cast<std::uint32_t>(h);
        }
        p_ += 4;
        return true;
    }

    // Scans the rest of a string after its opening quote, writing the decoded text to `out`
    // when it is not null (room for min(raw length, max_string_bytes) bytes). Checks UTF-8,
    // escapes and the length bound; `decoded` is the decoded length.
    bool scan_string(char* out, std::size_t& decoded) {
        const char* start = p_;
        decoded = 0;
        for (;;) {
            const char* run = p_;
            p_ = find_special(p_);
            const auto run_length = static_cast<std::size_t>(p_ - run);
            if (decoded + run_length > max_string_) {
                return fail_at(json_errc::string_too_long, start);
            }
            if (out) {
                std::memcpy(out + decoded, run, run_length);
            }
            decoded += run_length;
            if (p_ >= end_) {
                return fail(json_errc::unexpected_end);
            }
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c < 0x20) {
                return fail(json_errc::control_character);
            }
            if (c >= 0x80) {
                std::size_t i = static_cast<std::size_t>(p_ - begin_);
                const std::size_t at = i;
                std::uint32_t cp = 0;
                const std::string_view all(begin_, static_cast<std::size_t>(end_ - begin_));
                if (!pagination::detail::next_code_point(all, i, cp)) {
                    return fail(json_errc::invalid_utf8);
                }
                const std::size_t len = i - at;
                if (decoded + len > max_string_) {
                    return fail_at(json_errc::string_too_long, start);
                }
                if (out) {
                    std::memcpy(out + decoded, p_, len);
                }
                decoded += len;
                p_ += len;
                continue;
            }
            // A backslash.
            const char* escape = p_;
            ++p_;
            if (p_ >= end_) {
                return fail(json_errc::unexpected_end);
            }
            char plain = 0;
            switch (*p_) {
                case '"': plain = '"'; break;
                case '\\': plain = '\\'; break;
                case '/': plain = '/'; break;
                case 'b': plain = '\b'; break;
                case 'f': plain = '\f'; break;
                case 'n': plain = '\n'; break;
                case 'r': plain = '\r'; break;
                case 't': plain = '\t'; break;
                case 'u': break;
                default: return fail(json_errc::syntax);
            }
            ++p_;
            if (plain != 0) {
                if (decoded + 1 > max_string_) {
                    return fail_at(json_errc::string_too_long, start);
                }
                if (out) {
                    out[decoded] = plain;
                }
                ++decoded;
                continue;
            }
            std::uint32_t unit = 0;
            if (!read_hex4(unit)) {
                return false;
            }
            if (unit >= 0xDC00 && unit <= 0xDFFF) {
                return fail_at(json_errc::lone_surrogate, escape);
            }
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') {
                    if (end_ - p_ < 2 && (p_ == end_ || p_[0] == '\\')) {
                        return fail_at(json_errc::unexpected_end, end_);
                    }
                    return fail_at(json_errc::lone_surrogate, escape);
                }
                p_ += 2;
                std::uint32_t low = 0;
                if (!read_hex4(low)) {
                    return false;
                }
                if (low < 0xDC00 || low > 0xDFFF) {
                    return fail_at(json_errc::lone_surrogate, escape);
                }
                unit = 0x10000u + ((unit - 0xD800u) << 10) + (low - 0xDC00u);
            }
            const std::size_t len = unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit < 0x10000 ? 3 : 4;
            if (decoded + len > max_string_) {
                return fail_at(json_errc::string_too_long, start);
            }
            if (out) {
                write_utf8(out + decoded, unit, len);
            }
            decoded += len;
        }
    }

    static void write_utf8(char* to, std::uint32_t cp, std::size_t len) noexcept {
        const auto byte = [](std::uint32_t v) { return static_cast<char>(static_cast<unsigned char>(v)); };
        switch (len) {
            case 1: to[0] = byte(cp); break;
            case 2:
                to[0] = byte(0xC0 | (cp >> 6));
                to[1] = byte(0x80 | (cp & 0x3F));
                break;
            case 3:
                to[0] = byte(0xE0 | (cp >> 12));
                to[1] = byte(0x80 | ((cp >> 6) & 0x3F));
                to[2] = byte(0x80 | (cp & 0x3F));
                break;
            default:
                to[0] = byte(0xF0 | (cp >> 18));
                to[1] = byte(0x80 | ((cp >> 12) & 0x3F));
                to[2] = byte(0x80 | ((cp >> 6) & 0x3F));
                to[3] = byte(0x80 | (cp & 0x3F));
                break;
        }
    }

    // The string whose opening quote is at p_: a view of the input when it has no escapes, else
    // of `scratch`, where it is decoded.
    bool view_of_string(std::string_view& out, std::string& scratch) {
        ++p_;
        const char* start = p_;
        if (scan_plain()) {
            out = std::string_view(start, static_cast<std::size_t>(p_ - 1 - start));
            return true;
        }
        if (!ok() || !decode_from(start, scratch)) {
            return false;
        }
        out = scratch;
        return true;
    }

    // The slow path of a string with escapes or non-ASCII bytes, from `start` (after its opening
    // quote): `out` is sized once to a bound of the decoded length (the raw length up to the
    // closing quote, which no escape decodes longer than, within max_string_bytes) and written
    // in place, then cut to what was written.
    bool decode_from(const char* start, std::string& out) {
        p_ = start;
        const std::size_t raw = raw_length(start);
        out.resize(raw < max_string_ ? raw : max_string_);
        std::size_t written = 0;
        if (!scan_string(out.empty() ? nullptr : &out[0], written)) {
            return false;
        }
        out.resize(written);
        return true;
    }

    // Bytes from `from` to the closing quote of the string (an unescaped '"'), or to the end.
    std::size_t raw_length(const char* from) const noexcept {
        const char* q = from;
        while (q < end_) {
            const void* hit = std::memchr(q, '"', static_cast<std::size_t>(end_ - q));
            if (hit == nullptr) {
                break;
            }
            const char* quote = static_cast<const char*>(hit);
            std::size_t slashes = 0;
            for (const char* b = quote; b > from && b[-1] == '\\'; --b) {
                ++slashes;
            }
            if (slashes % 2 == 0) {
                return static_cast<std::size_t>(quote - from);
            }
            q = quote + 1;
        }
        return static_cast<std::size_t>(end_ - from);
    }

    static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

    bool scan_number(json_number& n) noexcept {
        const char* start = p_;
        n = json_number{};
        has_exponent_ = false;
        if (*p_ == '-') {
            n.negative = true;
            ++p_;
            if (p_ >= end_) {
                return fail_at(json_errc::unexpected_end, end_);
            }
        }
        if (*p_ == 'N' || *p_ == 'I') {
            const std::string_view word = *p_ == 'N' ? std::string_view("NaN") : std::string_view("Infinity");
            if (*p_ == 'N' && n.negative) {
                return fail_at(json_errc::syntax, start);
            }
            n.special = true;
            return literal(word);
        }
        const char* digits = p_;
        if (*p_ == '0') {
            ++p_;
        } else if (is_digit(*p_)) {
            while (p_ < end_ && is_digit(*p_)) {
                ++p_;
            }
        } else {
            return fail(json_errc::syntax);
        }
        n.int_part = std::string_view(digits, static_cast<std::size_t>(p_ - digits));
        // Python's json reads "1." and "1e" as the number 1 followed by garbage: an error either way.
        if (p_ < end_ && *p_ == '.') {
            ++p_;
            const char* frac = p_;
            while (p_ < end_ && is_digit(*p_)) {
                ++p_;
            }
            if (p_ == frac) {
                return p_ >= end_ ? fail_at(json_errc::unexpected_end, end_) : fail(json_errc::syntax);
            }
            n.frac_part = std::string_view(frac, static_cast<std::size_t>(p_ - frac));
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            has_exponent_ = true;
            bool negative_exponent = false;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) {
                negative_exponent = *p_ == '-';
                ++p_;
            }
            const char* exp = p_;
            std::int64_t e = 0;
            while (p_ < end_ && is_digit(*p_)) {
                if (e < 1'000'000) {
                    e = e * 10 + (*p_ - '0');
                }
                ++p_;
            }
            if (p_ == exp) {
                return p_ >= end_ ? fail_at(json_errc::unexpected_end, end_) : fail(json_errc::syntax);
            }
            n.exponent = negative_exponent ? -e : e;
        }
        // A number directly followed by a letter or digit ("01", "1x") is not one token.
        if (p_ < end_ && (is_digit(*p_) || *p_ == '.' || *p_ == 'e' || *p_ == 'E')) {
            return fail(json_errc::syntax);
        }
        return true;
    }

    const char* p_;
    const char* begin_;
    const char* end_;
    std::size_t depth_ = 0;
    std::size_t max_depth_;
    std::size_t max_string_;
    std::size_t max_items_;
    bool first_ = false;
    bool has_exponent_ = false;
    json_errc error_ = json_errc::none;
    std::size_t error_offset_ = 0;
    std::string key_scratch_;
};

/// Microseconds since the epoch of an exact decimal number of seconds, rounded half to even as
/// Python's datetime.fromtimestamp rounds; false when it is not finite or beyond [min, max]
/// seconds.
inline bool decimal_seconds_to_micros(const json_number& n, std::int64_t min_seconds, std::int64_t max_seconds,
                                      std::int64_t& micros) noexcept {
    if (n.special) {
        return false;
    }
    // value = digits * 10^(exponent - frac_len); scaled to microseconds: 10^(exponent - frac_len + 6).
    const std::int64_t scale = n.exponent - static_cast<std::int64_t>(n.frac_part.size()) + 6;
    const std::uint64_t limit = n.negative ? static_cast<std::uint64_t>(-min_seconds) * 1'000'000u
                                           : static_cast<std::uint64_t>(max_seconds) * 1'000'000u + 999'999u;
    const std::size_t total = n.int_part.size() + n.frac_part.size();
    const auto digit_at = [&](std::size_t i) -> int {
        return i < n.int_part.size() ? n.int_part[i] - '0' : n.frac_part[i - n.int_part.size()] - '0';
    };
    // Digits [0, kept) form the integer part in microseconds; the rest decide the rounding.
    std::size_t kept = total;
    std::int64_t pad = 0;
    if (scale < 0) {
        const auto drop = static_cast<std::uint64_t>(-scale);
        kept = drop >= total ? 0 : total - static_cast<std::size_t>(drop);
    } else {
        pad = scale;
    }
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < kept; ++i) {
        v = v * 10u + static_cast<std::uint64_t>(digit_at(i));
        if (v > limit) {
            return false;
        }
    }
    if (v != 0) {
        for (std::int64_t k = 0; k < pad; ++k) {
            v *= 10u;
            if (v > limit) {
                return false;
            }
        }
    }
    // Round half to even on the dropped digits (exact: no binary floating point involved). When
    // more digits are dropped than there are, the first dropped digit is an implicit zero.
    if (scale < 0 && static_cast<std::uint64_t>(-scale) <= total) {
        const int first = digit_at(kept);
        bool rest_nonzero = false;
        for (std::size_t i = kept + 1; i < total && !rest_nonzero; ++i) {
            rest_nonzero = digit_at(i) != 0;
        }
        if (first > 5 || (first == 5 && (rest_nonzero || (v & 1u) != 0))) {
            ++v;
            if (v > limit) {
                return false;
            }
        }
    }
    micros = n.negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
    return true;
}

}  // namespace detail
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_DETAIL_JSON_CURSOR_HPP
