// docs/semantics.md section 5: the same token twice, and longer cycles.

#include "support/test_service.hpp"

#include <catch2/catch.hpp>

using namespace test_service;
using pagination::repeated_token_action;

namespace {
scripted repeating() {
    scripted svc;
    svc.on("", {"a"}, std::string("T")).on("T", {"b"}, std::string("T"));
    return svc;
}
pagination::paginator_options with(repeated_token_action action) {
    pagination::paginator_options o;
    o.on_repeated_token = action;
    return o;
}
} // namespace

TEST_CASE("the same token on two consecutive pages is an error by default, after both pages are yielded") {
    auto svc = repeating();
    auto p = make(svc);
    std::vector<std::string> got;
    try {
        for (auto& item : p.items()) {
            got.push_back(item);
        }
        FAIL("expected a repeated_token_error");
    } catch (const pagination::repeated_token_error& e) {
        CHECK(e.code() == pagination::errc::repeated_token);
        CHECK_THAT(e.what(), Catch::Contains("same token twice"));
    }
    CHECK(got == std::vector<std::string>{"a", "b"});
    CHECK(svc.calls() == 2);
    CHECK(p.resume_token() == token_for("T", 1));
}

TEST_CASE("the stop policy ends the run quietly at a repeated token") {
    auto svc = repeating();
    auto p = make(svc, {}, with(repeated_token_action::stop));
    CHECK(all_items(p) == std::vector<std::string>{"a", "b"});
    CHECK(p.error() == nullptr);
    CHECK(p.resume_token() == token_for("T", 1));
}

TEST_CASE("the stop policy at an empty end-of-stream page resumes from the repeated token") {
    scripted svc;
    svc.on("", {"a"}, std::string("T")).on("T", {}, std::string("T"));
    auto p = make(svc, {}, with(repeated_token_action::stop));
    CHECK(all_items(p) == std::vector<std::string>{"a"});
    CHECK(p.resume_token() == token_for("T"));
}

TEST_CASE("the proceed policy sends the same token again, bounded by MaxItems") {
    auto svc = repeating();
    auto p = make(svc, {4, std::nullopt, std::nullopt}, with(repeated_token_action::proceed));
    CHECK(all_items(p) == std::vector<std::string>{"a", "b", "b", "b"});
    CHECK(svc.calls() == 4);
}

namespace {
struct stopping_tokens : tokens {
    static constexpr repeated_token_action on_repeated_token = repeated_token_action::stop;
};
} // namespace

TEST_CASE("a TokenPolicy can choose the repeated-token action") {
    auto svc = repeating();
    auto p = make<scripted, stopping_tokens>(svc);
    CHECK(all_items(p) == std::vector<std::string>{"a", "b"});
    CHECK(p.error() == nullptr);
}

TEST_CASE("the starting token does not count as the previous token") {
    // The first page returns the starting token itself: allowed, as only the tokens of two
    // consecutive pages are compared.
    scripted again;
    again.on("T", {"b"}, std::string("T"));
    auto p = make(again, {std::nullopt, std::nullopt, std::string("T")});
    auto it = p.items().begin();
    CHECK(*it == "b");
    ++it;
    CHECK(*it == "b");
    CHECK(again.calls() == 2);
    // The second page repeats the first page's token: that is the error.
    CHECK_THROWS_AS(++it, pagination::repeated_token_error);
    CHECK(again.calls() == 2);
}

TEST_CASE("a cycle A, B, A is followed unless cycle detection is on") {
    scripted svc;
    svc.on("", {"x"}, std::string("A")).on("A", {"y"}, std::string("B")).on("B", {"z"}, std::string("A"));
    auto p = make(svc, {7, std::nullopt, std::nullopt});
    CHECK(all_items(p).size() == 7);

    pagination::paginator_options detect;
    detect.detect_token_cycles = true;
    auto q = make(svc, {}, detect);
    std::vector<std::string> got;
    try {
        for (auto& item : q.items()) {
            got.push_back(item);
        }
        FAIL("expected a repeated_token_error");
    } catch (const pagination::repeated_token_error& e) {
        CHECK(e.code() == pagination::errc::token_cycle);
    }
    CHECK(got == std::vector<std::string>{"x", "y", "z"});
}

TEST_CASE("cycle detection counts the starting token") {
    scripted svc;
    svc.on("A", {"y"}, std::string("B")).on("B", {"z"}, std::string("A"));
    pagination::paginator_options detect;
    detect.detect_token_cycles = true;
    auto p = make(svc, {std::nullopt, std::nullopt, std::string("A")}, detect);
    CHECK_THROWS_AS(all_items(p), pagination::repeated_token_error);
    CHECK(p.error()->code() == pagination::errc::token_cycle);
}

TEST_CASE("cycle detection remembers every token of a long listing") {
    // 3,000 distinct tokens (the seen-token set grows many times), then a page that points back
    // to token 1,234: the cycle is found on that page, and not one page earlier.
    constexpr int pages = 3000;
    scripted svc;
    svc.on("", {"item0"}, std::string("t1"));
    for (int i = 1; i < pages; ++i) {
        svc.on("t" + std::to_string(i), {"item" + std::to_string(i)}, std::string("t" + std::to_string(i + 1)));
    }
    svc.on("t" + std::to_string(pages), {"last"}, std::string("t1234"));

    pagination::paginator_options detect;
    detect.detect_token_cycles = true;
    auto p = make(svc, {}, detect);
    std::vector<std::string> got;
    CHECK_THROWS_AS(
        [&] {
            for (auto& item : p.items()) {
                got.push_back(item);
            }
        }(),
        pagination::repeated_token_error);
    REQUIRE(p.error() != nullptr);
    CHECK(p.error()->code() == pagination::errc::token_cycle);
    REQUIRE(got.size() == static_cast<std::size_t>(pages) + 1);
    CHECK(got.front() == "item0");
    CHECK(got[1234] == "item1234");
    CHECK(got.back() == "last");

    // Without the page that points back, the same listing runs to its end with detection on.
    scripted straight;
    straight.on("", {"item0"}, std::string("t1"));
    for (int i = 1; i < pages; ++i) {
        straight.on("t" + std::to_string(i), {"item" + std::to_string(i)},
                    i + 1 < pages ? std::optional<std::string>("t" + std::to_string(i + 1)) : std::nullopt);
    }
    auto q = make(straight, {}, detect);
    CHECK(all_items(q).size() == static_cast<std::size_t>(pages));
    CHECK(q.error() == nullptr);
}
