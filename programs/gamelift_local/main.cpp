// gamelift-local: the library's sample fleet served over HTTP as GameLift's awsJson 1.1, for
// every client that speaks it: the AWS CLI, boto3, an AWS SDK for C++ client, and this library's
// own wire client. Like Amazon GameLift Local, it listens on 127.0.0.1:8080 by default and
// accepts any credentials; with --verify-sigv4 it checks each request's SigV4 signature against
// the given keys. Fault options make it throttle, fail or slow down, for testing clients.
//
//   gamelift-local [--port 8080] [--host 127.0.0.1] [--verify-sigv4 KEY:SECRET]
//                  [--throttle-every N] [--fail-every N] [--latency-ms N] [--max-requests N]
//
// Its first line on stdout is `listening on http://HOST:PORT`. SIGINT and SIGTERM stop it
// cleanly; it then prints what it served (requests, faults, service time) on stderr.

#include <pagination/aws/config.hpp>
#include <pagination/aws/credentials.hpp>
#include <pagination/aws/gamelift_model.hpp>
#include <pagination/aws/gamelift_wire.hpp>
#include <pagination/aws/sigv4.hpp>
#include <pagination/http/message.hpp>
#include <pagination/local/demo_fleet.hpp>
#include <pagination/local/fleet_service.hpp>

#include <httplib.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace {

namespace gl = pagination::aws::gamelift;
namespace aws = pagination::aws;

constexpr std::string_view usage_text =
    "usage: gamelift-local [options]\n"
    "\n"
    "Serves the built-in sample fleet (600 game sessions) over HTTP as GameLift's awsJson 1.1\n"
    "DescribeGameSessions, for the AWS CLI, boto3, the AWS SDKs and describe-game-sessions:\n"
    "  aws gamelift describe-game-sessions --endpoint-url http://127.0.0.1:8080 --fleet-id FLEET\n"
    "\n"
    "  --host ADDRESS          address to listen on (default 127.0.0.1)\n"
    "  --port N                port (default 8080; 0 takes a free one)\n"
    "  --verify-sigv4 KEY:SECRET\n"
    "                          refuse requests not signed with these keys (default: accept any)\n"
    "  --throttle-every N      answer every Nth request with ThrottlingException (HTTP 400)\n"
    "  --fail-every N          answer every Nth request with InternalServiceException (HTTP 500)\n"
    "  --throttle-from N       answer every request from the Nth on with ThrottlingException\n"
    "  --latency-ms N          wait N ms before each answer\n"
    "  --no-compute-name       serve sessions without ComputeName, as fleets of EC2 instances do\n"
    "  --max-requests N        stop after serving N requests (0: never)\n"
    "  --help                  print this help, and exit\n"
    "\n"
    "The first line on stdout is `listening on http://HOST:PORT`. SIGINT and SIGTERM stop it.\n";

struct options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::optional<aws::credentials> verify;
    unsigned throttle_every = 0;
    unsigned fail_every = 0;
    unsigned long throttle_from = 0;
    bool no_compute_name = false;
    unsigned latency_ms = 0;
    unsigned long max_requests = 0;
};

int usage_failure(const std::string& message) {
    std::fprintf(stderr, "gamelift-local: %s\n", message.c_str());
    return 252;
}

bool parse_number(std::string_view text, unsigned long max, unsigned long& out) {
    if (text.empty() || text.size() > 12) {
        return false;
    }
    unsigned long value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    if (value > max) {
        return false;
    }
    out = value;
    return true;
}

// "YYYYMMDDTHHMMSSZ" as a point in time.
std::optional<std::chrono::system_clock::time_point> parse_amz_date(std::string_view s) {
    if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z') {
        return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t n, long& out) {
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    long y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
    if (!number(0, 4, y) || !number(4, 2, m) || !number(6, 2, d) || !number(9, 2, hh) || !number(11, 2, mm) ||
        !number(13, 2, ss) || m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60) {
        return std::nullopt;
    }
    const long long days = aws::detail::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return std::chrono::system_clock::time_point(std::chrono::seconds(days * 86400 + hh * 3600 + mm * 60 + ss));
}

std::string_view field_of(std::string_view authorization, std::string_view name) {
    const std::size_t at = authorization.find(name);
    if (at == std::string_view::npos) {
        return {};
    }
    const std::size_t start = at + name.size();
    const std::size_t end = authorization.find(',', start);
    return authorization.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// Whether the request carries a SigV4 signature of `keys` over what it says it signed: the
// signature is made again from the signed headers, the time and the scope the request names.
std::optional<std::string> signature_problem(const httplib::Request& req, const aws::credentials& keys) {
    const std::string authorization = req.get_header_value("Authorization");
    if (authorization.rfind("AWS4-HMAC-SHA256 ", 0) != 0) {
        return "missing or non-SigV4 Authorization header";
    }
    const std::string_view credential = field_of(authorization, "Credential=");
    const std::string_view signed_names = field_of(authorization, "SignedHeaders=");
    // Credential=KEY/DATE/REGION/SERVICE/aws4_request
    std::vector<std::string_view> scope;
    for (std::size_t start = 0;;) {
        const std::size_t slash = credential.find('/', start);
        scope.push_back(credential.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos) {
            break;
        }
        start = slash + 1;
    }
    if (scope.size() != 5 || scope[4] != "aws4_request" || signed_names.empty()) {
        return "malformed Authorization header";
    }
    if (scope[0] != keys.access_key_id) {
        return "unknown access key";
    }
    const auto when = parse_amz_date(req.get_header_value("X-Amz-Date"));
    if (!when) {
        return "missing or malformed X-Amz-Date";
    }
    pagination::http::request copy;
    copy.method = req.method;
    copy.url = "http://" + req.get_header_value("Host") + req.target;
    copy.body = req.body;
    for (std::size_t start = 0; start <= signed_names.size();) {
        const std::size_t semi = signed_names.find(';', start);
        const std::string name(
            signed_names.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start));
        if (name != "x-amz-date" && name != "authorization") {
            const std::size_t count = req.get_header_value_count(name.c_str());
            for (std::size_t i = 0; i < count; ++i) {
                copy.headers.push_back({name, req.get_header_value(name.c_str(), i)});
            }
        }
        if (semi == std::string_view::npos) {
            break;
        }
        start = semi + 1;
    }
    aws::credentials signing = keys;
    signing.session_token.clear();  // a token, if sent, is among the signed headers already
    aws::sigv4_signer signer{std::string(scope[2]), std::string(scope[3])};
    const auto added = signer.signature_headers(copy, signing, *when);
    if (!added) {
        return "could not compute the signature";
    }
    for (const pagination::http::header& h : *added) {
        if (pagination::http::detail::iequals(h.name, "Authorization")) {
            return h.value == authorization ? std::nullopt
                                            : std::optional<std::string>("the signature does not match");
        }
    }
    return "could not compute the signature";
}

std::atomic<int> stop_signal{0};
int stop_pipe[2] = {-1, -1};

extern "C" void on_stop(int signal_number) {
    stop_signal.store(signal_number);
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = write(stop_pipe[1], &byte, 1);
}

int run(int argc, char** argv) {
    options opts;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h" || arg == "help") {
            std::fputs(usage_text.data(), stdout);
            return 0;
        }
        if (arg == "--no-compute-name") {
            opts.no_compute_name = true;
            continue;
        }
        std::string_view name = arg;
        std::string_view value;
        if (const std::size_t eq = arg.find('='); eq != std::string_view::npos) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            return usage_failure("argument " + std::string(arg) + ": expected one argument");
        }
        unsigned long number = 0;
        const auto numeric = [&](unsigned long max) {
            if (!parse_number(value, max, number)) {
                throw std::invalid_argument("argument " + std::string(name) + ": expected a whole number from 0 to " +
                                            std::to_string(max) + "; got '" + std::string(value) + "'");
            }
        };
        try {
            if (name == "--host") {
                opts.host = std::string(value);
            } else if (name == "--port") {
                numeric(65535);
                opts.port = static_cast<int>(number);
            } else if (name == "--verify-sigv4") {
                const std::size_t colon = value.find(':');
                if (colon == std::string_view::npos || colon == 0 || colon + 1 == value.size()) {
                    return usage_failure("argument --verify-sigv4: expected ACCESS_KEY_ID:SECRET_ACCESS_KEY");
                }
                aws::credentials keys;
                keys.access_key_id = std::string(value.substr(0, colon));
                keys.secret_access_key = std::string(value.substr(colon + 1));
                opts.verify = std::move(keys);
            } else if (name == "--throttle-every") {
                numeric(1'000'000);
                opts.throttle_every = static_cast<unsigned>(number);
            } else if (name == "--throttle-from") {
                numeric(1'000'000'000);
                opts.throttle_from = number;
            } else if (name == "--fail-every") {
                numeric(1'000'000);
                opts.fail_every = static_cast<unsigned>(number);
            } else if (name == "--latency-ms") {
                numeric(600'000);
                opts.latency_ms = static_cast<unsigned>(number);
            } else if (name == "--max-requests") {
                numeric(1'000'000'000);
                opts.max_requests = number;
            } else {
                return usage_failure("Unknown options: " + std::string(arg));
            }
        } catch (const std::invalid_argument& e) {
            return usage_failure(e.what());
        }
    }

    gl::local_fleet_service service;
    const gl::service_outcome<gl::demo_fleet> demo = gl::seed_demo_fleet(service);
    if (!demo) {
        std::fprintf(stderr, "gamelift-local: could not seed the sample fleet: %s\n", demo.error().message.c_str());
        return 255;
    }

    std::atomic<unsigned long> requests{0};
    std::atomic<unsigned long> faults{0};
    std::atomic<long long> service_ns{0};
    httplib::Server server;
    server.set_keep_alive_max_count(1000);
    server.set_payload_max_length(1U << 20);

    const auto answer_error = [](httplib::Response& res, const aws::service_error& e, int status) {
        res.status = status;
        res.set_header("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
        res.set_content(gl::error_body(e), "application/x-amz-json-1.1");
    };

    server.Post("/", [&](const httplib::Request& req, httplib::Response& res) {
        const auto started = std::chrono::steady_clock::now();
        const unsigned long n = ++requests;
        if (opts.latency_ms > 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(opts.latency_ms));
        }
        if (opts.verify) {
            if (const std::optional<std::string> problem = signature_problem(req, *opts.verify)) {
                answer_error(res, aws::service_error("InvalidSignatureException", *problem), 403);
                return;
            }
        }
        const std::string target = req.get_header_value("X-Amz-Target");
        if (target != "GameLift.DescribeGameSessions") {
            answer_error(res,
                         aws::service_error("UnknownOperationException",
                                            target.empty() ? "Missing X-Amz-Target" : "Unknown operation " + target),
                         400);
        } else if ((opts.throttle_every > 0 && n % opts.throttle_every == 0) ||
                   (opts.throttle_from > 0 && n >= opts.throttle_from)) {
            ++faults;
            answer_error(res, aws::service_error(std::string(gl::error_codes::throttling), "Rate exceeded"), 400);
        } else if (opts.fail_every > 0 && n % opts.fail_every == 0) {
            ++faults;
            answer_error(res,
                         aws::service_error(std::string(gl::error_codes::internal_service),
                                            "The service encountered an internal error"),
                         500);
        } else {
            gl::service_outcome<gl::describe_game_sessions_request> request =
                gl::parse_describe_game_sessions_request(req.body);
            if (!request) {
                answer_error(res, request.error(), 400);
            } else {
                gl::describe_game_sessions_outcome page = service.describe_game_sessions(request.value());
                if (page) {
                    if (opts.no_compute_name) {
                        for (gl::game_session& session : page.value().game_sessions) {
                            session.compute_name.reset();
                        }
                    }
                    res.status = 200;
                    res.set_header("x-amzn-RequestId", "00000000-0000-4000-8000-" + std::to_string(100000000000 + n));
                    res.set_content(gl::to_json(page.value()), "application/x-amz-json-1.1");
                } else {
                    const bool fault = aws::is_fault_code(page.error().code);
                    answer_error(res, page.error(), fault ? 500 : 400);
                }
            }
        }
        service_ns += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started)
                          .count();
        if (opts.max_requests > 0 && n >= opts.max_requests) {
            on_stop(0);
        }
    });

    if (pipe(stop_pipe) != 0) {
        std::fputs("gamelift-local: could not create the stop pipe\n", stderr);
        return 255;
    }
    std::signal(SIGINT, on_stop);
    std::signal(SIGTERM, on_stop);
    std::signal(SIGPIPE, SIG_IGN);

    int port = opts.port;
    if (port == 0) {
        port = server.bind_to_any_port(opts.host);
    } else if (!server.bind_to_port(opts.host, port)) {
        port = -1;
    }
    if (port < 0) {
        std::fprintf(stderr, "gamelift-local: could not listen on %s:%d\n", opts.host.c_str(), opts.port);
        return 255;
    }
    const std::string shown_host = opts.host.find(':') != std::string::npos ? "[" + opts.host + "]" : opts.host;
    std::printf("listening on http://%s:%d\n", shown_host.c_str(), port);
    std::fflush(stdout);

    std::thread stopper([&server] {
        char byte = 0;
        while (read(stop_pipe[0], &byte, 1) < 0 && errno == EINTR) {
        }
        server.stop();
    });
    server.listen_after_bind();
    on_stop(0);  // the server ended by itself: release the stopper
    stopper.join();
    std::fprintf(stderr, "gamelift-local: served %lu requests (%lu faults) in %.3f ms of service time\n",
                 requests.load(), faults.load(), static_cast<double>(service_ns.load()) / 1e6);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gamelift-local: %s\n", e.what());
        return 255;
    }
}
