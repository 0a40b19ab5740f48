// expect: TokenPolicy must provide `static pagination::token_value read_token
#include "common.hpp"
struct tokens : pagination::token_policy_base<tokens> {
    using request_type = request;
    using page_type = page;
    static constexpr std::array<pagination::token_field, 1> input_tokens{{{"NextToken"}}};
    static void write_token(request&, std::size_t, const pagination::token_value&) {}
};
int main() { instantiate<tokens, good_limit>(); }
