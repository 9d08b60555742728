#!/usr/bin/env python3
"""Checker client of scripts/soak.sh (Python 3 standard library only).

For --duration seconds it requests every endpoint of a running kiwoomd in a loop over one
keep-alive connection and validates every answer it reads: status, Content-Type, the headers every
answer carries, JSON bodies (the Prometheus text format for /metrics), the ranking invariants
(row_count == len(data), ranks strictly increasing, price >= 0, direction in the allowed set,
last_update ISO 8601 in +09:00, invalid_fields naming only fields that are null, version never
decreasing per feed), the error shape of refusals, gzip and If-None-Match answers. Beside it, it
reads GET /api/stream (Server-Sent Events) and validates every event, and samples the daemon's
VmRSS every --rss-interval seconds. The results go to --out as JSON for scripts/soak/report.py.
"""

import argparse
import gzip
import http.client
import json
import os
import re
import socket
import threading
import time

DIRECTIONS = {"upper_limit", "up", "unchanged", "lower_limit", "down"}
CONNECTIONS = {"disconnected", "logging_in", "connected", "lost", "waiting_to_reconnect", "failed"}
ISO_KST = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$")
CODE = re.compile(r"^[0-9A-Z]{6}$")
LABEL = r'[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"'
SAMPLE = re.compile(
    r"^[a-zA-Z_:][a-zA-Z0-9_:]*(?:\{" + LABEL + r"(?:," + LABEL + r")*\})?"
    r" (?:[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|NaN|[+-]Inf)(?: -?[0-9]+)?$"
)
VOLUME_KEYS = {"prev_volume", "volume", "turnover_million_krw"}
MAX_EXAMPLES = 10


class Invalid(Exception):
    """An answer that breaks the API's contract."""


def check(condition, message):
    if not condition:
        raise Invalid(message)


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return is_int(value) or isinstance(value, float)


class Results:
    """Counters shared by the checker's threads; every method locks."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.by_status = {}
        self.invalid = 0
        self.examples = []
        self.reconnects = 0
        self.slowest_ms = 0.0
        self.stream = {"state": "not tried", "events": 0, "feed_events": 0, "status_events": 0,
                       "comments": 0, "connections": 0, "invalid": 0, "errors": []}
        self.rss = []  # [seconds since start, kB]
        # What the faults looked like from outside: connection states, stale rankings, flagged rows.
        self.seen = {"connections": {}, "stale_rankings": 0, "rows_with_invalid_fields": 0, "rows": 0}
        self.daemon_gone_at = None

    def answered(self, status):
        with self.lock:
            self.requests += 1
            self.by_status[str(status)] = self.by_status.get(str(status), 0) + 1

    def bad(self, where, message, stream=False):
        with self.lock:
            self.invalid += 1
            if stream:
                self.stream["invalid"] += 1
            if len(self.examples) < MAX_EXAMPLES:
                self.examples.append({"at": round(time.monotonic() - STARTED, 1), "where": where,
                                      "problem": message[:400]})


STARTED = time.monotonic()


class VersionTracker:
    """`version` must never decrease per feed. One tracker per reader: answers read over one
    connection are in order, while two connections may see a publish at different moments."""

    def __init__(self):
        self.latest = {}

    def see(self, feed, version):
        previous = self.latest.get(feed)
        check(previous is None or version >= previous,
              "version of feed %r went back from %d to %d" % (feed, previous or 0, version))
        self.latest[feed] = version


def check_ranking(body, versions, feed=None, market=None, seen=None):
    check(isinstance(body, dict), "ranking is not an object")
    for key in ("feed", "market", "tr", "row_count", "last_update", "market_open", "stale", "version",
                "data"):
        check(key in body, "ranking lacks %r" % key)
    check(isinstance(body["feed"], str) and body["feed"], "feed is not a name")
    check(feed is None or body["feed"] == feed, "asked for feed %r, got %r" % (feed, body["feed"]))
    check(market is None or body["market"] == market, "asked for market %r, got %r" % (market, body["market"]))
    check(body["tr"] in ("opt10023", "opt10030"), "unknown tr %r" % body["tr"])
    check(isinstance(body["market_open"], bool) and isinstance(body["stale"], bool), "flags are not booleans")
    check(body["last_update"] is None or (isinstance(body["last_update"], str) and
                                          ISO_KST.match(body["last_update"])),
          "last_update %r is not ISO 8601 in +09:00" % (body["last_update"],))
    check(is_int(body["version"]) and body["version"] >= 0, "version %r" % (body["version"],))
    data = body["data"]
    check(isinstance(data, list), "data is not a list")
    check(body["row_count"] == len(data), "row_count %r but %d rows" % (body["row_count"], len(data)))
    previous_rank = 0
    for row in data:
        check(isinstance(row, dict), "a row is not an object")
        rank = row.get("rank")
        check(is_int(rank) and rank > previous_rank, "rank %r after %r" % (rank, previous_rank))
        previous_rank = rank
        check(isinstance(row.get("code"), str) and CODE.match(row["code"]), "code %r" % (row.get("code"),))
        check(isinstance(row.get("name"), str) and row["name"], "row %d has no name" % rank)
        check(is_int(row.get("price")) and row["price"] >= 0, "price %r" % (row.get("price"),))
        check(row.get("direction") is None or row["direction"] in DIRECTIONS,
              "direction %r" % (row.get("direction"),))
        check(row.get("venue") in (None, "NXT", "SOR"), "venue %r" % (row.get("venue"),))
        for key, value in row.items():
            if key in ("rank", "code", "name", "price", "direction", "venue", "invalid_fields"):
                continue
            check(value is None or is_number(value), "%s is %r" % (key, value))
            check(not (key in VOLUME_KEYS and is_number(value) and value < 0), "%s is negative" % key)
        invalid = row.get("invalid_fields")
        if invalid is not None:
            check(isinstance(invalid, list) and invalid, "invalid_fields %r" % (invalid,))
            for name in invalid:
                check(isinstance(name, str) and name in row, "invalid_fields names %r, not a field" % (name,))
                # direction may still come from the price's sign (docs/api.md).
                check(name == "direction" or row[name] is None,
                      "invalid_fields names %r but it is %r" % (name, row[name]))
    versions.see(body["feed"], body["version"])
    if seen is not None:
        seen["stale_rankings"] += 1 if body["stale"] else 0
        seen["rows"] += len(data)
        seen["rows_with_invalid_fields"] += sum(1 for row in data if row.get("invalid_fields"))


def check_status(body):
    check(isinstance(body, dict), "status is not an object")
    check(body.get("connection") in CONNECTIONS, "connection %r" % (body.get("connection"),))
    check(isinstance(body.get("feeds"), list), "status has no feeds list")
    for feed in body["feeds"]:
        check(isinstance(feed, dict) and isinstance(feed.get("id"), str), "a status feed has no id")
    check(isinstance(body.get("requests"), dict), "status has no requests")


def check_feeds(body):
    check(isinstance(body, dict) and isinstance(body.get("feeds"), list), "feeds is not {\"feeds\": [...]}")
    for feed in body["feeds"]:
        check(isinstance(feed.get("id"), str), "a feed has no id")
        check(feed.get("url") == "/api/feeds/" + feed["id"], "feed url %r" % (feed.get("url"),))


def check_health(body):
    check(isinstance(body, dict) and body.get("status") == "ok", "health %r" % (body,))
    check(body.get("connection") in CONNECTIONS, "health connection %r" % (body.get("connection"),))
    check(isinstance(body.get("stale"), bool), "health stale %r" % (body.get("stale"),))


def check_metrics(text):
    check(text.endswith("\n"), "metrics do not end with a newline")
    for line in text[:-1].split("\n"):
        if line.startswith("#"):
            check(line.startswith("# HELP ") or line.startswith("# TYPE "), "metrics comment %r" % line)
        else:
            check(SAMPLE.match(line) is not None, "metrics line %r" % line)


class Endpoint:
    def __init__(self, path, kind, status=200, error=None, headers=None, method="GET", **expect):
        self.path, self.kind, self.status, self.error = path, kind, status, error
        self.headers, self.method, self.expect = headers or {}, method, expect


def endpoints(feeds):
    items = [
        Endpoint("/api/volume-ranking", "ranking"),
        Endpoint("/api/volume-ranking?market=kospi", "ranking", market="kospi"),
        Endpoint("/api/volume-ranking?market=kosdaq", "ranking", market="kosdaq"),
        Endpoint("/api/volume-ranking?market=all", "ranking", market="all"),
        Endpoint("/api/volume-ranking?market=kospi", "ranking", headers={"Accept-Encoding": "gzip"},
                 market="kospi"),
        Endpoint("/api/volume-ranking?market=kospi", "ranking", headers={"If-None-Match": "<etag>"},
                 market="kospi"),
        Endpoint("/api/feeds", "feeds"),
        Endpoint("/api/status", "status"),
        Endpoint("/api/health", "health"),
        Endpoint("/api/health", "none", method="HEAD"),
        Endpoint("/metrics", "metrics"),
        Endpoint("/api/soak-no-such-endpoint", "error", 404, "not_found"),
        Endpoint("/api/volume-ranking?market=soak-nyse", "error", 400, "unknown_market"),
        Endpoint("/api/feeds/soak-no-such-feed", "error", 404, "unknown_feed"),
        Endpoint("/api/status", "error", 403, "forbidden_host", headers={"Host": "soak-rebinding.example"}),
        Endpoint("/api/status", "error", 403, "forbidden_origin", headers={"Origin": "https://soak.example"}),
        Endpoint("/api/health", "error", 405, "method_not_allowed", method="DELETE"),
    ]
    for feed in feeds:
        items.append(Endpoint("/api/feeds/" + feed, "ranking", feed=feed))
        items.append(Endpoint("/api/volume-ranking?feed=" + feed, "ranking", feed=feed))
    return items


def validate(endpoint, response, body, versions, etags, results):
    status = response.status
    if endpoint.headers.get("If-None-Match") and status == 304:
        check(body == b"", "304 with a body")
        check(response.getheader("ETag") is not None, "304 without an ETag")
        return
    check(status == endpoint.status, "status %d, expected %d" % (status, endpoint.status))
    # no-store, or no-cache on answers with an ETag (kept, but asked for again every time).
    check(response.getheader("Cache-Control") == ("no-cache" if response.getheader("ETag") else "no-store"),
          "Cache-Control %r" % response.getheader("Cache-Control"))
    check(response.getheader("X-Content-Type-Options") == "nosniff", "no X-Content-Type-Options: nosniff")
    content_type = response.getheader("Content-Type") or ""
    if endpoint.method == "HEAD":
        check(body == b"", "HEAD answered with a body")
        return
    if response.getheader("Content-Encoding") == "gzip":
        check("gzip" in endpoint.headers.get("Accept-Encoding", ""), "gzip without Accept-Encoding")
        body = gzip.decompress(body)
    else:
        check(response.getheader("Content-Encoding") in (None, "identity"),
              "Content-Encoding %r" % response.getheader("Content-Encoding"))
    if endpoint.kind == "metrics":
        check(content_type.startswith("text/plain"), "metrics Content-Type %r" % content_type)
        check_metrics(body.decode("utf-8"))
        return
    check(content_type.startswith("application/json"), "Content-Type %r" % content_type)
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise Invalid("body is not JSON (%s): %r" % (error, body[:120]))
    if endpoint.kind == "error":
        check(isinstance(parsed, dict) and isinstance(parsed.get("error"), dict), "no error object")
        check(parsed["error"].get("code") == endpoint.error,
              "error code %r, expected %r" % (parsed["error"].get("code"), endpoint.error))
        check(isinstance(parsed["error"].get("message"), str), "error without a message")
    elif endpoint.kind == "ranking":
        with results.lock:
            check_ranking(parsed, versions, seen=results.seen, **endpoint.expect)
        if response.getheader("ETag"):
            etags[parsed["feed"]] = response.getheader("ETag")
    elif endpoint.kind == "status":
        check_status(parsed)
        with results.lock:
            states = results.seen["connections"]
            states[parsed["connection"]] = states.get(parsed["connection"], 0) + 1
    elif endpoint.kind == "feeds":
        check_feeds(parsed)
    elif endpoint.kind == "health":
        check_health(parsed)


def request_loop(args, results, deadline):
    versions = VersionTracker()
    etags = {}
    items = endpoints(args.feeds)
    connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
    index = 0
    # When the last answer on this connection came, and whether it kept the connection open
    # ("Keep-Alive") or announced its end ("Connection: close").
    last_answer_at = None
    kept_alive = False
    while time.monotonic() < deadline and results.daemon_gone_at is None:
        endpoint = items[index % len(items)]
        index += 1
        headers = dict(endpoint.headers)
        if headers.get("If-None-Match") == "<etag>":
            headers["If-None-Match"] = etags.get(endpoint.expect.get("market"), '"none"')
        where = "%s %s" % (endpoint.method, endpoint.path)
        for attempt in (1, 2):
            try:
                sent_at = time.monotonic()
                connection.request(endpoint.method, endpoint.path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                with results.lock:
                    results.slowest_ms = max(results.slowest_ms, (time.monotonic() - sent_at) * 1000.0)
                break
            except (http.client.HTTPException, OSError) as error:
                # The server may close an idle or used-up keep-alive connection between requests:
                # try once more on a new connection; a second failure is a finding. A connection
                # the last answer kept open, used again well within the keep-alive timeout (5 s),
                # must not be gone: that is a finding too.
                if attempt == 1 and kept_alive and sent_at - last_answer_at < 2.0:
                    results.bad(where, "connection closed right after an answer that kept it alive: %r" % error)
                kept_alive = False
                connection.close()
                with results.lock:
                    results.reconnects += 1
                if attempt == 2:
                    results.bad(where, "no answer: %r" % error)
                    response = None
        if response is None:
            time.sleep(0.5)
            continue
        results.answered(response.status)
        try:
            validate(endpoint, response, body, versions, etags, results)
        except Invalid as problem:
            results.bad(where, str(problem))
        except Exception as error:  # a body that breaks the checker itself is invalid too
            results.bad(where, "unreadable answer: %r" % error)
        last_answer_at = time.monotonic()
        kept_alive = response.getheader("Connection", "").lower() != "close"
        if not kept_alive:
            connection.close()


def check_event(event, versions, feeds, results):
    if "retry" in event:
        check(event["retry"].isdigit(), "retry %r" % event["retry"])
    if "data" not in event:
        check("event" not in event and "id" not in event, "an event without data: %r" % event)
        return
    name = event.get("event", "message")
    data = json.loads(event["data"])
    if name == "status":
        check_status(data)
        with results.lock:
            results.stream["status_events"] += 1
        return
    check(name in feeds, "event %r is neither status nor a configured feed" % name)
    check("id" in event and event["id"].isdigit(), "feed event id %r" % event.get("id"))
    check(int(event["id"]) == data.get("version"), "event id %s but version %r" % (event["id"], data.get("version")))
    check_ranking(data, versions, feed=name)
    with results.lock:
        results.stream["feed_events"] += 1


def stream_loop(args, results, deadline):
    versions = VersionTracker()  # event ids are versions: per feed, never decreasing
    while time.monotonic() < deadline and results.daemon_gone_at is None:
        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=40)
        try:
            connection.request("GET", "/api/stream", headers={"Accept": "text/event-stream"})
            response = connection.getresponse()
            if response.status == 404:
                with results.lock:
                    results.stream["state"] = "not available (404)"
                response.read()
                return
            if response.status != 200 or not (response.getheader("Content-Type") or "").startswith(
                    "text/event-stream"):
                results.bad("GET /api/stream", "status %d, Content-Type %r" % (
                    response.status, response.getheader("Content-Type")), stream=True)
                response.read()
                time.sleep(1)
                continue
            with results.lock:
                results.stream["state"] = "available"
                results.stream["connections"] += 1
            event = {}
            while time.monotonic() < deadline:
                # Through the response, not its socket file: the stream comes with
                # Transfer-Encoding: chunked, which http.client decodes.
                raw = response.readline(16 * 1024 * 1024)
                if not raw:
                    break  # the server ended the stream; subscribe again
                check(raw.endswith(b"\n"), "stream line without a newline")
                line = raw.decode("utf-8").rstrip("\n").rstrip("\r")
                if line == "":
                    if event:
                        try:
                            check_event(event, versions, args.feeds, results)
                        except (Invalid, ValueError) as problem:
                            results.bad("GET /api/stream", "%s: %r" % (problem, str(event)[:200]), stream=True)
                        with results.lock:
                            results.stream["events"] += 1
                    event = {}
                elif line.startswith(":"):
                    with results.lock:
                        results.stream["comments"] += 1
                else:
                    field, _, value = line.partition(":")
                    value = value[1:] if value.startswith(" ") else value
                    check(field in ("event", "id", "data", "retry"), "unknown stream field %r" % field)
                    event[field] = event[field] + "\n" + value if field == "data" and field in event else value
        except socket.timeout:
            results.bad("GET /api/stream", "no event or keep-alive comment for 40 s", stream=True)
        except Invalid as problem:
            results.bad("GET /api/stream", str(problem), stream=True)
        except (http.client.HTTPException, OSError, UnicodeDecodeError) as error:
            with results.lock:
                if len(results.stream["errors"]) < MAX_EXAMPLES:
                    results.stream["errors"].append("%.0f s: %r" % (time.monotonic() - STARTED, error))
            time.sleep(1)
        finally:
            connection.close()


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise OSError("no VmRSS")


def rss_loop(args, results, deadline):
    while True:
        try:
            sample = [round(time.monotonic() - STARTED, 1), rss_kb(args.pid)]
        except OSError:
            results.daemon_gone_at = round(time.monotonic() - STARTED, 1)
            return
        with results.lock:
            results.rss.append(sample)
        if time.monotonic() >= deadline:
            return
        time.sleep(min(args.rss_interval, max(0.0, deadline - time.monotonic())))


def load_average():
    """The 1-minute load average: how busy the shared machine was."""
    try:
        with open("/proc/loadavg") as loadavg:
            return loadavg.read().split()[0]
    except OSError:
        return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--feeds", default="kospi,kosdaq,all")
    parser.add_argument("--rss-interval", type=float, default=10.0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    args.feeds = [f for f in args.feeds.split(",") if f]

    results = Results()
    load_start = load_average()
    deadline = STARTED + args.duration
    threads = [threading.Thread(target=loop, args=(args, results, deadline), daemon=True)
               for loop in (request_loop, stream_loop, rss_loop)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()) + 60)

    with results.lock:
        report = {
            "duration_seconds": round(time.monotonic() - STARTED, 1),
            "requests": results.requests,
            "by_status": results.by_status,
            "invalid": results.invalid,
            "examples": results.examples,
            "reconnects": results.reconnects,
            "stream": results.stream,
            "rss_kb": results.rss,
            "daemon_gone_at": results.daemon_gone_at,
            "seen": results.seen,
            "slowest_ms": round(results.slowest_ms, 1),
            "load_start": load_start,
            "load_end": load_average(),
        }
    tmp = args.out + ".tmp"
    with open(tmp, "w") as out:
        json.dump(report, out)
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
