#!/usr/bin/env bash
# Benchmarks kiwoomd against nginx serving the same bytes, in the same run, and prints one table.
# What each figure means and how to read it: docs/benchmarks.md.
#
#   bench/run.sh            the full run (about 5 minutes)
#   bench/run.sh --quick    shorter rounds, for a smoke test of the script (about 3 minutes)
#   bench/run.sh --only stream,ingest
#                           only some parts: throughput (with starvation), stream, ingest, memory,
#                           dashboard
#
# It installs what it needs (apt, by package name; npm ci for the dashboard's Chromium driver),
# builds Release in build/bench, and starts and stops its own kiwoomd, nginx, Xvfb, trayer and
# Chromium processes in a temporary directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build/bench"

quick=0
only="throughput,stream,ingest,memory,dashboard"
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=1 ;;
    --only)
        only="${2:-}"
        shift
        ;;
    -h | --help)
        sed -n '2,13p' "$0"
        exit 0
        ;;
    *)
        echo "usage: bench/run.sh [--quick] [--only throughput,stream,ingest,memory,dashboard]" >&2
        exit 2
        ;;
    esac
    shift
done
want() { [[ ",$only," == *",$1,"* ]]; }

if [ "$quick" -eq 1 ]; then
    rounds=1 seconds=4 stream_seconds=16 poll_seconds=4 ingest_iterations=500 load_seconds=8
else
    rounds=3 seconds=10 stream_seconds=30 poll_seconds=10 ingest_iterations=2000 load_seconds=15
fi
subscribers=64 # server.max_stream_subscribers' default: each subscriber holds a worker thread
settle_seconds=35 # keep-alive connections close after 5 s; the allocator settles after that

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
die() {
    log "error: $*"
    exit 1
}

# --- packages -------------------------------------------------------------------------------------
# The build dependencies plus what the benchmark runs: the load generator, the server to compare
# with, a virtual display and a tray for the memory figure.
# The dashboard's part: Chromium driven from node (tests/browser's playwright-core).
dashboard_packages=()
if want dashboard; then
    # Node.js and npm from Debian only when the machine has none, as scripts/install-deps.sh does:
    # a Node.js from another source (NodeSource ships its own npm) conflicts with Debian's npm.
    dashboard_packages=(chromium)
    command -v node >/dev/null 2>&1 || dashboard_packages+=(nodejs)
    command -v npm >/dev/null 2>&1 || dashboard_packages+=(npm)
fi
"$root/scripts/install-deps.sh" wrk nginx-light xvfb trayer curl procps "${dashboard_packages[@]}" >&2
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

# --- build ----------------------------------------------------------------------------------------
log "building Release in $build"
mkdir -p "$build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DKIWOOMD_BUILD_TESTS=OFF -DKIWOOMD_BUILD_BENCH=ON \
    >"$build/bench-configure.log" 2>&1 || die "cmake configure failed: $build/bench-configure.log"
cmake --build "$build" -j2 --target kiwoomd kiwoomd_loadgen kiwoomd_streamclient kiwoomd_ingest_bench \
    >"$build/bench-build.log" 2>&1 || die "build failed: $build/bench-build.log"
kiwoomd="$build/src/app/kiwoomd"
loadgen="$build/bench/kiwoomd_loadgen"
streamclient="$build/bench/kiwoomd_streamclient"
ingest="$build/bench/kiwoomd_ingest_bench"
for binary in "$kiwoomd" "$loadgen" "$streamclient" "$ingest"; do
    [ -x "$binary" ] || die "missing $binary"
done

# --- processes: everything started here is stopped on the way out -------------------------------
work="$(mktemp -d /tmp/kiwoomd-bench.XXXXXX)"
chmod 755 "$work" # nginx's workers run as another user when this runs as root
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    pids=()
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_pid() {
    local pid="$1" i
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    forget_pid "$pid"
}
forget_pid() { # a process that has ended by itself
    local i kept=()
    for i in "${pids[@]}"; do
        [ "$i" = "$1" ] || kept+=("$i")
    done
    pids=("${kept[@]+"${kept[@]}"}")
}

# 256 connections and 64 streams plus their clients, in one process each.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
mib() { awk -v kb="$1" 'BEGIN {printf "%.1f", kb / 1024}'; }
load1() { awk '{print $1}' /proc/loadavg; }
clock_tick="$(getconf CLK_TCK)"
# CPU time (user + system, in clock ticks) used so far by the processes and their children
# (nginx's workers are its master's children).
cpu_ticks() {
    local pid total=0 fields
    for pid in "$@" $(for p in "$@"; do pgrep -P "$p" || true; done); do
        fields="$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null || true)"
        [ -n "$fields" ] && total=$((total + $(awk '{print $12 + $13}' <<<"$fields")))
    done
    echo "$total"
}
cpu_per_request() { # ticks requests -> microseconds of server CPU per answer
    awk -v t="$1" -v n="$2" -v hz="$clock_tick" 'BEGIN {printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}'
}

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "no free port found"
}

# Memory of a daemon across a load phase: RSS sampled every 100 ms in the background.
sampler_pid=""
sample_file=""
phase_begin() { # name pid
    phase_name="$1" phase_pid="$2"
    phase_before="$(rss_kb "$phase_pid")"
    sample_file="$work/rss-$phase_name"
    : >"$sample_file"
    (while :; do
        awk '/^VmRSS:/ {print $2}' "/proc/$phase_pid/status" 2>/dev/null >>"$sample_file" || exit 0
        sleep 0.1
    done) &
    sampler_pid=$!
    pids+=("$sampler_pid")
}
phase_end() {
    stop_pid "$sampler_pid"
    local after peak
    after="$(rss_kb "$phase_pid")"
    peak="$(sort -n "$sample_file" | tail -1)"
    peak="${peak:-$after}"
    [ "$after" -gt "$peak" ] && peak="$after"
    printf '%s %s %s %s\n' "$phase_name" "$phase_before" "$peak" "$after" >>"$work/memory"
    phase_peak="$peak"
}

# --- kiwoomd --------------------------------------------------------------------------------------
daemon_pid="" daemon_port=""
start_daemon() { # name config [env...]; sets daemon_pid and daemon_port
    local name="$1" config="$2" headless="--headless"
    shift 2
    mkdir -p "$work/$name"
    if [ "${1:-}" = "--tray" ]; then
        headless=""
        shift
    fi
    # The log exists before the daemon starts: the port is read from it below, and a sed on a
    # missing file would end the script (set -e, pipefail) if it ran before the redirection.
    : >"$work/$name.log"
    env "$@" "$kiwoomd" --simulate $headless --port 0 --data-dir "$work/$name" --config "$config" \
        >>"$work/$name.log" 2>&1 &
    daemon_pid=$!
    pids+=("$daemon_pid")
    daemon_port=""
    for _ in $(seq 1 300); do
        daemon_port="$(sed -n 's|.*serving http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/$name.log" | head -1)"
        [ -n "$daemon_port" ] && break
        kill -0 "$daemon_pid" 2>/dev/null || die "kiwoomd ($name) exited: $(tail -5 "$work/$name.log")"
        sleep 0.1
    done
    [ -n "$daemon_port" ] || die "kiwoomd ($name) did not report its port"
}

json_field() { # body field -> the first numeric value of "field"
    sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p" <<<"$1" | head -1
}

# Waits until every feed of the daemon on `port` has a first ranking.
wait_for_rankings() { # port feed...
    local port="$1" feed body
    shift
    for feed in "$@"; do
        for _ in $(seq 1 300); do
            body="$(curl -s "http://127.0.0.1:$port/api/feeds/$feed" || true)"
            [ "$(json_field "$body" version)" ] && [ "$(json_field "$body" version)" -ge 1 ] && break
            sleep 0.1
        done
        [ "$(json_field "$body" version)" -ge 1 ] || die "feed $feed has no ranking after 30 s"
    done
}

write_config() { # file interval feeds-json
    cat >"$1" <<EOF
{
  "server": { "max_connections": 300, "max_stream_subscribers": $subscribers },
  "polling": { "interval_seconds": $2, "safety_margin_ms": 0,
               "limit_windows": [{ "max_requests": 100000, "seconds": 1 }] },
  "emulator": { "seed": 7, "page_size": 100, "login_delay_ms": 0,
                "limit_windows": [{ "max_requests": 100000, "seconds": 1 }] },
  "feeds": $3
}
EOF
}
# The emulated KOSPI has fewer than 100 issues above the TR's smallest volume filter (78 with seed
# 7), so the 100-row ranking is the whole market's (시장구분 000): one page of emulator.page_size 100.
ranking_feed='[{ "id": "all", "inputs": { "시장구분": "000" }, "max_pages": 1 }]'
ranking_path="/api/volume-ranking?market=all"
three_feeds='[{ "id": "kospi", "inputs": { "시장구분": "001" }, "max_pages": 1 },
            { "id": "kosdaq", "inputs": { "시장구분": "101" }, "max_pages": 1 },
            { "id": "all", "inputs": { "시장구분": "000" }, "max_pages": 1 }]'

# --- wrk ------------------------------------------------------------------------------------------
to_micros() { # "123.45us" / "1.20ms" / "2.00s" -> microseconds
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) print n; else if (v ~ /ms$/) print n * 1000; else if (v ~ /m$/) print n * 60e6;
        else if (v ~ /s$/) print n * 1e6; else print n }'
}
run_wrk() { # port connections seconds -> "rps p50_us p99_us errors"
    local out rps p50 p99 errors
    out="$(wrk -t2 -c"$2" -d"$3"s --latency "http://127.0.0.1:$1$ranking_path")"
    echo "$out" >>"$work/wrk.log"
    rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
    p50="$(to_micros "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
    p99="$(to_micros "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
    errors="$(awk '/Non-2xx/ {e += $NF} /Socket errors/ {gsub(",", ""); e += $4 + $6 + $8 + $10} END {print e + 0}' <<<"$out")"
    echo "${rps:-0} ${p50:-0} ${p99:-0} $errors"
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR ? v[int((NR + 1) / 2)] : 0)}'; }
column_median() { awk -v c="$2" '{print $c}' "$1" | median; }

result_field() { sed -n "s/.*[ ]$2=\([^ ]*\).*/\1/p" <<<" $1" | tail -1; }

machine_load_start="$(load1)"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

write_config "$work/throughput.json" 3600 "$ranking_feed"
body_bytes="?" row_count="?"

# === 1. Throughput and starvation: kiwoomd and nginx on the same bytes, alternately ==============
if want throughput; then
start_daemon throughput "$work/throughput.json"
kpid="$daemon_pid" kport="$daemon_port"
wait_for_rankings "$kport" all
log "kiwoomd (pid $kpid) on port $kport"

mkdir -p "$work/nginx/html/api" "$work/nginx/logs" "$work/nginx/tmp"
curl -s -D "$work/kiwoomd.head" "http://127.0.0.1:$kport$ranking_path" -o "$work/nginx/html/api/volume-ranking"
body="$(cat "$work/nginx/html/api/volume-ranking")"
row_count="$(json_field "$body" row_count)"
body_version="$(json_field "$body" version)"
body_bytes="$(stat -c %s "$work/nginx/html/api/volume-ranking")"
etag="$(sed -n 's/^ETag: *\(.*\)\r$/\1/Ip' "$work/kiwoomd.head")"
log "ranking: row_count $row_count, $body_bytes bytes, version $body_version, ETag $etag"
[ "$row_count" = 100 ] || log "warning: the ranking has $row_count rows, not 100"
chmod -R a+rX "$work/nginx/html"

nport="$(free_port)"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
worker_rlimit_nofile 65536;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nodelay on;
    keepalive_requests 1000000000;
    keepalive_timeout 65s;
    default_type application/json;
    types { }
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    server {
        listen 127.0.0.1:$nport;
        root $work/nginx/html;
    }
}
EOF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" &
npid=$!
pids+=("$npid")
for _ in $(seq 1 100); do
    curl -s -o "$work/nginx.body" "http://127.0.0.1:$nport$ranking_path" && break
    kill -0 "$npid" 2>/dev/null || die "nginx exited: $(cat "$work/nginx/logs/error.log")"
    sleep 0.1
done
cmp -s "$work/nginx.body" "$work/nginx/html/api/volume-ranking" || die "nginx does not serve the same bytes"
log "nginx (pid $npid) on port $nport serves the same $body_bytes bytes"

touch "$work/k8" "$work/n8" "$work/k64" "$work/n64"
for round in $(seq 1 "$rounds"); do
    for c in 8 64; do
        order="k n"
        [ $((round % 2)) -eq 0 ] && order="n k"
        for server in $order; do
            if [ "$server" = k ]; then
                phase_begin "wrk-$c-r$round" "$kpid"
                ticks="$(cpu_ticks "$kpid")"
                result="$(run_wrk "$kport" "$c" "$seconds")"
                ticks=$(($(cpu_ticks "$kpid") - ticks))
                phase_end
            else
                ticks="$(cpu_ticks "$npid")"
                result="$(run_wrk "$nport" "$c" "$seconds")"
                ticks=$(($(cpu_ticks "$npid") - ticks))
            fi
            result="$result $(cpu_per_request "$ticks" "$(awk -v r="${result%% *}" -v s="$seconds" 'BEGIN {print r * s}')")"
            echo "$result" >>"$work/$server$c"
            log "round $round, $c connections, $([ "$server" = k ] && echo kiwoomd || echo nginx): $result (req/s p50_us p99_us errors cpu_us/req)"
        done
    done
done

for c in 64 256; do
    for server in k n; do
        port="$kport"
        [ "$server" = n ] && port="$nport"
        [ "$server" = k ] && phase_begin "loadgen-$c" "$kpid"
        out="$("$loadgen" --port "$port" --path "$ranking_path" --connections "$c" --duration "$seconds" --threads 2)"
        [ "$server" = k ] && phase_end
        echo "$out" >>"$work/loadgen.log"
        grep '^RESULT' <<<"$out" >"$work/starve-$server$c"
        log "$([ "$server" = k ] && echo kiwoomd || echo nginx) at $c connections: $(head -1 <<<"$out")"
    done
done

after="$(curl -s "http://127.0.0.1:$kport$ranking_path")"
if [ "$after" != "$body" ]; then
    log "warning: kiwoomd's body changed during the throughput runs (version $(json_field "$after" version))"
fi
stop_pid "$npid"
stop_pid "$kpid"
fi

# === 2. The event stream: 1000 subscribers while pollers poll ====================================
if want stream; then
write_config "$work/stream.json" 2 "$three_feeds"
start_daemon stream "$work/stream.json"
spid="$daemon_pid" sport="$daemon_port"
wait_for_rankings "$sport" kospi kosdaq all
log "stream daemon (pid $spid) on port $sport; polls every 2 s, three feeds"

phase_begin "pollers-alone-1" "$spid"
without1="$(run_wrk "$sport" 64 "$poll_seconds")"
phase_end
log "pollers without subscribers: $without1"

phase_begin "stream-$subscribers" "$spid"
rm -f "$work/stream.ready"
"$streamclient" --port "$sport" --subscribers "$subscribers" --duration "$stream_seconds" \
    --ready-file "$work/stream.ready" --busy-file "$work/stream.busy" >"$work/stream.out" 2>&1 &
cpid=$!
pids+=("$cpid")
for _ in $(seq 1 600); do
    [ -e "$work/stream.ready" ] && break
    kill -0 "$cpid" 2>/dev/null || break
    sleep 0.1
done
[ -e "$work/stream.ready" ] || die "the stream client did not get its subscribers: $(cat "$work/stream.out")"
log "$subscribers subscribers open; pollers start in 3 s"
sleep 3
busy_from="$(date +%s%3N)"
with="$(run_wrk "$sport" 64 "$poll_seconds")"
echo "$busy_from $(date +%s%3N)" >"$work/stream.busy"
log "pollers with $subscribers subscribers: $with"
wait "$cpid" || die "the stream client failed: $(cat "$work/stream.out")"
forget_pid "$cpid"
phase_end
stream_result="$(grep '^RESULT' "$work/stream.out")"
log "stream: $(head -2 "$work/stream.out" | tr '\n' ' ')"

phase_begin "pollers-alone-2" "$spid"
without2="$(run_wrk "$sport" 64 "$poll_seconds")"
phase_end
log "pollers without subscribers, again: $without2"
stop_pid "$spid"
fi

# === 3. Ingest: OnReceiveTrData to the served snapshot ===========================================
if want ingest; then
ingest_out="$("$ingest" --iterations "$ingest_iterations" --rows 200 2>/dev/null)"
ingest_result="$(grep '^RESULT' <<<"$ingest_out")"
log "ingest: $(head -1 <<<"$ingest_out")"
fi

# === 4. Memory with the tray: idle, under load, after ============================================
if want memory; then
tray_note=""
: >"$work/display"
Xvfb -displayfd 3 -screen 0 640x240x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xpid=$!
pids+=("$xpid")
for _ in $(seq 1 100); do
    [ -s "$work/display" ] && break
    sleep 0.1
done
display=":$(head -1 "$work/display")"
[ "$display" != ":" ] || die "Xvfb did not start: $(cat "$work/xvfb.log")"
DISPLAY="$display" trayer --edge top --align right --widthtype request --height 32 --SetDockType true \
    >"$work/trayer.log" 2>&1 &
pids+=("$!")
sleep 1
start_daemon tray "$work/throughput.json" --tray "DISPLAY=$display"
tpid="$daemon_pid" tport="$daemon_port"
for _ in $(seq 1 100); do
    grep -q "tray icon shown" "$work/tray.log" && break
    sleep 0.1
done
grep -q "tray icon shown" "$work/tray.log" || tray_note=" (no tray icon logged)"
wait_for_rankings "$tport" all
sleep 10
idle_kb="$(rss_kb "$tpid")"
log "tray daemon (pid $tpid) idle after 10 s: $(mib "$idle_kb") MiB$tray_note"

phase_begin "tray-load" "$tpid"
"$streamclient" --port "$tport" --subscribers "$subscribers" --duration "$load_seconds" --grace 1 \
    >"$work/tray-stream.out" 2>&1 &
tray_stream=$!
pids+=("$tray_stream")
"$loadgen" --port "$tport" --path "$ranking_path" --connections 256 --duration "$load_seconds" --threads 2 >"$work/tray-loadgen.out"
wait "$tray_stream" || log "warning: the stream client under load failed: $(cat "$work/tray-stream.out")"
forget_pid "$tray_stream"
phase_end
load_peak_kb="$phase_peak"
log "tray daemon under load (256 pollers, $subscribers subscribers): peak $(mib "$load_peak_kb") MiB; settling ${settle_seconds} s"
sleep "$settle_seconds"
settled_kb="$(rss_kb "$tpid")"
log "tray daemon ${settle_seconds} s after the load: $(mib "$settled_kb") MiB"
stop_pid "$tpid"
fi
# === 5. The dashboard in Chromium: render time, heap, update latency ==============================
if want dashboard; then
"$root/tests/browser/support/npm-install.sh" >&2
dashboard_out="$(node "$root/bench/dashboard_bench.mjs" "$kiwoomd" 2>&1)" || log "warning: the dashboard bench failed"
dashboard_result="$(grep '^dashboard:' <<<"$dashboard_out" || true)"
log "dashboard: $(grep -v '^dashboard:' <<<"$dashboard_out" | tr '\n' ';')"
fi
machine_load_end="$(load1)"

# === The table ====================================================================================
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo FAIL; fi; }
fmt_rps() { printf "%.0f" "$1"; }
fmt_us() { awk -v u="$1" 'BEGIN {if (u >= 1000) printf "%.2f ms", u / 1000; else printf "%.0f us", u}'; }

{
    echo
    if [ -s "$work/memory" ]; then
        echo "Per-phase memory of the daemons (RSS in MiB: before, peak, after):"
        while read -r name before peak after; do
            printf '  %-20s %6s %6s %6s\n' "$name" "$(mib "$before")" "$(mib "$peak")" "$(mib "$after")"
        done <"$work/memory"
        echo
    fi
    if want throughput; then
        echo "wrk rounds (req/s p50_us p99_us errors server-cpu-us/answer):"
        for c in 8 64; do
            echo "  kiwoomd @$c: $(tr '\n' ';' <"$work/k$c")"
            echo "  nginx   @$c: $(tr '\n' ';' <"$work/n$c")"
        done
        echo
    fi
} >&2

cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo
echo "kiwoomd vs nginx $("$nginx_bin" -v 2>&1 | sed 's|.*/||'), $(date -u '+%Y-%m-%d %H:%M UTC'); $cpu, $(nproc) cores," \
    "kernel $(uname -r); load average (1 min) $machine_load_start at start, $machine_load_end at end;" \
    "ranking body $body_bytes bytes, $row_count rows;" \
    "$([ "$quick" -eq 1 ] && echo "QUICK run: $rounds round of $seconds s" || echo "median of $rounds rounds of $seconds s")"
echo
echo "| measurement | target | kiwoomd | nginx (same bytes) | result |"
echo "|---|---|---|---|---|"
if want throughput; then
    for c in 8 64; do
        krps="$(column_median "$work/k$c" 1)" kp50="$(column_median "$work/k$c" 2)" kp99="$(column_median "$work/k$c" 3)"
        nrps="$(column_median "$work/n$c" 1)" np50="$(column_median "$work/n$c" 2)" np99="$(column_median "$work/n$c" 3)"
        kerr="$(awk '{e += $4} END {print e + 0}' "$work/k$c")"
        kcpu="$(column_median "$work/k$c" 5)" ncpu="$(column_median "$work/n$c" 5)"
        ratio="$(awk -v k="$krps" -v n="$nrps" 'BEGIN {printf "%.2f", (n > 0 ? k / n : 0)}')"
        # The floor: 0.6× nginx's requests/s, no errors. p99 is reported, not judged.
        ok="$(awk -v r="$ratio" -v e="$kerr" 'BEGIN {print (r >= 0.6 && e == 0) ? 1 : 0}')"
        echo "| ranking @$c conns (wrk) | ≥ 0.6× nginx req/s, no errors | $(fmt_rps "$krps") req/s, p50 $(fmt_us "$kp50"), p99 $(fmt_us "$kp99"), CPU $kcpu us/answer$([ "$kerr" -gt 0 ] && echo ", $kerr errors") | $(fmt_rps "$nrps") req/s, p50 $(fmt_us "$np50"), p99 $(fmt_us "$np99"), CPU $ncpu us/answer | ${ratio}× $(verdict "$ok") |"
    done
    for c in 64 256; do
        k="$(cat "$work/starve-k$c")" n="$(cat "$work/starve-n$c")"
        kmin="$(result_field "$k" conn_min)" kmed="$(result_field "$k" conn_median)"
        nmin="$(result_field "$n" conn_min)" nmed="$(result_field "$n" conn_median)"
        ok="$(awk -v m="$kmin" 'BEGIN {print (m >= 1) ? 1 : 0}')"
        echo "| every connection served @$c conns (loadgen, $seconds s) | every connection answered | slowest $kmin, median $kmed answers; $(fmt_rps "$(result_field "$k" rps)") req/s, p99 $(fmt_us "$(result_field "$k" p99_us)") | slowest $nmin, median $nmed; $(fmt_rps "$(result_field "$n" rps)") req/s, p99 $(fmt_us "$(result_field "$n" p99_us)") | $(verdict "$ok") |"
    done
fi
if want stream; then
    f() { result_field "$stream_result" "$1"; }
    ok="$(awk -v p="$(f p99_ms)" -v m="$(f missing)" -v d="$(f dropped)" -v g="$(f version_gaps)" -v e="$(f events)" \
        'BEGIN {print (p <= 50 && m == 0 && d == 0 && g == 0 && e > 0) ? 1 : 0}')"
    echo "| stream: $subscribers subscribers, 3 feeds every 2 s, ${stream_seconds} s | every event to every subscriber; delivery p99 ≤ 50 ms after the cache update | all: p50 $(f p50_ms) ms, p99 $(f p99_ms) ms, max $(f max_ms) ms; while 64 pollers ran: p99 $(f busy_p99_ms) ms; otherwise: p99 $(f quiet_p99_ms) ms; $(f events) events, missing $(f missing), dropped $(f dropped) | — | $(verdict "$ok") |"
    wo="$(awk -v a="${without1%% *}" -v b="${without2%% *}" 'BEGIN {printf "%.0f", (a + b) / 2}')"
    wi="${with%% *}"
    pratio="$(awk -v w="$wi" -v o="$wo" 'BEGIN {printf "%.2f", (o > 0 ? w / o : 0)}')"
    echo "| pollers during the stream (wrk @64) | reported: their req/s without subscribers | $(fmt_rps "$wi") req/s with, $(fmt_rps "$wo") without (p99 $(fmt_us "$(awk '{print $3}' <<<"$with")") with) | — | ${pratio}× |"
fi
if want ingest; then
    g() { result_field "$ingest_result" "$1"; }
    ok="$(awk -v p="$(g p99_us)" 'BEGIN {print (p < 1000) ? 1 : 0}')"
    echo "| ingest: OnReceiveTrData → served snapshot, $(g rows) rows | p99 < 1 ms | p50 $(fmt_us "$(g p50_us)"), p99 $(fmt_us "$(g p99_us)"), max $(fmt_us "$(g max_us)") ($ingest_iterations answers; p50 of the parts: control's GetCommDataEx table $(fmt_us "$(g table_p50_us)"), freezeSnapshot $(fmt_us "$(g freeze_p50_us)"); without the stand-in's table: p50 $(fmt_us "$(g own_p50_us)"), p99 $(fmt_us "$(g own_p99_us)")) | — | $(verdict "$ok") |"
fi
if want memory; then
    ok="$(awk -v k="$idle_kb" 'BEGIN {print (k > 0 && k <= 40 * 1024) ? 1 : 0}')"
    echo "| memory idle, with the tray (RSS after 10 s) | ≤ 40 MiB | $(mib "$idle_kb") MiB$tray_note | — | $(verdict "$ok") |"
    echo "| memory under load (256 pollers + $subscribers subscribers, ${load_seconds} s) and ${settle_seconds} s after | reported | peak $(mib "$load_peak_kb") MiB, after $(mib "$settled_kb") MiB (idle $(mib "$idle_kb")) | — | — |"
fi
if want dashboard; then
    d() { result_field "$dashboard_result" "$1"; }
    echo "| dashboard in Chromium: 200-row table, 1,200 snapshots; update latency (bench/dashboard_bench.mjs) | render median < 50 ms; heap growth < 1 MB, DOM stable; stream ≤ 1 s, polling ≤ 1.6 s | render p50 $(d render_median_ms) ms, p95 $(d render_p95_ms) ms; heap +$(d heap_growth_kb) kB, DOM stable $(d dom_stable); stream max $(d stream_max_ms) ms, polling max $(d poll_max_ms) ms | — | $(verdict "$([ "$(d ok)" = 1 ] && echo 1 || echo 0)") |"
fi
