#ifndef PAGINATION_RUN_STATE_HPP
#define PAGINATION_RUN_STATE_HPP

// The rules of one run, as a state machine that never calls the network: it says which request
// to send, takes the page that came back, trims it, and says whether the run goes on. Every
// driver (the blocking ranges, callbacks, coroutines) feeds this one machine.

#include <pagination/config.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/policies.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/token_value.hpp>
#include <pagination/detail/string_set.hpp>

#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pagination {

/// Where a run stands.
enum class run_status {
    /// Send `request()` and report the outcome with on_page() or on_fetch_failed().
    send_request,
    /// A page is ready for the consumer; call on_page_done() when it wants more.
    page_ready,
    /// The run is over; resume_token() says whether and where the listing goes on.
    finished,
    /// The run failed; error() says why and resume_token() where to resume.
    failed,
};

namespace detail {

/// What a token value sends: null, and the string "None" (botocore's spelling of no token), clear
/// the request's field.
inline bool sends_no_token(const token_value& value) noexcept {
    return value.is_null() || (value.is_string() && value.as_string() == std::string_view("None"));
}

/// The two token maps of a run: the one request() carries (current) and the one the ready page
/// returned (next). This general form keeps name/value pairs, for APIs with several input tokens.
template <class TokenPolicy, class Traits, bool OneToken = (Traits::token_count == 1)>
class run_tokens {
public:
    using request_type = typename Traits::request_type;
    using page_type = typename Traits::page_type;

    run_tokens() {
        for (const token_field& field : TokenPolicy::input_tokens) {
            current_.emplace_back(std::string(field.name), token_value());
        }
    }

    /// Starts from a decoded starting token.
    void start_from(token_map tokens) { current_ = std::move(tokens); }

    const token_map& current() const noexcept { return current_; }
    const token_map& next() const noexcept { return next_; }

    /// The ready page said there is no next page.
    void clear_next() noexcept { next_.clear(); }

    /// Reads the ready page's tokens, in field order, into the map of two pages ago.
    void read_next(const page_type& page) {
        bool in_field_order = next_.size() == Traits::token_count;
        for (std::size_t i = 0; in_field_order && i < Traits::token_count; ++i) {
            in_field_order = next_[i].first == TokenPolicy::input_tokens[i].name;
        }
        if (!in_field_order) {
            next_.clear();
            for (std::size_t i = 0; i < Traits::token_count; ++i) {
                next_.emplace_back(std::string(TokenPolicy::input_tokens[i].name), token_value());
            }
        }
        for (std::size_t i = 0; i < Traits::token_count; ++i) {
            read_one(page, i, next_[i].second);
        }
    }

    bool next_is_empty() const noexcept {
        for (const auto& entry : next_) {
            if (!entry.second.is_null()) {
                return false;
            }
        }
        return true;
    }

    bool next_repeats_current() const { return next_ == current_; }

    void write_current(request_type& request) const { write(request, current_); }
    void write_next(request_type& request) const { write(request, next_); }

    /// The ready page's tokens become the current ones; the old map keeps its keys and buffers
    /// for the page after.
    void advance() noexcept { current_.swap(next_); }

    static void read_one(const page_type& page, std::size_t i, token_value& value) {
        TokenPolicy::read_token_into(page, i, value);  // may reuse the buffer of two pages ago
        if (value.is_empty_token()) {
            value.set_null();
        }
    }

    static void write_one(request_type& request, std::size_t i, const token_value* value) {
        if (value == nullptr || sends_no_token(*value)) {
            TokenPolicy::write_token(request, i, token_value());
        } else {
            TokenPolicy::write_token(request, i, *value);
        }
    }

private:
    static void write(request_type& request, const token_map& tokens) {
        for (std::size_t i = 0; i < Traits::token_count; ++i) {
            const token_value* value = nullptr;
            for (const auto& entry : tokens) {
                if (entry.first == TokenPolicy::input_tokens[i].name) {
                    value = &entry.second;
                }
            }
            write_one(request, i, value);
        }
    }

    token_map current_;
    token_map next_;
};

/// The same for an API with one input token, which is most of them: the two values alone, without
/// names (a map is made only to encode a resume token), and no swap (an index says which is current).
template <class TokenPolicy, class Traits>
class run_tokens<TokenPolicy, Traits, true> {
    using general = run_tokens<TokenPolicy, Traits, false>;

public:
    using request_type = typename Traits::request_type;
    using page_type = typename Traits::page_type;

    /// A decoded starting token names exactly the one input token (the decoder adds it when
    /// absent and rejects other names and duplicates).
    void start_from(token_map tokens) {
        PAGINATION_ASSERT(tokens.size() == 1 && tokens.front().first == TokenPolicy::input_tokens[0].name);
        values_[current_] = std::move(tokens.back().second);
        next_cleared_ = false;
    }

    token_map current() const { return as_map(values_[current_]); }
    token_map next() const { return next_cleared_ ? token_map() : as_map(values_[current_ ^ 1U]); }

    void clear_next() noexcept {
        values_[current_ ^ 1U].set_null();
        next_cleared_ = true;
    }

    void read_next(const page_type& page) {
        general::read_one(page, 0, values_[current_ ^ 1U]);
        next_cleared_ = false;
    }

    bool next_is_empty() const noexcept { return values_[current_ ^ 1U].is_null(); }
    bool next_repeats_current() const {
        const token_value& next = values_[current_ ^ 1U];
        const token_value& current = values_[current_];
        if (next.is_string() && current.is_string()) {  // the common case, kept inline
            const std::string& a = next.as_string();
            const std::string& b = current.as_string();
            // Tokens of one listing share their length and often a prefix: the last character
            // tells most of them apart without a call to compare.
            return a.size() == b.size() && (a.empty() || (a.back() == b.back() &&
                                                          std::char_traits<char>::compare(a.data(), b.data(), a.size()) == 0));
        }
        return next == current;
    }

    void write_current(request_type& request) const { general::write_one(request, 0, &values_[current_]); }
    void write_next(request_type& request) const { general::write_one(request, 0, &values_[current_ ^ 1U]); }

    void advance() noexcept { current_ ^= 1U; }

private:
    static token_map as_map(const token_value& value) {
        token_map map;
        map.emplace_back(std::string(TokenPolicy::input_tokens[0].name), value);
        return map;
    }

    token_value values_[2];
    unsigned current_ = 0;       // index of the value request() carries
    bool next_cleared_ = false;  // the ready page said there is no next page: next() is empty
};

} // namespace detail

/// One run of the pagination contract (docs/design.md), independent of how pages are fetched.
template <class TokenPolicy, class LimitPolicy>
PAGINATION_REQUIRES_POLICIES(TokenPolicy, LimitPolicy)
class run_state {
    using traits = detail::policy_traits<TokenPolicy, LimitPolicy>;
    using tokens_type = detail::run_tokens<TokenPolicy, traits>;

public:
    using request_type = typename traits::request_type;
    using page_type = typename traits::page_type;
    /// The page's primary result list, and what iterating it yields.
    using list_type = typename traits::list_type;
    using item_reference = decltype(*std::begin(std::declval<list_type&>()));

    /// Applies the config to the request: the starting token's values and the page size. A
    /// rejected starting token or page size fails the run before any request.
    run_state(request_type request, const pagination_config& config, const paginator_options& options = {})
        : request_(std::move(request)),
          max_items_(config.max_items),
          on_repeated_(options.on_repeated_token.value_or(TokenPolicy::on_repeated_token)),
          detect_cycles_(options.detect_token_cycles) {
        if (config.starting_token) {
            decode_result decoded = decode_starting_token(*config.starting_token, TokenPolicy::input_tokens,
                                                          options.limits);
            if (!decoded) {
                fail_before_start(decoded.error(), config.starting_token);
                return;
            }
            decoded_token start = std::move(decoded).value();
            tokens_.start_from(std::move(start.tokens));
            skip_ = start.skip;
            has_starting_token_ = true;
            tokens_.write_current(request_);
            remember_current();
        }
        if (config.page_size) {
            if (*config.page_size > LimitPolicy::max_page_size) {
                fail_before_start(pagination::error(errc::invalid_page_size,
                                        "PageSize " + std::to_string(*config.page_size) +
                                            " does not fit the API's limit field (at most " +
                                            std::to_string(LimitPolicy::max_page_size) + ")"),
                                  config.starting_token);
                return;
            }
            if (!write_page_size(*config.page_size)) {
                fail_before_start(pagination::error(errc::invalid_page_size,
                                        "PageSize is not supported for this API: it has no limit field"),
                                  config.starting_token);
                return;
            }
        }
        if (std::optional<pagination::error> rejected = TokenPolicy::validate_request(request_)) {
            fail_before_start(std::move(*rejected), config.starting_token);
            return;
        }
    }

    run_status status() const noexcept { return status_; }

    /// The request to send next (status send_request).
    const request_type& request() const noexcept { return request_; }

    /// The fetch of request() returned `page`: drops the starting token's skipped items, trims it
    /// to MaxItems, reads its tokens. Afterwards the page is the consumer's (status page_ready).
    void on_page(page_type& page) {
        PAGINATION_ASSERT(status_ == run_status::send_request);
        page_skip_ = skip_;
        skip_ = 0;
        if (first_request_ && has_starting_token_) {
            const std::size_t size = traits::item_count(page);
            const std::size_t drop = page_skip_ < size ? page_skip_ : size;
            if (drop > 0) {
                LimitPolicy::keep_items(page, drop, size - drop);
            }
            LimitPolicy::clear_secondary_results(page);
        }
        first_request_ = false;
        std::size_t n = traits::item_count(page);
        trimmed_ = false;
        handed_ = 0;
        if (max_items_ && total_ + n > *max_items_) {
            n = *max_items_ - total_;
            LimitPolicy::keep_items(page, 0, n);
            trimmed_ = true;
            outcome_ = page_outcome::truncated;
        } else {
            read_tokens(page);
            if (tokens_.next_is_empty()) {
                outcome_ = page_outcome::complete;
            } else if (max_items_ && total_ + n == *max_items_) {
                outcome_ = page_outcome::max_items_reached;
            } else if (has_previous_ && tokens_.next_repeats_current()) {
                outcome_ = page_outcome::repeated;
            } else if (detect_cycles_ && seen_.contains(canonical(tokens_.next()))) {
                outcome_ = page_outcome::cycle;
            } else {
                outcome_ = page_outcome::more;
            }
        }
        total_ += n;
        page_items_ = n;
        ++pages_received_;
        status_ = run_status::page_ready;
    }

    /// The fetch of request() failed: the run fails, and resume_token() points at this request.
    void on_fetch_failed(error e) {
        PAGINATION_ASSERT(status_ == run_status::send_request);
        fail(std::move(e));
    }

    /// The consumer has been handed the first `count` items of the ready page.
    void on_handed(std::size_t count) noexcept { handed_ = handed_at_least(count); }

    /// The consumer is done with the ready page and wants more: the run goes on (send_request),
    /// ends (finished), or fails (a repeated token).
    void on_page_done() {
        PAGINATION_ASSERT(status_ == run_status::page_ready);
        handed_ = page_items_;
        switch (outcome_) {
        case page_outcome::more: advance(); return;
        case page_outcome::complete:
        case page_outcome::max_items_reached:
        case page_outcome::truncated: finish(); return;
        case page_outcome::repeated:
            if (on_repeated_ == repeated_token_action::proceed) {
                advance();
            } else if (on_repeated_ == repeated_token_action::stop) {
                finish();
            } else {
                fail(pagination::error(errc::repeated_token,
                           "the service returned the same token twice: " + canonical(tokens_.next()) +
                               " (set paginator_options::on_repeated_token to stop or proceed if the API "
                               "does this on purpose)"));
            }
            return;
        case page_outcome::cycle:
            fail(pagination::error(errc::token_cycle, "the service returned a token it had returned before: " + canonical(tokens_.next())));
            return;
        }
    }

    /// While a page is ready: the request on_page_done() will ask for next, if the run goes on
    /// (so that a driver can fetch it ahead); otherwise empty. The machine learns of that page
    /// only after on_page_done(), so prefetching changes no rule.
    std::optional<request_type> upcoming_request() const {
        if (status_ != run_status::page_ready) {
            return std::nullopt;
        }
        if (outcome_ == page_outcome::more ||
            (outcome_ == page_outcome::repeated && on_repeated_ == repeated_token_action::proceed)) {
            request_type next = request_;
            tokens_.write_next(next);
            return next;
        }
        return std::nullopt;
    }

    /// Pages received so far (a page is counted by on_page()).
    std::size_t pages_received() const noexcept { return pages_received_; }

    /// Items of the ready page handed to the consumer so far.
    std::size_t page_handed_count() const noexcept { return handed_; }

    /// Items of the ready page (after skip and trim).
    std::size_t page_item_count() const noexcept { return page_items_; }

    /// Items yielded by the run so far, counting the ready page whole.
    std::size_t items_yielded() const noexcept { return total_; }

    /// The failure, or null.
    const pagination::error* error() const noexcept { return error_ ? &*error_ : nullptr; }

    /// Where the next run should begin: boto3's token after a run MaxItems ended; empty after the
    /// listing ended; otherwise the first item not yet handed to the consumer.
    std::optional<std::string> resume_token() const { return resume_token_if_handed(0); }

    /// resume_token() if the consumer has also been handed the first `count` items of the ready
    /// page (a driver that counts what it hands out itself reports it here, or with on_handed()).
    std::optional<std::string> resume_token_if_handed(std::size_t count) const {
        if (status_ == run_status::finished || status_ == run_status::failed) {
            return final_token_;
        }
        return position(handed_at_least(count));
    }

private:
    enum class page_outcome { more, complete, max_items_reached, truncated, repeated, cycle };

    /// Writes PageSize through the LimitPolicy; false when the request has no limit field (a
    /// set_page_size that returns void always has one).
    bool write_page_size(std::size_t size) {
        if constexpr (std::is_void_v<decltype(LimitPolicy::set_page_size(request_, size))>) {
            LimitPolicy::set_page_size(request_, size);
            return true;
        } else {
            return static_cast<bool>(LimitPolicy::set_page_size(request_, size));
        }
    }

    static std::string canonical(const token_map& tokens) {
        std::string text;
        detail::dump(token_value(tokens), text);
        return text;
    }

    // The items of the ready page handed out if the consumer has been handed `count` (capped at
    // the page) and at least those reported so far.
    std::size_t handed_at_least(std::size_t count) const noexcept {
        const std::size_t capped = count < page_items_ ? count : page_items_;
        return capped > handed_ ? capped : handed_;
    }

    // A token that resumes `skip` items into the page `tokens` ask for: with the amount only when
    // there is one to skip (boto3 writes none for 0).
    static std::string encode_skipping(const token_map& tokens, std::size_t skip) {
        return skip == 0 ? encode_resume_token(tokens, std::nullopt) : encode_resume_token(tokens, skip);
    }

    // Where the next run should begin, with `handed` items of the ready page handed out.
    std::optional<std::string> position(std::size_t handed) const {
        if (status_ == run_status::send_request) {
            return encode_skipping(tokens_.current(), skip_);
        }
        if (trimmed_) {
            // MaxItems cut the page: boto3 writes the amount even when it is 0.
            return encode_resume_token(tokens_.current(), page_skip_ + handed);
        }
        if (handed == page_items_) {
            switch (outcome_) {
            case page_outcome::complete: return std::nullopt;
            case page_outcome::more:
            case page_outcome::max_items_reached: return encode_resume_token(tokens_.next(), std::nullopt);
            default: break;
            }
        }
        return encode_skipping(tokens_.current(), page_skip_ + handed);
    }

    void read_tokens(const page_type& page) {
        if (!static_cast<bool>(TokenPolicy::more_results(page))) {
            tokens_.clear_next();
            return;
        }
        tokens_.read_next(page);
    }

    void remember_current() {
        if (detect_cycles_) {
            seen_.insert(canonical(tokens_.current()));
        }
    }

    void advance() {
        tokens_.write_next(request_);
        has_previous_ = true;
        tokens_.advance();
        remember_current();
        status_ = run_status::send_request;
    }

    void finish() {
        final_token_ = position(handed_);
        status_ = run_status::finished;
    }

    void fail(pagination::error e) {
        final_token_ = position(handed_);
        error_ = std::move(e);
        status_ = run_status::failed;
    }

    void fail_before_start(pagination::error e, const std::optional<std::string>& starting_token) {
        final_token_ = starting_token ? starting_token : position(handed_);
        error_ = std::move(e);
        status_ = run_status::failed;
    }

    request_type request_;
    std::optional<std::size_t> max_items_;
    repeated_token_action on_repeated_;
    bool detect_cycles_;
    run_status status_ = run_status::send_request;
    bool has_starting_token_ = false;
    bool first_request_ = true;
    tokens_type tokens_;  // the tokens request() carries, and those the ready page returned
    bool has_previous_ = false;
    std::size_t skip_ = 0;       // items to drop from the next page
    std::size_t page_skip_ = 0;  // items dropped from the ready page
    std::size_t page_items_ = 0;
    std::size_t handed_ = 0;     // items of the ready page the consumer has been handed
    std::size_t total_ = 0;
    std::size_t pages_received_ = 0;
    bool trimmed_ = false;
    page_outcome outcome_ = page_outcome::more;
    std::optional<std::string> final_token_;
    std::optional<pagination::error> error_;
    detail::string_set seen_;
};

} // namespace pagination

#endif // PAGINATION_RUN_STATE_HPP
