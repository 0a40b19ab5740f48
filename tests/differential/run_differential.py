#!/usr/bin/python3
"""Differential test: pagination::paginator against botocore's paginator.

Generates randomized scenarios from a seed (a listing, a scripted service with its quirks, the
pagination config of a chain of runs), runs each through botocore (oracle.py) and through the C++
driver (pagination_differential_driver), and compares every run of every chain: the pages (items
after trimming, and the secondary list), the requests the service received, the error, and the
resume token, byte for byte. A run that fails is compared by its error category only: after a
failure this library reports where to resume and botocore does not (docs/semantics.md section 6).

Starting tokens are only of the kinds on which both agree by contract: resume tokens of either
side, botocore-encoded tokens that name exactly the input tokens, legacy `a___b___N` tokens and
raw service tokens that do not happen to be base64 JSON. The rules where this library is stricter
(docs/semantics.md section 6: foreign keys, non-object JSON, bad truncate amounts, size bounds) are not
exercised here; the C++ tests cover them.

  run_differential.py --driver build/dev/tests/pagination_differential_driver [--seed N] [--count N]

Prints `differential: N scenarios, R runs, P pages compared, D differences`; on a difference, the
scenario and both outputs, and exits 1. Exits 77 when botocore is not importable.
Legacy truncate amounts include the forms only Python's int() reads (non-ASCII digits and white
space, e.g. `tok___\u00a02`); --ascii-legacy-amounts leaves them out.
--dump FILE writes the scenarios so that `oracle.py FILE` and `driver < FILE` can be rerun by hand.
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
    import oracle  # noqa: E402  (needs botocore)
    from botocore.paginate import TokenEncoder
except ImportError as exc:
    print("differential: skipped, botocore is not importable by %s: %s" % (sys.executable, exc))
    sys.exit(77)

DEFAULT_SEED = 20240611
DEFAULT_COUNT = 5000

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
SPECIAL_PIECES = [
    "/", "+", "=", "-", ".", ":", " ", '"', "\\", "'", "{", "}", "[", "]", ",",
    "\x00", "\x01", "\x1b", "\x1f", "\x7f", "\n", "\r", "\t", "\b", "\f",
    "\u00e9", "\u00df", "\u00fc", "\u00a0", "\u4e2d", "\u6587", "\u2028", "\ufeff", "\uffff",
    "\U0001f600", "\U0001d11e", "\U0001f1fa\U0001f1f3", "\u0663", "_", "___",
]


# -------------------------------------------------------------------------------------------
# Values
# -------------------------------------------------------------------------------------------


def random_text(rng, low=1, high=10):
    while True:
        pieces = []
        for _ in range(rng.randint(low, high)):
            if rng.random() < 0.7:
                pieces.append(rng.choice(ALNUM))
            else:
                pieces.append(rng.choice(SPECIAL_PIECES))
        text = "".join(pieces)
        if text and text != "None":
            return text


def opaque_text(rng):
    """A token shaped like most services' tokens: base64 of random bytes."""
    raw = bytes(rng.randrange(256) for _ in range(rng.randint(3, 24)))
    return base64.b64encode(raw).decode("ascii")


def string_token(rng):
    return opaque_text(rng) if rng.random() < 0.25 else random_text(rng)


def bytes_value(rng):
    raw = bytes(rng.randrange(256) for _ in range(rng.randint(1, 12)))
    return {"$bytes": base64.b64encode(raw).decode("ascii")}


def structured_token(rng):
    """A DynamoDB-style key, sometimes with binary attributes or lists, sometimes a plain string."""
    roll = rng.random()
    if roll < 0.1:
        return string_token(rng)
    members = [("pk", {"S": random_text(rng)})]
    if rng.random() < 0.6:
        members.append(("sk", {"N": str(rng.randint(-10**6, 10**9))}))
    if rng.random() < 0.15:
        members.append(("bin", {"B": bytes_value(rng)}))
    if rng.random() < 0.1:
        members.append(("list", {"L": [{"S": random_text(rng)}, {"B": bytes_value(rng)}, [bytes_value(rng), "x"]]}))
    if rng.random() < 0.1:
        members.append(("nested", {"M": {"a": {"BOOL": True}, "b": {"NULL": True}, "c": [1, 2, {"d": None}]}}))
    rng.shuffle(members)
    return dict(members)


def token_key(tokens):
    """Identity of a token tuple as the service sees it: empty values are no token."""
    return json.dumps([t if t else None for t in tokens], sort_keys=True)


def decodes_as_json(text):
    """True when botocore would read the text as a base64 JSON token rather than a legacy one."""
    try:
        json.loads(base64.b64decode(text.encode("utf-8")).decode("utf-8"))
        return True
    except (ValueError, TypeError):
        return False


# -------------------------------------------------------------------------------------------
# Scenarios
# -------------------------------------------------------------------------------------------


def random_listing(rng):
    roll = rng.random()
    if roll < 0.06:
        n = 0
    elif roll < 0.3:
        n = rng.randint(1, 6)
    else:
        n = rng.randint(7, 60)
    style = rng.choice(["str", "str", "int", "mixed"])
    items = []
    for i in range(n):
        if style == "int" or (style == "mixed" and rng.random() < 0.5):
            items.append(rng.choice([i, -i, rng.randint(-2**53, 2**53)]))
        elif rng.random() < 0.2:
            items.append(random_text(rng, 0, 6))
        else:
            items.append("item-%d" % i)
    return items


def new_tokens(rng, scenario, used):
    """A token tuple for a page that has a successor: at least one non-empty, not used before."""
    count = scenario["token_count"]
    structured = scenario["token_kind"] == "structured"
    while True:
        tokens = []
        for k in range(count):
            if count > 1 and rng.random() < 0.3:
                tokens.append(rng.choice([None, ""]))
            else:
                tokens.append(structured_token(rng) if structured else string_token(rng))
        key = token_key(tokens)
        if any(tokens) and key not in used:
            used.add(key)
            return tokens


def end_tokens(rng, scenario):
    count = scenario["token_count"]
    empty = {} if scenario["token_kind"] == "structured" and rng.random() < 0.3 else ""
    return [rng.choice([None, None, empty]) for _ in range(count)]


def random_script(rng, scenario, listing, page_size):
    used = set()
    pages = []
    pos = 0
    flag = scenario["more_results"]
    while True:
        roll = rng.random()
        if roll < 0.08:
            size = 0  # an empty page that carries a token
        elif roll < 0.25:
            size = rng.randint(0, page_size)
        else:
            size = page_size
        items = listing[pos : pos + size]
        pos += len(items)
        page = {"items": items, "extra": ["x%d-%d" % (len(pages), i) for i in range(rng.randint(0, 2))]}
        pages.append(page)
        done = pos >= len(listing) and (rng.random() < 0.85 or len(pages) > 70)
        if done:
            roll = rng.random()
            if flag and roll < 0.3:
                # The flag says the listing has ended although a token is present.
                page["tokens"] = new_tokens(rng, scenario, used)
                page["more"] = rng.choice([False, None])
            else:
                page["tokens"] = end_tokens(rng, scenario)
                if flag:
                    page["more"] = rng.choice([False, None, True])
            break
        if len(pages) >= 2 and "repeat" not in scenario and rng.random() < 0.03:
            # The service returns the previous page's token again: the last reachable page.
            page["tokens"] = list(pages[-2]["tokens"])
            if flag:
                page["more"] = True
            scenario["repeat"] = True
            break
        page["tokens"] = new_tokens(rng, scenario, used)
        if flag:
            page["more"] = True
    if rng.random() < 0.03:
        rng.choice(pages)["fail"] = True
    return pages


LEGACY_AMOUNT_FORMS = ["%d", "%d", "%d", "+%d", " %d", "%d ", "\t%d\n", "0%d", "%d_0"]
# int() also reads non-ASCII digits and non-ASCII white space; --ascii-legacy-amounts leaves them out.
UNICODE_AMOUNT_FORMS = ["\u0660%d", "\u00a0%d", "%d\u2002", "\uff10%d", "\u3000%d"]


def legacy_parts(rng, tokens):
    parts = []
    for t in tokens:
        if t:
            if not isinstance(t, str) or "_" in t:
                return None
            parts.append(t)
        else:
            parts.append(rng.choice(["None", "None", ""]))
    return parts


def random_start(rng, scenario, args):
    """The StartingToken of the chain's first run, and its kind."""
    script = scenario["script"]
    candidates = [p for p in script[:-1] if "tokens" in p]
    roll = rng.random()
    if roll < 0.68 or not candidates:
        return None, None
    page = rng.choice(candidates)
    tokens = page["tokens"]
    count = scenario["token_count"]
    if roll < 0.80:
        # A token made by botocore, e.g. by the AWS CLI with another MaxItems: the input tokens
        # in any order, with or without a truncate amount.
        names = oracle.INPUT_TOKENS[:count]
        # A missing token may be written as null, as the string None, or as "".
        members = [
            (n, oracle.from_scenario(t) if t else rng.choice([None, None, "None", ""]))
            for n, t in zip(names, tokens)
        ]
        if rng.random() < 0.7:
            members.append(("boto_truncate_amount", rng.randint(0, 6)))
        rng.shuffle(members)
        return TokenEncoder().encode(dict(members)), "botocore-encoded"
    if roll < 0.84:
        # More '___'-separated parts than input tokens: both reject it.
        return "___".join(["a"] * (count + 2)), "too-many-parts"
    parts = legacy_parts(rng, tokens)
    if parts is None:
        return None, None
    if roll < 0.92:
        forms = LEGACY_AMOUNT_FORMS + ([] if args.ascii_legacy_amounts else UNICODE_AMOUNT_FORMS)
        amount = rng.randint(0, 5)
        text = "___".join(parts + [rng.choice(forms) % amount])
        kind = "legacy-with-amount"
    else:
        while len(parts) > 1 and parts[-1] in ("None", "") and rng.random() < 0.5:
            parts.pop()  # missing trailing tokens are null
        text = "___".join(parts)
        kind = "raw" if count == 1 else "legacy"
    if not text or decodes_as_json(text):
        return None, None
    return text, kind


def random_max_items(rng, n):
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


def random_scenario(rng, index, args):
    structured = rng.random() < 0.25
    scenario = {
        "id": index,
        "token_count": rng.choice([1, 1, 1, 2, 3]) if not structured else rng.choice([1, 1, 2]),
        "token_kind": "structured" if structured else "string",
        "more_results": rng.random() < 0.3,
        "limit_type": "string" if rng.random() < 0.3 else "integer",
    }
    listing = random_listing(rng)
    default_page_size = rng.randint(1, 12)
    honours_limit = rng.random() < 0.7
    page_size = None if rng.random() < 0.3 else rng.randint(1, 15)
    if page_size is not None and not honours_limit and rng.random() < 0.1:
        page_size = 0
    effective = page_size if page_size and honours_limit else default_page_size
    scenario.update(
        {
            "listing_size": len(listing),
            "default_page_size": default_page_size,
            "honours_limit": honours_limit,
            "page_size": page_size,
            "max_items": random_max_items(rng, len(listing)),
            "max_runs": 80,
            "iterate": "items" if rng.random() < 0.2 else "pages",
        }
    )
    scenario["script"] = random_script(rng, scenario, listing, effective)
    scenario["start_token"], scenario["start_kind"] = random_start(rng, scenario, args)
    return scenario


# -------------------------------------------------------------------------------------------
# Comparison
# -------------------------------------------------------------------------------------------

COMPARED = ("starting_token", "max_items", "pages", "items", "requests", "error")


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


def pages_in(run):
    if run["pages"] is not None:
        return len(run["pages"])
    return len(run["requests"]) - (1 if run["error"] == "fetch_failed" else 0)


def run_driver(driver, lines):
    proc = subprocess.run(
        [driver], input="".join(lines), capture_output=True, text=True, encoding="utf-8", check=False,
        timeout=600,
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit("differential: the driver exited with %d" % proc.returncode)
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--driver", required=True, help="path of pagination_differential_driver")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="number of scenarios")
    parser.add_argument("--show", type=int, default=3, help="differences to print in full")
    parser.add_argument("--dump", help="also write the scenarios, one JSON object per line, to this file")
    parser.add_argument(
        "--ascii-legacy-amounts",
        action="store_true",
        help="write legacy truncate amounts with ASCII digits and white space only",
    )
    args = parser.parse_args()

    started = time.monotonic()
    rng = random.Random(args.seed)
    scenarios = [random_scenario(rng, i, args) for i in range(args.count)]
    lines = [json.dumps(s) + "\n" for s in scenarios]
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            out.writelines(lines)

    actual = run_driver(args.driver, lines)
    if len(actual) != len(scenarios):
        raise SystemExit("differential: the driver answered %d of %d scenarios" % (len(actual), len(scenarios)))

    runs = pages = differences = 0
    coverage = {}

    def note(key):
        coverage[key] = coverage.get(key, 0) + 1

    for scenario, ours in zip(scenarios, actual):
        theirs = oracle.run_chain(json.loads(json.dumps(scenario)))
        runs += len(theirs["runs"])
        pages += sum(pages_in(r) for r in theirs["runs"])
        if scenario["start_kind"]:
            note("start:" + scenario["start_kind"])
        for r in theirs["runs"]:
            note("error:" + r["error"] if r["error"] else ("resumable" if r["resume_token"] else "complete"))
            if r["resume_token"] and "boto_truncate_amount" in base64.b64decode(r["resume_token"]).decode():
                note("truncated")
            if r["resume_token"] and "boto_encoded_keys" in base64.b64decode(r["resume_token"]).decode():
                note("bytes-token")
        found = compare(theirs, ours)
        if found is None:
            continue
        differences += 1
        if differences <= args.show:
            index, what = found
            print("=" * 100)
            print("DIFFERENCE in scenario %d, run %d: %s" % (scenario["id"], index, what))
            print("scenario:", json.dumps(scenario))
            print("botocore:", json.dumps(theirs["runs"][index] if index < len(theirs["runs"]) else None))
            print("library: ", json.dumps(ours["runs"][index] if index < len(ours["runs"]) else None))

    print("coverage: " + ", ".join("%s %d" % kv for kv in sorted(coverage.items())))
    print(
        "differential: %d scenarios, %d runs, %d pages compared, %d differences (seed %d, %.1f s)"
        % (len(scenarios), runs, pages, differences, args.seed, time.monotonic() - started)
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
