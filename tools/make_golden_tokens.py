#!/usr/bin/python3
"""Writes tests/core/token_golden_test.cpp: resume tokens made by botocore's own TokenEncoder.

Each case is a token map and a truncate amount. The script encodes it with
botocore.paginate.TokenEncoder (checking that botocore.paginate.TokenDecoder reads it back) and
prints a Catch2 test case that asserts that pagination::encode_resume_token makes the same string
and that pagination::decode_starting_token reads it back to the same map and amount.

  /usr/bin/python3 tools/make_golden_tokens.py > tests/core/token_golden_test.cpp
  /usr/bin/python3 tools/make_golden_tokens.py --check tests/core/token_golden_test.cpp

(/usr/bin/python3: the interpreter that Debian's python3-botocore is installed for.) With --check,
it exits 1 when the file differs from what it would write, and 77 when botocore is missing.
"""

import sys

try:
    from botocore.paginate import TokenDecoder, TokenEncoder
except ImportError as exc:
    print("make_golden_tokens.py needs botocore (apt-get install python3-botocore): %s" % exc, file=sys.stderr)
    sys.exit(77)

DYNAMO_KEY = "ExclusiveStartKey"

# (what the test case is about, token map, truncate amount or None)
CASES = [
    ("a single NextToken", {"NextToken": "tok-3"}, None),
    ("a single NextToken with a truncate amount", {"NextToken": "tok-3"}, 2),
    ("a truncate amount of zero", {"NextToken": "abc"}, 0),
    ("a null NextToken with a truncate amount (a first page cut before any token was sent)", {"NextToken": None}, 2),
    ("an empty string token", {"NextToken": ""}, None),
    (
        "three Route 53 tokens with the last one null",
        {"StartRecordName": "www.example.com.", "StartRecordType": "AAAA", "StartRecordIdentifier": None},
        None,
    ),
    (
        "three tokens in an unsorted order with a truncate amount",
        {"NextToken": "n-1", "Marker": None, "ContinuationToken": "c/2"},
        7,
    ),
    ("non-ASCII letters, CJK and emoji above U+FFFF", {"NextToken": "caf\u00e9 \u4e2d\u6587 \U0001f600 \U0001d11e"}, None),
    ("control characters, DEL and the short escapes", {"NextToken": "\x00\x01\x1b\x1f\x7f\n\r\t\b\f"}, 1),
    ("quotes, backslashes and slashes", {"NextToken": "a\"b\\c/d'e\\\\\"\""}, None),
    (
        "U+2028, U+FEFF, U+FFFF, a no-break space and a two-code-point flag",
        {"NextToken": "\u2028\ufeff\uffff\u00a0\U0001f1fa\U0001f1f3"},
        3,
    ),
    ("a service token that is itself base64 with padding", {"NextToken": "AAAAAExhbXBsZQ+/=="}, None),
    ("a service token that holds JSON text", {"NextToken": '{"offset": 10, "id": "x"}'}, None),
    ("a legacy-looking service token", {"NextToken": "a___b___3"}, None),
    ("a structured DynamoDB key", {DYNAMO_KEY: {"pk": {"S": "user#1"}, "sk": {"N": "42"}}}, None),
    (
        "a structured DynamoDB key with non-ASCII text and a truncate amount",
        {DYNAMO_KEY: {"sk": {"S": "\u00fcber \U0001f680"}, "pk": {"S": "p\"q"}}},
        3,
    ),
    (
        "a structured value with nested objects, booleans, null and integers",
        {DYNAMO_KEY: {"M": {"a": {"BOOL": True}, "b": {"NULL": True}, "c": [1, -2, 0, 9007199254740993], "d": None}}},
        None,
    ),
    (
        "floating-point numbers (Python writes their repr)",
        {DYNAMO_KEY: {"f": [1.5, 0.1, 100.0, 1e-07, 1e16, 1e22, 123456789012345680.0, -0.0, 2.5e-05]}},
        None,
    ),
    ("a binary DynamoDB key (bytes produce boto_encoded_keys)", {DYNAMO_KEY: {"pk": {"B": b"\x00\x01\xfe\xff"}}}, None),
    (
        "binary values with a truncate amount (boto_encoded_keys comes after it)",
        {DYNAMO_KEY: {"pk": {"B": b"key"}, "sk": {"B": b"\x80"}}, "NextToken": "t"},
        4,
    ),
    (
        "binary values inside nested lists (paths hold list indices)",
        {DYNAMO_KEY: {"pk": {"BS": [b"a", b"\xff\xfe"]}, "L": [{"B": b"x"}, "s", [b"y", b""]]}},
        None,
    ),
    ("a token that is bytes itself", {"NextToken": b"raw-bytes\x00\xc3"}, None),
    ("binary values in two tokens", {"NextToken": b"\x01", DYNAMO_KEY: {"k": [[b"\x02"]]}}, 5),
]


def cpp_string_literal(data):
    """A C++ string literal of the bytes (octal escapes, so no escape swallows what follows)."""
    out = ['"']
    for b in data:
        c = chr(b)
        if c in '"\\?':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


def cpp_value(value):
    if value is None:
        return "token_value()"
    if isinstance(value, bool):
        return "token_value(%s)" % ("true" if value else "false")
    if isinstance(value, int):
        return "token_value(std::int64_t{%d})" % value
    if isinstance(value, float):
        return "token_value(%s) /* %r */" % (value.hex(), value)
    if isinstance(value, str):
        return "token_value(text(%s))" % cpp_string_literal(value.encode("utf-8"))
    if isinstance(value, bytes):
        return "token_value(bytes(%s))" % cpp_string_literal(value)
    if isinstance(value, list):
        return "token_value(token_value::array_type{%s})" % ", ".join(cpp_value(v) for v in value)
    if isinstance(value, dict):
        return "token_value(token_value::object_type{%s})" % ", ".join(
            "{text(%s), %s}" % (cpp_string_literal(k.encode("utf-8")), cpp_value(v)) for k, v in value.items()
        )
    raise TypeError("no C++ form for %r" % (value,))


def cpp_map(tokens):
    return "token_map{%s}" % ", ".join(
        "{text(%s), %s}" % (cpp_string_literal(k.encode("utf-8")), cpp_value(v)) for k, v in tokens.items()
    )


def cpp_fields(tokens):
    fields = []
    for name, value in tokens.items():
        kind = "token_kind::string" if value is None or isinstance(value, str) else "token_kind::structured"
        fields.append("{%s, %s}" % (cpp_string_literal(name.encode("utf-8")), kind))
    return "std::array<token_field, %d>{{%s}}" % (len(fields), ", ".join(fields))


HEADER = """\
// GENERATED by tools/make_golden_tokens.py from botocore's TokenEncoder; do not edit by hand.
// Regenerate: /usr/bin/python3 tools/make_golden_tokens.py > tests/core/token_golden_test.cpp
//
// docs/semantics.md section 3: a resume token made by this library and one made by boto3 or the AWS CLI
// are the same string, and each side can resume from the other's (section 4).

#include <pagination/detail/base64.hpp>
#include <pagination/detail/json.hpp>
#include <pagination/token_codec.hpp>
#include <pagination/token_value.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

using pagination::token_field;
using pagination::token_kind;
using pagination::token_map;
using pagination::token_value;

namespace {

// A string from a literal that may hold NUL bytes.
template <std::size_t N>
std::string text(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

template <std::size_t N>
token_value::bytes_type bytes(const char (&literal)[N]) {
    return token_value::bytes_type(literal, literal + (N - 1));
}

// A readable, type-preserving rendering of a value for failure messages.
std::string shown(const token_value& value) {
    std::string out;
    if (value.is_bytes()) {
        return "bytes(" + pagination::detail::base64_encode(value.as_bytes()) + ")";
    }
    if (value.is_array()) {
        out = "[";
        for (const auto& element : value.as_array()) {
            out += shown(element) + ", ";
        }
        return out + "]";
    }
    if (value.is_object()) {
        out = "{";
        for (const auto& member : value.as_object()) {
            out += member.first + ": " + shown(member.second) + ", ";
        }
        return out + "}";
    }
    pagination::detail::dump(value, out);
    return out;
}

template <std::size_t N>
void check_golden(const token_map& tokens, std::optional<std::size_t> truncate_amount,
                  const std::array<token_field, N>& fields, const std::string& golden) {
    CHECK(pagination::encode_resume_token(tokens, truncate_amount) == golden);

    const pagination::decode_result decoded = pagination::decode_starting_token(golden, fields);
    REQUIRE(decoded.has_value());
    CHECK(decoded.value().skip == truncate_amount.value_or(0));
    REQUIRE(decoded.value().tokens.size() == tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        CHECK(decoded.value().tokens[i].first == tokens[i].first);
        CHECK(shown(decoded.value().tokens[i].second) == shown(tokens[i].second));
        CHECK(decoded.value().tokens[i].second == tokens[i].second);
    }
}

} // namespace
"""

CASE = """
TEST_CASE("encodes {about} exactly as botocore does, and reads the token back", "[token][golden]") {{
    // botocore: {python}
    check_golden({tokens}, {amount},
                 {fields},
                 "{golden}");
}}
"""


def generate():
    encoder = TokenEncoder()
    decoder = TokenDecoder()
    out = [HEADER]
    for about, tokens, amount in CASES:
        to_encode = dict(tokens)
        if amount is not None:
            to_encode["boto_truncate_amount"] = amount
        golden = encoder.encode(to_encode)
        if decoder.decode(golden) != to_encode:
            sys.exit("botocore does not read back its own token for %r" % (about,))
        out.append(
            CASE.format(
                about=about,
                python=ascii(to_encode).replace("*/", "* /"),
                tokens=cpp_map(tokens),
                amount="std::nullopt" if amount is None else "std::optional<std::size_t>{%d}" % amount,
                fields=cpp_fields(tokens),
                golden=golden,
            )
        )
    return "".join(out)


def main(argv):
    source = generate()
    if len(argv) == 3 and argv[1] == "--check":
        with open(argv[2], encoding="utf-8") as current:
            if current.read() != source:
                print("%s is not what tools/make_golden_tokens.py writes; regenerate it" % argv[2])
                return 1
        return 0
    if len(argv) != 1:
        print("usage: make_golden_tokens.py [--check FILE]", file=sys.stderr)
        return 2
    sys.stdout.write(source)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
