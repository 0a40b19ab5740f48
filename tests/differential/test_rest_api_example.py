#!/usr/bin/python3
"""End-to-end test of examples/rest_api.cpp (rest-api-example) against botocore's paginator.

The example pages an issue tracker's REST API (page number in the query, Link header naming the
next page) with a TokenPolicy and a LimitPolicy of one line each. This test runs the binary and,
over a Python copy of the same server, botocore's Paginator configured for the same API (input
token `page`, output token `next_page`, limit `per_page`, result `issues`), and compares for
every state, MaxItems and PageSize: the issues printed, the NextToken byte for byte, and the GET
requests sent; then follows each chain of runs to its end and checks that it lists every issue
exactly once, in order. It also checks the starting-token forms (botocore's tokens, legacy
`page___amount` tokens, raw page numbers) and the exit codes of the errors.

  test_rest_api_example.py path/to/rest-api-example

Exits 77 when botocore is not importable by this Python.
"""

import json
import subprocess
import sys
import types
from urllib.parse import parse_qsl, urlsplit

try:
    from botocore.paginate import Paginator, TokenEncoder
except ImportError as exc:
    print("rest api example test: skipped, botocore is not importable by %s: %s" % (sys.executable, exc))
    sys.exit(77)

ISSUE_COUNT = 137
TITLE_WORDS = ["crash on start", "typo in docs", "slow listing", "flaky test", "wrong time zone", "missing icon",
               "memory leak", "broken link", "unicode in names", "timeout on upload", "dark mode", "retry storm"]
PAGINATOR = {"input_token": "page", "output_token": "next_page", "limit_key": "per_page", "result_key": "issues"}
MODEL = types.SimpleNamespace(
    input_shape=types.SimpleNamespace(members={"per_page": types.SimpleNamespace(type_name="integer")}))


class HttpError(Exception):
    pass


def issues_of(state):
    out = []
    for n in range(1, ISSUE_COUNT + 1):
        is_open = n % 3 != 0
        if state == "all" or (state == "open") == is_open:
            out.append({"number": n, "title": "%s #%d" % (TITLE_WORDS[n % 12], n)})
    return out


class Server:
    """The example's server, as a client method botocore's Paginator calls."""

    def __init__(self):
        self.requests = []

    def __call__(self, state, page=None, per_page=None):
        query = {"state": state}
        if per_page is not None:
            query["per_page"] = str(per_page)
        if page is not None:
            query["page"] = page
        self.requests.append(query)
        number = int(page) if page is not None and page.isdigit() and len(page) <= 6 else (1 if page is None else None)
        size = 30 if per_page is None else per_page
        if number is None or number < 1 or not 1 <= size <= 100:
            raise HttpError("HTTP 422")
        matching = issues_of(state)
        first = (number - 1) * size
        result = {"issues": matching[first : first + size]}
        pages = (len(matching) + size - 1) // size
        if number < pages:
            result["next_page"] = str(number + 1)
        return result


def botocore_run(state, max_items, page_size, token):
    server = Server()
    config = {}
    if max_items is not None:
        config["MaxItems"] = max_items
    if page_size is not None:
        config["PageSize"] = page_size
    if token is not None:
        config["StartingToken"] = token
    try:
        iterator = Paginator(server, PAGINATOR, MODEL).paginate(state=state, PaginationConfig=config)
        issues = [issue for page in iterator for issue in page["issues"]]
    except Exception as exc:  # a token botocore cannot read is a difference, reported as such
        return {"error": "%s: %s" % (type(exc).__name__, exc)}
    return {"issues": issues, "next": iterator.resume_token, "requests": server.requests}


def example_run(binary, state, max_items, page_size, token):
    args = [binary, "--trace", "--state", state]
    if max_items is not None:
        args += ["--max-items", str(max_items)]
    if page_size is not None:
        args += ["--page-size", str(page_size)]
    if token is not None:
        args += ["--starting-token", token]
    proc = subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)
    if proc.returncode != 0:
        return {"error": "exit %d: %s" % (proc.returncode, proc.stderr.strip())}
    output = json.loads(proc.stdout)
    requests = [dict(parse_qsl(urlsplit(line[4:]).query, keep_blank_values=True))
                for line in proc.stderr.splitlines() if line.startswith("GET ")]
    return {"issues": output["issues"], "next": output.get("NextToken"), "requests": requests}


# (PageSize, MaxItems) of the chains: short and long pages, MaxItems within a page, at a page's
# end, across pages, zero, and beyond the listing.
CONFIGS = [(None, None), (None, 7), (None, 200), (1, 4), (3, 1), (3, 7), (10, 0), (10, 25), (30, 30), (100, None),
           (100, 50)]

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        if len(failures) <= 5:
            print("FAIL:", what)


def main(binary):
    runs = chains = 0
    for state in ("open", "closed", "all"):
        everything = issues_of(state)
        for page_size, max_items in CONFIGS:
            token = None
            seen = []
            for _ in range(300):
                ours = example_run(binary, state, max_items, page_size, token)
                theirs = botocore_run(state, max_items, page_size, token)
                runs += 1
                label = "state %s page size %s max items %s token %s" % (state, page_size, max_items, token)
                check(ours == theirs, "%s: the example %s, botocore %s" % (label, ours, theirs))
                seen += ours.get("issues", [])
                if ours.get("next") is None or ours["next"] == token:
                    break
                token = ours["next"]
            chains += 1
            if max_items != 0:
                check(seen == everything, "state %s page size %s max items %s: the chain lists %d of %d issues"
                      % (state, page_size, max_items, len(seen), len(everything)))

    # Starting tokens in every form both sides read: botocore's, legacy, raw page numbers.
    for token in (TokenEncoder().encode({"page": "3", "boto_truncate_amount": 2}), TokenEncoder().encode({"page": None}),
                  "3___2", "2", "5___0", "None___4"):
        ours = example_run(binary, "all", 5, 10, token)
        theirs = botocore_run("all", 5, 10, token)
        runs += 1
        check(ours == theirs, "starting token %r: the example %s, botocore %s" % (token, ours, theirs))

    # Errors: a token naming another request field is refused before anything is sent (exit 2);
    # an answer of the server that is an error exits 1 and says where to resume.
    foreign = TokenEncoder().encode({"state": "closed", "page": "2"})
    proc = subprocess.run([binary, "--trace", "--starting-token", foreign], capture_output=True, text=True, check=False)
    check(proc.returncode == 2 and "GET" not in proc.stderr and proc.stdout == "",
          "a foreign starting token: exit %d, stderr %r" % (proc.returncode, proc.stderr))
    proc = subprocess.run([binary, "--page-size", "101"], capture_output=True, text=True, check=False)
    check(proc.returncode == 1 and "HTTP 422" in proc.stderr and "--starting-token" in proc.stderr,
          "a server error: exit %d, stderr %r" % (proc.returncode, proc.stderr))
    proc = subprocess.run([binary, "--max-items", "x"], capture_output=True, text=True, check=False)
    check(proc.returncode == 2, "a bad option value: exit %d" % proc.returncode)

    print("rest api example: %d runs in %d chains compared with botocore, %d failures" % (runs, chains, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.exit(main(sys.argv[1]))
