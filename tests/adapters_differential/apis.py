#!/usr/bin/python3
"""The APIs of the adapters' differential test: their botocore paginators, and scripted services.

Each API is compared with botocore's Paginator configured exactly as boto3 configures it: the
paginator definition and the operation model come from botocore's own data (paginators-1.json
and service-2.json of the installed botocore), except CloudWatch Logs GetLogEvents, whose
definition is newer than the installed data and is written out below as the AWS SDKs' data has it.

A scenario (one JSON object) is a scripted service and a chain of runs over it:

  api            "s3.ListObjectsV2", "dynamodb.Scan", ... (APIS below); "sdk.<service>.<op>" runs
                 the operation through the generic SDK adapter over an SDK-shaped client
  params         the request's other members, as boto3 takes them ({"Bucket": "b", ...})
  page_size      PageSize for every run, or null
  max_items      MaxItems per run, cycled (null: none)
  start_token    StartingToken of the first run, or null
  on_repeated    "error" or "stop" to override the API's policy for the same token twice, or null
  max_runs       bound on the runs of the chain
  iterate        "pages" or "items"
  script         the service's pages: {"response": {...}, "next": [...], "fail": bool}

The service answers a request without tokens with page 0, and a request whose input tokens
equal the "next" of page k (the first such page) with page k + 1: "next" is what the service
expects to be sent for the page after k (for most APIs the page's output tokens; for S3
ListObjects without NextMarker, the last key). Anything else is a service error, and so is a
request whose other members differ from the scenario's params, a limit that is not the PageSize
in the limit member's type, and a request beyond the 500th of a run.
Values are JSON, except {"$bytes": "<base64>"}, which is a binary value.

Pages are compared after normalisation: members that are null, and result lists that are empty,
are left out (a typed result cannot tell an absent list from an empty one; boto3 writes null
into a result key that the page did not have when it drops a starting token's items).
"""

import base64
import copy
import os
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "differential"))

import botocore.session  # noqa: E402
from botocore.exceptions import PaginationError  # noqa: E402
from botocore.paginate import Paginator, TokenEncoder  # noqa: E402

import oracle  # noqa: E402  (tests/differential/oracle.py)
import run_differential as base  # noqa: E402  (tests/differential/run_differential.py)

from_scenario = oracle.from_scenario
to_scenario = oracle.to_scenario
normalise = oracle.normalise
ServiceError = oracle.ServiceError

_SESSION = botocore.session.get_session()

# GetLogEvents' paginator, as the AWS SDKs' service data defines it (botocore releases after the
# installed one carry the same definition).
GET_LOG_EVENTS_PAGINATOR = {
    "input_token": "nextToken",
    "output_token": "nextForwardToken",
    "limit_key": "limit",
    "result_key": "events",
}


class Api:
    """One paginated operation: botocore's paginator for it, and how to script its service."""

    def __init__(self, name, service, operation, list_keys, repeated="error", paginator=None):
        self.name = name
        self.service = service
        self.operation = operation
        self.model = _SESSION.get_service_model(service).operation_model(operation)
        if paginator is None:
            paginator = dict(_SESSION.get_paginator_model(service).get_paginator(operation))
        self.config = paginator
        tokens = paginator["input_token"]
        self.input_tokens = tokens if isinstance(tokens, list) else [tokens]
        results = paginator["result_key"]
        self.primary = results[0] if isinstance(results, list) else results
        self.limit_key = paginator["limit_key"]
        limit_shape = self.model.input_shape.members[self.limit_key]
        self.limit_is_string = limit_shape.type_name == "string"
        self.list_keys = set(list_keys)
        self.repeated = repeated  # the adapter's default for the same token twice


APIS = {
    "s3.ListObjectsV2": Api("s3.ListObjectsV2", "s3", "ListObjectsV2", ["Contents", "CommonPrefixes"]),
    "s3.ListObjects": Api("s3.ListObjects", "s3", "ListObjects", ["Contents", "CommonPrefixes"]),
    "dynamodb.Scan": Api("dynamodb.Scan", "dynamodb", "Scan", ["Items"]),
    "dynamodb.Query": Api("dynamodb.Query", "dynamodb", "Query", ["Items"]),
    "route53.ListResourceRecordSets": Api(
        "route53.ListResourceRecordSets", "route53", "ListResourceRecordSets", ["ResourceRecordSets"]
    ),
    "logs.GetLogEvents": Api(
        "logs.GetLogEvents", "logs", "GetLogEvents", ["events"], repeated="stop", paginator=GET_LOG_EVENTS_PAGINATOR
    ),
    "logs.FilterLogEvents": Api("logs.FilterLogEvents", "logs", "FilterLogEvents", ["events", "searchedLogStreams"]),
    "sdk.s3.ListObjectsV2": Api("sdk.s3.ListObjectsV2", "s3", "ListObjectsV2", ["Contents", "CommonPrefixes"]),
    "sdk.dynamodb.ListTables": Api("sdk.dynamodb.ListTables", "dynamodb", "ListTables", ["TableNames"]),
    "sdk.route53.ListHostedZones": Api("sdk.route53.ListHostedZones", "route53", "ListHostedZones", ["HostedZones"]),
}


# -------------------------------------------------------------------------------------------
# The scripted service and one botocore run
# -------------------------------------------------------------------------------------------


class ScriptedService:
    """The service of a scenario, as botocore's Paginator calls a client method: **kwargs."""

    def __init__(self, scenario, api):
        self.api = api
        self.params = from_scenario(scenario["params"])
        self.page_size = scenario["page_size"]
        self.script = scenario["script"]
        self.requests = []

    def __call__(self, **kwargs):
        self.requests.append(to_scenario(kwargs))
        if len(self.requests) > oracle.MAX_REQUESTS_PER_RUN:
            raise ServiceError("more than %d requests in one run" % oracle.MAX_REQUESTS_PER_RUN)
        for name, value in kwargs.items():
            if name in self.api.input_tokens or name == self.api.limit_key:
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
        key = self.api.limit_key
        if self.page_size is None:
            if key in kwargs:
                raise ServiceError("a limit was sent without a PageSize")
            return
        expected = str(self.page_size) if self.api.limit_is_string else self.page_size
        got = kwargs.get(key)
        if type(got) is not type(expected) or got != expected:
            raise ServiceError("limit %r, expected %r" % (got, expected))

    def _index(self, kwargs):
        key = [normalise(kwargs.get(name)) for name in self.api.input_tokens]
        if all(v is None for v in key):
            return 0
        for k, page in enumerate(self.script[:-1]):
            if "next" in page and [normalise(from_scenario(t)) for t in page["next"]] == key:
                return k + 1
        raise ServiceError("unknown token %r" % (to_scenario(key),))


def normalise_page(page, api):
    """A page as compared: JSON with $bytes, without null members and empty result lists."""
    out = {}
    for name, value in to_scenario(page).items():
        if value is None or (name in api.list_keys and value == []):
            continue
        out[name] = value
    return out


def one_run(scenario, max_items, starting_token):
    """One run through botocore's paginator; with the stop policy, the same token twice ends
    the run quietly, its resume token at the last request's tokens after the page handed out."""
    api = APIS[scenario["api"]]
    policy = scenario.get("on_repeated") or api.repeated
    service = ScriptedService(scenario, api)
    paginator = Paginator(service, api.config, api.model)
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
            page_items = copy.deepcopy(page.get(api.primary) or [])
            last_page_items = len(page_items)
            pages.append(normalise_page(copy.deepcopy(page), api))
            items.extend(to_scenario(page_items))
        resume = iterator.resume_token
    except PaginationError as exc:
        if policy == "stop" and "same next token" in str(exc):
            sent = service.requests[-1]
            tokens = {name: from_scenario(sent.get(name)) for name in api.input_tokens}
            if last_page_items:
                tokens["boto_truncate_amount"] = last_page_items
            resume = TokenEncoder().encode(tokens)
            stopped = True
        else:
            error = oracle.error_category(exc)
    except Exception as exc:  # the category is the result
        error = oracle.error_category(exc)
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


def run_chain(scenario):
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


# -------------------------------------------------------------------------------------------
# Scripts
# -------------------------------------------------------------------------------------------


def cut(rng, listing, page_size, empty_pages=True):
    """The listing in pages of about page_size: some short, some (when allowed) empty."""
    pages, pos = [], 0
    while True:
        roll = rng.random()
        if empty_pages and roll < 0.07:
            size = 0
        elif roll < 0.22:
            size = rng.randint(1, page_size)
        else:
            size = page_size
        pages.append(listing[pos : pos + size])
        pos += size
        if pos >= len(listing) and (not empty_pages or rng.random() < 0.85 or len(pages) > 60):
            return pages


def listing_size(rng):
    roll = rng.random()
    if roll < 0.06:
        return 0
    if roll < 0.3:
        return rng.randint(1, 6)
    return rng.randint(7, 60)


def opaque(rng, low=12, high=40):
    raw = bytes(rng.randrange(256) for _ in range(rng.randint(low, high)))
    return base64.b64encode(raw).decode("ascii")


def token_text(rng):
    """A string token: mostly opaque base64, sometimes text with awkward characters."""
    return opaque(rng) if rng.random() < 0.75 else base.random_text(rng)


def unique(rng, used, make):
    while True:
        value = make(rng)
        key = repr(value)
        if key not in used:
            used.add(key)
            return value


def finish(rng, script, fail_rate=0.03):
    if script and rng.random() < fail_rate:
        rng.choice(script)["fail"] = True
    return script


def with_repeat(rng, script, set_tokens):
    """A page repeats the token that was sent for it (the previous page's next): the last page
    the service can be asked for. `set_tokens(response, tokens)` writes tokens into a response."""
    if len(script) >= 3 and rng.random() < 0.04:
        k = rng.randint(1, len(script) - 2)
        script[k]["next"] = copy.deepcopy(script[k - 1]["next"])
        set_tokens(script[k]["response"], script[k]["next"])
        del script[k + 1 :]
    return script


# S3 ----------------------------------------------------------------------------------------

def s3_object(rng, key):
    obj = {"Key": key, "Size": rng.randint(0, 10**10), "ETag": '"%032x"' % rng.getrandbits(128)}
    if rng.random() < 0.8:
        obj["LastModified"] = "2024-%02d-%02dT%02d:%02d:%02d.000Z" % (
            rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    if rng.random() < 0.7:
        obj["StorageClass"] = rng.choice(["STANDARD", "STANDARD_IA", "GLACIER"])
    return obj


def s3_params(rng):
    params = {"Bucket": rng.choice(["examplebucket", "logs-archive", "my.bucket-2024"])}
    if rng.random() < 0.4:
        params["Prefix"] = rng.choice(["photos/", "2024/", "a"])
    if rng.random() < 0.3:
        params["Delimiter"] = "/"
    if rng.random() < 0.15:
        params["EncodingType"] = "url"
    return params


def s3_listing(rng, params):
    prefix = params.get("Prefix", "")
    keys = set()
    for _ in range(listing_size(rng)):
        if rng.random() < 0.15:
            keys.add(prefix + base.random_text(rng, 1, 8))
        else:
            keys.add(prefix + "%s/%04d.%s" % (rng.choice(["logs", "img", "data"]), rng.randint(0, 9999),
                                              rng.choice(["txt", "png", "csv"])))
    return [s3_object(rng, k) for k in sorted(keys)]


def common_prefixes(rng, params):
    if "Delimiter" not in params or rng.random() < 0.5:
        return []
    return [{"Prefix": params.get("Prefix", "") + "dir%d/" % rng.randint(0, 99)} for _ in range(rng.randint(1, 2))]


def s3_list_objects_v2_script(rng, scenario, params, page_size):
    listing = s3_listing(rng, params)
    pages = cut(rng, listing, page_size)
    used = set()
    script = []
    for k, items in enumerate(pages):
        last = k == len(pages) - 1
        prefixes = common_prefixes(rng, params)
        response = {
            "Name": params["Bucket"],
            "Prefix": params.get("Prefix", ""),
            "MaxKeys": scenario["page_size"] or 1000,
            "KeyCount": len(items) + len(prefixes),
            "IsTruncated": not last,
        }
        if items:
            response["Contents"] = items
        if prefixes:
            response["CommonPrefixes"] = prefixes
        if "Delimiter" in params:
            response["Delimiter"] = params["Delimiter"]
        if "EncodingType" in params:
            response["EncodingType"] = params["EncodingType"]
        if k > 0 and "next" in script[-1]:
            response["ContinuationToken"] = script[-1]["next"][0]
        page = {"response": response}
        if not last:
            token = unique(rng, used, token_text)
            response["NextContinuationToken"] = token
            page["next"] = [token]
        else:
            roll = rng.random()
            if roll < 0.15:
                # The flag says the listing has ended although a token is present.
                response["NextContinuationToken"] = unique(rng, used, token_text)
                page["next"] = [response["NextContinuationToken"]]
                response["IsTruncated"] = rng.choice([False, None])
            elif roll < 0.25:
                # The flag says more, but there is no token.
                response["IsTruncated"] = True
                response["NextContinuationToken"] = rng.choice(["", None])
            if response.get("IsTruncated") is None:
                del response["IsTruncated"]
            if response.get("NextContinuationToken") is None:
                response.pop("NextContinuationToken", None)
        script.append(page)
    with_repeat(rng, script, lambda response, tokens: response.update(NextContinuationToken=tokens[0], IsTruncated=True))
    return finish(rng, script)


def s3_list_objects_script(rng, scenario, params, page_size):
    listing = s3_listing(rng, params)
    pages = cut(rng, listing, page_size)
    script = []
    sent = ""
    for k, items in enumerate(pages):
        last = k == len(pages) - 1
        prefixes = common_prefixes(rng, params)
        response = {
            "Name": params["Bucket"],
            "Prefix": params.get("Prefix", ""),
            "Marker": sent,
            "MaxKeys": scenario["page_size"] or 1000,
            "IsTruncated": not last,
        }
        if items:
            response["Contents"] = items
        if prefixes:
            response["CommonPrefixes"] = prefixes
        if "Delimiter" in params:
            response["Delimiter"] = params["Delimiter"]
        if "EncodingType" in params:
            response["EncodingType"] = params["EncodingType"]
        # The service sends NextMarker only with a Delimiter (and not always, here).
        candidates = [o["Key"] for o in items] + [p["Prefix"] for p in prefixes]
        if "Delimiter" in params and candidates and rng.random() < 0.7:
            response["NextMarker"] = max(candidates) if rng.random() < 0.9 else ""
        elif rng.random() < 0.05:
            response["NextMarker"] = ""
        marker = response.get("NextMarker") or (items[-1]["Key"] if items else None)
        page = {"response": response}
        if marker is not None:
            page["next"] = [marker]
        script.append(page)
        if not last and marker is None:
            break  # no way to ask for the next page: the listing ends here for every client
        if last and rng.random() < 0.15 and marker is not None:
            response["IsTruncated"] = rng.choice([False, None])
            if response["IsTruncated"] is None:
                del response["IsTruncated"]
        sent = marker or ""
    return finish(rng, script)


# DynamoDB ----------------------------------------------------------------------------------

def ddb_scalar(rng, kind, index):
    if kind == "S":
        return {"S": base.random_text(rng, 1, 8) + "#%d" % index if rng.random() < 0.2 else "user#%05d" % index}
    if kind == "N":
        return {"N": str(index * 7 - 40) if rng.random() < 0.8 else "%d.%d" % (index, rng.randint(0, 99))}
    return {"B": base.bytes_value(rng)}


def ddb_extra(rng):
    choices = [
        ("data", lambda: {"S": base.random_text(rng, 0, 12)}),
        ("count", lambda: {"N": str(rng.randint(-10**6, 10**9))}),
        ("flag", lambda: {"BOOL": rng.random() < 0.5}),
        ("nothing", lambda: {"NULL": True}),
        ("tags", lambda: {"SS": sorted({base.random_text(rng, 1, 5) for _ in range(rng.randint(1, 3))})}),
        ("scores", lambda: {"NS": [str(rng.randint(0, 100)), "1.5"]}),
        ("blob", lambda: {"B": base.bytes_value(rng)}),
        ("blobs", lambda: {"BS": [base.bytes_value(rng), base.bytes_value(rng)]}),
        ("list", lambda: {"L": [{"S": "x"}, {"N": "2"}, {"B": base.bytes_value(rng)}, {"L": []}]}),
        ("map", lambda: {"M": {"a": {"S": base.random_text(rng, 1, 4)}, "b": {"M": {"c": {"BOOL": False}}}}}),
    ]
    return {name: make() for name, make in rng.sample(choices, rng.randint(0, 4))}


def ddb_params(rng, operation, schema):
    params = {"TableName": rng.choice(["Music", "orders-2024", "Thread_Replies"])}
    values = {}
    if operation == "Query":
        params["KeyConditionExpression"] = "pk = :pk"
        values[":pk"] = ddb_scalar(rng, schema[0][1], 1)
        if rng.random() < 0.5:
            params["ScanIndexForward"] = rng.random() < 0.5
    else:
        if rng.random() < 0.2:
            params["Segment"] = rng.randint(0, 3)
            params["TotalSegments"] = 4
    if rng.random() < 0.4:
        params["FilterExpression"] = "attribute_exists(#d) AND #c > :min"
        params["ExpressionAttributeNames"] = {"#d": "data", "#c": "count"}
        values[":min"] = {"N": "10"}
        if rng.random() < 0.3:
            values[":blob"] = ddb_scalar(rng, "B", 0)
    if values:
        params["ExpressionAttributeValues"] = values
    if rng.random() < 0.2:
        params["IndexName"] = "by-date"
    if rng.random() < 0.2:
        params["ProjectionExpression"] = "pk, sk, #d"
        params.setdefault("ExpressionAttributeNames", {})["#d"] = "data"
    if rng.random() < 0.2:
        params["ConsistentRead"] = rng.random() < 0.5
    if rng.random() < 0.2:
        params["ReturnConsumedCapacity"] = "TOTAL"
    if rng.random() < 0.1:
        params["Select"] = "ALL_ATTRIBUTES"
    return params


def ddb_script(rng, scenario, params, page_size, schema):
    n = listing_size(rng)
    items = []
    for i in range(n):
        item = {name: ddb_scalar(rng, kind, i) for name, kind in schema}
        extra = ddb_extra(rng)
        extra.update(item)
        members = list(extra.items())
        rng.shuffle(members)
        items.append(dict(members))
    pages = cut(rng, items, page_size)
    used = set()
    script = []
    for k, page_items in enumerate(pages):
        last = k == len(pages) - 1
        response = {"Count": len(page_items), "ScannedCount": len(page_items) + rng.randint(0, 3)}
        if page_items or rng.random() < 0.5:
            response["Items"] = page_items
        if "ReturnConsumedCapacity" in params:
            response["ConsumedCapacity"] = {"TableName": params["TableName"], "CapacityUnits": rng.choice([0.5, 1.0, 2.5])}
        page = {"response": response}
        if not last:
            # The key of the last item evaluated: the page's last item, or one a filter dropped.
            source = page_items[-1] if page_items and rng.random() < 0.8 else None
            while True:
                if source is not None:
                    key = [(name, source[name]) for name, _ in schema]
                else:
                    key = [(name, ddb_scalar(rng, kind, rng.randint(1000, 10**6))) for name, kind in schema]
                if len(schema) > 1 and rng.random() < 0.3:
                    key.append(("gsi_pk", {"S": "date#%d" % rng.randint(0, 999)}))
                rng.shuffle(key)
                marker = repr(sorted(repr(m) for m in key))
                if marker not in used:
                    used.add(marker)
                    break
                source = None
            response["LastEvaluatedKey"] = dict(key)
            page["next"] = [dict(key)]
        elif rng.random() < 0.1:
            response["LastEvaluatedKey"] = {}
        script.append(page)
    with_repeat(rng, script, lambda response, tokens: response.update(LastEvaluatedKey=copy.deepcopy(tokens[0])))
    return finish(rng, script)


# Route 53 ----------------------------------------------------------------------------------

RR_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SOA", "SRV", "CAA"]


def route53_records(rng):
    records = {}
    for _ in range(listing_size(rng)):
        if rng.random() < 0.1:
            name = base.random_text(rng, 1, 8).replace("_", "-") + ".example.com."
        else:
            name = rng.choice(["", "www.", "api.", "mail.", "*.dev."]) + rng.choice(["example.com.", "example.org."])
        rtype = rng.choice(RR_TYPES)
        record = {"Name": name, "Type": rtype, "TTL": rng.choice([60, 300, 86400]),
                  "ResourceRecords": [{"Value": "192.0.2.%d" % rng.randint(1, 254)} for _ in range(rng.randint(1, 2))]}
        if rng.random() < 0.3:
            record["SetIdentifier"] = rng.choice(["blue", "green", "eu-" + str(rng.randint(1, 9))])
            record["Weight"] = rng.randint(0, 255)
        records[(name, rtype, record.get("SetIdentifier", ""))] = record
    return [records[k] for k in sorted(records)]


def route53_set_tokens(response, tokens):
    response["IsTruncated"] = True
    response["NextRecordName"], response["NextRecordType"] = tokens[0], tokens[1]
    response.pop("NextRecordIdentifier", None)
    if tokens[2] is not None:
        response["NextRecordIdentifier"] = tokens[2]


def route53_script(rng, scenario, params, page_size):
    listing = route53_records(rng)
    pages = cut(rng, listing, page_size, empty_pages=False)
    script = []
    pos = 0
    max_items = str(scenario["page_size"]) if scenario["page_size"] is not None else "300"
    for k, items in enumerate(pages):
        pos += len(items)
        last = k == len(pages) - 1
        response = {"ResourceRecordSets": items, "IsTruncated": not last, "MaxItems": max_items}
        page = {"response": response}
        if not last:
            following = listing[pos] if pos < len(listing) else None
            if following is None:
                break
            response["NextRecordName"] = following["Name"]
            response["NextRecordType"] = following["Type"]
            nxt = [following["Name"], following["Type"], None]
            if "SetIdentifier" in following:
                response["NextRecordIdentifier"] = following["SetIdentifier"]
                nxt[2] = following["SetIdentifier"]
            page["next"] = nxt
        elif rng.random() < 0.15:
            # The flag says the listing has ended although tokens are present.
            response["NextRecordName"] = "zzz.example.com."
            response["NextRecordType"] = "A"
            page["next"] = ["zzz.example.com.", "A", None]
        script.append(page)
    with_repeat(rng, script, route53_set_tokens)
    return finish(rng, script)


# CloudWatch Logs ---------------------------------------------------------------------------

def forward_token(rng):
    return "f/%056d" % rng.getrandbits(180)


def log_events(rng, filtered, streams):
    events = []
    t = 1700000000000 + rng.randint(0, 10**6)
    for i in range(listing_size(rng)):
        t += rng.randint(0, 5000)
        event = {"timestamp": t, "message": base.random_text(rng, 0, 30) if rng.random() < 0.3 else "GET /index.html 200 %d" % i,
                 "ingestionTime": t + rng.randint(0, 900)}
        if filtered:
            event["logStreamName"] = rng.choice(streams)
            event["eventId"] = "%056d" % rng.getrandbits(180)
        events.append(event)
    return events


def get_log_events_script(rng, scenario, params, page_size):
    pages = cut(rng, log_events(rng, False, None), page_size)
    used = set()
    script = []
    for k, events in enumerate(pages):
        response = {"events": events, "nextBackwardToken": "b/%056d" % rng.getrandbits(180)}
        token = unique(rng, used, forward_token)
        response["nextForwardToken"] = token
        script.append({"response": response, "next": [token]})
    # The end of the stream: an empty page whose forward token is the one it was asked with.
    end = {"response": {"events": [], "nextBackwardToken": "b/%056d" % rng.getrandbits(180)}}
    roll = rng.random()
    if roll < 0.05:
        del script[-1]["next"]  # no forward token at all: the listing ends by its tokens
        script[-1]["response"].pop("nextForwardToken")
    else:
        if roll < 0.1 and script[-1]["response"]["events"]:
            # A page that repeats its token although it has events.
            end["response"]["events"] = copy.deepcopy(script[-1]["response"]["events"][:1])
        end["response"]["nextForwardToken"] = script[-1]["next"][0]
        end["next"] = [script[-1]["next"][0]]
        script.append(end)
    return finish(rng, script)


def filter_log_events_script(rng, scenario, params, page_size):
    streams = params.get("logStreamNames") or ["web-1", "web-2", "worker"]
    pages = cut(rng, log_events(rng, True, streams), page_size)
    used = set()
    script = []
    for k, events in enumerate(pages):
        last = k == len(pages) - 1
        response = {"events": events}
        if rng.random() < 0.5:
            response["searchedLogStreams"] = [{"logStreamName": s, "searchedCompletely": rng.random() < 0.5}
                                              for s in rng.sample(streams, rng.randint(1, len(streams)))]
        page = {"response": response}
        if not last:
            token = unique(rng, used, token_text)
            response["nextToken"] = token
            page["next"] = [token]
        elif rng.random() < 0.1:
            response["nextToken"] = ""
        script.append(page)
    with_repeat(rng, script, lambda response, tokens: response.update(nextToken=tokens[0]))
    return finish(rng, script)


# Through the SDK adapter -------------------------------------------------------------------

def list_tables_script(rng, scenario, params, page_size):
    names = sorted({rng.choice(["Music", "orders", "Thread", "t"]) + "-%04d" % rng.randint(0, 9999) for _ in range(listing_size(rng))})
    pages = cut(rng, names, page_size)
    used = set(names)
    script = []
    for k, page_names in enumerate(pages):
        last = k == len(pages) - 1
        response = {"TableNames": page_names}
        page = {"response": response}
        if not last:
            token = page_names[-1] if page_names else unique(rng, used, lambda r: "gap-%06d" % r.randint(0, 999999))
            response["LastEvaluatedTableName"] = token
            page["next"] = [token]
        script.append(page)
    with_repeat(rng, script, lambda response, tokens: response.update(LastEvaluatedTableName=tokens[0]))
    return finish(rng, script)


def list_hosted_zones_script(rng, scenario, params, page_size):
    zones = []
    for i in range(listing_size(rng)):
        zone_id = "/hostedzone/Z%012d" % (i * 7919 + rng.randint(0, 7000))
        zones.append({"Id": zone_id, "Name": "zone%d.example.com." % i, "CallerReference": opaque(rng, 4, 8),
                      "ResourceRecordSetCount": rng.randint(2, 500)})
    pages = cut(rng, zones, page_size, empty_pages=False)
    max_items = str(scenario["page_size"]) if scenario["page_size"] is not None else "100"
    script = []
    sent = ""
    pos = 0
    for k, page_zones in enumerate(pages):
        pos += len(page_zones)
        last = k == len(pages) - 1
        response = {"HostedZones": page_zones, "Marker": sent, "IsTruncated": not last, "MaxItems": max_items}
        page = {"response": response}
        if not last:
            token = zones[pos]["Id"][len("/hostedzone/"):] if pos < len(zones) else None
            if token is None:
                break
            response["NextMarker"] = token
            page["next"] = [token]
            sent = token
        script.append(page)
    return finish(rng, script)


def sdk_list_objects_v2_script(rng, scenario, params, page_size):
    return s3_list_objects_v2_script(rng, scenario, params, page_size)


def logs_params(rng, filtered):
    params = {"logGroupName": rng.choice(["/aws/lambda/checkout", "app-logs", "/ecs/web"])}
    if filtered:
        roll = rng.random()
        if roll < 0.3:
            params["logStreamNames"] = ["web-1", "web-2"]
        elif roll < 0.5:
            params["logStreamNamePrefix"] = "web"
        if rng.random() < 0.5:
            params["filterPattern"] = rng.choice(["ERROR", '"GET /"', "{ $.status = 500 }"])
        if rng.random() < 0.2:
            params["interleaved"] = True
    else:
        params["logStreamName"] = rng.choice(["2024/01/01/[$LATEST]abc", "web-1"])
        params["startFromHead"] = True
    if rng.random() < 0.3:
        params["startTime"] = 1700000000000
    if rng.random() < 0.2:
        params["endTime"] = 1800000000000
    return params


def make_script(rng, scenario, params, page_size):
    name = scenario["api"]
    if name in ("s3.ListObjectsV2",):
        return s3_list_objects_v2_script(rng, scenario, params, page_size)
    if name == "sdk.s3.ListObjectsV2":
        return sdk_list_objects_v2_script(rng, scenario, params, page_size)
    if name == "s3.ListObjects":
        return s3_list_objects_script(rng, scenario, params, page_size)
    if name in ("dynamodb.Scan", "dynamodb.Query"):
        return ddb_script(rng, scenario, params, page_size, scenario["key_schema"])
    if name == "route53.ListResourceRecordSets":
        return route53_script(rng, scenario, params, page_size)
    if name == "logs.GetLogEvents":
        return get_log_events_script(rng, scenario, params, page_size)
    if name == "logs.FilterLogEvents":
        return filter_log_events_script(rng, scenario, params, page_size)
    if name == "sdk.dynamodb.ListTables":
        return list_tables_script(rng, scenario, params, page_size)
    if name == "sdk.route53.ListHostedZones":
        return list_hosted_zones_script(rng, scenario, params, page_size)
    raise KeyError(name)


def make_params(rng, scenario):
    name = scenario["api"]
    if name.endswith("s3.ListObjectsV2") or name == "s3.ListObjects":
        params = s3_params(rng)
        if name.endswith("ListObjectsV2") and rng.random() < 0.2:
            params["StartAfter"] = params.get("Prefix", "") + "k0"
        if name.endswith("ListObjectsV2") and rng.random() < 0.2:
            params["FetchOwner"] = rng.random() < 0.5
        return params
    if name.startswith("dynamodb."):
        kinds = ["S", "S", "N", "B"]
        schema = [("pk", rng.choice(kinds))]
        if rng.random() < 0.6:
            schema.append(("sk", rng.choice(kinds)))
        scenario["key_schema"] = schema
        return ddb_params(rng, name.split(".")[1], schema)
    if name == "route53.ListResourceRecordSets":
        return {"HostedZoneId": "Z%013d" % rng.randint(0, 10**12)}
    if name == "logs.GetLogEvents":
        return logs_params(rng, False)
    if name == "logs.FilterLogEvents":
        return logs_params(rng, True)
    if name == "sdk.dynamodb.ListTables":
        return {}
    if name == "sdk.route53.ListHostedZones":
        return {"DelegationSetId": "N%012d" % rng.randint(0, 10**11)} if rng.random() < 0.3 else {}
    raise KeyError(name)


# -------------------------------------------------------------------------------------------
# Scenarios
# -------------------------------------------------------------------------------------------


def random_start(rng, scenario, api):
    """The StartingToken of the chain's first run (kinds both sides read alike), and its kind."""
    candidates = [p for p in scenario["script"][:-1] if "next" in p]
    roll = rng.random()
    if roll < 0.65 or not candidates:
        return None, None
    tokens = rng.choice(candidates)["next"]
    count = len(api.input_tokens)
    if roll < 0.8:
        members = [
            (name, from_scenario(t) if t else rng.choice([None, None, "None", ""]))
            for name, t in zip(api.input_tokens, tokens)
        ]
        if rng.random() < 0.7:
            members.append(("boto_truncate_amount", rng.randint(0, 6)))
        rng.shuffle(members)
        return TokenEncoder().encode(dict(members)), "botocore-encoded"
    if roll < 0.83:
        return "___".join(["a"] * (count + 2)), "too-many-parts"
    if any(t is not None and not isinstance(t, str) for t in tokens):
        return None, None  # a structured token has no legacy form
    parts = []
    for t in tokens:
        if t and "_" in t:
            return None, None
        parts.append(t if t else rng.choice(["None", "None", ""]))
    if roll < 0.92:
        text = "___".join(parts + [rng.choice(base.LEGACY_AMOUNT_FORMS) % rng.randint(0, 5)])
        kind = "legacy-with-amount"
    else:
        while len(parts) > 1 and parts[-1] in ("None", "") and rng.random() < 0.5:
            parts.pop()
        text = "___".join(parts)
        kind = "raw" if count == 1 else "legacy"
    if not text or base.decodes_as_json(text):
        return None, None
    return text, kind


def random_scenario(rng, index, api_names):
    name = api_names[index % len(api_names)]
    api = APIS[name]
    scenario = {"id": index, "api": name}
    scenario["params"] = make_params(rng, scenario)
    default_page_size = rng.randint(1, 12)
    honours_limit = rng.random() < 0.75
    page_size = None if rng.random() < 0.3 else rng.randint(1, 15)
    effective = page_size if page_size and honours_limit else default_page_size
    scenario["page_size"] = page_size
    scenario["max_items"] = base.random_max_items(rng, 30)
    scenario["max_runs"] = 60
    scenario["iterate"] = "items" if rng.random() < 0.25 else "pages"
    scenario["on_repeated"] = None
    if api.repeated == "stop" and rng.random() < 0.3:
        scenario["on_repeated"] = "error"
    scenario["script"] = to_scenario(make_script(rng, scenario, from_scenario(scenario["params"]), effective))
    scenario["params"] = to_scenario(scenario["params"])
    scenario["start_token"], scenario["start_kind"] = random_start(rng, scenario, api)
    return scenario
