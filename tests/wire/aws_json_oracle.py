#!/usr/bin/env python3
"""DescribeGameSessions on the wire, compared with botocore (the oracle).

Usage: aws_json_oracle.py DRIVER [--seed N] [--requests N] [--responses N]

(a) random requests: the body, method, URL, Content-Type and X-Amz-Target the C++ codec builds
    equal what botocore's json serializer builds for the same parameters;
(b) random responses (every member, odd Unicode, timestamp forms, nulls, unknown members and
    enum values, error bodies in every form): botocore's json parser and the C++ codec read the
    same items and the same error code and message, except for the documented differences
    (docs/wire/aws_json.md), which are checked to be exactly those.
Exits non-zero on the first mismatch, printing the input.
"""

import argparse
import datetime
import inspect
import json
import random
import subprocess
import sys
from decimal import Decimal

import botocore.parsers
import botocore.serialize
import botocore.session
from botocore.awsrequest import prepare_request_dict

SESSION_MEMBERS = [
    "GameSessionId", "Name", "FleetId", "FleetArn", "CreationTime", "TerminationTime",
    "CurrentPlayerSessionCount", "MaximumPlayerSessionCount", "Status", "StatusReason",
    "GameProperties", "IpAddress", "DnsName", "Port", "PlayerSessionCreationPolicy", "CreatorId",
    "GameSessionData", "MatchmakerData", "Location", "ComputeName",
]
TEXT = {"GameSessionId", "Name", "FleetId", "FleetArn", "IpAddress", "DnsName", "CreatorId",
        "GameSessionData", "MatchmakerData", "Location", "ComputeName"}
INTS = {"CurrentPlayerSessionCount", "MaximumPlayerSessionCount", "Port"}
TIMES = {"CreationTime", "TerminationTime"}
ENUMS = {
    "Status": ["ACTIVE", "ACTIVATING", "TERMINATED", "TERMINATING", "ERROR"],
    "StatusReason": ["INTERRUPTED", "TRIGGERED_ON_PROCESS_TERMINATE", "FORCE_TERMINATED"],
    "PlayerSessionCreationPolicy": ["ACCEPT_ALL", "DENY_ALL"],
}
# Whether this botocore cuts an error code at ':' (newer releases) or only at '#'.
COLON_RULE = "split(':', 1)" in inspect.getsource(botocore.parsers.BaseJSONParser._do_error_parse)
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class Driver:
    def __init__(self, path):
        self.proc = subprocess.Popen([path], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def _field(self, value):
        if value is None:
            return b"-1\n"
        if isinstance(value, str):
            value = value.encode("utf-8", "surrogateescape")
        return str(len(value)).encode() + b"\n" + value

    def _read(self):
        n = int(self.proc.stdout.readline())
        return self.proc.stdout.read(n)

    def request(self, fields):
        self.proc.stdin.write(b"Q\n" + b"".join(self._field(f) for f in fields))
        self.proc.stdin.flush()
        return [self._read() for _ in range(6)]

    def response(self, status, headers, body):
        data = b"R\n" + self._field(str(status)) + self._field(str(len(headers)))
        for name, value in headers:
            data += self._field(name) + self._field(value)
        data += self._field(body)
        self.proc.stdin.write(data)
        self.proc.stdin.flush()
        return json.loads(self._read(), parse_float=Decimal)

    def close(self):
        self.proc.stdin.write(b"X\n")
        self.proc.stdin.close()
        return self.proc.wait(timeout=30)


# ----------------------------------------------------------------------------------------------
# Random text
# ----------------------------------------------------------------------------------------------

ODD = ["\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "\x80", "\u00e9",
       "\u2028", "\u2029", "\ufeff", "\uffff", "\ufffd", "\u20ac", "\U0001F600", "\U00010000",
       "\U0010FFFF", "\u0800", "\u07ff", " ", "<", "&", "'"]


def rand_text(rng, max_len=24, allow_empty=True):
    n = rng.randint(0 if allow_empty else 1, max_len)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.55:
            out.append(chr(rng.randint(0x20, 0x7e)))
        elif r < 0.8:
            out.append(rng.choice(ODD))
        elif r < 0.9:
            out.append(chr(rng.randint(0x80, 0xd7ff)))
        else:
            out.append(chr(rng.randint(0x10000, 0x10ffff)))
    return "".join(out)


def json_string(rng, s):
    """A JSON string literal of s, each character written raw or escaped at random."""
    out = ['"']
    for ch in s:
        cp = ord(ch)
        must = ch in "\"\\" or cp < 0x20
        style = rng.random()
        if must and style < 0.5 and ch in "\"\\\b\f\n\r\t":
            out.append({"\"": "\\\"", "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n",
                        "\r": "\\r", "\t": "\\t"}[ch])
        elif must or style < 0.3:
            if cp >= 0x10000:
                v = cp - 0x10000
                hi, lo = 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)
                out.append("\\u%04x\\u%04X" % (hi, lo) if rng.random() < 0.5 else "\\u%04X\\u%04x" % (hi, lo))
            elif ch == "/" and rng.random() < 0.5:
                out.append("\\/")
            else:
                out.append(("\\u%04x" if rng.random() < 0.5 else "\\u%04X") % cp)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def ws(rng):
    return rng.choice(["", "", "", " ", "\n", "\t", "\r\n  "])


# ----------------------------------------------------------------------------------------------
# (a) requests
# ----------------------------------------------------------------------------------------------

def rand_request_text(rng):
    s = rand_text(rng, 40, allow_empty=False)
    if rng.random() < 0.1:
        # A byte that is not UTF-8 (a lone continuation byte), as surrogateescape carries it: the
        # C++ writer escapes it as U+DC80..U+DCBF, as json.dumps does the Python str.
        pos = rng.randint(0, len(s))
        s = s[:pos] + chr(0xDC80 + rng.randint(0, 0x3F)) + s[pos:]
    return s


def check_requests(driver, model, count, rng):
    op = model.operation_model("DescribeGameSessions")
    serializer = botocore.serialize.create_serializer("json")
    endpoints = ["https://gamelift.us-east-1.amazonaws.com", "http://localhost:8080",
                 "http://127.0.0.1:9000/base", "https://gamelift-fips.us-west-2.amazonaws.com/",
                 "http://localhost:8080/a/b/", "http://[::1]:8080"]
    names = ["FleetId", "GameSessionId", "AliasId", "Location", "StatusFilter", "Limit", "NextToken"]
    for i in range(count):
        params = {}
        for name in names:
            if rng.random() < 0.5:
                continue
            if name == "StatusFilter":
                params[name] = rng.choice(ENUMS["Status"][:4])
            elif name == "Limit":
                params[name] = rng.choice([1, 2, 50, 100, 2**31 - 1, rng.randint(1, 10**6)])
            else:
                params[name] = rand_request_text(rng)
        endpoint = rng.choice(endpoints)
        expected = serializer.serialize_to_request(params, op)
        prepare_request_dict(expected, endpoint)
        fields = [params.get(n) for n in names[:4]] + [params.get("StatusFilter"),
                                                        None if "Limit" not in params else str(params["Limit"]),
                                                        params.get("NextToken"), endpoint]
        body, method, url, ctype, target, back = driver.request(fields)
        got = {"body": body, "method": method.decode(), "url": url.decode(),
               "Content-Type": ctype.decode(), "X-Amz-Target": target.decode()}
        want = {"body": expected["body"], "method": expected["method"], "url": expected["url"],
                "Content-Type": expected["headers"]["Content-Type"],
                "X-Amz-Target": expected["headers"]["X-Amz-Target"]}
        if got != want:
            fail("request %d differs for %r at %s:\n ours     %r\n botocore %r" % (i, params, endpoint, got, want))
        # Our server must read back what our client wrote (bytes that are not UTF-8 excepted:
        # they come back as the escapes botocore wrote, which the server refuses).
        clean = all(not (0xDC80 <= ord(c) <= 0xDCFF) for v in params.values() if isinstance(v, str) for c in v)
        if clean and back != b"same":
            fail("request %d: parse_describe_game_sessions_request does not give %r back" % (i, params))


# ----------------------------------------------------------------------------------------------
# (b) responses
# ----------------------------------------------------------------------------------------------

def rand_timestamp(rng):
    """(JSON text, milliseconds) of an epoch-seconds timestamp in one of the forms a service may use."""
    secs = rng.choice([rng.randint(0, 2**32 - 1), rng.randint(-2**31, 2**31), 1469498468, 0,
                       rng.randint(-62135596800, 253402300799)])
    # A double holds microseconds exactly only below 2**32 seconds; beyond, botocore's float
    # loses them (docs/wire/aws_json.md), so the comparison uses whole seconds there.
    digits = rng.choice([0, 0, 1, 2, 3, 3, 3, 4, 5, 6]) if abs(secs) < 2**32 else 0
    frac = rng.randint(0, 10**digits - 1) if digits else 0
    if secs < 0 and digits:
        text = "-%d.%0*d" % (-secs, digits, frac)
        micros = -(-secs * 10**6 + frac * 10**(6 - digits))
    elif digits:
        text = "%d.%0*d" % (secs, digits, frac)
        micros = secs * 10**6 + frac * 10**(6 - digits)
    else:
        text = str(secs)
        micros = secs * 10**6
    form = rng.random()
    if form < 0.15 and digits:
        # Mantissa and exponent: 1.469498468057e9 and the like.
        d = Decimal(text)
        sign, ds, exp = d.as_tuple()
        mant = "".join(map(str, ds))
        e = len(mant) - 1 + exp
        text = ("-" if sign else "") + mant[0] + ("." + mant[1:] if len(mant) > 1 else "") + rng.choice(["e", "E"]) + \
            rng.choice(["", "+"] if e >= 0 else [""]) + str(e)
    elif form < 0.25:
        text = text + rng.choice(["e0", "E+0", "e-0"])
    elif form < 0.3 and not digits and secs != 0:
        text = text + "000e-3"
    # Python's fromtimestamp is exact to the microsecond for these; the model keeps milliseconds.
    return text, micros // 1000


def rand_unknown(rng, depth=0):
    r = rng.random()
    if depth > 3 or r < 0.3:
        return rng.choice(["1", "-2.5e-3", "true", "false", "null", "NaN", "Infinity", "-Infinity",
                           json_string(rng, rand_text(rng, 8)), "12345678901234567890123"])
    if r < 0.65:
        return "[" + ",".join(ws(rng) + rand_unknown(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
    return "{" + ",".join(ws(rng) + json_string(rng, rand_text(rng, 6)) + ":" + rand_unknown(rng, depth + 1)
                          for _ in range(rng.randint(0, 3))) + "}"


def rand_session(rng, has_compute):
    """(JSON text, expected dict of wire members in our terms)."""
    parts, want = [], {}
    names = list(SESSION_MEMBERS)
    rng.shuffle(names) if rng.random() < 0.3 else None
    for name in names:
        r = rng.random()
        if r < 0.1:
            continue
        if r < 0.15:
            parts.append((name, "null"))
            want.pop(name, None)
            continue
        if name in TEXT:
            s = rand_text(rng, 220 if name == "MatchmakerData" else 40)
            text = json_string(rng, s)
            value = s
        elif name in INTS:
            value = rng.choice([0, 1, 7777, -1, 2**31 - 1, -2**31, rng.randint(0, 65535)])
            text = str(value)
        elif name in TIMES:
            text, value = rand_timestamp(rng)
        elif name in ENUMS:
            value = rng.choice(ENUMS[name] + ["NEW_" + rand_text(rng, 6, False).upper(), ""])
            text = json_string(rng, value)
        else:
            props, value = [], []
            for _ in range(rng.randint(0, 4)):
                k, v = rand_text(rng, 12), rand_text(rng, 20)
                members = [json_string(rng, "Key") + ":" + ws(rng) + json_string(rng, k),
                           json_string(rng, "Value") + ":" + json_string(rng, v)]
                if rng.random() < 0.2:
                    members.insert(1, '"Extra":' + rand_unknown(rng))
                props.append("{" + ",".join(members) + "}")
                value.append((k, v))
            text = "[" + ("," + ws(rng)).join(props) + "]"
        parts.append((name, text))
        if name == "ComputeName" and not has_compute:
            continue
        want[name] = value
    if rng.random() < 0.3:
        parts.insert(rng.randint(0, len(parts)), ("Unknown" + str(rng.randint(0, 9)), rand_unknown(rng)))
    if rng.random() < 0.1 and parts:
        # A duplicate key: Python's json keeps the last.
        name = rng.choice([p[0] for p in parts if p[0] in TEXT])if any(p[0] in TEXT for p in parts) else None
        if name:
            s = rand_text(rng, 10)
            parts.append((name, json_string(rng, s)))
            if name != "ComputeName" or has_compute:
                want[name] = s
    body = "{" + ",".join(ws(rng) + json_string(rng, k) + ws(rng) + ":" + ws(rng) + v + ws(rng)
                          for k, v in parts) + "}"
    return body, want


def ours_session(s):
    out = {}
    for name in SESSION_MEMBERS:
        if name not in s:
            continue
        v = s[name]
        if name in TIMES:
            v = int(Decimal(v) * 1000)
        elif name == "GameProperties":
            v = [(p["Key"], p["Value"]) for p in v]
        out[name] = v
    return out


def botocore_session(s, has_compute):
    out = {}
    for name, v in s.items():
        if name in TIMES:
            delta = v - EPOCH
            v = ((delta.days * 86400 + delta.seconds) * 10**6 + delta.microseconds) // 1000
        elif name == "GameProperties":
            v = [(p.get("Key", ""), p.get("Value", "")) for p in v]
        out[name] = v
    return out


def normalize(sessions):
    # Absent and empty GameProperties are the same to the C++ model.
    for s in sessions:
        if s.get("GameProperties") == []:
            del s["GameProperties"]
    return sessions


def rand_error(rng):
    """(status, headers, body, expected code or None for botocore's, note)."""
    status = rng.choice([400, 400, 400, 403, 404, 409, 429, 500, 502, 503, 504, 301, 302, 418, 599])
    headers = [("x-amzn-RequestId", "req-%08x" % rng.getrandbits(32))] if rng.random() < 0.8 else []
    code = rng.choice(["NotFoundException", "InvalidRequestException", "ThrottlingException",
                       "InternalServiceException", "UnauthorizedException", "TerminalRoutingStrategyException",
                       "UnsupportedRegionException", "New" + rand_text(rng, 5, False).replace(":", "").replace("#", "")])
    form = rng.random()
    if form < 0.15:
        typ = "com.amazonaws.gamelift#" + code
    elif form < 0.25:
        typ = code + ":http://internal.amazon.com/coral/com.amazonaws.gamelift/"
    elif form < 0.3:
        typ = "aws.protocoltests#" + code + ":http://x#y"
    else:
        typ = code
    message = rand_text(rng, 60)
    kind = rng.random()
    header_code = None
    if kind < 0.35:
        body = '{"__type":' + json_string(rng, typ) + ',' + ws(rng) + '"message":' + json_string(rng, message) + "}"
    elif kind < 0.45:
        body = '{"Message":' + json_string(rng, message) + ',"__type":' + json_string(rng, typ) + "}"
    elif kind < 0.5:
        body = '{"message":' + json_string(rng, message) + ',"Message":"other","__type":' + json_string(rng, typ) + "}"
    elif kind < 0.58:
        body = '{"message":' + json_string(rng, message) + "}"
    elif kind < 0.66:
        body = ""
    elif kind < 0.72:
        body = rng.choice(["<html><body>Service Unavailable</body></html>", "  \n", "\t<html>x"])
    elif kind < 0.8:
        body = rng.choice(["Bad Gateway", "not json {", "{\"__type\": ", "[1, 2", message])
    elif kind < 0.9:
        body = rng.choice(["", "{}", '{"message":' + json_string(rng, message) + "}"])
        header_code = typ
        headers.append(("X-Amzn-ErrorType", typ))
    else:
        body = '{"__type":' + json_string(rng, typ) + ',"message":' + json_string(rng, message) + \
            ',"Extra":' + rand_unknown(rng) + "}"
        if rng.random() < 0.5:
            headers.append(("X-Amzn-ErrorType", "Ignored"))
    return status, headers, body, header_code


def trim_code(code):
    if ":" in code:
        code = code.split(":", 1)[0]
    if "#" in code:
        code = code.rsplit("#", 1)[1]
    return code


def check_responses(driver, model, count, rng):
    op = model.operation_model("DescribeGameSessions")
    output_shape = op.output_shape
    has_compute = "ComputeName" in output_shape.members["GameSessions"].member.members
    parser = botocore.parsers.create_parser("json")
    stats = {"pages": 0, "sessions": 0, "errors": 0, "malformed": 0, "header_code": 0}
    for i in range(count):
        r = rng.random()
        header_code = None
        malformed = False
        if r < 0.55:
            sessions = []
            for _ in range(rng.randint(0, 4)):
                sessions.append(rand_session(rng, has_compute))
            members = []
            if rng.random() < 0.9:
                members.append('"GameSessions":' + ws(rng) + "[" + ",".join(s[0] for s in sessions) + "]")
            elif rng.random() < 0.5:
                members.append('"GameSessions":null')
            if rng.random() < 0.5:
                members.append('"NextToken":' + json_string(rng, rand_text(rng, 80, False)))
            if rng.random() < 0.2:
                members.insert(rng.randint(0, len(members)), '"Other":' + rand_unknown(rng))
            rng.shuffle(members)
            body = ws(rng) + "{" + ",".join(members) + "}" + ws(rng)
            status, headers = 200, [("x-amzn-RequestId", "r")]
        elif r < 0.62:
            # A 200 whose body is not a result: botocore reads an empty page; we report an error.
            status, headers = 200, []
            good = '{"GameSessions":[{"GameSessionId":"a","Port":1}],"NextToken":"t"}'
            body = rng.choice([good[:rng.randint(1, len(good) - 1)], "not json", "<html></html>",
                               good + "x", "{\"GameSessions\":[{\"Port\":1}]}}"])
            malformed = True
        else:
            status, headers, body, header_code = rand_error(rng)
        raw = body.encode("utf-8")
        ours = driver.response(status, headers, raw)
        theirs = parser.parse({"status_code": status, "headers": {k.lower(): v for k, v in headers}, "body": raw},
                              output_shape)
        where = "response %d (status %d, headers %r, body %r)" % (i, status, headers, raw)
        if malformed:
            stats["malformed"] += 1
            if ours["ok"] or ours["code"] != "MalformedResponse" or ours["source"] != 2 or not ours["retryable"]:
                fail("%s: expected MalformedResponse, got %r" % (where, ours))
            if theirs.get("GameSessions"):
                fail("%s: botocore read items from a malformed body: %r" % (where, theirs))
            continue
        if "Error" in theirs:
            stats["errors"] += 1
            want_code, want_message = theirs["Error"]["Code"], theirs["Error"]["Message"]
            body_type = None
            try:
                doc = json.loads(body)
                if isinstance(doc, dict):
                    body_type = doc.get("__type")
            except ValueError:
                pass
            if not COLON_RULE and isinstance(body_type, str) and body_type and want_code == body_type.rsplit("#", 1)[-1]:
                # botocore before 1.31 trims only at '#'; the current rule (and ours) cuts at ':' first.
                want_code = trim_code(body_type)
            generic = status >= 500 and (not raw.strip() or raw.strip().startswith(b"<html>"))
            if header_code is not None and (generic or not body_type):
                # Documented difference: the Smithy X-Amzn-ErrorType header names the code when the
                # body does not; botocore uses the status.
                want_code = trim_code(header_code)
                stats["header_code"] += 1
            if ours["ok"]:
                fail("%s: we read a page, botocore an error %r" % (where, theirs["Error"]))
            if (ours["code"], ours["message"]) != (want_code, want_message):
                fail("%s:\n ours     %r\n botocore %r" % (where, (ours["code"], ours["message"]),
                                                         (want_code, want_message)))
            want_id = theirs.get("ResponseMetadata", {}).get("RequestId", "")
            if generic:
                # botocore drops the request id of a 5xx without a JSON body; we keep it.
                want_id = dict((k.lower(), v) for k, v in headers).get("x-amzn-requestid", "")
            if ours["request_id"] != want_id or ours["status"] != status or ours["source"] != 0:
                fail("%s: request id / status / source %r" % (where, ours))
            continue
        stats["pages"] += 1
        if not ours["ok"]:
            fail("%s: botocore read a page, we an error %r" % (where, ours))
        got = normalize([ours_session(s) for s in ours["result"].get("GameSessions", [])])
        want = normalize([botocore_session(s, has_compute) for s in theirs.get("GameSessions", [])])
        if not has_compute:
            for s in got:
                s.pop("ComputeName", None)
        stats["sessions"] += len(want)
        if got != want:
            for a, b in zip(got, want):
                if a != b:
                    fail("%s:\n ours     %r\n botocore %r" % (where, a, b))
            fail("%s: %d sessions against botocore's %d" % (where, len(got), len(want)))
        if ours["result"].get("NextToken") != theirs.get("NextToken"):
            fail("%s: NextToken %r against %r" % (where, ours["result"].get("NextToken"), theirs.get("NextToken")))
    return stats


def fail(message):
    if len(message) > 3000:
        message = message[:1500] + " ... " + message[-1500:]
    print("MISMATCH " + message, file=sys.stderr)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("driver")
    ap.add_argument("--seed", type=int, default=20260115)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--responses", type=int, default=4000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    model = botocore.session.get_session().get_service_model("gamelift")
    driver = Driver(args.driver)
    check_requests(driver, model, args.requests, rng)
    stats = check_responses(driver, model, args.responses, rng)
    rc = driver.close()
    if rc != 0:
        fail("driver exited with %d" % rc)
    print("botocore %s: %d requests and %d responses agree (%s)" % (
        botocore.__version__, args.requests, args.responses, ", ".join("%s %d" % kv for kv in stats.items())))


if __name__ == "__main__":
    main()
