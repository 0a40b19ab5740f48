// Services that misbehave (docs/semantics.md sections 2, 5 and 6): the same token twice under each
// policy, longer cycles, runs of empty pages, pages larger than asked for, a more-results flag
// that contradicts the token, fetchers that throw anything or always, and huge pages. In every
// case the run ends (or goes on, by policy) as the contract says, and resuming from
// resume_token() loses nothing and repeats nothing.
// (tests/core/repeated_token_test.cpp and tests/core/run_rules_test.cpp have the first example of
// each.)

#include "support/test_service.hpp"

#include <pagination/aws/gamelift.hpp>
#include <pagination/local/demo_fleet.hpp>
#include <pagination/local/fault.hpp>
#include <pagination/local/fleet_service.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace test_service;
using pagination::repeated_token_action;

namespace {

pagination::paginator_options policy(repeated_token_action action, bool detect_cycles = false) {
    pagination::paginator_options o;
    o.on_repeated_token = action;
    o.detect_token_cycles = detect_cycles;
    return o;
}

/// Runs a chain of runs over `f` to the end, each from the last one's resume token, and returns
/// every item yielded; a run that fails is resumed like any other.
template <class Fetcher, class Tokens = tokens>
std::vector<std::string> chain_through_failures(const Fetcher& f, pagination::pagination_config config,
                                                pagination::paginator_options options = {}, int max_runs = 50) {
    std::vector<std::string> out;
    for (int run = 0; run < max_runs; ++run) {
        auto p = make<Fetcher, Tokens>(f, config, options);
        try {
            for (auto& item : p.items()) {
                out.push_back(item);
            }
        } catch (const pagination::pagination_error&) {
        }
        config.starting_token = p.resume_token();
        if (!config.starting_token) {
            return out;
        }
    }
    FAIL("the chain did not end");
    return out;
}

/// A listing served from a script, where the page for one token lies once: it carries `lie`
/// instead of its real next token, then the script is honest again.
struct lying_once {
    scripted honest;
    std::string at;
    std::optional<std::string> lie;
    std::shared_ptr<bool> lied = std::make_shared<bool>(false);
    page operator()(const request& r) const {
        page p = honest(r);
        if (!*lied && r.next_token.value_or("") == at) {
            *lied = true;
            p.next_token = lie;
        }
        return p;
    }
};

/// a, b, c, d, e in pages of two tokens "A", "B" (an honest service).
scripted five_items() {
    scripted svc;
    svc.on("", {"a", "b"}, std::string("A")).on("A", {"c", "d"}, std::string("B")).on("B", {"e"}, std::nullopt);
    return svc;
}

const std::vector<std::string> abcde{"a", "b", "c", "d", "e"};

} // namespace

// ---------------------------------------------------------------------------------------------
// The same token twice.
// ---------------------------------------------------------------------------------------------

TEST_CASE("the same token twice: the error keeps the position, and resuming from it loses nothing") {
    lying_once svc{five_items(), "A", std::string("A")};
    auto p = make(svc);
    std::vector<std::string> got;
    try {
        for (auto& pg : p.pages()) {
            got.insert(got.end(), pg.items.begin(), pg.items.end());
        }
        FAIL("expected a repeated_token_error");
    } catch (const pagination::repeated_token_error& e) {
        CHECK(e.code() == pagination::errc::repeated_token);
    }
    CHECK(got == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(p.resume_token() == token_for("A", 2));
    auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()});
    auto tail = all_items(rest);
    got.insert(got.end(), tail.begin(), tail.end());
    CHECK(got == abcde);
}

TEST_CASE("the same token twice under the stop policy ends quietly, and resuming from it loses nothing") {
    lying_once svc{five_items(), "A", std::string("A")};
    auto p = make(svc, {}, policy(repeated_token_action::stop));
    auto got = all_items(p);
    CHECK(p.error() == nullptr);
    CHECK(got == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(svc.honest.calls() == 2);
    auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()}, policy(repeated_token_action::stop));
    auto tail = all_items(rest);
    got.insert(got.end(), tail.begin(), tail.end());
    CHECK(got == abcde);
}

TEST_CASE("the same token twice under the proceed policy sends it again, and the run goes on when the service does") {
    // A log being tailed: the same token while nothing is new, then new items.
    scripted svc;
    int polls = 0;
    auto tail = [&](const request& r) {
        ++polls;
        if (r.next_token == std::string("T") && polls < 5) {
            return page{{}, std::string("T"), {}, "", std::nullopt};
        }
        return svc(r);
    };
    svc.on("", {"a"}, std::string("T")).on("T", {"b", "c"}, std::nullopt);
    auto p = make(tail, {}, policy(repeated_token_action::proceed));
    CHECK(all_items(p) == std::vector<std::string>{"a", "b", "c"});
    CHECK(polls == 5);
    CHECK(p.error() == nullptr);
    CHECK_FALSE(p.resume_token().has_value());
}

TEST_CASE("the proceed policy is bounded by the consumer too: a break resumes at the repeated token") {
    auto forever = [](const request& r) {
        return r.next_token ? page{{"x"}, std::string("T"), {}, "", std::nullopt}
                            : page{{"first"}, std::string("T"), {}, "", std::nullopt};
    };
    auto p = make(forever, {}, policy(repeated_token_action::proceed));
    int seen = 0;
    for (auto& item : p.items()) {
        (void)item;
        if (++seen == 100) {
            break;
        }
    }
    CHECK(seen == 100);
    // After the whole of a page that repeated the token: that token, past its one item.
    CHECK(p.resume_token() == token_for("T", 1));
}

TEST_CASE("the same token twice on empty pages is an error, not an endless loop") {
    scripted svc;
    svc.on("", {}, std::string("T")).on("T", {}, std::string("T"));
    auto p = make(svc);
    CHECK_THROWS_AS(all_items(p), pagination::repeated_token_error);
    CHECK(svc.calls() == 2);
    CHECK(p.resume_token() == token_for("T"));

    auto q = make(svc, {}, policy(repeated_token_action::stop));
    CHECK(all_items(q).empty());
    CHECK(q.error() == nullptr);
    CHECK(svc.calls() == 4);
}

TEST_CASE("the same token twice under a more-results flag that says true is still the same token twice") {
    page first;
    first.items = {"a"};
    first.next_token = "T";
    first.more = true;
    page again = first;
    again.items = {"b"};
    scripted svc;
    svc.on("", first).on("T", again);
    auto p = make<scripted, flagged_tokens>(svc);
    CHECK_THROWS_AS(all_items(p), pagination::repeated_token_error);
    CHECK(p.error()->code() == pagination::errc::repeated_token);
}

TEST_CASE("MaxItems reached on a page that repeats the token ends the run before the repeat is judged") {
    // docs/semantics.md 2, step 3.4: MaxItems is checked before the previous token.
    lying_once svc{five_items(), "A", std::string("A")};
    auto p = make(svc, {4, std::nullopt, std::nullopt});
    CHECK(all_items(p) == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(p.error() == nullptr);
    CHECK(p.resume_token() == token_for("A"));
}

namespace {
// An API with two input tokens (S3 ListObjectVersions' KeyMarker and VersionIdMarker).
struct versions_request {
    std::optional<std::string> key_marker;
    std::optional<std::string> version_marker;
};
struct versions_page {
    std::vector<std::string> items;
    std::optional<std::string> next_key_marker;
    std::optional<std::string> next_version_marker;
};
struct versions_tokens : pagination::token_policy_base<versions_tokens> {
    using request_type = versions_request;
    using page_type = versions_page;
    static constexpr std::array<pagination::token_field, 2> input_tokens{{{"KeyMarker"}, {"VersionIdMarker"}}};
    static pagination::token_value read_token(const page_type& p, std::size_t i) {
        return pagination::token_value(i == 0 ? p.next_key_marker : p.next_version_marker);
    }
    static void write_token(request_type& r, std::size_t i, const pagination::token_value& v) {
        pagination::assign_token(i == 0 ? r.key_marker : r.version_marker, v);
    }
};
using versions_limit = pagination::member_limit_policy<&versions_page::items>;
} // namespace

TEST_CASE("with several input tokens, the same token twice means all of them the same") {
    std::vector<versions_request> sent;
    auto svc = [&](const versions_request& r) {
        sent.push_back(r);
        const std::string key = r.key_marker.value_or("-") + "/" + r.version_marker.value_or("-");
        if (key == "-/-") return versions_page{{"a"}, std::string("k1"), std::string("v1")};
        if (key == "k1/v1") return versions_page{{"b"}, std::string("k1"), std::string("v2")};  // one differs
        if (key == "k1/v2") return versions_page{{"c"}, std::string("k1"), std::string("v2")};  // both the same
        throw std::logic_error("unexpected request " + key);
    };
    pagination::paginator<decltype(svc), versions_tokens, versions_limit> p(svc, {});
    std::vector<std::string> got;
    try {
        for (auto& item : p.items()) {
            got.push_back(item);
        }
        FAIL("expected a repeated_token_error");
    } catch (const pagination::repeated_token_error& e) {
        CHECK(e.code() == pagination::errc::repeated_token);
    }
    CHECK(got == std::vector<std::string>{"a", "b", "c"});
    CHECK(sent.size() == 3);
}

TEST_CASE("the local fleet's repeated-token fault under the stop and proceed policies") {
    namespace gl = pagination::aws::gamelift;
    gl::local_fleet_service fleet;
    const auto demo = gl::seed_demo_fleet(fleet, {7, 40, {"us-east-1"}}).value();
    gl::describe_game_sessions_request request;
    request.fleet_id = demo.fleet_id;
    auto fetch = [&](const gl::describe_game_sessions_request& r) { return fleet.describe_game_sessions(r); };

    // stop: the run ends quietly after the repeating page, and the next run resumes exactly.
    std::vector<std::string> ids;
    fleet.set_fault_hook([](const gl::describe_game_sessions_request&, std::uint64_t call) -> std::optional<gl::fault> {
        return call == 2 ? std::optional<gl::fault>(gl::fault::repeated_token()) : std::nullopt;
    });
    auto stopped = gl::describe_game_sessions(fetch, request, {std::nullopt, 10, std::nullopt},
                                              policy(repeated_token_action::stop));
    for (const auto& s : stopped.items()) {
        ids.push_back(*s.game_session_id);
    }
    CHECK(ids.size() == 20);
    CHECK(stopped.error() == nullptr);
    REQUIRE(stopped.resume_token().has_value());
    auto rest = gl::describe_game_sessions(fetch, request, {std::nullopt, 10, stopped.resume_token()});
    for (const auto& s : rest.items()) {
        ids.push_back(*s.game_session_id);
    }
    CHECK(ids.size() == 40);
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 40);

    // proceed: the repeated token is sent again; the second page is served twice.
    gl::local_fleet_service fleet2;
    const auto demo2 = gl::seed_demo_fleet(fleet2, {7, 40, {"us-east-1"}}).value();
    request.fleet_id = demo2.fleet_id;
    fleet2.set_fault_hook([](const gl::describe_game_sessions_request&, std::uint64_t call) -> std::optional<gl::fault> {
        return call == 2 ? std::optional<gl::fault>(gl::fault::repeated_token()) : std::nullopt;
    });
    auto proceeding = gl::describe_game_sessions(
        [&](const gl::describe_game_sessions_request& r) { return fleet2.describe_game_sessions(r); }, request,
        {std::nullopt, 10, std::nullopt}, policy(repeated_token_action::proceed));
    std::size_t count = 0;
    for (const auto& s : proceeding.items()) {
        (void)s;
        ++count;
    }
    CHECK(count == 50);
    CHECK(fleet2.requests_served() == 5);
}

// ---------------------------------------------------------------------------------------------
// Longer cycles (opt-in).
// ---------------------------------------------------------------------------------------------

TEST_CASE("cycle detection catches A, B, C, A and a cycle through empty pages") {
    scripted longer;
    longer.on("", {"x"}, std::string("A"))
        .on("A", {"y"}, std::string("B"))
        .on("B", {}, std::string("C"))
        .on("C", {"z"}, std::string("A"));
    auto p = make(longer, {}, policy(repeated_token_action::error, true));
    std::vector<std::string> got;
    try {
        for (auto& item : p.items()) {
            got.push_back(item);
        }
        FAIL("expected a repeated_token_error");
    } catch (const pagination::repeated_token_error& e) {
        CHECK(e.code() == pagination::errc::token_cycle);
    }
    CHECK(got == std::vector<std::string>{"x", "y", "z"});
    CHECK(longer.calls() == 4);
    CHECK(p.resume_token() == token_for("C", 1));
}

TEST_CASE("a cycle ends the run at the page that closes it, and resuming from there loses nothing") {
    lying_once svc{five_items(), "B", std::string("A")};
    svc.honest.on("B", {"e"}, std::string("C")).on("C", {"f"}, std::nullopt);
    auto p = make(svc, {}, policy(repeated_token_action::error, true));
    std::vector<std::string> got;
    CHECK_THROWS_AS(
        [&] {
            for (auto& item : p.items()) {
                got.push_back(item);
            }
        }(),
        pagination::repeated_token_error);
    CHECK(p.error()->code() == pagination::errc::token_cycle);
    auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()}, policy(repeated_token_action::error, true));
    auto tail = all_items(rest);
    got.insert(got.end(), tail.begin(), tail.end());
    CHECK(got == std::vector<std::string>{"a", "b", "c", "d", "e", "f"});
}

TEST_CASE("cycle detection with the proceed policy allows the same token twice but not a cycle") {
    int calls = 0;
    auto svc = [&](const request& r) {
        ++calls;
        const std::string t = r.next_token.value_or("");
        if (t.empty()) return page{{"a"}, std::string("A"), {}, "", std::nullopt};
        if (t == "A" && calls < 4) return page{{}, std::string("A"), {}, "", std::nullopt};  // nothing new yet
        if (t == "A") return page{{"b"}, std::string("B"), {}, "", std::nullopt};
        return page{{"c"}, std::string("A"), {}, "", std::nullopt};  // B -> A: a cycle
    };
    auto p = make(svc, {}, policy(repeated_token_action::proceed, true));
    std::vector<std::string> got;
    try {
        for (auto& item : p.items()) {
            got.push_back(item);
        }
        FAIL("expected a repeated_token_error");
    } catch (const pagination::repeated_token_error& e) {
        CHECK(e.code() == pagination::errc::token_cycle);
    }
    CHECK(got == std::vector<std::string>{"a", "b", "c"});
    CHECK(calls == 5);
}

TEST_CASE("cycle detection never fires on an honest listing of many pages") {
    listing svc(2000, 1);
    auto p = make(svc, {}, policy(repeated_token_action::error, true));
    CHECK(all_items(p) == numbered(2000));
    CHECK(p.error() == nullptr);
}

// ---------------------------------------------------------------------------------------------
// Empty pages that carry a token.
// ---------------------------------------------------------------------------------------------

namespace {
/// `empties` empty pages in a row, each with a new token, before each of the listing's pages.
struct sparse_listing {
    int size;
    int empties;
    std::shared_ptr<int> calls = std::make_shared<int>(0);
    page operator()(const request& r) const {
        ++*calls;
        int offset = 0;
        int empty = 0;
        if (r.next_token) {
            const auto dot = r.next_token->find('.');
            offset = std::stoi(r.next_token->substr(0, dot));
            empty = std::stoi(r.next_token->substr(dot + 1));
        }
        page p;
        if (empty < empties) {
            p.next_token = std::to_string(offset) + "." + std::to_string(empty + 1);
            return p;
        }
        const int end = std::min(size, offset + r.limit.value_or(3));
        p.items = numbered(end - offset, offset);
        if (end < size) {
            p.next_token = std::to_string(end) + ".0";
        }
        return p;
    }
};
} // namespace

TEST_CASE("many empty pages in a row are followed, by items() and by pages()") {
    sparse_listing svc{10, 300};
    auto p = make(svc);
    CHECK(all_items(p) == numbered(10));
    CHECK(*svc.calls == 4 * 301);

    sparse_listing svc2{4, 50};
    auto q = make(svc2);
    std::size_t pages = 0;
    std::size_t empty = 0;
    for (auto& pg : q.pages()) {
        ++pages;
        if (pg.items.empty()) {
            ++empty;
        }
    }
    CHECK(pages == 2 * 51);
    CHECK(empty == 2 * 50);
}

TEST_CASE("chains of runs over empty pages lose nothing, whatever MaxItems, and a break on an empty page resumes after it") {
    for (std::size_t max_items : {0u, 1u, 2u, 5u}) {
        sparse_listing svc{7, 3};
        std::vector<std::string> got;
        std::optional<std::string> token;
        for (int run = 0; run < 100; ++run) {
            auto p = make(svc, {max_items == 0 ? std::nullopt : std::optional<std::size_t>(max_items), 2, token});
            auto items = all_items(p);
            got.insert(got.end(), items.begin(), items.end());
            token = p.resume_token();
            if (!token) {
                break;
            }
        }
        INFO("MaxItems " << max_items);
        CHECK(got == numbered(7));
    }

    sparse_listing svc{5, 4};
    auto p = make(svc);
    int pages = 0;
    for (auto& pg : p.pages()) {
        CHECK(pg.items.empty());
        if (++pages == 3) {
            break;
        }
    }
    CHECK(p.resume_token() == token_for("0.3"));
    auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()});
    CHECK(all_items(rest) == numbered(5));
}

TEST_CASE("MaxItems 0 over an empty first page with a token resumes at that token") {
    sparse_listing svc{3, 1};
    auto p = make(svc, {0, std::nullopt, std::nullopt});
    CHECK(all_items(p).empty());
    CHECK(p.resume_token() == token_for("0.1"));
    auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()});
    CHECK(all_items(rest) == numbered(3));
}

// ---------------------------------------------------------------------------------------------
// Pages larger than the requested limit.
// ---------------------------------------------------------------------------------------------

namespace {
/// Ignores the limit: pages of `page` items whatever was asked for.
scripted oversized(int size, int page) {
    scripted svc;
    for (int offset = 0; offset < size; offset += page) {
        const int end = std::min(size, offset + page);
        svc.on(offset == 0 ? "" : "o" + std::to_string(offset), numbered(end - offset, offset),
               end < size ? std::optional<std::string>("o" + std::to_string(end)) : std::nullopt);
    }
    return svc;
}
} // namespace

TEST_CASE("pages larger than PageSize are trimmed by MaxItems across pages and resumed runs") {
    auto svc = oversized(25, 10);
    // MaxItems 4 with PageSize 3: every page is cut, the truncate amount grows inside a page.
    auto first = make(svc, {4, 3, std::nullopt});
    CHECK(all_items(first) == numbered(4));
    CHECK(first.resume_token() == token_for(std::nullopt, 4));
    auto second = make(svc, {4, 3, first.resume_token()});
    CHECK(all_items(second) == numbered(4, 4));
    CHECK(second.resume_token() == token_for(std::nullopt, 8));
    auto third = make(svc, {4, 3, second.resume_token()});
    CHECK(all_items(third) == numbered(4, 8));  // 2 from the first page, 2 from the next
    CHECK(third.resume_token() == token_for("o10", 2));

    for (std::size_t max_items : {1u, 3u, 7u, 9u, 10u, 11u, 30u}) {
        INFO("MaxItems " << max_items);
        CHECK(run_chain(svc, max_items, 3) == numbered(25));
    }
}

TEST_CASE("a page larger than PageSize is trimmed by MaxItems in build_full_result too") {
    auto svc = oversized(25, 10);
    auto p = make(svc, {13, 2, std::nullopt});
    page full = p.build_full_result();
    CHECK(full.items == numbered(13));
    CHECK(full.next_token == token_for("o10", 3));
}

// ---------------------------------------------------------------------------------------------
// A more-results flag that contradicts the token.
// ---------------------------------------------------------------------------------------------

namespace {
page flagged(std::vector<std::string> items, std::optional<std::string> next, std::optional<bool> more) {
    page p;
    p.items = std::move(items);
    p.next_token = std::move(next);
    p.more = more;
    return p;
}
} // namespace

TEST_CASE("a more-results flag that says false ends the run on the first page, with MaxItems reached, or cut") {
    scripted svc;
    svc.on("", flagged({"a", "b", "c"}, std::string("T"), false)).on("T", flagged({"d"}, std::nullopt, false));

    auto first = make<scripted, flagged_tokens>(svc);
    CHECK(all_items(first) == std::vector<std::string>{"a", "b", "c"});
    CHECK(svc.calls() == 1);
    CHECK_FALSE(first.resume_token().has_value());

    // MaxItems reached exactly on the last page: the listing is complete, no resume token.
    auto exact = make<scripted, flagged_tokens>(svc, {3, std::nullopt, std::nullopt});
    CHECK(all_items(exact).size() == 3);
    CHECK_FALSE(exact.resume_token().has_value());

    // Cut by MaxItems: the resume token points into the page; the resumed run ends on the flag.
    auto cut = make<scripted, flagged_tokens>(svc, {2, std::nullopt, std::nullopt});
    CHECK(all_items(cut) == std::vector<std::string>{"a", "b"});
    CHECK(cut.resume_token() == token_for(std::nullopt, 2));
    auto rest = make<scripted, flagged_tokens>(svc, {std::nullopt, std::nullopt, cut.resume_token()});
    CHECK(all_items(rest) == std::vector<std::string>{"c"});
    CHECK_FALSE(rest.resume_token().has_value());
    CHECK(svc.calls() == 4);
}

TEST_CASE("a more-results flag that says true with no token ends the listing") {
    scripted svc;
    svc.on("", flagged({"a"}, std::nullopt, true));
    auto p = make<scripted, flagged_tokens>(svc);
    CHECK(all_items(p) == std::vector<std::string>{"a"});
    CHECK_FALSE(p.resume_token().has_value());
    CHECK(svc.calls() == 1);
}

// ---------------------------------------------------------------------------------------------
// Fetchers that throw.
// ---------------------------------------------------------------------------------------------

namespace {
struct not_a_std_exception {
    int code;
};

/// A listing whose `fail_at`th call (0-based) throws `thrown`.
template <class Thrown>
struct throwing_once {
    listing inner;
    int fail_at;
    Thrown thrown;
    std::shared_ptr<int> calls = std::make_shared<int>(0);
    page operator()(const request& r) const {
        if ((*calls)++ == fail_at) {
            throw thrown;
        }
        return inner(r);
    }
};
} // namespace

TEST_CASE("a fetcher that throws something that is not a std::exception mid-run keeps the position") {
    for (int fail_at = 0; fail_at < 4; ++fail_at) {
        INFO("fail at call " << fail_at);
        throwing_once<not_a_std_exception> svc{listing(10), fail_at, {7}};
        auto p = make(svc);
        std::vector<std::string> got;
        try {
            for (auto& pg : p.pages()) {
                got.insert(got.end(), pg.items.begin(), pg.items.end());
            }
            FAIL("expected a fetch_error");
        } catch (const pagination::fetch_error& e) {
            CHECK_THAT(e.what(), Catch::Contains("not a std::exception"));
            try {
                std::rethrow_exception(e.error().fetcher_exception());
            } catch (const not_a_std_exception& original) {
                CHECK(original.code == 7);
            }
        }
        auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()});
        auto tail = all_items(rest);
        got.insert(got.end(), tail.begin(), tail.end());
        CHECK(got == numbered(10));
    }
}

TEST_CASE("a fetcher may throw an int, a string literal or a pointer: each is a fetch_error") {
    throwing_once<int> an_int{listing(5), 1, 42};
    CHECK(chain_through_failures(an_int, {}) == numbered(5));
    throwing_once<const char*> a_literal{listing(5), 0, "boom"};
    CHECK(chain_through_failures(a_literal, {}) == numbered(5));
    throwing_once<std::nullptr_t> a_null{listing(5), 1, nullptr};
    auto p = make(a_null);
    CHECK_THROWS_AS(all_items(p), pagination::fetch_error);
}

TEST_CASE("a fetcher that throws on every call: every run fails at once, and the position never moves") {
    int calls = 0;
    auto always = [&](const request&) -> page {
        ++calls;
        throw std::runtime_error("ServiceUnavailable");
    };
    const std::string start = token_for("tok-3", 2);
    std::optional<std::string> token = start;
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto p = make(always, {4, 2, token});
        CHECK_THROWS_AS(p.items().begin(), pagination::fetch_error);
        // Asking again reports the same failure without calling the fetcher again.
        CHECK_THROWS_AS(p.items().begin(), pagination::fetch_error);
        CHECK_THROWS_AS(p.pages().begin(), pagination::fetch_error);
        CHECK_THROWS_AS(p.build_full_result(), pagination::fetch_error);
        CHECK(p.items_yielded() == 0);
        token = p.resume_token();
        CHECK(token == start);
    }
    CHECK(calls == 5);

    // From the start of the listing, too.
    auto q = make(always);
    CHECK_THROWS_AS(all_items(q), pagination::fetch_error);
    CHECK(q.resume_token() == token_for(std::nullopt));
}

TEST_CASE("a fetcher that returns an error value on every call fails each run without moving") {
    struct failure {
        std::string code;
    };
    struct result {
        std::optional<page> p;
        failure f;
        bool has_value() const { return p.has_value(); }
        page&& value() && { return std::move(*p); }
        const failure& error() const { return f; }
    };
    auto always = [](const request&) { return result{std::nullopt, {"InternalServiceException"}}; };
    auto p = make(always, {std::nullopt, std::nullopt, token_for("tok-6")});
    try {
        (void)all_items(p);
        FAIL("expected a fetch_error");
    } catch (const pagination::fetch_error& e) {
        REQUIRE(e.error().fetcher_error<failure>() != nullptr);
        CHECK(e.error().fetcher_error<failure>()->code == "InternalServiceException");
    }
    CHECK(p.resume_token() == token_for("tok-6"));
}

TEST_CASE("failures at random calls, resumed each time, lose nothing and repeat nothing") {
    for (int seed = 1; seed <= 20; ++seed) {
        auto calls = std::make_shared<int>(0);
        listing inner(23, 4);
        auto flaky = [calls, inner, seed](const request& r) -> page {
            const int n = (*calls)++;
            if ((n * 7 + seed) % 3 == 0) {
                throw std::runtime_error("ThrottlingException");
            }
            return inner(r);
        };
        INFO("seed " << seed);
        CHECK(chain_through_failures(flaky, {static_cast<std::size_t>(seed % 5 + 1), 4, std::nullopt}, {}, 200) ==
              numbered(23));
    }
}

// ---------------------------------------------------------------------------------------------
// Huge pages.
// ---------------------------------------------------------------------------------------------

namespace {
struct int_request {
    std::optional<std::string> next_token;
};
struct int_page {
    std::vector<int> items;
    std::optional<std::string> next_token;
};
inline constexpr pagination::token_field int_next{"NextToken"};
using int_tokens = pagination::member_token_policy<&int_request::next_token, &int_page::next_token, int_next>;
using int_limit = pagination::member_limit_policy<&int_page::items>;

/// One page of `size` items, then a page with the item `size`.
struct huge_page_service {
    int size;
    std::shared_ptr<int> calls = std::make_shared<int>(0);
    int_page operator()(const int_request& r) const {
        ++*calls;
        int_page p;
        if (!r.next_token) {
            p.items.resize(static_cast<std::size_t>(size));
            for (int i = 0; i < size; ++i) {
                p.items[static_cast<std::size_t>(i)] = i;
            }
            p.next_token = "rest";
        } else {
            p.items = {size};
        }
        return p;
    }
};

template <class Fetcher>
pagination::paginator<Fetcher, int_tokens, int_limit> make_int(Fetcher f, pagination::pagination_config config = {},
                                                               pagination::paginator_options options = {}) {
    return pagination::paginator<Fetcher, int_tokens, int_limit>(std::move(f), int_request{}, std::move(config), options);
}
} // namespace

TEST_CASE("a huge page is yielded whole, trimmed by MaxItems, and resumed inside") {
    const int size = 300000;
    huge_page_service svc{size};
    auto whole = make_int(svc);
    long long sum = 0;
    int count = 0;
    for (int item : whole.items()) {
        sum += item;
        ++count;
    }
    CHECK(count == size + 1);
    CHECK(sum == static_cast<long long>(size) * (size + 1) / 2);

    auto cut = make_int(svc, {5, std::nullopt, std::nullopt});
    std::vector<int> first;
    for (int item : cut.items()) {
        first.push_back(item);
    }
    CHECK(first == std::vector<int>{0, 1, 2, 3, 4});
    const std::string resume = *cut.resume_token();
    auto rest = make_int(svc, {std::nullopt, std::nullopt, resume});
    int expected = 5;
    bool in_order = true;
    for (int item : rest.items()) {
        in_order = in_order && item == expected++;
    }
    CHECK(in_order);
    CHECK(expected == size + 1);

    // An early stop deep inside the huge page resumes there.
    auto deep = make_int(svc);
    int seen = 0;
    for (int item : deep.items()) {
        (void)item;
        if (++seen == 250000) {
            break;
        }
    }
    auto after = make_int(svc, {std::nullopt, std::nullopt, deep.resume_token()});
    CHECK(*after.items().begin() == 250000);
}

TEST_CASE("a resume token inside a page larger than max_truncate_amount resumes with the bound raised") {
    // The truncate amount counts items into one page; a service with pages beyond the bound
    // needs token_limits::max_truncate_amount raised to resume inside them (docs/reliability.md).
    const int size = 1000010;
    huge_page_service svc{size};
    auto deep = make_int(svc);
    int seen = 0;
    for (int item : deep.items()) {
        (void)item;
        if (++seen == 1000005) {
            break;
        }
    }
    pagination::paginator_options roomy;
    roomy.limits.max_truncate_amount = 2000000;
    auto after = make_int(svc, {std::nullopt, std::nullopt, deep.resume_token()}, roomy);
    std::vector<int> rest;
    for (int item : after.items()) {
        rest.push_back(item);
    }
    CHECK(rest == std::vector<int>{1000005, 1000006, 1000007, 1000008, 1000009, 1000010});
}
