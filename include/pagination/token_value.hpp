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
#include <variant>
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
    token_value(bool b) : storage_(b) {}
    template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool> &&
                                            !std::is_same_v<I, char>,
                                        int> = 0>
    token_value(I i) : storage_(static_cast<std::int64_t>(i)) {}
    token_value(double d) : storage_(d) {}
    token_value(std::string s) : storage_(std::move(s)) {}
    token_value(std::string_view s) : storage_(std::string(s)) {}
    token_value(const char* s) : storage_(std::string(s)) {}
    token_value(bytes_type b) : storage_(std::move(b)) {}
    token_value(array_type a) : storage_(std::move(a)) {}
    token_value(object_type o) : storage_(std::move(o)) {}
    /// An absent optional string is null.
    token_value(const std::optional<std::string>& s) {
        if (s) {
            storage_ = *s;
        }
    }

    kind type() const noexcept { return static_cast<kind>(storage_.index()); }
    bool is_null() const noexcept { return type() == kind::null; }
    bool is_string() const noexcept { return type() == kind::string; }
    bool is_integer() const noexcept { return type() == kind::integer; }
    bool is_object() const noexcept { return type() == kind::object; }
    bool is_array() const noexcept { return type() == kind::array; }
    bool is_bytes() const noexcept { return type() == kind::bytes; }

    bool as_bool() const { return get<bool>(); }
    std::int64_t as_integer() const { return get<std::int64_t>(); }
    double as_double() const { return get<double>(); }
    const std::string& as_string() const { return get<std::string>(); }
    const bytes_type& as_bytes() const { return get<bytes_type>(); }
    const array_type& as_array() const { return get<array_type>(); }
    array_type& as_array() { return get<array_type>(); }
    const object_type& as_object() const { return get<object_type>(); }
    object_type& as_object() { return get<object_type>(); }

    /// The member named `key` of an object, or null when absent or not an object.
    const token_value* find(std::string_view key) const noexcept {
        if (const auto* members = std::get_if<object_type>(&storage_)) {
            for (const auto& member : *members) {
                if (member.first == key) {
                    return &member.second;
                }
            }
        }
        return nullptr;
    }

    /// The string as an optional: null gives an empty optional.
    std::optional<std::string> to_optional_string() const {
        if (const auto* s = std::get_if<std::string>(&storage_)) {
            return *s;
        }
        return std::nullopt;
    }

    /// True for what a service means by "no token": null, "", false, 0, and empty containers.
    bool is_empty_token() const noexcept {
        switch (type()) {
        case kind::null: return true;
        case kind::boolean: return !std::get<bool>(storage_);
        case kind::integer: return std::get<std::int64_t>(storage_) == 0;
        case kind::floating: return !(std::get<double>(storage_) < 0.0 || std::get<double>(storage_) > 0.0);
        case kind::string: return std::get<std::string>(storage_).empty();
        case kind::bytes: return std::get<bytes_type>(storage_).empty();
        case kind::array: return std::get<array_type>(storage_).empty();
        case kind::object: return std::get<object_type>(storage_).empty();
        }
        return true;
    }

    /// Equality as a JSON document: object members compare regardless of order.
    friend bool operator==(const token_value& a, const token_value& b) {
        if (a.type() != b.type()) {
            return false;
        }
        if (a.type() == kind::object) {
            const auto& x = a.as_object();
            const auto& y = b.as_object();
            if (x.size() != y.size()) {
                return false;
            }
            for (const auto& member : x) {
                const token_value* other = b.find(member.first);
                if (other == nullptr || !(member.second == *other)) {
                    return false;
                }
            }
            return true;
        }
        return a.storage_ == b.storage_;
    }
    friend bool operator!=(const token_value& a, const token_value& b) { return !(a == b); }

private:
    template <class T>
    const T& get() const {
        const T* p = std::get_if<T>(&storage_);
        PAGINATION_ASSERT(p != nullptr);
        return *p;
    }
    template <class T>
    T& get() {
        T* p = std::get_if<T>(&storage_);
        PAGINATION_ASSERT(p != nullptr);
        return *p;
    }

    std::variant<std::monostate, bool, std::int64_t, double, std::string, bytes_type, array_type, object_type>
        storage_;
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
