// rest-api-example: your own REST API, paginated by this library in a few lines.
//
// The API is an issue tracker's list endpoint, paginated the way many REST APIs are: a page
// number and a page size in the query, and a Link header (RFC 8288) naming the next page.
//
//   GET /repos/acme/widgets/issues?state=open&per_page=20&page=3
//   200 OK
//   Link: <https://api.example.com/repos/acme/widgets/issues?state=open&per_page=20&page=4>; rel="next",
//         <https://api.example.com/repos/acme/widgets/issues?state=open&per_page=20&page=7>; rel="last"
//   [ {"number": 41, "title": "..."}, ... ]
//
// Teaching the library this API is the block marked "The API" below: two structs, a token name,
// and two one-line policies. Everything else here is what a program has anyway: an HTTP call
// (http_get, an in-process stand-in for your HTTP client and JSON decoder) and a main().
//
// The program prints the issues as JSON, {"issues": [...], "NextToken": "..."}, the shape the
// AWS CLI prints a paginated listing in, with the same options:
//
//   --state open|closed|all   which issues (default open)
//   --max-items N             at most N issues; a NextToken says where the rest begins
//   --page-size N             per_page (the server's default is 30, its maximum 100)
//   --starting-token TOKEN    continue from a NextToken (of this program, of boto3 or the AWS
//                             CLI over the same API), or from a raw page number
//   --trace                   print each GET on stderr
//
// Exit codes: 0 done; 2 bad usage or a starting token refused before anything was sent; 1 the
// server answered with an error (the message says where to resume).

#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>
#include <pagination/paginator.hpp>
#include <pagination/policies.hpp>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

struct issue {
    int number = 0;
    std::string title;
};

// ---------------------------------------------------------------------------------------------
// The API: what the library needs to know about it.
// ---------------------------------------------------------------------------------------------

struct list_issues_request {
    std::string state = "open";
    std::optional<std::string> page;  // the position: the page number the Link header names
    std::optional<int> per_page;      // the page size
};

struct list_issues_page {
    std::vector<issue> issues;
    std::optional<std::string> next_page;  // from the Link header's rel="next"; none on the last page
};

inline constexpr pagination::token_field page_field{"page"};
using issue_tokens = pagination::member_token_policy<&list_issues_request::page, &list_issues_page::next_page, page_field>;
using issue_limit = pagination::member_limit_policy<&list_issues_page::issues, &list_issues_request::per_page>;

// ---------------------------------------------------------------------------------------------
// The HTTP side: the server's stand-in, and the fetcher that turns a request into a GET.
// ---------------------------------------------------------------------------------------------

struct http_response {
    int status = 200;
    std::map<std::string, std::string> headers;
    std::vector<issue> body;  // the decoded JSON body
    std::string error_message;
};

constexpr std::string_view base_url = "https://api.example.com/repos/acme/widgets/issues";
constexpr int issue_count = 137;

const char* const title_words[] = {"crash on start",   "typo in docs",     "slow listing", "flaky test",
                                   "wrong time zone",  "missing icon",     "memory leak",  "broken link",
                                   "unicode in names", "timeout on upload", "dark mode",   "retry storm"};

bool is_open(int number) { return number % 3 != 0; }

std::map<std::string, std::string> query_of(std::string_view url) {
    std::map<std::string, std::string> query;
    const std::size_t question = url.find('?');
    if (question == std::string_view::npos) {
        return query;
    }
    std::string_view rest = url.substr(question + 1);
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        const std::size_t eq = pair.find('=');
        query[std::string(pair.substr(0, eq))] = eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1));
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    }
    return query;
}

std::optional<int> small_number(const std::string& text) {
    if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    return std::stoi(text);
}

// The server: issues 1..137, every third one closed, in pages of per_page (default 30, at most 100).
http_response http_get(const std::string& url) {
    auto query = query_of(url);
    const std::string state = query.count("state") != 0 ? query["state"] : "open";
    const std::optional<int> page = query.count("page") != 0 ? small_number(query["page"]) : 1;
    const std::optional<int> per_page = query.count("per_page") != 0 ? small_number(query["per_page"]) : 30;
    http_response response;
    if (!page || *page < 1 || !per_page || *per_page < 1 || *per_page > 100 ||
        (state != "open" && state != "closed" && state != "all")) {
        response.status = 422;
        response.error_message = "Validation Failed: page, per_page (1-100) or state";
        return response;
    }
    std::vector<issue> matching;
    for (int n = 1; n <= issue_count; ++n) {
        if (state == "all" || (state == "open") == is_open(n)) {
            matching.push_back({n, std::string(title_words[n % 12]) + " #" + std::to_string(n)});
        }
    }
    const std::size_t first = static_cast<std::size_t>(*page - 1) * static_cast<std::size_t>(*per_page);
    for (std::size_t i = first; i < matching.size() && i < first + static_cast<std::size_t>(*per_page); ++i) {
        response.body.push_back(matching[i]);
    }
    const std::size_t pages = (matching.size() + static_cast<std::size_t>(*per_page) - 1) / static_cast<std::size_t>(*per_page);
    const auto link = [&](std::size_t number, const char* rel) {
        return "<" + std::string(base_url) + "?state=" + state + "&per_page=" + std::to_string(*per_page) +
               "&page=" + std::to_string(number) + ">; rel=\"" + rel + "\"";
    };
    if (static_cast<std::size_t>(*page) < pages) {
        response.headers["Link"] = link(static_cast<std::size_t>(*page) + 1, "next") + ", " + link(pages, "last");
    }
    return response;
}

// The page number of the Link header's rel="next" URL, if there is one.
std::optional<std::string> next_page_of(const http_response& response) {
    const auto link = response.headers.find("Link");
    if (link == response.headers.end()) {
        return std::nullopt;
    }
    const std::string& value = link->second;
    const std::size_t rel = value.find("rel=\"next\"");
    if (rel == std::string::npos) {
        return std::nullopt;
    }
    const std::size_t open = value.rfind('<', rel);
    const std::size_t close = value.find('>', open);
    auto query = query_of(std::string_view(value).substr(open + 1, close - open - 1));
    return query.count("page") != 0 ? std::optional<std::string>(query["page"]) : std::nullopt;
}

struct http_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

bool trace = false;

// The fetcher: one GET per page.
list_issues_page fetch_issues(const list_issues_request& request) {
    std::string url = std::string(base_url) + "?state=" + request.state;
    if (request.per_page) {
        url += "&per_page=" + std::to_string(*request.per_page);
    }
    if (request.page) {
        url += "&page=" + *request.page;
    }
    if (trace) {
        std::fprintf(stderr, "GET %s\n", url.c_str());
    }
    http_response response = http_get(url);
    if (response.status != 200) {
        throw http_error("HTTP " + std::to_string(response.status) + ": " + response.error_message);
    }
    return list_issues_page{std::move(response.body), next_page_of(response)};
}

// ---------------------------------------------------------------------------------------------
// The program.
// ---------------------------------------------------------------------------------------------

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

[[noreturn]] void usage(const std::string& message) {
    std::fprintf(stderr, "rest-api-example: %s\n", message.c_str());
    std::exit(2);
}

std::size_t count_option(const std::string& name, const std::string& value) {
    if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos) {
        usage(name + " needs a non-negative integer, not '" + value + "'");
    }
    return static_cast<std::size_t>(std::stoul(value));
}

} // namespace

int main(int argc, char** argv) {
    list_issues_request request;
    pagination::pagination_config config;
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--trace") {
            trace = true;
            continue;
        }
        if (i + 1 >= argc) {
            usage("unknown option or missing value: " + option);
        }
        const std::string value = argv[++i];
        if (option == "--state") {
            request.state = value;
        } else if (option == "--max-items") {
            config.max_items = count_option(option, value);
        } else if (option == "--page-size") {
            config.page_size = count_option(option, value);
        } else if (option == "--starting-token") {
            config.starting_token = value;
        } else {
            usage("unknown option: " + option);
        }
    }

    pagination::paginator<decltype(&fetch_issues), issue_tokens, issue_limit> issues(&fetch_issues, request, config);
    std::string out = "{\n    \"issues\": [";
    const char* separator = "\n";
    try {
        for (const issue& i : issues.items()) {
            out += separator;
            out += "        {\"number\": " + std::to_string(i.number) + ", \"title\": " + json_string(i.title) + "}";
            separator = ",\n";
        }
    } catch (const pagination::pagination_error& e) {
        std::fprintf(stderr, "rest-api-example: %s\n", e.what());
        if (e.code() != pagination::errc::fetch_failed) {
            return 2;
        }
        if (auto resume = issues.resume_token()) {
            std::fprintf(stderr, "rest-api-example: resume with --starting-token %s\n", resume->c_str());
        }
        return 1;
    }
    out += std::string(*separator == '\n' ? "]" : "\n    ]");
    if (auto next = issues.resume_token()) {
        out += ",\n    \"NextToken\": " + json_string(*next);
    }
    std::printf("%s\n}\n", out.c_str());
    return 0;
}
