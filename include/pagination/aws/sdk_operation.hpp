#ifndef PAGINATION_AWS_SDK_OPERATION_HPP
#define PAGINATION_AWS_SDK_OPERATION_HPP

// A generic adapter for any paginated operation of an AWS SDK for C++ client that has one string
// token: described once by pointers to the client's operation and to the request's and result's
// members, it gets MaxItems, PageSize, StartingToken and resume tokens (the strings boto3 and the
// AWS CLI make), over the SDK's own request, result and item types. Not part of
// <pagination/pagination.hpp>; it neither includes nor requires the SDK.
//
//   namespace s3 = Aws::S3::Model;
//   inline constexpr auto list_objects_v2 =
//       pagination::aws::sdk_operation(&Aws::S3::S3Client::ListObjectsV2, "ContinuationToken",
//                                      &s3::ListObjectsV2Request::SetContinuationToken,
//                                      &s3::ListObjectsV2Result::GetNextContinuationToken,
//                                      &s3::ListObjectsV2Result::GetContents)
//           .limit(&s3::ListObjectsV2Request::SetMaxKeys)
//           .more_results(&s3::ListObjectsV2Result::GetIsTruncated);
//
//   auto objects = pagination::aws::paginate<list_objects_v2>(client, request, {max_items, page_size, token});
//   for (const s3::Object& o : objects.items()) { ... }
//   std::optional<std::string> next = objects.resume_token();
//
// The description must be a constexpr variable at namespace scope or a static constexpr member
// (it is a template argument). docs/adapters.md explains each part; an operation with several
// tokens or a structured token (Route 53's record sets, DynamoDB's keys) takes a hand-written
// policy instead, like the adapters next to this one.

#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/paginator.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/token_value.hpp>

#include <array>
#include <cstddef>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace pagination {
namespace aws {

namespace sdk_detail {

template <class T>
using remove_cvref_t = std::remove_cv_t<std::remove_reference_t<T>>;

/// `Outcome (Client::*)(const Request&) const`: an SDK client's operation.
template <class M>
struct operation_traits {
    static constexpr bool valid = false;
};
template <class Outcome, class Client, class Request>
struct operation_traits<Outcome (Client::*)(const Request&) const> {
    static constexpr bool valid = true;
    using client_type = Client;
    using request_type = Request;
    using outcome_type = Outcome;
    using result_type = remove_cvref_t<decltype(std::declval<Outcome&>().GetResult())>;
};

/// `R (Class::*)() const`: a getter.
template <class M>
struct getter_traits {
    static constexpr bool valid = false;
};
template <class R, class Class>
struct getter_traits<R (Class::*)() const> {
    static constexpr bool valid = true;
    using class_type = Class;
    using return_type = R;
    using value_type = remove_cvref_t<R>;
};

/// `void (Class::*)(V)`: a setter of a number.
template <class M>
struct number_setter_traits {
    static constexpr bool valid = false;
};
template <class V, class Class>
struct number_setter_traits<void (Class::*)(V)> {
    static constexpr bool valid = std::is_integral_v<V> && !std::is_same_v<V, bool>;
    using class_type = Class;
    using value_type = V;
};

/// The SDK's string type (Aws::String), as the token getter returns it.
template <class GetToken>
using string_of = typename getter_traits<GetToken>::value_type;

/// What a setter of a string member is taken as: its `(Aws::String&&)` form, which every SDK
/// generation has (as an overload, or as the template `template <class T = Aws::String> void SetX(T&&)`).
template <class Operation, class GetToken>
struct token_setter_of {
    using type = void (operation_traits<Operation>::request_type::*)(string_of<GetToken>&&);
};

/// A part of the description that was not given.
struct none {};

template <class S>
S make_string(const std::string& text) {
    return S(text.data(), text.size());
}

} // namespace sdk_detail

/// The description of an SDK operation: made by sdk_operation() and its `.limit()`,
/// `.more_results()`, `.secondary_results()` and `.resume_token_into()`; keep it in a constexpr
/// variable at namespace scope (or a static constexpr member), since it is a template argument.
template <class Operation, class GetToken, class GetItems, class SetLimit = sdk_detail::none,
          class GetMore = sdk_detail::none, class SetResume = sdk_detail::none, class Secondary = std::tuple<>>
struct sdk_operation_spec {
    static_assert(sdk_detail::operation_traits<Operation>::valid,
                  "the operation must be a pointer to the client's `Outcome Operation(const Request&) const`");
    static_assert(sdk_detail::getter_traits<GetToken>::valid,
                  "the token getter must be a pointer to the result's `const Aws::String& GetNextToken() const`");
    static_assert(sdk_detail::getter_traits<GetItems>::valid,
                  "the list getter must be a pointer to the result's `const Aws::Vector<T>& GetItems() const`");

    using client_type = typename sdk_detail::operation_traits<Operation>::client_type;
    using request_type = typename sdk_detail::operation_traits<Operation>::request_type;
    using outcome_type = typename sdk_detail::operation_traits<Operation>::outcome_type;
    using result_type = typename sdk_detail::operation_traits<Operation>::result_type;
    using string_type = sdk_detail::string_of<GetToken>;
    using token_setter = typename sdk_detail::token_setter_of<Operation, GetToken>::type;
    /// A setter of a string limit (Route 53's MaxItems) or of the result's token.
    using string_limit_setter = void (request_type::*)(string_type&&);
    using result_string_setter = void (result_type::*)(string_type&&);
    using list_type = typename sdk_detail::getter_traits<GetItems>::value_type;

    static_assert(std::is_same_v<typename sdk_detail::getter_traits<GetToken>::class_type, result_type>,
                  "the token getter must be a member of the operation's result type");
    static_assert(std::is_same_v<typename sdk_detail::getter_traits<GetItems>::class_type, result_type>,
                  "the list getter must be a member of the operation's result type");
    static_assert(std::is_lvalue_reference_v<typename sdk_detail::getter_traits<GetItems>::return_type>,
                  "the list getter must return a reference to the result's list (as the SDK's GetX() do)");

    static constexpr bool has_limit = !std::is_same_v<SetLimit, sdk_detail::none>;
    static constexpr bool has_string_limit = std::is_same_v<SetLimit, string_limit_setter>;
    static constexpr bool has_more_results = !std::is_same_v<GetMore, sdk_detail::none>;
    static constexpr bool has_resume_setter = !std::is_same_v<SetResume, sdk_detail::none>;

    Operation operation;
    std::string_view token_name;
    token_setter set_token;
    GetToken get_token;
    GetItems get_items;
    SetLimit set_limit;
    GetMore get_more;
    SetResume set_resume;
    Secondary secondary;

    /// The request's limit setter, for a number (`void SetMaxKeys(int)`).
    template <class L, std::enable_if_t<sdk_detail::number_setter_traits<L>::valid, int> = 0>
    constexpr sdk_operation_spec<Operation, GetToken, GetItems, L, GetMore, SetResume, Secondary> limit(L setter) const {
        static_assert(std::is_same_v<typename sdk_detail::number_setter_traits<L>::class_type, request_type>,
                      "the limit setter must be a member of the operation's request type");
        return {operation, token_name, set_token, get_token, get_items, setter, get_more, set_resume, secondary};
    }

    /// The request's limit setter, for a string limit (Route 53's `SetMaxItems(Aws::String)`):
    /// the page size is sent as decimal text.
    constexpr sdk_operation_spec<Operation, GetToken, GetItems, string_limit_setter, GetMore, SetResume, Secondary> limit(
        string_limit_setter setter) const {
        return {operation, token_name, set_token, get_token, get_items, setter, get_more, set_resume, secondary};
    }

    /// The result's more-results flag (`bool GetIsTruncated() const`): false ends the listing.
    template <class M>
    constexpr sdk_operation_spec<Operation, GetToken, GetItems, SetLimit, M, SetResume, Secondary> more_results(
        M getter) const {
        static_assert(sdk_detail::getter_traits<M>::valid &&
                          std::is_same_v<typename sdk_detail::getter_traits<M>::class_type, result_type> &&
                          std::is_convertible_v<typename sdk_detail::getter_traits<M>::return_type, bool>,
                      "the more-results flag must be a pointer to the result's `bool GetIsTruncated() const`");
        return {operation, token_name, set_token, get_token, get_items, set_limit, getter, set_resume, secondary};
    }

    /// The result's token setter, for build_full_result(): the full result carries the resume
    /// token in that field (as the AWS CLI prints NextToken).
    constexpr sdk_operation_spec<Operation, GetToken, GetItems, SetLimit, GetMore, result_string_setter, Secondary>
    resume_token_into(result_string_setter setter) const {
        return {operation, token_name, set_token, get_token, get_items, set_limit, get_more, setter, secondary};
    }

    /// The result's secondary result lists (S3's `GetCommonPrefixes`), by their getters: as boto3
    /// does, they are emptied on the first page of a run resumed from a token (the run hands out
    /// only the rest of that page), and build_full_result() appends them too.
    template <class... G>
    constexpr sdk_operation_spec<Operation, GetToken, GetItems, SetLimit, GetMore, SetResume, std::tuple<G...>>
    secondary_results(G... getters) const {
        static_assert(((sdk_detail::getter_traits<G>::valid &&
                        std::is_same_v<typename sdk_detail::getter_traits<G>::class_type, result_type> &&
                        std::is_lvalue_reference_v<typename sdk_detail::getter_traits<G>::return_type>) && ...),
                      "a secondary result list must be a pointer to the result's `const Aws::Vector<T>& GetX() const`");
        return {operation, token_name, set_token, get_token, get_items, set_limit, get_more, set_resume,
                std::tuple<G...>(getters...)};
    }
};

/// Describes an SDK operation with one string token: the client's operation, the token's name
/// in the service's API (it names the token inside resume tokens: "NextToken",
/// "ContinuationToken", "Marker"), the request's token setter, the result's token getter and the
/// result's list getter (the primary result list: what MaxItems counts).
template <class Operation, class GetToken, class GetItems>
constexpr sdk_operation_spec<Operation, GetToken, GetItems> sdk_operation(
    Operation operation, std::string_view token_name,
    typename sdk_detail::token_setter_of<Operation, GetToken>::type set_token, GetToken get_token,
    GetItems get_items) {
    return {operation, token_name, set_token, get_token, get_items, {}, {}, {}, {}};
}

/// What the paginator of an SDK operation sends: the caller's request, and the token to set on a
/// copy of it (SDK requests cannot unset a member, so the caller's request is kept without one).
template <class Request>
struct sdk_request {
    Request request;                   ///< the caller's request
    std::optional<std::string> token;  ///< the token of this page, or none
};

/// The TokenPolicy of an SDK operation described by `Spec`.
template <const auto& Spec>
struct sdk_tokens : token_policy_base<sdk_tokens<Spec>> {
    using spec_type = sdk_detail::remove_cvref_t<decltype(Spec)>;
    using request_type = sdk_request<typename spec_type::request_type>;
    using page_type = typename spec_type::result_type;
    static constexpr std::array<token_field, 1> input_tokens{{token_field{Spec.token_name, token_kind::string}}};

    static token_value read_token(const page_type& page, std::size_t) {
        const auto& token = (page.*(Spec.get_token))();
        return token_value(std::string(token.data(), token.size()));
    }
    static void write_token(request_type& request, std::size_t, const token_value& value) {
        assign_token(request.token, value);
    }
    static bool more_results(const page_type& page) {
        if constexpr (spec_type::has_more_results) {
            return static_cast<bool>((page.*(Spec.get_more))());
        } else {
            (void)page;
            return true;
        }
    }
    template <class S = spec_type, std::enable_if_t<S::has_resume_setter, int> = 0>
    static void set_resume_token(page_type& page, const std::optional<std::string>& token) {
        (page.*(Spec.set_resume))(sdk_detail::make_string<typename S::string_type>(token.value_or(std::string())));
    }
};

/// The LimitPolicy of an SDK operation described by `Spec`.
template <const auto& Spec>
struct sdk_limit : limit_policy_base<sdk_limit<Spec>> {
    using spec_type = sdk_detail::remove_cvref_t<decltype(Spec)>;
    using request_type = sdk_request<typename spec_type::request_type>;
    using page_type = typename spec_type::result_type;
    using list_type = typename spec_type::list_type;

private:
    // A list of the result. The SDK offers it only as a const reference; the page is the
    // paginator's own, non-const object, so changing it in place through that reference is
    // well-defined.
    template <class Getter>
    static auto& mutable_list(page_type& page, Getter getter) {
        using list = typename sdk_detail::getter_traits<Getter>::value_type;
        return const_cast<list&>((page.*getter)());
    }

public:

    static constexpr std::size_t max_page_size = [] {
        if constexpr (spec_type::has_limit && !spec_type::has_string_limit) {
            using value = typename sdk_detail::number_setter_traits<decltype(Spec.set_limit)>::value_type;
            return static_cast<std::size_t>(std::numeric_limits<value>::max());
        } else {
            return std::numeric_limits<std::size_t>::max();
        }
    }();

    /// The result's primary list (what MaxItems counts and trims).
    static list_type& items(page_type& page) { return mutable_list(page, Spec.get_items); }

    /// Empties the secondary lists the spec names (none when it names none).
    static void clear_secondary_results(page_type& page) {
        std::apply(
            [&page](auto... getters) {
                (void)page;
                (mutable_list(page, getters).clear(), ...);
            },
            Spec.secondary);
    }

    static void append_page(page_type& into, page_type&& from) {
        pagination::detail::append_moved(items(into), items(from));
        std::apply(
            [&into, &from](auto... getters) {
                (void)into;
                (void)from;
                (pagination::detail::append_moved(mutable_list(into, getters), mutable_list(from, getters)), ...);
            },
            Spec.secondary);
    }

    /// Writes the spec's limit setter; false when the operation has none.
    static bool set_page_size(request_type& request, std::size_t size) {
        if constexpr (!spec_type::has_limit) {
            (void)request;
            (void)size;
            return false;
        } else if constexpr (spec_type::has_string_limit) {
            (request.request.*(Spec.set_limit))(
                sdk_detail::make_string<typename spec_type::string_type>(std::to_string(size)));
            return true;
        } else {
            using value = typename sdk_detail::number_setter_traits<decltype(Spec.set_limit)>::value_type;
            (request.request.*(Spec.set_limit))(static_cast<value>(size));
            return true;
        }
    }
};

/// Calls the operation of `Spec` on a client, held by pointer.
template <const auto& Spec>
struct sdk_client_call {
    using spec_type = sdk_detail::remove_cvref_t<decltype(Spec)>;
    const typename spec_type::client_type* client;
    typename spec_type::outcome_type operator()(const typename spec_type::request_type& request) const {
        return (client->*(Spec.operation))(request);
    }
};

/// The fetcher of an SDK operation: sets the token on a copy of the caller's request and calls
/// `call` (the client's operation, or any callable taking the SDK request).
template <const auto& Spec, class Call>
struct sdk_fetcher {
    using spec_type = sdk_detail::remove_cvref_t<decltype(Spec)>;
    Call call;
    auto operator()(const sdk_request<typename spec_type::request_type>& request) const {
        if (!request.token) {
            return call(request.request);
        }
        typename spec_type::request_type sent = request.request;
        (sent.*(Spec.set_token))(sdk_detail::make_string<typename spec_type::string_type>(*request.token));
        return call(sent);
    }
};

/// The paginator of an SDK operation over `Call`.
template <const auto& Spec, class Call = sdk_client_call<Spec>>
using sdk_paginator = paginator<sdk_fetcher<Spec, Call>, sdk_tokens<Spec>, sdk_limit<Spec>>;

/// Paginates the SDK operation `Spec` on `client` (which must outlive the paginator), starting
/// from `request`. Leave the request's token unset: a position goes in config.starting_token
/// (a resume token, or a raw token of the service).
template <const auto& Spec>
sdk_paginator<Spec> paginate(const typename sdk_detail::remove_cvref_t<decltype(Spec)>::client_type& client,
                             typename sdk_detail::remove_cvref_t<decltype(Spec)>::request_type request,
                             const pagination_config& config = {}, const paginator_options& options = {}) {
    using request_type = typename sdk_detail::remove_cvref_t<decltype(Spec)>::request_type;
    return sdk_paginator<Spec>(sdk_fetcher<Spec, sdk_client_call<Spec>>{sdk_client_call<Spec>{&client}},
                               sdk_request<request_type>{std::move(request), std::nullopt}, config, options);
}

/// The same over any callable that takes the SDK request and returns the operation's Outcome,
/// its result, or an expected-like value (a client wrapped with retries, a recorded session).
template <const auto& Spec, class Call>
sdk_paginator<Spec, Call> paginate_with(Call call,
                                        typename sdk_detail::remove_cvref_t<decltype(Spec)>::request_type request,
                                        const pagination_config& config = {}, const paginator_options& options = {}) {
    using request_type = typename sdk_detail::remove_cvref_t<decltype(Spec)>::request_type;
    return sdk_paginator<Spec, Call>(sdk_fetcher<Spec, Call>{std::move(call)},
                                     sdk_request<request_type>{std::move(request), std::nullopt}, config, options);
}

} // namespace aws
} // namespace pagination

#endif // PAGINATION_AWS_SDK_OPERATION_HPP
