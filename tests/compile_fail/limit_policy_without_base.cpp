// expect: LimitPolicy must derive from pagination::limit_policy_base<LimitPolicy>
#include "common.hpp"
struct limit {
    static std::vector<int>& items(page& p) { return p.items; }
};
int main() { instantiate<good_tokens, limit>(); }
