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
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace pagination {

/// The end of a page or item range.
struct end_sentinel {};

/// Walks a paginated API: one run of the pagination contract (docs/design.md) over `Fetcher`,
/// a callable taking `const request_type&` and returning the page, an expected-like value of it,
/// or an AWS SDK for C++ Outcome (or throwing).
///
/// A paginator is one run, and its ranges refer to it: keep it alive and in place while iterating.
template <class Fetcher, class TokenPolicy, class LimitPolicy>
class paginator {
    using traits = detail::policy_traits<TokenPolicy, LimitPolicy>;
    using state_type = run_state<TokenPolicy, LimitPolicy>;

public:
    using request_type = typename traits::request_type;
    using page_type = typename traits::page_type;
    using list_type = typename traits::list_type;
    using item_reference = decltype(*std::begin(std::declval<list_type&>()));
    using item_type = std::remove_cv_t<std::remove_reference_t<item_reference>>;

    class page_range;
    class item_range;

    /// Iterates the pages of the run; a page is yours to move from.
    class page_iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using iterator_concept = std::input_iterator_tag;
        using value_type = page_type;
        using difference_type = std::ptrdiff_t;
        using pointer = page_type*;
        using reference = page_type&;

        page_iterator() = default;
        reference operator*() const { return owner_->hand_page(); }
        pointer operator->() const { return &owner_->hand_page(); }
        page_iterator& operator++() {
            owner_->next_page();
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const page_iterator& it, end_sentinel) noexcept { return it.at_end(); }
        friend bool operator==(end_sentinel, const page_iterator& it) noexcept { return it.at_end(); }
        friend bool operator!=(const page_iterator& it, end_sentinel) noexcept { return !it.at_end(); }
        friend bool operator!=(end_sentinel, const page_iterator& it) noexcept { return !it.at_end(); }

    private:
        friend class page_range;
        explicit page_iterator(paginator* owner) : owner_(owner) {}
        bool at_end() const noexcept { return owner_ == nullptr || owner_->at_end(); }
        paginator* owner_ = nullptr;
    };

    /// Iterates the items of the primary result list across pages.
    class item_iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using iterator_concept = std::input_iterator_tag;
        using value_type = item_type;
        using difference_type = std::ptrdiff_t;
        using pointer = std::remove_reference_t<item_reference>*;
        using reference = item_reference;

        item_iterator() = default;
        reference operator*() const { return owner_->hand_item(); }
        pointer operator->() const { return &owner_->hand_item(); }
        item_iterator& operator++() {
            owner_->next_item();
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const item_iterator& it, end_sentinel) noexcept { return it.at_end(); }
        friend bool operator==(end_sentinel, const item_iterator& it) noexcept { return it.at_end(); }
        friend bool operator!=(const item_iterator& it, end_sentinel) noexcept { return !it.at_end(); }
        friend bool operator!=(end_sentinel, const item_iterator& it) noexcept { return !it.at_end(); }

    private:
        friend class item_range;
        explicit item_iterator(paginator* owner) : owner_(owner) {}
        bool at_end() const noexcept { return owner_ == nullptr || owner_->at_end(); }
        paginator* owner_ = nullptr;
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
            owner_->begin_items();
            return item_iterator(owner_);
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
          item_index_(other.item_index_),
          page_end_(other.page_end_),
          deref_mark_(other.deref_mark_),
          page_handed_(other.page_handed_),
          resume_override_(std::move(other.resume_override_)) {
        reseat_cursor();
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
        if (resume_override_) {
            return *resume_override_;
        }
        sync_handed();
        return state_.resume_token();
    }

    /// The failure that ended the run, or null. Without exceptions, check it after iterating.
    const pagination::error* error() const noexcept { return state_.error(); }

    /// Items handed out so far (pages count whole).
    std::size_t items_yielded() const noexcept { return state_.items_yielded(); }

    /// The whole run as one page: every item, the other fields of the first page, and the token
    /// field set to resume_token() (what the AWS CLI prints). If a fetch fails, it throws and
    /// resume_token() is where this run began; without exceptions it returns what it has, and
    /// error() and resume_token() say what is missing.
    page_type build_full_result() {
        static_assert(traits::can_set_resume_token,
                      "build_full_result() needs TokenPolicy::set_resume_token(page_type&, const "
                      "std::optional<std::string>&) to write the resume token into the result");
        sync_handed();
        std::optional<std::string> start = state_.resume_token();
        std::optional<page_type> full;
#if PAGINATION_EXCEPTIONS
        try {
#endif
            for (auto it = pages_.begin(); it != end_sentinel{}; ++it) {
                if (!full) {
                    full.emplace(std::move(*it));
                } else {
                    append(*full, std::move(*it));
                }
            }
#if PAGINATION_EXCEPTIONS
        } catch (...) {
            resume_override_.emplace(std::move(start));
            throw;
        }
#endif
        if (!full) {
            if constexpr (std::is_default_constructible_v<page_type>) {
                full.emplace();
            } else {
                PAGINATION_ASSERT(false && "no page and page_type is not default constructible");
            }
        }
        TokenPolicy::set_resume_token(*full, resume_token());
        return std::move(*full);
    }

    /// The run's state machine, for inspection.
    const state_type& state() const noexcept {
        sync_handed();
        return state_;
    }

private:
    using list_iterator = decltype(std::begin(std::declval<list_type&>()));

    bool at_end() const noexcept { return state_.status() != run_status::page_ready; }

    void begin_pages() {
        sync_handed();
        if (state_.status() == run_status::page_ready && page_handed_) {
            next_page();
            return;
        }
        fetch_while_needed();
        raise_if_failed();
    }

    page_type& hand_page() {
        page_handed_ = true;
        state_.on_handed(state_.page_item_count());
        return *page_;
    }

    void next_page() {
        if (state_.status() == run_status::page_ready) {
            state_.on_page_done();
        }
        fetch_while_needed();
        raise_if_failed();
    }

    void begin_items() {
        sync_handed();
        // An earlier loop may have stopped on an item it was handed: continue after it.
        while (state_.status() == run_status::page_ready && item_index_ < state_.page_handed_count()) {
            ++item_index_;
            ++cursor_;
        }
        settle_items();
        raise_if_failed();
    }

    item_reference hand_item() {
        deref_mark_ = item_index_ + 1;
        return *cursor_;
    }

    void next_item() {
        ++item_index_;
        ++cursor_;
        if (item_index_ < page_end_) {
            return;
        }
        next_item_slow();
    }

#if defined(__GNUC__)
    __attribute__((noinline))
#endif
    void next_item_slow() {
        state_.on_handed(item_index_);
        settle_items();
        raise_if_failed();
    }

    // Tells the machine how far the items iteration has handed the ready page out.
    void sync_handed() const {
        if (state_.status() == run_status::page_ready) {
            state_.on_handed(item_index_ > deref_mark_ ? item_index_ : deref_mark_);
        }
    }

    // Moves to the next item not yet handed out, past empty and finished pages.
    void settle_items() {
        while (true) {
            fetch_while_needed();
            if (state_.status() != run_status::page_ready || item_index_ < state_.page_item_count()) {
                return;
            }
            state_.on_page_done();
        }
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
            result_type result = fetcher_(state_.request());
            if (!result_traits::ok(result)) {
                state_.on_fetch_failed(result_traits::failure(result));
                return;
            }
            page_.emplace(result_traits::take(result));
#if PAGINATION_EXCEPTIONS
        } catch (...) {
            state_.on_fetch_failed(pagination::error::from_fetcher_exception(std::current_exception()));
            return;
        }
#endif
        state_.on_page(*page_);
        page_handed_ = false;
        item_index_ = 0;
        deref_mark_ = 0;
        page_end_ = state_.page_item_count();
        cursor_ = std::begin(LimitPolicy::items(*page_));
    }

    // Destroys the consumed page. Kept small and flattened so that the item type's destructor
    // is inlined into its loop (GCC leaves it out of line inside the larger fetch_one()).
#if defined(__GNUC__)
    __attribute__((noinline, flatten))
#endif
    void release_page() noexcept { page_.reset(); }

    void reseat_cursor() {
        if (page_) {
            cursor_ = std::next(std::begin(LimitPolicy::items(*page_)),
                                static_cast<typename std::iterator_traits<list_iterator>::difference_type>(item_index_));
        }
    }

    void raise_if_failed() const {
#if PAGINATION_EXCEPTIONS
        if (const pagination::error* e = state_.error()) {
            throw_error(*e);
        }
#endif
    }

    static void append(page_type& full, page_type&& page) {
        if constexpr (traits::appends_by_hook) {
            LimitPolicy::append_page(full, std::move(page));
        } else {
            auto& into = LimitPolicy::items(full);
            auto& from = LimitPolicy::items(page);
            into.insert(into.end(), std::make_move_iterator(std::begin(from)), std::make_move_iterator(std::end(from)));
        }
    }

    Fetcher fetcher_;
    mutable state_type state_;  // const queries first tell it how far items() has handed out
    std::optional<page_type> page_;
    list_iterator cursor_{};
    std::size_t item_index_ = 0;
    std::size_t page_end_ = 0;    // items of the ready page
    std::size_t deref_mark_ = 0;  // items of the ready page dereferenced (index of the last + 1)
    bool page_handed_ = false;
    std::optional<std::optional<std::string>> resume_override_;
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
