#!/usr/bin/python3
"""A tiny GameLift endpoint that answers DescribeGameSessions (awsJson1_1) from canned sessions.

It listens on 127.0.0.1 only, checks nothing about signatures, and serves the sessions of a JSON
file in wire form (epoch-second timestamps, the service's member names). The file is either a
list of GameSession objects or an object:

    {"GameSessions": [...],              # the sessions, in listing order
     "Fleets": ["fleet-1", ...],         # optional: fleets that exist (default: the sessions')
     "Aliases": {"alias-1": "fleet-1"}}  # optional: aliases and the fleet each leads to

Requests are paged by Limit (default --default-limit) and NextToken; a NextToken is the opaque
string "p:<index of the next session in the filtered listing>". FleetId (an ID, or the ARN of a
session's fleet), AliasId, GameSessionId, Location and StatusFilter filter the listing; an unknown
fleet or alias is NotFoundException, a bad token or a request without FleetId, AliasId or
GameSessionId is InvalidRequestException.

Faults (--fault KIND@CALL, repeatable; CALL counts every request from 1):
    throttle     HTTP 400 ThrottlingException
    internal     HTTP 500 InternalServiceException
    empty500     HTTP 500 with an empty body
    notfound     HTTP 400 NotFoundException
    drop         close the connection without an answer
    repeat-token the page answers with the NextToken of the previous answer (a service bug)
    slow:S       answer after S seconds (e.g. slow:2@1)
    truncate     HTTP 200 whose body is the first half of the real answer (Content-Length matches)
    short        HTTP 200 whose Content-Length announces more than is sent, then the connection closes

With verify=(KEY, SECRET, REGION) (--verify KEY:SECRET:REGION), each request's SigV4 signature is
made again with botocore's signer over the headers the request says it signed, and compared;
a mismatch is answered with HTTP 403 InvalidSignatureException. Each exchange records
`signature_ok` (None when not verified).

As a module:

    server = fake_gamelift_endpoint.start(sessions_document)   # a dict or list, as in the file
    server.url                                                 # http://127.0.0.1:PORT
    server.exchanges                                           # one dict per request served
    server.stop()

As a program:

    fake_gamelift_endpoint.py SESSIONS.json [--port N] [--default-limit N] [--log FILE]
                              [--fault KIND@CALL]... [--serve-seconds S]

prints `listing on http://127.0.0.1:PORT` as its first stdout line and serves until killed or
until --serve-seconds (default 600) have passed. --log appends one JSON line per request served:
{"call", "target", "request", "status", "response"}. Standard library only.
"""

import argparse
import http.server
import json
import sys
import threading
import time

TARGET = "GameLift.DescribeGameSessions"
CONTENT_TYPE = "application/x-amz-json-1.1"
DEFAULT_LIMIT = 10
STATUS_FILTERS = ("ACTIVE", "ACTIVATING", "TERMINATED", "TERMINATING")


class ServiceError(Exception):
    """An error answer: HTTP status, error code and message."""

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def parse_fault(text):
    """'KIND@CALL' -> (call, kind, argument); slow takes its seconds as 'slow:S'."""
    kind, _, call = text.partition("@")
    argument = None
    if kind.startswith("slow:"):
        kind, argument = "slow", float(kind[5:])
    if kind not in ("throttle", "internal", "empty500", "notfound", "drop", "repeat-token", "slow", "truncate",
                    "short"):
        raise ValueError("unknown fault kind: %r" % kind)
    return int(call), kind, argument


class Listing:
    """The canned sessions and the rules that page and filter them."""

    def __init__(self, document, default_limit=DEFAULT_LIMIT):
        if isinstance(document, list):
            document = {"GameSessions": document}
        self.sessions = list(document.get("GameSessions", []))
        self.fleets = set(document.get("Fleets", [s.get("FleetId") for s in self.sessions]))
        self.fleets.discard(None)
        self.aliases = dict(document.get("Aliases", {}))
        self.default_limit = default_limit

    def _fleet_matches(self, session, fleet):
        return fleet in (session.get("FleetId"), session.get("FleetArn"))

    def _known_fleet(self, fleet):
        return fleet in self.fleets or any(s.get("FleetArn") == fleet for s in self.sessions)

    def answer(self, request):
        """The DescribeGameSessions output for a request body, or raises ServiceError."""
        fleet = request.get("FleetId")
        alias = request.get("AliasId")
        session_id = request.get("GameSessionId")
        if fleet is None and alias is None and session_id is None:
            raise ServiceError(400, "InvalidRequestException",
                               "One of FleetId, AliasId or GameSessionId is required")
        if alias is not None:
            if alias not in self.aliases:
                raise ServiceError(400, "NotFoundException", "Alias %s not found" % alias)
            fleet = self.aliases[alias]
        if fleet is not None and not self._known_fleet(fleet):
            raise ServiceError(400, "NotFoundException", "Fleet %s not found" % fleet)
        status = request.get("StatusFilter")
        if status is not None and status not in STATUS_FILTERS:
            raise ServiceError(400, "InvalidRequestException", "Invalid StatusFilter %s" % status)
        limit = request.get("Limit", self.default_limit)
        if not isinstance(limit, int) or limit < 1:
            raise ServiceError(400, "InvalidRequestException", "Limit must be at least 1")

        selected = [
            s for s in self.sessions
            if (fleet is None or self._fleet_matches(s, fleet))
            and (session_id is None or s.get("GameSessionId") == session_id)
            and (request.get("Location") is None or s.get("Location") == request["Location"])
            and (status is None or s.get("Status") == status)
        ]
        start = 0
        token = request.get("NextToken")
        if token is not None:
            if not (isinstance(token, str) and token.startswith("p:") and token[2:].isdigit()
                    and int(token[2:]) <= len(selected)):
                raise ServiceError(400, "InvalidRequestException", "Invalid NextToken")
            start = int(token[2:])
        end = min(start + limit, len(selected))
        output = {"GameSessions": selected[start:end]}
        if end < len(selected):
            output["NextToken"] = "p:%d" % end
        return output


class FakeServer(http.server.ThreadingHTTPServer):
    """The HTTP server, with its listing, faults and the exchanges served so far."""

    daemon_threads = True

    def __init__(self, listing, faults=(), log_path=None, port=0, verify=None):
        super().__init__(("127.0.0.1", port), Handler)
        self.listing = listing
        self.faults = {}
        self.verify = verify
        for call, kind, argument in faults:
            self.faults.setdefault(call, []).append((kind, argument))
        self.log_path = log_path
        self.exchanges = []
        self.calls = 0
        self.last_token = None
        self.lock = threading.Lock()
        self.thread = None

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server_address[1]

    def reset(self):
        """Forgets the exchanges and restarts the call count (faults count from 1 again)."""
        with self.lock:
            self.exchanges = []
            self.calls = 0
            self.last_token = None

    def set_faults(self, faults):
        """Replaces the faults and restarts the call count (CALL counts from 1 again)."""
        with self.lock:
            self.faults = {}
            for call, kind, argument in faults:
                self.faults.setdefault(call, []).append((kind, argument))
            self.calls = 0
            self.last_token = None

    def record(self, exchange):
        with self.lock:
            self.exchanges.append(exchange)
            if self.log_path:
                with open(self.log_path, "a", encoding="utf-8") as log:
                    log.write(json.dumps(exchange, ensure_ascii=False) + "\n")

    def handle_error(self, request, client_address):
        """A client that went away (a read timeout, a dropped connection) is part of the tests."""
        error = sys.exc_info()[1]
        if isinstance(error, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)

    def stop(self):
        self.shutdown()
        self.server_close()
        if self.thread is not None:
            self.thread.join(5)


SIGNING_LOCK = threading.Lock()


def signing_time(moment):
    """Makes botocore's signer sign at `moment` (1.43 reads get_current_datetime(); older ones
    datetime.datetime.utcnow() and ignore the request's context timestamp)."""
    import datetime
    import types
    from unittest import mock
    import botocore.auth
    if hasattr(botocore.auth, "get_current_datetime"):
        return mock.patch.object(botocore.auth, "get_current_datetime", lambda *a, **k: moment)

    class _datetime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return moment

    return mock.patch.object(botocore.auth, "datetime", types.SimpleNamespace(datetime=_datetime))


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet: the test prints what matters
        pass

    def _send(self, status, body, extra_headers=()):
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", "req-%d" % self.server.calls)
        for name, value in extra_headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _signature_ok(self, raw):
        """Whether botocore's signer, over the signed headers, makes the same Authorization."""
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        import datetime
        key, secret, region = self.server.verify
        authorization = self.headers.get("Authorization", "")
        fields = dict(part.strip().split("=", 1) for part in authorization[len("AWS4-HMAC-SHA256 "):].split(",")
                      if "=" in part)
        signed = fields.get("SignedHeaders", "").split(";")
        amz_date = self.headers.get("X-Amz-Date", "")
        if not authorization.startswith("AWS4-HMAC-SHA256 ") or not amz_date:
            return False
        headers = {}
        for name in signed:
            if name not in ("x-amz-date",):
                values = self.headers.get_all(name) or []
                headers[name] = ",".join(values)
        request = AWSRequest(method=self.command, url="http://%s%s" % (self.headers.get("Host"), self.path),
                             data=raw, headers=headers)
        moment = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")
        request.context["timestamp"] = moment.strftime("%Y%m%dT%H%M%SZ")
        token = self.headers.get("X-Amz-Security-Token")
        with SIGNING_LOCK, signing_time(moment):
            SigV4Auth(Credentials(key, secret, token), "gamelift", region).add_auth(request)
        return request.headers.get("Authorization") == authorization

    def do_POST(self):
        server = self.server
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        target = self.headers.get("X-Amz-Target", "")
        signature_ok = None
        if server.verify is not None:
            signature_ok = self._signature_ok(raw)
            if not signature_ok:
                with server.lock:
                    server.calls += 1
                server.record({"call": server.calls, "target": target, "request": None, "status": 403,
                               "response": None, "signature_ok": False})
                self._send(403, {"__type": "InvalidSignatureException",
                                 "message": "The request signature we calculated does not match the signature "
                                            "you provided."})
                return
        with server.lock:
            server.calls += 1
            call = server.calls
        faults = server.faults.get(call, [])
        for kind, argument in faults:
            if kind == "slow":
                time.sleep(argument)
        kinds = [kind for kind, _ in faults]

        try:
            request = json.loads(raw.decode("utf-8") or "{}")
        except ValueError:
            request = None
        status, body = 200, None
        if "drop" in kinds:
            server.record({"call": call, "target": target, "request": request, "status": None,
                           "response": None})
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if "throttle" in kinds:
            status, body = 400, {"__type": "ThrottlingException", "message": "Rate exceeded"}
        elif "internal" in kinds:
            status, body = 500, {"__type": "InternalServiceException", "message": "Internal failure"}
        elif "empty500" in kinds:
            status, body = 500, None
        elif "notfound" in kinds:
            status, body = 400, {"__type": "NotFoundException", "message": "Not found"}
        elif target != TARGET:
            status, body = 400, {"__type": "UnknownOperationException", "message": target}
        elif not isinstance(request, dict):
            status, body = 400, {"__type": "SerializationException", "message": "Bad body"}
        else:
            try:
                body = server.listing.answer(request)
                if "repeat-token" in kinds and server.last_token is not None:
                    body["NextToken"] = server.last_token
                server.last_token = body.get("NextToken")
            except ServiceError as e:
                status = e.status
                body = {"__type": "com.amazonaws.gamelift#" + e.code, "message": e.message}
        server.record({"call": call, "target": target, "request": request, "status": status,
                       "response": body, "signature_ok": signature_ok})
        if status == 200 and ("truncate" in kinds or "short" in kinds):
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            cut = data[: len(data) // 2]
            self.send_response(200)
            self.send_header("Content-Type", CONTENT_TYPE)
            self.send_header("Content-Length", str(len(cut) if "truncate" in kinds else len(data)))
            self.end_headers()
            self.wfile.write(cut)
            if "short" in kinds:
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
            return
        self._send(status, body)


def start(document, faults=(), default_limit=DEFAULT_LIMIT, log_path=None, port=0, verify=None):
    """Starts a server in a daemon thread; returns it (url, exchanges, reset(), set_faults(), stop())."""
    server = FakeServer(Listing(document, default_limit), faults, log_path, port, verify)
    server.thread = threading.Thread(target=server.serve_forever, daemon=True)
    server.thread.start()
    return server


def main(argv):
    parser = argparse.ArgumentParser(description="A fake GameLift DescribeGameSessions endpoint.")
    parser.add_argument("sessions", help="JSON file: a list of GameSessions in wire form, or an object")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--default-limit", type=int, default=DEFAULT_LIMIT,
                        help="page size when a request has no Limit")
    parser.add_argument("--log", help="append one JSON line per request served to this file")
    parser.add_argument("--fault", action="append", default=[], type=parse_fault,
                        help="KIND@CALL: throttle, internal, empty500, notfound, drop, repeat-token, slow:S")
    parser.add_argument("--verify", help="KEY:SECRET:REGION: check each request's SigV4 signature with botocore")
    parser.add_argument("--serve-seconds", type=float, default=600, help="stop after this long")
    args = parser.parse_args(argv)
    with open(args.sessions, encoding="utf-8") as f:
        document = json.load(f)
    verify = tuple(args.verify.split(":", 2)) if args.verify else None
    server = start(document, args.fault, args.default_limit, args.log, args.port, verify)
    print("listing on %s" % server.url, flush=True)
    try:
        time.sleep(args.serve_seconds)
    except KeyboardInterrupt:
        pass
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
