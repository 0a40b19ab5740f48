#!/usr/bin/python3
"""GameLift over the wire, end to end over loopback, against boto3 and botocore.

A fake GameLift endpoint on 127.0.0.1 (tests/cli/fake_gamelift_endpoint.py) serves the sample fleet
(read from `describe-game-sessions --builtin-fleet`) and checks every request's SigV4 signature
with botocore's signer. Then:

- describe-game-sessions (this library's wire client over libcurl) and boto3's paginator list it
  with MaxItems, PageSize and StartingToken, and get the same sessions and the same NextToken;
- tokens cross over both ways: boto3 resumes ours, and we resume boto3's;
- faults (throttling every 3rd request, 500s, a truncated 200 body, a body shorter than its
  Content-Length, a dropped connection, an answer that stalls past the read timeout) are retried
  and the listing is exact; past the attempts the exit is 254 (255 for transport failures) with
  the AWS CLI's words and a resume token on stderr, from which the rest comes exactly.

  e2e_loopback.py path/to/describe-game-sessions

Prints one line per failed check and `e2e: N passed, M failed`; exits 1 on a failure.
"""

import datetime
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
import clitest  # noqa: E402
import fake_gamelift_endpoint  # noqa: E402
from clitest import as_cli_json  # noqa: E402

try:
    import boto3
    import botocore.config
    import botocore.session
except ImportError:  # pragma: no cover
    print("e2e: boto3 is missing (Debian: python3-boto3)")
    sys.exit(1)

FLEET = "fleet-db9c5598-9194-4d23-b8bc-927ded35455d"
KEY, SECRET = "AKIDLOOPBACKEXAMPLE", "loopback/secret+key/EXAMPLE"
REGION = "us-west-2"

checks = clitest.Checks()
check = checks.check


def env(extra=None):
    return clitest.aws_env(KEY, SECRET, REGION, extra)


def ours(url, *args, extra_env=None):
    """Runs describe-game-sessions against the endpoint: (exit code, parsed stdout or None, stderr)."""
    code, out, err = clitest.run([CLI, "--endpoint-url", url, "--fleet-id", FLEET, "--output", "json"] + list(args),
                                 env(extra_env))
    return code, comparable(json.loads(out) if out.strip() else None), err


def boto_client(url, attempts=3):
    session = boto3.session.Session(aws_access_key_id=KEY, aws_secret_access_key=SECRET, region_name=REGION)
    return session.client("gamelift", endpoint_url=url, config=botocore.config.Config(
        retries={"mode": "standard", "max_attempts": attempts}))


# Members our model reads that this botocore's service model may predate (Debian's 1.29 has no
# ComputeName): those are left out of our side before comparing.
MODEL_MEMBERS = set(boto3.session.Session().get_available_services() and
                    botocore.session.get_session().get_service_model("gamelift")
                    .shape_for("GameSession").members)


def comparable(listing):
    """Our listing with only the members botocore's model knows."""
    if listing is None:
        return None
    out = dict(listing)
    out["GameSessions"] = [{k: v for k, v in s.items() if k in MODEL_MEMBERS} for s in listing["GameSessions"]]
    return out


def boto_listing(url, max_items=None, page_size=None, starting_token=None):
    config = {}
    if max_items is not None:
        config["MaxItems"] = max_items
    if page_size is not None:
        config["PageSize"] = page_size
    if starting_token is not None:
        config["StartingToken"] = starting_token
    paginator = boto_client(url).get_paginator("describe_game_sessions")
    result = paginator.paginate(FleetId=FLEET, PaginationConfig=config).build_full_result()
    result.pop("ResponseMetadata", None)
    return as_cli_json(result)


def pagination_args(max_items=None, page_size=None, starting_token=None):
    args = []
    if max_items is not None:
        args += ["--max-items", str(max_items)]
    if page_size is not None:
        args += ["--page-size", str(page_size)]
    if starting_token is not None:
        args += ["--starting-token", starting_token]
    return args


def to_wire(session):
    """A session of the CLI's JSON output in wire form (epoch seconds for timestamps)."""
    wire = dict(session)
    for key in ("CreationTime", "TerminationTime"):
        if key in wire:
            moment = datetime.datetime.fromisoformat(wire[key])
            millis = round(moment.timestamp() * 1000)
            wire[key] = millis / 1000 if millis % 1000 else millis // 1000
    return wire


def resume_token_of(stderr):
    match = re.search(r"--starting-token (\S+)", stderr)
    return match.group(1) if match else None


def main():
    fleet = subprocess.run([CLI, "--builtin-fleet", "--fleet-id", FLEET, "--output", "json"],
                           stdout=subprocess.PIPE, check=True, timeout=60, env=env())
    sessions = json.loads(fleet.stdout)["GameSessions"]
    check(len(sessions) == 600, "the sample fleet has 600 sessions (got %d)" % len(sessions))
    expected_order = [s["GameSessionId"] for s in sessions]
    document = {"GameSessions": [to_wire(s) for s in sessions], "Fleets": [FLEET]}

    server = fake_gamelift_endpoint.start(document, default_limit=100, verify=(KEY, SECRET, REGION))
    url = server.url
    try:
        # Same listing, same tokens as boto3's paginator.
        cases = [(None, None), (7, None), (250, 100), (1, 1), (130, 40), (600, 50), (601, 75), (99, 33)]
        for max_items, page_size in cases:
            expected = boto_listing(url, max_items, page_size)
            code, got, err = ours(url, *pagination_args(max_items, page_size))
            check(code == 0 and got == expected,
                  "MaxItems %s PageSize %s: the same as boto3 (exit %d, %s)" % (max_items, page_size, code, err[:300]))
        check(all(x.get("signature_ok") for x in server.exchanges),
              "every request's signature verifies with botocore (%d requests)" % len(server.exchanges))

        # Tokens both ways: a chain that alternates between boto3 and us lists everything once.
        for max_items, page_size in [(45, 20), (101, 100), (7, 3)]:
            listed, token, turn = [], None, 0
            while True:
                if turn % 2 == 0:
                    code, page, err = ours(url, *pagination_args(max_items, page_size, token))
                    if not check(code == 0, "resume chain: our run exits 0 (%s)" % err[:300]):
                        break
                    expected = boto_listing(url, max_items, page_size, token)
                    check(page == expected, "resume chain: our page and token equal boto3's for token %r" % token)
                else:
                    page = boto_listing(url, max_items, page_size, token)
                listed += page["GameSessions"]
                token = page.get("NextToken")
                turn += 1
                if token is None or turn > 200:
                    break
            check([s["GameSessionId"] for s in listed] == expected_order,
                  "resume chain MaxItems %d PageSize %d across boto3 and us lists every session once"
                  % (max_items, page_size))

        # Faults within the attempts: the listing completes exactly.
        full = boto_listing(url, None, 50)
        fault_cases = [
            ("throttling every 3rd request", [(c, "throttle", None) for c in range(3, 60, 3)], []),
            ("two 500s in a row", [(2, "internal", None), (3, "internal", None), (6, "empty500", None)], []),
            ("a truncated 200 body", [(2, "truncate", None), (5, "truncate", None)], []),
            ("a body shorter than its Content-Length", [(3, "short", None)], []),
            ("a dropped connection", [(2, "drop", None), (4, "drop", None)], []),
            ("an answer that stalls past the read timeout", [(2, "slow", 3.0)], ["--cli-read-timeout", "1"]),
        ]
        for name, faults, extra in fault_cases:
            server.set_faults(faults)
            started = time.monotonic()
            code, got, err = ours(url, "--page-size", "50", *extra)
            check(code == 0 and got == full, "%s: the listing is exact (exit %d, %s)" % (name, code, err[:300]))
            check(time.monotonic() - started < 60, "%s: bounded in time" % name)

        # Past the attempts: a typed error, what was listed, and a token from which the rest comes.
        past_cases = [
            ("throttling", [(4, "throttle", None), (5, "throttle", None), (6, "throttle", None)], [],
             254, "An error occurred (ThrottlingException) when calling the DescribeGameSessions operation "
                  "(reached max retries: 2): Rate exceeded"),
            ("500s", [(3, "internal", None), (4, "internal", None), (5, "internal", None)], [],
             254, "An error occurred (InternalServiceException) when calling the DescribeGameSessions operation "
                  "(reached max retries: 2): Internal failure"),
            ("truncated bodies", [(2, "truncate", None), (3, "truncate", None), (4, "truncate", None)], [],
             254, "MalformedResponse"),
            ("stalls", [(3, "slow", 2.0), (4, "slow", 2.0), (5, "slow", 2.0)], ["--cli-read-timeout", "1"],
             255, "Read timeout on endpoint URL"),
        ]
        for name, faults, extra, want_code, want_words in past_cases:
            server.set_faults(faults)
            code, got, err = ours(url, "--page-size", "50", *extra)
            check(code == want_code, "past the attempts (%s): exit %d (got %d: %s)" % (name, want_code, code, err))
            check(want_words in err, "past the attempts (%s): stderr says %r (got %r)" % (name, want_words, err))
            token = resume_token_of(err)
            listed = got["GameSessions"] if got else []
            if check(token is not None, "past the attempts (%s): a resume token on stderr" % name):
                check(got is None or got.get("NextToken") == token,
                      "past the attempts (%s): the output's NextToken is the resume token" % name)
                server.set_faults([])
                code, rest, err = ours(url, "--page-size", "50", "--starting-token", token)
                check(code == 0, "past the attempts (%s): the resumed run succeeds (%s)" % (name, err[:300]))
                listed += rest["GameSessions"] if rest else []
            check(listed == full["GameSessions"], "past the attempts (%s): listed + resumed = the listing, "
                  "exactly (%d of %d)" % (name, len(listed), len(full["GameSessions"])))
        server.set_faults([])

        # A wrong secret: the endpoint refuses the signature, and nothing is listed.
        code, got, err = ours(url, extra_env={"AWS_SECRET_ACCESS_KEY": "wrong"})
        check(code == 254 and got is None and "InvalidSignatureException" in err,
              "a wrong secret: exit 254 with the service's error (got %d: %s)" % (code, err))
        check("wrong" not in err, "a wrong secret is never printed")
    finally:
        server.stop()

    return checks.report("e2e")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    CLI = sys.argv[1]
    sys.exit(main())
