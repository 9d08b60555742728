#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (preset "fuzz": clang, ASan + UBSan) and runs each for
# a bounded time on a copy of its seed corpus. Exits non-zero if any target crashes, leaks, times
# out or breaks one of its invariants; the input that did it is left in build/fuzz/artifacts/.
#   scripts/fuzz.sh                    # every target, 30 s each
#   scripts/fuzz.sh 20                 # what CI runs
#   scripts/fuzz.sh 600 FuzzRequest    # one target for ten minutes
# Reproduce a crash: build/fuzz/tests/fuzz/<target> build/fuzz/artifacts/<target>/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
shift || true
all_targets=(FuzzTrValue FuzzRankingRow FuzzServerMessage FuzzConfigLoader FuzzSnapshotJson FuzzRequest
    FuzzHostProtocol)
if [ $# -gt 0 ]; then
    targets=("$@")
else
    targets=("${all_targets[@]}")
fi
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
    exit 2
fi

# clang and the compiler-rt libraries that hold libFuzzer and the sanitizer runtimes.
scripts/install-deps.sh clang libclang-rt-dev

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

build=build/fuzz
# A report stops the run at once; leaks count (LeakSanitizer runs at the end of each input).
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:symbolize=1}"

failed=()
summary=()
for target in "${targets[@]}"; do
    binary="$build/tests/fuzz/$target"
    seeds="tests/fuzz/corpus/$target"
    if [ ! -x "$binary" ] || [ ! -d "$seeds" ]; then
        echo "unknown fuzz target '$target'; known: ${all_targets[*]}" >&2
        exit 2
    fi
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    log="$build/logs/$target.log"
    rm -rf "$corpus"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    cp "$seeds"/* "$corpus"/
    seed_count=$(find "$corpus" -type f | wc -l)
    options=(
        -max_total_time="$seconds"
        -timeout=10          # one input taking 10 s is a hang
        -rss_limit_mb=2048   # and one needing 2 GB a memory bomb
        -max_len=8192
        -print_final_stats=1
        -artifact_prefix="$artifacts/"
    )
    if [ -f "tests/fuzz/dict/$target.dict" ]; then
        options+=(-dict="tests/fuzz/dict/$target.dict")
    fi
    echo "== $target: ${seconds}s on $seed_count seeds"
    status=0
    "$binary" "${options[@]}" "$corpus" >"$log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    corpus_count=$(find "$corpus" -type f | wc -l)
    line=$(printf '%-18s execs %-10s %-24s corpus %s -> %s' "$target" "${execs:-?}" "${coverage:-cov: ?}" \
        "$seed_count" "$corpus_count")
    if [ "$status" -ne 0 ]; then
        line="$line  FAILED (exit $status, log $log)"
        failed+=("$target")
        # The report: the sanitizer's or the invariant's message and the first frames.
        grep -E -A25 'ERROR: |runtime error|fuzz invariant|escaped the loader' "$log" | head -40 >&2 || tail -40 "$log" >&2
        ls "$artifacts" >&2
    fi
    summary+=("$line")
done

echo
echo "fuzz summary (${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]} (inputs in $build/artifacts/)"
    exit 1
fi
echo "${#targets[@]} passed, 0 failed"
