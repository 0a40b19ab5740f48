// A game loop that lists game sessions a batch per frame, never blocking a frame on the network.
//
//   frame-loop [--batch N] [--latency-ms L] [--cancel-after N]
//
// The fetch runs on a network thread of its own (here the local fleet behind a simulated network
// latency) and completes through a callback; each 16 ms frame polls the paginator, takes at most
// --batch sessions, and goes on drawing. With --cancel-after, the loop stops early, with the next
// page perhaps still in flight, and prints the resume token that a later run (or boto3, or the AWS
// CLI) continues from.
//
// Not std::async: the future it returns blocks in its destructor until the fetch is over, so a run
// cancelled or destroyed with a fetch in flight would freeze the frame for the whole fetch
// (docs/async.md). A callback, or a future of your own std::promise, never blocks.

#include <pagination/async.hpp>
#include <pagination/aws/gamelift_async.hpp>
#include <pagination/local/demo_fleet.hpp>
#include <pagination/local/fleet_service.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace gl = pagination::aws::gamelift;
using namespace std::chrono_literals;

namespace {

/// The network: one thread that answers requests in order, each after the latency.
class network_thread {
public:
    network_thread() : thread_([this] { serve(); }) {}
    ~network_thread() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_one();
        thread_.join();  // at exit, not in a frame: waits for the request on the wire, if any
    }
    network_thread(const network_thread&) = delete;
    network_thread& operator=(const network_thread&) = delete;

    void post(std::function<void()> request) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            queue_.push_back(std::move(request));
        }
        changed_.notify_one();
    }

private:
    void serve() {
        for (;;) {
            std::function<void()> next;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
                if (stopping_) {
                    return;  // requests not yet sent are dropped
                }
                next = std::move(queue_.front());
                queue_.pop_front();
            }
            next();
        }
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace

int main(int argc, char** argv) {
    std::size_t batch = 25;
    int latency_ms = 40;
    std::size_t cancel_after = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        const auto value = std::strtoul(argv[i + 1], nullptr, 10);
        if (option == "--batch") {
            batch = value;
        } else if (option == "--latency-ms") {
            latency_ms = static_cast<int>(value);
        } else if (option == "--cancel-after") {
            cancel_after = value;
        } else {
            std::fprintf(stderr, "frame-loop: unknown option %s\n", option.c_str());
            return 2;
        }
    }

    gl::local_fleet_service fleet;
    const gl::demo_fleet demo = gl::seed_demo_fleet(fleet).value();
    network_thread network;  // declared before the paginator: outlives it

    // A callback fetcher: the request goes to the network thread, which calls `done` with the
    // page after `latency_ms`. If the paginator is gone by then, the late page is dropped.
    auto fetch = [&network, &fleet, latency_ms](const gl::describe_game_sessions_request& request, auto done) {
        network.post([&fleet, request, done, latency_ms] {
            std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));
            done(fleet.describe_game_sessions(request));
        });
    };

    gl::describe_game_sessions_request request;
    request.fleet_id = demo.fleet_id;
    pagination::async_options options;
    options.prefetch = true;  // the next page is on its way while this one is shown
    auto sessions = gl::describe_game_sessions_async(fetch, request, {std::nullopt, 50, std::nullopt}, options);

    std::size_t listed = 0;
    int frames = 0;
    int waiting_frames = 0;
    auto slowest_call = std::chrono::steady_clock::duration::zero();
    auto timed = [&slowest_call](auto&& call) {
        const auto start = std::chrono::steady_clock::now();
        auto result = call();
        slowest_call = std::max(slowest_call, std::chrono::steady_clock::now() - start);
        return result;
    };
    auto next_frame = std::chrono::steady_clock::now();
    while (true) {
        ++frames;
        const pagination::async_status status = timed([&] { return sessions.poll(); });
        if (status == pagination::async_status::finished || status == pagination::async_status::failed ||
            status == pagination::async_status::cancelled) {
            break;
        }
        const std::size_t room = cancel_after != 0 ? std::min(batch, cancel_after - listed) : batch;
        const std::size_t taken =
            timed([&] { return sessions.take(room, [&](const gl::game_session&) { ++listed; }); });
        if (taken == 0) {
            ++waiting_frames;
        }
        if (cancel_after != 0 && listed >= cancel_after) {
            timed([&] {
                sessions.cancel();  // the prefetched page may be in flight: it is dropped when it lands
                return 0;
            });
            break;
        }
        // ... the frame draws here ...
        next_frame += 16ms;
        std::this_thread::sleep_until(next_frame);
    }

    if (auto e = sessions.error()) {
        std::fprintf(stderr, "frame-loop: %s\n", e->message().c_str());
        return 1;
    }
    std::printf("listed %zu of %zu sessions in %d frames (%d frames had nothing new; none blocked)\n", listed,
                demo.session_count, frames, waiting_frames);
    if (auto token = sessions.resume_token()) {
        std::printf("resume with --starting-token %s\n", token->c_str());
    }
    std::printf("slowest poll, take or cancel: %.3f ms\n",
                std::chrono::duration<double, std::milli>(slowest_call).count());
    return 0;
}
