// pagination::expected<T, E>: the one value-or-error type of the library and what it promises.

#include <pagination/detail/fetch_result.hpp>
#include <pagination/expected.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace {

struct failure {
    std::string code;
};

using text_or_failure = pagination::expected<std::string, failure>;

struct point {
    int x;
    int y;
    point(int x_, int y_) : x(x_), y(y_) {}
};

} // namespace

// A value or an error converts implicitly, as a function returns either.
static_assert(std::is_convertible_v<std::string, text_or_failure>);
static_assert(std::is_convertible_v<failure, text_or_failure>);
static_assert(!std::is_convertible_v<int, text_or_failure>);
static_assert(std::is_constructible_v<bool, text_or_failure> && !std::is_convertible_v<text_or_failure, bool>,
              "operator bool is explicit");
static_assert(std::is_nothrow_move_constructible_v<text_or_failure>);
static_assert(std::is_same_v<decltype(std::declval<text_or_failure>().value()), std::string&&>);
static_assert(std::is_same_v<decltype(std::declval<text_or_failure>().error()), failure&&>);
static_assert(std::is_same_v<decltype(*std::declval<const text_or_failure&>()), const std::string&>);
// When the value and the error are the same type, a bare value is the value; the error needs the tag.
static_assert(std::is_convertible_v<std::string, pagination::expected<std::string, std::string>>);
static_assert(std::is_constructible_v<pagination::expected<std::string, std::string>, pagination::unexpect_t, std::string>);
// A move-only value is fine.
static_assert(std::is_constructible_v<pagination::expected<std::unique_ptr<int>, failure>, std::unique_ptr<int>>);
// The paginator and with_retry read it as an expected-like fetch result.
static_assert(pagination::detail::fetch_result_traits<pagination::expected<point, failure>, point>::is_expected);
static_assert(pagination::detail::fetch_result_traits<pagination::expected<point, failure>>::is_expected);
static_assert(pagination::detail::fetch_result_traits<point>::is_page);

TEST_CASE("expected holds the value it was made from, and the value can be changed or moved out") {
    text_or_failure r = std::string("abc");
    REQUIRE(r.has_value());
    CHECK(static_cast<bool>(r));
    CHECK(r.value() == "abc");
    CHECK(*r == "abc");
    CHECK(r->size() == 3);
    r.value() += "d";
    (*r) += "e";
    CHECK(std::as_const(r).value() == "abcde");
    const std::string moved = std::move(r).value();
    CHECK(moved == "abcde");
}

TEST_CASE("expected holds the error it was made from, and the error can be changed or moved out") {
    text_or_failure r = failure{"ThrottlingException"};
    REQUIRE_FALSE(r.has_value());
    CHECK_FALSE(static_cast<bool>(r));
    CHECK(r.error().code == "ThrottlingException");
    r.error().code += "!";
    CHECK(std::as_const(r).error().code == "ThrottlingException!");
    const failure moved = std::move(r).error();
    CHECK(moved.code == "ThrottlingException!");
}

TEST_CASE("expected of one type for both sides tells them apart by the unexpect tag") {
    using same = pagination::expected<std::string, std::string>;
    const same value = std::string("page");
    REQUIRE(value.has_value());
    CHECK(value.value() == "page");
    const same error(pagination::unexpect, "denied");
    REQUIRE_FALSE(error.has_value());
    CHECK(error.error() == "denied");
}

TEST_CASE("expected builds its value or its error in place from several arguments") {
    const pagination::expected<point, failure> value(std::in_place, 3, 4);
    REQUIRE(value.has_value());
    CHECK(value->x == 3);
    CHECK(value->y == 4);
    const pagination::expected<point, std::string> error(pagination::unexpect, 3, 'x');
    REQUIRE_FALSE(error.has_value());
    CHECK(error.error() == "xxx");
}

TEST_CASE("expected copies and assigns either side") {
    text_or_failure a = std::string("first");
    text_or_failure b = failure{"boom"};
    text_or_failure c = a;
    CHECK(c.value() == "first");
    c = b;
    REQUIRE_FALSE(c.has_value());
    CHECK(c.error().code == "boom");
    c = std::string("again");
    CHECK(c.value() == "again");
}
