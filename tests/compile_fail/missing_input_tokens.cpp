// expect: TokenPolicy must declare `static constexpr std::array<pagination::token_field, N> input_tokens`
#include "common.hpp"
struct tokens : pagination::token_policy_base<tokens> {
    using request_type = request;
    using page_type = page;
    static pagination::token_value read_token(const page&, std::size_t) { return {}; }
    static void write_token(request&, std::size_t, const pagination::token_value&) {}
};
int main() { instantiate<tokens, good_limit>(); }
