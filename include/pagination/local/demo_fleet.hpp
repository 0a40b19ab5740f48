#ifndef PAGINATION_LOCAL_DEMO_FLEET_HPP
#define PAGINATION_LOCAL_DEMO_FLEET_HPP

// A realistic sample fleet for local_fleet_service (local/fleet_service.hpp), the same for the
// same seed: what the gamelift-local program, the examples and the tests list.

#include <pagination/local/detail/prng_hash.hpp>
#include <pagination/local/fleet_service.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pagination {
namespace aws {
namespace gamelift {

/// What seed_demo_fleet builds.
struct demo_fleet_options {
    std::uint64_t seed = 2026;       ///< Decides every ID, name and number of the sample.
    std::size_t session_count = 600;  ///< How many game sessions to create.
    /// Remote locations; sessions spread over these and the home Region.
    std::vector<std::string> remote_locations{"us-east-1", "eu-west-1", "ap-northeast-1"};
};

/// The ID the sample fleet gets from the default demo_fleet_options (any service options).
inline constexpr std::string_view demo_fleet_id = "fleet-db9c5598-9194-4d23-b8bc-927ded35455d";

/// The sample fleet seed_demo_fleet built.
struct demo_fleet {
    std::string fleet_id;                ///< FleetId
    std::string fleet_arn;               ///< FleetArn
    std::string alias_id;                ///< A SIMPLE alias of the fleet.
    std::string alias_arn;               ///< Its ARN.
    std::vector<std::string> locations;  ///< Home Region first.
    std::size_t session_count = 0;       ///< Game sessions created.
};

/// Builds a realistic sample fleet, the same for the same options: game sessions across the
/// home Region and remote locations, in every status, with game modes, maps, players, creators,
/// matchmaker data, addresses of the documentation ranges and creation times a few seconds
/// apart from the service clock on (which ends at the latest creation or termination time).
inline service_outcome<demo_fleet> seed_demo_fleet(local_fleet_service& service,
                                                   const demo_fleet_options& options = demo_fleet_options()) {
    detail::splitmix64 rng{options.seed};
    fleet_spec spec;
    spec.fleet_id = "fleet-" + detail::uuid_string(rng);
    spec.name = "demo-arena";
    spec.remote_locations = options.remote_locations;
    auto fleet = service.create_fleet(std::move(spec));
    if (!fleet) {
        return std::move(fleet).error();
    }
    auto alias = service.create_alias(fleet.value().fleet_id, "alias-" + detail::uuid_string(rng));
    if (!alias) {
        return std::move(alias).error();
    }

    struct mode {
        std::string_view name;
        int max_players;
    };
    static constexpr std::array<mode, 4> modes{{{"ctf", 16}, {"deathmatch", 12}, {"king-of-the-hill", 10}, {"duel", 2}}};
    static constexpr std::array<std::string_view, 5> maps{{"harbor", "foundry", "glacier", "canyon", "orbital"}};
    static constexpr std::array<std::string_view, 4> tiers{{"bronze", "silver", "gold", "platinum"}};

    const std::vector<std::string>& locations = fleet.value().locations;
    // Each location runs a few instances; each instance hosts sessions on its own ports.
    constexpr std::size_t instances_per_location = 6;
    std::vector<std::string> instance_ids;
    for (std::size_t i = 0; i < locations.size() * instances_per_location; ++i) {
        std::string id = "i-0";
        detail::append_hex(id, rng.next(), 16);
        instance_ids.push_back(std::move(id));
    }
    static constexpr std::array<std::string_view, 3> blocks{{"192.0.2.", "198.51.100.", "203.0.113."}};
    std::vector<int> next_port(instance_ids.size(), 0);

    timestamp created = service.now();
    timestamp latest = created;
    for (std::size_t n = 0; n < options.session_count; ++n) {
        // Weights 40/25/20/15 for the home Region and the first three remote locations.
        const std::uint64_t pick = rng.below(100);
        std::size_t loc = pick < 40 ? 0 : pick < 65 ? 1 : pick < 85 ? 2 : 3;
        loc = loc < locations.size() ? loc : loc % locations.size();
        const mode& m = modes[static_cast<std::size_t>(rng.below(modes.size()))];
        const std::string_view map = maps[static_cast<std::size_t>(rng.below(maps.size()))];
        const std::string_view tier = tiers[static_cast<std::size_t>(rng.below(tiers.size()))];

        created += std::chrono::milliseconds(250 + static_cast<std::int64_t>(rng.below(14'750)));

        game_session_spec s;
        s.fleet_id = fleet.value().fleet_id;
        s.location = locations[loc];
        s.id = "gsess-" + detail::uuid_string(rng);
        std::string name(m.name);
        name += '-';
        name += map;
        name += '-';
        detail::append_padded(name, static_cast<std::int64_t>(n + 1), 4);
        s.name = std::move(name);
        s.maximum_player_session_count = m.max_players;
        s.game_properties = {{"mode", std::string(m.name)}, {"map", std::string(map)}, {"skill", std::string(tier)}};
        s.creation_time = created;

        const std::size_t instance = loc * instances_per_location + static_cast<std::size_t>(rng.below(instances_per_location));
        const std::size_t block = loc % blocks.size();
        s.ip_address = std::string(blocks[block]) + std::to_string(10 + 40 * (loc / blocks.size()) + instance % instances_per_location);
        s.dns_name = local_fleet_service::ec2_dns_name(*s.ip_address, locations[loc]);
        s.port = 33430 + next_port[instance]++ % 100;
        s.compute_name = instance_ids[instance];

        const bool matchmade = rng.below(100) < 30;
        if (matchmade) {
            std::string data = "{\"matchId\":\"" + detail::uuid_string(rng) +
                               "\",\"matchmakingConfigurationArn\":\"arn:aws:gamelift:" + service.home_region() + ":" +
                               service.account_id() + ":matchmakingconfiguration/ranked-" + std::string(m.name) +
                               "\",\"teams\":[{\"name\":\"red\",\"players\":[{\"playerId\":\"player-";
            detail::append_padded(data, static_cast<std::int64_t>(rng.below(100'000)), 5);
            data += "\",\"attributes\":{\"skill\":{\"attributeType\":\"STRING\",\"valueAttribute\":\"" +
                    std::string(tier) + "\"}}}]}],\"autoBackfillMode\":null}";
            s.matchmaker_data = std::move(data);
        } else {
            std::string creator = "player-";
            detail::append_padded(creator, static_cast<std::int64_t>(rng.below(100'000)), 5);
            s.creator_id = std::move(creator);
        }
        if (rng.below(100) < 25) {
            s.game_session_data = "{\"rounds\":" + std::to_string(3 + rng.below(5)) + ",\"friendlyFire\":" +
                                  (rng.below(2) == 0 ? "false" : "true") + "}";
        }

        // Older sessions have mostly ended; the newest are still starting.
        const std::uint64_t roll = rng.below(100);
        const bool old = n < options.session_count / 2;
        const bool newest = n + options.session_count / 20 >= options.session_count;
        if (newest && roll < 60) {
            s.status = game_session_status::activating;
        } else if (roll < 2) {
            s.status = game_session_status::error;
        } else if (roll < 5) {
            s.status = game_session_status::terminating;
            s.current_player_session_count = static_cast<int>(rng.below(static_cast<std::uint64_t>(m.max_players) / 2 + 1));
        } else if (roll < (old ? 65U : 20U)) {
            s.status = game_session_status::terminated;
            s.termination_time = created + std::chrono::milliseconds(360'000 + static_cast<std::int64_t>(rng.below(1'800'000)));
            const std::uint64_t why = rng.below(100);
            if (why < 10) {
                s.status_reason = game_session_status_reason::interrupted;
            } else if (why < 15) {
                s.status_reason = game_session_status_reason::force_terminated;
            } else if (why < 20) {
                s.status_reason = game_session_status_reason::triggered_on_process_terminate;
            }
        } else {
            s.status = game_session_status::active;
            s.current_player_session_count = static_cast<int>(rng.below(static_cast<std::uint64_t>(m.max_players) + 1));
        }
        const bool full = s.current_player_session_count >= s.maximum_player_session_count;
        s.player_session_creation_policy = (full || rng.below(100) < 10) ? player_session_creation_policy::deny_all
                                                                          : player_session_creation_policy::accept_all;

        latest = std::max(latest, s.termination_time ? *s.termination_time : created);
        auto made = service.create_game_session(std::move(s));
        if (!made) {
            return std::move(made).error();
        }
    }
    service.set_time(latest);

    demo_fleet result;
    result.fleet_id = fleet.value().fleet_id;
    result.fleet_arn = fleet.value().fleet_arn;
    result.alias_id = alias.value().alias_id;
    result.alias_arn = alias.value().alias_arn;
    result.locations = fleet.value().locations;
    result.session_count = options.session_count;
    return result;
}

}  // namespace gamelift
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_LOCAL_DEMO_FLEET_HPP
