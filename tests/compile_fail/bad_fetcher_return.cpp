// expect: the fetcher must return the TokenPolicy's page_type
#include "common.hpp"
using wrong_fetcher = int (*)(const request&);
int main() { instantiate<good_tokens, good_limit, wrong_fetcher>(); }
