#ifndef PAGINATION_HTTP_CURL_CLIENT_HPP
#define PAGINATION_HTTP_CURL_CLIENT_HPP

// An HTTP client on libcurl (docs/wire/http_clients.md), for users who link libcurl
// (the CMake target pagination::curl). It sends requests exactly as given: the wire layer signs
// them with its own SigV4 signer, so libcurl must not add, drop or change a header.
//
// Threading: one client owns one curl easy handle and one multi handle (its connection pool),
// so its requests reuse one connection. send() may be called from any thread; calls on one
// client run one at a time. async_send() queues the request for the client's worker thread
// (started on first use), which calls the callback; the destructor cancels the transfer under
// way, calls the queued callbacks with `cancelled`, and joins the worker.

#include <pagination/http/message.hpp>

#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace pagination {
namespace http {

/// The settings of a curl_client.
struct curl_options {
    /// Longest wait for the TCP connection and TLS handshake (0: libcurl's default, 300 s).
    std::chrono::milliseconds connect_timeout{60000};
    /// Longest silence of the server once connected, before or within the response (0: none).
    std::chrono::milliseconds read_timeout{60000};
    /// Verify the server's certificate and host name (--no-verify-ssl turns it off).
    bool verify_tls = true;
    /// A PEM file of CA certificates to verify with instead of the system's (--ca-bundle).
    std::string ca_bundle;
    /// The most bytes of response (status line, headers and body) accepted.
    std::size_t max_response_bytes = std::size_t{64} * 1024 * 1024;
    /// A User-Agent sent when the request has none; empty: none.
    std::string user_agent;
};

namespace detail {

/// curl_global_init, once per process, thread-safely (a function-local static).
inline bool curl_global_ready() {
    static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    return ready;
}

/// The state of one transfer, seen by libcurl's callbacks.
struct curl_transfer {
    response* out = nullptr;
    std::size_t limit = 0;
    std::size_t received = 0;
    bool too_large = false;
    bool connected = false;
    std::chrono::steady_clock::time_point last_activity;
    curl_off_t last_up = 0;
    curl_off_t last_down = 0;
};

// Counts `n` bytes of the answer against the size limit: false (and the transfer marked too
// large) when they would cross it.
inline bool curl_accept(curl_transfer* t, std::size_t n) {
    t->connected = true;
    t->last_activity = std::chrono::steady_clock::now();
    if (n > t->limit - t->received) {
        t->too_large = true;
        return false;
    }
    t->received += n;
    return true;
}

inline std::size_t curl_on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<curl_transfer*>(user);
    const std::size_t n = size * count;
    if (!curl_accept(t, n)) {
        return 0;  // libcurl ends the transfer with CURLE_WRITE_ERROR
    }
    t->out->body.append(data, n);
    return n;
}

inline std::string_view curl_trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    return s;
}

inline std::size_t curl_on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<curl_transfer*>(user);
    const std::size_t n = size * count;
    if (!curl_accept(t, n)) {
        return 0;
    }
    const std::string_view line(data, n);
    if (line.substr(0, 5) == "HTTP/") {
        // A new status line (after a 100 Continue or a proxy's CONNECT answer): start over.
        t->out->headers.clear();
        return n;
    }
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
        if (!t->out->headers.empty()) {  // an obsolete folded continuation line
            std::string& value = t->out->headers.back().value;
            value += ' ';
            value += curl_trim(line);
        }
        return n;
    }
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon > 0) {
        t->out->headers.push_back(
            {std::string(curl_trim(line.substr(0, colon))), std::string(curl_trim(line.substr(colon + 1)))});
    }
    return n;
}

inline int curl_on_progress(void* user, curl_off_t, curl_off_t dlnow, curl_off_t, curl_off_t ulnow) {
    auto* t = static_cast<curl_transfer*>(user);
    if (ulnow != t->last_up || dlnow != t->last_down) {
        t->last_up = ulnow;
        t->last_down = dlnow;
        t->connected = true;
        t->last_activity = std::chrono::steady_clock::now();
    }
    return 0;
}

/// The transport_errc of a libcurl error.
inline transport_errc curl_errc(CURLcode code, bool too_large) noexcept {
    switch (code) {
        case CURLE_COULDNT_CONNECT:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            return transport_errc::connect_failed;
        case CURLE_OPERATION_TIMEDOUT:
            return transport_errc::timed_out;
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return transport_errc::connection_reset;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_USE_SSL_FAILED:
            return transport_errc::tls_failed;
        case CURLE_FILESIZE_EXCEEDED:
            return transport_errc::response_too_large;
        case CURLE_WRITE_ERROR:
            return too_large ? transport_errc::response_too_large : transport_errc::other;
        case CURLE_URL_MALFORMAT:
        case CURLE_UNSUPPORTED_PROTOCOL:
            return transport_errc::invalid_request;
        case CURLE_ABORTED_BY_CALLBACK:
            return transport_errc::cancelled;
        default:
            return transport_errc::other;
    }
}

/// The curl_slist of a request's headers, plus removals of what libcurl would add by itself.
class curl_header_list {
public:
    curl_header_list() = default;
    curl_header_list(const curl_header_list&) = delete;
    curl_header_list& operator=(const curl_header_list&) = delete;
    ~curl_header_list() { curl_slist_free_all(list_); }

    /// Adds one line as libcurl reads it; false when out of memory.
    bool add(const std::string& line) {
        curl_slist* next = curl_slist_append(list_, line.c_str());
        if (next == nullptr) {
            return false;
        }
        list_ = next;
        return true;
    }
    curl_slist* get() const noexcept { return list_; }

private:
    curl_slist* list_ = nullptr;
};

/// A queued async_send: the request and its callback, type-erased (move-only callbacks too).
struct curl_task {
    explicit curl_task(request r) : req(std::move(r)) {}
    virtual ~curl_task() = default;
    curl_task(const curl_task&) = delete;
    curl_task& operator=(const curl_task&) = delete;
    virtual void complete(result r) = 0;
    request req;
};

template <class Callback>
struct curl_task_for final : curl_task {
    curl_task_for(request r, Callback&& cb) : curl_task(std::move(r)), callback(std::move(cb)) {}
    void complete(result r) override { callback(std::move(r)); }
    Callback callback;
};

}  // namespace detail

/// An HTTP/1.1 and HTTP/2 client on libcurl that keeps its connection between requests.
class curl_client {
public:
    /// A client with `options`; no connection is made before the first request.
    explicit curl_client(curl_options options = {}) : options_(std::move(options)) {
        if (detail::curl_global_ready()) {
            easy_ = curl_easy_init();
            multi_ = curl_multi_init();
        }
    }
    curl_client(const curl_client&) = delete;
    curl_client& operator=(const curl_client&) = delete;

    /// Cancels the transfer under way and the queued ones (their callbacks get `cancelled`),
    /// and joins the worker thread. No send() may be running in another thread.
    ~curl_client() {
        {
            const std::lock_guard<std::mutex> lock(queue_mutex_);
            stopping_ = true;
        }
        cancel_.store(true);
        if (multi_ != nullptr) {
            curl_multi_wakeup(multi_);
        }
        queue_ready_.notify_all();
        if (worker_.joinable()) {
            worker_.join();
        }
        if (multi_ != nullptr) {
            curl_multi_cleanup(multi_);
        }
        if (easy_ != nullptr) {
            curl_easy_cleanup(easy_);
        }
    }

    /// The settings.
    const curl_options& options() const noexcept { return options_; }

    /// Sends `req` and waits for the whole response, or the transport error.
    result send(const request& req) {
        const std::lock_guard<std::mutex> lock(transfer_mutex_);
        return perform(req);
    }

    /// Sends `req` on the client's worker thread, which then calls `done(http::result)` once.
    template <class Callback>
    void async_send(const request& req, Callback&& done) {
        using task_type = detail::curl_task_for<std::decay_t<Callback>>;
        std::unique_ptr<detail::curl_task> task(new task_type(req, std::decay_t<Callback>(std::forward<Callback>(done))));
        {
            const std::lock_guard<std::mutex> lock(queue_mutex_);
            if (!stopping_) {
                queue_.push_back(std::move(task));
                if (!worker_.joinable()) {
                    worker_ = std::thread([this] { run_worker(); });
                }
            }
        }
        if (task) {  // the client is being destroyed
            task->complete(transport_error{transport_errc::cancelled, "the client is shutting down"});
            return;
        }
        queue_ready_.notify_one();
    }

private:
    void run_worker() {
        for (;;) {
            std::unique_ptr<detail::curl_task> task;
            {
                std::unique_lock<std::mutex> lock(queue_mutex_);
                queue_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
                if (queue_.empty()) {
                    return;
                }
                task = std::move(queue_.front());
                queue_.pop_front();
            }
            if (cancel_.load()) {
                task->complete(transport_error{transport_errc::cancelled, "the client is shutting down"});
                continue;
            }
            result r = send(task->req);
            task->complete(std::move(r));
        }
    }

    static result fail(transport_errc code, std::string message) {
        return transport_error{code, std::move(message)};
    }

    result perform(const request& req) {
        if (easy_ == nullptr || multi_ == nullptr) {
            return fail(transport_errc::other, "libcurl could not be initialised");
        }
        if (cancel_.load()) {
            return fail(transport_errc::cancelled, "the client is shutting down");
        }
        if (!parse_url(req.url)) {
            return fail(transport_errc::invalid_request, "not an absolute http(s) URL: " + req.url);
        }
        detail::curl_header_list headers;
        if (!build_headers(req, headers)) {
            return fail(transport_errc::invalid_request, "a header name or value is not valid in HTTP");
        }

        response out;
        detail::curl_transfer t;
        t.out = &out;
        t.limit = options_.max_response_bytes;
        curl_easy_reset(easy_);  // keeps the connection pool; clears the last request's options
        configure(req, headers, t);

        if (curl_multi_add_handle(multi_, easy_) != CURLM_OK) {
            return fail(transport_errc::other, "curl_multi_add_handle failed");
        }
        const auto started = std::chrono::steady_clock::now();
        t.last_activity = started;
        bool done = false;
        CURLcode code = CURLE_OK;
        result outcome = fail(transport_errc::other, "");
        bool have_outcome = false;
        while (!done) {
            int running = 0;
            if (curl_multi_perform(multi_, &running) != CURLM_OK) {
                outcome = fail(transport_errc::other, "curl_multi_perform failed");
                have_outcome = true;
                break;
            }
            int queued = 0;
            while (CURLMsg* msg = curl_multi_info_read(multi_, &queued)) {
                if (msg->msg == CURLMSG_DONE && msg->easy_handle == easy_) {
                    code = msg->data.result;
                    done = true;
                }
            }
            if (done) {
                break;
            }
            if (cancel_.load()) {
                outcome = fail(transport_errc::cancelled, "the client is shutting down");
                have_outcome = true;
                break;
            }
            const auto now = std::chrono::steady_clock::now();
            if (!t.connected) {
                // Until the connection is up, the connect timeout (libcurl's) applies.
                curl_off_t pretransfer = 0;
                if (curl_easy_getinfo(easy_, CURLINFO_PRETRANSFER_TIME_T, &pretransfer) == CURLE_OK &&
                    pretransfer > 0) {
                    t.connected = true;
                    t.last_activity = now;
                }
            }
            long wait_ms = 200;
            if (t.connected && options_.read_timeout.count() > 0) {
                const auto silent = std::chrono::duration_cast<std::chrono::milliseconds>(now - t.last_activity);
                if (silent >= options_.read_timeout) {
                    outcome = fail(transport_errc::timed_out,
                                   "no data from the server for " + std::to_string(silent.count()) + " ms");
                    have_outcome = true;
                    break;
                }
                const long left = static_cast<long>((options_.read_timeout - silent).count());
                wait_ms = left < wait_ms ? left : wait_ms;
            }
            curl_multi_poll(multi_, nullptr, 0, static_cast<int>(wait_ms < 1 ? 1 : wait_ms), nullptr);
        }
        // Removing the handle ends an unfinished transfer and closes its connection; a finished
        // one leaves its connection in the pool for the next request.
        curl_multi_remove_handle(multi_, easy_);
        if (have_outcome) {
            return outcome;
        }
        if (code != CURLE_OK) {
            return fail(detail::curl_errc(code, t.too_large),
                        t.too_large ? "the response is larger than " + std::to_string(t.limit) + " bytes"
                                    : std::string(error_buffer_));
        }
        long status = 0;
        curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
        if (status < 100 || status > 999) {
            return fail(transport_errc::other, "no HTTP status in the response");
        }
        out.status = static_cast<int>(status);
        return out;
    }

    static bool valid_header(const header& h) {
        if (h.name.empty()) {
            return false;
        }
        for (const char c : h.name) {
            if (c == ':' || c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0') {
                return false;
            }
        }
        for (const char c : h.value) {
            if (c == '\r' || c == '\n' || c == '\0') {
                return false;
            }
        }
        return true;
    }

    bool build_headers(const request& req, detail::curl_header_list& list) const {
        for (const header& h : req.headers) {
            if (!valid_header(h)) {
                return false;
            }
            // "Name;" is libcurl's way to send an empty value ("Name:" would remove the header).
            if (!list.add(h.value.empty() ? h.name + ";" : h.name + ": " + h.value)) {
                return false;
            }
        }
        // What libcurl adds by itself unless told not to: none of it was signed.
        for (const char* name : {"Expect", "Accept", "Content-Type"}) {
            if (req.find_header(name) == nullptr && !list.add(std::string(name) + ":")) {
                return false;
            }
        }
        if (req.find_header("User-Agent") == nullptr && !options_.user_agent.empty() &&
            !list.add("User-Agent: " + options_.user_agent)) {
            return false;
        }
        return true;
    }

    void configure(const request& req, const detail::curl_header_list& headers, detail::curl_transfer& t) {
        error_buffer_[0] = '\0';
        curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_buffer_);
        curl_easy_setopt(easy_, CURLOPT_URL, req.url.c_str());
        curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
        curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, "http,https");
#else
        curl_easy_setopt(easy_, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
        curl_easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, 0L);
        if (req.method == "GET" && req.body.empty()) {
            curl_easy_setopt(easy_, CURLOPT_HTTPGET, 1L);
        } else if (req.method == "HEAD") {
            curl_easy_setopt(easy_, CURLOPT_NOBODY, 1L);
        } else {
            curl_easy_setopt(easy_, CURLOPT_POST, 1L);
            curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, req.body.data());
            curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
            if (req.method != "POST") {
                curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST, req.method.c_str());
            }
        }
        curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers.get());
        curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
        curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYPEER, options_.verify_tls ? 1L : 0L);
        curl_easy_setopt(easy_, CURLOPT_SSL_VERIFYHOST, options_.verify_tls ? 2L : 0L);
        if (!options_.ca_bundle.empty()) {
            curl_easy_setopt(easy_, CURLOPT_CAINFO, options_.ca_bundle.c_str());
        }
        const std::size_t max_bytes = options_.max_response_bytes;
        curl_easy_setopt(easy_, CURLOPT_MAXFILESIZE_LARGE,
                         static_cast<curl_off_t>(max_bytes > 0x7fffffffffffffffULL ? 0x7fffffffffffffffULL : max_bytes));
        curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &detail::curl_on_body);
        curl_easy_setopt(easy_, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, &detail::curl_on_header);
        curl_easy_setopt(easy_, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(easy_, CURLOPT_XFERINFOFUNCTION, &detail::curl_on_progress);
        curl_easy_setopt(easy_, CURLOPT_XFERINFODATA, &t);
        curl_easy_setopt(easy_, CURLOPT_NOPROGRESS, 0L);
        // No CURLOPT_PROXY: libcurl reads http_proxy, HTTPS_PROXY, ALL_PROXY and NO_PROXY itself.
    }

    curl_options options_;
    CURL* easy_ = nullptr;
    CURLM* multi_ = nullptr;
    char error_buffer_[CURL_ERROR_SIZE] = {};
    std::mutex transfer_mutex_;
    std::atomic<bool> cancel_{false};

    std::mutex queue_mutex_;
    std::condition_variable queue_ready_;
    std::deque<std::unique_ptr<detail::curl_task>> queue_;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace http
}  // namespace pagination

#endif  // PAGINATION_HTTP_CURL_CLIENT_HPP
