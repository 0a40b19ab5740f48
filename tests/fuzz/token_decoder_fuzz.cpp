// Fuzz target: the StartingToken decoder and the base64 and JSON code under it.
//
// Input: one shape byte, one limits byte, then the token text.
//   shape bit 0     three input tokens (StartRecordName, StartRecordType, StartRecordIdentifier)
//                   instead of one (NextToken)
//   shape bits 1-3  the kind of input token 1, 2, 3: structured when set, string otherwise
//   shape bit 4     small token_limits, taken from the limits byte
//   shape bit 7     the text is JSON: base64-encode it before decoding, so that mutations reach
//                   the JSON reader instead of breaking the base64 first
//
// Checked on every input:
//   * base64: what is encoded decodes to the same bytes, in the alphabet, at the right length,
//     also with line breaks inside; what decodes re-encodes to text that decodes the same.
//   * JSON: what the reader accepts is written back as ASCII JSON that reads back to the same
//     value, and writing it again gives the same text (a fixed point).
//   * the decoder: a token that is empty, too long or not UTF-8 is refused; every refusal is an
//     invalid_starting_token error; what is accepted names every input token exactly once, gives
//     string input tokens only strings or null, keeps the truncate amount within its bound, and
//     re-encodes (encode_resume_token) to a token that decodes to the same map and skip and
//     re-encodes to the same bytes.

#include "fuzz_support.hpp"

#include <pagination/detail/base64.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/token_codec.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace {

using pagination::token_field;
using pagination::token_kind;
using pagination::token_value;

std::string printable(std::string_view bytes) {
    std::string out;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F && u != '\\') {
            out += c;
        } else {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        }
    }
    return out;
}

bool is_base64_text(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return c == '=' || pagination::detail::base64_digit(static_cast<unsigned char>(c)) >= 0;
    });
}

void check_base64(std::string_view bytes) {
    const std::string encoded = pagination::detail::base64_encode(bytes);
    FUZZ_CHECK(encoded.size() == (bytes.size() + 2) / 3 * 4, printable(bytes));
    FUZZ_CHECK(is_base64_text(encoded), encoded);
    std::string decoded;
    FUZZ_CHECK(pagination::detail::base64_decode(encoded, decoded), encoded);
    FUZZ_CHECK(decoded == bytes, printable(bytes));

    // Line breaks and other characters outside the alphabet are skipped.
    std::string wrapped;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        wrapped += encoded[i];
        if (i % 5 == 4) {
            wrapped += "\r\n";
        }
    }
    FUZZ_CHECK(pagination::detail::base64_decode(wrapped, decoded) && decoded == bytes, wrapped);

    // Whatever the lenient decoder makes of arbitrary text re-encodes to text that decodes the same.
    std::string lenient;
    if (pagination::detail::base64_decode(bytes, lenient)) {
        std::string again;
        FUZZ_CHECK(pagination::detail::base64_decode(pagination::detail::base64_encode(lenient), again) &&
                       again == lenient,
                   printable(bytes));
    }
}

void check_json(std::string_view text, std::size_t max_depth) {
    pagination::detail::json_reader reader(text, max_depth);
    token_value value;
    if (!reader.parse(value)) {
        FUZZ_CHECK(!reader.error().empty(), printable(text));
        return;
    }
    FUZZ_CHECK(!reader.rejected(), printable(text));
    std::string written;
    pagination::detail::dump(value, written);
    FUZZ_CHECK(std::all_of(written.begin(), written.end(),
                           [](char c) { return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F; }),
               printable(text) + " -> " + printable(written));
    pagination::detail::json_reader again(written, max_depth);
    token_value reread;
    FUZZ_CHECK(again.parse(reread), printable(text) + " -> " + written + ": " + again.error());
    FUZZ_CHECK(reread == value, printable(text) + " -> " + written);
    std::string rewritten;
    pagination::detail::dump(reread, rewritten);
    FUZZ_CHECK(rewritten == written, written + " -> " + rewritten);
}

constexpr std::array<token_field, 1> one_string{{{"NextToken", token_kind::string}}};
constexpr std::array<token_field, 1> one_structured{{{"NextToken", token_kind::structured}}};

template <std::size_t N>
void check_decoder(std::string_view token, const std::array<token_field, N>& fields,
                   const pagination::token_limits& limits) {
    const pagination::decode_result decoded = pagination::decode_starting_token(token, fields, limits);
    const bool must_refuse = token.empty() || token.size() > limits.max_token_size ||
                             !pagination::detail::is_valid_utf8(token);
    if (!decoded) {
        FUZZ_CHECK(decoded.error().code() == pagination::errc::invalid_starting_token, printable(token));
        FUZZ_CHECK(decoded.error().message().rfind("invalid StartingToken: ", 0) == 0, decoded.error().message());
        return;
    }
    FUZZ_CHECK(!must_refuse, printable(token));
    const pagination::decoded_token& value = decoded.value();
    FUZZ_CHECK(value.skip <= limits.max_truncate_amount, printable(token));
    FUZZ_CHECK(value.tokens.size() == N, printable(token));
    for (const token_field& field : fields) {
        const auto named = std::count_if(value.tokens.begin(), value.tokens.end(),
                                         [&](const auto& member) { return member.first == field.name; });
        FUZZ_CHECK(named == 1, printable(token) + " names " + std::string(field.name) + " " + std::to_string(named) + " times");
    }
    for (const auto& member : value.tokens) {
        const auto* field = std::find_if(fields.begin(), fields.end(),
                                         [&](const token_field& f) { return f.name == member.first; });
        FUZZ_CHECK(field != fields.end(), member.first);
        if (field->kind == token_kind::string) {
            FUZZ_CHECK(member.second.is_string() || member.second.is_null(), printable(token));
        }
    }

    // The decoded position, written as a resume token, reads back as the same position.
    const std::optional<std::size_t> amount = value.skip > 0 ? std::optional<std::size_t>(value.skip) : std::nullopt;
    const std::string resume = pagination::encode_resume_token(value.tokens, amount);
    pagination::token_limits roomy = limits;
    roomy.max_token_size = std::numeric_limits<std::size_t>::max();
    roomy.max_depth = std::max<std::size_t>(limits.max_depth, 4);
    const pagination::decode_result again = pagination::decode_starting_token(resume, fields, roomy);
    FUZZ_CHECK(again.has_value(), printable(token) + " -> " + resume + ": " + again.error().message());
    FUZZ_CHECK(again.value().skip == value.skip, printable(token) + " -> " + resume);
    FUZZ_CHECK(again.value().tokens == value.tokens, printable(token) + " -> " + resume);
    const std::string resume_again = pagination::encode_resume_token(again.value().tokens, amount);
    FUZZ_CHECK(resume_again == resume, resume + " -> " + resume_again);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::input in(data, size);
    const std::uint8_t shape = in.byte();
    const std::uint8_t bounds = in.byte();
    const std::string_view text = in.rest();

    check_base64(text);

    pagination::token_limits limits;
    if ((shape & 0x10) != 0) {
        limits.max_token_size = 8 + static_cast<std::size_t>(bounds & 0x0F) * 16;  // 8 .. 248 bytes
        limits.max_depth = 1 + static_cast<std::size_t>((bounds >> 4) & 0x03);    // 1 .. 4
        limits.max_truncate_amount = static_cast<std::size_t>(bounds >> 6) * 3;   // 0, 3, 6, 9
    }
    check_json(text, limits.max_depth);

    const std::string token = (shape & 0x80) != 0 ? pagination::detail::base64_encode(text) : std::string(text);
    if ((shape & 0x01) == 0) {
        if ((shape & 0x02) != 0) {
            check_decoder(token, one_structured, limits);
        } else {
            check_decoder(token, one_string, limits);
        }
    } else {
        const auto kind = [&](int bit) { return (shape & (1 << bit)) != 0 ? token_kind::structured : token_kind::string; };
        const std::array<token_field, 3> three{
            {{"StartRecordName", kind(1)}, {"StartRecordType", kind(2)}, {"StartRecordIdentifier", kind(3)}}};
        check_decoder(token, three, limits);
    }
    return 0;
}
