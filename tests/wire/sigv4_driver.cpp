// Driver for tests/wire/sigv4_oracle.py: reads one command per line on stdin, answers one line
// on stdout. Every string travels hex-encoded ("-" for the empty string), so bodies, paths and
// header values may hold any byte.
//
//   H <data>                      -> <sha256 one-shot> <sha256 fed in uneven pieces>
//   N <length>                    -> <sha256 of the bytes i % 251 for i in 0..length-1>
//   M <key> <data>                -> <hmac-sha256>
//   S <region> <service> <method> <url> <body> <key id> <secret> <token> <t1 ns> <t2 ns|->
//     <header count> (<name> <value>)...
//                                 -> OK <signature_headers() at t1> | <headers after sign() at t1>
//                                    | <headers after a second sign() at t2, or nothing>
//                                    | <canonical request at t1>
//                                    each header list: <count> (<name> <value>)...
//                                 -> FAIL when the signer gives nothing
//
// One signer per (region, service) lives for the whole run, so its signing key cache meets
// changing days and secrets as a long-lived client's does.

#include <pagination/aws/sigv4.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace aws = pagination::aws;
namespace http = pagination::http;

std::string unhex(const std::string& text) {
    if (text == "-") {
        return {};
    }
    std::string out;
    out.reserve(text.size() / 2);
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
        out += static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16));
    }
    return out;
}

std::string hex(std::string_view bytes) { return bytes.empty() ? std::string("-") : aws::detail::to_hex(bytes); }

void put_headers(std::string& out, const std::vector<http::header>& headers) {
    out += std::to_string(headers.size());
    for (const http::header& h : headers) {
        out += ' ';
        out += hex(h.name);
        out += ' ';
        out += hex(h.value);
    }
}

std::chrono::system_clock::time_point from_ns(const std::string& ns) {
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::nanoseconds(std::stoll(ns))));
}

std::string chunked_digest(const std::string& data) {
    static constexpr std::size_t pieces[] = {1, 13, 64, 7, 100, 63, 65, 0, 200};
    aws::detail::sha256_hasher hasher;
    std::size_t at = 0;
    for (std::size_t i = 0; at < data.size(); ++i) {
        const std::size_t n = pieces[i % (sizeof(pieces) / sizeof(pieces[0]))];
        hasher.update(data.data() + at, std::min(n, data.size() - at));
        at += std::min(n, data.size() - at);
    }
    return aws::detail::to_hex(hasher.finish());
}

std::string sign_case(std::istringstream& in, std::map<std::pair<std::string, std::string>, aws::sigv4_signer>& signers) {
    std::string region, service, method, url, body, key_id, secret, token, t1, t2, count;
    in >> region >> service >> method >> url >> body >> key_id >> secret >> token >> t1 >> t2 >> count;
    http::request req;
    req.method = unhex(method);
    req.url = unhex(url);
    req.body = unhex(body);
    const int n = std::stoi(count);
    for (int i = 0; i < n; ++i) {
        std::string name, value;
        in >> name >> value;
        req.headers.push_back({unhex(name), unhex(value)});
    }
    const aws::credentials creds{unhex(key_id), unhex(secret), unhex(token), std::nullopt};
    const auto key = std::make_pair(unhex(region), unhex(service));
    auto it = signers.find(key);
    if (it == signers.end()) {
        it = signers.emplace(key, aws::sigv4_signer(key.first, key.second)).first;
    }
    const aws::sigv4_signer& signer = it->second;

    const auto added = signer.signature_headers(req, creds, from_ns(t1));
    if (!added) {
        return "FAIL";
    }
    std::string out = "OK ";
    put_headers(out, *added);

    // The canonical request, for the oracle's report when a signature differs.
    const auto parts = http::parse_url(req.url);
    const std::string host = req.find_header("host") ? std::string() : aws::detail::ascii_lower_copy(parts->host_header());
    const std::string canonical =
        aws::detail::canonical_request(req, *parts, host, *aws::detail::amz_date(from_ns(t1)), creds.session_token).request;

    http::request signed_once = req;
    if (!signer.sign(signed_once, creds, from_ns(t1))) {
        return "FAIL";
    }
    out += " | ";
    put_headers(out, signed_once.headers);
    out += " | ";
    if (t2 != "-") {
        if (!signer.sign(signed_once, creds, from_ns(t2))) {
            return "FAIL";
        }
        put_headers(out, signed_once.headers);
    }
    out += " | ";
    out += hex(canonical);
    return out;
}

}  // namespace

int main() {
    std::ios::sync_with_stdio(false);
    std::map<std::pair<std::string, std::string>, aws::sigv4_signer> signers;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string command;
        in >> command;
        std::string answer;
        if (command == "H") {
            std::string data;
            in >> data;
            const std::string bytes = unhex(data);
            answer = aws::detail::to_hex(aws::detail::sha256(bytes)) + " " + chunked_digest(bytes);
        } else if (command == "N") {
            std::size_t length = 0;
            in >> length;
            std::string bytes(length, '\0');
            for (std::size_t i = 0; i < length; ++i) {
                bytes[i] = static_cast<char>(i % 251);
            }
            answer = aws::detail::to_hex(aws::detail::sha256(bytes));
        } else if (command == "M") {
            std::string key, data;
            in >> key >> data;
            answer = aws::detail::to_hex(aws::detail::hmac_sha256(unhex(key), unhex(data)));
        } else if (command == "S") {
            answer = sign_case(in, signers);
        } else {
            answer = "ERROR unknown command";
        }
        std::cout << answer << '\n' << std::flush;
    }
    return 0;
}
