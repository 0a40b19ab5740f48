// Two translation units include every header and use the same templates: linking them proves
// that nothing in the headers is defined twice.
#include <pagination/pagination.hpp>

#include <string>

std::string token_from_first_unit() {
    pagination::token_map map{{"NextToken", pagination::token_value("first")}};
    return pagination::encode_resume_token(map, 1);
}

