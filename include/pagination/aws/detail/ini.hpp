#ifndef PAGINATION_AWS_DETAIL_INI_HPP
#define PAGINATION_AWS_DETAIL_INI_HPP

// The reader of the AWS shared config and credentials files. It follows what botocore reads
// (Python's configparser in its strict, raw form, then indented sub-sections) so that a file
// means the same to this library as to the AWS CLI:
//   - `[name]` opens a section; text after the last ']' of the line is ignored;
//   - `key = value` or `key: value`; keys are lower-cased, values trimmed; `#` and `;` start a
//     comment only at the beginning of a line (an inline `#` is part of the value);
//   - a line indented deeper than its key continues the value; a value that starts on the next
//     line is a sub-section of `key = value` lines (`gamelift =` + `  endpoint_url = ...`);
//   - `[DEFAULT]` supplies values to every section;
//   - a duplicate section or key, a line outside a section, a line that is not `key = value`,
//     invalid UTF-8 or a NUL byte is an error.
// Errors carry a line number and a reason, never the line's text: it may hold a secret.

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/stat.h>
#define PAGINATION_AWS_INI_HAS_STAT 1
#else
#define PAGINATION_AWS_INI_HAS_STAT 0
#endif

namespace pagination {
namespace aws {
namespace detail {

/// One `key = value` of a section; a sub-section when the value was an indented block.
struct ini_entry {
    std::string key;
    std::string value;                                       ///< trimmed; empty for a sub-section
    std::vector<std::pair<std::string, std::string>> sub;    ///< the sub-section's pairs, in order
    bool is_sub_section = false;
    std::size_t line = 0;                                    ///< 1-based line of the key
};

/// One `[name]` section with its entries in file order.
struct ini_section {
    std::string name;
    std::size_t line = 0;
    std::vector<ini_entry> entries;

    /// The entry named `key` (keys are stored lower-case), or null.
    const ini_entry* find(std::string_view key) const noexcept {
        for (const ini_entry& e : entries) {
            if (e.key == key) {
                return &e;
            }
        }
        return nullptr;
    }
};

/// Why a file could not be read: a line number (0 for the whole file) and a reason.
struct ini_error {
    std::size_t line = 0;
    std::string reason;
};

/// Bounds on what a file may hold.
struct ini_limits {
    std::size_t max_bytes = std::size_t{4} << 20;
    std::size_t max_line_bytes = std::size_t{64} << 10;
    std::size_t max_sections = 10000;
    std::size_t max_entries = 100000;
};

/// Whitespace as Python's str.strip() sees it in ASCII text.
constexpr bool ini_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           (c >= '\x1c' && c <= '\x1f');
}

inline std::string_view ini_trim(std::string_view s) noexcept {
    while (!s.empty() && ini_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && ini_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

inline std::string ini_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

inline bool ini_valid_utf8(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned cp = 0;
        unsigned min = 0;
        if (b0 < 0x80) {
            ++i;
            continue;
        } else if ((b0 & 0xE0) == 0xC0) {
            len = 2, cp = b0 & 0x1Fu, min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            len = 3, cp = b0 & 0x0Fu, min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            len = 4, cp = b0 & 0x07u, min = 0x10000;
        } else {
            return false;
        }
        if (len > s.size() - i) {
            return false;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += len;
    }
    return true;
}

/// Parses the text of a config or credentials file. On failure returns false and fills `error`.
inline bool parse_ini(std::string_view text, std::vector<ini_section>& out, ini_error& error,
                      const ini_limits& limits = {}) {
    out.clear();
    const auto fail = [&](std::size_t line, std::string reason) {
        error.line = line;
        error.reason = std::move(reason);
        out.clear();
        return false;
    };
    if (text.size() > limits.max_bytes) {
        return fail(0, "the file is larger than " + std::to_string(limits.max_bytes) + " bytes");
    }
    if (text.find('\0') != std::string_view::npos) {
        return fail(0, "the file holds a NUL byte (is it a binary file?)");
    }
    if (!ini_valid_utf8(text)) {
        return fail(0, "the file is not valid UTF-8");
    }

    ini_section defaults;
    bool in_defaults = false;
    ini_section* current = nullptr;
    ini_entry* entry = nullptr;                  // the entry that continuation lines extend
    std::vector<std::string> continuation;       // its lines after the first, blank ones included
    std::size_t indent_level = 0;
    std::size_t entry_count = 0;

    const auto finish_entry = [&]() -> bool {
        if (entry == nullptr) {
            return true;
        }
        while (!continuation.empty() && continuation.back().empty()) {
            continuation.pop_back();  // configparser drops trailing blank lines of a value
        }
        if (!continuation.empty()) {
            if (entry->value.empty()) {
                // A value that starts on the next line: a sub-section of key = value lines.
                entry->is_sub_section = true;
                std::size_t offset = 0;
                for (const std::string& raw : continuation) {
                    ++offset;
                    const std::string_view line = ini_trim(raw);
                    if (line.empty()) {
                        continue;
                    }
                    const std::size_t eq = line.find('=');
                    if (eq == std::string_view::npos) {
                        return fail(entry->line, "a line of the sub-section under this key is not 'key = value'");
                    }
                    entry->sub.emplace_back(std::string(ini_trim(line.substr(0, eq))),
                                            std::string(ini_trim(line.substr(eq + 1))));
                }
            } else {
                for (const std::string& raw : continuation) {
                    entry->value += '\n';
                    entry->value += raw;
                }
            }
        }
        continuation.clear();
        entry = nullptr;
        return true;
    };

    std::size_t pos = 0;
    std::size_t line_no = 0;
    while (pos < text.size()) {
        // Universal newlines: "\n", "\r\n" and a lone "\r" all end a line, as Python reads text.
        std::size_t end = pos;
        while (end < text.size() && text[end] != '\n' && text[end] != '\r') {
            ++end;
        }
        const std::string_view raw = text.substr(pos, end - pos);
        if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') {
            ++end;
        }
        pos = end + 1;
        ++line_no;
        if (raw.size() > limits.max_line_bytes) {
            return fail(line_no, "the line is longer than " + std::to_string(limits.max_line_bytes) + " bytes");
        }
        const std::string_view stripped = ini_trim(raw);
        const bool comment = !stripped.empty() && (stripped.front() == '#' || stripped.front() == ';');
        if (stripped.empty() || comment) {
            // A blank line may sit inside a multi-line value; a comment line never becomes part of one.
            if (!comment && entry != nullptr) {
                continuation.emplace_back();
            }
            continue;
        }
        std::size_t indent = 0;
        while (indent < raw.size() && ini_space(raw[indent])) {
            ++indent;
        }
        if (entry != nullptr && indent > indent_level) {
            continuation.emplace_back(stripped);
            continue;
        }
        if (!finish_entry()) {
            return false;
        }
        indent_level = indent;
        if (stripped.front() == '[') {
            const std::size_t close = stripped.rfind(']');
            if (close != std::string_view::npos && close >= 2) {
                const std::string name(stripped.substr(1, close - 1));
                if (name == "DEFAULT") {
                    in_defaults = true;
                    current = &defaults;
                    continue;
                }
                for (const ini_section& s : out) {
                    if (s.name == name) {
                        return fail(line_no, "a section of this name was already defined on line " +
                                                 std::to_string(s.line));
                    }
                }
                if (out.size() >= limits.max_sections) {
                    return fail(line_no, "more than " + std::to_string(limits.max_sections) + " sections");
                }
                in_defaults = false;
                out.push_back(ini_section{name, line_no, {}});
                current = &out.back();
                continue;
            }
        }
        if (current == nullptr) {
            return fail(line_no, "a setting outside any [section]");
        }
        const std::size_t delim = stripped.find_first_of("=:");
        if (delim == std::string_view::npos) {
            return fail(line_no, "the line is not 'key = value', a [section] or a comment");
        }
        const std::string key = ini_lower(ini_trim(stripped.substr(0, delim)));
        if (key.empty()) {
            return fail(line_no, "a setting without a name");
        }
        if (const ini_entry* previous = current->find(key)) {
            return fail(line_no, "a setting of this name was already defined on line " +
                                     std::to_string(previous->line) + (in_defaults ? " of [DEFAULT]" : ""));
        }
        if (++entry_count > limits.max_entries) {
            return fail(line_no, "more than " + std::to_string(limits.max_entries) + " settings");
        }
        ini_entry e;
        e.key = key;
        e.value = std::string(ini_trim(stripped.substr(delim + 1)));
        e.line = line_no;
        current->entries.push_back(std::move(e));
        entry = &current->entries.back();
    }
    if (!finish_entry()) {
        return false;
    }
    // [DEFAULT] values reach every section that does not set them itself.
    for (ini_section& s : out) {
        for (const ini_entry& d : defaults.entries) {
            if (s.find(d.key) == nullptr) {
                s.entries.push_back(d);
            }
        }
    }
    return true;
}

/// How reading a file went.
enum class file_read_status { ok, missing, unreadable, too_large };

/// Reads a whole file of at most `max_bytes`. A path that does not exist or is not a regular
/// file is `missing` (botocore skips those too).
inline file_read_status read_file(const std::string& path, std::size_t max_bytes, std::string& out) {
    out.clear();
    if (path.empty()) {
        return file_read_status::missing;
    }
#if PAGINATION_AWS_INI_HAS_STAT
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return file_read_status::missing;
    }
    if (!S_ISREG(info.st_mode)) {
        return file_read_status::missing;
    }
#endif
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
#if PAGINATION_AWS_INI_HAS_STAT
        return file_read_status::unreadable;
#else
        return file_read_status::missing;
#endif
    }
    char buffer[8192];
    bool failed = false;
    while (true) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
        if (n > 0) {
            if (out.size() + n > max_bytes) {
                std::fclose(f);
                out.clear();
                return file_read_status::too_large;
            }
            out.append(buffer, n);
        }
        if (n < sizeof buffer) {
            failed = std::ferror(f) != 0;
            break;
        }
    }
    std::fclose(f);
    if (failed) {
        out.clear();
        return file_read_status::unreadable;
    }
    return file_read_status::ok;
}

}  // namespace detail
}  // namespace aws
}  // namespace pagination

#undef PAGINATION_AWS_INI_HAS_STAT

#endif  // PAGINATION_AWS_DETAIL_INI_HPP
