#!/usr/bin/python3
"""Twisted AMP peer for the amp4j interoperability tests.

Modes:

  serve  --port N [--host 127.0.0.1] [--ignore-stdin]
      Listen for AMP connections and serve the interop command set.  Prints
      exactly one line "listening on HOST:PORT" on stdout once ready; logs go
      to stderr.  Exits on stdin EOF (unless --ignore-stdin) or SIGTERM/SIGINT.

  client --port N [--host 127.0.0.1]
      Connect to an AMP server implementing the interop command set and run a
      scripted conformance conversation.  Per-check results go to stderr; the
      last (and only) stdout line is a JSON summary
      {"passed": P, "failed": F, "failures": [{"name": ..., "message": ...}]}.
      Exit status 0 only if every check passed.

Must be run with an interpreter that has Twisted (Debian: /usr/bin/python3).
"""

import argparse
import datetime
import json
import math
import os
import socket
import sys
import threading
import time
from decimal import Decimal

from twisted.internet import defer, endpoints, protocol, reactor, task
from twisted.internet.error import ReactorNotRunning
from twisted.logger import (
    FilteringLogObserver,
    LogLevel,
    LogLevelFilterPredicate,
    Logger,
    globalLogBeginner,
    textFileLogObserver,
)
from twisted.protocols import amp
from twisted.python.filepath import FilePath

log = Logger(namespace="twisted_peer")

LOOPBACK = "127.0.0.1"


# ---------------------------------------------------------------------------
# The interop command set (shared by both modes)
# ---------------------------------------------------------------------------


class Exploded(Exception):
    """Declared as a *fatal* error of Explode (code EXPLODED)."""


class Noop(amp.Command):
    commandName = b"Noop"
    arguments = []
    response = []


class Sum(amp.Command):
    commandName = b"Sum"
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class Divide(amp.Command):
    commandName = b"Divide"
    arguments = [(b"numerator", amp.Integer()), (b"denominator", amp.Integer())]
    response = [(b"quotient", amp.Float())]
    errors = {ZeroDivisionError: b"ZERO_DIVISION"}


def _record_schema():
    return amp.AmpList(
        [
            (b"id", amp.Integer()),
            (b"name", amp.Unicode()),
            (b"note", amp.Unicode(optional=True)),
        ],
        optional=True,
    )


def _echo_schema():
    return [
        (b"integer", amp.Integer(optional=True)),
        (b"string", amp.String(optional=True)),
        (b"unicode", amp.Unicode(optional=True)),
        (b"boolean", amp.Boolean(optional=True)),
        (b"float", amp.Float(optional=True)),
        (b"decimal", amp.Decimal(optional=True)),
        (b"datetime", amp.DateTime(optional=True)),
        (b"path", amp.Path(optional=True)),
        (b"int_list", amp.ListOf(amp.Integer(), optional=True)),
        (b"text_list", amp.ListOf(amp.Unicode(), optional=True)),
        (b"records", _record_schema()),
    ]


ECHO_KEYS = [name.decode("ascii") for name, _ in _echo_schema()]


class Echo(amp.Command):
    commandName = b"Echo"
    arguments = _echo_schema()
    response = _echo_schema()


class Explode(amp.Command):
    commandName = b"Explode"
    arguments = [(b"message", amp.Unicode())]
    response = []
    fatalErrors = {Exploded: b"EXPLODED"}


class Crash(amp.Command):
    commandName = b"Crash"
    arguments = []
    response = []


class Notify(amp.Command):
    commandName = b"Notify"
    arguments = [(b"message", amp.Unicode())]
    response = []
    requiresAnswer = False


class GetNotifications(amp.Command):
    commandName = b"GetNotifications"
    arguments = []
    response = [(b"messages", amp.ListOf(amp.Unicode()))]


class MakeRecords(amp.Command):
    commandName = b"MakeRecords"
    arguments = [(b"count", amp.Integer()), (b"prefix", amp.Unicode())]
    response = [
        (
            b"records",
            amp.AmpList(
                [
                    (b"index", amp.Integer()),
                    (b"label", amp.Unicode()),
                    (b"even", amp.Boolean()),
                ]
            ),
        )
    ]
    errors = {ValueError: b"BAD_COUNT"}


class Delay(amp.Command):
    commandName = b"Delay"
    arguments = [(b"millis", amp.Integer()), (b"token", amp.Unicode())]
    response = [(b"token", amp.Unicode())]


class AskBack(amp.Command):
    commandName = b"AskBack"
    arguments = [(b"a", amp.Integer()), (b"b", amp.Integer())]
    response = [(b"total", amp.Integer())]


class NoSuchCommand(amp.Command):
    """Deliberately implemented by nobody."""

    commandName = b"NoSuchCommand"
    arguments = []
    response = []


# ---------------------------------------------------------------------------
# The protocol (same class for server connections and client connections)
# ---------------------------------------------------------------------------


class InteropPeer(amp.AMP):
    def __init__(self):
        super().__init__()
        self.notifications = []
        self.sum_calls = []  # (a, b) of every Sum this side answered
        self.lost = defer.Deferred()  # fires (with None) on connectionLost
        self.is_lost = False
        self.lost_reason = None

    def connectionMade(self):
        super().connectionMade()
        log.info("connection made: {peer}", peer=self.transport.getPeer())

    def connectionLost(self, reason):
        log.info(
            "connection lost: {peer}: {reason}",
            peer=self.transport.getPeer() if self.transport else None,
            reason=reason.getErrorMessage(),
        )
        # Mark the loss *before* Twisted fails the outstanding requests: their
        # errbacks run synchronously inside super().connectionLost() and may
        # already look at this connection's state.
        self.is_lost = True
        self.lost_reason = reason
        super().connectionLost(reason)
        if not self.lost.called:
            self.lost.callback(None)

    @Noop.responder
    def noop(self):
        return {}

    @Sum.responder
    def sum(self, a, b):
        self.sum_calls.append((a, b))
        return {"total": a + b}

    @Divide.responder
    def divide(self, numerator, denominator):
        if denominator == 0:
            raise ZeroDivisionError("division by zero")
        return {"quotient": numerator / denominator}

    @Echo.responder
    def echo(self, **kw):
        return {k: v for k, v in kw.items() if v is not None}

    @Explode.responder
    def explode(self, message):
        raise Exploded(message)

    @Crash.responder
    def crash(self):
        raise RuntimeError("Crash requested (undeclared exception)")

    @Notify.responder
    def notify(self, message):
        self.notifications.append(message)
        return {}

    @GetNotifications.responder
    def get_notifications(self):
        messages, self.notifications = self.notifications, []
        return {"messages": messages}

    @MakeRecords.responder
    def make_records(self, count, prefix):
        if not 0 <= count <= 1000:
            raise ValueError(f"count must be between 0 and 1000, got {count}")
        return {
            "records": [
                {"index": i, "label": prefix + str(i), "even": i % 2 == 0}
                for i in range(count)
            ]
        }

    @Delay.responder
    def delay(self, millis, token):
        return task.deferLater(reactor, max(millis, 0) / 1000.0, lambda: {"token": token})

    @AskBack.responder
    def ask_back(self, a, b):
        d = self.callRemote(Sum, a=a, b=b)
        d.addCallback(lambda result: {"total": result["total"]})
        return d


# ---------------------------------------------------------------------------
# Logging / shutdown helpers
# ---------------------------------------------------------------------------


def start_logging(level=LogLevel.info):
    observer = FilteringLogObserver(
        textFileLogObserver(sys.stderr),
        [LogLevelFilterPredicate(defaultLogLevel=level)],
    )
    globalLogBeginner.beginLoggingTo([observer], redirectStandardIO=False)


def stop_reactor():
    try:
        reactor.stop()
    except ReactorNotRunning:
        pass


# ---------------------------------------------------------------------------
# serve mode
# ---------------------------------------------------------------------------


def watch_stdin():
    """Stop the reactor when stdin reaches EOF (or cannot be read)."""

    def reader():
        try:
            # os.read on the raw fd: a daemon thread blocked inside the
            # buffered sys.stdin would abort interpreter shutdown.
            while os.read(0, 65536):
                pass
        except Exception:
            pass
        reactor.callFromThread(log.info, "stdin closed, shutting down")
        reactor.callFromThread(stop_reactor)

    threading.Thread(target=reader, name="stdin-watch", daemon=True).start()


def serve(args):
    start_logging()
    factory = protocol.Factory.forProtocol(InteropPeer)
    port = reactor.listenTCP(args.port, factory, interface=args.host)
    addr = port.getHost()

    def ready():
        sys.stdout.write(f"listening on {addr.host}:{addr.port}\n")
        sys.stdout.flush()
        log.info("serving interop command set on {host}:{port}", host=addr.host, port=addr.port)
        if not args.ignore_stdin:
            watch_stdin()

    reactor.callWhenRunning(ready)
    reactor.run()  # installs SIGTERM/SIGINT handlers that stop the reactor
    log.info("reactor stopped, exiting")
    return 0


# ---------------------------------------------------------------------------
# client mode: check bookkeeping
# ---------------------------------------------------------------------------


class CheckFailed(Exception):
    pass


class Results:
    def __init__(self):
        self.items = []  # (name, ok, message)

    def record(self, name, ok, message):
        self.items.append((name, ok, message))
        sys.stderr.write(f"{'PASS' if ok else 'FAIL'} {name}: {message}\n")
        sys.stderr.flush()

    def summary(self):
        failures = [{"name": n, "message": m} for n, ok, m in self.items if not ok]
        return {
            "passed": sum(1 for _, ok, _ in self.items if ok),
            "failed": len(failures),
            "failures": failures,
        }


def expect(cond, message):
    if not cond:
        raise CheckFailed(message)


def describe_exc(exc):
    return f"{type(exc).__module__}.{type(exc).__name__}: {exc}"


def with_timeout(d, seconds):
    return d.addTimeout(seconds, reactor)


@defer.inlineCallbacks
def expect_failure(d, exc_types, what):
    """Wait for d; it must fail with one of exc_types. Returns the exception."""
    try:
        result = yield d
    except exc_types as e:
        return e
    except Exception as e:
        raise CheckFailed(f"{what}: expected {exc_types!r}, got {describe_exc(e)}")
    raise CheckFailed(f"{what}: expected {exc_types!r}, got a result: {result!r}")


def same_float(got, want):
    if not isinstance(got, float):
        return False
    if math.isnan(want):
        return math.isnan(got)
    return got == want and math.copysign(1.0, got) == math.copysign(1.0, want)


def same_decimal(got, want):
    if not isinstance(got, Decimal):
        return False
    if want.is_snan():
        return got.is_snan() and str(got) == str(want)
    if want.is_qnan():
        return got.is_qnan() and str(got) == str(want)
    return str(got) == str(want)


def dt_fields(dt):
    return (
        dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond,
        dt.utcoffset(),
    )


def same_datetime(got, want):
    return (
        isinstance(got, datetime.datetime)
        and got.utcoffset() is not None
        and dt_fields(got) == dt_fields(want)
    )


def same_path(got, want):
    return isinstance(got, FilePath) and got.path == want.path


def same_exact(got, want):
    return type(got) is type(want) and got == want


def same_records(got, want):
    if not isinstance(got, list) or len(got) != len(want):
        return False
    for g, w in zip(got, want):
        w = {"id": w["id"], "name": w["name"], "note": w.get("note")}
        if not isinstance(g, dict) or dict(g) != w:
            return False
        if any(type(g[k]) is not type(w[k]) for k in w):
            return False
    return True


def same_list(got, want):
    return (
        isinstance(got, list)
        and len(got) == len(want)
        and all(type(g) is type(w) and g == w for g, w in zip(got, want))
    )


COMPARATORS = {
    "integer": same_exact,
    "string": same_exact,
    "unicode": same_exact,
    "boolean": same_exact,
    "float": same_float,
    "decimal": same_decimal,
    "datetime": same_datetime,
    "path": same_path,
    "int_list": same_list,
    "text_list": same_list,
    "records": same_records,
}


def short_repr(value, limit=80):
    r = repr(value)
    return r if len(r) <= limit else r[: limit - 20] + f"...<{len(r)} chars>"


# ---------------------------------------------------------------------------
# client mode: test values
# ---------------------------------------------------------------------------

UTC = datetime.timezone.utc
PLUS_0530 = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
MINUS_0800 = datetime.timezone(-datetime.timedelta(hours=8))

# 65535 bytes of UTF-8: 16383 * 4 + 2 + 1
UNICODE_65535 = "\U0001F600" * 16383 + "\u00e9" + "a"
assert len(UNICODE_65535.encode("utf-8")) == 65535
STRING_65535 = bytes(range(256)) * 255 + bytes(range(255))
assert len(STRING_65535) == 65535

DECIMAL_50 = Decimal("-1234567890123456789012345678901234567890.1234567890")
assert len(DECIMAL_50.as_tuple().digits) == 50

TWO_RECORDS = [
    {"id": 1, "name": "first"},
    {"id": 2, "name": "second \u00e9\U0001F600", "note": "a note"},
]

ECHO_VALUES = [
    ("integer", "0", 0),
    ("integer", "-1", -1),
    ("integer", "2**63", 2**63),
    ("integer", "-(2**63)", -(2**63)),
    ("integer", "2**64+1", 2**64 + 1),
    ("string", "empty", b""),
    ("string", "00ff", b"\x00\xff"),
    ("string", "65535 bytes", STRING_65535),
    ("unicode", "empty", ""),
    ("unicode", "e-acute+emoji", "\u00e9\U0001F600"),
    ("unicode", "NUL", "\x00"),
    ("unicode", "65535 utf-8 bytes", UNICODE_65535),
    ("boolean", "True", True),
    ("boolean", "False", False),
    ("float", "0.0", 0.0),
    ("float", "-0.0", -0.0),
    ("float", "nan", float("nan")),
    ("float", "inf", float("inf")),
    ("float", "-inf", float("-inf")),
    ("float", "1e16", 1e16),
    ("float", "5e-324", 5e-324),
    ("float", "0.1", 0.1),
    ("float", "max", 1.7976931348623157e308),
    ("decimal", "1.10", Decimal("1.10")),
    ("decimal", "-0", Decimal("-0")),
    ("decimal", "-0.00", Decimal("-0.00")),
    ("decimal", "NaN", Decimal("NaN")),
    ("decimal", "sNaN", Decimal("sNaN")),
    ("decimal", "-Infinity", Decimal("-Infinity")),
    ("decimal", "Infinity", Decimal("Infinity")),
    ("decimal", "1E+2", Decimal("1E+2")),
    ("decimal", "1E-7", Decimal("1E-7")),
    ("decimal", "0E-7", Decimal("0E-7")),
    ("decimal", "50 digits", DECIMAL_50),
    ("datetime", "UTC", datetime.datetime(2012, 1, 23, 12, 34, 56, 54321, tzinfo=UTC)),
    ("datetime", "+05:30", datetime.datetime(2012, 1, 23, 12, 34, 56, 54321, tzinfo=PLUS_0530)),
    ("datetime", "-08:00", datetime.datetime(1999, 12, 31, 23, 59, 59, 0, tzinfo=MINUS_0800)),
    ("datetime", "year 1", datetime.datetime(1, 1, 1, 0, 0, 0, 999999, tzinfo=UTC)),
    ("datetime", "year 9999", datetime.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
    ("path", "/amp-test/a", FilePath("/amp-test/a")),
    ("int_list", "[]", []),
    ("int_list", "[1,-2,3]", [1, -2, 3]),
    ("int_list", "[2**64+1]", [2**64 + 1]),
    ("text_list", "['', 'a,b', 'e-acute+emoji']", ["", "a,b", "\u00e9\U0001F600"]),
    ("records", "[]", []),
    ("records", "two (note absent/present)", TWO_RECORDS),
]

ECHO_ALL_TOGETHER = [
    (
        "small edge values",
        {
            "integer": -(2**63),
            "string": b"\x00\xff",
            "unicode": "\u00e9\U0001F600",
            "boolean": False,
            "float": -0.0,
            "decimal": Decimal("-0.00"),
            "datetime": datetime.datetime(2012, 1, 23, 12, 34, 56, 54321, tzinfo=PLUS_0530),
            "path": FilePath("/amp-test/a"),
            "int_list": [1, -2, 3],
            "text_list": ["", "a,b", "\u00e9\U0001F600"],
            "records": TWO_RECORDS,
        },
    ),
    (
        "large/special values",
        {
            "integer": 2**64 + 1,
            "string": STRING_65535,
            "unicode": UNICODE_65535,
            "boolean": True,
            "float": float("nan"),
            "decimal": Decimal("sNaN"),
            "datetime": datetime.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=MINUS_0800),
            "path": FilePath("/amp-test/a"),
            "int_list": [],
            "text_list": [],
            "records": [],
        },
    ),
]


# ---------------------------------------------------------------------------
# client mode: the AMP conversation
# ---------------------------------------------------------------------------


class AmpChecks:
    CHECK_TIMEOUT = 5.0

    def __init__(self, host, port, results):
        self.host = host
        self.port = port
        self.results = results
        self.main = None
        self.stopped = False  # set when the phase deadline expired

    def connect(self):
        ep = endpoints.TCP4ClientEndpoint(reactor, self.host, self.port, timeout=5)
        return with_timeout(endpoints.connectProtocol(ep, InteropPeer()), 6)

    @defer.inlineCallbacks
    def main_connection(self, before):
        """The shared connection; reconnects (and records a failure) if the
        server closed it when it should not have."""
        if self.main is not None and self.main.is_lost:
            reason = self.main.lost_reason.getErrorMessage() if self.main.lost_reason else "?"
            self.results.record(
                f"main_connection_unexpectedly_closed[before {before}]", False,
                f"the server closed the shared connection ({reason}); reconnecting",
            )
            self.main = None
        if self.main is None:
            self.main = yield self.connect()
        return self.main

    @defer.inlineCallbacks
    def check(self, name, fn, *args, timeout=None, main=True):
        """Run one check.  fn returns a Deferred/value giving a pass message;
        with main=True it gets the shared connection as first argument."""
        if self.stopped:
            return False
        timeout = timeout or self.CHECK_TIMEOUT

        used = []

        @defer.inlineCallbacks
        def body():
            conn_args = ()
            if main:
                used.append((yield self.main_connection(name)))
                conn_args = (used[0],)
            return (yield fn(*conn_args, *args))

        d = body()
        with_timeout(d, timeout)
        try:
            message = yield d
        except CheckFailed as e:
            ok, message = False, str(e)
        except defer.TimeoutError:
            ok, message = False, f"timed out after {timeout}s"
        except Exception as e:
            ok, message = False, "unexpected " + describe_exc(e)
        else:
            ok, message = True, message or "ok"
        if not self.stopped:
            self.results.record(name, ok, message)
        if not ok and used and used[0] is self.main:
            # The shared connection's state is suspect after a failure (the
            # server may be about to close it, or answers may still be in
            # flight): give the following checks a fresh one.
            if not self.main.is_lost:
                self.main.transport.loseConnection()
            self.main = None
        return ok

    # --- individual checks -------------------------------------------------

    @defer.inlineCallbacks
    def c_noop(self, c):
        r = yield c.callRemote(Noop)
        expect(r == {}, f"expected empty answer, got {r!r}")
        return "empty answer"

    @defer.inlineCallbacks
    def c_sum(self, c, a, b):
        r = yield c.callRemote(Sum, a=a, b=b)
        expect(same_exact(r["total"], a + b), f"expected {a + b}, got {r['total']!r}")
        return f"total={short_repr(r['total'])}"

    @defer.inlineCallbacks
    def c_divide(self, c):
        r = yield c.callRemote(Divide, numerator=1, denominator=4)
        expect(same_float(r["quotient"], 0.25), f"expected 0.25, got {r['quotient']!r}")
        return "quotient=0.25"

    @defer.inlineCallbacks
    def c_divide_zero(self, c):
        e = yield expect_failure(
            c.callRemote(Divide, numerator=1, denominator=0), ZeroDivisionError, "Divide(1, 0)"
        )
        expect(str(e) == "division by zero", f"description {str(e)!r} != 'division by zero'")
        r = yield c.callRemote(Sum, a=1, b=1)
        expect(r["total"] == 2, f"follow-up Sum gave {r!r}")
        expect(not c.is_lost, "connection was closed after a declared error")
        return "ZeroDivisionError('division by zero'); connection still usable"

    @defer.inlineCallbacks
    def c_echo(self, c, kwargs):
        r = yield c.callRemote(Echo, **kwargs)
        problems = []
        for key in ECHO_KEYS:
            got = r.get(key)
            if key in kwargs:
                if not COMPARATORS[key](got, kwargs[key]):
                    problems.append(
                        f"{key}: sent {short_repr(kwargs[key])}, got {short_repr(got)}"
                    )
            elif got is not None:
                problems.append(f"{key}: not sent but answered {short_repr(got)}")
        expect(not problems, "; ".join(problems))
        return "round trip exact" if kwargs else "empty answer"

    @defer.inlineCallbacks
    def c_pipelining(self, c):
        pairs = [(i, (i * 7919) - 2**70) for i in range(50)]
        ds = [c.callRemote(Sum, a=a, b=b) for a, b in pairs]
        answers = yield defer.gatherResults(ds, consumeErrors=True)
        wrong = [
            (a, b, r["total"]) for (a, b), r in zip(pairs, answers) if r["total"] != a + b
        ]
        expect(not wrong, f"wrong totals: {wrong[:5]!r}")
        return "50 pipelined Sum calls answered correctly"

    @defer.inlineCallbacks
    def c_out_of_order(self, c):
        order = []

        def done(r, label):
            order.append((label, r["token"]))
            return r

        d1 = c.callRemote(Delay, millis=300, token="slow").addCallback(done, "slow")
        d2 = c.callRemote(Delay, millis=10, token="fast").addCallback(done, "fast")
        yield defer.gatherResults([d1, d2], consumeErrors=True)
        expect(
            order == [("fast", "fast"), ("slow", "slow")],
            f"completion order/tokens {order!r}",
        )
        return "'fast' answered before 'slow', tokens intact"

    @defer.inlineCallbacks
    def c_notify(self, c):
        for message in ("one", "two"):
            d = c.callRemote(Notify, message=message)
            expect(d is None, f"requiresAnswer=False callRemote returned {d!r}")
        r = yield c.callRemote(GetNotifications)
        expect(r["messages"] == ["one", "two"], f"first GetNotifications: {r['messages']!r}")
        r = yield c.callRemote(GetNotifications)
        expect(r["messages"] == [], f"second GetNotifications: {r['messages']!r}")
        return "['one', 'two'] then []"

    @defer.inlineCallbacks
    def c_notify_per_connection(self, c):
        other = yield self.connect()
        try:
            c.callRemote(Notify, message="only-on-first")
            # Round trip on the first connection so the Notify has been processed.
            yield c.callRemote(Noop)
            r = yield other.callRemote(GetNotifications)
            expect(r["messages"] == [], f"other connection saw {r['messages']!r}")
            r = yield c.callRemote(GetNotifications)
            expect(r["messages"] == ["only-on-first"], f"first connection saw {r['messages']!r}")
        finally:
            other.transport.loseConnection()
        return "notification lists are per connection"

    @defer.inlineCallbacks
    def c_make_records(self, c):
        r = yield c.callRemote(MakeRecords, count=3, prefix="r")
        want = [
            {"index": 0, "label": "r0", "even": True},
            {"index": 1, "label": "r1", "even": False},
            {"index": 2, "label": "r2", "even": True},
        ]
        got = [dict(x) for x in r["records"]]
        expect(got == want, f"got {got!r}")
        return "r0/r1/r2, True/False/True"

    @defer.inlineCallbacks
    def c_make_records_zero(self, c):
        r = yield c.callRemote(MakeRecords, count=0, prefix="x")
        expect(r["records"] == [], f"got {r['records']!r}")
        return "[]"

    @defer.inlineCallbacks
    def c_make_records_bad(self, c):
        e = yield expect_failure(
            c.callRemote(MakeRecords, count=1001, prefix="x"),
            (ValueError, amp.UnknownRemoteError),
            "MakeRecords(1001)",
        )
        expect(
            isinstance(e, ValueError),
            f"error arrived as {describe_exc(e)}; code BAD_COUNT should map to ValueError",
        )
        r = yield c.callRemote(Noop)
        expect(not c.is_lost, "connection closed after a declared error")
        return f"ValueError({str(e)!r}); connection still usable"

    @defer.inlineCallbacks
    def c_ask_back(self, c):
        before = len(c.sum_calls)
        r = yield c.callRemote(AskBack, a=20, b=22)
        calls = c.sum_calls[before:]
        expect(calls == [(20, 22)], f"server's Sum calls reaching this client: {calls!r}")
        expect(r["total"] == 42, f"total {r['total']!r}")
        return "total=42, server called our Sum(20, 22) once"

    @defer.inlineCallbacks
    def c_unknown_command(self, c):
        e = yield expect_failure(
            c.callRemote(NoSuchCommand), amp.UnhandledCommand, "NoSuchCommand"
        )
        r = yield c.callRemote(Sum, a=2, b=3)
        expect(r["total"] == 5, f"follow-up Sum gave {r!r}")
        return f"UnhandledCommand{e.args!r}; connection still usable"

    @defer.inlineCallbacks
    def c_unknown_command_description(self, c):
        e = yield expect_failure(
            c.callRemote(NoSuchCommand), amp.UnhandledCommand, "NoSuchCommand"
        )
        want = (b"UNHANDLED", "Unhandled Command: b'NoSuchCommand'")
        expect(e.args == want, f"got {e.args!r}, want {want!r}")
        return "UNHANDLED / Unhandled Command: b'NoSuchCommand'"

    @defer.inlineCallbacks
    def c_explode(self):
        c = yield self.connect()
        e = yield expect_failure(c.callRemote(Explode, message="boom"), Exploded, "Explode")
        expect(str(e) == "boom", f"description {str(e)!r} != 'boom'")
        try:
            yield with_timeout(c.lost, 3)
        except defer.TimeoutError:
            c.transport.abortConnection()
            raise CheckFailed("server did not close the connection within 3 s")
        return "Exploded('boom'), then the server closed the connection"

    @defer.inlineCallbacks
    def c_crash(self):
        c = yield self.connect()
        e = yield expect_failure(c.callRemote(Crash), amp.UnknownRemoteError, "Crash")
        expect(
            e.errorCode == b"UNKNOWN" and e.description == "Unknown Error",
            f"got code {e.errorCode!r} description {e.description!r}",
        )
        try:
            yield with_timeout(c.lost, 3)
        except defer.TimeoutError:
            c.transport.abortConnection()
            raise CheckFailed("server did not close the connection within 3 s")
        return "UnknownRemoteError('Unknown Error'), then the server closed the connection"

    # --- the script --------------------------------------------------------

    @defer.inlineCallbacks
    def run(self):
        chk = self.check
        try:
            self.main = yield self.connect()
        except Exception as e:
            self.results.record("connect", False, describe_exc(e))
            return
        self.results.record("connect", True, f"{self.host}:{self.port}")

        yield chk("noop", self.c_noop)
        for label, a, b in [
            ("small", 13, 81),
            ("zeros", 0, 0),
            ("negative+positive", -5, 3),
            ("negatives", -7, -8),
            ("2**64+1 twice", 2**64 + 1, 2**64 + 1),
            ("googol twice", 10**100, 10**100),
            ("-googol+1", -(10**100), 1),
        ]:
            yield chk(f"sum[{label}]", self.c_sum, a, b)

        yield chk("divide[1/4]", self.c_divide)
        yield chk("divide[1/0 declared error]", self.c_divide_zero)

        for key, label, value in ECHO_VALUES:
            yield chk(f"echo.{key}[{label}]", self.c_echo, {key: value})
        for label, kwargs in ECHO_ALL_TOGETHER:
            yield chk(f"echo.all[{label}]", self.c_echo, kwargs)
        yield chk("echo.none", self.c_echo, {})

        yield chk("pipelining[50 x Sum]", self.c_pipelining)
        yield chk("out_of_order[Delay]", self.c_out_of_order)
        yield chk("notify", self.c_notify)
        yield chk("notify.per_connection", self.c_notify_per_connection)

        yield chk("make_records[3]", self.c_make_records)
        yield chk("make_records[0]", self.c_make_records_zero)
        yield chk("make_records[1001 BAD_COUNT]", self.c_make_records_bad)
        yield chk("ask_back[20+22]", self.c_ask_back)
        yield chk("unknown_command", self.c_unknown_command)
        yield chk("unknown_command.description", self.c_unknown_command_description)
        yield chk("main_connection_still_open", self.c_noop)
        if self.main is not None:
            self.main.transport.loseConnection()

        yield chk("explode[fatal error closes]", self.c_explode, timeout=10, main=False)
        yield chk("crash[undeclared error closes]", self.c_crash, timeout=10, main=False)


# ---------------------------------------------------------------------------
# client mode: malformed input over raw sockets (no Twisted involved)
# ---------------------------------------------------------------------------


def raw_box(*pairs):
    out = bytearray()
    for key, value in pairs:
        out += len(key).to_bytes(2, "big") + key
        out += len(value).to_bytes(2, "big") + value
    return bytes(out + b"\x00\x00")


def parse_boxes(data):
    """Split data into complete boxes (dicts); returns (boxes, leftover_bytes)."""
    boxes, box, i = [], {}, 0
    start = 0
    while True:
        if i + 2 > len(data):
            break
        klen = int.from_bytes(data[i : i + 2], "big")
        if klen == 0:
            boxes.append(box)
            box, i = {}, i + 2
            start = i
            continue
        if i + 2 + klen + 2 > len(data):
            break
        key = data[i + 2 : i + 2 + klen]
        vlen = int.from_bytes(data[i + 2 + klen : i + 4 + klen], "big")
        if i + 4 + klen + vlen > len(data):
            break
        box[key] = data[i + 4 + klen : i + 4 + klen + vlen]
        i += 4 + klen + vlen
    return boxes, data[start:]


def raw_exchange(host, port, payload, timeout, stop_after_boxes=None):
    """Send payload, then read until the peer closes, `timeout` elapses, or
    `stop_after_boxes` complete boxes arrived.  Returns (data, closed_how)
    where closed_how is 'eof', 'reset' or None (still open)."""
    deadline = time.monotonic() + timeout
    s = socket.create_connection((host, port), timeout=timeout)
    data, how = b"", None
    try:
        try:
            s.sendall(payload)
        except (ConnectionResetError, BrokenPipeError):
            return data, "reset"
        while True:
            if stop_after_boxes is not None and len(parse_boxes(data)[0]) >= stop_after_boxes:
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            s.settimeout(remaining)
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            except (ConnectionResetError, BrokenPipeError):
                how = "reset"
                break
            if not chunk:
                how = "eof"
                break
            data += chunk
    finally:
        s.close()
    return data, how


def run_raw_checks(host, port, results, deadline):
    def budget():
        return max(0.5, min(3.0, deadline - time.monotonic()))

    def closed_silently(name, payload, what):
        try:
            data, how = raw_exchange(host, port, payload, budget())
        except OSError as e:
            results.record(name, False, f"socket error: {describe_exc(e)}")
            return
        if data:
            results.record(name, False, f"{what}: expected no reply, got {data[:200].hex()}")
        elif how is None:
            results.record(name, False, f"{what}: connection not closed within the timeout")
        else:
            results.record(name, True, f"{what}: closed without reply ({how})")

    # Control: the raw-socket harness itself works.
    name = "raw.valid_request_control"
    try:
        data, how = raw_exchange(
            host, port,
            raw_box((b"_ask", b"1"), (b"_command", b"Sum"), (b"a", b"13"), (b"b", b"81")),
            budget(), stop_after_boxes=1,
        )
        boxes, _ = parse_boxes(data)
        want = {b"_answer": b"1", b"total": b"94"}
        if boxes and boxes[0] == want:
            results.record(name, True, "answer _answer=1 total=94")
        else:
            results.record(name, False, f"got {data[:200].hex()} (closed: {how})")
    except OSError as e:
        results.record(name, False, f"socket error: {describe_exc(e)}")

    closed_silently(
        "raw.key_length_256",
        b"\x01\x00" + b"k" * 256 + b"\x00\x01v" + b"\x00\x00",
        "key length prefix 256",
    )
    closed_silently("raw.empty_box", b"\x00\x00", "empty box")
    closed_silently(
        "raw.no_routing_keys", raw_box((b"a", b"1"), (b"b", b"2")), "box without _command/_answer/_error"
    )
    closed_silently(
        "raw.answer_unknown_tag", raw_box((b"_answer", b"zz"), (b"total", b"1")), "_answer with unknown tag"
    )

    # Missing required argument: UNKNOWN error box, then close.
    name = "raw.missing_argument"
    try:
        data, how = raw_exchange(
            host, port,
            raw_box((b"_ask", b"1"), (b"_command", b"Sum"), (b"a", b"1")),
            budget(),
        )
    except OSError as e:
        results.record(name, False, f"socket error: {describe_exc(e)}")
        results.record(name + ".description", False, "not run")
        return
    boxes, leftover = parse_boxes(data)
    problems = []
    if len(boxes) != 1 or leftover:
        problems.append(f"expected exactly one box, got {len(boxes)} (+{len(leftover)} stray bytes)")
    box = boxes[0] if boxes else {}
    if box.get(b"_error") != b"1":
        problems.append(f"_error={box.get(b'_error')!r}")
    if box.get(b"_error_code") != b"UNKNOWN":
        problems.append(f"_error_code={box.get(b'_error_code')!r}")
    if how is None:
        problems.append("connection not closed within the timeout")
    if problems:
        results.record(name, False, "; ".join(problems) + f" (raw reply {data[:200].hex()})")
    else:
        results.record(name, True, f"_error=1 _error_code=UNKNOWN, then closed ({how})")
    desc = box.get(b"_error_description")
    results.record(
        name + ".description",
        desc == b"Unknown Error" and set(box) == {b"_error", b"_error_code", b"_error_description"},
        f"box keys {sorted(box)!r}, _error_description={desc!r}",
    )


# ---------------------------------------------------------------------------
# client mode: driver
# ---------------------------------------------------------------------------

AMP_PHASE_BUDGET = 35.0
TOTAL_BUDGET = 52.0


def client(args):
    start_logging(LogLevel.warn)
    started = time.monotonic()
    results = Results()
    checks = AmpChecks(args.host, args.port, results)

    def finished(_):
        stop_reactor()

    def crashed(f):
        results.record("client.internal", False, f.getTraceback())
        stop_reactor()

    def watchdog():
        checks.stopped = True
        results.record(
            "client.amp_phase_deadline", False,
            f"AMP checks did not finish within {AMP_PHASE_BUDGET}s; remaining checks skipped",
        )
        stop_reactor()

    def go():
        timer = reactor.callLater(AMP_PHASE_BUDGET, watchdog)
        d = checks.run()
        d.addCallbacks(finished, crashed)
        d.addBoth(lambda _: timer.active() and timer.cancel())

    reactor.callWhenRunning(go)
    reactor.run(installSignalHandlers=False)

    run_raw_checks(args.host, args.port, results, started + TOTAL_BUDGET)

    summary = results.summary()
    sys.stdout.write(json.dumps(summary) + "\n")
    sys.stdout.flush()
    return 0 if summary["failed"] == 0 and summary["passed"] > 0 else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("serve", help="serve the interop command set")
    s.add_argument("--port", type=int, required=True, help="TCP port (0 = OS-chosen)")
    s.add_argument("--host", default=LOOPBACK)
    s.add_argument("--ignore-stdin", action="store_true",
                   help="do not exit on stdin EOF (for manual runs)")
    c = sub.add_parser("client", help="run the conformance conversation against a server")
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--host", default=LOOPBACK)
    args = parser.parse_args(argv)
    if args.mode == "serve":
        return serve(args)
    return client(args)


if __name__ == "__main__":
    sys.exit(main())
