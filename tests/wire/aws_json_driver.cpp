// The C++ half of the botocore comparison (aws_json_oracle.py). Reads commands from stdin and
// answers on stdout, every field length-prefixed ("<length>\n<bytes>", length -1 for absent):
//
//   Q  then 8 fields: FleetId GameSessionId AliasId Location StatusFilter Limit NextToken endpoint
//      -> 5 fields: body method url Content-Type X-Amz-Target
//   R  then fields: status, header count, that many name/value pairs, body
//      -> 1 field: a JSON object {"ok": true, "result": <the server writer's form of the page>}
//         or {"ok": false, "code": ..., "message": ..., "request_id": ..., "status": ...,
//         "source": ...}
//   X  ends the run.

#include <pagination/aws/gamelift_wire.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

namespace gl = pagination::aws::gamelift;

namespace {

std::optional<std::string> read_field() {
    std::string line;
    if (!std::getline(std::cin, line)) {
        std::fprintf(stderr, "driver: unexpected end of input\n");
        std::exit(2);
    }
    const long long n = std::stoll(line);
    if (n < 0) {
        return std::nullopt;
    }
    std::string bytes(static_cast<std::size_t>(n), '\0');
    std::cin.read(bytes.data(), static_cast<std::streamsize>(n));
    if (std::cin.gcount() != static_cast<std::streamsize>(n)) {
        std::fprintf(stderr, "driver: short field\n");
        std::exit(2);
    }
    return bytes;
}

void write_field(const std::string& s) {
    std::cout << s.size() << '\n';
    std::cout.write(s.data(), static_cast<std::streamsize>(s.size()));
}

}  // namespace

int main() {
    std::ios::sync_with_stdio(false);
    std::string command;
    while (std::getline(std::cin, command)) {
        if (command == "X") {
            break;
        }
        if (command == "Q") {
            gl::describe_game_sessions_request request;
            request.fleet_id = read_field();
            request.game_session_id = read_field();
            request.alias_id = read_field();
            request.location = read_field();
            if (const auto status = read_field()) {
                request.status_filter = gl::parse_game_session_status(*status).value();
            }
            if (const auto limit = read_field()) {
                request.limit = std::stoi(*limit);
            }
            request.next_token = read_field();
            const std::string endpoint = read_field().value_or("");
            const pagination::http::request http = gl::to_http_request(request, endpoint);
            const std::string* type = http.find_header("Content-Type");
            const std::string* target = http.find_header("X-Amz-Target");
            write_field(http.body);
            write_field(http.method);
            write_field(http.url);
            write_field(type ? *type : std::string());
            write_field(target ? *target : std::string());
            // The server's reading of the body must give the request back.
            const auto back = gl::parse_describe_game_sessions_request(http.body);
            write_field(back.has_value() && back.value() == request ? "same" : "differs");
        } else if (command == "R") {
            pagination::http::response response;
            response.status = std::stoi(read_field().value_or("0"));
            const int headers = std::stoi(read_field().value_or("0"));
            for (int i = 0; i < headers; ++i) {
                std::string name = read_field().value_or("");
                std::string value = read_field().value_or("");
                response.headers.push_back({std::move(name), std::move(value)});
            }
            response.body = read_field().value_or("");
            const gl::describe_game_sessions_outcome outcome = gl::parse_describe_game_sessions_response(response);
            std::string out;
            if (outcome.has_value()) {
                out = "{\"ok\": true, \"result\": " + gl::to_json(outcome.value()) + "}";
            } else {
                const gl::service_error& e = outcome.error();
                out = "{\"ok\": false, \"code\": ";
                pagination::detail::dump_string(e.code, out);
                out += ", \"message\": ";
                pagination::detail::dump_string(e.message, out);
                out += ", \"request_id\": ";
                pagination::detail::dump_string(e.request_id, out);
                out += ", \"status\": " + std::to_string(e.http_status);
                out += ", \"source\": " + std::to_string(static_cast<int>(e.source));
                out += ", \"retryable\": ";
                out += e.retryable() ? "true" : "false";
                out += '}';
            }
            write_field(out);
        } else {
            std::fprintf(stderr, "driver: unknown command '%s'\n", command.c_str());
            return 2;
        }
        std::cout.flush();
    }
    return 0;
}
