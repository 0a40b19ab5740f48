// A user's configuration macro wins over what the compiler says: this program is built with
// exceptions, but defines PAGINATION_EXCEPTIONS 0 before including the library, so the library
// never throws. Every failure ends the iteration and is reported by error().

#define PAGINATION_EXCEPTIONS 0
#include "listing.hpp"

#include <exception>

#if !defined(__cpp_exceptions) && !defined(__EXCEPTIONS) && !defined(_CPPUNWIND)
#error "this test must be built with exceptions on"
#endif
static_assert(PAGINATION_EXCEPTIONS == 0, "the user's PAGINATION_EXCEPTIONS must win");

using namespace hygiene;

namespace {

std::vector<int> drain(pagination::paginator<listing, tokens, limit>& p) {
    std::vector<int> got;
    for (int item : p.items()) {
        got.push_back(item);
    }
    return got;
}

void a_failed_fetch_is_reported_not_thrown() {
    int calls = 0;
    pagination::paginator<listing, tokens, limit> p(listing{10, 2, -1, &calls}, request{});
    const std::vector<int> got = drain(p);
    HYGIENE_CHECK((got == std::vector<int>{0, 1, 2, 3, 4, 5}));
    HYGIENE_CHECK(p.error() != nullptr);
    HYGIENE_CHECK(p.error() && p.error()->code() == pagination::errc::fetch_failed);
    HYGIENE_CHECK(p.error() && p.error()->fetcher_error<service_error>() != nullptr);
    HYGIENE_CHECK(p.resume_token().has_value());

    // The resume token continues exactly after the last item handed out.
    int more_calls = 0;
    pagination::paginator<listing, tokens, limit> rest(listing{10, -1, -1, &more_calls}, request{},
                                                        {std::nullopt, std::nullopt, p.resume_token()});
    HYGIENE_CHECK((drain(rest) == std::vector<int>{6, 7, 8, 9}));
    HYGIENE_CHECK(rest.error() == nullptr);
    HYGIENE_CHECK(!rest.resume_token().has_value());
}

void a_rejected_starting_token_is_reported_before_anything_is_sent() {
    int calls = 0;
    pagination::paginator<listing, tokens, limit> p(listing{10, -1, -1, &calls}, request{},
                                                     {std::nullopt, std::nullopt, std::string()});
    HYGIENE_CHECK(drain(p).empty());
    HYGIENE_CHECK(calls == 0);
    HYGIENE_CHECK(p.error() && p.error()->code() == pagination::errc::invalid_starting_token);
}

void a_repeated_token_is_reported() {
    int calls = 0;
    pagination::paginator<listing, tokens, limit> p(listing{10, -1, 1, &calls}, request{});
    const std::vector<int> got = drain(p);
    HYGIENE_CHECK((got == std::vector<int>{0, 1, 2, 3, 4, 5}));
    HYGIENE_CHECK(p.error() && p.error()->code() == pagination::errc::repeated_token);
}

void a_complete_listing_has_no_error() {
    int calls = 0;
    pagination::paginator<listing, tokens, limit> p(listing{7, -1, -1, &calls}, request{});
    HYGIENE_CHECK(drain(p).size() == 7);
    HYGIENE_CHECK(p.error() == nullptr);
    HYGIENE_CHECK(calls == 3);
}

} // namespace

int main() {
    try {
        a_failed_fetch_is_reported_not_thrown();
        a_rejected_starting_token_is_reported_before_anything_is_sent();
        a_repeated_token_is_reported();
        a_complete_listing_has_no_error();
    } catch (const std::exception& e) {
        std::printf("FAILED: the library threw with PAGINATION_EXCEPTIONS 0: %s\n", e.what());
        return 1;
    } catch (...) {
        std::printf("FAILED: the library threw with PAGINATION_EXCEPTIONS 0\n");
        return 1;
    }
    if (failures != 0) {
        return 1;
    }
    std::printf("user's PAGINATION_EXCEPTIONS 0: every failure reported by error(), nothing thrown\n");
    return 0;
}
