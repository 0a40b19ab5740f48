// The ranges compose with range-v3 and, under C++20, are standard input ranges.

#include "support/test_service.hpp"

#include <catch2/catch.hpp>
#include <range/v3/range/concepts.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/take.hpp>
#include <range/v3/view/transform.hpp>

#if PAGINATION_HAS_STD_RANGES
#include <ranges>
#endif

using namespace test_service;
using paginator_type = pagination::paginator<listing, tokens, limit>;

static_assert(ranges::input_range<paginator_type::item_range&>, "items() is a range-v3 input range");
static_assert(ranges::input_range<paginator_type::page_range&>, "pages() is a range-v3 input range");
static_assert(ranges::viewable_range<paginator_type::item_range&>, "items() pipes into range-v3 views");
static_assert(std::is_same<std::iterator_traits<paginator_type::item_iterator>::iterator_category,
                           std::input_iterator_tag>::value,
              "items() iterators are input iterators");
static_assert(std::is_nothrow_move_constructible<pagination::token_value>::value, "token values move without throwing");

#if PAGINATION_HAS_STD_RANGES
static_assert(std::ranges::input_range<decltype(std::declval<paginator_type&>().items())>);
static_assert(std::ranges::input_range<decltype(std::declval<paginator_type&>().pages())>);
static_assert(std::input_iterator<paginator_type::item_iterator>);
static_assert(std::sentinel_for<pagination::end_sentinel, paginator_type::item_iterator>);
#endif
#if PAGINATION_HAS_CONCEPTS
static_assert(pagination::token_policy<tokens>);
static_assert(pagination::limit_policy<limit, tokens>);
#endif

TEST_CASE("items() composes with range-v3 filter and take, and stops fetching when take is done") {
    listing svc(30);
    paginator_type p(svc, request{});
    auto odd = p.items() | ranges::views::filter([](const std::string& s) { return (s.back() - '0') % 2 == 1; }) |
               ranges::views::take(3) | ranges::to<std::vector<std::string>>();
    CHECK(odd == std::vector<std::string>{"item-1", "item-3", "item-5"});
    // take(3) increments past item-5, so filter looks at item-6 and item-7 before take stops:
    // both were handed to the pipeline, and the resume token is after them.
    CHECK(svc.calls() == 3);
    auto rest = make(svc, {std::nullopt, std::nullopt, p.resume_token()});
    CHECK(all_items(rest) == numbered(22, 8));
}

TEST_CASE("pages() composes with range-v3 transform") {
    listing svc(7);
    paginator_type p(svc, request{});
    auto sizes = p.pages() | ranges::views::transform([](const page& pg) { return pg.items.size(); }) |
                 ranges::to<std::vector<std::size_t>>();
    CHECK(sizes == std::vector<std::size_t>{3, 3, 1});
}

#if PAGINATION_HAS_STD_RANGES
TEST_CASE("items() composes with std::views filter and take") {
    listing svc(30);
    paginator_type p(svc, request{});
    std::vector<std::string> got;
    for (const auto& s : p.items() | std::views::filter([](const std::string& x) { return x.size() == 7; }) |
                             std::views::take(4)) {
        got.push_back(s);
    }
    CHECK(got == std::vector<std::string>{"item-10", "item-11", "item-12", "item-13"});
}
#endif
