#!/usr/bin/python3
"""Byte-for-byte comparison of describe-game-sessions' output renderers with the AWS CLI v2.

  test_aws_cli_output.py path/to/aws_cli_output_driver [--program path/to/describe-game-sessions]
                         [--seed N] [--jobs N] [--keep DIR]

Generates game sessions in wire form (all members, missing members, odd Unicode, fractional
timestamps, several or no GameProperties, unknown members and enum values), serves them with
fake_gamelift_endpoint.py on 127.0.0.1, and runs for each case and each of --output json, text
and table:
  - /usr/bin/aws gamelift describe-game-sessions --endpoint-url ... (Debian's AWS CLI v2), and
  - the driver, on the exchanges that CLI run had with the endpoint (the driver walks the same
    pages with this library's paginator and prints them with programs/describe_game_sessions/
    output.hpp),
then compares stdout byte for byte. Table output is compared at the width the CLI uses when
stdout is not a terminal (80) and, under a pseudo-terminal, at a width wide enough for the
horizontal layout. With --program, also runs describe-game-sessions itself beside the CLI with
--no-paginate: one call each to the same endpoint, the page printed as it came with its NextToken
(in text, a leading line of its own). Also checks that east_asian_width.hpp is what its generator
writes.

Prints one line per case, a unified diff for each mismatch, and `N passed, M failed`; exits 1
on a mismatch. Standard library only; 23 CLI calls of about 1.2 s of CPU each, two at a time
(--jobs): about 15 s on an idle machine.
"""

import argparse
import base64
import concurrent.futures
import difflib
import fcntl
import http.client
import json
import os
import pty
import random
import struct
import subprocess
import sys
import tempfile
import termios
import tty
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import clitest  # noqa: E402
import fake_gamelift_endpoint  # noqa: E402

AWS = "/usr/bin/aws"
FLEET = "fleet-1a2b3c4d-0000-4000-8000-000000000001"
OTHER_FLEET = "fleet-9f8e7d6c-0000-4000-8000-000000000002"
REGION = "us-west-2"
# The reference CLI (2.9.19) predates ComputeName; like any unknown member it is dropped.
MEMBERS_UNKNOWN_TO_CLI = ["ComputeName"]
WIDE_TERMINAL = 2000
CALL_TIMEOUT = 60

ODD_TEXT = [
    "Lobby ☃", "対戦ルーム", "ｆｕｌｌｗｉｄｔｈ", "e\u0301clair", "Ωmega ±1", "🎮 party", "👩\u200d💻 dev",
    "\ue000 private", "𠀋 ext-B", "soft\u00adhyphen", "tab\there", "line\nbreak", "quote \" and \\",
    "ctrl \x01\x7f", "plain-name", "x", "", "Ünïcödé ß", "한국어 방", "Привет", "العربية", "·•°",
]
STATUSES = ["ACTIVE", "ACTIVE", "ACTIVATING", "TERMINATED", "TERMINATING", "ERROR", "HIBERNATING"]
REASONS = ["INTERRUPTED", "TRIGGERED_ON_PROCESS_TERMINATE", "FORCE_TERMINATED", "SCALED_DOWN"]
LOCATIONS = ["us-west-2", "us-east-1", "eu-west-1", "ap-northeast-1"]


# ------------------------------------------------------------------------------------------
# Sessions in wire form
# ------------------------------------------------------------------------------------------

def wire_time(rng):
    """Epoch seconds as a JSON number: whole, or with a millisecond fraction."""
    seconds = rng.randrange(1_450_000_000, 1_790_000_000)
    ms = rng.choice([0, 0, 5, 57, 100, 500, 999, rng.randrange(1, 1000)])
    return seconds if ms == 0 else seconds + ms / 1000


def make_session(rng, index, fleet, full=False, minimal=False):
    def maybe(p):
        return full or (not minimal and rng.random() < p)

    custom = rng.choice(ODD_TEXT[:3] + ["gs-%d" % index, "custom-%04d" % index])
    s = {"GameSessionId": "arn:aws:gamelift:%s::gamesession/%s/%s" % (REGION, fleet, custom)}
    if maybe(0.8):
        s["Name"] = rng.choice(ODD_TEXT)
    s["FleetId"] = fleet
    if maybe(0.6):
        s["FleetArn"] = "arn:aws:gamelift:%s:123456789012:fleet/%s" % (REGION, fleet)
    if maybe(0.85):
        s["CreationTime"] = wire_time(rng)
    if maybe(0.3):
        s["TerminationTime"] = wire_time(rng)
    if maybe(0.7):
        s["CurrentPlayerSessionCount"] = rng.randrange(0, 200)
    if maybe(0.7):
        s["MaximumPlayerSessionCount"] = rng.randrange(1, 200)
    if maybe(0.9):
        s["Status"] = rng.choice(STATUSES)
    if maybe(0.2):
        s["StatusReason"] = rng.choice(REASONS)
    # GameProperties is always on the wire (the service sends [] when there are none).
    s["GameProperties"] = [
        {"Key": rng.choice(ODD_TEXT + ["mode", "map", "k%d" % k]), "Value": rng.choice(ODD_TEXT + ["ctf", "42"])}
        for k in range(rng.choice([0, 0, 1, 2, 4]) if not full else 3)
    ]
    if maybe(0.6):
        s["IpAddress"] = "10.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    if maybe(0.5):
        s["DnsName"] = "ec2-10-0-0-%d.%s.compute.amazonaws.com" % (index, REGION)
    if maybe(0.7):
        s["Port"] = rng.randrange(1024, 65536)
    if maybe(0.5):
        s["PlayerSessionCreationPolicy"] = rng.choice(["ACCEPT_ALL", "DENY_ALL"])
    if maybe(0.3):
        s["CreatorId"] = "player-" + rng.choice(ODD_TEXT)
    if maybe(0.3):
        s["GameSessionData"] = json.dumps({"map": rng.choice(ODD_TEXT)}, ensure_ascii=False)
    if maybe(0.25):
        s["MatchmakerData"] = json.dumps({"matchId": "m-%d" % index, "teams": [{"name": "red"}]})
    if maybe(0.7):
        s["Location"] = rng.choice(LOCATIONS)
    if maybe(0.4):
        s["ComputeName"] = "compute-%d" % index
    if maybe(0.1):
        s["SomeFutureMember"] = {"added": "later"}  # unknown members are ignored by both
    return s


def make_listing(seed):
    rng = random.Random(seed)
    sessions = []
    for i in range(26):
        fleet = OTHER_FLEET if i % 7 == 3 else FLEET
        sessions.append(make_session(rng, i, fleet, full=(i in (0, 12)), minimal=(i in (5, 17))))
    return {"GameSessions": sessions}


EMPTY_LISTING = {"Fleets": [FLEET], "GameSessions": []}

# A listing whose 80-column table scales a column to exactly n + 0.5 where rounding half to even
# and rounding half away from zero give different tables (found by searching seeds with the CLI's
# own table code; kept literally so that generator changes do not lose it).
ROUNDING_TIE_LISTING = {"GameSessions": [
    {"GameSessionId": "arn:aws:gamelift:us-west-2::gamesession/%s/\u5bfe\u6226\u30eb\u30fc\u30e0" % FLEET,
     "FleetId": FLEET, "GameProperties": []},
    {"GameSessionId": "arn:aws:gamelift:us-west-2::gamesession/%s/Lobby \u2603" % FLEET,
     "Name": "\U0001f469\u200d\U0001f4bb dev", "FleetId": FLEET,
     "FleetArn": "arn:aws:gamelift:us-west-2:123456789012:fleet/%s" % FLEET,
     "CreationTime": 1763985321.785, "CurrentPlayerSessionCount": 146, "MaximumPlayerSessionCount": 68,
     "Status": "ACTIVATING",
     "GameProperties": [{"Key": "map", "Value": ""}, {"Key": "mode", "Value": ""},
                        {"Key": "tab\there", "Value": "\u00b7\u2022\u00b0"}, {"Key": "line\nbreak", "Value": "42"}],
     "DnsName": "ec2-10-0-0-1.us-west-2.compute.amazonaws.com", "Port": 54647,
     "CreatorId": "player-\U0001f3ae party", "Location": "eu-west-1", "ComputeName": "compute-1"},
]}


# ------------------------------------------------------------------------------------------
# Running the CLI and the driver
# ------------------------------------------------------------------------------------------

def cli_env():
    return clitest.aws_env("x", "y", REGION, {"AWS_DEFAULT_REGION": REGION, "AWS_RETRY_MODE": "standard",
                                              "AWS_MAX_ATTEMPTS": "1"})


def run_on_pty(argv, env, width):
    """Runs argv with stdout on a raw pseudo-terminal `width` columns wide; returns (rc, out, err)."""
    master, slave = pty.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
        tty.setraw(slave)  # no \n -> \r\n translation: the bytes are the program's
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE,
                                env=env)
    finally:
        os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the last writer closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    err = proc.stderr.read()
    proc.stderr.close()
    rc = proc.wait(CALL_TIMEOUT)
    return rc, b"".join(chunks), err


def run_cli(url, fmt, options, width=None):
    argv = [AWS, "gamelift", "describe-game-sessions", "--endpoint-url", url, "--region", REGION,
            "--fleet-id", FLEET, "--output", fmt] + options
    if width is None:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, env=cli_env(),
                           timeout=CALL_TIMEOUT)
        return p.returncode, p.stdout, p.stderr
    return run_on_pty(argv + ["--color", "off"], cli_env(), width)


def driver_options(options):
    """The CLI's pagination options that the driver takes too."""
    out = []
    for name in ("--max-items", "--page-size", "--starting-token"):
        if name in options:
            out += [name, options[options.index(name) + 1]]
    return out


def run_driver(driver, exchanges_path, fmt, options, width):
    argv = [driver, "--exchanges", exchanges_path, "--output", fmt, "--width", str(width)]
    for member in MEMBERS_UNKNOWN_TO_CLI:
        argv += ["--ignore-member", member]
    argv += driver_options(options)
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=CALL_TIMEOUT)
    return p.returncode, p.stdout, p.stderr


def write_exchanges(path, exchanges):
    with open(path, "w", encoding="utf-8") as f:
        for e in exchanges:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")


def show(data):
    return data.decode("utf-8", "replace").splitlines(keepends=True)


def compare_once(driver, workdir, name, listing, fmt, options, width=None):
    """One case in one format: returns (ok, report)."""
    server = fake_gamelift_endpoint.start(listing)
    try:
        rc, cli_out, cli_err = run_cli(server.url, fmt, options, width)
        exchanges = list(server.exchanges)
    finally:
        server.stop()
    label = "%s --output %s%s" % (name, fmt, "" if width is None else " (terminal width %d)" % width)
    if rc != 0:
        return False, "%s: the AWS CLI failed (%d): %s" % (label, rc, cli_err.decode("utf-8", "replace"))
    path = os.path.join(workdir, "%s.%s.%s.jsonl" % (name, fmt, width or "pipe"))
    write_exchanges(path, exchanges)
    drc, ours, derr = run_driver(driver, path, fmt, options, width or 80)
    if drc != 0:
        return False, "%s: the driver failed (%d): %s" % (label, drc, derr.decode("utf-8", "replace"))
    if ours != cli_out:
        diff = "".join(difflib.unified_diff(show(cli_out), show(ours), "aws (CLI v2)", "driver"))
        return False, "%s: outputs differ (%d pages)\n%s" % (label, len(exchanges), diff)
    return True, "%s: identical (%d pages, %d bytes)" % (label, len(exchanges), len(ours))


def no_paginate_case(program, listing, fmt, page_limit):
    """--no-paginate: the CLI and describe-game-sessions each make one call to the same endpoint,
    which serves `page_limit` sessions, and print the same bytes."""
    known = {"GameSessions": [{k: v for k, v in s.items() if k not in MEMBERS_UNKNOWN_TO_CLI}
                              for s in listing["GameSessions"]]}
    server = fake_gamelift_endpoint.start(known, default_limit=page_limit)
    try:
        rc, cli_out, cli_err = run_cli(server.url, fmt, ["--no-paginate"])
        p = subprocess.run([program, "--endpoint-url", server.url, "--region", REGION, "--fleet-id", FLEET,
                            "--output", fmt, "--no-paginate"], stdin=subprocess.DEVNULL, capture_output=True,
                           env=cli_env(), timeout=CALL_TIMEOUT)
        calls = len(server.exchanges)
        token = "NextToken" in server.exchanges[0]["response"] if calls else False
    finally:
        server.stop()
    label = "--no-paginate, a page of %d%s, --output %s" % (page_limit, " and a NextToken" if token else "", fmt)
    if rc != 0 or p.returncode != 0:
        return False, "%s: the AWS CLI exited %d (%s), describe-game-sessions %d (%s)" % (
            label, rc, cli_err.decode("utf-8", "replace"), p.returncode, p.stderr.decode("utf-8", "replace"))
    if calls != 2:
        return False, "%s: %d calls to the endpoint, expected one each" % (label, calls)
    if p.stdout != cli_out:
        diff = "".join(difflib.unified_diff(show(cli_out), show(p.stdout), "aws (CLI v2)", "describe-game-sessions"))
        return False, "%s: outputs differ\n%s" % (label, diff)
    return True, "%s: describe-game-sessions prints what the CLI prints (%d bytes)" % (label, len(cli_out))


def program_mode_case(driver, workdir, listing):
    """fake_gamelift_endpoint.py as a program: the `listing on` line and the --log file."""
    sessions_path = os.path.join(workdir, "program_mode.sessions.json")
    log_path = os.path.join(workdir, "program_mode.log.jsonl")
    with open(sessions_path, "w", encoding="utf-8") as f:
        json.dump(listing, f, ensure_ascii=False)
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "fake_gamelift_endpoint.py"), sessions_path,
                             "--default-limit", "6", "--log", log_path, "--serve-seconds", "90"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline().strip()
        if not first.startswith("listing on http://127.0.0.1:"):
            return False, "program mode: unexpected first line %r" % first
        url = first.split(" ", 2)[2]
        rc, cli_out, cli_err = run_cli(url, "text", [])
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()
    if rc != 0:
        return False, "program mode: the AWS CLI failed: %s" % cli_err.decode("utf-8", "replace")
    drc, ours, derr = run_driver(driver, log_path, "text", [], 80)
    if drc != 0 or ours != cli_out:
        diff = "".join(difflib.unified_diff(show(cli_out), show(ours), "aws (CLI v2)", "driver"))
        return False, "program mode --output text: differs (%d)\n%s%s" % (drc, derr.decode(), diff)
    return True, "program mode (fake_gamelift_endpoint.py --log) --output text: identical"


def post(url, body, target=fake_gamelift_endpoint.TARGET):
    """(status, parsed body or None); None, None when the connection closed without an answer."""
    request = urllib.request.Request(url + "/", data=json.dumps(body).encode(), method="POST",
                                     headers={"X-Amz-Target": target, "Content-Type": fake_gamelift_endpoint.CONTENT_TYPE})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")
    except (urllib.error.URLError, ConnectionError, http.client.HTTPException):
        return None, None


def endpoint_cases(listing):
    """The fake endpoint's own rules, without the CLI: paging, filters, errors and faults."""
    checks = []
    server = fake_gamelift_endpoint.start(listing, faults=[(1, "throttle", None), (2, "internal", None),
                                                           (3, "empty500", None), (4, "drop", None),
                                                           (7, "repeat-token", None)], default_limit=4)
    try:
        first = {"FleetId": FLEET, "Limit": 3}
        checks.append(("throttle@1", post(server.url, first)[0] == 400))
        checks.append(("internal@2", post(server.url, first) == (500, {"__type": "InternalServiceException",
                                                                     "message": "Internal failure"})))
        checks.append(("empty500@3", post(server.url, first) == (500, None)))
        checks.append(("drop@4", post(server.url, first) == (None, None)))
        status, page = post(server.url, first)
        expected = [s for s in listing["GameSessions"] if s["FleetId"] == FLEET]
        checks.append(("Limit 3 and a p:3 token", status == 200 and page["GameSessions"] == expected[:3]
                       and page["NextToken"] == "p:3"))
        status, page = post(server.url, dict(first, NextToken="p:3"))
        checks.append(("NextToken continues", status == 200 and page["GameSessions"] == expected[3:6]))
        status, again = post(server.url, dict(first, NextToken="p:6"))
        checks.append(("repeat-token@7", status == 200 and again["NextToken"] == page["NextToken"]))
        status, page = post(server.url, {"FleetId": FLEET, "StatusFilter": "ACTIVE", "Location": "us-west-2",
                                         "Limit": 100})
        checks.append(("StatusFilter and Location", status == 200 and "NextToken" not in page and page["GameSessions"] == [
            s for s in expected if s.get("Status") == "ACTIVE" and s.get("Location") == "us-west-2"]))
        status, page = post(server.url, {"FleetId": FLEET})
        checks.append(("default limit", status == 200 and len(page["GameSessions"]) == 4))
        checks.append(("bad token", post(server.url, {"FleetId": FLEET, "NextToken": "zz"})[1]["__type"].endswith(
            "#InvalidRequestException")))
        checks.append(("unknown fleet", post(server.url, {"FleetId": "fleet-none"})[1]["__type"].endswith(
            "#NotFoundException")))
        checks.append(("no fleet", post(server.url, {})[1]["__type"].endswith("#InvalidRequestException")))
        checks.append(("wrong target", post(server.url, first, "GameLift.ListFleets")[0] == 400))
        checks.append(("exchanges recorded", len(server.exchanges) == 13))
    finally:
        server.stop()
    bad = [name for name, ok in checks if not ok]
    return not bad, "fake endpoint rules (%d checks)%s" % (len(checks), ": failed " + ", ".join(bad) if bad else "")


def east_asian_width_case():
    header = os.path.join(ROOT, "programs", "describe_game_sessions", "east_asian_width.hpp")
    generator = os.path.join(ROOT, "programs", "describe_game_sessions", "gen_east_asian_width.py")
    # The CLI's own Python: its unicodedata is what the table must match.
    fresh = subprocess.run(["/usr/bin/python3", generator], capture_output=True, check=True).stdout
    with open(header, "rb") as f:
        ok = f.read() == fresh
    return ok, "east_asian_width.hpp %s the CLI Python's unicodedata" % ("matches" if ok else "is OUT OF DATE with")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("driver")
    parser.add_argument("--program", help="describe-game-sessions, to compare its --no-paginate output too")
    parser.add_argument("--seed", type=int, default=20260115)
    parser.add_argument("--jobs", type=int, default=2, help="CLI calls at once (default 2)")
    parser.add_argument("--keep", help="keep the exchange logs in this directory")
    args = parser.parse_args(argv)
    if not os.access(AWS, os.X_OK):
        print("SKIP: %s (the AWS CLI v2) is not installed" % AWS)
        return 0

    listing = make_listing(args.seed)
    workdir = args.keep or tempfile.mkdtemp(prefix="aws_cli_output.")
    os.makedirs(workdir, exist_ok=True)

    # A resume token as the CLI prints it for --max-items 7 --page-size 4 (base64 of botocore's
    # JSON token map): the CLI must accept it, and so must the library.
    token = base64.b64encode(json.dumps({"NextToken": "p:4", "boto_truncate_amount": 3}).encode()).decode()

    cases = [  # (name, listing, CLI options, formats, terminal widths: None = a pipe)
        ("all", listing, [], ("json", "text", "table"), (None, WIDE_TERMINAL)),
        ("max-items-cuts-page", listing, ["--max-items", "7"], ("text",), (None,)),
        ("max-items-cuts-page-4", listing, ["--max-items", "13", "--page-size", "4"], ("json", "text", "table"), (None,)),
        ("max-items-on-boundary", listing, ["--max-items", "8", "--page-size", "4"], ("json", "text", "table"), (None,)),
        ("status-filter", listing, ["--status-filter", "ACTIVE", "--page-size", "3"], ("json", "text", "table"),
         (None, WIDE_TERMINAL)),
        ("small-pages", listing, ["--page-size", "1", "--max-items", "5"], ("text",), (None,)),
        ("rounding-tie", ROUNDING_TIE_LISTING, [], ("table",), (None,)),
        ("empty-listing", EMPTY_LISTING, [], ("json", "text", "table"), (None,)),
        ("starting-token", listing, ["--starting-token", token, "--page-size", "4", "--max-items", "6"],
         ("json", "text", "table"), (None,)),
    ]

    jobs = []
    for name, data, options, formats, widths in cases:
        for fmt in formats:
            for width in widths:
                if width is not None and fmt != "table":
                    continue
                jobs.append((name, data, fmt, options, width))

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(compare_once, args.driver, workdir, name, data, fmt, options, width)
                   for name, data, fmt, options, width in jobs]
        futures.append(pool.submit(program_mode_case, args.driver, workdir, listing))
        if args.program:
            futures += [pool.submit(no_paginate_case, args.program, listing, fmt, page_limit)
                        for page_limit, fmt in ((4, "json"), (4, "text"), (4, "table"), (100, "text"))]
        for f in futures:
            try:
                results.append(f.result())
            except Exception as e:  # a crash of the harness is a failure, not a pass
                results.append((False, "harness error: %r" % (e,)))
    results.append(endpoint_cases(listing))
    results.append(east_asian_width_case())

    passed = sum(1 for ok, _ in results if ok)
    failed = len(results) - passed
    for ok, report in results:
        print(("ok    " if ok else "FAIL  ") + report)
    print("%d passed, %d failed" % (passed, failed))
    if failed and not args.keep:
        print("exchange logs kept in %s" % workdir)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
