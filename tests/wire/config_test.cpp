// aws/config.hpp: where credentials, region, endpoint and retry settings come from, and the
// typed error of each bad configuration. Every case uses its own temporary directory and an
// injected environment: the real ~/.aws and the real process environment are never read.
// tests/wire/config_oracle.py compares the same rules with botocore on random configurations.

#include <pagination/aws/config.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace aws = pagination::aws;

namespace {

/// A temporary HOME with .aws/config and .aws/credentials, removed afterwards.
class sandbox {
public:
    sandbox() {
        char tmpl[] = "/tmp/pagination_config_test_XXXXXX";
        const char* made = ::mkdtemp(tmpl);
        REQUIRE(made != nullptr);
        dir_ = made;
        REQUIRE(::mkdir((dir_ + "/.aws").c_str(), 0700) == 0);
        env_.set("HOME", dir_);
        env_.set("PATH", "/usr/bin:/bin");
    }
    ~sandbox() { std::system(("rm -rf '" + dir_ + "'").c_str()); }
    sandbox(const sandbox&) = delete;
    sandbox& operator=(const sandbox&) = delete;

    void write(const std::string& relative, const std::string& text) {
        std::FILE* f = std::fopen((dir_ + "/" + relative).c_str(), "wb");
        REQUIRE(f != nullptr);
        std::fwrite(text.data(), 1, text.size(), f);
        std::fclose(f);
    }
    void config(const std::string& text) { write(".aws/config", text); }
    void credentials(const std::string& text) { write(".aws/credentials", text); }
    std::string path(const std::string& relative) const { return dir_ + "/" + relative; }

    aws::environment& env() { return env_; }
    aws::config_result<aws::client_config> resolve(const aws::client_options& options = {}) {
        return aws::resolve_client_config("GameLift", "gamelift", options, env_);
    }
    aws::profile_files files() {
        auto f = aws::load_profile_files(env_);
        REQUIRE(f.has_value());
        return f.value();
    }

private:
    std::string dir_;
    aws::environment env_;
};

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

aws::config_errc code_of(const aws::config_result<aws::client_config>& r) {
    REQUIRE_FALSE(r.has_value());
    return r.error().code;
}

}  // namespace

TEST_CASE("The config file's [default] and [profile NAME] are profiles; the credentials file's [NAME] are", "[config]") {
    const auto files = aws::parse_profile_files(
        "[default]\nregion = us-west-2\n[profile dev]\nregion = eu-west-1\n[profile \"a b\"]\nregion = x\n"
        "[services svc]\ngamelift =\n  endpoint_url = http://svc\n[preview]\nk = v\n",
        "[dev]\nregion = ap-south-1\n[profile dev]\nk = v\n");
    REQUIRE(files.has_value());
    const auto& f = files.value();
    CHECK(f.config_profiles.count("default") == 1);
    CHECK(f.config_profiles.count("dev") == 1);
    CHECK(f.config_profiles.count("a b") == 1);
    CHECK(f.config_profiles.count("preview") == 0);
    CHECK(f.services.count("svc") == 1);
    CHECK(f.credentials_profiles.count("profile dev") == 1);
    // The credentials file's settings override the config file's in the merged profile.
    REQUIRE(f.merged("dev"));
    CHECK(f.merged("dev")->find("region")->value == "ap-south-1");
    CHECK(f.merged("default")->find("region")->value == "us-west-2");
    CHECK_FALSE(f.merged("nobody"));
}

TEST_CASE("The file reader keeps configparser's rules: comments, ':' , case, continuation, sub-sections, DEFAULT", "[config]") {
    const auto files = aws::parse_profile_files(
        "# comment\n; comment\n[DEFAULT]\nretry_mode = legacy\n[default]\nREGION: us-east-1 # not a comment\n"
        "long = first\n  second\n\n  third\ngamelift =\n  endpoint_url = http://x\n\n  Region = y\n",
        "");
    REQUIRE(files.has_value());
    const aws::profile& p = files.value().config_profiles.at("default");
    CHECK(p.find("region")->value == "us-east-1 # not a comment");
    CHECK(p.find("long")->value == "first\nsecond\n\nthird");
    const aws::profile_setting* sub = p.find("gamelift");
    REQUIRE(sub != nullptr);
    CHECK(sub->is_sub_section);
    REQUIRE(sub->sub.size() == 2);
    CHECK(sub->sub[0] == std::make_pair(std::string("endpoint_url"), std::string("http://x")));
    CHECK(sub->sub[1].first == "Region");  // keys of a sub-section keep their case, as in botocore
    CHECK(p.find("retry_mode")->value == "legacy");
    CHECK(p.find("region")->line == 6);
}

TEST_CASE("A malformed file is a typed error naming the file and line, never the line's content", "[config]") {
    struct bad {
        const char* text;
        std::size_t line;
    };
    const bad cases[] = {
        {"aws_secret_access_key = SECRETXYZ\n", 1},                 // outside any section
        {"[default]\nregion = a\nSECRETXYZ\n", 3},                   // not key = value
        {"[default]\nregion = a\nregion = SECRETXYZ\n", 3},          // duplicate key
        {"[a]\n[b]\n[a]\nk = SECRETXYZ\n", 3},                       // duplicate section
        {"[default]\ns3 =\n  SECRETXYZ\n", 2},                       // sub-section line without '='
        {"[default]\n= SECRETXYZ\n", 2},                             // no name
    };
    for (const bad& c : cases) {
        const auto files = aws::parse_profile_files(c.text, "", "/etc/cfg", "/etc/creds");
        REQUIRE_FALSE(files.has_value());
        CHECK(files.error().code == aws::config_errc::invalid_config_file);
        CHECK(contains(files.error().message, "/etc/cfg line " + std::to_string(c.line)));
        CHECK_FALSE(contains(files.error().message, "SECRETXYZ"));
    }
    const auto creds = aws::parse_profile_files("", "[default]\naws_secret_access_key SECRETXYZ\n", "c", "/k");
    REQUIRE_FALSE(creds.has_value());
    CHECK(creds.error().code == aws::config_errc::invalid_credentials_file);
    CHECK(contains(creds.error().message, "/k line 2"));
    CHECK_FALSE(contains(creds.error().message, "SECRETXYZ"));

    const auto binary = aws::parse_profile_files(std::string("[default]\0x", 11), "");
    REQUIRE_FALSE(binary.has_value());
    CHECK(contains(binary.error().message, "NUL"));
    const auto latin1 = aws::parse_profile_files("[default]\nregion = \xe9t\xe9\n", "");
    REQUIRE_FALSE(latin1.has_value());
    CHECK(contains(latin1.error().message, "UTF-8"));
    const auto long_line = aws::parse_profile_files("[default]\nk = " + std::string(70000, 'a') + "\n", "");
    REQUIRE_FALSE(long_line.has_value());
    CHECK(contains(long_line.error().message, "longer than"));
}

TEST_CASE("Missing files are empty; an oversized file and a binary file are errors naming the file", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    box.env().set("AWS_ACCESS_KEY_ID", "AKID");
    box.env().set("AWS_SECRET_ACCESS_KEY", "s");
    CHECK(box.resolve().has_value());
    // A directory where a file should be is skipped, as botocore skips it.
    REQUIRE(::mkdir(box.path("adir").c_str(), 0700) == 0);
    box.env().set("AWS_CONFIG_FILE", box.path("adir"));
    CHECK(box.resolve().has_value());

    box.write("big", "[default]\n" + std::string(5u << 20, '#'));
    box.env().set("AWS_CONFIG_FILE", box.path("big"));
    auto r = box.resolve();
    CHECK(code_of(r) == aws::config_errc::invalid_config_file);
    CHECK(contains(r.error().message, box.path("big")));

    box.write("bin", std::string("\x7f" "ELF\0\0\0", 7));
    box.env().set("AWS_CONFIG_FILE", "/nonexistent/config");
    box.env().set("AWS_SHARED_CREDENTIALS_FILE", box.path("bin"));
    r = box.resolve();
    CHECK(code_of(r) == aws::config_errc::invalid_credentials_file);
    CHECK(contains(r.error().message, box.path("bin")));
}

TEST_CASE("File paths expand ~ from HOME and $VAR from the environment", "[config]") {
    sandbox box;
    box.write("mine", "[default]\nregion = eu-north-1\n");
    box.env().set("DIR", box.path(""));
    box.env().set("AWS_CONFIG_FILE", "${DIR}/mine");
    CHECK(box.files().config_profiles.count("default") == 1);
    box.env().set("AWS_CONFIG_FILE", "~/mine");
    CHECK(box.files().config_path == box.path("mine"));
    CHECK(box.files().config_profiles.count("default") == 1);
}

TEST_CASE("The profile: option, then AWS_PROFILE, then AWS_DEFAULT_PROFILE, then default", "[config]") {
    aws::environment env;
    aws::client_options options;
    CHECK(aws::select_profile(options, env).name == "default");
    CHECK(aws::select_profile(options, env).named_by.empty());
    env.set("AWS_DEFAULT_PROFILE", "b");
    CHECK(aws::select_profile(options, env).name == "b");
    env.set("AWS_PROFILE", "a");
    CHECK(aws::select_profile(options, env).name == "a");
    options.profile = "o";
    CHECK(aws::select_profile(options, env).name == "o");
    CHECK(aws::select_profile(options, env).named_by == "client_options.profile");
}

TEST_CASE("A named profile in neither file is profile_not_found; an absent unnamed default is fine", "[config]") {
    sandbox box;
    box.config("[profile dev]\nregion = us-west-2\n");
    box.credentials("[creds-only]\naws_access_key_id = A\naws_secret_access_key = s\n");
    box.env().set("AWS_REGION", "us-west-2");
    box.env().set("AWS_ACCESS_KEY_ID", "AKID");
    box.env().set("AWS_SECRET_ACCESS_KEY", "s");
    CHECK(box.resolve().has_value());
    box.env().set("AWS_PROFILE", "nope");
    auto r = box.resolve();
    CHECK(code_of(r) == aws::config_errc::profile_not_found);
    CHECK(contains(r.error().message, "The config profile (nope) could not be found"));
    CHECK(contains(r.error().message, "AWS_PROFILE"));
    aws::client_options options;
    options.profile = "creds-only";
    r = box.resolve(options);
    REQUIRE(r.has_value());
    CHECK(r.value().credentials_source == "shared-credentials-file");
}

TEST_CASE("Credentials: environment, credentials file, credential_process, config file, in that order", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    box.config("[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = s\n"
               "[profile proc]\ncredential_process = printf '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", "
               "\"SecretAccessKey\": \"s\", \"SessionToken\": \"t\", \"Expiration\": \"2099-01-02T03:04:05Z\"}'\n"
               "aws_access_key_id = AKIDPROCCONFIG\naws_secret_access_key = s\n");
    auto r = box.resolve();
    REQUIRE(r.has_value());
    CHECK(r.value().credentials.access_key_id == "AKIDCONFIG");
    CHECK(r.value().credentials_source == "config-file");

    box.credentials("[default]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = s\naws_session_token = tok\n");
    r = box.resolve();
    REQUIRE(r.has_value());
    CHECK(r.value().credentials.access_key_id == "AKIDCREDS");
    CHECK(r.value().credentials.session_token == "tok");
    CHECK(r.value().credentials_source == "shared-credentials-file");

    box.env().set("AWS_ACCESS_KEY_ID", "AKIDENV");
    box.env().set("AWS_SECRET_ACCESS_KEY", "envsecret");
    box.env().set("AWS_SESSION_TOKEN", "envtoken");
    r = box.resolve();
    REQUIRE(r.has_value());
    CHECK(r.value().credentials.access_key_id == "AKIDENV");
    CHECK(r.value().credentials.secret_access_key == "envsecret");
    CHECK(r.value().credentials.session_token == "envtoken");
    CHECK(r.value().credentials_source == "env");

    // AWS_PROFILE keeps the environment's keys; an explicit profile skips them.
    box.env().set("AWS_PROFILE", "proc");
    CHECK(box.resolve().value().credentials_source == "env");
    aws::client_options options;
    options.profile = "proc";
    r = box.resolve(options);
    REQUIRE(r.has_value());
    CHECK(r.value().credentials.access_key_id == "AKIDPROC");
    CHECK(r.value().credentials.session_token == "t");
    CHECK(r.value().credentials_source == "custom-process");
    REQUIRE(r.value().credentials.expiration.has_value());
    CHECK(std::chrono::duration_cast<std::chrono::seconds>(r.value().credentials.expiration->time_since_epoch())
              .count() == 4071006245);
}

TEST_CASE("Partial keys are an error naming what is missing", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    box.env().set("AWS_ACCESS_KEY_ID", "AKID");
    auto r = box.resolve();
    CHECK(code_of(r) == aws::config_errc::partial_credentials);
    CHECK(contains(r.error().message, "missing: AWS_SECRET_ACCESS_KEY"));

    aws::client_options options;
    options.profile = "default";
    box.credentials("[default]\naws_access_key_id = AKID\n");
    r = box.resolve(options);
    CHECK(code_of(r) == aws::config_errc::partial_credentials);
    CHECK(contains(r.error().message, "missing: aws_secret_access_key"));
    CHECK(contains(r.error().message, box.path(".aws/credentials") + " line 2"));
}

TEST_CASE("Assume-role, web identity and SSO profiles are typed unsupported errors", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    for (const char* line : {"role_arn = arn:aws:iam::123456789012:role/r\nsource_profile = x",
                             "sso_session = my-sso", "sso_start_url = https://x.awsapps.com/start",
                             "web_identity_token_file = /tmp/t"}) {
        box.config(std::string("[default]\n") + line + "\n");
        const auto r = box.resolve();
        CHECK(code_of(r) == aws::config_errc::unsupported_credentials);
        CHECK(contains(r.error().message, "not supported"));
    }
}

TEST_CASE("No credentials anywhere is no_credentials saying where to put them; no-sign-request needs none", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    auto r = box.resolve();
    CHECK(code_of(r) == aws::config_errc::no_credentials);
    CHECK(contains(r.error().message, "Unable to locate credentials"));
    CHECK(contains(r.error().message, "AWS_ACCESS_KEY_ID"));
    CHECK(contains(r.error().message, box.path(".aws/credentials")));
    aws::client_options options;
    options.no_sign_request = true;
    r = box.resolve(options);
    REQUIRE(r.has_value());
    CHECK_FALSE(r.value().sign_requests);
    CHECK(r.value().credentials.access_key_id.empty());
}

TEST_CASE("A credential_process that fails is an error carrying its stderr", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    box.config("[default]\ncredential_process = echo 'token expired, run login' >&2; exit 1\n");
    const auto r = box.resolve();
    CHECK(code_of(r) == aws::config_errc::credential_process_failed);
    CHECK(contains(r.error().message, "exited with status 1"));
    CHECK(contains(r.error().message, "token expired, run login"));
    CHECK(contains(r.error().message, box.path(".aws/config") + " line 2"));
}

TEST_CASE("A credential_process that prints garbage is an error that does not echo the output", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    const char* outputs[] = {
        "echo SECRETXYZ not json",
        "printf '{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"SECRETXYZ\"}'",
        "printf '{\"Version\": 1, \"SecretAccessKey\": \"SECRETXYZ\"}'",
        "printf '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"SECRETXYZ\", \"Expiration\": \"soon\"}'",
        "printf '[\"SECRETXYZ\"]'",
        "head -c 100000 /dev/zero",
    };
    for (const char* command : outputs) {
        box.config(std::string("[default]\ncredential_process = ") + command + "\n");
        const auto r = box.resolve();
        CHECK(code_of(r) == aws::config_errc::credential_process_output);
        CHECK_FALSE(contains(r.error().message, "SECRETXYZ"));
    }
}

TEST_CASE("A credential_process that hangs is stopped at its bound", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    box.config("[default]\ncredential_process = sleep 30; echo late\n");
    aws::client_options options;
    options.credential_process_timeout = std::chrono::milliseconds(300);
    const auto start = std::chrono::steady_clock::now();
    const auto r = box.resolve(options);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(code_of(r) == aws::config_errc::credential_process_failed);
    CHECK(contains(r.error().message, "did not finish within 300 ms"));
    CHECK(took < std::chrono::seconds(5));
}

TEST_CASE("The credential_process output parser accepts the documented object only", "[config]") {
    const auto ok = aws::parse_credential_process_output(
        R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "2026-01-15T08:00:08.481+01:00"})");
    REQUIRE(ok.has_value());
    CHECK(ok.value().session_token.empty());
    CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(ok.value().expiration->time_since_epoch()).count() ==
          1768460408481);
    for (const char* bad : {"", "{}", R"({"Version": "1", "AccessKeyId": "A", "SecretAccessKey": "s"})",
                            R"({"Version": 1, "AccessKeyId": "", "SecretAccessKey": "s"})",
                            R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": 5})",
                            R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "1013-01-01T00:00:00Z"})"}) {
        const auto r = aws::parse_credential_process_output(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == aws::config_errc::credential_process_output);
    }
}

TEST_CASE("The region: option, AWS_REGION, AWS_DEFAULT_REGION, then the profile", "[config]") {
    sandbox box;
    box.config("[default]\nregion = eu-west-1\n");
    box.env().set("AWS_ACCESS_KEY_ID", "A");
    box.env().set("AWS_SECRET_ACCESS_KEY", "s");
    CHECK(box.resolve().value().region == "eu-west-1");
    box.env().set("AWS_DEFAULT_REGION", "eu-west-2");
    CHECK(box.resolve().value().region == "eu-west-2");
    box.env().set("AWS_REGION", "eu-west-3");
    CHECK(box.resolve().value().region == "eu-west-3");
    aws::client_options options;
    options.region = "ap-east-1";
    CHECK(box.resolve(options).value().region == "ap-east-1");
}

TEST_CASE("No region is no_region naming every place to set one; a malformed region is invalid_region", "[config]") {
    sandbox box;
    box.env().set("AWS_ACCESS_KEY_ID", "A");
    box.env().set("AWS_SECRET_ACCESS_KEY", "s");
    auto r = box.resolve();
    CHECK(code_of(r) == aws::config_errc::no_region);
    CHECK(contains(r.error().message, "You must specify a region"));
    CHECK(contains(r.error().message, "AWS_REGION"));
    CHECK(contains(r.error().message, "profile 'default'"));
    CHECK(contains(r.error().message, box.path(".aws/config")));
    // A set but empty variable wins over the profile and counts as no region, as in botocore.
    box.config("[default]\nregion = eu-west-1\n");
    box.env().set("AWS_DEFAULT_REGION", "");
    CHECK(code_of(box.resolve()) == aws::config_errc::no_region);
    for (const char* bad : {"us_east_1", "123", "-us", "us-", "us east", "a/b"}) {
        box.env().set("AWS_DEFAULT_REGION", bad);
        r = box.resolve();
        CHECK(code_of(r) == aws::config_errc::invalid_region);
        CHECK(contains(r.error().message, "AWS_DEFAULT_REGION"));
    }
}

TEST_CASE("The default endpoint follows the region's partition, FIPS and dual-stack", "[config]") {
    const aws::profile_files none;
    const aws::environment empty;
    const aws::client_options options;
    const auto url = [&](const char* region, const aws::environment& env) {
        const auto e = aws::resolve_endpoint("GameLift", "gamelift", region, options, env, none);
        REQUIRE(e.has_value());
        CHECK_FALSE(e.value().is_custom);
        return e.value().url;
    };
    CHECK(url("us-west-2", empty) == "https://gamelift.us-west-2.amazonaws.com");
    CHECK(url("cn-north-1", empty) == "https://gamelift.cn-north-1.amazonaws.com.cn");
    CHECK(url("cn-foo", empty) == "https://gamelift.cn-foo.amazonaws.com");  // not a China region name
    CHECK(url("us-gov-west-1", empty) == "https://gamelift.us-gov-west-1.amazonaws.com");
    CHECK(url("us-isob-east-1", empty) == "https://gamelift.us-isob-east-1.sc2s.sgov.gov");
    CHECK(url("fips-us-east-1", empty) == "https://gamelift-fips.us-east-1.amazonaws.com");
    aws::environment fips;
    fips.set("AWS_USE_FIPS_ENDPOINT", "TRUE");
    CHECK(url("us-west-2", fips) == "https://gamelift-fips.us-west-2.amazonaws.com");
    CHECK(url("cn-north-1", fips) == "https://gamelift-fips.cn-north-1.amazonaws.com.cn");
    fips.set("AWS_USE_DUALSTACK_ENDPOINT", "true");
    CHECK(url("us-west-2", fips) == "https://gamelift-fips.us-west-2.api.aws");
    aws::environment no;
    no.set("AWS_USE_FIPS_ENDPOINT", "yes");  // only "true" is true
    CHECK(url("us-west-2", no) == "https://gamelift.us-west-2.amazonaws.com");
}

TEST_CASE("Endpoint precedence: option, service variable, global variable, services section, profile", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    box.env().set("AWS_ACCESS_KEY_ID", "A");
    box.env().set("AWS_SECRET_ACCESS_KEY", "s");
    box.config("[default]\nendpoint_url = http://profile:1\nservices = local\n");
    CHECK(code_of(box.resolve()) == aws::config_errc::invalid_config_file);  // names a missing section
    box.config("[default]\nendpoint_url = http://profile:1\nservices = local\n"
               "[services local]\ndynamodb =\n  endpoint_url = http://other:2\n");
    CHECK(box.resolve().value().endpoint_url == "http://profile:1");
    box.config("[default]\nendpoint_url = http://profile:1\nservices = local\n"
               "[services local]\ngamelift =\n  endpoint_url = http://services:3\n");
    auto r = box.resolve();
    CHECK(r.value().endpoint_url == "http://services:3");
    CHECK(r.value().endpoint_is_custom);
    box.env().set("AWS_ENDPOINT_URL", "http://global:4");
    CHECK(box.resolve().value().endpoint_url == "http://global:4");
    box.env().set("AWS_ENDPOINT_URL_GAMELIFT", "http://service:5");
    CHECK(box.resolve().value().endpoint_url == "http://service:5");
    aws::client_options options;
    options.endpoint_url = "http://localhost:8080";
    r = box.resolve(options);
    CHECK(r.value().endpoint_url == "http://localhost:8080");
    CHECK(r.value().endpoint_source == "client_options.endpoint_url");
    // Ignoring configured endpoints leaves only the option.
    box.env().set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
    CHECK(box.resolve(options).value().endpoint_url == "http://localhost:8080");
    r = box.resolve();
    CHECK(r.value().endpoint_url == "https://gamelift.us-west-2.amazonaws.com");
    CHECK_FALSE(r.value().endpoint_is_custom);
}

TEST_CASE("A malformed endpoint URL is invalid_endpoint naming the URL; FIPS with a custom endpoint is an error", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    box.env().set("AWS_ACCESS_KEY_ID", "A");
    box.env().set("AWS_SECRET_ACCESS_KEY", "s");
    for (const char* bad : {"localhost:8080", "http://bad host", "ftp://x", "http://h:99999"}) {
        box.env().set("AWS_ENDPOINT_URL", bad);
        const auto r = box.resolve();
        CHECK(code_of(r) == aws::config_errc::invalid_endpoint);
        CHECK(contains(r.error().message, std::string("'") + bad + "'"));
        CHECK(contains(r.error().message, "AWS_ENDPOINT_URL"));
    }
    box.env().set("AWS_ENDPOINT_URL", "http://user:SECRETXYZ@host");
    CHECK_FALSE(contains(box.resolve().error().message, "SECRETXYZ"));
    box.env().set("AWS_ENDPOINT_URL", "http://localhost:8080");
    box.env().set("AWS_USE_FIPS_ENDPOINT", "true");
    const auto r = box.resolve();
    CHECK(code_of(r) == aws::config_errc::fips_with_custom_endpoint);
    CHECK(contains(r.error().message, "AWS_USE_FIPS_ENDPOINT"));
}

TEST_CASE("Retry settings: mode and max attempts from the environment or the profile", "[config]") {
    sandbox box;
    const aws::client_options options;
    CHECK(aws::resolve_retry_settings(options, box.env(), box.files()).value().mode == aws::retry_mode::standard);
    CHECK(aws::resolve_retry_settings(options, box.env(), box.files()).value().max_attempts == 0);
    box.config("[default]\nretry_mode = legacy\nmax_attempts = 7\n");
    auto s = aws::resolve_retry_settings(options, box.env(), box.files());
    CHECK(s.value().mode == aws::retry_mode::legacy);
    CHECK(s.value().max_attempts == 7);
    box.env().set("AWS_RETRY_MODE", "adaptive");
    box.env().set("AWS_MAX_ATTEMPTS", " 2");
    s = aws::resolve_retry_settings(options, box.env(), box.files());
    CHECK(s.value().mode == aws::retry_mode::standard);
    CHECK(s.value().max_attempts == 2);
    box.env().set("AWS_RETRY_MODE", "Standard");
    s = aws::resolve_retry_settings(options, box.env(), box.files());
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code == aws::config_errc::invalid_retry_mode);
    CHECK(contains(s.error().message, "standard, legacy or adaptive"));
    box.env().set("AWS_RETRY_MODE", "standard");
    for (const char* bad : {"0", "-1", "abc", "", "3.0", "99999999999999999999"}) {
        box.env().set("AWS_MAX_ATTEMPTS", bad);
        s = aws::resolve_retry_settings(options, box.env(), box.files());
        REQUIRE_FALSE(s.has_value());
        CHECK(s.error().code == aws::config_errc::invalid_max_attempts);
    }
}

TEST_CASE("The CA bundle comes from AWS_CA_BUNDLE, else the profile", "[config]") {
    sandbox box;
    box.env().set("AWS_REGION", "us-west-2");
    aws::client_options options;
    options.no_sign_request = true;
    CHECK_FALSE(box.resolve(options).value().ca_bundle.has_value());
    box.config("[default]\nca_bundle = ~/ca.pem\n");
    CHECK(box.resolve(options).value().ca_bundle == box.path("ca.pem"));
    box.env().set("AWS_CA_BUNDLE", "/etc/ssl/mine.pem");
    CHECK(box.resolve(options).value().ca_bundle == "/etc/ssl/mine.pem");
}
