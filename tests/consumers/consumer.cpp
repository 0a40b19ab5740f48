// What a user of pagination writes: a program that pages through an in-memory listing with
// MaxItems, resumes from the token the first run left, and checks that it saw every item once.
// Built by each consumer project of tests/consumers/ (and by tools/ci.d/10-consumers.sh with a
// plain compiler command); the exit status says whether the library behaved.

#include <pagination/pagination.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace {

struct list_request {
    std::optional<std::string> cursor;
    std::optional<int> page_size;
};

struct list_page {
    std::vector<int> widgets;
    std::optional<std::string> next_cursor;
};

inline constexpr pagination::token_field cursor_field{"Cursor"};
using tokens = pagination::member_token_policy<&list_request::cursor, &list_page::next_cursor, cursor_field>;
using limit = pagination::member_limit_policy<&list_page::widgets, &list_request::page_size>;

/// 25 widgets, numbered 0..24, served page_size (default 10) at a time; the cursor is the offset.
list_page fetch(const list_request& request) {
    const int start = request.cursor ? std::stoi(*request.cursor) : 0;
    const int size = request.page_size.value_or(10);
    list_page page;
    for (int i = start; i < start + size && i < 25; ++i) {
        page.widgets.push_back(i);
    }
    if (start + size < 25) {
        page.next_cursor = std::to_string(start + size);
    }
    return page;
}

} // namespace

int main() {
    std::vector<int> seen;

    // The first run stops after 7 items, with pages of 4: it ends inside the second page.
    pagination::paginator<list_page (*)(const list_request&), tokens, limit> first(
        &fetch, list_request{}, {/*max_items*/ 7, /*page_size*/ 4, std::nullopt});
    for (int widget : first.items()) {
        seen.push_back(widget);
    }
    const std::optional<std::string> token = first.resume_token();
    if (first.error() != nullptr || !token || seen.size() != 7) {
        std::printf("consumer: the first run did not stop at 7 items with a resume token\n");
        return 1;
    }

    // The second run resumes from that token with the same page size and reads to the end.
    auto second = pagination::paginate<tokens, limit>(&fetch, list_request{}, {std::nullopt, 4, token});
    for (int widget : second.items()) {
        seen.push_back(widget);
    }
    if (second.error() != nullptr || second.resume_token().has_value()) {
        std::printf("consumer: the resumed run did not end with the listing\n");
        return 1;
    }

    for (int i = 0; i < 25; ++i) {
        if (seen.size() != 25 || seen[static_cast<std::size_t>(i)] != i) {
            std::printf("consumer: the two runs did not yield 0..24 once each\n");
            return 1;
        }
    }

    // The GameLift adapter comes with the umbrella header.
    pagination::aws::gamelift::describe_game_sessions_request request;
    request.fleet_id = "fleet-db9c5598-9194-4d23-b8bc-927ded35455d";

    std::printf("consumer: 25 widgets in two runs, resumed at %s\n", token->c_str());
    return 0;
}
