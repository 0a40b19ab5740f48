#!/usr/bin/env python3
"""Differential test of aws/config.hpp against botocore (the AWS CLI's configuration code).

Builds random configurations (environment variables, config and credentials files with random
profiles, sections, endpoints, regions, keys and credential_process commands, explicit options),
resolves each with config_driver and with botocore, and compares: error or not, and on success
the region, the endpoint URL, the access key id, the credentials provider and the retry settings.
Exits non-zero on any mismatch.

Documented deviations (docs/wire/config.md), translated before botocore sees a case:
  - AWS_REGION is read (before AWS_DEFAULT_REGION); botocore reads only AWS_DEFAULT_REGION.
  - AWS_PROFILE wins over AWS_DEFAULT_PROFILE; botocore prefers AWS_DEFAULT_PROFILE.
  - FIPS or dual-stack with a custom endpoint is an error here; botocore drops FIPS silently.
  - The retry mode defaults to standard (AWS CLI v2); botocore's default is legacy.

usage: config_oracle.py DRIVER [--cases N] [--seed S]
"""

import argparse
import os
import random
import shutil
import stat
import subprocess
import sys
import tempfile

import botocore.configprovider
import botocore.loaders
import botocore.session

# Configured endpoints (AWS_ENDPOINT_URL*, [services], endpoint_url in a profile) arrived in
# botocore 1.31; with an older botocore (Debian 12 has 1.29) the cases leave them out.
CONFIGURED_ENDPOINTS = hasattr(botocore.configprovider, "ConfiguredEndpointProvider")

# One loader for every session: the service models are read once.
LOADER = botocore.loaders.create_loader()


def new_session(profile):
    session = botocore.session.Session(profile=profile)
    session.register_component("data_loader", LOADER)
    return session

GOOD_REGIONS = ["aws-cn-global", "aws-global", "us-west-2", "eu-central-1", "cn-north-1", "us-gov-west-1", "eusc-de-east-1", "us-isob-east-1"]
REGIONS = ["aws-cn-global", "aws-global", "us-west-2", "eu-central-1", "cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-iso-east-1",
           "eusc-de-east-1", "eu-isoe-west-1", "us-isof-south-1", "us-isob-east-1", "cn-foo", "x",
           "fips-us-east-1", "us-east-1-fips", "us_east", "123", "-bad", "", "ap-southeast-7", "local"]
# Regions whose partition (or whose listing in it) an older botocore does not know are left out.
_PARTITIONS = {p["id"]: p for p in botocore.loaders.create_loader().load_data("partitions")["partitions"]}
_NEEDS = {"eusc-de-east-1": "aws-eusc", "eu-isoe-west-1": "aws-iso-e", "us-isof-south-1": "aws-iso-f",
          "aws-cn-global": "aws-cn"}
_known = lambda r: r not in _NEEDS or (_NEEDS[r] in _PARTITIONS and (
    not r.endswith("-global") or r in _PARTITIONS[_NEEDS[r]]["regions"]))
GOOD_REGIONS = [r for r in GOOD_REGIONS if _known(r)]
REGIONS = [r for r in REGIONS if _known(r)]
# Older partition data has partitions without dual-stack or FIPS (an error there, a URL here).
DUALSTACK_EVERYWHERE = all(p["outputs"].get("supportsDualStack") for p in _PARTITIONS.values())
FIPS_EVERYWHERE = all(p["outputs"].get("supportsFIPS") for p in _PARTITIONS.values())
if not FIPS_EVERYWHERE:
    REGIONS = [r for r in REGIONS if "fips" not in r]
PROFILES = ["default", "dev", "prod", "a b", "missing"]
URLS = ["http://localhost:8080", "https://gamelift.example.com", "http://127.0.0.1:9000/base",
        "https://[::1]:8443", "localhost:8080", "http://bad host", "ftp-like"]
BOOLS = ["true", "TRUE", "True", "false", "yes", "1"]
MODES = ["standard", "legacy", "adaptive", "Standard", "bogus"]
ATTEMPTS = ["1", "3", "0", "-1", "abc", " 2", "+4", "1_0", "3.0"]

SCRIPTS = {
    "cp_ok": 'printf \'{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "s", "SessionToken": "t"}\'',
    "cp_exp": 'printf \'{"Version": 1, "AccessKeyId": "AKIDEXP", "SecretAccessKey": "s", '
              '"Expiration": "2099-01-01T00:00:00Z"}\'',
    "cp_fail": "echo 'no credentials here' >&2; exit 3",
    "cp_garbage": "echo not json",
    "cp_v2": 'printf \'{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "s"}\'',
    "cp_nokey": 'printf \'{"Version": 1, "SecretAccessKey": "s"}\'',
}


def header(rng, name):
    if name == "default":
        return rng.choice(["[default]", "[default]", "[profile default]"])
    if name == "a b":
        return '[profile "a b"]'
    return rng.choice(["[profile %s]", "[profile  %s ]", "[profile %s]"]) % name


def setting(rng, key, value):
    k = key if rng.random() < 0.85 else key.upper()
    return "%s%s%s" % (k, rng.choice([" = ", "=", ": ", " ="]), value)


def random_config(rng, scripts):
    lines = []
    if rng.random() < 0.1:
        lines += ["# a comment", "; another"]
    used = set()
    for name in rng.sample(PROFILES[:4], rng.randint(1, 4)):
        if name == "default" and "default" in used:
            continue
        used.add(name)
        lines.append(header(rng, name))
        if rng.random() < 0.5:
            lines.append(setting(rng, "region", rng.choice(REGIONS if rng.random() < 0.3 else GOOD_REGIONS)))
        if CONFIGURED_ENDPOINTS and rng.random() < 0.15:
            lines.append(setting(rng, "endpoint_url", rng.choice(URLS)))
        if CONFIGURED_ENDPOINTS and rng.random() < 0.15:
            lines.append(setting(rng, "services", rng.choice(["svc", "svc", "nosuch"])))
        if FIPS_EVERYWHERE and rng.random() < 0.1:
            lines.append(setting(rng, "use_fips_endpoint", rng.choice(BOOLS)))
        if CONFIGURED_ENDPOINTS and rng.random() < 0.1:
            lines.append(setting(rng, "ignore_configured_endpoint_urls", rng.choice(BOOLS)))
        if rng.random() < 0.35:
            lines.append(setting(rng, "aws_access_key_id", "AKIDCONFIG" + name.replace(" ", "")))
            if rng.random() < 0.85:
                lines.append(setting(rng, "aws_secret_access_key", "secret"))
        if rng.random() < 0.25:
            lines.append(setting(rng, "credential_process", scripts[rng.choice(list(SCRIPTS))]))
        if rng.random() < 0.1:
            lines.append(setting(rng, "retry_mode", rng.choice(MODES)))
        if rng.random() < 0.1:
            lines.append(setting(rng, "max_attempts", rng.choice(ATTEMPTS)))
        if rng.random() < 0.05:
            lines += ["s3 =", "  addressing_style = path", "", "  signature_version = s3v4"]
        if rng.random() < 0.1:
            lines.append("")
    if CONFIGURED_ENDPOINTS and rng.random() < 0.3:
        lines.append("[services svc]")
        if rng.random() < 0.8:
            lines += ["gamelift =", "  endpoint_url = " + rng.choice(URLS)]
        if rng.random() < 0.3:
            lines += ["dynamodb =", "  endpoint_url = http://other:1"]
    if rng.random() < 0.1:
        lines += ["[preview]", "cloudfront = true"]
    if rng.random() < 0.04:
        broken = rng.choice([["garbage line without delimiter"], ["[dup]", "[dup]"],
                             ["[profile zz]", "region = a", "region = b"], ["[profile yy]", "= novalue"],
                             ["[profile xx]", "sub =", "  nodelimiter"]])
        at = rng.randint(0, len(lines))
        lines[at:at] = broken
    if rng.random() < 0.03:
        lines.insert(0, "region = before-any-section")
    return "\n".join(lines) + ("\n" if rng.random() < 0.9 else "")


def random_credentials(rng):
    lines = []
    for name in rng.sample(["default", "dev", "prod", "profile dev", "a b"], rng.randint(0, 4)):
        lines.append("[%s]" % name)
        if rng.random() < 0.7:
            lines.append(setting(rng, "aws_access_key_id", "AKIDCREDS" + name.replace(" ", "")))
            if rng.random() < 0.85:
                lines.append(setting(rng, "aws_secret_access_key", "secret"))
            if rng.random() < 0.3:
                lines.append(setting(rng, "aws_session_token", "token"))
        if rng.random() < 0.15:
            lines.append(setting(rng, "region", rng.choice(REGIONS)))
    if rng.random() < 0.04:
        lines.insert(rng.randint(0, len(lines)), "not a setting")
    return "\n".join(lines) + "\n"


def random_case(rng, home, scripts):
    env = {"HOME": home}
    opts = {}
    pick = lambda p: rng.random() < p
    if pick(0.3):
        env["AWS_REGION"] = rng.choice(REGIONS if pick(0.3) else GOOD_REGIONS)
    if pick(0.3):
        env["AWS_DEFAULT_REGION"] = rng.choice(REGIONS)
    if pick(0.2):
        env["AWS_PROFILE"] = rng.choice(PROFILES[:4] if pick(0.8) else PROFILES)
    if pick(0.15):
        env["AWS_DEFAULT_PROFILE"] = rng.choice(PROFILES[:4] if pick(0.8) else PROFILES)
    if pick(0.3):
        env["AWS_ACCESS_KEY_ID"] = "AKIDENV"
        if pick(0.85):
            env["AWS_SECRET_ACCESS_KEY"] = "secret"
        if pick(0.3):
            env["AWS_SESSION_TOKEN"] = "token"
    if pick(0.03):
        env["AWS_SECRET_ACCESS_KEY"] = "secret-only"
    if CONFIGURED_ENDPOINTS and pick(0.1):
        env["AWS_ENDPOINT_URL"] = rng.choice(URLS + [""])
    if CONFIGURED_ENDPOINTS and pick(0.1):
        env["AWS_ENDPOINT_URL_GAMELIFT"] = rng.choice(URLS + [""])
    if CONFIGURED_ENDPOINTS and pick(0.08):
        env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = rng.choice(BOOLS)
    if FIPS_EVERYWHERE and pick(0.08):
        env["AWS_USE_FIPS_ENDPOINT"] = rng.choice(BOOLS)
    if DUALSTACK_EVERYWHERE and pick(0.05):
        env["AWS_USE_DUALSTACK_ENDPOINT"] = rng.choice(BOOLS)
    if pick(0.08):
        env["AWS_RETRY_MODE"] = rng.choice(MODES)
    if pick(0.08):
        env["AWS_MAX_ATTEMPTS"] = rng.choice(ATTEMPTS)
    where = rng.random()
    if where < 0.6:
        env["AWS_CONFIG_FILE"] = os.path.join(home, "cfg")
    elif where < 0.75:
        env["AWS_CONFIG_FILE"] = "~/cfg"
    elif where < 0.85:
        env["CFGDIR"] = home
        env["AWS_CONFIG_FILE"] = "${CFGDIR}/cfg"
    else:
        env["AWS_CONFIG_FILE"] = os.path.join(home, "no-such-file")
    env["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(home, "creds" if pick(0.85) else "absent")
    if pick(0.15):
        opts["profile"] = rng.choice(PROFILES)
    if pick(0.5):
        opts["region"] = rng.choice(GOOD_REGIONS)
    if pick(0.12):
        opts["endpoint"] = rng.choice(URLS)
    return env, opts, random_config(rng, scripts), random_credentials(rng)


def run_driver(driver, env, opts):
    text = "".join("env %s=%s\n" % kv for kv in env.items())
    text += "".join("opt %s %s\n" % kv for kv in opts.items())
    out = subprocess.run([driver], input=text.encode(), stdout=subprocess.PIPE, timeout=30, check=True).stdout
    return out.decode().rstrip("\n").split("\t")


def fips_or_dual(env, scoped, region):
    for var, key in (("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint"), ("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint")):
        value = env[var] if var in env else scoped.get(key, "false")
        if isinstance(value, str) and value.lower() == "true":
            return True
    return region is not None and ("fips-" in region or "-fips" in region)


def run_botocore(env, opts):
    """(ok, region, endpoint, key, source, mode, attempts) or (False, error)."""
    env = dict(env)
    if "AWS_REGION" in env:
        env["AWS_DEFAULT_REGION"] = env.pop("AWS_REGION")
    if "AWS_PROFILE" in env:
        env.pop("AWS_DEFAULT_PROFILE", None)
    # Keep botocore away from the real machine: no metadata service, no boto2 config.
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    env["BOTO_CONFIG"] = "/nonexistent/boto"
    env["PATH"] = os.environ.get("PATH", "/usr/bin:/bin")
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        session = new_session(opts.get("profile"))
        creds = session.get_credentials()
        scoped = session.get_scoped_config()
        client = session.create_client("gamelift", region_name=opts.get("region"),
                                       endpoint_url=opts.get("endpoint"))
        region_raw = opts.get("region", env.get("AWS_DEFAULT_REGION", scoped.get("region")))
        # Whether a configured endpoint was used: the same client without any is different.
        os.environ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true"
        plain = new_session(opts.get("profile")).create_client(
            "gamelift", region_name=opts.get("region"))
        configured = "endpoint" in opts or plain._endpoint.host != client._endpoint.host
        os.environ.pop("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        if "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS" in env:
            os.environ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]
        if configured and fips_or_dual(env, scoped, region_raw):
            return (False, "fips with custom endpoint (deviation)")
        if creds is None:
            return (False, "no credentials")
        retries = client.meta.config.retries or {}
        mode = retries.get("mode", "legacy")
        mode = "standard" if mode == "adaptive" else mode
        if "AWS_RETRY_MODE" not in env and "retry_mode" not in scoped:
            mode = "standard"
        attempts = str(retries.get("total_max_attempts", 0))
        # The URL requests go to comes from the endpoint rule set (client._endpoint.host is the
        # legacy resolver's guess, which differs for some partitions).
        operation = client.meta.service_model.operation_model("DescribeGameSessions")
        url = client._ruleset_resolver.construct_endpoint(operation, {}, {}).url
        return (True, client.meta.region_name, url, creds.access_key, creds.method, mode, attempts)
    except Exception as e:  # every botocore failure is a configuration error here
        return (False, "%s: %s" % (type(e).__name__, e))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("driver")
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261130)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="config_oracle_")
    failures = 0
    counts = {"ok": 0, "error": 0}
    kinds = {}
    try:
        scripts = {}
        for name, body in SCRIPTS.items():
            path = os.path.join(work, name + ".sh")
            with open(path, "w") as f:
                f.write("#!/bin/sh\n" + body + "\n")
            os.chmod(path, stat.S_IRWXU)
            scripts[name] = path
        for i in range(args.cases):
            home = os.path.join(work, "case%d" % i)
            os.mkdir(home)
            env, opts, config, creds = random_case(rng, home, scripts)
            with open(os.path.join(home, "cfg"), "w") as f:
                f.write(config)
            with open(os.path.join(home, "creds"), "w") as f:
                f.write(creds)
            ours = run_driver(args.driver, env, opts)
            theirs = run_botocore(env, opts)
            ok = ours[0] == "ok"
            counts["ok" if ok else "error"] += 1
            kind = "ok/" + ours[4] if ok else ours[1]
            kinds[kind] = kinds.get(kind, 0) + 1
            same = ok == theirs[0] and (not ok or tuple(ours[1:]) == tuple(theirs[1:]))
            if not same:
                failures += 1
                if failures <= 10:
                    print("MISMATCH case %d\n  env=%r\n  opts=%r\n  config:\n%s\n  credentials:\n%s\n  ours=%r\n  botocore=%r"
                          % (i, env, opts, config, creds, ours, theirs))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not CONFIGURED_ENDPOINTS:
        print("botocore %s has no configured endpoints: those cases were left out" % botocore.__version__)
    print("%d cases (%d resolved, %d errors), %d mismatches" % (args.cases, counts["ok"], counts["error"], failures))
    print("outcomes:", ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
