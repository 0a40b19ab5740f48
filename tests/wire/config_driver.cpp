// Driver of tests/wire/config_oracle.py: reads one configuration case on stdin and prints what
// resolve_client_config makes of it, for comparison with botocore.
//
//   stdin:  lines "env NAME=VALUE", "opt profile|region|endpoint VALUE"
//   stdout: "ok\t<region>\t<endpoint>\t<access key id>\t<source>\t<mode>\t<max attempts>"
//           or "error\t<code>\t<message>"

#include <pagination/aws/config.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

int main() {
    namespace aws = pagination::aws;
    aws::environment env;
    aws::client_options options;
    options.credential_process_timeout = std::chrono::milliseconds(10000);
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.rfind("env ", 0) == 0) {
            const std::size_t eq = line.find('=');
            if (eq != std::string::npos) {
                env.set(line.substr(4, eq - 4), line.substr(eq + 1));
            }
        } else if (line.rfind("opt ", 0) == 0) {
            const std::size_t sp = line.find(' ', 4);
            const std::string name = line.substr(4, sp - 4);
            const std::string value = sp == std::string::npos ? std::string() : line.substr(sp + 1);
            if (name == "profile") {
                options.profile = value;
            } else if (name == "region") {
                options.region = value;
            } else if (name == "endpoint") {
                options.endpoint_url = value;
            }
        }
    }
    const auto cfg = aws::resolve_client_config("GameLift", "gamelift", options, env);
    if (!cfg) {
        std::cout << "error\t" << aws::to_string(cfg.error().code) << "\t" << cfg.error().message << "\n";
        return 0;
    }
    const aws::client_config& c = cfg.value();
    std::cout << "ok\t" << c.region << "\t" << c.endpoint_url << "\t" << c.credentials.access_key_id << "\t"
              << c.credentials_source << "\t" << (c.retry.mode == aws::retry_mode::legacy ? "legacy" : "standard")
              << "\t" << c.retry.max_attempts << "\n";
    return 0;
}
