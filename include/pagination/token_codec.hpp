#ifndef PAGINATION_TOKEN_CODEC_HPP
#define PAGINATION_TOKEN_CODEC_HPP

// Resume tokens: a JSON object of the input tokens (and `boto_truncate_amount`), serialised as
// Python's json.dumps does and base64-encoded, so that a token made here and one made by boto3
// or the AWS CLI are the same string. See docs/semantics.md sections 3 and 4.

#include <pagination/detail/base64.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/error.hpp>
#include <pagination/expected.hpp>
#include <pagination/token_value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pagination {

/// What an input token field accepts.
enum class token_kind : unsigned char {
    /// A string field (most APIs): a starting token may give it only a string or null.
    string,
    /// A structured field such as a DynamoDB key: any JSON value.
    structured,
};

/// One input token of an API: the request field's service name and what it accepts.
struct token_field {
    std::string_view name;
    token_kind kind = token_kind::string;
};

/// Input-token name -> value, in order (the order is part of a resume token's bytes).
using token_map = token_value::object_type;

/// Bounds on what a StartingToken may be; anything beyond them is rejected before any request.
struct token_limits {
    /// Length of the StartingToken text, in bytes.
    std::size_t max_token_size = 64 * 1024;
    /// Nesting depth of the JSON inside a token (objects and arrays).
    std::size_t max_depth = 32;
    /// Largest `boto_truncate_amount` accepted: it indexes into one page, so it is never larger
    /// than the largest page a service returns.
    std::size_t max_truncate_amount = 1000000;
};

/// A decoded StartingToken: the token map and the number of items to skip on the first page.
struct decoded_token {
    token_map tokens;
    std::size_t skip = 0;
};

/// The outcome of decoding a StartingToken: a decoded token, or the reason it was rejected.
using decode_result = expected<decoded_token, error>;

namespace detail {

inline bool has_bytes(const token_value& v) {
    switch (v.type()) {
    case token_value::kind::bytes: return true;
    case token_value::kind::array:
        for (const auto& e : v.as_array()) {
            if (has_bytes(e)) {
                return true;
            }
        }
        return false;
    case token_value::kind::object:
        for (const auto& m : v.as_object()) {
            if (has_bytes(m.second)) {
                return true;
            }
        }
        return false;
    default: return false;
    }
}

// Replaces every bytes value by its base64 text and records its path (keys and indices).
inline void encode_bytes(token_value& v, token_value::array_type& path, token_value::array_type& paths) {
    switch (v.type()) {
    case token_value::kind::bytes:
        paths.emplace_back(path);
        v = token_value(base64_encode(v.as_bytes()));
        return;
    case token_value::kind::array: {
        std::int64_t index = 0;
        for (auto& e : v.as_array()) {
            path.emplace_back(index++);
            encode_bytes(e, path, paths);
            path.pop_back();
        }
        return;
    }
    case token_value::kind::object:
        for (auto& m : v.as_object()) {
            path.emplace_back(m.first);
            encode_bytes(m.second, path, paths);
            path.pop_back();
        }
        return;
    default: return;
    }
}

inline error token_error(std::string message) {
    return error(errc::invalid_starting_token, "invalid StartingToken: " + std::move(message));
}

// Follows a `boto_encoded_keys` path and turns the string there back into bytes.
inline bool decode_bytes_at(token_value& root, const token_value& path, std::string& why) {
    if (!path.is_array() || path.as_array().empty()) {
        why = "boto_encoded_keys must list non-empty paths";
        return false;
    }
    token_value* node = &root;
    for (const auto& step : path.as_array()) {
        if (step.type() == token_value::kind::string && node->is_object()) {
            token_value* next = nullptr;
            for (auto& m : node->as_object()) {
                if (m.first == step.as_string()) {
                    next = &m.second;
                }
            }
            node = next;
        } else if (step.is_integer() && node->is_array() && step.as_integer() >= 0 &&
                   static_cast<std::uint64_t>(step.as_integer()) < node->as_array().size()) {
            node = &node->as_array()[static_cast<std::size_t>(step.as_integer())];
        } else {
            node = nullptr;
        }
        if (node == nullptr) {
            why = "a boto_encoded_keys path does not lead to a value";
            return false;
        }
    }
    std::string raw;
    if (!node->is_string() || !base64_decode(node->as_string(), raw)) {
        why = "a boto_encoded_keys path does not lead to base64 text";
        return false;
    }
    *node = token_value(token_value::bytes_type(raw.begin(), raw.end()));
    return true;
}

// The first code point of every run of ten Unicode decimal digits (category Nd, Unicode 14).
inline constexpr std::uint32_t decimal_digit_zeros[] = {
    0x30,    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,   0xB66,   0xBE6,   0xC66,
    0xCE6,   0xD66,   0xDE6,   0xE50,   0xED0,   0xF20,   0x1040,  0x1090,  0x17E0,  0x1810,  0x1946,
    0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,  0xA900,  0xA9D0,
    0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0,
    0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0};

// The white space that Python's int() skips around a number.
inline constexpr std::uint32_t int_white_space[] = {
    0x9,    0xA,    0xB,    0xC,    0xD,    0x20,   0x85,   0xA0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
    0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};

inline int decimal_digit_value(std::uint32_t cp) noexcept {
    for (const std::uint32_t zero : decimal_digit_zeros) {
        if (cp >= zero && cp < zero + 10) {
            return static_cast<int>(cp - zero);
        }
    }
    return -1;
}

inline bool is_int_white_space(std::uint32_t cp) noexcept {
    for (const std::uint32_t w : int_white_space) {
        if (cp == w) {
            return true;
        }
    }
    return false;
}

// Python's int() on a string, as legacy tokens have always been read: white space around it, an
// optional sign, decimal digits of any script with single underscores between them.
inline bool parse_python_int(std::string_view s, bool& negative, std::uint64_t& magnitude, bool& overflow) {
    std::vector<std::uint32_t> cps;
    std::size_t i = 0;
    std::uint32_t cp = 0;
    while (i < s.size()) {
        if (!next_code_point(s, i, cp)) {
            return false;
        }
        cps.push_back(cp);
    }
    std::size_t first = 0;
    std::size_t last = cps.size();
    while (first < last && is_int_white_space(cps[first])) {
        ++first;
    }
    while (last > first && is_int_white_space(cps[last - 1])) {
        --last;
    }
    negative = false;
    if (first < last && (cps[first] == '+' || cps[first] == '-')) {
        negative = cps[first] == '-';
        ++first;
    }
    if (first == last || cps[first] == '_' || cps[last - 1] == '_') {
        return false;
    }
    magnitude = 0;
    overflow = false;
    bool previous_underscore = false;
    for (std::size_t k = first; k < last; ++k) {
        if (cps[k] == '_') {
            if (previous_underscore) {
                return false;
            }
            previous_underscore = true;
            continue;
        }
        previous_underscore = false;
        const int d = decimal_digit_value(cps[k]);
        if (d < 0) {
            return false;
        }
        const auto digit = static_cast<std::uint64_t>(d);
        if (magnitude > (UINT64_MAX - digit) / 10) {
            overflow = true;
        } else {
            magnitude = magnitude * 10 + digit;
        }
    }
    return true;
}

inline const token_field* find_field(const token_field* fields, std::size_t count, std::string_view name) {
    for (std::size_t i = 0; i < count; ++i) {
        if (fields[i].name == name) {
            return &fields[i];
        }
    }
    return nullptr;
}

inline decode_result decode_legacy(std::string_view text, const token_field* fields, std::size_t count,
                                   const token_limits& limits) {
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    while (true) {
        const std::size_t at = text.find("___", from);
        if (at == std::string_view::npos) {
            parts.push_back(text.substr(from));
            break;
        }
        parts.push_back(text.substr(from, at - from));
        from = at + 3;
    }
    decoded_token out;
    if (parts.size() == count + 1) {
        bool negative = false;
        bool overflow = false;
        std::uint64_t amount = 0;
        if (parse_python_int(parts.back(), negative, amount, overflow)) {
            if (negative && amount != 0) {
                return token_error("the truncate amount of a legacy token is negative");
            }
            if (overflow || amount > limits.max_truncate_amount) {
                return token_error("the truncate amount of a legacy token is larger than the bound of " +
                                   std::to_string(limits.max_truncate_amount) +
                                   " (token_limits::max_truncate_amount)");
            }
            out.skip = static_cast<std::size_t>(amount);
            parts.pop_back();
        } else {
            parts.assign(1, text);
        }
    }
    if (parts.size() > count) {
        return token_error("it has " + std::to_string(parts.size()) + " '___'-separated parts, but this API has " +
                           std::to_string(count) + " input token(s)");
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (i < parts.size() && parts[i] != "None") {
            out.tokens.emplace_back(std::string(fields[i].name), token_value(parts[i]));
        } else {
            out.tokens.emplace_back(std::string(fields[i].name), token_value());
        }
    }
    return out;
}

} // namespace detail

/// Encodes a resume token: the token map, then `boto_truncate_amount` when given, then
/// `boto_encoded_keys` when any value is bytes; JSON as Python writes it; base64.
inline std::string encode_resume_token(const token_map& tokens, std::optional<std::size_t> truncate_amount) {
    token_map members = tokens;
    if (truncate_amount) {
        members.emplace_back("boto_truncate_amount", token_value(static_cast<std::int64_t>(*truncate_amount)));
    }
    token_value object(std::move(members));
    if (detail::has_bytes(object)) {
        token_value::array_type path;
        token_value::array_type paths;
        detail::encode_bytes(object, path, paths);
        object.as_object().emplace_back("boto_encoded_keys", token_value(std::move(paths)));
    }
    std::string json;
    detail::dump(object, json);
    return detail::base64_encode(json);
}

/// Decodes a StartingToken for an API with the given input tokens: a resume token (base64 JSON),
/// the legacy `a___b___N` form, or a raw service token. Stricter than the reference decoder: a
/// token may name only input tokens, and its shape, size, depth and truncate amount are checked.
/// Input tokens the token does not name are null, after those it names.
inline decode_result decode_starting_token(std::string_view token, const token_field* fields, std::size_t count,
                                           const token_limits& limits = {}) {
    if (token.empty()) {
        return detail::token_error("it is empty");
    }
    if (token.size() > limits.max_token_size) {
        return detail::token_error("it is " + std::to_string(token.size()) + " bytes long, more than the bound of " +
                                   std::to_string(limits.max_token_size) + " (token_limits::max_token_size)");
    }
    if (!detail::is_valid_utf8(token)) {
        return detail::token_error("it is not valid UTF-8");
    }
    std::string json;
    token_value parsed;
    bool is_json = false;
    if (detail::base64_decode(token, json) && detail::is_valid_utf8(json)) {
        detail::json_reader reader(json, limits.max_depth);
        if (reader.parse(parsed)) {
            is_json = true;
        } else if (reader.rejected()) {
            return detail::token_error("its JSON is rejected: " + reader.error());
        }
    }
    if (!is_json) {
        return detail::decode_legacy(token, fields, count, limits);
    }
    if (!parsed.is_object()) {
        return detail::token_error("its JSON is not an object");
    }
    decoded_token out;
    const token_value* encoded_keys = nullptr;
    for (const auto& member : parsed.as_object()) {
        if (member.first == "boto_truncate_amount") {
            const token_value& amount = member.second;
            if (!amount.is_integer()) {
                return detail::token_error("boto_truncate_amount is not an integer");
            }
            if (amount.as_integer() < 0) {
                return detail::token_error("boto_truncate_amount is negative");
            }
            if (static_cast<std::uint64_t>(amount.as_integer()) > limits.max_truncate_amount) {
                return detail::token_error("boto_truncate_amount is larger than the bound of " +
                                           std::to_string(limits.max_truncate_amount) +
                                           " (token_limits::max_truncate_amount)");
            }
            out.skip = static_cast<std::size_t>(amount.as_integer());
        } else if (member.first == "boto_encoded_keys") {
            encoded_keys = &member.second;
        } else {
            const token_field* field = detail::find_field(fields, count, member.first);
            if (field == nullptr) {
                return detail::token_error("it names '" + member.first +
                                           "', which is not an input token of this API; nothing was sent");
            }
            if (field->kind == token_kind::string && !member.second.is_string() && !member.second.is_null()) {
                return detail::token_error("the value of '" + member.first + "' is not a string");
            }
            out.tokens.push_back(member);
        }
    }
    if (encoded_keys != nullptr) {
        if (!encoded_keys->is_array()) {
            return detail::token_error("boto_encoded_keys is not a list");
        }
        token_value root(std::move(out.tokens));
        for (const auto& path : encoded_keys->as_array()) {
            std::string why;
            if (!detail::decode_bytes_at(root, path, why)) {
                return detail::token_error(why);
            }
        }
        out.tokens = std::move(root.as_object());
        for (const auto& member : out.tokens) {
            const token_field* field = detail::find_field(fields, count, member.first);
            if (field->kind == token_kind::string && !member.second.is_string() && !member.second.is_null()) {
                return detail::token_error("the value of '" + member.first + "' is not a string");
            }
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        bool named = false;
        for (const auto& member : out.tokens) {
            named = named || member.first == fields[i].name;
        }
        if (!named) {
            out.tokens.emplace_back(std::string(fields[i].name), token_value());
        }
    }
    return out;
}

/// The same, for a policy's `input_tokens` array.
template <class Fields>
decode_result decode_starting_token(std::string_view token, const Fields& fields, const token_limits& limits = {}) {
    return decode_starting_token(token, fields.data(), fields.size(), limits);
}

} // namespace pagination

#endif // PAGINATION_TOKEN_CODEC_HPP
