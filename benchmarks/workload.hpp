#ifndef PAGINATION_BENCHMARKS_WORKLOAD_HPP
#define PAGINATION_BENCHMARKS_WORKLOAD_HPP

// The workloads the benchmarks walk: an in-memory service that hands out pre-built pages, two item
// types (a plain int, and a GameLift game session with realistic field contents), and the three
// ways of walking it that are compared: a hand-written token loop, items() and pages().
//
// The service does as little as possible, so that the walk is what is measured: a store_fetcher
// moves a pre-built page out of the store (the store is refilled, untimed, before every walk), and
// a copying_fetcher copies a template page (for the memory measurements, where no store of ten
// million items is wanted). Both check that the request carries the token of the page before and
// the page size, so a walk that passed tokens wrongly stops the benchmark.

#include <pagination/pagination.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <time.h>
#include <utility>
#include <vector>

namespace bench {

namespace gl = pagination::aws::gamelift;

/// Items per page (PageSize) unless a benchmark says otherwise.
inline constexpr std::size_t default_page_size = 100;

/// Stops the benchmark executable: a walk did not do what it should.
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "benchmark workload error: %s\n", what);
    std::abort();
}

/// Keeps `value` in a register the compiler cannot see into, so that a loop accumulating into it
/// is neither vectorised nor removed, without forcing anything else out to memory.
template <class T>
inline void opaque(T& value) {
#if defined(__GNUC__) || defined(__clang__)
    __asm__ __volatile__("" : "+r"(value));
#else
    volatile T sink = value;
    value = sink;
#endif
}

/// CPU time of the calling thread, in seconds. The walks are timed with it rather than with a wall
/// clock, so that time the thread spends descheduled (other work on a shared machine) is not
/// counted; cache and memory-bandwidth interference from that work still is.
inline double thread_cpu_seconds() noexcept {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// A small deterministic generator (splitmix64).
struct splitmix64 {
    std::uint64_t state;
    std::uint64_t next() noexcept {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) noexcept { return static_cast<std::size_t>(next() % n); }
};

inline void append_hex(std::string& out, std::uint64_t value, int digits) {
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i) {
        out += hex[(value >> (4 * i)) & 0xF];
    }
}

inline std::string uuid(splitmix64& rng) {
    std::string out;
    const std::uint64_t a = rng.next();
    const std::uint64_t b = rng.next();
    append_hex(out, a >> 32, 8);
    out += '-';
    append_hex(out, (a >> 16) & 0xFFFF, 4);
    out += '-';
    append_hex(out, a & 0xFFFF, 4);
    out += '-';
    append_hex(out, b >> 48, 4);
    out += '-';
    append_hex(out, b & 0xFFFFFFFFFFFFULL, 12);
    return out;
}

/// An opaque service token like GameLift's NextToken: `length` (48 unless said) characters of
/// base64 text.
inline std::string service_token(std::size_t page, std::size_t length = 48) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    splitmix64 rng{0x5EED0000ULL + page};
    std::string out = "AAEAA";
    while (out.size() < length) {
        out += alphabet[rng.below(64)];
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// The int workload: the cheapest item there is, so that any cost per item shows.
// ---------------------------------------------------------------------------------------------

struct int_request {
    std::optional<std::string> next_token;
    std::optional<int> limit;
};

struct int_page {
    std::vector<int> items;
    std::optional<std::string> next_token;
};

inline constexpr pagination::token_field next_token_field{"NextToken"};

struct int_workload {
    static constexpr const char* name = "int";
    using request_type = int_request;
    using page_type = int_page;
    using item_type = int;
    using tokens = pagination::member_token_policy<&int_request::next_token, &int_page::next_token, next_token_field>;
    using limit = pagination::member_limit_policy<&int_page::items, &int_request::limit>;

    static request_type first_request() { return {}; }
    static std::vector<int>& items(page_type& page) { return page.items; }
    static std::uint64_t weigh(const int& item) noexcept { return static_cast<std::uint32_t>(item); }

    static page_type make_page(std::size_t index, std::size_t size) {
        page_type page;
        page.items.reserve(size);
        for (std::size_t i = 0; i < size; ++i) {
            page.items.push_back(static_cast<int>(index * size + i));
        }
        return page;
    }
};

// ---------------------------------------------------------------------------------------------
// The game session workload: GameLift DescribeGameSessions through the library's adapter, with
// sessions shaped like the ones a fleet reports (ARNs, DNS names, properties, matchmaker data).
// ---------------------------------------------------------------------------------------------

inline constexpr std::string_view fleet_id = "fleet-db9c5598-9194-4d23-b8bc-927ded35455d";

inline gl::game_session make_game_session(splitmix64& rng, std::size_t n) {
    static constexpr std::string_view modes[] = {"ctf", "deathmatch", "king-of-the-hill", "duel"};
    static constexpr int max_players[] = {16, 12, 10, 2};
    static constexpr std::string_view maps[] = {"harbor", "foundry", "glacier", "canyon", "orbital"};
    static constexpr std::string_view tiers[] = {"bronze", "silver", "gold", "platinum"};
    static constexpr std::string_view locations[] = {"us-west-2", "us-east-1", "eu-central-1", "ap-northeast-1"};

    const std::size_t mode = rng.below(4);
    const std::string_view map = maps[rng.below(5)];
    const std::string_view tier = tiers[rng.below(4)];
    const std::size_t loc = rng.below(4);
    const std::string location(locations[loc]);

    gl::game_session s;
    std::string id = "arn:aws:gamelift:us-west-2::gamesession/";
    id += fleet_id;
    id += '/';
    if (loc != 0) {
        id += location;
        id += '/';
    }
    id += "gsess-" + uuid(rng);
    s.game_session_id = std::move(id);
    s.name = std::string(modes[mode]) + "-" + std::string(map) + "-" + std::to_string(1000 + n % 9000);
    s.fleet_id = std::string(fleet_id);
    s.fleet_arn = "arn:aws:gamelift:us-west-2:123456789012:fleet/" + std::string(fleet_id);
    s.creation_time = gl::timestamp(std::chrono::milliseconds(1700000000000LL + static_cast<std::int64_t>(n) * 4000));
    s.current_player_session_count = static_cast<int>(rng.below(static_cast<std::size_t>(max_players[mode]) + 1));
    s.maximum_player_session_count = max_players[mode];
    s.status = gl::game_session_status::active;
    s.game_properties = {{"mode", std::string(modes[mode])}, {"map", std::string(map)}, {"skill", std::string(tier)}};
    const std::string octet = std::to_string(10 + rng.below(200));
    s.ip_address = "198.51.100." + octet;
    s.dns_name = "ec2-198-51-100-" + octet + "." + location + ".compute.amazonaws.com";
    s.port = 33430 + static_cast<int>(rng.below(100));
    s.player_session_creation_policy = gl::player_session_creation_policy::accept_all;
    if (rng.below(100) < 30) {
        s.matchmaker_data = "{\"matchId\":\"" + uuid(rng) +
                            "\",\"matchmakingConfigurationArn\":\"arn:aws:gamelift:us-west-2:123456789012:"
                            "matchmakingconfiguration/ranked-" +
                            std::string(modes[mode]) + "\",\"teams\":[{\"name\":\"red\",\"players\":[]}]}";
    } else {
        s.creator_id = "player-" + std::to_string(10000 + rng.below(90000));
    }
    if (rng.below(100) < 25) {
        s.game_session_data = "{\"rounds\":" + std::to_string(3 + rng.below(5)) + ",\"friendlyFire\":false}";
    }
    s.location = location;
    s.compute_name = "i-0";
    append_hex(*s.compute_name, rng.next(), 16);
    return s;
}

struct game_session_workload {
    static constexpr const char* name = "game_session";
    using request_type = gl::describe_game_sessions_request;
    using page_type = gl::describe_game_sessions_result;
    using item_type = gl::game_session;
    using tokens = gl::describe_game_sessions_tokens;
    using limit = gl::describe_game_sessions_limit;

    static request_type first_request() {
        request_type request;
        request.fleet_id = std::string(fleet_id);
        return request;
    }
    static std::vector<gl::game_session>& items(page_type& page) { return page.game_sessions; }
    static std::uint64_t weigh(const gl::game_session& s) noexcept {
        return static_cast<std::uint64_t>(s.current_player_session_count.value_or(0)) + (s.name ? s.name->size() : 0);
    }

    static page_type make_page(std::size_t index, std::size_t size) {
        splitmix64 rng{0xC0FFEEULL + index};
        page_type page;
        page.game_sessions.reserve(size);
        for (std::size_t i = 0; i < size; ++i) {
            page.game_sessions.push_back(make_game_session(rng, index * size + i));
        }
        return page;
    }
};

// ---------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------

/// The pages of one listing: `item_count` items in pages of `page_size`, copied from a few
/// distinct template pages, each page with its own service token.
template <class W>
class listing {
public:
    using page_type = typename W::page_type;

    explicit listing(std::size_t item_count, std::size_t page_size = default_page_size, std::size_t distinct_pages = 64,
                     std::size_t token_length = 48)
        : page_size_(page_size), page_count_(page_size == 0 ? 0 : item_count / page_size) {
        if (page_count_ == 0 || item_count % page_size != 0) {
            fail("the item count must be a positive multiple of the page size");
        }
        for (std::size_t i = 0; i < distinct_pages && i < page_count_; ++i) {
            templates_.push_back(W::make_page(i, page_size_));
        }
        tokens_.reserve(page_count_);
        for (std::size_t i = 0; i < page_count_; ++i) {
            tokens_.push_back(service_token(i, token_length));
        }
        for (std::size_t i = 0; i < page_count_; ++i) {
            page_type& t = templates_[i % templates_.size()];
            for (const auto& item : W::items(t)) {
                checksum_ += W::weigh(item);
            }
        }
    }

    std::size_t page_count() const noexcept { return page_count_; }
    std::size_t item_count() const noexcept { return page_count_ * page_size_; }
    std::size_t page_size() const noexcept { return page_size_; }
    /// The sum of W::weigh over every item: what a complete walk computes.
    std::uint64_t checksum() const noexcept { return checksum_; }

    /// A copy of page `index`, with its next token (none on the last page).
    page_type page(std::size_t index) const {
        page_type p = templates_[index % templates_.size()];
        if (index + 1 < page_count_) {
            p.next_token = tokens_[index];
        }
        return p;
    }

    /// Whether `request` is the request for page `index`: the token of the page before, PageSize.
    bool is_request_for(const typename W::request_type& request, std::size_t index) const {
        if (!request.limit || static_cast<std::size_t>(*request.limit) != page_size_) {
            return false;
        }
        if (index == 0) {
            return !request.next_token.has_value();
        }
        return request.next_token && *request.next_token == tokens_[index - 1];
    }

private:
    std::size_t page_size_;
    std::size_t page_count_;
    std::vector<page_type> templates_;
    std::vector<std::string> tokens_;
    std::uint64_t checksum_ = 0;
};

/// The listing of `item_count` items of W in pages of `page_size`, made once per executable and kept.
template <class W>
const listing<W>& shared_listing(std::size_t item_count, std::size_t page_size = default_page_size) {
    static std::vector<std::unique_ptr<listing<W>>> made;
    for (const auto& l : made) {
        if (l->item_count() == item_count && l->page_size() == page_size) {
            return *l;
        }
    }
    made.push_back(std::make_unique<listing<W>>(item_count, page_size));
    return *made.back();
}

/// Every page of a listing, built ahead; a store_fetcher moves them out one by one.
template <class W>
class page_store {
public:
    explicit page_store(const listing<W>& l) : listing_(&l) { pages_.resize(l.page_count()); }

    /// Puts every page back (after a walk has moved them out).
    void refill() {
        for (std::size_t i = 0; i < pages_.size(); ++i) {
            pages_[i] = listing_->page(i);
        }
    }

    const listing<W>& source() const noexcept { return *listing_; }
    typename W::page_type take(std::size_t index) { return std::move(pages_[index]); }

private:
    const listing<W>* listing_;
    std::vector<typename W::page_type> pages_;
};

/// Serves a page_store: moves the next page out.
template <class W>
struct store_fetcher {
    page_store<W>* store;
    std::size_t next = 0;

    typename W::page_type operator()(const typename W::request_type& request) {
        if (next >= store->source().page_count() || !store->source().is_request_for(request, next)) {
            fail("store_fetcher: unexpected request");
        }
        return store->take(next++);
    }
};

/// Serves a listing by copying each page from its template (the service builds every page).
template <class W>
struct copying_fetcher {
    const listing<W>* source;
    std::size_t next = 0;

    typename W::page_type operator()(const typename W::request_type& request) {
        if (next >= source->page_count() || !source->is_request_for(request, next)) {
            fail("copying_fetcher: unexpected request");
        }
        return source->page(next++);
    }
};

// ---------------------------------------------------------------------------------------------
// The three walks
// ---------------------------------------------------------------------------------------------

template <class W, class Fetcher>
using paginator_for = pagination::paginator<Fetcher, typename W::tokens, typename W::limit>;

inline pagination::pagination_config walk_config(std::size_t page_size) {
    pagination::pagination_config config;
    config.page_size = page_size;
    return config;
}

/// What a user writes without the library: send, read the page, copy the token, until none.
template <class W, class Fetcher>
std::uint64_t hand_walk(Fetcher fetch, std::size_t page_size) {
    typename W::request_type request = W::first_request();
    request.limit = static_cast<int>(page_size);
    std::uint64_t sum = 0;
    while (true) {
        typename W::page_type page = fetch(request);
        for (const auto& item : W::items(page)) {
            sum += W::weigh(item);
            opaque(sum);
        }
        if (!page.next_token || page.next_token->empty()) {
            break;
        }
        request.next_token = std::move(page.next_token);
    }
    return sum;
}

template <class W, class Run>
void check_complete(const Run& run) {
    if (run.error() != nullptr || run.resume_token().has_value()) {
        fail("the paginator did not complete the listing");
    }
}

/// The same through items().
template <class W, class Fetcher>
std::uint64_t items_walk(Fetcher fetch, std::size_t page_size) {
    paginator_for<W, Fetcher> run(std::move(fetch), W::first_request(), walk_config(page_size));
    std::uint64_t sum = 0;
    for (const auto& item : run.items()) {
        sum += W::weigh(item);
        opaque(sum);
    }
    check_complete<W>(run);
    return sum;
}

/// The same through pages(), with a loop over each page's items.
template <class W, class Fetcher>
std::uint64_t pages_walk(Fetcher fetch, std::size_t page_size) {
    paginator_for<W, Fetcher> run(std::move(fetch), W::first_request(), walk_config(page_size));
    std::uint64_t sum = 0;
    for (auto& page : run.pages()) {
        for (const auto& item : W::items(page)) {
            sum += W::weigh(item);
            opaque(sum);
        }
    }
    check_complete<W>(run);
    return sum;
}

/// The walks by name, for registering benchmarks.
enum class walk { hand, items, pages };

inline const char* to_string(walk w) {
    switch (w) {
    case walk::hand: return "hand";
    case walk::items: return "items";
    case walk::pages: return "pages";
    }
    return "?";
}

template <class W, class Fetcher>
std::uint64_t run_walk(walk w, Fetcher fetch, std::size_t page_size) {
    switch (w) {
    case walk::hand: return hand_walk<W>(std::move(fetch), page_size);
    case walk::items: return items_walk<W>(std::move(fetch), page_size);
    case walk::pages: return pages_walk<W>(std::move(fetch), page_size);
    }
    return 0;
}

} // namespace bench

#endif // PAGINATION_BENCHMARKS_WORKLOAD_HPP
