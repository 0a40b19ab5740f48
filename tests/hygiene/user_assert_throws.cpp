// A user's PAGINATION_ASSERT wins: redefined to throw before the library is included, it turns a
// violated precondition of the API into an exception that a test can catch and check.

#include <stdexcept>
#include <string>

namespace hygiene {
struct precondition_violation : std::logic_error {
    using std::logic_error::logic_error;
};
} // namespace hygiene

#define PAGINATION_ASSERT(condition) \
    ((condition) ? static_cast<void>(0) : throw ::hygiene::precondition_violation(#condition))

#include "listing.hpp"

#include <pagination/aws/gamelift_model.hpp>

using namespace hygiene;

namespace {

/// Runs `f`; true if it violated a precondition whose text contains `condition`.
template <class F>
bool violates(F&& f, const std::string& condition) {
    try {
        f();
    } catch (const precondition_violation& e) {
        if (std::string(e.what()).find(condition) != std::string::npos) {
            return true;
        }
        std::printf("  precondition '%s', expected one containing '%s'\n", e.what(), condition.c_str());
        return false;
    }
    return false;
}

void token_value_accessors_check_the_kind() {
    const pagination::token_value null_value;
    HYGIENE_CHECK(violates([&] { (void)null_value.as_string(); }, "kind_ == k"));
    const pagination::token_value text("abc");
    HYGIENE_CHECK(violates([&] { (void)text.as_integer(); }, "kind_ == k"));
    HYGIENE_CHECK(!violates([&] { HYGIENE_CHECK(text.as_string() == "abc"); }, ""));
}

void decode_result_checks_which_side_it_holds() {
    const std::array<pagination::token_field, 1> fields{{next_token_field}};
    const pagination::decode_result rejected = pagination::decode_starting_token("", fields);
    HYGIENE_CHECK(!rejected.has_value());
    HYGIENE_CHECK(violates([&] { (void)rejected.value(); }, "has_value()"));
    const pagination::decode_result accepted = pagination::decode_starting_token("raw-service-token", fields);
    HYGIENE_CHECK(accepted.has_value());
    HYGIENE_CHECK(violates([&] { (void)accepted.error(); }, "!has_value()"));
}

void run_state_checks_the_order_of_calls() {
    pagination::run_state<tokens, limit> state(request{}, {});
    HYGIENE_CHECK(violates([&] { state.on_page_done(); }, "status_ == run_status::page_ready"));
    page first;
    first.items = {1, 2};
    state.on_page(first);
    page second;
    HYGIENE_CHECK(violates([&] { state.on_page(second); }, "status_ == run_status::send_request"));
}

void service_outcome_checks_which_side_it_holds() {
    namespace gl = pagination::aws::gamelift;
    const gl::service_outcome<int> failed(gl::service_error{"InternalServiceException", "boom"});
    HYGIENE_CHECK(violates([&] { (void)failed.value(); }, "has_value()"));
    const gl::service_outcome<int> succeeded(7);
    HYGIENE_CHECK(violates([&] { (void)succeeded.error(); }, "!has_value()"));
}

} // namespace

int main() {
    token_value_accessors_check_the_kind();
    decode_result_checks_which_side_it_holds();
    run_state_checks_the_order_of_calls();
    service_outcome_checks_which_side_it_holds();
    if (failures != 0) {
        return 1;
    }
    std::printf("user's PAGINATION_ASSERT: every violated precondition reached it\n");
    return 0;
}
