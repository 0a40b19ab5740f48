#ifndef PAGINATION_POLICIES_HPP
#define PAGINATION_POLICIES_HPP

// What a TokenPolicy and a LimitPolicy must provide, checked at compile time with a message that
// names what is missing, and two ready-made policies for the common shape (one string token, a
// vector of items, an integer or string limit field). docs/design.md explains each hook.

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

template <class P, class Page, class = void>
struct has_read_token_into : std::false_type {};
template <class P, class Page>
struct has_read_token_into<P, Page,
                           void_t<decltype(P::read_token_into(std::declval<const Page&>(), std::size_t{0},
                                                              std::declval<token_value&>()))>> : std::true_type {};

template <class P, class Request, class = void>
struct has_write_token : std::false_type {};
template <class P, class Request>
struct has_write_token<P, Request,
                       void_t<decltype(P::write_token(std::declval<Request&>(), std::size_t{0},
                                                      std::declval<const token_value&>()))>> : std::true_type {};

template <class P, class Page, class = void>
struct has_more_results : std::false_type {};
template <class P, class Page>
struct has_more_results<
    P, Page, std::enable_if_t<std::is_convertible_v<decltype(P::more_results(std::declval<const Page&>())), bool>>>
    : std::true_type {};

template <class P, class Page, class = void>
struct has_set_resume_token : std::false_type {};
template <class P, class Page>
struct has_set_resume_token<P, Page,
                            void_t<decltype(P::set_resume_token(std::declval<Page&>(),
                                                                std::declval<const std::optional<std::string>&>()))>>
    : std::true_type {};

template <class P, class Request, class = void>
struct has_validate_request : std::false_type {};
template <class P, class Request>
struct has_validate_request<
    P, Request,
    std::enable_if_t<std::is_convertible_v<decltype(P::validate_request(std::declval<const Request&>())),
                                           std::optional<error>>>> : std::true_type {};

template <class P, class = void>
struct repeated_token_default {
    static constexpr repeated_token_action value = repeated_token_action::error;
};
template <class P>
struct repeated_token_default<P, std::enable_if_t<std::is_convertible_v<decltype(P::on_repeated_token), repeated_token_action>>> {
    static constexpr repeated_token_action value = P::on_repeated_token;
};

template <class L, class Page, class = void>
struct has_items : std::false_type {};
template <class L, class Page>
struct has_items<L, Page,
                 void_t<decltype(std::size(L::items(std::declval<Page&>()))),
                        decltype(std::begin(L::items(std::declval<Page&>()))),
                        decltype(std::end(L::items(std::declval<Page&>())))>> : std::true_type {};

template <class L, class Request, class = void>
struct has_set_page_size : std::false_type {};
template <class L, class Request>
struct has_set_page_size<L, Request, void_t<decltype(L::set_page_size(std::declval<Request&>(), std::size_t{0}))>>
    : std::true_type {};

template <class L, class = void>
struct max_page_size_of {
    static constexpr std::size_t value = std::numeric_limits<std::size_t>::max();
};
template <class L>
struct max_page_size_of<L, std::enable_if_t<std::is_convertible_v<decltype(L::max_page_size), std::size_t>>> {
    static constexpr std::size_t value = L::max_page_size;
};

template <class L, class Page, class = void>
struct has_keep_items : std::false_type {};
template <class L, class Page>
struct has_keep_items<L, Page,
                      void_t<decltype(L::keep_items(std::declval<Page&>(), std::size_t{0}, std::size_t{0}))>>
    : std::true_type {};

template <class C, class = void>
struct is_erasable_list : std::false_type {};
template <class C>
struct is_erasable_list<C, void_t<decltype(std::declval<C&>().erase(std::declval<C&>().begin(),
                                                                    std::declval<C&>().end()))>>
    : std::negation<std::is_const<C>> {};

template <class L, class Page, class = void>
struct has_clear_secondary : std::false_type {};
template <class L, class Page>
struct has_clear_secondary<L, Page, void_t<decltype(L::clear_secondary_results(std::declval<Page&>()))>>
    : std::true_type {};

template <class L, class Page, class = void>
struct has_append_page : std::false_type {};
template <class L, class Page>
struct has_append_page<L, Page, void_t<decltype(L::append_page(std::declval<Page&>(), std::declval<Page&&>()))>>
    : std::true_type {};

/// Checks the two policies once, with a message per missing piece, and gives the core one place
/// to ask what they offer.
template <class TokenPolicy, class LimitPolicy>
struct policy_traits {
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
    static constexpr bool keeps_by_hook = has_keep_items<LimitPolicy, page_type>::value;
    static_assert(keeps_by_hook || is_erasable_list<list_type>::value,
                  "LimitPolicy::items(page_type&) returns a list the core cannot trim (const, or without erase): "
                  "provide `static void keep_items(page_type&, std::size_t first, std::size_t count)`");

    static constexpr bool has_more_results_flag = has_more_results<TokenPolicy, page_type>::value;
    static constexpr bool has_limit_field = has_set_page_size<LimitPolicy, request_type>::value;
    static constexpr std::size_t max_page_size = max_page_size_of<LimitPolicy>::value;
    static constexpr bool clears_secondary = has_clear_secondary<LimitPolicy, page_type>::value;
    static constexpr bool appends_by_hook = has_append_page<LimitPolicy, page_type>::value;
    static constexpr bool reads_token_into = has_read_token_into<TokenPolicy, page_type>::value;
    static constexpr bool can_set_resume_token = has_set_resume_token<TokenPolicy, page_type>::value;
    static constexpr bool validates_request = has_validate_request<TokenPolicy, request_type>::value;
    static constexpr repeated_token_action repeated_default = repeated_token_default<TokenPolicy>::value;
    static constexpr std::size_t token_count = TokenPolicy::input_tokens.size();

    static std::size_t item_count(page_type& page) { return static_cast<std::size_t>(std::size(LimitPolicy::items(page))); }

    /// Keeps items [first, first + count) of the primary list.
    static void keep_items(page_type& page, std::size_t first, std::size_t count) {
        if constexpr (keeps_by_hook) {
            LimitPolicy::keep_items(page, first, count);
        } else {
            auto& list = LimitPolicy::items(page);
            using diff = typename std::iterator_traits<decltype(list.begin())>::difference_type;
            list.erase(std::next(list.begin(), static_cast<diff>(first + count)), list.end());
            list.erase(list.begin(), std::next(list.begin(), static_cast<diff>(first)));
        }
    }
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

#if PAGINATION_HAS_CONCEPTS
/// A TokenPolicy: the request and page types, the input tokens, and how to read and write them.
template <class P>
concept token_policy = requires(const typename P::page_type& page, typename P::request_type& request,
                                const token_value& value, std::size_t index) {
    { P::input_tokens[index] } -> std::convertible_to<const token_field&>;
    { P::read_token(page, index) } -> std::convertible_to<token_value>;
    P::write_token(request, index, value);
};

/// A LimitPolicy for the pages of TokenPolicy: at least the primary result list.
template <class L, class TokenPolicy>
concept limit_policy = token_policy<TokenPolicy> && requires(typename TokenPolicy::page_type& page) {
    std::size(L::items(page));
    std::begin(L::items(page));
};
#endif

/// A TokenPolicy for the common shape: one string token, an optional<string> member of the
/// request and one of the page. `Field` names it, e.g.
/// `inline constexpr pagination::token_field next_token{"NextToken"};`.
template <auto InputMember, auto OutputMember, const token_field& Field>
struct member_token_policy {
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
/// integer or string member of the request (optional or not), or absent (nullptr).
template <auto ItemsMember, auto LimitMember = nullptr>
struct member_limit_policy {
    using page_type = typename detail::member_pointer_parts<decltype(ItemsMember)>::class_type;
    static constexpr std::size_t max_page_size = detail::limit_member_traits<decltype(LimitMember)>::max_page_size;

    static auto& items(page_type& page) { return page.*ItemsMember; }

    template <class Request, auto M = LimitMember, std::enable_if_t<!std::is_null_pointer_v<decltype(M)>, int> = 0>
    static void set_page_size(Request& request, std::size_t size) {
        using value = typename detail::limit_member_traits<decltype(M)>::value_type;
        if constexpr (std::is_same_v<value, std::string>) {
            request.*M = std::to_string(size);
        } else {
            request.*M = static_cast<value>(size);
        }
    }
};

} // namespace pagination

#endif // PAGINATION_POLICIES_HPP
