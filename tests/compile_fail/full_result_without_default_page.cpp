// expect: build_full_result\(\) needs a default-constructible page_type
#include "common.hpp"
struct fixed_page {
    explicit fixed_page(int) {}
    std::vector<int> items;
    std::optional<std::string> next_token;
};
struct fixed_tokens {
    using request_type = request;
    using page_type = fixed_page;
    static constexpr std::array<pagination::token_field, 1> input_tokens{{{"NextToken"}}};
    static pagination::token_value read_token(const fixed_page& p, std::size_t) { return p.next_token; }
    static void write_token(request& r, std::size_t, const pagination::token_value& v) {
        pagination::assign_token(r.next_token, v);
    }
    static void set_resume_token(fixed_page& p, const std::optional<std::string>& token) { p.next_token = token; }
};
struct fixed_limit {
    static std::vector<int>& items(fixed_page& p) { return p.items; }
};
inline fixed_page fetch_fixed(const request&) { return fixed_page(0); }
int main() {
    pagination::paginator<fixed_page (*)(const request&), fixed_tokens, fixed_limit> p(&fetch_fixed, request{});
    (void)p.build_full_result();
}
