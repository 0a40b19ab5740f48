#ifndef PAGINATION_TESTS_HYGIENE_LISTING_HPP
#define PAGINATION_TESTS_HYGIENE_LISTING_HPP

// A small in-memory listing for the configuration-macro tests, and a check that counts failures
// without a test framework (these programs set the library's macros before including it).

#include <pagination/pagination.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hygiene {

struct request {
    std::optional<std::string> next_token;
    std::optional<int> limit;
};

struct page {
    std::vector<int> items;
    std::optional<std::string> next_token;
};

inline constexpr pagination::token_field next_token_field{"NextToken"};
using tokens = pagination::member_token_policy<&request::next_token, &page::next_token, next_token_field>;
using limit = pagination::member_limit_policy<&page::items, &request::limit>;

struct service_error {
    std::string code;
};

/// An expected-like fetch result.
class result {
public:
    result(page p) : page_(std::move(p)), ok_(true) {}
    result(service_error e) : error_(std::move(e)), ok_(false) {}
    bool has_value() const { return ok_; }
    page& value() & { return page_; }
    page&& value() && { return std::move(page_); }
    const service_error& error() const { return error_; }

private:
    page page_;
    service_error error_;
    bool ok_;
};

/// Items 0..size-1, three per page by default, the token being the offset as text; the call
/// numbered `fail_at` (0-based) answers with an error, and `repeat_at` answers the same token as
/// the request it was given.
struct listing {
    int size = 10;
    int fail_at = -1;
    int repeat_at = -1;
    int* calls = nullptr;

    result operator()(const request& r) const {
        const int call = (*calls)++;
        if (call == fail_at) {
            return service_error{"ThrottlingException"};
        }
        const int start = r.next_token ? std::stoi(*r.next_token) : 0;
        const int end = std::min(size, start + r.limit.value_or(3));
        page p;
        for (int i = start; i < end; ++i) {
            p.items.push_back(i);
        }
        if (call == repeat_at && r.next_token) {
            p.next_token = r.next_token;
        } else if (end < size) {
            p.next_token = std::to_string(end);
        }
        return p;
    }
};

inline int failures = 0;

inline void check(bool ok, const char* what, int line) {
    if (!ok) {
        ++failures;
        std::printf("FAILED line %d: %s\n", line, what);
    }
}

} // namespace hygiene

#define HYGIENE_CHECK(condition) ::hygiene::check(static_cast<bool>(condition), #condition, __LINE__)

#endif // PAGINATION_TESTS_HYGIENE_LISTING_HPP
