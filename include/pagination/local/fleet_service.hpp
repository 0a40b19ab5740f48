#ifndef PAGINATION_LOCAL_FLEET_SERVICE_HPP
#define PAGINATION_LOCAL_FLEET_SERVICE_HPP

// An in-memory GameLift: fleets with remote locations, aliases and game sessions, answering
// DescribeGameSessions by the service's rules, with faults that tests can script
// (local/fault.hpp). It is to the real service what GameLift Local is: something to develop and
// test pagination against. A sample fleet to fill it with is in local/demo_fleet.hpp. Its types
// are in pagination::aws::gamelift, beside the model types they serve.

#include <pagination/aws/gamelift_model.hpp>
#include <pagination/detail/base64.hpp>
#include <pagination/local/detail/prng_hash.hpp>
#include <pagination/local/fault.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace pagination {
namespace aws {
namespace gamelift {

/// How a local_fleet_service starts.
struct local_fleet_options {
    std::string home_region = "us-west-2";  ///< The Region of the endpoint and home of its fleets.
    std::string account_id = "123456789012";  ///< The account in fleet and alias ARNs.
    std::uint64_t seed = 0x6A6D656C6966ULL;  ///< Seeds generated IDs and the token checksum key.
    /// The clock's start: 2026-01-15T08:00:00Z. The clock moves only when told to, or by
    /// `creation_step` after each game session is created, so runs are reproducible.
    timestamp start_time = timestamp(std::chrono::milliseconds(1'768'464'000'000));
    std::chrono::milliseconds creation_step{1000};  ///< Clock advance per created game session.
    /// Page size when a request has no Limit. The service documents no default; 100 keeps
    /// answers small while letting most fleets fit on a page or a few.
    int default_limit = 100;
    /// Largest page served; a larger Limit is lowered to it, as the service documents no
    /// maximum and callers must cope with pages shorter than asked for anyway.
    int max_limit = 100;
};

/// What to create a fleet with.
struct fleet_spec {
    std::optional<std::string> fleet_id;        ///< "fleet-<id>"; generated from the seed when absent.
    std::string name;                           ///< Descriptive label.
    std::vector<std::string> remote_locations;  ///< Locations besides the home Region.
};

/// A fleet of the local service.
struct fleet_info {
    std::string fleet_id;                ///< FleetId
    std::string fleet_arn;               ///< arn:aws:gamelift:<region>:<account>:fleet/<fleet id>
    std::string name;                    ///< Descriptive label.
    std::vector<std::string> locations;  ///< The home Region first, then remote locations.
};

/// An alias of the local service.
struct alias_info {
    std::string alias_id;                 ///< AliasId
    std::string alias_arn;                ///< arn:aws:gamelift:<region>:<account>:alias/<alias id>
    std::optional<std::string> fleet_id;  ///< The fleet of a SIMPLE alias; absent for TERMINAL.
    std::string terminal_message;         ///< The message of a TERMINAL alias.
};

/// What to create a game session with; the service fills in what is left out.
struct game_session_spec {
    std::string fleet_id;                  ///< The fleet (ID, not ARN).
    std::optional<std::string> location;   ///< A fleet location; the home Region when absent.
    std::optional<std::string> id;         ///< Custom ID string (1-48 of [a-zA-Z0-9-]); generated when absent.
    std::optional<std::string> name;       ///< Name
    int maximum_player_session_count = 8;  ///< MaximumPlayerSessionCount
    int current_player_session_count = 0;  ///< CurrentPlayerSessionCount
    std::vector<game_property> game_properties;    ///< GameProperties
    std::optional<std::string> creator_id;         ///< CreatorId
    std::optional<std::string> game_session_data;  ///< GameSessionData
    std::optional<std::string> matchmaker_data;    ///< MatchmakerData
    open_enum<game_session_status> status = game_session_status::active;  ///< Initial Status
    std::optional<open_enum<game_session_status_reason>> status_reason;   ///< StatusReason
    /// PlayerSessionCreationPolicy
    open_enum<gamelift::player_session_creation_policy> player_session_creation_policy =
        gamelift::player_session_creation_policy::accept_all;
    std::optional<std::string> ip_address;       ///< IpAddress; generated when absent.
    std::optional<std::string> dns_name;         ///< DnsName; generated when absent.
    std::optional<int> port;                     ///< Port; generated when absent.
    std::optional<std::string> compute_name;     ///< ComputeName
    std::optional<timestamp> creation_time;      ///< CreationTime; the service clock when absent.
    std::optional<timestamp> termination_time;   ///< TerminationTime (for sessions created ended).
};

/// An in-memory, thread-safe GameLift endpoint for one Region. Fleets, aliases and game sessions
/// are created and changed through its methods at any time, also between the pages of a
/// listing; describe_game_sessions answers like the service (see docs/gamelift.md).
///
/// Listings are ordered by creation and paged by keyset: a NextToken holds the creation
/// sequence number of the last session served, so sessions created or ended between pages are
/// neither skipped nor served twice. Ended (TERMINATED) sessions stay listed, as the service
/// keeps them for 30 days, until remove_terminated_before() drops them.
class local_fleet_service {
public:
    /// Waits for a duration; replaceable so that tests of latency need not wait.
    using sleep_function = std::function<void(std::chrono::milliseconds)>;
    /// Decides the fault of a call (given the request and the 1-based call number), or none.
    using fault_hook = std::function<std::optional<fault>(const describe_game_sessions_request&, std::uint64_t)>;

    /// A service with no fleets.
    explicit local_fleet_service(local_fleet_options options = local_fleet_options())
        : options_(std::move(options)),
          rng_{options_.seed},
          token_key_(detail::fnv1a_field(
              detail::fnv1a_field(detail::fnv1a_u64(detail::fnv_offset, options_.seed), options_.home_region),
              options_.account_id)),
          clock_(options_.start_time),
          sleep_([](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }) {}

    local_fleet_service(const local_fleet_service&) = delete;
    local_fleet_service& operator=(const local_fleet_service&) = delete;

    /// The Region of this endpoint, which is the home Region of its fleets.
    const std::string& home_region() const noexcept { return options_.home_region; }
    /// The account in ARNs.
    const std::string& account_id() const noexcept { return options_.account_id; }

    // -----------------------------------------------------------------------------------------
    // Fleets and aliases
    // -----------------------------------------------------------------------------------------

    /// Creates a fleet. Fails with InvalidRequestException for a malformed or taken fleet ID or a
    /// malformed location.
    service_outcome<fleet_info> create_fleet(fleet_spec spec = fleet_spec()) {
        const std::lock_guard<std::mutex> lock(mutex_);
        fleet_info fleet;
        fleet.fleet_id = spec.fleet_id ? std::move(*spec.fleet_id) : "fleet-" + detail::uuid_string(rng_);
        if (!detail::is_fleet_id(fleet.fleet_id)) {
            return invalid("fleet ID must look like fleet-<id>: " + fleet.fleet_id);
        }
        if (find_fleet(fleet.fleet_id) != nullptr) {
            return invalid("fleet " + fleet.fleet_id + " already exists");
        }
        fleet.fleet_arn = arn("fleet/" + fleet.fleet_id);
        fleet.name = std::move(spec.name);
        fleet.locations.push_back(options_.home_region);
        for (std::string& location : spec.remote_locations) {
            if (auto error = check_new_location(fleet, location)) {
                return *error;
            }
            fleet.locations.push_back(std::move(location));
        }
        fleets_.push_back(fleet);
        return fleet;
    }

    /// Adds a remote location to a fleet.
    service_outcome<fleet_info> add_fleet_location(std::string_view fleet_id, std::string location) {
        const std::lock_guard<std::mutex> lock(mutex_);
        fleet_info* fleet = find_fleet(fleet_id);
        if (fleet == nullptr) {
            return fleet_not_found(fleet_id);
        }
        if (auto error = check_new_location(*fleet, location)) {
            return *error;
        }
        fleet->locations.push_back(std::move(location));
        return *fleet;
    }

    /// The fleet with this ID or ARN, if any.
    std::optional<fleet_info> describe_fleet(std::string_view fleet_id_or_arn) const {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (const fleet_info* fleet = resolve_fleet(fleet_id_or_arn)) {
            return *fleet;
        }
        return std::nullopt;
    }

    /// Creates a SIMPLE alias that routes to a fleet.
    service_outcome<alias_info> create_alias(std::string_view fleet_id, std::optional<std::string> alias_id = std::nullopt) {
        const std::lock_guard<std::mutex> lock(mutex_);
        const fleet_info* fleet = find_fleet(fleet_id);
        if (fleet == nullptr) {
            return fleet_not_found(fleet_id);
        }
        alias_info alias;
        alias.fleet_id = fleet->fleet_id;
        return add_alias(std::move(alias), std::move(alias_id));
    }

    /// Creates a TERMINAL alias, which leads to no fleet and answers with `message`.
    service_outcome<alias_info> create_terminal_alias(std::string message, std::optional<std::string> alias_id = std::nullopt) {
        const std::lock_guard<std::mutex> lock(mutex_);
        alias_info alias;
        alias.terminal_message = std::move(message);
        return add_alias(std::move(alias), std::move(alias_id));
    }

    /// Points an alias at another fleet (making it SIMPLE).
    service_outcome<alias_info> update_alias(std::string_view alias_id, std::string_view fleet_id) {
        const std::lock_guard<std::mutex> lock(mutex_);
        alias_info* alias = find_alias(alias_id);
        if (alias == nullptr) {
            return not_found("alias " + std::string(alias_id) + " not found");
        }
        const fleet_info* fleet = find_fleet(fleet_id);
        if (fleet == nullptr) {
            return fleet_not_found(fleet_id);
        }
        alias->fleet_id = fleet->fleet_id;
        alias->terminal_message.clear();
        return *alias;
    }

    // -----------------------------------------------------------------------------------------
    // Game sessions
    // -----------------------------------------------------------------------------------------

    /// Creates a game session (in any status, so tests can start from any state). Its ID is
    /// arn:aws:gamelift:<home region>::gamesession/<fleet id>/<id>, with the location between
    /// the fleet ID and the ID for a remote location. Fails with NotFoundException for an
    /// unknown fleet or location and InvalidRequestException for a malformed or taken ID.
    service_outcome<game_session> create_game_session(game_session_spec spec) {
        const std::lock_guard<std::mutex> lock(mutex_);
        const fleet_info* fleet = find_fleet(spec.fleet_id);
        if (fleet == nullptr) {
            return fleet_not_found(spec.fleet_id);
        }
        const std::string location = spec.location ? *spec.location : options_.home_region;
        if (std::find(fleet->locations.begin(), fleet->locations.end(), location) == fleet->locations.end()) {
            return not_found("location " + location + " is not a location of fleet " + fleet->fleet_id);
        }
        const std::string id = spec.id ? *spec.id : "gsess-" + detail::uuid_string(rng_);
        if (id.empty() || id.size() > 48 || !detail::all_of(id, detail::is_id_char)) {
            return invalid("game session ID string must be 1 to 48 of [a-zA-Z0-9-]: " + id);
        }
        std::string arn_text = "arn:aws:gamelift:" + options_.home_region + "::gamesession/" + fleet->fleet_id + "/";
        if (location != options_.home_region) {
            arn_text += location + "/";
        }
        arn_text += id;
        if (by_id_.count(arn_text) != 0) {
            return invalid("game session " + arn_text + " already exists");
        }

        const std::uint64_t sequence = ++last_sequence_;
        game_session s;
        s.game_session_id = arn_text;
        s.name = std::move(spec.name);
        s.fleet_id = fleet->fleet_id;
        s.fleet_arn = fleet->fleet_arn;
        s.creation_time = spec.creation_time ? *spec.creation_time : clock_;
        s.termination_time = spec.termination_time;
        s.current_player_session_count = spec.current_player_session_count;
        s.maximum_player_session_count = spec.maximum_player_session_count;
        s.status = spec.status;
        s.status_reason = std::move(spec.status_reason);
        s.game_properties = std::move(spec.game_properties);
        s.ip_address = spec.ip_address ? std::move(*spec.ip_address) : generated_ip(sequence);
        s.dns_name = spec.dns_name ? std::move(*spec.dns_name) : ec2_dns_name(*s.ip_address, location);
        s.port = spec.port ? *spec.port : 7777 + static_cast<int>(sequence % 64);
        s.player_session_creation_policy = spec.player_session_creation_policy;
        s.creator_id = std::move(spec.creator_id);
        s.game_session_data = std::move(spec.game_session_data);
        s.matchmaker_data = std::move(spec.matchmaker_data);
        s.location = location;
        s.compute_name = std::move(spec.compute_name);
        if (s.status == game_session_status::terminated && !s.termination_time) {
            s.termination_time = clock_;
        }
        if (!spec.creation_time) {
            clock_ += options_.creation_step;
        }
        sessions_.push_back(record{sequence, s});
        by_id_.emplace(arn_text, sequence);
        return s;
    }

    /// Changes the status (and status reason) of a game session. Moving to TERMINATED also sets
    /// TerminationTime (if unset) and empties the session.
    service_outcome<game_session> update_game_session_status(
        std::string_view game_session_id, open_enum<game_session_status> status,
        std::optional<open_enum<game_session_status_reason>> reason = std::nullopt) {
        const std::lock_guard<std::mutex> lock(mutex_);
        record* r = find_session(game_session_id);
        if (r == nullptr) {
            return session_not_found(game_session_id);
        }
        game_session& s = r->session;
        s.status = std::move(status);
        if (reason) {
            s.status_reason = std::move(reason);
        }
        if (s.status == game_session_status::terminated) {
            if (!s.termination_time) {
                s.termination_time = clock_;
            }
            s.current_player_session_count = 0;
        }
        return s;
    }

    /// Ends a game session, like TerminateGameSession.
    service_outcome<game_session> terminate_game_session(
        std::string_view game_session_id,
        open_enum<game_session_status_reason> reason = game_session_status_reason::force_terminated) {
        return update_game_session_status(game_session_id, game_session_status::terminated, std::move(reason));
    }

    /// The game session with this ID, if any.
    std::optional<game_session> find_game_session(std::string_view game_session_id) const {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (const record* r = find_session(game_session_id)) {
            return r->session;
        }
        return std::nullopt;
    }

    /// How many game sessions exist, in every fleet and status.
    std::size_t game_session_count() const {
        const std::lock_guard<std::mutex> lock(mutex_);
        return sessions_.size();
    }

    /// Drops TERMINATED sessions that ended before `cutoff`, as the service does after 30 days.
    /// Returns how many were dropped.
    std::size_t remove_terminated_before(timestamp cutoff) {
        const std::lock_guard<std::mutex> lock(mutex_);
        const auto expired = [&](const record& r) {
            return r.session.status == game_session_status::terminated && r.session.termination_time &&
                   *r.session.termination_time < cutoff;
        };
        std::size_t removed = 0;
        for (const record& r : sessions_) {
            if (expired(r)) {
                by_id_.erase(*r.session.game_session_id);
                ++removed;
            }
        }
        sessions_.erase(std::remove_if(sessions_.begin(), sessions_.end(), expired), sessions_.end());
        return removed;
    }

    // -----------------------------------------------------------------------------------------
    // Clock
    // -----------------------------------------------------------------------------------------

    /// The service clock, used for CreationTime and TerminationTime.
    timestamp now() const {
        const std::lock_guard<std::mutex> lock(mutex_);
        return clock_;
    }
    /// Sets the service clock.
    void set_time(timestamp t) {
        const std::lock_guard<std::mutex> lock(mutex_);
        clock_ = t;
    }
    /// Moves the service clock forward.
    void advance_time(std::chrono::milliseconds by) {
        const std::lock_guard<std::mutex> lock(mutex_);
        clock_ += by;
    }

    // -----------------------------------------------------------------------------------------
    // Faults
    // -----------------------------------------------------------------------------------------

    /// Queues a fault for the next describe_game_sessions call that finds the queue non-empty.
    void inject_fault(fault f) {
        const std::lock_guard<std::mutex> lock(mutex_);
        faults_.push_back(std::move(f));
    }
    /// Drops all queued faults.
    void clear_faults() {
        const std::lock_guard<std::mutex> lock(mutex_);
        faults_.clear();
    }
    /// How many queued faults are left.
    std::size_t pending_faults() const {
        const std::lock_guard<std::mutex> lock(mutex_);
        return faults_.size();
    }
    /// Consulted on calls that find the fault queue empty; an empty hook means no faults.
    void set_fault_hook(fault_hook hook) {
        const std::lock_guard<std::mutex> lock(mutex_);
        hook_ = std::move(hook);
    }
    /// Replaces the wait used by latency faults (the default really sleeps).
    void set_sleep_function(sleep_function sleep) {
        const std::lock_guard<std::mutex> lock(mutex_);
        sleep_ = std::move(sleep);
    }

    /// How many describe_game_sessions calls were received, faulty ones included.
    std::uint64_t requests_served() const noexcept { return requests_.load(); }

    // -----------------------------------------------------------------------------------------
    // DescribeGameSessions
    // -----------------------------------------------------------------------------------------

    /// Answers DescribeGameSessions: InvalidRequestException for a request that breaks a rule
    /// of validate() or carries a token not issued for this query; NotFoundException for an
    /// unknown fleet, alias, location or game session; TerminalRoutingStrategyException for a
    /// TERMINAL alias; otherwise one page, in creation order.
    describe_game_sessions_outcome describe_game_sessions(const describe_game_sessions_request& request) {
        const std::uint64_t call = requests_.fetch_add(1) + 1;
        std::optional<fault> f;
        fault_hook hook;
        sleep_function sleep;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (!faults_.empty()) {
                f = std::move(faults_.front());
                faults_.pop_front();
            } else {
                hook = hook_;
            }
            sleep = sleep_;
        }
        // Called without the lock, so hooks and sleeps may use the service themselves.
        if (!f && hook) {
            f = hook(request, call);
        }
        if (f && f->type == fault::kind::error) {
            return f->error;
        }
        if (f && f->type == fault::kind::latency && sleep) {
            sleep(f->delay);
        }
        page_mode mode = page_mode::normal;
        if (f && f->type == fault::kind::repeated_token) {
            mode = page_mode::repeated_token;
        } else if (f && f->type == fault::kind::empty_page) {
            mode = page_mode::empty_page;
        }
        const std::lock_guard<std::mutex> lock(mutex_);
        return serve(request, mode);
    }

private:
    struct record {
        std::uint64_t sequence;
        game_session session;
    };

    enum class page_mode { normal, repeated_token, empty_page };

    // Token layout (little-endian), then base64: magic "GL", version, cursor sequence, serial,
    // query fingerprint, checksum of all that under the service's key.
    static constexpr std::size_t token_size = 2 + 1 + 8 + 8 + 8 + 8;

    std::string arn(std::string_view resource) const {
        return "arn:aws:gamelift:" + options_.home_region + ":" + options_.account_id + ":" + std::string(resource);
    }

    static service_error invalid(std::string message) {
        return {std::string(error_codes::invalid_request), std::move(message)};
    }
    static service_error not_found(std::string message) {
        return {std::string(error_codes::not_found), std::move(message)};
    }
    static service_error fleet_not_found(std::string_view fleet_id) {
        return not_found("fleet " + std::string(fleet_id) + " not found");
    }
    static service_error session_not_found(std::string_view game_session_id) {
        return not_found("game session " + std::string(game_session_id) + " not found");
    }

    std::optional<service_error> check_new_location(const fleet_info& fleet, const std::string& location) const {
        if (location.empty() || location.size() > limits::location_max_length ||
            !detail::all_of(location, detail::is_id_char)) {
            return invalid("location must be 1 to 64 of [A-Za-z0-9-]: " + location);
        }
        if (std::find(fleet.locations.begin(), fleet.locations.end(), location) != fleet.locations.end()) {
            return invalid("fleet " + fleet.fleet_id + " already has location " + location);
        }
        return std::nullopt;
    }

    service_outcome<alias_info> add_alias(alias_info alias, std::optional<std::string> alias_id) {
        alias.alias_id = alias_id ? std::move(*alias_id) : "alias-" + detail::uuid_string(rng_);
        if (!detail::starts_with(alias.alias_id, "alias-") || !detail::is_alias_id_or_arn(alias.alias_id)) {
            return invalid("alias ID must look like alias-<id>: " + alias.alias_id);
        }
        if (find_alias(alias.alias_id) != nullptr) {
            return invalid("alias " + alias.alias_id + " already exists");
        }
        alias.alias_arn = arn("alias/" + alias.alias_id);
        aliases_.push_back(alias);
        return alias;
    }

    fleet_info* find_fleet(std::string_view fleet_id) {
        for (fleet_info& fleet : fleets_) {
            if (fleet.fleet_id == fleet_id) {
                return &fleet;
            }
        }
        return nullptr;
    }
    const fleet_info* find_fleet(std::string_view fleet_id) const {
        return const_cast<local_fleet_service*>(this)->find_fleet(fleet_id);
    }
    // An ARN must name this service's Region, and its account or none (as the service's
    // documentation writes ARNs: arn:aws:gamelift:<region>::fleet/<fleet id>).
    bool names(std::string_view id_or_arn, const std::string& id, const std::string& full_arn,
               std::string_view type) const {
        if (id_or_arn == id || id_or_arn == full_arn) {
            return true;
        }
        const std::string accountless = "arn:aws:gamelift:" + options_.home_region + "::" + std::string(type) + "/" + id;
        return id_or_arn == accountless;
    }
    // By ID or by ARN.
    const fleet_info* resolve_fleet(std::string_view id_or_arn) const {
        for (const fleet_info& fleet : fleets_) {
            if (names(id_or_arn, fleet.fleet_id, fleet.fleet_arn, "fleet")) {
                return &fleet;
            }
        }
        return nullptr;
    }
    alias_info* find_alias(std::string_view id_or_arn) {
        for (alias_info& alias : aliases_) {
            if (names(id_or_arn, alias.alias_id, alias.alias_arn, "alias")) {
                return &alias;
            }
        }
        return nullptr;
    }
    const alias_info* find_alias(std::string_view id_or_arn) const {
        return const_cast<local_fleet_service*>(this)->find_alias(id_or_arn);
    }
    record* find_session(std::string_view game_session_id) {
        const auto it = by_id_.find(game_session_id);
        if (it == by_id_.end()) {
            return nullptr;
        }
        const auto pos = std::lower_bound(sessions_.begin(), sessions_.end(), it->second,
                                          [](const record& r, std::uint64_t seq) { return r.sequence < seq; });
        return pos != sessions_.end() && pos->sequence == it->second ? &*pos : nullptr;
    }
    const record* find_session(std::string_view game_session_id) const {
        return const_cast<local_fleet_service*>(this)->find_session(game_session_id);
    }

    // Addresses from the documentation ranges (RFC 5737), so that examples name no real host.
    static std::string generated_ip(std::uint64_t sequence) {
        static constexpr std::array<std::string_view, 3> blocks{{"192.0.2.", "198.51.100.", "203.0.113."}};
        const std::uint64_t n = sequence - 1;
        return std::string(blocks[static_cast<std::size_t>(n / 254 % 3)]) + std::to_string(n % 254 + 1);
    }

public:
    /// The DNS name EC2 gives a public IPv4 address in a Region (compute-1 in us-east-1).
    static std::string ec2_dns_name(std::string_view ip, std::string_view region) {
        std::string name = "ec2-";
        for (const char c : ip) {
            name += c == '.' ? '-' : c;
        }
        if (region == "us-east-1") {
            name += ".compute-1.amazonaws.com";
        } else {
            name += ".";
            name += region;
            name += ".compute.amazonaws.com";
        }
        return name;
    }

private:
    std::uint64_t fingerprint(const std::optional<std::string>& fleet_id, const describe_game_sessions_request& request) const {
        std::uint64_t h = detail::fnv1a_u64(token_key_, 0x71);
        h = detail::fnv1a_field(h, fleet_id ? *fleet_id : std::string_view("-"));
        h = detail::fnv1a_field(h, request.game_session_id ? *request.game_session_id : std::string_view("-"));
        h = detail::fnv1a_field(h, request.location ? *request.location : std::string_view("-"));
        h = detail::fnv1a_field(h, request.status_filter ? to_string(*request.status_filter) : std::string_view("-"));
        return h;
    }

    // The same position of the same query gives the same token (so that two clients cut at the
    // same place print the same NextToken), except where `serial` tells tokens apart: an empty
    // page must not answer with the token it was asked with.
    std::string encode_token(std::uint64_t cursor, std::uint64_t query, std::uint64_t serial = 0) {
        std::string bytes = "GL";
        bytes += static_cast<char>(1);
        detail::put_u64(bytes, cursor);
        detail::put_u64(bytes, serial);
        detail::put_u64(bytes, query);
        detail::put_u64(bytes, detail::fnv1a(token_key_, bytes));
        return pagination::detail::base64_encode(bytes);
    }

    std::optional<std::uint64_t> decode_token(std::string_view token, std::uint64_t query) const {
        // Only the canonical text of a token this service issued: decoded, it must encode back to itself.
        std::string decoded;
        const std::optional<std::string> bytes =
            pagination::detail::base64_decode(token, decoded) && pagination::detail::base64_encode(decoded) == token
                ? std::optional<std::string>(std::move(decoded))
                : std::nullopt;
        if (!bytes || bytes->size() != token_size || bytes->compare(0, 3, std::string_view("GL\x01", 3)) != 0) {
            return std::nullopt;
        }
        const std::string_view view(*bytes);
        const std::size_t checked = token_size - 8;
        if (detail::get_u64(view, checked) != detail::fnv1a(token_key_, view.substr(0, checked)) ||
            detail::get_u64(view, 19) != query) {
            return std::nullopt;
        }
        const std::uint64_t cursor = detail::get_u64(view, 3);
        if (cursor > last_sequence_) {
            return std::nullopt;
        }
        return cursor;
    }

    describe_game_sessions_outcome serve(const describe_game_sessions_request& request, page_mode mode) {
        if (const auto problem = validate(request)) {
            return to_service_error(*problem);
        }

        std::optional<std::string> fleet_id;
        if (request.alias_id) {
            const alias_info* alias = find_alias(*request.alias_id);
            if (alias == nullptr) {
                return not_found("alias " + *request.alias_id + " not found");
            }
            if (!alias->fleet_id) {
                return service_error{std::string(error_codes::terminal_routing_strategy), alias->terminal_message};
            }
            fleet_id = alias->fleet_id;
        }
        if (request.fleet_id) {
            const fleet_info* fleet = resolve_fleet(*request.fleet_id);
            if (fleet == nullptr) {
                return fleet_not_found(*request.fleet_id);
            }
            if (fleet_id && *fleet_id != fleet->fleet_id) {
                return invalid("AliasId " + *request.alias_id + " does not route to FleetId " + *request.fleet_id);
            }
            fleet_id = fleet->fleet_id;
        }
        if (fleet_id && request.location) {
            const fleet_info* fleet = find_fleet(*fleet_id);
            if (std::find(fleet->locations.begin(), fleet->locations.end(), *request.location) ==
                fleet->locations.end()) {
                return not_found("location " + *request.location + " is not a location of fleet " + *fleet_id);
            }
        }
        if (request.game_session_id) {
            const record* r = find_session(*request.game_session_id);
            if (r == nullptr || (fleet_id && r->session.fleet_id != fleet_id)) {
                return session_not_found(*request.game_session_id);
            }
        }

        const std::uint64_t query = fingerprint(fleet_id, request);
        std::uint64_t cursor = 0;
        if (request.next_token) {
            const std::optional<std::uint64_t> decoded = decode_token(*request.next_token, query);
            if (!decoded) {
                return invalid("NextToken is not valid for this request");
            }
            cursor = *decoded;
        }

        const auto matches = [&](const game_session& s) {
            if (request.game_session_id ? s.game_session_id != request.game_session_id : s.fleet_id != fleet_id) {
                return false;
            }
            if (request.location && s.location != request.location) {
                return false;
            }
            return !request.status_filter || (s.status && *s.status == *request.status_filter);
        };

        describe_game_sessions_result result;
        if (mode == page_mode::empty_page) {
            result.next_token = encode_token(cursor, query, ++token_serial_);
            return result;
        }

        const int asked = request.limit ? *request.limit : options_.default_limit;
        const auto page_size = static_cast<std::size_t>(std::max(1, std::min(asked, options_.max_limit)));
        auto it = std::upper_bound(sessions_.begin(), sessions_.end(), cursor,
                                   [](std::uint64_t seq, const record& r) { return seq < r.sequence; });
        std::uint64_t last_served = cursor;
        for (; it != sessions_.end() && result.game_sessions.size() < page_size; ++it) {
            if (matches(it->session)) {
                result.game_sessions.push_back(it->session);
                last_served = it->sequence;
            }
        }
        const bool more = std::any_of(it, sessions_.end(), [&](const record& r) { return matches(r.session); });
        if (more) {
            result.next_token = encode_token(last_served, query);
        }
        if (mode == page_mode::repeated_token && request.next_token) {
            result.next_token = request.next_token;
        }
        return result;
    }

    const local_fleet_options options_;
    mutable std::mutex mutex_;
    detail::splitmix64 rng_;
    const std::uint64_t token_key_;
    timestamp clock_;
    std::vector<fleet_info> fleets_;
    std::vector<alias_info> aliases_;
    std::vector<record> sessions_;                   // ascending sequence
    std::map<std::string, std::uint64_t, std::less<>> by_id_;  // game session ID -> sequence
    std::uint64_t last_sequence_ = 0;
    std::uint64_t token_serial_ = 0;
    std::deque<fault> faults_;
    fault_hook hook_;
    sleep_function sleep_;
    std::atomic<std::uint64_t> requests_{0};
};

}  // namespace gamelift
}  // namespace aws
}  // namespace pagination

#endif  // PAGINATION_LOCAL_FLEET_SERVICE_HPP
