#ifndef PAGINATION_TESTS_SUPPORT_TEST_SERVICE_HPP
#define PAGINATION_TESTS_SUPPORT_TEST_SERVICE_HPP

// Small in-memory services that the tests paginate: a listing served in pages by offset tokens,
// and a scripted service whose pages are given token by token.

#include <pagination/pagination.hpp>

#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace test_service {

struct request {
    std::optional<std::string> fleet_id;
    std::optional<std::string> next_token;
    std::optional<int> limit;
};

struct page {
    std::vector<std::string> items;
    std::optional<std::string> next_token;
    std::vector<std::string> secondary;  // a secondary result list
    std::string label;                   // a non-aggregated field
    std::optional<bool> more;            // a more-results flag (used by flagged_tokens)
};

inline constexpr pagination::token_field next_token_field{"NextToken"};

using tokens = pagination::member_token_policy<&request::next_token, &page::next_token, next_token_field>;
using limit = pagination::member_limit_policy<&page::items, &request::limit>;
using no_limit = pagination::member_limit_policy<&page::items>;

/// The same, with a secondary list emptied on a resumed run's first page.
struct limit_with_secondary : limit {
    static void clear_secondary_results(page& p) { p.secondary.clear(); }
};

/// The same, with a more-results flag.
struct flagged_tokens : tokens {
    static bool more_results(const page& p) { return p.more.value_or(false); }
};

inline std::vector<std::string> numbered(int count, int from = 0) {
    std::vector<std::string> out;
    for (int i = from; i < from + count; ++i) {
        out.push_back("item-" + std::to_string(i));
    }
    return out;
}

/// A listing of `size` items, served `limit` (or `default_page`) at a time; the token is
/// "tok-<offset>". Records every request it serves.
struct listing {
    struct service_state {  // what every copy of the service sees
        int size = 0;
        int default_page = 3;
        std::vector<request> log;
        int fail_at_call = -1;  // the call (0-based) that fails, -1 for none
    };
    std::shared_ptr<service_state> state = std::make_shared<service_state>();

    listing(int size, int default_page = 3) {
        state->size = size;
        state->default_page = default_page;
    }

    int calls() const { return static_cast<int>(state->log.size()); }
    const request& call(int i) const { return state->log.at(static_cast<std::size_t>(i)); }

    page serve(const request& r) const {
        const int call_index = calls();
        state->log.push_back(r);
        if (call_index == state->fail_at_call) {
#if PAGINATION_EXCEPTIONS
            throw std::runtime_error("ThrottlingException: slow down");
#else
            std::abort();
#endif
        }
        const int start = r.next_token ? std::stoi(r.next_token->substr(4)) : 0;
        const int size = r.limit.value_or(state->default_page);
        page p;
        p.label = "page-at-" + std::to_string(start);
        p.secondary = {"s-" + std::to_string(start)};
        const int end = std::min(state->size, start + size);
        p.items = numbered(end - start, start);
        if (end < state->size) {
            p.next_token = "tok-" + std::to_string(end);
        }
        return p;
    }

    page operator()(const request& r) const { return serve(r); }
};

/// Pages given by the token they answer ("" for the first request).
struct scripted {
    struct service_state {  // what every copy of the service sees
        std::map<std::string, page> pages;
        std::vector<request> log;
    };
    std::shared_ptr<service_state> state = std::make_shared<service_state>();

    scripted& on(const std::string& token, std::vector<std::string> items, std::optional<std::string> next) {
        page p;
        p.items = std::move(items);
        p.next_token = std::move(next);
        state->pages[token] = std::move(p);
        return *this;
    }
    scripted& on(const std::string& token, page p) {
        state->pages[token] = std::move(p);
        return *this;
    }
    int calls() const { return static_cast<int>(state->log.size()); }

    page operator()(const request& r) const {
        state->log.push_back(r);
        auto found = state->pages.find(r.next_token.value_or(""));
        if (found == state->pages.end()) {
#if PAGINATION_EXCEPTIONS
            throw std::logic_error("scripted service: no page for token '" + r.next_token.value_or("") + "'");
#else
            std::abort();
#endif
        }
        return found->second;
    }
};

template <class Fetcher, class Tokens = tokens, class Limit = limit>
pagination::paginator<Fetcher, Tokens, Limit> make(Fetcher f, pagination::pagination_config config = {},
                                                  pagination::paginator_options options = {}) {
    return pagination::paginator<Fetcher, Tokens, Limit>(std::move(f), request{}, std::move(config), options);
}

/// The resume token for a single NextToken and an optional truncate amount.
inline std::string token_for(std::optional<std::string> next, std::optional<std::size_t> amount = std::nullopt) {
    pagination::token_map map{{"NextToken", pagination::token_value(next)}};
    return pagination::encode_resume_token(map, amount);
}

template <class Paginator>
std::vector<std::string> all_items(Paginator& p) {
    std::vector<std::string> out;
    for (auto& item : p.items()) {
        out.push_back(item);
    }
    return out;
}

/// Runs a chain of resumed runs to the end; returns every item yielded, in order.
template <class Fetcher>
std::vector<std::string> run_chain(const Fetcher& f, std::optional<std::size_t> max_items,
                                   std::optional<std::size_t> page_size, int max_runs = 1000) {
    std::vector<std::string> out;
    std::optional<std::string> token;
    for (int run = 0; run < max_runs; ++run) {
        auto p = make(f, {max_items, page_size, token});
        for (auto& item : p.items()) {
            out.push_back(item);
        }
        token = p.resume_token();
        if (!token) {
            break;
        }
    }
    return out;
}

} // namespace test_service

#endif
