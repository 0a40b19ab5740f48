// Shared pieces of the compile-fail checks: each .cpp here must fail to compile with the message
// named on its first line (tests/CMakeLists.txt checks the message).
#include <pagination/pagination.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

struct request {
    std::optional<std::string> next_token;
};
struct page {
    std::vector<int> items;
    std::optional<std::string> next_token;
};
struct good_tokens : pagination::token_policy_base<good_tokens> {
    using request_type = request;
    using page_type = page;
    static constexpr std::array<pagination::token_field, 1> input_tokens{{{"NextToken"}}};
    static pagination::token_value read_token(const page& p, std::size_t) { return p.next_token; }
    static void write_token(request& r, std::size_t, const pagination::token_value& v) {
        pagination::assign_token(r.next_token, v);
    }
};
struct good_limit : pagination::limit_policy_base<good_limit> {
    static std::vector<int>& items(page& p) { return p.items; }
};
inline page fetch(const request&) { return {}; }
using fetcher = page (*)(const request&);

template <class Tokens, class Limit, class Fetcher = fetcher>
void instantiate() {
    pagination::paginator<Fetcher, Tokens, Limit> p(Fetcher{}, request{});
    for (auto& item : p.items()) {
        (void)item;
    }
}
