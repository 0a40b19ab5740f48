// pagination/detail/string_set.hpp - a small set of strings (the tokens a run has seen).
//
// Open addressing with linear probing over std::hash<std::string>, which <string> already
// declares: the token-cycle check needs insert and lookup only, and this costs a fraction of
// <unordered_set> to compile in every translation unit that includes the library.
#ifndef PAGINATION_DETAIL_STRING_SET_HPP
#define PAGINATION_DETAIL_STRING_SET_HPP

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace pagination {
namespace detail {

class string_set {
public:
    /// True when `key` is in the set.
    bool contains(const std::string& key) const {
        if (slots_.empty()) {
            return false;
        }
        const std::size_t hash = std::hash<std::string>{}(key);
        for (std::size_t at = hash & mask();; at = (at + 1) & mask()) {
            const slot& s = slots_[at];
            if (!s.used) {
                return false;
            }
            if (s.hash == hash && s.key == key) {
                return true;
            }
        }
    }

    /// Adds `key`; false when it was already there.
    bool insert(std::string key) {
        if ((size_ + 1) * 4 > slots_.size() * 3) {  // keep the load at most 3/4
            grow();
        }
        const std::size_t hash = std::hash<std::string>{}(key);
        std::size_t at = hash & mask();
        for (; slots_[at].used; at = (at + 1) & mask()) {
            if (slots_[at].hash == hash && slots_[at].key == key) {
                return false;
            }
        }
        slots_[at].used = true;
        slots_[at].hash = hash;
        slots_[at].key = std::move(key);
        ++size_;
        return true;
    }

private:
    struct slot {
        bool used = false;
        std::size_t hash = 0;
        std::string key;
    };

    std::size_t mask() const noexcept { return slots_.size() - 1; }

    void grow() {
        std::vector<slot> old;
        old.swap(slots_);
        slots_.resize(old.empty() ? 16 : old.size() * 2);  // a power of two
        for (slot& s : old) {
            if (s.used) {
                std::size_t at = s.hash & mask();
                while (slots_[at].used) {
                    at = (at + 1) & mask();
                }
                slots_[at] = std::move(s);
            }
        }
    }

    std::vector<slot> slots_;
    std::size_t size_ = 0;
};

} // namespace detail
} // namespace pagination

#endif // PAGINATION_DETAIL_STRING_SET_HPP
