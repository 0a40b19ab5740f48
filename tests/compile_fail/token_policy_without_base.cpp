// expect: TokenPolicy must derive from pagination::token_policy_base<TokenPolicy>
#include "common.hpp"
struct tokens {
    using request_type = request;
    using page_type = page;
    static constexpr std::array<pagination::token_field, 1> input_tokens{{{"NextToken"}}};
    static pagination::token_value read_token(const page& p, std::size_t) { return p.next_token; }
    static void write_token(request& r, std::size_t, const pagination::token_value& v) {
        pagination::assign_token(r.next_token, v);
    }
};
int main() { instantiate<tokens, good_limit>(); }
