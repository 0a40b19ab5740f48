// expect: build_full_result\(\) needs TokenPolicy::set_resume_token
#include "common.hpp"
int main() {
    pagination::paginator<fetcher, good_tokens, good_limit> p(&fetch, request{});
    (void)p.build_full_result();
}
