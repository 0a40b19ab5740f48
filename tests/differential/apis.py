#!/usr/bin/python3
"""The table of the differential test: one entry per API, and how to script its service.

An entry (Api) holds what botocore is configured with for the API and how a scenario's service
is made up for it: the request's other members (params) and the scripted pages (script), as the
service would answer. The paginator definition and the operation model come from botocore's own
data (paginators-1.json and service-2.json of the installed botocore), except for:

  core                the core paginator (pagination::paginator with scripted policies) over a
                      made-up API whose shape each scenario draws: 1-3 input tokens (NextToken,
                      Marker, ContinuationToken), string or structured (DynamoDB-style) tokens, an
                      integer or string limit (MaxResults), a more-results flag (IsTruncated) or
                      not, and a secondary result list (Extra);
  logs.GetLogEvents   whose definition is newer than the installed data and is written out
                      below as the AWS SDKs' data has it.

"sdk.<service>.<Operation>" runs the operation through the generic SDK adapter over an
SDK-shaped client (tests/support/fake_aws_sdk.hpp). The C++ side of each entry is
its line in the table at the end of driver.cpp.
"""

import base64
import copy
import types

import botocore.session

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
    """One paginated operation: botocore's paginator for it, and how to script its service.

    list_keys: the result lists that a page without them may leave out (compared as absent).
    repeated: the adapter's default for the same token twice ("error" or "stop").
    count: scenarios per run of the test, unless --count says otherwise.
    params(rng, scenario) and script(rng, scenario, params, page_size) make up the service."""

    def __init__(self, name, service, operation, list_keys, params, script, repeated="error", paginator=None,
                 group="aws", count=300):
        self.name = name
        self.group = group
        self.count = count
        self.list_keys = set(list_keys)
        self.repeated = repeated
        self.params = params
        self.script = script
        self.shape = None  # the core API draws its definition per scenario
        self._model = _SESSION.get_service_model(service).operation_model(operation) if service else None
        if paginator is None and service:
            paginator = dict(_SESSION.get_paginator_model(service).get_paginator(operation))
        self._paginator = paginator

    def definition(self, rng, scenario):
        """The paginator definition and the limit member's type, for this scenario."""
        if self.shape is not None:
            return self.shape(rng, scenario)
        limit_type = self._model.input_shape.members[self._paginator["limit_key"]].type_name
        return dict(self._paginator), limit_type

    def operation_model(self, scenario):
        if self._model is not None:
            return self._model
        # The paginator reads only the type of the limit member from the operation model.
        limit = types.SimpleNamespace(type_name=scenario["limit_type"])
        members = {scenario["paginator"]["limit_key"]: limit}
        return types.SimpleNamespace(input_shape=types.SimpleNamespace(members=members))


# -------------------------------------------------------------------------------------------
# Values
# -------------------------------------------------------------------------------------------

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
SPECIAL_PIECES = [
    "/", "+", "=", "-", ".", ":", " ", '"', "\\", "'", "{", "}", "[", "]", ",",
    "\x00", "\x01", "\x1b", "\x1f", "\x7f", "\n", "\r", "\t", "\b", "\f",
    "\u00e9", "\u00df", "\u00fc", "\u00a0", "\u4e2d", "\u6587", "\u2028", "\ufeff", "\uffff",
    "\U0001f600", "\U0001d11e", "\U0001f1fa\U0001f1f3", "\u0663", "_", "___",
]


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


def bytes_value(rng):
    raw = bytes(rng.randrange(256) for _ in range(rng.randint(1, 12)))
    return {"$bytes": base64.b64encode(raw).decode("ascii")}


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
    return opaque(rng) if rng.random() < 0.75 else random_text(rng)


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


def with_repeat(rng, script, set_tokens, rate=0.04):
    """A page repeats the token that was sent for it (the previous page's next): the last page
    the service can be asked for. `set_tokens(response, tokens)` writes tokens into a response."""
    if len(script) >= 3 and rng.random() < rate:
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
            keys.add(prefix + random_text(rng, 1, 8))
        else:
            keys.add(prefix + "%s/%04d.%s" % (rng.choice(["logs", "img", "data"]), rng.randint(0, 9999),
                                              rng.choice(["txt", "png", "csv"])))
    return [s3_object(rng, k) for k in sorted(keys)]


def common_prefixes(rng, params):
    if "Delimiter" not in params or rng.random() < 0.5:
        return []
    return [{"Prefix": params.get("Prefix", "") + "dir%d/" % rng.randint(0, 99)} for _ in range(rng.randint(1, 2))]


def s3_response(scenario, params, items, prefixes, last):
    """What ListObjects and ListObjectsV2 answer alike."""
    response = {
        "Name": params["Bucket"],
        "Prefix": params.get("Prefix", ""),
        "MaxKeys": scenario["page_size"] or 1000,
        "IsTruncated": not last,
    }
    if items:
        response["Contents"] = items
    if prefixes:
        response["CommonPrefixes"] = prefixes
    for name in ("Delimiter", "EncodingType"):
        if name in params:
            response[name] = params[name]
    return response


def s3_list_objects_v2_script(rng, scenario, params, page_size):
    listing = s3_listing(rng, params)
    pages = cut(rng, listing, page_size)
    used = set()
    script = []
    for k, items in enumerate(pages):
        last = k == len(pages) - 1
        prefixes = common_prefixes(rng, params)
        response = s3_response(scenario, params, items, prefixes, last)
        response["KeyCount"] = len(items) + len(prefixes)
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
        response = s3_response(scenario, params, items, prefixes, last)
        response["Marker"] = sent
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
        return {"S": random_text(rng, 1, 8) + "#%d" % index if rng.random() < 0.2 else "user#%05d" % index}
    if kind == "N":
        return {"N": str(index * 7 - 40) if rng.random() < 0.8 else "%d.%d" % (index, rng.randint(0, 99))}
    return {"B": bytes_value(rng)}


def ddb_extra(rng):
    choices = [
        ("data", lambda: {"S": random_text(rng, 0, 12)}),
        ("count", lambda: {"N": str(rng.randint(-10**6, 10**9))}),
        ("flag", lambda: {"BOOL": rng.random() < 0.5}),
        ("nothing", lambda: {"NULL": True}),
        ("tags", lambda: {"SS": sorted({random_text(rng, 1, 5) for _ in range(rng.randint(1, 3))})}),
        ("scores", lambda: {"NS": [str(rng.randint(0, 100)), "1.5"]}),
        ("blob", lambda: {"B": bytes_value(rng)}),
        ("blobs", lambda: {"BS": [bytes_value(rng), bytes_value(rng)]}),
        ("list", lambda: {"L": [{"S": "x"}, {"N": "2"}, {"B": bytes_value(rng)}, {"L": []}]}),
        ("map", lambda: {"M": {"a": {"S": random_text(rng, 1, 4)}, "b": {"M": {"c": {"BOOL": False}}}}}),
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
            name = random_text(rng, 1, 8).replace("_", "-") + ".example.com."
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
        event = {"timestamp": t, "message": random_text(rng, 0, 30) if rng.random() < 0.3 else "GET /index.html 200 %d" % i,
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



# The core API ------------------------------------------------------------------------------

CORE_INPUT_TOKENS = ["NextToken", "Marker", "ContinuationToken"]
CORE_OUTPUT_TOKENS = ["Next", "NextMarker", "NextContinuationToken"]


def core_shape(rng, scenario):
    """The made-up API of a core scenario."""
    structured = rng.random() < 0.25
    count = rng.choice([1, 1, 2]) if structured else rng.choice([1, 1, 1, 2, 3])
    scenario["token_kind"] = "structured" if structured else "string"
    definition = {
        "input_token": CORE_INPUT_TOKENS[:count] if count > 1 else CORE_INPUT_TOKENS[0],
        "output_token": CORE_OUTPUT_TOKENS[:count] if count > 1 else CORE_OUTPUT_TOKENS[0],
        "result_key": ["Items", "Extra"],
        "limit_key": "MaxResults",
    }
    if rng.random() < 0.3:
        definition["more_results"] = "IsTruncated"
    return definition, "string" if rng.random() < 0.3 else "integer"


def string_token(rng):
    return opaque(rng, 3, 24) if rng.random() < 0.25 else random_text(rng)


def structured_token(rng):
    """A DynamoDB-style key, sometimes with binary attributes or lists, sometimes a plain string."""
    if rng.random() < 0.1:
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


def core_items(rng):
    n = listing_size(rng)
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


def core_set_tokens(rng, scenario):
    """Writes a token tuple into a response: a null token is sometimes absent, sometimes null."""
    names = as_list(scenario["paginator"]["output_token"])
    flag = scenario["paginator"].get("more_results")

    def set_tokens(response, tokens, more=True):
        for name in names:
            response.pop(name, None)
        for name, value in zip(names, tokens):
            if value is not None or rng.random() < 0.5:
                response[name] = copy.deepcopy(value)
        if flag:
            response.pop(flag, None)
        if flag and more is not None:
            response[flag] = more

    return set_tokens


def core_script(rng, scenario, params, page_size):
    structured = scenario["token_kind"] == "structured"
    count = len(as_list(scenario["paginator"]["input_token"]))
    flag = "more_results" in scenario["paginator"]
    set_tokens = core_set_tokens(rng, scenario)
    used = set()

    def new_tokens():
        """A token tuple for a page that has a successor: at least one non-empty, not used before."""
        while True:
            tokens = []
            for _ in range(count):
                if count > 1 and rng.random() < 0.3:
                    tokens.append(rng.choice([None, ""]))
                else:
                    tokens.append(structured_token(rng) if structured else string_token(rng))
            key = repr(tokens)
            if any(tokens) and key not in used:
                used.add(key)
                return tokens

    pages = cut(rng, core_items(rng), page_size)
    script = []
    for k, items in enumerate(pages):
        response = {"Items": items, "Extra": ["x%d-%d" % (k, i) for i in range(rng.randint(0, 2))]}
        if k < len(pages) - 1:
            tokens, more = new_tokens(), True
        elif flag and rng.random() < 0.3:
            # The flag says the listing has ended although a token is present.
            tokens, more = new_tokens(), rng.choice([False, None])
        else:
            empty = {} if structured and rng.random() < 0.3 else ""
            tokens = [rng.choice([None, None, empty]) for _ in range(count)]
            more = rng.choice([False, None, True])
        set_tokens(response, tokens, more)
        script.append({"response": response, "next": tokens})
    with_repeat(rng, script, set_tokens, rate=0.2)  # the core paginator's own rules for it
    return finish(rng, script)


def as_list(value):
    return value if isinstance(value, list) else [value]


# Requests ----------------------------------------------------------------------------------

def s3_v2_params(rng, scenario):
    params = s3_params(rng)
    if rng.random() < 0.2:
        params["StartAfter"] = params.get("Prefix", "") + "k0"
    if rng.random() < 0.2:
        params["FetchOwner"] = rng.random() < 0.5
    return params


def ddb_params_of(operation):
    def make(rng, scenario):
        kinds = ["S", "S", "N", "B"]
        schema = [("pk", rng.choice(kinds))]
        if rng.random() < 0.6:
            schema.append(("sk", rng.choice(kinds)))
        scenario["key_schema"] = schema
        return ddb_params(rng, operation, schema)

    return make


def ddb_script_of_scenario(rng, scenario, params, page_size):
    return ddb_script(rng, scenario, params, page_size, scenario["key_schema"])


def no_params(rng, scenario):
    return {}


# -------------------------------------------------------------------------------------------
# The table
# -------------------------------------------------------------------------------------------

S3_LISTS = ["Contents", "CommonPrefixes"]

APIS = {
    api.name: api
    for api in [
        Api("core", None, None, ["Items", "Extra"], no_params, core_script, group="core", count=5000),
        Api("s3.ListObjectsV2", "s3", "ListObjectsV2", S3_LISTS, s3_v2_params, s3_list_objects_v2_script),
        Api("s3.ListObjects", "s3", "ListObjects", S3_LISTS, lambda rng, s: s3_params(rng), s3_list_objects_script),
        Api("dynamodb.Scan", "dynamodb", "Scan", ["Items"], ddb_params_of("Scan"), ddb_script_of_scenario),
        Api("dynamodb.Query", "dynamodb", "Query", ["Items"], ddb_params_of("Query"), ddb_script_of_scenario),
        Api("route53.ListResourceRecordSets", "route53", "ListResourceRecordSets", ["ResourceRecordSets"],
            lambda rng, s: {"HostedZoneId": "Z%013d" % rng.randint(0, 10**12)}, route53_script),
        Api("logs.GetLogEvents", "logs", "GetLogEvents", ["events"], lambda rng, s: logs_params(rng, False),
            get_log_events_script, repeated="stop", paginator=GET_LOG_EVENTS_PAGINATOR),
        Api("logs.FilterLogEvents", "logs", "FilterLogEvents", ["events", "searchedLogStreams"],
            lambda rng, s: logs_params(rng, True), filter_log_events_script),
        Api("sdk.s3.ListObjectsV2", "s3", "ListObjectsV2", S3_LISTS, s3_v2_params, s3_list_objects_v2_script),
        Api("sdk.dynamodb.ListTables", "dynamodb", "ListTables", ["TableNames"], no_params, list_tables_script),
        Api("sdk.route53.ListHostedZones", "route53", "ListHostedZones", ["HostedZones"],
            lambda rng, s: {"DelegationSetId": "N%012d" % rng.randint(0, 10**11)} if rng.random() < 0.3 else {},
            list_hosted_zones_script),
    ]
}
APIS["core"].shape = core_shape
