// The paginator allocates nothing per page and nothing per item (docs/performance.md, row 2):
// counted with a replaced global operator new while pre-built pages are walked. The counts are
// deterministic, so they are asserted here; how fast a walk is never is.

#include "../support/allocation_counter.hpp"

#include <pagination/pagination.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace allocation_counter = pagination_tests::allocation_counter;

namespace {

struct alloc_request {
    std::optional<std::string> next_token;
    std::optional<int> limit;
};
struct alloc_page {
    std::vector<int> items;
    std::optional<std::string> next_token;
};
inline constexpr pagination::token_field alloc_next{"NextToken"};
using alloc_tokens = pagination::member_token_policy<&alloc_request::next_token, &alloc_page::next_token, alloc_next>;
using alloc_limit = pagination::member_limit_policy<&alloc_page::items, &alloc_request::limit>;

/// The same policy with the default read_token_into: read_token returns a new value every page.
struct copying_tokens : pagination::token_policy_base<copying_tokens> {
    using request_type = alloc_request;
    using page_type = alloc_page;
    static constexpr std::array<pagination::token_field, 1> input_tokens{{alloc_next}};
    static pagination::token_value read_token(const alloc_page& page, std::size_t) {
        return pagination::token_value(page.next_token);
    }
    static void write_token(alloc_request& request, std::size_t, const pagination::token_value& value) {
        pagination::assign_token(request.next_token, value);
    }
};

/// `pages` pages of 10 ints, built up front; tokens are longer than any small-string buffer.
/// At most 999,999 pages.
std::vector<alloc_page> build(std::size_t pages) {
    std::vector<alloc_page> out(pages);
    for (std::size_t i = 0; i < pages; ++i) {
        out[i].items.assign(10, static_cast<int>(i));
        if (i + 1 < pages) {
            // All of one length: a longer token than the buffers hold costs a (one-time) allocation.
            const std::string number = std::to_string(i + 1);
            out[i].next_token = "a-token-longer-than-fifteen-characters-" + std::string(6 - number.size(), '0') + number;
        }
    }
    return out;
}

/// Hands out the pre-built pages by moving them (the fetcher allocates nothing).
struct store_fetcher {
    std::vector<alloc_page>* store;
    std::size_t* next;
    alloc_page operator()(const alloc_request&) const { return std::move((*store)[(*next)++]); }
};

enum class walk { items, pages };

/// Allocations made during one complete walk of `pages` pages.
template <class Tokens>
std::size_t allocations_of(std::size_t pages, walk how) {
    std::vector<alloc_page> store = build(pages);
    std::size_t next = 0;
    std::size_t seen = 0;
    long sum = 0;
    allocation_counter::start();
    {
        auto run = pagination::paginate<Tokens, alloc_limit>(store_fetcher{&store, &next}, alloc_request{});
        if (how == walk::items) {
            for (int item : run.items()) {
                sum += item;
                ++seen;
            }
        } else {
            for (auto& page : run.pages()) {
                for (int item : page.items) {
                    sum += item;
                    ++seen;
                }
            }
        }
    }
    const std::size_t allocations = allocation_counter::stop();
    REQUIRE(seen == pages * 10);
    REQUIRE(next == pages);
    CHECK(sum > 0);
    return allocations;
}

} // namespace

TEST_CASE("a walk allocates the same whether it has 10 pages or 1,000: nothing per page or item") {
    for (walk how : {walk::items, walk::pages}) {
        const std::size_t small = allocations_of<alloc_tokens>(10, how);
        const std::size_t large = allocations_of<alloc_tokens>(1000, how);
        CHECK(large == small);
        CHECK(small <= 8);  // the run's own setup: the token maps and the request
    }
}

TEST_CASE("a token policy without read_token_into costs one allocation per page, no more") {
    const std::size_t small = allocations_of<copying_tokens>(10, walk::items);
    const std::size_t large = allocations_of<copying_tokens>(1000, walk::items);
    CHECK(large - small == 990);
}
