// docs/semantics.md section 2: one run, step by step.

#include "support/test_service.hpp"

#include <catch2/catch.hpp>

using namespace test_service;
using pagination::pagination_config;

TEST_CASE("a run without a starting token sends no token first and follows tokens to the end") {
    listing svc(7);
    auto p = make(svc);
    std::vector<std::vector<std::string>> pages;
    for (auto& pg : p.pages()) {
        pages.push_back(pg.items);
    }
    REQUIRE(pages == std::vector<std::vector<std::string>>{numbered(3), numbered(3, 3), numbered(1, 6)});
    REQUIRE(svc.calls() == 3);
    CHECK_FALSE(svc.call(0).next_token.has_value());
    CHECK(svc.call(1).next_token == "tok-3");
    CHECK(svc.call(2).next_token == "tok-6");
    CHECK_FALSE(p.resume_token().has_value());
    CHECK(p.error() == nullptr);
}

TEST_CASE("the caller's other request fields are sent unchanged on every page") {
    listing svc(5);
    pagination::paginator<listing, tokens, limit> p(svc, request{"fleet-1", std::nullopt, std::nullopt});
    CHECK(all_items(p).size() == 5);
    REQUIRE(svc.calls() == 2);
    CHECK(svc.call(0).fleet_id == "fleet-1");
    CHECK(svc.call(1).fleet_id == "fleet-1");
}

TEST_CASE("a starting token's values are written into the first request") {
    listing svc(10);
    auto p = make(svc, {std::nullopt, std::nullopt, token_for("tok-6")});
    CHECK(all_items(p) == numbered(4, 6));
    CHECK(svc.call(0).next_token == "tok-6");
}

TEST_CASE("a starting token whose value is null or the string None clears the request field") {
    listing svc(4);
    pagination::paginator<listing, tokens, limit> p(svc, request{std::nullopt, std::string("stale"), std::nullopt},
                                                    {std::nullopt, std::nullopt, token_for(std::nullopt)});
    CHECK(all_items(p) == numbered(4));
    CHECK_FALSE(svc.call(0).next_token.has_value());

    listing svc2(4);
    pagination::paginator<listing, tokens, limit> q(svc2, request{std::nullopt, std::string("stale"), std::nullopt},
                                                    {std::nullopt, std::nullopt, std::string("None")});
    CHECK(all_items(q) == numbered(4));
    CHECK_FALSE(svc2.call(0).next_token.has_value());
}

TEST_CASE("PageSize is written into the limit field of every request") {
    listing svc(5);
    auto p = make(svc, {std::nullopt, 2, std::nullopt});
    CHECK(all_items(p) == numbered(5));
    REQUIRE(svc.calls() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(svc.call(i).limit == 2);
    }
}

namespace {
struct string_limit_request {
    std::optional<std::string> next_token;
    std::optional<std::string> max_items;
};
struct string_limit_page {
    std::vector<int> items;
    std::optional<std::string> next_token;
};
inline constexpr pagination::token_field marker_field{"Marker"};
} // namespace

TEST_CASE("a string limit field gets the page size as decimal text") {
    std::vector<string_limit_request> seen;
    auto fetch = [&](const string_limit_request& r) {
        seen.push_back(r);
        return string_limit_page{{1, 2}, std::nullopt};
    };
    using tp = pagination::member_token_policy<&string_limit_request::next_token, &string_limit_page::next_token,
                                               marker_field>;
    using lp = pagination::member_limit_policy<&string_limit_page::items, &string_limit_request::max_items>;
    pagination::paginator<decltype(fetch), tp, lp> p(fetch, {}, {std::nullopt, 25, std::nullopt});
    for (auto& pg : p.pages()) {
        CHECK(pg.items.size() == 2);
    }
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].max_items == "25");
}

TEST_CASE("PageSize for an API without a limit field is rejected before any request") {
    listing svc(5);
    auto p = make<listing, tokens, no_limit>(svc, {std::nullopt, 2, std::nullopt});
    CHECK_THROWS_AS(p.items().begin(), pagination::invalid_request_error);
    CHECK(svc.calls() == 0);
    REQUIRE(p.error() != nullptr);
    CHECK(p.error()->code() == pagination::errc::invalid_page_size);
}

TEST_CASE("PageSize that does not fit an integer limit field is rejected before any request") {
    listing svc(5);
    auto p = make(svc, {std::nullopt, std::size_t{1} << 40, std::nullopt});
    CHECK_THROWS_AS(p.items().begin(), pagination::invalid_request_error);
    CHECK(svc.calls() == 0);
}

TEST_CASE("the first page of a resumed run drops the truncate amount of items") {
    listing svc(10);
    auto p = make(svc, {std::nullopt, std::nullopt, token_for("tok-3", 2)});
    CHECK(all_items(p) == numbered(5, 5));
    CHECK(svc.call(0).next_token == "tok-3");
}

TEST_CASE("a skip larger than the first page drops the whole page and the run goes on") {
    listing svc(10);
    auto p = make(svc, {std::nullopt, std::nullopt, token_for("tok-3", 5)});
    std::vector<std::vector<std::string>> pages;
    for (auto& pg : p.pages()) {
        pages.push_back(pg.items);
    }
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].empty());
    CHECK(pages[1] == numbered(3, 6));
}

TEST_CASE("secondary result lists are emptied on the first page of a resumed run only") {
    listing svc(9);
    pagination::paginator<listing, tokens, limit_with_secondary> p(svc, request{},
                                                                   {std::nullopt, std::nullopt, token_for("tok-3", 1)});
    std::vector<std::vector<std::string>> secondaries;
    for (auto& pg : p.pages()) {
        secondaries.push_back(pg.secondary);
    }
    REQUIRE(secondaries.size() == 2);
    CHECK(secondaries[0].empty());
    CHECK(secondaries[1] == std::vector<std::string>{"s-6"});
}

TEST_CASE("MaxItems that cuts a page yields a resume token with the kept count") {
    listing svc(10);
    auto p = make(svc, {4, std::nullopt, std::nullopt});
    std::vector<std::vector<std::string>> pages;
    for (auto& pg : p.pages()) {
        pages.push_back(pg.items);
    }
    REQUIRE(pages.size() == 2);
    CHECK(pages[1] == numbered(1, 3));
    CHECK(p.resume_token() == token_for("tok-3", 1));
    CHECK(svc.calls() == 2);
}

TEST_CASE("a first page cut before any token was sent resumes from a null token with the kept count") {
    listing svc(10);
    auto p = make(svc, {2, std::nullopt, std::nullopt});
    CHECK(all_items(p) == numbered(2));
    CHECK(p.resume_token() == token_for(std::nullopt, 2));
    CHECK(*p.resume_token() == "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==");
}

TEST_CASE("a truncate amount accumulates across a resumed run: start skip 1, keep 1 gives amount 2") {
    listing svc(10);
    auto p = make(svc, {1, std::nullopt, token_for("tok-3", 1)});
    CHECK(all_items(p) == numbered(1, 4));
    CHECK(p.resume_token() == token_for("tok-3", 2));
}

TEST_CASE("MaxItems on a page boundary resumes from the page's token without a truncate amount") {
    listing svc(10);
    auto p = make(svc, {6, std::nullopt, std::nullopt});
    CHECK(all_items(p) == numbered(6));
    CHECK(p.resume_token() == token_for("tok-6"));
    CHECK(svc.calls() == 2);
}

TEST_CASE("a run that ends exactly at the end of the listing has no resume token") {
    listing svc(6);
    auto p = make(svc, {6, std::nullopt, std::nullopt});
    CHECK(all_items(p) == numbered(6));
    CHECK_FALSE(p.resume_token().has_value());
}

TEST_CASE("MaxItems larger than the listing yields everything and no resume token") {
    listing svc(5);
    auto p = make(svc, {100, std::nullopt, std::nullopt});
    CHECK(all_items(p) == numbered(5));
    CHECK_FALSE(p.resume_token().has_value());
}

TEST_CASE("MaxItems 0 yields one empty page and a resume token") {
    listing svc(5);
    auto p = make(svc, {0, std::nullopt, std::nullopt});
    int pages = 0;
    for (auto& pg : p.pages()) {
        CHECK(pg.items.empty());
        ++pages;
    }
    CHECK(pages == 1);
    CHECK(p.resume_token() == token_for(std::nullopt, 0));
}

TEST_CASE("a page with no items but a token goes on") {
    scripted svc;
    svc.on("", {}, std::string("a")).on("a", {}, std::string("b")).on("b", {"x", "y"}, std::nullopt);
    auto p = make(svc);
    CHECK(all_items(p) == std::vector<std::string>{"x", "y"});
    CHECK(svc.calls() == 3);
    CHECK_FALSE(p.resume_token().has_value());
}

TEST_CASE("an empty-string output token means the listing is complete") {
    scripted svc;
    svc.on("", {"x"}, std::string(""));
    auto p = make(svc);
    CHECK(all_items(p) == std::vector<std::string>{"x"});
    CHECK(svc.calls() == 1);
    CHECK_FALSE(p.resume_token().has_value());
}

TEST_CASE("a more-results flag that is false or absent ends the run even with a token present") {
    page first;
    first.items = {"x"};
    first.next_token = "a";
    first.more = true;
    page second;
    second.items = {"y"};
    second.next_token = "b";
    second.more = false;
    scripted svc;
    svc.on("", first).on("a", second);
    auto p = make<scripted, flagged_tokens>(svc);
    CHECK(all_items(p) == std::vector<std::string>{"x", "y"});
    CHECK(svc.calls() == 2);
    CHECK_FALSE(p.resume_token().has_value());

    page unflagged;
    unflagged.items = {"z"};
    unflagged.next_token = "a";
    scripted svc2;
    svc2.on("", unflagged);
    auto q = make<scripted, flagged_tokens>(svc2);
    CHECK(all_items(q) == std::vector<std::string>{"z"});
    CHECK(svc2.calls() == 1);
}

TEST_CASE("a page is fetched only when iteration reaches it") {
    listing svc(9);
    auto p = make(svc);
    CHECK(svc.calls() == 0);
    auto it = p.items().begin();
    CHECK(svc.calls() == 1);
    for (int i = 0; i < 2; ++i) {
        ++it;
    }
    CHECK(*it == "item-2");
    CHECK(svc.calls() == 1);
    ++it;
    CHECK(svc.calls() == 2);
}

TEST_CASE("a page larger than the requested limit is trimmed correctly by MaxItems") {
    scripted svc;
    svc.on("", numbered(10), std::string("n"));
    auto p = make(svc, {4, 2, std::nullopt});
    CHECK(all_items(p) == numbered(4));
    CHECK(p.resume_token() == token_for(std::nullopt, 4));
    auto q = make(svc, {4, 2, p.resume_token()});
    CHECK(all_items(q) == numbered(4, 4));
    CHECK(q.resume_token() == token_for(std::nullopt, 8));
}

TEST_CASE("build_full_result holds every item, the first page's other fields and the resume token") {
    listing svc(10);
    auto p = make(svc, {5, std::nullopt, std::nullopt});
    page full = p.build_full_result();
    CHECK(full.items == numbered(5));
    CHECK(full.label == "page-at-0");
    CHECK(full.next_token == token_for("tok-3", 2));

    listing svc2(4);
    auto q = make(svc2);
    page all = q.build_full_result();
    CHECK(all.items == numbered(4));
    CHECK_FALSE(all.next_token.has_value());
}

TEST_CASE("chains of resumed runs yield the listing exactly once, whatever MaxItems and PageSize") {
    for (int size : {0, 1, 5, 17}) {
        for (std::size_t max_items : {1u, 2u, 3u, 4u, 7u, 50u}) {
            for (std::optional<std::size_t> page_size : {std::optional<std::size_t>{}, std::optional<std::size_t>{1},
                                                         std::optional<std::size_t>{4}}) {
                listing svc(size);
                INFO("size " << size << " max_items " << max_items << " page_size " << page_size.value_or(0));
                CHECK(run_chain(svc, max_items, page_size) == numbered(size));
            }
        }
    }
}
