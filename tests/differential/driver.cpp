// Runs differential scenarios through pagination::paginator: the C++ side of the comparison with
// the reference implementation (oracle.py). It reads one scenario per line on stdin and prints one
// result per line, in the same JSON shape as oracle.py; oracle.py's docstring describes both.
//
// One request and page type serve every scenario: their token fields are token_values, so string
// and structured tokens, 1-3 input tokens, an optional more-results flag and an integer or string
// limit all fit. The input tokens of a TokenPolicy are fixed at compile time, so the run is
// instantiated for each count, kind and flag, and the scenario picks one.

#include <pagination/detail/base64.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/pagination.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using pagination::token_field;
using pagination::token_kind;
using pagination::token_value;

constexpr std::size_t max_tokens = 3;
constexpr std::array<std::string_view, max_tokens> input_names{{"NextToken", "Marker", "ContinuationToken"}};
constexpr std::string_view limit_name = "MaxResults";
constexpr std::string_view bytes_mark = "$bytes";
// A run that sends more requests than this is looping; the service then fails.
constexpr std::size_t max_requests_per_run = 500;

struct request {
    std::array<token_value, max_tokens> tokens; // null: the field is not sent
    token_value limit;                          // null, an integer, or a string
    bool limit_is_string = false;
};

struct page {
    std::vector<token_value> items;
    std::vector<token_value> extra; // a secondary result list
    std::array<token_value, max_tokens> tokens;
    bool more = false;
};

template <std::size_t N, token_kind Kind>
constexpr std::array<token_field, N> make_fields() {
    std::array<token_field, N> fields{};
    for (std::size_t i = 0; i < N; ++i) {
        fields[i] = token_field{input_names[i], Kind};
    }
    return fields;
}

template <std::size_t N, token_kind Kind>
struct scripted_tokens {
    using request_type = request;
    using page_type = page;
    static constexpr std::array<token_field, N> input_tokens = make_fields<N, Kind>();

    static token_value read_token(const page& p, std::size_t i) { return p.tokens[i]; }
    static void write_token(request& r, std::size_t i, const token_value& value) { r.tokens[i] = value; }
};

template <std::size_t N, token_kind Kind>
struct scripted_tokens_with_flag : scripted_tokens<N, Kind> {
    static bool more_results(const page& p) { return p.more; }
};

struct scripted_limit {
    static std::vector<token_value>& items(page& p) { return p.items; }
    static void set_page_size(request& r, std::size_t size) {
        r.limit = r.limit_is_string ? token_value(std::to_string(size)) : token_value(size);
    }
    static void clear_secondary_results(page& p) { p.extra.clear(); }
};

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

struct script_page {
    std::vector<token_value> items;
    std::vector<token_value> extra;
    std::vector<token_value> tokens;
    token_value more; // null: the page has no flag
    bool fail = false;
};

struct scenario {
    token_value id;
    std::size_t token_count = 1;
    token_kind kind = token_kind::string;
    bool more_results = false;
    bool limit_is_string = false;
    std::optional<std::size_t> page_size;
    std::vector<std::optional<std::size_t>> max_items;
    std::optional<std::string> start_token;
    std::size_t max_runs = 1;
    bool items_mode = false;
    std::vector<script_page> script;
};

[[noreturn]] void bad_scenario(const std::string& what) { throw std::invalid_argument("bad scenario: " + what); }

const token_value& member(const token_value& object, std::string_view key) {
    static const token_value null_value;
    const token_value* found = object.find(key);
    return found != nullptr ? *found : null_value;
}

std::size_t to_size(const token_value& v) {
    if (!v.is_integer() || v.as_integer() < 0) {
        bad_scenario("expected a non-negative integer");
    }
    return static_cast<std::size_t>(v.as_integer());
}

std::optional<std::size_t> to_optional_size(const token_value& v) {
    if (v.is_null()) {
        return std::nullopt;
    }
    return to_size(v);
}

const token_value::array_type& to_array(const token_value& v) {
    static const token_value::array_type empty;
    if (v.is_null()) {
        return empty;
    }
    if (!v.is_array()) {
        bad_scenario("expected a list");
    }
    return v.as_array();
}

// {"$bytes": "<base64>"} is a binary value; everything else is JSON as it is.
token_value from_scenario(const token_value& v) {
    if (v.is_object()) {
        const auto& members = v.as_object();
        if (members.size() == 1 && members.front().first == bytes_mark && members.front().second.is_string()) {
            std::string raw;
            if (!pagination::detail::base64_decode(members.front().second.as_string(), raw)) {
                bad_scenario("bad base64 in a $bytes value");
            }
            return token_value(token_value::bytes_type(raw.begin(), raw.end()));
        }
        token_value::object_type out;
        for (const auto& m : members) {
            out.emplace_back(m.first, from_scenario(m.second));
        }
        return token_value(std::move(out));
    }
    if (v.is_array()) {
        token_value::array_type out;
        for (const auto& e : v.as_array()) {
            out.push_back(from_scenario(e));
        }
        return token_value(std::move(out));
    }
    return v;
}

token_value to_scenario(const token_value& v) {
    if (v.is_bytes()) {
        return token_value(token_value::object_type{
            {std::string(bytes_mark), token_value(pagination::detail::base64_encode(v.as_bytes()))}});
    }
    if (v.is_object()) {
        token_value::object_type out;
        for (const auto& m : v.as_object()) {
            out.emplace_back(m.first, to_scenario(m.second));
        }
        return token_value(std::move(out));
    }
    if (v.is_array()) {
        token_value::array_type out;
        for (const auto& e : v.as_array()) {
            out.push_back(to_scenario(e));
        }
        return token_value(std::move(out));
    }
    return v;
}

scenario read_scenario(const std::string& line) {
    token_value doc;
    pagination::detail::json_reader reader(line, 256);
    if (!reader.parse(doc) || !doc.is_object()) {
        bad_scenario("not a JSON object: " + reader.error());
    }
    scenario s;
    s.id = member(doc, "id");
    s.token_count = to_size(member(doc, "token_count"));
    if (s.token_count < 1 || s.token_count > max_tokens) {
        bad_scenario("token_count must be 1-3");
    }
    const token_value& kind = member(doc, "token_kind");
    s.kind = kind.is_string() && kind.as_string() == "structured" ? token_kind::structured : token_kind::string;
    s.more_results = member(doc, "more_results").type() == token_value::kind::boolean && member(doc, "more_results").as_bool();
    const token_value& limit_type = member(doc, "limit_type");
    s.limit_is_string = limit_type.is_string() && limit_type.as_string() == "string";
    s.page_size = to_optional_size(member(doc, "page_size"));
    for (const auto& m : to_array(member(doc, "max_items"))) {
        s.max_items.push_back(to_optional_size(m));
    }
    if (s.max_items.empty()) {
        s.max_items.emplace_back();
    }
    s.start_token = member(doc, "start_token").to_optional_string();
    s.max_runs = to_size(member(doc, "max_runs"));
    const token_value& iterate = member(doc, "iterate");
    s.items_mode = iterate.is_string() && iterate.as_string() == "items";
    for (const auto& p : to_array(member(doc, "script"))) {
        script_page sp;
        sp.items = to_array(member(p, "items"));
        sp.extra = to_array(member(p, "extra"));
        for (const auto& t : to_array(member(p, "tokens"))) {
            sp.tokens.push_back(from_scenario(t));
        }
        sp.tokens.resize(s.token_count);
        sp.more = member(p, "more");
        const token_value& fail = member(p, "fail");
        sp.fail = fail.type() == token_value::kind::boolean && fail.as_bool();
        s.script.push_back(std::move(sp));
    }
    if (s.script.empty()) {
        bad_scenario("the script has no page");
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// The scripted service
// ---------------------------------------------------------------------------------------------

// What the service makes of a token: any empty value is no token.
token_value normalise(const token_value& v) { return v.is_empty_token() ? token_value() : v; }

class scripted_service {
public:
    explicit scripted_service(const scenario& s) : s_(s) {}

    page fetch(const request& r) {
        log(r);
        if (requests_.size() > max_requests_per_run) {
            throw std::runtime_error("too many requests in one run");
        }
        check_limit(r);
        const std::size_t index = find_page(r);
        const script_page& sp = s_.script[index];
        if (sp.fail) {
            throw std::runtime_error("page " + std::to_string(index) + " fails");
        }
        page p;
        p.items = sp.items;
        p.extra = sp.extra;
        for (std::size_t i = 0; i < s_.token_count; ++i) {
            p.tokens[i] = sp.tokens[i];
        }
        p.more = sp.more.type() == token_value::kind::boolean && sp.more.as_bool();
        return p;
    }

    token_value::array_type take_requests() { return std::move(requests_); }

private:
    void log(const request& r) {
        token_value::object_type logged;
        for (std::size_t i = 0; i < s_.token_count; ++i) {
            if (!r.tokens[i].is_null()) {
                logged.emplace_back(std::string(input_names[i]), to_scenario(r.tokens[i]));
            }
        }
        if (!r.limit.is_null()) {
            logged.emplace_back(std::string(limit_name), r.limit);
        }
        requests_.emplace_back(std::move(logged));
    }

    void check_limit(const request& r) const {
        if (!s_.page_size) {
            if (!r.limit.is_null()) {
                throw std::runtime_error("a limit was sent without a PageSize");
            }
            return;
        }
        const token_value expected = s_.limit_is_string ? token_value(std::to_string(*s_.page_size))
                                                         : token_value(*s_.page_size);
        if (r.limit != expected) {
            throw std::runtime_error("the limit is not the PageSize");
        }
    }

    std::size_t find_page(const request& r) const {
        std::vector<token_value> key;
        bool all_null = true;
        for (std::size_t i = 0; i < s_.token_count; ++i) {
            key.push_back(normalise(r.tokens[i]));
            all_null = all_null && key.back().is_null();
        }
        if (all_null) {
            return 0;
        }
        for (std::size_t k = 0; k + 1 < s_.script.size(); ++k) {
            bool same = true;
            for (std::size_t i = 0; i < s_.token_count; ++i) {
                same = same && normalise(s_.script[k].tokens[i]) == key[i];
            }
            if (same) {
                return k + 1;
            }
        }
        throw std::runtime_error("unknown token");
    }

    const scenario& s_;
    token_value::array_type requests_;
};

// ---------------------------------------------------------------------------------------------
// Runs and chains
// ---------------------------------------------------------------------------------------------

token_value optional_text(const std::optional<std::string>& s) { return s ? token_value(*s) : token_value(); }

token_value optional_size(const std::optional<std::size_t>& n) { return n ? token_value(*n) : token_value(); }

template <class TokenPolicy>
token_value::object_type run_once(const scenario& s, std::optional<std::size_t> max_items,
                                  const std::optional<std::string>& starting_token) {
    scripted_service service(s);
    auto fetch = [&service](const request& r) { return service.fetch(r); };
    request initial;
    initial.limit_is_string = s.limit_is_string;
    pagination::paginator<decltype(fetch), TokenPolicy, scripted_limit> run(
        fetch, initial, pagination::pagination_config{max_items, s.page_size, starting_token});

    token_value::array_type pages;
    token_value::array_type items;
    token_value error;
    try {
        if (s.items_mode) {
            for (const token_value& item : run.items()) {
                items.push_back(item);
            }
        } else {
            for (page& p : run.pages()) {
                pages.emplace_back(token_value::object_type{{"items", token_value(p.items)},
                                                            {"extra", token_value(p.extra)}});
                items.insert(items.end(), p.items.begin(), p.items.end());
            }
        }
    } catch (const pagination::pagination_error& e) {
        error = token_value(pagination::to_string(e.code()));
    } catch (const std::exception& e) {
        error = token_value(std::string("crash: ") + e.what());
    }
    return token_value::object_type{
        {"starting_token", optional_text(starting_token)},
        {"max_items", optional_size(max_items)},
        {"pages", s.items_mode ? token_value() : token_value(std::move(pages))},
        {"items", token_value(std::move(items))},
        {"requests", token_value(service.take_requests())},
        {"resume_token", optional_text(run.resume_token())},
        {"error", std::move(error)},
    };
}

template <class TokenPolicy>
token_value run_chain(const scenario& s) {
    token_value::array_type runs;
    std::optional<std::string> token = s.start_token;
    for (std::size_t r = 0; r < s.max_runs; ++r) {
        token_value::object_type result = run_once<TokenPolicy>(s, s.max_items[r % s.max_items.size()], token);
        const token_value result_value(std::move(result));
        const std::optional<std::string> resume = member(result_value, "resume_token").to_optional_string();
        const bool failed = !member(result_value, "error").is_null();
        runs.push_back(result_value);
        if (failed || !resume || resume == token) {
            break;
        }
        token = resume;
    }
    return token_value(token_value::object_type{{"id", s.id}, {"runs", token_value(std::move(runs))}});
}

template <std::size_t N, token_kind Kind>
token_value run_chain_for(const scenario& s) {
    return s.more_results ? run_chain<scripted_tokens_with_flag<N, Kind>>(s) : run_chain<scripted_tokens<N, Kind>>(s);
}

template <token_kind Kind>
token_value run_chain_of_kind(const scenario& s) {
    switch (s.token_count) {
    case 1: return run_chain_for<1, Kind>(s);
    case 2: return run_chain_for<2, Kind>(s);
    default: return run_chain_for<3, Kind>(s);
    }
}

token_value run_scenario(const scenario& s) {
    return s.kind == token_kind::structured ? run_chain_of_kind<token_kind::structured>(s)
                                            : run_chain_of_kind<token_kind::string>(s);
}

} // namespace

int main() {
    std::ios::sync_with_stdio(false);
    std::string line;
    std::string out;
    while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        try {
            out.clear();
            pagination::detail::dump(to_scenario(run_scenario(read_scenario(line))), out);
            std::cout << out << '\n';
        } catch (const std::exception& e) {
            std::cerr << "pagination_differential_driver: " << e.what() << '\n';
            return 2;
        }
    }
    std::cout.flush();
    return 0;
}
