// Fuzz target: a DescribeGameSessions response body (aws/gamelift_wire.hpp), read as a 2xx page,
// as an error body, and as a request body. Invariants: nothing crashes or hangs; a page that
// reads is written back by the server's writer and reads again the same; reading into a result
// that held another page gives what a fresh read gives; every strict prefix of a page that reads
// is an error (never a shorter page); tight limits only ever turn a page into an error.

#include "fuzz_support.hpp"

#include <pagination/aws/gamelift_wire.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gl = pagination::aws::gamelift;

namespace {

gl::describe_game_sessions_result& reused() {
    // Holds the previous input's page (or a made-up one), so that reuse is exercised.
    static gl::describe_game_sessions_result r = [] {
        gl::describe_game_sessions_result x;
        x.game_sessions.resize(3);
        x.game_sessions[0].name = "old";
        x.game_sessions[0].port = 1;
        x.game_sessions[1].game_properties.push_back({"k", "v"});
        x.game_sessions[2].status = gl::parse_game_session_status("OLD");
        x.next_token = "old-token";
        return x;
    }();
    return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);

    gl::describe_game_sessions_result fresh;
    const auto error = gl::parse_describe_game_sessions_body(body, fresh);
    gl::describe_game_sessions_result& again = reused();
    const auto reuse_error = gl::parse_describe_game_sessions_body(body, again);
    FUZZ_CHECK(error.has_value() == reuse_error.has_value(), "reuse changes success");
    if (error) {
        FUZZ_CHECK(error->code == "MalformedResponse", error->code);
        FUZZ_CHECK(error->source == pagination::aws::error_source::malformed_response, error->message);
        FUZZ_CHECK(error->retryable(), error->message);
        FUZZ_CHECK(fresh.game_sessions.empty() && !fresh.next_token, "an error left a page behind");
    } else {
        FUZZ_CHECK(fresh == again, "reading into a used result differs from a fresh read");
        const std::string written = gl::to_json(fresh);
        gl::describe_game_sessions_result back;
        const auto back_error = gl::parse_describe_game_sessions_body(written, back);
        FUZZ_CHECK(!back_error, back_error ? back_error->message + " in " + written : std::string());
        FUZZ_CHECK(back == fresh, "written and read again differs: " + written);

        // Strict prefixes (of the body without trailing whitespace) are errors: all of the last
        // 16, and 48 spread over the rest.
        std::size_t end = body.size();
        while (end > 0 && (body[end - 1] == ' ' || body[end - 1] == '\n' || body[end - 1] == '\r' ||
                           body[end - 1] == '\t')) {
            --end;
        }
        const std::size_t step = std::max<std::size_t>(1, end / 48);
        const std::size_t tail = std::min<std::size_t>(end, 16);
        const auto check_prefix = [&](std::size_t n) {
            gl::describe_game_sessions_result part;
            FUZZ_CHECK(gl::parse_describe_game_sessions_body(body.substr(0, n), part).has_value(),
                       "a strict prefix of " + std::to_string(n) + " bytes reads as a page");
        };
        for (std::size_t n = 0; n < end - tail; n += step) {
            check_prefix(n);
        }
        for (std::size_t n = end - tail; n < end; ++n) {
            check_prefix(n);
        }

        // Tight limits: an error, or the same page.
        pagination::aws::json_limits tight;
        tight.max_depth = 4;
        tight.max_string_bytes = 24;
        tight.max_items = 3;
        tight.max_body_bytes = 4096;
        gl::describe_game_sessions_result small;
        if (!gl::parse_describe_game_sessions_body(body, small, tight)) {
            FUZZ_CHECK(small == fresh, "tight limits changed the page");
        }
    }

    // The same bytes as an error body and as a request body.
    for (const int status : {400, 503}) {
        pagination::http::response response;
        response.status = status;
        response.body = std::string(body);
        const auto outcome = gl::parse_describe_game_sessions_response(response);
        FUZZ_CHECK(!outcome.has_value(), "an error status read as a page");
        FUZZ_CHECK(!outcome.error().code.empty(), "an error without a code");
        FUZZ_CHECK(outcome.error().http_status == status, "status lost");
    }
    const auto request = gl::parse_describe_game_sessions_request(body);
    if (request.has_value()) {
        const auto back = gl::parse_describe_game_sessions_request(gl::to_json(request.value()));
        FUZZ_CHECK(back.has_value() && back.value() == request.value(), "request written and read differs");
    } else {
        FUZZ_CHECK(request.error().code == "SerializationException" && request.error().http_status == 400,
                   request.error().code);
    }
    return 0;
}
