// The state machine on its own: no fetcher, the test plays the network.

#include "support/test_service.hpp"

#include <catch2/catch.hpp>

using namespace test_service;
using state = pagination::run_state<tokens, limit>;
using pagination::run_status;

TEST_CASE("the run state says which request to send and what to do with the page that came back") {
    state run(request{}, {4, 2, std::nullopt});
    REQUIRE(run.status() == run_status::send_request);
    CHECK(run.request().limit == 2);
    CHECK_FALSE(run.request().next_token.has_value());

    page first;
    first.items = {"a", "b"};
    first.next_token = "t1";
    run.on_page(first);
    REQUIRE(run.status() == run_status::page_ready);
    CHECK(run.page_item_count() == 2);
    run.on_page_done();
    REQUIRE(run.status() == run_status::send_request);
    CHECK(run.request().next_token == "t1");

    page second;
    second.items = {"c", "d", "e"};  // more than the limit asked for
    second.next_token = "t2";
    run.on_page(second);
    CHECK(second.items == std::vector<std::string>{"c", "d"});
    run.on_page_done();
    CHECK(run.status() == run_status::finished);
    CHECK(run.resume_token() == token_for("t1", 2));
    CHECK(run.error() == nullptr);
}

TEST_CASE("the run state reports a failed fetch with the position of the failed request") {
    state run(request{}, {});
    page first;
    first.items = {"a"};
    first.next_token = "t1";
    run.on_page(first);
    run.on_page_done();
    run.on_fetch_failed(pagination::error(pagination::errc::fetch_failed, "timeout"));
    CHECK(run.status() == run_status::failed);
    REQUIRE(run.error() != nullptr);
    CHECK(run.error()->message() == "timeout");
    CHECK(run.resume_token() == token_for("t1"));
}

TEST_CASE("the run state fails before the first request when the starting token is rejected") {
    state run(request{}, {std::nullopt, std::nullopt, std::string("x___y___z")});
    CHECK(run.status() == run_status::failed);
    CHECK(run.error()->code() == pagination::errc::invalid_starting_token);
}
