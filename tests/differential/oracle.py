#!/usr/bin/python3
"""The reference side of the differential test: a scenario run through botocore's Paginator.

A scenario (one JSON object; run_differential.py generates them, apis.py says per API how) is a
scripted service and a chain of runs over it:

  api            the table entry of apis.py: "core", "s3.ListObjectsV2", "sdk.dynamodb.ListTables", ...
  paginator      the paginator definition, as in botocore's paginators-1.json (input_token,
                 output_token, result_key, limit_key, more_results), and limit_type, the type of
                 the limit member ("integer" or "string")
  params         the request's other members, as boto3 takes them ({"Bucket": "b", ...})
  page_size      PageSize for every run, or null
  max_items      MaxItems per run, cycled (null: none)
  start_token    StartingToken of the first run, or null
  on_repeated    "error" or "stop" to override the API's policy for the same token twice, or null
  max_runs       bound on the runs of the chain
  iterate        "pages" or "items": what the run is consumed as
  script         the service's pages: {"response": {...}, "next": [...], "fail": bool}

The C++ driver also reads the definition's facts that run_differential.py adds (input_tokens,
limit_key, limit_is_string, primary, more_results, token_kind).

The service answers a request without tokens with page 0, and a request whose input tokens equal
the "next" of page k (the first such page) with page k + 1: "next" is what the service expects to
be sent for the page after k (for most APIs the page's output tokens; for S3 ListObjects without
NextMarker, the last key). Anything else is a service error, and so is a request whose other
members differ from the scenario's params, a limit that is not the PageSize in the limit
member's type, and a request beyond the 500th of a run (a run that loops).
Values are JSON, except {"$bytes": "<base64>"}, which is a binary value.

Each run after the first starts from the previous run's resume token; the chain ends at an
error, at a run without a resume token, at a run that made no progress, or after max_runs.
A run's result: starting_token, max_items, pages (null when iterated as items), items,
requests (as the service received them), resume_token, error (a category; see error_category).
"""

import base64
import copy

from botocore.exceptions import PaginationError
from botocore.paginate import Paginator, TokenEncoder

BYTES_MARK = "$bytes"
# A run that sends more requests than this is looping; the service then fails.
MAX_REQUESTS_PER_RUN = 500


class ServiceError(Exception):
    """The scripted service refused a request."""


def from_scenario(value):
    """A value of the scenario as the service returns it ({"$bytes": ...} becomes bytes)."""
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


def as_list(value):
    return value if isinstance(value, list) else [value]


class ScriptedService:
    """The service of a scenario, as botocore's Paginator calls a client method: **kwargs."""

    def __init__(self, scenario):
        definition = scenario["paginator"]
        self.input_tokens = as_list(definition["input_token"])
        self.limit_key = definition["limit_key"]
        self.limit_is_string = scenario["limit_type"] == "string"
        self.params = from_scenario(scenario["params"])
        self.page_size = scenario["page_size"]
        self.script = scenario["script"]
        self.requests = []

    def __call__(self, **kwargs):
        self.requests.append(to_scenario(kwargs))
        if len(self.requests) > MAX_REQUESTS_PER_RUN:
            raise ServiceError("more than %d requests in one run" % MAX_REQUESTS_PER_RUN)
        for name, value in kwargs.items():
            if name in self.input_tokens or name == self.limit_key:
                continue
            if name not in self.params or self.params[name] != value:
                raise ServiceError("request member %s=%r is not the scenario's" % (name, value))
        for name in self.params:
            if name not in kwargs:
                raise ServiceError("request member %s is missing" % name)
        self._check_limit(kwargs)
        index = self._index(kwargs)
        page = self.script[index]
        if page.get("fail"):
            raise ServiceError("page %d fails" % index)
        return from_scenario(copy.deepcopy(page["response"]))

    def _check_limit(self, kwargs):
        if self.page_size is None:
            if self.limit_key in kwargs:
                raise ServiceError("a limit was sent without a PageSize")
            return
        expected = str(self.page_size) if self.limit_is_string else self.page_size
        got = kwargs.get(self.limit_key)
        if type(got) is not type(expected) or got != expected:
            raise ServiceError("limit %r, expected %r" % (got, expected))

    def _index(self, kwargs):
        key = [normalise(kwargs.get(name)) for name in self.input_tokens]
        if all(v is None for v in key):
            return 0
        for k, page in enumerate(self.script[:-1]):
            if "next" in page and [normalise(from_scenario(t)) for t in page["next"]] == key:
                return k + 1
        raise ServiceError("unknown token %r" % (to_scenario(key),))


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


def one_run(scenario, api, max_items, starting_token):
    """One run through botocore's paginator; with the stop policy, the same token twice ends
    the run quietly, its resume token at the last request's tokens after the page handed out."""
    policy = scenario.get("on_repeated") or api.repeated
    service = ScriptedService(scenario)
    primary = as_list(scenario["paginator"]["result_key"])[0]
    paginator = Paginator(service, scenario["paginator"], api.operation_model(scenario))
    config = {}
    if max_items is not None:
        config["MaxItems"] = max_items
    if scenario["page_size"] is not None:
        config["PageSize"] = scenario["page_size"]
    if starting_token is not None:
        config["StartingToken"] = starting_token
    pages, items = [], []
    error = None
    iterator = None
    resume = None
    stopped = False
    last_page_items = 0
    try:
        iterator = paginator.paginate(PaginationConfig=config, **from_scenario(scenario["params"]))
        for page in iterator:
            page_items = copy.deepcopy(page.get(primary) or [])
            last_page_items = len(page_items)
            pages.append(to_scenario(copy.deepcopy(page)))
            items.extend(to_scenario(page_items))
        resume = iterator.resume_token
    except PaginationError as exc:
        if policy == "stop" and "same next token" in str(exc):
            sent = service.requests[-1]
            tokens = {name: from_scenario(sent.get(name)) for name in service.input_tokens}
            if last_page_items:
                tokens["boto_truncate_amount"] = last_page_items
            resume = TokenEncoder().encode(tokens)
            stopped = True
        else:
            error = error_category(exc)
    except Exception as exc:  # the category is the result
        error = error_category(exc)
    return {
        "starting_token": starting_token,
        "max_items": max_items,
        "pages": pages if scenario["iterate"] == "pages" else None,
        "items": items,
        "requests": service.requests,
        "resume_token": resume,
        "error": error,
        "stopped": stopped,  # not compared: for the coverage counts
    }


def run_chain(scenario, api):
    """Every run of the scenario's chain."""
    runs = []
    token = scenario.get("start_token")
    max_items = scenario["max_items"] or [None]
    for r in range(scenario["max_runs"]):
        result = one_run(scenario, api, max_items[r % len(max_items)], token)
        runs.append(result)
        resume = result["resume_token"]
        if result["error"] is not None or resume is None or resume == token:
            break
        token = resume
    return {"id": scenario.get("id"), "runs": runs}
