#!/usr/bin/python3
"""The main job for real: gamelift-local served over HTTP, listed by clients no one here wrote.

- boto3's paginator and `/usr/bin/aws gamelift describe-game-sessions` (Debian's AWS CLI v2) list
  gamelift-local and get exactly what `describe-game-sessions --builtin-fleet` prints;
- our program lists gamelift-local with MaxItems cuts inside pages, and tokens cross over both ways
  with the AWS CLI; the NextToken strings are identical for the same cut;
- json, text and table outputs are byte-identical to the AWS CLI's over a set of option
  combinations (gamelift-local --no-compute-name: the Debian CLI's model predates ComputeName);
- faults through gamelift-local are retried exactly; past the attempts the exit is 254 with the
  AWS CLI's words and a resume token on stderr that gives the rest exactly;
- every new option given a bad value, a missing region or missing credentials, and --no-paginate
  with --max-items: one stderr line, the right exit code, nothing on stdout.

  test_gamelift_local.py path/to/describe-game-sessions path/to/gamelift-local

Prints one line per failed check and `gamelift-local: N passed, M failed`; exits 1 on a failure.
"""

import json
import os
import pty
import re
import signal
import subprocess
import sys
import time

import boto3
import botocore.config
import botocore.session

import clitest
from clitest import as_cli_json

FLEET = "fleet-db9c5598-9194-4d23-b8bc-927ded35455d"
KEY, SECRET = "AKIDLOCALEXAMPLE", "local/secret/EXAMPLEKEY"
AWS = "/usr/bin/aws"

checks = clitest.Checks()
check = checks.check


def env(extra=None, drop=()):
    return clitest.aws_env(KEY, SECRET, "us-west-2", extra, drop)


def run(argv, extra_env=None, drop=()):
    return clitest.run(argv, env(extra_env, drop))


class Local:
    """A gamelift-local process on a free port."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([LOCAL, "--port", "0", "--verify-sigv4", "%s:%s" % (KEY, SECRET)] + list(args),
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.proc.stdout.readline().decode()
        match = re.match(r"listening on (http://127\.0\.0\.1:\d+)$", line.strip())
        if not match:
            raise RuntimeError("gamelift-local did not start: %r" % line)
        self.url = match.group(1)

    def stop(self):
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        return self.proc.returncode, err.decode()


def ours(url, *args, extra_env=None):
    return run([CLI, "--endpoint-url", url, "--fleet-id", FLEET] + list(args), extra_env)


def theirs(url, *args):
    return run([AWS, "gamelift", "describe-game-sessions", "--endpoint-url", url, "--fleet-id", FLEET] + list(args))


def known_members(listing, members):
    out = dict(listing)
    out["GameSessions"] = [{k: v for k, v in s.items() if k in members} for s in listing["GameSessions"]]
    return out


def main():
    code, builtin_text, err = run([CLI, "--builtin-fleet", "--fleet-id", FLEET])
    check(code == 0, "--builtin-fleet lists the sample fleet (%s)" % err)
    builtin = json.loads(builtin_text)
    check(len(builtin["GameSessions"]) == 600, "600 sessions in the sample fleet")

    local = Local()
    try:
        # Our program over HTTP prints exactly what it prints in-process.
        code, out, err = ours(local.url)
        check(code == 0 and out == builtin_text, "over HTTP, our output equals --builtin-fleet's (%d %s)" % (code, err))

        # boto3's paginator.
        members = botocore.session.get_session().get_service_model("gamelift").shape_for("GameSession").members
        client = boto3.session.Session(aws_access_key_id=KEY, aws_secret_access_key=SECRET,
                                       region_name="us-west-2").client("gamelift", endpoint_url=local.url)
        full = client.get_paginator("describe_game_sessions").paginate(FleetId=FLEET).build_full_result()
        full.pop("ResponseMetadata", None)
        check(as_cli_json(full) == known_members(builtin, members),
              "boto3's paginator lists gamelift-local exactly as --builtin-fleet prints it")

        # The AWS CLI.
        code, out, err = theirs(local.url)
        cli_members = set(members) - {"ComputeName"}  # the Debian CLI's model predates ComputeName
        check(code == 0 and json.loads(out) == known_members(builtin, cli_members),
              "the AWS CLI lists gamelift-local exactly as --builtin-fleet prints it (%d %s)" % (code, err[:300]))
    finally:
        code, err = local.stop()
        check(code == 0 and "served" in err, "gamelift-local stops cleanly on SIGTERM (%d %s)" % (code, err))

    local = Local("--no-compute-name")
    try:
        # Byte-identical outputs.
        combos = [[], ["--max-items", "7"], ["--max-items", "130", "--page-size", "40"],
                  ["--status-filter", "ACTIVE", "--page-size", "30"], ["--location", "eu-west-1"],
                  ["--page-size", "3", "--max-items", "10"]]
        for output in ("json", "text", "table"):
            for combo in combos if output != "table" else combos[1:3] + combos[5:]:
                args = combo + ["--output", output]
                code_a, out_a, err_a = ours(local.url, *args)
                code_b, out_b, err_b = theirs(local.url, *args)
                check(code_a == code_b == 0 and out_a == out_b,
                      "%s: byte-identical to the AWS CLI (ours %d %s, theirs %d %s)"
                      % (" ".join(args), code_a, err_a[:200], code_b, err_b[:200]))

        # Cross-resume with the AWS CLI, both ways, MaxItems cutting inside pages.
        listed, token, turn = [], None, 0
        while turn < 100:
            args = ["--max-items", "45", "--page-size", "20"] + (["--starting-token", token] if token else [])
            code_a, out_a, _ = ours(local.url, *args)
            code_b, out_b, _ = theirs(local.url, *args) if turn < 4 else (0, out_a, "")
            page_a, page_b = json.loads(out_a), json.loads(out_b)
            check(code_a == 0 and page_a.get("NextToken") == page_b.get("NextToken"),
                  "cross-resume turn %d: the same NextToken as the AWS CLI for the same cut" % turn)
            page = page_a if turn % 2 == 0 else page_b
            listed += [s["GameSessionId"] for s in page["GameSessions"]]
            token = page.get("NextToken")
            turn += 1
            if token is None:
                break
        check(listed == [s["GameSessionId"] for s in builtin["GameSessions"]],
              "cross-resume: alternating with the AWS CLI lists every session once, in order")
    finally:
        local.stop()

    # Faults through gamelift-local.
    for name, args in [("throttling every 3rd request", ["--throttle-every", "3"]),
                       ("a 500 every 2nd request", ["--fail-every", "2"])]:
        local = Local(*args)
        try:
            code, out, err = ours(local.url, "--page-size", "50")
            check(code == 0 and out == builtin_text, "%s: the listing is exact (%d %s)" % (name, code, err))
        finally:
            local.stop()
    local = Local("--throttle-from", "4")
    try:
        code, out, err = ours(local.url, "--page-size", "50")
        check(code == 254, "past the attempts: exit 254 (got %d)" % code)
        check("An error occurred (ThrottlingException) when calling the DescribeGameSessions operation "
              "(reached max retries: 2): Rate exceeded" in err, "past the attempts: the AWS CLI's words (%s)" % err)
        match = re.search(r"--starting-token (\S+)", err)
        first = json.loads(out)["GameSessions"] if out.strip() else []
        check(len(first) == 150, "past the attempts: the 3 pages listed are printed (%d)" % len(first))
    finally:
        local.stop()
    if check(match is not None, "past the attempts: a resume token on stderr"):
        local = Local()
        try:
            code, out, err = ours(local.url, "--page-size", "50", "--starting-token", match.group(1))
            rest = json.loads(out)["GameSessions"] if code == 0 else []
            check(first + rest == builtin["GameSessions"], "past the attempts: the resumed run gives the rest exactly")
        finally:
            local.stop()

    # --debug: each request and response on stderr, the secret, the session token and the signature
    # never; Ctrl-C: exit 130, what was listed printed with its NextToken, the rest resumable exactly;
    # the progress line goes to a terminal stderr only, never into the output.
    local = Local("--latency-ms", "150")
    try:
        token_env = {"AWS_SESSION_TOKEN": "session-TOKEN-example"}
        code, out, err = ours(local.url, "--max-items", "3", "--debug", extra_env=token_env)
        check(code == 0 and json.loads(out)["GameSessions"], "--debug: the listing is on stdout (%d)" % code)
        check("GameLift.DescribeGameSessions" in err and "HTTP 200" in err, "--debug: requests and answers on stderr")
        signatures = re.findall(r"Signature=([0-9a-f]{64})", err)
        check(SECRET not in err and "session-TOKEN-example" not in err and not signatures,
              "--debug: no secret, session token or signature on stderr")

        proc = subprocess.Popen([CLI, "--endpoint-url", local.url, "--fleet-id", FLEET, "--page-size", "10"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        out, err = out.decode(), err.decode()
        check(proc.returncode == 130, "Ctrl-C: exit 130 (got %d: %s)" % (proc.returncode, err))
        first = json.loads(out)["GameSessions"] if out.strip() else []
        match = re.search(r"--starting-token (\S+)", err)
        check(0 < len(first) < 600 and match is not None and json.loads(out).get("NextToken") == match.group(1),
              "Ctrl-C: what was listed is printed with its NextToken, and stderr says how to resume (%d)" % len(first))
        if match:
            code, out, err = ours(local.url, "--page-size", "100", "--starting-token", match.group(1))
            rest = json.loads(out)["GameSessions"] if code == 0 else []
            check(first + rest == builtin["GameSessions"], "Ctrl-C: the resumed run gives the rest exactly")

        master, slave = pty.openpty()
        proc = subprocess.Popen([CLI, "--endpoint-url", local.url, "--fleet-id", FLEET, "--page-size", "50",
                                 "--max-items", "300"], stdout=subprocess.PIPE, stderr=slave, env=env())
        out, _ = proc.communicate(timeout=60)
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        os.close(master)
        check(proc.returncode == 0 and b"pages, " in seen and b"sessions" in seen,
              "a progress line on a terminal stderr (%r)" % seen[-200:])
        check(b"pages, " not in out and len(json.loads(out)["GameSessions"]) == 300,
              "the progress line never appears in the output")
    finally:
        local.stop()

    # Bad input and configuration: one stderr line, the exit code, nothing on stdout.
    url = "http://127.0.0.1:9"  # nothing is sent in any of these
    bad = [
        (["--max-items", "x"], None, (), 252),
        (["--page-size", "-3"], None, (), 252),
        (["--page-size", "0"], None, (), 252),
        (["--no-paginate", "--max-items", "3"], None, (), 252),
        (["--cli-read-timeout", "soon"], None, (), 252),
        (["--cli-connect-timeout", "-1"], None, (), 252),
        (["--cli-input-json", "{not json"], None, (), 252),
        (["--cli-input-json", "file:///nonexistent/input.json"], None, (), 252),
        (["--cli-input-json", '{"Bogus": 1}'], None, (), 252),
        (["--generate-cli-skeleton", "sideways"], None, (), 252),
        (["--output", "yaml-ish"], None, (), 252),
        (["--status-filter", "DONE"], None, (), 252),
        (["--endpoint-url", "notaurl"], None, (), 252),
        (["--bogus-option"], None, (), 252),
        ([], None, ("AWS_REGION",), 253),
        ([], None, ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"), 253),
        (["--profile", "nobody"], None, (), 253),
        ([], {"AWS_SHARED_CREDENTIALS_FILE": BROKEN}, ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"), 253),
    ]
    for args, extra, drop, want in bad:
        argv = [CLI, "--fleet-id", FLEET] + (["--endpoint-url", url] if "--endpoint-url" not in args else []) + args
        code, out, err = run(argv, extra, drop)
        check(code == want and out == "" and err.count("\n") == 1 and err.strip() != "",
              "%s (without %s): exit %d, one stderr line, no stdout (got %d, %r, %r)"
              % (" ".join(args), ",".join(drop) or "-", want, code, out[:80], err))
    code, out, err = run([CLI, "--builtin-fleet", "--fleet-id", "fleet-00000000-0000-0000-0000-000000000000"])
    check(code == 254 and out == "" and "NotFoundException" in err, "an unknown fleet: exit 254 (%d %s)" % (code, err))

    return checks.report("gamelift-local")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    CLI, LOCAL = sys.argv[1], sys.argv[2]
    BROKEN = os.path.join(os.environ.get("TMPDIR", "/tmp"), "pagination-broken-credentials-%d" % os.getpid())
    with open(BROKEN, "w") as f:
        f.write("[default]\naws_access_key_id = AKID\nthis line is not a setting\n")
    try:
        sys.exit(main())
    finally:
        os.unlink(BROKEN)
