#ifndef DESCRIBE_GAME_SESSIONS_OUTPUT_HPP
#define DESCRIBE_GAME_SESSIONS_OUTPUT_HPP

// The three output formats of `aws gamelift describe-game-sessions` (AWS CLI v2), byte for byte.
//
// What the CLI does with a paginated command (docs/cli-output.md has the details):
//   json   formats the full result once: every page's GameSessions, then NextToken when
//          --max-items cut the listing.
//   text   formats each page as it arrives, with columns chosen per page, then one NEXTTOKEN line.
//   table  formats the full result once; the layout depends on the terminal width.
// So output_writer takes pages as they arrive and writes text at once, while json and table wait
// for finish().

#include "east_asian_width.hpp"

#include <pagination/aws/detail/civil_date.hpp>
#include <pagination/aws/gamelift_model.hpp>
#include <pagination/detail/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__has_include)
#if __has_include(<sys/ioctl.h>) && __has_include(<unistd.h>)
#include <sys/ioctl.h>
#include <unistd.h>
#define DESCRIBE_GAME_SESSIONS_HAS_TIOCGWINSZ 1
#endif
#endif

namespace pagination_cli {

namespace gl = pagination::aws::gamelift;

// ---------------------------------------------------------------------------------------------
// JSON output: the result as `aws gamelift describe-game-sessions` prints it (moved here from the
// model: only this program renders it)
// ---------------------------------------------------------------------------------------------

namespace json_detail {

inline void append_padded(std::string& out, std::int64_t value, int width) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    if (value < 0) {
        out += '-';
    }
    for (auto n = static_cast<int>(digits.size()); n < width; ++n) {
        out += '0';
    }
    out += digits;
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    return a / b - ((a % b != 0 && ((a < 0) != (b < 0))) ? 1 : 0);
}

inline void indent(std::string& out, int level) {
    out.append(static_cast<std::size_t>(level > 0 ? level : 0) * 4, ' ');
}

}  // namespace json_detail

/// A timestamp as the AWS CLI prints it by default (cli_timestamp_format iso8601, which is
/// Python's datetime.isoformat()): "2024-01-02T03:04:05.678000+00:00", and without the
/// fraction when the milliseconds are zero. Always UTC; the CLI uses the machine's offset.
inline std::string format_iso8601(gl::timestamp t) {
    constexpr std::int64_t ms_per_day = 86'400'000;
    const auto ms = static_cast<std::int64_t>(t.time_since_epoch().count());
    const std::int64_t days = json_detail::floor_div(ms, ms_per_day);
    const std::int64_t ms_of_day = ms - days * ms_per_day;
    const pagination::aws::detail::civil_date date = pagination::aws::detail::civil_from_days(days);

    std::string out;
    out.reserve(32);
    json_detail::append_padded(out, date.year, 4);
    out += '-';
    json_detail::append_padded(out, date.month, 2);
    out += '-';
    json_detail::append_padded(out, date.day, 2);
    out += 'T';
    json_detail::append_padded(out, ms_of_day / 3'600'000, 2);
    out += ':';
    json_detail::append_padded(out, ms_of_day / 60'000 % 60, 2);
    out += ':';
    json_detail::append_padded(out, ms_of_day / 1000 % 60, 2);
    if (ms_of_day % 1000 != 0) {
        out += '.';
        json_detail::append_padded(out, ms_of_day % 1000 * 1000, 6);
    }
    out += "+00:00";
    return out;
}

/// Appends `text` as a JSON string the way the AWS CLI writes it (json.dumps with
/// ensure_ascii=False): quotes, backslashes and control characters escaped, the rest as is.
inline void write_json_string(std::string& out, std::string_view text) {
    pagination::detail::dump_string(text, out, pagination::detail::json_escaping::utf8);
}

/// Appends one GameProperty as the CLI prints it. The opening brace goes at the current end of
/// `out`; members are indented by 4 spaces per level below `indent_level`.
inline void write_json(std::string& out, const gl::game_property& property, int indent_level) {
    out += "{\n";
    json_detail::indent(out, indent_level + 1);
    out += "\"Key\": ";
    write_json_string(out, property.key);
    out += ",\n";
    json_detail::indent(out, indent_level + 1);
    out += "\"Value\": ";
    write_json_string(out, property.value);
    out += '\n';
    json_detail::indent(out, indent_level);
    out += '}';
}

/// Appends one GameSession as `aws gamelift describe-game-sessions` prints it (JSON output,
/// members in the service model's order, absent members left out). The opening brace goes at
/// the current end of `out`; members are indented by 4 spaces per level below `indent_level`.
inline void write_json(std::string& out, const gl::game_session& session, int indent_level) {
    bool first = true;
    const auto put_key = [&](std::string_view name) {
        out += first ? "\n" : ",\n";
        first = false;
        json_detail::indent(out, indent_level + 1);
        write_json_string(out, name);
        out += ": ";
    };
    const auto put_text = [&](std::string_view name, const std::optional<std::string>& value) {
        if (value) {
            put_key(name);
            write_json_string(out, *value);
        }
    };
    const auto put_number = [&](std::string_view name, const std::optional<int>& value) {
        if (value) {
            put_key(name);
            out += std::to_string(*value);
        }
    };
    const auto put_time = [&](std::string_view name, const std::optional<gl::timestamp>& value) {
        if (value) {
            put_key(name);
            write_json_string(out, format_iso8601(*value));
        }
    };
    const auto put_enum = [&](std::string_view name, const auto& value) {
        if (value) {
            put_key(name);
            write_json_string(out, value->wire());
        }
    };

    out += '{';
    put_text("GameSessionId", session.game_session_id);
    put_text("Name", session.name);
    put_text("FleetId", session.fleet_id);
    put_text("FleetArn", session.fleet_arn);
    put_time("CreationTime", session.creation_time);
    put_time("TerminationTime", session.termination_time);
    put_number("CurrentPlayerSessionCount", session.current_player_session_count);
    put_number("MaximumPlayerSessionCount", session.maximum_player_session_count);
    put_enum("Status", session.status);
    put_enum("StatusReason", session.status_reason);
    put_key("GameProperties");
    if (session.game_properties.empty()) {
        out += "[]";
    } else {
        out += '[';
        for (std::size_t i = 0; i < session.game_properties.size(); ++i) {
            out += i == 0 ? "\n" : ",\n";
            json_detail::indent(out, indent_level + 2);
            write_json(out, session.game_properties[i], indent_level + 2);
        }
        out += '\n';
        json_detail::indent(out, indent_level + 1);
        out += ']';
    }
    put_text("IpAddress", session.ip_address);
    put_text("DnsName", session.dns_name);
    put_number("Port", session.port);
    put_enum("PlayerSessionCreationPolicy", session.player_session_creation_policy);
    put_text("CreatorId", session.creator_id);
    put_text("GameSessionData", session.game_session_data);
    put_text("MatchmakerData", session.matchmaker_data);
    put_text("Location", session.location);
    put_text("ComputeName", session.compute_name);
    out += '\n';
    json_detail::indent(out, indent_level);
    out += '}';
}

/// Appends a whole DescribeGameSessions result as the CLI prints one page of it:
/// {"GameSessions": [...], "NextToken": "..."}, NextToken left out on the last page.
inline void write_json(std::string& out, const gl::describe_game_sessions_result& result, int indent_level) {
    out += "{\n";
    json_detail::indent(out, indent_level + 1);
    out += "\"GameSessions\": ";
    if (result.game_sessions.empty()) {
        out += "[]";
    } else {
        out += '[';
        for (std::size_t i = 0; i < result.game_sessions.size(); ++i) {
            out += i == 0 ? "\n" : ",\n";
            json_detail::indent(out, indent_level + 2);
            write_json(out, result.game_sessions[i], indent_level + 2);
        }
        out += '\n';
        json_detail::indent(out, indent_level + 1);
        out += ']';
    }
    if (result.next_token) {
        out += ",\n";
        json_detail::indent(out, indent_level + 1);
        out += "\"NextToken\": ";
        write_json_string(out, *result.next_token);
    }
    out += '\n';
    json_detail::indent(out, indent_level);
    out += '}';
}


/// The --output formats.
enum class output_format { json, text, table };

/// The width the CLI assumes when it cannot ask the terminal (stdout is not a terminal).
inline constexpr int default_terminal_width = 80;

/// The terminal width as the CLI's table output reads it: the TIOCGWINSZ columns of `fd` (the
/// CLI asks stdout, never $COLUMNS), or 80 when `fd` is not a terminal.
inline int terminal_width(int fd = 1) {
#ifdef DESCRIBE_GAME_SESSIONS_HAS_TIOCGWINSZ
    winsize size{};
    if (::ioctl(fd, TIOCGWINSZ, &size) == 0) {
        return static_cast<int>(size.ws_col);
    }
#else
    (void)fd;
#endif
    return default_terminal_width;
}

namespace detail {

/// The scalar members of a session that are present, as (name, text) in member-name order:
/// the order of the CLI's text columns and table rows, which sort the names.
inline std::vector<std::pair<std::string_view, std::string>> scalar_members(const gl::game_session& s) {
    std::vector<std::pair<std::string_view, std::string>> out;
    out.reserve(19);
    const auto text = [&](std::string_view name, const std::optional<std::string>& v) {
        if (v) out.emplace_back(name, *v);
    };
    const auto number = [&](std::string_view name, const std::optional<int>& v) {
        if (v) out.emplace_back(name, std::to_string(*v));
    };
    const auto time = [&](std::string_view name, const std::optional<gl::timestamp>& v) {
        if (v) out.emplace_back(name, format_iso8601(*v));
    };
    const auto enumeration = [&](std::string_view name, const auto& v) {
        if (v) out.emplace_back(name, std::string(v->wire()));
    };
    // Sorted by name (Python's str order, which is byte order for these ASCII names).
    text("ComputeName", s.compute_name);
    time("CreationTime", s.creation_time);
    text("CreatorId", s.creator_id);
    number("CurrentPlayerSessionCount", s.current_player_session_count);
    text("DnsName", s.dns_name);
    text("FleetArn", s.fleet_arn);
    text("FleetId", s.fleet_id);
    text("GameSessionData", s.game_session_data);
    text("GameSessionId", s.game_session_id);
    text("IpAddress", s.ip_address);
    text("Location", s.location);
    text("MatchmakerData", s.matchmaker_data);
    number("MaximumPlayerSessionCount", s.maximum_player_session_count);
    text("Name", s.name);
    enumeration("PlayerSessionCreationPolicy", s.player_session_creation_policy);
    number("Port", s.port);
    enumeration("Status", s.status);
    enumeration("StatusReason", s.status_reason);
    time("TerminationTime", s.termination_time);
    return out;
}

/// The union of the member names of `rows`, sorted: the columns a list of sessions gets.
inline std::vector<std::string_view> column_names(
    const std::vector<std::vector<std::pair<std::string_view, std::string>>>& rows) {
    std::vector<std::string_view> names;
    for (const auto& row : rows) {
        for (const auto& member : row) {
            names.push_back(member.first);
        }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

/// The cells of `row` under `columns`, an absent member an empty cell.
inline std::vector<std::string> cells_of(const std::vector<std::pair<std::string_view, std::string>>& row,
                                         const std::vector<std::string_view>& columns) {
    std::vector<std::string> cells;
    cells.reserve(columns.size());
    std::size_t at = 0;  // both are sorted by name
    for (const std::string_view column : columns) {
        while (at < row.size() && row[at].first < column) {
            ++at;
        }
        cells.push_back(at < row.size() && row[at].first == column ? row[at].second : std::string());
    }
    return cells;
}

/// Whether the CLI counts `cp` as two columns (East Asian Width W, F or A).
inline bool is_two_columns(std::uint32_t cp) noexcept {
    const auto& ranges = two_column_ranges;
    const auto* it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                                      [](std::uint32_t value, const std::array<std::uint32_t, 2>& range) {
                                          return value < range[0];
                                      });
    return it != ranges.begin() && cp <= (*(it - 1))[1];
}

/// Display width as the CLI's table measures it: per code point, 2 for W, F and A, else 1
/// (combining marks and controls count 1 too). A byte that is not UTF-8 counts 1.
inline long text_width(std::string_view s) noexcept {
    long width = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        std::uint32_t cp = 0;
        if (pagination::detail::next_code_point(s, i, cp)) {
            width += is_two_columns(cp) ? 2 : 1;
        } else {
            ++width;
            ++i;
        }
    }
    return width;
}

/// Python's `' ' * n`: nothing for n <= 0.
inline void append_spaces(std::string& out, long n) {
    if (n > 0) {
        out.append(static_cast<std::size_t>(n), ' ');
    }
}

/// One section of the CLI's table: a title, optional column headers, rows, the nesting level.
struct table_section {
    std::string title;
    long indent = 0;
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    std::vector<long> max_widths;  ///< widest text per column over the headers and rows

    /// Grows the column widths to fit `cells`.
    void widen(const std::vector<std::string>& cells) {
        // The first headers or row fixes the column count; the CLI's own first-call rule.
        if (max_widths.empty()) {
            for (const std::string& c : cells) {
                max_widths.push_back(text_width(c));
            }
            return;
        }
        for (std::size_t i = 0; i < cells.size() && i < max_widths.size(); ++i) {
            max_widths[i] = std::max(max_widths[i], text_width(cells[i]));
        }
    }
    /// Sets the column headers; they count for the widths.
    void set_headers(std::vector<std::string> h) {
        widen(h);
        headers = std::move(h);
    }
    /// Adds a row of cells.
    void add_row(std::vector<std::string> row) {
        widen(row);
        rows.push_back(std::move(row));
    }

    /// The width this section asks for, with 4 columns of padding per cell and its borders.
    long total_width() const {
        long total = 2 + 2 * indent;
        for (const long w : max_widths) {
            total += w + 4;
        }
        return std::max(text_width(title) + 2 + 2 * indent, total);
    }

    /// Column widths stretched (or shrunk) to fill `width` exactly, as the CLI scales them:
    /// proportionally with round-half-even, then one column at a time to fix the sum.
    std::vector<long> column_widths(long width) const {
        std::vector<long> scaled;
        long sum = 0;
        for (const long w : max_widths) {
            sum += w + 4;
        }
        if (max_widths.empty()) {
            return scaled;
        }
        const double factor = static_cast<double>(width) / static_cast<double>(sum);
        long scaled_sum = 0;
        for (const long w : max_widths) {
            // nearbyint rounds half to even in the default mode, like Python's round().
            scaled.push_back(static_cast<long>(std::nearbyint(factor * static_cast<double>(w + 4))));
            scaled_sum += scaled.back();
        }
        long off_by = scaled_sum - width;
        const std::size_t n = scaled.size();
        while (off_by != 0) {
            const bool shrink = off_by > 0;
            for (std::size_t k = 0; k < n && off_by != 0; ++k) {
                // Shrinking starts at the first column, growing at the last.
                const std::size_t i = shrink ? k : n - 1 - k;
                scaled[i] += shrink ? -1 : 1;
                off_by += shrink ? -1 : 1;
            }
        }
        return scaled;
    }
};

/// `text` centred in `length` columns between the edges, the CLI's way (left-leaning).
inline void append_centered(std::string& out, std::string_view text, long length, std::string_view left_edge,
                            std::string_view right_edge) {
    const long text_length = text_width(text);
    const long start = length / 2 - text_length / 2 - 1;
    out += left_edge;
    append_spaces(out, start);
    out += text;
    const long so_far = static_cast<long>(left_edge.size()) + start + text_length;
    append_spaces(out, length - static_cast<long>(right_edge.size()) - so_far);
    out += right_edge;
}

/// `text` after two spaces in `length` columns between the edges; without the two spaces when
/// it does not fit, and then overflowing.
inline void append_left_aligned(std::string& out, std::string_view text, long length, std::string_view left_edge,
                                std::string_view right_edge) {
    const long text_length = text_width(text);
    const long edges = static_cast<long>(left_edge.size() + right_edge.size());
    const long padding = length - (text_length + 2 + edges) >= 0 ? 2 : 0;
    out += left_edge;
    append_spaces(out, padding);
    out += text;
    append_spaces(out, length - (static_cast<long>(left_edge.size()) + padding + text_length) -
                           static_cast<long>(right_edge.size()));
    out += right_edge;
}

/// One line of a nested section: the content between the section's indentation bars.
inline void append_line(std::string& out, long indent, const std::string& content) {
    out.append(static_cast<std::size_t>(indent), '|');
    out += content;
    out.append(static_cast<std::size_t>(indent), '|');
    out += '\n';
}

/// A rule between rows: `+----+---+` over the given column widths.
inline std::string line_break(const std::vector<long>& widths) {
    std::string line;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        if (i == 0) {
            line += '+';
            line.append(static_cast<std::size_t>(std::max(0L, widths[i] - 2)), '-');
        } else {
            line.append(static_cast<std::size_t>(std::max(0L, widths[i] - 1)), '-');
        }
        line += '+';
    }
    return line;
}

/// The sections of the table of a full result, in the order the CLI builds them.
inline std::vector<table_section> table_sections(const gl::describe_game_sessions_result& full) {
    std::vector<table_section> sections;
    table_section top;
    top.title = "DescribeGameSessions";
    if (full.next_token) {
        // A dict with a single scalar becomes a (name, value) row without headers.
        top.add_row({"NextToken", *full.next_token});
    }
    sections.push_back(std::move(top));
    if (full.game_sessions.empty()) {
        return sections;  // an empty list makes no section
    }

    std::vector<std::vector<std::pair<std::string_view, std::string>>> members;
    members.reserve(full.game_sessions.size());
    for (const gl::game_session& s : full.game_sessions) {
        members.push_back(scalar_members(s));
    }
    const std::vector<std::string_view> columns = column_names(members);
    std::vector<std::string> headers(columns.begin(), columns.end());
    // Every session carries the GameProperties list, so each session gets a section of its own
    // (headers repeated), followed by its GameProperties section when the list is not empty.
    for (std::size_t i = 0; i < full.game_sessions.size(); ++i) {
        table_section session;
        session.title = "GameSessions";
        session.indent = 1;
        session.set_headers(headers);
        session.add_row(cells_of(members[i], columns));
        sections.push_back(std::move(session));

        const std::vector<gl::game_property>& properties = full.game_sessions[i].game_properties;
        if (!properties.empty()) {
            table_section props;
            props.title = "GameProperties";
            props.indent = 2;
            props.set_headers({"Key", "Value"});
            for (const gl::game_property& p : properties) {
                props.add_row({p.key, p.value});
            }
            sections.push_back(std::move(props));
        }
    }
    return sections;
}

/// Turns every section of one row with headers into (header, value) rows: what the CLI does
/// when the table is wider than the terminal.
inline void make_vertical(std::vector<table_section>& sections) {
    for (table_section& section : sections) {
        if (section.rows.size() != 1 || section.headers.empty()) {
            continue;
        }
        table_section vertical;
        vertical.title = section.title;
        vertical.indent = section.indent;
        const std::vector<std::string>& row = section.rows.front();
        for (std::size_t c = 0; c < section.headers.size() && c < row.size(); ++c) {
            vertical.add_row({section.headers[c], row[c]});
        }
        section = std::move(vertical);
    }
}

/// The width of the whole table: the widest section's request.
inline long max_total_width(const std::vector<table_section>& sections) {
    long width = 0;
    for (const table_section& section : sections) {
        width = std::max(width, section.total_width());
    }
    return width;
}

/// One section: its title, its boxed headers, its rows, each line inside its nesting bars.
inline void append_section(std::string& out, const table_section& section, long max_width) {
    const long width = max_width - 2 * section.indent;
    std::string content;
    if (!section.title.empty()) {
        append_centered(content, section.title, width, "|", "|");
        append_line(out, section.indent, content);
        if (section.headers.empty() && section.rows.empty()) {
            append_line(out, section.indent, "+" + std::string(static_cast<std::size_t>(std::max(0L, width - 2)), '-') + "+");
        }
    }
    if (!section.headers.empty()) {
        const std::vector<long> widths = section.column_widths(width);
        append_line(out, section.indent, line_break(widths));
        content.clear();
        for (std::size_t c = 0; c < widths.size() && c < section.headers.size(); ++c) {
            append_centered(content, section.headers[c], widths[c], c == 0 ? "|" : "", "|");
        }
        append_line(out, section.indent, content);
    }
    if (!section.rows.empty()) {
        const std::vector<long> widths = section.column_widths(width);
        if (widths.empty()) {
            return;
        }
        const std::string rule = line_break(widths);
        append_line(out, section.indent, rule);
        for (const std::vector<std::string>& row : section.rows) {
            content.clear();
            for (std::size_t c = 0; c < widths.size() && c < row.size(); ++c) {
                append_left_aligned(content, row[c], widths[c], c == 0 ? "|" : "", "|");
            }
            append_line(out, section.indent, content);
        }
        append_line(out, section.indent, rule);
    }
}

}  // namespace detail

/// Appends one page as `--output text` prints it: a GAMESESSIONS line per session with the
/// page's scalar columns (the sorted union of the members present in this page), each followed
/// by a GAMEPROPERTIES line per property. An empty page prints nothing.
inline void append_text_page(std::string& out, const gl::describe_game_sessions_result& page) {
    std::vector<std::vector<std::pair<std::string_view, std::string>>> members;
    members.reserve(page.game_sessions.size());
    for (const gl::game_session& s : page.game_sessions) {
        members.push_back(detail::scalar_members(s));
    }
    const std::vector<std::string_view> columns = detail::column_names(members);
    for (std::size_t i = 0; i < page.game_sessions.size(); ++i) {
        if (!columns.empty()) {  // no scalar in the whole page: no GAMESESSIONS line at all
            out += "GAMESESSIONS";
            for (const std::string& cell : detail::cells_of(members[i], columns)) {
                out += '\t';
                out += cell;
            }
            out += '\n';
        }
        for (const gl::game_property& p : page.game_sessions[i].game_properties) {
            out += "GAMEPROPERTIES\t";
            out += p.key;
            out += '\t';
            out += p.value;
            out += '\n';
        }
    }
}

/// Appends the line `--output text` ends a cut listing with: NEXTTOKEN and the resume token.
inline void append_text_next_token(std::string& out, std::string_view next_token) {
    out += "NEXTTOKEN\t";
    out += next_token;
    out += '\n';
}

/// Appends a full result (all sessions; NextToken = the resume token) as `--output json`.
inline void append_json(std::string& out, const gl::describe_game_sessions_result& full) {
    write_json(out, full, 0);
    out += '\n';
}

/// Appends a full result (all sessions; NextToken = the resume token) as `--output table`
/// prints it on a terminal `width` columns wide (80 when stdout is not a terminal).
inline void append_table(std::string& out, const gl::describe_game_sessions_result& full,
                         int width = default_terminal_width) {
    std::vector<detail::table_section> sections = detail::table_sections(full);
    long max_width = detail::max_total_width(sections);
    if (max_width > static_cast<long>(width)) {
        detail::make_vertical(sections);
        max_width = detail::max_total_width(sections);
    }
    out.append(static_cast<std::size_t>(max_width), '-');
    out += '\n';
    for (const detail::table_section& section : sections) {
        detail::append_section(out, section, max_width);
    }
}

/// Writes a paginated listing as the AWS CLI v2 does: feed the pages as the CLI sees them
/// (the first trimmed by a starting token's skip, the last by --max-items), then finish() with
/// the resume token. Text is appended to `out` as each page arrives; json and table keep the
/// sessions and write everything in finish(). The caller may drain `out` between calls.
class output_writer {
public:
    /// A writer appending to `out`; `width` is the terminal width for the table format.
    output_writer(output_format format, std::string& out, int width = default_terminal_width)
        : format_(format), out_(&out), width_(width) {}

    /// One page as the CLI sees it; its own NextToken is not printed (the CLI prints the resume
    /// token instead).
    void page(const gl::describe_game_sessions_result& p) {
        if (format_ == output_format::text) {
            append_text_page(*out_, p);
            return;
        }
        full_.game_sessions.insert(full_.game_sessions.end(), p.game_sessions.begin(), p.game_sessions.end());
    }

    /// One page as the CLI sees it, moved from.
    void page(gl::describe_game_sessions_result&& p) {
        if (format_ == output_format::text) {
            append_text_page(*out_, p);
            return;
        }
        full_.game_sessions.insert(full_.game_sessions.end(), std::make_move_iterator(p.game_sessions.begin()),
                                   std::make_move_iterator(p.game_sessions.end()));
    }

    /// Ends the listing; `next_token` is the resume token (set only when --max-items cut it).
    void finish(const std::optional<std::string>& next_token) {
        switch (format_) {
            case output_format::text:
                if (next_token) {
                    append_text_next_token(*out_, *next_token);
                }
                return;
            case output_format::json:
                full_.next_token = next_token;
                append_json(*out_, full_);
                return;
            case output_format::table:
                full_.next_token = next_token;
                append_table(*out_, full_, width_);
                return;
        }
    }

private:
    output_format format_;
    std::string* out_;
    int width_;
    gl::describe_game_sessions_result full_;
};

/// The whole output of a listing: `pages` as the CLI sees them, then the resume token.
inline std::string render(output_format format, const std::vector<gl::describe_game_sessions_result>& pages,
                          const std::optional<std::string>& next_token, int width = default_terminal_width) {
    std::string out;
    output_writer writer(format, out, width);
    for (const gl::describe_game_sessions_result& p : pages) {
        writer.page(p);
    }
    writer.finish(next_token);
    return out;
}

}  // namespace pagination_cli

#endif  // DESCRIBE_GAME_SESSIONS_OUTPUT_HPP
