#ifndef PAGINATION_TESTS_SUPPORT_ASYNC_SERVICE_HPP
#define PAGINATION_TESTS_SUPPORT_ASYNC_SERVICE_HPP

// Async shapes of the test listing: completions the test fires when it chooses, a fake timer and
// a fake clock, so that async runs are deterministic and nothing waits for real.

#include "test_service.hpp"

#include <pagination/async.hpp>
#include <pagination/expected.hpp>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace test_service {

struct service_failure {
    std::string code;
    bool retryable() const { return code == "ThrottlingException"; }
};

/// What a fallible fetcher of the test listing returns.
using page_or_failure = pagination::expected<page, service_failure>;

/// A callback fetcher over a listing whose completions wait in a queue until the test runs them.
/// `failures` lists the calls (0-based) that fail with ThrottlingException.
struct deferred_listing {
    struct service_state {  // what every copy of the service sees
        listing inner;
        std::deque<std::function<void()>> pending;
        std::vector<int> failures;
        int calls = 0;
        explicit service_state(int size) : inner(size) {}
    };
    std::shared_ptr<service_state> state;

    explicit deferred_listing(int size) : state(std::make_shared<service_state>(size)) {}

    template <class Done>
    void operator()(const request& r, Done done) const {
        const int call = state->calls++;
        bool fail = false;
        for (int f : state->failures) {
            fail = fail || f == call;
        }
        auto inner = state->inner;
        state->pending.push_back([inner, r, done, fail]() mutable {
            if (fail) {
                done(page_or_failure(service_failure{"ThrottlingException"}));
            } else {
                done(page_or_failure(inner(r)));
            }
        });
    }

    std::size_t in_flight() const { return state->pending.size(); }

    /// Completes the oldest fetch; false when none is in flight.
    bool complete_one() const {
        if (state->pending.empty()) {
            return false;
        }
        auto next = std::move(state->pending.front());
        state->pending.pop_front();
        next();
        return true;
    }
};

/// A callback fetcher that completes at once, on the calling thread.
struct inline_listing {
    listing inner;
    template <class Done>
    void operator()(const request& r, Done done) const {
        done(inner(r));
    }
};

/// A timer that runs its callbacks when the test advances it.
struct fake_timer {
    struct service_state {  // what every copy of the service sees
        std::chrono::milliseconds now{0};
        std::vector<std::pair<std::chrono::milliseconds, std::function<void()>>> waiting;
        std::vector<std::chrono::milliseconds> delays;
    };
    std::shared_ptr<service_state> state = std::make_shared<service_state>();

    std::function<void(std::chrono::milliseconds, std::function<void()>)> schedule() const {
        auto s = state;
        return [s](std::chrono::milliseconds delay, std::function<void()> f) {
            s->delays.push_back(delay);
            s->waiting.emplace_back(s->now + delay, std::move(f));
        };
    }

    void advance(std::chrono::milliseconds by) const {
        state->now += by;
        auto due = std::move(state->waiting);
        state->waiting.clear();
        for (auto& w : due) {
            if (w.first <= state->now) {
                w.second();
            } else {
                state->waiting.push_back(std::move(w));
            }
        }
    }
};

} // namespace test_service

#endif
