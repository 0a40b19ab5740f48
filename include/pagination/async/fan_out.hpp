#ifndef PAGINATION_ASYNC_FAN_OUT_HPP
#define PAGINATION_ASYNC_FAN_OUT_HPP

// fan_out: several async runs at once (fleets, locations, shards), merged, under one request_gate.

#include <pagination/async/gate.hpp>
#include <pagination/async/options.hpp>
#include <pagination/async/paginator.hpp>
#include <pagination/config.hpp>
#include <pagination/error.hpp>
#include <pagination/pagination_config.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pagination {

/// Lists several requests at once (fleets, locations, shards) and merges their items, with a bound
/// on fetches in flight across all of them and a resume token per stream. Driven like the step
/// API: poll() and take() from one thread, never blocking.
template <class AsyncFetcher, class TokenPolicy, class LimitPolicy>
class fan_out {
public:
    using stream_type = async_paginator<AsyncFetcher, TokenPolicy, LimitPolicy>;
    using request_type = typename stream_type::request_type;
    using item_reference = typename stream_type::item_reference;

    /// One stream per request; `configs` gives each stream its MaxItems, PageSize and starting
    /// token (a single config applies to all). At most `max_in_flight` fetches run at once.
    fan_out(const AsyncFetcher& fetcher, std::vector<request_type> requests, std::vector<pagination_config> configs,
            std::size_t max_in_flight, async_options options = {})
        : gate_(std::make_shared<request_gate>(max_in_flight)) {
        PAGINATION_ASSERT(configs.size() == 1 || configs.size() == requests.size());
        options.gate = gate_;
        streams_.reserve(requests.size());
        for (std::size_t i = 0; i < requests.size(); ++i) {
            const pagination_config& config = configs.size() == 1 ? configs[0] : configs[i];
            streams_.emplace_back(fetcher, std::move(requests[i]), config, options);
        }
    }

    /// Makes progress on every stream; ready when any stream has items, finished when every
    /// stream is over and none failed, failed when every stream is over and one failed.
    async_status poll() {
        bool any_ready = false;
        bool all_over = true;
        bool any_failed = false;
        for (std::size_t k = 0; k < streams_.size(); ++k) {
            // Start from a different stream each time, so that free places go round.
            stream_type& stream = streams_[(next_poll_ + k) % streams_.size()];
            const async_status st = stream.poll();
            any_ready = any_ready || st == async_status::ready;
            all_over = all_over && st != async_status::pending && st != async_status::ready;
            any_failed = any_failed || st == async_status::failed;
        }
        next_poll_ = streams_.empty() ? 0 : (next_poll_ + 1) % streams_.size();
        if (any_ready) {
            return async_status::ready;
        }
        if (!all_over) {
            return async_status::pending;
        }
        return any_failed ? async_status::failed : async_status::finished;
    }

    /// Hands at most `max_items` ready items, taking turns between streams, to
    /// `sink(stream_index, item)`; returns how many.
    template <class Sink>
    std::size_t take(std::size_t max_items, Sink&& sink) {
        std::size_t handed = 0;
        bool progress = true;
        while (handed < max_items && progress) {
            progress = false;
            for (std::size_t k = 0; k < streams_.size() && handed < max_items; ++k) {
                const std::size_t index = (next_take_ + k) % streams_.size();
                const std::size_t got =
                    streams_[index].take(1, [&](item_reference item) { sink(index, item); });
                handed += got;
                progress = progress || got > 0;
            }
            next_take_ = streams_.empty() ? 0 : (next_take_ + 1) % streams_.size();
        }
        return handed;
    }

    /// Stops every stream; each resume token points at its first item not handed out.
    void cancel() {
        for (stream_type& stream : streams_) {
            stream.cancel();
        }
    }

    /// Where each stream goes on (empty: that stream's listing is complete).
    std::vector<std::optional<std::string>> resume_tokens() const {
        std::vector<std::optional<std::string>> out;
        for (const stream_type& stream : streams_) {
            out.push_back(stream.resume_token());
        }
        return out;
    }

    /// Each stream's failure, if any.
    std::vector<std::optional<error>> errors() const {
        std::vector<std::optional<error>> out;
        for (const stream_type& stream : streams_) {
            out.push_back(stream.error());
        }
        return out;
    }

    std::size_t stream_count() const noexcept { return streams_.size(); }
    const stream_type& stream(std::size_t index) const { return streams_.at(index); }
    /// The shared bound on fetches in flight (its peak() tells the most seen at once).
    const request_gate& gate() const noexcept { return *gate_; }

private:
    std::shared_ptr<request_gate> gate_;
    std::vector<stream_type> streams_;
    std::size_t next_poll_ = 0;
    std::size_t next_take_ = 0;
};

} // namespace pagination

#endif // PAGINATION_ASYNC_FAN_OUT_HPP
