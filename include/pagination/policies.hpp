#ifndef PAGINATION_POLICIES_HPP
#define PAGINATION_POLICIES_HPP

// The two policies that teach the core an API. token_policy_base and limit_policy_base give every
// optional hook its default, so the core calls each hook unconditionally; the required pieces are
// checked once, with a message that names what is missing (under C++20 also as the concepts
// token_policy and limit_policy, which constrain the drivers). member_token_policy and
// member_limit_policy are the ready-made policies for the common shape (one string token, lists
// that are members of the page, an integer or string limit field). docs/design.md explains each
// hook.

#include <pagination/config.hpp>
#include <pagination/error.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/token_value.hpp>

#include <array>
#include <cstddef>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#if PAGINATION_HAS_CONCEPTS
#include <concepts>
#endif

namespace pagination {

/// What a run does when the service returns the same token on two consecutive pages.
enum class repeated_token_action {
    /// End the run with `errc::repeated_token` (the default, as boto3 does).
    error,
    /// End the run quietly; the resume token points after the last page (a log's end).
    stop,
    /// Send the same token again (tailing a log); bound the run with MaxItems.
    proceed,
};

namespace detail {

template <class...>
using void_t = void;

template <class P, class = void>
struct has_request_type : std::false_type {};
template <class P>
struct has_request_type<P, void_t<typename P::request_type>> : std::true_type {};

template <class P, class = void>
struct has_page_type : std::false_type {};
template <class P>
struct has_page_type<P, void_t<typename P::page_type>> : std::true_type {};

template <class P, class = void>
struct has_input_tokens : std::false_type {};
template <class P>
struct has_input_tokens<
    P, std::enable_if_t<std::is_convertible_v<decltype(P::input_tokens[std::size_t{0}]), const token_field&> &&
                        std::is_convertible_v<decltype(P::input_tokens.size()), std::size_t>>> : std::true_type {};

template <class P, class Page, class = void>
struct has_read_token : std::false_type {};
template <class P, class Page>
struct has_read_token<P, Page,
                      std::enable_if_t<std::is_convertible_v<
                          decltype(P::read_token(std::declval<const Page&>(), std::size_t{0})), token_value>>>
    : std::true_type {};

template <class P, class Request, class = void>
struct has_write_token : std::false_type {};
template <class P, class Request>
struct has_write_token<P, Request,
                       void_t<decltype(P::write_token(std::declval<Request&>(), std::size_t{0},
                                                      std::declval<const token_value&>()))>> : std::true_type {};

template <class P, class Page, class = void>
struct has_set_resume_token : std::false_type {};
template <class P, class Page>
struct has_set_resume_token<P, Page,
                            void_t<decltype(P::set_resume_token(std::declval<Page&>(),
                                                                std::declval<const std::optional<std::string>&>()))>>
    : std::true_type {};

template <class L, class Page, class = void>
struct has_items : std::false_type {};
template <class L, class Page>
struct has_items<L, Page,
                 void_t<decltype(std::size(L::items(std::declval<Page&>()))),
                        decltype(std::begin(L::items(std::declval<Page&>()))),
                        decltype(std::end(L::items(std::declval<Page&>())))>> : std::true_type {};

template <class C, class = void>
struct is_erasable_list : std::false_type {};
template <class C>
struct is_erasable_list<C, void_t<decltype(std::declval<C&>().erase(std::declval<C&>().begin(),
                                                                    std::declval<C&>().end()))>>
    : std::negation<std::is_const<C>> {};

/// What every TokenPolicy and LimitPolicy derives from, through token_policy_base and
/// limit_policy_base, so that a policy without the defaults is named as such.
struct token_policy_tag {};
struct limit_policy_tag {};

/// Moves the elements of `from` to the end of `into`: how result lists are joined.
template <class List>
void append_moved(List& into, List& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

/// Checks the two policies once, with a message per missing required piece. The optional hooks
/// need no check: the base types supply them.
template <class TokenPolicy, class LimitPolicy>
struct policy_traits {
    static_assert(std::is_base_of_v<token_policy_tag, TokenPolicy>,
                  "TokenPolicy must derive from pagination::token_policy_base<TokenPolicy> (or a ready-made policy "
                  "such as member_token_policy), which supplies the defaults of the optional hooks");
    static_assert(std::is_base_of_v<limit_policy_tag, LimitPolicy>,
                  "LimitPolicy must derive from pagination::limit_policy_base<LimitPolicy> (or a ready-made policy "
                  "such as member_limit_policy), which supplies the defaults of the optional hooks");
    static_assert(has_request_type<TokenPolicy>::value,
                  "TokenPolicy must declare `using request_type = ...;` (the request the fetcher takes)");
    static_assert(has_page_type<TokenPolicy>::value,
                  "TokenPolicy must declare `using page_type = ...;` (the result of one request)");
    static_assert(has_input_tokens<TokenPolicy>::value,
                  "TokenPolicy must declare `static constexpr std::array<pagination::token_field, N> input_tokens` "
                  "naming the request's token fields");

    using request_type = typename TokenPolicy::request_type;
    using page_type = typename TokenPolicy::page_type;

    static_assert(has_read_token<TokenPolicy, page_type>::value,
                  "TokenPolicy must provide `static pagination::token_value read_token(const page_type&, std::size_t "
                  "index)` returning the output token paired with input_tokens[index]");
    static_assert(has_write_token<TokenPolicy, request_type>::value,
                  "TokenPolicy must provide `static void write_token(request_type&, std::size_t index, const "
                  "pagination::token_value&)` writing input_tokens[index] (null clears the field)");
    static_assert(has_items<LimitPolicy, page_type>::value,
                  "LimitPolicy must provide `static auto& items(page_type&)` returning the page's primary result "
                  "list (a sized range)");
    static_assert(std::is_move_constructible_v<page_type>, "page_type must be move constructible");
    static_assert(std::is_copy_constructible_v<request_type>, "request_type must be copy constructible");

    using list_type = std::remove_reference_t<decltype(LimitPolicy::items(std::declval<page_type&>()))>;

    /// build_full_result() is the one user of set_resume_token, and asks for it.
    static constexpr bool can_set_resume_token = has_set_resume_token<TokenPolicy, page_type>::value;
    static constexpr std::size_t token_count = TokenPolicy::input_tokens.size();

    static std::size_t item_count(page_type& page) { return static_cast<std::size_t>(std::size(LimitPolicy::items(page))); }
};

template <class T>
struct member_pointer_parts;
template <class Field, class Class>
struct member_pointer_parts<Field Class::*> {
    using field_type = Field;
    using class_type = Class;
};

template <class T>
struct optional_value {
    using type = T;
};
template <class T>
struct optional_value<std::optional<T>> {
    using type = T;
};

// What a limit member accepts: its value type and the largest page size that fits it.
template <class M>
struct limit_member_traits {
    using value_type = typename optional_value<typename member_pointer_parts<M>::field_type>::type;
    static constexpr std::size_t max_page_size = [] {
        if constexpr (std::is_same_v<value_type, std::string>) {
            return std::numeric_limits<std::size_t>::max();
        } else {
            static_assert(std::is_integral_v<value_type>, "a limit member must be an integer or a string");
            return static_cast<std::size_t>(std::numeric_limits<value_type>::max());
        }
    }();
};
template <>
struct limit_member_traits<std::nullptr_t> {
    static constexpr std::size_t max_page_size = std::numeric_limits<std::size_t>::max();
};

} // namespace detail

/// The defaults of a TokenPolicy's optional hooks. A TokenPolicy derives from it, naming itself:
/// `struct my_tokens : pagination::token_policy_base<my_tokens> { ... };`, and declares what it
/// needs: `request_type`, `page_type`, `input_tokens`, `read_token` and `write_token` always;
/// `set_resume_token` for build_full_result(); any hook below whose default does not fit.
template <class Derived>
struct token_policy_base : detail::token_policy_tag {
    /// What a run does when the service returns the same token twice in a row (boto3 fails).
    static constexpr repeated_token_action on_repeated_token = repeated_token_action::error;

    /// Whether the page says more results follow; false ends the listing whatever its tokens
    /// say (S3's IsTruncated). By default the tokens alone decide.
    template <class Page>
    static constexpr bool more_results(const Page&) noexcept {
        return true;
    }

    /// read_token into a value the run reuses, so that a policy can keep the buffer of two
    /// pages ago (member_token_policy does). By default it assigns read_token's value.
    template <class Page>
    static void read_token_into(const Page& page, std::size_t index, token_value& into) {
        into = Derived::read_token(page, index);
    }

    /// The service's request rules, checked on the first request before it is sent; an error
    /// (errc::invalid_request) ends the run without a request. By default every request is valid.
    template <class Request>
    static std::optional<error> validate_request(const Request&) {
        return std::nullopt;
    }
};

/// The defaults of a LimitPolicy's optional hooks. A LimitPolicy derives from it, naming itself,
/// and declares `items(page_type&)`, the page's primary result list, and any hook below whose
/// default does not fit.
template <class Derived>
struct limit_policy_base : detail::limit_policy_tag {
    /// The largest PageSize the limit field takes.
    static constexpr std::size_t max_page_size = std::numeric_limits<std::size_t>::max();

    /// Writes PageSize into the request's limit field. An override returns void, or a bool that
    /// is false when the request has no limit field. By default there is none, and a run given
    /// PageSize fails with errc::invalid_page_size before it sends anything.
    template <class Request>
    static constexpr bool set_page_size(Request&, std::size_t) noexcept {
        return false;
    }

    /// Keeps items [first, first + count) of the primary list. By default the list is erased
    /// from both ends, which needs a list with erase(); override for one without (an SDK
    /// result's const list, replaced through its setter).
    template <class Page>
    static void keep_items(Page& page, std::size_t first, std::size_t count) {
        auto& list = Derived::items(page);
        static_assert(detail::is_erasable_list<std::remove_reference_t<decltype(list)>>::value,
                      "LimitPolicy::items(page_type&) returns a list the core cannot trim (const, or without erase): "
                      "provide `static void keep_items(page_type&, std::size_t first, std::size_t count)`");
        using diff = typename std::iterator_traits<decltype(list.begin())>::difference_type;
        list.erase(std::next(list.begin(), static_cast<diff>(first + count)), list.end());
        list.erase(list.begin(), std::next(list.begin(), static_cast<diff>(first)));
    }

    /// Empties the page's other result lists on the first page of a resumed run, whose items
    /// were handed out before (boto3 drops them too). By default there are none.
    template <class Page>
    static constexpr void clear_secondary_results(Page&) noexcept {}

    /// Joins a page onto build_full_result()'s result. By default the primary lists are joined.
    template <class Page>
    static void append_page(Page& full, Page&& page) {
        detail::append_moved(Derived::items(full), Derived::items(page));
    }
};

#if PAGINATION_HAS_CONCEPTS
/// A TokenPolicy: derived from token_policy_base, with the request and page types, the input
/// tokens, and every hook callable as the core calls it.
template <class P>
concept token_policy =
    std::derived_from<P, detail::token_policy_tag> && requires {
        typename P::request_type;
        typename P::page_type;
        { P::input_tokens.size() } -> std::convertible_to<std::size_t>;
        { P::on_repeated_token } -> std::convertible_to<repeated_token_action>;
    } && requires(const typename P::page_type& page, typename P::request_type& request,
                  const typename P::request_type& sent, const token_value& value, token_value& into,
                  std::size_t index) {
        { P::input_tokens[index] } -> std::convertible_to<const token_field&>;
        { P::read_token(page, index) } -> std::convertible_to<token_value>;
        P::read_token_into(page, index, into);
        P::write_token(request, index, value);
        { P::more_results(page) } -> std::convertible_to<bool>;
        { P::validate_request(sent) } -> std::convertible_to<std::optional<error>>;
    };

/// A LimitPolicy for the pages of TokenPolicy: derived from limit_policy_base, with the primary
/// result list and every hook callable as the core calls it.
template <class L, class TokenPolicy>
concept limit_policy =
    token_policy<TokenPolicy> && std::derived_from<L, detail::limit_policy_tag> &&
    requires(typename TokenPolicy::page_type& page, typename TokenPolicy::request_type& request, std::size_t n) {
        std::size(L::items(page));
        std::begin(L::items(page));
        std::end(L::items(page));
        { L::max_page_size } -> std::convertible_to<std::size_t>;
        L::set_page_size(request, n);
        L::keep_items(page, n, n);
        L::clear_secondary_results(page);
        L::append_page(page, std::move(page));
    };

/// The constraint a driver puts on its two policies.
#define PAGINATION_REQUIRES_POLICIES(TokenPolicy, LimitPolicy) \
    requires ::pagination::token_policy<TokenPolicy> && ::pagination::limit_policy<LimitPolicy, TokenPolicy>
#else
#define PAGINATION_REQUIRES_POLICIES(TokenPolicy, LimitPolicy)
#endif

/// A TokenPolicy for the common shape: one string token, an optional<string> member of the
/// request and one of the page. `Field` names it, e.g.
/// `inline constexpr pagination::token_field next_token{"NextToken"};`. Derive from it to add
/// hooks (validate_request, more_results, on_repeated_token).
template <auto InputMember, auto OutputMember, const token_field& Field>
struct member_token_policy : token_policy_base<member_token_policy<InputMember, OutputMember, Field>> {
    using request_type = typename detail::member_pointer_parts<decltype(InputMember)>::class_type;
    using page_type = typename detail::member_pointer_parts<decltype(OutputMember)>::class_type;
    static constexpr std::array<token_field, 1> input_tokens{{Field}};

    static token_value read_token(const page_type& page, std::size_t) { return token_value(page.*OutputMember); }
    static void read_token_into(const page_type& page, std::size_t, token_value& into) {
        using field_type = std::decay_t<decltype(page.*OutputMember)>;
        if constexpr (std::is_same_v<field_type, std::optional<std::string>>) {
            into.assign(page.*OutputMember);
        } else if constexpr (std::is_same_v<field_type, std::string>) {
            into.assign_string(page.*OutputMember);
        } else {
            into = token_value(page.*OutputMember);
        }
    }
    static void write_token(request_type& request, std::size_t, const token_value& value) {
        assign_token(request.*InputMember, value);
    }
    static void set_resume_token(page_type& page, const std::optional<std::string>& token) {
        page.*OutputMember = token;
    }
};

/// A LimitPolicy for the common shape: the items are a member of the page; the limit is an
/// integer or string member of the request (optional or not), or absent (nullptr); the page's
/// other result lists, if any, follow (emptied on a resumed first page, joined by
/// build_full_result()). Derive from it to lower max_page_size to the service's bound.
template <auto ItemsMember, auto LimitMember = nullptr, auto... SecondaryMembers>
struct member_limit_policy : limit_policy_base<member_limit_policy<ItemsMember, LimitMember, SecondaryMembers...>> {
    using page_type = typename detail::member_pointer_parts<decltype(ItemsMember)>::class_type;
    static constexpr std::size_t max_page_size = detail::limit_member_traits<decltype(LimitMember)>::max_page_size;

    static auto& items(page_type& page) { return page.*ItemsMember; }

    template <class Request>
    static bool set_page_size(Request& request, std::size_t size) {
        if constexpr (std::is_null_pointer_v<decltype(LimitMember)>) {
            (void)request;
            (void)size;
            return false;
        } else {
            using value = typename detail::limit_member_traits<decltype(LimitMember)>::value_type;
            if constexpr (std::is_same_v<value, std::string>) {
                request.*LimitMember = std::to_string(size);
            } else {
                request.*LimitMember = static_cast<value>(size);
            }
            return true;
        }
    }

    static void clear_secondary_results(page_type& page) {
        (void)page;
        ((page.*SecondaryMembers).clear(), ...);
    }

    static void append_page(page_type& full, page_type&& page) {
        detail::append_moved(full.*ItemsMember, page.*ItemsMember);
        (detail::append_moved(full.*SecondaryMembers, page.*SecondaryMembers), ...);
    }
};

} // namespace pagination

#endif // PAGINATION_POLICIES_HPP
