// A game loop that lists game sessions a batch per frame, never blocking a frame on the network.
//
//   frame-loop [--batch N] [--latency-ms L] [--cancel-after N]
//
// The fetch runs on another thread (here std::async over the local fleet, with a simulated network
// latency); each 16 ms frame polls the paginator, takes at most --batch sessions, and goes on
// drawing. With --cancel-after, the loop stops early and prints the resume token that a later run
// (or boto3, or the AWS CLI) continues from.

#include <pagination/async.hpp>
#include <pagination/aws/gamelift_async.hpp>
#include <pagination/aws/gamelift_local.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <string>
#include <thread>

namespace gl = pagination::aws::gamelift;
using namespace std::chrono_literals;

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

    // The network: every request answers after `latency_ms` on a thread of its own.
    auto fetch = [&fleet, latency_ms](const gl::describe_game_sessions_request& request) {
        return std::async(std::launch::async, [&fleet, request, latency_ms] {
            std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));
            return fleet.describe_game_sessions(request);
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
    auto next_frame = std::chrono::steady_clock::now();
    while (true) {
        ++frames;
        const pagination::async_status status = sessions.poll();
        if (status == pagination::async_status::finished || status == pagination::async_status::failed ||
            status == pagination::async_status::cancelled) {
            break;
        }
        const std::size_t room = cancel_after != 0 ? std::min(batch, cancel_after - listed) : batch;
        const std::size_t taken = sessions.take(room, [&](const gl::game_session&) { ++listed; });
        if (taken == 0) {
            ++waiting_frames;
        }
        if (cancel_after != 0 && listed >= cancel_after) {
            sessions.cancel();
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
    return 0;
}
