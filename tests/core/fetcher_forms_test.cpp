// What a fetcher may return or throw, and how each failure reaches the caller.

#include "support/test_service.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>

using namespace test_service;

namespace {

struct service_error {
    std::string code;
    std::string message;
};

/// A minimal expected-like result: has_value()/value()/error().
template <class T, class E>
class expected_like {
public:
    expected_like(T v) : value_(std::move(v)) {}
    expected_like(E e) : error_(std::move(e)) {}
    bool has_value() const { return value_.has_value(); }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const E& error() const { return *error_; }

private:
    std::optional<T> value_;
    std::optional<E> error_;
};

/// The shape of the AWS SDK for C++'s Outcome and AWSError.
struct aws_error {
    std::string GetExceptionName() const { return "ThrottlingException"; }
    std::string GetMessage() const { return "Rate exceeded"; }
};
template <class R, class E>
class aws_outcome {
public:
    aws_outcome(R r) : result_(std::move(r)), success_(true) {}
    aws_outcome(E e) : error_(std::move(e)), success_(false) {}
    bool IsSuccess() const { return success_; }
    const R& GetResult() const { return result_; }
    R& GetResult() { return result_; }
    R&& GetResultWithOwnership() { return std::move(result_); }
    const E& GetError() const { return error_; }

private:
    R result_{};
    E error_{};
    bool success_;
};

struct not_a_std_exception {
    int code;
};

} // namespace

TEST_CASE("a fetcher may return an expected-like value; its error is carried by the fetch error") {
    listing svc(6);
    int calls = 0;
    auto fetch = [&](const request& r) -> expected_like<page, service_error> {
        if (calls++ == 1) {
            return service_error{"InternalServiceException", "boom"};
        }
        return svc(r);
    };
    auto p = make(fetch);
    std::vector<std::string> got;
    try {
        for (auto& item : p.items()) {
            got.push_back(item);
        }
        FAIL("expected a fetch_error");
    } catch (const pagination::fetch_error& e) {
        const service_error* original = e.error().fetcher_error<service_error>();
        REQUIRE(original != nullptr);
        CHECK(original->code == "InternalServiceException");
        CHECK(e.error().fetcher_error<int>() == nullptr);
        CHECK(std::string(e.what()) == "fetch failed: InternalServiceException: boom");
    }
    CHECK(got == numbered(3));
    CHECK(p.resume_token() == token_for("tok-3"));
}

TEST_CASE("a fetcher may return an AWS SDK-shaped Outcome") {
    listing svc(5);
    auto ok = [&](const request& r) -> aws_outcome<page, aws_error> { return svc(r); };
    auto p = make(ok);
    CHECK(all_items(p) == numbered(5));

    auto failing = [](const request&) -> aws_outcome<page, aws_error> { return aws_error{}; };
    auto q = make(failing);
    try {
        (void)all_items(q);
        FAIL("expected a fetch_error");
    } catch (const pagination::fetch_error& e) {
        CHECK(std::string(e.what()) == "fetch failed: ThrottlingException: Rate exceeded");
        CHECK(e.error().fetcher_error<aws_error>() != nullptr);
    }
}

TEST_CASE("a fetcher that throws is reported as a fetch_error carrying its exception") {
    auto fetch = [](const request&) -> page { throw std::runtime_error("connection reset"); };
    auto p = make(fetch);
    try {
        (void)all_items(p);
        FAIL("expected a fetch_error");
    } catch (const pagination::pagination_error& e) {
        CHECK(e.code() == pagination::errc::fetch_failed);
        CHECK(std::string(e.what()) == "fetch failed: connection reset");
        REQUIRE(e.error().fetcher_exception() != nullptr);
        CHECK_THROWS_AS(std::rethrow_exception(e.error().fetcher_exception()), std::runtime_error);
    }
}

TEST_CASE("a fetcher that throws something that is not a std::exception is still a fetch_error") {
    auto fetch = [](const request&) -> page { throw not_a_std_exception{42}; };
    auto p = make(fetch);
    try {
        (void)all_items(p);
        FAIL("expected a fetch_error");
    } catch (const pagination::fetch_error& e) {
        CHECK(std::string(e.what()).find("not a std::exception") != std::string::npos);
        try {
            std::rethrow_exception(e.error().fetcher_exception());
        } catch (const not_a_std_exception& original) {
            CHECK(original.code == 42);
        }
    }
    CHECK(p.resume_token() == token_for(std::nullopt));
}

TEST_CASE("every exception of the library derives from pagination_error and std::exception") {
    STATIC_REQUIRE(std::is_base_of<pagination::pagination_error, pagination::fetch_error>::value);
    STATIC_REQUIRE(std::is_base_of<pagination::pagination_error, pagination::starting_token_error>::value);
    STATIC_REQUIRE(std::is_base_of<pagination::pagination_error, pagination::repeated_token_error>::value);
    STATIC_REQUIRE(std::is_base_of<pagination::pagination_error, pagination::invalid_request_error>::value);
    STATIC_REQUIRE(std::is_base_of<std::exception, pagination::pagination_error>::value);
    STATIC_REQUIRE(std::is_nothrow_copy_constructible<pagination::fetch_error>::value);
}
