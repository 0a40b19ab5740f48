#ifndef PAGINATION_HTTP_MESSAGE_HPP
#define PAGINATION_HTTP_MESSAGE_HPP

// What an HTTP client exchanges with the wire layer: a request, a response, a transport error,
// and the result of one exchange. Plain values: no I/O here, no dependency beyond the standard
// library. docs/wire/http_clients.md says how to plug in a client of your own.
//
// A client is any type with one of these members (the blocking and the callback form):
//
//   http::result send(const http::request&);
//   void async_send(const http::request&, Callback&& done);   // done(http::result) exactly once
//
// The callback form may call `done` on any thread, and from inside async_send itself; the
// drivers of this library never run a handler of theirs inside the call that started it.

#include <pagination/expected.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pagination {
namespace http {

/// One header line. Names keep the case they were given; lookups ignore case.
struct header {
    std::string name;
    std::string value;
};

namespace detail {
inline char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) {
            return false;
        }
    }
    return true;
}

inline const std::string* find_header(const std::vector<header>& headers, std::string_view name) noexcept {
    for (const header& h : headers) {
        if (iequals(h.name, name)) {
            return &h.value;
        }
    }
    return nullptr;
}
}  // namespace detail

/// A request to send: method, absolute URL (`scheme://host[:port]/path[?query]`), headers, body.
struct request {
    std::string method = "POST";
    std::string url;
    std::vector<header> headers;
    std::string body;

    /// The value of the first header named `name` (any case), or null.
    const std::string* find_header(std::string_view name) const noexcept {
        return detail::find_header(headers, name);
    }
    /// Sets header `name` (any case) to `value`, replacing every header of that name.
    void set_header(std::string_view name, std::string value) {
        bool replaced = false;
        for (std::size_t i = 0; i < headers.size();) {
            if (detail::iequals(headers[i].name, name)) {
                if (replaced) {
                    headers.erase(headers.begin() + static_cast<std::ptrdiff_t>(i));
                    continue;
                }
                headers[i].value = std::move(value);
                replaced = true;
            }
            ++i;
        }
        if (!replaced) {
            headers.push_back({std::string(name), std::move(value)});
        }
    }
};

/// A response as received: the status code, the headers in order, the whole body.
struct response {
    int status = 0;
    std::vector<header> headers;
    std::string body;

    /// The value of the first header named `name` (any case), or null.
    const std::string* find_header(std::string_view name) const noexcept {
        return detail::find_header(headers, name);
    }
};

/// Why no response arrived.
enum class transport_errc {
    /// The connection could not be made (refused, unreachable, DNS).
    connect_failed = 1,
    /// The connect or read timeout passed.
    timed_out,
    /// The connection broke while the request or the response was under way.
    connection_reset,
    /// TLS failed: the certificate did not verify, or the handshake failed.
    tls_failed,
    /// The response was larger than the client accepts.
    response_too_large,
    /// The request was cancelled by the caller.
    cancelled,
    /// The URL or the request could not be used as given.
    invalid_request,
    /// Anything else the client reports.
    other,
};

/// The name of a transport error code, e.g. "timed_out".
constexpr const char* to_string(transport_errc code) noexcept {
    switch (code) {
        case transport_errc::connect_failed: return "connect_failed";
        case transport_errc::timed_out: return "timed_out";
        case transport_errc::connection_reset: return "connection_reset";
        case transport_errc::tls_failed: return "tls_failed";
        case transport_errc::response_too_large: return "response_too_large";
        case transport_errc::cancelled: return "cancelled";
        case transport_errc::invalid_request: return "invalid_request";
        case transport_errc::other: return "other";
    }
    return "unknown";
}

/// No response arrived: what happened, in the client's words.
struct transport_error {
    transport_errc code = transport_errc::other;
    std::string message;

    /// Whether sending the same request again may succeed (the AWS SDKs retry these).
    bool retryable() const noexcept {
        return code == transport_errc::connect_failed || code == transport_errc::timed_out ||
               code == transport_errc::connection_reset;
    }
};

/// The result of one exchange: a response (of any status) or a transport error.
using result = pagination::expected<response, transport_error>;

/// The parts of an absolute http or https URL.
struct url_parts {
    std::string scheme;  ///< "http" or "https", lower case
    std::string host;    ///< host name or address, as written (IPv6 without brackets)
    std::optional<unsigned> port;  ///< when the URL names one
    std::string path;    ///< starts with '/'; "/" when the URL has none
    std::string query;   ///< after '?', without it; may be empty
    /// `host` or `host:port` as the Host header carries it (the port only when it is not the
    /// scheme's default), IPv6 in brackets.
    std::string host_header() const {
        std::string out = host.find(':') != std::string::npos ? "[" + host + "]" : host;
        const unsigned default_port = scheme == "https" ? 443u : 80u;
        if (port && *port != default_port) {
            out += ':';
            out += std::to_string(*port);
        }
        return out;
    }
};

/// Splits an absolute http(s) URL; nothing when it is not one (no scheme, another scheme, no
/// host, a port that is not 1..65535, or a user-info part).
inline std::optional<url_parts> parse_url(std::string_view url) {
    url_parts parts;
    const std::size_t colon = url.find("://");
    if (colon == std::string_view::npos) {
        return std::nullopt;
    }
    for (const char c : url.substr(0, colon)) {
        parts.scheme += detail::ascii_lower(c);
    }
    if (parts.scheme != "http" && parts.scheme != "https") {
        return std::nullopt;
    }
    std::string_view rest = url.substr(colon + 3);
    const std::size_t end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    if (authority.empty() || authority.find('@') != std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view port_text;
    if (authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos || close == 1) {
            return std::nullopt;
        }
        parts.host = std::string(authority.substr(1, close - 1));
        const std::string_view after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') {
                return std::nullopt;
            }
            port_text = after.substr(1);
            if (port_text.empty()) {
                return std::nullopt;
            }
        }
    } else {
        const std::size_t port_colon = authority.rfind(':');
        if (port_colon != std::string_view::npos) {
            port_text = authority.substr(port_colon + 1);
            authority = authority.substr(0, port_colon);
            if (port_text.empty()) {
                return std::nullopt;
            }
        }
        if (authority.empty()) {
            return std::nullopt;
        }
        for (const char c : authority) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_';
            if (!ok) {
                return std::nullopt;
            }
        }
        parts.host = std::string(authority);
    }
    if (!port_text.empty()) {
        unsigned port = 0;
        if (port_text.size() > 5) {
            return std::nullopt;
        }
        for (const char c : port_text) {
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            port = port * 10u + static_cast<unsigned>(c - '0');
        }
        if (port == 0 || port > 65535) {
            return std::nullopt;
        }
        parts.port = port;
    }
    const std::size_t hash = rest.find('#');
    if (hash != std::string_view::npos) {
        rest = rest.substr(0, hash);
    }
    const std::size_t question = rest.find('?');
    parts.path = std::string(rest.substr(0, question));
    if (question != std::string_view::npos) {
        parts.query = std::string(rest.substr(question + 1));
    }
    if (parts.path.empty()) {
        parts.path = "/";
    }
    return parts;
}

}  // namespace http
}  // namespace pagination

#endif  // PAGINATION_HTTP_MESSAGE_HPP
