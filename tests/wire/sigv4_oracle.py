#!/usr/bin/env python3
"""SigV4, SHA-256 and HMAC-SHA256 of aws/sigv4.hpp against the reference implementations.

Drives tests/wire/sigv4_driver.cpp over stdin/stdout (one line per command, see the driver) and
compares, over randomized cases:
  - SHA-256 with hashlib at every length 0..1000 (one-shot, and fed in uneven pieces) and at 10 MB;
  - HMAC-SHA256 with Python's hmac, keys of 0..200 bytes;
  - every header the signer adds (signature_headers()), the whole header list after sign(), and
    after signing the same request again later, with botocore.auth.SigV4Auth(Credentials(key,
    secret, token), service, region) signing a botocore.awsrequest.AWSRequest at the same time.

Where the installed botocore differs from the fact the signer implements (the unsigned-header list
of botocore 1.43; older versions such as Debian's 1.29 sign Connection, Keep-Alive, TE, ...), the
request handed to botocore leaves out the headers the newer botocore would leave unsigned: that
is the same signature the newer botocore makes with them present.

Prints a summary; exits 1 on any mismatch, 77 when botocore cannot be imported (a failure in
ctest: the test is never skipped).
"""

import argparse
import datetime
import hashlib
import hmac
import random
import subprocess
import sys
import time
import types
from unittest import mock
from urllib.parse import quote

try:
    import botocore
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:  # pragma: no cover
    print("botocore is not installed for %s" % sys.executable)
    sys.exit(77)

# The list the signer implements (aws::sigv4_unsigned_headers), botocore 1.43's.
SIGNER_UNSIGNED = {
    "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
    "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
}
ORACLE_UNSIGNED = {h.lower() for h in botocore.auth.SIGNED_HEADERS_BLACKLIST}
# Signed by this botocore, unsigned by the signer: left out of botocore's copy of the request.
HIDE_FROM_ORACLE = SIGNER_UNSIGNED - ORACLE_UNSIGNED

REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2",
           "sa-east-1", "cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1", "me-south-1"]
SERVICES = ["gamelift"] * 4 + ["service", "sts", "execute-api"]
METHODS = ["POST"] * 4 + ["GET", "PUT", "DELETE", "PATCH", "post", "Get"]
HEADER_NAMES = ["Content-Type", "X-Amz-Target", "X-Amz-Meta-Foo", "My-Header1", "My-Header2", "Accept",
                "Accept-Encoding", "Content-Length", "Content-Encoding", "X-Amz-User-Agent",
                "Amz-Sdk-Invocation-Id", "Amz-Sdk-Request", "X-Custom"]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
SEGMENTS = ["example", "a", "Z9", "-_.~", "%20", "%2F", "%41", "%e2%82%ac", " ", "+", "!", "$", "&", "'",
            "(", ")", "*", ",", ";", "=", ":", "@", "\u00e9", "\u65e5\u672c", "\u1234", "..", ".", "",
            "2015-10-01", "x y", "%", "%zz"]
QUERY_CHARS = "abcXYZ019-_.~ /:@!$'()*,;+=&?#%\u00e9\u20ac"


def random_bytes(rng, n):
    return rng.getrandbits(8 * n).to_bytes(n, "little") if n else b""


def hx(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return data.hex() if data else "-"


def unhx(text):
    return b"" if text == "-" else bytes.fromhex(text)


def random_case(rng, name):
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in name) if rng.random() < 0.3 else name


def random_value(rng):
    kind = rng.random()
    if kind < 0.1:
        return ""
    chars = "abcdefgXYZ0123456789-_.,;:/=\"'()[]{}"
    words = ["".join(rng.choice(chars) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 4))]
    out = ""
    for i, w in enumerate(words):
        if i:
            out += rng.choice([" ", "  ", "   ", "\t", " \t "])
        out += w
    if rng.random() < 0.4:
        out = rng.choice([" ", "  ", "\t"]) + out
    if rng.random() < 0.4:
        out = out + rng.choice([" ", "   ", "\t"])
    return out


def random_host(rng, region):
    suffix = "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
    host = rng.choice(["gamelift.%s.%s" % (region, suffix), "gamelift-fips.%s.%s" % (region, suffix),
                       "localhost", "127.0.0.1", "[::1]", "example.amazonaws.com", "My-Host.Example.COM"])
    scheme = rng.choice(["https", "https", "http"])
    port = ""
    if rng.random() < 0.3:
        port = ":" + str(rng.choice([80, 443, 8080, 9000, 65535, 1]))
    return scheme, host, port


def random_path(rng):
    if rng.random() < 0.4:
        return rng.choice(["", "/"])
    path = ""
    for _ in range(rng.randint(1, 5)):
        path += "/" + "".join(rng.choice(SEGMENTS) for _ in range(rng.randint(0, 3)))
    if rng.random() < 0.3:
        path += "/"
    return path


def random_raw_text(rng):
    return "".join(rng.choice(QUERY_CHARS) for _ in range(rng.randint(0, 8)))


def loose_encode(rng, text):
    """An encoding of text that decodes back to it, but is not the canonical one."""
    out = quote(text, safe=rng.choice(["-_.~", "-_.~/:@!$'()*,;+", "-_.~+*"]))
    if rng.random() < 0.5:
        # lower-case hex in some escapes
        parts = out.split("%")
        out = parts[0] + "".join("%" + (p[:2].lower() if rng.random() < 0.5 else p[:2]) + p[2:] for p in parts[1:])
    return out


def random_query(rng):
    """(query text for the URL, params for botocore or None)."""
    kind = rng.random()
    if kind < 0.4:
        return "", None
    pairs = [(random_raw_text(rng), random_raw_text(rng)) for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.3:
        pairs.append(pairs[0])
    if kind < 0.7:
        # Already canonical: botocore signs the URL's query as written.
        text = "&".join(quote(k, safe="-_.~") + "=" + quote(v, safe="-_.~") for k, v in pairs)
        if rng.random() < 0.1:
            text += "&"
        return text, None
    # Loosely encoded: botocore signs request.params, which it encodes itself.
    items = []
    for k, v in pairs:
        if v == "" and rng.random() < 0.5:
            items.append(loose_encode(rng, k))
        else:
            items.append(loose_encode(rng, k) + "=" + loose_encode(rng, v))
    text = "&".join(items)
    # An empty query cannot carry an empty pair; botocore would sign params [("", "")] as "=".
    return (text, pairs) if text else ("", None)


def random_body(rng):
    kind = rng.random()
    if kind < 0.25:
        return b""
    if kind < 0.5:
        return ('{"FleetId":"fleet-%d","Limit":%d}' % (rng.randint(0, 10**9), rng.randint(1, 100))).encode()
    if kind < 0.7:
        return random_bytes(rng, rng.randint(1, 300))
    if kind < 0.9:
        return "".join(rng.choice("abc \u00e9\u00fc\u65e5\u672c\U0001f600\n\t{}\"") for _ in range(rng.randint(1, 200))).encode()
    return random_bytes(rng, rng.randint(1000, 5000))


def random_time_ns(rng):
    kind = rng.random()
    if kind < 0.1:
        # Around a midnight: the signing key changes.
        day = rng.randint(0, 40000)
        seconds = day * 86400 + rng.choice([-1, 0, 1, 86399])
    elif kind < 0.15:
        seconds = rng.randint(-20 * 365 * 86400, 0)
    else:
        seconds = rng.randint(0, 4102444800)  # 1970 .. 2100
    return seconds * 10**9 + (rng.randint(0, 10**9 - 1) if rng.random() < 0.5 else 0)


def utc_from_ns(ns):
    return datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=ns // 10**9)


def fixed_time(dt):
    """Makes botocore sign at dt (1.43 reads get_current_datetime(); older ones utcnow())."""
    if hasattr(botocore.auth, "get_current_datetime"):
        return mock.patch.object(botocore.auth, "get_current_datetime", lambda *a, **k: dt)

    class _datetime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return dt

    return mock.patch.object(botocore.auth, "datetime", types.SimpleNamespace(datetime=_datetime))


def oracle_sign(auth, request, dt):
    with fixed_time(dt):
        auth.add_auth(request)
    expected_date = dt.strftime("%Y%m%dT%H%M%SZ")
    if request.headers.get("X-Amz-Date") != expected_date:
        raise RuntimeError("the time patch did not take: %r" % request.headers.get("X-Amz-Date"))


def header_list(request):
    return [(k, v) for k, v in request.headers.items()]


def host_from_url(url):
    return botocore.auth._host_from_url(url)


class Driver:
    def __init__(self, path):
        self.proc = subprocess.Popen([path], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask(self, line):
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError("the driver ended")
        return answer.decode().rstrip("\n")

    def close(self):
        self.proc.stdin.close()
        return self.proc.wait(timeout=30)


def parse_headers(tokens):
    n = int(tokens[0])
    return [(unhx(tokens[1 + 2 * i]).decode("latin-1"), unhx(tokens[2 + 2 * i]).decode("latin-1")) for i in range(n)]


def make_case(rng):
    region = rng.choice(REGIONS)
    service = rng.choice(SERVICES)
    method = rng.choice(METHODS)
    scheme, host, port = random_host(rng, region)
    query, params = random_query(rng)
    url = "%s://%s%s%s" % (scheme, random_case(rng, host) if rng.random() < 0.2 else host, port, random_path(rng))
    if query or rng.random() < 0.05:
        url += "?" + query
    if rng.random() < 0.05:
        url += "#fragment"
    token = "" if rng.random() < 0.5 else "".join(rng.choice(B64) for _ in range(rng.randint(16, 400)))
    key_id = rng.choice(["AKIA", "ASIA"]) + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    secret = "".join(rng.choice(B64) for _ in range(40))
    if rng.random() < 0.2:
        # Few secrets, so that the signers' key caches meet a secret again.
        secret = rng.choice(["wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "secret/one+1", "another-secret-key"])
    headers = []
    for _ in range(rng.randint(0, 6)):
        headers.append((random_case(rng, rng.choice(HEADER_NAMES)), random_value(rng)))
    if rng.random() < 0.3:
        headers.append((random_case(rng, rng.choice(HEADER_NAMES)), random_value(rng)))
        headers.append((headers[-1][0].lower() if rng.random() < 0.5 else headers[-1][0], random_value(rng)))
    for name in sorted(SIGNER_UNSIGNED):
        if rng.random() < 0.08:
            headers.append((random_case(rng, name), random_value(rng)))
    if rng.random() < 0.2:
        headers.append((random_case(rng, "Host"), rng.choice([" Example.COM:8080 ", "example.amazonaws.com",
                                                               host + port])))
    if rng.random() < 0.1:
        headers.append(("X-Amz-Date", "20000101T000000Z"))
    if rng.random() < 0.1:
        headers.append(("Authorization", "AWS4-HMAC-SHA256 Credential=stale"))
    if rng.random() < 0.1:
        headers.append(("X-Amz-Security-Token", "stale-token"))
    if rng.random() < 0.05:
        headers.append(("X-Amz-Content-SHA256", rng.choice(["UNSIGNED-PAYLOAD", hashlib.sha256(b"x").hexdigest()])))
    rng.shuffle(headers)
    t1 = random_time_ns(rng)
    t2 = None
    if rng.random() < 0.4:
        t2 = t1 + rng.choice([1, 10**9, 300 * 10**9, 86400 * 10**9, -3600 * 10**9])
    return dict(region=region, service=service, method=method, url=url, params=params, body=random_body(rng),
                key_id=key_id, secret=secret, token=token, headers=headers, t1=t1, t2=t2)


def check_sign_case(driver, case):
    line = "S %s %s %s %s %s %s %s %s %d %s %d" % (
        hx(case["region"]), hx(case["service"]), hx(case["method"]), hx(case["url"]), hx(case["body"]),
        hx(case["key_id"]), hx(case["secret"]), hx(case["token"]), case["t1"],
        "-" if case["t2"] is None else str(case["t2"]), len(case["headers"]))
    for name, value in case["headers"]:
        line += " %s %s" % (hx(name), hx(value))
    answer = driver.ask(line)
    if not answer.startswith("OK "):
        return ["driver answered %r" % answer[:200]]
    groups = answer[3:].split(" | ")
    added = parse_headers(groups[0].split())
    after_sign = parse_headers(groups[1].split())
    after_resign = parse_headers(groups[2].split()) if case["t2"] is not None else None
    canonical = unhx(groups[3].strip()).decode("utf-8", "replace")

    def hidden(name):
        return name.lower() in HIDE_FROM_ORACLE

    request = AWSRequest(method=case["method"], url=case["url"], data=case["body"])
    for name, value in case["headers"]:
        if not hidden(name):
            request.headers[name] = value
    if case["params"] is not None:
        request.params = case["params"]
    auth = botocore.auth.SigV4Auth(Credentials(case["key_id"], case["secret"], case["token"] or None),
                                   case["service"], case["region"])
    has_host = any(name.lower() == "host" for name, _ in case["headers"])
    problems = []

    oracle_sign(auth, request, utc_from_ns(case["t1"]))
    expected_added = []
    if not has_host:
        expected_added.append(("Host", host_from_url(case["url"])))
    expected_added.append(("X-Amz-Date", request.headers["X-Amz-Date"]))
    if case["token"]:
        expected_added.append(("X-Amz-Security-Token", request.headers["X-Amz-Security-Token"]))
    expected_added.append(("Authorization", request.headers["Authorization"]))
    if added != expected_added:
        problems.append("signature_headers():\n  ours   %r\n  oracle %r\n  our canonical request:\n%s"
                        % (added, expected_added, canonical))

    def compare_full(ours, label):
        ours = [(n, v) for n, v in ours if not hidden(n)]
        if not has_host:
            if not ours or ours[[n for n, _ in ours].index("Host")] != ("Host", host_from_url(case["url"])):
                problems.append("%s: Host header %r" % (label, ours))
                return
            ours = [(n, v) for n, v in ours if n != "Host"]
        oracle = header_list(request)
        if ours != oracle:
            problems.append("%s:\n  ours   %r\n  oracle %r" % (label, ours, oracle))

    compare_full(after_sign, "headers after sign()")
    if case["t2"] is not None:
        oracle_sign(auth, request, utc_from_ns(case["t2"]))
        compare_full(after_resign, "headers after signing again")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True)
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20261130)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.monotonic()
    driver = Driver(args.driver)
    failures = []
    counts = {"sha256": 0, "hmac": 0, "sign": 0}

    for length in range(0, 1001):
        data = random_bytes(rng, length)
        expect = hashlib.sha256(data).hexdigest()
        got = driver.ask("H " + hx(data)).split()
        counts["sha256"] += 1
        if got != [expect, expect]:
            failures.append("sha256 of %d bytes: %r, hashlib %s" % (length, got, expect))
    for length in (10 * 1024 * 1024, 1024 * 1024 + 13):
        data = (bytes(range(251)) * (length // 251 + 1))[:length]
        got = driver.ask("N %d" % length)
        counts["sha256"] += 1
        if got != hashlib.sha256(data).hexdigest():
            failures.append("sha256 of %d bytes: %s" % (length, got))
    for _ in range(300):
        key = random_bytes(rng, rng.randint(0, 200))
        data = random_bytes(rng, rng.randint(0, 300))
        got = driver.ask("M %s %s" % (hx(key), hx(data)))
        counts["hmac"] += 1
        if got != hmac.new(key, data, hashlib.sha256).hexdigest():
            failures.append("hmac key %s data %s: %s" % (hx(key), hx(data), got))

    features = {"token": 0, "params": 0, "resign": 0, "no_host": 0, "cn/gov": 0}
    for _ in range(args.cases):
        case = make_case(rng)
        counts["sign"] += 1
        features["token"] += bool(case["token"])
        features["params"] += case["params"] is not None
        features["resign"] += case["t2"] is not None
        features["no_host"] += not any(n.lower() == "host" for n, _ in case["headers"])
        features["cn/gov"] += case["region"].startswith(("cn-", "us-gov-"))
        problems = check_sign_case(driver, case)
        if problems:
            failures.append("case %r\n%s" % (case, "\n".join(problems)))

    rc = driver.close()
    if rc != 0:
        failures.append("driver exit status %d" % rc)
    for failure in failures[:5]:
        print("MISMATCH", failure, "\n")
    print("sigv4 vs botocore %s (%s): %d SHA-256, %d HMAC, %d signing cases (%s); hidden from this botocore: %s; "
          "%d mismatches; %.1f s" % (
              botocore.__version__, sys.executable, counts["sha256"], counts["hmac"], counts["sign"],
              ", ".join("%s %d" % kv for kv in features.items()), sorted(HIDE_FROM_ORACLE) or "none",
              len(failures), time.monotonic() - started))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
