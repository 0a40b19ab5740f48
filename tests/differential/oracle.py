#!/usr/bin/python3
"""Runs a differential scenario through botocore's paginator, the reference implementation.

A scenario (JSON; see run_differential.py for how they are generated) describes an in-memory
service as a script of pages and a chain of runs over it:

  token_count     1-3 input tokens, named NextToken, Marker, ContinuationToken (in that order)
  more_results    whether the API has a more-results flag (IsTruncated)
  limit_type      "integer" or "string": the type of the limit field (MaxResults)
  page_size       PageSize for every run, or null
  max_items       MaxItems per run, cycled (null: none)
  start_token     StartingToken of the first run, or null
  max_runs        bound on the runs of the chain
  iterate         "pages" or "items": what the run is consumed as
  script          the service's pages: {"items", "extra", "tokens", "more", "fail"}

The service answers a request without tokens with page 0, and a request whose tokens equal the
output tokens of page k (the first such page) with page k + 1; anything else is a service error,
and so is a request beyond the 500th of a run (a run that loops).
Token values are JSON, except {"$bytes": "<base64>"}, which is a binary value.

Each run after the first starts from the previous run's resume token; the chain ends at an
error, at a run without a resume token, at a run that made no progress, or after max_runs.

Usage: oracle.py [FILE]   reads one scenario per line (a JSON object), prints one result per line.
"""

import base64
import copy
import json
import sys
import types

from botocore.exceptions import PaginationError
from botocore.paginate import Paginator

INPUT_TOKENS = ["NextToken", "Marker", "ContinuationToken"]
OUTPUT_TOKENS = ["Next", "NextMarker", "NextContinuationToken"]
LIMIT_KEY = "MaxResults"
MORE_RESULTS_KEY = "IsTruncated"
BYTES_MARK = "$bytes"
# A run that sends more requests than this is looping; the service then fails.
MAX_REQUESTS_PER_RUN = 500


class ServiceError(Exception):
    """The scripted service refused a request."""


def from_scenario(value):
    """A token value of the scenario as the service returns it ({"$bytes": ...} becomes bytes)."""
    if isinstance(value, dict):
        if len(value) == 1 and BYTES_MARK in value:
            return base64.b64decode(value[BYTES_MARK])
        return {k: from_scenario(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_scenario(v) for v in value]
    return value


def to_scenario(value):
    """The inverse of from_scenario, for logging what the service received."""
    if isinstance(value, bytes):
        return {BYTES_MARK: base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {k: to_scenario(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_scenario(v) for v in value]
    return value


def normalise(value):
    """What the service makes of a token: any empty value is no token."""
    return value if value else None


class ScriptedService:
    def __init__(self, scenario):
        self.names = INPUT_TOKENS[: scenario["token_count"]]
        self.page_size = scenario["page_size"]
        self.limit_is_string = scenario["limit_type"] == "string"
        self.script = []
        for page in scenario["script"]:
            self.script.append(
                {
                    "items": page["items"],
                    "extra": page.get("extra", []),
                    "tokens": [from_scenario(t) for t in page["tokens"]],
                    "more": page.get("more"),
                    "fail": page.get("fail", False),
                }
            )
        self.requests = []

    def __call__(self, **kwargs):
        logged = {}
        for name in self.names:
            if name in kwargs:
                logged[name] = to_scenario(kwargs[name])
        if LIMIT_KEY in kwargs:
            logged[LIMIT_KEY] = kwargs[LIMIT_KEY]
        self.requests.append(logged)
        if len(self.requests) > MAX_REQUESTS_PER_RUN:
            raise ServiceError("more than %d requests in one run" % MAX_REQUESTS_PER_RUN)
        unknown = set(kwargs) - set(self.names) - {LIMIT_KEY}
        if unknown:
            raise ServiceError("unexpected request fields %s" % sorted(unknown))
        self._check_limit(kwargs)
        return self._page(self._index(kwargs), kwargs)

    def _check_limit(self, kwargs):
        if self.page_size is None:
            if LIMIT_KEY in kwargs:
                raise ServiceError("a limit was sent without a PageSize")
            return
        expected = str(self.page_size) if self.limit_is_string else self.page_size
        got = kwargs.get(LIMIT_KEY)
        if type(got) is not type(expected) or got != expected:
            raise ServiceError("limit %r, expected %r" % (got, expected))

    def _index(self, kwargs):
        key = [normalise(kwargs.get(name)) for name in self.names]
        if all(v is None for v in key):
            return 0
        for k, page in enumerate(self.script[:-1]):
            if [normalise(t) for t in page["tokens"]] == key:
                return k + 1
        raise ServiceError("unknown token %r" % (key,))

    def _page(self, index, kwargs):
        page = self.script[index]
        if page["fail"]:
            raise ServiceError("page %d fails" % index)
        result = {"Items": copy.deepcopy(page["items"]), "Extra": copy.deepcopy(page["extra"])}
        for k, value in enumerate(page["tokens"]):
            # A null token is sometimes absent, sometimes present as null.
            if value is not None or index % 2 == 1:
                result[OUTPUT_TOKENS[k]] = copy.deepcopy(value)
        if page["more"] is not None:
            result[MORE_RESULTS_KEY] = page["more"]
        return result


def make_paginator(scenario, service):
    count = scenario["token_count"]
    config = {
        "input_token": INPUT_TOKENS[:count] if count > 1 else INPUT_TOKENS[0],
        "output_token": OUTPUT_TOKENS[:count] if count > 1 else OUTPUT_TOKENS[0],
        "result_key": ["Items", "Extra"],
        "limit_key": LIMIT_KEY,
    }
    if scenario["more_results"]:
        config["more_results"] = MORE_RESULTS_KEY
    # The paginator reads only the type of the limit member from the operation model.
    limit_shape = types.SimpleNamespace(type_name=scenario["limit_type"])
    model = types.SimpleNamespace(input_shape=types.SimpleNamespace(members={LIMIT_KEY: limit_shape}))
    return Paginator(service, config, model)


def error_category(exc):
    if isinstance(exc, ServiceError):
        return "fetch_failed"
    if isinstance(exc, PaginationError):
        text = str(exc)
        if "same next token" in text:
            return "repeated_token"
        if "PageSize" in text:
            return "invalid_page_size"
        return "pagination_error: " + text
    if isinstance(exc, ValueError) and "Bad starting token" in str(exc):
        return "invalid_starting_token"
    return "crash: %s: %s" % (type(exc).__name__, exc)


def one_run(scenario, max_items, starting_token):
    service = ScriptedService(scenario)
    paginator = make_paginator(scenario, service)
    config = {}
    if max_items is not None:
        config["MaxItems"] = max_items
    if scenario["page_size"] is not None:
        config["PageSize"] = scenario["page_size"]
    if starting_token is not None:
        config["StartingToken"] = starting_token
    pages = []
    items = []
    error = None
    iterator = None
    try:
        iterator = paginator.paginate(PaginationConfig=config)
        if scenario["iterate"] == "items":
            for item in iterator.search("Items"):
                items.append(copy.deepcopy(item))
        else:
            for page in iterator:
                page_items = copy.deepcopy(page.get("Items") or [])
                pages.append({"items": page_items, "extra": copy.deepcopy(page.get("Extra"))})
                items.extend(page_items)
    except Exception as exc:  # the category is the result
        error = error_category(exc)
    return {
        "starting_token": starting_token,
        "max_items": max_items,
        "pages": pages if scenario["iterate"] == "pages" else None,
        "items": items,
        "requests": service.requests,
        "resume_token": iterator.resume_token if iterator is not None else None,
        "error": error,
    }


def run_chain(scenario):
    """Every run of the scenario's chain."""
    runs = []
    token = scenario.get("start_token")
    max_items = scenario["max_items"] or [None]
    for r in range(scenario["max_runs"]):
        result = one_run(scenario, max_items[r % len(max_items)], token)
        runs.append(result)
        resume = result["resume_token"]
        if result["error"] is not None or resume is None or resume == token:
            break
        token = resume
    return {"id": scenario.get("id"), "runs": runs}


def main(argv):
    source = open(argv[1], encoding="utf-8") if len(argv) > 1 else sys.stdin
    with source:
        for line in source:
            if line.strip():
                print(json.dumps(run_chain(json.loads(line))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
