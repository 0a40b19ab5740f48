#ifndef PAGINATION_PAGINATOR_HPP
#define PAGINATION_PAGINATOR_HPP

// The blocking driver: a paginator owns the fetcher and one run_state, and offers the run as two
// lazy, single-pass input ranges (pages and items) that fetch a page only when iteration reaches it.

#include <pagination/config.hpp>
#include <pagination/detail/fetch_result.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/policies.hpp>
#include <pagination/run_state.hpp>

#include <cstddef>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace pagination {

namespace detail {

/// Where a paginator keeps the ready page: an optional that can also construct the page from what
/// a fetcher returns, so that a page returned by value is made in place (never moved).
template <class T>
class page_slot {
public:
    page_slot() noexcept {}
    page_slot(page_slot&& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
        if (other.engaged_) {
            ::new (static_cast<void*>(&value_)) T(std::move(other.value_));
            engaged_ = true;
        }
    }
    page_slot(const page_slot&) = delete;
    page_slot& operator=(const page_slot&) = delete;
    page_slot& operator=(page_slot&&) = delete;
    ~page_slot() { reset(); }

    explicit operator bool() const noexcept { return engaged_; }
    T& operator*() noexcept { return value_; }
    const T& operator*() const noexcept { return value_; }

    /// Makes the page `make()` returns (empty: reset() first).
    template <class Make>
    void emplace_from(Make&& make) {
        ::new (static_cast<void*>(&value_)) T(std::forward<Make>(make)());
        engaged_ = true;
    }

    void reset() noexcept {
        if (engaged_) {
            engaged_ = false;
            value_.~T();
        }
    }

private:
    union {
        T value_;
    };
    bool engaged_ = false;
};

} // namespace detail

/// The end of a page or item range.
struct end_sentinel {};

namespace detail {

/// What the page and item iterators of a paginator have in common: the paginator they ask, the
/// input-iterator tags, the postfix increment and the comparisons with the end. `Iterator` says
/// where the end is (at_end(); it befriends this base).
template <class Iterator, class Owner>
class run_iterator {
public:
    using iterator_category = std::input_iterator_tag;
    using iterator_concept = std::input_iterator_tag;
    using difference_type = std::ptrdiff_t;

    void operator++(int) { ++static_cast<Iterator&>(*this); }
    friend bool operator==(const Iterator& it, end_sentinel) noexcept { return ended(it); }
    friend bool operator==(end_sentinel, const Iterator& it) noexcept { return ended(it); }
    friend bool operator!=(const Iterator& it, end_sentinel) noexcept { return !ended(it); }
    friend bool operator!=(end_sentinel, const Iterator& it) noexcept { return !ended(it); }

protected:
    run_iterator() = default;
    explicit run_iterator(Owner* owner) noexcept : owner_(owner) {}

    Owner* owner_ = nullptr;

private:
    static bool ended(const Iterator& it) noexcept { return it.at_end(); }
};

} // namespace detail

/// Walks a paginated API: one run of the pagination contract (docs/design.md) over `Fetcher`,
/// a callable taking `const request_type&` and returning the page, an expected-like value of it,
/// or an AWS SDK for C++ Outcome (or throwing).
///
/// A paginator is one run, and its ranges refer to it: keep it alive and in place while iterating.
template <class Fetcher, class TokenPolicy, class LimitPolicy>
PAGINATION_REQUIRES_POLICIES(TokenPolicy, LimitPolicy)
class paginator {
    using traits = detail::policy_traits<TokenPolicy, LimitPolicy>;
    using state_type = run_state<TokenPolicy, LimitPolicy>;

public:
    using request_type = typename state_type::request_type;
    using page_type = typename state_type::page_type;
    using list_type = typename state_type::list_type;
    using item_reference = typename state_type::item_reference;
    using item_type = std::remove_cv_t<std::remove_reference_t<item_reference>>;

private:
    using list_iterator = decltype(std::begin(std::declval<list_type&>()));
    using list_difference = typename std::iterator_traits<list_iterator>::difference_type;
    // Where an item iterator goes on: the rest of a page (never empty), or first == last at the end.
    // Returned by value, so that the iterator never escapes into the slow path and stays in registers.
    struct item_span {
        list_iterator first;
        list_iterator last;
    };
    // How the item iterator marks the last item it handed out: by its address (a pointer store
    // costs a compiler no second induction variable, as storing an iterator can), or by position
    // for a list whose items are not objects (a proxy reference).
    static constexpr bool marks_by_address = std::is_lvalue_reference_v<item_reference>;
    using handed_mark =
        std::conditional_t<marks_by_address, std::add_pointer_t<std::remove_reference_t<item_reference>>, list_iterator>;

public:
    class page_range;
    class item_range;

    /// Iterates the pages of the run; a page is yours to move from.
    class page_iterator : public detail::run_iterator<page_iterator, paginator> {
        using base = detail::run_iterator<page_iterator, paginator>;

    public:
        using value_type = page_type;
        using pointer = page_type*;
        using reference = page_type&;

        page_iterator() = default;
        reference operator*() const { return this->owner_->page_handed_whole(); }
        pointer operator->() const { return &this->owner_->page_handed_whole(); }
        page_iterator& operator++() {
            this->owner_->next_page();
            return *this;
        }
        using base::operator++;

    private:
        friend base;
        friend class page_range;
        explicit page_iterator(paginator* owner) noexcept : base(owner) {}
        bool at_end() const noexcept { return this->owner_ == nullptr || this->owner_->at_end(); }
    };

    /// Iterates the items of the primary result list across pages. It keeps its position in the
    /// ready page itself (in registers, within a page), and tells the paginator only which item it
    /// last handed out: an item counts as handed once dereferenced or passed.
    class item_iterator : public detail::run_iterator<item_iterator, paginator> {
        using base = detail::run_iterator<item_iterator, paginator>;

    public:
        using value_type = item_type;
        using pointer = std::remove_reference_t<item_reference>*;
        using reference = item_reference;

        item_iterator() = default;
        reference operator*() const {
            record_handed();
            return *cursor_;
        }
        pointer operator->() const {
            record_handed();
            return &*cursor_;
        }
        item_iterator& operator++() {
            if (!recorded_) {
                this->owner_->last_handed_ = mark_of(cursor_);  // passing an item hands it out too
            }
            recorded_ = false;
            ++cursor_;
            if (cursor_ == page_end_) {
                seat(this->owner_->next_items());
            }
            return *this;
        }
        using base::operator++;

    private:
        friend base;
        friend class paginator;
        explicit item_iterator(paginator* owner) noexcept : base(owner) {}

        // Tells the paginator that the current item is handed out. The flag lets operator++ skip
        // the second record in the usual loop (dereference, then pass), which a compiler cannot
        // merge when the loop body may read memory.
        void record_handed() const noexcept {
            this->owner_->last_handed_ = mark_of(cursor_);
            recorded_ = true;
        }
        // Goes on at `span`; an empty one is the end of the run, where the iterator lets go of the
        // paginator. (Testing the owner rather than the cursor at the end lets a compiler keep
        // the loop over one page free of a second test of the page end.)
        void seat(item_span span) noexcept {
            cursor_ = span.first;
            page_end_ = span.last;
            if (span.first == span.last) {
                this->owner_ = nullptr;
            }
        }
        bool at_end() const noexcept { return this->owner_ == nullptr; }

        list_iterator cursor_{};
        list_iterator page_end_{};
        mutable bool recorded_ = false;  // operator* has told the paginator of the current item
    };

    /// The pages of the run, as a single-pass input range. begin() fetches the first page (or
    /// continues where an earlier iteration stopped).
    class page_range {
    public:
        page_iterator begin() const {
            owner_->begin_pages();
            return page_iterator(owner_);
        }
        end_sentinel end() const noexcept { return {}; }

    private:
        friend class paginator;
        explicit page_range(paginator* owner) : owner_(owner) {}
        paginator* owner_;
    };

    /// The items of the run, as a single-pass input range.
    class item_range {
    public:
        item_iterator begin() const {
            item_iterator it(owner_);
            it.seat(owner_->begin_items());
            return it;
        }
        end_sentinel end() const noexcept { return {}; }

    private:
        friend class paginator;
        explicit item_range(paginator* owner) : owner_(owner) {}
        paginator* owner_;
    };

    /// Prepares a run; nothing is fetched until iteration begins. A rejected starting token or
    /// page size is reported when iteration begins (thrown, or by error()).
    paginator(Fetcher fetcher, request_type request, const pagination_config& config = {},
              const paginator_options& options = {})
        : fetcher_(std::move(fetcher)), state_(std::move(request), config, options) {}

    paginator(paginator&& other) noexcept(std::is_nothrow_move_constructible_v<Fetcher> &&
                                          std::is_nothrow_move_constructible_v<state_type> &&
                                          std::is_nothrow_move_constructible_v<page_type>)
        : fetcher_(std::move(other.fetcher_)),
          state_(std::move(other.state_)),
          page_(std::move(other.page_)),
          page_handed_(other.page_handed_),
          failed_full_result_(std::move(other.failed_full_result_)) {
        // The page's list may have moved (an array inside the page): find the positions again.
        const std::size_t handed = other.items_handed();
        if (page_) {
            mark_page_items();
            if (handed > 0) {
                last_handed_ = mark_of(std::next(items_begin_, static_cast<list_difference>(handed - 1)));
            }
        }
    }
    paginator& operator=(paginator&&) = delete;
    paginator(const paginator&) = delete;
    paginator& operator=(const paginator&) = delete;
    ~paginator() = default;

    /// The pages of the run: a lazy, single-pass input range (an lvalue, so it pipes into views).
    page_range& pages() noexcept { return pages_; }

    /// The items of the primary result list, across pages: a lazy, single-pass input range.
    item_range& items() noexcept { return items_; }

    /// Where the next run should begin (a StartingToken): boto3's token after a run that MaxItems
    /// ended; empty after the listing ended; after an early stop or a failure, the first item not
    /// yet handed to the consumer.
    std::optional<std::string> resume_token() const {
        if (failed_full_result_.failed) {
            return failed_full_result_.started_at;
        }
        return state_.resume_token_if_handed(state_.status() == run_status::page_ready ? items_handed() : 0);
    }

    /// The failure that ended the run, or null. Without exceptions, check it after iterating.
    const pagination::error* error() const noexcept { return state_.error(); }

    /// Items handed out so far (pages count whole).
    std::size_t items_yielded() const noexcept { return state_.items_yielded(); }

    /// The whole run as one page: every item, the other fields of the first page, and the token
    /// field set to resume_token() (what the AWS CLI prints). A run that yields no page (one that
    /// is already over, or whose first fetch failed without exceptions) gives a default-constructed
    /// page with that token; so page_type must be default constructible. If a fetch fails, it
    /// throws and resume_token() is where this run began; without exceptions it returns what it
    /// has, and error() and resume_token() say what is missing.
    page_type build_full_result() {
        static_assert(traits::can_set_resume_token,
                      "build_full_result() needs TokenPolicy::set_resume_token(page_type&, const "
                      "std::optional<std::string>&) to write the resume token into the result");
        static_assert(std::is_default_constructible_v<page_type>,
                      "build_full_result() needs a default-constructible page_type: a run that yields no "
                      "page returns a default page carrying the resume token");
        record_items_handed();
        std::optional<std::string> start = state_.resume_token();
        std::optional<page_type> full;
#if PAGINATION_EXCEPTIONS
        try {
#endif
            for (auto it = pages_.begin(); it != end_sentinel{}; ++it) {
                if (!full) {
                    full.emplace(std::move(*it));
                } else {
                    LimitPolicy::append_page(*full, std::move(*it));
                }
            }
#if PAGINATION_EXCEPTIONS
        } catch (...) {
            failed_full_result_.failed = true;
            failed_full_result_.started_at = std::move(start);
            throw;
        }
#endif
        if constexpr (std::is_default_constructible_v<page_type>) {  // otherwise the assertion above fails
            if (!full) {
                full.emplace();  // no page: the default one, with the resume token
            }
        }
        TokenPolicy::set_resume_token(*full, resume_token());
        return std::move(*full);
    }

    /// The run's state machine, for inspection. It first records in the state how far items()
    /// has handed out the ready page (which the item iterator tells the paginator alone).
    const state_type& state() {
        record_items_handed();
        return state_;
    }

private:
    // What resume_token() reports after build_full_result() failed: where that call began, not
    // where the state machine stopped.
    struct failed_full_result {
        bool failed = false;
        std::optional<std::string> started_at;
    };

    bool at_end() const noexcept { return state_.status() != run_status::page_ready; }

    void begin_pages() {
        record_items_handed();
        if (state_.status() == run_status::page_ready && page_handed_) {
            next_page();
            return;
        }
        fetch_while_needed();
        raise_if_failed();
    }

    // The ready page, handed whole to the consumer (who may move from it).
    page_type& page_handed_whole() {
        page_handed_ = true;
        state_.on_handed(state_.page_item_count());
        last_handed_ = no_mark();  // no position in a page that may be moved from is kept
        return *page_;
    }

    void next_page() {
        if (state_.status() == run_status::page_ready) {
            state_.on_page_done();
        }
        fetch_while_needed();
        raise_if_failed();
    }

    // The first item not yet handed out, past handed, empty and finished pages.
    item_span begin_items() {
        record_items_handed();
        return first_item_from(state_.status() == run_status::page_ready ? state_.page_handed_count() : 0);
    }

    // An item iterator handed out the ready page's last item.
#if defined(__GNUC__)
    __attribute__((noinline))
#endif
    item_span next_items() {
        if (state_.status() == run_status::page_ready) {
            state_.on_page_done();
        }
        return first_item_from(0);
    }

    // The item `skip` items into the ready page, or into the next page that has items.
    item_span first_item_from(std::size_t skip) {
        while (true) {
            fetch_while_needed();
            if (state_.status() != run_status::page_ready) {
                raise_if_failed();
                return item_span{list_iterator{}, list_iterator{}};
            }
            if (skip < state_.page_item_count()) {
                return item_span{std::next(items_begin_, static_cast<list_difference>(skip)), items_end_};
            }
            state_.on_page_done();
            skip = 0;
        }
    }

    // Items of the ready page handed out by items(): up to the last one dereferenced or passed.
    // Found by walking the page, when asked (at most once per loop or query, never per item).
    std::size_t items_handed() const noexcept {
        if (last_handed_ == no_mark()) {
            return 0;
        }
        std::size_t count = 0;
        for (list_iterator it = items_begin_; it != items_end_; ++it) {
            ++count;
            if (mark_of(it) == last_handed_) {
                return count;
            }
        }
        return 0;
    }

    static handed_mark mark_of(const list_iterator& item) noexcept {
        if constexpr (marks_by_address) {
            return std::addressof(*item);
        } else {
            return item;
        }
    }

    handed_mark no_mark() const noexcept {
        if constexpr (marks_by_address) {
            return nullptr;
        } else {
            return items_end_;
        }
    }

    // Tells the machine how far items() has handed the ready page out.
    void record_items_handed() noexcept {
        if (state_.status() == run_status::page_ready) {
            state_.on_handed(items_handed());
        }
    }

    // The ready page's list: where it begins and ends, and nothing of it handed out by items().
    void mark_page_items() {
        auto& list = LimitPolicy::items(*page_);
        items_begin_ = std::begin(list);
        items_end_ = std::end(list);
        last_handed_ = no_mark();
    }

    void fetch_while_needed() {
        while (state_.status() == run_status::send_request) {
            fetch_one();
        }
    }

    void fetch_one() {
        using result_type = std::decay_t<decltype(fetcher_(state_.request()))>;
        using result_traits = detail::fetch_result_traits<result_type, page_type>;
#if PAGINATION_EXCEPTIONS
        try {
#endif
            release_page();  // the consumer is done with it: free it before the next one is made
            if constexpr (result_traits::is_page) {
                page_.emplace_from([this]() -> page_type { return fetcher_(state_.request()); });
            } else {
                result_type result = fetcher_(state_.request());
                if (!result_traits::ok(result)) {
                    state_.on_fetch_failed(result_traits::failure(result));
                    return;
                }
                page_.emplace_from([&result]() -> page_type { return result_traits::take(result); });
            }
#if PAGINATION_EXCEPTIONS
        } catch (...) {
            state_.on_fetch_failed(pagination::error::from_fetcher_exception(std::current_exception()));
            return;
        }
#endif
        state_.on_page(*page_);
        page_handed_ = false;
        mark_page_items();
    }

    // Destroys the consumed page. Kept small and flattened so that the item type's destructor
    // is inlined into its loop (GCC leaves it out of line inside the larger fetch_one()).
#if defined(__GNUC__)
    __attribute__((noinline, flatten))
#endif
    void release_page() noexcept { page_.reset(); }

    void raise_if_failed() const {
#if PAGINATION_EXCEPTIONS
        if (const pagination::error* e = state_.error()) {
            throw_error(*e);
        }
#endif
    }

    Fetcher fetcher_;
    state_type state_;  // learns how far items() has handed out at page ends and record_items_handed()
    detail::page_slot<page_type> page_;
    list_iterator items_begin_{};  // the ready page's list
    list_iterator items_end_{};
    handed_mark last_handed_{};    // the last item items() handed out; no_mark() for none
    bool page_handed_ = false;     // pages() handed the ready page out whole
    failed_full_result failed_full_result_;
    page_range pages_{this};
    item_range items_{this};
};

/// Makes a paginator, deducing the fetcher's type.
template <class TokenPolicy, class LimitPolicy, class Fetcher>
paginator<Fetcher, TokenPolicy, LimitPolicy> paginate(Fetcher fetcher, typename TokenPolicy::request_type request,
                                                      const pagination_config& config = {},
                                                      const paginator_options& options = {}) {
    return paginator<Fetcher, TokenPolicy, LimitPolicy>(std::move(fetcher), std::move(request), config, options);
}

} // namespace pagination

#endif // PAGINATION_PAGINATOR_HPP
