#!/usr/bin/env python3
"""botocore's json parser on the DescribeGameSessions page of benchmarks/gamelift_parse.cpp.

Usage: botocore_parse.py [--page FILE] [--seconds S]

Builds the 100-session page with the same recipe as the C++ benchmark (byte for byte; with
--page FILE, e.g. one written by PAGINATION_BENCH_WRITE_PAGE=FILE pagination_benchmarks, it
checks that and reads the file), then times botocore.parsers.create_parser('json').parse on it
and prints MB/s, sessions/s and the time of one page. Numbers only: nothing asserts on time.
"""

import argparse
import json
import time

import botocore
import botocore.parsers
import botocore.session

FLEET = "fleet-2ec2aae5-0a8c-4e0b-9f1a-4c5e1e2f3a4b"


def seconds(ms):
    # As the C++ writer: epoch seconds, the milliseconds as a fraction without trailing zeros.
    whole, frac = divmod(ms, 1000)
    return str(whole) if frac == 0 else ("%d.%03d" % (whole, frac)).rstrip("0")


def page_bytes():
    sessions = []
    for i in range(100):
        s = ['"GameSessionId":%s' % json.dumps("arn:aws:gamelift:us-west-2::gamesession/%s/gsess-%08d" % (FLEET, i * 7919)),
             '"Name":%s' % json.dumps("ranked-match-%04d" % i),
             '"FleetId":%s' % json.dumps(FLEET),
             '"FleetArn":%s' % json.dumps("arn:aws:gamelift:us-west-2:123456789012:fleet/" + FLEET),
             '"CreationTime":%s' % seconds(1469498468057 + i * 1001)]
        if i % 4 == 3:
            s.append('"TerminationTime":%s' % seconds(1469502068000 + i * 1000))
        s += ['"CurrentPlayerSessionCount":%d' % (i % 10),
              '"MaximumPlayerSessionCount":10',
              '"Status":%s' % json.dumps("TERMINATED" if i % 4 == 3 else "ACTIVE"),
              '"GameProperties":[{"Key":"mode","Value":"capture-the-flag"},{"Key":"map","Value":"dust-%d"},'
              '{"Key":"region-preference","Value":"us-west-2a"}]' % (i % 7),
              '"IpAddress":%s' % json.dumps("10.0.%d.%d" % (i // 256, i % 256 + 1)),
              '"DnsName":%s' % json.dumps("ec2-10-0-%d-%d.us-west-2.compute.amazonaws.com" % (i // 256, i % 256 + 1)),
              '"Port":%d' % (7000 + i),
              '"PlayerSessionCreationPolicy":"ACCEPT_ALL"',
              '"CreatorId":%s' % json.dumps("player-%08d" % (i * 31)),
              '"GameSessionData":%s' % json.dumps('{"difficulty":"hard","seed":%d}' % (i * 12345)),
              '"MatchmakerData":%s' % json.dumps(
                  '{"matchId":"3f2a9c1e-%04d-4b7d-9e0f-a1b2c3d4e5f6","matchmakingConfigurationArn":' % i +
                  '"arn:aws:gamelift:us-west-2:123456789012:matchmakingconfiguration/ranked-5v5","teams":' +
                  '[{"name":"red","players":[{"playerId":"p-%d"}]}]}' % i),
              '"Location":"us-west-2"']
        sessions.append("{" + ",".join(s) + "}")
    token = "eyJnYW1lU2Vzc2lvbklkIjoiZ3Nlc3MtMDAwMDAwOTkiLCJmbGVldElkIjoiZmxlZXQtMmVjMmFhZTUifQ=="
    return ('{"GameSessions":[' + ",".join(sessions) + '],"NextToken":"' + token + '"}').encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--page")
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args()
    body = page_bytes()
    if args.page:
        with open(args.page, "rb") as f:
            written = f.read()
        print("page from %s: %s the recipe's bytes" % (args.page, "equal to" if written == body else "DIFFERENT from"))
        body = written
    shape = botocore.session.get_session().get_service_model("gamelift").operation_model(
        "DescribeGameSessions").output_shape
    parser = botocore.parsers.create_parser("json")
    response = {"status_code": 200, "headers": {"x-amzn-requestid": "r"}, "body": body}
    assert len(parser.parse(response, shape)["GameSessions"]) == 100
    pages = 0
    start = time.perf_counter()
    cpu = time.process_time()
    while time.perf_counter() - start < args.seconds:
        parser.parse(response, shape)
        pages += 1
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print("botocore %s json parser: %d bytes/page, %.3f ms/page (cpu %.3f ms), %.2f MB/s, %.0f sessions/s"
          % (botocore.__version__, len(body), wall / pages * 1e3, cpu / pages * 1e3,
             len(body) * pages / cpu / 1e6, 100 * pages / cpu))


if __name__ == "__main__":
    main()
