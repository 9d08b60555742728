#!/usr/bin/env python3
"""Prints the report of scripts/soak.sh from wrk's output, the checker's results and the daemon's
fate, and exits non-zero when the soak failed: any invalid answer, an unexpected status, a daemon
that did not stay alive or stop cleanly, connections dropped without "Connection: close", or memory
that grew beyond the rule below."""

import argparse
import json
import sys

# Flat memory: the end RSS may exceed the RSS after warm-up by 10 % plus 2 MB (allocator and
# thread-stack noise), no more.
GROWTH_FACTOR = 1.10
GROWTH_SLACK_KB = 2048


def wrk_summary(path):
    with open(path, errors="replace") as output:
        for line in output:
            if line.startswith("SOAK-WRK "):
                return json.loads(line[len("SOAK-WRK "):])
    return None


def mb(kb):
    return "%.1f MB" % (kb / 1024.0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrk", required=True)
    parser.add_argument("--checker", required=True)
    parser.add_argument("--warmup", type=float, required=True)
    parser.add_argument("--alive", required=True, choices=["yes", "no"])
    parser.add_argument("--exit-code", required=True)
    parser.add_argument("--faults", default="")
    parser.add_argument("--log", default="")
    args = parser.parse_args()

    failures = []
    wrk = wrk_summary(args.wrk)
    with open(args.checker) as results:
        checker = json.load(results)

    print("kiwoomd soak report")
    print("  duration           %.0f s (warm-up %.0f s)" % (checker["duration_seconds"], args.warmup))
    if args.faults:
        print("  faults             %s" % args.faults)

    if wrk is None:
        failures.append("wrk printed no summary")
        print("  wrk                no summary (see %s)" % args.wrk)
    else:
        seconds = wrk["duration_us"] / 1e6
        print("  wrk requests       %d (%.0f req/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (
            wrk["requests"], wrk["requests"] / seconds if seconds else 0, wrk["latency_us"]["p50"] / 1000.0,
            wrk["latency_us"]["p99"] / 1000.0, wrk["latency_us"]["max"] / 1000.0))
        non2xx = {s: n for s, n in wrk["statuses"].items() if not 200 <= int(s) < 300}
        expected = wrk["expected_refusals"]
        unexpected = wrk["unexpected"]
        print("  wrk non-2xx        %s" % (", ".join("%s: %d" % kv for kv in sorted(non2xx.items())) or "none"))
        print("    expected         %s" % (", ".join("%s: %d" % kv for kv in sorted(expected.items())) or "none"))
        print("    unexpected       %s" % (", ".join("%s: %d" % kv for kv in sorted(unexpected.items())) or "none"))
        e = wrk["errors"]
        print("  socket errors      connect %d, read %d, write %d, timeout %d" % (
            e["connect"], e["read"], e["write"], e["timeout"]))
        if unexpected:
            failures.append("unexpected statuses from wrk: %s" % unexpected)
        if wrk["empty_2xx_bodies"]:
            failures.append("%d empty 2xx bodies" % wrk["empty_2xx_bodies"])
        # A refused connection means the daemon stopped accepting. Timeouts (no answer within wrk's
        # 5 s) and reads cut short are reported, not failed: on a small shared machine, wrk and the
        # daemon competing for the cores can hold a few answers back that long.
        if e["connect"]:
            failures.append("wrk could not connect %d times" % e["connect"])
        # wrk reconnects without an error after an answer that says "Connection: close"; a read
        # error is a connection that ended without saying so. A few follow timeouts on a busy
        # machine; more than one in ten thousand requests is the daemon dropping connections.
        if e["read"] > max(10, wrk["requests"] // 10000):
            failures.append("%d connections ended without Connection: close (wrk read errors)" % e["read"])
        if e["timeout"] or e["read"]:
            print("    note             %d timeouts and %d read errors in %d requests (%.4f %%); load average "
                  "%s at the start, %s at the end" % (e["timeout"], e["read"], wrk["requests"],
                                                       100.0 * (e["timeout"] + e["read"]) / max(1, wrk["requests"]),
                                                       checker.get("load_start", "?"), checker.get("load_end", "?")))

    print("  checker requests   %d (%s), reconnects %d, slowest answer %.0f ms" % (
        checker["requests"], ", ".join("%s: %d" % kv for kv in sorted(checker["by_status"].items())),
        checker["reconnects"], checker.get("slowest_ms", 0)))
    print("  invalid answers    %d" % checker["invalid"])
    for example in checker["examples"][:5]:
        print("    at %6.1f s  %s: %s" % (example["at"], example["where"], example["problem"]))
    if checker["invalid"]:
        failures.append("%d invalid answers" % checker["invalid"])

    seen = checker["seen"]
    print("  faults as seen     /api/status connection %s; %d of the rankings read stale; %d of %d rows with "
          "invalid_fields" % (", ".join("%s: %d" % kv for kv in sorted(seen["connections"].items())),
                              seen["stale_rankings"], seen["rows_with_invalid_fields"], seen["rows"]))

    stream = checker["stream"]
    if stream["state"] == "available":
        print("  stream events      %d validated (%d feed, %d status), %d comments, %d subscriptions, %d invalid" % (
            stream["events"], stream["feed_events"], stream["status_events"], stream["comments"],
            stream["connections"], stream["invalid"]))
        for error in stream["errors"][:3]:
            print("    stream error     %s" % error)
        if stream["feed_events"] == 0:
            failures.append("the stream carried no feed event")
    else:
        print("  stream             %s" % stream["state"])

    alive = args.alive == "yes" and checker["daemon_gone_at"] is None
    print("  daemon             %s; exit code after SIGTERM: %s" % (
        "stayed alive" if alive else "DIED (gone at %s s)" % checker["daemon_gone_at"], args.exit_code))
    if not alive:
        failures.append("the daemon did not stay alive")
    if args.exit_code != "0":
        failures.append("the daemon exited with %s on SIGTERM" % args.exit_code)

    samples = checker["rss_kb"]
    after_warmup = [kb for t, kb in samples if t >= args.warmup]
    if len(after_warmup) < 2:
        failures.append("too few RSS samples after warm-up (%d)" % len(after_warmup))
        print("  RSS                %d samples: %s" % (len(samples), samples))
    else:
        start, end, peak = after_warmup[0], after_warmup[-1], max(kb for _, kb in samples)
        limit = start * GROWTH_FACTOR + GROWTH_SLACK_KB
        flat = end <= limit
        print("  RSS                first %s, after warm-up %s, max %s, end %s" % (
            mb(samples[0][1]), mb(start), mb(peak), mb(end)))
        print("  memory             %s (rule: end <= after-warm-up x %.2f + %d MB = %s)" % (
            "flat" if flat else "GREW", GROWTH_FACTOR, GROWTH_SLACK_KB // 1024, mb(limit)))
        if not flat:
            failures.append("memory grew from %s to %s" % (mb(start), mb(end)))
    if args.log:
        print("  daemon log         %s" % args.log)

    if failures:
        print("SOAK FAILED: " + "; ".join(failures))
        return 1
    print("SOAK PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
