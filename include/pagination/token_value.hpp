#ifndef PAGINATION_TOKEN_VALUE_HPP
#define PAGINATION_TOKEN_VALUE_HPP

#include <pagination/config.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace pagination {

/// One value of a token map: null, a string (most APIs), or a JSON structure such as a
/// DynamoDB key, whose leaves may be bytes (a DynamoDB `B` attribute).
class token_value {
public:
    /// The alternatives a token value can hold.
    enum class kind : unsigned char { null, boolean, integer, floating, string, bytes, array, object };

    using array_type = std::vector<token_value>;
    /// Members in insertion order: the order is part of a resume token's bytes.
    using object_type = std::vector<std::pair<std::string, token_value>>;
    using bytes_type = std::vector<unsigned char>;

    token_value() noexcept = default;
    token_value(std::nullptr_t) noexcept {}
    token_value(bool b) : kind_(kind::boolean), bool_(b) {}
    template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool> &&
                                            !std::is_same_v<I, char>,
                                        int> = 0>
    token_value(I i) : kind_(kind::integer), integer_(static_cast<std::int64_t>(i)) {}
    token_value(double d) : kind_(kind::floating), floating_(d) {}
    token_value(std::string s) : kind_(kind::string), string_(std::move(s)) {}
    token_value(std::string_view s) : kind_(kind::string), string_(s) {}
    token_value(const char* s) : kind_(kind::string), string_(s) {}
    token_value(bytes_type b) : kind_(kind::bytes), bytes_(std::move(b)) {}
    token_value(array_type a) : kind_(kind::array), array_(std::move(a)) {}
    token_value(object_type o) : kind_(kind::object), object_(std::move(o)) {}
    /// An absent optional string is null.
    token_value(const std::optional<std::string>& s) {
        if (s) {
            kind_ = kind::string;
            string_ = *s;
        }
    }

    /// Makes this the string `s`, reusing this value's string buffer: a token read into the same
    /// value page after page allocates only when it outgrows the buffer.
    void assign_string(std::string_view s) {
        if (kind_ != kind::string && kind_ != kind::null) {
            *this = token_value();
        }
        kind_ = kind::string;
        string_.assign(s.data(), s.size());
    }
    /// Makes this `s` (an absent optional is null), reusing the string buffer.
    void assign(const std::optional<std::string>& s) {
        if (s) {
            assign_string(*s);
        } else {
            set_null();
        }
    }
    /// Makes this null; a string buffer is kept for the next assign_string().
    void set_null() noexcept {
        if (kind_ == kind::string) {
            string_.clear();
        } else if (kind_ != kind::null) {
            bytes_ = bytes_type();
            array_ = array_type();
            object_ = object_type();
        }
        kind_ = kind::null;
    }

    kind type() const noexcept { return kind_; }
    bool is_null() const noexcept { return kind_ == kind::null; }
    bool is_string() const noexcept { return kind_ == kind::string; }
    bool is_integer() const noexcept { return kind_ == kind::integer; }
    bool is_object() const noexcept { return kind_ == kind::object; }
    bool is_array() const noexcept { return kind_ == kind::array; }
    bool is_bytes() const noexcept { return kind_ == kind::bytes; }

    bool as_bool() const {
        check(kind::boolean);
        return bool_;
    }
    std::int64_t as_integer() const {
        check(kind::integer);
        return integer_;
    }
    double as_double() const {
        check(kind::floating);
        return floating_;
    }
    const std::string& as_string() const {
        check(kind::string);
        return string_;
    }
    const bytes_type& as_bytes() const {
        check(kind::bytes);
        return bytes_;
    }
    const array_type& as_array() const {
        check(kind::array);
        return array_;
    }
    array_type& as_array() {
        check(kind::array);
        return array_;
    }
    const object_type& as_object() const {
        check(kind::object);
        return object_;
    }
    object_type& as_object() {
        check(kind::object);
        return object_;
    }

    /// The member named `key` of an object, or null when absent or not an object.
    const token_value* find(std::string_view key) const noexcept {
        if (kind_ == kind::object) {
            for (const auto& member : object_) {
                if (member.first == key) {
                    return &member.second;
                }
            }
        }
        return nullptr;
    }

    /// The string as an optional: null gives an empty optional.
    std::optional<std::string> to_optional_string() const {
        if (kind_ == kind::string) {
            return string_;
        }
        return std::nullopt;
    }

    /// True for what a service means by "no token": null, "", false, 0, and empty containers.
    bool is_empty_token() const noexcept {
        switch (kind_) {
        case kind::null: return true;
        case kind::boolean: return !bool_;
        case kind::integer: return integer_ == 0;
        case kind::floating: return !(floating_ < 0.0 || floating_ > 0.0);
        case kind::string: return string_.empty();
        case kind::bytes: return bytes_.empty();
        case kind::array: return array_.empty();
        case kind::object: return object_.empty();
        }
        return true;
    }

    /// Equality as a JSON document: object members compare regardless of order.
    friend bool operator==(const token_value& a, const token_value& b) {
        if (a.kind_ != b.kind_) {
            return false;
        }
        switch (a.kind_) {
        case kind::null: return true;
        case kind::boolean: return a.bool_ == b.bool_;
        case kind::integer: return a.integer_ == b.integer_;
        case kind::floating: return a.floating_ == b.floating_;
        case kind::string: return a.string_ == b.string_;
        case kind::bytes: return a.bytes_ == b.bytes_;
        case kind::array: return a.array_ == b.array_;
        case kind::object: {
            if (a.object_.size() != b.object_.size()) {
                return false;
            }
            for (const auto& member : a.object_) {
                const token_value* other = b.find(member.first);
                if (other == nullptr || !(member.second == *other)) {
                    return false;
                }
            }
            return true;
        }
        }
        return false;
    }
    friend bool operator!=(const token_value& a, const token_value& b) { return !(a == b); }

private:
    void check(kind k) const {
        PAGINATION_ASSERT(kind_ == k);
        (void)k;
    }

    // One member per alternative (only the one `kind_` names is in use): simpler to compile than
    // a std::variant, and a token value is small and rare.
    kind kind_ = kind::null;
    bool bool_ = false;
    std::int64_t integer_ = 0;
    double floating_ = 0;
    std::string string_;
    bytes_type bytes_;
    array_type array_;
    object_type object_;
};

/// Writes a string token into an optional request field: null clears it.
inline void assign_token(std::optional<std::string>& field, const token_value& value) {
    if (value.is_string()) {
        field = value.as_string();
    } else {
        field.reset();
    }
}

} // namespace pagination

#endif // PAGINATION_TOKEN_VALUE_HPP
