#!/usr/bin/env bash
# Builds kiwoomd's container image (container/Dockerfile) without any image registry and
# smoke-tests it against the local Kiwoom REST test server (tests/rest/kiwoom_rest_server.py):
# start, /api/health, /api/status, a ranking. Not part of scripts/test.sh or .ci/run: the first
# run takes several minutes (debootstrap, then a Release build inside the image).
#
#   scripts/container-smoke.sh            # keeps the images for the next run
#   scripts/container-smoke.sh --rebuild  # also re-imports the base image
#   scripts/container-smoke.sh --source-dir DIR   # build DIR (a source tree) instead of the checkout
#
# Needs podman, runc, debootstrap, openssl, curl, python3 (scripts/install-deps.sh podman runc
# debootstrap openssl curl python3) and root, or a user that may run debootstrap through sudo.
# How podman is run follows ../shared/containers.md: runc instead of crun, cgroupfs, no default
# ulimits, --pull=never, a debootstrapped debian:bookworm imported under the name FROM expects.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
image=localhost/kiwoomd:smoke
base=docker.io/library/debian:bookworm
rebuild_base=false
source_dir=
while [ $# -gt 0 ]; do
    case "$1" in
        --rebuild) rebuild_base=true ;;
        --source-dir) source_dir=$2; shift ;; # build this tree (e.g. an export) instead of the checkout
        *) echo "usage: $0 [--rebuild] [--source-dir DIR]" >&2; exit 2 ;;
    esac
    shift
done

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
for tool in podman debootstrap openssl curl python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool: scripts/install-deps.sh podman runc debootstrap openssl curl python3" >&2; exit 1; }
done
[ -x /usr/sbin/runc ] || { echo "missing /usr/sbin/runc (apt-get install runc)" >&2; exit 1; }

work=$(mktemp -d)
container=kiwoomd-smoke-$$
volume=kiwoomd-smoke-data-$$
server_pid=
printf '[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = "cgroupfs"\n' > "$work/containers.conf"
pod() { CONTAINERS_CONF="$work/containers.conf" podman --runtime /usr/sbin/runc "$@"; }
cleanup() {
    pod rm -f "$container" >/dev/null 2>&1 || true
    pod volume rm -f "$volume" >/dev/null 2>&1 || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    sudo_if_needed rm -rf "$work"
}
trap cleanup EXIT
step_start=$SECONDS
step() { echo "== [$((SECONDS - step_start)) s] $*"; }

# 1. The base image, from Debian's packages (no registry).
if $rebuild_base || ! pod image exists "$base"; then
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
             | awk '/^(URIs:|deb) +https?:\/\/[^ ]*debian\/?( |$)/ && $2 !~ /security/ {print $2; exit}' || true)
    mirror=${mirror:-http://deb.debian.org/debian}
    step "debootstrap --variant=minbase bookworm from $mirror"
    sudo_if_needed debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    step "import as $base"
    sudo_if_needed tar -C "$work/rootfs" -c . | pod import - "$base" >/dev/null
    sudo_if_needed rm -rf "$work/rootfs"
else
    step "base image $base already in local storage"
fi

# 2. The image, from the files git knows (tracked or new, not ignored): no build trees.
mkdir "$work/context"
if [ -n "$source_dir" ]; then
    step "build context from $source_dir"
    tar -C "$source_dir" --exclude=./build --exclude=./.git -c . | tar -x -C "$work/context"
else
    step "build context from git ls-files"
    (cd "$repo" && git ls-files -z -co --exclude-standard | tar --null -T - -c) | tar -x -C "$work/context"
fi
step "podman build --pull=never -f container/Dockerfile -t $image"
pod build --pull=never -f "$work/context/container/Dockerfile" -t "$image" "$work/context" >"$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; exit 1; }
step "image built: $(pod image inspect "$image" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"

# 3. The REST test server on the host, with a CA made now.
(cd "$work" &&
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem \
        -days 1 -subj "/CN=kiwoomd smoke CA" &&
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr \
        -subj "/CN=127.0.0.1" &&
    printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext &&
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 1 \
        -extfile server.ext) >/dev/null 2>&1
chmod 644 "$work/ca.pem"
appkey=smoke-appkey-$(openssl rand -hex 12)
secretkey=smoke-secret-$(openssl rand -hex 12)
python3 "$repo/tests/rest/kiwoom_rest_server.py" --port 0 --cert "$work/server.pem" --key "$work/server.key" \
    --appkey "$appkey" --secretkey "$secretkey" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 50); do grep -q '^listening on' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
server_port=$(awk '/^listening on/ {print $3; exit}' "$work/server.out")
[ -n "$server_port" ] || { cat "$work/server.err" >&2; exit 1; }
step "test server on https://127.0.0.1:$server_port"

# 4. The container on the host's network, so that it reaches the test server on 127.0.0.1.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The shipped config plus what a smoke test needs: a market that is open at any hour, quick polls.
cat > "$work/smoke.json" <<JSON
{"server": {"token_policy": "always"}, "market": {"calendar": "always-open"},
 "polling": {"interval_seconds": 2}, "connection": {"reconnect_min_seconds": 1}}
JSON
chmod 644 "$work/smoke.json"
run_args=(--port "$port" --rest-url "https://127.0.0.1:$server_port" --rest-ca-file /etc/kiwoomd/test-ca.pem)
if pod run --rm --entrypoint kiwoomd "$image" --help 2>&1 | grep -q -- '--source'; then
    rest=true
else
    # The image's kiwoomd predates the REST source: check that the image runs and serves at all.
    rest=false
    step "this kiwoomd has no --source flag yet: smoke-testing the emulator instead (health and status only)"
    run_args=(--simulate --headless --host 0.0.0.0 --config /etc/kiwoomd/kiwoomd.json --data-dir /var/lib/kiwoomd
              --port "$port")
fi
entry=()
$rest || entry=(--entrypoint kiwoomd)
pod volume create "$volume" >/dev/null
pod run -d --name "$container" --network host \
    -e KIWOOM_APPKEY="$appkey" -e KIWOOM_SECRETKEY="$secretkey" \
    -v "$work/ca.pem:/etc/kiwoomd/test-ca.pem:ro" -v "$work/smoke.json:/etc/kiwoomd/kiwoomd.json:ro" \
    -v "$volume:/var/lib/kiwoomd" "${entry[@]}" "$image" "${run_args[@]}" >/dev/null
step "container $container started, serving on 0.0.0.0:$port; runs as uid $(pod exec "$container" id -u)"

fail() { echo "FAILED: $*" >&2; pod logs "$container" 2>&1 | tail -30 >&2; exit 1; }
token=
for _ in $(seq 100); do
    token=$(pod exec "$container" cat /var/lib/kiwoomd/api-token 2>/dev/null || true)
    [ -n "$token" ] && break
    sleep 0.2
done
[ -n "$token" ] || fail "no API token in the data volume"
api() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port$1"; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health")" = 401 ] \
    || fail "/api/health without the token is not 401 (token_policy always)"
for _ in $(seq 100); do api /api/health >/dev/null 2>&1 && break; sleep 0.2; done
step "/api/health: $(api /api/health || fail "no /api/health")"
backend=$(api /api/status | python3 -c 'import json,sys; print(json.load(sys.stdin)["backend"])')
step "/api/status backend: $backend"
if $rest; then
    [ "$backend" = rest ] || fail "backend is $backend, not rest"
    rows=0
    for _ in $(seq 60); do
        rows=$(api /api/volume-ranking | python3 -c 'import json,sys; print(json.load(sys.stdin)["row_count"])' || echo 0)
        [ "$rows" -gt 0 ] && break
        sleep 0.5
    done
    [ "$rows" -gt 0 ] || fail "no ranking arrived"
    step "/api/volume-ranking: $rows rows; first: $(api /api/volume-ranking | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["data"][0], ensure_ascii=False))')"
    requests=$(curl -sk "https://127.0.0.1:$server_port/_test/log" | python3 -c 'import json,sys; r=json.load(sys.stdin)["requests"]; print(len(r), "requests:", sorted(set(x["path"] for x in r)))')
    step "test server saw $requests"
    if pod logs "$container" 2>&1 | grep -qe "$appkey" -e "$secretkey"; then fail "a key appears in the container log"; fi
fi
pod stop -t 10 "$container" >/dev/null
step "stopped; exit code $(pod inspect "$container" --format '{{.State.ExitCode}}')"
if $rest; then
    revokes=$(curl -sk "https://127.0.0.1:$server_port/_test/log" \
              | python3 -c 'import json,sys; print(sum(r["path"] == "/oauth2/revoke" for r in json.load(sys.stdin)["requests"]))')
    step "token revoked at exit: $revokes revoke request(s)"
fi
echo "container smoke test passed (rest source: $rest)"
