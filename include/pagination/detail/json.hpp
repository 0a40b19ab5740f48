#ifndef PAGINATION_DETAIL_JSON_HPP
#define PAGINATION_DETAIL_JSON_HPP

// The JSON of resume tokens: written byte for byte as Python's json.dumps writes it with default
// arguments (", " and ": " separators, ASCII only), and read strictly.

#include <pagination/token_value.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>

namespace pagination {
namespace detail {

/// Reads one UTF-8 code point at `i` (strict: no overlong forms, no surrogates, at most
/// U+10FFFF). On failure returns false and leaves `i` unchanged.
inline bool next_code_point(std::string_view s, std::size_t& i, std::uint32_t& cp) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[k])); };
    const std::uint32_t b0 = byte(i);
    std::size_t len = 0;
    std::uint32_t min = 0;
    if (b0 < 0x80) {
        cp = b0;
        ++i;
        return true;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        return false;
    }
    if (i + len > s.size()) {
        return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const std::uint32_t b = byte(i + k);
        if ((b & 0xC0) != 0x80) {
            return false;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
    }
    i += len;
    return true;
}

inline bool is_valid_utf8(std::string_view s) noexcept {
    std::size_t i = 0;
    std::uint32_t cp = 0;
    while (i < s.size()) {
        if (!next_code_point(s, i, cp)) {
            return false;
        }
    }
    return true;
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

inline void append_u_escape(std::string& out, std::uint32_t unit) {
    static constexpr char hex[] = "0123456789abcdef";
    out += "\\u";
    out += hex[(unit >> 12) & 0xF];
    out += hex[(unit >> 8) & 0xF];
    out += hex[(unit >> 4) & 0xF];
    out += hex[unit & 0xF];
}

/// How dump_string writes what is not printable ASCII.
enum class json_escaping {
    /// Python's json.dumps default (ensure_ascii): every character outside 0x20-0x7E as \uXXXX. A
    /// byte that is not valid UTF-8 is written as the lone surrogate U+DC00 + byte, the
    /// conventional lossless escape, and read back as that byte.
    ascii,
    /// json.dumps with ensure_ascii=False (the AWS CLI's output): control characters escaped, DEL
    /// and everything from 0x80 on written as they are.
    utf8,
};

/// A JSON string literal, escaped as `escaping` says.
inline void dump_string(std::string_view s, std::string& out, json_escaping escaping = json_escaping::ascii) {
    out += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c >= 0x20 && c < 0x7F) || (c >= 0x7F && escaping == json_escaping::utf8)) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        switch (c) {
        case '\n': out += "\\n"; ++i; continue;
        case '\r': out += "\\r"; ++i; continue;
        case '\t': out += "\\t"; ++i; continue;
        case '\b': out += "\\b"; ++i; continue;
        case '\f': out += "\\f"; ++i; continue;
        default: break;
        }
        std::uint32_t cp = 0;
        if (!next_code_point(s, i, cp)) {
            append_u_escape(out, 0xDC00u + c);
            ++i;
        } else if (cp >= 0x10000) {
            cp -= 0x10000;
            append_u_escape(out, 0xD800u + (cp >> 10));
            append_u_escape(out, 0xDC00u + (cp & 0x3FF));
        } else {
            append_u_escape(out, cp);
        }
    }
    out += '"';
}

/// A double as Python's repr writes it: the shortest digits that read back the same, in fixed
/// notation when the decimal exponent is in [-4, 16), otherwise as d.ddde+XX.
inline void dump_double(double d, std::string& out) {
    if (d != d) {
        out += "NaN";
        return;
    }
    if (d == std::numeric_limits<double>::infinity()) {
        out += "Infinity";
        return;
    }
    if (d == -std::numeric_limits<double>::infinity()) {
        out += "-Infinity";
        return;
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    bool negative = false;
    if (!sci.empty() && sci.front() == '-') {
        negative = true;
        sci.remove_prefix(1);
    }
    const std::size_t e_pos = sci.find('e');
    std::string digits;
    for (std::size_t k = 0; k < e_pos; ++k) {
        if (sci[k] != '.') {
            digits += sci[k];
        }
    }
    int exponent = 0;
    std::string_view exp_text = sci.substr(e_pos + 1);
    if (!exp_text.empty() && exp_text.front() == '+') {
        exp_text.remove_prefix(1);
    }
    std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
    if (negative) {
        out += '-';
    }
    const int point = exponent + 1; // digits are 0.d1d2... x 10^point
    const int ndigits = static_cast<int>(digits.size());
    if (point > -4 && point <= 16) {
        if (point <= 0) {
            out += "0.";
            out.append(static_cast<std::size_t>(-point), '0');
            out += digits;
        } else if (point >= ndigits) {
            out += digits;
            out.append(static_cast<std::size_t>(point - ndigits), '0');
            out += ".0";
        } else {
            out.append(digits, 0, static_cast<std::size_t>(point));
            out += '.';
            out.append(digits, static_cast<std::size_t>(point), std::string::npos);
        }
    } else {
        out += digits[0];
        if (ndigits > 1) {
            out += '.';
            out.append(digits, 1, std::string::npos);
        }
        out += 'e';
        out += exponent < 0 ? '-' : '+';
        const int magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude < 10) {
            out += '0';
        }
        out += std::to_string(magnitude);
    }
}

/// Writes `open`, the entries of `list` with json.dumps' ", " between them, and `close`.
template <class List, class WriteEntry>
void dump_list(const List& list, char open, char close, std::string& out, WriteEntry write_entry) {
    out += open;
    bool first = true;
    for (const auto& entry : list) {
        if (!first) {
            out += ", ";
        }
        first = false;
        write_entry(entry);
    }
    out += close;
}

/// Writes the value as Python's json.dumps does. Bytes must have been replaced by their base64
/// text before (the token encoder does that); here they are written as that text.
inline void dump(const token_value& value, std::string& out);

inline void dump(const token_value& value, std::string& out) {
    switch (value.type()) {
    case token_value::kind::null: out += "null"; return;
    case token_value::kind::boolean: out += value.as_bool() ? "true" : "false"; return;
    case token_value::kind::integer: out += std::to_string(value.as_integer()); return;
    case token_value::kind::floating: dump_double(value.as_double(), out); return;
    case token_value::kind::string: dump_string(value.as_string(), out); return;
    case token_value::kind::bytes: {
        const auto& b = value.as_bytes();
        dump_string(std::string(b.begin(), b.end()), out);
        return;
    }
    case token_value::kind::array:
        dump_list(value.as_array(), '[', ']', out, [&out](const token_value& element) { dump(element, out); });
        return;
    case token_value::kind::object:
        dump_list(value.as_object(), '{', '}', out, [&out](const auto& member) {
            dump_string(member.first, out);
            out += ": ";
            dump(member.second, out);
        });
        return;
    }
}

/// A strict JSON reader (RFC 8259) with a nesting bound. Rejects what a token never needs:
/// duplicate keys, NaN/Infinity, integers outside 64 bits, and lone surrogates other than the
/// U+DC80-U+DCFF byte escapes written by dump_string.
class json_reader {
public:
    json_reader(std::string_view text, std::size_t max_depth) : text_(text), max_depth_(max_depth) {}

    /// Parses the whole text; on failure returns false and error() says why.
    bool parse(token_value& out) {
        skip_ws();
        if (!value(out, 0)) {
            return false;
        }
        skip_ws();
        if (pos_ != text_.size()) {
            return fail("unexpected data after the JSON value");
        }
        return true;
    }

    const std::string& error() const noexcept { return error_; }

    /// True when the text is JSON but breaks one of the reader's bounds or strict rules (as
    /// opposed to not being JSON at all).
    bool rejected() const noexcept { return rejected_; }

private:
    bool fail(const char* what) {
        error_ = std::string(what) + " at offset " + std::to_string(pos_);
        return false;
    }
    bool reject(const char* what) {
        rejected_ = true;
        return fail(what);
    }
    void skip_ws() noexcept {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
            ++pos_;
        }
    }
    bool literal(std::string_view word) noexcept {
        if (text_.substr(pos_, word.size()) == word) {
            pos_ += word.size();
            return true;
        }
        return false;
    }

    bool value(token_value& out, std::size_t depth) {
        if (pos_ >= text_.size()) {
            return fail("unexpected end of JSON");
        }
        const char c = text_[pos_];
        if (c == '{' || c == '[') {
            if (depth >= max_depth_) {
                return reject("JSON nested deeper than the bound");
            }
            return c == '{' ? object(out, depth + 1) : array(out, depth + 1);
        }
        if (c == '"') {
            std::string s;
            if (!string(s)) {
                return false;
            }
            out = token_value(std::move(s));
            return true;
        }
        if (literal("null")) {
            out = token_value();
            return true;
        }
        if (literal("true")) {
            out = token_value(true);
            return true;
        }
        if (literal("false")) {
            out = token_value(false);
            return true;
        }
        if (literal("NaN") || literal("Infinity") || literal("-Infinity")) {
            return reject("NaN and Infinity are not accepted");
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(out);
        }
        return fail("unexpected character in JSON");
    }

    bool consume(char c) noexcept {
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    // The comma-separated entries of an object or an array, after its opening bracket and up to
    // `close`, each read by `entry`.
    template <class Entry>
    bool entries(char close, const char* bad_separator, Entry&& entry) {
        ++pos_;
        skip_ws();
        if (consume(close)) {
            return true;
        }
        while (true) {
            skip_ws();
            if (!entry()) {
                return false;
            }
            skip_ws();
            if (consume(',')) {
                continue;
            }
            if (consume(close)) {
                return true;
            }
            return fail(bad_separator);
        }
    }

    bool object(token_value& out, std::size_t depth) {
        token_value::object_type members;
        const bool ok = entries('}', "expected ',' or '}' in JSON object", [&] {
            if (pos_ >= text_.size() || text_[pos_] != '"') {
                return fail("expected a string key in JSON object");
            }
            std::string key;
            if (!string(key)) {
                return false;
            }
            for (const auto& member : members) {
                if (member.first == key) {
                    return reject("duplicate key in JSON object");
                }
            }
            skip_ws();
            if (!consume(':')) {
                return fail("expected ':' in JSON object");
            }
            skip_ws();
            token_value v;
            if (!value(v, depth)) {
                return false;
            }
            members.emplace_back(std::move(key), std::move(v));
            return true;
        });
        if (ok) {
            out = token_value(std::move(members));
        }
        return ok;
    }

    bool array(token_value& out, std::size_t depth) {
        token_value::array_type elements;
        const bool ok = entries(']', "expected ',' or ']' in JSON array", [&] {
            token_value v;
            if (!value(v, depth)) {
                return false;
            }
            elements.push_back(std::move(v));
            return true;
        });
        if (ok) {
            out = token_value(std::move(elements));
        }
        return ok;
    }

    bool hex4(std::uint32_t& unit) {
        if (pos_ + 4 > text_.size()) {
            return fail("truncated \\u escape in JSON string");
        }
        unit = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char h = text_[pos_ + k];
            unit <<= 4;
            if (h >= '0' && h <= '9') {
                unit |= static_cast<std::uint32_t>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                unit |= static_cast<std::uint32_t>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                unit |= static_cast<std::uint32_t>(h - 'A' + 10);
            } else {
                return fail("bad \\u escape in JSON string");
            }
        }
        pos_ += 4;
        return true;
    }

    bool string(std::string& out) {
        ++pos_;
        while (true) {
            if (pos_ >= text_.size()) {
                return fail("unterminated JSON string");
            }
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) {
                return fail("control character in JSON string");
            }
            if (c != '\\') {
                std::size_t next = pos_;
                std::uint32_t cp = 0;
                if (!next_code_point(text_, next, cp)) {
                    return fail("invalid UTF-8 in JSON string");
                }
                out.append(text_.substr(pos_, next - pos_));
                pos_ = next;
                continue;
            }
            ++pos_;
            if (pos_ >= text_.size()) {
                return fail("unterminated escape in JSON string");
            }
            const char e = text_[pos_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t unit = 0;
                if (!hex4(unit)) {
                    return false;
                }
                if (unit >= 0xD800 && unit <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
                    const std::size_t save = pos_;
                    pos_ += 2;
                    std::uint32_t low = 0;
                    if (!hex4(low)) {
                        return false;
                    }
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                        break;
                    }
                    pos_ = save;
                }
                if (unit >= 0xDC80 && unit <= 0xDCFF) {
                    out += static_cast<char>(unit - 0xDC00);
                } else if (unit >= 0xD800 && unit <= 0xDFFF) {
                    return reject("lone surrogate in JSON string");
                } else {
                    append_utf8(out, unit);
                }
                break;
            }
            default: return fail("bad escape in JSON string");
            }
        }
    }

    bool number(token_value& out) {
        const std::size_t start = pos_;
        if (text_[pos_] == '-') {
            ++pos_;
        }
        const auto digits = [&] {
            const std::size_t from = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
                ++pos_;
            }
            return pos_ - from;
        };
        if (pos_ < text_.size() && text_[pos_] == '0') {
            ++pos_;
        } else if (digits() == 0) {
            return fail("bad number in JSON");
        }
        bool integral = true;
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            integral = false;
            if (digits() == 0) {
                return fail("bad number in JSON");
            }
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            integral = false;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
                ++pos_;
            }
            if (digits() == 0) {
                return fail("bad number in JSON");
            }
        }
        const char* first = text_.data() + start;
        const char* last = text_.data() + pos_;
        if (integral) {
            std::int64_t i = 0;
            const auto res = std::from_chars(first, last, i);
            if (res.ec != std::errc() || res.ptr != last) {
                return reject("integer out of range in JSON");
            }
            out = token_value(i);
            return true;
        }
        double d = 0;
        const auto res = std::from_chars(first, last, d);
        if (res.ec != std::errc() || res.ptr != last) {
            return reject("number out of range in JSON");
        }
        out = token_value(d);
        return true;
    }

    std::string_view text_;
    std::size_t max_depth_;
    std::size_t pos_ = 0;
    std::string error_;
    bool rejected_ = false;
};

} // namespace detail
} // namespace pagination

#endif // PAGINATION_DETAIL_JSON_HPP
