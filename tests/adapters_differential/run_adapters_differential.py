#!/usr/bin/python3
"""Differential test of the AWS adapters: each against botocore's paginator for the same API.

Generates randomized scenarios from a seed, the same number for every API of apis.APIS (S3
ListObjectsV2 and ListObjects, DynamoDB Scan and Query, Route 53 ListResourceRecordSets,
CloudWatch Logs GetLogEvents and FilterLogEvents, and three operations through the generic SDK
adapter), runs each through botocore (apis.py) and through the C++ driver
(pagination_adapters_differential_driver), and compares every run of every chain: the pages as
the typed results print them back, the items, the requests the service received, the error,
and the resume token, byte for byte. A run that fails is compared by its error category only.

  run_adapters_differential.py --driver build/tests/pagination_adapters_differential_driver [--seed N] [--count N]

Prints one line per API and `adapters differential: N scenarios, R runs, P pages compared,
D differences`; on a difference, the scenario and both outputs, and exits 1. Exits 77 when
botocore is not importable. --dump FILE writes the scenarios so that the driver can be rerun by
hand (`driver < FILE`).
"""

import argparse
import base64
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

try:
    import apis  # noqa: E402  (needs botocore)
except ImportError as exc:
    print("adapters differential: skipped, botocore is not importable by %s: %s" % (sys.executable, exc))
    sys.exit(77)

import random  # noqa: E402

DEFAULT_SEED = 20240807
DEFAULT_COUNT = 300  # per API


def with_api_facts(scenario):
    """What the C++ driver's scripted service needs to know of the API besides the scenario."""
    api = apis.APIS[scenario["api"]]
    scenario["input_tokens"] = api.input_tokens
    scenario["limit_key"] = api.limit_key
    scenario["limit_is_string"] = api.limit_is_string
    scenario["primary"] = api.primary
    return scenario


def normalised(chain, api):
    for run in chain["runs"]:
        if run.get("pages") is not None:
            run["pages"] = [apis.normalise_page(apis.from_scenario(p), api) for p in run["pages"]]
    return chain


def run_driver(driver, lines):
    proc = subprocess.run(
        [driver], input="".join(lines), capture_output=True, text=True, encoding="utf-8", check=False, timeout=900
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit("adapters differential: the driver exited with %d" % proc.returncode)
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--driver", required=True, help="path of pagination_adapters_differential_driver")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="scenarios per API")
    parser.add_argument("--api", action="append", help="only these APIs (repeatable)")
    parser.add_argument("--show", type=int, default=3, help="differences to print in full")
    parser.add_argument("--dump", help="also write the scenarios, one JSON object per line, to this file")
    args = parser.parse_args()

    names = sorted(args.api or apis.APIS)
    started = time.monotonic()
    rng = random.Random(args.seed)
    scenarios = [with_api_facts(apis.random_scenario(rng, i, names)) for i in range(args.count * len(names))]
    lines = [json.dumps(s) + "\n" for s in scenarios]
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            out.writelines(lines)

    actual = run_driver(args.driver, lines)
    if len(actual) != len(scenarios):
        raise SystemExit("adapters differential: the driver answered %d of %d scenarios" % (len(actual), len(scenarios)))

    totals = {"scenarios": 0, "runs": 0, "pages": 0, "differences": 0}
    per_api = {name: {"scenarios": 0, "runs": 0, "pages": 0, "differences": 0, "outcomes": {}} for name in names}
    for scenario, ours in zip(scenarios, actual):
        api = apis.APIS[scenario["api"]]
        stats = per_api[scenario["api"]]
        theirs = normalised(apis.run_chain(json.loads(json.dumps(scenario))), api)
        ours = normalised(ours, api)
        stats["scenarios"] += 1
        stats["runs"] += len(theirs["runs"])
        stats["pages"] += sum(len(r["requests"]) for r in theirs["runs"])
        for r in theirs["runs"]:
            if r["error"]:
                key = r["error"]
            elif r["resume_token"]:
                decoded = base64.b64decode(r["resume_token"]).decode("utf-8", "replace")
                key = "resumable"
                if "boto_truncate_amount" in decoded:
                    key += "+truncated"
                if "boto_encoded_keys" in decoded:
                    key += "+bytes"
            else:
                key = "complete"
            if r.get("stopped"):
                key += "+stopped-at-repeat"
            stats["outcomes"][key] = stats["outcomes"].get(key, 0) + 1
        found = apis.base.compare(theirs, ours)
        if found is None:
            continue
        stats["differences"] += 1
        totals["differences"] += 1
        if totals["differences"] <= args.show:
            index, what = found
            print("=" * 100)
            print("DIFFERENCE in scenario %d (%s), run %d: %s" % (scenario["id"], scenario["api"], index, what))
            print("scenario:", json.dumps(scenario))
            print("botocore:", json.dumps(theirs["runs"][index] if index < len(theirs["runs"]) else None))
            print("library: ", json.dumps(ours["runs"][index] if index < len(ours["runs"]) else None))

    for name in names:
        stats = per_api[name]
        for key in ("scenarios", "runs", "pages"):
            totals[key] += stats[key]
        outcomes = ", ".join("%s %d" % kv for kv in sorted(stats["outcomes"].items()))
        print("%-32s %4d scenarios %5d runs %6d pages %d differences (%s)"
              % (name, stats["scenarios"], stats["runs"], stats["pages"], stats["differences"], outcomes))
    print(
        "adapters differential: %d scenarios, %d runs, %d pages compared, %d differences (seed %d, %.1f s)"
        % (totals["scenarios"], totals["runs"], totals["pages"], totals["differences"], args.seed,
           time.monotonic() - started)
    )
    return 1 if totals["differences"] else 0


if __name__ == "__main__":
    sys.exit(main())
