// Properties of the contract on random inputs, each from a fixed seed (a failure names its seed):
//   * against a reference model of one run (docs/semantics.md section 2, written here independently
//     of the library): random listings, page layouts, PageSize and MaxItems; every run of a chain
//     yields the model's items and the model's resume token, and the chain yields the listing;
//   * with fetch failures at random pages and consumers that stop at random points (a break out
//     of items() or pages(), a second loop, build_full_result), each run resumed from
//     resume_token(): nothing lost, nothing twice, each run's items continue the listing where the last one stopped;
//   * against the local GameLift fleet, with sessions created and terminated while it is listed
//     (and throttling at random calls): none listed twice, none that existed throughout missed.

#include "support/test_service.hpp"

#include <pagination/aws/gamelift.hpp>
#include <pagination/local/fault.hpp>
#include <pagination/local/fleet_service.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace test_service;

namespace {

/// A small deterministic generator (splitmix64), so that every case is reproducible from its seed.
struct random_source {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// A number in [0, n), n > 0.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(std::size_t percent) { return below(100) < percent; }
    std::optional<std::size_t> maybe(std::size_t percent_absent, std::size_t bound) {
        return chance(percent_absent) ? std::nullopt : std::optional<std::size_t>(below(bound));
    }
};

/// A listing of `size` items in pages of random lengths (a table indexed by position), including
/// empty pages that carry a token (at most four in a row) and pages longer than the limit unless
/// the service caps them. Tokens are "p<offset>.<empty pages before it>". Calls listed in
/// `failing_calls` throw, each once.
struct random_service {
    struct service_state {  // what every copy of the service sees
        std::size_t size = 0;
        std::vector<std::size_t> lengths;
        bool caps_at_limit = false;
        std::set<std::size_t> failing_calls;
        std::size_t calls = 0;
    };
    std::shared_ptr<service_state> state = std::make_shared<service_state>();

    random_service(random_source& rng, std::size_t max_size) {
        state->size = rng.below(max_size + 1);
        const std::size_t table = rng.below(12) + 1;
        for (std::size_t i = 0; i < table; ++i) {
            state->lengths.push_back(rng.chance(8) ? 20 + rng.below(30) : rng.below(7));
        }
        state->caps_at_limit = rng.chance(50);
    }

    /// The page for a request, without faults (what the model reads).
    page serve(const request& r) const {
        std::size_t offset = 0;
        std::size_t empties = 0;
        if (r.next_token) {
            const auto dot = r.next_token->find('.');
            REQUIRE((r.next_token->size() > 1 && (*r.next_token)[0] == 'p' && dot != std::string::npos));
            offset = std::stoul(r.next_token->substr(1, dot - 1));
            empties = std::stoul(r.next_token->substr(dot + 1));
        }
        std::size_t length = state->lengths[(offset * 5 + empties) % state->lengths.size()];
        if (state->caps_at_limit && r.limit) {
            length = std::min(length, static_cast<std::size_t>(*r.limit));
        }
        if (empties >= 4) {
            length = std::max<std::size_t>(length, 1);
        }
        const std::size_t end = std::min(state->size, offset + length);
        page p;
        p.items = numbered(static_cast<int>(end - offset), static_cast<int>(offset));
        if (end < state->size) {
            p.next_token = "p" + std::to_string(end) + "." + std::to_string(end == offset ? empties + 1 : 0);
        }
        return p;
    }

    page operator()(const request& r) const {
        const std::size_t call = state->calls++;
        if (state->failing_calls.count(call) != 0) {
            throw std::runtime_error("ThrottlingException: Rate exceeded");
        }
        return serve(r);
    }
};

/// A position in the listing, as the model keeps it: the token to send and the items to skip.
struct position {
    std::optional<std::string> token;
    std::optional<std::size_t> amount;
};

std::string encode(const position& at) { return token_for(at.token, at.amount); }

struct model_run {
    std::vector<std::string> items;
    std::optional<position> resume;
};

/// One run of the contract, step by step as docs/semantics.md section 2 says, over an honest service.
model_run run_model(const random_service& svc, const std::optional<position>& start,
                    std::optional<std::size_t> page_size, std::optional<std::size_t> max_items) {
    model_run out;
    std::optional<std::string> current = start ? start->token : std::nullopt;
    const std::size_t skip = start && start->amount ? *start->amount : 0;
    std::size_t total = 0;
    for (std::size_t page_number = 0; page_number < 100000; ++page_number) {
        request r;
        r.next_token = current;
        if (page_size) {
            r.limit = static_cast<int>(*page_size);
        }
        const page p = svc.serve(r);
        std::vector<std::string> items = p.items;
        const std::size_t dropped = page_number == 0 && start ? std::min(skip, items.size()) : 0;
        items.erase(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(dropped));
        const std::size_t page_skip = page_number == 0 && start ? skip : 0;
        if (max_items && total + items.size() > *max_items) {
            const std::size_t kept = *max_items - total;
            out.items.insert(out.items.end(), items.begin(), items.begin() + static_cast<std::ptrdiff_t>(kept));
            out.resume = position{current, kept + page_skip};
            return out;
        }
        out.items.insert(out.items.end(), items.begin(), items.end());
        total += items.size();
        std::optional<std::string> next = p.next_token;
        if (!next || next->empty()) {
            return out;
        }
        if (max_items && total == *max_items) {
            out.resume = position{next, std::nullopt};
            return out;
        }
        current = next;
    }
    FAIL("the model did not end");
    return out;
}

/// How a consumer reads one run, and where it stops.
enum class consumer { all_items, break_items, break_pages, items_twice, pages_then_items, full_result, count };

/// Reads the run as the consumer does, into `got` (also when the run fails on the way).
template <class Paginator>
void consume(Paginator& p, consumer how, std::size_t stop_at, std::vector<std::string>& got) {
    switch (how) {
    case consumer::all_items:
        for (auto& item : p.items()) {
            got.push_back(item);
        }
        break;
    case consumer::break_items:
    case consumer::items_twice:
        if (stop_at > 0) {
            for (auto& item : p.items()) {
                got.push_back(item);
                if (got.size() == stop_at) {
                    break;
                }
            }
        }
        if (how == consumer::items_twice) {
            for (auto& item : p.items()) {
                got.push_back(item);
            }
        }
        break;
    case consumer::break_pages:
    case consumer::pages_then_items: {
        std::size_t pages = 0;
        for (auto& pg : p.pages()) {
            got.insert(got.end(), pg.items.begin(), pg.items.end());
            if (++pages >= stop_at) {
                break;
            }
        }
        if (how == consumer::pages_then_items) {
            for (auto& item : p.items()) {
                got.push_back(item);
            }
        }
        break;
    }
    case consumer::full_result:
    case consumer::count: got = p.build_full_result().items; break;
    }
}

/// True when `part` is what `whole` holds from `from` on.
bool continues(const std::vector<std::string>& whole, std::size_t from, const std::vector<std::string>& part) {
    return from <= whole.size() && part.size() <= whole.size() - from &&
           std::equal(part.begin(), part.end(), whole.begin() + static_cast<std::ptrdiff_t>(from));
}

} // namespace

TEST_CASE("property: every run of a chain matches the reference model, and the chain yields the listing") {
    for (std::uint64_t seed = 1; seed <= 600; ++seed) {
        INFO("seed " << seed);
        random_source rng{seed};
        random_service svc(rng, 60);
        const std::optional<std::size_t> page_size =
            rng.chance(30) ? std::nullopt : std::optional<std::size_t>(rng.below(10) + 1);
        std::vector<std::string> chain;
        std::optional<position> model_at;
        std::optional<std::string> token;
        bool ended = false;
        for (int run = 0; run < 400 && !ended; ++run) {
            // MaxItems 0 makes no progress: allowed, but rarely, so that chains end.
            std::optional<std::size_t> max_items = rng.maybe(25, 16);
            if (max_items == std::size_t{0} && !rng.chance(20)) {
                max_items = 1;
            }
            const model_run expected = run_model(svc, model_at, page_size, max_items);
            auto p = make(svc, {max_items, page_size, token});
            const auto got = all_items(p);
            INFO("run " << run << " MaxItems " << (max_items ? std::to_string(*max_items) : "-"));
            REQUIRE(got == expected.items);
            REQUIRE(p.resume_token() == (expected.resume ? std::optional<std::string>(encode(*expected.resume)) : std::nullopt));
            REQUIRE(p.error() == nullptr);
            if (max_items) {
                REQUIRE(got.size() <= *max_items);
            }
            chain.insert(chain.end(), got.begin(), got.end());
            model_at = expected.resume;
            token = p.resume_token();
            ended = !token;
        }
        REQUIRE(ended);
        REQUIRE(chain == numbered(static_cast<int>(svc.state->size)));
    }
}

TEST_CASE("property: with fetch failures and early stops, resumed runs lose nothing and repeat nothing") {
    for (std::uint64_t seed = 1; seed <= 600; ++seed) {
        INFO("seed " << seed);
        random_source rng{seed * 7919};
        random_service svc(rng, 50);
        const std::vector<std::string> listing = numbered(static_cast<int>(svc.state->size));
        for (std::size_t call = 0; call < 200; ++call) {
            if (rng.chance(12)) {
                svc.state->failing_calls.insert(call);
            }
        }
        const std::optional<std::size_t> page_size =
            rng.chance(30) ? std::nullopt : std::optional<std::size_t>(rng.below(8) + 1);
        std::vector<std::string> chain;
        std::optional<std::string> token;
        bool ended = false;
        for (int run = 0; run < 500 && !ended; ++run) {
            const std::optional<std::size_t> max_items = rng.maybe(50, 12);
            // After many runs, read to the end, so that every chain ends.
            const auto how = run < 100 ? static_cast<consumer>(rng.below(static_cast<std::size_t>(consumer::count)))
                                       : consumer::all_items;
            const std::size_t stop_at = rng.below(8);
            auto p = make(svc, {max_items, page_size, token});
            const std::optional<std::string> start = p.resume_token();
            std::vector<std::string> got;
            bool failed = false;
            try {
                consume(p, how, stop_at, got);
            } catch (const pagination::fetch_error&) {
                failed = true;
                REQUIRE(p.error() != nullptr);
                REQUIRE(p.error()->code() == pagination::errc::fetch_failed);
                if (how == consumer::full_result) {
                    got.clear();
                    REQUIRE(p.resume_token() == start);
                }
            }
            INFO("run " << run << " consumer " << static_cast<int>(how) << " stop " << stop_at << " failed " << failed);
            if (max_items) {
                REQUIRE(got.size() <= *max_items);
            }
            REQUIRE(continues(listing, chain.size(), got));
            chain.insert(chain.end(), got.begin(), got.end());
            token = p.resume_token();
            ended = !token;
            if (ended) {
                REQUIRE_FALSE(failed);
            }
        }
        REQUIRE(ended);
        REQUIRE(chain == listing);
    }
}

namespace {

namespace gl = pagination::aws::gamelift;

/// A fleet with `count` sessions in two locations, in random statuses.
struct random_fleet {
    gl::local_fleet_service service;
    std::string fleet_id;
    std::vector<std::string> ids;

    random_fleet(random_source& rng, std::size_t count) {
        gl::fleet_spec spec;
        spec.remote_locations = {"eu-west-1"};
        fleet_id = service.create_fleet(spec).value().fleet_id;
        for (std::size_t i = 0; i < count; ++i) {
            ids.push_back(add(rng));
        }
    }

    std::string add(random_source& rng) {
        gl::game_session_spec spec;
        spec.fleet_id = fleet_id;
        spec.location = rng.chance(50) ? "eu-west-1" : "us-west-2";
        spec.status = rng.chance(70) ? gl::game_session_status::active : gl::game_session_status::activating;
        return *service.create_game_session(spec).value().game_session_id;
    }

    gl::describe_game_sessions_request request() const {
        gl::describe_game_sessions_request r;
        r.fleet_id = fleet_id;
        return r;
    }
};

} // namespace

TEST_CASE("property: the local fleet changing during a chained listing lists none twice and misses none that existed throughout") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        INFO("seed " << seed);
        random_source rng{seed * 104729};
        random_fleet fleet(rng, 20 + rng.below(100));
        const std::set<std::string> before(fleet.ids.begin(), fleet.ids.end());
        std::set<std::string> created;
        fleet.service.set_fault_hook([&rng](const gl::describe_game_sessions_request&, std::uint64_t) {
            return rng.chance(10) ? std::optional<gl::fault>(gl::fault::throttling()) : std::nullopt;
        });
        auto fetch = [&](const gl::describe_game_sessions_request& r) { return fleet.service.describe_game_sessions(r); };
        const std::optional<std::size_t> page_size = rng.below(15) + 1;

        std::vector<std::string> listed;
        std::optional<std::string> token;
        bool ended = false;
        for (int run = 0; run < 300 && !ended; ++run) {
            const std::optional<std::size_t> max_items = rng.maybe(40, 30);
            auto sessions = gl::describe_game_sessions(fetch, fleet.request(), {max_items, page_size, token});
            try {
                for (const auto& s : sessions.items()) {
                    listed.push_back(*s.game_session_id);
                    // Between any two items: new sessions, and sessions ended, listed or not.
                    if (rng.chance(15)) {
                        created.insert(fleet.add(rng));
                    }
                    if (rng.chance(15)) {
                        const std::string& victim = fleet.ids[rng.below(fleet.ids.size())];
                        REQUIRE(fleet.service.terminate_game_session(victim).has_value());
                    }
                }
            } catch (const pagination::fetch_error& e) {
                const gl::service_error* original = e.error().fetcher_error<gl::service_error>();
                REQUIRE(original != nullptr);
                REQUIRE(original->code == "ThrottlingException");
            }
            token = sessions.resume_token();
            ended = !token;
        }
        REQUIRE(ended);
        const std::set<std::string> unique(listed.begin(), listed.end());
        REQUIRE(unique.size() == listed.size());
        for (const auto& id : before) {
            REQUIRE(unique.count(id) == 1);
        }
        for (const auto& id : unique) {
            REQUIRE((before.count(id) == 1 || created.count(id) == 1));
        }
    }
}

TEST_CASE("property: with a status filter, sessions that keep the status throughout are each listed exactly once") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        INFO("seed " << seed);
        random_source rng{seed * 15485863};
        random_fleet fleet(rng, 20 + rng.below(100));
        std::set<std::string> changed;  // ended during the listing: may or may not be listed
        auto request = fleet.request();
        request.status_filter = gl::game_session_status::active;
        std::set<std::string> active_before;
        for (const auto& id : fleet.ids) {
            if (fleet.service.find_game_session(id)->status == gl::game_session_status::active) {
                active_before.insert(id);
            }
        }
        auto sessions = gl::describe_game_sessions(
            [&](const gl::describe_game_sessions_request& r) { return fleet.service.describe_game_sessions(r); }, request,
            {std::nullopt, rng.below(12) + 1, std::nullopt});
        std::vector<std::string> listed;
        for (const auto& s : sessions.items()) {
            REQUIRE(s.status == gl::game_session_status::active);
            listed.push_back(*s.game_session_id);
            if (rng.chance(20)) {
                const std::string& victim = fleet.ids[rng.below(fleet.ids.size())];
                REQUIRE(fleet.service.terminate_game_session(victim).has_value());
                changed.insert(victim);
            }
            if (rng.chance(20)) {
                changed.insert(fleet.add(rng));
            }
        }
        const std::set<std::string> unique(listed.begin(), listed.end());
        REQUIRE(unique.size() == listed.size());
        for (const auto& id : active_before) {
            if (changed.count(id) == 0) {
                REQUIRE(unique.count(id) == 1);
            }
        }
    }
}
