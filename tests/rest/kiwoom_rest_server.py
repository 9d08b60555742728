#!/usr/bin/env python3
"""A local HTTPS stand-in for Kiwoom's REST API, for kiwoomd's tests.

Written from the documented shapes only (../../../shared/kiwoom-openapi.md, "Kiwoom's REST API"):
au10001 POST /oauth2/token, au10002 POST /oauth2/revoke, ka10023 POST /api/dostk/rkinfo with
continuation through the cont-yn / next-key headers. Python standard library only.

    kiwoom_rest_server.py --port 0 --cert server.pem --key server.key \
        --appkey APPKEY --secretkey SECRET [--scenario normal] [--token-seconds 86400] \
        [--throttle-count 3] [--stale-token-http 200|401]

The first line on stdout is "listening on PORT". Test control (plain, no auth; the server only
listens on 127.0.0.1):
    POST /_test/scenario {"name": "throttle"}   switch scenario (resets the scenario's counters)
    POST /_test/expire-tokens                   every issued token turns stale at once
    GET  /_test/log                             {"requests": [...], "issued_tokens": [...]}

Scenarios: normal, token-expiry, throttle, ip-not-registered, malformed, empty, slow, reset.

Choices where the documented facts leave room (say so in a test that depends on them):
- Kiwoom reports errors in the body's return_code; this server answers them with HTTP 200,
  except throttling (return_code 1700 with HTTP 429, as both are seen) and, with
  --stale-token-http 401, a stale token (return_code 8005 with HTTP 401; the official client
  re-issues on either).
- Codes the facts do not name are this server's own: 1501 for a malformed request.
"""

import argparse
import datetime
import json
import secrets
import socket
import ssl
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SCENARIOS = ("normal", "token-expiry", "throttle", "ip-not-registered", "malformed", "empty",
             "slow", "reset")
KST = datetime.timezone(datetime.timedelta(hours=9))
JSON_TYPE = "application/json;charset=UTF-8"
RANKING_BODY_KEYS = {"mrkt_tp", "sort_tp", "tm_tp", "trde_qty_tp", "tm", "stk_cnd", "pric_tp",
                     "stex_tp"}
ALLOWED_VALUES = {
    "mrkt_tp": {"000", "001", "101"},
    "sort_tp": {"1", "2", "3", "4"},
    "tm_tp": {"1", "2"},
    "trde_qty_tp": {"5", "10", "50", "100", "200", "300", "500", "1000"},
    "stex_tp": {"1", "2", "3"},
}
SLOW_SECONDS = 20
FIRST_PAGE_ROWS = 30

# Codes from the documented facts.
RC_OK = 0
RC_THROTTLED = 1700
RC_TOKEN_INVALID = 8005
RC_IP_NOT_REGISTERED = 8010
RC_KEY_MISMATCH = 8030
RC_BAD_REQUEST = 1501  # this server's own choice


def ranking_rows():
    """45 fixed rows in rank order. The first rows are the documented examples."""
    rows = [
        # Samsung falling: the price's sign is the direction, pred_pre is signed, "+005000" padded.
        ["005930", "삼성전자", "-74000", "5", "-500", "-0.67", "+005000", "+015000", "+010000",
         "+200.00"],
        # A venue suffix (NXT) and a rise.
        ["000660_NX", "SK하이닉스", "+183000", "2", "+3000", "+1.67", "2000000", "6000000",
         "4000000", "+200.00"],
        # Unchanged, small negative rate elsewhere.
        ["035420", "NAVER", "210000", "3", "0", "0.00", "000300000", "000750000", "000450000",
         "+150.00"],
        ["005380", "현대차", "-241500", "5", "-170", "-0.07", "400000", "900000", "500000",
         "+125.00"],
        # Upper limit.
        ["900110", "상한가종목", "+13000", "1", "+3000", "+30.00", "100000", "220000", "120000",
         "+120.00"],
    ]
    for index in range(len(rows), 45):
        number = index + 1
        price = 1000 + number * 37
        change = number * 3
        prev = 100000 + number * 1000
        now = prev * 2 - number * 500
        rows.append([
            "99%04d" % number, "테스트종목%02d" % number, "+%d" % price, "2", "+%d" % change,
            "+%.2f" % (change * 100.0 / (price - change)), str(prev), str(now), str(now - prev),
            "+%.2f" % ((now - prev) * 100.0 / prev),
        ])
    keys = ("stk_cd", "stk_nm", "cur_prc", "pred_pre_sig", "pred_pre", "flu_rt", "prev_trde_qty",
            "now_trde_qty", "sdnin_qty", "sdnin_rt")
    return [dict(zip(keys, row)) for row in rows]


class State:
    """Everything the handlers share; one lock guards it all."""

    def __init__(self, args):
        self.lock = threading.Lock()
        self.appkey = args.appkey
        self.secretkey = args.secretkey
        self.token_seconds = args.token_seconds
        self.throttle_count = args.throttle_count
        self.stale_token_http = args.stale_token_http
        self.scenario = args.scenario
        self.data_requests_in_scenario = 0
        self.tokens = {}  # token -> monotonic expiry
        self.issued_tokens = []
        self.next_keys = set()
        self.log = []

    def set_scenario(self, name):
        with self.lock:
            self.scenario = name
            self.data_requests_in_scenario = 0


class TlsServer(ThreadingHTTPServer):
    """Does each TLS handshake on the connection's own thread, so a stuck client blocks no one."""

    daemon_threads = True

    def __init__(self, address, context, state):
        super().__init__(address, Handler)
        self.context = context
        self.state = state

    def finish_request(self, request, client_address):
        try:
            connection = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return  # e.g. a client that does not trust our CA
        try:
            self.RequestHandlerClass(connection, client_address, self)
        except (OSError, ValueError):
            pass  # the connection was reset on purpose, or the client hung up
        finally:
            connection.close()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "KiwoomRestTestServer/1"

    def log_message(self, format, *args):  # quiet: the tests read /_test/log instead
        pass

    # --- plumbing -----------------------------------------------------------------------------

    def state(self):
        return self.server.state

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send(self, status, payload, headers=None, content_type=JSON_TYPE):
        body = payload if isinstance(payload, bytes) else json.dumps(
            payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # the client gave up (e.g. after its timeout in the slow scenario)

    def answer(self, entry, status, return_code, return_msg, extra=None, headers=None):
        entry["status"] = status
        entry["return_code"] = return_code
        payload = {"return_code": return_code, "return_msg": return_msg}
        payload.update(extra or {})
        self.send(status, payload, headers)

    def record(self, raw_body):
        try:
            body = json.loads(raw_body.decode("utf-8")) if raw_body else None
        except (ValueError, UnicodeDecodeError):
            body = raw_body.decode("utf-8", "replace")
        entry = {"time": time.time(), "method": self.command, "path": self.path,
                 "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
        if not self.path.startswith("/_test/"):
            with self.state().lock:
                self.state().log.append(entry)
        return entry

    def reset_connection(self):
        """Closes the TCP connection with a RST and no answer at all."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        raw = socket.socket(fileno=self.connection.detach())  # skip the TLS close_notify
        raw.close()
        self.close_connection = True

    # --- routes -------------------------------------------------------------------------------

    def do_GET(self):
        self.read_body()
        if self.path == "/_test/log":
            with self.state().lock:
                payload = {"requests": list(self.state().log),
                           "issued_tokens": list(self.state().issued_tokens),
                           "scenario": self.state().scenario}
            return self.send(200, payload)
        self.send(404, {"error": "not found"})

    def do_POST(self):
        raw = self.read_body()
        entry = self.record(raw)
        body = entry["body"]
        routes = {
            "/_test/scenario": self.post_scenario,
            "/_test/expire-tokens": self.post_expire_tokens,
            "/oauth2/token": self.post_token,
            "/oauth2/revoke": self.post_revoke,
            "/api/dostk/rkinfo": self.post_ranking,
        }
        route = routes.get(self.path.split("?")[0])
        if route is None:
            return self.send(404, {"return_code": RC_BAD_REQUEST, "return_msg": "no such path"})
        route(entry, body)

    def post_scenario(self, entry, body):
        name = body.get("name") if isinstance(body, dict) else None
        if name not in SCENARIOS:
            return self.send(400, {"error": "unknown scenario %r; use one of %s" % (name, SCENARIOS)})
        self.state().set_scenario(name)
        self.send(200, {"scenario": name})

    def post_expire_tokens(self, entry, body):
        with self.state().lock:
            for token in self.state().tokens:
                self.state().tokens[token] = 0.0
        self.send(200, {"expired": True})

    def check_json_content_type(self, entry):
        content_type = (self.headers.get("Content-Type") or "").replace(" ", "").lower()
        if not content_type.startswith("application/json"):
            self.answer(entry, 200, RC_BAD_REQUEST, "Content-Type must be %s" % JSON_TYPE)
            return False
        return True

    def credentials_ok(self, body):
        return (isinstance(body, dict) and body.get("appkey") == self.state().appkey
                and body.get("secretkey") == self.state().secretkey)

    def post_token(self, entry, body):
        state = self.state()
        if not self.check_json_content_type(entry):
            return
        if not isinstance(body, dict) or set(body) != {"grant_type", "appkey", "secretkey"} \
                or body.get("grant_type") != "client_credentials":
            return self.answer(entry, 200, RC_BAD_REQUEST,
                               "body must be {grant_type: client_credentials, appkey, secretkey}")
        if state.scenario == "ip-not-registered":
            return self.answer(entry, 200, RC_IP_NOT_REGISTERED,
                               "[8010:등록되지 않은 IP입니다]")
        if not self.credentials_ok(body):
            return self.answer(entry, 200, RC_KEY_MISMATCH,
                               "[8030:투자구분(실전/모의)이 다른 App Key를 사용하였습니다]")
        seconds = state.token_seconds if state.scenario == "token-expiry" else 86400
        token = secrets.token_urlsafe(48)
        expires = datetime.datetime.now(KST) + datetime.timedelta(seconds=seconds)
        with state.lock:
            state.tokens[token] = time.monotonic() + seconds
            state.issued_tokens.append(token)
        self.answer(entry, 200, RC_OK, "정상적으로 처리되었습니다",
                    {"expires_dt": expires.strftime("%Y%m%d%H%M%S"), "token_type": "bearer",
                     "token": token})

    def post_revoke(self, entry, body):
        state = self.state()
        if not self.check_json_content_type(entry):
            return
        if not isinstance(body, dict) or set(body) != {"appkey", "secretkey", "token"}:
            return self.answer(entry, 200, RC_BAD_REQUEST, "body must be {appkey, secretkey, token}")
        if not self.credentials_ok(body):
            return self.answer(entry, 200, RC_KEY_MISMATCH, "[8030:App Key 불일치]")
        with state.lock:
            state.tokens.pop(body["token"], None)
        self.answer(entry, 200, RC_OK, "정상적으로 처리되었습니다")

    def bearer_token_state(self):
        """'ok', 'stale' (issued here but expired or revoked) or 'missing'."""
        authorization = self.headers.get("authorization") or ""
        if not authorization.startswith("Bearer "):
            return "missing"
        token = authorization[len("Bearer "):]
        with self.state().lock:
            expiry = self.state().tokens.get(token)
            known = token in self.state().issued_tokens
        if expiry is not None and time.monotonic() < expiry:
            return "ok"
        return "stale" if known else "missing"

    def post_ranking(self, entry, body):
        state = self.state()
        with state.lock:
            state.data_requests_in_scenario += 1
            count = state.data_requests_in_scenario
            scenario = state.scenario
        if scenario == "reset":
            entry["status"] = "reset"
            return self.reset_connection()
        if self.headers.get("api-id") != "ka10023":
            return self.answer(entry, 200, RC_BAD_REQUEST, "api-id must be ka10023")
        if not self.check_json_content_type(entry):
            return
        token_state = self.bearer_token_state()
        if scenario == "ip-not-registered" and token_state != "missing":
            return self.answer(entry, 200, RC_IP_NOT_REGISTERED, "[8010:등록되지 않은 IP입니다]")
        if token_state != "ok":
            status = state.stale_token_http if token_state == "stale" else 401
            return self.answer(entry, status, RC_TOKEN_INVALID,
                               "[8005:Token이 유효하지 않습니다]")
        if not isinstance(body, dict) or set(body) != RANKING_BODY_KEYS:
            return self.answer(entry, 200, RC_BAD_REQUEST,
                               "body keys must be exactly %s" % sorted(RANKING_BODY_KEYS))
        for key, value in body.items():
            if not isinstance(value, str):
                return self.answer(entry, 200, RC_BAD_REQUEST, "%s must be a string" % key)
            if key in ALLOWED_VALUES and value not in ALLOWED_VALUES[key]:
                return self.answer(entry, 200, RC_BAD_REQUEST, "%s: %r not allowed" % (key, value))
        if body["tm_tp"] == "1" and not body["tm"].isdigit():
            return self.answer(entry, 200, RC_BAD_REQUEST, "tm: minutes required with tm_tp 1")
        if scenario == "throttle" and count <= state.throttle_count:
            return self.answer(entry, 429, RC_THROTTLED,
                               "[1700:허용된 요청 개수를 초과하였습니다]")
        if scenario == "malformed":
            entry["status"] = 200
            return self.send(200, b'{"return_code":0,"trde_qty_sdnin":[{"stk_cd":"005930",<html>')
        if scenario == "slow":
            time.sleep(SLOW_SECONDS)
        self.answer_page(entry, scenario)

    def answer_page(self, entry, scenario):
        state = self.state()
        continuing = (self.headers.get("cont-yn") or "").upper() == "Y"
        rows = [] if scenario == "empty" else ranking_rows()
        headers = {"api-id": "ka10023", "cont-yn": "N", "next-key": ""}
        if continuing:
            next_key = self.headers.get("next-key") or ""
            with state.lock:
                known = next_key in state.next_keys
                state.next_keys.discard(next_key)
            if not known:
                return self.answer(entry, 200, RC_BAD_REQUEST, "unknown next-key %r" % next_key)
            page = rows[FIRST_PAGE_ROWS:]
        elif len(rows) > FIRST_PAGE_ROWS:
            page = rows[:FIRST_PAGE_ROWS]
            next_key = "ka10023-%s" % secrets.token_hex(8)
            with state.lock:
                state.next_keys.add(next_key)
            headers.update({"cont-yn": "Y", "next-key": next_key})
        else:
            page = rows
        entry["response_headers"] = headers
        self.answer(entry, 200, RC_OK, "정상적으로 처리되었습니다", {"trde_qty_sdnin": page},
                    headers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--appkey", required=True)
    parser.add_argument("--secretkey", required=True)
    parser.add_argument("--scenario", choices=SCENARIOS, default="normal")
    parser.add_argument("--token-seconds", type=int, default=86400)
    parser.add_argument("--throttle-count", type=int, default=3)
    parser.add_argument("--stale-token-http", type=int, choices=(200, 401), default=200)
    args = parser.parse_args()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server = TlsServer(("127.0.0.1", args.port), context, State(args))
    print("listening on %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
