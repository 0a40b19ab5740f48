#!/usr/bin/python3
"""Differential test: this library against botocore's paginator, for every API of apis.APIS.

Generates randomized scenarios from a seed (a scripted service for the API, the pagination
config of a chain of runs over it), runs each through botocore (oracle.py) and through the C++
driver (pagination_differential_driver), and compares every run of every chain: the pages as the
typed results print them back, the items, the requests the service received, the error, and the
resume token, byte for byte. A run that fails is compared by its error category only: after a
failure this library reports where to resume and botocore does not (docs/semantics.md section 6).

Pages are compared after normalisation: members that are null, and result lists that are empty,
are left out (a typed result cannot tell an absent list from an empty one; boto3 writes null
into a result key that the page did not have when it drops a starting token's items).

Starting tokens are only of the kinds on which both agree by contract: resume tokens of either
side, botocore-encoded tokens that name exactly the input tokens, legacy `a___b___N` tokens and
raw service tokens that do not happen to be base64 JSON. The rules where this library is stricter
(docs/semantics.md section 6: foreign keys, non-object JSON, bad truncate amounts, size bounds) are
not exercised here; the C++ tests cover them. Legacy truncate amounts include the forms only
Python's int() reads (non-ASCII digits and white space, e.g. `tok___\u00a02`);
--ascii-legacy-amounts leaves them out.

  run_differential.py --driver build/tests/pagination_differential_driver [--group core|aws]
                      [--api NAME]... [--seed N] [--count N] [--dump FILE]

--count is per API (default: the API's count in apis.py, 5000 for core, 300 for the others).
Prints one line per API and `differential: N scenarios, R runs, P pages compared, D differences`;
on a difference, the scenario and both outputs, and exits 1. Exits 77 when botocore is not
importable. --dump FILE writes the scenarios so that `driver < FILE` can be rerun by hand.
"""

import argparse
import base64
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

try:
    import apis  # noqa: E402  (needs botocore)
    import oracle  # noqa: E402
    from botocore.paginate import TokenEncoder  # noqa: E402
except ImportError as exc:
    print("differential: skipped, botocore is not importable by %s: %s" % (sys.executable, exc))
    sys.exit(77)

DEFAULT_SEED = 20240611

LEGACY_AMOUNT_FORMS = ["%d", "%d", "%d", "+%d", " %d", "%d ", "\t%d\n", "0%d", "%d_0"]
# int() also reads non-ASCII digits and non-ASCII white space; --ascii-legacy-amounts leaves them out.
UNICODE_AMOUNT_FORMS = ["\u0660%d", "\u00a0%d", "%d\u2002", "\uff10%d", "\u3000%d"]


# -------------------------------------------------------------------------------------------
# Scenarios: what every API shares
# -------------------------------------------------------------------------------------------


def decodes_as_json(text):
    """True when botocore would read the text as a base64 JSON token rather than a legacy one."""
    try:
        json.loads(base64.b64decode(text.encode("utf-8")).decode("utf-8"))
        return True
    except (ValueError, TypeError):
        return False


def random_start(rng, scenario, names, args):
    """The StartingToken of the chain's first run (kinds both sides read alike), and its kind."""
    candidates = [p for p in scenario["script"][:-1] if "next" in p]
    roll = rng.random()
    if roll < 0.65 or not candidates:
        return None, None
    tokens = rng.choice(candidates)["next"]
    if roll < 0.8:
        # A token made by botocore, e.g. by the AWS CLI with another MaxItems: the input tokens
        # in any order, with or without a truncate amount; a missing token as null, "None" or "".
        members = [
            (name, oracle.from_scenario(t) if t else rng.choice([None, None, "None", ""]))
            for name, t in zip(names, tokens)
        ]
        if rng.random() < 0.7:
            members.append(("boto_truncate_amount", rng.randint(0, 6)))
        rng.shuffle(members)
        return TokenEncoder().encode(dict(members)), "botocore-encoded"
    if roll < 0.84:
        # More '___'-separated parts than input tokens: both reject it.
        return "___".join(["a"] * (len(names) + 2)), "too-many-parts"
    parts = []
    for t in tokens:
        if t and (not isinstance(t, str) or "_" in t):
            return None, None  # a structured token has no legacy form
        parts.append(t if t else rng.choice(["None", "None", ""]))
    if roll < 0.92:
        forms = LEGACY_AMOUNT_FORMS + ([] if args.ascii_legacy_amounts else UNICODE_AMOUNT_FORMS)
        text = "___".join(parts + [rng.choice(forms) % rng.randint(0, 5)])
        kind = "legacy-with-amount"
    else:
        while len(parts) > 1 and parts[-1] in ("None", "") and rng.random() < 0.5:
            parts.pop()  # missing trailing tokens are null
        text = "___".join(parts)
        kind = "raw" if len(names) == 1 else "legacy"
    if not text or decodes_as_json(text):
        return None, None
    return text, kind


def random_max_items(rng, n):
    """MaxItems of each run, cycled, around the listing's size n."""

    def one():
        roll = rng.random()
        if roll < 0.15:
            return None
        if roll < 0.22:
            return 0
        if roll < 0.45:
            return rng.randint(1, 4)
        if roll < 0.8:
            return rng.randint(1, max(1, n + 3))
        if roll < 0.9:
            return n
        return n + rng.randint(1, 100)

    return [one() for _ in range(rng.choice([1, 1, 2, 3]))]


def random_scenario(rng, index, api, args):
    scenario = {"id": index, "api": api.name}
    scenario["paginator"], scenario["limit_type"] = api.definition(rng, scenario)
    params = api.params(rng, scenario)
    default_page_size = rng.randint(1, 12)
    honours_limit = rng.random() < 0.75
    page_size = None if rng.random() < 0.3 else rng.randint(1, 15)
    if page_size is not None and not honours_limit and api.group == "core" and rng.random() < 0.1:
        page_size = 0  # the adapters' own tests cover how each rejects it before sending
    scenario["page_size"] = page_size
    scenario["max_runs"] = 80
    scenario["iterate"] = "items" if rng.random() < 0.25 else "pages"
    scenario["on_repeated"] = "error" if api.repeated == "stop" and rng.random() < 0.3 else None
    script = api.script(rng, scenario, params, page_size if page_size and honours_limit else default_page_size)
    scenario["script"] = oracle.to_scenario(script)
    scenario["params"] = oracle.to_scenario(params)
    primary = oracle.as_list(scenario["paginator"]["result_key"])[0]
    listed = sum(len(p["response"].get(primary) or []) for p in script)
    scenario["max_items"] = random_max_items(rng, listed)
    names = oracle.as_list(scenario["paginator"]["input_token"])
    scenario["start_token"], scenario["start_kind"] = random_start(rng, scenario, names, args)
    return scenario


def with_definition_facts(scenario):
    """What the C++ driver needs to know of the paginator definition."""
    definition = scenario["paginator"]
    scenario["input_tokens"] = oracle.as_list(definition["input_token"])
    scenario["limit_key"] = definition["limit_key"]
    scenario["limit_is_string"] = scenario["limit_type"] == "string"
    scenario["primary"] = oracle.as_list(definition["result_key"])[0]
    scenario["more_results"] = definition.get("more_results")
    return scenario


# -------------------------------------------------------------------------------------------
# Comparison
# -------------------------------------------------------------------------------------------

COMPARED = ("starting_token", "max_items", "pages", "items", "requests", "error")


def normalised(chain, api):
    """Pages without null members and empty result lists."""
    for run in chain["runs"]:
        if run.get("pages") is not None:
            run["pages"] = [
                {k: v for k, v in page.items() if v is not None and not (k in api.list_keys and v == [])}
                for page in run["pages"]
            ]
    return chain


def compare(expected, actual):
    """The first difference between two chains, or None."""
    runs_e, runs_a = expected["runs"], actual["runs"]
    for i in range(max(len(runs_e), len(runs_a))):
        if i >= len(runs_e) or i >= len(runs_a):
            return i, "the chain has %d runs with botocore, %d with the library" % (len(runs_e), len(runs_a))
        e, a = runs_e[i], runs_a[i]
        for key in COMPARED:
            if e.get(key) != a.get(key):
                return i, "'%s' differs" % key
        if e["error"] is None and e["resume_token"] != a["resume_token"]:
            return i, "'resume_token' differs"
    return None


def outcome(run):
    """A run's outcome, for the coverage counts."""
    if run["error"]:
        key = run["error"]
    elif run["resume_token"]:
        decoded = base64.b64decode(run["resume_token"]).decode("utf-8", "replace")
        key = "resumable"
        if "boto_truncate_amount" in decoded:
            key += "+truncated"
        if "boto_encoded_keys" in decoded:
            key += "+bytes"
    else:
        key = "complete"
    return key + ("+stopped-at-repeat" if run.get("stopped") else "")


def run_driver(driver, lines):
    proc = subprocess.run(
        [driver], input="".join(lines), capture_output=True, text=True, encoding="utf-8", check=False, timeout=900
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit("differential: the driver exited with %d" % proc.returncode)
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--driver", required=True, help="path of pagination_differential_driver")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--count", type=int, help="scenarios per API (default: the API's own count)")
    parser.add_argument("--group", choices=sorted({a.group for a in apis.APIS.values()}), help="only this group")
    parser.add_argument("--api", action="append", choices=sorted(apis.APIS), help="only these APIs (repeatable)")
    parser.add_argument("--show", type=int, default=3, help="differences to print in full")
    parser.add_argument("--dump", help="also write the scenarios, one JSON object per line, to this file")
    parser.add_argument(
        "--ascii-legacy-amounts",
        action="store_true",
        help="write legacy truncate amounts with ASCII digits and white space only",
    )
    args = parser.parse_args()

    names = sorted(n for n in (args.api or apis.APIS) if not args.group or apis.APIS[n].group == args.group)
    counts = {n: args.count if args.count is not None else apis.APIS[n].count for n in names}
    started = time.monotonic()
    rng = random.Random(args.seed)
    order = [n for i in range(max(counts.values(), default=0)) for n in names if i < counts[n]]
    scenarios = [with_definition_facts(random_scenario(rng, i, apis.APIS[n], args)) for i, n in enumerate(order)]
    lines = [json.dumps(s) + "\n" for s in scenarios]
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            out.writelines(lines)

    actual = run_driver(args.driver, lines)
    if len(actual) != len(scenarios):
        raise SystemExit("differential: the driver answered %d of %d scenarios" % (len(actual), len(scenarios)))

    stats = {n: {"scenarios": 0, "runs": 0, "pages": 0, "differences": 0, "outcomes": {}} for n in names}
    shown = 0
    for scenario, ours in zip(scenarios, actual):
        api = apis.APIS[scenario["api"]]
        s = stats[api.name]
        theirs = normalised(oracle.run_chain(json.loads(json.dumps(scenario)), api), api)
        ours = normalised(ours, api)
        s["scenarios"] += 1
        s["runs"] += len(theirs["runs"])
        s["pages"] += sum(len(r["requests"]) for r in theirs["runs"])
        keys = [outcome(r) for r in theirs["runs"]] + (["start:" + scenario["start_kind"]] if scenario["start_kind"] else [])
        for key in keys:
            s["outcomes"][key] = s["outcomes"].get(key, 0) + 1
        found = compare(theirs, ours)
        if found is None:
            continue
        s["differences"] += 1
        shown += 1
        if shown <= args.show:
            index, what = found
            print("=" * 100)
            print("DIFFERENCE in scenario %d (%s), run %d: %s" % (scenario["id"], scenario["api"], index, what))
            print("scenario:", json.dumps(scenario))
            print("botocore:", json.dumps(theirs["runs"][index] if index < len(theirs["runs"]) else None))
            print("library: ", json.dumps(ours["runs"][index] if index < len(ours["runs"]) else None))

    totals = {key: sum(s[key] for s in stats.values()) for key in ("scenarios", "runs", "pages", "differences")}
    for name in names:
        s = stats[name]
        outcomes = ", ".join("%s %d" % kv for kv in sorted(s["outcomes"].items()))
        print("%-32s %4d scenarios %5d runs %6d pages %d differences (%s)"
              % (name, s["scenarios"], s["runs"], s["pages"], s["differences"], outcomes))
    print(
        "differential: %d scenarios, %d runs, %d pages compared, %d differences (seed %d, %.1f s)"
        % (totals["scenarios"], totals["runs"], totals["pages"], totals["differences"], args.seed,
           time.monotonic() - started)
    )
    return 1 if totals["differences"] else 0


if __name__ == "__main__":
    sys.exit(main())
