#!/usr/bin/python3
"""End-to-end test of the describe-game-sessions example program.

Runs the built binary against its in-process sample fleet and checks what a user sees: the JSON
output's exact shape and member names, --max-items and --starting-token chains that together list
every session exactly once, the filters, the text and table outputs, and that every bad option,
value, token or request ends with one line on stderr, nothing on stdout and the AWS CLI's exit
code (252 usage or parameter, 254 service error).

  test_cli.py path/to/describe-game-sessions

Prints one line per failed check and a closing `cli: N passed, M failed`; exits 1 on a failure.
Standard library only.
"""

import json
import sys
import traceback

import clitest

FLEET_ID = "fleet-db9c5598-9194-4d23-b8bc-927ded35455d"
SESSION_COUNT = 600
LOCATIONS = ["us-west-2", "us-east-1", "eu-west-1", "ap-northeast-1"]

# GameSession members in the service model's order, as the JSON output lists them.
MEMBER_ORDER = [
    "GameSessionId", "Name", "FleetId", "FleetArn", "CreationTime", "TerminationTime",
    "CurrentPlayerSessionCount", "MaximumPlayerSessionCount", "Status", "StatusReason",
    "GameProperties", "IpAddress", "DnsName", "Port", "PlayerSessionCreationPolicy", "CreatorId",
    "GameSessionData", "MatchmakerData", "Location", "ComputeName",
]
ALWAYS_PRESENT = [
    "GameSessionId", "Name", "FleetId", "FleetArn", "CreationTime", "CurrentPlayerSessionCount",
    "MaximumPlayerSessionCount", "Status", "GameProperties", "IpAddress", "DnsName", "Port",
    "PlayerSessionCreationPolicy", "Location",
]
STATUSES = ["ACTIVE", "ACTIVATING", "TERMINATED", "TERMINATING", "ERROR"]
TABLE_HEADERS = [
    "GameSessionId", "Name", "Status", "Location", "CurrentPlayerSessionCount",
    "MaximumPlayerSessionCount", "IpAddress", "Port",
]

EXIT_USAGE = 252
EXIT_SERVICE = 254


checks = clitest.Checks()
check = checks.check
BINARY = None


def run(*args):
    """Runs the program; returns (exit code, stdout, stderr)."""
    return clitest.run([BINARY, "--builtin-fleet"] + list(args), timeout=60)


def run_json(*args):
    """Runs the program with JSON output, which must succeed; returns the parsed document."""
    code, out, err = run(*args)
    if not check(code == 0 and err == "", "%s: exit 0 and no stderr (got %d, %r)" % (args, code, err)):
        raise AssertionError("run failed")
    return json.loads(out)


def ids(sessions):
    return [s["GameSessionId"] for s in sessions]


# -------------------------------------------------------------------------------------------
# Tests
# -------------------------------------------------------------------------------------------


def test_help_and_list_fleets(state):
    code, out, err = run("--help")
    check(code == 0 and err == "", "--help exits 0 quietly")
    for option in ("--fleet-id", "--alias-id", "--game-session-id", "--location", "--status-filter",
                   "--max-items", "--page-size", "--starting-token", "--output", "--list-fleets"):
        check(option in out, "--help mentions %s" % option)

    code, out, err = run("--list-fleets")
    check(code == 0 and err == "", "--list-fleets exits 0 quietly")
    fields = {}
    for line in out.splitlines():
        parts = line.split(None, 1)
        if len(parts) == 2:
            fields[parts[0]] = parts[1]
    check(fields.get("FleetId") == FLEET_ID, "--list-fleets prints the sample fleet ID")
    check(fields.get("AliasId", "").startswith("alias-"), "--list-fleets prints an alias ID")
    check(fields.get("FleetArn", "").endswith("fleet/" + FLEET_ID), "--list-fleets prints the fleet ARN")
    check(all(l in fields.get("Locations", "") for l in LOCATIONS), "--list-fleets prints the locations")
    state["alias_id"] = fields.get("AliasId", "")
    state["alias_arn"] = fields.get("AliasArn", "")
    state["fleet_arn"] = fields.get("FleetArn", "")


def test_full_listing_shape(state):
    code, out, err = run("--fleet-id", FLEET_ID)
    check(code == 0 and err == "", "full listing exits 0 quietly")
    doc = json.loads(out, object_pairs_hook=lambda pairs: pairs)  # keeps member order
    check([k for k, _ in doc] == ["GameSessions"], "full listing has GameSessions and no NextToken")
    # The AWS CLI's layout: json.dumps(..., indent=4, ensure_ascii=False) and a newline.
    parsed = json.loads(out)
    check(out == json.dumps(parsed, indent=4, ensure_ascii=False) + "\n",
          "JSON output is laid out exactly as the AWS CLI lays it out")
    sessions = parsed["GameSessions"]
    check(len(sessions) == SESSION_COUNT, "full listing has %d sessions (got %d)" % (SESSION_COUNT, len(sessions)))
    check(len(set(ids(sessions))) == len(sessions), "full listing lists each session once")

    ordered = dict(doc)["GameSessions"]
    bad_order = [i for i, pairs in enumerate(ordered)
                 if [k for k, _ in pairs] != [m for m in MEMBER_ORDER if m in dict(pairs)]]
    check(not bad_order, "session members in the service model's order (first bad: %s)" % bad_order[:1])
    unknown = {k for s in sessions for k in s} - set(MEMBER_ORDER)
    check(not unknown, "no member names outside the service's (got %s)" % sorted(unknown))
    missing = [m for m in ALWAYS_PRESENT if not all(m in s for s in sessions)]
    check(not missing, "every session has %s (missing: %s)" % (", ".join(ALWAYS_PRESENT), missing))
    check(all(s["FleetId"] == FLEET_ID for s in sessions), "every session is of the sample fleet")
    check({s["Status"] for s in sessions} == set(STATUSES), "the sample has every status")
    check({s["Location"] for s in sessions} == set(LOCATIONS), "the sample spans every location")
    check(all(isinstance(s["Port"], int) and isinstance(s["CurrentPlayerSessionCount"], int) for s in sessions),
          "numbers are JSON numbers")
    check(all(s["CreationTime"].endswith("+00:00") for s in sessions), "times are ISO 8601 with an offset")
    check(all(isinstance(p, dict) and sorted(p) == ["Key", "Value"] for s in sessions for p in s["GameProperties"]),
          "GameProperties are Key/Value objects")
    state["full"] = sessions

    again = run("--fleet-id", FLEET_ID)
    check(again == (code, out, err), "the listing is the same on every run")


def test_max_items(state):
    full = state["full"]
    for n in (1, 3, 10, 150):
        doc = run_json("--fleet-id", FLEET_ID, "--max-items", str(n))
        check(set(doc) == {"GameSessions", "NextToken"}, "--max-items %d: GameSessions and NextToken" % n)
        check(len(doc["GameSessions"]) == n, "--max-items %d gives %d sessions (got %d)" % (n, n, len(doc["GameSessions"])))
        check(ids(doc["GameSessions"]) == ids(full[:n]), "--max-items %d gives the first %d sessions" % (n, n))
        check(isinstance(doc.get("NextToken"), str) and doc["NextToken"], "--max-items %d: a NextToken" % n)

    doc = run_json("--fleet-id", FLEET_ID, "--max-items", str(SESSION_COUNT))
    check(len(doc["GameSessions"]) == SESSION_COUNT and "NextToken" not in doc,
          "--max-items equal to the listing: everything and no NextToken")
    doc = run_json("--fleet-id", FLEET_ID, "--max-items", "100000")
    check(len(doc["GameSessions"]) == SESSION_COUNT and "NextToken" not in doc,
          "--max-items beyond the listing: everything and no NextToken")

    doc = run_json("--fleet-id", FLEET_ID, "--max-items", "0")
    check(doc.get("GameSessions") == [] and doc.get("NextToken"), "--max-items 0: no sessions and a NextToken")
    rest = run_json("--fleet-id", FLEET_ID, "--starting-token", doc["NextToken"])
    check(ids(rest["GameSessions"]) == ids(full), "resuming after --max-items 0 lists everything")

    # --opt=value is the same as --opt value.
    a = run("--fleet-id", FLEET_ID, "--max-items", "4", "--page-size", "3", "--output", "text")
    b = run("--fleet-id=" + FLEET_ID, "--max-items=4", "--page-size=3", "--output=text")
    check(a == b and a[0] == 0, "--opt=value and --opt value give the same output")


def resume_chain(base_args, max_items, page_size, equals_form=False):
    """Runs base_args with --max-items/--page-size, resuming until no NextToken; returns
    (the sessions of every run in order, the number of runs)."""
    sessions = []
    token = None
    runs = 0
    while True:
        args = list(base_args) + ["--max-items", str(max_items)]
        if page_size is not None:
            args += ["--page-size", str(page_size)]
        if token is not None:
            args += ["--starting-token=" + token] if equals_form else ["--starting-token", token]
        doc = run_json(*args)
        runs += 1
        got = doc["GameSessions"]
        if "NextToken" in doc:
            check(len(got) == max_items, "%s: a run that has a NextToken has exactly --max-items sessions" % args)
        else:
            check(len(got) <= max_items, "%s: the last run has at most --max-items sessions" % args)
        sessions += got
        token = doc.get("NextToken")
        if token is None:
            return sessions, runs
        if runs > SESSION_COUNT + 5:
            check(False, "%s: the chain of runs does not end" % args)
            return sessions, runs


def expect_chain(base_args, expected, max_items, page_size, equals_form=False):
    sessions, runs = resume_chain(base_args, max_items, page_size, equals_form)
    what = "%s with --max-items %d --page-size %s (%d runs)" % (" ".join(base_args), max_items, page_size, runs)
    got = ids(sessions)
    check(len(got) == len(set(got)), what + ": no session twice")
    check(set(ids(expected)) <= set(got), what + ": no session missed")
    check(got == ids(expected), what + ": the runs together equal the unpaginated listing, in order")
    check(sessions == expected, what + ": and every session is printed the same")
    want_runs = max(1, -(-len(expected) // max_items))
    check(runs in (want_runs, want_runs + 1), what + ": %d runs expected" % want_runs)


def test_resume_chains(state):
    full = state["full"]
    base = ["--fleet-id", FLEET_ID]
    expect_chain(base, full, 7, None)        # no page size: the service's 100 per page, cut mid-page
    expect_chain(base, full, 25, 10)         # MaxItems a multiple of PageSize
    expect_chain(base, full, 50, 7)          # not a multiple: every run starts mid-page
    expect_chain(base, full, 130, 40, equals_form=True)
    expect_chain(base, full, 250, 100)
    expect_chain(base, full, 1, 600)         # page size over the service's maximum

    active = [s for s in full if s["Status"] == "ACTIVE"]
    expect_chain(base + ["--status-filter", "ACTIVE"], active, 40, 15)
    in_tokyo = [s for s in full if s["Location"] == "ap-northeast-1"]
    expect_chain(base + ["--location", "ap-northeast-1"], in_tokyo, 33, 8)

    # A token printed by one output format resumes the same in another.
    code, out, _ = run("--fleet-id", FLEET_ID, "--max-items", "12", "--page-size", "5", "--output", "text")
    token = [l.split("\t", 1)[1] for l in out.splitlines() if l.startswith("NEXTTOKEN\t")]
    check(code == 0 and len(token) == 1, "text output has one NEXTTOKEN line")
    if token:
        doc = run_json("--fleet-id", FLEET_ID, "--page-size", "5", "--max-items", "3", "--starting-token", token[0])
        check(ids(doc["GameSessions"]) == ids(full[12:15]), "the text output's token resumes after the 12th session")


def test_filters(state):
    full = state["full"]
    for status in ("ACTIVE", "TERMINATED", "ACTIVATING", "TERMINATING"):
        doc = run_json("--fleet-id", FLEET_ID, "--status-filter", status)
        got = doc["GameSessions"]
        check(got and all(s["Status"] == status for s in got), "--status-filter %s gives only %s" % (status, status))
        check(ids(got) == [s["GameSessionId"] for s in full if s["Status"] == status],
              "--status-filter %s gives every %s session" % (status, status))

    for location in LOCATIONS:
        doc = run_json("--fleet-id", FLEET_ID, "--location", location)
        got = doc["GameSessions"]
        check(got and all(s["Location"] == location for s in got), "--location %s gives only that location" % location)
        check(ids(got) == [s["GameSessionId"] for s in full if s["Location"] == location],
              "--location %s gives every session there" % location)

    doc = run_json("--fleet-id", FLEET_ID, "--location", "eu-west-1", "--status-filter", "ACTIVE")
    check(ids(doc["GameSessions"]) ==
          [s["GameSessionId"] for s in full if s["Location"] == "eu-west-1" and s["Status"] == "ACTIVE"],
          "--location and --status-filter together")

    for index in (0, 321, SESSION_COUNT - 1):
        wanted = full[index]
        doc = run_json("--game-session-id", wanted["GameSessionId"])
        check(doc == {"GameSessions": [wanted]}, "--game-session-id finds session %d alone" % index)
        doc = run_json("--fleet-id", FLEET_ID, "--game-session-id", wanted["GameSessionId"])
        check(doc == {"GameSessions": [wanted]}, "--fleet-id with --game-session-id finds session %d" % index)

    for what, args in (("--alias-id", ["--alias-id", state["alias_id"]]),
                       ("an alias ARN", ["--alias-id", state["alias_arn"]]),
                       ("a fleet ARN", ["--fleet-id", state["fleet_arn"]])):
        doc = run_json(*args)
        check(ids(doc["GameSessions"]) == ids(full), "%s lists the fleet's sessions" % what)


def test_text_output(state):
    code, out, err = run("--fleet-id", FLEET_ID, "--max-items", "6", "--page-size", "4", "--output", "text")
    check(code == 0 and err == "", "text output exits 0 quietly")
    doc = run_json("--fleet-id", FLEET_ID, "--max-items", "6", "--page-size", "4")
    lines = out.splitlines()
    check(out.endswith("\n"), "text output ends with a newline")
    check(all(l.split("\t")[0] in ("GAMESESSIONS", "GAMEPROPERTIES", "NEXTTOKEN") for l in lines),
          "text lines start with GAMESESSIONS, GAMEPROPERTIES or NEXTTOKEN")
    rows = [l.split("\t")[1:] for l in lines if l.startswith("GAMESESSIONS\t")]
    check(len(rows) == 6, "text output has one GAMESESSIONS line per session (got %d)" % len(rows))
    check(lines[-1] == "NEXTTOKEN\t" + doc["NextToken"], "text output ends with NEXTTOKEN and the JSON's token")

    # Columns: the scalar members present in any session, alphabetically; absent ones empty.
    sessions = doc["GameSessions"]
    columns = sorted({k for s in sessions for k, v in s.items() if not isinstance(v, (list, dict))})
    expected_rows = [[str(s.get(c, "")) for c in columns] for s in sessions]
    check(rows == expected_rows, "GAMESESSIONS fields are the scalar members in alphabetical order")
    props = [l.split("\t")[1:] for l in lines if l.startswith("GAMEPROPERTIES\t")]
    check(props == [[p["Key"], p["Value"]] for s in sessions for p in s["GameProperties"]],
          "GAMEPROPERTIES lines are Key and Value of each property")
    # Each session's properties follow its own GAMESESSIONS line.
    order = [l.split("\t")[0] for l in lines]
    expected_order = []
    for s in sessions:
        expected_order += ["GAMESESSIONS"] + ["GAMEPROPERTIES"] * len(s["GameProperties"])
    check(order == expected_order + ["NEXTTOKEN"], "GAMEPROPERTIES lines follow their session")

    code, out, _ = run("--fleet-id", FLEET_ID, "--output", "text")
    check(code == 0 and "NEXTTOKEN" not in out, "text output of the whole listing has no NEXTTOKEN")
    check(sum(1 for l in out.splitlines() if l.startswith("GAMESESSIONS\t")) == SESSION_COUNT,
          "text output of the whole listing has every session")


def test_no_paginate(state):
    # One call: the service's first page (100 sessions by default) with its own NextToken.
    doc = run_json("--fleet-id", FLEET_ID, "--no-paginate")
    full = state["full"]
    check(ids(doc["GameSessions"]) == ids(full[:100]), "--no-paginate: the first page, 100 sessions")
    token = doc.get("NextToken")
    check(isinstance(token, str) and token, "--no-paginate: the page's NextToken")

    # Text, as the AWS CLI prints a response it does not paginate: the token alone on the first line.
    code, out, err = run("--fleet-id", FLEET_ID, "--no-paginate", "--output", "text")
    lines = out.splitlines()
    check(code == 0 and err == "" and lines and lines[0] == token, "--no-paginate text: the NextToken first")
    check(sum(1 for l in lines if l.startswith("GAMESESSIONS\t")) == 100 and "NEXTTOKEN" not in out,
          "--no-paginate text: the page's sessions and no NEXTTOKEN line")

    code, out, err = run("--fleet-id", FLEET_ID, "--status-filter", "TERMINATING",
                         "--no-paginate", "--output", "text")
    check(code == 0 and out and out.startswith("GAMESESSIONS\t"), "--no-paginate text of a last page: no token line")

    code, out, err = run("--fleet-id", "fleet-00000000-0000-4000-8000-000000000000", "--no-paginate")
    check(code == EXIT_SERVICE and out == "" and err.count("\n") == 1 and "NotFoundException" in err,
          "--no-paginate: a service error is one stderr line and exit 254")


def test_table_output(state):
    code, out, err = run("--fleet-id", FLEET_ID, "--max-items", "5", "--output", "table")
    check(code == 0 and err == "", "table output exits 0 quietly")
    doc = run_json("--fleet-id", FLEET_ID, "--max-items", "5")
    lines = out.splitlines()
    check(len({len(l) for l in lines}) == 1, "table lines all have the same width")
    check(lines and set(lines[0]) == {"-"}, "table starts with a rule")
    check(len(lines) > 1 and lines[1].strip("| ") == "DescribeGameSessions", "table title DescribeGameSessions")
    check(any(l.strip("| ") == "GameSessions" for l in lines), "table has a GameSessions title")
    # The AWS CLI's full table (tests/cli/test_aws_cli_output.py compares it byte for byte): at 80
    # columns each session is a vertical section of header | value rows.
    token_rows = [l for l in lines if "NextToken" in l]
    check(len(token_rows) == 1 and doc["NextToken"] in token_rows[0], "table has the NextToken row")
    for s in doc["GameSessions"]:
        check(any(s["GameSessionId"] in l for l in lines) and any(s["Name"] in l for l in lines),
              "table shows %s" % s["Name"])
    check(sum(1 for l in lines if l.strip("| ") == "GameProperties") == 5, "table has 5 GameProperties sections")

    code, out, _ = run("--fleet-id", FLEET_ID, "--location", "eu-west-1", "--output", "table")
    check(code == 0 and "NextToken" not in out, "table of a whole listing has no NextToken row")
    code, out, _ = run("--fleet-id", FLEET_ID, "--max-items", "0", "--output", "table")
    check(code == 0 and "DescribeGameSessions" in out and "NextToken" in out, "table with --max-items 0")


def test_errors(state):
    token_with_fleet = "eyJGbGVldElkIjogImZsZWV0LW90aGVyIiwgIk5leHRUb2tlbiI6ICJ4In0="  # {"FleetId": ..., "NextToken": "x"}
    not_an_object = "WzFd"  # [1]
    base = ["--fleet-id", FLEET_ID]
    cases = [
        # (arguments, exit code, text the message must contain)
        (["--bogus"], EXIT_USAGE, "--bogus"),
        (base + ["--max-items"], EXIT_USAGE, "--max-items"),
        (["--fleet-id"], EXIT_USAGE, "--fleet-id"),
        (["--fleet-id", "--max-items", "3"], EXIT_USAGE, "--fleet-id"),
        (base + ["--max-items", "abc"], EXIT_USAGE, "--max-items"),
        (base + ["--max-items", "-3"], EXIT_USAGE, "--max-items"),
        (base + ["--max-items=-1"], EXIT_USAGE, "--max-items"),
        (base + ["--max-items", "2.5"], EXIT_USAGE, "--max-items"),
        (base + ["--max-items", ""], EXIT_USAGE, "--max-items"),
        (base + ["--max-items", "99999999999999999999999"], EXIT_USAGE, "--max-items"),
        (base + ["--page-size", "ten"], EXIT_USAGE, "--page-size"),
        (base + ["--page-size", "-5"], EXIT_USAGE, "--page-size"),
        (base + ["--page-size", "0"], EXIT_USAGE, "--page-size"),
        (base + ["--page-size", "3000000000"], EXIT_USAGE, "--page-size"),
        (base + ["--status-filter", "RUNNING"], EXIT_USAGE, "--status-filter"),
        (base + ["--status-filter", "active"], EXIT_USAGE, "--status-filter"),
        (base + ["--status-filter", "ERROR"], EXIT_USAGE, "--status-filter"),
        (base + ["--output", "yaml"], EXIT_USAGE, "--output"),
        (base + ["--output="], EXIT_USAGE, "--output"),
        (base + ["--help=yes"], EXIT_USAGE, "--help"),
        (base + ["positional"], EXIT_USAGE, "positional"),
        (base + ["--fleet-id", FLEET_ID], EXIT_USAGE, "--fleet-id"),
        (base + ["--starting-token", "a___b___c"], EXIT_USAGE, "--starting-token"),
        (base + ["--starting-token", token_with_fleet], EXIT_USAGE, "--starting-token"),
        (base + ["--starting-token", not_an_object], EXIT_USAGE, "--starting-token"),
        # a raw token the service did not issue: the service rejects it
        (base + ["--starting-token", "not-a-token"], EXIT_SERVICE, "InvalidRequestException"),
        # the request's own rules, checked before anything is sent
        ([], EXIT_USAGE, "FleetId"),
        (["--location", "us-west-2"], EXIT_USAGE, "--fleet-id"),
        (["--max-items", "3"], EXIT_USAGE, "one of FleetId, AliasId or GameSessionId is required"),
        (["--fleet-id", "fleet"], EXIT_USAGE, "--fleet-id"),
        (["--fleet-id="], EXIT_USAGE, "--fleet-id"),
        (["--alias-id", "not-an-alias"], EXIT_USAGE, "--alias-id"),
        (["--game-session-id", "bad id!"], EXIT_USAGE, "--game-session-id"),
        (base + ["--location", "us west 2"], EXIT_USAGE, "--location"),
        # the service's answers
        (["--fleet-id", "fleet-00000000-0000-4000-8000-000000000000"], EXIT_SERVICE, "NotFoundException"),
        (["--alias-id", "alias-00000000-0000-4000-8000-000000000000"], EXIT_SERVICE, "NotFoundException"),
        (base + ["--location", "sa-east-1"], EXIT_SERVICE, "NotFoundException"),
        (["--game-session-id", "arn:aws:gamelift:us-west-2::gamesession/" + FLEET_ID + "/gsess-missing"],
         EXIT_SERVICE, "NotFoundException"),
    ]
    for args, want_code, want_text in cases:
        code, out, err = run(*args)
        what = "error case %s" % args
        check(code == want_code, "%s: exit %d (got %d)" % (what, want_code, code))
        check(out == "", "%s: nothing on stdout (got %r)" % (what, out[:80]))
        check(err.endswith("\n") and err.count("\n") == 1 and err.strip() != "",
              "%s: one line on stderr (got %r)" % (what, err))
        check(want_text in err, "%s: the message names %r (got %r)" % (what, want_text, err.strip()))

    # Errors are reported the same whatever the output format.
    for output in ("text", "table"):
        code, out, err = run("--fleet-id", "fleet-00000000-0000-4000-8000-000000000000", "--output", output)
        check(code == EXIT_SERVICE and out == "" and err.count("\n") == 1, "service error with --output %s" % output)


def main():
    global BINARY
    if len(sys.argv) != 2:
        print("usage: test_cli.py path/to/describe-game-sessions", file=sys.stderr)
        return 2
    BINARY = sys.argv[1]
    state = {}
    tests = [test_help_and_list_fleets, test_full_listing_shape, test_max_items, test_resume_chains,
             test_filters, test_text_output, test_no_paginate, test_table_output, test_errors]
    for test in tests:
        try:
            test(state)
        except Exception:  # a crash fails the test and the rest still run
            check(False, "%s raised:\n%s" % (test.__name__, traceback.format_exc()))
    return checks.report("cli")


if __name__ == "__main__":
    sys.exit(main())
