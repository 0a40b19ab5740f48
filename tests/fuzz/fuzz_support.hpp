#ifndef PAGINATION_TESTS_FUZZ_FUZZ_SUPPORT_HPP
#define PAGINATION_TESTS_FUZZ_FUZZ_SUPPORT_HPP

// What the fuzz targets share: a reader that takes the fuzz input apart byte by byte (running
// out of bytes is never an error: every read has a default), and a check that stops the process
// with a message when an invariant of the library is broken, which libFuzzer reports as a crash.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzz {

/// Reads the fuzz input from the front.
class input {
public:
    input(const std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}

    bool empty() const noexcept { return pos_ >= size_; }

    /// The next byte, or `fallback` when the input is used up.
    std::uint8_t byte(std::uint8_t fallback = 0) noexcept { return pos_ < size_ ? data_[pos_++] : fallback; }

    /// A number in [0, n) (n > 0) from the next byte, or `fallback` when the input is used up.
    std::size_t below(std::size_t n, std::size_t fallback = 0) noexcept {
        return pos_ < size_ ? static_cast<std::size_t>(data_[pos_++]) % n : fallback;
    }

    /// The next `n` bytes (fewer when the input runs out).
    std::string_view take(std::size_t n) noexcept {
        const std::size_t count = n < size_ - pos_ ? n : size_ - pos_;
        std::string_view out(reinterpret_cast<const char*>(data_ + pos_), count);
        pos_ += count;
        return out;
    }

    /// Everything not read yet.
    std::string_view rest() noexcept { return take(size_ - pos_); }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

[[noreturn]] inline void broken(const char* condition, const char* file, int line, const std::string& detail) {
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, condition);
    if (!detail.empty()) {
        std::fprintf(stderr, "  %s\n", detail.c_str());
    }
    std::abort();
}

} // namespace fuzz

/// Stops the process when `condition` is false; `detail` (a std::string expression) is printed.
#define FUZZ_CHECK(condition, detail)                                                                        \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            ::fuzz::broken(#condition, __FILE__, __LINE__, (detail));                                        \
        }                                                                                                    \
    } while (false)

#endif // PAGINATION_TESTS_FUZZ_FUZZ_SUPPORT_HPP
