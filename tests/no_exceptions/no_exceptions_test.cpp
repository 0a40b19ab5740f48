// Built with -fno-exceptions -fno-rtti: every failure ends the iteration and is reported by
// error(), never mistaken for the end of the data, and resume_token() stays valid.

#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_DISABLE_EXCEPTIONS
#include "../support/test_service.hpp"

#include <catch2/catch.hpp>

#if PAGINATION_EXCEPTIONS
#error "this test must be compiled without exceptions"
#endif

using namespace test_service;

namespace {
struct service_error {
    std::string code;
};

using result = pagination::expected<page, service_error>;

/// A listing whose `fail_at`th call (0-based) returns an error.
struct failing_listing {
    listing inner;
    int fail_at;
    std::shared_ptr<int> calls = std::make_shared<int>(0);
    result operator()(const request& r) const {
        if ((*calls)++ == fail_at) {
            return service_error{"ThrottlingException"};
        }
        return inner(r);
    }
};
} // namespace

TEST_CASE("without exceptions a failed fetch ends the iteration and is reported, with the position kept") {
    failing_listing svc{listing(10), 2};
    auto p = make(svc);
    std::vector<std::string> got;
    for (auto& item : p.items()) {
        got.push_back(item);
    }
    CHECK(got == numbered(6));
    REQUIRE(p.error() != nullptr);
    CHECK(p.error()->code() == pagination::errc::fetch_failed);
    REQUIRE(p.error()->fetcher_error<service_error>() != nullptr);
    CHECK(p.error()->fetcher_error<service_error>()->code == "ThrottlingException");
    REQUIRE(p.resume_token().has_value());
    failing_listing healthy{listing(10), -1};
    auto rest = make(healthy, {std::nullopt, std::nullopt, p.resume_token()});
    auto second = all_items(rest);
    got.insert(got.end(), second.begin(), second.end());
    CHECK(got == numbered(10));
    CHECK(rest.error() == nullptr);
}

TEST_CASE("without exceptions a rejected starting token yields nothing, sends nothing and is reported") {
    listing svc(5);
    auto p = make(svc, {std::nullopt, std::nullopt, std::string("a___b___c")});
    CHECK(p.items().begin() == p.items().end());
    CHECK(svc.calls() == 0);
    REQUIRE(p.error() != nullptr);
    CHECK(p.error()->code() == pagination::errc::invalid_starting_token);
    CHECK(p.resume_token() == std::string("a___b___c"));
}

TEST_CASE("without exceptions a repeated token ends the iteration and is reported") {
    scripted svc;
    svc.on("", {"a"}, std::string("T")).on("T", {"b"}, std::string("T"));
    auto p = make(svc);
    CHECK(all_items(p) == std::vector<std::string>{"a", "b"});
    REQUIRE(p.error() != nullptr);
    CHECK(p.error()->code() == pagination::errc::repeated_token);
    CHECK(p.resume_token().has_value());
}

TEST_CASE("without exceptions build_full_result returns what it has and the error says what is missing") {
    failing_listing svc{listing(10), 1};
    auto p = make(svc);
    page full = p.build_full_result();
    CHECK(full.items == numbered(3));
    REQUIRE(p.error() != nullptr);
    CHECK(full.next_token == token_for("tok-3"));
}

TEST_CASE("without exceptions a complete listing reports no error and no resume token") {
    listing svc(4);
    auto p = make(svc, {4, 2, std::nullopt});
    CHECK(all_items(p) == numbered(4));
    CHECK(p.error() == nullptr);
    CHECK_FALSE(p.resume_token().has_value());
}
