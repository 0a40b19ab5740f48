// expect: LimitPolicy must provide `static auto& items\(page_type&\)`
#include "common.hpp"
struct limit : pagination::limit_policy_base<limit> {};
int main() { instantiate<good_tokens, limit>(); }
