// One DescribeGameSessions page of 100 sessions with realistic member sizes (ARN ids, names,
// IPs, DNS names, 3 game properties, ~200 bytes of matchmaker data), read per second:
//
//   gamelift_parse/ours/fresh       parse_describe_game_sessions_body into a new result
//   gamelift_parse/ours/reuse       the same into one result kept across pages
//   gamelift_parse/simdjson/fresh   simdjson's ondemand API filling the same structs (when
//   gamelift_parse/simdjson/reuse   built with PAGINATION_BENCH_HAVE_SIMDJSON)
//
// Counters: bytes/s (MB/s), sessions/s and allocations per page. benchmarks/botocore_parse.py
// times botocore's parser on the same bytes (it builds the page with the same recipe; set
// PAGINATION_BENCH_WRITE_PAGE=<file> to write ours and compare). Numbers only: nothing asserts.

#include "alloc_counter.hpp"

#include <pagination/aws/gamelift_wire.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#ifdef PAGINATION_BENCH_HAVE_SIMDJSON
#include <simdjson.h>
#endif

namespace {

namespace gl = pagination::aws::gamelift;

std::string format(const char* pattern, int a, int b = 0) {
    char buffer[256];
    const int n = std::snprintf(buffer, sizeof buffer, pattern, a, b);
    return std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0u);
}

// The recipe botocore_parse.py repeats byte for byte.
gl::describe_game_sessions_result make_page() {
    const std::string fleet = "fleet-2ec2aae5-0a8c-4e0b-9f1a-4c5e1e2f3a4b";
    gl::describe_game_sessions_result page;
    for (int i = 0; i < 100; ++i) {
        gl::game_session s;
        s.game_session_id = "arn:aws:gamelift:us-west-2::gamesession/" + fleet + format("/gsess-%08d", i * 7919);
        s.name = format("ranked-match-%04d", i);
        s.fleet_id = fleet;
        s.fleet_arn = "arn:aws:gamelift:us-west-2:123456789012:fleet/" + fleet;
        s.creation_time = gl::timestamp(std::chrono::milliseconds(1469498468057LL + i * 1001LL));
        if (i % 4 == 3) {
            s.termination_time = gl::timestamp(std::chrono::milliseconds(1469502068000LL + i * 1000LL));
        }
        s.current_player_session_count = i % 10;
        s.maximum_player_session_count = 10;
        s.status = i % 4 == 3 ? gl::game_session_status::terminated : gl::game_session_status::active;
        s.game_properties = {{"mode", "capture-the-flag"},
                             {"map", format("dust-%d", i % 7)},
                             {"region-preference", "us-west-2a"}};
        s.ip_address = format("10.0.%d.%d", i / 256, i % 256 + 1);
        s.dns_name = format("ec2-10-0-%d-%d.us-west-2.compute.amazonaws.com", i / 256, i % 256 + 1);
        s.port = 7000 + i;
        s.player_session_creation_policy = gl::player_session_creation_policy::accept_all;
        s.creator_id = format("player-%08d", i * 31);
        s.game_session_data = format("{\"difficulty\":\"hard\",\"seed\":%d}", i * 12345);
        s.matchmaker_data =
            format("{\"matchId\":\"3f2a9c1e-%04d-4b7d-9e0f-a1b2c3d4e5f6\",\"matchmakingConfigurationArn\":", i) +
            "\"arn:aws:gamelift:us-west-2:123456789012:matchmakingconfiguration/ranked-5v5\",\"teams\":" +
            format("[{\"name\":\"red\",\"players\":[{\"playerId\":\"p-%d\"}]}]}", i);
        s.location = "us-west-2";
        page.game_sessions.push_back(std::move(s));
    }
    page.next_token = "eyJnYW1lU2Vzc2lvbklkIjoiZ3Nlc3MtMDAwMDAwOTkiLCJmbGVldElkIjoiZmxlZXQtMmVjMmFhZTUifQ==";
    return page;
}

const std::string& page_bytes() {
    static const std::string bytes = [] {
        std::string b = gl::to_json(make_page());
        if (const char* path = std::getenv("PAGINATION_BENCH_WRITE_PAGE")) {
            if (std::FILE* f = std::fopen(path, "wb")) {
                std::fwrite(b.data(), 1, b.size(), f);
                std::fclose(f);
            }
        }
        return b;
    }();
    return bytes;
}

template <typename Parse>
void run(benchmark::State& state, bool reuse, Parse parse) {
    const std::string& body = page_bytes();
    gl::describe_game_sessions_result kept;
    bool ok = parse(body, kept);
    {
        // Allocations of one page, after a warm-up page when the result is reused.
        gl::describe_game_sessions_result fresh;
        bench::counting_scope scope;
        ok = (reuse ? parse(body, kept) : parse(body, fresh)) && ok;
        state.counters["allocs_per_page"] = static_cast<double>(scope.stats().allocations);
    }
    if (!ok || kept.game_sessions.size() != 100) {
        state.SkipWithError("the page did not parse");
        return;
    }
    for (auto _ : state) {
        if (reuse) {
            benchmark::DoNotOptimize(parse(body, kept));
            benchmark::DoNotOptimize(kept.game_sessions.data());
        } else {
            gl::describe_game_sessions_result fresh;
            benchmark::DoNotOptimize(parse(body, fresh));
            benchmark::DoNotOptimize(fresh.game_sessions.data());
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(body.size()));
    state.counters["sessions_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * 100.0, benchmark::Counter::kIsRate);
    state.counters["page_bytes"] = static_cast<double>(body.size());
}

bool ours(const std::string& body, gl::describe_game_sessions_result& into) {
    return !gl::parse_describe_game_sessions_body(body, into);
}

void ours_fresh(benchmark::State& state) { run(state, false, ours); }
void ours_reuse(benchmark::State& state) { run(state, true, ours); }
BENCHMARK(ours_fresh)->Name("gamelift_parse/ours/fresh");
BENCHMARK(ours_reuse)->Name("gamelift_parse/ours/reuse");

#ifdef PAGINATION_BENCH_HAVE_SIMDJSON

// simdjson's ondemand API filling the same structs, reusing their storage the same way; what a
// hand-written simdjson reader of this shape would do (it checks less: no bounds, no exact
// timestamps, no reset of members a reused session lacks).
class simdjson_reader {
public:
    bool parse(const std::string& body, gl::describe_game_sessions_result& into) {
        if (padded_.size() != body.size()) {
            padded_ = simdjson::padded_string(body);
        }
        simdjson::ondemand::document doc;
        if (parser_.iterate(padded_).get(doc) != simdjson::SUCCESS) {
            return false;
        }
        simdjson::ondemand::object root;
        if (doc.get_object().get(root) != simdjson::SUCCESS) {
            return false;
        }
        std::size_t used = 0;
        into.next_token.reset();
        for (auto field : root) {
            std::string_view key;
            if (field.unescaped_key().get(key) != simdjson::SUCCESS) {
                return false;
            }
            if (key == "GameSessions") {
                simdjson::ondemand::array sessions;
                if (field.value().get_array().get(sessions) != simdjson::SUCCESS) {
                    return false;
                }
                for (auto element : sessions) {
                    simdjson::ondemand::object object;
                    if (element.get_object().get(object) != simdjson::SUCCESS) {
                        return false;
                    }
                    if (used == into.game_sessions.size()) {
                        into.game_sessions.emplace_back();
                    }
                    if (!session(object, into.game_sessions[used++])) {
                        return false;
                    }
                }
            } else if (key == "NextToken") {
                std::string_view v;
                if (field.value().get_string().get(v) != simdjson::SUCCESS) {
                    return false;
                }
                into.next_token = std::string(v);
            }
        }
        into.game_sessions.resize(used);
        return true;
    }

private:
    static bool text(simdjson::ondemand::value v, std::optional<std::string>& out) {
        std::string_view s;
        if (v.get_string().get(s) != simdjson::SUCCESS) {
            return false;
        }
        if (out) {
            out->assign(s.data(), s.size());
        } else {
            out.emplace(s);
        }
        return true;
    }
    static bool integer(simdjson::ondemand::value v, std::optional<int>& out) {
        std::int64_t n = 0;
        if (v.get_int64().get(n) != simdjson::SUCCESS) {
            return false;
        }
        out = static_cast<int>(n);
        return true;
    }
    static bool time(simdjson::ondemand::value v, std::optional<gl::timestamp>& out) {
        double d = 0;
        if (v.get_double().get(d) != simdjson::SUCCESS) {
            return false;
        }
        out = gl::timestamp(std::chrono::milliseconds(static_cast<std::int64_t>(d * 1000.0 + 0.5)));
        return true;
    }
    template <typename Enum>
    static bool enumeration(simdjson::ondemand::value v, std::optional<gl::open_enum<Enum>>& out) {
        std::string_view s;
        if (v.get_string().get(s) != simdjson::SUCCESS) {
            return false;
        }
        out = gl::open_enum<Enum>::from_wire(s);
        return true;
    }

    static bool session(simdjson::ondemand::object& object, gl::game_session& s) {
        for (auto field : object) {
            std::string_view key;
            if (field.unescaped_key().get(key) != simdjson::SUCCESS) {
                return false;
            }
            simdjson::ondemand::value v;
            if (field.value().get(v) != simdjson::SUCCESS) {
                return false;
            }
            bool ok = true;
            if (key == "GameSessionId") ok = text(v, s.game_session_id);
            else if (key == "Name") ok = text(v, s.name);
            else if (key == "FleetId") ok = text(v, s.fleet_id);
            else if (key == "FleetArn") ok = text(v, s.fleet_arn);
            else if (key == "CreationTime") ok = time(v, s.creation_time);
            else if (key == "TerminationTime") ok = time(v, s.termination_time);
            else if (key == "CurrentPlayerSessionCount") ok = integer(v, s.current_player_session_count);
            else if (key == "MaximumPlayerSessionCount") ok = integer(v, s.maximum_player_session_count);
            else if (key == "Status") ok = enumeration(v, s.status);
            else if (key == "StatusReason") ok = enumeration(v, s.status_reason);
            else if (key == "GameProperties") {
                simdjson::ondemand::array properties;
                if (v.get_array().get(properties) != simdjson::SUCCESS) {
                    return false;
                }
                std::size_t used = 0;
                for (auto element : properties) {
                    simdjson::ondemand::object p;
                    if (element.get_object().get(p) != simdjson::SUCCESS) {
                        return false;
                    }
                    if (used == s.game_properties.size()) {
                        s.game_properties.emplace_back();
                    }
                    gl::game_property& gp = s.game_properties[used++];
                    for (auto pf : p) {
                        std::string_view pk;
                        std::string_view pv;
                        if (pf.unescaped_key().get(pk) != simdjson::SUCCESS ||
                            pf.value().get_string().get(pv) != simdjson::SUCCESS) {
                            return false;
                        }
                        (pk == "Key" ? gp.key : gp.value).assign(pv.data(), pv.size());
                    }
                }
                s.game_properties.resize(used);
            } else if (key == "IpAddress") ok = text(v, s.ip_address);
            else if (key == "DnsName") ok = text(v, s.dns_name);
            else if (key == "Port") ok = integer(v, s.port);
            else if (key == "PlayerSessionCreationPolicy") ok = enumeration(v, s.player_session_creation_policy);
            else if (key == "CreatorId") ok = text(v, s.creator_id);
            else if (key == "GameSessionData") ok = text(v, s.game_session_data);
            else if (key == "MatchmakerData") ok = text(v, s.matchmaker_data);
            else if (key == "Location") ok = text(v, s.location);
            else if (key == "ComputeName") ok = text(v, s.compute_name);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    simdjson::ondemand::parser parser_;
    simdjson::padded_string padded_;
};

void simdjson_fresh(benchmark::State& state) {
    simdjson_reader reader;
    run(state, false, [&](const std::string& b, gl::describe_game_sessions_result& r) { return reader.parse(b, r); });
}
void simdjson_reuse(benchmark::State& state) {
    simdjson_reader reader;
    run(state, true, [&](const std::string& b, gl::describe_game_sessions_result& r) { return reader.parse(b, r); });
}
BENCHMARK(simdjson_fresh)->Name("gamelift_parse/simdjson/fresh");
BENCHMARK(simdjson_reuse)->Name("gamelift_parse/simdjson/reuse");

#endif  // PAGINATION_BENCH_HAVE_SIMDJSON

}  // namespace
