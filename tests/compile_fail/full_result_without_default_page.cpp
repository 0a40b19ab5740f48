// expect: build_full_result\(\) needs a default-constructible page_type
#include "common.hpp"
struct fixed_page {
    explicit fixed_page(int) {}
    std::vector<int> items;
    std::optional<std::string> next_token;
};
inline constexpr pagination::token_field next_token_field{"NextToken"};
using fixed_tokens = pagination::member_token_policy<&request::next_token, &fixed_page::next_token, next_token_field>;
using fixed_limit = pagination::member_limit_policy<&fixed_page::items>;
inline fixed_page fetch_fixed(const request&) { return fixed_page(0); }
int main() {
    pagination::paginator<fixed_page (*)(const request&), fixed_tokens, fixed_limit> p(&fetch_fixed, request{});
    (void)p.build_full_result();
}
