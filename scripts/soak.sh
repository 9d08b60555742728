#!/usr/bin/env bash
# Soak test: a Release kiwoomd on the emulator, updating as fast as the request limits allow while
# injected faults come and go, under wrk load and a checker client that validates every answer it
# reads (scripts/soak/checker.py), with the daemon's memory sampled every 10 s. Prints one report
# and exits non-zero on any invalid answer, unexpected status or refused connection, a daemon that
# died or did not stop cleanly, or memory that grew (rule in scripts/soak/report.py).
#   scripts/soak.sh          # 10 minutes
#   scripts/soak.sh 2        # a quick one
# Everything stays on 127.0.0.1; the daemon's data dir and logs are kept in build/soak/.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes="${1:-10}"
if ! [[ "$minutes" =~ ^[0-9]+$ ]] || [ "$minutes" -lt 1 ]; then
    echo "usage: scripts/soak.sh [MINUTES]" >&2
    exit 2
fi
duration=$((minutes * 60))
# Load runs during warm-up too; memory is compared from its end (threads, caches and the
# allocator's arenas fill up first).
warmup=$((duration / 10 < 20 ? 20 : (duration / 10 > 60 ? 60 : duration / 10)))

# python3 may come from elsewhere than Debian (pyenv): only a machine without one gets Debian's.
if command -v python3 >/dev/null 2>&1; then
    scripts/install-deps.sh wrk
else
    scripts/install-deps.sh wrk python3
fi

cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target kiwoomd
binary=build/release/src/app/kiwoomd

work="build/soak/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work/data"
work="$(cd "$work" && pwd)"

# Fast as the limits allow: a 1 s poll interval against Kiwoom's documented 5 requests a second
# (the emulator refuses more with -200, kiwoomd paces below it), a market that moves every 100 ms,
# short answers and timeouts, and four feeds including an opt10030 one. Reconnects are quick and
# the maintenance windows are off so that faults, not the clock, decide when the session drops.
cat >"$work/kiwoomd.json" <<'JSON'
{
  "polling": {
    "interval_seconds": 1,
    "request_timeout_seconds": 3,
    "safety_margin_ms": 50,
    "limit_windows": [{ "max_requests": 5, "seconds": 1 }],
    "max_throttle_backoff_seconds": 4,
    "stale_after_intervals": 5
  },
  "connection": {
    "login_timeout_seconds": 10,
    "reconnect_min_seconds": 1,
    "reconnect_max_seconds": 4,
    "maintenance_windows": []
  },
  "feeds": [
    { "id": "kospi", "inputs": { "시장구분": "001" } },
    { "id": "kosdaq", "inputs": { "시장구분": "101", "정렬구분": "2" }, "priority": 1 },
    { "id": "all", "inputs": { "시장구분": "000" }, "max_pages": 2, "priority": 2 },
    { "id": "kospi-volume", "tr": "opt10030", "inputs": { "시장구분": "001" }, "market": "kospi", "priority": 3 }
  ],
  "emulator": {
    "seed": 7,
    "login_delay_ms": 200,
    "min_latency_ms": 5,
    "max_latency_ms": 40,
    "tick_ms": 100,
    "limit_windows": [{ "max_requests": 5, "seconds": 1 }]
  },
  "market": { "calendar": "always-open" },
  "logging": { "level": "info" }
}
JSON
feeds="kospi,kosdaq,all,kospi-volume"

# Faults spread over the run (start and length as fractions of it, at least 1 s each), after the
# warm-up and with the last fifth clear so the end shows the recovery.
faults=()
fault_specs=()
for spec in slow:10:4 malformed:15:15 throttle:32:4 drop:40:6 disconnect:50:5 empty:60:4 malformed:68:8 \
    slow:76:3; do
    IFS=: read -r name start length <<<"$spec"
    at=$((duration * start / 100))
    for_s=$((duration * length / 100 > 0 ? duration * length / 100 : 1))
    faults+=(--sim-fault "$name@$at+$for_s")
    fault_specs+=("$name@$at+$for_s")
done

echo "soak: ${minutes} min, warm-up ${warmup} s, work dir $work"
"$binary" --simulate --headless --port 0 --config "$work/kiwoomd.json" --data-dir "$work/data" \
    "${faults[@]}" >"$work/kiwoomd.out" 2>&1 &
pid=$!
stop_daemon() {
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
}
trap stop_daemon EXIT

port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*serving http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/kiwoomd.out" | head -1)
    [ -n "$port" ] && break
    if ! kill -0 "$pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "soak: kiwoomd did not start:" >&2
    cat "$work/kiwoomd.out" >&2
    exit 1
fi
echo "soak: kiwoomd pid $pid on port $port; faults: ${fault_specs[*]}"

SOAK_FEEDS="$feeds" wrk -t2 -c16 -d"${duration}s" --timeout 5s -s scripts/soak/wrk.lua \
    "http://127.0.0.1:$port" >"$work/wrk.out" 2>&1 &
wrk_pid=$!
python3 scripts/soak/checker.py --port "$port" --pid "$pid" --duration "$duration" --feeds "$feeds" \
    --out "$work/checker.json" &
checker_pid=$!

checker_status=0
wait "$checker_pid" || checker_status=$?
wrk_status=0
wait "$wrk_pid" || wrk_status=$?

alive=no
exit_code="(died)"
if kill -0 "$pid" 2>/dev/null; then
    alive=yes
    kill -TERM "$pid"
    exit_code=0
    wait "$pid" || exit_code=$?
else
    wait "$pid" 2>/dev/null || exit_code="died with $?"
fi
trap - EXIT

if [ "$checker_status" -ne 0 ] || [ ! -f "$work/checker.json" ]; then
    echo "soak: the checker failed ($checker_status)" >&2
    exit 1
fi
if [ "$wrk_status" -ne 0 ]; then
    echo "soak: wrk failed ($wrk_status):" >&2
    cat "$work/wrk.out" >&2
fi
python3 scripts/soak/report.py --wrk "$work/wrk.out" --checker "$work/checker.json" --warmup "$warmup" \
    --alive "$alive" --exit-code "$exit_code" --faults "${fault_specs[*]}" \
    --log "$work/kiwoomd.out"
