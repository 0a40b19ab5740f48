// expect: provide `static void keep_items\(page_type&, std::size_t first, std::size_t count\)`
#include "common.hpp"
struct limit : pagination::limit_policy_base<limit> {
    static const std::vector<int>& items(page& p) { return p.items; }
};
int main() { instantiate<good_tokens, limit>(); }
