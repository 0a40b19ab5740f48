#include <pagination/pagination.hpp>

#include <cstdio>
#include <string>

std::string token_from_first_unit();

int main() {
    pagination::token_map map{{"NextToken", pagination::token_value("first")}};
    const std::string here = pagination::encode_resume_token(map, 1);
    if (here != token_from_first_unit()) {
        std::puts("the two translation units disagree");
        return 1;
    }
    std::puts("two translation units link and agree");
    return 0;
}
