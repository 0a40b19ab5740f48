// Fuzz target: the paginator against a service whose pages, tokens and failures come from the
// fuzz input, read by a chain of runs, each resumed from the one before, whose consumers stop
// at points that also come from the input.
//
// The service lists the items "i0" .. "i<N-1>". A token "t<offset>-<v>" asks for the page at that
// offset (v counts the empty pages in a row before it); the length of each page comes from a
// table in the input, may ignore the requested limit (pages larger than PageSize), and may be
// zero (an empty page that carries a token), at most eight times in a row. Faults from the input
// happen at given fetches, each once: the fetcher throws a std::exception, throws something
// else, or returns an error value; the service answers the token it was sent (the same token
// twice), or a token of an earlier page of the run (a cycle, checked with cycle detection on).
//
// Checked:
//   * each run yields at most MaxItems items, and fetches at most once per page of the listing;
//   * a run ends with an error only for a fault that happened in it, with the matching code;
//     a fault of the same token twice ends the run with repeated_token (or quietly, with the
//     stop policy), a cycle with token_cycle: no run loops;
//   * the items of the chain, each run resumed from resume_token(), are the listing exactly,
//     in order: nothing lost, nothing twice; the chain ends with no resume token.
//   * a StartingToken taken from the input is refused before anything is sent, or accepted.
//
// Input layout (every byte optional; a missing byte reads as 0):
//   [0] listing size % 65        [1] flags (below)       [2] PageSize % (size + 2)
//   [3] table length % 16 + 1, then that many page lengths
//   [.] fault count % 9, then per fault: fetch number, kind
//   [.] the hostile StartingToken's length when flag 0x40, then its bytes
//   then three bytes per run: consumer, stop point, MaxItems
// flags: 0x01 the service caps pages at the limit; 0x02 a more-results flag; 0x04 cycle
// detection; 0x08 PageSize given; 0x10/0x20 repeated-token policy stop/proceed; 0x40 hostile
// starting token first.

#include "fuzz_support.hpp"

#include <pagination/pagination.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using pagination::repeated_token_action;

struct request {
    std::optional<std::string> next_token;
    std::optional<int> limit;
};

struct page {
    std::vector<std::string> items;
    std::optional<std::string> next_token;
    bool more = true;
};

inline constexpr pagination::token_field next_token_field{"NextToken"};
using plain_tokens = pagination::member_token_policy<&request::next_token, &page::next_token, next_token_field>;
struct flagged_tokens : plain_tokens {
    static bool more_results(const page& p) { return p.more; }
};
using limit_policy = pagination::member_limit_policy<&page::items, &request::limit>;

enum class fault : std::uint8_t { throw_std, throw_other, error_value, repeated, cycle, count };

struct not_a_std_exception {
    int code;
};

/// The fetcher's result: a page or a service error (an expected-like value).
class outcome {
public:
    outcome(page p) : page_(std::move(p)) {}
    outcome(std::string e) : error_(std::move(e)) {}
    bool has_value() const { return page_.has_value(); }
    page& value() & { return *page_; }
    page&& value() && { return std::move(*page_); }
    const std::string& error() const { return error_; }

private:
    std::optional<page> page_;
    std::string error_;
};

struct run_plan {
    std::uint8_t consumer = 0;
    std::size_t stop_at = 0;
    std::optional<std::size_t> max_items;
};

struct plan {
    std::size_t size = 0;
    bool caps_pages = false;
    bool flagged = false;
    bool detect_cycles = false;
    bool hostile_start = false;
    repeated_token_action on_repeated = repeated_token_action::error;
    std::optional<std::size_t> page_size;
    std::vector<std::uint8_t> lengths;
    std::map<std::size_t, fault> faults;  // by fetch number, counted over the whole chain
    std::string hostile_token;
    std::vector<run_plan> runs;
};

plan read_plan(fuzz::input& in) {
    plan p;
    p.size = in.below(65);
    const std::uint8_t flags = in.byte();
    p.caps_pages = (flags & 0x01) != 0;
    p.flagged = (flags & 0x02) != 0;
    p.detect_cycles = (flags & 0x04) != 0;
    p.hostile_start = (flags & 0x40) != 0;
    p.on_repeated = (flags & 0x10) != 0 ? repeated_token_action::stop : repeated_token_action::error;
    if ((flags & 0x20) != 0) {
        p.on_repeated = repeated_token_action::proceed;
    }
    const std::size_t page_size = in.below(p.size + 2);
    if ((flags & 0x08) != 0) {
        p.page_size = page_size;
    }
    const std::size_t table = in.below(16) + 1;
    for (std::size_t i = 0; i < table; ++i) {
        p.lengths.push_back(in.byte());
    }
    const std::size_t faults = in.below(9);
    for (std::size_t i = 0; i < faults; ++i) {
        const std::size_t at = in.byte();
        p.faults[at] = static_cast<fault>(in.below(static_cast<std::size_t>(fault::count)));
    }
    if (p.hostile_start) {
        p.hostile_token = std::string(in.take(in.byte()));
    }
    while (!in.empty() && p.runs.size() < 48) {
        run_plan r;
        r.consumer = in.byte();
        r.stop_at = in.byte();
        const std::uint8_t max_items = in.byte(0xFF);
        if (max_items < 0x80) {
            r.max_items = max_items % (p.size + 3);
        }
        p.runs.push_back(r);
    }
    return p;
}

/// What happened at the service during one run.
struct run_log {
    std::size_t fetches = 0;
    std::vector<std::optional<std::string>> requests;  // the token of each request of the run
    std::optional<fault> last_fault;                  // the fault of the run's last fetch, if any
    bool lied = false;                                // a repeated or cycle fault happened
    fault lie = fault::repeated;
};

/// The service, shared by the fetchers of every run of the chain.
class service {
public:
    explicit service(const plan& p) : plan_(p) {}

    void start_run(bool may_lie) {
        log_ = run_log{};
        may_lie_ = may_lie;
    }
    const run_log& log() const { return log_; }
    std::size_t page_count_bound() const { return 9 * plan_.size + 2; }
    bool strict = true;  // an unknown token breaks an invariant (false: it is a service error)

    outcome fetch(const request& r) {
        const std::size_t number = fetch_number_++;
        ++log_.fetches;
        log_.requests.push_back(r.next_token);
        log_.last_fault.reset();
        std::optional<fault> f;
        const auto found = plan_.faults.find(number);
        if (found != plan_.faults.end()) {
            f = found->second;
        }
        if (f == fault::throw_std || f == fault::throw_other || f == fault::error_value) {
            log_.last_fault = f;
            if (f == fault::throw_std) {
                throw std::runtime_error("ThrottlingException: Rate exceeded");
            }
            if (f == fault::throw_other) {
                throw not_a_std_exception{503};
            }
            return std::string("InternalServiceException");
        }
        std::size_t offset = 0;
        std::size_t empties = 0;
        if (r.next_token && !parse(*r.next_token, offset, empties)) {
            FUZZ_CHECK(!strict, "the paginator sent a token the service never issued: " + *r.next_token);
            return std::string("InvalidRequestException: bad NextToken");
        }
        page answer = serve(offset, empties, r.limit);
        if (f && may_lie_) {
            const std::size_t sent = log_.requests.size();
            if (*f == fault::repeated && sent >= 2) {
                // Not on the first request of a run: a resumed run's first page may repeat its
                // starting token, which is not the same token twice.
                answer.next_token = r.next_token;
                answer.more = true;
                log_.last_fault = f;
                log_.lied = true;
                log_.lie = fault::repeated;
            } else if (*f == fault::cycle && plan_.detect_cycles) {
                // A token sent earlier in the run, not the one just sent (that would be the same
                // token twice, or on the first request no token of the run yet).
                for (std::size_t i = 0; i + 1 < sent; ++i) {
                    if (log_.requests[i] && log_.requests[i] != r.next_token) {
                        answer.next_token = log_.requests[i];
                        answer.more = true;
                        log_.last_fault = f;
                        log_.lied = true;
                        log_.lie = fault::cycle;
                        break;
                    }
                }
            }
        }
        return answer;
    }

private:
    static bool parse(const std::string& token, std::size_t& offset, std::size_t& empties) {
        if (token.size() < 4 || token[0] != 't') {
            return false;
        }
        const std::size_t dash = token.find('-');
        if (dash == std::string::npos || dash == 1 || dash + 1 == token.size()) {
            return false;
        }
        offset = 0;
        empties = 0;
        for (std::size_t i = 1; i < dash; ++i) {
            if (token[i] < '0' || token[i] > '9' || offset > 1000) {
                return false;
            }
            offset = offset * 10 + static_cast<std::size_t>(token[i] - '0');
        }
        for (std::size_t i = dash + 1; i < token.size(); ++i) {
            if (token[i] < '0' || token[i] > '9' || empties > 1000) {
                return false;
            }
            empties = empties * 10 + static_cast<std::size_t>(token[i] - '0');
        }
        return offset <= 1000 && empties <= 8;
    }

    static std::string token(std::size_t offset, std::size_t empties) {
        return "t" + std::to_string(offset) + "-" + std::to_string(empties);
    }

    page serve(std::size_t offset, std::size_t empties, std::optional<int> limit) const {
        page p;
        const std::uint8_t raw = plan_.lengths[(offset * 7 + empties) % plan_.lengths.size()];
        std::size_t length = raw == 0xFF ? 200 : raw % 9;
        if (plan_.caps_pages && limit && *limit >= 0) {
            length = std::min(length, static_cast<std::size_t>(*limit));
        }
        if (empties >= 8) {
            length = std::max<std::size_t>(length, 1);
        }
        const std::size_t end = std::min(plan_.size, offset + length);
        for (std::size_t i = offset; i < end; ++i) {
            p.items.push_back("i" + std::to_string(i));
        }
        if (end < plan_.size) {
            p.next_token = token(end, end == offset ? empties + 1 : 0);
        } else if (plan_.flagged) {
            // A token that must not be followed: the more-results flag says the listing ended.
            p.next_token = "end-of-listing";
            p.more = false;
        }
        return p;
    }

    const plan& plan_;
    std::size_t fetch_number_ = 0;
    run_log log_;
    bool may_lie_ = false;
};

struct fetcher {
    service* svc;
    outcome operator()(const request& r) const { return svc->fetch(r); }
};

std::string describe(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += item + " ";
    }
    return out;
}

/// What one run yielded and how it ended.
struct run_result {
    std::vector<std::string> items;
    std::optional<pagination::errc> error;
    std::optional<std::string> resume_token;
    std::size_t items_yielded = 0;
};

template <class Paginator>
void consume(Paginator& p, const run_plan& r, std::vector<std::string>& got) {
    switch (r.consumer % 6) {
    case 0:  // every item
        for (auto& item : p.items()) {
            got.push_back(item);
        }
        return;
    case 1:  // break out of items() after stop_at items
        if (r.stop_at == 0) {
            (void)p.items().begin();
            return;
        }
        for (auto& item : p.items()) {
            got.push_back(item);
            if (got.size() >= r.stop_at) {
                break;
            }
        }
        return;
    case 2: {  // break out of pages() after stop_at pages
        std::size_t pages = 0;
        for (auto& pg : p.pages()) {
            got.insert(got.end(), pg.items.begin(), pg.items.end());
            if (++pages >= r.stop_at) {
                break;
            }
        }
        return;
    }
    case 3: {  // break out of items(), then iterate items() again to the end
        if (r.stop_at > 0) {
            for (auto& item : p.items()) {
                got.push_back(item);
                if (got.size() >= r.stop_at) {
                    break;
                }
            }
        }
        for (auto& item : p.items()) {
            got.push_back(item);
        }
        return;
    }
    case 4: {  // break out of pages(), then continue with items()
        std::size_t pages = 0;
        for (auto& pg : p.pages()) {
            got.insert(got.end(), pg.items.begin(), pg.items.end());
            if (++pages >= r.stop_at) {
                break;
            }
        }
        for (auto& item : p.items()) {
            got.push_back(item);
        }
        return;
    }
    default: {  // the whole run as one page
        page full = p.build_full_result();
        got = full.items;
        FUZZ_CHECK(full.next_token == p.resume_token(), "build_full_result's token is not resume_token()");
        return;
    }
    }
}

template <class Tokens>
run_result run_once(service& svc, const plan& pl, const run_plan& r, const std::optional<std::string>& start) {
    pagination::paginator_options options;
    options.on_repeated_token = pl.on_repeated;
    options.detect_token_cycles = pl.detect_cycles;
    pagination::paginator<fetcher, Tokens, limit_policy> p(fetcher{&svc}, request{},
                                                           {r.max_items, pl.page_size, start}, options);
    run_result out;
    const std::optional<std::string> before = p.resume_token();
    try {
        consume(p, r, out.items);
    } catch (const pagination::pagination_error& e) {
        out.error = e.code();
        FUZZ_CHECK(p.error() != nullptr && p.error()->code() == e.code(), "the thrown error is not error()");
        if ((r.consumer % 6) == 5) {
            out.items.clear();  // build_full_result gives nothing when it throws
            FUZZ_CHECK(p.resume_token() == before, "a failed build_full_result does not resume where the run began");
        }
    }
    if (!out.error) {
        FUZZ_CHECK(p.error() == nullptr, "error() without an exception");
    }
    out.resume_token = p.resume_token();
    out.items_yielded = p.items_yielded();
    return out;
}

template <class Tokens>
void run_chain(const plan& pl) {
    service svc(pl);

    if (pl.hostile_start) {
        svc.strict = false;
        svc.start_run(false);
        const run_plan all{0, 0, std::nullopt};
        const run_result r = run_once<Tokens>(svc, pl, all, pl.hostile_token);
        if (r.error == pagination::errc::invalid_starting_token) {
            FUZZ_CHECK(svc.log().fetches == 0, "a refused StartingToken was sent");
            FUZZ_CHECK(r.items.empty(), "a refused StartingToken yielded items");
            FUZZ_CHECK(r.resume_token == pl.hostile_token, "a refused StartingToken is not its own resume token");
        } else {
            FUZZ_CHECK(svc.log().fetches >= 1 || r.error == pagination::errc::invalid_page_size ||
                           r.error == pagination::errc::invalid_request,
                       "an accepted StartingToken sent nothing");
        }
        return;
    }

    std::vector<std::string> chain;
    std::optional<std::string> token;
    const std::size_t max_runs = pl.runs.size() + pl.faults.size() + 4;
    for (std::size_t run = 0; run < max_runs; ++run) {
        run_plan r = run < pl.runs.size() ? pl.runs[run] : run_plan{};
        // The proceed policy follows the same token twice on purpose, and so yields a page
        // twice: the service may not lie to it. Lies are also kept from runs with MaxItems, which
        // end at the lying page's token when they reach MaxItems there, as the contract says.
        svc.start_run(pl.on_repeated != repeated_token_action::proceed && !r.max_items);
        const run_result result = run_once<Tokens>(svc, pl, r, token);
        const run_log& log = svc.log();
        const std::string where = "run " + std::to_string(run) + " from " + token.value_or("(start)");

        FUZZ_CHECK(log.fetches <= svc.page_count_bound(), where + ": more fetches than pages");
        if (r.max_items) {
            FUZZ_CHECK(result.items.size() <= *r.max_items, where + ": more than MaxItems");
            FUZZ_CHECK(result.items_yielded <= *r.max_items, where + ": items_yielded() above MaxItems");
        }
        if (result.error) {
            switch (*result.error) {
            case pagination::errc::fetch_failed:
                FUZZ_CHECK(log.last_fault && (*log.last_fault == fault::throw_std || *log.last_fault == fault::throw_other ||
                                              *log.last_fault == fault::error_value),
                           where + ": fetch_failed without a failed fetch");
                break;
            case pagination::errc::repeated_token:
                FUZZ_CHECK(log.lied && log.lie == fault::repeated && pl.on_repeated == repeated_token_action::error,
                           where + ": repeated_token without the same token twice");
                break;
            case pagination::errc::token_cycle:
                FUZZ_CHECK(log.lied && log.lie == fault::cycle, where + ": token_cycle without a cycle");
                break;
            default: FUZZ_CHECK(false, where + ": unexpected error " + pagination::to_string(*result.error));
            }
            FUZZ_CHECK(result.resume_token.has_value(), where + ": an error without a resume token");
        } else if (log.lied && (r.consumer % 6 == 0 || r.consumer % 6 == 5)) {
            // A consumer that reads to the end meets the lie: only the stop policy ends quietly.
            FUZZ_CHECK(pl.on_repeated == repeated_token_action::stop && log.lie == fault::repeated,
                       where + ": a repeated token or cycle went unnoticed");
        }
        chain.insert(chain.end(), result.items.begin(), result.items.end());
        for (std::size_t i = 0; i < chain.size(); ++i) {
            FUZZ_CHECK(chain[i] == "i" + std::to_string(i), where + ": the chain so far is not a prefix of the listing: " +
                                                                describe(chain));
        }
        token = result.resume_token;
        if (!token) {
            FUZZ_CHECK(chain.size() == pl.size, where + ": the chain ended with items missing: " + describe(chain));
            return;
        }
    }
    FUZZ_CHECK(false, "the chain did not end in " + std::to_string(max_runs) + " runs: " + describe(chain));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::input in(data, size);
    const plan pl = read_plan(in);
    if (pl.flagged) {
        run_chain<flagged_tokens>(pl);
    } else {
        run_chain<plain_tokens>(pl);
    }
    return 0;
}
