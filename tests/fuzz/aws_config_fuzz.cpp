// Fuzz target: the shared config / credentials file reader and the credential_process output
// parser on arbitrary bytes. Neither may crash, hang or accept text that breaks its own rules.

#include <pagination/aws/config.hpp>

#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace aws = pagination::aws;
    fuzz::input in(data, size);
    const std::size_t mode = in.below(3);
    if (mode == 0) {
        const auto out = aws::parse_credential_process_output(in.rest());
        if (out) {
            FUZZ_CHECK(out.value().complete(), std::string("accepted credentials without a key pair"));
        } else {
            FUZZ_CHECK(out.error().code == aws::config_errc::credential_process_output, out.error().message);
        }
        return 0;
    }
    // Split the rest into a config file and a credentials file at the first 0xFF byte.
    const std::string_view rest = in.rest();
    const std::size_t split = rest.find('\xff');
    const std::string_view config = rest.substr(0, split);
    const std::string_view creds = split == std::string_view::npos ? std::string_view{} : rest.substr(split + 1);
    const auto files = aws::parse_profile_files(config, creds, "/fuzz/config", "/fuzz/credentials");
    if (!files) {
        const auto code = files.error().code;
        FUZZ_CHECK(code == aws::config_errc::invalid_config_file || code == aws::config_errc::invalid_credentials_file,
                   files.error().message);
        return 0;
    }
    // Resolution over what was read: no process is run (credential_process is skipped by
    // asking only for the region, endpoint and retry settings).
    aws::environment env;
    aws::client_options options;
    if (mode == 2) {
        for (const auto& kv : files.value().config_profiles) {
            options.profile = kv.first;
            break;
        }
    }
    const auto region = aws::resolve_region(options, env, files.value());
    const std::string r = region ? region.value() : std::string("us-east-1");
    const auto endpoint = aws::resolve_endpoint("GameLift", "gamelift", r, options, env, files.value());
    if (endpoint) {
        FUZZ_CHECK(pagination::http::parse_url(endpoint.value().url).has_value(), endpoint.value().url);
    }
    (void)aws::resolve_retry_settings(options, env, files.value());
    return 0;
}
