// http/curl_client.hpp against loopback servers run by the test itself (127.0.0.1, port 0):
// a thread per connection that answers, stalls, resets, truncates or counts, each bounded in time.

#include <pagination/http/curl_client.hpp>

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace pagination;
using clock_type = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Loopback tests must not go through a proxy of the environment.
void clear_proxy_env() {
    for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                             "no_proxy", "NO_PROXY"}) {
        unsetenv(name);
    }
}

struct received_request {
    std::string request_line;
    std::vector<http::header> headers;
    std::string body;
    const std::string* find(const std::string& name) const { return http::detail::find_header(headers, name); }
};

// One accepted connection, as the handler sees it.
class connection {
public:
    connection(int fd, const std::atomic<bool>& stop) : fd_(fd), stop_(stop) {}

    // The next request on the connection, or nothing (closed, stopped, or 5 s without one).
    std::optional<received_request> read_request() {
        const auto deadline = clock_type::now() + std::chrono::seconds(5);
        std::size_t head_end = std::string::npos;
        while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
            if (!fill(deadline)) {
                return std::nullopt;
            }
        }
        received_request r;
        const std::string head = buffer_.substr(0, head_end);
        buffer_.erase(0, head_end + 4);
        std::size_t pos = head.find("\r\n");
        r.request_line = head.substr(0, pos);
        std::size_t content_length = 0;
        while (pos != std::string::npos) {
            const std::size_t start = pos + 2;
            pos = head.find("\r\n", start);
            const std::string line = head.substr(start, pos == std::string::npos ? std::string::npos : pos - start);
            const std::size_t colon = line.find(':');
            if (colon == std::string::npos) {
                continue;
            }
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            r.headers.push_back({line.substr(0, colon), value});
            if (http::detail::iequals(r.headers.back().name, "Content-Length")) {
                content_length = static_cast<std::size_t>(std::stoul(value));
            }
        }
        while (buffer_.size() < content_length) {
            if (!fill(deadline)) {
                return std::nullopt;
            }
        }
        r.body = buffer_.substr(0, content_length);
        buffer_.erase(0, content_length);
        return r;
    }

    void write(const std::string& data) {
        std::size_t sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                return;
            }
            sent += static_cast<std::size_t>(n);
        }
    }

    void respond(int status, const std::string& body, const std::string& extra_headers = "") {
        write("HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: " + std::to_string(body.size()) +
              "\r\n" + extra_headers + "\r\n" + body);
    }

    // Waits until the test ends (or `limit` passes), reading and discarding what comes.
    void stall(milliseconds limit = milliseconds(10000)) {
        const auto deadline = clock_type::now() + limit;
        while (!stop_.load() && clock_type::now() < deadline) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 20) > 0) {
                char buf[4096];
                if (::recv(fd_, buf, sizeof buf, 0) <= 0) {
                    return;
                }
            }
        }
    }

    // Closes with a TCP reset instead of a FIN.
    void reset() {
        linger l{1, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }

private:
    bool fill(clock_type::time_point deadline) {
        while (!stop_.load() && clock_type::now() < deadline) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 20) > 0) {
                char buf[4096];
                const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
                if (n <= 0) {
                    return false;
                }
                buffer_.append(buf, static_cast<std::size_t>(n));
                return true;
            }
        }
        return false;
    }

    int fd_;
    const std::atomic<bool>& stop_;
    std::string buffer_;
};

// A server on 127.0.0.1 with a free port; `handler` runs on a thread of its own per connection.
class loopback_server {
public:
    explicit loopback_server(std::function<void(connection&)> handler) : handler_(std::move(handler)) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(::listen(fd_, 16) == 0);
        socklen_t len = sizeof addr;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
        port_ = ntohs(addr.sin_port);
        accept_thread_ = std::thread([this] { accept_loop(); });
    }
    ~loopback_server() {
        stop_.store(true);
        accept_thread_.join();
        for (std::thread& t : workers_) {
            t.join();
        }
        ::close(fd_);
    }
    loopback_server(const loopback_server&) = delete;
    loopback_server& operator=(const loopback_server&) = delete;

    std::string url(const std::string& path = "/") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    unsigned short port() const { return port_; }
    int connections() const { return connections_.load(); }

private:
    void accept_loop() {
        const auto deadline = clock_type::now() + std::chrono::seconds(20);
        while (!stop_.load() && clock_type::now() < deadline) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) {
                continue;
            }
            const int client = ::accept(fd_, nullptr, nullptr);
            if (client < 0) {
                continue;
            }
            ++connections_;
            workers_.emplace_back([this, client] {
                connection c(client, stop_);
                handler_(c);
                ::close(client);
            });
        }
    }

    std::function<void(connection&)> handler_;
    int fd_ = -1;
    unsigned short port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
    std::thread accept_thread_;
    std::vector<std::thread> workers_;
};

http::request post(const std::string& url, std::string body = "{}") {
    http::request r;
    r.url = url;
    r.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                 {"X-Amz-Target", "GameLift.DescribeGameSessions"}};
    r.body = std::move(body);
    return r;
}

http::curl_options fast_options() {
    http::curl_options o;
    o.connect_timeout = milliseconds(2000);
    o.read_timeout = milliseconds(2000);
    return o;
}

long long ms_since(clock_type::time_point start) {
    return std::chrono::duration_cast<milliseconds>(clock_type::now() - start).count();
}

// Sends through async_send and waits (bounded) for the callback.
http::result send_async(http::curl_client& client, const http::request& req) {
    auto promise = std::make_shared<std::promise<http::result>>();
    std::future<http::result> future = promise->get_future();
    client.async_send(req, [promise](http::result r) { promise->set_value(std::move(r)); });
    REQUIRE(future.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
    return future.get();
}

}  // namespace

TEST_CASE("A 200 answer comes back with its status, headers and body") {
    clear_proxy_env();
    loopback_server server([](connection& c) {
        if (auto r = c.read_request()) {
            c.respond(200, "{\"GameSessions\":[]}", "x-amzn-RequestId: abc-123\r\nX-Folded: a\r\n  b\r\n");
        }
    });
    http::curl_client client(fast_options());
    const http::result r = client.send(post(server.url()));
    REQUIRE(r.has_value());
    CHECK(r.value().status == 200);
    CHECK(r.value().body == "{\"GameSessions\":[]}");
    REQUIRE(r.value().find_header("X-AMZN-REQUESTID") != nullptr);
    CHECK(*r.value().find_header("x-amzn-requestid") == "abc-123");
    REQUIRE(r.value().find_header("X-Folded") != nullptr);
    CHECK(*r.value().find_header("X-Folded") == "a b");
    CHECK(*r.value().find_header("Content-Length") == "19");
}

TEST_CASE("An error status is a response, not a transport error") {
    clear_proxy_env();
    loopback_server server([](connection& c) {
        if (c.read_request()) {
            c.respond(400, "{\"__type\":\"ThrottlingException\"}");
        }
    });
    http::curl_client client(fast_options());
    const http::result r = client.send(post(server.url()));
    REQUIRE(r.has_value());
    CHECK(r.value().status == 400);
    CHECK(r.value().body == "{\"__type\":\"ThrottlingException\"}");
}

TEST_CASE("Three requests of one client travel over one connection") {
    clear_proxy_env();
    std::atomic<int> served{0};
    loopback_server server([&](connection& c) {
        while (auto r = c.read_request()) {
            c.respond(200, "answer " + std::to_string(++served) + " to " + r->body);
        }
    });
    http::curl_client client(fast_options());
    for (int i = 1; i <= 3; ++i) {
        const http::result r = client.send(post(server.url(), "{\"n\":" + std::to_string(i) + "}"));
        REQUIRE(r.has_value());
        CHECK(r.value().body == "answer " + std::to_string(i) + " to {\"n\":" + std::to_string(i) + "}");
    }
    CHECK(served.load() == 3);
    CHECK(server.connections() == 1);
}

TEST_CASE("A refused connection is connect_failed, at once") {
    clear_proxy_env();
    unsigned short port = 0;
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        socklen_t len = sizeof addr;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        port = ntohs(addr.sin_port);
        ::close(fd);  // nobody listens there now
    }
    http::curl_client client(fast_options());
    const auto start = clock_type::now();
    const http::result r = client.send(post("http://127.0.0.1:" + std::to_string(port) + "/"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == http::transport_errc::connect_failed);
    CHECK(r.error().retryable());
    CHECK(ms_since(start) < 1000);
}

TEST_CASE("A server silent past the read timeout gives timed_out, soon after the timeout") {
    clear_proxy_env();
    std::string partial;
    SECTION("before the answer") {}
    SECTION("in the middle of the body") { partial = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"Game"; }
    loopback_server server([&](connection& c) {
        if (c.read_request()) {
            c.write(partial);
            c.stall(milliseconds(3000));
        }
    });
    http::curl_options o = fast_options();
    o.read_timeout = milliseconds(300);
    http::curl_client client(o);
    const auto start = clock_type::now();
    const http::result r = client.send(post(server.url()));
    const long long elapsed = ms_since(start);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == http::transport_errc::timed_out);
    CHECK(elapsed >= 280);
    CHECK(elapsed < 1500);
}

TEST_CASE("A slow server that keeps sending is not timed out") {
    clear_proxy_env();
    loopback_server server([](connection& c) {
        if (c.read_request()) {
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n");
            for (int i = 0; i < 6; ++i) {
                std::this_thread::sleep_for(milliseconds(100));
                c.write("x");
            }
        }
    });
    http::curl_options o = fast_options();
    o.read_timeout = milliseconds(300);  // less than the whole answer takes, more than each gap
    http::curl_client client(o);
    const http::result r = client.send(post(server.url()));
    REQUIRE(r.has_value());
    CHECK(r.value().body == "xxxxxx");
}

TEST_CASE("A connection reset in the middle of the body is connection_reset") {
    clear_proxy_env();
    loopback_server server([](connection& c) {
        if (c.read_request()) {
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"GameSessions\":[");
            std::this_thread::sleep_for(milliseconds(50));
            c.reset();
        }
    });
    http::curl_client client(fast_options());
    const http::result r = client.send(post(server.url()));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == http::transport_errc::connection_reset);
}

TEST_CASE("A body shorter than its Content-Length is a transport error, never a short 200") {
    clear_proxy_env();
    loopback_server server([](connection& c) {
        if (c.read_request()) {
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"GameSessions\":[]}");
        }  // then closed normally
    });
    http::curl_client client(fast_options());
    const http::result r = client.send(post(server.url()));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == http::transport_errc::connection_reset);
}

TEST_CASE("A server that closes without answering is connection_reset") {
    clear_proxy_env();
    loopback_server server([](connection& c) { (void)c.read_request(); });
    http::curl_client client(fast_options());
    const http::result r = client.send(post(server.url()));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == http::transport_errc::connection_reset);
}

TEST_CASE("A response beyond max_response_bytes is response_too_large") {
    clear_proxy_env();
    const std::string big(3000, 'x');
    bool announce = false;
    SECTION("announced by its Content-Length") { announce = true; }
    SECTION("read until the connection closes") { announce = false; }
    loopback_server server([&](connection& c) {
        if (c.read_request()) {
            if (announce) {
                c.respond(200, big);
            } else {
                c.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
                for (int i = 0; i < 10; ++i) {
                    c.write(big);
                }
            }
        }
    });
    http::curl_options o = fast_options();
    o.max_response_bytes = 1024;
    http::curl_client client(o);
    const http::result r = client.send(post(server.url()));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == http::transport_errc::response_too_large);
}

TEST_CASE("A response within max_response_bytes is read whole") {
    clear_proxy_env();
    const std::string body(900, 'y');
    loopback_server server([&](connection& c) {
        if (c.read_request()) {
            c.respond(200, body);
        }
    });
    http::curl_options o = fast_options();
    o.max_response_bytes = 1024;
    http::curl_client client(o);
    const http::result r = client.send(post(server.url()));
    REQUIRE(r.has_value());
    CHECK(r.value().body == body);
}

TEST_CASE("Exactly the request's headers arrive: no Expect, Accept or Content-Type of libcurl's, signed ones "
          "unchanged") {
    clear_proxy_env();
    std::mutex m;
    std::vector<received_request> seen;
    loopback_server server([&](connection& c) {
        while (auto r = c.read_request()) {
            {
                const std::lock_guard<std::mutex> lock(m);
                seen.push_back(*r);
            }
            c.respond(200, "{}");
        }
    });
    http::curl_client client(fast_options());
    http::request req = post(server.url("/"), std::string(5000, 'b'));  // large enough for libcurl's Expect
    req.headers.push_back({"X-Amz-Date", "20150830T123600Z"});
    req.headers.push_back({"Host", "127.0.0.1:" + std::to_string(server.port())});
    req.headers.push_back(
        {"Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/gamelift/aws4_request, "
                          "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=abc"});
    req.headers.push_back({"X-Empty", ""});
    REQUIRE(client.send(req).has_value());

    http::request no_type;
    no_type.url = server.url("/");
    no_type.body = "a=b";
    REQUIRE(client.send(no_type).has_value());

    const std::lock_guard<std::mutex> lock(m);
    REQUIRE(seen.size() == 2);
    const received_request& r = seen[0];
    CHECK(r.request_line == "POST / HTTP/1.1");
    CHECK(r.body == req.body);
    std::vector<std::string> names;
    for (const http::header& h : r.headers) {
        names.push_back(h.name);
    }
    CHECK(names == std::vector<std::string>{"Host", "Content-Type", "X-Amz-Target", "X-Amz-Date", "Authorization",
                                            "X-Empty", "Content-Length"});
    for (const http::header& h : req.headers) {
        REQUIRE(r.find(h.name) != nullptr);
        CHECK(*r.find(h.name) == h.value);
    }
    CHECK(*r.find("Content-Length") == "5000");

    // libcurl's form Content-Type and Accept stay out when the request has none.
    std::vector<std::string> plain;
    for (const http::header& h : seen[1].headers) {
        plain.push_back(h.name);
    }
    CHECK(plain == std::vector<std::string>{"Host", "Content-Length"});
}

TEST_CASE("The user agent option is sent when the request has no User-Agent") {
    clear_proxy_env();
    std::mutex m;
    std::vector<std::string> agents;
    loopback_server server([&](connection& c) {
        while (auto r = c.read_request()) {
            {
                const std::lock_guard<std::mutex> lock(m);
                agents.push_back(r->find("User-Agent") ? *r->find("User-Agent") : "(none)");
            }
            c.respond(200, "{}");
        }
    });
    http::curl_options o = fast_options();
    o.user_agent = "pagination/0.1";
    http::curl_client client(o);
    REQUIRE(client.send(post(server.url())).has_value());
    http::request own = post(server.url());
    own.headers.push_back({"User-Agent", "mine"});
    REQUIRE(client.send(own).has_value());
    const std::lock_guard<std::mutex> lock(m);
    CHECK(agents == std::vector<std::string>{"pagination/0.1", "mine"});
}

TEST_CASE("Requests that cannot be sent as given are invalid_request, without a connection") {
    clear_proxy_env();
    loopback_server server([](connection& c) {
        if (c.read_request()) {
            c.respond(200, "{}");
        }
    });
    http::curl_client client(fast_options());
    http::request injected = post(server.url());
    injected.headers.push_back({"X-Evil", "a\r\nX-Injected: 1"});
    http::request bad_name = post(server.url());
    bad_name.headers.push_back({"Bad:Name", "v"});
    for (const http::request& req :
         {injected, bad_name, post("ftp://127.0.0.1/"), post("127.0.0.1/no-scheme"), post("file:///etc/passwd")}) {
        const http::result r = client.send(req);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == http::transport_errc::invalid_request);
    }
    CHECK(server.connections() == 0);
}

TEST_CASE("async_send delivers the same results as send, on the client's thread") {
    clear_proxy_env();
    loopback_server server([](connection& c) {
        while (auto r = c.read_request()) {
            if (r->body == "stall") {
                c.stall(milliseconds(3000));
                return;
            }
            c.respond(200, "echo " + r->body, "x-amzn-RequestId: r1\r\n");
        }
    });
    http::curl_options o = fast_options();
    o.read_timeout = milliseconds(300);
    http::curl_client client(o);
    const http::result a = send_async(client, post(server.url(), "one"));
    REQUIRE(a.has_value());
    CHECK(a.value().status == 200);
    CHECK(a.value().body == "echo one");
    CHECK(*a.value().find_header("x-amzn-requestid") == "r1");
    const http::result b = send_async(client, post(server.url(), "two"));
    REQUIRE(b.has_value());
    CHECK(b.value().body == "echo two");
    CHECK(server.connections() == 1);

    const http::result t = send_async(client, post(server.url(), "stall"));
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().code == http::transport_errc::timed_out);

    // The callback runs on another thread than the caller's.
    auto promise = std::make_shared<std::promise<std::thread::id>>();
    auto future = promise->get_future();
    client.async_send(post(server.url(), "three"), [promise](http::result) { promise->set_value(std::this_thread::get_id()); });
    REQUIRE(future.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
    CHECK(future.get() != std::this_thread::get_id());
}

TEST_CASE("Destroying a client with a request in flight returns promptly and cancels it") {
    clear_proxy_env();
    std::atomic<int> requests{0};
    loopback_server server([&](connection& c) {
        if (c.read_request()) {
            ++requests;
            c.stall(milliseconds(5000));
        }
    });
    http::curl_options o;
    o.read_timeout = milliseconds(30000);
    std::atomic<int> calls{0};
    std::vector<http::transport_errc> codes(2, http::transport_errc::other);
    auto client = std::make_unique<http::curl_client>(o);
    client->async_send(post(server.url(), "in flight"), [&](http::result r) {
        codes[0] = r.has_value() ? http::transport_errc::other : r.error().code;
        ++calls;
    });
    client->async_send(post(server.url(), "queued"), [&](http::result r) {
        codes[1] = r.has_value() ? http::transport_errc::other : r.error().code;
        ++calls;
    });
    const auto wait_start = clock_type::now();
    while (requests.load() == 0 && ms_since(wait_start) < 3000) {
        std::this_thread::sleep_for(milliseconds(5));
    }
    REQUIRE(requests.load() == 1);
    const auto start = clock_type::now();
    client.reset();
    CHECK(ms_since(start) < 2000);
    CHECK(calls.load() == 2);
    CHECK(codes[0] == http::transport_errc::cancelled);
    CHECK(codes[1] == http::transport_errc::cancelled);
}

TEST_CASE("With http_proxy set, requests go through the proxy with an absolute URI") {
    clear_proxy_env();
    std::mutex m;
    std::string proxy_line;
    loopback_server proxy([&](connection& c) {
        if (auto r = c.read_request()) {
            {
                const std::lock_guard<std::mutex> lock(m);
                proxy_line = r->request_line;
            }
            c.respond(200, "via proxy");
        }
    });
    loopback_server origin([](connection& c) {
        if (c.read_request()) {
            c.respond(200, "direct");
        }
    });
    setenv("http_proxy", proxy.url().c_str(), 1);
    http::curl_client client(fast_options());
    const http::result r = client.send(post(origin.url("/path?q=1")));
    clear_proxy_env();
    REQUIRE(r.has_value());
    CHECK(r.value().body == "via proxy");
    CHECK(origin.connections() == 0);
    const std::lock_guard<std::mutex> lock(m);
    CHECK(proxy_line == "POST " + origin.url("/path?q=1") + " HTTP/1.1");

    SECTION("and NO_PROXY exempts a host") {
        setenv("http_proxy", proxy.url().c_str(), 1);
        setenv("NO_PROXY", "127.0.0.1", 1);
        http::curl_client direct(fast_options());
        const http::result d = direct.send(post(origin.url("/")));
        clear_proxy_env();
        REQUIRE(d.has_value());
        CHECK(d.value().body == "direct");
    }
}

TEST_CASE("An https URL against a plain-text server fails as a transport error") {
    clear_proxy_env();
    loopback_server server([](connection& c) {
        c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    });
    http::curl_client client(fast_options());
    const http::result r = client.send(post("https://127.0.0.1:" + std::to_string(server.port()) + "/"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == http::transport_errc::tls_failed);
}
