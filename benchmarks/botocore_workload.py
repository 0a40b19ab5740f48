#!/usr/bin/python3
"""The throughput workload of benchmarks/throughput.cpp, walked by botocore's own paginator.

The same listing as the C++ benchmark: pages of 100 items (GameLift game sessions shaped like the
ones DescribeGameSessions returns, or plain ints), each page with a 48-character NextToken but
the last, served by an in-memory service that checks the token and the page size of every
request. As in the C++ benchmark, every page is built before the walk (untimed) and handed out
once, so the walk pays for dropping each page and its items after use, as the C++ walk pays for
destroying them. Three walks are timed, in process CPU time:

  hand    a plain Python token loop calling the service (what botocore adds to it, for context)
  pages   `for page in paginator.paginate(...)` with a loop over page["GameSessions"]
  items   `paginator.paginate(...).search("GameSessions")`, botocore's item iteration

Walks are interleaved (hand, pages, items, hand, ...) and each figure is the median over the
repetitions. Prints one JSON object: {"<workload>/<walk>": {"items_per_second": ..., ...}, ...}.

Run it with Debian's python3 (the one python3-botocore is installed for):
    /usr/bin/python3 benchmarks/botocore_workload.py --items 200000 --repetitions 7
"""

import argparse
import datetime
import json
import random
import statistics
import sys
import time
import types

from botocore.paginate import Paginator

PAGE_SIZE = 100
FLEET_ID = "fleet-db9c5598-9194-4d23-b8bc-927ded35455d"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def service_token(page):
    rng = random.Random(0x5EED0000 + page)
    return "AAEAA" + "".join(rng.choice(ALPHABET) for _ in range(43))


def uuid(rng):
    return "%08x-%04x-%04x-%04x-%012x" % (
        rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(48))


def game_session(rng, n):
    modes = [("ctf", 16), ("deathmatch", 12), ("king-of-the-hill", 10), ("duel", 2)]
    maps = ["harbor", "foundry", "glacier", "canyon", "orbital"]
    tiers = ["bronze", "silver", "gold", "platinum"]
    locations = ["us-west-2", "us-east-1", "eu-central-1", "ap-northeast-1"]
    mode, max_players = rng.choice(modes)
    game_map = rng.choice(maps)
    tier = rng.choice(tiers)
    location = rng.choice(locations)
    prefix = "arn:aws:gamelift:us-west-2::gamesession/%s/" % FLEET_ID
    if location != "us-west-2":
        prefix += location + "/"
    octet = str(10 + rng.randrange(200))
    s = {
        "GameSessionId": prefix + "gsess-" + uuid(rng),
        "Name": "%s-%s-%d" % (mode, game_map, 1000 + n % 9000),
        "FleetId": FLEET_ID,
        "FleetArn": "arn:aws:gamelift:us-west-2:123456789012:fleet/" + FLEET_ID,
        "CreationTime": datetime.datetime.fromtimestamp(1700000000 + n * 4, tz=datetime.timezone.utc),
        "CurrentPlayerSessionCount": rng.randrange(max_players + 1),
        "MaximumPlayerSessionCount": max_players,
        "Status": "ACTIVE",
        "GameProperties": [
            {"Key": "mode", "Value": mode},
            {"Key": "map", "Value": game_map},
            {"Key": "skill", "Value": tier},
        ],
        "IpAddress": "198.51.100." + octet,
        "DnsName": "ec2-198-51-100-%s.%s.compute.amazonaws.com" % (octet, location),
        "Port": 33430 + rng.randrange(100),
        "PlayerSessionCreationPolicy": "ACCEPT_ALL",
        "Location": location,
        "ComputeName": "i-0%016x" % rng.getrandbits(64),
    }
    if rng.randrange(100) < 30:
        s["MatchmakerData"] = (
            '{"matchId":"%s","matchmakingConfigurationArn":"arn:aws:gamelift:us-west-2:123456789012:'
            'matchmakingconfiguration/ranked-%s","teams":[{"name":"red","players":[]}]}' % (uuid(rng), mode))
    else:
        s["CreatorId"] = "player-%d" % (10000 + rng.randrange(90000))
    if rng.randrange(100) < 25:
        s["GameSessionData"] = '{"rounds":%d,"friendlyFire":false}' % (3 + rng.randrange(5))
    return s


def weigh_game_session(item):
    return item.get("CurrentPlayerSessionCount", 0) + len(item["Name"])


def weigh_int(item):
    return item


WORKLOADS = {
    "game_session": (lambda rng, n: game_session(rng, n), weigh_game_session),
    "int": (lambda rng, n: n, weigh_int),
}


class Service:
    """Hands out pre-built pages, each once, dropping its own reference (the page is freed when
    the walk is done with it, as a C++ page is); checks the token and page size of every request."""

    def __init__(self, workload, item_count, distinct_pages=64):
        self.make, _ = WORKLOADS[workload]
        self.page_count = item_count // PAGE_SIZE
        self.distinct_pages = min(distinct_pages, self.page_count)
        self.tokens = [service_token(p) for p in range(self.page_count)]
        self.pages = []
        self.next = 0

    def page(self, p):
        """A fresh page p: its own item objects, made from template p % distinct_pages."""
        t = p % self.distinct_pages
        rng = random.Random(0xC0FFEE + t)
        page = {"GameSessions": [self.make(rng, t * PAGE_SIZE + i) for i in range(PAGE_SIZE)]}
        if p + 1 < self.page_count:
            page["NextToken"] = self.tokens[p]
        return page

    def refill(self):
        self.pages = [self.page(p) for p in range(self.page_count)]
        self.next = 0

    def __call__(self, **kwargs):
        index = self.next
        if kwargs.get("Limit") != PAGE_SIZE or kwargs.get("FleetId") != FLEET_ID:
            raise RuntimeError("unexpected request %r" % kwargs)
        expected = None if index == 0 else self.tokens[index - 1]
        if kwargs.get("NextToken") != expected:
            raise RuntimeError("unexpected token in request %d" % index)
        self.next += 1
        page = self.pages[index]
        self.pages[index] = None
        return page


def make_paginator(service):
    config = {
        "input_token": "NextToken",
        "output_token": "NextToken",
        "result_key": "GameSessions",
        "limit_key": "Limit",
    }
    # The paginator reads only the type of the limit member from the operation model.
    limit_shape = types.SimpleNamespace(type_name="integer")
    model = types.SimpleNamespace(input_shape=types.SimpleNamespace(members={"Limit": limit_shape}))
    return Paginator(service, config, model)


def hand_walk(service, weigh):
    total = 0
    request = {"FleetId": FLEET_ID, "Limit": PAGE_SIZE}
    while True:
        page = service(**request)
        for item in page["GameSessions"]:
            total += weigh(item)
        token = page.get("NextToken")
        if not token:
            return total
        request["NextToken"] = token


def pages_walk(service, weigh):
    total = 0
    paginator = make_paginator(service)
    for page in paginator.paginate(FleetId=FLEET_ID, PaginationConfig={"PageSize": PAGE_SIZE}):
        for item in page["GameSessions"]:
            total += weigh(item)
    return total


def items_walk(service, weigh):
    total = 0
    paginator = make_paginator(service)
    for item in paginator.paginate(FleetId=FLEET_ID, PaginationConfig={"PageSize": PAGE_SIZE}).search("GameSessions"):
        total += weigh(item)
    return total


WALKS = {"hand": hand_walk, "pages": pages_walk, "items": items_walk}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200000, help="items per walk (a multiple of 100)")
    parser.add_argument("--repetitions", type=int, default=7)
    parser.add_argument("--workloads", default="game_session,int")
    args = parser.parse_args(argv[1:])

    import botocore

    out = {"botocore_version": botocore.__version__, "python_version": sys.version.split()[0],
           "items": args.items, "repetitions": args.repetitions}
    for workload in args.workloads.split(","):
        _, weigh = WORKLOADS[workload]
        service = Service(workload, args.items)
        times = {name: [] for name in WALKS}
        expected = None
        for _ in range(args.repetitions):
            for name, walk in WALKS.items():
                service.refill()
                start = time.process_time()
                total = walk(service, weigh)
                times[name].append(time.process_time() - start)
                if expected is None:
                    expected = total
                if total != expected or service.next != service.page_count:
                    raise RuntimeError("%s/%s did not walk the whole listing" % (workload, name))
        for name, samples in times.items():
            median = statistics.median(samples)
            out["%s/%s" % (workload, name)] = {
                "items_per_second": args.items / median,
                "median_seconds": median,
                "samples": samples,
            }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
