// Where resume_token() points when the consumer stops early or a fetch fails: at the first item
// not yet handed out, so that a new run from it yields exactly the rest.

#include "support/test_service.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace test_service;

TEST_CASE("breaking out of items() resumes at the first item not handed out") {
    for (int stop_after = 1; stop_after <= 10; ++stop_after) {
        listing svc(10);
        auto p = make(svc);
        std::vector<std::string> first;
        for (auto& item : p.items()) {
            first.push_back(item);
            if (static_cast<int>(first.size()) == stop_after) {
                break;
            }
        }
        INFO("stopped after " << stop_after);
        // After the last item the listing is complete: no resume token.
        CHECK(p.resume_token().has_value() == (stop_after < 10));
        if (p.resume_token()) {
            auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()});
            auto second = all_items(rest);
            first.insert(first.end(), second.begin(), second.end());
        }
        CHECK(first == numbered(10));
    }
}

TEST_CASE("an early stop inside a page resumes from that page's token and the handed count") {
    listing svc(10);
    auto p = make(svc);
    int seen = 0;
    for (auto& item : p.items()) {
        (void)item;
        if (++seen == 5) {
            break;
        }
    }
    CHECK(p.resume_token() == token_for("tok-3", 2));
}

TEST_CASE("an early stop after a page's last item resumes from the page's token") {
    listing svc(10);
    auto p = make(svc);
    int seen = 0;
    for (auto& item : p.items()) {
        (void)item;
        if (++seen == 3) {
            break;
        }
    }
    CHECK(p.resume_token() == token_for("tok-3"));
    CHECK(svc.calls() == 1);
}

TEST_CASE("breaking out of pages() resumes after the last page handed out") {
    listing svc(10);
    auto p = make(svc);
    int pages = 0;
    for (auto& pg : p.pages()) {
        (void)pg;
        if (++pages == 2) {
            break;
        }
    }
    CHECK(p.resume_token() == token_for("tok-6"));
    auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()});
    CHECK(all_items(rest) == numbered(4, 6));
}

TEST_CASE("an early stop in a resumed run keeps the starting skip in the position") {
    listing svc(10);
    auto p = make(svc, {std::nullopt, std::nullopt, token_for("tok-3", 1)});
    auto it = p.items().begin();
    CHECK(*it == "item-4");
    CHECK(p.resume_token() == token_for("tok-3", 2));
}

TEST_CASE("iterating again after a break continues where the first loop stopped") {
    listing svc(7);
    auto p = make(svc);
    std::vector<std::string> got;
    for (auto& item : p.items()) {
        got.push_back(item);
        if (got.size() == 2) {
            break;
        }
    }
    for (auto& item : p.items()) {
        got.push_back(item);
    }
    CHECK(got == numbered(7));
}

TEST_CASE("a failed fetch keeps the position: resuming yields exactly the rest") {
    for (int fail_at = 0; fail_at < 4; ++fail_at) {
        listing svc(10);
        svc.state->fail_at_call = fail_at;
        auto p = make(svc);
        std::vector<std::string> got;
        try {
            for (auto& item : p.items()) {
                got.push_back(item);
            }
            FAIL("expected a fetch_error");
        } catch (const pagination::fetch_error& e) {
            CHECK(e.code() == pagination::errc::fetch_failed);
            CHECK(std::string(e.what()).find("ThrottlingException") != std::string::npos);
        }
        INFO("failed at call " << fail_at);
        REQUIRE(p.resume_token().has_value());
        svc.state->fail_at_call = -1;
        auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()});
        auto second = all_items(rest);
        got.insert(got.end(), second.begin(), second.end());
        CHECK(got == numbered(10));
    }
}

TEST_CASE("a failed fetch in build_full_result leaves the resume token where the run began") {
    listing svc(10);
    svc.state->fail_at_call = 2;
    auto p = make(svc, {std::nullopt, std::nullopt, token_for("tok-3")});
    CHECK_THROWS_AS(p.build_full_result(), pagination::fetch_error);
    CHECK(p.resume_token() == token_for("tok-3"));
}

TEST_CASE("resume_token() before iteration is where the run begins") {
    listing svc(4);
    auto p = make(svc, {std::nullopt, std::nullopt, token_for("tok-2", 1)});
    CHECK(p.resume_token() == token_for("tok-2", 1));
    CHECK(svc.calls() == 0);
}

TEST_CASE("an item counts as handed once dereferenced, and every item passed counts") {
    listing svc(10);
    auto p = make(svc);
    auto it = p.items().begin();
    ++it;  // item-0 passed without being looked at
    CHECK(p.resume_token() == token_for(std::nullopt, 1));
    (void)*it;  // item-1 handed
    CHECK(p.resume_token() == token_for(std::nullopt, 2));
}

TEST_CASE("build_full_result after the run is over is a default page carrying the resume token") {
    listing svc(4);
    auto ended = make(svc);
    CHECK(all_items(ended) == numbered(4));
    const page after_end = ended.build_full_result();
    CHECK(after_end.items.empty());
    CHECK_FALSE(after_end.next_token.has_value());

    listing cut_svc(10);
    auto cut = make(cut_svc, {5, std::nullopt, std::nullopt});
    CHECK(all_items(cut).size() == 5);
    const page after_cut = cut.build_full_result();
    CHECK(after_cut.items.empty());
    CHECK(after_cut.next_token == cut.resume_token());
    CHECK(after_cut.next_token == token_for("tok-3", 2));
}
