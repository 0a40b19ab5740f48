#ifndef PAGINATION_TOKEN_VALUE_HPP
#define PAGINATION_TOKEN_VALUE_HPP

#include <pagination/config.hpp>

#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace pagination {

namespace detail {

/// Copies `from` into `to`, reusing its buffer. A run copies each page's token into a buffer that
/// held the token of two pages ago, which most services make the same length: then this is one
/// memmove (which also allows `from` to point into `to`).
inline void copy_token_text(std::string& to, std::string_view from) {
    if (from.size() == to.size()) {
        std::char_traits<char>::move(to.data(), from.data(), from.size());
    } else {
        to.assign(from.data(), from.size());
    }
}

} // namespace detail

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

    token_value() noexcept {}
    token_value(std::nullptr_t) noexcept {}
    token_value(bool b) noexcept : kind_(kind::boolean) { u_.bool_ = b; }
    template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool> &&
                                            !std::is_same_v<I, char>,
                                        int> = 0>
    token_value(I i) noexcept : kind_(kind::integer) {
        u_.integer_ = static_cast<std::int64_t>(i);
    }
    token_value(double d) noexcept : kind_(kind::floating) { u_.floating_ = d; }
    token_value(std::string s) { emplace(u_.string_, std::move(s)); }
    token_value(std::string_view s) { emplace(u_.string_, s); }
    token_value(const char* s) { emplace(u_.string_, s); }
    token_value(bytes_type b) { emplace(u_.bytes_, std::move(b)); }
    token_value(array_type a) { emplace(u_.array_, std::move(a)); }
    token_value(object_type o) { emplace(u_.object_, std::move(o)); }
    /// An absent optional string is null.
    token_value(const std::optional<std::string>& s) {
        if (s) {
            emplace(u_.string_, *s);
        }
    }

    token_value(const token_value& other) { construct_from(other); }
    token_value(token_value&& other) noexcept { construct_from(std::move(other)); }
    token_value& operator=(const token_value& other) {
        if (this != &other) {
            token_value copy(other);
            *this = std::move(copy);
        }
        return *this;
    }
    token_value& operator=(token_value&& other) noexcept {
        if (this != &other) {
            set_null();
            construct_from(std::move(other));
        }
        return *this;
    }
    ~token_value() { set_null(); }

    /// Makes this the string `s`, reusing this value's string buffer when it holds a string: a
    /// token read into the same value page after page allocates only when it outgrows the buffer.
    void assign_string(std::string_view s) {
        if (kind_ == kind::string) {
            detail::copy_token_text(u_.string_, s);
        } else {
            std::string text(s);  // before set_null(): `s` may point into this value
            set_null();
            emplace(u_.string_, std::move(text));
        }
    }
    /// Makes this `s` (an absent optional is null), reusing the string buffer.
    void assign(const std::optional<std::string>& s) {
        if (s) {
            assign_string(*s);
        } else {
            set_null();
        }
    }
    /// Makes this null.
    void set_null() noexcept {
        switch (kind_) {
        case kind::string: destroy(u_.string_); break;
        case kind::bytes: destroy(u_.bytes_); break;
        case kind::array: destroy(u_.array_); break;
        case kind::object: destroy(u_.object_); break;
        default: break;
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
        return u_.bool_;
    }
    std::int64_t as_integer() const {
        check(kind::integer);
        return u_.integer_;
    }
    double as_double() const {
        check(kind::floating);
        return u_.floating_;
    }
    const std::string& as_string() const {
        check(kind::string);
        return u_.string_;
    }
    const bytes_type& as_bytes() const {
        check(kind::bytes);
        return u_.bytes_;
    }
    const array_type& as_array() const {
        check(kind::array);
        return u_.array_;
    }
    array_type& as_array() {
        check(kind::array);
        return u_.array_;
    }
    const object_type& as_object() const {
        check(kind::object);
        return u_.object_;
    }
    object_type& as_object() {
        check(kind::object);
        return u_.object_;
    }

    /// The member named `key` of an object, or null when absent or not an object.
    const token_value* find(std::string_view key) const noexcept {
        if (kind_ == kind::object) {
            for (const auto& member : u_.object_) {
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
            return u_.string_;
        }
        return std::nullopt;
    }

    /// True for what a service means by "no token": null, "", false, 0, and empty containers.
    bool is_empty_token() const noexcept {
        switch (kind_) {
        case kind::null: return true;
        case kind::boolean: return !u_.bool_;
        case kind::integer: return u_.integer_ == 0;
        case kind::floating: return !(u_.floating_ < 0.0 || u_.floating_ > 0.0);
        case kind::string: return u_.string_.empty();
        case kind::bytes: return u_.bytes_.empty();
        case kind::array: return u_.array_.empty();
        case kind::object: return u_.object_.empty();
        }
        return true;
    }

    /// Equality as a JSON document: object members compare regardless of order.
    friend bool operator==(const token_value& a, const token_value& b) {
        if (a.kind_ != b.kind_) {
            return false;
        }
        if (a.kind_ == kind::string) {  // the common case, kept inline
            return a.u_.string_ == b.u_.string_;
        }
        return a.equal_structure(b);
    }
    friend bool operator!=(const token_value& a, const token_value& b) { return !(a == b); }

private:
    // operator== for the kinds other than string (same kind on both sides).
    bool equal_structure(const token_value& b) const {
        const token_value& a = *this;
        switch (a.kind_) {
        case kind::null: return true;
        case kind::boolean: return a.u_.bool_ == b.u_.bool_;
        case kind::integer: return a.u_.integer_ == b.u_.integer_;
        case kind::floating: return a.u_.floating_ == b.u_.floating_;
        case kind::string: return a.u_.string_ == b.u_.string_;
        case kind::bytes: return a.u_.bytes_ == b.u_.bytes_;
        case kind::array: return a.u_.array_ == b.u_.array_;
        case kind::object: {
            if (a.u_.object_.size() != b.u_.object_.size()) {
                return false;
            }
            for (const auto& member : a.u_.object_) {
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

    void check(kind k) const {
        PAGINATION_ASSERT(kind_ == k);
        (void)k;
    }

    template <class T, class... Args>
    void emplace(T& member, Args&&... args) {
        ::new (static_cast<void*>(&member)) T(std::forward<Args>(args)...);
        kind_ = kind_of(member);
    }
    static constexpr kind kind_of(const std::string&) noexcept { return kind::string; }
    static constexpr kind kind_of(const bytes_type&) noexcept { return kind::bytes; }
    static constexpr kind kind_of(const array_type&) noexcept { return kind::array; }
    static constexpr kind kind_of(const object_type&) noexcept { return kind::object; }
    template <class T>
    static void destroy(T& member) noexcept {
        member.~T();
    }

    // Makes this (null) a copy of `other`, or takes its contents (`other` keeps its kind, moved from).
    template <class Other>
    void construct_from(Other&& other) {
        switch (other.kind_) {
        case kind::string: emplace(u_.string_, std::forward<Other>(other).u_.string_); break;
        case kind::bytes: emplace(u_.bytes_, std::forward<Other>(other).u_.bytes_); break;
        case kind::array: emplace(u_.array_, std::forward<Other>(other).u_.array_); break;
        case kind::object: emplace(u_.object_, std::forward<Other>(other).u_.object_); break;
        case kind::boolean: u_.bool_ = other.u_.bool_; kind_ = kind::boolean; break;
        case kind::integer: u_.integer_ = other.u_.integer_; kind_ = kind::integer; break;
        case kind::floating: u_.floating_ = other.u_.floating_; kind_ = kind::floating; break;
        case kind::null: break;
        }
    }

    // A tagged union: `kind_` names the member in use (none for null). Simpler to compile than a
    // std::variant.
    union storage {
        storage() noexcept : integer_(0) {}
        ~storage() {}
        bool bool_;
        std::int64_t integer_;
        double floating_;
        std::string string_;
        bytes_type bytes_;
        array_type array_;
        object_type object_;
    };
    kind kind_ = kind::null;
    storage u_;
};

/// Writes a string token into an optional request field: null clears it.
inline void assign_token(std::optional<std::string>& field, const token_value& value) {
    if (value.is_string()) {
        if (field) {
            detail::copy_token_text(*field, value.as_string());
        } else {
            field.emplace(value.as_string());
        }
    } else {
        field.reset();
    }
}

} // namespace pagination

#endif // PAGINATION_TOKEN_VALUE_HPP
