#ifndef PAGINATION_AWS_JSON_PROTOCOL_HPP
#define PAGINATION_AWS_JSON_PROTOCOL_HPP

// The awsJson1_0 / awsJson1_1 protocols, as botocore speaks them: the request every operation
// sends (POST, an X-Amz-Target naming the operation, a JSON body), the error every operation
// may answer with, and the bounds a response body is read within. An operation's codec (such
// as aws/gamelift_wire.hpp) adds its body. docs/wire/aws_json.md describes the rules.

#include <pagination/aws/detail/json_cursor.hpp>
#include <pagination/aws/service_error.hpp>
#include <pagination/http/message.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace pagination {
namespace aws {

/// One service's awsJson dialect: the JSON version of its Content-Type and the prefix of its
/// X-Amz-Target header (the service model's jsonVersion and targetPrefix).
struct json_protocol {
    std::string_view json_version;   ///< "1.0" (DynamoDB) or "1.1" (GameLift, CloudWatch Logs)
    std::string_view target_prefix;  ///< e.g. "GameLift", "DynamoDB_20120810", "Logs_20140328"
};

/// Bounds on a response body; crossing one is a malformed_response error, never a shorter page.
struct json_limits {
    std::size_t max_body_bytes = std::size_t{64} << 20;    ///< whole body: 64 MiB
    std::size_t max_depth = 64;                            ///< nesting of objects and lists
    std::size_t max_string_bytes = std::size_t{1} << 20;   ///< one decoded string: 1 MiB
    std::size_t max_items = 100'000;                       ///< elements of one list
};

/// The error code of responses that are not a complete, well-formed result.
inline constexpr std::string_view malformed_response_code = "MalformedResponse";

/// The request of `operation`: POST to `endpoint_url` (path "/" unless the endpoint has one),
/// Content-Type application/x-amz-json-<version>, X-Amz-Target <prefix>.<operation>.
inline http::request make_json_request(const json_protocol& protocol, std::string_view operation,
                                       std::string_view endpoint_url, std::string body) {
    http::request request;
    request.method = "POST";
    // botocore joins the endpoint with the operation's path "/": an endpoint path is kept as is,
    // an endpoint without one gets "/". Query and fragment stay where they were.
    const std::size_t scheme = endpoint_url.find("://");
    const std::size_t authority = scheme == std::string_view::npos ? 0 : scheme + 3;
    const std::size_t path = endpoint_url.find_first_of("/?#", authority);
    if (path == std::string_view::npos) {
        request.url.reserve(endpoint_url.size() + 1);
        request.url.append(endpoint_url);
        request.url += '/';
    } else if (endpoint_url[path] != '/') {
        request.url.append(endpoint_url.substr(0, path));
        request.url += '/';
        request.url.append(endpoint_url.substr(path));
    } else {
        request.url = std::string(endpoint_url);
    }
    std::string target;
    target.reserve(protocol.target_prefix.size() + 1 + operation.size());
    target.append(protocol.target_prefix);
    target += '.';
    target.append(operation);
    std::string content_type = "application/x-amz-json-";
    content_type.append(protocol.json_version);
    request.headers.push_back({"X-Amz-Target", std::move(target)});
    request.headers.push_back({"Content-Type", std::move(content_type)});
    request.body = std::move(body);
    return request;
}

namespace detail {

// Python's http.HTTPStatus phrases of the 5xx statuses, which botocore gives as the message of
// a 5xx answer without a body (or with an HTML one).
constexpr std::string_view server_error_phrase(int status) noexcept {
    switch (status) {
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        case 505: return "HTTP Version Not Supported";
        case 506: return "Variant Also Negotiates";
        case 507: return "Insufficient Storage";
        case 508: return "Loop Detected";
        case 510: return "Not Extended";
        case 511: return "Network Authentication Required";
        default: return {};
    }
}

// "ns#Name:http://..." -> "Name": the part before the first ':', then after the last '#'.
constexpr std::string_view trim_error_code(std::string_view code) noexcept {
    const std::size_t colon = code.find(':');
    if (colon != std::string_view::npos) {
        code = code.substr(0, colon);
    }
    const std::size_t hash = code.rfind('#');
    if (hash != std::string_view::npos) {
        code = code.substr(hash + 1);
    }
    return code;
}

// Python's bytes.strip() whitespace.
constexpr bool is_py_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

inline std::string_view py_strip(std::string_view s) noexcept {
    while (!s.empty() && is_py_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_py_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

// The __type and message of a JSON error body; false when the body is not one JSON object.
struct error_fields {
    std::string type;
    std::string message;
    bool has_type = false;
    bool has_message = false;   // "message"
    bool has_Message = false;   // "Message"
    std::string upper_message;  // "Message"
};

inline bool read_error_fields(std::string_view body, const json_limits& limits, error_fields& f) {
    detail::json_cursor c(body, limits.max_depth, limits.max_string_bytes, limits.max_items);
    if (c.peek() != '{') {
        return false;
    }
    c.begin_object();
    std::string_view key;
    while (c.next_member(key)) {
        // Later duplicates win, as in Python's json; a non-string value counts as no value.
        std::string* target = nullptr;
        bool* seen = nullptr;
        if (key == "__type") {
            target = &f.type;
            seen = &f.has_type;
        } else if (key == "message") {
            target = &f.message;
            seen = &f.has_message;
        } else if (key == "Message") {
            target = &f.upper_message;
            seen = &f.has_Message;
        }
        if (target != nullptr && c.peek() == '"') {
            if (!c.read_string(*target)) {
                return false;
            }
            *seen = true;
        } else {
            if (target != nullptr) {
                target->clear();
                *seen = false;
            }
            if (!c.skip_value()) {
                return false;
            }
        }
    }
    return c.finish();
}

}  // namespace detail

/// The error an awsJson answer with a status of 300 or more stands for. Code: the body's
/// `__type` (trimmed to the exception name), else the X-Amzn-ErrorType header (trimmed the same
/// way), else the status as a string. Message: the body's `message`, else `Message`; the whole
/// body when it is not JSON; the status phrase for a 5xx without a body.
inline service_error decode_json_error(const http::response& response, const json_limits& limits = {}) {
    service_error error;
    error.http_status = response.status;
    error.source = error_source::service;
    if (const std::string* id = response.find_header("x-amzn-RequestId")) {
        error.request_id = *id;
    }
    const std::string_view body = response.body;
    const std::string_view stripped = detail::py_strip(body);
    bool code_set = false;
    const bool generic = response.status >= 500 && (stripped.empty() || stripped.substr(0, 6) == "<html>");
    if (generic) {
        error.message = std::string(detail::server_error_phrase(response.status));
    } else if (!body.empty()) {
        detail::error_fields fields;
        if (body.size() <= limits.max_body_bytes && detail::read_error_fields(body, limits, fields)) {
            // A __type that trims to nothing (":x", "a#") names no code: fall back as if absent.
            if (fields.has_type && !detail::trim_error_code(fields.type).empty()) {
                error.code = std::string(detail::trim_error_code(fields.type));
                code_set = true;
            }
            if (fields.has_message) {
                error.message = std::move(fields.message);
            } else if (fields.has_Message) {
                error.message = std::move(fields.upper_message);
            }
        } else {
            // Not a JSON object: botocore keeps the text as the message; so do we, within bounds.
            error.message = std::string(body.substr(0, limits.max_string_bytes));
        }
    }
    if (!code_set) {
        const std::string* header = response.find_header("X-Amzn-ErrorType");
        if (header != nullptr && !detail::trim_error_code(*header).empty()) {
            error.code = std::string(detail::trim_error_code(*header));
        } else {
            error.code = std::to_string(response.status);
        }
    }
    return error;
}

/// The error of a 2xx answer whose body is not a complete result: `what` was wrong at byte
/// `offset` of a body of `size` bytes. Retryable (error_source::malformed_response).
inline service_error malformed_response_error(std::string_view operation, std::string_view what, std::size_t offset,
                                              std::size_t size, int status) {
    service_error error;
    error.code = std::string(malformed_response_code);
    error.message.reserve(96);
    error.message.append(operation);
    error.message += " response: ";
    error.message.append(what);
    error.message += " at byte ";
    error.message += std::to_string(offset);
    error.message += " of ";
    error.message += std::to_string(size);
    error.http_status = status;
    error.source = error_source::malformed_response;
    return error;
}

}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_AWS_JSON_PROTOCOL_HPP
